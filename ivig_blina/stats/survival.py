"""Time to event and event rates: Kaplan-Meier, log-rank, Cox (Efron), exact rate ratio.

Each time-to-event group is a pair of arrays ``(time, event)`` with event 1 for the event
and 0 for censoring (2 for a competing event where a statistic takes one); each rate group
is a pair ``(episodes, patient_days)``. numpy and scipy are imported inside the functions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ivig_blina.stats import Statistic, TestResult
from ivig_blina.stats.sides import (
    EPSILON,
    ConfidenceInterval,
    check_confidence_level,
    interval,
    open_side,
    pvalue_chisq_or_signed_root,
    tail_probability,
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
    from scipy import stats

    check_confidence_level(confidence_level)
    time, event = np.asarray(time, float), np.asarray(event) == 1
    times, at = np.unique(time, return_inverse=True)
    n_event = np.bincount(at, weights=event, minlength=len(times))
    n_censor = np.bincount(at, weights=~event, minlength=len(times))
    n_risk = len(time) - np.concatenate([[0], np.cumsum(n_event + n_censor)[:-1]])
    surv = np.cumprod(1 - n_event / n_risk)
    with np.errstate(divide="ignore", invalid="ignore"):
        greenwood = np.cumsum(np.where(n_event > 0, n_event / (n_risk * (n_risk - n_event)), 0.0))
        z = stats.norm.ppf(1 - (1 - confidence_level) / 2)
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
    import numpy as np

    (ta, ea), (tb, eb) = ((np.asarray(t, float), np.asarray(e) == 1) for t, e in (a, b))
    times = np.unique(np.concatenate([ta[ea], tb[eb]]))

    def deaths(t, e):
        return np.bincount(np.searchsorted(times, t[e]), minlength=len(times)).astype(float)

    def at_risk(t):
        return (len(t) - np.searchsorted(np.sort(t), times, side="left")).astype(float)

    return times, deaths(ta, ea), deaths(tb, eb), at_risk(ta), at_risk(tb)


class LogRank(Statistic):
    """Log-rank test as R's ``survival::survdiff``, with the hazard ratio (first group over
    second) and its Wald interval from a Cox model with Efron's ties, as R's ``coxph``.
    One-sided P values use the signed square root of the statistic (first group's observed
    minus expected events).

    With ``strata=`` (one ``((time_a, event_a), (time_b, event_b))`` pair per stratum): the
    stratified test ``survdiff(... + strata(s))`` and the hazard ratio of ``coxph(... +
    strata(s))`` (see :func:`ivig_blina.stats.strata.stratified_log_rank`)."""

    name = "log-rank"
    kind = "time-to-event"
    description = "Log-rank test (survdiff) with the Cox hazard ratio (Efron ties)"
    strata = True

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        import numpy as np

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
    from scipy import stats

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
    low, high = interval(beta, 1 / math.sqrt(information), stats.norm, alternative, confidence_level)
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


class PoissonRateRatio(Statistic):
    """Exact comparison of two event rates, as R's two-sample ``poisson.test``: the first
    group's count given the total is binomial; the rate ratio (first over second) has the
    Clopper-Pearson interval mapped to the ratio scale."""

    name = "poisson-exact"
    kind = "rate"
    description = "Rate ratio with exact conditional (binomial) CI and P, as R's poisson.test"

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        (x1, t1), (x2, t2) = a, b
        method, estimand = "exact rate ratio test (conditional binomial)", "rate ratio (first over second)"
        n = x1 + x2
        if t1 <= 0 or t2 <= 0 or n == 0:
            return TestResult(
                statistic=None,
                pvalue=None,
                method=method,
                estimand=estimand,
                warnings=("no episodes or no patient-time in a group; no test",),
            )
        p0 = t1 / (t1 + t2)
        pvalue = _binom_test(x1, n, p0, alternative)
        low, high = _clopper_pearson(x1, n, alternative, confidence_level)
        to_ratio = lambda p: math.inf if p >= 1 else p / (1 - p) * t2 / t1  # noqa: E731
        estimate = math.inf if x2 == 0 else (x1 / t1) / (x2 / t2)
        return TestResult(
            statistic=float(x1),
            pvalue=pvalue,
            estimate=estimate,
            ci=ConfidenceInterval(to_ratio(low), to_ratio(high)),
            estimand=estimand,
            method=method,
        )


def _binom_test(x: int, n: int, p: float, alternative: str) -> float:
    """R's ``binom.test(x, n, p)$p.value`` (two-sided: relative tolerance 1e-7)."""
    import numpy as np
    from scipy import stats

    if alternative == "less":
        return float(stats.binom.cdf(x, n, p))
    if alternative == "greater":
        return float(stats.binom.sf(x - 1, n, p))
    d = stats.binom.pmf(x, n, p)
    m = n * p
    if x == m:
        return 1.0
    if x < m:
        i = np.arange(math.ceil(m), n + 1)
        y = int(np.sum(stats.binom.pmf(i, n, p) <= d * (1 + 1e-7)))
        return float(min(1.0, stats.binom.cdf(x, n, p) + stats.binom.sf(n - y, n, p)))
    i = np.arange(0, math.floor(m) + 1)
    y = int(np.sum(stats.binom.pmf(i, n, p) <= d * (1 + 1e-7)))
    return float(min(1.0, stats.binom.cdf(y - 1, n, p) + stats.binom.sf(x - 1, n, p)))


def _clopper_pearson(x: int, n: int, alternative: str, confidence_level: float) -> tuple[float, float]:
    from scipy import stats

    alpha = tail_probability(alternative, confidence_level)
    low = 0.0 if x == 0 else float(stats.beta.ppf(alpha, x, n - x + 1))
    high = 1.0 if x == n else float(stats.beta.ppf(1 - alpha, x + 1, n - x))
    return open_side(low, high, alternative, 0.0, 1.0)
