"""One look across every figure: a cohort's colour, line style and marker, font sizes readable
at the printed width, the day axis's breaks, and how text from the file and P values are drawn.

A cohort keeps its colour and line style in every figure and every run: they follow its rank
among the file's cohorts in sorted order (Okabe-Ito's colour-blind-safe palette, yellow left out
as unreadable on white), never its position in ``--groups`` or a panel's place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from ivig_blina.analyses.cohort_names import label_of
from ivig_blina.analyses.results import format_p
from ivig_blina.errors import IvigBlinaError, OptionError, printable

# Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, reddish purple,
# orange, sky blue, black (yellow is too light for lines on white)
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
LINESTYLES = ("-", "--", ":", "-.")  # 7 colours x 4 styles: 28 cohorts before a pair repeats
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
WIDTH = 7.0  # inches: a two-column journal figure
WIDTHS = (3.0, 20.0)  # --width: one journal column is 3.3-3.5 in; below 3 in nothing fits
DPI = 300
DPIS = (72, 1200)
FONT = 8.0  # points: the smallest text drawn (journals ask for 6-8 pt at the printed size)
LABEL_FONT = 9.0  # axis labels and panel titles
TITLE_FONT = 10.0
DAY_LABEL = "Days since first blinatumomab dose"
MOST_BREAKS_PER_INCH = 2  # day breaks: a 4-digit label at 8 pt is about a quarter inch
ROUND_STEPS = (1, 2, 2.5, 5)  # of each power of ten: 1, 2, 5, 10, 20, 25, 50, 100, ...

RC = {
    "font.size": LABEL_FONT,
    "axes.labelsize": LABEL_FONT,
    "axes.titlesize": LABEL_FONT,
    "xtick.labelsize": FONT,
    "ytick.labelsize": FONT,
    "legend.fontsize": FONT,
    "legend.title_fontsize": FONT,
    "figure.titlesize": TITLE_FONT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.8,
    "lines.linewidth": 1.4,
    "pdf.fonttype": 42,  # TrueType fonts embedded in PDF and EPS: journals refuse Type 3
    "ps.fonttype": 42,
    "svg.hashsalt": "ivigblina",  # the same figure gives the same SVG file
}


@dataclass(frozen=True)
class CohortStyle:
    """How one cohort is drawn: its colour, line style, marker and the label a reader sees
    (escaped for matplotlib)."""

    colour: str
    linestyle: str
    marker: str
    label: str


def cohort_styles(cohorts: Iterable[str], labels: Mapping[str, str] | None = None) -> dict[str, CohortStyle]:
    """The style of every cohort of the file, by its rank among ``cohorts`` (every cohort of
    the file, any order) in sorted order.

    Examples
    --------
    >>> cohort_styles(["ivig", "control"])["control"].colour
    '#0072B2'
    >>> cohort_styles(["ivig", "control", "a"])["control"].colour
    '#D55E00'
    """
    ranked = sorted(set(cohorts) - {""})
    return {
        name: CohortStyle(
            PALETTE[rank % len(PALETTE)],
            LINESTYLES[rank % len(LINESTYLES)],
            MARKERS[rank % len(MARKERS)],
            text(label_of(name, labels)),
        )
        for rank, name in enumerate(ranked)
    }


def pyplot():
    """matplotlib's pyplot on the Agg backend (no window), or a one-line error without it."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise IvigBlinaError("figures need matplotlib: pip install 'ivig-blina[plot]'") from None
    return plt


@contextmanager
def drawing() -> Iterator:
    """pyplot with this package's look (``RC``) while a figure is made or saved."""
    plt = pyplot()
    with plt.rc_context(RC):
        yield plt


def new_figure(width: float, height: float, **grid):
    """A figure ``width`` x ``height`` inches with constrained layout (nothing overlaps, panels
    aligned), not kept by pyplot's registry (a notebook making many figures does not leak)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    check_width("width", width)
    figure = Figure(figsize=(width, height), layout="constrained", **grid)
    FigureCanvasAgg(figure)  # measures text for the layout; saving picks the format's own
    return figure


def check_width(name: str, width: float) -> float:
    low, high = WIDTHS
    if not low <= width <= high:  # NaN too
        raise OptionError(name, f"expected a width in inches from {low:g} to {high:g}, got {width:g}")
    return width


def check_dpi(name: str, dpi: int) -> int:
    low, high = DPIS
    if isinstance(dpi, bool) or not low <= dpi <= high:
        raise OptionError(name, f"expected a resolution from {low} to {high} dots per inch, got {dpi}")
    return dpi


_NOT_IN_AN_ID = re.compile(r"[^A-Za-z0-9_.:-]")


def unique_ids(figure):
    """Every artist's gid (written as the element's ``id`` in SVG, where a page may hold several
    figures) made a valid id, and unique within the figure: a character outside letters,
    digits and ``_.:-`` becomes ``_``, and a repeat gets ``-2``, ``-3``. Returns the figure."""
    seen: dict[str, int] = {}
    for artist in figure.findobj():
        gid = artist.get_gid()
        if gid is None:
            continue
        safe = _NOT_IN_AN_ID.sub("_", str(gid))
        seen[safe] = seen.get(safe, 0) + 1
        artist.set_gid(safe if seen[safe] == 1 else f"{safe}-{seen[safe]}")
    return figure


def check_step(name: str, days: float) -> float:
    """A number of days above 0 on a day axis (``break_days``, ``xmax``)."""
    if not 0 < days < math.inf:
        raise OptionError(name, f"expected a number of days > 0, got {days:g}")
    return days


def text(label: str) -> str:
    """Text from the file as drawn in a figure: control characters shown as escapes, and ``$``
    escaped so that matplotlib never reads a name as mathtext (``$x$``; an unbalanced one fails
    to draw)."""
    return printable(label).replace("$", r"\$")


def p_text(p: float | None) -> str:
    """``P < 0.001`` or ``P = 0.041`` (two significant digits, three where two would round onto
    0.05: :func:`~ivig_blina.analyses.results.format_p`); ``P not computed`` without a P."""
    if p is None or math.isnan(p):
        return "P not computed"
    shown = format_p(p)
    return f"P {shown[0]} {shown[1:]}" if shown.startswith("<") else f"P = {shown}"


def estimate_text(value: float | None) -> str:
    """An estimate or interval end: two decimals, three significant digits below 0.1."""
    if value is None or math.isnan(value):
        return "—"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:.2f}" if abs(value) >= 0.1 or value == 0 else f"{value:.2g}"


def day_breaks(
    horizon: float, step: float | None = None, xmax: float | None = None, width: float = WIDTH
) -> tuple[list[float], float]:
    """The breaks of a day axis starting at day 0, and where the axis ends.

    Every ``step`` days (default: the first round step, 1, 2, 5, 10, 20, 25, 50, ..., giving
    4 to 8 breaks); the axis ends at ``xmax``, else at the first break at or after ``horizon``
    (the last day drawn), so no curve runs past the last break. At most ``2 x width`` breaks fit
    (a usage error beyond, naming ``break_days``)."""
    if step is not None:
        check_step("break_days", step)
    if xmax is not None:
        check_step("xmax", xmax)
    most = max(4, int(MOST_BREAKS_PER_INCH * width))
    span = xmax if xmax is not None else max(float(horizon), 0.0)
    if step is None:
        step = _round_step(span, min(8, most), fixed_end=xmax is not None)
    end = xmax if xmax is not None else max(step, math.ceil(span / step - 1e-9) * step)
    count = math.floor(end / step + 1e-9) + 1
    if count > most:
        raise OptionError(
            "break_days",
            f"a break every {step:g} days up to day {end:g} gives {count} breaks; at most {most} fit "
            f"{width:g} inches (choose a step of at least {math.ceil(end / (most - 1)):g} days)",
        )
    return [i * step for i in range(count)], float(end)


def _round_step(span: float, most: int, fixed_end: bool) -> float:
    """The smallest round step whose breaks from 0 over ``span`` number at most ``most``."""
    if span <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(span / most))
    for scale in (power, power * 10, power * 100):
        for base in ROUND_STEPS:
            step = base * scale
            if step < 1 or (base == 2.5 and scale < 10):  # whole days only
                continue
            intervals = span / step
            count = (math.floor(intervals + 1e-9) if fixed_end else math.ceil(intervals - 1e-9)) + 1
            if count <= most:
                return float(step)
    return float(power * 1000)  # not reached: a step of 100 x (span / most) always fits
