"""The exact Wilcoxon rank-sum P (small samples without ties) against R to the last bit.

Golden values: tests/golden/r_pwilcox.py (tests/golden/pwilcox.R, R's pwilcox and wilcox.test
printed with %.17g). R adds doubles; ours are exact integer counts: the same double while
C(m + n, n) < 2^53, where each R count is exact; above, within 1e-13.
"""

import math

import pytest
from golden.r_pwilcox import PWILCOX, WILCOX_TEST

from ivig_blina.stats.continuous import MannWhitney, _pwilcox

ALTERNATIVES = {"two.sided": "two-sided", "greater": "greater", "less": "less"}


def same_double_or_close(value: float, expected: float, m: int, n: int) -> None:
    if math.comb(m + n, n) < 2**53:
        assert value == expected
    else:
        assert value == pytest.approx(expected, rel=1e-13, abs=0)


@pytest.mark.parametrize("q, m, n, lower, expected", PWILCOX)
def test_pwilcox_is_rs(q, m, n, lower, expected):
    same_double_or_close(_pwilcox(q, m, n, lower), expected, m, n)


@pytest.mark.parametrize("x, y, alternative, statistic, pvalue", WILCOX_TEST)
def test_the_exact_test_is_rs(x, y, alternative, statistic, pvalue):
    result = MannWhitney().run(x, y, alternative=ALTERNATIVES[alternative])
    assert result.method == "Wilcoxon rank-sum exact test"
    assert result.statistic == statistic
    same_double_or_close(result.pvalue, pvalue, len(x), len(y))


def test_the_grid_has_sizes_on_both_sides_of_2_to_the_53():
    splits = {math.comb(m + n, n) for _, m, n, _, _ in PWILCOX}
    assert min(splits) < 2**53 < max(splits)
