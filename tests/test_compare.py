"""The comparison: the paper reproduced, group order, and row-order invariance."""

import json

import pytest
from conftest import WO, run

from ivig_blina.analyses.comparison import choose_groups, compare
from ivig_blina.cohort.load import load
from ivig_blina.errors import IvigBlinaError


def wo_outcomes(*extra):
    result = run("compare", WO, "--groups", "ivig,control", "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return {o["outcome"]: o for o in json.loads(result.stdout)["outcomes"]}


def test_the_example_reproduces_the_wo_2022_abstract():
    # Wo et al., Blood Res 2022;57(2):135-143, abstract, at its published precision.
    o = wo_outcomes()
    assert [o["igg_nadir"]["groups"][g]["median"] for g in ("ivig", "control")] == [338, 337]
    assert round(o["igg_nadir"]["p_value"], 3) == 0.641
    assert [o["days_to_nadir"]["groups"][g]["median"] for g in ("ivig", "control")] == [120.5, 85.5]
    assert o["days_to_nadir"]["groups"]["ivig"]["n"] == 16  # one IVIG patient has no follow-up IgG
    assert round(o["days_to_nadir"]["p_value"], 2) == 0.13
    for outcome, percents, p in (
        ("infection", (82.4, 66.7), 0.58),
        ("infection_icu", (23.5, 16.7), 1),
        ("infection_death", (17.6, 16.7), 1),
    ):
        groups = o[outcome]["groups"]
        assert [round(100 * groups[g]["proportion"], 1) for g in ("ivig", "control")] == list(percents)
        assert round(o[outcome]["p_value"], 2) == p


def test_the_example_matches_r_at_full_precision():
    o = wo_outcomes()
    # wilcox.test(iv, ct) on the example's nadirs (tests/test_stats.py lists them)
    assert o["igg_nadir"]["statistic"] == 55
    assert o["igg_nadir"]["p_value"] == pytest.approx(0.640665835712275, abs=1e-9)
    # fisher.test(matrix(c(14, 3, 4, 2), 2, byrow=TRUE))$p.value
    assert o["infection"]["p_value"] == pytest.approx(0.575618889120033, abs=1e-9)


def test_outcomes_come_in_the_documented_order(write):
    path = write("patient_id,cohort,day,igg_mg_dl,event\nA,x,10,300,\nA,x,20,,sepsis\nB,y,10,500,\nB,y,30,,death\n")
    result = run("compare", path, "--format", "json")
    assert [o["outcome"] for o in json.loads(result.stdout)["outcomes"]] == [
        "igg_nadir",
        "days_to_nadir",
        "hgg",
        "infection",
        "infection_icu",
        "infection_death",
        "death",
        "sepsis",
        "pct_drop",
        "days_below_threshold",
        "area_below_threshold",
        "time_to_infection",
        "infection_rate",
    ]


def test_swapping_the_groups_keeps_p_and_mirrors_u():
    forward, backward = wo_outcomes(), run("compare", WO, "--groups", "control,ivig", "--format", "json")
    backward = {o["outcome"]: o for o in json.loads(backward.stdout)["outcomes"]}
    for name, o in forward.items():
        assert backward[name]["p_value"] == pytest.approx(o["p_value"], abs=1e-12)
        if o["kind"] == "continuous":
            n_a, n_b = (o["groups"][g]["n"] for g in ("ivig", "control"))
            assert backward[name]["statistic"] == n_a * n_b - o["statistic"]


def test_results_never_depend_on_row_order(write):
    lines = WO.read_text().splitlines()
    shuffled = write("\n".join([lines[0]] + sorted(lines[1:], reverse=True)) + "\n")
    a = json.loads(run("compare", WO, "-f", "json").stdout)
    b = json.loads(run("compare", shuffled, "-f", "json").stdout)
    assert a["outcomes"] == b["outcomes"]


def test_patients_without_a_nadir_are_left_out_of_hgg_but_not_of_events():
    cmp = compare(load(str(WO), require_cohort=True), ("ivig", "control"))
    by_name = {o.outcome: o for o in cmp.outcomes}
    assert by_name["hgg"].groups["ivig"].n == 16
    assert by_name["infection"].groups["ivig"].n == 17


def test_choose_groups():
    assert choose_groups(["b", "a", "b"], None, "f.csv") == ("a", "b")
    assert choose_groups(["b", "a", "c"], ("c", "a"), "f.csv") == ("c", "a")
    with pytest.raises(IvigBlinaError, match="found 3 .*--groups"):
        choose_groups(["b", "a", "c"], None, "f.csv")
    with pytest.raises(IvigBlinaError, match="'z'.*cohorts: a, b"):
        choose_groups(["a", "b"], ("a", "z"), "f.csv")


def test_a_group_without_values_gets_no_test(write):
    path = write("patient_id,cohort,day,igg_mg_dl\nA,x,10,300\nB,y,-3,500\n")
    o = {x["outcome"]: x for x in json.loads(run("compare", path, "-f", "json").stdout)["outcomes"]}
    assert o["igg_nadir"]["p_value"] is None
    assert o["igg_nadir"]["groups"]["y"] == {"n": 0, "median": None, "q1": None, "q3": None}
    assert "no values in group 'y'" in o["igg_nadir"]["warnings"][0]


def test_cohort_labels_that_differ_only_in_case_or_spaces_are_named(write):
    path = write("patient_id,cohort,day,igg_mg_dl\nA,IVIG,10,300\nB,ivig ,10,500\nC,control,10,400\n")
    result = run("compare", path)
    assert result.exit_code == 1
    assert (
        "found 3 (IVIG, control, ivig); choose them with --groups A,B (or A,B,C, or all) ('IVIG' and 'ivig' "
        "differ only in case or spaces: the same cohort?)" in result.stderr
    )


def test_competing_risks_need_a_cohort_loaded_with_them():
    with pytest.raises(ValueError, match="competing_risk: the cohort was loaded without competing risks"):
        compare(load(str(WO), require_cohort=True), ("ivig", "control"), competing_risk=True)
    done = compare(load(str(WO), require_cohort=True, competing_risk=True), ("ivig", "control"), competing_risk=True)
    assert done.outcomes[-2].outcome == "time_to_infection" and done.outcomes[-2].test == "gray"
