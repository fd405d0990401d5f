"""IgG courses: a panel per cohort on one shared day axis, a line per patient from the baseline
to the last measurement, each nadir circled, IVIG doses as small ticks on the patient's line,
censored lab values as open triangles (pointing down for ``<X``, up for ``>X``), and labelled
threshold lines, in the unit of ``report_units``.

A cohort of more than ``COURSES`` patients would be a solid blot: its panel draws the courses of
``COURSES`` of them, chosen at random with a fixed seed, over the median and interquartile range
of all its values by 14-day bins (wider for long follow-up, at most ``MAX_BINS``).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ivig_blina.analyses.cohort_names import check_labels, parse_labels
from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import IvigBlinaError, listed
from ivig_blina.figures.style import (
    DAY_LABEL,
    FONT,
    WIDTH,
    CohortStyle,
    cohort_styles,
    day_breaks,
    drawing,
    new_figure,
    unique_ids,
)
from ivig_blina.io.units import TO_MG_DL, Amount, parse_amount, threshold_in_mg_dl

COURSES = 200  # patients' courses drawn per panel; a larger cohort is summarised
MAX_BINS = 60
MIN_BIN = 10  # values in a bin for its median and quartiles to be drawn
MAX_PANELS = 12  # panels of the figure: 1,000 cohorts took matplotlib 92 s to draw, unreadably thin
PANEL_WIDTH = 2.3  # inches: the narrowest panel; a row holds as many as the width allows
PANEL_HEIGHT = 2.3
THRESHOLD_STYLES = ("--", ":", "-.", (0, (5, 1, 1, 1)))
LEGEND_ENTRY = 2.2  # inches per legend entry in a row
LABEL_GAP = 9.0  # points between the centres of two threshold labels


def igg_figure(
    cohort: Cohort,
    groups: Sequence[str] | None = None,
    *,
    max_panels: int = MAX_PANELS,
    thresholds: Sequence[str | float | Amount] | None = None,
    labels: Mapping[str, str] | str | None = None,
    title: str | None = None,
    width: float = WIDTH,
    break_days: float | None = None,
    xmax: float | None = None,
):
    """The IgG courses of ``cohort`` (loaded with ``keep_rows=True``), as a matplotlib ``Figure``.

    Parameters
    ----------
    cohort : Cohort
        From :func:`ivig_blina.load` with ``keep_rows=True``; drawn in its ``report_units``.
    groups : sequence of str, optional
        The cohorts, one panel each in this order (default: every cohort, sorted), at most
        ``max_panels``. Colours follow the cohort's rank among all of the file's cohorts.
    thresholds : sequence, optional
        Levels drawn as labelled lines, each ``400``, ``"400mg/dL"`` or ``"4g/L"`` (a bare
        number in the input's unit, as ``hgg_threshold``); default: the HGG threshold.
    labels, title, width, break_days, xmax
        As for :func:`~ivig_blina.figures.km.infection_figure`.

    Examples
    --------
    >>> import ivig_blina
    >>> from ivig_blina.figures import igg_figure
    >>> cohort = ivig_blina.load("examples/wo2022_cohort.csv", keep_rows=True)
    >>> figure = igg_figure(cohort, thresholds=["400mg/dL", "6g/L"])
    >>> [ax.get_title() for ax in figure.axes if ax.get_label().startswith("panel:")]
    ['control (n = 6)', 'ivig (n = 17)']
    """
    if not cohort.rows_kept:
        raise IvigBlinaError(
            "plot igg draws every measurement: it reads one file (--engine pandas) loaded with keep_rows=True"
        )
    present = list(cohort.table.cohort.unique())
    labels = parse_labels(labels)
    check_labels(labels, present, cohort.path)
    panels = list(groups) if groups else sorted(present)
    for g in panels:
        if g not in present:
            raise IvigBlinaError(
                f"group '{g}' given by --groups is not a cohort of the file (cohorts: {listed(sorted(present))})",
                path=cohort.path,
            )
    if len(panels) > max_panels:
        given = "--groups names" if groups else "the file has"
        raise IvigBlinaError(
            f"{given} {len(panels):,} cohorts, more panels than --max-panels {max_panels}; choose "
            "the cohorts to draw with --groups A,B,C (or raise --max-panels)",
            path=cohort.path,
        )
    units = cohort.igg_units
    input_units = cohort.options.get("units", "mg/dL")
    hgg = cohort.patients.hgg_threshold  # mg/dL
    levels = {hgg / TO_MG_DL[units]: True} if thresholds is None else {}
    for given_level in thresholds or []:
        amount = parse_amount("thresholds", given_level)
        mg_dl = threshold_in_mg_dl("thresholds", amount, input_units)
        levels[mg_dl / TO_MG_DL[units]] = math.isclose(mg_dl, hgg)
    return igg_courses(
        cohort.observations.table,
        cohort.table,
        panels,
        levels,
        cohort_styles(present, labels),
        units=units,
        title=title,
        width=width,
        break_days=break_days,
        xmax=xmax,
    )


def igg_courses(
    observations: pd.DataFrame,
    patients: pd.DataFrame,
    groups: Sequence[str],
    thresholds: Mapping[float, bool],
    styles: Mapping[str, CohortStyle] | None = None,
    *,
    units: str = "mg/dL",
    seed: int = 0,
    title: str | None = None,
    width: float = WIDTH,
    break_days: float | None = None,
    xmax: float | None = None,
):
    """The figure of :func:`igg_figure` from the rows (``observations``, IgG in mg/dL) and the
    per-patient table (``patients``, in ``units``); ``thresholds`` maps each level (in
    ``units``) to whether it is the HGG threshold."""
    styles = styles or cohort_styles(patients.cohort.unique())
    measured = observations[observations.igg.notna()].sort_values(["patient_id", "day"])
    start = patients.set_index("patient_id").baseline_day.reindex(measured.patient_id).fillna(0).to_numpy()
    measured = measured[measured.day.to_numpy() >= start]
    measured = measured.assign(igg=measured.igg / TO_MG_DL[units])
    doses = _counted_doses(observations, patients)
    columns = min(len(groups), max(1, int(width // PANEL_WIDTH)))
    rows = math.ceil(len(groups) / columns)
    horizon = float(measured.day.max()) if len(measured) else 0.0
    breaks, end = day_breaks(horizon, break_days, xmax, width / columns)
    first_day = min(0.0, float(measured.day.min()) if len(measured) else 0.0)
    top = max([*measured.igg.to_numpy(float), *thresholds, 1.0]) * 1.08
    rng = np.random.default_rng(seed)
    with drawing():
        figure = new_figure(width, PANEL_HEIGHT * rows + 1.1 + (0.3 if title else 0.0))
        grid = figure.add_gridspec(rows + 1, columns, height_ratios=[0.2] + [PANEL_HEIGHT] * rows)
        key = figure.add_subplot(grid[0, :], label="legend")  # the legend's row, above the panels
        key.axis("off")
        axes = np.empty((rows, columns), dtype=object)
        for i in range(len(groups)):
            shared = {"sharex": axes.flat[0], "sharey": axes.flat[0]} if i else {}
            axes.flat[i] = figure.add_subplot(grid[1 + i // columns, i % columns], label=f"panel:{groups[i]}", **shared)
        legend: dict[str, object] = {}
        for ax, group in zip(axes.flat, groups):
            _panel(ax, group, styles[group], measured, patients, doses, rng, legend)
            for level, linestyle in zip(sorted(thresholds), THRESHOLD_STYLES * len(thresholds)):
                ax.axhline(
                    level,
                    color="0.25",
                    linestyle=linestyle,
                    linewidth=0.9,
                    gid=f"reference:threshold:{level:g}:{group}",
                )
        for i, ax in enumerate(axes.flat[: len(groups)]):
            ax.tick_params(axis="x", labelbottom=i + columns >= len(groups))  # the lowest panel of its column
            ax.tick_params(axis="y", labelleft=i % columns == 0)
            if i % columns == columns - 1 or i == len(groups) - 1:
                _threshold_labels(ax, groups[i], thresholds, units, (0.0, top), PANEL_HEIGHT * 72 * 0.75)
        first = axes.flat[0]
        first.set_xlim(first_day - 0.02 * (end - first_day), end)
        first.set_xticks(breaks)
        first.set_ylim(0, top)
        figure.supxlabel(DAY_LABEL, fontsize=first.xaxis.label.get_fontsize())
        figure.supylabel(f"Serum IgG ({units})", fontsize=first.yaxis.label.get_fontsize())
        key.legend(
            list(legend.values()),
            list(legend),
            loc="center",
            ncols=max(1, min(len(legend), int(width // LEGEND_ENTRY))),
            frameon=False,
            borderaxespad=0,
        )
        if title:
            figure.suptitle(title)
    return unique_ids(figure)


def _counted_doses(observations: pd.DataFrame, patients: pd.DataFrame) -> pd.DataFrame:
    """The IVIG dose rows that the per-patient ``ivig_doses`` counts: on or after day 0 and
    within follow-up. ``follow_up_days`` ends at ``--until`` and at the death, and no row in the
    window lies beyond it otherwise, so this is the rule of the per-patient table, not a copy."""
    rows = observations[observations.event == "ivig"]
    end = patients.set_index("patient_id").follow_up_days.reindex(rows.patient_id).to_numpy(float)
    day = rows.day.to_numpy(float)
    return rows[(day >= 0) & (day <= end)]


def _panel(ax, group, style: CohortStyle, measured, patients, doses, rng, legend: dict) -> None:
    ids = patients.patient_id[patients.cohort == group]
    values = measured[measured.patient_id.isin(ids)]
    sampled = len(ids) > COURSES
    shown = np.sort(rng.choice(ids.to_numpy(), COURSES, replace=False)) if sampled else ids.to_numpy()
    if sampled:
        _median_band(ax, group, values.day.to_numpy(float), values.igg.to_numpy(float), style.colour, legend)
    drawn = values[values.patient_id.isin(shown)]
    dose_x: list[float] = []
    dose_y: list[float] = []
    patient_doses = doses[doses.patient_id.isin(shown)]
    for pid, course in drawn.groupby("patient_id", observed=True, sort=False):
        ax.plot(
            course.day,
            course.igg,
            color=style.colour,
            linestyle="-",
            linewidth=0.5 if sampled else 0.8,
            alpha=0.45 if sampled else 0.85,
            gid=f"course:{pid}",
        )
        days = patient_doses.day[patient_doses.patient_id == pid].to_numpy(float)
        if len(days):  # on the line; before its first or after its last value, level with that end
            dose_x += list(days)
            dose_y += list(np.interp(days, course.day.to_numpy(float), course.igg.to_numpy(float)))
    (ticks,) = ax.plot(
        dose_x,
        dose_y,
        linestyle="none",
        marker="|",
        markersize=5,
        markeredgewidth=0.8,
        color="black",
        gid=f"ivig:{group}",
    )
    if dose_x:
        legend.setdefault("IVIG dose", ticks)
    for sign, marker, name, side in (
        ("<", "v", "below the assay's limit (<)", "below"),
        (">", "^", "above the assay's limit (>)", "above"),
    ):
        censored = drawn[drawn.censored == sign]
        (mark,) = ax.plot(
            censored.day,
            censored.igg,
            linestyle="none",
            marker=marker,
            markersize=4,
            markerfacecolor="white",
            markeredgecolor="black",
            markeredgewidth=0.7,
            gid=f"censored-{side}:{group}",
        )
        if len(censored):
            legend.setdefault(name, mark)
    nadirs = patients[(patients.cohort == group) & patients.patient_id.isin(shown) & patients.nadir_igg.notna()]
    (nadir,) = ax.plot(
        nadirs.nadir_day,
        nadirs.nadir_igg,
        linestyle="none",
        marker="o",
        markerfacecolor="none",
        markeredgecolor="black",
        markeredgewidth=0.8,
        markersize=2.5 if sampled else 4,
        gid=f"nadir:{group}",
    )
    legend.setdefault("nadir", nadir)
    heading = f"{style.label} (n = {len(ids)}" + (f"; {COURSES} drawn)" if sampled else ")")
    ax.set_title(_wrapped(heading, ax), color=style.colour, fontsize=FONT + 1)


def _wrapped(heading: str, ax) -> str:
    """A panel title broken into lines no wider than its panel (about 0.55 em per character)."""
    inches = ax.get_position().width * ax.figure.get_figwidth()
    return "\n".join(textwrap.wrap(heading, max(12, int(inches * 72 / ((FONT + 1) * 0.55))))) or heading


def _threshold_labels(ax, panel: str, thresholds: Mapping[float, bool], units: str, ylim, height_points: float) -> None:
    """Each threshold's level beside the right end of its line, outside the panel; labels of
    close levels are moved apart (at least ``LABEL_GAP`` points between centres)."""
    low, high = ylim
    wanted = [
        ((level - low) / (high - low) * height_points, level, is_hgg) for level, is_hgg in sorted(thresholds.items())
    ]
    placed: list[float] = []
    for at, _, _ in wanted:
        placed.append(max(at, placed[-1] + LABEL_GAP) if placed else at)
    for (at, level, is_hgg), where in zip(wanted, placed):
        ax.annotate(
            f"{level:g} {units}" + (" (HGG)" if is_hgg else ""),
            xy=(1, level),
            xycoords=("axes fraction", "data"),
            xytext=(3, where - at),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=FONT,
            annotation_clip=False,
            gid=f"threshold-label:{level:g}:{panel}",
        )


def _median_band(ax, group: str, day: np.ndarray, igg: np.ndarray, colour: str, legend: dict) -> None:
    """The median (a line) and interquartile range (a band) of ``igg`` in bins of ``day``, drawn
    above the courses at each bin's middle; bins of fewer than ``MIN_BIN`` values are left out."""
    if not len(day):
        return
    low = np.floor(day.min())
    width = max(14.0, np.ceil((day.max() - low + 1) / MAX_BINS))
    bins = ((day - low) // width).astype(np.int64)
    grouped = pd.Series(igg).groupby(bins)
    quartiles = grouped.quantile([0.25, 0.5, 0.75]).unstack()[grouped.size() >= MIN_BIN]
    middle = low + (quartiles.index.to_numpy() + 0.5) * width
    band = ax.fill_between(
        middle, quartiles[0.25], quartiles[0.75], color=colour, alpha=0.3, linewidth=0, zorder=3, gid=f"iqr:{group}"
    )
    (median,) = ax.plot(middle, quartiles[0.5], color="black", linewidth=1.5, zorder=4, gid=f"median:{group}")
    legend.setdefault(f"median ({width:g}-day bins)", median)
    legend.setdefault(f"IQR ({width:g}-day bins)", band)
