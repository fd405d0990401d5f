"""Every outcome's effect at a glance (a forest plot) from a :class:`Comparison`: each estimate
with its confidence interval and P, first cohort against second; ratios (odds, hazard, rate)
on one log axis, differences on linear axes, one panel per scale (a difference in mg/dL and
one in days do not share an axis). Outcomes without an estimate (Gray's test, a test that
could not run) are listed under the panels with their P."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from ivig_blina.analyses.cohort_names import check_labels, label_of, parse_labels
from ivig_blina.analyses.results import Comparison, OutcomeResult
from ivig_blina.errors import OptionError
from ivig_blina.figures.style import FONT, WIDTH, drawing, estimate_text, new_figure, p_text, text, unique_ids

ROW = 0.24  # inches per outcome
WIDE = 5.5  # inches: narrower, each row's estimate goes under its name instead of in a column
DAY_OUTCOMES = ("days_to_nadir", "days_below_threshold")
SHORT = {  # estimand (its start) -> the name of the estimate beside an outcome
    "odds ratio": "OR",
    "hazard ratio": "HR",
    "rate ratio": "rate ratio",
    "Hodges-Lehmann shift": "shift",
    "difference in means": "mean difference",
    "difference in medians": "median difference",
    "relative effect": "relative effect",
}


@dataclass(frozen=True)
class Scale:
    """A panel: its title, whether it is a log (ratio) axis, and the value of no effect."""

    title: str
    log: bool
    null: float


@dataclass(frozen=True)
class Row:
    outcome: str
    name: str  # the estimate's short name
    estimate: float
    low: float
    high: float
    pvalue: float | None


def scale_of(outcome: OutcomeResult, units: str) -> Scale:
    """The panel an outcome's estimate belongs to: ratios on one log axis; differences by their
    unit (IgG, days, a proportion, IgG x days); any other estimand on a linear axis of its own."""
    estimand = (outcome.result.estimand if outcome.result else None) or ""
    if "ratio" in estimand:
        return Scale("Ratio (log scale)", True, 1.0)
    if estimand.startswith("relative effect"):
        return Scale("Relative effect P(first > second)", False, 0.5)
    if estimand.startswith(("Hodges-Lehmann shift", "difference in")):
        if outcome.outcome == "igg_nadir":
            return Scale(f"Difference in IgG ({units})", False, 0.0)
        if outcome.outcome in DAY_OUTCOMES:
            return Scale("Difference in days", False, 0.0)
        if outcome.outcome == "pct_drop":
            return Scale("Difference in the proportional drop from baseline", False, 0.0)
        if outcome.outcome == "area_below_threshold":
            return Scale(f"Difference in area below the threshold ({units} × days)", False, 0.0)
    return Scale(estimand[:1].upper() + estimand[1:] if estimand else "Estimate", False, 0.0)


def forest_figure(
    comparison: Comparison,
    *,
    labels: Mapping[str, str] | str | None = None,
    title: str | None = None,
    width: float = WIDTH,
):
    """The forest plot of ``comparison`` (two cohorts), as a matplotlib ``Figure``.

    Examples
    --------
    >>> import ivig_blina
    >>> from ivig_blina.figures import forest_figure
    >>> comparison = ivig_blina.compare(ivig_blina.load("examples/wo2022_cohort.csv"), ("ivig", "control"))
    >>> figure = forest_figure(comparison)
    >>> [ax.get_label() for ax in figure.axes][:3]
    ['panel:Ratio (log scale)', 'panel:Difference in IgG (mg/dL)', 'panel:Difference in days']
    """
    if len(comparison.groups) != 2:
        raise OptionError("comparison", f"a forest plot compares two cohorts, got {len(comparison.groups)}")
    labels = parse_labels(labels)
    if comparison.cohort is not None:
        check_labels(labels, comparison.cohort.table.cohort.unique(), comparison.cohort.path)
    units = comparison.cohort.igg_units if comparison.cohort is not None else "mg/dL"
    panels: dict[Scale, list[Row]] = {}
    missing: list[OutcomeResult] = []
    for outcome in comparison.outcomes:
        r = outcome.result
        if r is None or r.estimate is None or r.ci is None or math.isnan(r.estimate):
            missing.append(outcome)
            continue
        name = next((short for start, short in SHORT.items() if (r.estimand or "").startswith(start)), "estimate")
        row = Row(outcome.outcome, name, float(r.estimate), float(r.ci.low), float(r.ci.high), r.pvalue)
        panels.setdefault(scale_of(outcome, units), []).append(row)
    panels = dict(sorted(panels.items(), key=lambda item: not item[0].log))  # ratios first, then outcome order
    first, second = (text(label_of(g, labels)) for g in comparison.groups)
    level = comparison.options.get("confidence_level", 0.95)
    heading = "\n".join(t for t in (title, f"{first} vs {second}") if t)
    return _draw(panels, missing, heading, level, width)


def _draw(panels: Mapping[Scale, list[Row]], missing: list[OutcomeResult], heading: str, level: float, width: float):
    rows = sum(len(r) for r in panels.values())
    height = (
        0.9 + ROW * rows * (1 if width >= WIDE else 2) + 0.75 * len(panels) + (0.2 * len(missing) if missing else 0.0)
    )
    with drawing():
        figure = new_figure(width, height)
        if not panels:
            figure.text(0.5, 0.5, "No outcome has an estimate", ha="center", va="center")
        else:
            grid = figure.add_gridspec(len(panels), 1, height_ratios=[len(r) + 1.6 for r in panels.values()])
            for i, (scale, shown) in enumerate(panels.items()):
                ax = figure.add_subplot(grid[i], label=f"panel:{scale.title}")
                _panel(ax, i, scale, shown, level, wide=width >= WIDE)
        if missing:
            listed = "; ".join(f"{o.outcome} ({p_text(o.result.pvalue) if o.result else 'no test'})" for o in missing)
            figure.supxlabel(f"Without an estimate: {listed}", fontsize=FONT, wrap=True)
        figure.suptitle(heading)
    return unique_ids(figure)


def _panel(ax, index: int, scale: Scale, shown: list[Row], level: float, wide: bool) -> None:
    """One scale's rows; in a wide figure the estimates and P values in a column at the right,
    in a narrow one under each outcome's name."""
    import numpy as np
    from matplotlib.ticker import FuncFormatter
    from matplotlib.transforms import blended_transform_factory

    finite = [v for r in shown for v in (r.estimate, r.low, r.high) if math.isfinite(v) and (v > 0 or not scale.log)]
    low, high = min([*finite, scale.null]), max([*finite, scale.null])
    if scale.log:
        low, high = low / 1.4, high * 1.4
    else:
        pad = 0.08 * (high - low or 1.0)
        low, high = low - pad, high + pad
    for y, r in enumerate(shown):
        ends = [min(max(r.low, low), high), min(max(r.high, low), high)]
        ax.plot(ends, [y, y], color="black", linewidth=1.1, solid_capstyle="butt", gid=f"ci:{r.outcome}")
        for end, value, marker, side in ((0, r.low, "<", "low"), (1, r.high, ">", "high")):
            if not low <= value <= high:  # an interval beyond the axis (an infinite end): an arrow
                ax.plot(ends[end], y, marker=marker, color="black", markersize=4, gid=f"open-{side}:{r.outcome}")
        if low <= r.estimate <= high:
            ax.plot(r.estimate, y, marker="s", color="black", markersize=4.5, gid=f"estimate:{r.outcome}")
        written = _row_text(r, scale)
        ax.annotate(
            written if wide else "",
            xy=(1, y),
            xycoords=("axes fraction", "data"),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=FONT,
            gid=f"text:{r.outcome}",
        )
    ax.axvline(scale.null, color="0.4", linestyle="--", linewidth=0.8, gid=f"reference:null:{index}")
    if scale.log:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(_plain))
    ax.set_xlim(low, high)
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_yticks(np.arange(len(shown)))
    names = [text(f"{r.outcome} ({r.name})") for r in shown]
    ax.set_yticklabels(names if wide else [f"{n}\n{_row_text(r, scale)}" for n, r in zip(names, shown)], fontsize=FONT)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    fits = int(ax.figure.get_figwidth() * 72 / ((FONT + 1) * 0.62))  # characters across the figure
    ax.annotate(  # from the figure's left edge, over the outcomes' names: a long title has room
        "\n".join(textwrap.wrap(scale.title, fits)),
        xy=(0.01, 1),
        xycoords=blended_transform_factory(ax.figure.transFigure, ax.transAxes),
        xytext=(0, 8),
        textcoords="offset points",
        ha="left",
        va="bottom",
        fontsize=FONT + 1,
        gid=f"panel-title:{index}",
    )
    if index or not wide:  # the column's heading, over the first panel
        return
    ax.annotate(
        f"estimate ({level:.0%} CI)   P",
        xy=(1, 1),
        xycoords="axes fraction",
        xytext=(8, 2),
        textcoords="offset points",
        va="bottom",
        fontsize=FONT,
        gid="header",
    )


def _plain(value: float, _position) -> str:
    """A log axis's tick as a plain number (0.1, 1, 10), not a power of ten."""
    return f"{value:g}"


def _row_text(r: Row, scale: Scale) -> str:
    """``estimate (low to high)   P = ...``, each number to the precision its scale warrants."""
    shown = estimate_text if scale.log else _difference_text(r.low, r.high)
    return f"{shown(r.estimate)} ({shown(r.low)} to {shown(r.high)})   {p_text(r.pvalue)}"


def _difference_text(low: float, high: float):
    """Differences written to the precision their interval warrants: three digits of its width."""
    span = abs(high - low) if math.isfinite(high - low) and high != low else 1.0
    decimals = max(0, 2 - math.floor(math.log10(span)))

    def shown(value: float) -> str:
        if not math.isfinite(value):
            return estimate_text(value)
        written = f"{value:.{decimals}f}"
        return written[1:] if float(written) == 0 and written.startswith("-") else written

    return shown
