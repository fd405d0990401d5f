"""R's ``glm.fit`` for the models of :mod:`ivig_blina.stats.glm`: iteratively reweighted least
squares with R's families (binomial with the logit link, Poisson and MASS's negative binomial
with the log link, each with the clamping of R's C code and ``make.link``).

Step for step as ``glm.fit`` with prior weights 1: the family's starting values (or
``etastart``), convergence when ``|dev - devold| / (|dev| + 0.1) < epsilon``, the step halved
while the deviance is infinite or the fitted values invalid, columns the weighted QR of
``Cdqrls`` would pivot out (tolerance ``min(1e-7, epsilon / 1000)``) left NaN, and the
covariance ``(X'WX)^-1`` from the last iteration's weights (``summary.glm``'s
``chol2inv(qr.R)``). R's warnings are returned as text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ivig_blina.stats.sides import EPSILON


class Binomial:
    name = "binomial"
    threshold = 30.0  # logit_linkinv and logit_mu_eta clamp beyond +/-30

    def start(self, y):
        return (y + 0.5) / 2  # (weights * y + 0.5) / (weights + 1), weights 1

    def linkfun(self, mu):
        import numpy as np

        return np.log(mu / (1 - mu))

    def linkinv(self, eta):
        import numpy as np

        e = np.where(eta < -self.threshold, EPSILON, np.where(eta > self.threshold, 1 / EPSILON, np.exp(eta)))
        return e / (1 + e)

    def mu_eta(self, eta):
        import numpy as np

        e = np.exp(np.clip(eta, -self.threshold, self.threshold))
        return np.where(np.abs(eta) > self.threshold, EPSILON, e / (1 + e) ** 2)

    def variance(self, mu):
        return mu * (1 - mu)

    def deviance(self, y, mu) -> float:
        import numpy as np

        with np.errstate(divide="ignore", invalid="ignore"):
            ones = np.where(y != 0, y * np.log(y / mu), 0.0)
            zeros = np.where(1 - y != 0, (1 - y) * np.log((1 - y) / (1 - mu)), 0.0)
        return float(np.sum(2 * (ones + zeros)))

    def valid(self, mu) -> bool:
        import numpy as np

        return bool(np.all(np.isfinite(mu)) and np.all((mu > 0) & (mu < 1)))


class LogLink:
    """make.link("log"): the inverse and its derivative are at least double.eps."""

    def linkfun(self, mu):
        import numpy as np

        return np.log(mu)

    def linkinv(self, eta):
        import numpy as np

        return np.maximum(np.exp(eta), EPSILON)

    def mu_eta(self, eta):
        import numpy as np

        return np.maximum(np.exp(eta), EPSILON)


class Poisson(LogLink):
    name = "poisson"

    def start(self, y):
        return y + 0.1

    def variance(self, mu):
        return mu

    def deviance(self, y, mu) -> float:
        import numpy as np

        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(y > 0, y * np.log(y / mu) - (y - mu), mu)
        return float(np.sum(2 * r))

    def valid(self, mu) -> bool:
        import numpy as np

        return bool(np.all(np.isfinite(mu)) and np.all(mu > 0))


class NegativeBinomial(LogLink):
    """MASS::negative.binomial(theta) with the log link."""

    name = "negative binomial"

    def __init__(self, theta: float) -> None:
        self.theta = theta

    def start(self, y):
        return y + (y == 0) / 6

    def variance(self, mu):
        return mu + mu**2 / self.theta

    def deviance(self, y, mu) -> float:
        import numpy as np

        th = self.theta
        return float(np.sum(2 * (y * np.log(np.maximum(1, y) / mu) - (y + th) * np.log((y + th) / (mu + th)))))

    def valid(self, mu) -> bool:
        import numpy as np

        return bool(np.all(mu > 0))


@dataclass
class IRLSFit:
    coef: Any  # numpy array, NaN where aliased
    mu: Any
    eta: Any
    deviance: float
    covariance: Any  # (X'WX)^-1 of the last iteration, NaN rows and columns where aliased
    iterations: int
    converged: bool
    warnings: list


class GlmStopped(Exception):
    """Where R's glm.fit stops with an error: the model gets no estimates (its text says why)."""


def kept_columns(xw, tolerance: float):
    """The columns LINPACK's ``dqrdc2`` (R's ``Cdqrls``) keeps: in order, a column whose norm
    left after removing the columns kept before it falls below ``tolerance`` times its own
    norm is aliased (moved to the end and left ``NA`` by R)."""
    import numpy as np

    kept: list[int] = []
    basis = np.zeros((xw.shape[0], 0))
    for j in range(xw.shape[1]):
        column = xw[:, j]
        norm = float(np.linalg.norm(column))
        residual = column - basis @ (basis.T @ column)
        residual = residual - basis @ (basis.T @ residual)  # twice: Gram-Schmidt kept orthogonal
        left = float(np.linalg.norm(residual))
        if norm > 0 and left >= tolerance * norm:
            kept.append(j)
            basis = np.hstack([basis, (residual / left)[:, None]])
    return kept


def glm_fit(x, y, family, offset, epsilon: float, maxit: int, etastart=None) -> IRLSFit:
    """R's ``glm.fit`` (prior weights 1)."""
    import numpy as np

    n, p = x.shape
    eta = etastart if etastart is not None else family.linkfun(family.start(y))
    mu = family.linkinv(eta)
    if not family.valid(mu):
        raise GlmStopped("glm.fit cannot find valid starting values: no estimates")
    devold = dev = family.deviance(y, mu)
    coef = coefold = None
    start = np.zeros(p)
    converged, boundary, warnings = False, False, []
    kept: list[int] = []
    xw = x
    iteration = 0
    for iteration in range(1, maxit + 1):
        mu_eta = family.mu_eta(eta)
        good = mu_eta != 0
        z = (eta - offset)[good] + (y - mu)[good] / mu_eta[good]
        w = np.sqrt(mu_eta[good] ** 2 / family.variance(mu)[good])
        xw = x[good] * w[:, None]
        kept = kept_columns(xw, min(1e-7, epsilon / 1000))
        solution = np.linalg.lstsq(xw[:, kept], z * w, rcond=None)[0]
        if not np.all(np.isfinite(solution)):
            warnings.append(f"non-finite coefficients at iteration {iteration}")
            break
        start = np.zeros(p)
        start[kept] = solution
        eta = x @ start + offset
        mu = family.linkinv(eta)
        dev = family.deviance(y, mu)
        boundary = False
        if not math.isfinite(dev) or not family.valid(mu):
            if coefold is None:
                raise GlmStopped("glm.fit found no valid set of coefficients: no estimates")
            warnings.append(
                "step size truncated due to divergence"
                if not math.isfinite(dev)
                else "step size truncated: out of bounds"
            )
            for _ in range(maxit):
                start = (start + coefold) / 2
                eta = x @ start + offset
                mu = family.linkinv(eta)
                dev = family.deviance(y, mu)
                if math.isfinite(dev) and family.valid(mu):
                    break
            else:
                raise GlmStopped("glm.fit cannot correct the step size (inner loop): no estimates")
            boundary = True
        if abs(dev - devold) / (abs(dev) + 0.1) < epsilon:
            converged, coef = True, start
            break
        devold, coef, coefold = dev, start, start
    if not converged:
        warnings.append("glm.fit: algorithm did not converge")
    if boundary:
        warnings.append("glm.fit: algorithm stopped at boundary value")
    if family.name == "binomial" and (np.any(mu > 1 - 10 * EPSILON) or np.any(mu < 10 * EPSILON)):
        warnings.append("glm.fit: fitted probabilities numerically 0 or 1 occurred")
    if family.name == "poisson" and np.any(mu < 10 * EPSILON):
        warnings.append("glm.fit: fitted rates numerically 0 occurred")
    coef = np.array(start if coef is None else coef, dtype=float)
    aliased = np.setdiff1d(np.arange(p), kept)
    coef[aliased] = np.nan
    covariance = np.full((p, p), np.nan)
    r = np.linalg.qr(xw[:, kept], mode="r")
    r_inverse = np.linalg.inv(r)
    covariance[np.ix_(kept, kept)] = r_inverse @ r_inverse.T  # chol2inv(R)
    return IRLSFit(coef, mu, eta, dev, covariance, iteration, converged, warnings)
