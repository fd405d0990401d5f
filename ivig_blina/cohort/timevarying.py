"""Counting-process data of time-varying exposures, as R's ``tmerge`` builds it.

``tmerge(base, base, id, infection = event(time, status), igg = tdc(day, value),
ivig = tdc(dose_day, 1), ivig = tdc(dose_day + N, 0))``, one patient at a time:

- follow-up runs from day 0 to the time to first infection (``infection_time``), the event on
  the last interval when ``infection_status`` is 1 (a competing death is censored there);
- IgG: the value at day 0 is the baseline (the last value on or before day 0; the lowest of a
  day); each later measurement day d < the end starts a new interval at d with that day's
  lowest value, so an event on day d has the value from before d. A patient without a baseline
  enters at its first measurement day after 0 (delayed entry);
- IVIG: exposed on (d, d + N] after every dose day d >= 0 (overlapping doses extend it); each
  d and d + N starts an interval, whether or not the exposure changes there (as tmerge);
- cut points at or after the end of follow-up do not split (tmerge ignores them), and a patient
  whose follow-up ends at or before entry contributes no interval and is counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ivig_blina.cohort import exposure
from ivig_blina.cohort.burden import rows_of
from ivig_blina.io.units import TO_MG_DL

if TYPE_CHECKING:
    from ivig_blina.cohort.load import Cohort


@dataclass(frozen=True)
class Intervals:
    """Counting-process rows ``table`` (``position`` of the patient in ``cohort.table``,
    ``start``, ``stop``, ``event``, ``igg_now`` in mg/dL, ``hgg_now``, ``ivig_now``) and the
    patients left out: ``no_igg`` (no IgG value at all, when IgG is needed), ``no_time``
    (follow-up ending at or before entry: with IgG, at or before the first value known)."""

    table: pd.DataFrame
    no_igg: list[str]
    no_time: list[str]


def intervals(cohort: Cohort, *, igg: bool = True, ivig_effect_days: float | None = None) -> Intervals:
    """The counting-process intervals of every patient of ``cohort`` (loaded with
    ``keep_rows=True``), split at IgG measurement days when ``igg`` and at IVIG exposure
    changes when ``ivig_effect_days`` is given."""
    rows = rows_of(cohort, "a time-varying model")
    table = cohort.table
    n = len(table)
    end = table.infection_time.to_numpy(float)
    threshold = cohort.patients.hgg_threshold  # mg/dL, as the rows' IgG
    points = [pd.DataFrame({"position": np.arange(n), "time": 0.0, "igg": np.nan, "hgg": False, "dose": 0})]
    if igg:
        baseline = table.baseline_igg.to_numpy(float) * TO_MG_DL[cohort.igg_units]
        has = ~np.isnan(baseline)
        points.append(
            pd.DataFrame(
                {
                    "position": np.flatnonzero(has),
                    "time": 0.0,
                    "igg": baseline[has],
                    "hgg": baseline[has] < threshold,
                    "dose": 0,
                }
            )
        )
        measured = rows[rows.igg.notna().to_numpy() & (rows.day.to_numpy() > 0)]
        less_than = measured.censored.astype(str).to_numpy() == "<"
        value = measured.igg.to_numpy(float)
        points.append(
            pd.DataFrame(
                {
                    "position": measured.position.to_numpy(),
                    "time": measured.day.to_numpy(float),
                    "igg": value,
                    "hgg": exposure.below(value, less_than, threshold),
                    "dose": 0,
                }
            )
        )
    if ivig_effect_days is not None:
        doses = rows[(rows.event.astype(str).to_numpy() == "ivig") & (rows.day.to_numpy() >= 0)]
        day = doses.day.to_numpy(float)
        for time, change in ((day, 1), (day + ivig_effect_days, -1)):
            points.append(
                pd.DataFrame(
                    {"position": doses.position.to_numpy(), "time": time, "igg": np.nan, "hgg": False, "dose": change}
                )
            )
    p = pd.concat(points, ignore_index=True)
    p = p.groupby(["position", "time"], sort=True).agg(igg=("igg", "min"), hgg=("hgg", "max"), dose=("dose", "sum"))
    p = p.reset_index()
    position = p.position.to_numpy()
    p["hgg"] = p.hgg.where(p.igg.notna())  # a dose day without a value: HGG carried from before, as IgG
    p["igg"] = p.groupby("position").igg.ffill()  # the value in force: the latest measured
    p["hgg"] = p.groupby("position").hgg.ffill()
    p["ivig"] = p.groupby("position").dose.cumsum() > 0
    keep = p.time.to_numpy() < end[position]
    if igg:
        keep &= p.igg.notna().to_numpy()  # delayed entry: from the first value known
    p = p[keep]
    entered = np.zeros(n, dtype=bool)
    entered[p.position.to_numpy()] = True
    known = np.zeros(n, dtype=bool)  # a value to enter with, if follow-up lasts long enough
    if igg:
        known[measured.position.to_numpy()] = True
        known |= has
    no_igg, no_time = ~entered & ~known if igg else np.zeros(n, dtype=bool), ~entered & (known | (not igg))
    position = p.position.to_numpy()
    start = p.time.to_numpy(float)
    last = np.append(position[1:] != position[:-1], True)
    stop = np.where(last, end[position], np.append(start[1:], np.nan))
    event = last & (table.infection_status.to_numpy()[position] == 1)
    out = pd.DataFrame(
        {
            "position": position,
            "start": start,
            "stop": stop,
            "event": event,
            "igg_now": p.igg.to_numpy(float),
            "hgg_now": p.hgg.to_numpy(dtype=float) if igg else np.nan,
            "ivig_now": p.ivig.to_numpy(),
        }
    )
    ids = table.patient_id.to_numpy()
    return Intervals(out.reset_index(drop=True), list(ids[no_igg]), list(ids[no_time]))


def immortal_time(cohort: Cohort, groups: tuple[str, ...]) -> dict[str, dict[str, float | int | None]]:
    """Per cohort of ``groups``: the patients whose first IVIG dose (on or after day 0, within
    follow-up) came after day 0, and the median day of that first dose among them (None when
    there are none). Labelling such a cohort "IVIG" from day 0 counts the time before the first
    dose as exposed: immortal time."""
    rows = rows_of(cohort, "the immortal-time account")
    follow_up = cohort.table.follow_up_days.to_numpy(float)
    doses = rows[(rows.event.astype(str).to_numpy() == "ivig") & (rows.day.to_numpy() >= 0)]
    doses = doses[doses.day.to_numpy() <= follow_up[doses.position.to_numpy()]]
    first = doses.groupby("position").day.min()
    late = first[first > 0]
    cohorts = cohort.table.cohort.to_numpy()[late.index.to_numpy()]
    out: dict[str, dict[str, float | int | None]] = {}
    for g in groups:
        days = late.to_numpy()[cohorts == g]
        out[g] = {
            "patients_first_dose_after_day0": len(days),
            "median_first_dose_day": float(np.median(days)) if len(days) else None,
        }
    return out
