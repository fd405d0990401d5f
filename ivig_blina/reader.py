"""Validate a long-format cohort file into one table of observations.

Every problem a user can cause raises :class:`IvigBlinaError` naming the file, line and
column. Nothing is dropped without being counted in :attr:`Observations.counts`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ivig_blina.csvfile import Dialect, RawTable, read_table
from ivig_blina.errors import IvigBlinaError

IGG_COLUMNS = {"igg_mg_dl": "mg/dL", "igg_g_l": "g/L"}
TO_MG_DL = {"mg/dL": 1.0, "g/L": 100.0}
KNOWN_EVENTS = ("infection", "infection_icu", "infection_death", "death", "ivig", "last_follow_up")
MAX_ABS_DAY = 36500
EARLIEST_DATE = pd.Timestamp("1900-01-01")


@dataclass(frozen=True)
class Columns:
    """Names of the input columns (matched without regard to case or surrounding spaces).

    ``igg=None`` finds ``igg_mg_dl`` or ``igg_g_l``; a named ``igg`` column is in ``units``.
    """

    patient: str = "patient_id"
    cohort: str = "cohort"
    day: str = "day"
    igg: str | None = None
    units: str = "mg/dL"
    event: str = "event"


@dataclass
class Observations:
    """A validated cohort file.

    ``table`` has one row per measurement or event row: ``pid`` (an integer code per patient),
    ``patient_id`` and ``cohort`` (categoricals), ``day`` (float), ``igg`` (mg/dL, NaN on event
    rows), ``censored`` (``"<"``, ``">"`` or ``""``: the lab reported the value as below or
    above a limit), ``event`` (lower-case label or ``""``) and ``line`` (the row's line in the
    file). ``patients`` lists every patient (``pid``, ``patient_id``, ``cohort`` and the
    ``line`` where it first appears), including patients whose rows carry neither an IgG value
    nor an event. ``counts`` says what was done with every
    row; ``first_lines`` gives the first line of each kind of skip or warning.
    """

    path: str
    sha256: str
    table: pd.DataFrame
    patients: pd.DataFrame
    has_events: bool
    counts: dict[str, int] = field(default_factory=dict)
    first_lines: dict[str, int] = field(default_factory=dict)


def read_cohort(source: str, columns: Columns = Columns(), dialect: Dialect = Dialect(), *,
                require_cohort: bool = False, today: dt.date | None = None) -> Observations:
    """Read ``source`` (a path, or ``-`` for standard input) and validate it.

    ``today`` bounds the dates (default: the system date); dates before 1900 are refused too.
    """
    plan = _Plan(columns, require_cohort)
    raw = read_table(source, plan.choose, dialect)
    return _Validator(raw, plan, dialect, today or dt.date.today()).run()


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
    event: str | None = None

    def choose(self, header: list[str]) -> list[str]:
        found = ", ".join(header)

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
            self.igg, self.units = c.igg.strip().lower(), c.units
            if self.igg not in header:
                raise missing(f"'{self.igg}' (given by --igg-col)")
        else:
            present = [h for h in IGG_COLUMNS if h in header]
            if not present:
                raise missing("'igg_mg_dl' or 'igg_g_l' (or name one with --igg-col)")
            if len(present) == 2:
                raise IvigBlinaError("both 'igg_mg_dl' and 'igg_g_l' are present; keep one, or choose one with "
                                     "--igg-col and --units", line=1)
            self.igg, self.units = present[0], IGG_COLUMNS[present[0]]
        day = c.day.strip().lower()
        self.day = day if day in header else None
        if self.day is None and not {"date", "start_date"} <= set(header):
            raise missing(f"'{day}' (or 'date' with 'start_date')")
        event = c.event.strip().lower()
        self.event = event if event in header else None
        wanted = [self.patient, self.cohort, self.igg, self.event]
        wanted += [self.day] if self.day else ["date", "start_date"]
        return [w for w in wanted if w is not None]


class _Validator:
    def __init__(self, raw: RawTable, plan: _Plan, dialect: Dialect, today: dt.date):
        self.raw, self.plan, self.dialect, self.today = raw, plan, dialect, pd.Timestamp(today)
        self.name = raw.path
        self.lines = pd.Series(raw.lines, index=raw.data.index)

    def fail(self, mask: pd.Series, column: str, message) -> None:
        """Raise for the first row where ``mask`` holds; ``message(i)`` says what is wrong."""
        if mask.any():
            i = mask.idxmax()
            raise IvigBlinaError(message(i), path=self.name, line=int(self.lines[i]), column=column)

    def fail_distinct(self, bad: np.ndarray, text: pd.Series, column: str, message) -> None:
        """``bad`` flags distinct strings of the categorical ``text``; raise for the first row
        holding one, ``message(string)`` saying what is wrong."""
        if bad.any():
            rows = pd.Series(bad[text.cat.codes.to_numpy()], index=text.index)
            self.fail(rows, column, lambda i: message(text[i]))

    def run(self) -> Observations:
        p, data = self.plan, self.raw.data
        first_lines: dict[str, int] = {}
        blank = (data == "").all(axis=1)
        duplicate = data.duplicated() & ~blank
        for reason, mask in (("blank_rows", blank), ("duplicate_rows", duplicate)):
            if mask.any():
                first_lines[reason] = int(self.lines[mask.idxmax()])
        if self.raw.blank_rows:
            first_lines.setdefault("blank_rows", int(self.raw.lines[0]))
        rows = len(data) + self.raw.blank_rows
        data, self.lines = data[~blank & ~duplicate], self.lines[~blank & ~duplicate]

        patient = data[p.patient].cat.remove_unused_categories()
        self.fail(patient == "", p.patient, lambda i: "patient ID is empty")
        igg, censored = self.igg(data[p.igg])
        event = _lower(data[p.event]) if p.event else pd.Series(pd.Categorical.from_codes(
            np.zeros(len(data), dtype=np.int8), [""]), index=data.index)
        self.check_labels(event, p.event)
        has_data = igg.notna() | (event != "")
        day = self.days(data, patient, has_data)
        patients, cohort = self.patients(patient, data[p.cohort] if p.cohort else None)

        keep = has_data.to_numpy()  # select while building: no second copy of millions of rows
        table = pd.DataFrame({"pid": patient.cat.codes.to_numpy()[keep].astype(np.int64),
                              "patient_id": patient.array[keep], "cohort": cohort.array[keep],
                              "day": day.to_numpy(float)[keep], "igg": igg.to_numpy()[keep],
                              "censored": censored.array[keep], "event": event.array[keep],
                              "line": self.lines.to_numpy()[keep]})
        measured = table.loc[table.igg.notna(), ["pid", "day", "igg", "line"]]  # only what the check needs
        by_day = measured.groupby(["pid", "day"]).igg
        same_day = (by_day.transform("min") != by_day.transform("max")).to_numpy()
        censored_rows = (table.censored != "").to_numpy()
        if censored_rows.any():
            first_lines["censored_values"] = int(table.line.to_numpy()[censored_rows][0])
        if same_day.any():
            first_lines["same_day_conflicts"] = int(measured.line.to_numpy()[same_day].min())
        counts = {"rows": rows, "blank_rows": int(blank.sum()) + self.raw.blank_rows,
                  "duplicate_rows": int(duplicate.sum()), "patient_only_rows": int((~has_data).sum()),
                  "used_rows": len(table), "censored_values": int(censored_rows.sum()),
                  "same_day_conflicts": int(measured[same_day].groupby(["pid", "day"]).ngroups)}
        return Observations(self.name, self.raw.sha256, table, patients, p.event is not None, counts, first_lines)

    def numbers(self, text: pd.Series, column: str, distinct: pd.Series | None = None) -> pd.Series:
        """Parse the distinct strings of the categorical ``text`` (or their replacements
        ``distinct``) as numbers, and spread them over the rows."""
        strings = pd.Series(text.cat.categories, dtype=object) if distinct is None else distinct
        if self.dialect.decimal != ".":
            strings = strings.str.replace(self.dialect.decimal, ".", regex=False)
        filled = (strings != "").to_numpy()
        values = pd.to_numeric(strings.where(filled), errors="coerce").astype(float).to_numpy()
        self.fail_distinct(filled & np.isnan(values), text, column, lambda x: f"'{x}' is not a number")
        self.fail_distinct(np.isinf(values), text, column, lambda x: f"'{x}' is not a finite number")
        return pd.Series(values[text.cat.codes.to_numpy()], index=text.index)

    def igg(self, text: pd.Series) -> tuple[pd.Series, pd.Series]:
        column = self.plan.igg
        strings = pd.Series(text.cat.categories, dtype=object)
        sign = strings.str[:1]
        flagged = sign.isin(["<", ">"]).to_numpy()
        values = self.numbers(text, column, strings.where(~flagged, strings.str[1:].str.strip()))
        self.fail(values < 0, column, lambda i: f"'{text[i]}' is negative; IgG must be 0 or more")
        factor = TO_MG_DL[self.plan.units]
        # 3.38 g/L * 100 is 338.00000000000006: round away the binary noise so that g/L and mg/dL agree
        converted = (values * factor).round(9) if factor != 1 else values
        flag_codes = np.where(flagged, np.where(sign == "<", 1, 2), 0)[text.cat.codes.to_numpy()]
        return converted, pd.Series(pd.Categorical.from_codes(flag_codes, ["", "<", ">"]), index=text.index)

    def check_labels(self, event: pd.Series, column: str | None) -> None:
        for label in sorted(set(event.cat.categories) - set(KNOWN_EVENTS) - {""}):
            near = [k for k in KNOWN_EVENTS if _edit_distance(label, k) <= 2]
            if near and (event == label).any():
                self.fail(event == label, column, lambda i: f"event '{label}' is not a known label; "
                                                            f"did you mean {near[0]}?")

    def days(self, data: pd.DataFrame, patient: pd.Series, has_data: pd.Series) -> pd.Series:
        if self.plan.day:
            day = self.numbers(data[self.plan.day], self.plan.day)
            column = self.plan.day
        else:
            day = self.days_from_dates(data, patient, has_data)
            column = "date"
        self.fail(has_data & day.isna(), column, lambda i: "is empty; every row with an IgG value or an event needs one")
        self.fail(day.abs() > MAX_ABS_DAY, column,
                  lambda i: f"day {day[i]:g} is more than {MAX_ABS_DAY} days from the first dose")
        return day

    def dates(self, text: pd.Series, column: str) -> pd.Series:
        strings = pd.Series(text.cat.categories, dtype=object)
        filled = (strings != "").to_numpy()
        values = pd.to_datetime(strings.where(filled), format="ISO8601", errors="coerce")
        self.fail_distinct(filled & values.isna().to_numpy(), text, column,
                           lambda x: f"'{x}' is not an ISO 8601 date (YYYY-MM-DD)")
        self.fail_distinct((values < EARLIEST_DATE).to_numpy(), text, column, lambda x: f"'{x}' is before 1900")
        self.fail_distinct((values.dt.normalize() > self.today).to_numpy(), text, column,
                           lambda x: f"'{x}' is after today ({self.today.date()}; --today sets it)")
        return pd.Series(values.to_numpy()[text.cat.codes.to_numpy()], index=text.index)

    def days_from_dates(self, data: pd.DataFrame, patient: pd.Series, has_data: pd.Series) -> pd.Series:
        date = self.dates(data["date"], "date")
        start = self.dates(data["start_date"], "start_date")
        pid = patient.cat.codes
        given = start.notna()
        first = start[given].groupby(pid[given]).transform("first")
        conflict = pd.Series(False, index=data.index)
        conflict[given] = start[given] != first
        self.fail(conflict, "start_date", lambda i: (
            f"start_date '{data['start_date'][i]}' of patient '{patient[i]}' conflicts with the one on line "
            f"{self.lines[given & (pid == pid[i])].iloc[0]}"))
        per_row = pid.map(start[given].groupby(pid[given]).first())
        self.fail(has_data & per_row.isna(), "start_date",
                  lambda i: f"patient '{patient[i]}' has no start_date; give it on at least one of its rows")
        return (date - per_row).dt.total_seconds() / 86400.0

    def patients(self, patient: pd.Series, cohort: pd.Series | None) -> tuple[pd.DataFrame, pd.Series]:
        """The patient list (``pid`` is the row's patient code) and each row's cohort."""
        column = self.plan.cohort or self.plan.columns.cohort
        pid = patient.cat.codes.to_numpy()
        if cohort is None:
            cohort = pd.Series(pd.Categorical.from_codes(np.zeros(len(patient), dtype=np.int8), [""]),
                               index=patient.index)
        elif "" not in cohort.cat.categories:
            cohort = cohort.cat.add_categories([""])
        names = cohort.cat.categories
        code = pd.Series(cohort.cat.codes.to_numpy(), index=patient.index)
        given = (cohort != "").to_numpy()
        first = code[given].groupby(pid[given]).transform("first")
        clash = pd.Series(False, index=patient.index)
        clash[given] = code[given] != first
        self.fail(clash, column, lambda i: f"patient '{patient[i]}' is in cohort '{cohort[i]}' here but in "
                                           f"'{names[first[i]]}' earlier; a patient belongs to one cohort")
        count = len(patient.cat.categories)
        of_patient = code[given].groupby(pid[given]).first().reindex(range(count), fill_value=names.get_loc(""))
        of_patient = of_patient.to_numpy()
        first_line = self.lines.groupby(pid).min().reindex(range(count))
        table = pd.DataFrame({"pid": np.arange(count), "patient_id": np.asarray(patient.cat.categories, dtype=object),
                              "cohort": np.asarray(names, dtype=object)[of_patient], "line": first_line.to_numpy()})
        table = table.sort_values("line").reset_index(drop=True)
        if self.plan.require_cohort and (table.cohort == "").any():
            row = table[table.cohort == ""].iloc[0]
            raise IvigBlinaError(f"patient '{row.patient_id}' has no cohort on any row", path=self.name,
                                 line=int(row.line), column=column)
        row_cohort = pd.Series(pd.Categorical.from_codes(of_patient[pid], names), index=patient.index)
        return table, row_cohort


def _lower(text: pd.Series) -> pd.Series:
    """A categorical column in lower case (distinct strings that differ only in case merge)."""
    lowered = pd.Series(text.cat.categories, dtype=object).str.lower().to_numpy()
    categories, inverse = np.unique(lowered.astype(str), return_inverse=True)
    return pd.Series(pd.Categorical.from_codes(inverse[text.cat.codes.to_numpy()], categories), index=text.index)


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
