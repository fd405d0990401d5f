"""The Fine-Gray proportional subdistribution hazards model, as R's ``cmprsk::crr``.

A port of crr's R code and of its Fortran (``crrfsv``, ``crrf``, ``crrvv``; cmprsk 2.2-11,
one censoring group, no time-varying terms): subjects are sorted by time; at each distinct time
T of the cause of interest the risk set holds everyone still under observation (time >= T) and,
weighted by ``G(T-) / G(t-)``, everyone who had a competing event at t < T, with G the
Kaplan-Meier estimate of the censoring distribution (censorings as its events) taken just
before each time, as crr's ``approx(..., xout = ftime * (1 - 100 * eps))``. Tied times are
handled as crr does: Breslow's form, everyone with time >= T at risk (censorings at T too).
The Newton iteration, its backtracking and its convergence test are crr's (``gtol = 1e-6``,
``maxiter = 10``); the variance is crr's sandwich ``solve(inf) %*% v2 %*% solve(inf)``, with v2
the sum of outer products of each subject's influence (score term, the risk-set term and the
term for estimating G).
"""

from __future__ import annotations

import math

from ivig_blina.stats.models import ModelFit, check_design, check_vector, not_estimable, wald_terms
from ivig_blina.stats.sides import EPSILON, check_confidence_level

BLOCK = 2_000_000  # risk-set weights held at once (times x subjects), to bound memory


def fine_gray(
    time,
    status,
    X,
    names,
    cause: int = 1,
    *,
    censored: int = 0,
    confidence_level: float = 0.95,
    gtol: float = 1e-6,
    maxiter: int = 10,
) -> ModelFit:
    """Subdistribution hazard ratios of ``cause``, as ``cmprsk::crr(ftime, fstatus, cov1,
    failcode = cause, cencode = censored)``.

    Parameters
    ----------
    time : array_like
        Follow-up time of each subject, >= 0.
    status : array_like
        ``censored`` (default 0) for a censored subject, ``cause`` for the event of interest,
        any other code for a competing event.
    X : array_like
        The design, rows x terms (crr's ``cov1``); categorical covariates as
        :func:`ivig_blina.stats.models.dummy_columns`.
    names : sequence of str
        One name per column of ``X``.
    cause : int
        The event of interest (``failcode``).
    confidence_level : float
        Of the Wald intervals, as ``summary(fit, conf.int = ...)``.
    gtol, maxiter : float, int
        crr's: convergence when ``max(|score| * pmax(|b|, 1)) < max(|loglik|, 1) * gtol``.

    Returns
    -------
    ModelFit
        ``exp(coef)`` with crr's standard errors ``sqrt(diag(fit$var))``, the interval
        ``exp(coef -/+ qnorm(...) se)`` of ``summary(fit)`` and crr's P,
        ``2 * (1 - pnorm(|coef| / se))`` (``summary`` rounds it to 2 digits; this is the
        unrounded value ``print.crr`` computes); ``loglik`` is ``fit$loglik`` (the pseudo
        log likelihood) and ``loglik_null`` ``fit$loglik.null``. A fit that did not converge
        carries a warning (crr only sets ``converged = FALSE``). No event of ``cause``: no fit.

    References
    ----------
    Fine JP, Gray RJ. A proportional hazards model for the subdistribution of a competing
    risk. J Am Stat Assoc 1999;94:496-509. doi:10.1080/01621459.1999.10474144

    Examples
    --------
    >>> fit = fine_gray([2, 3, 3, 5, 6, 7, 8, 9, 11, 12], [1, 2, 1, 0, 1, 2, 1, 0, 1, 0],
    ...                 [[0], [1], [0], [1], [0], [1], [1], [0], [1], [1]], ["cohort"])
    >>> round(fit.terms[0].estimate, 6)
    0.130628
    """
    import numpy as np

    check_confidence_level(confidence_level)
    times = check_vector(time, "time")
    n = times.size
    codes = check_vector(status, "status", n)
    if np.any(times < 0):
        raise ValueError("time: expected times >= 0")
    if cause == censored:
        raise ValueError(f"cause: the event of interest ({cause}) cannot be the censoring code")
    names = list(names)
    matrix = check_design(X, names, n)
    order = np.argsort(times, kind="stable")  # crr: d[order(d$ftime), ]
    t, x, code = times[order], matrix[order], codes[order]
    kind = np.where(code == cause, 1, np.where(code == censored, 0, 2))
    events = int(np.sum(kind == 1))
    method = "Fine-Gray subdistribution hazards (cmprsk::crr)"
    if events == 0:
        reason = f"no events of cause {cause}: the subdistribution hazard ratios are not estimable"
        return not_estimable(names, method, reason, n, 0, confidence_level)

    try:
        return _fit(_Data(t, kind, x), names, n, events, method, confidence_level, gtol, maxiter)
    except np.linalg.LinAlgError:
        reason = (
            "the information matrix is singular (a covariate constant or aliased with others among the "
            "subjects at risk): no estimates (R's crr stops: system is exactly singular)"
        )
        return not_estimable(names, method, reason, n, events, confidence_level)


def _fit(data: _Data, names, n, events, method, confidence_level, gtol, maxiter) -> ModelFit:
    """crr's Newton iteration with backtracking, then its sandwich variance."""
    import numpy as np

    beta = np.zeros(data.x.shape[1])
    converged = False
    iteration = 0
    for iteration in range(maxiter + 1):
        value, score, hessian = data.objective(beta, derivatives=True)
        if np.max(np.abs(score) * np.maximum(np.abs(beta), 1)) < max(abs(value), 1) * gtol:
            converged = True
            break
        if iteration == maxiter:
            break
        step = -np.linalg.solve(hessian, score)
        candidate = beta + step
        trial = data.objective(candidate)[0]
        halvings = 0
        while math.isnan(trial) or trial > value + 1e-4 * float(np.sum(step * score)):
            halvings += 1
            step = step * 0.5
            candidate = beta + step
            trial = data.objective(candidate)[0]
            if halvings > 20:
                break
        if halvings > 20:
            break
        beta = candidate
    information, influence = data.variance_parts(beta)
    inverse = np.linalg.inv(information)
    variance = inverse @ influence @ inverse.T
    return ModelFit(
        terms=wald_terms(names, beta, variance, confidence_level, crr_pvalue=True),
        n=n,
        events=events,
        method=method,
        converged=converged,
        loglik=-value,
        loglik_null=-data.objective(np.zeros_like(beta))[0],
        iterations=iteration,
        confidence_level=confidence_level,
        warnings=() if converged else ("crr did not converge (converged = FALSE): the estimates are not reliable",),
        covariance=tuple(tuple(float(v) for v in row) for row in variance),
    )


def censoring_survival_before(t, kind):
    """crr's ``uuu``: the Kaplan-Meier estimate of the censoring distribution just before each
    (sorted) time, ``approx(c(min(0, u$time) - 10 eps, u$time, max(u$time) (1 + 10 eps)),
    c(1, u$surv, 0), xout = ftime (1 - 100 eps), method = "constant", f = 0, rule = 2)``."""
    import numpy as np

    distinct, at = np.unique(t, return_inverse=True)
    censorings = np.bincount(at, weights=kind == 0, minlength=distinct.size)
    at_risk = t.size - np.concatenate([[0], np.cumsum(np.bincount(at, minlength=distinct.size))[:-1]])
    surv = np.cumprod(1 - censorings / at_risk)
    knots = np.concatenate([[min(0.0, distinct[0]) - 10 * EPSILON], distinct, [distinct[-1] * (1 + 10 * EPSILON)]])
    values = np.concatenate([[1.0], surv, [0.0]])
    where = np.searchsorted(knots, t * (1 - 100 * EPSILON), side="right") - 1
    return values[np.clip(where, 0, values.size - 1)]


class _Data:
    """Sorted times, kinds (1 cause, 2 competing, 0 censored), covariates, and the weights
    crr's risk sets give each subject at each distinct time of the cause."""

    def __init__(self, t, kind, x) -> None:
        import numpy as np

        self.t, self.kind, self.x = t, kind, x
        self.squares = (x[:, :, None] * x[:, None, :]).reshape(t.size, -1)  # x x' of each subject, flattened
        self.g = censoring_survival_before(t, kind)
        event_rows = np.flatnonzero(kind == 1)
        self.failure_times, first, self.deaths = np.unique(t[event_rows], return_index=True, return_counts=True)
        self.g_failure = self.g[event_rows[first]]  # G(T-) at each distinct failure time
        self.event_x_sum = x[event_rows].sum(axis=0)
        self.event_rows = event_rows
        self.slot_of_event = np.searchsorted(self.failure_times, t[event_rows])

    def _blocks(self):
        step = max(1, BLOCK // max(1, self.t.size))
        for lo in range(0, self.failure_times.size, step):
            yield slice(lo, min(lo + step, self.failure_times.size))

    def _weights(self, block, risk):
        """W[k, i]: ``risk_i`` if t_i >= T_k; ``risk_i G(T_k-) / G(t_i-)`` if subject i had a
        competing event before T_k; else 0 (rows: the distinct failure times in ``block``)."""
        import numpy as np

        times = self.failure_times[block][:, None]
        still = self.t[None, :] >= times
        competing_before = (~still) & (self.kind[None, :] == 2)
        ratio = self.g_failure[block][:, None] / self.g[None, :]
        return np.where(still, risk[None, :], np.where(competing_before, risk[None, :] * ratio, 0.0))

    def sums(self, beta, second: bool):
        """S0, S1 (and S2) of the weighted risk set at each distinct failure time."""
        import numpy as np

        risk = np.exp(self.x @ beta)
        k, p = self.failure_times.size, self.x.shape[1]
        s0, s1 = np.zeros(k), np.zeros((k, p))
        s2 = np.zeros((k, p, p)) if second else None
        for block in self._blocks():
            w = self._weights(block, risk)
            s0[block] = w.sum(axis=1)
            s1[block] = w @ self.x
            if s2 is not None:
                s2[block] = (w @ self.squares).reshape(-1, p, p)
        return s0, s1, s2

    def objective(self, beta, derivatives: bool = False):
        """crr's minimised function (minus the log pseudo-likelihood), with crrfsv's score and
        second derivatives when asked (else crrf's value alone)."""
        import numpy as np

        s0, s1, s2 = self.sums(beta, second=derivatives)
        with np.errstate(divide="ignore", invalid="ignore"):
            value = float(-(self.x[self.event_rows] @ beta).sum() + (self.deaths * np.log(s0)).sum())
            if not derivatives:
                return value, None, None
            mean = s1 / s0[:, None]
            score = -self.event_x_sum + (self.deaths[:, None] * mean).sum(axis=0)
            hessian = (self.deaths[:, None, None] * (s2 / s0[:, None, None] - mean[:, :, None] * mean[:, None, :])).sum(
                axis=0
            )
        return value, score, hessian

    def variance_parts(self, beta):
        """crrvv: the information ``inf`` and ``v2``, the sum over subjects of the outer product
        of each subject's influence: its score residual (dN part and d Lambda part) plus the
        term for the estimated censoring distribution (psi)."""
        import numpy as np

        t, kind, x = self.t, self.kind, self.x
        n, p = x.shape
        risk = np.exp(x @ beta)
        s0, s1, s2 = self.sums(beta, second=True)
        mean = s1 / s0[:, None]
        d = self.deaths.astype(float)
        information = (d[:, None, None] * (s2 / s0[:, None, None] - mean[:, :, None] * mean[:, None, :])).sum(axis=0)

        # d Lambda part: -sum_k d_k W[k, i] (x_i - xbar_k) / S0_k
        c = d / s0
        total_weight, weighted_mean = np.zeros(n), np.zeros((n, p))
        for block in self._blocks():
            w = self._weights(block, risk)
            total_weight += c[block] @ w
            weighted_mean += w.T @ (c[block][:, None] * mean[block])
        influence = -(x * total_weight[:, None] - weighted_mean)
        # dN part: x_i - xbar at the subject's own time, for events of the cause
        influence[self.event_rows] += x[self.event_rows] - mean[self.slot_of_event]

        # censoring part. q(u) = sum over failure times T >= u of d G(T-) / S0 (C1(u) - xbar C0(u)),
        # C0, C1: sums over competing events before u of exp(x b) / G(t-) (times x for C1)
        distinct, first_row = np.unique(t, return_index=True)
        at_risk = n - first_row  # crr's icrsk: subjects with time >= u
        group = np.searchsorted(distinct, t)
        competing = (kind == 2).astype(float) * risk / self.g
        before0 = np.concatenate([[0.0], np.cumsum(np.bincount(group, weights=competing, minlength=distinct.size))])
        before1 = np.vstack([np.zeros((1, p)), np.cumsum(_group_sums(group, competing[:, None] * x, distinct.size), 0)])
        c0, c1 = before0[:-1], before1[:-1]  # strictly before each distinct time
        a = c * self.g_failure
        later = np.searchsorted(self.failure_times, distinct, side="left")  # first failure time >= u
        tail_a = np.concatenate([np.cumsum(a[::-1])[::-1], [0.0]])[later]
        tail_b = np.vstack([np.cumsum((a[:, None] * mean)[::-1], 0)[::-1], np.zeros((1, p))])[later]
        q = c1 * tail_a[:, None] - c0[:, None] * tail_b
        censorings = np.bincount(group, weights=kind == 0, minlength=distinct.size)
        psi_cumulative = np.cumsum(-censorings[:, None] * q / at_risk[:, None] ** 2, axis=0)
        psi = psi_cumulative[group] + (kind == 0)[:, None] * q[group] / at_risk[group][:, None]
        influence += psi
        return information, influence.T @ influence


def _group_sums(group, values, size: int):
    """Sums of the rows of ``values`` by ``group``."""
    import numpy as np

    out = np.zeros((size, values.shape[1]))
    np.add.at(out, group, values)
    return out
