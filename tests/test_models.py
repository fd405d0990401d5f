"""Regression models against R: tests/golden/r_models.py, made by tests/golden/models.R with
survival::coxph, glm(family = binomial), MASS::glm.nb and cmprsk::crr.

Every value of every fit in FITS is read (a key no check consumes fails the test). Tolerance:
1e-7 relative on coefficients, standard errors, P values, intervals and log likelihoods; the
well-conditioned fits agree with R to about 1e-14. Looser, and why (measured agreement in
brackets):
* cox_mono (monotone likelihood): hgg_now's coefficient sits where the likelihood flattened and
  its variance is a difference of nearly equal risk-set moments (about exp(-22)), which R and
  this port round differently: SE and interval 1e-6 (3.5e-8); the coefficient keeps 1e-7 (1.6e-9).
* logit_complete (complete separation, 25 iterations without convergence): the intercept's
  interval is exp(-200 +/- ...), which turns the coefficient's 4e-10 into 7e-8, and the log
  likelihood, -4.3e-10, is a sum of log(1 - 1e-10)-sized terms: 1e-6 (7.8e-8).
* nb_under (no overdispersion): theta is in the millions, where theta.ml's score is below the
  rounding error of its terms, so R's theta and SE.theta are noise beyond a few digits: 1e-3
  (8.7e-5); the coefficients, which do not depend on theta there, keep 1e-7 (1.2e-9 on P).
"""

import doctest
import math

import numpy as np
import pytest
from golden import r_models
from test_golden_files import R_VERSION, exists, header, script_names

from ivig_blina.stats import cox as cox_module
from ivig_blina.stats import finegray as finegray_module
from ivig_blina.stats import glm as glm_module
from ivig_blina.stats import models as models_module
from ivig_blina.stats.cox import cox
from ivig_blina.stats.finegray import censoring_survival_before, fine_gray
from ivig_blina.stats.glm import INTERCEPT, logistic, negative_binomial, separation, theta_ml
from ivig_blina.stats.models import design_matrix, dummy_columns
from ivig_blina.stats.survival import cox_hazard_ratio

REL = 1e-7
LOOSE = {  # (fit, term or None, key) -> relative tolerance; see the module docstring
    **{("cox_mono", "hgg_now", key): 1e-6 for key in ("se", "ci_low_95", "ci_high_95", "ci_low_9", "ci_high_9")},
    **{("logit_complete", INTERCEPT, key): 1e-6 for key in ("ci_low_95", "ci_high_95", "ci_low_9", "ci_high_9")},
    ("logit_complete", None, "loglik"): 1e-6,
    ("nb_under", None, "theta"): 1e-3,
    ("nb_under", None, "theta_se"): 1e-3,
}


def column(data: str, name: str) -> np.ndarray:
    return np.asarray(r_models.DATA[data][name], dtype=float)


def columns(data: str, names) -> np.ndarray:
    return np.column_stack([column(data, name) for name in names])


def fit_cox(data, terms, event, strata=None, ties="efron", level=0.95, with_id=False):
    d = r_models.DATA[data]
    return cox(
        column(data, "tstart"),
        column(data, "tstop"),
        column(data, event),
        columns(data, terms),
        terms,
        strata=None if strata is None else d[strata],
        ties=ties,
        id=d["id"] if with_id else None,
        confidence_level=level,
    )


def fit_logit_ecog(level=0.95):
    d = r_models.DATA["logit_ecog"]
    X, names = design_matrix({"age": d["age"], "ecog": d["ecog"]}, categorical=["ecog"])
    return logistic(column("logit_ecog", "y"), X, names, confidence_level=level)


def fit_nb(data, terms, level=0.95, **control):
    offset = np.log(column(data, "days"))
    return negative_binomial(
        column(data, "episodes"), columns(data, terms), terms, offset, confidence_level=level, **control
    )


def fit_fg(cause, level=0.95):
    return fine_gray(
        column("fg", "ftime"),
        column("fg", "fstatus"),
        columns("fg", ["cohort", "age"]),
        ["cohort", "age"],
        cause=cause,
        confidence_level=level,
    )


TV = ["igg_now", "ivig_now"]
# name -> (the R call the golden file names, the same fit in Python at a confidence level)
CALLS = {
    "cox_efron": (
        'coxph(Surv(tstart, tstop, infection) ~ igg_now + ivig_now + strata(centre), data = cox_tv, ties = "efron")',
        lambda level, **kw: fit_cox("cox_tv", TV, "infection", "centre", "efron", level, **kw),
    ),
    "cox_breslow": (
        'coxph(Surv(tstart, tstop, infection) ~ igg_now + ivig_now + strata(centre), data = cox_tv, ties = "breslow")',
        lambda level, **kw: fit_cox("cox_tv", TV, "infection", "centre", "breslow", level, **kw),
    ),
    "cox_unstratified": (
        'coxph(Surv(tstart, tstop, infection) ~ igg_now + ivig_now, data = cox_tv, ties = "efron")',
        lambda level, **kw: fit_cox("cox_tv", TV, "infection", None, "efron", level, **kw),
    ),
    "cox_aliased": (
        'coxph(Surv(tstart, tstop, infection) ~ ivig_now + igg_now + igg_twice, data = cox_tv, ties = "efron")',
        lambda level, **kw: fit_cox(
            "cox_tv", ["ivig_now", "igg_now", "igg_twice"], "infection", None, "efron", level, **kw
        ),
    ),
    "cox_mono": (
        'coxph(Surv(tstart, tstop, event) ~ hgg_now + age, data = cox_mono, ties = "efron")',
        lambda level: fit_cox("cox_mono", ["hgg_now", "age"], "event", None, "efron", level),
    ),
    "logit_ecog": ("glm(y ~ age + ecog, family = binomial, data = logit_ecog)", fit_logit_ecog),
    "logit_quasi": (
        "glm(y ~ dose + g, family = binomial, data = logit_quasi)",
        lambda level: logistic(
            column("logit_quasi", "y"), columns("logit_quasi", ["dose", "g"]), ["dose", "g"], confidence_level=level
        ),
    ),
    "logit_complete": (
        "glm(y ~ x, family = binomial, data = logit_complete)",
        lambda level: logistic(
            column("logit_complete", "y"), columns("logit_complete", ["x"]), ["x"], confidence_level=level
        ),
    ),
    "nb_over": (
        "glm.nb(episodes ~ cohort + age + offset(log(days)), data = nb_over)",
        lambda level: fit_nb("nb_over", ["cohort", "age"], level),
    ),
    "nb_maxit3": (
        "glm.nb(episodes ~ cohort + age + offset(log(days)), data = nb_over, control = glm.control(maxit = 3))",
        lambda level: fit_nb("nb_over", ["cohort", "age"], level, maxit=3),
    ),
    "nb_under": (
        "glm.nb(episodes ~ cohort + offset(log(days)), data = nb_under)",
        lambda level: fit_nb("nb_under", ["cohort"], level),
    ),
    "fg_cause1": (
        "crr(fg$ftime, fg$fstatus, cbind(cohort = fg$cohort, age = fg$age), failcode = 1, cencode = 0)",
        lambda level: fit_fg(1, level),
    ),
    "fg_cause2": (
        "crr(fg$ftime, fg$fstatus, cbind(cohort = fg$cohort, age = fg$age), failcode = 2, cencode = 0)",
        lambda level: fit_fg(2, level),
    ),
}
KIND = {"coxph": "Cox", "glm": "logistic", "negbin": "negative binomial", "crr": "Fine-Gray"}
# our caveats beyond R's warnings (which come first, in R's order): fit -> starts of the extras
EXTRA_WARNINGS = {
    "cox_aliased": ["X matrix deemed to be singular; variable 3 (igg_twice): no estimate"],
    "logit_ecog": ["9.33 events per parameter"],
    "logit_quasi": ["the outcome is separated (completely or quasi-completely) along", "3 events per parameter"],
    "logit_complete": ["the outcome is separated (completely or quasi-completely) along", "4 events per parameter"],
}


def close(actual, expected, rel, where):
    if expected is None:
        assert actual is None or math.isnan(actual), where
        return
    assert actual == pytest.approx(expected, rel=rel, abs=1e-300), f"{where}: {actual!r} != R's {expected!r}"


def test_every_golden_fit_has_its_python_call_and_the_same_r_call():
    assert set(CALLS) == set(r_models.FITS)
    for name, entry in r_models.FITS.items():
        assert entry["call"] == CALLS[name][0], name
        assert entry["data"] in r_models.DATA and entry["data"] in entry["call"]


@pytest.mark.parametrize("name", list(r_models.FITS))
def test_fit_equals_r(name):
    entry = dict(r_models.FITS[name])
    fit = CALLS[name][1](0.95)
    fit90 = CALLS[name][1](0.9)
    assert KIND[entry.pop("kind")] in fit.method
    for key in ("call", "data"):  # checked above
        entry.pop(key)
    for term_name, values in entry.pop("terms").items():
        term = fit.intercept if term_name == INTERCEPT else fit.term(term_name)
        term90 = fit90.intercept if term_name == INTERCEPT else fit90.term(term_name)
        assert term is not None and term.term == term_name
        values = dict(values)
        for key in ("coef", "se", "estimate", "p_value", "ci_low_95", "ci_high_95", "ci_low_9", "ci_high_9"):
            if key not in values:
                continue
            expected = values.pop(key)
            source = term90 if key.endswith("_9") else term
            attribute = {"ci_low_95": "ci_low", "ci_high_95": "ci_high", "ci_low_9": "ci_low", "ci_high_9": "ci_high"}
            actual = getattr(source, attribute.get(key, key))
            close(actual, expected, LOOSE.get((name, term_name, key), REL), f"{name} {term_name} {key}")
        if "p_value_summary" in values:  # summary.crr: signif(P, 2)
            assert float(f"{term.p_value:.2g}") == values.pop("p_value_summary")
        if math.isnan(term.coef):  # aliased: R's NA and nothing else
            assert all(math.isnan(v) for v in (term.se, term.estimate, term.p_value, term.ci_low, term.ci_high))
        assert not values, f"{name} {term_name}: values not checked: {sorted(values)}"
    for key in ("loglik", "loglik_null", "theta", "theta_se"):
        if key in entry:
            close(getattr(fit, key), entry.pop(key), LOOSE.get((name, None, key), REL), f"{name} {key}")
    for key in ("n", "events", "iterations", "converged"):
        if key in entry:
            assert getattr(fit, key) == entry.pop(key), f"{name} {key}"
    if "n_id" in entry:
        assert CALLS[name][1](0.95, with_id=True).n == entry.pop("n_id")
    if "events_per_parameter" in entry:
        epv = entry.pop("events_per_parameter")
        assert any(w.startswith(f"{epv:.3g} events per parameter") for w in fit.warnings) == (epv < 10)
    r_warnings = entry.pop("warnings")
    assert list(fit.warnings[: len(r_warnings)]) == r_warnings, name
    extras = fit.warnings[len(r_warnings) :]
    expected_extras = EXTRA_WARNINGS.get(name, [])
    assert len(extras) == len(expected_extras), f"{name}: {extras}"
    assert all(w.startswith(start) for w, start in zip(extras, expected_extras)), f"{name}: {extras}"
    assert not entry, f"{name}: values not checked: {sorted(entry)}"


def test_the_golden_file_says_what_made_it():
    text = header(r_models)
    assert "generated by tests/golden/models.R" in text
    assert R_VERSION.search(text).group(1) == R_VERSION.search(r_models.R_VERSION).group(1)
    for package in ("SURVIVAL", "MASS", "CMPRSK"):
        assert f"{package.lower()} {getattr(r_models, package + '_VERSION')}" in text.lower()
    assert not [name for name in script_names(text) if not exists(name)]
    made = {line.split(" <- ")[0].strip() for line in text.splitlines() if " <- " in line}
    assert set(r_models.DATA) <= made
    assert {f"fit_{name}" for name in r_models.FITS} <= made


def test_every_data_set_is_used_by_a_fit_or_the_design():
    used = {entry["data"] for entry in r_models.FITS.values()} | set(r_models.DESIGN)
    assert used == set(r_models.DATA)


def test_dummy_coding_equals_r_model_matrix():
    expected = r_models.DESIGN["logit_ecog"]
    values = r_models.DATA["logit_ecog"]["ecog"]
    block, names = dummy_columns(values, "ecog")
    assert ",".join(name.split("=")[1] for name in ["ecog=0", *names]) == expected["levels"]
    for j, name in enumerate(names):
        r_name = "ecog" + name.split("=")[1]
        assert "".join(str(int(v)) for v in block[:, j]) == expected[r_name]


# ---------------------------------------------------------------- beyond the goldens


def test_cox_with_one_indicator_equals_the_two_group_hazard_ratio():
    rng = np.random.default_rng(15)
    for _ in range(5):
        ta, tb = rng.integers(1, 30, 25).astype(float), rng.integers(1, 40, 30).astype(float)
        ea, eb = (rng.random(25) < 0.7).astype(int), (rng.random(30) < 0.6).astype(int)
        hr, ci, _ = cox_hazard_ratio((ta, ea), (tb, eb))
        group = np.r_[np.ones(25), np.zeros(30)]
        fit = cox(np.zeros(55), np.r_[ta, tb], np.r_[ea, eb], group[:, None], ["cohort"])
        assert fit.terms[0].estimate == pytest.approx(hr, rel=1e-10)
        assert (fit.terms[0].ci_low, fit.terms[0].ci_high) == pytest.approx(tuple(ci), rel=1e-10)


def test_cox_counting_process_rows_split_without_covariate_change_change_nothing():
    # one patient's (0, 60] split at 20 and 50 with the same covariates: the same risk sets
    d = r_models.DATA["cox_mono"]
    whole = fit_cox("cox_mono", ["hgg_now", "age"], "event")
    start, stop, event = [], [], []
    for t in d["tstop"]:
        cuts = [c for c in (2.5, 6.5) if c < t]
        bounds = [0.0, *cuts, t]
        start += bounds[:-1]
        stop += bounds[1:]
    rows = np.repeat(np.arange(len(d["tstop"])), [len([c for c in (2.5, 6.5) if c < t]) + 1 for t in d["tstop"]])
    last = np.r_[rows[1:] != rows[:-1], True]
    event = np.where(last, np.asarray(d["event"])[rows], 0)
    X = columns("cox_mono", ["hgg_now", "age"])[rows]
    split = cox(start, stop, event, X, ["hgg_now", "age"])
    assert split.terms[1].coef == pytest.approx(whole.terms[1].coef, rel=1e-9)
    assert split.loglik == pytest.approx(whole.loglik, rel=1e-9)


@pytest.mark.parametrize("name", ["cox_efron", "logit_ecog", "nb_over", "fg_cause1"])
def test_row_order_does_not_matter(name):
    data = r_models.DATA[r_models.FITS[name]["data"]]
    rows = len(next(iter(data.values())))
    order = np.random.default_rng(3).permutation(rows)
    original = CALLS[name][1](0.95)
    permuted = {key: [values[i] for i in order] for key, values in data.items()}
    saved = r_models.DATA[r_models.FITS[name]["data"]]
    try:
        r_models.DATA[r_models.FITS[name]["data"]] = permuted
        shuffled = CALLS[name][1](0.95)
    finally:
        r_models.DATA[r_models.FITS[name]["data"]] = saved
    for a, b in zip(original.terms, shuffled.terms):
        assert (a.coef, a.se) == pytest.approx((b.coef, b.se), rel=1e-9)


def test_the_docstring_examples_run():
    for module in (models_module, cox_module, glm_module, finegray_module):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module.__name__


def test_no_events_is_a_fit_without_estimates_and_a_reason():
    fit = cox([0, 0, 0], [1, 2, 3], [0, 0, 0], [[1], [0], [1]], ["x"])
    assert math.isnan(fit.terms[0].estimate) and not fit.converged and "no events" in fit.warnings[0]
    fit = negative_binomial([0, 0, 0, 0], [[1], [0], [1], [0]], ["x"])
    assert math.isnan(fit.terms[0].coef) and "no events" in fit.warnings[0]
    fit = fine_gray([1, 2, 3, 4], [0, 2, 2, 0], [[1], [0], [1], [0]], ["x"])
    assert math.isnan(fit.terms[0].coef) and "no events of cause 1" in fit.warnings[0]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: cox([0, 0], [1, 2], [1, 0], [[1.0], [float("nan")]], ["x"]), "X: missing"),
        (lambda: cox([0, 2], [1, 2], [1, 0], [[1.0], [0.0]], ["x"]), "stop"),
        (lambda: cox([0, 0], [1, 2], [2, 0], [[1.0], [0.0]], ["x"]), "event"),
        (lambda: cox([0, 0], [1, 2], [1, 0], [[1.0], [0.0]], ["x", "y"]), "names"),
        (lambda: cox([0, 0], [1, 2], [1, 0], [[1.0], [0.0]], ["x"], ties="exact"), "ties"),
        (lambda: cox([0, 0], [1, 2], [1, 0], [[1.0], [0.0]], ["x"], confidence_level=95), "confidence_level"),
        (lambda: logistic([0, 2], [[1.0], [0.0]], ["x"]), "y: expected 0 or 1"),
        (lambda: logistic([0, 1], [[1.0], [0.0]], ["(Intercept)"]), "added by the model"),
        (lambda: negative_binomial([0, 1.5], [[1.0], [0.0]], ["x"]), "counts"),
        (lambda: negative_binomial([0, 1], [[1.0], [0.0]], ["x"], offset=[0.0]), "offset"),
        (lambda: fine_gray([1, -2], [1, 0], [[1.0], [0.0]], ["x"]), "time"),
        (lambda: fine_gray([1, 2], [1, 0], [[1.0], [0.0]], ["x"], cause=0), "cause"),
        (lambda: dummy_columns(["a", "a"], "sex"), "one level"),
        (lambda: dummy_columns(["a", None], "sex"), "missing"),
        (lambda: dummy_columns(["a", "c"], "sex", levels=["a", "b"]), "not one of the levels"),
        (lambda: design_matrix({"age": [1, 2]}, categorical=["sex"]), "sex"),
    ],
)
def test_bad_input_is_a_value_error_naming_the_parameter(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_design_matrix_codes_numbers_numerically_and_keeps_column_order():
    X, names = design_matrix({"stage": [10, 9, 2, 9], "age": [1, 2, 3, 4]}, categorical=["stage"])
    assert names == ["stage=9", "stage=10", "age"]
    assert X.tolist() == [[0, 1, 1], [1, 0, 2], [0, 0, 3], [1, 0, 4]]


def test_separation_is_found_only_where_it_is():
    x = np.column_stack([np.ones(6), [1, 2, 3, 4, 5, 6]])
    assert separation(x, np.array([0, 0, 0, 1, 1, 1.0])) != []
    assert separation(x, np.array([0, 1, 0, 1, 0, 1.0])) == []


def test_theta_ml_equals_mass_at_given_means():
    expected = r_models.THETA_ML["nb_over_mean"]
    episodes = column("nb_over", "episodes")
    theta, se, warnings = theta_ml(episodes, np.full(episodes.size, episodes.mean()), limit=25)
    assert (theta, se) == pytest.approx((expected["theta"], expected["se"]), rel=REL)
    assert warnings == []


def test_censoring_weights_are_the_km_before_each_time():
    t = np.array([1.0, 2, 2, 3, 4, 5])
    kind = np.array([1, 0, 2, 0, 1, 0])
    # censoring KM: 1 until 2; at 2: 1 - 1/5; at 3: * (1 - 1/3); at 5: * 0
    expected = [1, 1, 1, 0.8, 0.8 * 2 / 3, 0.8 * 2 / 3]
    assert censoring_survival_before(t, kind) == pytest.approx(expected, rel=1e-12)


def test_a_constant_column_has_no_estimate_and_says_so():
    rng = np.random.default_rng(0)
    n = 40
    X = np.c_[rng.normal(size=n), np.zeros(n)]
    names = ["age", "never"]
    fits = {
        "cox": cox(np.zeros(n), rng.integers(1, 50, n), rng.random(n) < 0.6, X, names),
        "logistic": logistic(rng.random(n) < 0.5, X, names),
        "negative binomial": negative_binomial(rng.poisson(2, n) * rng.integers(0, 3, n), X, names),
    }
    for kind, fit in fits.items():
        assert math.isfinite(fit.term("age").coef), kind
        assert math.isnan(fit.term("never").coef) and math.isnan(fit.term("never").p_value), kind
        assert any("never" in w for w in fit.warnings), kind
    fit = fine_gray(rng.integers(1, 50, n), rng.integers(0, 3, n), X, names)
    assert all(math.isnan(t.coef) for t in fit.terms) and "singular" in fit.warnings[0]
