"""Each patient's course at a glance (a swimmer plot): one horizontal bar per patient from day 0
to the end of follow-up, sorted by cohort and then by follow-up (longest first), the periods
below the HGG threshold shaded, IVIG doses as ticks, infections (needing ICU, and fatal, as
distinct markers) and deaths.

The bar ends at the per-patient ``follow_up_days`` (at a death, at ``--until``); the marks are
the event rows the per-patient table counts (on or after day 0 and within follow-up), so a
patient shows as many infections as its ``infection_episodes`` and as many doses as its
``ivig_doses``; the shaded periods add up to its ``days_below_threshold``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ivig_blina.analyses.cohort_names import check_labels, parse_labels
from ivig_blina.cohort.load import Cohort
from ivig_blina.cohort.periods import below_threshold_periods
from ivig_blina.errors import IvigBlinaError, OptionError, listed
from ivig_blina.figures.style import (
    DAY_LABEL,
    FONT,
    WIDTH,
    CohortStyle,
    cohort_styles,
    day_breaks,
    drawing,
    new_figure,
    text,
    unique_ids,
)

MAX_PATIENTS = 100
ROW = 0.15  # inches per patient (IDs shown up to about 55 patients)
LABELLED_ROW = 9.5  # points per row from which each bar is labelled with its patient ID
EVENTS = {  # label: (legend text, marker, size, face colour)
    "ivig": ("IVIG dose", "|", 5, "black"),
    "infection": ("infection", "o", 4.5, "white"),
    "infection_icu": ("infection needing ICU", "s", 4.5, "black"),
    "infection_death": ("infection-related death", "*", 8, "black"),
    "death": ("death", "X", 6, "black"),
}
TINT = 0.3  # share of the cohort's colour in a bar; the periods below the threshold in full colour


def swimmer_figure(
    cohort: Cohort,
    groups: Sequence[str] | None = None,
    *,
    max_patients: int = MAX_PATIENTS,
    seed: int = 1,
    labels: Mapping[str, str] | str | None = None,
    title: str | None = None,
    width: float = WIDTH,
    break_days: float | None = None,
    xmax: float | None = None,
):
    """The swimmer plot of ``cohort`` (loaded with ``keep_rows=True``), as a matplotlib ``Figure``.

    Parameters
    ----------
    cohort : Cohort
        From :func:`ivig_blina.load` with ``keep_rows=True``.
    groups : sequence of str, optional
        The cohorts drawn, top to bottom (default: every cohort, sorted).
    max_patients : int
        Beyond this many patients, that many are drawn at random with ``seed`` (the title says
        so): a bar per patient must stay readable.
    labels, title, width, break_days, xmax
        As for :func:`~ivig_blina.figures.km.infection_figure`.

    Examples
    --------
    >>> import ivig_blina
    >>> from ivig_blina.figures import swimmer_figure
    >>> cohort = ivig_blina.load("examples/wo2022_cohort.csv", keep_rows=True)
    >>> figure = swimmer_figure(cohort, ["ivig", "control"])
    >>> len([bar for bar in figure.axes[-1].patches if bar.get_gid().startswith("follow-up:")])
    23
    """
    if not cohort.rows_kept:
        raise IvigBlinaError(
            "plot swimmer draws every event: it reads one file (--engine pandas) loaded with keep_rows=True"
        )
    if isinstance(max_patients, bool) or not isinstance(max_patients, int) or max_patients < 1:
        raise OptionError("max_patients", f"expected a whole number of 1 or more, got {max_patients!r}")
    table = cohort.table
    present = sorted(table.cohort.unique())
    labels = parse_labels(labels)
    check_labels(labels, present, cohort.path)
    chosen = list(groups) if groups else present
    for g in chosen:
        if g not in present:
            raise IvigBlinaError(
                f"group '{g}' given by --groups is not a cohort of the file (cohorts: {listed(present)})",
                path=cohort.path,
            )
    patients = table[table.cohort.isin(chosen)]
    total = len(patients)
    sampled = total > max_patients
    if sampled:
        rng = np.random.default_rng(seed)
        patients = patients.iloc[np.sort(rng.choice(total, max_patients, replace=False))]
    rank = {g: i for i, g in enumerate(chosen)}
    patients = patients.assign(_rank=patients.cohort.map(rank)).sort_values(
        ["_rank", "follow_up_days", "patient_id"], ascending=[True, False, True]
    )
    note = f"{max_patients} of {total:,} patients, drawn at random (seed {seed})" if sampled else None
    heading = "\n".join(t for t in (title, note) if t) or None
    events = _counted_events(cohort.observations.table, patients)
    periods = below_threshold_periods(cohort)
    return _draw(
        patients, events, periods, cohort_styles(present, labels), chosen, heading, width, break_days, xmax, cohort
    )


def _counted_events(rows: pd.DataFrame, patients: pd.DataFrame) -> pd.DataFrame:
    """The event rows the per-patient table counts: on or after day 0 and at most the patient's
    ``follow_up_days``, which ends at ``--until`` and at the death (no row of the window lies
    beyond it otherwise), so this is that table's rule, not a copy of it."""
    rows = rows[rows.event.isin(list(EVENTS)) & rows.patient_id.isin(patients.patient_id)]
    end = patients.set_index("patient_id").follow_up_days.reindex(rows.patient_id).to_numpy(float)
    day = rows.day.to_numpy(float)
    return rows[(day >= 0) & (day <= end)]


def _draw(
    patients: pd.DataFrame,
    events: pd.DataFrame,
    periods: pd.DataFrame,
    styles: Mapping[str, CohortStyle],
    chosen: Sequence[str],
    heading: str | None,
    width: float,
    break_days: float | None,
    xmax: float | None,
    cohort: Cohort,
):
    from matplotlib.colors import to_rgb
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    n = len(patients)
    horizon = float(patients.follow_up_days.max()) if n else 0.0
    breaks, end = day_breaks(horizon, break_days, xmax, width)
    height = max(2.5, min(9.5, 1.2 + ROW * n)) + (0.25 * heading.count("\n") + 0.3 if heading else 0.0)
    position = {pid: i for i, pid in enumerate(patients.patient_id)}
    with drawing():
        figure = new_figure(width, height + 0.6)
        grid = figure.add_gridspec(2, 1, height_ratios=[0.01, height])
        key = figure.add_subplot(grid[0], label="legend")
        key.axis("off")
        ax = figure.add_subplot(grid[1], label="patients")
        for pid, cohort_name, follow_up in zip(patients.patient_id, patients.cohort, patients.follow_up_days):
            colour = to_rgb(styles[cohort_name].colour)
            tint = tuple(TINT * c + (1 - TINT) for c in colour)
            ax.barh(position[pid], follow_up, left=0, height=0.7, color=tint, linewidth=0, gid=f"follow-up:{pid}")
        shown = periods[periods.patient_id.isin(position)]
        for k, (pid, start, stop) in enumerate(zip(shown.patient_id, shown.start, shown.end)):
            cohort_name = patients.cohort.iloc[position[pid]]
            ax.barh(
                position[pid],
                stop - start,
                left=start,
                height=0.7,
                color=styles[cohort_name].colour,
                linewidth=0,
                gid=f"below-threshold:{pid}:{k}",
            )
        handles: list = []
        for label, (meaning, marker, size, face) in EVENTS.items():
            rows = events[events.event == label]
            (mark,) = ax.plot(
                rows.day,
                rows.patient_id.map(position),
                linestyle="none",
                marker=marker,
                markersize=size,
                markerfacecolor=face,
                markeredgecolor="black",
                markeredgewidth=0.8,
                zorder=3,
                gid=f"event:{label}",
            )
            if len(rows):
                handles.append((mark, meaning))
        blocks = patients.cohort.to_numpy()
        for i in np.flatnonzero(blocks[1:] != blocks[:-1]):
            ax.axhline(i + 0.5, color="0.4", linewidth=0.6, gid=f"reference:cohort:{i}")
        pitch = (height - 1.2) * 72 / max(n, 1)
        ax.set_yticks(range(n))
        ids = [text(p) for p in patients.patient_id] if pitch >= LABELLED_ROW else [""] * n
        ax.set_yticklabels(ids, fontsize=FONT)
        for tick, cohort_name in zip(ax.get_yticklabels(), blocks):
            tick.set_color(styles[cohort_name].colour)
        ax.tick_params(axis="y", length=0, labelleft=pitch >= LABELLED_ROW)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlim(0, end)
        ax.set_xticks(breaks)
        ax.set_xlabel(DAY_LABEL)
        ax.set_ylabel("Patients" if pitch < LABELLED_ROW else "")
        ax.spines["left"].set_visible(False)
        counts = patients.cohort.value_counts()
        cohorts = [(Patch(color=styles[g].colour), f"{styles[g].label} (n = {counts.get(g, 0)})") for g in chosen]
        threshold = cohort.hgg_threshold
        below = (
            Patch(facecolor="0.35", edgecolor="none"),
            f"IgG below {threshold:g} {cohort.igg_units} (HGG)",
        )
        entries = cohorts + [below] + handles
        key.legend(
            [h for h, _ in entries],
            [meaning for _, meaning in entries],
            loc="center",
            ncols=max(1, min(3, int(width // 2.4))),
            frameon=False,
            borderaxespad=0,
            handler_map={Line2D: _marker_handler()},
        )
        if heading:
            figure.suptitle(heading)
    return unique_ids(figure)


def _marker_handler():
    from matplotlib.legend_handler import HandlerLine2D

    return HandlerLine2D(numpoints=1)
