"""Time to first infection: Kaplan-Meier infection-free curves (or the cumulative incidence of
infection with deaths as a competing event) of two or more cohorts, with their confidence
bands, the hazard ratio and the test's P in a corner no curve crosses, and the numbers at risk
under each break of the day axis.

Every number drawn is one the library computes and tests against R: the curves and their
limits (:func:`~ivig_blina.stats.survival.kaplan_meier`, ``survfit``;
:func:`~ivig_blina.stats.competing.aalen_johansen`, ``cmprsk::cuminc``), the numbers at risk
(``summary(survfit(...), times = ...)``), the hazard ratio and the log-rank or Gray P (the
statistics of ``compare``), and the landmark estimates (``compare``'s summaries).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ivig_blina.analyses.cohort_names import check_labels, choose_cohorts, parse_labels
from ivig_blina.analyses.comparison import event_data, event_summary
from ivig_blina.analyses.results import CompetingRiskSummary, TimeToEventSummary
from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import OptionError
from ivig_blina.figures.layout import CORNERS, place_free
from ivig_blina.figures.style import (
    DAY_LABEL,
    FONT,
    WIDTH,
    CohortStyle,
    cohort_styles,
    day_breaks,
    drawing,
    estimate_text,
    new_figure,
    p_text,
    unique_ids,
)
from ivig_blina.stats import TestResult

PLOT_HEIGHT = 3.0  # inches of the curves' axes
ROW_HEIGHT = 0.2  # inches per cohort in the table of numbers at risk
BAND_ALPHA = 0.18
WIDE = 6.0  # inches: narrower, each legend entry takes two lines


@dataclass(frozen=True)
class GroupCurve:
    """One cohort's curve as drawn: the step function from day 0 (``x``, ``y``), its pointwise
    limits (NaN where there are none), the censoring marks, and the cohort's summary."""

    group: str
    time: np.ndarray  # each patient's time to infection or censoring
    x: np.ndarray
    y: np.ndarray
    low: np.ndarray
    high: np.ndarray
    censored_x: np.ndarray
    censored_y: np.ndarray
    summary: TimeToEventSummary | CompetingRiskSummary


def infection_figure(
    cohort: Cohort,
    groups: Sequence[str] | None = None,
    *,
    competing_risk: bool = False,
    ci: bool = False,
    break_days: float | None = None,
    xmax: float | None = None,
    landmarks: Sequence[float] = (),
    labels: Mapping[str, str] | str | None = None,
    title: str | None = None,
    width: float = WIDTH,
    confidence_level: float = 0.95,
):
    """Infection-free curves (or, with ``competing_risk``, the cumulative incidence of
    infection) of two or more cohorts of ``cohort``, as a matplotlib ``Figure``.

    Parameters
    ----------
    cohort : Cohort
        From :func:`ivig_blina.load` (with ``competing_risk=True`` for ``competing_risk``).
    groups : sequence of str, optional
        The cohorts, in legend order: two or more names, or ``["all"]``; by default the file's
        two cohorts. Colours follow the cohort's rank among all of the file's cohorts.
    competing_risk : bool
        Deaths without infection are a competing event: cumulative incidence (Aalen-Johansen)
        and Gray's test instead of Kaplan-Meier and the log-rank test.
    ci : bool
        Draw the pointwise confidence bands at ``confidence_level``: Kaplan-Meier's
        log-transformed limits (as ``survfit``), the cumulative incidence's on the log(-log)
        scale from its Aalen-Johansen variance (:func:`~ivig_blina.stats.competing.cif_interval`).
    break_days, xmax
        A break of the day axis every ``break_days`` days (default: a round step giving 4-8
        breaks) up to ``xmax`` (default: the first break at or after the last follow-up).
    landmarks : sequence of float
        Days marked with a dotted line and each cohort's estimate there (``compare``'s).
    labels : mapping or "a=A,b=B", optional
        The names a reader sees for the cohorts.
    title : str, optional
    width : float
        Inches (3 to 20); the height follows from the content, fonts stay at their size.
    confidence_level : float
        Of the bands and the hazard ratio's interval.

    Returns
    -------
    matplotlib.figure.Figure
        Two cohorts: the hazard ratio (first over second, Cox with Efron ties) with its CI and
        the log-rank P (Gray's P with ``competing_risk``); more: the k-sample P.

    Examples
    --------
    >>> import ivig_blina
    >>> from ivig_blina.figures import infection_figure
    >>> cohort = ivig_blina.load("examples/wo2022_cohort.csv")
    >>> figure = infection_figure(cohort, ["ivig", "control"], ci=True)
    >>> [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "test"]
    ['HR, ivig vs control: 1.60 (95% CI 0.52–4.94)\\nLog-rank P = 0.41']
    """
    table = cohort.table
    present = table.cohort.unique()
    labels = parse_labels(labels)
    check_labels(labels, present, cohort.path)
    chosen = choose_cohorts(present, groups, cohort.path, what="plot infection")
    if competing_risk and not cohort.patients.competing_risk:
        raise OptionError(
            "competing_risk",
            "the cohort was loaded without competing risks (a death without infection is censored "
            "there); load it with competing_risk=True",
        )
    data = [event_data(table[table.cohort == g], competing_risk) for g in chosen]
    result = _test(data, competing_risk, confidence_level)
    return infection_curves(
        table,
        chosen,
        cohort_styles(present, labels),
        competing=competing_risk,
        result=result,
        ci=ci,
        break_days=break_days,
        xmax=xmax,
        landmarks=landmarks,
        title=title,
        width=width,
        confidence_level=confidence_level,
    )


def _test(data, competing: bool, confidence_level: float) -> TestResult:
    """The log-rank (or Gray's) test of the cohorts, as ``compare`` runs it: with two, the
    hazard ratio too; with more, the k-sample test (``survdiff``'s, ``cuminc``'s)."""
    from ivig_blina.stats import get

    statistic = get("gray" if competing else "log-rank", "time-to-event")
    return statistic.run(*data, confidence_level=confidence_level)


def numbers_at_risk(time: np.ndarray, days: Sequence[float]) -> list[int]:
    """Patients still followed (time to infection or censoring at or after the day) at each of
    ``days``: R's ``summary(survfit(...), times = days)$n.risk`` (0 beyond the last follow-up,
    as with ``extend = TRUE``)."""
    ordered = np.sort(np.asarray(time, float))
    return [int(len(ordered) - np.searchsorted(ordered, day, side="left")) for day in days]


def group_curve(
    group: str, patients: pd.DataFrame, competing: bool, landmarks: Sequence[float], confidence_level: float
) -> GroupCurve:
    """The curve of one cohort's ``patients`` (see :class:`GroupCurve`)."""
    from ivig_blina.stats.competing import aalen_johansen, cif_interval
    from ivig_blina.stats.survival import kaplan_meier

    time, status = event_data(patients, competing)
    summary = event_summary(time, status, list(landmarks), confidence_level, competing)
    censored_at = np.unique(time[status == 0])
    if competing:
        jumps, cif, var = aalen_johansen(time, status, cause=1)
        low, high = cif_interval(cif, var, confidence_level)
        last = float(time.max()) if len(time) else 0.0
        if len(cif):  # held at its last value up to the last follow-up
            x, y = np.r_[0.0, jumps, max(last, jumps[-1])], np.r_[0.0, cif, cif[-1]]
            low, high = np.r_[np.nan, low, low[-1]], np.r_[np.nan, high, high[-1]]
        else:
            x, y = np.array([0.0, last]), np.zeros(2)
            low = high = np.full(2, np.nan)
        at = np.searchsorted(jumps, censored_at, side="right") - 1
        censored_y = np.where(at >= 0, cif[np.maximum(at, 0)] if len(cif) else 0.0, 0.0)
    else:
        km = kaplan_meier(time, status, confidence_level)
        x, y = np.r_[0.0, km.time], np.r_[1.0, km.surv]
        low, high = np.r_[1.0, km.lower], np.r_[1.0, km.upper]
        censored_y = km.surv[np.searchsorted(km.time, censored_at)]
    return GroupCurve(group, time, x, y, low, high, censored_at, censored_y, summary)


def infection_curves(
    patients: pd.DataFrame,
    groups: Sequence[str],
    styles: Mapping[str, CohortStyle] | None = None,
    *,
    competing: bool = False,
    result: TestResult | None = None,
    ci: bool = False,
    break_days: float | None = None,
    xmax: float | None = None,
    landmarks: Sequence[float] = (),
    title: str | None = None,
    width: float = WIDTH,
    confidence_level: float = 0.95,
):
    """The figure of :func:`infection_figure` from a per-patient table (``cohort.table``), the
    cohorts' styles (default: by rank among ``patients``' cohorts) and the test's ``result``."""
    styles = styles or cohort_styles(patients.cohort.unique())
    curves = [group_curve(g, patients[patients.cohort == g], competing, landmarks, confidence_level) for g in groups]
    horizon = max((float(c.time.max()) for c in curves if len(c.time)), default=0.0)
    breaks, end = day_breaks(horizon, break_days, xmax, width)
    with drawing():
        table_height = ROW_HEIGHT * len(groups) + 0.35
        figure = new_figure(width, PLOT_HEIGHT + table_height + 0.55 + (0.3 if title else 0.0))
        grid = figure.add_gridspec(3, 1, height_ratios=[0.01, PLOT_HEIGHT, table_height])
        key = figure.add_subplot(grid[0], label="legend")  # a row for the legend, used only where no corner is free
        key.axis("off")
        ax = figure.add_subplot(grid[1], label="curves")
        risk = figure.add_subplot(grid[2], sharex=ax, label="at risk")
        wide = width >= WIDE
        handles = [_draw_curve(ax, c, styles[c.group], wide, ci, landmarks) for c in curves]
        for day in landmarks:
            ax.axvline(day, color="0.45", linestyle=":", linewidth=0.8, zorder=1, gid=f"reference:landmark:{day:g}")
        ax.set_xlim(0, end)
        ax.set_xticks(breaks)
        ax.set_xlabel(DAY_LABEL)
        ax.set_ylim(0, 1.02)
        ax.set_yticks(np.linspace(0, 1, 6))
        ax.set_ylabel("Cumulative incidence of infection" if competing else "Infection-free proportion")
        _risk_table(risk, curves, styles, breaks)
        if title:
            figure.suptitle(title)
        _label_and_legend(ax, key, curves, handles, styles, result, competing, confidence_level)
    return unique_ids(figure)


def _draw_curve(ax, curve: GroupCurve, style: CohortStyle, wide: bool, ci: bool, landmarks: Sequence[float]):
    """One cohort's curve, band, censoring marks and landmark estimates; returns the curve."""
    (line,) = ax.step(
        curve.x, curve.y, where="post", color=style.colour, linestyle=style.linestyle, gid=f"curve:{curve.group}"
    )
    line.set_label(_legend_text(curve, style, wide))
    if ci:  # as explicit steps: a limit that ends (S = 0) still covers the step before it
        from matplotlib.cbook import pts_to_poststep

        x, low, high = pts_to_poststep(curve.x, curve.low, curve.high)
        ax.fill_between(
            x, low, high, color=style.colour, alpha=BAND_ALPHA, linewidth=0, zorder=1, gid=f"band:{curve.group}"
        )
    ax.plot(
        curve.censored_x,
        curve.censored_y,
        linestyle="none",
        marker="|",
        markersize=6,
        markeredgewidth=1,
        color=style.colour,
        gid=f"censored:{curve.group}",
    )
    if landmarks:
        at = [(m.day, m.estimate) for m in curve.summary.landmarks if m.estimate is not None]
        ax.plot(
            [d for d, _ in at],
            [e for _, e in at],
            linestyle="none",
            marker=style.marker,
            markersize=4,
            color=style.colour,
            gid=f"landmark:{curve.group}",
        )
    return line


def _legend_text(curve: GroupCurve, style: CohortStyle, wide: bool) -> str:
    """The cohort's name and its patients, infections, competing deaths and censored patients:
    on one line in a wide figure, on two in a narrow one."""
    s = curve.summary
    if isinstance(s, CompetingRiskSummary):
        censored = s.n - s.events - s.competing_events
        counts = f"n = {s.n}; {s.events} infected, {s.competing_events} died first, {censored} censored"
    else:
        counts = f"n = {s.n}; {s.events} infected, {s.n - s.events} censored"
    return f"{style.label} ({counts})" if wide else f"{style.label}\n({counts})"


def _risk_table(ax, curves: Sequence[GroupCurve], styles: Mapping[str, CohortStyle], breaks: Sequence[float]) -> None:
    """The numbers at risk under each break, a row per cohort labelled in its colour."""
    digits = max(len(str(len(c.time))) for c in curves)
    for row, curve in enumerate(curves):
        style = styles[curve.group]
        for day, n in zip(breaks, numbers_at_risk(curve.time, breaks)):
            ax.text(day, row, str(n), ha="center", va="center", fontsize=FONT, gid=f"at-risk:{curve.group}:{day:g}")
        ax.annotate(
            style.label,
            xy=(0, row),
            xycoords=ax.get_yaxis_transform(),
            xytext=(-(FONT * 0.35 * digits + 4), 0),  # clear of the widest number centred on day 0
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=FONT,
            color=style.colour,
            gid=f"at-risk-label:{curve.group}",
        )
    ax.set_ylim(len(curves) - 0.5, -0.5)
    ax.set_yticks([])
    ax.tick_params(axis="x", bottom=False, labelbottom=False)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title("Number at risk", fontsize=FONT, loc="left")


def test_label(result: TestResult | None, groups: Sequence[str], styles, competing: bool, level: float) -> str | None:
    """The hazard ratio with its CI (two cohorts, Kaplan-Meier) and the test's P."""
    if result is None:
        return None
    name = "Gray's test" if competing else "Log-rank"
    p = p_text(result.pvalue)
    if len(groups) > 2:
        return f"{name} {p} ({len(groups)} cohorts)"
    if competing:
        return f"{name} {p}"
    versus = f"{styles[groups[0]].label} vs {styles[groups[1]].label}"
    if result.estimate is None or result.ci is None:
        return f"HR, {versus}: not estimable\n{name} {p}"
    low, high = (estimate_text(v) for v in result.ci)
    return f"HR, {versus}: {estimate_text(result.estimate)} ({level:.0%} CI {low}–{high})\n{name} {p}"


test_label.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def _label_and_legend(ax, key, curves, handles, styles, result, competing: bool, level: float) -> None:
    """The test's label in a corner no curve (nor band, if possible) crosses, then the legend
    in another free corner; above the axes where no corner is free."""
    label = test_label(result, [c.group for c in curves], styles, competing, level)
    order = ["upper left", "lower right", "upper right", "lower left"] if competing else list(CORNERS)

    def text_at(corner: str):
        x, y, ha, va = CORNERS[corner]
        return ax.text(x, y, label, transform=ax.transAxes, ha=ha, va=va, fontsize=FONT, gid="test")

    def legend_at(corner: str):
        return ax.legend(handles=handles, loc=corner, frameon=False, handlelength=2.6, borderaxespad=0.4)

    placed = None
    if label is not None:
        placed = place_free(ax, text_at, order) or place_free(ax, text_at, order, bands=False)
    avoid = [placed.get_window_extent()] if placed is not None else []
    legend = place_free(ax, legend_at, order, avoid=avoid) or place_free(ax, legend_at, order, avoid=avoid, bands=False)
    if legend is not None and (label is None or placed is not None):
        key.remove()
        return
    # no free corner: the legend (and the label as its title) in the row above the axes
    if placed is not None:
        placed.remove()
    legend = key.legend(handles=handles, loc="center", frameon=False, handlelength=2.6, borderaxespad=0)
    if label is not None:
        legend.set_title(label, prop={"size": FONT})
        legend.set_alignment("left")
