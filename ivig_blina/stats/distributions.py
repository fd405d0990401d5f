"""The normal, chi-square, hypergeometric, binomial and beta probabilities that compare's default
statistics need (Fisher's test, the log-rank test and Cox model, Kaplan-Meier limits, the exact
rate ratio test), as ``scipy.stats`` computes them, without importing ``scipy.stats``.

Importing ``scipy.stats`` builds every distribution and its documentation: 0.7-1.0 s of a
``compare`` at load 1.4 on 2 cores (``scipy.special`` alone: 0.12-0.16 s), for a handful of
functions. Each function here calls the ``scipy.special`` function that ``scipy.stats``' method
calls, and handles the support's edges as its ``rv_continuous`` / ``rv_discrete`` wrapper does,
so the numbers are the same bit for bit (tests/test_distributions.py compares them with
``scipy.stats``). The hypergeometric, binomial and beta functions are Boost's, which
``scipy.special`` holds under private names (since scipy 1.14, scipy PR 20393; before, ``scipy.stats`` is
imported for them).

scipy and numpy are imported inside the functions, so that listing statistics stays instant.
"""

from __future__ import annotations

from typing import Any


def _boost(name: str):
    """``scipy.special._ufuncs.<name>``, Boost's distribution function that scipy.stats calls."""
    from scipy.special import _ufuncs

    return getattr(_ufuncs, name, None)


def _hypergeom_shape(total, good, draws) -> bool:
    """Parameters scipy.stats.hypergeom takes (it gives NaN for others: left to it)."""
    return total > 0 and 0 <= good <= total and 0 <= draws <= total and bool(_boost("_hypergeom_cdf"))


def _binom_shape(n, p) -> bool:
    return n >= 0 and 0 <= p <= 1 and bool(_boost("_binom_cdf"))


def _scalar(output):
    return output[()] if output.ndim == 0 else output


class _Normal:
    """The standard normal distribution's ``cdf``, ``sf``, ``ppf`` and ``isf``, as
    ``scipy.stats.norm``'s (and in its place where a statistic is handed a distribution)."""

    def cdf(self, x) -> Any:
        from scipy import special

        return special.ndtr(x)  # norm.cdf: ndtr((x - 0) / 1); 1 at inf, 0 at -inf, as ndtr

    def sf(self, x) -> Any:
        from scipy import special

        return special.ndtr(-x)

    def ppf(self, q) -> Any:
        from scipy import special

        return special.ndtri(q) * 1.0 + 0.0  # the wrapper's * scale + loc (-0.0 becomes 0.0)

    def isf(self, q) -> Any:
        from scipy import special

        return -special.ndtri(q) * 1.0 + 0.0


norm = _Normal()


def chi2_sf(x, df) -> Any:
    """``scipy.stats.chi2.sf(x, df)``: 1 at or below 0 (outside the open support)."""
    import numpy as np
    from scipy import special

    x = np.asarray(x, float)
    return _scalar(np.where(x <= 0, 1.0, special.chdtrc(df, np.where(x <= 0, 1.0, x))))


def hypergeom_logpmf(k, total, good, draws) -> Any:
    """``scipy.stats.hypergeom.logpmf(k, total, good, draws)``: -inf outside the support."""
    import numpy as np
    from scipy.special import betaln

    if not _hypergeom_shape(total, good, draws):
        from scipy import stats

        return stats.hypergeom.logpmf(k, total, good, draws)
    k = np.asarray(k)
    bad = total - good
    low, high = max(draws - bad, 0), min(good, draws)
    inside = (k >= low) & (k <= high) & (np.floor(k) == k)
    at = np.where(inside, k, low)
    log = (
        betaln(good + 1, 1)
        + betaln(bad + 1, 1)
        + betaln(total - draws + 1, draws + 1)
        - betaln(at + 1, good - at + 1)
        - betaln(draws - at + 1, bad - draws + at + 1)
        - betaln(total + 1, 1)
    )
    return _scalar(np.where(inside, log, -np.inf))


def _discrete_tail(function: str, k, shape: tuple, low, high, upper: bool) -> float:
    """``rv_discrete.cdf`` (``upper`` False) or ``.sf`` of one ``k``: 0 or 1 off the support,
    else Boost's value clipped to [0, 1]."""
    import numpy as np

    if np.isnan(k):
        return float("nan")
    if k < low:
        return 1.0 if upper else 0.0
    if k >= high:
        return 0.0 if upper else 1.0
    return np.clip(_boost(function)(k, *shape), 0, 1)


def hypergeom_cdf(k, total, good, draws) -> Any:
    """``scipy.stats.hypergeom.cdf(k, total, good, draws)`` of one ``k``."""
    if not _hypergeom_shape(total, good, draws):
        from scipy import stats

        return stats.hypergeom.cdf(k, total, good, draws)
    low, high = max(draws - (total - good), 0), min(good, draws)
    return _discrete_tail("_hypergeom_cdf", k, (good, draws, total), low, high, upper=False)


def hypergeom_sf(k, total, good, draws) -> Any:
    """``scipy.stats.hypergeom.sf(k, total, good, draws)`` of one ``k``."""
    if not _hypergeom_shape(total, good, draws):
        from scipy import stats

        return stats.hypergeom.sf(k, total, good, draws)
    low, high = max(draws - (total - good), 0), min(good, draws)
    return _discrete_tail("_hypergeom_sf", k, (good, draws, total), low, high, upper=True)


def binom_pmf(k, n, p) -> Any:
    """``scipy.stats.binom.pmf(k, n, p)``: 0 outside 0..n."""
    import numpy as np

    if not _binom_shape(n, p):
        from scipy import stats

        return stats.binom.pmf(k, n, p)
    k = np.asarray(k)
    inside = (k >= 0) & (k <= n) & (np.floor(k) == k)
    return _scalar(np.where(inside, np.clip(_boost("_binom_pmf")(np.where(inside, k, 0), n, p), 0, 1), 0.0))


def binom_cdf(k, n, p) -> Any:
    """``scipy.stats.binom.cdf(k, n, p)`` of one ``k``."""
    import numpy as np

    if not _binom_shape(n, p):
        from scipy import stats

        return stats.binom.cdf(k, n, p)
    return _discrete_tail("_binom_cdf", np.floor(k), (n, p), 0, n, upper=False)


def binom_sf(k, n, p) -> Any:
    """``scipy.stats.binom.sf(k, n, p)`` of one ``k``."""
    import numpy as np

    if not _binom_shape(n, p):
        from scipy import stats

        return stats.binom.sf(k, n, p)
    return _discrete_tail("_binom_sf", np.floor(k), (n, p), 0, n, upper=True)


def beta_ppf(q, a, b) -> Any:
    """``scipy.stats.beta.ppf(q, a, b)`` of one ``q``: 0 at 0, 1 at 1."""
    if not (_boost("_beta_ppf") and a > 0 and b > 0 and 0 <= q <= 1):
        from scipy import stats

        return stats.beta.ppf(q, a, b)
    if q == 0 or q == 1:
        return float(q)  # the support's ends
    return _boost("_beta_ppf")(q, a, b) * 1.0 + 0.0
