"""The exact conditional test of the odds ratio that fisher.test and mantelhaen.test(exact = TRUE)
share (ivig_blina/stats/odds_ratio.py). Its numbers against R are checked through both callers
(test_stats_golden.py: fisher.test; test_strata.py: mantelhaen.test); here, that each caller's
own null distribution is the one used where R uses it."""

import doctest

import numpy as np
import pytest
from scipy import stats

import ivig_blina.stats.odds_ratio as odds_ratio_module
from ivig_blina.stats.odds_ratio import conditional_odds_ratio

# matrix(c(4, 1, 1, 4), 2): 5 events, 5 patients in the first group, s = 4 of its events
SUPPORT = np.arange(0, 6)
LOG_NULL = stats.hypergeom.logpmf(SUPPORT, 10, 5, 5)


def test_the_examples_in_the_docstrings_run():
    failed, attempted = doctest.testmod(odds_ratio_module)
    assert attempted >= 4 and not failed


@pytest.mark.parametrize("alternative, upper", [("greater", True), ("less", False)])
def test_the_one_sided_p_is_the_distribution_function_given_else_the_summed_null(alternative, upper):
    def phyper(upper: bool) -> float:
        return float(stats.hypergeom.sf(3, 10, 5, 5) if upper else stats.hypergeom.cdf(4, 10, 5, 5))

    p, _, _ = conditional_odds_ratio(4, 0, LOG_NULL, alternative, 0.95, null_tail=phyper)
    assert p == min(1.0, phyper(upper))
    null = np.exp(LOG_NULL - LOG_NULL.max())
    null /= null.sum()
    p, _, _ = conditional_odds_ratio(4, 0, LOG_NULL, alternative, 0.95)
    assert p == min(1.0, float(null[SUPPORT >= 4].sum() if upper else null[SUPPORT <= 4].sum()))


def test_the_two_sided_p_and_the_estimate_use_the_null_given():
    null = stats.hypergeom.pmf(SUPPORT, 10, 5, 5)
    null[5] *= 1 + 1e-6  # not quite the normalised exp(LOG_NULL), so that where it is used shows
    p, estimate, _ = conditional_odds_ratio(4, 0, LOG_NULL, "two-sided", 0.95, null=null)
    assert p == float(null[null <= null[4] * (1 + 1e-7)].sum())
    p_computed, estimate_computed, _ = conditional_odds_ratio(4, 0, LOG_NULL, "two-sided", 0.95)
    assert p != p_computed and estimate != estimate_computed
    assert estimate == pytest.approx(estimate_computed, rel=1e-4)


@pytest.mark.parametrize("alternative", ["two-sided", "less", "greater"])
def test_an_observed_end_of_the_support_gives_an_estimate_of_zero_or_infinity(alternative):
    _, at_lo, ci_lo = conditional_odds_ratio(0, 0, LOG_NULL, alternative, 0.95)
    _, at_hi, ci_hi = conditional_odds_ratio(5, 0, LOG_NULL, alternative, 0.95)
    assert (at_lo, at_hi) == (0.0, np.inf)
    assert ci_lo.low == 0.0 and ci_hi.high == np.inf
