"""When each patient was below the HGG threshold: the periods whose lengths the per-patient
``days_below_threshold`` adds up, from the rows of a cohort loaded with ``keep_rows``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ivig_blina.cohort import exposure
from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import IvigBlinaError


def below_threshold_periods(cohort: Cohort) -> pd.DataFrame:
    """One row per period below the HGG threshold: ``patient_id``, ``start`` and ``end`` (days).

    The measurements are those of the follow-up window, as for ``days_below_threshold``: day 0
    to ``until``, less those drawn up to ``exclude_after_ivig`` days after a dose (a dose after
    the patient's death is no dose); IgG is interpolated linearly between measurement days and
    not extrapolated, so the periods of a patient add up to its ``days_below_threshold``.
    """
    if not cohort.rows_kept:
        raise IvigBlinaError("the periods below the threshold need every measurement: load with keep_rows=True")
    rows = cohort.observations.table
    rows = rows.iloc[np.lexsort((rows.day.to_numpy(), rows.pid.to_numpy()))]
    pid, day, igg = rows.pid.to_numpy(), rows.day.to_numpy(float), rows.igg.to_numpy(float)
    until, exclude = cohort.options.get("until"), cohort.options.get("exclude_after_ivig")
    window = ~np.isnan(igg) & (day >= 0) & (day <= (np.inf if until is None else until))
    if exclude is not None:
        end = cohort.table.set_index("patient_id").follow_up_days.reindex(rows.patient_id).to_numpy(float)
        dose = (rows.event == "ivig").to_numpy() & ((day < 0) | (day <= end))  # none after the death
        measured = np.flatnonzero(window)
        window[measured] &= ~(day[measured] - exposure.last_dose(pid, day, dose, measured) <= exclude)
    kept = np.flatnonzero(window)
    owner, start, stop = exposure.periods_below(pid[kept], day[kept], igg[kept], cohort.patients.hgg_threshold)
    ids = cohort.observations.patients.set_index("pid").patient_id
    return pd.DataFrame({"patient_id": ids.reindex(owner).to_numpy(), "start": start, "end": stop})
