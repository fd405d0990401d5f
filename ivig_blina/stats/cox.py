"""The Cox proportional hazards model on counting-process data, as R's ``survival::coxph``.

``coxph(Surv(tstart, tstop, event) ~ x1 + x2 + strata(s), ties = "efron")``: delayed entry and
time-varying covariates as (start, stop] rows; a row is at risk at an event time t of its
stratum when start < t <= stop. Newton-Raphson from 0 as survival's ``agfit4`` (its step
halving, its convergence rule on the log partial likelihood and its generalised Cholesky,
which leaves an aliased column's coefficient ``NA``), with the warnings ``agreg.fit`` gives.
"""

from __future__ import annotations

import math

from ivig_blina.stats.models import (
    ModelFit,
    check_design,
    check_vector,
    not_estimable,
    unique_warnings,
    wald_terms,
)
from ivig_blina.stats.sides import EPSILON, check_confidence_level

TOLER_CHOL = EPSILON**0.75  # coxph.control()$toler.chol
TIES = ("efron", "breslow")


def cox(
    start,
    stop,
    event,
    X,
    names,
    strata=None,
    *,
    ties: str = "efron",
    id=None,
    confidence_level: float = 0.95,
    iter_max: int = 20,
    eps: float = 1e-9,
) -> ModelFit:
    """Cox proportional hazards regression with (start, stop] data, as R's ``coxph``.

    Parameters
    ----------
    start, stop : array_like
        Each row's interval (start, stop]; ``stop > start``. Rows starting after 0 are delayed
        entries; a patient whose covariates change has one row per interval.
    event : array_like
        1 when the row's interval ends with the event, else 0.
    X : array_like
        The design, rows x terms (no intercept: the baseline hazard takes its place); build
        categorical columns with :func:`ivig_blina.stats.models.dummy_columns`.
    names : sequence of str
        One name per column of ``X``.
    strata : array_like, optional
        A label per row: risk sets are formed within each stratum (``strata(s)``).
    ties : {"efron", "breslow"}
        Tied event times handled as ``coxph(ties = ...)``.
    id : array_like, optional
        The patient of each row; ``n`` then counts patients rather than rows.
    confidence_level : float
        Of the Wald intervals (``exp(confint.default(fit, level = ...))``).
    iter_max, eps : int, float
        ``coxph.control(iter.max, eps)``: convergence when ``|1 - loglik_old / loglik| <= eps``.

    Returns
    -------
    ModelFit
        Hazard ratios ``exp(coef)`` with Wald intervals and P (``summary(fit)``); ``loglik``
        and ``loglik_null`` are ``fit$loglik[2]`` and ``[1]``. Warnings as R's:
        ``Ran out of iterations and did not converge`` and ``Loglik converged before variable
        1; beta may be infinite.`` (monotone likelihood); an aliased column's term is NaN with
        a warning (R's ``NA`` coefficient). No events: no fit (R stops), every term NaN.

    References
    ----------
    Therneau TM, Grambsch PM. Modeling Survival Data: Extending the Cox Model. Springer, 2000.
    doi:10.1007/978-1-4757-3294-8

    Examples
    --------
    >>> fit = cox([0, 0, 0, 0, 2, 0], [5, 3, 9, 4, 8, 7], [1, 1, 0, 1, 1, 0],
    ...           [[1], [0], [1], [0], [1], [0]], ["x"])
    >>> round(fit.terms[0].estimate, 6), fit.converged
    (0.293128, True)
    """
    import numpy as np

    check_confidence_level(confidence_level)
    if ties not in TIES:
        raise ValueError(f"ties: expected one of {', '.join(TIES)}, got {ties!r}")
    stop_ = check_vector(stop, "stop")
    n_rows = stop_.size
    start_ = check_vector(start, "start", n_rows)
    status = check_vector(event, "event", n_rows)
    if np.any((status != 0) & (status != 1)):
        raise ValueError("event: expected 0 (censored) or 1 (event)")
    if np.any(stop_ <= start_):
        raise ValueError("stop: each row's stop must be after its start (R: Stop time must be > start time)")
    names = list(names)
    matrix = check_design(X, names, n_rows)
    stratum = _codes(strata, "strata", n_rows)
    n = n_rows if id is None else len(np.unique(np.asarray(id)))
    events = int(status.sum())
    method = f"Cox proportional hazards (coxph), {ties.capitalize()} ties" + (
        f", {stratum.max() + 1} strata" if strata is not None else ""
    )
    if events == 0:
        reason = "no events: the model cannot be fitted (R's coxph stops: Can't fit a Cox model with 0 failures)"
        return not_estimable(names, method, reason, n, 0, confidence_level)

    # centred and scaled as agfit4 (0/1 and -1/0/1 columns left alone); the fit is invariant
    zero_one = np.all(np.isin(matrix, (-1.0, 0.0, 1.0)), axis=0)
    centred = np.where(zero_one, matrix, matrix - matrix.mean(axis=0))
    mean_abs = np.abs(centred).mean(axis=0)
    scale = np.where(zero_one | (mean_abs == 0), 1.0, 1 / np.where(mean_abs > 0, mean_abs, 1.0))
    z = centred * scale
    risk_sets = _RiskSets(start_, stop_, status == 1, stratum, ties)
    fit = _newton_raphson(lambda beta: risk_sets.derivatives(z, beta), z.shape[1], iter_max, eps)

    beta, variance, score = fit.beta * scale, fit.variance * np.outer(scale, scale), fit.score / scale
    singular = np.diag(variance) == 0 if fit.rank0 < len(names) else np.zeros(len(names), bool)
    warnings = []
    if iter_max > 1:
        if fit.ran_out:
            warnings.append("Ran out of iterations and did not converge")
        else:
            infinite = ~np.isfinite(score) | (np.abs(score @ variance) > math.sqrt(eps) * (1 + np.abs(beta)))
            if np.any(infinite):
                which = ",".join(str(i + 1) for i in np.flatnonzero(infinite))
                warnings.append(f"Loglik converged before variable  {which} ; beta may be infinite. ")
    if np.any(singular):
        beta = np.where(singular, np.nan, beta)
        variance[singular, :] = np.nan
        variance[:, singular] = np.nan
        aliased = ", ".join(name for name, s in zip(names, singular) if s)
        warnings.append(
            f"X matrix deemed to be singular; variable {' '.join(str(i + 1) for i in np.flatnonzero(singular))} "
            f"({aliased}): no estimate"
        )
    return ModelFit(
        terms=wald_terms(names, beta, variance, confidence_level),
        n=n,
        events=events,
        method=method,
        converged=not fit.ran_out,
        loglik=fit.loglik,
        loglik_null=fit.loglik_null,
        iterations=fit.iterations,
        confidence_level=confidence_level,
        warnings=unique_warnings(warnings),
        covariance=tuple(tuple(float(v) for v in row) for row in variance),
    )


def _codes(labels, name: str, n: int):
    """Integer codes 0..k-1 of ``labels`` (all 0 when None)."""
    import numpy as np

    if labels is None:
        return np.zeros(n, dtype=int)
    values = np.asarray(labels)
    if values.ndim != 1 or values.size != n:
        raise ValueError(f"{name}: expected one label per row ({n})")
    if values.dtype.kind == "f" and np.any(np.isnan(values)):
        raise ValueError(f"{name}: missing values; fit complete cases (drop those rows first)")
    if values.dtype == object and any(v is None for v in values):
        raise ValueError(f"{name}: missing values; fit complete cases (drop those rows first)")
    return np.unique(values.astype(str) if values.dtype == object else values, return_inverse=True)[1].ravel()


class _RiskSets:
    """Event times of each stratum as slots. A risk-set sum at a slot is accumulated as
    agfit4 does, backwards in time: the rows whose interval reaches the slot (by its stop;
    a row dying at the slot counted apart), less the rows that enter after it (by its start),
    so that no large sum is subtracted from a small one (a monotone likelihood makes some
    risks huge)."""

    def __init__(self, start, stop, dead, stratum, ties: str) -> None:
        import numpy as np

        n = start.size
        self.reach = np.full(n, -1)  # last slot each row is at risk at without dying there
        self.enter = np.full(n, -1)  # last slot before the row enters (time <= start)
        self.slot_of_death = np.zeros(int(dead.sum()), dtype=int)
        self.blocks = []
        offset = 0
        death_rows = np.flatnonzero(dead)
        for s in np.unique(stratum):
            rows = np.flatnonzero(stratum == s)
            times = np.unique(stop[rows[dead[rows]]])
            last = np.searchsorted(times, stop[rows], side="right") - 1  # time <= stop
            first = np.searchsorted(times, start[rows], side="right")  # time > start
            last = np.where(dead[rows], last - 1, last)  # a death is at risk before its own slot
            self.reach[rows] = np.where(last >= 0, offset + last, -1)
            self.enter[rows] = np.where(first >= 1, offset + first - 1, -1)
            in_s = stratum[death_rows] == s
            self.slot_of_death[in_s] = offset + np.searchsorted(times, stop[death_rows[in_s]])
            self.blocks.append(slice(offset, offset + times.size))
            offset += times.size
        self.slots = offset
        self.dead = dead
        deaths = np.bincount(self.slot_of_death, minlength=offset)
        # one entry per death: its slot and the share (1 - r / d) of the tied deaths still in
        # Efron's denominator, r = 0 .. d - 1 (Breslow: all of them)
        self.slot = np.repeat(np.arange(offset), deaths)
        rank = np.arange(self.slot.size) - np.repeat(np.cumsum(deaths) - deaths, deaths)
        self.share = 1 - rank / deaths[self.slot] if ties == "efron" else np.ones(self.slot.size)

    def _by_slot(self, index, values):
        """Per slot, the sum of ``values`` over rows whose ``index`` is at or after it (within
        the slot's stratum); rows with index -1 count nowhere."""
        import numpy as np

        keep = index >= 0
        flat = values.reshape(values.shape[0], -1)[keep]
        total = np.column_stack(
            [np.bincount(index[keep], weights=flat[:, c], minlength=self.slots) for c in range(flat.shape[1])]
        ).reshape((self.slots,) + values.shape[1:])
        for block in self.blocks:
            total[block] = np.cumsum(total[block][::-1], axis=0)[::-1]
        return total

    def _at_risk(self, values):
        """Per slot, the sum over the rows at risk that do not die there."""
        return self._by_slot(self.reach, values) - self._by_slot(self.enter, values)

    def _of_deaths(self, values):
        import numpy as np

        flat = values.reshape(values.shape[0], -1)[self.dead]
        return np.column_stack(
            [np.bincount(self.slot_of_death, weights=flat[:, c], minlength=self.slots) for c in range(flat.shape[1])]
        ).reshape((self.slots,) + values.shape[1:])

    def derivatives(self, z, beta):
        """Log partial likelihood, score and information at ``beta`` (Efron or Breslow)."""
        import numpy as np

        eta = z @ beta
        shift = max(0.0, float(eta.max()) - 500)  # exp() kept finite; cancels in the likelihood
        risk = np.exp(eta - shift)
        first, second = risk[:, None] * z, risk[:, None, None] * z[:, :, None] * z[:, None, :]
        s0, s1, s2 = self._at_risk(risk), self._at_risk(first), self._at_risk(second)
        d0, d1, d2 = self._of_deaths(risk), self._of_deaths(first), self._of_deaths(second)
        j, share = self.slot, self.share
        with np.errstate(all="ignore"):  # a diverging beta is seen as a non-finite likelihood
            denom = s0[j] + share * d0[j]
            mean = (s1[j] + share[:, None] * d1[j]) / denom[:, None]
            square = (s2[j] + share[:, None, None] * d2[j]) / denom[:, None, None]
            loglik = float((eta[self.dead] - shift).sum() - np.log(denom).sum())
            score = z[self.dead].sum(axis=0) - mean.sum(axis=0)
            information = (square - mean[:, :, None] * mean[:, None, :]).sum(axis=0)
        return loglik, score, information


class _Fit:
    def __init__(self, beta, variance, score, loglik, loglik_null, iterations, ran_out, rank0) -> None:
        self.beta, self.variance, self.score = beta, variance, score
        self.loglik, self.loglik_null = loglik, loglik_null
        self.iterations, self.ran_out, self.rank0 = iterations, ran_out, rank0


def _newton_raphson(derivatives, p: int, iter_max: int, eps: float) -> _Fit:
    """agfit4's iteration: a Newton step from the best point so far while the log likelihood
    improves, else back towards the last good point (step halving), until
    ``|1 - best / loglik| <= eps`` or ``iter_max`` iterations."""
    import numpy as np

    beta = np.zeros(p)
    loglik, score, information = derivatives(beta)
    loglik_null = best = loglik
    factor, rank = _cholesky2(information)
    old = beta.copy()
    beta = beta + _chsolve2(factor, score)
    halving, ran_out, iteration = 0, False, 0
    if not math.isfinite(loglik):
        return _Fit(beta * np.nan, np.full((p, p), np.nan), score, loglik, loglik_null, 0, True, rank)
    for iteration in range(1, iter_max + 1):
        loglik, score, information = derivatives(beta)
        fail = int(np.sum(~np.isfinite(np.diag(information))))
        factor, rank2 = _cholesky2(information)
        fail += (not math.isfinite(loglik)) + abs(rank - rank2)
        if fail == 0 and halving == 0 and abs(1 - best / loglik) <= eps:
            break
        if iteration == iter_max:
            ran_out = True
            if iter_max > 1 and (loglik - best) / abs(best) < -eps:  # the last step made it worse
                beta = old
                loglik, score, information = derivatives(beta)
                factor, _ = _cholesky2(information)
            break
        if fail > 0 or loglik < best:
            halving += 1
            beta = (old * halving + beta) / (halving + 1.0)
        else:
            halving, best = 0, loglik
            old = beta
            beta = beta + _chsolve2(factor, score)
    return _Fit(beta, _chinv2(factor), score, loglik, loglik_null, iteration, ran_out, rank)


def _cholesky2(matrix):
    """survival's ``cholesky2``: ``matrix = F D F'`` with F unit lower triangular (below the
    diagonal of the result) and D on the diagonal; a pivot below ``toler_chol`` times the
    largest diagonal marks an aliased column (its D is 0). Returns the factor and the rank."""
    import numpy as np

    a = np.array(matrix, dtype=float)
    n = a.shape[0]
    largest = max((a[i, i] for i in range(n) if a[i, i] > 0), default=0.0)
    tolerance = TOLER_CHOL if largest == 0 else largest * TOLER_CHOL
    for i in range(n):
        for j in range(i + 1, n):
            a[j, i] = a[i, j]
    rank, nonneg = 0, 1
    for i in range(n):
        pivot = a[i, i]
        if not math.isfinite(pivot) or pivot < tolerance:
            a[i, i] = 0.0
            if pivot < -8 * tolerance:
                nonneg = -1
            continue
        rank += 1
        for j in range(i + 1, n):
            temp = a[j, i] / pivot
            a[j, i] = temp
            a[j, j] -= temp * temp * pivot
            for k in range(j + 1, n):
                a[k, j] -= temp * a[k, i]
    return a, rank * nonneg


def _chsolve2(factor, y):
    """survival's ``chsolve2``: solve ``F D F' x = y``, 0 for an aliased column."""
    import numpy as np

    x = [float(v) for v in y]
    n = len(x)
    for i in range(n):
        x[i] -= sum(x[j] * factor[i, j] for j in range(i))
    for i in range(n - 1, -1, -1):
        if factor[i, i] == 0:
            x[i] = 0.0
        else:
            x[i] = x[i] / factor[i, i] - sum(x[j] * factor[j, i] for j in range(i + 1, n))
    return np.array(x)


def _chinv2(factor):
    """survival's ``chinv2``: the inverse from the factor, rows and columns of aliased columns 0."""
    import numpy as np

    a = np.array(factor, dtype=float)
    n = a.shape[0]
    for i in range(n):
        if a[i, i] > 0:
            a[i, i] = 1 / a[i, i]
            for j in range(i + 1, n):
                a[j, i] = -a[j, i]
                for k in range(i):
                    a[j, k] += a[j, i] * a[i, k]
    for i in range(n):
        if a[i, i] == 0:
            a[:i, i] = 0
            a[i, i:] = 0
        else:
            for j in range(i + 1, n):
                temp = a[j, i] * a[j, j]
                a[i, j] = temp
                for k in range(i, j):
                    a[i, k] += temp * a[j, k]
    upper = np.triu(a)
    return upper + np.triu(a, 1).T
