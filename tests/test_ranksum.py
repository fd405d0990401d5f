"""The counted rank sum of a - d and its ties against R's definition, ranked the slow way.

R's ``wilcox.test(conf.int = TRUE)`` computes, at every shift ``d`` uniroot tries,
``dr <- rank(c(x - d, y)); sum(dr[seq_along(x)]) - n.x * (n.x + 1) / 2`` and
``NTIES.CI <- table(dr); sum(NTIES.CI^3 - NTIES.CI)``; ``reference`` below is that R code
transcribed. The counts must equal it exactly, at every shift, or uniroot takes other steps.
"""

import numpy as np
import pytest
from scipy import stats

from ivig_blina.stats import get
from ivig_blina.stats.continuous import _rank_sum_test
from ivig_blina.stats.ranksum import SearchedRankSum, ShiftedRankSum, tie_cubes


def reference(a, b, d):
    """(2 U, sum(t^3 - t)) of c(a - d, b), ranked as R ranks it."""
    ranks = stats.rankdata(np.r_[a - d, b])
    _, ties = np.unique(ranks, return_counts=True)
    return int(2 * ranks[: len(a)].sum()) - len(a) * (len(a) + 1), tie_cubes(ties)


def samples(seed):
    """Pairs of samples with the awkward cases: ties, values a few ulps apart that a - d rounds
    onto one value (b far away, so the shifts are large), one-value groups, a heavy tail."""
    rng = np.random.default_rng(seed)
    m, n = rng.integers(1, 90, 2)
    yield rng.integers(0, 8, m).astype(float), rng.integers(0, 8, n).astype(float)
    yield rng.normal(size=m), rng.normal(0.5, size=n)
    yield np.round(rng.normal(size=m), 1), np.round(rng.normal(size=n), 1)
    yield 1.0 + rng.integers(0, 6, m) * np.spacing(1.0), -1000.0 + rng.normal(size=n)
    yield 3.3 + rng.integers(0, 6, m) * np.spacing(3.3), np.full(n, 77.7)
    yield rng.exponential(size=m) ** 3 * 1e4, np.where(rng.random(n) < 0.3, 0.0, rng.exponential(size=n) ** 3 * 1e4)
    yield np.full(m, 2.5), np.r_[np.full(n, 2.5), 7.0]


def shifts(a, b, rng):
    """Pairwise differences (where a - d meets b), their neighbours one ulp away, and random shifts."""
    differences = np.subtract.outer(a, b).ravel()
    low, high = differences.min(), differences.max()
    differences = rng.choice(differences, min(len(differences), 120), replace=False)
    return np.r_[
        differences,
        np.nextafter(differences, np.inf),
        np.nextafter(differences, -np.inf),
        rng.uniform(low, high, 40),
        [low, high, 0.0, low - 1, high + 1],
    ]


@pytest.mark.parametrize("way", [ShiftedRankSum, SearchedRankSum])
@pytest.mark.parametrize("seed", range(6))
def test_counts_equal_r_ranks_at_every_shift(seed, way):
    rng = np.random.default_rng(100 + seed)
    for a, b in samples(seed):
        rank_sum = way(a, b)
        for d in rng.permutation(shifts(a, b, rng)):  # random order: each shift placed both ways
            assert rank_sum(d) == reference(a, b, d), (a, b, d)


def test_placing_between_two_shifts_equals_placing_by_cells():
    """uniroot closing in (shifts halving towards a root) is placed from the shifts around it;
    a fresh instance places each shift by the cells alone."""
    rng = np.random.default_rng(3)
    a = np.where(rng.random(3000) < 0.3, 0.0, np.round(rng.exponential(size=3000) * 40, 3))
    b = np.where(rng.random(2500) < 0.3, 0.0, np.round(rng.exponential(size=2500) * 38, 3))
    closing = ShiftedRankSum(a, b)
    low, high = closing.lowest, closing.highest
    used = []
    original = closing._between
    closing._between = lambda d: used.append(original(d) is not None) or original(d)
    closing(low), closing(high)
    for step in range(40):
        d = (low + high) / 2
        assert closing(d) == ShiftedRankSum(a, b)(d) == reference(a, b, d)
        low, high = (d, high) if step % 3 else (low, d)
    assert any(used) and not all(used)


@pytest.mark.parametrize("alternative", ["two-sided", "less", "greater"])
@pytest.mark.parametrize("seed", range(4))
def test_normal_approximation_is_scipys_bit_for_bit(alternative, seed):
    # what MannWhitney reported before: scipy.stats.mannwhitneyu(a, b, use_continuity=True, method="asymptotic")
    for a, b in samples(seed):
        if np.all(np.r_[a, b] == a[0]):
            continue
        expected = stats.mannwhitneyu(a, b, alternative=alternative, use_continuity=True, method="asymptotic")
        got = _rank_sum_test(a, b, alternative, False, ShiftedRankSum(a, b))
        assert got == (float(expected.statistic), float(expected.pvalue))


def test_tie_cubes_exact_past_int64():
    assert tie_cubes([3, 1, 2]) == 24 + 0 + 6
    assert tie_cubes([3_000_000] * 2) == 2 * (3_000_000**3 - 3_000_000)  # past 2**63: Python integers
    assert tie_cubes([]) == 0


@pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")  # inf - inf, as before
@pytest.mark.parametrize("bad", [np.inf, -np.inf, np.nan])
def test_infinite_or_missing_values_are_counted_as_before(bad):
    """Not by cells (a - d can be NaN): scipy's statistic and P, and no error."""
    rng = np.random.default_rng(9)
    a, b = np.r_[rng.normal(size=60), bad], rng.normal(size=70)
    result = get("mann-whitney", "continuous").run(a, b)
    expected = stats.mannwhitneyu(a, b, use_continuity=True, method="asymptotic")
    assert np.array_equal([result.statistic, result.pvalue], [expected.statistic, expected.pvalue], equal_nan=True)
