"""Infection burden over time: every counted infection episode per patient, split into time
windows as R's ``survSplit(cut = ...)`` splits follow-up.

An episode on day t falls in the window with start < t <= end (day 0 in the first); a
patient's days in a window are the overlap of (start, end] with [0, follow_up_days]. The
episodes are the ones ``per_patient`` counts (``infection_episodes``): infection rows on or
after day 0 and not after the end of follow-up (``--until``, the death), of ``--min-grade`` or
above when it is given, so the windows of a patient add up to its ``infection_episodes`` and
``follow_up_days``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ivig_blina.cohort.patients import below_min_grade
from ivig_blina.errors import OptionError
from ivig_blina.io.reader import INFECTIONS

if TYPE_CHECKING:
    from ivig_blina.cohort.load import Cohort

WINDOWS = (28.0, 90.0, 180.0)  # cut days of --windows


def check_cuts(cuts) -> tuple[float, ...]:
    """``cuts``: increasing positive finite days (an OptionError naming ``windows`` otherwise)."""
    cuts = tuple(float(c) for c in cuts)
    if not cuts or any(not np.isfinite(c) or c <= 0 for c in cuts) or list(cuts) != sorted(set(cuts)):
        raise OptionError("windows", f"expected increasing positive days, e.g. 28,90,180, got {list(cuts)}")
    return cuts


def window_names(cuts: tuple[float, ...]) -> list[str]:
    """``0_28``, ``28_90``, ``90_180``, ``180_end`` for the cuts 28, 90, 180."""
    edges = [0.0, *cuts]
    return [f"{a:g}_{b:g}" for a, b in zip(edges, cuts)] + [f"{cuts[-1]:g}_end"]


def patient_positions(cohort: Cohort) -> np.ndarray:
    """For each patient code of the rows (``pid``), the patient's row in ``cohort.table``."""
    patients = cohort.observations.patients
    at = pd.Index(cohort.table.patient_id).get_indexer(patients.patient_id)
    positions = np.full(int(patients.pid.max()) + 1 if len(patients) else 0, -1, dtype=np.int64)
    positions[patients.pid.to_numpy()] = at
    return positions


def rows_of(cohort: Cohort, what: str) -> pd.DataFrame:
    """The cohort's rows (it must have been loaded with ``keep_rows=True``, which ``what``
    needs) with each row's ``position`` in ``cohort.table``."""
    if not cohort.rows_kept:
        raise OptionError("cohort", f"{what} needs the rows: load the cohort with keep_rows=True")
    rows = cohort.observations.table
    return rows.assign(position=patient_positions(cohort)[rows.pid.to_numpy()])


def episodes(cohort: Cohort) -> pd.DataFrame:
    """Every counted infection episode: ``position`` (the patient's row in ``cohort.table``)
    and ``day``."""
    rows = rows_of(cohort, "the infection burden")
    rows = rows[rows.event.isin(INFECTIONS).to_numpy() & (rows.day.to_numpy() >= 0)]
    min_grade = cohort.patients.min_grade
    if min_grade is not None:
        rows = rows[~below_min_grade(rows.grade.to_numpy(), min_grade)]
    follow_up = cohort.table.follow_up_days.to_numpy()
    kept = rows.day.to_numpy() <= follow_up[rows.position.to_numpy()]
    return pd.DataFrame({"position": rows.position.to_numpy()[kept], "day": rows.day.to_numpy()[kept]})


def by_window(cohort: Cohort, cuts: tuple[float, ...] = WINDOWS) -> pd.DataFrame:
    """Per patient (``cohort.table``'s index): ``episodes_<window>`` and ``days_<window>`` for
    each window of :func:`window_names`."""
    cuts = check_cuts(cuts)
    names = window_names(cuts)
    starts, ends = np.array([0.0, *cuts]), np.array([*cuts, np.inf])
    found = episodes(cohort)
    window = np.maximum(np.searchsorted(ends, found.day.to_numpy(), side="left"), 0)  # start < t <= end; day 0 first
    n = len(cohort.table)
    follow_up = cohort.table.follow_up_days.to_numpy(float)
    out = {}
    for w, name in enumerate(names):
        here = found.position.to_numpy()[window == w]
        out[f"episodes_{name}"] = np.bincount(here, minlength=n)
        out[f"days_{name}"] = np.clip(np.minimum(ends[w], follow_up) - starts[w], 0, None)
    return pd.DataFrame(out, index=cohort.table.index)
