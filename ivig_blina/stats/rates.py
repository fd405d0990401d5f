"""Built-in statistics for event rates: each group is an ``(episodes, patient_days)`` pair,
first group first; rate ratios are first over second.

numpy and scipy are imported inside the functions so that listing statistics stays instant.
"""

from __future__ import annotations

import math

from ivig_blina.stats import Statistic, TestResult, distributions
from ivig_blina.stats.omnibus import left_out, two_sided_only
from ivig_blina.stats.sides import (
    INF,
    ConfidenceInterval,
    interval,
    open_side,
    pvalue_chisq_or_signed_root,
    tail_probability,
)

LRT_METHOD = "likelihood-ratio test, Poisson model with a log person-time offset"


class PoissonRateRatio(Statistic):
    """Exact comparison of two event rates, as R's two-sample ``poisson.test``: the first
    group's count given the total is binomial; the rate ratio (first over second) has the
    Clopper-Pearson interval mapped to the ratio scale."""

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "poisson-exact"
    kind = "rate"
    description = "Rate ratio with exact conditional (binomial) CI and P, as R's poisson.test"

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        (x1, t1), (x2, t2) = a, b
        method, estimand = "exact rate ratio test (conditional binomial)", "rate ratio (first over second)"
        n = x1 + x2
        if t1 <= 0 or t2 <= 0:
            return TestResult(
                statistic=None,
                pvalue=None,
                method=method,
                estimand=estimand,
                warnings=("no patient-time in a group; no test",),
            )
        if n == 0:  # R: binom.test(0, 0) gives P = 1 and the whole interval; 0 / 0 has no estimate
            return TestResult(
                statistic=0.0,
                pvalue=1.0,
                estimate=math.nan,
                ci=ConfidenceInterval(0.0, math.inf),
                method=method,
                estimand=estimand,
                warnings=("no episodes in either group: P = 1 and no rate ratio, as R's poisson.test",),
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


class PoissonLRT(Statistic):
    """The likelihood-ratio test that every group has the same event rate: a Poisson model
    of the episodes with a log person-time offset and one rate per group against one common
    rate, as R's ``anova(glm(episodes ~ group + offset(log(days)), family = poisson), test =
    "LRT")`` (see :func:`poisson_lrt`). Two groups: also the rate ratio (first over second)
    with its Wald interval, as ``exp(confint.default(fit))``; one-sided P values from the
    signed square root of the statistic, as the log-rank test's. More groups: two-sided,
    without an estimate."""

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "poisson-lrt"
    kind = "rate"
    groups = "k"
    description = "Poisson likelihood-ratio test, log person-time offset, k groups, as R's glm + anova"

    def run(self, *groups, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        estimand = "rate ratio (first over second), Wald interval" if len(groups) == 2 else None
        episodes, days = _checked_rates(groups)
        impossible = [x > 0 and t == 0 for x, t in zip(episodes, days)]
        if any(impossible):
            reason = "episodes but no patient-time; no test (R's glm fails on the offset log(0))"
            return TestResult(
                statistic=None, pvalue=None, estimand=estimand, method=LRT_METHOD, warnings=left_out(impossible, reason)
            )
        warnings = left_out(
            [t == 0 for t in days], "no patient-time: left out, as R's glm has no rows (an unused level) for it"
        )
        if len(groups) != 2:
            warnings = two_sided_only("the likelihood-ratio test of k rates", alternative) + warnings
        statistic, pvalue, df = poisson_lrt(groups)
        method = f"{LRT_METHOD} (df = {df})"
        if statistic is None:
            return TestResult(
                statistic=None,
                pvalue=None,
                estimand=estimand,
                method=method,
                warnings=warnings + ("fewer than two groups with patient-time; no test",),
            )
        if sum(episodes) == 0:
            warnings += ("no episodes in any group: the statistic is 0 and P is 1, as R's glm gives",)
        if len(groups) != 2:
            return TestResult(statistic=statistic, pvalue=pvalue, method=method, warnings=warnings)
        (x1, x2), (t1, t2) = episodes, days
        direction = x1 * t2 - x2 * t1  # the sign of rate 1 - rate 2
        pvalue = pvalue_chisq_or_signed_root(statistic, math.copysign(math.sqrt(statistic), direction), alternative)
        estimate, ci = _rate_ratio_wald(x1, t1, x2, t2, alternative, confidence_level)
        if (x1 == 0) != (x2 == 0):
            warnings += (
                "no episodes in a group: the rate ratio's log is infinite and its Wald interval (0, inf) "
                "(R's glm stops at a large finite coefficient with a huge standard error)",
            )
        return TestResult(
            statistic=statistic,
            pvalue=pvalue,
            estimate=estimate,
            ci=ci,
            estimand=estimand,
            method=method,
            warnings=warnings,
        )


def _checked_rates(groups) -> tuple[list[float], list[float]]:
    """Episodes and patient-days per group as floats; a negative, NaN or infinite count or
    time is a ValueError."""
    episodes, days = [float(x) for x, _ in groups], [float(t) for _, t in groups]
    if not all(math.isfinite(v) and v >= 0 for v in episodes + days):
        raise ValueError("episodes and patient-days must be finite numbers >= 0")
    return episodes, days


def poisson_lrt(groups) -> tuple[float | None, float | None, int]:
    """The likelihood-ratio (deviance) test of equal Poisson rates across groups.

    The model with one rate per group is saturated on the groups' totals, so the deviance
    difference depends only on them: ``2 sum_g X_g log(r_g / r)``, ``r_g = X_g / T_g`` and ``r``
    the pooled rate (a group with ``X_g = 0`` adds 0). R fits both models by IRLS
    (``glm``) and reaches this to its convergence tolerance (in tests/golden/r_kgroups.py within
    1e-14 relative, and 4e-10 absolute where a group has no episodes and its coefficient
    diverges); the closed form is the exact value, whatever the rows (per patient or per group).

    Parameters
    ----------
    groups : sequence of (episodes, patient_days) pairs
        A group with no patient-time is left out (in R it has no rows); one with episodes but no
        patient-time is a ValueError (R's glm fails on the offset log(0)).

    Returns
    -------
    statistic, pvalue : float or None
        The deviance difference (anova's ``Deviance``; never below 0) and ``pchisq(statistic,
        df, lower.tail = FALSE)`` (anova's ``Pr(>Chi)``); None with fewer than two groups
        with patient-time.
    df : int
        The number of groups with patient-time minus 1.

    Examples
    --------
    >>> from ivig_blina.stats.rates import poisson_lrt
    >>> statistic, pvalue, df = poisson_lrt([(12, 1530), (5, 980), (7, 1210)])
    >>> round(statistic, 6), df  # R: anova(glm(...), test = "LRT")$Deviance[2] is 0.813949
    (0.813949, 2)
    """
    episodes, days = _checked_rates(groups)
    if any(x > 0 and t == 0 for x, t in zip(episodes, days)):
        raise ValueError("a group has episodes but no patient-days")
    kept = [(x, t) for x, t in zip(episodes, days) if t > 0]
    df = len(kept) - 1
    if df < 1:
        return None, None, max(df, 0)
    total_episodes, total_days = sum(x for x, _ in kept), sum(t for _, t in kept)
    pooled = total_episodes / total_days
    deviance = 2 * sum(x * math.log(x / (t * pooled)) for x, t in kept if x > 0)
    statistic = max(0.0, deviance)  # equal rates: 0, not a rounding error below it
    return statistic, float(distributions.chi2_sf(statistic, df)), df


def _rate_ratio_wald(x1, t1, x2, t2, alternative, confidence_level):
    """(x1 / t1) / (x2 / t2) and ``exp`` of the Wald interval of its log, standard error
    ``sqrt(1/x1 + 1/x2)`` (the Poisson model's, as ``confint.default``); with no episodes in
    a group the log is infinite and the interval (0, inf); with none at all no estimate."""
    if x1 == 0 or x2 == 0:
        estimate = None if x1 == x2 else 0.0 if x1 == 0 else INF
        return estimate, ConfidenceInterval(0.0, INF)
    log_ratio = math.log((x1 / t1) / (x2 / t2))
    low, high = interval(log_ratio, math.sqrt(1 / x1 + 1 / x2), distributions.norm, alternative, confidence_level)
    return math.exp(log_ratio), ConfidenceInterval(math.exp(low), math.exp(high))


def _binom_test(x: int, n: int, p: float, alternative: str) -> float:
    """R's ``binom.test(x, n, p)$p.value`` (two-sided: relative tolerance 1e-7)."""
    import numpy as np

    from ivig_blina.stats.distributions import binom_cdf, binom_pmf, binom_sf

    if alternative == "less":
        return float(binom_cdf(x, n, p))
    if alternative == "greater":
        return float(binom_sf(x - 1, n, p))
    d = binom_pmf(x, n, p)
    m = n * p
    if x == m:
        return 1.0
    if x < m:
        i = np.arange(math.ceil(m), n + 1)
        y = int(np.sum(binom_pmf(i, n, p) <= d * (1 + 1e-7)))
        return float(min(1.0, binom_cdf(x, n, p) + binom_sf(n - y, n, p)))
    i = np.arange(0, math.floor(m) + 1)
    y = int(np.sum(binom_pmf(i, n, p) <= d * (1 + 1e-7)))
    return float(min(1.0, binom_cdf(y - 1, n, p) + binom_sf(x - 1, n, p)))


def _clopper_pearson(x: int, n: int, alternative: str, confidence_level: float) -> tuple[float, float]:
    alpha = tail_probability(alternative, confidence_level)
    low = 0.0 if x == 0 else float(distributions.beta_ppf(alpha, x, n - x + 1))
    high = 1.0 if x == n else float(distributions.beta_ppf(1 - alpha, x + 1, n - x))
    return open_side(low, high, alternative, 0.0, 1.0)
