"""Table 1 (issue 14): the bundled example against R (tests/golden/r_table1_example.py, made by
tests/golden/table1_example.R), the CLI's formats, k groups, and the refusals."""

import io
import json

import pandas as pd
import pytest
from conftest import ROOT, WO, run
from golden.r_table1_example import CATEGORICAL, CONTINUOUS

import ivig_blina

REL = 1e-12


@pytest.fixture(scope="module")
def example():
    cohort = ivig_blina.load(str(WO), all_covariates=True, categorical=["ecog"])
    table = ivig_blina.table1(cohort, groups=("control", "ivig"))
    return {v.variable: v for v in table.variables}


@pytest.mark.parametrize("name", list(CONTINUOUS))
def test_continuous_covariates_as_r(example, name):
    v, expected = example[name], CONTINUOUS[name]
    for group in ("control", "ivig", "overall"):
        ours, theirs = v.summaries[group], expected[group]
        assert ours.n == theirs["n"] and v.missing[group] == theirs["missing"]
        for key in ("q1", "median", "q3", "mean", "sd"):
            assert getattr(ours, key) == pytest.approx(theirs[key], rel=REL), (group, key)
    assert v.result.pvalue == pytest.approx(expected["p_value"], rel=1e-9)
    assert v.smd == pytest.approx(expected["smd"], rel=1e-9)


@pytest.mark.parametrize("name", list(CATEGORICAL))
def test_categorical_covariates_as_r(example, name):
    v, expected = example[name], CATEGORICAL[name]
    assert [level.level for level in v.levels] == expected["levels"]
    for group in ("control", "ivig"):
        assert [level.groups[group][0] for level in v.levels] == expected["counts"][group]
        assert v.missing[group] == expected["missing"][group]
        known = sum(expected["counts"][group])
        assert [level.groups[group][1] for level in v.levels] == pytest.approx(
            [100 * c / known for c in expected["counts"][group]]
        )
    assert v.result.pvalue == pytest.approx(expected["p_value"], rel=1e-9)
    assert v.smd == pytest.approx(expected["smd"], rel=1e-9)


def test_chi_square_on_request(monkeypatch):
    cohort = ivig_blina.load(str(WO), all_covariates=True, categorical=["ecog"])
    table = ivig_blina.table1(cohort, tests={"categorical": "chi-square"})
    for v in table.variables:
        if v.kind == "categorical":
            assert v.result.pvalue == pytest.approx(CATEGORICAL[v.variable]["chisq_p_value"], rel=1e-9)


def test_every_format_of_the_cli(monkeypatch):
    monkeypatch.chdir(ROOT)
    args = ["table1", "examples/wo2022_cohort.csv", "--categorical", "ecog", "-q"]
    document = json.loads(run(*args, "-f", "json").stdout)
    assert document["groups"] == ["control", "ivig", "overall"] and document["n"] == {
        "control": 6,
        "ivig": 17,
        "overall": 23,
    }
    age = next(v for v in document["variables"] if v["variable"] == "age")
    assert age["groups"]["overall"]["median"] == CONTINUOUS["age"]["overall"]["median"]
    frame = pd.read_csv(io.StringIO(run(*args, "-f", "csv").stdout), keep_default_na=False, dtype=str)
    assert list(frame.variable[frame.variable != ""].unique()) == [
        "age",
        "sex",
        "ecog",
        "mrd",
        "prior_lines",
        "transplant",
        "baseline_igg",
    ]
    assert frame.group_overall.unique().tolist() == ["overall"]
    table = run(*args).stdout
    assert "overall (n = 23)" in table and "missing" in table
    for fmt in ("tsv", "jsonl", "markdown"):
        assert run(*args, "-f", fmt).exit_code == 0


def test_three_cohorts_use_kruskal_wallis_and_the_mean_of_pairwise_smds(write):
    rows = "".join(f"P{i},{'abc'[i % 3]},0,{500 + 13 * i},{40 + (i * 7) % 31},{'FM'[i % 2]}\n" for i in range(18))
    path = write("patient_id,cohort,day,igg_mg_dl,age,sex\n" + rows)
    result = run("table1", path, "--groups", "all", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    age = next(v for v in document["variables"] if v["variable"] == "age")
    assert age["test"] == "kruskal-wallis" and document["groups"] == ["a", "b", "c", "overall"]
    refused = run("table1", path)
    assert refused.exit_code == 1 and "choose them with --groups A,B (or A,B,C, or all)" in refused.stderr
    two_group = run("table1", path, "--groups", "a,b,c", "--test", "continuous=mann-whitney")
    assert two_group.exit_code == 2 and "kruskal-wallis" in two_group.stderr


def test_covariates_chosen_and_checked(write):
    path = write("patient_id,cohort,day,igg_mg_dl,age,site\nA,x,0,500,40,n1\nA,x,5,300,41,n1\nB,y,0,600,50,n2\n")
    varies = run("table1", path, "--covariates", "age")
    assert varies.exit_code == 1
    assert varies.stderr == (
        f"ivigblina: error: {path}:3: column 'age': patient 'A' has '41' here but '40' on line 2; "
        "a covariate holds one value per patient\n"
    )
    default = run("table1", path, "-f", "json")
    assert default.exit_code == 0
    assert "columns that vary within a patient, left out of the covariates: age" in default.stderr
    assert [v["variable"] for v in json.loads(default.stdout)["variables"]] == ["site", "baseline_igg"]
    missing = run("table1", path, "--covariates", "weight")
    assert missing.exit_code == 1 and "missing column 'weight' (given as a covariate) (found: " in missing.stderr


def test_a_cohort_named_overall_is_refused(write):
    path = write("patient_id,cohort,day,igg_mg_dl\nA,overall,0,500\nB,y,0,600\n")
    result = run("table1", path)
    assert result.exit_code == 1 and "--cohort-map overall=NAME" in result.stderr
    assert run("table1", path, "--cohort-map", "overall=all patients", "-q").exit_code == 0


def test_covariates_from_a_patients_file(write, tmp_path):
    path = write("patient_id,cohort,day,igg_mg_dl,age\nA,x,0,500,40\nA,x,5,300,\nB,y,0,600,50\nC,y,0,700,61\n")
    extra = tmp_path / "patients.csv"
    extra.write_text("Patient_ID,sex,stage\nA,F,II\nB,M,III\nZ,F,I\n")
    result = run("table1", path, "--patients", str(extra), "-f", "json")
    assert result.exit_code == 0, result.stderr
    variables = {v["variable"]: v for v in json.loads(result.stdout)["variables"]}
    assert list(variables) == ["age", "sex", "stage", "baseline_igg"]
    assert variables["sex"]["missing"] == {"x": 0, "y": 1, "overall": 1}
    assert "1 patient(s) not in the --patients file (no covariates): C" in result.stderr
    assert "1 patient(s) of the --patients file not in the data file (left out): Z" in result.stderr
    chosen = json.loads(
        run("table1", path, "--patients", str(extra), "--covariates", "stage,age", "-f", "json", "-q").stdout
    )
    assert [v["variable"] for v in chosen["variables"]] == ["stage", "age", "baseline_igg"]
    extra.write_text("patient_id,sex\nA,F\nB,M\nA,F\n")
    twice = run("table1", path, "--patients", str(extra))
    assert twice.exit_code == 1
    assert twice.stderr == (
        f"ivigblina: error: {extra}:4: column 'patient_id': patient 'A' is listed twice (also on "
        "line 2); the file holds one row per patient\n"
    )


def test_a_categorical_name_that_is_no_covariate_is_refused(write):
    path = write("patient_id,cohort,day,igg_mg_dl,ecog\nA,x,0,500,1\nB,y,0,600,2\n")
    result = run("table1", path, "--categorical", "ecgo")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"ivigblina: error: {path}: --categorical names ecgo, not a covariate read (covariates: ecog)\n"
    )
