"""The models of ``compare --models`` and ``--covariates``: IgG, HGG and IVIG as time-varying
exposures, adjusted comparisons, and Fine-Gray and cause-specific hazards, each as the R call
named in its ``formula`` and ``method``.

The cohort term is the first group against the second (``cohort``), or with three or more
groups one term per cohort against the first listed (``cohort=NAME``). Covariates are used
as :meth:`Cohort.covariate_table` gives them (numbers continuous, text categorical, coded
against the first level in sorted order: ``col=level``); an adjusted model uses the patients
with every covariate known and counts the others (``n_excluded_missing``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ivig_blina.analyses.outcomes import adjusted_pairs
from ivig_blina.analyses.results import ModelResult, ModelTerm, PairResult
from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import IvigBlinaError, listed

NO_FOLLOW_UP = "a group has no patient with follow-up time; no test"
EVENTS_PER_PARAMETER = 10  # fewer events per term than this: a warning (Peduzzi et al. 1996)


@dataclass(frozen=True)
class Design:
    """The patients of a comparison (``table``: the per-patient rows of the groups, in the
    cohort table's index) with the cohort terms and the covariates' design."""

    table: pd.DataFrame
    groups: tuple[str, ...]
    covariates: pd.DataFrame | None  # one column per covariate, cohort.table's index
    kinds: dict[str, str]

    def cohort_terms(self, rows: pd.Index) -> tuple[np.ndarray, list[str]]:
        """0/1 columns of the cohort terms for the patients ``rows``."""
        cohort = self.table.cohort.reindex(rows).to_numpy()
        if len(self.groups) == 2:
            return (cohort == self.groups[0]).astype(float)[:, None], ["cohort"]
        others = self.groups[1:]
        return np.column_stack([(cohort == g).astype(float) for g in others]), [f"cohort={g}" for g in others]

    def adjusted(self, rows: pd.Index) -> tuple[pd.Index, np.ndarray, list[str], int]:
        """The patients of ``rows`` with every covariate known, their design (cohort terms,
        then the covariates) and how many were left out."""
        from ivig_blina.stats.models import dummy_columns

        assert self.covariates is not None
        values = self.covariates.reindex(rows)
        known = values.notna().all(axis=1).to_numpy()
        kept = rows[known]
        X, names = self.cohort_terms(kept)
        blocks, all_names = [X], list(names)
        for column in values.columns:
            v = values.loc[kept, column].to_numpy()
            if self.kinds[column] == "categorical":
                block, block_names = dummy_columns(v.astype(str), column)
            else:
                block, block_names = v.astype(float)[:, None], [column]
            blocks.append(block)
            all_names += block_names
        return kept, np.column_stack(blocks), all_names, int((~known).sum())


def models(
    cohort: Cohort,
    table: pd.DataFrame,
    groups: tuple[str, ...],
    *,
    binary_outcomes: list[str],
    covariates: list[str] | None,
    competing_risk: bool,
    time_varying: bool,
    ivig_effect_days: float,
    with_hgg: bool,
    confidence_level: float,
) -> list[ModelResult]:
    """Every model asked for, in a fixed order: the time-varying ones (``time_varying``), the
    adjusted ones (``covariates``), then Fine-Gray and cause-specific (``competing_risk`` with
    ``time_varying``)."""
    design = _design(cohort, table, groups, covariates)
    out: list[ModelResult] = []
    if time_varying:
        out += _time_varying(cohort, design, ivig_effect_days, with_hgg, confidence_level)
    if covariates:
        out += _adjusted(design, binary_outcomes, confidence_level)
    if time_varying and competing_risk:
        out += _competing(design, confidence_level)
    return out


def _design(cohort: Cohort, table: pd.DataFrame, groups, covariates: list[str] | None) -> Design:
    if not covariates:
        return Design(table, groups, None, {})
    values, kinds = cohort.covariate_table()
    missing = [c for c in covariates if c not in values.columns]
    if missing:
        raise IvigBlinaError(
            f"--covariates names {', '.join(missing)}, not a covariate read (covariates: {listed(values.columns)})",
            path=cohort.path,
        )
    return Design(table, groups, values[covariates], {c: kinds[c] for c in covariates})


def _result(name: str, formula: str, fit, excluded: int = 0, extra: tuple[str, ...] = ()) -> ModelResult:
    """The typed result of a stats fit."""
    terms = tuple(ModelTerm(t.term, t.estimate, t.ci_low, t.ci_high, t.p_value) for t in fit.terms)
    return ModelResult(name, formula, fit.n, fit.events, terms, fit.method, tuple(fit.warnings) + extra, excluded)


def _per_parameter(events: int, parameters: int) -> tuple[str, ...]:
    if parameters and events / parameters < EVENTS_PER_PARAMETER:
        return (
            f"{events} events for {parameters} terms: fewer than {EVENTS_PER_PARAMETER} per term, "
            "the estimates may be biased and the intervals too narrow",
        )
    return ()


def _time_varying(cohort: Cohort, design: Design, days: float, with_hgg: bool, level: float) -> list[ModelResult]:
    from ivig_blina.cohort.timevarying import intervals
    from ivig_blina.stats.cox import cox

    out = []
    chosen = design.table.index
    found = intervals(cohort, igg=True)
    rows = found.table[np.isin(found.table.position.to_numpy(), chosen)]
    patients = cohort.table.index[rows.position.to_numpy()]
    terms, cohort_names = design.cohort_terms(patients)
    left_out = _left_out(cohort, found, chosen)
    for name, column, label, formula in (
        ("hgg_time_varying", rows.hgg_now.to_numpy(float), "hgg_now", "hgg_now + cohort"),
        ("igg_time_varying", -rows.igg_now.to_numpy(float) / 100, "igg_now", "igg_now + cohort"),
    ):
        fit = cox(
            rows.start,
            rows.stop,
            rows.event.astype(int),
            np.column_stack([column, terms]),
            [label, *cohort_names],
            id=rows.position,
            confidence_level=level,
        )
        note = ("igg_now: the hazard ratio per 100 mg/dL lower current IgG",) if label == "igg_now" else ()
        out.append(_result(name, f"Surv(tstart, tstop, infection) ~ {formula}", fit, extra=note + left_out))
    exposure = intervals(cohort, igg=with_hgg, ivig_effect_days=days)
    rows = exposure.table[np.isin(exposure.table.position.to_numpy(), chosen)]
    columns, names = [rows.ivig_now.to_numpy(float)], ["ivig_now"]
    if with_hgg:
        columns.append(rows.hgg_now.to_numpy(float))
        names.append("hgg_now")
    fit = cox(rows.start, rows.stop, rows.event.astype(int), np.column_stack(columns), names, id=rows.position)
    note = (f"ivig_now: exposed on (d, d + {days:g}] after every IVIG dose day d",)
    out.append(
        _result(
            "ivig_time_varying",
            f"Surv(tstart, tstop, infection) ~ {' + '.join(names)}",
            fit,
            extra=note + _left_out(cohort, exposure, chosen),
        )
    )
    return out


def _left_out(cohort: Cohort, found, chosen: pd.Index) -> tuple[str, ...]:
    """A warning naming the patients of ``chosen`` the intervals left out."""
    ids = set(cohort.table.patient_id.reindex(chosen))
    no_igg = [p for p in found.no_igg if p in ids]
    no_time = [p for p in found.no_time if p in ids]
    out = []
    if no_igg:
        out.append(f"{len(no_igg):,} patient(s) without any IgG value left out: {listed(no_igg, 10)}")
    if no_time:
        out.append(
            f"{len(no_time):,} patient(s) whose follow-up ends at or before entry left out: {listed(no_time, 10)}"
        )
    return tuple(out)


def _adjusted(design: Design, binary_outcomes: list[str], level: float) -> list[ModelResult]:
    from ivig_blina.stats.cox import cox
    from ivig_blina.stats.glm import logistic, negative_binomial

    t = design.table
    covariate_names = " + ".join(design.covariates.columns) if design.covariates is not None else ""
    out = []
    rows, X, names, excluded = design.adjusted(t.index)
    time, status = t.infection_time.reindex(rows).to_numpy(float), t.infection_status.reindex(rows).to_numpy(int)
    fit = cox(np.zeros(len(rows)), time, (status == 1).astype(int), X, names, confidence_level=level)
    out.append(
        _result(
            "time_to_infection_adjusted",
            f"Surv(time, status) ~ cohort + {covariate_names}",
            fit,
            excluded,
            _per_parameter(fit.events, len(names)),
        )
    )
    for outcome in binary_outcomes:
        values = t[outcome]
        known = t.index[values.notna().to_numpy()]  # hgg: patients with a nadir
        rows, X, names, excluded = design.adjusted(known)
        y = values.reindex(rows).astype(float).to_numpy()
        fit = logistic(y, X, names, confidence_level=level)  # warns of few events per parameter itself
        out.append(_result(f"{outcome}_adjusted", f"{outcome} ~ cohort + {covariate_names} (binomial)", fit, excluded))
    rows, X, names, excluded = design.adjusted(t.index)
    days = t.follow_up_days.reindex(rows).to_numpy(float)
    positive = days > 0
    fit = negative_binomial(
        t.infection_episodes.reindex(rows).to_numpy(float)[positive],
        X[positive],
        names,
        np.log(days[positive]),
        confidence_level=level,
    )
    no_time = (f"{int((~positive).sum()):,} patient(s) without follow-up time left out",) if not positive.all() else ()
    out.append(
        _result(
            "infection_rate_nb_adjusted",
            f"episodes ~ cohort + {covariate_names} + offset(log(days)) (negative binomial)",
            fit,
            excluded,
            no_time,
        )
    )
    return out


def _competing(design: Design, level: float) -> list[ModelResult]:
    from ivig_blina.stats.cox import cox
    from ivig_blina.stats.finegray import fine_gray

    t = design.table
    X, names = design.cohort_terms(t.index)
    time, status = t.infection_time.to_numpy(float), t.infection_status.to_numpy(int)
    fine = fine_gray(time, status, X, names, confidence_level=level)
    cause = cox(np.zeros(len(t)), time, (status == 1).astype(int), X, names, confidence_level=level)
    return [
        _result("infection_fine_gray", "crr(time, status, cohort, failcode = 1, cencode = 0)", fine),
        _result("infection_cause_specific", "Surv(time, status == 1) ~ cohort", cause),
    ]


def negative_binomial_pairs(table: pd.DataFrame, groups: tuple[str, ...], level: float, adjust: str):
    """``infection_rate_nb`` with three or more groups, pair by pair (``compare --pairwise``):
    each pair's own two-group ``MASS::glm.nb(episodes ~ cohort + offset(log(days)))`` on its
    patients (the rate ratio of the first group over the second, Wald CI and P, its own
    theta), in the order of the other outcomes' pairs, P adjusted across the pairs with
    ``adjust`` as theirs. A pair with a group of no follow-up time has no test."""
    followed = table.cohort[table.follow_up_days.to_numpy(float) > 0]
    pairs = []
    for a, b in itertools.combinations(groups, 2):
        if not ((followed == a).any() and (followed == b).any()):
            pairs.append(PairResult(a, b, "negative-binomial", None, warnings=(NO_FOLLOW_UP,)))
            continue
        pair = table[table.cohort.isin((a, b))]
        pairs.append(
            PairResult(a, b, "negative-binomial", negative_binomial_rate_ratio(Design(pair, (a, b), None, {}), level))
        )
    return adjusted_pairs(pairs, adjust)


def negative_binomial_rate_ratio(design: Design, level: float):
    """``infection_rate_nb``: the rate ratio of the first group over the second from
    ``MASS::glm.nb(episodes ~ cohort + offset(log(days)))`` (Wald CI and P), patients without
    follow-up time left out and counted. With three or more groups no single ratio: the
    likelihood-ratio test of the cohort terms, ``anova(glm.nb(episodes ~ 1 + offset(log(days))),
    glm.nb(episodes ~ cohort + offset(log(days))))`` (each model with its own theta, as MASS)."""
    from ivig_blina.stats import ConfidenceInterval, TestResult
    from ivig_blina.stats.distributions import chi2_sf
    from ivig_blina.stats.glm import negative_binomial

    t = design.table
    days = t.follow_up_days.to_numpy(float)
    positive = days > 0
    X, names = design.cohort_terms(t.index[positive])
    episodes, offset = t.infection_episodes.to_numpy(float)[positive], np.log(days[positive])
    fit = negative_binomial(episodes, X, names, offset, confidence_level=level)
    warnings = tuple(fit.warnings)
    if not positive.all():
        warnings += (f"{int((~positive).sum()):,} patient(s) without follow-up time left out",)
    theta = f"; theta {fit.theta:.4g}" if fit.theta is not None else ""
    if len(design.groups) > 2:
        null = negative_binomial(episodes, X[:, :0], [], offset, confidence_level=level)
        method = "negative binomial likelihood-ratio test (MASS::anova.negbin)"
        if not (np.isfinite(fit.loglik) and np.isfinite(null.loglik)):
            return TestResult(statistic=None, pvalue=None, method=method, warnings=warnings)
        statistic = 2 * fit.loglik - 2 * null.loglik  # R: difference of the models' twologlik
        df = X.shape[1]
        return TestResult(
            statistic=statistic,
            pvalue=float(chi2_sf(statistic, df)),  # R: 1 - pchisq(LR, df), the same but below 1e-16
            method=f"{method}, {df} df{theta}",
            warnings=tuple(dict.fromkeys(warnings + tuple(null.warnings))),
        )
    term = fit.terms[0]
    method = "negative binomial regression (MASS::glm.nb), Wald"
    return TestResult(
        statistic=None,
        pvalue=term.p_value,
        estimate=term.estimate,
        ci=ConfidenceInterval(term.ci_low, term.ci_high),
        estimand="rate ratio (first over second), negative binomial",
        method=method + theta,
        warnings=warnings,
    )
