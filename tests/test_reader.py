"""Validation of the rows: event labels."""

import json

import pytest
from conftest import WO, run

from ivig_blina.io.reader import KNOWN_EVENTS, RESERVED_LABELS

ISSUE_LABELS = [
    "follow_up_days",
    "death_day",
    "first_infection_day",
    "infection_time",
    "infection_status",
    "infection_episodes",
    "igg_nadir",
    "time_to_infection",
    "infection_rate",
]


@pytest.mark.parametrize("label", ISSUE_LABELS + ["Nadir_IgG", "hgg"])
@pytest.mark.parametrize("command", ["nadir", "compare"])
def test_a_label_named_like_a_computed_column_is_refused(label, command, write):
    """Issue 13, item 4: these labels crashed (KeyError, UFuncTypeError) or made two outcome rows."""
    path = write(
        "patient_id,cohort,day,igg_mg_dl,event\nA,x,0,500,\nA,x,5,300,infection\n"
        f"B,y,0,600,\nB,y,7,,{label}\nB,y,9,,{label}\n"
    )
    result = run(command, path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"ivigblina: error: {path}:5: column 'event': event '{label.lower()}' is the name of a "
        "computed column or outcome; rename it in the file\n"
    )


def test_the_first_bad_label_in_the_file_is_named(write):
    path = write("patient_id,cohort,day,igg_mg_dl,event\nA,x,0,500,\nA,x,5,,infecton\nB,y,7,,death_day\n")
    assert (
        ":3: column 'event': event 'infecton' is not a known label; did you mean infection?"
        in run("nadir", path).stderr
    )


def test_reserved_labels_cover_every_computed_column_and_outcome():
    """The reader's list against what the later steps make: a new column or outcome must be added to it."""
    from ivig_blina.analyses.comparison import CONTINUOUS, EXPOSURE, compare
    from ivig_blina.cohort.load import load
    from ivig_blina.cohort.patients import FOLLOW_UP_COLUMNS, IGG_COLUMNS, _empty_columns

    cohort = load(str(WO))
    patients = cohort.patients
    outcomes = [o.outcome for o in compare(cohort, ("control", "ivig")).outcomes]
    made = (
        set(IGG_COLUMNS)
        | set(FOLLOW_UP_COLUMNS)
        | set(_empty_columns(1, []))
        | set(patients.table.columns)
        | set(CONTINUOUS)
        | set(EXPOSURE)
        | set(outcomes)
    ) - set(patients.event_outcomes)
    assert made <= RESERVED_LABELS, sorted(made - RESERVED_LABELS)
    assert not RESERVED_LABELS & set(KNOWN_EVENTS)


# Issue 13, item 16: invisible characters in a label or cohort name made another outcome or cohort.

ZWSP, NBSP, BOM, ZWJ = "\u200b", "\u00a0", "\ufeff", "\u200d"
INVISIBLE = (
    "patient_id,cohort,day,igg_mg_dl,event\n"
    "A,ivig arm,0,500,\n"
    f"A,ivig arm,10,300,infec{ZWSP}tion\n"  # line 3
    f"B,ivig{NBSP}arm,0,400,\n"  # line 4: NFKC makes the no-break space a space
    f"B,ivig arm,5,,{BOM}infection\n"
    "C,control,0,500,\n"
    f"C,con{ZWJ}trol,20,350,\n"
    "C,control,21,,\uff49nfection\n"  # a full-width i
    f"C,control,30,,{ZWSP}\n"
)  # nothing but an invisible label: the row lists the patient


def test_invisible_characters_in_labels_and_cohorts_are_normalised_and_counted(write):
    import json

    path = write(INVISIBLE)
    result = run("compare", path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["groups"] == ["control", "ivig arm"]
    assert doc["input"]["patients_per_cohort"] == {"control": 1, "ivig arm": 2}
    assert doc["input"]["normalised_values"] == 6
    outcomes = {o["outcome"]: o for o in doc["outcomes"]}
    assert set(outcomes) == {
        "igg_nadir",
        "days_to_nadir",
        "hgg",
        "infection",
        "infection_icu",
        "infection_death",
        "pct_drop",
        "days_below_threshold",
        "area_below_threshold",
        "time_to_infection",
        "infection_rate",
    }
    assert outcomes["infection"]["groups"] == {
        "control": {"n": 1, "events": 1, "proportion": 1.0},
        "ivig arm": {"n": 2, "events": 2, "proportion": 1.0},
    }
    assert (
        "6 rows with its event label or cohort normalised (zero-width or no-break spaces, full-width letters)"
        in result.stderr.splitlines()[0]
    )


def test_rows_equal_once_normalised_are_duplicates(write):
    path = write(f"patient_id,cohort,day,igg_mg_dl,event\nA,x,1,300,infection\nA,x,1,300,infection{ZWSP}\nB,y,1,400,\n")
    result = run("nadir", path, "-f", "json")
    assert "1 duplicate row skipped" in result.stderr and "1 row with its event label" in result.stderr
    assert json.loads(result.stdout)[0]["infection_episodes"] == 1


def test_rows_equal_as_the_labels_are_read_are_duplicates(write):
    """Labels are read in lower case and through --event-map: IVIG on a day that has ivig is the
    same dose written twice, not a second dose (the same-work DuckDB reference of the benchmark
    found the difference on its awkward cohort at 5M rows)."""
    text = (
        "patient_id,cohort,day,igg_mg_dl,event\n"
        "A,x,0,300,\nA,x,5,,IVIG\nA,x,5,,ivig\nA,x,9,,Infection\nA,x,9,,infection\nA,x,9,,ICU\n"
        "B,y,1,400,\n"
    )
    result = run("nadir", write(text), "-f", "json")
    assert "2 duplicate rows skipped" in result.stderr
    a = json.loads(result.stdout)[0]
    assert (a["ivig_doses"], a["infection_episodes"]) == (1, 1)
    mapped = run("nadir", write(text), "-f", "json", "--event-map", "ICU=infection")
    assert "3 duplicate rows skipped" in mapped.stderr  # ICU is infection, on day 9 as well
    assert json.loads(mapped.stdout)[0]["infection_episodes"] == 1


def test_strict_refuses_a_value_that_needed_normalising(write):
    result = run("nadir", write(INVISIBLE), "--strict")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        ":3: an event label or cohort name with invisible characters (zero-width, no-break "
        "spaces), normalised (--strict refuses every skipped row and input warning)\n"
    )


def test_plain_ascii_labels_are_not_counted(write):
    import json

    doc = json.loads(run("compare", WO, "-f", "json", "-q").stdout)
    assert doc["input"]["normalised_values"] == 0


# Issue 15, "Infection burden": an infection's CTCAE grade and pathogen, on infection rows only.

GRADE_HEADER = "patient_id,cohort,day,igg_mg_dl,event,grade,pathogen\n"


@pytest.mark.parametrize(
    "grade, expected",
    [
        ("0", "'0' is not a CTCAE grade; expected a whole number from 1 to 5"),
        ("6", "'6' is not a CTCAE grade; expected a whole number from 1 to 5"),
        ("2.5", "'2.5' is not a CTCAE grade; expected a whole number from 1 to 5"),
        ("-3", "'-3' is not a CTCAE grade; expected a whole number from 1 to 5"),
        ("III", "'III' is not a CTCAE grade; expected a whole number from 1 to 5 (write 3 for III)"),
        ("severe", "'severe' is not a CTCAE grade; expected a whole number from 1 to 5"),
    ],
)
@pytest.mark.parametrize("command", ["nadir", "compare"])
def test_a_grade_that_is_not_1_to_5_is_refused_at_its_line(grade, expected, command, write):
    path = write(GRADE_HEADER + f"A,x,0,500,,,\nA,x,5,,infection,3,viral\nB,y,0,600,,,\nB,y,9,,infection,{grade},\n")
    result = run(command, path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"ivigblina: error: {path}:5: column 'grade': {expected}\n"


def test_a_whole_number_written_as_a_decimal_is_that_grade(write):
    from ivig_blina.io.csvfile import Dialect
    from ivig_blina.io.reader import read_cohort

    text = GRADE_HEADER + "A,x,0,500,,,\nA,x,5,,infection,3.0,viral\nA,x,6,,infection, 4 ,\nA,x,7,,infection,,\n"
    obs = read_cohort(write(text))
    assert obs.table.grade.tolist() == [0, 3, 4, 0]  # 0: no grade given
    assert obs.table.pathogen.tolist() == ["", "viral", "", ""]
    semicolons = text.replace(",", ";").replace("3.0", "3,0")
    assert read_cohort(write(semicolons), dialect=Dialect(decimal=",")).table.grade.tolist() == [0, 3, 4, 0]


HINT = (
    "an infection's {what} belongs on its infection row only (infection, infection_icu, infection_death, after "
    "--event-map); if the column '{what}' holds something else (a patient covariate?), rename it, or name the "
    "infection's {what} column with --{what}-col"
)


@pytest.mark.parametrize(
    "row, where",
    [
        ("B,y,9,,ivig,2,", "grade '2' on a row whose event is 'ivig'"),
        ("B,y,9,,death,5,", "grade '5' on a row whose event is 'death'"),
        ("B,y,9,,last_follow_up,1,", "grade '1' on a row whose event is 'last_follow_up'"),
        ("B,y,9,450,,3,", "grade '3' on a row without an event"),
        ("B,y,9,,sepsis,3,", "grade '3' on a row whose event is 'sepsis'"),
    ],
)
def test_a_grade_on_a_row_that_is_not_an_infection_is_refused(row, where, write):
    path = write(GRADE_HEADER + f"A,x,0,500,,,\nA,x,5,,infection,3,viral\nB,y,0,600,,,\n{row}\n")
    result = run("nadir", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"ivigblina: error: {path}:5: column 'grade': {where}; {HINT.format(what='grade')}\n"


def test_a_pathogen_on_a_row_that_is_not_an_infection_is_refused(write):
    path = write(GRADE_HEADER + "A,x,0,500,,,\nA,x,5,,infection,3,viral\nB,y,0,600,,,bacterial\n")
    result = run("compare", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"ivigblina: error: {path}:4: column 'pathogen': pathogen 'bacterial' on a row without an event; "
        f"{HINT.format(what='pathogen')}\n"
    )


def test_grades_are_checked_against_the_labels_after_the_event_map(write):
    path = write(GRADE_HEADER + "A,x,0,500,,,\nA,x,5,,ICU,3,viral\nB,y,0,600,,,\nB,y,9,,Sepsis,4,\n")
    refused = run("nadir", path, "--event-map", "ICU=infection_icu")
    assert refused.exit_code == 1
    assert ":5: column 'grade': grade '4' on a row whose event is 'sepsis'" in refused.stderr
    mapped = run("nadir", path, "--event-map", "ICU=infection_icu", "--event-map", "sepsis=infection", "-f", "json")
    assert mapped.exit_code == 0, mapped.stderr
    assert [p["infection_episodes"] for p in json.loads(mapped.stdout)] == [1, 1]


def test_grade_and_pathogen_columns_named_by_option_and_matched_as_the_other_roles(write):
    path = write(
        "patient_id,cohort,day,igg_mg_dl,event, CTCAE Grade ,Organism\nA,x,0,500,,,\nA,x,5,,infection,2,CMV\n"
        "B,y,0,600,,,\nB,y,9,,infection,4,E. coli\n"
    )
    result = run("nadir", path, "--grade-col", "ctcae grade", "--pathogen-col", "ORGANISM", "--min-grade", "3")
    assert result.exit_code == 0, result.stderr
    assert "1 infection left out by --min-grade 3 (1 below grade 3, 0 without a grade" in result.stderr
    missing = run("nadir", path, "--grade-col", "ctcae")
    assert missing.exit_code == 1
    assert missing.stderr == (
        f"ivigblina: error: {path}:1: missing column 'ctcae' (given by --grade-col) (found: patient_id, cohort, "
        "day, igg_mg_dl, event, ctcae grade, organism)\n"
    )
    clash = run("nadir", path, "--grade-col", "event")
    assert clash.exit_code == 1
    assert ":1: column 'event' is named for two roles (patient, cohort, day or date, IgG, event, grade, pathogen)" in (
        clash.stderr
    )


def test_grade_and_pathogen_are_roles_not_covariates(write):
    path = write(GRADE_HEADER.replace("\n", ",age\n") + "A,x,0,500,,,,60\nA,x,5,,infection,3,viral,\nB,y,0,600,,,,70\n")
    result = run("table1", path, "--groups", "x,y", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [v["variable"] for v in json.loads(result.stdout)["variables"]] == ["age", "baseline_igg"]
    refused = run("table1", path, "--groups", "x,y", "--covariates", "grade")
    assert refused.exit_code == 1
    assert "column 'grade' has a role in the analysis; it cannot be a covariate" in refused.stderr


@pytest.mark.parametrize(
    ("rows", "blank", "first"),
    [
        ("A,x,0,500,\n,,,,\nB,y,3,600,\n , ,,\t,\n", 2, 3),  # only delimiters (and spaces): blank
        ("A,x,0,500,\n,x,,,\nB,y,3,600,\n", 0, None),  # one value given: not blank (an empty ID, refused)
        ("A,x,0,500,\nB,,3,,\n", 0, None),  # no column is empty on every row: none looked at further
    ],
)
def test_a_row_is_blank_when_every_column_read_is_empty(rows, blank, first, write):
    from ivig_blina.errors import IvigBlinaError
    from ivig_blina.io.reader import read_cohort

    path = write("patient_id,cohort,day,igg_mg_dl,event\n" + rows)
    try:
        observations = read_cohort(path)
    except IvigBlinaError as e:
        assert blank == 0 and "empty" in str(e).lower() and ":3:" in str(e)  # the row with the empty ID
        return
    assert observations.counts["blank_rows"] == blank
    assert observations.first_lines.get("blank_rows") == first
