"""Infection episodes by pathogen (issue 15, "Infection burden"), worked by hand from
conftest.GRADED: follow-up 60 + 30 + 80 = 170 patient-days in ivig, 45 + 20 = 65 in control."""

import doctest

import pytest
from conftest import GRADED, WO

import ivig_blina
from ivig_blina.cohort import pathogens
from ivig_blina.cohort.pathogens import breakdown_frame, infection_breakdown
from ivig_blina.errors import IvigBlinaError


def entry(pathogen: str, ivig: int, control: int) -> dict:
    return {
        "pathogen": pathogen,
        "groups": {
            "ivig": {"episodes": ivig, "rate_per_100_patient_days": pytest.approx(100 * ivig / 170)},
            "control": {"episodes": control, "rate_per_100_patient_days": pytest.approx(100 * control / 65)},
        },
    }


def test_episodes_and_rates_by_pathogen_and_cohort(write):
    cohort = ivig_blina.load(write(GRADED))
    # ivig: bacterial on days 10 (A1), 5 and 30 (A2, ' bacterial ' trimmed), viral on day 20 (A1), fungal on
    # day 15 (A2), none named on day 50 (A3; day -3 is before day 0); control: viral on days 7 and 25 and
    # bacterial on day 7 (C1), fungal on day 12 (C2; day 25 is after the death), none named on day 45 (C1)
    assert infection_breakdown(cohort, ["ivig", "control"]) == [
        entry("bacterial", 3, 1),
        entry("fungal", 1, 1),
        entry("viral", 1, 2),
        entry("unspecified", 1, 1),
    ]


def test_min_grade_leaves_the_same_infections_out(write):
    cohort = ivig_blina.load(write(GRADED), min_grade=3)
    # grade 3 or above: ivig bacterial on days 10, 5 (grade 4), 30 (grade 5); control viral and bacterial on day 7
    assert infection_breakdown(cohort, ["ivig", "control"]) == [entry("bacterial", 3, 1), entry("viral", 0, 1)]


def test_the_groups_add_up_to_the_infection_rate():
    for min_grade in (None, 2, 3, 5):
        cohort = ivig_blina.load("examples/graded_infections.csv", min_grade=min_grade)
        result = ivig_blina.compare(cohort, ("ivig", "control"))
        rate = next(o for o in result.outcomes if o.outcome == "infection_rate").groups
        breakdown = infection_breakdown(cohort, ["ivig", "control"])
        for group in ("ivig", "control"):
            by_pathogen = [e["groups"][group] for e in breakdown]
            assert sum(g["episodes"] for g in by_pathogen) == rate[group].episodes
            assert sum(g["rate_per_100_patient_days"] for g in by_pathogen) == pytest.approx(
                rate[group].rate_per_100_patient_days
            )


def test_without_a_pathogen_column_every_episode_is_unspecified():
    cohort = ivig_blina.load(str(WO))
    episodes = cohort.table.groupby("cohort").infection_episodes.sum()
    days = cohort.table.groupby("cohort").follow_up_days.sum()
    assert infection_breakdown(cohort, ["control", "ivig"]) == [
        {
            "pathogen": "unspecified",
            "groups": {
                g: {"episodes": episodes[g], "rate_per_100_patient_days": pytest.approx(100 * episodes[g] / days[g])}
                for g in ("control", "ivig")
            },
        }
    ]


def test_the_patients_counted_can_be_a_subset_and_groups_are_checked(write):
    cohort = ivig_blina.load(write(GRADED))
    without_a2 = cohort.table[cohort.table.patient_id != "A2"]
    result = infection_breakdown(cohort, ["ivig"], without_a2)
    assert [(e["pathogen"], e["groups"]["ivig"]["episodes"]) for e in result] == [
        ("bacterial", 1),
        ("viral", 1),
        ("unspecified", 1),
    ]
    assert result[0]["groups"]["ivig"]["rate_per_100_patient_days"] == pytest.approx(100 / 140)
    with pytest.raises(IvigBlinaError, match="group 'none' is not a cohort of the file"):
        infection_breakdown(cohort, ["ivig", "none"])


def test_a_group_without_patient_days_has_no_rate(write):
    cohort = ivig_blina.load(
        write("patient_id,cohort,day,igg_mg_dl,event,pathogen\nA,x,0,500,,\nA,x,4,,infection,CMV\nB,y,0,600,,\n")
    )
    assert infection_breakdown(cohort, ["x", "y"]) == [
        {
            "pathogen": "CMV",
            "groups": {
                "x": {"episodes": 1, "rate_per_100_patient_days": 25.0},
                "y": {"episodes": 0, "rate_per_100_patient_days": None},
            },
        }
    ]


def test_the_text_is_kept_as_given_and_escaped_on_a_terminal(write):
    from ivig_blina.render.text import rows_table

    header = "patient_id,cohort,day,igg_mg_dl,event,pathogen\n"
    cohort = ivig_blina.load(write(header + "A,x,0,500,,\nA,x,4,,infection,E. \x1b[2Jcoli\nB,y,8,600,,\n"))
    breakdown = infection_breakdown(cohort, ["x", "y"])
    assert breakdown[0]["pathogen"] == "E. \x1b[2Jcoli"  # machine formats keep the file's text
    frame = breakdown_frame(breakdown, ["x", "y"])
    assert list(frame.columns) == ["pathogen", "episodes_x", "rate_x", "episodes_y", "rate_y"]
    shown = rows_table(frame.to_dict("records"), list(frame.columns))
    assert "E. \\x1b[2Jcoli" in shown and "\x1b" not in shown


def test_the_docstring_example_runs():
    failed, attempted = doctest.testmod(pathogens)
    assert attempted and not failed


def test_compare_with_burden_reports_the_breakdown_in_json(write):
    import json

    from conftest import run

    path = write(GRADED)
    result = run("compare", path, "--groups", "ivig,control", "--burden", "--min-grade", "3", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["infection_breakdown"] == [entry("bacterial", 3, 1), entry("viral", 0, 1)]
    plain = json.loads(run("compare", path, "--groups", "ivig,control", "-f", "json", "-q").stdout)
    assert "infection_breakdown" not in plain  # only with --burden
