"""Reading the bytes of a cohort file: header, limits, bytes that are not text."""

import time

import pandas as pd
import pytest

from conftest import run
from ivig_blina.errors import IvigBlinaError
from ivig_blina.io.csvfile import Dialect, read_table


def wide(columns: int, duplicate: bool = False) -> str:
    names = [f"c{i}" for i in range(columns)] + (["c0"] if duplicate else [])
    return "patient_id,cohort,day,igg_mg_dl," + ",".join(names) + "\nA,x,1,300" + "," * len(names) + "\n"


def test_the_header_check_is_linear(tmp_path):
    """Issue 13, item 3: 100,000 columns took 71 s (``h in header[:i]`` for every column)."""
    path = tmp_path / "wide.csv"
    path.write_text(wide(100_000, duplicate=True))
    started = time.perf_counter()
    result = run("nadir", path, "--max-columns", "200000")
    assert result.exit_code == 1 and "column 'c0' appears twice in the header" in result.stderr
    assert time.perf_counter() - started < 10  # about 0.3 s; the quadratic check took minutes


def test_more_columns_than_max_columns_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(wide(10_001))
    result = run("nadir", path)
    assert result.exit_code == 1
    assert result.stderr == (f"ivigblina: error: {path}:1: the header has 10005 columns, more than the limit of "
                             "10000 (--max-columns)\n")
    assert run("nadir", path, "--max-columns", "10005", "-q", "-f", "csv").exit_code == 0
    assert run("nadir", path, "--max-columns", "0").exit_code == 2


def test_max_columns_holds_for_parquet(tmp_path):
    path = tmp_path / "wide.parquet"
    pd.DataFrame({"patient_id": ["A"], "day": ["1"], "igg_mg_dl": ["300"], "note": ["x"]}).to_parquet(path)
    with pytest.raises(IvigBlinaError, match="the header has 4 columns, more than the limit of 3"):
        read_table(str(path), lambda header: header[:3], Dialect(max_columns=3))
