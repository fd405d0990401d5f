"""Stratified two-group statistics (issue 14, "Strata"): what ``run`` computes when a statistic
with ``strata = True`` is given ``strata=``.

``strata`` is a list with one ``(a_s, b_s)`` pair per stratum, each in its kind's shape (binary
``(events, n)``, continuous a float array, time-to-event ``(time, event)``), first group first.
Each function is R's (or coin's) stratified test, number for number:

- :func:`mantel_haenszel`: ``mantelhaen.test(x)`` (continuity correction, the Mantel-Haenszel
  common odds ratio with the Robins-Breslow-Greenland interval) or ``mantelhaen.test(x, exact =
  TRUE)`` (exact conditional P, conditional MLE and its exact interval);
- :func:`stratified_wilcoxon`: ``coin::wilcox_test(y ~ g | s, distribution = "asymptotic")``;
- :func:`stratified_log_rank`: ``survdiff(Surv(time, status) ~ g + strata(s))`` with the hazard
  ratio of ``coxph(Surv(time, status) ~ g + strata(s))``.

A stratum with fewer than 2 patients stops R's ``mantelhaen.test`` and coin; here it is left
out with a warning that counts it (the result is R's on the data without it). A stratum holding
one group only is kept, as R keeps it: it adds nothing to the CMH test or the log-rank test, but
it does move coin's pooled ranks; a warning counts such strata. ``pooled``, when given, is the
pooled data of the two groups: patients in it and in no stratum are counted in a warning (R drops
rows whose stratum is missing).

numpy and scipy are imported inside the functions so that listing statistics stays instant.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ivig_blina.errors import OptionError
from ivig_blina.stats import TestResult
from ivig_blina.stats.odds_ratio import conditional_odds_ratio
from ivig_blina.stats.sides import (
    EPSILON,
    INF,
    ConfidenceInterval,
    pvalue_chisq_or_signed_root,
    pvalue_symmetric,
)


def _strata_pairs(strata: Any) -> list[tuple[Any, Any]]:
    """``strata`` as a list of pairs, or an :class:`OptionError` naming the parameter."""
    if isinstance(strata, (str, bytes)) or not isinstance(strata, Sequence):
        expected = f"expected a list of (first group, second group) pairs, got {type(strata).__name__}"
        raise OptionError("strata", expected)
    pairs = list(strata)
    for i, pair in enumerate(pairs):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise OptionError("strata", f"stratum {i + 1} is not a (first group, second group) pair")
    return pairs


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _method(name: str, strata: int) -> str:
    return f"{name} (stratified, {_plural(strata, 'stratum', 'strata')})"


def _common_warnings(pooled: int | None, in_strata: int, tiny: int, one_group: int, stops: str) -> list[str]:
    """The counted caveats every stratified test shares."""
    warnings = []
    if pooled is not None and pooled != in_strata:
        if in_strata > pooled:
            expected = f"the strata hold {in_strata} patients, more than the {pooled} of the two groups"
            raise OptionError("strata", expected)
        warnings.append(
            f"{_plural(pooled - in_strata, 'patient is', 'patients are')} in no stratum and left out of the "
            "stratified test (R drops rows whose stratum is missing)"
        )
    if tiny:
        warnings.append(
            f"{_plural(tiny, 'stratum', 'strata')} with fewer than 2 patients left out ({stops} stops on them)"
        )
    if one_group:
        warnings.append(
            _plural(one_group, "stratum holds one group only and adds", "strata hold one group only and add")
            + " nothing to the comparison"
        )
    return warnings


# ------------------------------------------------------------------------------------- binary


def mantel_haenszel(
    strata,
    *,
    alternative: str = "two-sided",
    confidence_level: float = 0.95,
    exact: bool = False,
    pooled: tuple[tuple[int, int], tuple[int, int]] | None = None,
) -> TestResult:
    """The Cochran-Mantel-Haenszel test of a 2 x 2 x K table and the common odds ratio (first
    group's odds of the event over the second's), as R's ``mantelhaen.test``.

    ``exact=False``: R's defaults, the chi-square statistic with the continuity correction
    (applied when ``|sum(O - E)| >= 0.5``), one-sided P from its signed root, the Mantel-Haenszel
    estimate and the Robins-Breslow-Greenland interval. ``exact=True``: the exact conditional
    test, whose statistic is the first group's events summed over strata, with the conditional
    MLE of the common odds ratio and its exact interval. Mantel N, Haenszel W (1959)
    doi:10.1093/jnci/22.4.719; Robins J, Breslow N, Greenland S (1986) doi:10.2307/2531168.

    Examples
    --------
    >>> r = mantel_haenszel([((7, 12), (3, 11)), ((9, 15), (5, 14))])
    >>> round(r.statistic, 6), round(r.pvalue, 6), round(r.estimate, 6)
    (2.763186, 0.096456, 3.099556)
    """
    import numpy as np

    pairs = _strata_pairs(strata)
    cells = np.array([[x, n_a - x, y, n_b - y] for (x, n_a), (y, n_b) in pairs], dtype=float).reshape(-1, 4)
    if (cells < 0).any():
        raise OptionError("strata", "events must be between 0 and the number of patients in every stratum")
    size = cells.sum(axis=1)
    tiny = size < 2
    cells = cells[~tiny]
    first, second = cells[:, 0] + cells[:, 1], cells[:, 2] + cells[:, 3]
    warnings = _common_warnings(
        None if pooled is None else pooled[0][1] + pooled[1][1],
        int(size.sum()),
        int(tiny.sum()),
        int(((first == 0) | (second == 0)).sum()),
        "R's mantelhaen.test",
    )
    if len(cells) == 1:
        warnings.append("one stratum: R's mantelhaen.test needs at least 2 (it stops); this is the test of that table")
    informative = (first > 0) & (second > 0) & (cells[:, 0] + cells[:, 2] > 0) & (cells[:, 1] + cells[:, 3] > 0)
    if not informative.any():
        name = "Exact conditional test of independence in 2 x 2 x k tables" if exact else "Mantel-Haenszel test"
        return TestResult(
            statistic=None,
            pvalue=None,
            method=_method(name, len(cells)),
            warnings=(*warnings, "no stratum has both groups and both outcomes; no test (R gives NaN)"),
        )
    if exact:
        return _mantel_haenszel_exact(cells, alternative, confidence_level, warnings)
    return _mantel_haenszel_corrected(cells, alternative, confidence_level, warnings)


def _mantel_haenszel_corrected(cells, alternative, confidence_level, warnings) -> TestResult:
    import numpy as np
    from scipy import stats

    estimand = "common odds ratio (first over second), Mantel-Haenszel"
    a, b, c, d = cells.T  # first group's events and non-events, the second's
    n = a + b + c + d
    delta = float(np.sum(a - (a + b) * (a + c) / n))
    variance = float(np.sum((a + b) * (c + d) * (a + c) * (b + d) / (n**2 * (n - 1))))
    yates = 0.5 if abs(delta) >= 0.5 else 0.0
    method = _method(
        f"Mantel-Haenszel chi-squared test {'with' if yates else 'without'} continuity correction", len(cells)
    )
    statistic = (abs(delta) - yates) ** 2 / variance
    pvalue = pvalue_chisq_or_signed_root(statistic, math.copysign(math.sqrt(statistic), delta), alternative)
    with np.errstate(divide="ignore", invalid="ignore"):
        s_diag, s_offd = np.sum(a * d / n), np.sum(b * c / n)
        estimate = s_diag / s_offd
        sd = np.sqrt(
            np.sum((a + d) * a * d / n**2) / (2 * s_diag**2)
            + np.sum(((a + d) * b * c + (b + c) * a * d) / n**2) / (2 * s_diag * s_offd)
            + np.sum((b + c) * b * c / n**2) / (2 * s_offd**2)
        )
        if alternative == "less":
            low, high = 0.0, estimate * np.exp(stats.norm.ppf(confidence_level) * sd)
        elif alternative == "greater":
            low, high = estimate * np.exp(stats.norm.isf(confidence_level) * sd), INF
        else:
            q = stats.norm.ppf((1 - confidence_level) / 2)
            low, high = estimate * np.exp(q * sd), estimate * np.exp(-q * sd)
    ci = None
    if math.isnan(low) or math.isnan(high):
        warnings = [
            *warnings,
            "no interval for the common odds ratio: a sum of concordant or discordant pairs is 0 (R gives NaN)",
        ]
    else:
        ci = ConfidenceInterval(float(low), float(high))
    return TestResult(
        statistic=statistic,
        pvalue=pvalue,
        estimate=None if math.isnan(estimate) else float(estimate),
        ci=ci,
        estimand=estimand,
        method=method,
        warnings=tuple(warnings),
    )


def _exact_null_distribution(events, non_events, first):
    """The null distribution of the first group's events summed over strata, on its support
    ``lo..``: ``(lo, probabilities)``, the convolution of the strata's hypergeometric
    distributions, normalised, as R's C routine ``d2x2xk``."""
    import numpy as np
    from scipy import stats

    distribution = np.ones(1)
    lo = 0
    for m, n, t in zip(events.astype(int).tolist(), non_events.astype(int).tolist(), first.astype(int).tolist()):
        low, high = max(0, t - n), min(m, t)
        distribution = np.convolve(distribution, stats.hypergeom.pmf(np.arange(low, high + 1), m + n, m, t))
        lo += low
    return lo, distribution / distribution.sum()


def _mantel_haenszel_exact(cells, alternative, confidence_level, warnings) -> TestResult:
    """The exact branch of R's ``mantelhaen.test``: the null distribution of its ``d2x2xk``, then
    the test, estimate and interval that ``fisher.test`` shares (:mod:`ivig_blina.stats.odds_ratio`)."""
    import numpy as np

    estimand = "common odds ratio (first over second), conditional MLE"
    method = _method("Exact conditional test of independence in 2 x 2 x k tables", len(cells))
    a, b, c, d = cells.T
    s = int(a.sum())  # the statistic: the first group's events over the strata
    lo, dc = _exact_null_distribution(a + c, b + d, a + b)
    with np.errstate(divide="ignore"):
        log_null = np.log(dc)
    pvalue, estimate, ci = conditional_odds_ratio(s, lo, log_null, alternative, confidence_level, null=dc)
    # floats, where uniroot may stop on an end of (0, 1) as an int (fisher.test's result keeps it)
    return TestResult(
        statistic=float(s),
        pvalue=pvalue,
        estimate=float(estimate),
        ci=ConfidenceInterval(float(ci.low), float(ci.high)),
        estimand=estimand,
        method=method,
        warnings=tuple(warnings),
    )


# ------------------------------------------------------------------------------------- continuous


def blocked_rank_sum(strata) -> tuple[float, float, float]:
    """``(T, E, V)`` of coin's stratified Wilcoxon-Mann-Whitney test: T is the sum of the first
    group's ranks among ALL values (midranks of the pooled sample, every stratum together), E and
    V its mean and variance when the group labels are permuted within each stratum (Strasser
    and Weber's conditional moments). A stratum of one group adds nothing to T - E or V, but its
    values take part in the ranking."""
    import numpy as np
    from scipy import stats

    firsts = [np.asarray(a, float) for a, _ in strata]
    seconds = [np.asarray(b, float) for _, b in strata]
    values = np.concatenate([v for pair in zip(firsts, seconds) for v in pair])
    ranks = stats.rankdata(values)
    m = np.array([len(a) for a in firsts], dtype=float)
    size = m + [len(b) for b in seconds]
    stratum = np.repeat(np.arange(len(size)), size.astype(int))
    in_first = np.concatenate([np.repeat([True, False], [len(a), len(b)]) for a, b in zip(firsts, seconds)])
    mean_rank = np.bincount(stratum, weights=ranks, minlength=len(size)) / size
    spread = np.bincount(stratum, weights=(ranks - mean_rank[stratum]) ** 2, minlength=len(size)) / size
    total = float(ranks[in_first].sum())
    expectation = float(np.sum(m * mean_rank))
    variance = float(np.sum(spread * m * (size - m) / (size - 1)))
    return total, expectation, variance


def stratified_wilcoxon(strata, *, alternative: str = "two-sided", pooled: tuple[Any, Any] | None = None) -> TestResult:
    """The stratified Wilcoxon-Mann-Whitney test as ``coin::wilcox_test(y ~ g | s, distribution =
    "asymptotic")`` computes it: the standardised statistic Z = (T - E) / sqrt(V) of
    :func:`blocked_rank_sum` against the normal distribution. Z is positive when the first group
    tends to be larger; ``less`` is P(Z <= z), as coin's ``less`` with the first group as the
    first level. This is the blocked permutation test on pooled ranks, not van Elteren's test
    (ranks within strata, weighted). No estimate. Hothorn T, Hornik K, van de Wiel MA, Zeileis A
    (2006) doi:10.1198/000313006X118430.

    Examples
    --------
    >>> r = stratified_wilcoxon([([1.0, 3.0, 5.0], [2.0, 4.0, 6.0]), ([10.0, 12.0], [11.0, 13.0])])
    >>> round(r.statistic, 6), round(r.pvalue, 6)
    (-0.950586, 0.341814)
    """
    import numpy as np
    from scipy import stats

    pairs = [(np.asarray(a, float).ravel(), np.asarray(b, float).ravel()) for a, b in _strata_pairs(strata)]
    size = np.array([len(a) + len(b) for a, b in pairs], dtype=int)
    kept = [pair for pair, n in zip(pairs, size) if n >= 2]
    warnings = _common_warnings(
        None if pooled is None else len(np.ravel(pooled[0])) + len(np.ravel(pooled[1])),
        int(size.sum()),
        int((size < 2).sum()),
        sum(1 for a, b in kept if not len(a) or not len(b)),
        "coin's wilcox_test",
    )
    method = _method("Wilcoxon-Mann-Whitney test on pooled ranks, asymptotic, as coin's wilcox_test", len(kept))
    total, expectation, variance = blocked_rank_sum(kept) if kept else (0.0, 0.0, 0.0)
    if not variance > math.sqrt(EPSILON):
        return TestResult(
            statistic=None,
            pvalue=None,
            method=method,
            warnings=(*warnings, "no stratum has both groups and two different values; no test (coin gives NaN)"),
        )
    z = (total - expectation) / math.sqrt(variance)
    return TestResult(
        statistic=z,
        pvalue=pvalue_symmetric(stats.norm, z, alternative),
        estimand="standardised rank sum of the first group (no estimate)",
        method=method,
        warnings=tuple(warnings),
    )


# ------------------------------------------------------------------------------------- time to event


def stratified_log_rank(
    strata,
    *,
    alternative: str = "two-sided",
    confidence_level: float = 0.95,
    pooled: tuple[Any, Any] | None = None,
) -> TestResult:
    """The stratified log-rank test, as ``survdiff(Surv(time, status) ~ g + strata(s))``: the
    first group's observed minus expected events and their variance, each summed over strata;
    one-sided P from the signed root, as the unstratified log-rank. The hazard ratio (first over
    second) and its Wald interval are those of ``coxph(Surv(time, status) ~ g + strata(s))``
    with Efron's ties. Strata of one group or one patient are kept, as R keeps them (they add
    nothing).

    Examples
    --------
    >>> first, second = ([5, 8, 12, 20], [1, 1, 1, 0]), ([3, 8, 9, 14], [1, 1, 0, 1])
    >>> r = stratified_log_rank([(first, second), (([4, 6, 10], [1, 1, 0]), ([7, 11], [1, 1]))])
    >>> r.method
    'log-rank test (stratified, 2 strata)'
    >>> round(r.statistic, 6), round(r.estimate, 6), [round(end, 6) for end in r.ci]
    (0.05192, 1.163538, [0.306202, 4.421336])
    """
    import numpy as np

    from ivig_blina.stats.survival import _risk_table, stratified_cox_hazard_ratio

    pairs = _strata_pairs(strata)
    sizes = [(len(np.ravel(a[0])), len(np.ravel(b[0]))) for a, b in pairs]
    warnings = _common_warnings(
        None if pooled is None else len(np.ravel(pooled[0][0])) + len(np.ravel(pooled[1][0])),
        sum(n_a + n_b for n_a, n_b in sizes),
        0,
        sum(1 for n_a, n_b in sizes if n_a + n_b and not (n_a and n_b)),
        "R",
    )
    method = _method("log-rank test", len(pairs))
    estimand = "hazard ratio (first over second), Cox model with Efron ties, stratified"
    difference = variance = 0.0
    for a, b in pairs:
        _, d_a, d_b, n_a, n_b = _risk_table(a, b)
        d, n = d_a + d_b, n_a + n_b
        with np.errstate(invalid="ignore", divide="ignore"):
            variance += float(np.nansum(d * (n_a / n) * (n_b / n) * (n - d) / np.where(n > 1, n - 1, np.nan)))
            difference += float(np.sum(d_a - d * n_a / n))
    if not variance > 0:
        return TestResult(
            statistic=None,
            pvalue=None,
            estimand=estimand,
            method=method,
            warnings=(*warnings, "no event has both groups at risk in its stratum; no test"),
        )
    chisq = difference**2 / variance
    pvalue = pvalue_chisq_or_signed_root(chisq, difference / math.sqrt(variance), alternative)
    hr, ci, cox_warnings = stratified_cox_hazard_ratio(pairs, alternative, confidence_level)
    return TestResult(
        statistic=chisq,
        pvalue=pvalue,
        estimate=hr,
        ci=ci,
        estimand=estimand,
        method=method,
        warnings=(*warnings, *cox_warnings),
    )
