"""Read and validate a long-format cohort CSV into one table of observations.

Every problem a user can cause raises :class:`IvigBlinaError` naming the file, line and
column. Nothing is dropped without being counted in :attr:`Observations.counts`.
"""

from __future__ import annotations

import hashlib
import io
import sys
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ivig_blina.errors import IvigBlinaError

IGG_COLUMNS = {"igg_mg_dl": "mg/dL", "igg_g_l": "g/L"}
TO_MG_DL = {"mg/dL": 1.0, "g/L": 100.0}


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

    ``table`` has one row per measurement or event row: ``patient_id``, ``cohort``,
    ``day`` (float), ``igg`` (mg/dL, NaN on event rows), ``event`` (lower-case label or
    ``""``) and ``line`` (the row's line in the file). ``patients`` lists every patient
    with ``cohort`` and the ``line`` where it first appears, including patients whose
    rows carry neither an IgG value nor an event.
    """

    path: str
    sha256: str
    table: pd.DataFrame
    patients: pd.DataFrame
    has_events: bool
    counts: dict[str, int] = field(default_factory=dict)


def read_cohort(source: str, columns: Columns = Columns(), *, require_cohort: bool = False) -> Observations:
    """Read ``source`` (a path, or ``-`` for standard input) and validate it."""
    name = "<stdin>" if source == "-" else source
    data = _read_bytes(source, name)
    raw = _parse_csv(data, name)
    return _validate(raw, name, hashlib.sha256(data).hexdigest(), columns, require_cohort)


def _read_bytes(source: str, name: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        with open(source, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise IvigBlinaError("no such file", path=name) from None
    except IsADirectoryError:
        raise IvigBlinaError("is a directory, not a CSV file", path=name) from None
    except PermissionError:
        raise IvigBlinaError("permission denied", path=name) from None


def _parse_csv(data: bytes, name: str) -> pd.DataFrame:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise IvigBlinaError(f"byte 0x{data[e.start]:02x} is not UTF-8 text; save the file as UTF-8 CSV",
                             path=name, line=line) from None
    if not text.strip():
        raise IvigBlinaError("file is empty; expected a header line and data rows", path=name)
    try:
        # One DataFrame row per line after the header (blank lines kept), so row i is line i + 2.
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skip_blank_lines=False)
    except pd.errors.ParserError as e:
        raise IvigBlinaError(_parser_message(str(e)), path=name, line=_parser_line(str(e))) from None
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    raw = raw.apply(lambda s: s.str.strip())
    if len(raw) == 0:
        raise IvigBlinaError("header only, no data rows", path=name, line=1)
    return raw


def _parser_line(message: str) -> int | None:
    words = message.replace(",", " ").split()
    if "line" in words:
        i = words.index("line")
        if i + 1 < len(words) and words[i + 1].isdigit():
            return int(words[i + 1])
    return None


def _parser_message(message: str) -> str:
    # pandas: "Error tokenizing data. C error: Expected 5 fields in line 7, saw 6"
    words = message.replace(",", " ").split()
    if "Expected" in words and "saw" in words:
        expected = words[words.index("Expected") + 1]
        found = words[words.index("saw") + 1]
        return f"expected {expected} fields as in the header, found {found}"
    return "not a readable CSV file: " + message.splitlines()[-1]


def _validate(raw: pd.DataFrame, name: str, sha256: str, cols: Columns, require_cohort: bool) -> Observations:
    found = ", ".join(raw.columns)
    lines = pd.Series(np.arange(len(raw)) + 2, index=raw.index)

    def missing(what: str) -> IvigBlinaError:
        return IvigBlinaError(f"missing column {what} (found: {found})", path=name, line=1)

    def fail(mask: pd.Series, column: str, message) -> None:
        if mask.any():
            i = mask.idxmax()
            raise IvigBlinaError(message(i), path=name, line=int(lines[i]), column=column)

    patient_col = cols.patient.strip().lower()
    if patient_col not in raw.columns:
        raise missing(f"'{patient_col}'")
    cohort_col = cols.cohort.strip().lower()
    if require_cohort and cohort_col not in raw.columns:
        raise missing(f"'{cohort_col}' (compare needs each patient's group)")
    igg_col, units = _igg_column(raw, cols, missing, name)
    day_col = cols.day.strip().lower()
    use_dates = day_col not in raw.columns
    if use_dates and not {"date", "start_date"} <= set(raw.columns):
        raise missing(f"'{day_col}' (or 'date' with 'start_date')")
    event_col = cols.event.strip().lower()
    has_events = event_col in raw.columns

    blank = (raw == "").all(axis=1)
    rows_read = len(raw)
    raw, lines = raw[~blank], lines[~blank]

    patient = raw[patient_col]
    fail(patient == "", patient_col, lambda i: "patient ID is empty")

    igg_text = raw[igg_col]
    igg = _numbers(igg_text, lines, name, igg_col)
    fail(igg < 0, igg_col, lambda i: f"'{igg_text[i]}' is negative; IgG must be 0 or more")
    fail(np.isinf(igg), igg_col, lambda i: f"'{igg_text[i]}' is not a finite number")
    igg = igg * TO_MG_DL[units]

    event = raw[event_col].str.lower() if has_events else pd.Series("", index=raw.index)
    has_data = igg.notna() | (event != "")

    if use_dates:
        day = _days_from_dates(raw, patient, has_data, lines, name)
    else:
        day_text = raw[day_col]
        day = _numbers(day_text, lines, name, day_col)
        fail(np.isinf(day), day_col, lambda i: f"'{day_text[i]}' is not a finite number of days")
    fail(has_data & day.isna(), "date" if use_dates else day_col,
         lambda i: "is empty; every row with an IgG value or an event needs one")

    cohort = raw[cohort_col] if cohort_col in raw.columns else pd.Series("", index=raw.index)
    patients = _patients(patient, cohort, lines, name, cohort_col, require_cohort)

    table = pd.DataFrame({"patient_id": patient, "cohort": patient.map(patients.set_index("patient_id").cohort),
                          "day": day.astype(float), "igg": igg.astype(float), "event": event,
                          "line": lines})[has_data].reset_index(drop=True)
    counts = {"rows": rows_read, "blank_rows": int(blank.sum()),
              "patient_only_rows": int((~has_data).sum()), "used_rows": len(table)}
    return Observations(name, sha256, table, patients, has_events, counts)


def _igg_column(raw: pd.DataFrame, cols: Columns, missing, name: str) -> tuple[str, str]:
    if cols.igg is not None:
        col = cols.igg.strip().lower()
        if col not in raw.columns:
            raise missing(f"'{col}' (given by --igg-col)")
        return col, cols.units
    present = [c for c in IGG_COLUMNS if c in raw.columns]
    if not present:
        raise missing("'igg_mg_dl' or 'igg_g_l' (or name one with --igg-col)")
    if len(present) == 2:
        raise IvigBlinaError("both 'igg_mg_dl' and 'igg_g_l' are present; keep one, or choose one with --igg-col "
                             "and --units", path=name, line=1)
    return present[0], IGG_COLUMNS[present[0]]


def _numbers(text: pd.Series, lines: pd.Series, name: str, column: str) -> pd.Series:
    filled = text != ""
    values = pd.to_numeric(text.where(filled), errors="coerce").astype(float)
    bad = filled & values.isna()
    if bad.any():
        i = bad.idxmax()
        raise IvigBlinaError(f"'{text[i]}' is not a number", path=name, line=int(lines[i]), column=column)
    return values


def _dates(text: pd.Series, lines: pd.Series, name: str, column: str) -> pd.Series:
    filled = text != ""
    values = pd.to_datetime(text.where(filled), format="ISO8601", errors="coerce")
    bad = filled & values.isna()
    if bad.any():
        i = bad.idxmax()
        raise IvigBlinaError(f"'{text[i]}' is not an ISO 8601 date (YYYY-MM-DD)", path=name,
                             line=int(lines[i]), column=column)
    return values


def _days_from_dates(raw: pd.DataFrame, patient: pd.Series, has_data: pd.Series, lines: pd.Series,
                     name: str) -> pd.Series:
    date = _dates(raw["date"], lines, name, "date")
    start = _dates(raw["start_date"], lines, name, "start_date")
    given = start.notna()
    first = start[given].groupby(patient[given]).transform("first")
    conflict = pd.Series(False, index=raw.index)
    conflict[given] = start[given] != first
    if conflict.any():
        i = conflict.idxmax()
        where = lines[given][(patient[given] == patient[i])].iloc[0]
        raise IvigBlinaError(f"start_date '{raw['start_date'][i]}' of patient '{patient[i]}' conflicts with the one "
                             f"on line {where}", path=name, line=int(lines[i]), column="start_date")
    start_of = start[given].groupby(patient[given]).first()
    per_row = patient.map(start_of)
    lacking = has_data & per_row.isna()
    if lacking.any():
        i = lacking.idxmax()
        raise IvigBlinaError(f"patient '{patient[i]}' has no start_date; give it on at least one of its rows",
                             path=name, line=int(lines[i]), column="start_date")
    return (date - per_row).dt.total_seconds() / 86400.0


def _patients(patient: pd.Series, cohort: pd.Series, lines: pd.Series, name: str, cohort_col: str,
              require_cohort: bool) -> pd.DataFrame:
    given = cohort != ""
    first = cohort[given].groupby(patient[given]).transform("first")
    clash = pd.Series(False, index=patient.index)
    clash[given] = cohort[given] != first
    if clash.any():
        i = clash.idxmax()
        raise IvigBlinaError(f"patient '{patient[i]}' is in cohort '{cohort[i]}' here but in '{first[i]}' earlier; "
                             "a patient belongs to one cohort", path=name, line=int(lines[i]), column=cohort_col)
    table = pd.DataFrame({"patient_id": patient, "line": lines}).drop_duplicates("patient_id")
    cohort_of = table.patient_id.map(cohort[given].groupby(patient[given]).first()).astype(object)
    table["cohort"] = cohort_of.where(cohort_of.notna(), "")
    if require_cohort and (table.cohort == "").any():
        row = table[table.cohort == ""].iloc[0]
        raise IvigBlinaError(f"patient '{row.patient_id}' has no cohort on any row", path=name,
                             line=int(row.line), column=cohort_col)
    return table[["patient_id", "cohort", "line"]].reset_index(drop=True)
