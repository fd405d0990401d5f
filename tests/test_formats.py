"""Input formats by extension: the same columns give the same results."""

import gzip
import json

import pandas as pd
import pytest
from conftest import WO, run


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    frame = pd.read_csv(WO, dtype={"event": str})
    frame.to_csv(folder / "cohort.tsv", sep="\t", index=False)
    frame.to_parquet(folder / "cohort.parquet")
    (folder / "cohort.csv.gz").write_bytes(gzip.compress(WO.read_bytes()))
    return folder


@pytest.mark.parametrize("name", ["cohort.tsv", "cohort.parquet", "cohort.csv.gz"])
def test_same_results_as_the_csv(name, variants):
    def outcomes(path):
        result = run("compare", path, "-q", "-f", "json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)["outcomes"]

    assert outcomes(variants / name) == outcomes(WO)
    nadir = run("nadir", variants / name, "-q", "-f", "csv").stdout
    assert nadir == run("nadir", WO, "-q", "-f", "csv").stdout


@pytest.mark.parametrize(
    "name, message", [("bad.parquet", "is not a readable Parquet file"), ("bad.csv.gz", "is not a readable gzip file")]
)
def test_broken_files_are_one_line(name, message, tmp_path):
    path = tmp_path / name
    path.write_bytes(b"garbage")
    result = run("nadir", path)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and message in result.stderr


def test_parquet_errors_name_the_row(tmp_path):
    path = tmp_path / "cohort.parquet"
    pd.DataFrame({"patient_id": ["A", "B"], "day": [1, 2], "igg_mg_dl": ["300", "abc"]}).to_parquet(path)
    result = run("nadir", path)
    assert result.stderr == f"ivigblina: error: {path}:2: column 'igg_mg_dl': 'abc' is not a number\n"
