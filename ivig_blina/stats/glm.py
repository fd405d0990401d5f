"""Generalised linear models as R fits them: logistic regression (``glm(family = binomial)``)
and the negative binomial rate model (``MASS::glm.nb``).

Both run R's ``glm.fit`` step for step (:mod:`ivig_blina.stats.irls`); the Wald rows use
dispersion 1 as ``summary.glm`` and ``summary.negbin``. ``glm.nb`` alternates that with
``theta.ml`` as MASS does.
"""

from __future__ import annotations

import math

from ivig_blina.stats.irls import Binomial, GlmStopped, NegativeBinomial, Poisson, glm_fit
from ivig_blina.stats.models import (
    ModelFit,
    check_design,
    check_vector,
    not_estimable,
    unique_warnings,
    wald_terms,
)
from ivig_blina.stats.sides import EPSILON, check_confidence_level

INTERCEPT = "(Intercept)"
EVENTS_PER_PARAMETER = 10


def _split_intercept(names, coef, covariance, level, intercept: bool):
    """Wald rows, the intercept (first column) apart from the terms."""
    rows = wald_terms([INTERCEPT, *names] if intercept else names, coef, covariance, level)
    if intercept:
        return rows[0], rows[1:]
    return None, rows


def _aliased_warning(names, terms) -> list[str]:
    import numpy as np

    aliased = [t.term for t in terms if np.isnan(t.coef)]
    if not aliased:
        return []
    return [f"coefficients not defined because of singularities: {', '.join(aliased)} (aliased with other terms)"]


def _not_binary(values):
    return (values != 0) & (values != 1)


def _not_counts(values):
    import numpy as np

    return (values < 0) | (values != np.round(values))


def _inputs(y, X, names, intercept: bool, confidence_level: float, expected: str, invalid):
    """The checks both models make, in order: the confidence level, ``y`` (a value where
    ``invalid`` holds is a ValueError saying what was ``expected``), then the design, with the
    intercept's column first unless ``intercept=False``. Returns ``(y, matrix, names)``."""
    import numpy as np

    check_confidence_level(confidence_level)
    outcome = check_vector(y, "y")
    if np.any(invalid(outcome)):
        raise ValueError(f"y: expected {expected}")
    names = list(names)
    n = outcome.size
    matrix = check_design(X, names, n, allow_empty=intercept)
    if intercept:
        if INTERCEPT in names:
            raise ValueError(f"names: {INTERCEPT!r} is added by the model; leave it out of X")
        matrix = np.hstack([np.ones((n, 1)), matrix])
    return outcome, matrix, names


def _covariance_of_terms(covariance, intercept: bool):
    block = covariance[1:, 1:] if intercept else covariance
    return tuple(tuple(float(v) for v in row) for row in block)


# ---------------------------------------------------------------- logistic


def logistic(
    y,
    X,
    names,
    *,
    intercept: bool = True,
    confidence_level: float = 0.95,
    epsilon: float = 1e-8,
    maxit: int = 25,
) -> ModelFit:
    """Logistic regression as R's ``glm(y ~ ..., family = binomial)``.

    Parameters
    ----------
    y : array_like
        0 or 1 per row.
    X : array_like
        The design, rows x terms, without the intercept (added, as R's formula does, unless
        ``intercept=False``); categorical covariates as
        :func:`ivig_blina.stats.models.dummy_columns`.
    names : sequence of str
        One name per column of ``X``.
    confidence_level : float
        Of the Wald intervals, ``exp(confint.default(fit, level = ...))``.
    epsilon, maxit : float, int
        ``glm.control(epsilon, maxit)``.

    Returns
    -------
    ModelFit
        Odds ratios with Wald intervals and P (``summary(fit)$coefficients``), the intercept
        in ``intercept``; ``loglik`` is ``logLik(fit)``, ``loglik_null`` that of the
        intercept-only model (``-null.deviance / 2``). Warnings: R's (``glm.fit: fitted
        probabilities numerically 0 or 1 occurred`` under separation, ``glm.fit: algorithm
        did not converge``), an aliased column, and fewer than 10 events per parameter
        (events: the rarer of the two outcomes; parameters: the estimable terms).

    Examples
    --------
    >>> fit = logistic([0, 0, 1, 0, 1, 1, 0, 1], [[1], [2], [3], [4], [5], [6], [3], [2]], ["dose"])
    >>> round(fit.terms[0].estimate, 6)
    2.111633
    """
    import numpy as np

    outcome, matrix, names = _inputs(y, X, names, intercept, confidence_level, "0 or 1 per row", _not_binary)
    n = outcome.size
    events = int(outcome.sum())
    method = "logistic regression (glm, binomial, logit link)"
    if n == 0:
        return not_estimable(names, method, "no rows: the model cannot be fitted", 0, 0, confidence_level)
    try:
        fit = glm_fit(matrix, outcome, Binomial(), np.zeros(n), epsilon, maxit)
    except GlmStopped as stopped:
        return not_estimable(names, method, str(stopped), n, events, confidence_level)
    first, terms = _split_intercept(names, fit.coef, fit.covariance, confidence_level, intercept)
    warnings = list(fit.warnings) + _aliased_warning(names, terms)
    kept = [j for j, c in enumerate(fit.coef) if not np.isnan(c)]
    separating = separation(matrix[:, kept], outcome)
    if separating:
        labels = [([INTERCEPT, *names] if intercept else names)[kept[j]] for j in separating]
        warnings.append(
            "the outcome is separated (completely or quasi-completely) along "
            + ", ".join(labels)
            + ": the maximum likelihood estimates do not exist and some odds ratios are infinite; "
            "R's numbers are where its iterations stopped"
        )
    parameters = sum(1 for t in terms if not np.isnan(t.coef))
    rarer = min(events, n - events)
    if parameters and rarer / parameters < EVENTS_PER_PARAMETER:
        warnings.append(
            f"{rarer / parameters:.3g} events per parameter ({rarer} of the rarer outcome, {parameters} "
            f"terms): below {EVENTS_PER_PARAMETER}, the estimates may be biased and their intervals too narrow"
        )
    null_mu = np.full(n, outcome.mean()) if intercept else np.full(n, 0.5)
    return ModelFit(
        terms=terms,
        intercept=first,
        n=n,
        events=events,
        method=method,
        converged=fit.converged,
        loglik=_binomial_loglik(outcome, fit.mu),
        loglik_null=-Binomial().deviance(outcome, null_mu) / 2,
        iterations=fit.iterations,
        confidence_level=confidence_level,
        warnings=unique_warnings(warnings),
        covariance=_covariance_of_terms(fit.covariance, intercept),
    )


def separation(x, y) -> list[int]:
    """The columns of a separating direction, or [] when the data are not separated.

    The linear programme of Konis (2007): maximise ``sum(s_i x_i'b)`` subject to
    ``s_i x_i'b >= 0`` for every row (``s_i = 2 y_i - 1``) and ``-1 <= b_j <= 1`` (columns
    scaled to a largest absolute value of 1). Its optimum is 0 unless some direction ``b``
    predicts every outcome (complete or quasi-complete separation), when the likelihood keeps
    rising along ``b`` and the estimates are infinite. Returned: the columns where that ``b``
    is not 0. ``x`` must have full column rank (aliased columns removed).

    References
    ----------
    Konis K. Linear programming algorithms for detecting separated data in binary logistic
    regression models. DPhil thesis, University of Oxford, 2007.
    """
    import numpy as np
    from scipy.optimize import linprog

    if x.shape[1] == 0 or y.size == 0:
        return []
    size = np.max(np.abs(x), axis=0)
    scaled = x / np.where(size > 0, size, 1.0)
    signed = scaled * (2 * y - 1)[:, None]
    result = linprog(
        -signed.sum(axis=0),
        A_ub=-signed,
        b_ub=np.zeros(y.size),
        bounds=[(-1, 1)] * x.shape[1],
        method="highs",
    )
    if result.status != 0 or -result.fun <= 1e-6:
        return []
    return [int(j) for j in np.flatnonzero(np.abs(result.x) > 1e-6)]


def _binomial_loglik(y, mu) -> float:
    """logLik of a 0/1 binomial glm: sum of dbinom(y, 1, mu, log = TRUE)."""
    import numpy as np

    with np.errstate(divide="ignore"):
        return float(np.sum(np.where(y == 1, np.log(mu), np.log1p(-mu))))


# ---------------------------------------------------------------- negative binomial


def _nb_loglik(theta: float, mu, y) -> float:
    """glm.nb's ``loglik(n, th, mu, y, w)`` (weights 1)."""
    import numpy as np
    from scipy.special import gammaln

    return float(
        np.sum(
            gammaln(theta + y)
            - gammaln(theta)
            - gammaln(y + 1)
            + theta * np.log(theta)
            + y * np.log(mu + (y == 0))
            - (theta + y) * np.log(theta + mu)
        )
    )


def theta_ml(y, mu, limit: int = 10, eps: float = EPSILON**0.25) -> tuple[float, float, list[str]]:
    """MASS's ``theta.ml``: the maximum-likelihood theta given the means ``mu``, by Newton's
    method from the moment estimate ``n / sum((y / mu - 1)^2)``, with its ``SE`` and R's
    warnings (``iteration limit reached``, ``estimate truncated at zero``)."""
    import numpy as np
    from scipy.special import digamma, polygamma

    def score(th):
        return float(np.sum(digamma(th + y) - digamma(th) + np.log(th) + 1 - np.log(th + mu) - (y + th) / (mu + th)))

    def info(th):
        return float(
            np.sum(-polygamma(1, th + y) + polygamma(1, th) - 1 / th + 2 / (mu + th) - (y + th) / (mu + th) ** 2)
        )

    n = y.size
    with np.errstate(divide="ignore"):
        t0 = n / float(np.sum((y / mu - 1) ** 2))
    it, delta, information = 0, 1.0, math.nan
    warnings = []
    while True:
        it += 1
        if not (it < limit and abs(delta) > eps):
            break
        t0 = abs(t0)
        information = info(t0)
        delta = score(t0) / information
        t0 = t0 + delta
    if t0 < 0:
        t0 = 0.0
        warnings.append("estimate truncated at zero")
    if it == limit:
        warnings.append("iteration limit reached")
    se = math.sqrt(1 / information) if information > 0 else math.nan
    return t0, se, warnings


def negative_binomial(
    y,
    X,
    names,
    offset=None,
    *,
    intercept: bool = True,
    confidence_level: float = 0.95,
    epsilon: float = 1e-8,
    maxit: int = 25,
) -> ModelFit:
    """Negative binomial regression of counts, as R's ``MASS::glm.nb(y ~ ... + offset(...))``.

    Parameters
    ----------
    y : array_like
        Counts (episodes) per row, integers >= 0.
    X : array_like
        The design, rows x terms, without the intercept (added unless ``intercept=False``).
    names : sequence of str
        One name per column of ``X``.
    offset : array_like, optional
        The offset on the linear predictor's scale, as R's ``offset()``: ``log(days)`` for
        rates per patient-day.
    confidence_level : float
        Of the Wald intervals, ``exp(confint.default(fit, level = ...))``.
    epsilon, maxit : float, int
        ``glm.control(epsilon, maxit)``, used by MASS for both the IRLS and the alternation.

    Returns
    -------
    ModelFit
        Rate ratios with Wald intervals and P (``summary(fit)``, dispersion 1), ``theta`` and
        ``theta_se`` (``fit$theta``, ``fit$SE.theta``), ``loglik = fit$twologlik / 2``.
        Warnings as R's: ``iteration limit reached`` from ``theta.ml`` (theta running to
        infinity: no overdispersion), ``alternation limit reached``, and ``glm.fit``'s.

    Notes
    -----
    MASS starts from a Poisson fit, then alternates: an IRLS fit at the current theta from
    the current means, ``theta.ml`` at the means *before* that fit, until
    ``|Lm0 - Lm| / d1 + |delta theta| < epsilon``. The reported coefficients come from the
    last IRLS fit, made at the theta before the last update, as in R.

    Examples
    --------
    >>> import numpy as np
    >>> days = np.array([30, 60, 45, 90, 30, 60, 45, 90, 60, 30])
    >>> cohort = np.array([[1], [1], [1], [1], [1], [0], [0], [0], [0], [0]])
    >>> fit = negative_binomial([0, 6, 1, 12, 3, 0, 0, 2, 1, 1], cohort, ["cohort"], offset=np.log(days))
    >>> round(fit.terms[0].estimate, 6), round(fit.theta, 4)
    (5.751829, 7.3526)
    """
    import numpy as np

    counts, matrix, names = _inputs(y, X, names, intercept, confidence_level, "counts (integers >= 0)", _not_counts)
    n = counts.size
    shift = np.zeros(n) if offset is None else check_vector(offset, "offset", n)
    events = int(counts.sum())
    method = "negative binomial regression (MASS::glm.nb, log link)"
    if events == 0:
        reason = "no events: the rate ratios are not estimable (every count is 0)"
        return not_estimable(names, method, reason, n, 0, confidence_level)

    try:
        return _negative_binomial(matrix, counts, shift, names, method, intercept, confidence_level, epsilon, maxit)
    except GlmStopped as stopped:
        return not_estimable(names, method, str(stopped), n, events, confidence_level)


def _negative_binomial(matrix, counts, shift, names, method, intercept, confidence_level, epsilon, maxit) -> ModelFit:
    """glm.nb's alternation of IRLS at theta and theta.ml."""
    import numpy as np

    n, events = counts.size, int(counts.sum())
    warnings: list[str] = []
    fit = glm_fit(matrix, counts, Poisson(), shift, epsilon, maxit)
    warnings += fit.warnings
    mu = fit.mu
    theta, theta_se, theta_warnings = theta_ml(counts, mu, limit=maxit)
    warnings += theta_warnings
    d1 = math.sqrt(2 * max(1, n - int(np.sum(~np.isnan(fit.coef)))))
    d2 = delta = 1.0
    loglik = _nb_loglik(theta, mu, counts)
    loglik_old = loglik + 2 * d1
    alternation = 0
    while True:
        alternation += 1
        if not (alternation <= maxit and abs(loglik_old - loglik) / d1 + abs(delta) / d2 > epsilon):
            break
        fit = glm_fit(matrix, counts, NegativeBinomial(theta), shift, epsilon, maxit, etastart=np.log(mu))
        warnings += fit.warnings
        previous = theta
        theta, theta_se, theta_warnings = theta_ml(counts, mu, limit=maxit)
        warnings += theta_warnings
        mu = fit.mu
        delta = previous - theta
        loglik_old, loglik = loglik, _nb_loglik(theta, mu, counts)
    if alternation > maxit:
        warnings.append("alternation limit reached")
    first, terms = _split_intercept(names, fit.coef, fit.covariance, confidence_level, intercept)
    warnings += _aliased_warning(names, terms)
    return ModelFit(
        terms=terms,
        intercept=first,
        n=n,
        events=events,
        method=method,
        converged=fit.converged and alternation <= maxit,
        loglik=loglik,
        iterations=alternation - 1,
        confidence_level=confidence_level,
        theta=theta,
        theta_se=theta_se,
        warnings=unique_warnings(warnings),
        covariance=_covariance_of_terms(fit.covariance, intercept),
    )
