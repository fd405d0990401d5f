"""P values and interval ends by alternative, and the checks of ``alternative`` and the
confidence level: one place for what every statistic needs (the role of scipy's
``_get_pvalue`` and statsmodels' ``_zconfint_generic``).

Each helper computes exactly what the statistics computed inline before, operation for
operation, so that results stay bit-identical.
"""

from __future__ import annotations

import math
import sys
from typing import Any, NamedTuple

from ivig_blina.errors import OptionError

ALTERNATIVES = ("two-sided", "less", "greater")


class ConfidenceInterval(NamedTuple):
    """An interval's ends at the confidence level asked for; an open end is infinite (or the
    parameter's limit, such as 0 for an odds ratio)."""

    low: float
    high: float


EPSILON = sys.float_info.epsilon  # R's .Machine$double.eps
INF = math.inf


def check_alternative(alternative: Any) -> str:
    """``alternative`` if it is one of :data:`ALTERNATIVES`, else an :class:`OptionError` (a
    ``ValueError``) naming them: R's spelling ``"two.sided"`` would silently give a one-sided P."""
    if not isinstance(alternative, str) or alternative not in ALTERNATIVES:
        raise OptionError("alternative", f"expected one of {', '.join(ALTERNATIVES)}, got {alternative!r}")
    return alternative


def check_confidence_level(confidence_level: Any) -> float:
    """``confidence_level`` if it is a number strictly between 0 and 1 (0.95, not 95), else an
    :class:`OptionError` (a ``ValueError``)."""
    if (
        isinstance(confidence_level, bool)
        or not isinstance(confidence_level, (int, float))
        or not 0 < confidence_level < 1
    ):
        raise OptionError("confidence_level", f"expected a level between 0 and 1 (e.g. 0.95), got {confidence_level}")
    return float(confidence_level)


def tail_probability(alternative: str, confidence_level: float) -> float:
    """The probability in each tail the interval leaves out: alpha/2 two-sided, else alpha."""
    alpha = 1 - confidence_level
    return alpha / 2 if alternative == "two-sided" else alpha


def pvalue_symmetric(dist, statistic: float, alternative: str) -> float:
    """P of ``statistic`` under a distribution symmetric about 0 (t, normal): the lower tail
    for ``less``, the upper for ``greater``, twice the upper tail of |statistic| (at most 1)."""
    if alternative == "less":
        return float(dist.cdf(statistic))
    if alternative == "greater":
        return float(dist.sf(statistic))
    return float(min(1.0, 2 * dist.sf(abs(statistic))))


def pvalue_chisq_or_signed_root(chisq: float, z: float, alternative: str) -> float:
    """P of a one-degree-of-freedom chi-square statistic: its upper tail two-sided; one-sided,
    the normal tail of its signed root ``z`` (the direction of the first group), as R's
    ``prop.test`` does for the chi-square test."""
    from ivig_blina.stats.distributions import chi2_sf, norm

    if alternative == "two-sided":
        return float(chi2_sf(chisq, 1))
    return float(norm.cdf(z) if alternative == "less" else norm.sf(z))


def interval(estimate: float, se: float, dist, alternative: str, confidence_level: float) -> ConfidenceInterval:
    """``estimate`` -/+ the quantile of ``dist`` times ``se``; one-sided intervals are open
    (infinite) on the other side."""
    if alternative == "less":
        return ConfidenceInterval(-INF, estimate + dist.ppf(confidence_level) * se)
    if alternative == "greater":
        return ConfidenceInterval(estimate - dist.ppf(confidence_level) * se, INF)
    q = dist.ppf(1 - (1 - confidence_level) / 2)
    return ConfidenceInterval(estimate - q * se, estimate + q * se)


def open_side(low: float, high: float, alternative: str, lowest: float, highest: float) -> ConfidenceInterval:
    """A one-sided interval: the end the alternative does not bound set to the parameter's
    limit (``lowest`` for ``less``, ``highest`` for ``greater``)."""
    if alternative == "less":
        return ConfidenceInterval(lowest, high)
    if alternative == "greater":
        return ConfidenceInterval(low, highest)
    return ConfidenceInterval(low, high)
