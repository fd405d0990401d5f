"""The omnibus tests of k groups against R (tests/golden/r_kgroups.py, made by tests/golden/kgroups.R:
every number has its R call beside it), and their two-group cases against the existing goldens.

Tolerances: R's own numbers where R computes what we compute (survdiff, cuminc, chisq.test) 1e-9
relative; fisher.test's network algorithm against our enumeration 1e-9 relative (the two differ in the
last digits, see r_table1.py); glm's IRLS stops at a relative change in deviance below 1e-8, so its
deviance is the closed form to about 1e-9 absolute and its Wald interval to about 1e-8 relative.
"""

import doctest
import math

import pytest
from golden import r_kgroups
from golden.r_kgroups import DATA, GRAY, K_BY_2, LOGRANK, POISSON_LRT
from golden.r_survival import CUMINC_GOLDEN, SURVIVAL_GOLDEN
from golden.r_two_sample import BINARY_PAIRS, CHISQ_YATES, FISHER
from test_survival import competing_groups

from ivig_blina.stats import get
from ivig_blina.stats.categorical import FisherRxC
from ivig_blina.stats.competing import gray_test, gray_test_k
from ivig_blina.stats.rates import poisson_lrt
from ivig_blina.stats.survival import log_rank_k

ONE_SIDED = ("less", "greater")


def time_to_event(name):
    """(time, status) per group, in the factor's level order (a level without patients: empty)."""
    return [(group["time"], group["status"]) for group in DATA[name].values()]


def rates(name):
    """(episodes, patient-days) per group: the sums over the group's rows, as glm's model does."""
    return [(sum(group["x"]), sum(group["days"])) for group in DATA[name].values()]


# ---------------------------------------------------------------- log-rank
@pytest.mark.parametrize("name", list(LOGRANK))
def test_k_sample_log_rank_as_survdiff(name):
    golden, groups = LOGRANK[name], time_to_event(name)
    result = get("log-rank", "time-to-event").run(*groups)
    assert result.statistic == pytest.approx(golden["chisq"], rel=1e-9)
    assert result.pvalue == pytest.approx(golden["p_value"], rel=1e-9)
    assert result.method == f"log-rank test (df = {golden['df']})"
    assert result.estimate is None and result.ci is None
    statistic, pvalue, df, tested = log_rank_k(groups)
    assert (statistic, pvalue) == (result.statistic, result.pvalue) and df == golden["df"] == tested.sum() - 1
    # survdiff keeps the levels with patients; the warnings name the others, and those left out of the test
    with_patients = [len(time) > 0 for time, _ in groups]
    assert sum(with_patients) == golden["levels"]
    named = " ".join(result.warnings)
    for position, (has_patients, is_tested) in enumerate(zip(with_patients, tested), start=1):
        assert (f"group {position} has no patients" in named) == (not has_patients)
        assert (f"group {position} has no one at risk" in named) == (has_patients and not is_tested)


def test_k_sample_log_rank_names_what_it_leaves_out():
    warnings = get("log-rank", "time-to-event").run(*time_to_event("surv4_left_early")).warnings
    assert warnings == (
        "group 4 has no one at risk at any event time (0 expected events): left out of the test, as R's survdiff does",
    )
    warnings = get("log-rank", "time-to-event").run(*time_to_event("surv4_empty_level")).warnings
    assert warnings == ("group 3 has no patients: left out, as R's survdiff drops an empty level",)


def test_k_sample_log_rank_is_two_sided():
    groups = time_to_event("surv3")
    two_sided = get("log-rank", "time-to-event").run(*groups)
    for alternative in ONE_SIDED:
        result = get("log-rank", "time-to-event").run(*groups, alternative=alternative, confidence_level=0.9)
        assert (result.statistic, result.pvalue) == (two_sided.statistic, two_sided.pvalue)
        assert result.warnings == ("the k-sample log-rank test is two-sided; --alternative does not apply",)


def test_k_sample_log_rank_without_two_groups_to_compare():
    one_group = get("log-rank", "time-to-event").run(*time_to_event("surv3")[:1], ([], []), ([], []))
    assert one_group.statistic is None and one_group.pvalue is None and one_group.method == "log-rank test (df = 0)"
    no_events = get("log-rank", "time-to-event").run(([1, 2], [0, 0]), ([3], [0]), ([4, 5], [0, 0]))
    assert no_events.pvalue is None and "no test" in no_events.warnings[-1]


@pytest.mark.parametrize("name", list(SURVIVAL_GOLDEN))
def test_two_groups_log_rank_k_is_survdiff_and_the_two_group_test(name):
    groups = [(g["time"], g["status"]) for g in SURVIVAL_GOLDEN[name]["data"].values()]
    statistic, pvalue, df, _ = log_rank_k(groups)
    assert statistic == pytest.approx(SURVIVAL_GOLDEN[name]["survdiff"]["chisq"], rel=1e-9) and df == 1
    assert pvalue == pytest.approx(SURVIVAL_GOLDEN[name]["survdiff"]["p_value"], rel=1e-9)
    two_group = get("log-rank", "time-to-event").run(*groups)
    assert two_group.statistic == pytest.approx(statistic, rel=1e-12) and two_group.estimate is not None


# ---------------------------------------------------------------- Gray
GRAY_CASES = [(name, cause) for name in GRAY for cause in GRAY[name]]


@pytest.mark.parametrize("name, cause", GRAY_CASES, ids=[f"{n}-{c}" for n, c in GRAY_CASES])
def test_gray_k_groups_as_cuminc(name, cause):
    golden = GRAY[name][cause]
    statistic, pvalue, df = gray_test_k(time_to_event(name), cause=int(cause))
    assert df == golden["df"]
    if golden["stat"] == -1:  # cuminc: a singular covariance matrix, no test (its pv = 1 is no P value)
        assert golden["pv"] == 1 and statistic is None and pvalue is None
        return
    assert statistic == pytest.approx(golden["stat"], rel=1e-9)
    assert pvalue == pytest.approx(golden["p_upper"], rel=1e-9)
    assert pvalue == pytest.approx(golden["pv"], abs=1e-12)


@pytest.mark.parametrize("name", list(GRAY))
def test_gray_statistic_with_k_groups(name):
    golden, groups = GRAY[name]["1"], time_to_event(name)
    result = get("gray", "time-to-event").run(*groups)
    assert result.method == f"Gray's test (competing risks, df = {golden['df']})"
    assert result.estimate is None and result.ci is None
    if golden["stat"] == -1:
        assert result.pvalue is None and "no test" in result.warnings[-1]
    else:
        assert (result.statistic, result.pvalue) == pytest.approx((golden["stat"], golden["p_upper"]), rel=1e-9)
    empty = [position for position, (time, _) in enumerate(groups, start=1) if not len(time)]
    assert [w for w in result.warnings if "no patients" in w] == [
        f"group {p} has no patients: left out, as cmprsk::cuminc drops an empty level" for p in empty
    ]


def test_gray_with_k_groups_is_two_sided():
    result = get("gray", "time-to-event").run(*time_to_event("cr4"), alternative="greater")
    assert result.statistic == pytest.approx(GRAY["cr4"]["1"]["stat"], rel=1e-9)
    assert result.warnings == ("Gray's test is two-sided; --alternative does not apply",)


@pytest.mark.parametrize("name", list(CUMINC_GOLDEN))
def test_gray_test_k_with_two_groups_is_gray_test(name):
    groups = list(competing_groups(name).values())
    for cause, golden in CUMINC_GOLDEN[name]["gray_test"].items():
        c = int(cause.removeprefix("cause"))
        statistic, pvalue, df = gray_test_k(groups, cause=c)
        assert (statistic, pvalue, df) == gray_test(*groups[0], *groups[1], cause=c)  # bit for bit
        assert statistic == pytest.approx(golden["stat"], rel=1e-9) and df == golden["df"] == 1
    result = get("gray", "time-to-event").run(*groups)  # two groups: gray_test, and no df in the method
    assert result.statistic == gray_test_k(groups, cause=1)[0] and result.method == "Gray's test (competing risks)"


# ---------------------------------------------------------------- Poisson likelihood-ratio test
@pytest.mark.parametrize("name", list(POISSON_LRT))
def test_poisson_lrt_as_glm_anova(name):
    golden = POISSON_LRT[name]
    groups = rates(name)
    if len(groups) == 2:  # the factor's levels are (b, a): a is the first group, b the reference
        groups = groups[::-1]
    result = get("poisson-lrt", "rate").run(*groups)
    assert result.statistic == pytest.approx(golden["closed_form"], rel=1e-13, abs=1e-15)
    assert result.statistic == pytest.approx(golden["deviance"], rel=1e-9, abs=1e-9)
    assert result.pvalue == pytest.approx(golden["p_value"], rel=1e-8, abs=1e-10)
    assert result.method.endswith(f"(df = {golden['df']})")
    assert poisson_lrt(groups) == (result.statistic, result.pvalue, golden["df"])
    if len(groups) != 2:
        assert result.estimate is None and result.ci is None
        return
    assert result.estimand == "rate ratio (first over second), Wald interval"
    less = get("poisson-lrt", "rate").run(*groups, alternative="less")
    greater = get("poisson-lrt", "rate").run(*groups, alternative="greater")
    assert less.pvalue == pytest.approx(golden["p_less"], rel=1e-9)
    assert greater.pvalue == pytest.approx(golden["p_greater"], rel=1e-9)
    if golden["ci_low"] == 0:  # no episodes in b: glm's coefficient diverges and stops somewhere huge
        assert result.estimate == math.inf and golden["rate_ratio"] > 1e9
        assert tuple(result.ci) == (golden["ci_low"], golden["ci_high"]) == (0, math.inf)
        assert tuple(less.ci) == tuple(greater.ci) == (golden["ci90_low"], golden["ci90_high"])
        assert any("no episodes in a group" in w for w in result.warnings)
        return
    assert result.estimate == pytest.approx(golden["rate_ratio"], rel=1e-9)
    assert tuple(result.ci) == pytest.approx((golden["ci_low"], golden["ci_high"]), rel=1e-7)
    # a one-sided 95% interval has the end of the two-sided 90% one, the other end open
    assert less.ci.low == 0 and less.ci.high == pytest.approx(golden["ci90_high"], rel=1e-7)
    assert greater.ci.high == math.inf and greater.ci.low == pytest.approx(golden["ci90_low"], rel=1e-7)


def test_poisson_lrt_leaves_out_a_group_without_patient_time():
    # rate_patients: level c has no patients; glm drops the unused level and tests 3 groups on 2 df
    result = get("poisson-lrt", "rate").run(*rates("rate_patients"))
    assert rates("rate_patients")[2] == (0, 0)
    assert result.warnings == (
        "group 3 has no patient-time: left out, as R's glm has no rows (an unused level) for it",
    )
    assert result.method.endswith(f"(df = {POISSON_LRT['rate_patients']['df']})")


def test_poisson_lrt_edge_cases():
    lrt = get("poisson-lrt", "rate")
    all_zero = lrt.run(*rates("rate3_all_zero"))
    assert (all_zero.statistic, all_zero.pvalue) == (POISSON_LRT["rate3_all_zero"]["deviance"], 1.0)
    assert all_zero.warnings == ("no episodes in any group: the statistic is 0 and P is 1, as R's glm gives",)
    both_zero = lrt.run((0, 400), (0, 350))
    assert both_zero.estimate is None and tuple(both_zero.ci) == (0, math.inf)
    first_zero = lrt.run((0, 350), (3, 400))
    assert first_zero.estimate == 0 and tuple(first_zero.ci) == (0, math.inf)
    impossible = lrt.run((3, 400), (1, 0), (2, 100))
    assert impossible.pvalue is None
    assert impossible.warnings == (
        "group 2 has episodes but no patient-time; no test (R's glm fails on the offset log(0))",
    )
    alone = lrt.run((3, 400), (0, 0))
    assert alone.pvalue is None and alone.warnings[-1] == "fewer than two groups with patient-time; no test"
    one_sided_k = lrt.run(*rates("rate3"), alternative="less")
    assert one_sided_k.pvalue == pytest.approx(POISSON_LRT["rate3"]["p_value"], rel=1e-8)
    assert one_sided_k.warnings == ("the likelihood-ratio test of k rates is two-sided; --alternative does not apply",)
    with pytest.raises(ValueError, match="episodes and patient-days"):
        lrt.run((3, 400), (-1, 100))
    with pytest.raises(ValueError, match="episodes but no patient-days"):
        poisson_lrt([(3, 400), (1, 0)])


def test_poisson_lrt_is_registered_for_rates_and_k_groups():
    statistic = get("poisson-lrt", "rate")
    assert statistic.groups == "k" and statistic.kind == "rate"


# ---------------------------------------------------------------- k x 2 tables
@pytest.mark.parametrize("name", list(K_BY_2))
def test_fisher_and_chi_square_of_k_groups_as_r(name):
    golden, groups = K_BY_2[name], DATA[name]
    fisher = get("fisher", "binary").run(*groups)
    assert fisher.pvalue == pytest.approx(golden["fisher_p_value"], rel=1e-9)
    assert fisher.estimate is None and fisher.ci is None and fisher.method.startswith("Fisher's exact test (")
    chisq = get("chi-square", "binary").run(*groups)
    below_five = any("expected count is below 5" in w for w in chisq.warnings)
    if golden["chisq_statistic"] is None:  # an empty row: R gives NaN (and warns: an expected count of 0)
        assert golden["chisq_p_value"] is None and golden["chisq_warns"]
        assert chisq.statistic is None and chisq.pvalue is None and "no test (R gives NaN)" in chisq.warnings[0]
        assert golden["chisq_df"] == len(groups) - 1
        return
    assert chisq.statistic == pytest.approx(golden["chisq_statistic"], rel=1e-12)
    assert chisq.pvalue == pytest.approx(golden["chisq_p_value"], rel=1e-12)
    assert chisq.method == f"Pearson's chi-square test (df = {golden['chisq_df']})"
    assert below_five == golden["chisq_warns"]


def test_fisher_of_k_groups_leaves_out_a_group_without_patients():
    golden, groups = K_BY_2["bin4_empty_group"], DATA["bin4_empty_group"]
    assert groups[1] == (0, 0) and golden["same_fisher_p_without_the_empty_row"]
    with_empty = get("fisher", "binary").run(*groups)
    without = get("fisher", "binary").run(groups[0], *groups[2:])
    assert with_empty.pvalue == without.pvalue
    assert with_empty.warnings == ("group 2 has no patients: its empty row left out, as R's P is unchanged",)


def test_fisher_of_k_groups_uses_monte_carlo_beyond_the_budget(monkeypatch):
    from ivig_blina.stats import categorical

    monkeypatch.setattr(categorical, "MAX_TABLES", 10)
    result = get("fisher", "binary").run(*DATA["bin4"], permutations=20_000, seed=3, alternative="less")
    assert "Monte Carlo (20,000 tables, seed 3;" in result.method
    # within Monte Carlo error of the exact P: its standard error is about 0.0023
    assert result.pvalue == pytest.approx(K_BY_2["bin4"]["fisher_p_value"], abs=0.01)
    assert result.warnings == ("the r x c test is two-sided; --alternative does not apply",)


@pytest.mark.parametrize("pair", BINARY_PAIRS, ids=lambda pair: pair["key"])
def test_two_groups_keep_the_2x2_tests(pair):
    # two groups are still the 2 x 2 tests (odds ratio, Yates), whose P the k x 2 path agrees with
    a, b = (pair["e1"], pair["n1"]), (pair["e2"], pair["n2"])
    fisher = get("fisher", "binary").run(a, b)
    assert fisher.pvalue == pytest.approx(FISHER[pair["key"]]["two.sided"][0.95]["p_value"], rel=1e-9)
    assert fisher.estimate is not None and fisher.method == "Fisher's exact test"
    table = FisherRxC().run((a[0], a[1] - a[0]), (b[0], b[1] - b[0]))
    assert table.pvalue == pytest.approx(fisher.pvalue, rel=1e-9)
    chisq = get("chi-square", "binary").run(a, b)
    assert chisq.statistic == pytest.approx(CHISQ_YATES[pair["key"]]["statistic"], rel=1e-12)
    assert chisq.method == "Pearson's chi-square test with Yates' continuity correction"


# ---------------------------------------------------------------- the golden file itself
def test_golden_versions_are_those_of_the_survival_goldens():
    from golden import r_survival

    assert r_kgroups.R_VERSION == r_survival.R_VERSION
    assert (r_kgroups.SURVIVAL_VERSION, r_kgroups.CMPRSK_VERSION) == (
        r_survival.SURVIVAL_VERSION,
        r_survival.CMPRSK_VERSION,
    )


def test_docstring_examples_run():
    from ivig_blina.stats import competing, omnibus, rates, survival

    for module in (competing, omnibus, rates, survival):
        failures, tried = doctest.testmod(module)
        assert tried and not failures, module.__name__
