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
