"""--min-grade N (issue 15, "Infection burden"): infections of a lower CTCAE grade, or without
one, leave every infection outcome, are counted, and still count for follow-up. The numbers are
worked by hand from conftest.GRADED (its line numbers in the comments there)."""

import json
import math

import pandas as pd
import pytest
from conftest import GRADED, WO, assert_usage_error, run

import ivig_blina
from ivig_blina.cohort.burden import by_window
from ivig_blina.errors import IvigBlinaError, OptionError

COLUMNS = ["infection", "infection_icu", "infection_death", "death", "first_infection_day", "follow_up_days"]
COLUMNS += ["infection_time", "infection_status", "infection_episodes"]
NAN = math.nan

# patient: infection, infection_icu, infection_death, death, first_infection_day, follow_up_days,
# infection_time, infection_status, infection_episodes
EVERY_GRADE = {
    "A1": [True, False, False, False, 10, 60, 10, 1, 2],  # days 10 and 20
    "A2": [True, True, True, True, 5, 30, 5, 1, 3],  # days 5 (ICU), 15, 30 (death)
    "A3": [True, False, False, False, 50, 80, 50, 1, 1],  # day 50 (day -3 is before day 0)
    "C1": [True, True, False, False, 7, 45, 7, 1, 4],  # days 7, 7, 25 (ICU), 45
    "C2": [True, False, False, True, 12, 20, 12, 1, 1],  # day 12; the one on day 25 is after the death
}
GRADE_3 = {
    "A1": [True, False, False, False, 10, 60, 10, 1, 1],  # day 20 is grade 1
    "A2": [True, True, True, True, 5, 30, 5, 1, 2],  # day 15 has no grade
    "A3": [False, False, False, False, NAN, 80, 80, 0, 0],  # day 50 is grade 2; follow-up still to day 80
    "C1": [True, False, False, False, 7, 45, 7, 1, 2],  # the ICU infection is grade 2; day 45 (no grade) ends follow-up
    "C2": [False, False, False, True, NAN, 20, 20, 0, 0],  # day 12 is grade 1: a death without infection, censored
}


def patients(cohort) -> dict:
    table = cohort.table.set_index("patient_id")[COLUMNS]
    return {pid: [None if pd.isna(v) else v for v in row] for pid, row in zip(table.index, table.values.tolist())}


def expected(rows: dict) -> dict:
    return {pid: [None if isinstance(v, float) and math.isnan(v) else v for v in row] for pid, row in rows.items()}


def test_every_infection_counts_without_min_grade(write):
    cohort = ivig_blina.load(write(GRADED))
    assert patients(cohort) == expected(EVERY_GRADE)
    assert "infections_below_min_grade" not in cohort.input_counts()  # the accounting is as it was


def test_min_grade_leaves_lower_and_ungraded_infections_out_of_the_per_patient_table(write):
    cohort = ivig_blina.load(write(GRADED), min_grade=3)
    assert patients(cohort) == expected(GRADE_3)
    counts = cohort.input_counts()
    assert counts["infections_below_min_grade"] == 4  # lines 4, 13, 18, 21
    assert counts["infections_without_grade"] == 2  # lines 9, 19
    assert counts["events_before_day0"] == 1 and counts["events_after_death"] == 1  # lines 12, 23: their own reasons
    assert cohort.options["min_grade"] == 3
    assert cohort.input_summary().endswith(
        "1 event before day 0 not counted; 6 infections left out by --min-grade 3 (4 below grade 3, 2 without a "
        "grade; their days still count for follow-up); 1 event after the patient's death not counted (follow-up "
        "ends at the death: C2)"
    )


def test_min_grade_1_leaves_out_only_the_ungraded(write):
    cohort = ivig_blina.load(write(GRADED), min_grade=1)
    assert cohort.table.set_index("patient_id").infection_episodes.to_dict() == {
        "C1": 3,
        "C2": 1,
        "A1": 2,
        "A2": 2,
        "A3": 1,
    }
    assert cohort.input_counts()["infections_below_min_grade"] == 0
    assert cohort.input_counts()["infections_without_grade"] == 2


def test_a_death_from_an_infection_below_the_grade_is_still_a_death(write):
    text = (
        "patient_id,cohort,day,igg_mg_dl,event,grade\nA,x,0,500,,\nA,x,10,,infection_death,3\nA,x,40,,ivig,\n"
        "B,y,0,500,,\nB,y,30,,last_follow_up,\n"
    )
    for competing, status in ((False, 0), (True, 2)):
        cohort = ivig_blina.load(write(text), min_grade=4, competing_risk=competing)
        a = cohort.table.set_index("patient_id").loc["A"]
        assert not a.infection and not a.infection_death  # no `death` column: the file has no `death` rows
        assert (a.follow_up_days, a.infection_time, a.infection_status) == (10, 10, status)
        assert cohort.input_counts()["events_after_death"] == 1  # the dose on day 40


def test_the_burden_windows_take_the_same_infections(write):
    cohort = ivig_blina.load(write(GRADED), min_grade=3, keep_rows=True)
    windows = by_window(cohort, (28, 90)).set_index(cohort.table.patient_id)
    # C1: days 7 and 7; A1: day 10; A2: days 5 and 30
    assert windows.to_dict("index") == {
        "C1": {"episodes_0_28": 2, "days_0_28": 28, "episodes_28_90": 0, "days_28_90": 17, "episodes_90_end": 0}
        | {"days_90_end": 0},
        "C2": {"episodes_0_28": 0, "days_0_28": 20, "episodes_28_90": 0, "days_28_90": 0, "episodes_90_end": 0}
        | {"days_90_end": 0},
        "A1": {"episodes_0_28": 1, "days_0_28": 28, "episodes_28_90": 0, "days_28_90": 32, "episodes_90_end": 0}
        | {"days_90_end": 0},
        "A2": {"episodes_0_28": 1, "days_0_28": 28, "episodes_28_90": 1, "days_28_90": 2, "episodes_90_end": 0}
        | {"days_90_end": 0},
        "A3": {"episodes_0_28": 0, "days_0_28": 28, "episodes_28_90": 0, "days_28_90": 52, "episodes_90_end": 0}
        | {"days_90_end": 0},
    }
    example = ivig_blina.load("examples/graded_infections.csv", min_grade=3, keep_rows=True)
    assert (by_window(example).filter(like="episodes_").sum(axis=1) == example.table.infection_episodes).all()


def test_every_infection_outcome_of_compare_takes_the_same_infections(write):
    cohort = ivig_blina.load(write(GRADED), min_grade=3, keep_rows=True, require_cohort=True)
    result = ivig_blina.compare(cohort, ("ivig", "control"), windows=(28, 90), landmark_day=6)
    groups = {o.outcome: o.groups for o in result.outcomes}

    def binary(outcome):
        return [(groups[outcome][g].events, groups[outcome][g].n) for g in ("ivig", "control")]

    assert binary("infection") == [(2, 3), (1, 2)]
    assert binary("infection_icu") == [(1, 3), (0, 2)]
    assert binary("infection_death") == [(1, 3), (0, 2)]
    assert binary("death") == [(1, 3), (1, 2)]  # deaths are not graded out
    assert [(groups["time_to_infection"][g].n, groups["time_to_infection"][g].events) for g in ("ivig", "control")] == [
        (3, 2),
        (2, 1),
    ]
    # from day 6: A2 (infected on day 5) is left out
    landmark = groups["time_to_infection_landmark"]
    assert [(landmark[g].n, landmark[g].events) for g in ("ivig", "control")] == [(2, 1), (2, 1)]

    def rate(outcome):
        return [(groups[outcome][g].episodes, groups[outcome][g].patient_days) for g in ("ivig", "control")]

    assert rate("infection_rate") == [(3, 170), (2, 65)]  # follow-up 60 + 30 + 80 and 45 + 20
    assert rate("infection_rate_0_28") == [(2, 84), (2, 48)]
    assert rate("infection_rate_28_90") == [(1, 86), (0, 17)]
    assert rate("infection_rate_90_end") == [(0, 0), (0, 0)]


def test_the_cli_counts_and_records_min_grade(write):
    path = write(GRADED)
    result = run("compare", path, "--min-grade", "3", "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["input"]["infections_below_min_grade"] == 4 and doc["input"]["infections_without_grade"] == 2
    options = doc["meta"]["options"]
    assert (options["min_grade"], options["grade_col"], options["pathogen_col"]) == (3, None, None)
    outcomes = {o["outcome"]: o for o in doc["outcomes"]}
    assert outcomes["infection"]["groups"]["ivig"]["events"] == 2
    assert "6 infections left out by --min-grade 3 (4 below grade 3, 2 without a grade" in result.stderr
    nadir = run("nadir", path, "--min-grade", "3", "-f", "json", "-q")
    assert {p["patient_id"]: p["infection_episodes"] for p in json.loads(nadir.stdout)} == {
        pid: row[-1] for pid, row in GRADE_3.items()
    }


def test_a_file_with_grade_and_pathogen_gives_the_same_numbers_without_min_grade(write):
    """The two columns change nothing until --min-grade is given, but the record of the options."""
    graded = "\n".join(line for line in GRADED.splitlines() if line != "C1,control,7,,infection,3,bacterial") + "\n"
    plain = "\n".join(line.rsplit(",", 2)[0] for line in graded.splitlines()) + "\n"  # else line 17 is a duplicate
    with_columns, without = (json.loads(run("compare", write(t), "-f", "json").stdout) for t in (graded, plain))
    assert with_columns["outcomes"] == without["outcomes"]
    assert {k: v for k, v in with_columns["input"].items()} == without["input"]
    options = with_columns["meta"]["options"]
    assert (options["min_grade"], options["grade_col"]) == (None, None)
    assert "min_grade" not in without["meta"]["options"]  # files without the columns: meta as before


def test_strict_refuses_an_ungraded_infection_only_with_min_grade(write):
    lines = GRADED.splitlines()
    path = write("\n".join(lines[:11] + lines[12:22]) + "\n")  # without the events before day 0 and after death
    result = run("nadir", path, "--min-grade", "3", "--strict")
    assert result.exit_code == 1
    assert result.stderr == (
        f"ivigblina: error: {path}:9: an infection without a grade, which --min-grade leaves out (--strict refuses "
        "every skipped row and input warning)\n"
    )
    assert run("nadir", path, "--strict").exit_code == 0  # no grade is fine without --min-grade


def test_min_grade_is_a_grade_from_1_to_5_and_needs_a_grade_column(write):
    for bad in ("0", "6", "2.5", "III"):
        assert_usage_error(run("nadir", write(GRADED), "--min-grade", bad), "--min-grade")
    for bad in (0, 6, 2.5, True):
        with pytest.raises(OptionError, match="min_grade: expected a CTCAE grade, a whole number from 1 to 5"):
            ivig_blina.load(write(GRADED), min_grade=bad)
    result = run("compare", str(WO), "--min-grade", "3")
    assert result.exit_code == 1
    assert result.stderr == (
        f"ivigblina: error: {WO}: --min-grade 3 needs the infections' grades, and the file has no grade column (a "
        "column 'grade', or name it with --grade-col)\n"
    )


def test_the_dask_engine_refuses_grades_before_reading(write):
    path = write(GRADED)
    for option in ({"min_grade": 3}, {"grade_col": "grade"}, {"pathogen_col": "pathogen"}):
        with pytest.raises(IvigBlinaError, match="works with --engine pandas only"):
            ivig_blina.load(path, engine="dask", **option)
