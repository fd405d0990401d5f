"""The noncentral t distribution function as R's ``pt(q, df, ncp)`` computes it, for the power
of the t-test (``pwr::pwr.t2n.test``): the twin series of algorithm AS 243 (Lenth RV, Appl Stat
1989;38:185-189, doi:10.2307/2347693), summed to an error bound of 1e-12 or 1,000 terms, and
for a noncentrality beyond 37.62 (or more than 400,000 degrees of freedom) the normal
approximation of Abramowitz and Stegun 26.7.10, the choices R documents for ``pt``.

SciPy's ``nct`` is more accurate in the far tails, but returns NaN for the lower tail at a
noncentrality of about 10 and more (SciPy 1.17), where the power's root-finding starts (d = 10
at 17 and 6 patients): R's values are what ``pwr`` finds its root from, so they are what we use.

Stage 0. May import ``ivig_blina.errors`` only.
"""

from __future__ import annotations

import math

ERROR_BOUND = 1e-12
MAX_TERMS = 1000
NORMAL_BEYOND = math.sqrt(2 * math.log(2) * 1021)  # 37.62: exp(-ncp^2 / 2) would leave double precision


def noncentral_t_cdf(t: float, df: float, ncp: float, upper: bool = False) -> float:
    """P(T <= t) (or P(T > t) with ``upper``) for T noncentral t with ``df`` degrees of freedom
    and noncentrality ``ncp``; R's ``pt(t, df, ncp, lower.tail = not upper)``."""
    from scipy.special import betainc, ndtr

    if t >= 0:
        reflected, x_t, delta = False, t, ncp
    else:  # P(T <= t; ncp) = 1 - P(T <= -t; -ncp)
        if ncp > 40 and upper is False:
            return 0.0
        if ncp > 40:
            return 1.0
        reflected, x_t, delta = True, -t, -ncp
    lower = upper == reflected  # which tail of the reflected variable is asked for
    if df > 4e5 or abs(delta) > NORMAL_BEYOND:
        shrink = 1 / (4 * df)
        z = (x_t * (1 - shrink) - delta) / math.sqrt(1 + x_t * x_t * 2 * shrink)
        return float(ndtr(z) if lower else ndtr(-z))
    total = _series(x_t, df, delta, betainc) + float(ndtr(-delta))
    total = min(total, 1.0)
    return float(total if lower else 0.5 - total + 0.5)


def _series(t: float, df: float, delta: float, betainc) -> float:
    """AS 243's sum for t >= 0: the Poisson-weighted incomplete beta terms, odd and even."""
    x = t * t / (t * t + df)
    if x <= 0:
        return 0.0
    lam = delta * delta
    weight_even = 0.5 * math.exp(-0.5 * lam)
    weight_odd = math.sqrt(2 / math.pi) * weight_even * delta
    remaining = 0.5 - weight_even
    if remaining < 1e-7:
        remaining = -0.5 * math.expm1(-0.5 * lam)
    a, b = 0.5, 0.5 * df
    power_b = (1 - x) ** b
    log_beta = math.log(math.sqrt(math.pi)) + math.lgamma(b) - math.lgamma(0.5 + b)
    beta_odd = float(betainc(a, b, x))
    step_odd = 2 * power_b * math.exp(a * math.log(x) - log_beta)
    tiny = b * x
    beta_even = tiny if tiny < 2.220446049250313e-16 else 1 - power_b
    step_even = tiny * power_b
    total = weight_even * beta_odd + weight_odd * beta_even
    for term in range(1, MAX_TERMS + 1):
        a += 1
        beta_odd -= step_odd
        beta_even -= step_even
        step_odd *= x * (a + b - 1) / a
        step_even *= x * (a + b - 0.5) / (a + 0.5)
        weight_even *= lam / (2 * term)
        weight_odd *= lam / (2 * term + 1)
        total += weight_even * beta_odd + weight_odd * beta_even
        remaining -= weight_even
        if remaining < -1e-10 or (remaining <= 0 and term > 1):
            break
        if abs(2 * remaining * (beta_odd - step_odd)) < ERROR_BOUND:
            break
    return total
