"""Patient-by-patient agreement of per-patient CSV tables, column by column.

Every column is compared exactly (numbers as the floats they read as, flags and text as
written, empty as missing) except the two sums over a patient's segments, days and area below
the threshold, which are compared to 1e-12 relative: numpy's ``reduceat`` and DuckDB's ``sum``
add the same segments in a different order, and that changes the last bits (no other
difference was found).
"""

from __future__ import annotations

SUMS = ("days_below_threshold", "area_below_threshold")
SUM_RTOL = 1e-12


def read(path):
    import pandas as pd

    frame = pd.read_csv(
        path, dtype={"patient_id": str}, keep_default_na=False, na_values=[""], float_precision="round_trip"
    )
    return frame.set_index("patient_id")


def disagreements(reference, other, columns: list[str] | None = None, names=("reference", "other")) -> list[str]:
    """What differs between two per-patient tables (``read``'s frames): patients in one only,
    columns in one only (when ``columns`` is None: every column of ``reference``), and per
    column the patients whose values differ, with examples."""
    import numpy as np

    a, b = names
    problems = []
    only = reference.index.symmetric_difference(other.index)
    if len(only):
        problems.append(f"{b} vs {a}: {len(only)} patients in only one output, e.g. {list(only[:5])}")
    if reference.index.has_duplicates or other.index.has_duplicates:
        problems.append(f"{b} vs {a}: a patient listed twice")
        return problems
    if columns is None:
        columns = list(reference.columns)
        if list(other.columns) != columns:
            problems.append(f"{b} vs {a}: columns differ: {list(other.columns)} vs {columns}")
    both = reference.index.intersection(other.index)
    for column in columns:
        if column not in other.columns:
            continue
        x, y = reference.loc[both, column], other.loc[both, column]
        numbers = _floats(x), _floats(y)
        if numbers[0] is not None and numbers[1] is not None:
            u, v = numbers
            if column in SUMS:
                same = np.isclose(u, v, rtol=SUM_RTOL, atol=0, equal_nan=True)
            else:
                same = (u == v) | (np.isnan(u) & np.isnan(v))
        else:
            same = ((x == y) | (x.isna() & y.isna())).to_numpy()
        if not same.all():
            bad = ~same
            examples = list(zip(both[bad][:5], x[bad][:5].tolist(), y[bad][:5].tolist()))
            problems.append(
                f"{b} vs {a}: {column} differs for {bad.sum()} patients, e.g. (patient, {a}, {b}) {examples}"
            )
    return problems


def _floats(column):
    """The column as floats, or None if it holds text (flags, censoring marks, cohorts)."""
    return column.to_numpy(float) if column.dtype.kind in "fiu" else None
