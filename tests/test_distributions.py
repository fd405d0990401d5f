"""ivig_blina.stats.distributions against scipy.stats, bit for bit: the statistics that use it
gave scipy.stats' numbers before and must give the same ones (compare's output is unchanged)."""

import numpy as np
import pytest
from scipy import stats

from ivig_blina.stats import distributions as dist


def same(ours, theirs):
    ours, theirs = np.asarray(ours, float), np.asarray(theirs, float)
    return ours.shape == theirs.shape and np.array_equal(ours, theirs, equal_nan=True)


EDGES = [0.0, -0.0, 1e-300, -1e-300, 0.5, -0.5, 8.5, -8.5, 40.0, -40.0, np.inf, -np.inf, np.nan]
LEVELS = [0.0, 1.0, 0.5, 0.025, 0.975, 0.05, 0.95, 0.005, 0.1, 0.2, 1e-300, 1 - 1e-16, -0.1, 1.1, np.nan]


def test_normal():
    x = np.r_[np.random.default_rng(1).normal(0, 3, 2000), EDGES]
    q = np.r_[np.random.default_rng(2).random(2000), LEVELS]
    assert same(dist.norm.cdf(x), stats.norm.cdf(x)) and same(dist.norm.sf(x), stats.norm.sf(x))
    assert same(dist.norm.ppf(q), stats.norm.ppf(q)) and same(dist.norm.isf(q), stats.norm.isf(q))
    for one in [*EDGES, 1.96, -1.2]:
        assert same(dist.norm.cdf(one), stats.norm.cdf(one)) and same(dist.norm.sf(one), stats.norm.sf(one))
    for one in LEVELS:
        assert same(dist.norm.ppf(one), stats.norm.ppf(one)) and same(dist.norm.isf(one), stats.norm.isf(one))


@pytest.mark.parametrize("df", [1, 2, 3, 7])
def test_chi_square_upper_tail(df):
    x = np.r_[np.random.default_rng(df).exponential(5, 500), 0.0, -1.0, 1e-300, 300.0, np.inf, np.nan]
    assert same(dist.chi2_sf(x, df), stats.chi2.sf(x, df))
    for one in x[-8:]:
        assert same(dist.chi2_sf(one, df), stats.chi2.sf(one, df))


def shapes(rng):
    """(total, good, draws): small tables, large ones (250k patients a group), all-or-none events."""
    yield from [(20, 7, 10), (10, 0, 5), (10, 10, 5), (10, 4, 0), (10, 4, 10), (1, 1, 1)]
    for _ in range(30):
        total = int(rng.integers(1, 60))
        yield total, int(rng.integers(0, total + 1)), int(rng.integers(0, total + 1))
    for _ in range(6):
        total = int(rng.integers(100_000, 520_000))
        yield total, int(rng.integers(0, total + 1)), int(rng.integers(0, total + 1))


def test_hypergeometric():
    rng = np.random.default_rng(3)
    for total, good, draws in shapes(rng):
        low, high = max(draws - (total - good), 0), min(good, draws)
        support = np.arange(low, high + 1)
        assert same(
            dist.hypergeom_logpmf(support, total, good, draws), stats.hypergeom.logpmf(support, total, good, draws)
        )
        beyond = np.arange(low - 2, high + 3)
        assert same(
            dist.hypergeom_logpmf(beyond, total, good, draws), stats.hypergeom.logpmf(beyond, total, good, draws)
        )
        ks = np.unique(np.r_[low - 1, low, high - 1, high, high + 1, rng.integers(low, high + 1, 20)])
        for k in ks.tolist():
            assert same(dist.hypergeom_cdf(k, total, good, draws), stats.hypergeom.cdf(k, total, good, draws))
            assert same(dist.hypergeom_sf(k, total, good, draws), stats.hypergeom.sf(k, total, good, draws))


def test_binomial():
    rng = np.random.default_rng(4)
    cases = [(10, 0.0), (10, 1.0), (0, 0.3), (1, 0.5)] + [
        (int(rng.integers(1, 200_000)), float(rng.random())) for _ in range(40)
    ]
    for n, p in cases:
        k = np.unique(np.r_[-1, 0, n - 1, n, n + 1, rng.integers(0, n + 1, 30)])
        assert same(dist.binom_pmf(k, n, p), stats.binom.pmf(k, n, p))
        for one in k.tolist():
            assert same(dist.binom_pmf(one, n, p), stats.binom.pmf(one, n, p))
            assert same(dist.binom_cdf(one, n, p), stats.binom.cdf(one, n, p))
            assert same(dist.binom_sf(one, n, p), stats.binom.sf(one, n, p))


def test_beta_quantile():
    rng = np.random.default_rng(5)
    for _ in range(300):
        a, b = (int(v) for v in rng.integers(1, 100_000, 2))
        for q in [float(rng.random()), 0.0, 1.0, 0.025, 0.975]:
            assert same(dist.beta_ppf(q, a, b), stats.beta.ppf(q, a, b))
