"""Figures for a paper: IgG courses per cohort, and infection-free (or cumulative incidence)
curves with numbers at risk. Each function returns a matplotlib ``Figure``; nothing is shown.

Readable in black and white (line styles and markers differ, not only colours), with the
Okabe-Ito colour-blind-safe palette, axis labels with units, and a 7 x 3.5 inch (two-column
journal) size saved at 300 dpi.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ivig_blina.analyses.results import format_p
from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import IvigBlinaError, printable
from ivig_blina.io.units import TO_MG_DL

OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
STYLES = ("-", "--")
SIZE = (7.0, 3.5)
DPI = 300
DAY_LABEL = "Days since first blinatumomab dose"
COURSES = 200  # patients' courses drawn per panel; a larger cohort is summarised (see igg_courses)
MAX_BINS = 60
MIN_BIN = 10  # values in a bin for its median and quartiles to be drawn
MAX_PANELS = 12  # panels of the IgG figure: 1,000 cohorts took matplotlib 92 s to draw, unreadably thin


def _pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise IvigBlinaError("figures need matplotlib: pip install 'ivig-blina[plot]'") from None
    return plt


def _text(label: str) -> str:
    """A cohort name as written in a figure: control characters shown as escapes, and ``$``
    escaped so that matplotlib never reads a name as mathtext (``$x$``; an unbalanced one fails
    to draw)."""
    return printable(label).replace("$", r"\$")


def igg_figure(cohort: Cohort, groups: list[str] | tuple[str, ...] | None = None, *, max_panels: int = MAX_PANELS):
    """The IgG courses of ``cohort`` (loaded with ``keep_rows=True``): a panel per cohort in
    ``groups`` (default: every cohort, sorted), at most ``max_panels`` of them. See
    :func:`igg_courses`."""
    if not cohort.rows_kept:
        raise IvigBlinaError(
            "plot igg draws every measurement: it reads one file (--engine pandas) loaded with keep_rows=True"
        )
    cohorts = set(cohort.table.cohort.unique())
    panels = list(groups) if groups else sorted(cohorts)
    for g in panels:
        if g not in cohorts:
            raise IvigBlinaError(f"group '{g}' given by --groups is not a cohort of the file", path=cohort.path)
    if len(panels) > max_panels:
        given = "--groups names" if groups else "the file has"
        raise IvigBlinaError(
            f"{given} {len(panels):,} cohorts, more panels than --max-panels {max_panels}; choose "
            "the cohorts to draw with --groups A,B,C (or raise --max-panels)",
            path=cohort.path,
        )
    return igg_courses(cohort.observations.table, cohort.table, panels, cohort.hgg_threshold, units=cohort.igg_units)


def infection_figure(cohort: Cohort, groups: tuple[str, str] | None = None, *, competing_risk: bool = False):
    """Infection-free curves (or cumulative incidence with ``competing_risk``) of two cohorts
    of ``cohort`` (chosen as :func:`~ivig_blina.analyses.comparison.compare` chooses them)
    with the log-rank (or Gray's) P. See :func:`infection_curves`."""
    from ivig_blina.analyses.comparison import choose_groups, event_data
    from ivig_blina.stats import get

    t = cohort.table
    pair = choose_groups(t.cohort, groups, cohort.path)
    test = "gray" if competing_risk else "log-rank"
    result = get(test, "time-to-event").run(*(event_data(t[t.cohort == g], competing_risk) for g in pair))
    return infection_curves(t, list(pair), competing=competing_risk, pvalue=result.pvalue, test=test)


def igg_courses(
    observations: pd.DataFrame,
    patients: pd.DataFrame,
    groups: list[str],
    threshold: float,
    seed: int = 0,
    units: str = "mg/dL",
):
    """One panel per cohort, one line per patient: IgG against day from the baseline to the end
    of follow-up, the HGG threshold dashed, each drawn patient's nadir marked with an open circle.
    A cohort of more than ``COURSES`` patients (a registry) would be a solid blot: it gets the
    courses of ``COURSES`` of its patients, chosen at random with ``seed``, over the median and
    interquartile range of all its values by 14-day bins (wider bins for long follow-up, at most
    ``MAX_BINS``). ``observations`` hold IgG in mg/dL; ``patients`` and ``threshold`` are in
    ``units``, the unit drawn."""
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(groups), figsize=SIZE, sharey=True, squeeze=False)
    measured = observations[observations.igg.notna()].sort_values(["patient_id", "day"])
    start = patients.set_index("patient_id").baseline_day.reindex(measured.patient_id).fillna(0).to_numpy()
    measured = measured[measured.day.to_numpy() >= start]
    measured = measured.assign(igg=measured.igg / TO_MG_DL[units])
    rng = np.random.default_rng(seed)
    for ax, group, colour in zip(axes[0], groups, OKABE_ITO):
        ids = patients.patient_id[patients.cohort == group]
        values = measured[measured.patient_id.isin(ids)]
        sampled = len(ids) > COURSES
        shown = np.sort(rng.choice(ids.to_numpy(), COURSES, replace=False)) if sampled else ids
        if sampled:
            _median_band(ax, values.day.to_numpy(float), values.igg.to_numpy(float), colour)
        for pid, course in values[values.patient_id.isin(shown)].groupby("patient_id"):
            ax.plot(
                course.day,
                course.igg,
                color=colour,
                linewidth=0.5 if sampled else 0.8,
                alpha=0.4 if sampled else 0.8,
                label="_course " + pid,
            )
        nadirs = patients[(patients.cohort == group) & patients.patient_id.isin(shown) & patients.nadir_igg.notna()]
        ax.plot(
            nadirs.nadir_day,
            nadirs.nadir_igg,
            linestyle="none",
            marker="o",
            markerfacecolor="white",
            markeredgecolor="black",
            markersize=2.5 if sampled else 4,
            label="nadir",
        )
        ax.axhline(
            threshold, color="black", linestyle="--", linewidth=1, label=f"HGG threshold ({threshold:g} {units})"
        )
        ax.set_title(f"{_text(group)} (n = {len(ids)}" + (f"; {COURSES} drawn)" if sampled else ")"))
        ax.set_xlabel(DAY_LABEL)
    axes[0][0].set_ylabel(f"Serum IgG ({units})")
    axes[0][-1].legend(frameon=False, fontsize=7, loc="upper right")
    fig.tight_layout()
    return fig


def _median_band(ax, day: np.ndarray, igg: np.ndarray, colour: str) -> None:
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
    ax.fill_between(
        middle,
        quartiles[0.25],
        quartiles[0.75],
        color=colour,
        alpha=0.3,
        linewidth=0,
        zorder=3,
        label=f"IQR ({width:g}-day bins)",
    )
    ax.plot(middle, quartiles[0.5], color="black", linewidth=1.5, zorder=4, label=f"median ({width:g}-day bins)")


def infection_curves(
    patients: pd.DataFrame,
    groups: list[str],
    *,
    competing: bool = False,
    pvalue: float | None = None,
    test: str = "log-rank",
    ticks: int = 5,
):
    """Kaplan-Meier infection-free curves per cohort with censoring marks, the test's P in the
    corner and the numbers at risk beneath; with ``competing``, cumulative incidence of infection
    with deaths as a competing event."""
    from ivig_blina.stats.survival import kaplan_meier

    plt = _pyplot()
    fig, (ax, table) = plt.subplots(2, 1, figsize=(SIZE[0], SIZE[1] + 1.2), height_ratios=[4, 1], sharex=True)
    horizon = float(patients[patients.cohort.isin(groups)].infection_time.max() or 0.0)
    from matplotlib.ticker import MaxNLocator

    ticks_at = np.asarray(MaxNLocator(nbins=ticks, integer=True).tick_values(0, max(horizon, 1.0)))
    grid = ticks_at[(ticks_at >= 0) & (ticks_at <= max(horizon, 1.0))]
    for row, (group, colour, style) in enumerate(zip(groups, OKABE_ITO, STYLES)):
        x = patients[patients.cohort == group]
        time, status = x.infection_time.to_numpy(float), x.infection_status.to_numpy(int)
        if competing:
            from ivig_blina.stats.competing import aalen_johansen

            times, cif, _ = aalen_johansen(time, status, cause=1)
            ax.step(np.r_[0, times], np.r_[0, cif], where="post", color=colour, linestyle=style, label=_text(group))
        else:
            km = kaplan_meier(time, (status == 1).astype(int))
            ax.step(
                np.r_[0, km.time], np.r_[1, km.surv], where="post", color=colour, linestyle=style, label=_text(group)
            )
            censored = km.n_censor > 0
            ax.plot(
                km.time[censored],
                km.surv[censored],
                linestyle="none",
                marker="|",
                markersize=8,
                color=colour,
                label=f"_censored {group}",
            )
        at_risk = [int(np.sum(time >= t)) for t in grid]
        for t, n in zip(grid, at_risk):
            table.text(t, row, str(n), ha="center", va="center", fontsize=8)
        table.text(-0.02, row, _text(group), ha="right", va="center", fontsize=8, transform=table.get_yaxis_transform())
    ax.set_ylabel("Cumulative incidence of infection" if competing else "Infection-free proportion")
    ax.set_ylim(0, 1.02)
    ax.legend(frameon=False, loc="lower left" if not competing else "upper left")
    if pvalue is not None:
        shown = format_p(pvalue)
        ax.text(
            0.98,
            0.95,
            f"{test} P {shown if shown.startswith('<') else '= ' + shown}",
            transform=ax.transAxes,
            ha="right",
            va="top",
        )
    table.set_ylim(len(groups) - 0.5, -0.5)
    table.set_yticks([])
    table.set_title("Number at risk", fontsize=8, loc="left")
    for side in ("top", "right", "left"):
        table.spines[side].set_visible(False)
    table.set_xticks(grid)
    table.set_xlabel(DAY_LABEL)
    fig.tight_layout()
    return fig
