"""Validation of the rows: event labels."""

import pytest

from conftest import WO, run
from ivig_blina.io.reader import KNOWN_EVENTS, RESERVED_LABELS

ISSUE_LABELS = ["follow_up_days", "death_day", "first_infection_day", "infection_time", "infection_status",
                "infection_episodes", "igg_nadir", "time_to_infection", "infection_rate"]


@pytest.mark.parametrize("label", ISSUE_LABELS + ["Nadir_IgG", "hgg"])
@pytest.mark.parametrize("command", ["nadir", "compare"])
def test_a_label_named_like_a_computed_column_is_refused(label, command, write):
    """Issue 13, item 4: these labels crashed (KeyError, UFuncTypeError) or made two outcome rows."""
    path = write("patient_id,cohort,day,igg_mg_dl,event\nA,x,0,500,\nA,x,5,300,infection\n"
                 f"B,y,0,600,\nB,y,7,,{label}\nB,y,9,,{label}\n")
    result = run(command, path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"ivigblina: error: {path}:5: column 'event': event '{label.lower()}' is the name of a "
                             "computed column or outcome; rename it in the file\n")


def test_the_first_bad_label_in_the_file_is_named(write):
    path = write("patient_id,cohort,day,igg_mg_dl,event\nA,x,0,500,\nA,x,5,,infecton\nB,y,7,,death_day\n")
    assert ":3: column 'event': event 'infecton' is not a known label; did you mean infection?" in run("nadir", path).stderr


def test_reserved_labels_cover_every_computed_column_and_outcome():
    """The reader's list against what the later steps make: a new column or outcome must be added to it."""
    from ivig_blina.analyses.comparison import CONTINUOUS, EXPOSURE, compare
    from ivig_blina.cohort.load import load
    from ivig_blina.cohort.patients import FOLLOW_UP_COLUMNS, IGG_COLUMNS, _empty_columns

    cohort = load(str(WO))
    patients = cohort.patients
    outcomes = [o.outcome for o in compare(cohort, ("control", "ivig")).outcomes]
    made = (set(IGG_COLUMNS) | set(FOLLOW_UP_COLUMNS) | set(_empty_columns(1, [])) | set(patients.table.columns)
            | set(CONTINUOUS) | set(EXPOSURE) | set(outcomes)) - set(patients.event_outcomes)
    assert made <= RESERVED_LABELS, sorted(made - RESERVED_LABELS)
    assert not RESERVED_LABELS & set(KNOWN_EVENTS)
