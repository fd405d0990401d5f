"""Every label accounted for (issue 12): labels that are neither known nor near a known one are
compared as outcomes of their own and named; --event-map and --cohort-map rename labels before
anything else; --strict refuses unknown labels."""

import json

from conftest import run

HEAD = "patient_id,cohort,day,igg_mg_dl,event\n"
ROWS = (
    "A,ivig,0,900,\nA,ivig,10,300,\nA,ivig,20,,ICU\nA,ivig,25,,infection\nA,ivig,30,,ivig dose\n"
    "B,control,0,800,\nB,control,12,500,\nB,control,15,,Infection\nC,control,0,700,\nC,control,9,450,\n"
)


def outcomes(result) -> dict:
    assert result.exit_code == 0, result.stderr
    return {o["outcome"]: o for o in json.loads(result.stdout)["outcomes"]}


def test_unknown_labels_are_outcomes_of_their_own_and_named(write):
    # slip 3 of the issue: ICU meant infection_icu, "ivig dose" meant ivig
    path = write(HEAD + ROWS)
    result = run("compare", path, "-f", "json")
    found = outcomes(result)
    assert "icu" in found and "ivig dose" in found
    note = (
        "ivigblina: warning: event labels compared as outcomes of their own: icu (1 row), ivig dose (1 row); "
        "map them with --event-map FROM=TO (FROM=FROM keeps one as an outcome and silences this)\n"
    )
    assert note in result.stderr
    assert json.loads(result.stdout)["input"]["unknown_labels"] == {"icu": 1, "ivig dose": 1}


def test_the_event_map_renames_labels_before_anything_else(write):
    path = write(HEAD + ROWS)
    result = run("compare", path, "-f", "json", "--event-map", " icu =infection_icu", "--event-map", "IVIG DOSE=ivig")
    found = outcomes(result)
    assert "icu" not in found and "ivig dose" not in found
    assert found["infection_icu"]["groups"]["ivig"]["events"] == 1
    assert "compared as outcomes of their own" not in result.stderr
    document = json.loads(result.stdout)
    assert document["input"]["unknown_labels"] == {}
    assert document["meta"]["options"]["event_map"] == {"icu": "infection_icu", "IVIG DOSE": "ivig"}
    nadir = {
        r["patient_id"]: r
        for r in json.loads(
            run(
                "nadir", path, "-f", "json", "-q", "--event-map", "ivig dose=ivig", "--event-map", "ICU=infection_icu"
            ).stdout
        )
    }
    assert nadir["A"]["ivig_doses"] == 1 and nadir["A"]["infection_episodes"] == 2


def test_a_label_mapped_to_itself_is_a_declared_outcome(write):
    path = write(HEAD + ROWS)
    result = run("compare", path, "-f", "json", "--event-map", "icu=icu", "--event-map", "ivig dose=ivig")
    assert "icu" in outcomes(result)
    assert "compared as outcomes of their own" not in result.stderr


def test_strict_refuses_labels_neither_known_nor_mapped(write):
    path = write(HEAD + ROWS)
    result = run("compare", path, "--strict")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"ivigblina: error: {path}:4: an event label that is neither known nor mapped with "
        "--event-map (--strict refuses every skipped row and input warning)\n"
    )
    mapped = run("compare", path, "--strict", "--event-map", "ICU=infection_icu", "--event-map", "ivig dose=ivig", "-q")
    assert mapped.exit_code == 0, mapped.stderr


def test_the_cohort_map_merges_labels(write):
    path = write(HEAD + "A,IVIG,0,900,\nA,IVIG,10,300,\nB,ivig ,10,500,\nC,none,10,400,\n")
    result = run("compare", path, "-f", "json", "-q", "--cohort-map", "IVIG=ivig", "--cohort-map", "none=control")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["groups"] == ["control", "ivig"]
    assert document["input"]["patients_per_cohort"] == {"control": 1, "ivig": 2}
