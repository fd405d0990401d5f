"""Competing risks, as R's ``cmprsk::cuminc`` (no strata, ``rho = 0``).

Aalen-Johansen cumulative incidence with cmprsk's variance, and Gray's test of two or k groups
(Gray RJ, Ann Stat 1988;16:1141-1154, doi:10.1214/aos/1176350951). Status 0 is censored,
``cause`` is the event of interest and any other positive code is a competing event.
"""

from __future__ import annotations

from ivig_blina.stats import Statistic, TestResult
from ivig_blina.stats.omnibus import left_out, two_sided_only


def _clean(time, status, cause):
    """Float times and int statuses; rows with a NaN are dropped (as ``na.omit``)."""
    import numpy as np

    t = np.asarray(time, dtype=float).ravel()
    s = np.asarray(status, dtype=float).ravel()
    if t.shape != s.shape:
        raise ValueError(f"time and status differ in length ({t.size} vs {s.size})")
    keep = ~(np.isnan(t) | np.isnan(s))
    t, s = t[keep], s[keep]
    if np.any(~np.isfinite(t) | (t < 0) | (s < 0) | (s != np.round(s))) or not cause >= 1:
        raise ValueError("need finite times >= 0, integer statuses >= 0 and a cause >= 1")
    return t, s.astype(int)


def _tabulate(groups, cause):
    """Distinct times of all groups and, per time (rows) and group (columns), the numbers of
    ``cause`` events ``d1``, competing events ``d2`` and subjects at risk just before, ``y``."""
    import numpy as np

    utimes = np.unique(np.concatenate([t for t, _ in groups]))
    d1, d2, n = (np.zeros((utimes.size, len(groups))) for _ in range(3))
    for k, (t, s) in enumerate(groups):
        at = np.searchsorted(utimes, t)
        d1[:, k] = np.bincount(at, weights=s == cause, minlength=utimes.size)
        d2[:, k] = np.bincount(at, weights=(s > 0) & (s != cause), minlength=utimes.size)
        n[:, k] = np.bincount(at, minlength=utimes.size)
    return utimes, d1, d2, n[::-1].cumsum(axis=0)[::-1]


def _ratio(num, den):
    """``num / den`` where ``den > 0``, else 0."""
    import numpy as np

    return np.divide(num, den, out=np.zeros(np.broadcast(num, den).shape), where=den > 0)


def _tie(d, m):
    """cmprsk's correction for ``d`` tied events among ``m``: ``1 - (d - 1) / (m - 1)``."""
    return 1 - (d > 1) * _ratio(d - 1, m - 1)


def _curves(d1, d2, y):
    """Per group (column): the all-cause Kaplan-Meier just before and at each time, and the
    cumulative incidence of the cause just before and at each time."""
    import numpy as np

    s = np.cumprod(np.where(y > 0, _ratio(y - d1 - d2, y), 1.0), axis=0)
    s_minus = np.vstack([np.ones((1, y.shape[1])), s[:-1]])
    f = np.cumsum(_ratio(s_minus * d1, y), axis=0)
    return s_minus, s, np.vstack([np.zeros((1, y.shape[1])), f[:-1]]), f


def aalen_johansen(time, status, cause: int = 1):
    """Aalen-Johansen cumulative incidence of ``cause`` for one group, as ``cmprsk::cuminc``.

    Parameters
    ----------
    time : array_like
        Follow-up times, finite and >= 0. Rows whose time or status is NaN are dropped.
    status : array_like
        0 = censored, ``cause`` = event of interest, any other positive code = competing event.
    cause : int, default 1
        The event code whose cumulative incidence is estimated.

    Returns
    -------
    times, cif, var : numpy.ndarray
        The distinct times at which ``cause`` occurs (the jumps of the step function), the
        cumulative incidence ``F`` there (events at that time included) and cmprsk's variance
        (``cuminc``'s ``var``): the sum over event times ``u <= t`` of
        ``c1 S(u-)^2 d1/Y^2 [1 - (F(t) - F(u))/S(u)]^2 + c2 S(u-)^2 d2/Y^2 [(F(t) - F(u))/S(u)]^2``
        (``S`` all-cause Kaplan-Meier, ``Y`` at risk, ``c = 1 - (d - 1)/(Y - 1)`` for ties; a
        term with ``S(u) = 0`` keeps 1 in the first bracket and drops the second). All three
        are empty when the group has no event of ``cause``.

    References
    ----------
    Gray RJ. A class of K-sample tests for comparing the cumulative incidence of a competing
    risk. Ann Stat 1988;16:1141-1154. doi:10.1214/aos/1176350951
    """
    import numpy as np

    t, s = _clean(time, status, cause)
    if t.size == 0:
        return np.zeros(0), np.zeros(0), np.zeros(0)
    utimes, d1, d2, y = _tabulate([(t, s)], cause)
    s_minus, s_now, _, f = (a[:, 0] for a in _curves(d1, d2, y))
    d1, d2, y = d1[:, 0], d2[:, 0], y[:, 0]
    inv = _ratio(1.0, s_now)
    w1 = s_minus**2 * _tie(d1, y) * _ratio(d1, y**2)
    w2 = np.where(s_now > 0, s_minus**2 * _tie(d2, y) * _ratio(d2, y**2), 0.0)
    b1, b2 = 1 + f * inv, f * inv  # expanded as cmprsk does: F(t) enters only below
    v1 = np.cumsum(w1 * b1**2 + w2 * b2**2)
    v2 = np.cumsum(inv * (w1 * b1 + w2 * b2))
    v3 = np.cumsum((w1 + w2) * inv**2)
    jump = d1 > 0
    return utimes[jump], f[jump], (v1 + f * f * v3 - 2 * f * v2)[jump]


def cif_at(times_out, time, status, cause: int = 1):
    """Cumulative incidence of ``cause`` and its variance at given times, as
    ``cmprsk::timepoints`` on ``cuminc`` for one group.

    Parameters
    ----------
    times_out : array_like
        Where to read the step functions. The output keeps this order and any duplicates
        (``timepoints`` sorts and de-duplicates its times).
    time, status, cause
        As for :func:`aalen_johansen`.

    Returns
    -------
    est, var : list of float or None
        The values at the last jump at or before each time (0 before the first jump). ``None``
        where ``timepoints`` gives ``NA``: before time 0, after the group's largest observed
        time (event or censoring) and everywhere for a group without observations.

    References
    ----------
    Gray RJ. Ann Stat 1988;16:1141-1154. doi:10.1214/aos/1176350951
    """
    import numpy as np

    t, _ = _clean(time, status, cause)
    times, cif, var = aalen_johansen(time, status, cause)
    q = np.asarray(times_out, dtype=float).ravel()
    at = np.searchsorted(times, q, side="right") - 1
    inside = (q >= 0) & (q <= (t.max() if t.size else -np.inf))
    est, v = (np.append(x, 0.0)[at] for x in (cif, var))  # index -1: 0 before the first jump
    return (
        [float(x) if ok else None for x, ok in zip(est, inside)],
        [float(x) if ok else None for x, ok in zip(v, inside)],
    )


def cif_interval(cif, var, confidence_level: float = 0.95):
    """Pointwise confidence limits of a cumulative incidence ``cif`` with variance ``var``
    (as from :func:`aalen_johansen`), on the log(-log) scale: ``F ** exp(+-z se / (F log F))``,
    as ``tidycmprsk::cuminc`` computes them from ``cmprsk``'s variance.

    Returns
    -------
    low, high : numpy.ndarray
        NaN where ``F`` is 0 or 1 (the transform is not defined there) or the variance is NaN.

    References
    ----------
    Pintilie M. Competing Risks: A Practical Perspective. Wiley, 2006. doi:10.1002/9780470870709
    """
    import numpy as np
    from scipy import stats

    from ivig_blina.stats.sides import check_confidence_level

    check_confidence_level(confidence_level)
    f, se = np.asarray(cif, float), np.sqrt(np.asarray(var, float))
    z = stats.norm.ppf(1 - (1 - confidence_level) / 2)
    inside = (f > 0) & (f < 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        spread = np.exp(z * se / np.abs(f * np.log(f)))
        low, high = f**spread, f ** (1 / spread)
    return np.where(inside, low, np.nan), np.where(inside, high, np.nan)


def gray_test(time_a, status_a, time_b, status_b, cause: int = 1):
    """Gray's test that groups A and B have the same cumulative incidence of ``cause``.

    The score is Gray's (1988) ``rho = 0`` statistic ``sum_t [d_A - D R_A / (R_A + R_B)]``,
    ``R_k = Y_k (1 - F_k(t-)) / S_k(t-)``; its variance is the delta-method (martingale) one
    under the null, taken exactly in discrete time, with the pooled incidence ``F0(t) = F0(t-)
    + D / sum_k Y_k / S_k(t-)`` and cmprsk's tie corrections: ``cmprsk::cuminc``'s ``$Tests``.
    :func:`gray_test_k` is the same test for any number of groups.

    Parameters
    ----------
    time_a, status_a, time_b, status_b : array_like
        Times and statuses of the two groups, coded as for :func:`aalen_johansen`.
    cause : int, default 1
        The event code under test; every other positive code is competing.

    Returns
    -------
    statistic, pvalue : float or None
        The chi-square statistic and ``pchisq(stat, 1, lower.tail = FALSE)`` (``cuminc``
        prints ``1 - pchisq(stat, 1)``: equal to ~1e-16 absolute). ``None`` where R has no
        test: a group without observations or no event of ``cause`` (no ``$Tests`` row; an
        error if all are censored), a variance of exactly 0 (``cuminc`` says ``stat = -1``,
        ``pv = 1``; e.g. all events of ``cause`` after one group has left follow-up), and a
        pooled incidence reaching 1 before a later event (``cuminc`` fails on a NaN).
    df : int
        Degrees of freedom, always 1.

    References
    ----------
    Gray RJ. A class of K-sample tests for comparing the cumulative incidence of a competing
    risk. Ann Stat 1988;16:1141-1154. doi:10.1214/aos/1176350951
    """
    statistic, pvalue, _ = gray_test_k([(time_a, status_a), (time_b, status_b)], cause)
    return statistic, pvalue, 1


def gray_test_k(groups, cause: int = 1):
    """Gray's test that k groups have the same cumulative incidence of ``cause``, as
    ``cmprsk::cuminc(ftime, fstatus, group)$Tests`` (Fortran ``crstm``, no strata, ``rho = 0``).

    The scores of the first k - 1 groups (as :func:`gray_test`'s, each group against the pooled
    incidence) and their covariance matrix ``V``, entry (i, j) the sum over times and groups of
    the products of the two scores' influence terms (cmprsk's ``v``, ``v2`` and ``v3``
    gathered); the statistic is ``s' V^-1 s`` on k - 1 degrees of freedom.

    Parameters
    ----------
    groups : sequence of (time, status) pairs
        One pair of arrays per group, coded as for :func:`aalen_johansen`. A group without
        observations is left out, as ``cuminc`` drops a factor level no one has.
    cause : int, default 1
        The event code under test; every other positive code is competing.

    Returns
    -------
    statistic, pvalue : float or None
        The chi-square statistic and ``pchisq(stat, df, lower.tail = FALSE)``. ``None`` where
        R has no test: fewer than two groups with observations or no event of ``cause``, a
        covariance matrix R's ``qr`` finds rank-deficient (``cuminc`` says ``stat = -1``,
        ``pv = 1``) and a pooled incidence reaching 1 before a later event (a NaN).
    df : int
        The number of groups with observations minus 1.

    Examples
    --------
    >>> from ivig_blina.stats.competing import gray_test_k
    >>> a = ([4, 7, 9, 12, 15], [1, 2, 0, 1, 1])
    >>> b = ([3, 6, 6, 10, 13], [1, 1, 2, 0, 1])
    >>> c = ([5, 8, 11, 14, 20], [0, 2, 1, 0, 2])
    >>> statistic, pvalue, df = gray_test_k([a, b, c])
    >>> df
    2

    References
    ----------
    Gray RJ. A class of K-sample tests for comparing the cumulative incidence of a competing
    risk. Ann Stat 1988;16:1141-1154. doi:10.1214/aos/1176350951
    """
    import numpy as np
    from scipy.stats import chi2

    present = [g for g in (_clean(time, status, cause) for time, status in groups) if g[0].size]
    df = len(present) - 1
    if df < 1 or not any(np.any(s == cause) for _, s in present):
        return None, None, df
    _, d1, d2, y = _tabulate(present, cause)
    s_minus, s, f_minus, _ = _curves(d1, d2, y)
    u = _ratio(y, s_minus)  # Y_k / S_k(t-), the censoring-weighted size of the risk set
    big_d, tr, risk = d1.sum(axis=1), u.sum(axis=1), u * (1 - f_minus)
    df0 = _ratio(big_d, tr)  # increments of F0
    f0 = np.cumsum(df0)
    scores, cause_terms, competing_terms = [], [], []
    with np.errstate(divide="ignore", invalid="ignore"):  # 1 - F0(t-) = 0: NaN, as in R
        hazard = np.divide(df0, 1 - (f0 - df0), out=np.zeros_like(df0), where=df0 > 0)
        z1 = np.where(s > 0, 1 - _ratio(1 - f0[:, None], s), 0.0)
        z2 = _ratio(1 - f0[:, None], s)
        v1 = _tie(big_d[:, None], tr[:, None] * s_minus) * s_minus * _ratio(df0[:, None], y)
        v2 = _tie(d2, y) * s_minus**2 * _ratio(d2, y**2)
        for i in range(df):  # group i's score and its influence terms per time (rows) and group
            scores.append(np.sum(d1[:, i] - _ratio(big_d * risk[:, i], risk.sum(axis=1))))
            a = -u[:, [i]] * _ratio(u, tr[:, None])  # d score_i / d Gamma_k(t), over 1 - F0(t-)
            a[:, i] += u[:, i]
            w = a * hazard[:, None]
            g = w.sum(axis=0) - np.cumsum(w, axis=0)  # sum of w over later times
            cause_terms.append(a + z1 * g)
            competing_terms.append(z2 * g)
        var = np.array(
            [
                [
                    np.sum(v1 * (cause_terms[i] * cause_terms[j]) + v2 * (competing_terms[i] * competing_terms[j]))
                    for j in range(df)
                ]
                for i in range(df)
            ]
        )
    if not np.all(np.isfinite(var)):
        return None, None, df
    if df == 1:  # one score: its square over its variance
        if not var[0, 0] > 0:
            return None, None, df
        stat = float(scores[0] ** 2 / var[0, 0])
    else:
        if not _full_rank(var):
            return None, None, df
        score = np.array(scores)
        stat = float(score @ np.linalg.solve(var, score))
    return stat, float(chi2.sf(stat, df)), df


def _full_rank(matrix, tolerance: float = 1e-7) -> bool:
    """Whether R's ``qr(matrix)`` (LINPACK ``dqrdc2``, ``tol = 1e-07``) has full rank: no
    column whose norm, once the earlier full-rank columns are projected out, falls below
    ``tolerance`` times its own norm (or below ``tolerance`` for a column of zeros)."""
    import numpy as np

    kept = np.zeros((matrix.shape[0], 0))
    for column in matrix.T:
        norm = float(np.linalg.norm(column))
        basis, _ = np.linalg.qr(kept) if kept.shape[1] else (kept, None)
        residual = column - basis @ (basis.T @ column)
        if np.linalg.norm(residual) < tolerance * (norm if norm > 0 else 1.0):
            return False
        kept = np.column_stack([kept, column])
    return True


class Gray(Statistic):
    """Gray's test for the cumulative incidence of the event (status 1) with status 2 as the
    competing event, as R's ``cmprsk::cuminc(...)$Tests``: for two groups a chi-square on one
    degree of freedom, for k groups on k - 1 (groups without patients left out, as ``cuminc``
    drops their levels). Two-sided only. No estimate: the cumulative incidences at the
    landmarks are the per-group summaries."""

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "gray"
    kind = "time-to-event"
    groups = "k"
    description = "Gray's test of cumulative incidence with competing events, as cmprsk::cuminc"

    def run(self, *groups, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        method = "Gray's test (competing risks)"
        warnings = two_sided_only("Gray's test", alternative)
        if len(groups) == 2:
            (time_a, status_a), (time_b, status_b) = groups
            statistic, pvalue, _ = gray_test(time_a, status_a, time_b, status_b, cause=1)
        else:
            empty = [len(time) == 0 for time, _ in groups]
            warnings += left_out(empty, "no patients: left out, as cmprsk::cuminc drops an empty level")
            statistic, pvalue, df = gray_test_k(groups, cause=1)
            method = f"Gray's test (competing risks, df = {df})"
        if statistic is None:
            return TestResult(
                statistic=None,
                pvalue=None,
                method=method,
                warnings=warnings + ("the test is not defined for these data (R gives no usable statistic); no test",),
            )
        return TestResult(statistic=float(statistic), pvalue=float(pvalue), method=method, warnings=warnings)
