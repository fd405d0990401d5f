"""``--patients FILE``: patient covariates from a second file with one row per patient, keyed
by the patient column, joined to the covariates of the long file."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ivig_blina.errors import IvigBlinaError
from ivig_blina.io.csvfile import Dialect, read_table


def read_patient_file(path: str, patient_col: str, dialect: Dialect) -> pd.DataFrame:
    """The file's rows keyed by patient ID (the index), every other column as text ("" where
    blank). A patient listed twice is an error naming both lines."""
    key = patient_col.strip().lower()

    def every_column(header: list[str]) -> list[str]:
        if key not in header:
            raise IvigBlinaError(f"missing column '{key}' (the patient column; found: {', '.join(header)})", line=1)
        return header

    raw = read_table(path, every_column, dialect)
    ids = raw.data[key].astype(str).to_numpy()
    if (ids == "").any():
        raise IvigBlinaError(
            "patient ID is empty", path=raw.path, line=int(raw.lines[np.argmax(ids == "")]), column=key
        )
    seen = pd.Series(ids).duplicated(keep="first").to_numpy()
    if seen.any():
        row = int(np.argmax(seen))
        first = int(np.flatnonzero(ids == ids[row])[0])
        raise IvigBlinaError(
            f"patient '{ids[row]}' is listed twice (also on line {raw.lines[first]}); the file "
            "holds one row per patient",
            path=raw.path,
            line=int(raw.lines[row]),
            column=key,
        )
    table = pd.DataFrame({c: raw.data[c].astype(str).to_numpy() for c in raw.data.columns if c != key}, index=ids)
    return table


def join(
    covariates: pd.DataFrame | None, patient_ids: pd.Series, extra: pd.DataFrame, wanted: list[str] | None
) -> tuple[pd.DataFrame, list[str]]:
    """``covariates`` (``pid`` and text columns, or None) with the columns of ``extra`` (keyed
    by patient ID; all of them, or those in ``wanted``) for the patients ``patient_ids`` (by
    pid), and a note on the patients found in one file only."""
    columns = [c for c in extra.columns if wanted is None or c in wanted]
    base = covariates if covariates is not None else pd.DataFrame({"pid": np.arange(len(patient_ids))})
    ids = patient_ids.reindex(base.pid).to_numpy()
    joined = base.copy()
    for column in columns:
        if column in joined:
            raise IvigBlinaError(f"column '{column}' is in both files; keep it in one")
        joined[column] = extra[column].reindex(ids).fillna("").to_numpy()
    notes = []
    missing = sorted(set(ids) - set(extra.index))
    unknown = sorted(set(extra.index) - set(ids))
    if missing:
        notes.append(
            f"{len(missing)} patient(s) not in the --patients file (no covariates): "
            + ", ".join(missing[:20])
            + (", ..." if len(missing) > 20 else "")
        )
    if unknown:
        notes.append(
            f"{len(unknown)} patient(s) of the --patients file not in the data file (left out): "
            + ", ".join(unknown[:20])
            + (", ..." if len(unknown) > 20 else "")
        )
    return joined, notes
