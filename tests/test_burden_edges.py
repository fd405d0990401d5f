"""Issue 15's edge cases against R: every value of tests/golden/r_burden_edges.py (written by
tests/golden/burden_edges.R from the raw rows of tests/data/burden_edges.csv, independently of
ivig_blina) is read here. The file has what the bundled examples lack: delayed entry (no
baseline IgG), IVIG doses on measurement days and on days without one, overlapping doses and a
dose before day 0, infection episodes on day 0 and on the cut days 28, 90 and 180, infections on
measurement and dose days, an infection_death, a death without infection, a patient without IgG
and one without follow-up time. Checked: the per-patient table, episodes and patient-days by
window (survSplit) patient by patient, the window rate ratios (poisson.test), the negative
binomial rate ratio (glm.nb), the counting-process rows of IgG, IVIG and both (tmerge) row by row
with the patients left out, the time-varying Cox models, the landmark at the cut days 28 and 90
(survdiff, coxph) and the immortal-time account."""

import math
import re
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT
from golden import r_burden_edges as R

import ivig_blina
from ivig_blina.cohort.burden import by_window, rows_of
from ivig_blina.cohort.timevarying import intervals

sys.path.insert(0, str(ROOT / "tests" / "data"))
import make_edges  # noqa: E402

EDGES = ROOT / "tests" / "data" / "burden_edges.csv"
GROUPS = ("ivig", "control")  # first against second, as the R script
WINDOWS = (28, 90, 180)
EXACT = 1e-12  # the same arithmetic as R: counts and the exact rate test
FITTED = 1e-6  # iterative fits: the issue asks for R to 1e-6


@pytest.fixture(scope="module")
def cohort():
    return ivig_blina.load(str(EDGES), keep_rows=True)


@pytest.fixture(scope="module")
def compared(cohort):
    """compare() with the windows, the models and the landmark at each cut day R computed."""
    return {
        day: ivig_blina.compare(cohort, groups=GROUPS, windows=WINDOWS, models=True, landmark_day=day)
        for day in R.LANDMARK
    }


@pytest.fixture(scope="module")
def outcomes(compared):
    return {o.outcome: o for o in compared[min(R.LANDMARK)].outcomes}


def close(got, expected, rel):
    """``got`` equals R's ``expected``: None for R's NA, else within ``rel``."""
    if expected is None:
        return got is None or (isinstance(got, float) and math.isnan(got))
    return got is not None and got == pytest.approx(expected, rel=rel, abs=rel if expected == 0 else 0)


# ---------------------------------------------------------------- the file


def test_file_is_what_make_edges_writes():
    assert EDGES.read_text() == make_edges.text()


@pytest.mark.parametrize("case", R.EDGE_CASES)
def test_file_has_the_edge_case(case):
    assert R.EDGE_CASES[case], f"no patient of {EDGES.name} has {case}: regenerate it with its edge cases"


# ---------------------------------------------------------------- per patient


def test_per_patient_follow_up_infections_baseline_and_nadir_equal_r(cohort):
    expected = pd.DataFrame(R.PATIENTS, columns=R.PATIENT_COLUMNS).set_index("patient_id")
    got = cohort.table.set_index("patient_id")
    assert sorted(got.index) == list(expected.index)
    got = got.loc[expected.index]
    assert list(got.cohort) == list(expected.cohort)
    for column in R.PATIENT_COLUMNS[2:-1]:  # follow-up, time to first infection, status, episodes, baseline, nadir
        assert got[column].to_numpy(float) == pytest.approx(expected[column].to_numpy(float), nan_ok=True), column


def test_first_dose_day_of_the_rows_equals_r(cohort):
    rows = rows_of(cohort, "the first dose")
    doses = rows[(rows.event.astype(str) == "ivig").to_numpy() & (rows.day.to_numpy() >= 0)]
    first = doses.groupby("position").day.min()
    got = pd.Series(first.to_numpy(float), index=cohort.table.patient_id.to_numpy()[first.index.to_numpy()])
    expected = pd.DataFrame(R.PATIENTS, columns=R.PATIENT_COLUMNS).set_index("patient_id").first_dose_day
    assert got.reindex(expected.index).to_numpy(float) == pytest.approx(expected.to_numpy(float), nan_ok=True)


# ---------------------------------------------------------------- 1. burden by window


@pytest.mark.parametrize("window", R.WINDOW_NAMES)
def test_episodes_and_days_by_window_of_every_patient_equal_survsplit(cohort, window):
    got = by_window(cohort, WINDOWS).set_axis(cohort.table.patient_id.to_numpy())
    expected = pd.DataFrame(R.WINDOWS_BY_PATIENT, columns=R.WINDOW_COLUMNS).set_index("patient_id")
    got = got.loc[expected.index]
    i = R.WINDOW_NAMES.index(window) + 1
    episodes = pd.DataFrame({"got": got[f"episodes_{window}"], "r": expected[f"episodes_{i}"]})
    assert (episodes.got == episodes.r).all(), episodes[episodes.got != episodes.r].to_string()
    days = pd.DataFrame({"got": got[f"days_{window}"].astype(float), "r": expected[f"days_{i}"].astype(float)})
    assert (days.got == days.r).all(), days[days.got != days.r].to_string()


@pytest.mark.parametrize("window", R.WINDOW_NAMES)
def test_rate_ratio_by_window_equals_poisson_test(outcomes, window):
    outcome, expected = outcomes[f"infection_rate_{window}"], R.WINDOWS[window]
    for group in GROUPS:
        assert outcome.groups[group].episodes == expected[group]["episodes"], group
        assert outcome.groups[group].patient_days == expected[group]["patient_days"], group
    r = outcome.result
    assert r is not None and r.pvalue is not None, outcome.warnings + (r.warnings if r else ())
    assert close(r.statistic, expected["statistic"], EXACT)
    assert close(r.pvalue, expected["p_value"], EXACT)
    assert close(r.estimate, expected["estimate"], EXACT)
    assert close(r.ci.low, expected["ci_low"], EXACT)
    assert close(r.ci.high, expected["ci_high"], EXACT)


# ---------------------------------------------------------------- 2. negative binomial


def test_infection_rate_nb_equals_glm_nb(outcomes):
    outcome, nb = outcomes["infection_rate_nb"], R.NB
    assert nb["warnings"] == []  # overdispersed counts: theta converges (not at its limit, as on the examples)
    r = outcome.result
    assert r.estimate == pytest.approx(nb["estimate"], rel=FITTED)
    assert (r.ci.low, r.ci.high) == pytest.approx((nb["ci_low"], nb["ci_high"]), rel=FITTED)
    assert r.pvalue == pytest.approx(nb["p_value"], rel=FITTED)
    theta = re.search(r"; theta (\S+)$", r.method)  # as the method names it, to 4 significant digits
    assert theta and float(theta.group(1)) == pytest.approx(nb["theta"], rel=5e-4), r.method


def test_infection_rate_nb_counts_the_patient_without_follow_up_time(outcomes):
    warnings = outcomes["infection_rate_nb"].warnings
    left_out = [int(m.group(1)) for w in warnings if (m := re.match(r"(\d+) patient\(s\) without follow-up time", w))]
    assert left_out == [R.NB["n_excluded_no_time"]], warnings


# ---------------------------------------------------------------- 3. counting-process intervals

INTERVALS = {  # golden key: intervals() options
    "igg": {"igg": True},
    "ivig": {"igg": False, "ivig_effect_days": 28},
    "igg_ivig": {"igg": True, "ivig_effect_days": 28},
}
OURS = {"tstart": "start", "tstop": "stop", "infection": "event", "igg": "igg_now"}


def interval_frames(cohort, key):
    built = intervals(cohort, **INTERVALS[key])
    got = built.table.assign(patient_id=cohort.table.patient_id.to_numpy()[built.table.position.to_numpy()])
    got = got.sort_values(["patient_id", "start"], kind="stable").reset_index(drop=True)
    expected = pd.DataFrame(R.INTERVALS[key]["rows"], columns=R.INTERVALS[key]["columns"])
    return built, got, expected


@pytest.mark.parametrize("key", INTERVALS)
def test_intervals_equal_tmerge_row_by_row(cohort, key):
    _, got, expected = interval_frames(cohort, key)
    keys = ["patient_id", "tstart"]
    both = expected.merge(got.rename(columns={"start": "tstart"}), on=keys, how="outer", indicator=True)
    unmatched = both[both._merge != "both"]
    assert unmatched.empty, f"intervals only in R (left_only) or only ours (right_only):\n{unmatched.to_string()}"
    for column in R.INTERVALS[key]["columns"][2:]:
        ours = OURS.get(column, column)
        differ = np.flatnonzero(got[ours].to_numpy(float) != expected[column].to_numpy(float))
        rows = pd.concat([expected.iloc[differ].add_prefix("r_"), got.iloc[differ][[ours]]], axis=1)
        assert not len(differ), f"{column}: rows differ from tmerge's\n{rows.to_string()}"


@pytest.mark.parametrize("key", INTERVALS)
def test_intervals_leave_out_the_patients_tmerge_leaves_out(cohort, key):
    built, _, _ = interval_frames(cohort, key)
    assert sorted(built.no_igg) == R.INTERVALS[key]["no_igg"]
    assert sorted(built.no_time) == R.INTERVALS[key]["no_time"]


# ---------------------------------------------------------------- time-varying models


def left_out_named(warnings) -> dict[str, list[str]]:
    """The patients a model's warnings name as left out, by reason."""
    out = {"no_igg": [], "no_time": []}
    for w in warnings:
        for key, says in (("no_igg", "without any IgG value left out: "), ("no_time", "at or before entry left out: ")):
            if says in w:
                out[key] = sorted(w.split(says, 1)[1].split(", "))
    return out


def check_model(model, expected, intervals_key):
    assert (model.n, model.events) == (expected["n"], expected["events"])
    terms = {t.term: t for t in model.terms}
    assert set(terms) == set(expected["terms"])
    for name, want in expected["terms"].items():
        for field in ("estimate", "ci_low", "ci_high", "p_value"):
            assert close(getattr(terms[name], field), want[field], FITTED), f"{model.model} {name} {field}"
    assert expected["warnings"] == []  # R fits every model without a warning
    wanted = {key: R.INTERVALS[intervals_key][key] for key in ("no_igg", "no_time")}
    assert left_out_named(model.warnings) == wanted, model.warnings


@pytest.mark.parametrize(
    "name, intervals_key",
    [("hgg_time_varying", "igg"), ("igg_time_varying", "igg"), ("ivig_time_varying", "ivig")],
)
def test_time_varying_models_equal_coxph_on_tmerge_data(compared, name, intervals_key):
    models = {m.model: m for m in compared[min(R.LANDMARK)].models}
    check_model(models[name], R.TIME_VARYING[name], intervals_key)


def test_ivig_time_varying_with_hgg_equals_coxph(cohort):
    result = ivig_blina.compare(cohort, groups=GROUPS, models=True, ivig_effect_days=28, with_hgg=True)
    model = {m.model: m for m in result.models}["ivig_time_varying"]
    check_model(model, R.TIME_VARYING["ivig_time_varying_with_hgg"], "igg_ivig")


# ---------------------------------------------------------------- 4. landmark on a cut day


@pytest.mark.parametrize("day", sorted(R.LANDMARK))
def test_landmark_on_a_cut_day_equals_survdiff_and_coxph(compared, day):
    outcome = next(o for o in compared[day].outcomes if o.outcome == "time_to_infection_landmark")
    expected = R.LANDMARK[day]
    assert expected["left_out_on_the_day"]  # an infection or a censoring on day D: not in the landmark
    for group in GROUPS:
        got = (outcome.groups[group].n, outcome.groups[group].events)
        assert got == (expected[group]["n"], expected[group]["events"]), group
    r = outcome.result
    assert r.statistic == pytest.approx(expected["statistic"], rel=1e-9)
    assert r.pvalue == pytest.approx(expected["p_value"], rel=1e-9)
    assert r.estimate == pytest.approx(expected["estimate"], rel=FITTED)
    assert (r.ci.low, r.ci.high) == pytest.approx((expected["ci_low"], expected["ci_high"]), rel=FITTED)


# ---------------------------------------------------------------- immortal time


def test_immortal_time_per_cohort_equals_r(compared):
    assert compared[min(R.LANDMARK)].to_dict()["input"]["immortal_time"] == R.IMMORTAL_TIME


def test_golden_file_says_which_script_and_which_r_made_it():
    header = R.__doc__
    assert "generated by tests/golden/burden_edges.R" in header
    assert (ROOT / "tests" / "golden" / "burden_edges.R").is_file()
    packages = f"survival {R.SURVIVAL_VERSION}; cmprsk {R.CMPRSK_VERSION}; MASS {R.MASS_VERSION};"
    assert f"Versions: {R.R_VERSION}; {packages}" in header
