"""Time to event and rates against R (tests/golden/r_survival.py: every number has its R call)."""

import json
import math

import numpy as np
import pytest
from conftest import WO, run
from golden.r_survival import CUMINC_GOLDEN, POISSON_GOLDEN, SURVIVAL_GOLDEN, WO_DERIVED
from scipy import stats

from ivig_blina.stats import get
from ivig_blina.stats.competing import aalen_johansen, cif_at, gray_test
from ivig_blina.stats.survival import kaplan_meier

DATASETS = list(SURVIVAL_GOLDEN)


def groups(name):
    data = SURVIVAL_GOLDEN[name]["data"]
    return [(g, (data[g]["time"], data[g]["status"])) for g in data]


def same(value, expected, tolerance):
    if expected is None:
        return value is None or (isinstance(value, float) and math.isnan(value))
    return value == pytest.approx(expected, abs=tolerance)


@pytest.mark.parametrize("name", DATASETS)
def test_log_rank_and_cox_hazard_ratio(name):
    (_, a), (_, b) = groups(name)
    golden = SURVIVAL_GOLDEN[name]
    result = get("log-rank", "time-to-event").run(a, b)
    assert result.statistic == pytest.approx(golden["survdiff"]["chisq"], abs=1e-9)
    assert result.pvalue == pytest.approx(golden["survdiff"]["p_value"], abs=1e-9)
    assert result.estimate == pytest.approx(golden["coxph"]["hr"], abs=1e-6)
    assert result.ci == pytest.approx((golden["coxph"]["hr_lower95"], golden["coxph"]["hr_upper95"]), abs=1e-6)


@pytest.mark.parametrize("name", DATASETS)
def test_log_rank_from_survdiffs_observed_expected_and_variance(name):
    (first, a), (second, b) = groups(name)
    golden = SURVIVAL_GOLDEN[name]["survdiff"]
    observed, expected, variance = golden[first]["observed"], golden[first]["expected"], golden["var_11"]
    for group, (time, status) in ((first, a), (second, b)):
        assert golden[group]["n"] == len(time) and golden[group]["observed"] == sum(s == 1 for s in status)
    assert observed + golden[second]["observed"] == pytest.approx(expected + golden[second]["expected"], abs=1e-12)
    result = get("log-rank", "time-to-event").run(a, b)
    assert result.statistic == pytest.approx((observed - expected) ** 2 / variance, abs=1e-12)
    assert result.pvalue == pytest.approx(golden["p_value_survdiff_component"], abs=1e-12)
    assert result.pvalue == pytest.approx(stats.chi2.sf(result.statistic, golden["df"]), abs=1e-15)
    # one-sided: the first group's observed minus expected events, standardised
    z = (observed - expected) / math.sqrt(variance)
    greater = get("log-rank", "time-to-event").run(a, b, alternative="greater")
    less = get("log-rank", "time-to-event").run(a, b, alternative="less")
    assert (greater.pvalue, less.pvalue) == pytest.approx((stats.norm.sf(z), stats.norm.cdf(z)), abs=1e-12)


def efron_log_likelihood(beta, time, event, x):
    """Cox partial log likelihood with Efron's ties, one loop per event time (the reference)."""
    total = 0.0
    for t in np.unique(time[event == 1]):
        dead, at_risk = (time == t) & (event == 1), time >= t
        d, risk, tied = dead.sum(), np.exp(beta * x[at_risk]).sum(), np.exp(beta * x[dead]).sum()
        total += beta * x[dead].sum() - sum(math.log(risk - k / d * tied) for k in range(d))
    return total


@pytest.mark.parametrize("name", DATASETS)
def test_cox_model_as_coxph(name):
    (first, a), (second, b) = groups(name)
    golden = SURVIVAL_GOLDEN[name]["coxph"]
    # R's hazard ratio is the first group's over the second's, as ours
    assert (golden["hr_numerator_group"], golden["hr_reference_group"]) == (first, second)
    assert golden["coef_name"] == f'relevel(group, ref = "{second}"){first}'
    result = get("log-rank", "time-to-event").run(a, b)
    beta = math.log(result.estimate)
    se = math.log(result.ci[1] / result.ci[0]) / (2 * stats.norm.ppf(0.975))
    assert (beta, se) == pytest.approx((golden["coef"], golden["se"]), abs=1e-9)
    assert beta / se == pytest.approx(golden["z"], abs=1e-9)
    assert (beta / se) ** 2 == pytest.approx(golden["wald_test"], abs=1e-9)
    assert 2 * stats.norm.sf(abs(beta / se)) == pytest.approx(golden["wald_p"], abs=1e-9)
    assert golden["wald_test_p"] == pytest.approx(golden["wald_p"], abs=1e-15)
    # the partial likelihood at 0 and at our estimate is R's: our beta maximises the same function
    time = np.concatenate([a[0], b[0]]).astype(float)
    event = np.concatenate([a[1], b[1]])
    x = np.r_[np.ones(len(a[0])), np.zeros(len(b[0]))]
    assert (golden["n"], golden["nevent"]) == (len(time), int((event == 1).sum()))
    null, fit = efron_log_likelihood(0.0, time, event, x), efron_log_likelihood(beta, time, event, x)
    assert (null, fit) == pytest.approx((golden["loglik_null"], golden["loglik_fit"]), abs=1e-9)
    assert 2 * (fit - null) == pytest.approx(golden["lr_test"], abs=1e-9)
    assert stats.chi2.sf(2 * (fit - null), 1) == pytest.approx(golden["lr_p"], abs=1e-9)
    # Cox's score test is the log-rank test only without tied event times
    event_times = time[event == 1]
    tied = len(np.unique(event_times)) < len(event_times)
    assert tied == (name in ("small", "ties_censor"))
    if tied:
        assert result.statistic != pytest.approx(golden["score_test"], abs=1e-6)
        assert result.pvalue != pytest.approx(golden["score_p"], abs=1e-6)
    else:
        assert (result.statistic, result.pvalue) == pytest.approx((golden["score_test"], golden["score_p"]), abs=1e-12)


@pytest.mark.parametrize("name", DATASETS)
def test_kaplan_meier_table_median_and_landmarks(name):
    for group, (time, status) in groups(name):
        expected = SURVIVAL_GOLDEN[name]["km"][group]
        km = kaplan_meier(time, status)
        table = expected["table"]
        assert list(km.time) == table["time"] and list(km.n_risk) == table["n_risk"]
        assert list(km.n_event) == table["n_event"] and list(km.n_censor) == table["n_censor"]
        assert (expected["records"], expected["events"]) == (km.n_risk[0], km.n_event.sum())
        assert km.last_time == SURVIVAL_GOLDEN[name]["data"][group]["last_followup"]
        for column in ("surv", "std_err", "lower", "upper"):
            for value, want in zip(getattr(km, column), table[column]):
                assert same(float(value), want, 1e-12), (group, column)
        median, low, high = km.median()
        assert (median, low, high) == (expected["median"], expected["median_lower95"], expected["median_upper95"])
        # summary(km, times=c(30,90,180)) drops the times beyond a group's last follow-up: we give null there
        at = expected["at_times_extend_false"]
        for day in (30, 90, 180):
            value = km.at(day)
            if day not in at["time"]:
                assert value is None
            else:
                i = at["time"].index(day)
                assert value == pytest.approx((at["surv"][i], at["lower"][i], at["upper"][i]), abs=1e-12)


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("extend", [True, False])
def test_kaplan_meier_at_fixed_times_as_summary_survfit(name, extend):
    # summary(km, times=c(30, 90, 180), extend=): our table read as a step function at each time.
    # Beyond a group's last follow-up R (extend=TRUE) carries the last row forward with nobody at
    # risk, and (extend=FALSE) drops the time; we report None there.
    for group, (time, status) in groups(name):
        km = kaplan_meier(time, status)
        at = SURVIVAL_GOLDEN[name]["km"][group][f"at_times_extend_{'true' if extend else 'false'}"]
        beyond = at.get("beyond_last_followup", [False] * len(at["time"]))
        if not extend:
            assert at["time"] == [day for day in (30, 90, 180) if day <= km.last_time]
        previous = 0
        for i, day in enumerate(at["time"]):
            row = int(np.searchsorted(km.time, day, side="right")) - 1
            assert beyond[i] == (day > km.last_time) == (km.at(day) is None), (group, day)
            first_at_or_after = int(np.searchsorted(km.time, day, side="left"))
            n_risk = km.n_risk[first_at_or_after] if first_at_or_after < len(km.time) else 0
            assert at["n_risk"][i] == n_risk == np.sum(np.asarray(time) >= day), (group, day)
            assert at["n_event"][i] == km.n_event[(km.time > previous) & (km.time <= day)].sum(), (group, day)
            for column in ("surv", "std_err", "lower", "upper"):
                ours = float(getattr(km, column)[row]) if row >= 0 else (0.0 if column == "std_err" else 1.0)
                assert same(ours, at[column][i], 1e-12), (group, day, column)
            previous = day


@pytest.mark.parametrize("name", list(POISSON_GOLDEN))
@pytest.mark.parametrize("alternative", ["two.sided", "less", "greater"])
def test_rate_ratio_as_poisson_test(name, alternative):
    golden = POISSON_GOLDEN[name]
    expected = golden[alternative]
    result = get("poisson-exact", "rate").run(
        (golden["x_first"], golden["T_first"]),
        (golden["x_second"], golden["T_second"]),
        alternative=alternative.replace(".", "-"),
    )
    assert result.pvalue == pytest.approx(expected["p_value"], abs=1e-9)
    assert result.estimate == pytest.approx(expected["estimate"], rel=1e-9)
    assert result.ci == pytest.approx((expected["conf_low"], expected["conf_high"]), rel=1e-9)
    # poisson.test's parameter: the first group's expected count under equal rates, given the total;
    # our P is the binomial test of the first count at that share of the total
    total = golden["x_first"] + golden["x_second"]
    share = golden["T_first"] / (golden["T_first"] + golden["T_second"])
    assert expected["expected_count1"] == pytest.approx(total * share, rel=1e-12)
    binomial = stats.binomtest(
        golden["x_first"], total, expected["expected_count1"] / total, alternative=alternative.replace(".", "-")
    )
    assert result.pvalue == pytest.approx(binomial.pvalue, abs=1e-12)


def competing_groups(name):
    """{group: (time, status 0/1/2)} of a CUMINC_GOLDEN data set, in R's factor order."""
    if name == "cr":
        data = SURVIVAL_GOLDEN["cr"]["data"]
        for g in data:  # the cause-specific status is infection against everything else
            assert data[g]["status"] == [int(c == 1) for c in data[g]["cstatus"]]
        return {g: (data[g]["time"], data[g]["cstatus"]) for g in data}
    patients = WO_DERIVED["patients"]
    return {
        g: ([p["time"] for p in patients if p["cohort"] == g], [p["cstatus"] for p in patients if p["cohort"] == g])
        for g in ("ivig", "control")
    }


def test_gray_on_the_competing_risks_data():
    golden = CUMINC_GOLDEN["cr"]["gray_test"]["cause1"]
    a, b = competing_groups("cr").values()
    result = get("gray", "time-to-event").run(a, b)
    assert result.statistic == pytest.approx(golden["stat"], rel=1e-9)
    assert result.pvalue == pytest.approx(golden["p_value"], abs=1e-9)


@pytest.mark.parametrize("name", list(CUMINC_GOLDEN))
def test_gray_for_every_cause_as_cuminc(name):
    (time_a, status_a), (time_b, status_b) = competing_groups(name).values()
    for cause, golden in CUMINC_GOLDEN[name]["gray_test"].items():
        statistic, pvalue, df = gray_test(time_a, status_a, time_b, status_b, cause=int(cause.removeprefix("cause")))
        assert (statistic, pvalue, df) == pytest.approx((golden["stat"], golden["p_value"], golden["df"]), rel=1e-9)
    causes = {s for _, status in competing_groups(name).values() for s in status if s > 0}
    assert sorted(CUMINC_GOLDEN[name]["gray_test"]) == [f"cause{c}" for c in sorted(causes)]


@pytest.mark.parametrize("name", list(CUMINC_GOLDEN))
def test_cumulative_incidence_at_fixed_times_as_timepoints(name):
    data = competing_groups(name)
    timepoints = CUMINC_GOLDEN[name]["timepoints"]
    curves = [key for key in timepoints if key != "times"]
    assert sorted(curves) == sorted(CUMINC_GOLDEN[name]["curves"])
    for curve in curves:
        group, cause = curve.split()
        estimates, variances = cif_at(timepoints["times"], *data[group], cause=int(cause))
        assert estimates == pytest.approx(timepoints[curve]["est"], abs=1e-12), curve
        assert variances == pytest.approx(timepoints[curve]["var"], abs=1e-12), curve


@pytest.mark.parametrize("name", list(CUMINC_GOLDEN))
def test_cumulative_incidence_curves_as_cuminc(name):
    # cmprsk's step representation: 0, each jump time twice (value before, value after), the last time
    data = competing_groups(name)
    for curve, golden in CUMINC_GOLDEN[name]["curves"].items():
        group, cause = curve.split()
        times, estimates, variances = aalen_johansen(*data[group], cause=int(cause))
        last = max(data[group][0])
        assert golden["time"] == [0, *np.repeat(times, 2), last], curve
        for column, ours in (("est", estimates), ("var", variances)):
            steps = [0.0, *np.column_stack([np.r_[0.0, ours[:-1]], ours]).ravel(), ours[-1]]
            assert golden[column] == pytest.approx(steps, abs=1e-12), (curve, column)


def wo_patients():
    rows = json.loads(run("nadir", WO, "-f", "json", "-q").stdout)
    return {r["patient_id"]: r for r in rows}


def test_example_patients_time_to_infection_as_derived_in_r():
    ours = wo_patients()
    for expected in WO_DERIVED["patients"]:
        row = ours[expected["patient_id"]]
        assert row["cohort"] == expected["cohort"]
        assert row["infection_time"] == expected["time"]
        assert row["infection_status"] == expected["cstatus"]
        assert (row["infection_status"] == 1) == (expected["status"] == 1)
        assert row["follow_up_days"] == expected["followup_days"]
    assert sorted(ours) == sorted(p["patient_id"] for p in WO_DERIVED["patients"])


def wo_outcome(name, *extra):
    doc = json.loads(run("compare", WO, "--groups", "ivig,control", "-f", "json", "-q", *extra).stdout)
    return {o["outcome"]: o for o in doc["outcomes"]}[name]


def test_example_time_to_infection_row():
    o = wo_outcome("time_to_infection")
    golden = SURVIVAL_GOLDEN["wo"]
    assert o["p_value"] == pytest.approx(golden["survdiff"]["p_value"], abs=1e-9)
    assert o["estimate"] == pytest.approx(golden["coxph"]["hr"], abs=1e-6)
    for group in ("ivig", "control"):
        km = golden["km"][group]
        summary = o["groups"][group]
        assert summary["median"] == km["median"] and summary["median_ci_low"] == km["median_lower95"]
        assert summary["events"] == km["events"]
        at = km["at_times_extend_false"]
        for i, day in enumerate(at["time"]):
            assert summary[f"infection_free_d{day}"] == pytest.approx(at["surv"][i], abs=1e-12)
            assert summary[f"infection_free_d{day}_ci_low"] == pytest.approx(at["lower"][i], abs=1e-12)


def test_example_competing_risk_row():
    o = wo_outcome("time_to_infection", "--competing-risk")
    golden = CUMINC_GOLDEN["wo"]
    assert o["test"] == "gray"
    assert o["statistic"] == pytest.approx(golden["gray_test"]["cause1"]["stat"], rel=1e-9)
    assert o["p_value"] == pytest.approx(golden["gray_test"]["cause1"]["p_value"], abs=1e-9)
    for group in ("ivig", "control"):
        expected = golden["timepoints"][f"{group} 1"]
        for i, day in enumerate(golden["timepoints"]["times"]):
            assert o["groups"][group][f"cuminc_d{day}"] == pytest.approx(expected["est"][i], abs=1e-12)
            assert o["groups"][group][f"cuminc_d{day}_se"] == pytest.approx(math.sqrt(expected["var"][i]), abs=1e-9)


def test_example_infection_rate_row():
    o = wo_outcome("infection_rate")
    golden = POISSON_GOLDEN["wo"]["two.sided"]
    inputs = WO_DERIVED["rate_inputs"]
    for group in ("ivig", "control"):
        assert o["groups"][group]["episodes"] == inputs[f"x_{group}"]
        assert o["groups"][group]["patient_days"] == inputs[f"T_{group}"]
    rates = POISSON_GOLDEN["wo"]  # poisson.test's inputs are these counts and patient-days
    assert (rates["x_first"], rates["x_second"], rates["T_first"], rates["T_second"]) == (
        inputs["x_ivig"],
        inputs["x_control"],
        inputs["T_ivig"],
        inputs["T_control"],
    )
    assert o["estimate"] == pytest.approx(golden["estimate"], rel=1e-9)
    assert [o["ci_low"], o["ci_high"]] == pytest.approx([golden["conf_low"], golden["conf_high"]], rel=1e-9)
    assert o["p_value"] == pytest.approx(golden["p_value"], abs=1e-9)
    assert any("not independent" in w for w in o["warnings"])


def test_new_rows_leave_the_papers_p_values_alone():
    doc = json.loads(run("compare", WO, "--groups", "ivig,control", "-f", "json", "-q").stdout)
    p = {o["outcome"]: o["p_value"] for o in doc["outcomes"]}
    assert round(p["igg_nadir"], 3) == 0.641 and round(p["days_to_nadir"], 2) == 0.13
    assert round(p["infection"], 2) == 0.58
    assert p["infection_icu"] == pytest.approx(1) and p["infection_death"] == pytest.approx(1)


def test_monotone_likelihood_gives_no_hazard_ratio():
    # survdiff(Surv(c(0,1), c(1,1)) ~ factor(c("a","b"))): chisq 1; coxph does not converge (coef ~ 21)
    result = get("log-rank", "time-to-event").run(([0.0], [1]), ([1.0], [1]))
    assert result.statistic == pytest.approx(1.0) and result.estimate is None
    assert "not estimable" in result.warnings[0]


def test_kaplan_meier_median_midpoint_rule():
    # S(t) is exactly 0.5 from day 10 until the next event on day 20, so the median is their midpoint:
    # summary(survfit(Surv(c(5, 10, 20, 30), c(1, 1, 1, 0)) ~ 1))$table["median"] is 15
    km = kaplan_meier(np.array([5, 10, 20, 30.0]), np.array([1, 1, 1, 0]))
    assert km.median()[0] == 15.0
