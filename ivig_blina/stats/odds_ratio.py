"""The exact conditional test of an odds ratio, with the conditional maximum-likelihood estimate
and its exact interval: one implementation for R's ``fisher.test`` (a 2 x 2 table) and
``mantelhaen.test(exact = TRUE)`` (2 x 2 x K, the common odds ratio), a port of the code the two
share, root-finding included.

The statistic S is the first group's events (summed over the strata). Given the margins, its
distribution under a common odds ratio psi is the null one tilted by psi^S: the noncentral
hypergeometric distribution, or the convolution of K of them. The estimate is the psi at which
the mean of S is the observed s, each limit the psi at which a tail of S beyond s is alpha,
both found by ``uniroot`` on (0, 1) in psi or in 1 / psi.

numpy is imported inside the function so that listing statistics stays instant.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ivig_blina.stats.rootfind import uniroot
from ivig_blina.stats.sides import EPSILON, INF, ConfidenceInterval, tail_probability


def conditional_odds_ratio(
    observed: int,
    lo: int,
    log_null,
    alternative: str,
    confidence_level: float,
    *,
    null=None,
    null_tail: Callable[[bool], float] | None = None,
) -> tuple[float, float, ConfidenceInterval]:
    """``(P, estimate, interval)`` of the exact conditional test of the odds ratio, as R's
    ``fisher.test`` and ``mantelhaen.test(exact = TRUE)``.

    Parameters
    ----------
    observed : int
        s, the observed value of the statistic.
    lo : int
        The lowest value of the statistic's support ``lo, lo + 1, ..., hi``.
    log_null : array_like
        The log of the null probabilities on the support (``dhyper(support, log = TRUE)`` in
        ``fisher.test``, ``log(d2x2xk(...))`` in ``mantelhaen.test``).
    alternative, confidence_level : str, float
        Checked by the caller.
    null : array_like, optional
        The null probabilities as R uses them at odds ratio 1 (``mantelhaen.test``: its
        ``d2x2xk``). Without it they are computed from ``log_null`` as at any other odds ratio
        (``fisher.test``).
    null_tail : callable, optional
        ``null_tail(upper)``: P(S >= s) if upper, else P(S <= s), under the null, where R takes
        it from the distribution function (``fisher.test``: ``phyper``). Without it the tail is
        summed from the null probabilities (``mantelhaen.test``).

    Returns
    -------
    tuple
        The P of ``alternative`` (two-sided: the probabilities no larger than that of s, with R's
        relative tolerance 1e-7), the conditional MLE and the exact interval. A limit or estimate
        where ``uniroot`` stops on an end of (0, 1) is that end as given, the int 0 or 1.

    Examples
    --------
    The 2 x 2 table ``matrix(c(4, 1, 1, 4), 2)``: s = 4 of 5 events in the first group of 5 (R's
    ``fisher.test`` gives 0.2063492, 10.90720 and 0.4547400 to 968.7618):

    >>> import numpy as np
    >>> from scipy import stats
    >>> log_null = stats.hypergeom.logpmf(np.arange(0, 6), 10, 5, 5)
    >>> p, estimate, ci = conditional_odds_ratio(4, 0, log_null, "two-sided", 0.95)
    >>> round(p, 7), round(estimate, 5), [round(end, 7) for end in ci]
    (0.2063492, 10.9072, [0.45474, 968.7617574])
    """
    import numpy as np

    hi = lo + len(log_null) - 1
    values = np.arange(lo, hi + 1, dtype=float)  # the support, as the products below convert it

    def density(ncp: float):
        if ncp == 1 and null is not None:
            return null
        # R's dnhyper: log_null + log(ncp) * support, exp(d - max), d / sum, in one array. The
        # root-finding calls it 20-30 times over up to 250k values, of which exp(d - max) is
        # exactly 0 (below -746) for all but a few thousand around the mode: exp is taken from
        # the first to the last value above -746 only, the others set to the 0 exp gives them
        # (the same array: Fisher's three outcomes at 5M rows took 162 ms instead of 463, load 2.6)
        dens = np.multiply(values, math.log(ncp))
        dens += log_null
        dens -= dens.max()
        above = dens >= -746.0
        first, last = int(above.argmax()), len(dens) - int(above[::-1].argmax())
        dens[:first] = 0.0
        dens[last:] = 0.0
        window = dens[first:last]
        np.exp(window, out=window)
        window /= dens.sum()
        return dens

    def mean(ncp: float) -> float:
        if ncp == 0:
            return lo
        if ncp == INF:
            return hi
        return float((values * density(ncp)).sum())

    def tail(ncp: float, upper: bool) -> float:
        if ncp == 1 and null_tail is not None:
            return null_tail(upper)
        if ncp == 0:
            return float(observed <= lo if upper else observed >= lo)
        if ncp == INF:
            return float(observed <= hi if upper else observed >= hi)
        dens = density(ncp)  # support >= s and <= s, as slices: the same values in the same order
        return float(dens[observed - lo :].sum() if upper else dens[: observed - lo + 1].sum())

    def mle() -> float:
        if observed == lo:
            return 0.0
        if observed == hi:
            return INF
        mu = mean(1)
        if mu > observed:
            return uniroot(lambda t: mean(t) - observed, 0, 1)
        if mu < observed:
            return 1 / uniroot(lambda t: mean(1 / t) - observed, EPSILON, 1)
        return 1.0

    def upper_limit(alpha: float) -> float:
        if observed == hi:
            return INF
        p = tail(1, False)
        if p < alpha:
            return uniroot(lambda t: tail(t, False) - alpha, 0, 1)
        if p > alpha:
            return 1 / uniroot(lambda t: tail(1 / t, False) - alpha, EPSILON, 1)
        return 1.0

    def lower_limit(alpha: float) -> float:
        if observed == lo:
            return 0.0
        p = tail(1, True)
        if p > alpha:
            return uniroot(lambda t: tail(t, True) - alpha, 0, 1)
        if p < alpha:
            return 1 / uniroot(lambda t: tail(1 / t, True) - alpha, EPSILON, 1)
        return 1.0

    if alternative == "less":
        pvalue = tail(1, False)
    elif alternative == "greater":
        pvalue = tail(1, True)
    else:
        dens = density(1)
        pvalue = float(dens[dens <= dens[observed - lo] * (1 + 1e-7)].sum())
    alpha = tail_probability(alternative, confidence_level)
    ci = ConfidenceInterval(
        0.0 if alternative == "less" else lower_limit(alpha),
        INF if alternative == "greater" else upper_limit(alpha),
    )
    return min(1.0, pvalue), mle(), ci
