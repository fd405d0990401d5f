"""Validate a long-format cohort file into one table of observations.

Every problem a user can cause raises :class:`IvigBlinaError` naming the file, line and
column. Nothing is dropped without being counted in :attr:`Observations.counts`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ivig_blina.errors import IvigBlinaError, listed
from ivig_blina.io import memory
from ivig_blina.io.csvfile import Dialect, RawTable, read_table
from ivig_blina.io.encode import CHUNK, code_type, counts, runs, sort
from ivig_blina.io.units import PLAUSIBLE_MG_DL, TO_MG_DL, unit_in_header

IGG_COLUMNS = {"igg_mg_dl": "mg/dL", "igg_g_l": "g/L"}
KNOWN_EVENTS = ("infection", "infection_icu", "infection_death", "death", "ivig", "last_follow_up")
INFECTIONS = ("infection", "infection_icu", "infection_death")  # outcomes of every file with events
NOT_OUTCOMES = ("ivig", "last_follow_up")  # labels that are never outcomes
GRADES = (1, 2, 3, 4, 5)  # CTCAE grades of an infection (column ``grade``)
ROMAN_GRADES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
# Names of the per-patient columns and of the outcomes that are not event labels: an event label
# becomes a column of ``nadir`` and an outcome of ``compare``, so it must not take one of these
# (tests/test_reader.py checks this list against the columns and outcomes the later steps make).
RESERVED_LABELS = frozenset(
    {
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
        "first_infection_day",
        "death_day",
        "follow_up_days",
        "infection_time",
        "infection_status",
        "infection_episodes",
        "events_after_death",
        "igg_nadir",
        "days_to_nadir",
        "time_to_infection",
        "infection_rate",
    }
)
MAX_ABS_DAY = 36500
CENSORED = ["", "<", ">"]  # a lab value as given, or reported below or above a limit
EARLIEST_DATE = pd.Timestamp("1900-01-01")


@dataclass(frozen=True)
class Columns:
    """Names of the input columns (matched without regard to case or surrounding spaces).

    ``igg=None`` finds ``igg_mg_dl`` or ``igg_g_l``. A unit named in the IgG column's header is
    its unit; ``units`` (None: not stated) must agree with it, or states it when the header
    does not.
    """

    patient: str = "patient_id"
    cohort: str = "cohort"
    day: str = "day"
    igg: str | None = None
    units: str | None = None
    event: str = "event"
    date: str = "date"
    start_date: str = "start_date"
    date_format: str | None = None  # strftime, e.g. %d/%m/%Y; None: ISO 8601
    event_map: tuple[tuple[str, str], ...] = ()  # (FROM, TO): FROM matched without regard to case or spaces
    cohort_map: tuple[tuple[str, str], ...] = ()
    covariates: tuple[str, ...] = ()  # patient covariates to read (one value per patient), in this order
    all_covariates: bool = False  # every other column that holds one value per patient (Table 1)
    grade: str | None = None  # None: ``grade`` when the file has it; a name given must be a column
    pathogen: str | None = None  # None: ``pathogen`` when the file has it


@dataclass
class Observations:
    """A validated cohort file.

    ``table`` has one row per measurement or event row, sorted by patient and then day (each
    patient's rows together, in day order): ``pid`` (an integer code per patient),
    ``patient_id`` and ``cohort`` (categoricals), ``day`` (float), ``igg`` (mg/dL, NaN on event
    rows), ``censored`` (``"<"``, ``">"`` or ``""``: the lab reported the value as below or
    above a limit), ``event`` (lower-case label or ``""``) and ``line`` (the row's line in the
    file). ``patients`` lists every patient (``pid``, ``patient_id``, ``cohort``, the
    ``line`` where it first appears and ``listed_day``, the latest day of its rows that carry
    neither an IgG value nor an event, NaN when none has a day), including patients whose rows
    carry neither. ``counts`` says what was done with every
    row; ``first_lines`` gives the first line of each kind of skip or warning.
    """

    path: str
    sha256: str
    table: pd.DataFrame
    patients: pd.DataFrame
    has_events: bool
    counts: dict[str, int] = field(default_factory=dict)
    first_lines: dict[str, int] = field(default_factory=dict)
    igg_units: str = "mg/dL"  # of the IgG column as read (``table.igg`` is always in mg/dL)
    notes: tuple[str, ...] = ()  # input warnings, e.g. an implausible median IgG for a stated unit
    unknown_labels: dict[str, int] = field(default_factory=dict)  # compared as outcomes of their own: rows each
    covariates: pd.DataFrame | None = None  # ``pid`` and one text column per covariate ("" where none given)
    row_keys: np.ndarray | None = None  # with read_cohort(row_keys=True), of each row of ``table``: see _row_keys
    listing: pd.DataFrame | None = None  # with row_keys=True: the rows that only list a patient, with their keys


def read_cohort(
    source: str,
    columns: Columns = Columns(),  # noqa: B008 - frozen dataclasses: an immutable default
    dialect: Dialect = Dialect(),  # noqa: B008
    *,
    require_cohort: bool = False,
    today: dt.date | None = None,
    row_keys: bool = False,
) -> Observations:
    """Read ``source`` (a path, or ``-`` for standard input) and validate it.

    ``today`` bounds the dates (default: the system date); dates before 1900 are refused too.
    ``row_keys``: give each row of the table a key that is equal for rows the reader counts as
    duplicates, in whatever file they are (``--engine dask`` finds duplicates across partitions).
    """
    plan = _Plan(columns, require_cohort)
    raw = read_table(source, plan.choose, dialect, many_values=lambda: [plan.patient])
    observations = _Validator(raw, plan, dialect, today or dt.date.today(), row_keys).run()
    del raw
    memory.release()
    return observations


@dataclass
class _Plan:
    """Which columns to read, decided from the header."""

    columns: Columns
    require_cohort: bool
    patient: str = ""
    cohort: str | None = None
    day: str | None = None
    igg: str = ""
    units: str = "mg/dL"
    units_stated: bool = True  # by the header or by Columns.units
    event: str | None = None
    date: str = "date"
    start_date: str = "start_date"
    grade: str | None = None
    pathogen: str | None = None
    covariates: list[str] = field(default_factory=list)  # columns read as patient covariates

    @property
    def columns_named(self) -> set[str]:
        """The covariates named by the user (the others were taken because they exist)."""
        return {n.strip().lower() for n in self.columns.covariates}

    def choose(self, header: list[str]) -> list[str]:
        found = listed(header)

        def missing(what: str) -> IvigBlinaError:
            return IvigBlinaError(f"missing column {what} (found: {found})", line=1)

        c = self.columns
        self.patient = c.patient.strip().lower()
        if self.patient not in header:
            raise missing(f"'{self.patient}'")
        cohort = c.cohort.strip().lower()
        if self.require_cohort and cohort not in header:
            raise missing(f"'{cohort}' (compare needs each patient's group)")
        self.cohort = cohort if cohort in header else None
        if c.igg is not None:
            self.igg = c.igg.strip().lower()
            if self.igg not in header:
                raise missing(f"'{self.igg}' (given by --igg-col)")
        else:
            present = [h for h in IGG_COLUMNS if h in header]
            if not present:
                raise missing("'igg_mg_dl' or 'igg_g_l' (or name one with --igg-col)")
            if len(present) == 2:
                raise IvigBlinaError(
                    "both 'igg_mg_dl' and 'igg_g_l' are present; keep one, or choose one with --igg-col and --units",
                    line=1,
                )
            self.igg = present[0]
        stated = unit_in_header(self.igg)
        if stated and c.units and stated != c.units:
            raise IvigBlinaError(
                f"the header says the IgG values are in {stated}; --units {c.units} contradicts it "
                "(leave --units out, or rename the column)",
                line=1,
                column=self.igg,
            )
        self.units = stated or c.units or "mg/dL"
        self.units_stated = bool(stated or c.units)
        day = c.day.strip().lower()
        self.day = day if day in header else None
        self.date, self.start_date = c.date.strip().lower(), c.start_date.strip().lower()
        if self.day is None and not {self.date, self.start_date} <= set(header):
            raise missing(f"'{day}' (or '{self.date}' with '{self.start_date}')")
        event = c.event.strip().lower()
        self.event = event if event in header else None
        self.grade = _optional_role(c.grade, "grade", "--grade-col", header, missing)
        self.pathogen = _optional_role(c.pathogen, "pathogen", "--pathogen-col", header, missing)
        roles = [self.patient, self.cohort, self.igg, self.event] + (
            [self.day] if self.day else [self.date, self.start_date]
        )
        infection_roles = [r for r in (self.grade, self.pathogen) if r is not None]
        wanted = [w for w in roles + infection_roles if w is not None]
        for i, name in enumerate(wanted):
            if name in wanted[:i]:
                raise IvigBlinaError(
                    f"column '{name}' is named for two roles (patient, cohort, day or date, IgG, "
                    + (
                        "event); give each its own column (--patient-col, --cohort-col, --day-col, --igg-col)"
                        if not infection_roles
                        else "event, grade, pathogen); give each its own column (--patient-col, --cohort-col, "
                        "--day-col, --igg-col, --grade-col, --pathogen-col)"
                    ),
                    line=1,
                )
        named = [n.strip().lower() for n in c.covariates]
        for name in named:
            if name not in header:
                raise missing(f"'{name}' (given as a covariate)")
            if name in wanted:
                raise IvigBlinaError(f"column '{name}' has a role in the analysis; it cannot be a covariate", line=1)
        others = (
            [h for h in header if h not in wanted and h not in ("date", "start_date", "day")]
            if c.all_covariates
            else []
        )
        self.covariates = list(dict.fromkeys(named + others))
        return wanted + self.covariates


@dataclass
class _Coded:
    """A column as one value per distinct string and each row's ``codes`` into them (or, with
    ``codes`` None, one value per row): rows are looked up only when needed."""

    values: np.ndarray
    codes: np.ndarray | None = None

    def at(self, rows=slice(None)):
        return self.values[rows] if self.codes is None else self.values[self.codes[rows]]

    def map(self, function) -> np.ndarray:
        """``function`` of each row's value, computed once per distinct value."""
        return function(self.values) if self.codes is None else function(self.values)[self.codes]


class _Validator:
    """Row checks on the raw table; row ``i`` of every array here is row ``i`` of the file's
    non-blank rows, ``self.lines[i]`` its line."""

    def __init__(self, raw: RawTable, plan: _Plan, dialect: Dialect, today: dt.date, row_keys: bool = False):
        self.raw, self.plan, self.dialect, self.today = raw, plan, dialect, pd.Timestamp(today)
        self.row_keys = row_keys
        self.name = raw.path
        self.lines = raw.lines
        self.notes: list[str] = []

    def fail(self, mask, column: str | None, message) -> None:
        """Raise for the first row where ``mask`` holds; ``message(i)`` says what is wrong."""
        mask = np.asarray(mask)
        if mask.any():
            i = int(mask.argmax())
            raise IvigBlinaError(message(i), path=self.name, line=int(self.lines[i]), column=column)

    def fail_distinct(self, bad: np.ndarray, text: pd.Series, column: str | None, message) -> None:
        """``bad`` flags distinct strings of the categorical ``text``; raise for the first row
        holding one, ``message(string)`` saying what is wrong."""
        if bad.any():
            self.fail(bad[_codes(text)], column, lambda i: message(text[i]))

    def run(self) -> Observations:
        p, data = self.plan, self.raw.data
        first_lines: dict[str, int] = {}
        blank = _blank_rows(data)
        blank_rows = int(blank.sum()) + self.raw.blank_rows
        if blank.any():
            first_lines["blank_rows"] = int(self.lines[blank.argmax()])
            data, self.lines = data[~blank].reset_index(drop=True), self.lines[~blank]
            data[p.patient] = data[p.patient].cat.remove_unused_categories()
        elif self.raw.blank_rows:
            first_lines["blank_rows"] = int(self.raw.lines[0])

        patient = data[p.patient]
        self.fail(_holds(patient, ""), p.patient, lambda i: "patient ID is empty")
        normalised = _visible(data, [p.event, p.cohort])  # before the sort: duplicates are compared as shown
        if normalised.any():
            first_lines["normalised_values"] = int(self.lines[normalised.argmax()])
        if p.cohort and self.plan.columns.cohort_map:  # after the normalising: a map matches labels as shown
            data[p.cohort] = _renamed(
                data[p.cohort],
                {" ".join(a.split()).lower(): " ".join(b.split()) for a, b in self.plan.columns.cohort_map},
            )
        igg, censored = self.igg(data[p.igg])
        event = (
            _renamed(_lower(data[p.event]), _label_map(self.plan.columns.event_map))
            if p.event
            else pd.Series(pd.Categorical.from_codes(np.zeros(len(data), dtype=np.int8), [""]))
        )
        if p.event:  # before the labels' checks: 100,000 labels make a slow typo check too
            check_outcome_count(event.cat.categories, self.dialect.max_outcomes, self.name, p.event)
            data[p.event] = event  # duplicates are rows equal as the analysis reads them: IVIG is ivig
        self.check_labels(event, p.event)
        unknown = self.unknown_labels(event, first_lines)
        grade = None
        if p.grade or p.pathogen:  # after --event-map: the labels as the analysis reads them
            infection = np.isin(np.asarray(event.cat.categories, dtype=object), INFECTIONS)[_codes(event)]
            if p.grade:
                grade = self.grades(data[p.grade], event, infection)
            if p.pathogen:
                self.on_infections(data[p.pathogen], event, infection, p.pathogen, "pathogen")
        has_data = ~igg.map(np.isnan)
        has_data |= ~_holds(event, "")  # an IgG value or a label
        day, day_rank = self.days(data, patient, has_data)

        # One sort by patient, then day, then the remaining strings: equal neighbours are
        # duplicate rows, each patient's rows are contiguous and in day order.
        pid = _codes(patient)
        others = [h for h in data if h not in (p.patient, p.day, p.date)]
        keys = [(pid, len(patient.cat.categories)), day_rank]
        keys += [(_codes(data[h]), len(data[h].cat.categories)) for h in others]
        order, repeated, ordered = _sort_rows(keys)  # ordered: the leading keys' codes in that order
        duplicate = order[repeated]
        if len(duplicate):
            first_lines["duplicate_rows"] = int(self.lines[duplicate.min()])
            dropped = np.flatnonzero(repeated)
            order = _drop(order, dropped)
            ordered = [_drop(codes, dropped) for codes in ordered]

        def in_order(key: int, at=slice(None)) -> np.ndarray:
            """Key ``key``'s codes in the sorted order (at ``at``): read off the sort where it
            packed them, else gathered."""
            return ordered[key][at] if key < len(ordered) else keys[key][0][order[at]]

        key_of = {h: k for k, h in enumerate(others, start=2)}  # 0 the patient, 1 the day's rank
        by_patient = in_order(0)
        cohort_codes = in_order(key_of[p.cohort]) if p.cohort else None
        patients, cohort = self.patients(patient, data[p.cohort] if p.cohort else None, order, by_patient, cohort_codes)
        del cohort_codes
        covariates = self.covariates(data, order, by_patient) if p.covariates else None
        kept = has_data[order]
        listed_days = _listed_days(by_patient[~kept], day, order[~kept], len(patient.cat.categories))
        patients["listed_day"] = listed_days[patients.pid.to_numpy()]
        used = slice(None) if kept.all() else kept  # all (no row lists a patient only): no copies

        rows = order[used]  # the kept rows, in patient and day order
        of_row = _compact(by_patient[used])  # the patient codes are the IDs' codes
        measured = in_order(key_of[p.igg], used)  # of the IgG strings: a value and its censoring each
        if day.codes is not None:  # days (not dates): the rank of the day's string gives its value
            day_at_rows = day.values[np.argsort(day.values, kind="stable")][in_order(1, used)]
        else:
            day_at_rows = day.at(rows)
        event_at_rows = (
            pd.Categorical.from_codes(in_order(key_of[p.event], used), dtype=event.dtype, validate=False)
            if p.event
            else _take(event.array, rows)
        )
        ordered.clear()
        table = pd.DataFrame(
            copy=False,
            data={
                "pid": of_row,
                "patient_id": pd.Categorical.from_codes(of_row, dtype=patient.dtype, validate=False),
                "cohort": _take(cohort, of_row),
                "day": day_at_rows,
                "igg": igg.values[measured],
                "censored": pd.Categorical.from_codes(censored[measured], CENSORED),
                "event": event_at_rows,
                "line": _compact(_lines_of(self.lines, rows)),
            },
        )
        del day_at_rows, event_at_rows, measured
        if grade is not None:
            table["grade"] = grade.at(rows)
        if p.pathogen:
            table["pathogen"] = _take(data[p.pathogen].array, rows)
        censored_rows = ~_holds(table.censored, "")
        if censored_rows.any():
            first_lines["censored_values"] = int(table.line.to_numpy()[censored_rows].min())
        conflicts, conflict_line = same_day_conflicts(table)
        if conflicts:
            first_lines["same_day_conflicts"] = conflict_line
        counts = {
            "rows": len(blank) + self.raw.blank_rows,
            "blank_rows": blank_rows,
            "duplicate_rows": len(duplicate),
            "patient_only_rows": len(order) - len(rows),
            "used_rows": len(table),
            "censored_values": int(censored_rows.sum()),
            "same_day_conflicts": conflicts,
            "normalised_values": int(normalised.sum()),
        }
        obs = Observations(
            self.name,
            self.raw.sha256,
            table,
            patients,
            p.event is not None,
            counts,
            first_lines,
            p.units,
            tuple(self.notes),
            unknown,
            covariates,
        )
        if self.row_keys:
            only = order[~kept]
            obs.row_keys = _row_keys(data, rows)
            obs.listing = pd.DataFrame(
                {
                    "patient_id": np.asarray(patient.cat.categories, dtype=object)[by_patient[~kept]],
                    "cohort": np.asarray(cohort, dtype=object)[by_patient[~kept]],
                    "day": day.at(only),
                    "line": self.lines[only],
                    "key": _row_keys(data, only),
                }
            )
        return obs

    def numbers(self, text: pd.Series, column: str, distinct: pd.Series | None = None) -> np.ndarray:
        """Parse the distinct strings of the categorical ``text`` (or their replacements
        ``distinct``) as numbers: one value per distinct string."""
        strings = pd.Series(text.cat.categories, dtype=object) if distinct is None else distinct
        if self.dialect.decimal != ".":
            strings = strings.str.replace(self.dialect.decimal, ".", regex=False)
        filled = (strings != "").to_numpy()
        values = pd.to_numeric(strings.where(filled), errors="coerce").astype(float).to_numpy()
        self.fail_distinct(filled & np.isnan(values), text, column, self.not_a_number)
        self.fail_distinct(np.isinf(values), text, column, lambda x: f"'{x}' is not a finite number")
        return values

    def not_a_number(self, x: str) -> str:
        if self.dialect.decimal == "." and re.fullmatch(r"\s*[<>]?\s*[-+]?\d+,\d+\s*", x):
            return f"'{x}' is not a number (decimal comma? give --decimal ,)"
        return f"'{x}' is not a number"

    def igg(self, text: pd.Series) -> tuple[_Coded, np.ndarray]:
        """Each row's IgG in mg/dL, and the censoring of each distinct value (a code of
        ``CENSORED``; the rows' codes are the IgG's)."""
        column = self.plan.igg
        strings = pd.Series(text.cat.categories, dtype=object)
        sign = strings.str[:1]
        flagged = sign.isin(["<", ">"]).to_numpy()
        values = self.numbers(text, column, strings.where(~flagged, strings.str[1:].str.strip()))
        self.fail_distinct(values < 0, text, column, lambda x: f"'{x}' is negative; IgG must be 0 or more")
        factor = TO_MG_DL[self.plan.units]
        # 3.38 g/L * 100 is 338.00000000000006: round away the binary noise so that g/L and mg/dL agree
        converted = (values * factor).round(9) if factor != 1 else values
        codes = _codes(text)
        self.check_unit(values, counts(codes, len(values)))
        return _Coded(converted, codes), np.where(flagged, np.where(sign == "<", 1, 2), 0).astype(np.int8)

    def grades(self, text: pd.Series, event: pd.Series, infection: np.ndarray) -> _Coded:
        """Each row's CTCAE grade (int8, 0 where none is given): a whole number from 1 to 5,
        given on infection rows only."""
        column = self.plan.grade
        assert column is not None
        strings = pd.Series(text.cat.categories, dtype=object)
        if self.dialect.decimal != ".":
            strings = strings.str.replace(self.dialect.decimal, ".", regex=False)
        filled = (strings != "").to_numpy()
        values = pd.to_numeric(strings.where(filled), errors="coerce").astype(float).to_numpy()
        valid = np.isin(values, GRADES)  # 3.0 (a spreadsheet's number) is 3; 2.5, 0, 6 and III are not grades
        self.fail_distinct(filled & ~valid, text, column, _not_a_grade)
        self.on_infections(text, event, infection, column, "grade")
        return _Coded(np.where(valid, values, 0).astype(np.int8), _codes(text))

    def on_infections(self, text: pd.Series, event: pd.Series, infection: np.ndarray, column: str, what: str) -> None:
        """Refuse, at its first row, a ``what`` (grade or pathogen) given on a row that is not an
        infection (``infection``: the rows whose label, after --event-map, is one)."""
        given = np.asarray(text.cat.categories, dtype=object) != ""
        misplaced = given[_codes(text)] & ~infection

        def message(i: int) -> str:
            label = event.iloc[i]
            where = f"a row whose event is '{label}'" if label else "a row without an event"
            return (
                f"{what} '{text.iloc[i]}' on {where}; an infection's {what} belongs on its infection row only "
                f"({', '.join(INFECTIONS)}, after --event-map){_OTHER_COLUMN_HINT.format(column=column, what=what)}"
            )

        self.fail(misplaced, column, message)

    def check_unit(self, values: np.ndarray, counts: np.ndarray) -> None:
        """Refuse a file whose median IgG is implausible in the assumed unit (mg/dL, when
        neither the header nor --units states one), naming the likely unit; for a stated
        unit the same finding is a note (myeloma or agammaglobulinemia cohorts exist)."""
        known = ~np.isnan(values)
        if not counts[known].sum():
            return
        order = np.argsort(values[known])
        cumulative = np.cumsum(counts[known][order])
        median = float(values[known][order][np.searchsorted(cumulative, (cumulative[-1] + 1) // 2)])
        unit, (low, high) = self.plan.units, PLAUSIBLE_MG_DL
        if low <= median * TO_MG_DL[unit] <= high:
            return
        likely = [u for u in TO_MG_DL if u != unit and low <= median * TO_MG_DL[u] <= high]
        if not self.plan.units_stated:
            hint = f"values look like {likely[0]}" if likely else "values look like neither mg/dL nor g/L"
            raise IvigBlinaError(
                f"{hint} (median {median:g}), not {unit}; give --units {likely[0] if likely else 'mg/dL|g/L'}",
                path=self.name,
                column=self.plan.igg,
            )
        self.notes.append(
            f"column '{self.plan.igg}': the median IgG, {median:g} {unit}, is outside "
            f"{low:g}-{high:,.0f} mg/dL" + (f"; are the values in {likely[0]}?" if likely else "")
        )

    def unknown_labels(self, event: pd.Series, first_lines: dict[str, int]) -> dict[str, int]:
        """Labels neither known nor declared with ``--event-map`` (a label mapped to itself):
        compared as outcomes of their own, and each named with its row count in a note, since
        a label such as ``ICU`` is easily meant as a known one."""
        declared = {to for _, to in self.plan.columns.event_map}
        names = np.asarray(event.cat.categories, dtype=object)
        unknown = np.array([n != "" and n not in KNOWN_EVENTS and n not in declared for n in names], dtype=bool)
        if not unknown.any():
            return {}
        codes = _codes(event)
        rows = counts(codes, len(names))
        found = {str(n): int(rows[i]) for i, n in enumerate(names) if unknown[i] and rows[i]}
        if found:
            first_lines["unknown_labels"] = int(self.lines[int(np.argmax(unknown[codes]))])
            listed = ", ".join(f"{label} ({_n(count, 'row')})" for label, count in sorted(found.items()))
            self.notes.append(
                f"event labels compared as outcomes of their own: {listed}; map them with --event-map "
                "FROM=TO (FROM=FROM keeps one as an outcome and silences this)"
            )
        return found

    def check_labels(self, event: pd.Series, column: str | None) -> None:
        """Refuse, at its first row, a label named like a computed column or outcome (it would
        collide with it) or one close to a known label (a typo)."""
        problems = {}
        for label in set(event.cat.categories) - set(KNOWN_EVENTS) - {""}:
            near = [k for k in KNOWN_EVENTS if _edit_distance(label, k) <= 2]
            if label in RESERVED_LABELS:
                problems[label] = f"event '{label}' is the name of a computed column or outcome; rename it in the file"
            elif near:
                problems[label] = f"event '{label}' is not a known label; did you mean {near[0]}?"
        bad = np.isin(np.asarray(event.cat.categories, dtype=object), list(problems))
        self.fail_distinct(bad, event, column, lambda label: problems[label])

    def days(self, data: pd.DataFrame, patient: pd.Series, has_data: np.ndarray) -> tuple[_Coded, tuple]:
        """Each row's day, and the sort key that orders a patient's rows by day: the rank of the
        row's day (or date) string by its value, and how many there are."""
        if self.plan.day:
            text = data[self.plan.day]
            distinct = self.numbers(text, self.plan.day)
            day = _Coded(distinct, _codes(text))
            column = self.plan.day
        else:
            text = data[self.plan.date]
            distinct = self.dates(text, self.plan.date)
            day = _Coded(self.days_from_dates(distinct[_codes(text)], data, patient, has_data))
            column = self.plan.date
        self.fail(
            has_data & day.map(np.isnan),
            column,
            lambda i: "is empty; every row with an IgG value or an event needs one",
        )
        self.fail(
            day.map(lambda v: np.abs(v) > MAX_ABS_DAY),
            column,
            lambda i: f"day {day.at(i):g} is more than {MAX_ABS_DAY} days from the first dose",
        )
        rank = np.empty(len(distinct), dtype=np.int32)
        rank[np.argsort(distinct, kind="stable")] = np.arange(len(distinct))  # missing ones last
        return day, (rank[_codes(text)], len(distinct))

    def dates(self, text: pd.Series, column: str) -> np.ndarray:
        """The distinct strings of ``text`` as datetime64 (NaT for empty ones): ISO 8601 (a time
        zone's date and time taken as written), or ``--date-format``."""
        strings = pd.Series(text.cat.categories, dtype=object)
        filled = (strings != "").to_numpy()
        form = self.plan.columns.date_format
        if form:
            values = pd.to_datetime(strings.where(filled), format=form, errors="coerce")
            self.fail_distinct(
                filled & values.isna().to_numpy(), text, column, lambda x: f"'{x}' does not follow --date-format {form}"
            )
        else:
            written = strings.str.replace(_TIME_ZONE, "", regex=True)
            full = written.str.match(_ISO_DAY).to_numpy(dtype=bool)
            values = pd.to_datetime(written.where(filled & full), format="ISO8601", errors="coerce")
            bad = filled & values.isna().to_numpy()
            self.fail_distinct(bad, text, column, _not_iso(strings[bad]))
        self.fail_distinct((values < EARLIEST_DATE).to_numpy(), text, column, lambda x: f"'{x}' is before 1900")
        self.fail_distinct(
            (values.dt.normalize() > self.today).to_numpy(),
            text,
            column,
            lambda x: f"'{x}' is after today ({self.today.date()}; --today sets it)",
        )
        return values.to_numpy()

    def days_from_dates(
        self, date: np.ndarray, data: pd.DataFrame, patient: pd.Series, has_data: np.ndarray
    ) -> np.ndarray:
        column = self.plan.start_date
        text = data[column]
        start = pd.Series(self.dates(text, column)[_codes(text)])
        pid = patient.cat.codes
        given = start.notna()
        first = start[given].groupby(pid[given]).transform("first")
        conflict = pd.Series(False, index=data.index)
        conflict[given] = start[given] != first
        self.fail(
            conflict,
            column,
            lambda i: (
                f"{column} '{text[i]}' of patient '{patient[i]}' conflicts with the one on line "
                f"{self.lines[(given & (pid == pid[i])).to_numpy()][0]}"
            ),
        )
        per_row = pd.Series(start[given].groupby(pid[given]).first().reindex(pid).to_numpy())  # NaT if none
        self.fail(
            has_data & per_row.isna().to_numpy(),
            column,
            lambda i: f"patient '{patient[i]}' has no {column}; give it on at least one of its rows",
        )
        return ((pd.Series(date) - per_row).dt.total_seconds() / 86400.0).to_numpy()

    def patients(
        self,
        patient: pd.Series,
        cohort: pd.Series | None,
        order: np.ndarray,
        by_patient: np.ndarray,
        cohort_in_order: np.ndarray | None = None,
    ) -> tuple[pd.DataFrame, pd.Categorical]:
        """The patient list (``pid`` is the row's patient code) and each patient code's cohort.
        ``order`` lists one row of every distinct row, grouped by patient; ``by_patient`` is
        their patient codes, ``cohort_in_order`` their cohort codes (None: looked up)."""
        column = self.plan.cohort or self.plan.columns.cohort
        pid = _codes(patient)
        if cohort is None:
            cohort = pd.Series(pd.Categorical.from_codes(np.zeros(len(patient), dtype=np.int8), [""]))
        elif "" not in cohort.cat.categories:
            cohort = cohort.cat.add_categories([""])
        names = np.asarray(cohort.cat.categories, dtype=object)
        none = int(np.flatnonzero(names == "")[0])
        code = _codes(cohort)
        starts = runs(by_patient)  # each patient's first row in order
        in_order = code[order] if cohort_in_order is None else cohort_in_order
        given = in_order != none
        lowest = np.minimum.reduceat(np.where(given, in_order, len(names)), starts)
        highest = np.maximum.reduceat(np.where(given, in_order, -1), starts)
        del in_order, given
        if (lowest[highest >= 0] != highest[highest >= 0]).any():
            self.cohort_clash(pid, code, none, names, patient, column)
        of_patient = np.where(highest >= 0, highest, none)
        ids = patient.cat.categories[by_patient[starts]]  # Arrow strings (csvfile), kept so
        table = pd.DataFrame(
            {
                "pid": by_patient[starts],
                "patient_id": ids.array if ids.dtype == "str" else np.asarray(ids, dtype=object),
                "cohort": names[of_patient],
                "line": self.lines[np.minimum.reduceat(order, starts)],
            }
        )
        table = table.sort_values("line").reset_index(drop=True)
        if self.plan.require_cohort and (table.cohort == "").any():
            row = table[table.cohort == ""].iloc[0]
            raise IvigBlinaError(no_cohort_message(row.patient_id), path=self.name, line=int(row.line), column=column)
        by_pid = np.full(len(patient.cat.categories), none, dtype=code.dtype)
        by_pid[by_patient[starts]] = of_patient
        return table, pd.Categorical.from_codes(by_pid, names)

    def covariates(self, data: pd.DataFrame, order: np.ndarray, by_patient: np.ndarray) -> pd.DataFrame:
        """Each patient's value of every covariate column (blank on some of the patient's rows
        is fine). A column named as a covariate that holds two values for one patient is an
        error naming both lines; with every column taken (Table 1), such a column is left out
        and named in a note."""
        pid = _codes(data[self.plan.patient])
        starts = runs(by_patient)
        out = {"pid": by_patient[starts]}
        varying = []
        for column in self.plan.covariates:
            text = data[column]
            names = np.asarray(text.cat.categories, dtype=object)
            code = _codes(text)
            none = int(np.flatnonzero(names == "")[0]) if (names == "").any() else -1
            given = code[order] != none
            lowest = np.minimum.reduceat(np.where(given, code[order], len(names)), starts)
            highest = np.maximum.reduceat(np.where(given, code[order], -1), starts)
            if (lowest[highest >= 0] != highest[highest >= 0]).any():
                if column not in self.plan.columns_named:
                    varying.append(column)
                    continue
                row, earlier = first_cohort_clash(pid, code, none) or (0, 0)
                first = int(np.flatnonzero((pid == pid[row]) & (code == earlier))[0])
                raise IvigBlinaError(
                    f"patient '{data[self.plan.patient].iloc[row]}' has '{names[code[row]]}' here "
                    f"but '{names[earlier]}' on line {self.lines[first]}; a covariate holds one "
                    "value per patient",
                    path=self.name,
                    line=int(self.lines[row]),
                    column=column,
                )
            out[column] = np.where(highest >= 0, np.append(names, "")[highest], "")
        if varying:
            self.notes.append(f"columns that vary within a patient, left out of the covariates: {', '.join(varying)}")
        return pd.DataFrame(out)

    def cohort_clash(self, pid, code, none, names, patient, column) -> None:
        """Raise for the first row whose cohort differs from its patient's first one."""
        row, earlier = first_cohort_clash(pid, code, none) or (0, 0)  # there is one: see patients()
        raise IvigBlinaError(
            cohort_clash_message(patient[row], names[code[row]], names[earlier]),
            path=self.name,
            line=int(self.lines[row]),
            column=column,
        )


_OTHER_COLUMN_HINT = (
    "; if the column '{column}' holds something else (a patient covariate?), rename it, or name the "
    "infection's {what} column with --{what}-col"
)


def _not_a_grade(text: str) -> str:
    """The message for a grade that is not 1-5, with the number a Roman numeral stands for."""
    message = f"'{text}' is not a CTCAE grade; expected a whole number from 1 to 5"
    roman = ROMAN_GRADES.get(text.strip().upper())
    return message + (f" (write {roman} for {text})" if roman else "")


def _optional_role(given: str | None, default: str, flag: str, header: list[str], missing) -> str | None:
    """The column of an optional role: ``default`` when the header has it (else none), or the
    column ``given`` by ``flag``, which must exist."""
    if given is None:
        return default if default in header else None
    name = given.strip().lower()
    if name not in header:
        raise missing(f"'{name}' (given by {flag})")
    return name


def check_outcome_count(labels, max_outcomes: int, path: str, column: str | None = None) -> None:
    """Refuse more distinct outcomes than ``max_outcomes``: every label but ``ivig`` and
    ``last_follow_up`` is an outcome (a column of ``nadir``, a row of ``compare``), and a file of
    100,000 labels took 23 GB. The way out is to map labels onto fewer (``--event-map``)."""
    others = {label for label in labels if label and label not in NOT_OUTCOMES and label not in INFECTIONS}
    if len(INFECTIONS) + len(others) > max_outcomes:
        raise IvigBlinaError(
            f"{len(INFECTIONS) + len(others):,} outcomes ({len(INFECTIONS)} of infection and "
            f"{len(others):,} other event labels), more than --max-outcomes {max_outcomes}; map the "
            "labels onto fewer with --event-map, or raise --max-outcomes",
            path=path,
            column=column,
        )


def first_cohort_clash(pid: np.ndarray, code: np.ndarray, none: int) -> tuple[int, int] | None:
    """The first row (in the given order) whose cohort ``code`` differs from the first cohort
    given for its patient ``pid``, and that first code; None when every patient has one
    cohort. ``none`` is the code of no cohort. The reader calls it once its fast check found a
    clash; ``--engine dask`` on the rows of all partitions."""
    rows = np.flatnonzero(code != none)
    if not len(rows):
        return None
    first = np.full(pid.max() + 1, len(code))
    np.minimum.at(first, pid[rows], rows)
    expected = np.append(code, none)[first[pid]]  # a patient without a cohort expects none
    clash = (code != none) & (code != expected)
    if not clash.any():
        return None
    row = int(np.argmax(clash))
    return row, int(expected[row])


def cohort_clash_message(patient: str, here: str, earlier: str) -> str:
    return f"patient '{patient}' is in cohort '{here}' here but in '{earlier}' earlier; a patient belongs to one cohort"


def no_cohort_message(patient: str) -> str:
    return f"patient '{patient}' has no cohort on any row"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)")
_TIME_ZONE = re.compile(r"(?<=\d)(?:Z|[+-]\d{2}:?\d{2})$")  # after a time: 10:00Z, 10:00+05:00
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")


def _not_iso(bad: pd.Series):
    """The message for a date that is not ISO 8601, with the format the file's dates follow
    when they settle it (a day above 12 first or second), and without guessing when not."""
    numeric = [m for m in map(_NUMERIC_DATE.fullmatch, bad) if m]
    day_first = any(int(m.group(1)) > 12 for m in numeric)
    month_first = any(int(m.group(3)) > 12 for m in numeric)
    sep = numeric[0].group(2) if numeric else "/"
    dmy, mdy = f"%d{sep}%m{sep}%Y", f"%m{sep}%d{sep}%Y"

    def message(x: str) -> str:
        text = f"'{x}' is not an ISO 8601 date (YYYY-MM-DD)"
        if re.fullmatch(r"\d{4}(-\d{1,2})?", x):
            return f"'{x}' is a partial date; give the day (YYYY-MM-DD)"
        if not _NUMERIC_DATE.fullmatch(x):
            return text
        if day_first and month_first:
            return f"{text}; the file mixes day-first and month-first dates: correct them, then give --date-format"
        if day_first or month_first:
            return (
                f"{text}; the file's dates read {'day' if day_first else 'month'} first: give --date-format "
                f"{dmy if day_first else mdy}"
            )
        return (
            f"{text}; no date in the file has a day above 12, so day-first and month-first cannot be told "
            f"apart: give --date-format {dmy} or {mdy}"
        )

    return message


def _blank_rows(data: pd.DataFrame) -> np.ndarray:
    """Which rows are empty in every column read (text as read: Categoricals of the strings).
    The columns of fewest distinct strings are looked at first, and once no row is left the
    rest (the patient IDs) are not looked at."""
    blank = np.ones(len(data), dtype=bool)
    for column in sorted((data[h] for h in data), key=lambda column: len(column.cat.categories)):
        blank &= _holds(column, "")
        if not blank.any():
            break
    return blank


def _codes(column: pd.Series) -> np.ndarray:
    """The codes of the categorical ``column`` as they are, read-only (pandas' ``.cat.codes``
    copies them: 20 MB of fresh pages for 5M rows, every time)."""
    return column.array.codes


def _holds(column: pd.Series, text: str) -> np.ndarray:
    """Which rows of the categorical ``column`` hold ``text``, by their codes (pandas' ``==``
    costs 0.17 s on 5M rows)."""
    at = np.flatnonzero(column.cat.categories == text)
    codes = _codes(column)
    return codes == at[0] if len(at) else np.zeros(len(codes), dtype=bool)


def _listed_days(pid: np.ndarray, day: _Coded, only: np.ndarray, patients: int) -> np.ndarray:
    """Per patient code, the latest day of the rows ``only`` (in patient order: the rows that
    list a patient and carry neither IgG nor event; ``pid`` their patient codes), NaN where
    none has a day."""
    latest = np.full(patients, np.nan)
    if len(only):
        starts = runs(pid)
        latest[pid[starts]] = np.fmax.reduceat(day.at(only), starts)  # fmax: a blank day (NaN) is skipped
    return latest


def _take(categorical: pd.Categorical, rows: np.ndarray) -> pd.Categorical:
    """``categorical.take(rows)`` without pandas' checks (half the time on millions of rows)."""
    return pd.Categorical.from_codes(categorical.codes[rows], dtype=categorical.dtype, validate=False)


def _sort_rows(keys: list[tuple[np.ndarray, int]]) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """The rows ordered by ``keys`` (integer codes from 0, and how many), rows of equal keys in
    file order; which of them in that order repeat an earlier row of the file in every key; and
    the codes of the leading keys (those packed into one value) in that order, read off the
    sorted values rather than gathered from the rows at random.

    The leading keys that fit in one int64 beside the row number, each in a field of bits, are
    sorted as one value on two cores (:func:`~ivig_blina.io.encode.sort`; numpy sorts values
    several times faster than it argsorts them, and the row number in the low bits makes the
    order stable: of equal rows the first in the file comes first); each key's codes are then a
    shift and a mask of it. Rows that tie on those keys (rows of one patient and day, in
    practice a few) are ordered by the other keys with np.lexsort."""
    n = len(keys[0][0])
    row_bits = max(n - 1, 1).bit_length()
    bits = [max(size - 1, 0).bit_length() for _, size in keys]  # a field of bits a key
    leading, used = 0, 0
    while leading < len(keys) and used + bits[leading] <= 63 - row_bits:
        used += bits[leading]
        leading += 1
    packed = np.empty(n, dtype=np.int64)
    for start in range(0, n, CHUNK):  # slices that stay in the cache: no temporary of n int64s a key
        value = packed[start : start + CHUNK]
        value[:] = 0
        for (codes, _), width in zip(keys[:leading], bits):
            value <<= width
            value |= codes[start : start + CHUNK]
        value <<= row_bits
        value |= np.arange(start, start + len(value), dtype=np.int64)
    sort(packed)
    order = np.empty(n, dtype=np.int32 if n < 2**31 else np.int64)
    for start in range(0, n, 1 << 20):  # a slice at a time: no second array of n int64s
        order[start : start + (1 << 20)] = packed[start : start + (1 << 20)] & ((1 << row_bits) - 1)
    packed >>= row_bits
    repeated = np.zeros(n, dtype=bool)
    repeated[1:] = packed[1:] == packed[:-1]  # for now: ties on the leading keys
    decoded = [np.empty(n, dtype=codes.dtype) for codes, _ in keys[:leading]]  # rows that tie below keep theirs
    for start in range(0, n, CHUNK):  # slices that stay in the cache
        value, shift = packed[start : start + CHUNK], 0
        for codes, width in zip(reversed(decoded), reversed(bits[:leading])):
            codes[start : start + CHUNK] = (value >> shift) & ((1 << width) - 1)
            shift += width
    del packed
    if leading == len(keys) or not repeated.any():
        return order, repeated, decoded
    tied = np.flatnonzero(repeated | np.append(repeated[1:], False))  # positions of rows in a tie
    group = np.cumsum(~repeated[tied])  # which tie: consecutive positions that tie
    rows = order[tied]  # in file order within each tie (the sort was stable)
    rest = [codes[rows] for codes, _ in keys[leading:]]
    within = np.lexsort([*reversed(rest), group])  # stable: ties stay in file order
    order[tied] = rows[within]
    differs = group[within][1:] != group[within][:-1]
    for codes in rest:
        differs |= codes[within][1:] != codes[within][:-1]
    repeated[tied] = np.append(False, ~differs)
    return order, repeated, decoded


def _drop(values: np.ndarray, dropped: np.ndarray) -> np.ndarray:
    """``values`` (the caller's own) without the positions ``dropped`` (sorted, distinct). Where
    they are few (duplicate rows, usually) the stretches between them are moved down in place, a
    slice at a time: a fresh array of every row costs more in page faults than the moving."""
    if len(dropped) > len(values) // 1024:
        keep = np.ones(len(values), dtype=bool)
        keep[dropped] = False
        return values[keep]
    at = int(dropped[0]) if len(dropped) else len(values)
    for start, end in zip(dropped, [*dropped[1:], len(values)]):
        for source in range(int(start) + 1, int(end), CHUNK):
            piece = values[source : min(source + CHUNK, end)]
            values[at : at + len(piece)] = piece
            at += len(piece)
    return values[:at]


def same_day_conflicts(table: pd.DataFrame) -> tuple[int, int]:
    """Patient days with two different IgG values: how many, and the first line of their rows.
    ``table`` is sorted by patient and day."""
    pid, day = table.pid.to_numpy(), table.day.to_numpy()
    shared = (pid[1:] == pid[:-1]) & (day[1:] == day[:-1])  # row i + 1 has the day of row i
    rows = np.flatnonzero(np.append(shared, False) | np.insert(shared, 0, False))  # days of several rows
    if not len(rows):
        return 0, 0
    igg, line = table.igg.to_numpy()[rows], table.line.to_numpy()[rows]
    starts = np.flatnonzero(np.insert(~shared[rows[:-1]] | (np.diff(rows) > 1), 0, True))
    low, high = np.fmin.reduceat(igg, starts), np.fmax.reduceat(igg, starts)  # NaN (an event row) ignored
    differ = (low != high) & ~np.isnan(low)
    if not differ.any():
        return 0, 0
    conflicting = np.repeat(differ, np.diff(np.append(starts, len(rows)))) & ~np.isnan(igg)
    return int(differ.sum()), int(line[conflicting].min())


def _row_keys(data: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """A 64-bit hash of the text of each of ``rows`` in every column read (as trimmed and
    normalised): rows the reader counts as duplicates (equal in every column it reads) have
    equal keys, whichever file they are in. Computed per distinct string, then combined per row
    (FNV-style: multiply, then exclusive or); a collision of two different rows is a 1 in 2**64
    chance."""
    key = np.zeros(len(rows), dtype=np.uint64)
    for h in sorted(data.columns):  # by name: partitions may order their columns otherwise
        text = data[h]
        hashed = pd.util.hash_array(np.asarray(text.cat.categories, dtype=object))
        key = (key * np.uint64(1099511628211)) ^ hashed[_codes(text)[rows]]
    return key


def _compact(values: np.ndarray) -> np.ndarray:
    """Integer ``values`` as int32 where they fit: half the memory for millions of rows."""
    return values.astype(np.int32, copy=False) if not len(values) or values.max() < 2**31 else values


def _lines_of(lines: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``lines[rows]``: where the lines run without a gap (no blank line was skipped, the usual
    case) that is ``rows`` shifted, one pass in order instead of a gather at random."""
    if len(lines) and int(lines[-1]) - int(lines[0]) == len(lines) - 1:  # increasing, so no gap
        return rows.astype(lines.dtype, copy=False) + lines.dtype.type(lines[0])
    return lines[rows]


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _label_map(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Event labels FROM -> TO, both in lower case and trimmed (event labels are matched so)."""
    return {" ".join(a.split()).lower(): " ".join(b.split()).lower() for a, b in pairs}


def _renamed(text: pd.Series, mapping: dict[str, str], fold=lambda s: " ".join(s.split()).lower()) -> pd.Series:
    """A categorical column with its distinct strings renamed by ``mapping`` (keys matched on
    ``fold`` of each string); strings that become equal merge."""
    if not mapping:
        return text
    return _relabelled(text, [mapping.get(fold(c), c) for c in text.cat.categories])


def _relabelled(text: pd.Series, names) -> pd.Series:
    """The categorical ``text`` with its categories named ``names`` (one each, in order); names
    that are equal merge, and the categories come sorted."""
    categories, inverse = np.unique(np.asarray(names, dtype=str), return_inverse=True)
    codes = inverse.astype(code_type(len(categories)))[_codes(text)]  # pandas' code type: no copy of every row
    return pd.Series(pd.Categorical.from_codes(codes, categories, validate=False), index=text.index)


def _visible(data: pd.DataFrame, columns: list[str | None]) -> np.ndarray:
    """Normalise the event labels and cohort names of ``data`` (in place) as they are seen:
    NFKC (a no-break space becomes a space, a full-width letter its letter), then without
    invisible format characters (Unicode category Cf: zero-width spaces and joiners, the BOM,
    soft hyphens, direction marks), trimmed; so that ``infection`` with a zero-width space in
    it is an infection, not another outcome. Returns which rows had a value changed."""
    import unicodedata

    changed = np.zeros(len(data), dtype=bool)
    for column in columns:
        if column is None:
            continue
        text = data[column]
        names = [str(name) for name in text.cat.categories]
        if all(name.isascii() for name in names):  # nothing to normalise: the common case, at once
            continue
        shown = [
            "".join(c for c in unicodedata.normalize("NFKC", name) if unicodedata.category(c) != "Cf").strip()
            for name in names
        ]
        differs = np.array([a != b for a, b in zip(names, shown)])
        if not differs.any():
            continue
        codes = _codes(text)
        changed |= np.append(differs, False)[codes]  # code -1 (missing) never changed
        merged, categories = pd.factorize(np.asarray(shown, dtype=object))
        data[column] = pd.Categorical.from_codes(
            np.where(codes >= 0, merged[codes], -1), pd.Index(categories, dtype=object), validate=False
        )
    return changed


def _lower(text: pd.Series) -> pd.Series:
    """A categorical column in lower case (distinct strings that differ only in case merge)."""
    return _relabelled(text, pd.Series(text.cat.categories, dtype=object).str.lower().to_numpy())


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
