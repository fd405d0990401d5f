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


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_a_nul_byte_anywhere_is_refused_with_its_line(tmp_path, encoding):
    """Issue 13, item 15: only the first 64 KiB were checked; a NUL later reached an ID and the output."""
    rows = "".join(f"P{i:05d},x,{i % 30},{300 + i % 50}\n" for i in range(5000))  # about 100 KB
    path = tmp_path / "cohort.csv"
    path.write_bytes(("patient_id,cohort,day,igg_mg_dl\n" + rows).encode() + b"P\x00X,x,1,300\n")
    result = run("nadir", path, "-f", "csv", "--encoding", encoding)
    assert result.exit_code == 1 and result.stdout == ""
    hint = "; give a CSV file, or its --encoding if it is UTF-16" if encoding == "utf-8" else ""
    assert result.stderr == f"ivigblina: error: {path}:5002: a NUL byte: this is not a text file{hint}\n"


def test_utf16_without_its_encoding_gets_the_hint(tmp_path):
    path = tmp_path / "cohort.csv"
    path.write_bytes("patient_id,cohort,day,igg_mg_dl\nA,x,1,300\n".encode("utf-16"))
    assert f"{path}:1: a NUL byte: this is not a text file; give a CSV file, or its --encoding if it is UTF-16" \
        in run("nadir", path).stderr
    assert run("nadir", path, "--encoding", "utf-16", "-q").exit_code == 0
