"""Built-in statistics against R. Each expected value comes from the R call beside it."""

import numpy as np
import pytest

from ivig_blina import stats
from ivig_blina.errors import IvigBlinaError

WO_IVIG = [167, 183, 192, 221, 275, 317, 323, 336, 340, 436, 501, 505, 524, 530, 552, 586]
WO_CONTROL = [212, 268, 322, 352, 401, 455]
TIES_X = [1, 2, 2, 3, 5, 8, 8]
TIES_Y = [2, 3, 3, 4, 9, 10]
UNEQUAL_X = [3.1, 4.7, 5.2]
UNEQUAL_Y = [1.2, 2.2, 2.9, 3.3, 3.8, 4.1, 4.4, 6.0, 6.5, 7.1, 7.7, 8.3]


@pytest.mark.parametrize("a, b, alternative, w, p", [
    # wilcox.test(iv, ct)  (exact: no ties, both n < 50)
    (WO_IVIG, WO_CONTROL, "two-sided", 55, 0.640665835712275),
    # wilcox.test(ct, iv)
    (WO_CONTROL, WO_IVIG, "two-sided", 41, 0.640665835712275),
    # wilcox.test(iv, ct, alternative="less")
    (WO_IVIG, WO_CONTROL, "less", 55, 0.704984386098937),
    # wilcox.test(iv, ct, alternative="greater")
    (WO_IVIG, WO_CONTROL, "greater", 55, 0.320332917856138),
    # wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10))  (ties: normal approximation, continuity correction)
    (TIES_X, TIES_Y, "two-sided", 15, 0.426257760079169),
    # wilcox.test(c(1,2,2,3,5,8,8), c(2,3,3,4,9,10), alternative="greater")
    (TIES_X, TIES_Y, "greater", 15, 0.826460042927473),
    # wilcox.test((1:55)^1.1, (1:52)^1.1 + 0.3)  (n >= 50: normal approximation)
    (np.arange(1, 56) ** 1.1, np.arange(1, 53) ** 1.1 + 0.3, "two-sided", 1482, 0.74821155296587),
    # wilcox.test(c(3.1,4.7,5.2), c(1.2,2.2,2.9,3.3,3.8,4.1,4.4,6.0,6.5,7.1,7.7,8.3))
    (UNEQUAL_X, UNEQUAL_Y, "two-sided", 17, 0.945054945054945),
])
def test_mann_whitney_matches_r(a, b, alternative, w, p):
    result = stats.get("mann-whitney", "continuous").run(np.asarray(a, float), np.asarray(b, float),
                                                         alternative=alternative)
    assert result.statistic == w
    assert result.pvalue == pytest.approx(p, abs=1e-9)


def test_mann_whitney_says_when_ties_force_the_approximation():
    result = stats.get("mann-whitney", "continuous").run(np.array(TIES_X, float), np.array(TIES_Y, float))
    assert any("ties" in w for w in result.warnings)
    assert "continuity" in result.method


def test_mann_whitney_all_values_equal_gives_no_p():
    # wilcox.test(c(1,1), c(1,1)) gives p-value = NA
    result = stats.get("mann-whitney", "continuous").run(np.ones(2), np.ones(2))
    assert result.pvalue is None
    assert result.warnings


# f <- function(a, na, b, nb, alt="two.sided")
#   fisher.test(matrix(c(a, na-a, b, nb-b), 2, byrow=TRUE), alternative=alt)$p.value
@pytest.mark.parametrize("a, b, alternative, p", [
    ((14, 17), (4, 6), "two-sided", 0.575618889120033),  # f(14,17,4,6)
    ((4, 17), (1, 6), "two-sided", 1.0),  # f(4,17,1,6)
    ((0, 10), (5, 10), "two-sided", 0.0325077399380805),  # f(0,10,5,10)
    ((3, 3), (0, 5), "two-sided", 0.0178571428571428),  # f(3,3,0,5)
    ((7, 20), (2, 25), "greater", 0.0299868150123397),  # f(7,20,2,25,"greater")
    ((7, 20), (2, 25), "less", 0.99625665989818),  # f(7,20,2,25,"less")
    ((45, 100), (30, 100), "two-sided", 0.0405340065149827),  # f(45,100,30,100)
    ((5, 5), (6, 6), "two-sided", 1.0),  # f(5,5,6,6)
])
def test_fisher_matches_r(a, b, alternative, p):
    result = stats.get("fisher", "binary").run(a, b, alternative=alternative)
    assert result.statistic is None
    assert result.pvalue == pytest.approx(p, abs=1e-9)


def test_unknown_statistic_lists_the_known_ones():
    with pytest.raises(stats.UnknownStatistic, match="known: .*mann-whitney"):
        stats.get("wilcoxon-typo", "continuous")


def test_registering_a_taken_name_is_an_error():
    class Clash(stats.Statistic):
        name, kind, description = "fisher", "binary", "a second fisher"

    with pytest.raises(IvigBlinaError, match="'fisher'.*built-in"):
        stats.register(Clash, "file clash.py")


def test_mann_whitney_without_an_interval_when_shifting_ties_everything():
    # suppressWarnings(wilcox.test(c(0,0), 5))$p.value; with conf.int=TRUE R stops:
    # "cannot compute confidence interval when all observations are tied"
    result = stats.get("mann-whitney", "continuous").run(np.array([0.0, 0.0]), np.array([5.0]))
    assert result.pvalue == pytest.approx(0.479500122186953, abs=1e-9)
    assert result.estimate is None and result.ci is None
    assert any("no estimate" in w for w in result.warnings)
