"""More than two cohorts and strata in `compare`: the shape of the results in every form, the
pairs against two-group comparisons, usage errors and the notes on strata. The numbers
themselves are checked against R in test_compare_k.py."""

import json

import pytest
from conftest import ROOT, assert_usage_error, run

import ivig_blina
from ivig_blina.analyses.results import PAIR_KEYS
from ivig_blina.stats.adjust import adjust

THREE = ROOT / "examples" / "three_cohorts.csv"
COHORTS = ["ivig_day0", "ivig_on_demand", "none"]


@pytest.fixture(scope="module")
def three():
    return ivig_blina.compare(ivig_blina.load(str(THREE)), groups=["all"], pairwise=True)


def test_all_is_every_cohort_in_sorted_order_and_each_outcome_has_an_omnibus_row(three):
    assert three.groups == tuple(COHORTS)
    by_name = {o.outcome: o for o in three.outcomes}
    assert by_name["igg_nadir"].test == "kruskal-wallis"
    assert by_name["infection_rate"].test == "poisson-lrt"
    for o in three.outcomes:
        assert list(o.groups) == COHORTS
        assert o.result is not None and o.result.estimate is None and o.risk_difference is None
        assert [(p.a, p.b) for p in o.pairwise] == [
            (COHORTS[0], COHORTS[1]),
            (COHORTS[0], COHORTS[2]),
            (COHORTS[1], COHORTS[2]),
        ]


def test_each_pair_is_the_two_group_comparison_of_that_pair_adjusted_across_the_pairs(three):
    cohort = ivig_blina.load(str(THREE))
    for i, j in ((0, 1), (0, 2), (1, 2)):
        two = {o.outcome: o for o in ivig_blina.compare(cohort, groups=[COHORTS[i], COHORTS[j]]).outcomes}
        for o in three.outcomes:
            pair = next(p for p in o.pairwise if (p.a, p.b) == (COHORTS[i], COHORTS[j]))
            assert pair.test == two[o.outcome].test
            assert pair.result == two[o.outcome].result
    for o in three.outcomes:
        assert [p.p_adjusted for p in o.pairwise] == adjust([p.result.pvalue for p in o.pairwise], "holm")


def test_wide_columns_number_the_groups_and_two_groups_keep_a_and_b(three):
    columns = three.wide_columns()
    assert ["group_1", "group_2", "group_3"] == [c for c in columns if c.startswith("group_")]
    assert {"n_1", "n_2", "n_3", "median_3", "events_2"} <= set(columns)
    assert not any(c.endswith("_a") or c.endswith("_b") for c in columns)
    assert [c for c in columns if c.startswith("pair_1_3_")] == [f"pair_1_3_{k}" for k in PAIR_KEYS]
    frame = three.to_frame().set_index("outcome")
    nadir = next(o for o in three.outcomes if o.outcome == "igg_nadir")
    assert frame.loc["igg_nadir", "pair_2_3_p_value"] == nadir.pairwise[2].result.pvalue
    assert frame.loc["igg_nadir", "n_2"] == nadir.groups["ivig_on_demand"].n
    two = ivig_blina.compare(ivig_blina.load(str(THREE)), groups=["none", "ivig_day0"]).wide_columns()
    assert "group_a" in two and "n_b" in two and not any(c.startswith("pair_") for c in two)


def test_json_pairs_and_csv_through_the_cli():
    result = run("compare", THREE, "--groups", "none,ivig_day0,ivig_on_demand", "--pairwise", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["groups"] == ["none", "ivig_day0", "ivig_on_demand"]
    assert document["meta"]["options"]["pairwise_adjust"] == "holm"
    infection = next(o for o in document["outcomes"] if o["outcome"] == "infection")
    assert infection["estimate"] is None and list(infection["groups"]) == document["groups"]
    assert [(p["a"], p["b"]) for p in infection["pairwise"]] == [
        ("none", "ivig_day0"),
        ("none", "ivig_on_demand"),
        ("ivig_day0", "ivig_on_demand"),
    ]
    assert {"a", "b", "test", "p_value", "p_adjusted", "estimate", "ci_low", "ci_high"} <= set(infection["pairwise"][0])
    csv = run("compare", THREE, "--groups", "all", "-f", "csv", "-q")
    header = csv.stdout.splitlines()[0].split(",")
    assert "group_3" in header and "pairwise_test" not in header
    assert len(csv.stdout.splitlines()) == 1 + len(document["outcomes"])


def test_the_terminal_shows_every_group_and_the_pairs():
    result = run("compare", THREE, "--groups", "all", "--pairwise", "--adjust", "holm", "-q")
    assert result.exit_code == 0, result.stderr
    assert "ivig_day0 vs ivig_on_demand vs none" in result.stdout
    assert "holm-adjusted across each outcome's pairs" in result.stdout
    assert "ivig_on_demand vs none" in result.stdout


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--groups", "all", "--alternative", "less"], "--alternative"),
        (["--groups", "all", "--strata", "centre"], "--strata"),
        (["--groups", "ivig_day0,none", "--exact"], "--exact"),
        (["--groups", "all", "--test", "continuous=welch-t"], "--test"),
        (["--groups", "all", "--pairwise-adjust", "tukey"], "--pairwise-adjust"),
        (["--groups", "none,none,ivig_day0"], "--groups"),
    ],
)
def test_what_k_cohorts_cannot_do_is_a_usage_error(args, option):
    assert_usage_error(run("compare", THREE, *args), option)


def test_a_two_group_test_named_with_pairwise_is_the_pairs_test():
    result = ivig_blina.compare(
        ivig_blina.load(str(THREE)), groups=["all"], tests={"continuous": "welch-t"}, pairwise=True
    )
    nadir = result.outcomes[0]
    assert nadir.test == "kruskal-wallis" and {p.test for p in nadir.pairwise} == {"welch-t"}
    assert result.options["pairwise_tests"]["continuous"] == "welch-t"


def test_a_cohort_named_all_is_reached_only_by_listing(write):
    rows = "".join(f"{p},{c},1,{300 + 10 * i}\n" for i, (p, c) in enumerate(zip("ABCDEF", ["all", "x"] * 3)))
    path = write("patient_id,cohort,day,igg_mg_dl\n" + rows)
    assert run("compare", path, "--groups", "all").exit_code == 2  # one cohort named all: not two cohorts
    listed = run("compare", path, "--groups", "all,x", "-f", "json", "-q")
    assert listed.exit_code == 0 and json.loads(listed.stdout)["groups"] == ["all", "x"]


def test_a_strata_name_that_is_not_a_column_is_one_line_listing_the_columns():
    result = run("compare", THREE, "--groups", "ivig_day0,none", "--strata", "center")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "'center'" in result.stderr and "centre" in result.stderr


def strata_file(write, centres: dict[str, str]) -> str:
    rows = []
    for i, (pid, centre) in enumerate(centres.items()):
        cohort = "x" if i % 2 else "y"
        rows += [
            f"{pid},{cohort},-1,900,,{centre}",
            f"{pid},{cohort},{20 + i},{300 + 17 * i},,",
            f"{pid},{cohort},40,,infection,",
        ]
    return write("patient_id,cohort,day,igg_mg_dl,event,centre\n" + "\n".join(rows) + "\n")


def test_strata_notes_say_who_was_left_out_and_which_strata_hold_one_cohort(write):
    path = strata_file(write, {"P1": "A", "P2": "A", "P3": "B", "P4": "B", "P5": "", "P6": "C", "P8": "A"})
    result = ivig_blina.compare(ivig_blina.load(path, covariates=["centre"]), strata="centre")
    assert result.notes[0].startswith("1 patient(s) without a value of 'centre' are left out of the comparison: P5")
    assert "hold one cohort only" in result.notes[1] and result.notes[1].endswith(": C")
    assert result.excluded_patients == 1
    assert sum(s.n for s in result.outcomes[2].groups.values()) == 6  # hgg: everyone with a stratum has a nadir
    assert result.meta["options"]["strata"] == "centre"
    document = result.to_dict()
    assert document["notes"] == list(result.notes)


def test_many_strata_are_a_warning_not_a_crash(write):
    path = strata_file(write, {f"P{i:02d}": f"site{i // 2}" for i in range(104)})
    result = ivig_blina.compare(ivig_blina.load(path, covariates=["centre"]), strata="centre")
    assert any("52 strata: is it a categorical covariate?" in n for n in result.notes)


def test_a_statistic_without_strata_says_it_is_not_stratified():
    result = ivig_blina.compare(
        ivig_blina.load(str(THREE), covariates=["centre"]), groups=["ivig_day0", "none"], strata="centre"
    )
    rate = next(o for o in result.outcomes if o.outcome == "infection_rate")
    assert "not stratified: the statistic 'poisson-exact' takes no strata" in rate.warnings
    nadir = result.outcomes[0]
    assert "stratified" in nadir.result.method and not any("not stratified" in w for w in nadir.warnings)


def test_labels_rename_the_cohorts_in_compare_table1_and_the_report(tmp_path):
    from conftest import WO

    labels = "ivig=IVIG prophylaxis,control=No IVIG"
    plain = json.loads(run("compare", WO, "--groups", "ivig,control", "-f", "json", "-q").stdout)
    shown = json.loads(run("compare", WO, "--groups", "ivig,control", "--labels", labels, "-f", "json", "-q").stdout)
    assert shown["groups"] == ["IVIG prophylaxis", "No IVIG"]
    assert shown["meta"]["options"]["groups"] == ["ivig", "control"]
    assert shown["meta"]["options"]["labels"] == {"ivig": "IVIG prophylaxis", "control": "No IVIG"}
    for before, after in zip(plain["outcomes"], shown["outcomes"]):
        assert after["groups"] == {"IVIG prophylaxis": before["groups"]["ivig"], "No IVIG": before["groups"]["control"]}
        assert after["p_value"] == before["p_value"]
    table = json.loads(run("table1", WO, "--labels", labels, "-f", "json", "-q").stdout)
    assert table["groups"] == ["No IVIG", "IVIG prophylaxis", "overall"]
    out = tmp_path / "study.md"
    assert run("report", WO, "--labels", labels, "--no-figures", "-q", "-o", out).exit_code == 0
    assert "in IVIG prophylaxis" in out.read_text()
    refused = run("compare", WO, "--labels", "ivg=IVIG", "-q")
    assert refused.exit_code == 1 and "cohort 'ivg' given by --labels is not a cohort of the file" in refused.stderr
    assert run("table1", WO, "--labels", "ivig=overall", "-q").exit_code == 2
