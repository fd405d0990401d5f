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
    t = obs.table
    out = obs.patients.set_index("pid")[["patient_id", "cohort"]]

    meas = t.loc[t.igg.notna(), ["pid", "day", "igg", "censored"]]  # only the columns used: fewer copies
    doses = t.loc[t.event == "ivig", ["pid", "day"]]
    in_window = _in_window(meas.day, until)
    after_dose = pd.Series(False, index=meas.index)
    if exclude_after_ivig is not None:
        after_dose = (meas.day - exposure.last_dose(meas, doses)) <= exclude_after_ivig
    window = meas[in_window & ~after_dose]
    nadir = window.sort_values(["pid", "igg", "day"]).drop_duplicates("pid").set_index("pid")
    pre = meas[(meas.day <= 0) & (meas.day >= -baseline_window if baseline_window is not None else True)]
    before = pre.sort_values(["pid", "day", "igg"], ascending=[True, False, True])
    baseline = before.drop_duplicates("pid").set_index("pid")

    out["baseline_igg"] = baseline.igg
    out["baseline_day"] = baseline.day
    out["nadir_igg"] = nadir.igg
    out["nadir_day"] = nadir.day
    out["nadir_censored"] = nadir.censored.reindex(out.index).fillna("")
    out["n_measurements"] = window.groupby("pid").size().reindex(out.index, fill_value=0).astype(int)
    below = (out.nadir_igg < hgg_threshold) | ((out.nadir_censored == "<") & (out.nadir_igg <= hgg_threshold))
    out["hgg"] = below.astype("boolean").mask(out.nadir_igg.isna())
    out["pct_drop"] = ((out.baseline_igg - out.nadir_igg) / out.baseline_igg).where(out.baseline_igg > 0)
    out["days_to_hgg"] = exposure.first_day_below(window, hgg_threshold)
    spans = exposure.time_and_area_below(window, hgg_threshold)
    out["days_below_threshold"] = spans.days_below_threshold
    out["area_below_threshold"] = spans.area_below_threshold
    doses_in_window = doses[_in_window(doses.day, until)]
    out["ivig_doses"] = doses_in_window.groupby("pid").size().reindex(out.index, fill_value=0)
    nadir_rows = nadir.reset_index()
    since = nadir_rows.day - exposure.last_dose(nadir_rows, doses)
    out["days_since_ivig_at_nadir"] = pd.Series(since.to_numpy(), index=nadir_rows.pid)

    events = t.loc[t.event != "", ["pid", "day", "event", "line"]]
    counted = _in_window(events.day, until)
    outcomes = _event_outcomes(sorted(set(events.event)), obs.path) if obs.has_events else []
    labels = pd.DataFrame({"pid": events.pid[counted], "event": events.event[counted].astype(str)})
    flags = labels.groupby(["pid", "event"]).size().unstack(fill_value=0).reindex(index=out.index).fillna(0) > 0
    for label in outcomes:
        out[label] = _flag(flags, _labels_of(label))
    out = out.join(_follow_up(t, events[counted], out.index, until))

    out = out.sort_values(["cohort", "patient_id"], kind="stable").reset_index(drop=True)
    counts = {
        "patients": len(out),
        "patients_without_nadir": int(out.nadir_igg.isna().sum()),
        "measurements_before_day0": int((meas.day < 0).sum()),
        "measurements_after_until": int((meas.day > until).sum()) if until is not None else 0,
        "events_before_day0": int((events.day < 0).sum()),
        "events_after_until": int((events.day > until).sum()) if until is not None else 0,
        "patients_without_exposure": int(out.days_below_threshold.isna().sum()),
        "measurements_after_ivig_excluded": int((after_dose & in_window).sum()),
    }
    first_lines = {"events_before_day0": events.line[events.day < 0].min()}
    if until is not None:
        first_lines["events_after_until"] = events.line[events.day > until].min()
    first_lines = {k: int(v) for k, v in first_lines.items() if pd.notna(v)}
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


def _follow_up(t: pd.DataFrame, events: pd.DataFrame, patients: pd.Index, until: float | None) -> pd.DataFrame:
    """Time to first infection per patient.

    ``follow_up_days``: the latest day among all the patient's rows (0 at least, ``until`` at
    most). ``infection_status``: 1 at the first infection (any of the three labels), 2 at a
    death without an earlier infection (a competing event, censoring by default), else 0
    (censored at the end of follow-up); ``infection_time`` is that day.
    """
    last = t.groupby("pid").day.max().reindex(patients).fillna(0).clip(lower=0)
    if until is not None:
        last = last.clip(upper=until)
    infections = events[events.event.isin(INFECTIONS)]
    first = infections.groupby("pid").day.min().reindex(patients)
    death = events[events.event == "death"].groupby("pid").day.min().reindex(patients)
    competing = first.isna() & death.notna()
    status = np.where(first.notna(), 1, np.where(competing, 2, 0))
    return pd.DataFrame({
        "first_infection_day": first,
        "follow_up_days": last,
        "infection_time": np.where(first.notna(), first, np.where(competing, death, last)),
        "infection_status": status,
        "infection_episodes": infections.groupby("pid").size().reindex(patients, fill_value=0),
    }, index=patients)


def _in_window(day: pd.Series, until: float | None) -> pd.Series:
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


def _flag(flags: pd.DataFrame, labels: tuple[str, ...]) -> pd.Series:
    present = [x for x in labels if x in flags.columns]
    if not present:
        return pd.Series(False, index=flags.index)
    return flags[present].any(axis=1)
