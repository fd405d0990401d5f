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


@pytest.mark.parametrize(
    "a, b, alternative, w, p",
    [
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
    ],
)
def test_mann_whitney_matches_r(a, b, alternative, w, p):
    result = stats.get("mann-whitney", "continuous").run(
        np.asarray(a, float), np.asarray(b, float), alternative=alternative
    )
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


def test_hodges_lehmann_interval_counts_as_r_ranks():
    """R's wilcox.test(x, y, conf.int=TRUE) ranks c(x - d, y) at every shift d that uniroot tries;
    the counting shortcut must give the same standardised rank sum, ties included (x - d meeting
    values of y on the integer grid), or uniroot takes other steps. The R code is transcribed."""
    from scipy.stats import norm, rankdata

    from ivig_blina.stats.continuous import _hodges_lehmann_normal
    from ivig_blina.stats.rootfind import uniroot

    rng = np.random.default_rng(7)
    x, y = rng.integers(0, 6, 60).astype(float), rng.integers(1, 8, 70).astype(float)
    m, n = len(x), len(y)

    def wdiff(d, zq, correct):  # wilcox.test.default's wdiff
        dr = rankdata(np.r_[x - d, y])
        _, ties = np.unique(dr, return_counts=True)
        dz = dr[:m].sum() - m * (m + 1) / 2 - m * n / 2
        sigma = np.sqrt((m * n / 12) * ((m + n + 1) - (ties**3 - ties).sum() / ((m + n) * (m + n - 1))))
        return (dz - (np.sign(dz) * 0.5 if correct else 0.0)) / sigma - zq

    low, high = x.min() - y.max(), x.max() - y.min()

    def root(zq):
        f_low, f_high = wdiff(low, zq, True), wdiff(high, zq, True)
        if f_low <= 0 or f_high >= 0:
            return low if f_low <= 0 else high
        return uniroot(lambda d: wdiff(d, zq, True), low, high, tol=1e-4, f_lower=f_low, f_upper=f_high)

    estimate, (ci_low, ci_high) = _hodges_lehmann_normal(x, y, "two-sided", 0.95)
    assert estimate == pytest.approx(uniroot(lambda d: wdiff(d, 0.0, False), low, high, tol=1e-4), abs=1e-12)
    assert ci_low == pytest.approx(root(norm.isf(0.025)), abs=1e-12)
    assert ci_high == pytest.approx(root(norm.ppf(0.025)), abs=1e-12)


# f <- function(a, na, b, nb, alt="two.sided")
#   fisher.test(matrix(c(a, na-a, b, nb-b), 2, byrow=TRUE), alternative=alt)$p.value
@pytest.mark.parametrize(
    "a, b, alternative, p",
    [
        ((14, 17), (4, 6), "two-sided", 0.575618889120033),  # f(14,17,4,6)
        ((4, 17), (1, 6), "two-sided", 1.0),  # f(4,17,1,6)
        ((0, 10), (5, 10), "two-sided", 0.0325077399380805),  # f(0,10,5,10)
        ((3, 3), (0, 5), "two-sided", 0.0178571428571428),  # f(3,3,0,5)
        ((7, 20), (2, 25), "greater", 0.0299868150123397),  # f(7,20,2,25,"greater")
        ((7, 20), (2, 25), "less", 0.99625665989818),  # f(7,20,2,25,"less")
        ((45, 100), (30, 100), "two-sided", 0.0405340065149827),  # f(45,100,30,100)
        ((5, 5), (6, 6), "two-sided", 1.0),  # f(5,5,6,6)
    ],
)
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
