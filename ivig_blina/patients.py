"""The per-patient table: baseline, nadir and outcome flags, one row per patient.

Definitions (the README and ``ivigblina nadir --help`` state them too):

- follow-up window: measurements with ``day >= 0`` (and ``day <= until`` when given);
- nadir: the lowest IgG in the window, ties to the earliest day; days to nadir is that day;
- baseline: the last measurement with ``day <= 0``; the lowest value when several share that day;
- HGG: nadir below ``hgg_threshold`` mg/dL;
- outcome events: event rows with ``day >= 0`` (and ``day <= until``); earlier or later ones are
  counted in :attr:`PatientTable.counts` and not used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ivig_blina import exposure
from ivig_blina.errors import IvigBlinaError
from ivig_blina.reader import Observations

INFECTIONS = ("infection", "infection_icu", "infection_death")
NOT_OUTCOMES = ("ivig", "last_follow_up")
IGG_COLUMNS = ["patient_id", "cohort", "baseline_igg", "baseline_day", "nadir_igg", "nadir_day",
               "nadir_censored", "n_measurements", "hgg", "pct_drop", "days_to_hgg", "days_below_threshold",
               "area_below_threshold", "ivig_doses", "days_since_ivig_at_nadir"]
FOLLOW_UP_COLUMNS = ["first_infection_day", "follow_up_days", "infection_time", "infection_status",
                     "infection_episodes"]


@dataclass
class PatientTable:
    """``table``: one row per patient, sorted by cohort then patient ID, with the columns of
    ``IGG_COLUMNS`` then one boolean column per outcome event in ``event_outcomes``."""

    table: pd.DataFrame
    event_outcomes: list[str]
    hgg_threshold: float
    counts: dict[str, int] = field(default_factory=dict)
    first_lines: dict[str, int] = field(default_factory=dict)


def per_patient(obs: Observations, *, until: float | None = None, hgg_threshold: float = 400.0,
                exclude_after_ivig: float | None = None, baseline_window: float | None = None) -> PatientTable:
    """Derive baseline, nadir, exposure, follow-up and outcome flags for every patient of ``obs``.

    ``exclude_after_ivig``: measurements drawn on the day of an IVIG dose or up to that many
    days after it leave the follow-up window (nadir, days to HGG, time below threshold);
    ``baseline_window``: the baseline lies at most that many days before day 0.
    """
    t = _by_patient_and_day(obs.table)
    pid, day, igg, line = (t[c].to_numpy() for c in ("pid", "day", "igg", "line"))
    patients = len(obs.patients) and int(obs.patients.pid.max()) + 1
    event, censored = _Labels(t.event), _Labels(t.censored)
    dose = event.isin("ivig")

    measured = ~np.isnan(igg)
    in_window = measured & _in_window(day, until)
    after_dose = np.zeros(len(t), dtype=bool)
    if exclude_after_ivig is not None:
        rows = np.flatnonzero(in_window)
        after_dose[rows] = day[rows] - exposure.last_dose(pid, day, dose, rows) <= exclude_after_ivig
    columns = _window_columns(pid, day, igg, censored, dose, np.flatnonzero(in_window & ~after_dose),
                              patients, hgg_threshold)
    pre = measured & (day <= 0)
    if baseline_window is not None:
        pre &= day >= -baseline_window
    pre = np.flatnonzero(pre)
    base = pre[exposure.baseline(pid[pre], day[pre], igg[pre])]
    baseline_igg, nadir_igg = exposure.by_patient(pid[base], igg[base], patients), columns["nadir_igg"]
    columns["baseline_igg"], columns["baseline_day"] = baseline_igg, exposure.by_patient(pid[base], day[base], patients)
    with np.errstate(divide="ignore", invalid="ignore"):
        columns["pct_drop"] = np.where(baseline_igg > 0, (baseline_igg - nadir_igg) / baseline_igg, np.nan)
    columns["ivig_doses"] = np.bincount(pid[dose & _in_window(day, until)], minlength=patients)

    is_event = ~event.isin("")
    counted = is_event & _in_window(day, until)
    outcomes = _event_outcomes(event.present(), obs.path) if obs.has_events else []
    for label in outcomes:
        columns[label] = np.bincount(pid[counted & event.isin(*_labels_of(label))], minlength=patients) > 0
    columns.update(_follow_up(pid, day, event, counted, patients, until))

    listed = obs.patients.iloc[_by_cohort_and_id(obs.patients)]
    order = listed.pid.to_numpy()
    out = pd.DataFrame(copy=False, data={  # each per-patient array is put in order and let go, one at a time
        "patient_id": listed.patient_id.to_numpy(), "cohort": listed.cohort.to_numpy(),
        **{name: columns.pop(name)[order] for name in IGG_COLUMNS[2:] + outcomes + FOLLOW_UP_COLUMNS}})
    counts = {
        "patients": len(out),
        "patients_without_nadir": int(out.nadir_igg.isna().sum()),
        "measurements_before_day0": int((measured & (day < 0)).sum()),
        "measurements_after_until": int((measured & (day > until)).sum()) if until is not None else 0,
        "events_before_day0": int((is_event & (day < 0)).sum()),
        "events_after_until": int((is_event & (day > until)).sum()) if until is not None else 0,
        "patients_without_exposure": int(out.days_below_threshold.isna().sum()),
        "measurements_after_ivig_excluded": int(after_dose.sum()),
    }
    first_lines = {"events_before_day0": line[is_event & (day < 0)]}
    if until is not None:
        first_lines["events_after_until"] = line[is_event & (day > until)]
    first_lines = {k: int(v.min()) for k, v in first_lines.items() if len(v)}
    return PatientTable(out, outcomes, hgg_threshold, counts, first_lines)


STRICT_REASONS = {"blank_rows": "a blank row", "duplicate_rows": "a duplicate row",
                  "censored_values": "a censored IgG value (<X or >X)",
                  "same_day_conflicts": "two different IgG values on one day",
                  "events_before_day0": "an event before day 0", "events_after_until": "an event after --until"}


def check_strict(obs: Observations, patients: PatientTable) -> None:
    """Under ``--strict``: the first input skip or input warning becomes an error."""
    found = {**obs.first_lines, **patients.first_lines}
    for reason, text in STRICT_REASONS.items():
        if reason in found:
            raise IvigBlinaError(f"{text} (--strict refuses every skipped row and input warning)",
                                 path=obs.path, line=found[reason])


def _window_columns(pid: np.ndarray, day: np.ndarray, igg: np.ndarray, censored: _Labels, dose: np.ndarray,
                    window: np.ndarray, patients: int, threshold: float) -> dict[str, np.ndarray]:
    """The columns that come from the measurements in the follow-up window (rows ``window``)."""
    wp, wd, wi = pid[window], day[window], igg[window]
    nadir = window[exposure.nadir(wp, wd, wi)]
    columns = {"nadir_igg": exposure.by_patient(pid[nadir], igg[nadir], patients),
               "nadir_day": exposure.by_patient(pid[nadir], day[nadir], patients),
               "nadir_censored": exposure.by_patient(pid[nadir], censored.text(nadir), patients, ""),
               "n_measurements": np.bincount(wp, minlength=patients)}
    hgg = pd.array(exposure.below(columns["nadir_igg"], columns["nadir_censored"] == "<", threshold), dtype="boolean")
    hgg[np.isnan(columns["nadir_igg"])] = pd.NA
    columns["hgg"] = hgg
    hit = exposure.below(wi, censored.isin("<")[window], threshold)
    columns["days_to_hgg"] = exposure.first(wp[hit], wd[hit], patients)
    columns["days_below_threshold"], columns["area_below_threshold"] = exposure.time_and_area_below(
        wp, wd, wi, threshold, patients)
    since = day[nadir] - exposure.last_dose(pid, day, dose, nadir)
    columns["days_since_ivig_at_nadir"] = exposure.by_patient(pid[nadir], since, patients)
    return columns


def _follow_up(pid: np.ndarray, day: np.ndarray, event: _Labels, counted: np.ndarray, patients: int,
               until: float | None) -> dict[str, np.ndarray]:
    """Time to first infection per patient.

    ``follow_up_days``: the latest day among all the patient's rows (0 at least, ``until`` at
    most). ``infection_status``: 1 at the first infection (any of the three labels), 2 at a
    death without an earlier infection (a competing event, censoring by default), else 0
    (censored at the end of follow-up); ``infection_time`` is that day.
    """
    ends = np.append(exposure.runs(pid)[1:], len(pid)) - 1 if len(pid) else np.zeros(0, dtype=np.int64)
    last = np.nan_to_num(exposure.by_patient(pid[ends], day[ends], patients), nan=0.0).clip(min=0)
    if until is not None:
        last = last.clip(max=until)
    infection = counted & event.isin(*INFECTIONS)
    first = exposure.first(pid[infection], day[infection], patients)
    death = counted & event.isin("death")
    death = exposure.first(pid[death], day[death], patients)
    competing = np.isnan(first) & ~np.isnan(death)
    return {"first_infection_day": first, "follow_up_days": last,
            "infection_time": np.where(~np.isnan(first), first, np.where(competing, death, last)),
            "infection_status": np.where(~np.isnan(first), 1, np.where(competing, 2, 0)),
            "infection_episodes": np.bincount(pid[infection], minlength=patients)}


class _Labels:
    """A categorical column of labels, compared by code."""

    def __init__(self, column: pd.Series):
        column = column.astype("category")
        self.codes, self.names = column.cat.codes.to_numpy(), np.asarray(column.cat.categories, dtype=object)

    def isin(self, *labels: str) -> np.ndarray:
        return np.isin(self.codes, np.flatnonzero(np.isin(self.names, labels)))

    def text(self, rows: np.ndarray) -> np.ndarray:
        return self.names[self.codes[rows]]

    def present(self) -> list[str]:
        """The labels of the rows but the empty one, sorted."""
        used = np.bincount(self.codes[self.codes >= 0], minlength=len(self.names)) > 0
        return sorted(set(self.names[used]) - {""})


def _by_patient_and_day(t: pd.DataFrame) -> pd.DataFrame:
    """``t`` sorted by patient code, then day (the reader delivers it so; other callers may not)."""
    pid, day = t.pid.to_numpy(), t.day.to_numpy()
    in_order = pid[1:] >= pid[:-1]
    in_order &= (pid[1:] != pid[:-1]) | (day[1:] >= day[:-1])
    if in_order.all():
        return t
    return t.iloc[np.lexsort((day, pid))]


def _by_cohort_and_id(out: pd.DataFrame) -> np.ndarray:
    """Row order by cohort, then patient ID (compared as text)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    ids = pc.sort_indices(pa.array(out.patient_id.to_numpy(), pa.string())).to_numpy()
    rank = np.empty(len(ids), dtype=np.int64)
    rank[ids] = np.arange(len(ids))
    cohort = pd.factorize(out.cohort.to_numpy(), sort=True)[0]
    return np.lexsort((rank, cohort))


def _in_window(day: np.ndarray, until: float | None) -> np.ndarray:
    inside = day >= 0
    return inside & (day <= until) if until is not None else inside


def _event_outcomes(labels: list[str], path: str) -> list[str]:
    """The event outcomes in report order: the infections, then every other label but
    ``ivig`` and ``last_follow_up``."""
    others = [x for x in labels if x not in INFECTIONS and x not in NOT_OUTCOMES]
    for label in others:
        if label in IGG_COLUMNS:
            raise IvigBlinaError(f"event label '{label}' is also the name of a computed column; rename it", path=path)
    return list(INFECTIONS) + others


def _labels_of(outcome: str) -> tuple[str, ...]:
    """Event labels that count towards ``outcome``."""
    if outcome == "infection":
        return INFECTIONS
    if outcome == "death":
        return ("death", "infection_death")
    return (outcome,)
