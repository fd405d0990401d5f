"""The per-patient table: baseline, nadir and outcome flags, one row per patient.

Definitions (the README and ``ivigblina nadir --help`` state them too):

- follow-up window: measurements with ``day >= 0`` (and ``day <= until`` when given);
- nadir: the lowest IgG in the window, of equal values a censored ``<X`` below X and X below ``>X``,
  ties to the earliest day; days to nadir is that day (so the result never depends on row order);
- baseline: the last measurement with ``day <= 0``; the lowest value when several share that day;
- HGG: nadir below ``hgg_threshold`` mg/dL (a ``<X`` with X at or below it counts): exactly when
  ``days_to_hgg`` is given;
- outcome events: event rows with ``day >= 0`` (and ``day <= until``); earlier or later ones are
  counted in :attr:`PatientTable.counts` and not used, and so are events on a day after the
  patient's first death (``death`` or ``infection_death``), which ends follow-up;
- ``min_grade``: an infection row of a lower CTCAE grade, or without one, is no infection
  (not in the infection flags, time to first infection or episodes; an ``infection_death`` so
  left out is still a death) and is counted; its day still counts for follow-up.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ivig_blina.cohort import exposure
from ivig_blina.errors import IvigBlinaError
from ivig_blina.io.encode import counts
from ivig_blina.io.reader import INFECTIONS, NOT_OUTCOMES, Observations

IGG_COLUMNS = [
    "patient_id",
    "cohort",
    "baseline_igg",
    "baseline_day",
    "nadir_igg",
    "nadir_day",
    "nadir_censored",
    "n_measurements",
    "hgg",
    "pct_drop",
    "days_to_hgg",
    "days_below_threshold",
    "area_below_threshold",
    "ivig_doses",
    "days_since_ivig_at_nadir",
]
FOLLOW_UP_COLUMNS = [
    "first_infection_day",
    "follow_up_days",
    "infection_time",
    "infection_status",
    "infection_episodes",
]


@dataclass
class PatientTable:
    """``table``: one row per patient, sorted by cohort then patient ID, with the columns of
    ``IGG_COLUMNS`` then one boolean column per outcome event in ``event_outcomes``."""

    table: pd.DataFrame
    event_outcomes: list[str]
    hgg_threshold: float
    counts: dict[str, int] = field(default_factory=dict)
    first_lines: dict[str, int] = field(default_factory=dict)
    competing_risk: bool = False  # infection_status 2 marks a death without infection
    patient_ids: dict[str, list[str]] = field(default_factory=dict)  # the patients of a count, by its name
    min_grade: int | None = None  # infections of a lower grade, or none, left out (--min-grade)
    # with a pathogen column: the counted episodes (those of ``infection_episodes``) per patient
    # and pathogen, as ``patient_id``, ``pathogen`` (as given, "" where none) and ``episodes``
    pathogen_episodes: pd.DataFrame | None = None


def per_patient(
    obs: Observations,
    *,
    until: float | None = None,
    hgg_threshold: float = 400.0,
    exclude_after_ivig: float | None = None,
    baseline_window: float | None = None,
    competing_risk: bool = False,
    min_grade: int | None = None,
    rows: int = 1 << 17,
) -> PatientTable:
    """Derive baseline, nadir, exposure, follow-up and outcome flags for every patient of ``obs``.

    ``exclude_after_ivig``: measurements drawn on the day of an IVIG dose or up to that many
    days after it leave the follow-up window (nadir, days to HGG, time below threshold);
    ``baseline_window``: the baseline lies at most that many days before day 0;
    ``competing_risk``: a death without an earlier infection is a competing event
    (``infection_status`` 2) rather than censored there (0); ``min_grade``: infection rows
    of a lower grade (column ``grade`` of the rows) or without one are left out of every
    infection outcome and counted. The rows are
    worked through about ``rows`` at a time (whole patients), two such slices at once, so
    memory stays bounded.
    """
    t = _by_patient_and_day(obs.table)
    pid, day, igg, line = (t[c].to_numpy() for c in ("pid", "day", "igg", "line"))
    patients = len(obs.patients) and int(obs.patients.pid.max()) + 1
    event, censored = _Labels(t.event), _Labels(t.censored)
    outcomes = _event_outcomes(event.present()) if obs.has_events else []
    if min_grade is not None and "grade" not in t:
        raise IvigBlinaError(
            f"--min-grade {min_grade} needs the infections' grades, and the file has no grade column "
            "(a column 'grade', or name it with --grade-col)",
            path=obs.path,
        )
    grade = t.grade.to_numpy() if min_grade is not None else None
    pathogen = _Labels(t.pathogen) if "pathogen" in t else None
    fill = _Filler(
        _empty_columns(patients, outcomes),
        outcomes,
        until,
        hgg_threshold,
        exclude_after_ivig,
        baseline_window,
        min_grade=min_grade,
    )

    def fill_slice(part: slice) -> None:
        fill(
            pid[part],
            day[part],
            igg[part],
            line[part],
            event[part],
            censored[part],
            grade=None if grade is None else grade[part],
            pathogen=None if pathogen is None else pathogen[part],
        )

    # Two slices at a time (numpy lets go of the GIL in its loops; slices own disjoint
    # patients), after putting the patients in the output's order (Arrow, no GIL) beside the first
    with ThreadPoolExecutor(2) as pool:
        listing = pool.submit(_in_output_order, obs.patients)
        for _ in pool.map(fill_slice, exposure.slices(pid, rows)):
            pass
        listed = listing.result()
    columns = fill.columns
    nadir_igg, baseline_igg = columns["nadir_igg"], columns["baseline_igg"]
    hgg = pd.array(exposure.below(nadir_igg, columns["nadir_censored"] == "<", hgg_threshold), dtype="boolean")
    hgg[np.isnan(nadir_igg)] = pd.NA
    columns["hgg"] = hgg
    with np.errstate(divide="ignore", invalid="ignore"):
        columns["pct_drop"] = np.where(baseline_igg > 0, (baseline_igg - nadir_igg) / baseline_igg, np.nan)
    first, death = columns["first_infection_day"], columns.pop("death_day")
    last = np.fmax(columns["follow_up_days"], _listed_days(obs, patients, until))  # a listing row's day counts
    last = columns["follow_up_days"] = np.fmin(last, death)  # nobody is followed after death
    dead = np.isnan(first) & ~np.isnan(death)  # a death without an earlier infection
    columns["infection_time"] = np.where(~np.isnan(first), first, np.where(dead, death, last))
    columns["infection_status"] = np.where(~np.isnan(first), 1, np.where(dead & competing_risk, 2, 0))

    order = listed.pid.to_numpy()

    def in_order(name: str):  # each per-patient array is put in order and let go
        column = columns.pop(name)
        return np.take(column, order) if isinstance(column, np.ndarray) else column.take(order)

    names = IGG_COLUMNS[2:] + outcomes + FOLLOW_UP_COLUMNS
    with ThreadPoolExecutor(2) as pool:  # numpy's take lets go of the GIL
        ordered = dict(zip(names, pool.map(in_order, names)))
    out = pd.DataFrame(
        copy=False,
        data={
            "patient_id": listed.patient_id.array,  # the same strings, not made again as Python objects
            "cohort": listed.cohort.array,
            **ordered,
        },
    )
    del ordered
    counts = {
        "patients": len(out),
        "patients_without_nadir": int(out.nadir_igg.isna().sum()),
        "patients_without_exposure": int(out.days_below_threshold.isna().sum()),
        **fill.counts,
    }
    ids = {"events_after_death": out.patient_id[columns.pop("events_after_death")[order]].tolist()}
    by_pathogen = None if pathogen is None else _pathogen_episodes(fill.pathogen_rows, pathogen.names, listed)
    return PatientTable(
        out, outcomes, hgg_threshold, counts, fill.first_lines, competing_risk, ids, min_grade, by_pathogen
    )


def below_min_grade(grade: np.ndarray, min_grade: int) -> np.ndarray:
    """Which infection rows ``--min-grade`` leaves out, by their ``grade`` (0: none given): a
    lower grade, or none. One rule for the per-patient table, the burden windows and the
    pathogen breakdown."""
    return grade < min_grade


def _pathogen_episodes(found: list[tuple[np.ndarray, np.ndarray]], names: np.ndarray, listed: pd.DataFrame):
    """The counted infection episodes per patient and pathogen: ``found`` holds, per slice of
    rows, the patient code and pathogen code of each counted infection row."""
    pid = np.concatenate([p for p, _ in found]) if found else np.zeros(0, dtype=np.int64)
    code = np.concatenate([c for _, c in found]) if found else np.zeros(0, dtype=np.int64)
    keys, episodes = np.unique(pid.astype(np.int64) * len(names) + code, return_counts=True)
    ids = np.empty(int(listed.pid.max()) + 1 if len(listed) else 0, dtype=object)
    ids[listed.pid.to_numpy()] = listed.patient_id.to_numpy()
    table = pd.DataFrame(
        {"patient_id": ids[keys // len(names)], "pathogen": names[keys % len(names)], "episodes": episodes}
    )
    return table.sort_values(["patient_id", "pathogen"], kind="stable").reset_index(drop=True)


def _listed_days(obs: Observations, patients: int, until: float | None) -> np.ndarray:
    """Per patient code, the latest day of the rows that only list the patient (0 at least,
    ``until`` at most; NaN if none has a day)."""
    latest = np.full(patients, np.nan)
    if "listed_day" in obs.patients:
        latest[obs.patients.pid.to_numpy()] = obs.patients.listed_day.to_numpy()
    return np.clip(latest, 0, np.inf if until is None else until)


def _empty_columns(patients: int, outcomes: list[str]) -> dict[str, np.ndarray]:
    """Every per-patient column, as if no patient had any row: no value, no count, no event."""
    columns = {
        name: np.full(patients, np.nan)
        for name in (
            "baseline_igg",
            "baseline_day",
            "nadir_igg",
            "nadir_day",
            "days_to_hgg",
            "days_below_threshold",
            "area_below_threshold",
            "days_since_ivig_at_nadir",
            "first_infection_day",
            "death_day",
        )
    }
    columns["follow_up_days"] = np.zeros(patients)
    columns["nadir_censored"] = np.full(patients, "", dtype=object)
    for name in ("n_measurements", "ivig_doses", "infection_episodes"):
        columns[name] = np.zeros(patients, dtype=np.int64)
    for label in outcomes + ["events_after_death"]:
        columns[label] = np.zeros(patients, dtype=bool)
    return columns


@dataclass
class _Filler:
    """Fills the per-patient ``columns`` from the rows of some whole patients at a time."""

    columns: dict[str, np.ndarray]
    outcomes: list[str]
    until: float | None
    threshold: float
    exclude_after_ivig: float | None
    baseline_window: float | None
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            (
                "measurements_before_day0",
                "measurements_after_until",
                "events_before_day0",
                "events_after_until",
                "events_after_death",
                "measurements_after_ivig_excluded",
            ),
            0,
        )
    )
    first_lines: dict[str, int] = field(default_factory=dict)  # of events before day 0, after --until or death
    min_grade: int | None = None
    pathogen_rows: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)  # (pid, pathogen code)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.min_grade is not None:  # counted only when asked: without it, no key changes
            self.counts.update(infections_below_min_grade=0, infections_without_grade=0)

    def __call__(
        self, pid, day, igg, line, event: _Labels, censored: _Labels, grade=None, pathogen: _Labels | None = None
    ) -> None:
        c, until = self.columns, self.until
        is_event = ~event.isin("")
        counted = is_event & _in_window(day, until)
        after_death = self.after_death(pid, day, event, counted)
        counted &= ~after_death
        infections = counted  # the counted rows that may count as infections
        if grade is not None:
            assert self.min_grade is not None
            left_out = counted & event.isin(*INFECTIONS) & below_min_grade(grade, self.min_grade)
            self.count("infections_below_min_grade", left_out & (grade > 0), line)
            self.count("infections_without_grade", left_out & (grade == 0), line)
            infections = counted & ~left_out
        dose = event.isin("ivig") & ~after_death
        measured = ~np.isnan(igg)
        in_window = measured & _in_window(day, until)
        after_dose = np.zeros(len(pid), dtype=bool)
        if self.exclude_after_ivig is not None:
            rows = np.flatnonzero(in_window)
            after_dose[rows] = day[rows] - exposure.last_dose(pid, day, dose, rows) <= self.exclude_after_ivig
        self.window(pid, day, igg, censored, dose, np.flatnonzero(in_window & ~after_dose))
        pre = measured & (day <= 0)
        if self.baseline_window is not None:
            pre &= day >= -self.baseline_window
        pre = np.flatnonzero(pre)
        base = pre[exposure.baseline(pid[pre], day[pre], igg[pre])]
        c["baseline_igg"][pid[base]], c["baseline_day"][pid[base]] = igg[base], day[base]
        _add(c["ivig_doses"], pid, pid[dose & _in_window(day, until)])

        for label in self.outcomes:
            c[label][pid[(infections if label in INFECTIONS else counted) & event.isin(*_labels_of(label))]] = True
        self.follow_up(pid, day, event, infections, pathogen)
        self.count("measurements_before_day0", measured & (day < 0))
        self.count("events_before_day0", is_event & (day < 0), line)
        if until is not None:
            self.count("measurements_after_until", measured & (day > until))
            self.count("events_after_until", is_event & (day > until), line)
        self.count("events_after_death", after_death, line)
        c["events_after_death"][pid[after_death]] = True
        self.count("measurements_after_ivig_excluded", after_dose)

    def window(self, pid, day, igg, censored: _Labels, dose, window: np.ndarray) -> None:
        """The columns that come from the measurements in the follow-up window (rows ``window``)."""
        c = self.columns
        wp, wd, wi, wc = pid[window], day[window], igg[window], censored[window]
        less_than = wc.isin("<")
        nadir = window[exposure.nadir(wp, wd, wi, np.where(less_than, 0, np.where(wc.isin(">"), 2, 1)))]
        who = pid[nadir]
        c["nadir_igg"][who], c["nadir_day"][who], c["nadir_censored"][who] = (
            igg[nadir],
            day[nadir],
            censored.text(nadir),
        )
        c["days_since_ivig_at_nadir"][who] = day[nadir] - exposure.last_dose(pid, day, dose, nadir)
        _add(c["n_measurements"], pid, wp)
        hit = np.flatnonzero(exposure.below(wi, less_than, self.threshold))
        first = hit[exposure.runs(wp[hit])]
        c["days_to_hgg"][wp[first]] = wd[first]
        who, days, area = exposure.time_and_area_below(wp, wd, wi, self.threshold)
        c["days_below_threshold"][who], c["area_below_threshold"][who] = days, area

    def after_death(self, pid, day, event: _Labels, counted) -> np.ndarray:
        """The ``counted`` event rows on a day after their patient's first death (``death`` or
        ``infection_death`` among the ``counted`` rows), whose day becomes ``death_day``."""
        deaths = np.flatnonzero(counted & event.isin("death", "infection_death"))
        first = deaths[exposure.runs(pid[deaths])]
        dead, death_day = pid[first], day[first]  # sorted by patient
        self.columns["death_day"][dead] = death_day
        if not len(dead):
            return np.zeros(len(pid), dtype=bool)
        at = np.minimum(np.searchsorted(dead, pid), len(dead) - 1)  # each row's patient among the dead
        return counted & (dead[at] == pid) & (day > death_day[at])

    def follow_up(self, pid, day, event: _Labels, counted, pathogen: _Labels | None = None) -> None:
        """Time to first infection per patient.

        ``follow_up_days``: the latest day among the patient's rows here (0 at least, ``until``
        at most; :func:`per_patient` adds the rows that only list the patient and ends it at a
        death) and ``first_infection_day``, from which with ``death_day`` :func:`per_patient`
        makes ``infection_time`` and ``infection_status``. ``counted``: the rows that may count
        as infections; each infection among them is an episode (of its ``pathogen``).
        """
        c = self.columns
        if len(pid):
            ends = np.append(exposure.runs(pid)[1:], len(pid)) - 1
            last = np.maximum(day[ends], 0)
            c["follow_up_days"][pid[ends]] = last if self.until is None else np.minimum(last, self.until)
        rows = np.flatnonzero(counted & event.isin(*INFECTIONS))
        first = rows[exposure.runs(pid[rows])]
        c["first_infection_day"][pid[first]] = day[first]
        _add(c["infection_episodes"], pid, pid[rows])
        if pathogen is not None:
            self.pathogen_rows.append((pid[rows], pathogen.codes[rows]))

    def count(self, name: str, rows: np.ndarray, line: np.ndarray | None = None) -> None:
        """Count ``rows``; with ``line``, keep the first line of them too."""
        found = int(rows.sum())
        first = int(line[rows].min()) if line is not None and found else None
        with self.lock:  # two slices may be filled at once
            self.counts[name] += found
            if first is not None:
                self.first_lines[name] = min(self.first_lines.get(name, first), first)


STRICT_REASONS = {
    "blank_rows": "a blank row",
    "duplicate_rows": "a duplicate row",
    "censored_values": "a censored IgG value (<X or >X)",
    "same_day_conflicts": "two different IgG values on one day",
    "events_before_day0": "an event before day 0",
    "events_after_until": "an event after --until",
    "events_after_death": "an event after the patient's death",
    "unknown_labels": "an event label that is neither known nor mapped with --event-map",
    "infections_without_grade": "an infection without a grade, which --min-grade leaves out",
    "normalised_values": "an event label or cohort name with invisible characters (zero-width, "
    "no-break spaces), normalised",
}


def check_strict(obs: Observations, patients: PatientTable) -> None:
    """Under ``--strict``: the first input skip or input warning becomes an error."""
    found = {**obs.first_lines, **patients.first_lines}
    for reason, text in STRICT_REASONS.items():
        if reason in found:
            raise IvigBlinaError(
                f"{text} (--strict refuses every skipped row and input warning)", path=obs.path, line=found[reason]
            )


class _Labels:
    """A categorical column of labels, compared by code."""

    def __init__(self, column: pd.Series):
        column = column.astype("category")
        self.codes, self.names = column.array.codes, np.asarray(column.cat.categories, dtype=object)

    def __getitem__(self, rows) -> _Labels:
        part = object.__new__(_Labels)
        part.codes, part.names = self.codes[rows], self.names
        return part

    def isin(self, *labels: str) -> np.ndarray:
        return np.append(np.isin(self.names, labels), False)[self.codes]  # code -1 (missing) is never in

    def text(self, rows: np.ndarray) -> np.ndarray:
        return self.names[self.codes[rows]]

    def present(self) -> list[str]:
        """The labels of the rows but the empty one, sorted."""
        used = counts(self.codes, len(self.names)) > 0
        return sorted(set(self.names[used]) - {""})


def _by_patient_and_day(t: pd.DataFrame) -> pd.DataFrame:
    """``t`` sorted by patient code, then day (the reader delivers it so; other callers may not)."""
    pid, day = t.pid.to_numpy(), t.day.to_numpy()
    in_order = pid[1:] >= pid[:-1]
    in_order &= (pid[1:] != pid[:-1]) | (day[1:] >= day[:-1])
    if in_order.all():
        return t
    return t.iloc[np.lexsort((day, pid))]


def _in_output_order(patients: pd.DataFrame) -> pd.DataFrame:
    """The ``pid``, ``patient_id`` and ``cohort`` of ``patients`` ordered by cohort, then patient
    ID (compared as text); only the columns used (``iloc`` of every column took twice as long)."""
    import pyarrow as pa

    from ivig_blina.io.encode import text_order

    by_id = text_order(pa.array(patients.patient_id, pa.large_string()))  # pandas' Arrow strings: no copy
    cohort = pd.factorize(patients.cohort, sort=True)[0]
    order = by_id[np.argsort(cohort[by_id], kind="stable")]  # by cohort, each in the order of its IDs
    return patients[["pid", "patient_id", "cohort"]].iloc[order]


def _add(column: np.ndarray, pid: np.ndarray, counted: np.ndarray) -> None:
    """Add one to ``column`` (per patient code) for each patient code in ``counted``, writing
    only the codes from the first to the last of ``pid``, a slice's rows (sorted): slices
    filled at the same time own ranges of codes that do not overlap."""
    if len(pid):
        low, high = int(pid[0]), int(pid[-1]) + 1
        column[low:high] += np.bincount(counted - low, minlength=high - low)


def _in_window(day: np.ndarray, until: float | None) -> np.ndarray:
    inside = day >= 0
    return inside & (day <= until) if until is not None else inside


def _event_outcomes(labels: list[str]) -> list[str]:
    """The event outcomes in report order: the infections, then every other label but
    ``ivig`` and ``last_follow_up``."""
    others = [x for x in labels if x not in INFECTIONS and x not in NOT_OUTCOMES]
    return list(INFECTIONS) + others


def _labels_of(outcome: str) -> tuple[str, ...]:
    """Event labels that count towards ``outcome``."""
    if outcome == "infection":
        return INFECTIONS
    if outcome == "death":
        return ("death", "infection_death")
    return (outcome,)
