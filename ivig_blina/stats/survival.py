"""Time to event: Kaplan-Meier, log-rank (two or k groups), Cox (Efron).

Each time-to-event group is a pair of arrays ``(time, event)`` with event 1 for the event
and 0 for censoring (2 for a competing event where a statistic takes one). Event rates are
in ``rates``. numpy and scipy are imported inside the functions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ivig_blina.stats import Statistic, TestResult, distributions
from ivig_blina.stats.omnibus import left_out, two_sided_only
from ivig_blina.stats.sides import (
    EPSILON,
    ConfidenceInterval,
    check_confidence_level,
    interval,
    pvalue_chisq_or_signed_root,
)

if TYPE_CHECKING:
    import numpy as np

TOLERANCE = math.sqrt(EPSILON)  # survival's quantile.survfit: sqrt(.Machine$double.eps)


@dataclass(frozen=True)
class KaplanMeier:
    """The Kaplan-Meier table of one group at every distinct time (events or censorings), as
    R's ``summary(survfit(...), censored=TRUE)`` with ``conf.type="log"``: ``std_err`` is on the
    S(t) scale, the upper limit is clipped at 1, and limits are NaN where S(t) is 0."""

    time: np.ndarray
    n_risk: np.ndarray
    n_event: np.ndarray
    n_censor: np.ndarray
    surv: np.ndarray
    std_err: np.ndarray
    lower: np.ndarray
    upper: np.ndarray

    @property
    def last_time(self) -> float:
        return float(self.time[-1]) if len(self.time) else 0.0

    def at(self, t: float) -> tuple[float, float, float] | None:
        """(S(t), lower, upper) as a step function; None beyond the last follow-up."""
        import numpy as np

        if not len(self.time) or t > self.last_time:
            return None
        i = int(np.searchsorted(self.time, t, side="right")) - 1
        if i < 0:
            return 1.0, 1.0, 1.0
        return float(self.surv[i]), float(self.lower[i]), float(self.upper[i])

    def median(self) -> tuple[float | None, float | None, float | None]:
        """The median time and its CI (from the pointwise limits), as R's survfit."""
        return (
            _first_at_or_below(self.time, self.surv),
            _first_at_or_below(self.time, self.lower),
            _first_at_or_below(self.time, self.upper),
        )


def kaplan_meier(time, event, confidence_level: float = 0.95) -> KaplanMeier:
    """Kaplan-Meier estimate with Greenwood variance and log-transformed limits."""
    import numpy as np

    check_confidence_level(confidence_level)
    time, event = np.asarray(time, float), np.asarray(event) == 1
    times, at = np.unique(time, return_inverse=True)
    n_event = np.bincount(at, weights=event, minlength=len(times))
    n_censor = np.bincount(at, weights=~event, minlength=len(times))
    n_risk = len(time) - np.concatenate([[0], np.cumsum(n_event + n_censor)[:-1]])
    surv = np.cumprod(1 - n_event / n_risk)
    with np.errstate(divide="ignore", invalid="ignore"):
        greenwood = np.cumsum(np.where(n_event > 0, n_event / (n_risk * (n_risk - n_event)), 0.0))
        z = distributions.norm.ppf(1 - (1 - confidence_level) / 2)
        se_log = np.sqrt(greenwood)
        lower = np.where(surv > 0, surv * np.exp(-z * se_log), np.nan)
        upper = np.where(surv > 0, np.minimum(1.0, surv * np.exp(z * se_log)), np.nan)
        std_err = np.where(surv > 0, surv * se_log, np.nan)
    return KaplanMeier(times, n_risk, n_event, n_censor, surv, std_err, lower, upper)


def _first_at_or_below(time, curve, p: float = 0.5) -> float | None:
    """The first time the step ``curve`` reaches ``p``; where it sits exactly at ``p`` over an
    interval, the midpoint of that interval's start and the next drop (survival's rule)."""
    import numpy as np

    valid = ~np.isnan(curve)
    hits = np.flatnonzero(valid & (curve <= p + TOLERANCE))
    if not len(hits):
        return None
    i = hits[0]
    if abs(curve[i] - p) < TOLERANCE:
        later = np.flatnonzero(valid & (curve < curve[i] - TOLERANCE))
        later = later[later > i]
        if len(later):
            return float((time[i] + time[later[0]]) / 2)
    return float(time[i])


def _risk_table(a, b):
    """Distinct event times with, per time, deaths and numbers at risk in each group."""
    times, deaths, at_risk = _risk_table_k(a, b)
    return times, deaths[:, 0], deaths[:, 1], at_risk[:, 0], at_risk[:, 1]


def _risk_table_k(*groups):
    """Distinct event times of all groups and, per time (rows) and group (columns), deaths and
    numbers at risk."""
    import numpy as np

    times = [np.asarray(t, float) for t, _ in groups]
    events = [np.asarray(e) == 1 for _, e in groups]
    distinct = np.unique(np.concatenate([t[e] for t, e in zip(times, events)]))
    deaths = [np.bincount(np.searchsorted(distinct, t[e]), minlength=len(distinct)) for t, e in zip(times, events)]
    at_risk = [len(t) - np.searchsorted(np.sort(t), distinct, side="left") for t in times]
    return distinct, np.column_stack(deaths).astype(float), np.column_stack(at_risk).astype(float)


class LogRank(Statistic):
    """Log-rank test as R's ``survival::survdiff``. Two groups: with the hazard ratio (first
    group over second) and its Wald interval from a Cox model with Efron's ties, as R's
    ``coxph``; one-sided P values use the signed square root of the statistic (first group's
    observed minus expected events). k groups: the k-sample test on k - 1 degrees of freedom
    (see :func:`log_rank_k`), two-sided, without an estimate.

    With ``strata=`` (one ``((time_a, event_a), (time_b, event_b))`` pair per stratum): the
    stratified test ``survdiff(... + strata(s))`` and the hazard ratio of ``coxph(... +
    strata(s))`` (see :func:`ivig_blina.stats.strata.stratified_log_rank`)."""

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "log-rank"
    kind = "time-to-event"
    groups = "k"
    description = "Log-rank test (survdiff) with the Cox hazard ratio (Efron ties)"
    strata = True

    def run(self, *groups, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        if len(groups) != 2:
            return _log_rank_omnibus(groups, alternative)
        import numpy as np

        a, b = groups
        if options.get("strata") is not None:
            from ivig_blina.stats.strata import stratified_log_rank

            return stratified_log_rank(
                options["strata"], alternative=alternative, confidence_level=confidence_level, pooled=(a, b)
            )
        times, d_a, d_b, n_a, n_b = _risk_table(a, b)
        method = "log-rank test"
        estimand = "hazard ratio (first over second), Cox model with Efron ties"
        d, n = d_a + d_b, n_a + n_b
        with np.errstate(invalid="ignore", divide="ignore"):
            variance = np.nansum(d * (n_a / n) * (n_b / n) * (n - d) / np.where(n > 1, n - 1, np.nan))
        if not len(times) or variance == 0:
            return TestResult(
                statistic=None,
                pvalue=None,
                method=method,
                estimand=estimand,
                warnings=("no events to compare; no test",),
            )
        difference = float(np.sum(d_a - d * n_a / n))
        chisq = float(difference**2 / variance)
        p = pvalue_chisq_or_signed_root(chisq, difference / math.sqrt(variance), alternative)
        hr, ci, warnings = cox_hazard_ratio(a, b, alternative, confidence_level)
        return TestResult(
            statistic=chisq, pvalue=p, estimate=hr, ci=ci, estimand=estimand, method=method, warnings=warnings
        )


def log_rank_k(groups):
    """The k-sample log-rank test, as R's ``survival::survdiff(Surv(time, status) ~ group)``.

    Observed minus expected events ``O - E`` per group and their hypergeometric covariance
    ``V = sum_t d (n - d) / (n - 1) [diag(n_g / n) - (n_g / n)(n_h / n)']`` over the distinct
    event times; the groups with ``E > 0`` are tested (a group without patients, or whose
    patients all left before the first event, is left out, as survdiff does): the statistic
    is ``(O - E)' V^-1 (O - E)`` over the groups tested but the first, on one degree of freedom
    fewer than the groups tested.

    Parameters
    ----------
    groups : sequence of (time, event) pairs
        One pair of arrays per group; event 1 is the event, any other code censored.

    Returns
    -------
    statistic, pvalue : float or None
        ``survdiff``'s ``chisq`` and ``pvalue``; None when fewer than two groups have expected
        events (survdiff gives chisq 0 on 0 df) or ``V`` is singular (``solve`` fails).
    df : int
        The number of groups with expected events minus 1.
    tested : numpy.ndarray of bool
        Which groups were tested (``E > 0``).

    Examples
    --------
    >>> from ivig_blina.stats.survival import log_rank_k
    >>> a = ([5, 8, 8, 12], [1, 1, 0, 1])
    >>> b = ([3, 4, 8, 9], [1, 1, 1, 0])
    >>> c = ([2, 6, 10, 11], [0, 1, 0, 1])
    >>> statistic, pvalue, df, tested = log_rank_k([a, b, c])
    >>> round(statistic, 4), df, round(pvalue, 4)  # R's survdiff prints Chisq= 1.5 on 2 df, p= 0.5
    (1.4975, 2, 0.473)
    """
    import numpy as np

    if not groups:
        return None, None, 0, np.zeros(0, dtype=bool)
    _, deaths, at_risk = _risk_table_k(*groups)
    d, n = deaths.sum(axis=1), at_risk.sum(axis=1)
    share = at_risk / n[:, None]
    expected = (d[:, None] * share).sum(axis=0)
    tested = expected > 0
    df = int(tested.sum()) - 1
    if df < 1:
        return None, None, max(df, 0), tested
    with np.errstate(invalid="ignore", divide="ignore"):
        weight = np.where(n > 1, d * (n - d) / (n - 1), 0.0)
    share = share[:, tested]
    covariance = np.einsum("t,tg->g", weight, share)[:, None] * np.eye(df + 1) - np.einsum(
        "t,tg,th->gh", weight, share, share
    )
    difference = (deaths.sum(axis=0) - expected)[tested][1:]
    try:
        statistic = float(difference @ np.linalg.solve(covariance[1:, 1:], difference))
    except np.linalg.LinAlgError:
        return None, None, df, tested
    return statistic, float(distributions.chi2_sf(statistic, df)), df, tested


def _log_rank_omnibus(groups, alternative) -> TestResult:
    """The k-sample log-rank test as a result, saying which groups were left out and why."""
    statistic, pvalue, df, tested = log_rank_k(groups)
    empty = [len(time) == 0 for time, _ in groups]
    warnings = two_sided_only("the k-sample log-rank test", alternative)
    warnings += left_out(empty, "no patients: left out, as R's survdiff drops an empty level")
    warnings += left_out(
        [not (is_empty or is_tested) for is_empty, is_tested in zip(empty, tested)],
        "no one at risk at any event time (0 expected events): left out of the test, as R's survdiff does",
    )
    method = f"log-rank test (df = {df})"
    if statistic is None:
        return TestResult(
            statistic=None,
            pvalue=None,
            method=method,
            warnings=warnings + ("fewer than two groups with events expected, or a singular variance; no test",),
        )
    return TestResult(statistic=statistic, pvalue=pvalue, method=method, warnings=warnings)


def cox_hazard_ratio(a, b, alternative="two-sided", confidence_level=0.95):
    """exp(beta) of a Cox model with one indicator (first group = 1), Efron's ties, Newton-Raphson
    from 0 as R's ``coxph`` (iter.max 20, convergence on the log likelihood at 1e-9): the
    one-stratum case of :func:`stratified_cox_hazard_ratio`.

    Returns ``(hazard_ratio, ci, warnings)``; the ratio and interval are None (a warning says
    why) when the model has no finite estimate."""
    return stratified_cox_hazard_ratio([(a, b)], alternative, confidence_level)


def stratified_cox_hazard_ratio(strata, alternative="two-sided", confidence_level=0.95):
    """exp(beta) of a Cox model with one indicator (first group = 1) and a baseline hazard of
    its own in each stratum, as R's ``coxph(Surv(time, status) ~ g + strata(s), ties="efron")``:
    the risk sets are within strata, and the log likelihood and its derivatives are sums over
    strata. ``strata`` is a list of ``(a_s, b_s)`` pairs, each ``(time, event)``. Newton-Raphson
    from 0 as :func:`cox_hazard_ratio`; the Wald interval."""
    import numpy as np

    parts = [_EfronStratum(a, b) for a, b in strata]
    if not any(p.first_has_events for p in parts) or not any(p.second_has_events for p in parts):
        which = "first" if not any(p.first_has_events for p in parts) else "second"
        return None, None, (f"no events in the {which} group: the hazard ratio is not estimable",)

    def derivatives(beta):
        with np.errstate(all="ignore"):  # a diverging beta is caught below as not estimable
            terms = [p.derivatives(beta) for p in parts]
        # sums over strata (one stratum: 0 + its value, the value itself, bit for bit)
        return tuple(sum(t[i] for t in terms) for i in range(3))

    infinite = (
        None,
        None,
        (
            "the hazard ratio is not estimable: one group's events all come before the "
            "other's (monotone likelihood; R warns the coefficient may be infinite)",
        ),
    )
    beta, converged = 0.0, False
    loglik, score, information = derivatives(beta)
    if information <= 0:
        return (
            None,
            None,
            ("the hazard ratio is not estimable: no event has both groups at risk in its stratum",),
        )
    try:
        for _ in range(20):
            step = score / information
            new = derivatives(beta + step)
            while new[0] < loglik - 1e-12:  # step halving, as coxph
                step /= 2
                new = derivatives(beta + step)
            beta += step
            converged = abs(1 - new[0] / loglik) <= 1e-9 if loglik else abs(new[0] - loglik) <= 1e-9
            loglik, score, information = new
            if converged or abs(beta) > 15:
                break
    except (OverflowError, ZeroDivisionError):
        return infinite
    if not converged or abs(beta) > 15 or information <= 1e-12:
        return infinite
    low, high = interval(beta, 1 / math.sqrt(information), distributions.norm, alternative, confidence_level)
    return (
        math.exp(beta),
        ConfidenceInterval(math.exp(low), math.exp(high)),
        (),
    )  # exp(-inf) = 0 and exp(inf) = inf: open ends


class _EfronStratum:
    """One stratum's part of the Cox partial log likelihood with Efron's ties: its risk sets
    (everyone of the stratum still followed at an event time), built once for every beta."""

    def __init__(self, a, b) -> None:
        import numpy as np

        (ta, ea), (tb, eb) = ((np.asarray(t, float), np.asarray(e) == 1) for t, e in (a, b))
        time = np.concatenate([ta, tb])
        self.event = np.concatenate([ea, eb])
        self.x = np.concatenate([np.ones(len(ta)), np.zeros(len(tb))])
        self.first_has_events, self.second_has_events = bool(ea.any()), bool(eb.any())
        unique_times, self.at = np.unique(time, return_inverse=True)
        self.times = len(unique_times)
        deaths = np.bincount(self.at[self.event], minlength=self.times)
        with_deaths = np.flatnonzero(deaths)
        tied = deaths[with_deaths]
        # one entry per event: its time's index j and its rank r among the d tied events (Efron: r/d)
        self.j = np.repeat(with_deaths, tied)
        self.fraction = (np.arange(tied.sum()) - np.repeat(np.cumsum(tied) - tied, tied)) / deaths[self.j]
        self.x_dead = self.x[self.event].sum()

    def derivatives(self, beta: float) -> tuple[float, float, float]:
        """(log likelihood, score, information) of this stratum at ``beta``."""
        import numpy as np

        at, event, x, j, fraction = self.at, self.event, self.x, self.j, self.fraction
        w = np.exp(beta * x)
        s0 = np.cumsum(np.bincount(at, weights=w)[::-1])[::-1]  # sums over the risk set, time >= t
        s1 = np.cumsum(np.bincount(at, weights=w * x)[::-1])[::-1]
        d0 = np.bincount(at[event], weights=w[event], minlength=self.times)
        d1 = np.bincount(at[event], weights=(w * x)[event], minlength=self.times)
        t0 = s0[j] - fraction * d0[j]
        ratio = (s1[j] - fraction * d1[j]) / t0  # x is 0/1, so its second moment equals the first
        return (
            float(beta * self.x_dead - np.log(t0).sum()),
            float(self.x_dead - ratio.sum()),
            float((ratio - ratio**2).sum()),
        )
