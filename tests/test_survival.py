"""Time to event and rates against R (tests/golden/r_survival.py: every number has its R call)."""

import json
import math

import numpy as np
import pytest

from conftest import WO, run
from golden.r_survival import CUMINC_GOLDEN, POISSON_GOLDEN, SURVIVAL_GOLDEN, WO_DERIVED
from ivig_blina.stats import get
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
def test_kaplan_meier_table_median_and_landmarks(name):
    for group, (time, status) in groups(name):
        expected = SURVIVAL_GOLDEN[name]["km"][group]
        km = kaplan_meier(time, status)
        table = expected["table"]
        assert list(km.time) == table["time"] and list(km.n_risk) == table["n_risk"]
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


@pytest.mark.parametrize("name", list(POISSON_GOLDEN))
@pytest.mark.parametrize("alternative", ["two.sided", "less", "greater"])
def test_rate_ratio_as_poisson_test(name, alternative):
    golden = POISSON_GOLDEN[name]
    expected = golden[alternative]
    result = get("poisson-exact", "rate").run((golden["x_first"], golden["T_first"]),
                                              (golden["x_second"], golden["T_second"]),
                                              alternative=alternative.replace(".", "-"))
    assert result.pvalue == pytest.approx(expected["p_value"], abs=1e-9)
    assert result.estimate == pytest.approx(expected["estimate"], rel=1e-9)
    assert result.ci == pytest.approx((expected["conf_low"], expected["conf_high"]), rel=1e-9)


def test_gray_on_the_competing_risks_data():
    golden = CUMINC_GOLDEN["cr"]["gray_test"]["cause1"]
    a = ([4, 7, 9, 12, 15, 18, 22, 30, 35, 41], [1, 2, 0, 1, 1, 0, 2, 1, 0, 0])  # cr group A (the module docstring)
    b = ([3, 6, 6, 10, 13, 20, 25, 28, 33, 39, 45], [1, 1, 2, 0, 1, 2, 1, 0, 1, 0, 2])  # cr group B
    result = get("gray", "time-to-event").run(a, b)
    assert result.statistic == pytest.approx(golden["stat"], rel=1e-9)
    assert result.pvalue == pytest.approx(golden["p_value"], abs=1e-9)


def wo_patients():
    rows = json.loads(run("nadir", WO, "-f", "json", "-q").stdout)
    return {r["patient_id"]: r for r in rows}


def test_example_patients_time_to_infection_as_derived_in_r():
    ours = wo_patients()
    for expected in WO_DERIVED["patients"]:
        row = ours[expected["patient_id"]]
        assert row["infection_time"] == expected["time"]
        assert row["infection_status"] == expected["cstatus"]
        assert row["follow_up_days"] == expected["followup_days"]


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
    assert o["groups"]["ivig"]["episodes"] == inputs["x_ivig"] and o["groups"]["ivig"]["patient_days"] == inputs["T_ivig"]
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
