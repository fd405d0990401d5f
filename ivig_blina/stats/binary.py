"""Built-in statistics for binary outcomes: each group is an ``(events, n)`` pair, first
group first; odds ratios are first over second, differences first minus second. Fisher's and
the chi-square test also take k groups: the k x 2 table of events and non-events.

numpy and scipy are imported inside the functions so that listing statistics stays instant.
"""

from __future__ import annotations

import math
from dataclasses import replace

from ivig_blina.stats import Statistic, TestResult, distributions
from ivig_blina.stats.categorical import ChiSquareRxC, FisherRxC
from ivig_blina.stats.odds_ratio import conditional_odds_ratio
from ivig_blina.stats.omnibus import left_out
from ivig_blina.stats.sides import (
    check_alternative,
    check_confidence_level,
    open_side,
    pvalue_chisq_or_signed_root,
)


def _k_by_2(groups):
    """The k x 2 table of (events, non-events), one row per group."""
    return [(events, n - events) for events, n in groups]


class Fisher(Statistic):
    """Fisher's exact test with the conditional maximum-likelihood odds ratio and its exact
    interval, as R's ``fisher.test`` (its 2x2 branch: the hypergeometric null distribution, then
    the test, estimate and interval that ``mantelhaen.test(exact = TRUE)`` shares,
    :mod:`ivig_blina.stats.odds_ratio`).

    The two-sided P sums the probabilities of the tables no more likely than the one observed,
    with R's relative tolerance 1e-7. With k groups: the test of the k x 2 table of events and
    non-events, as ``fisher.test`` on it (:class:`~ivig_blina.stats.categorical.FisherRxC`:
    exact within its budget of tables, else Monte Carlo with ``permutations`` and ``seed``),
    two-sided, without an estimate; a group without patients is an empty row, left out (R's P
    is that of the table without it).

    With ``strata=`` (one ``((events_a, n_a), (events_b, n_b))`` pair per stratum): the
    Cochran-Mantel-Haenszel test and common odds ratio of R's ``mantelhaen.test`` (see
    :func:`ivig_blina.stats.strata.mantel_haenszel`), exact with ``exact=True``; ``exact`` has no
    effect without strata.
    """

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "fisher"
    kind = "binary"
    groups = "k"
    description = "Fisher's exact test, conditional MLE odds ratio, as R's fisher.test"
    options = ("permutations", "seed", "exact")
    strata = True

    def run(
        self, *groups, alternative="two-sided", confidence_level=0.95, permutations=100_000, seed=1, **options
    ) -> TestResult:
        if len(groups) != 2:
            result = FisherRxC().run(
                *_k_by_2(groups),
                alternative=alternative,
                confidence_level=confidence_level,
                permutations=permutations,
                seed=seed,
            )
            empty = left_out([n == 0 for _, n in groups], "no patients: its empty row left out, as R's P is unchanged")
            return replace(result, warnings=empty + result.warnings)
        import numpy as np

        if options.get("strata") is not None:
            from ivig_blina.stats.strata import mantel_haenszel

            return mantel_haenszel(
                options["strata"],
                alternative=alternative,
                confidence_level=confidence_level,
                exact=bool(options.get("exact", False)),
                pooled=groups,
            )
        (x, n_a), (y, n_b) = groups
        m, n, k = x + y, n_a + n_b - x - y, n_a  # events, non-events, first group's size
        lo, hi = max(0, k - n), min(k, m)

        def null_tail(upper: bool) -> float:  # as R's phyper
            return float(
                distributions.hypergeom_sf(x - 1, m + n, m, k) if upper else distributions.hypergeom_cdf(x, m + n, m, k)
            )

        log_null = distributions.hypergeom_logpmf(np.arange(lo, hi + 1), m + n, m, k)
        p, estimate, ci = conditional_odds_ratio(x, lo, log_null, alternative, confidence_level, null_tail=null_tail)
        return TestResult(
            statistic=None,
            pvalue=p,
            estimate=estimate,
            ci=ci,
            estimand="odds ratio (first over second), conditional MLE",
            method="Fisher's exact test",
        )


class ChiSquare(Statistic):
    """Pearson's chi-square test with Yates' continuity correction, as R's ``chisq.test`` on the
    2x2 table; one-sided P values from the signed root of the statistic, as R's ``prop.test``.
    The estimate is the risk difference with the interval of R's ``prop.test`` (Yates-corrected
    Wald). With k groups: Pearson's test of the k x 2 table of events and non-events, as
    ``chisq.test`` on it (:class:`~ivig_blina.stats.categorical.ChiSquareRxC`: no correction,
    k - 1 degrees of freedom; a group without patients is an empty row, where R gives NaN: no
    test), two-sided, without an estimate."""

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "chi-square"
    kind = "binary"
    groups = "k"
    description = "Chi-square test with Yates' correction, as R's chisq.test / prop.test"

    def run(self, *groups, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        if len(groups) != 2:
            return ChiSquareRxC().run(*_k_by_2(groups), alternative=alternative, confidence_level=confidence_level)
        (x, n_a), (y, n_b) = groups
        observed = [[x, n_a - x], [y, n_b - y]]
        total = n_a + n_b
        rows, cols = (n_a, n_b), (x + y, total - x - y)
        method = "Pearson's chi-square test with Yates' continuity correction"
        if 0 in rows or 0 in cols:
            return TestResult(
                statistic=None,
                pvalue=None,
                method=method,
                warnings=("a row or column of the 2x2 table is empty; no test (R gives NaN)",),
            )
        statistic = 0.0
        for i in range(2):
            for j in range(2):
                expected = rows[i] * cols[j] / total
                delta = abs(observed[i][j] - expected)
                statistic += (delta - min(0.5, delta)) ** 2 / expected
        warnings: tuple[str, ...] = ()
        if min(rows[i] * cols[j] / total for i in range(2) for j in range(2)) < 5:
            warnings = ("an expected count is below 5; the chi-square approximation may be incorrect",)
        z = math.copysign(math.sqrt(statistic), x / n_a - y / n_b)
        p = pvalue_chisq_or_signed_root(statistic, z, alternative)
        return TestResult(statistic=statistic, pvalue=p, method=method, warnings=warnings)


class _ExactUnconditional(Statistic):
    """Shared by Barnard's and Boschloo's tests: P is the largest, over the common success
    probability pi, of the probability of the tables at least as extreme as the one observed
    (``_extreme``), two independent binomials under the null.

    The maximum is found on a grid of 2,001 values of pi, then refined by bounded Brent
    search around the best ones. Ordering statistics that are equal up to a relative 1e-10
    count as at least as extreme: scipy's ``barnard_exact`` misses such ties (e.g. 9/10 vs
    3/10, where (7,1) and (1,7) have the observed |z| exactly), so we do not use it.
    """

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    grid_points = 2001
    method: str

    def _extreme(self, x1, x2, n1, n2, alternative):  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        (x, n_a), (y, n_b) = a, b
        if n_a == 0 or n_b == 0:
            return TestResult(
                statistic=None, pvalue=None, method=self.method, warnings=("a group has no patients; no test",)
            )
        statistic, pvalue = self._test(x, y, n_a, n_b, alternative)
        return TestResult(statistic=statistic, pvalue=pvalue, method=self.method)

    def _test(self, x, y, n_a, n_b, alternative):
        import numpy as np

        x1, x2 = np.meshgrid(np.arange(n_a + 1), np.arange(n_b + 1), indexing="ij")
        statistic, extreme = self._extreme(x, y, x1, x2, n_a, n_b, alternative)
        return statistic, _max_over_nuisance(extreme, n_a, n_b, self.grid_points)


def _max_over_nuisance(extreme, n1: int, n2: int, points: int) -> float:
    """max over pi of P(table in ``extreme``) for X1 ~ Bin(n1, pi), X2 ~ Bin(n2, pi)."""
    import numpy as np
    from scipy import optimize, stats

    weights = extreme.astype(float)

    def probability(pi):
        pi = np.atleast_1d(pi)
        p1 = stats.binom.pmf(np.arange(n1 + 1)[None, :], n1, pi[:, None])
        p2 = stats.binom.pmf(np.arange(n2 + 1)[None, :], n2, pi[:, None])
        return np.einsum("gi,ij,gj->g", p1, weights, p2)

    grid = np.linspace(0.0, 1.0, points)
    values = probability(grid)
    best = float(values.max())
    step = grid[1] - grid[0]
    for k in np.argsort(values)[-10:]:
        low, high = max(0.0, grid[k] - step), min(1.0, grid[k] + step)
        found = optimize.minimize_scalar(
            lambda pi: -probability(pi)[0], bounds=(low, high), method="bounded", options={"xatol": 1e-12}
        )
        best = max(best, -float(found.fun))
    return min(1.0, best)


class Barnard(_ExactUnconditional):
    """Barnard's exact unconditional test with the pooled-variance score (z) statistic,
    first group's proportion minus the second's. Barnard GA (1945) doi:10.1038/156177a0"""

    name = "barnard"
    kind = "binary"
    description = "Barnard's exact unconditional test (pooled score statistic)"
    method = "Barnard's exact test (pooled z)"

    def _extreme(self, x, y, x1, x2, n1, n2, alternative):
        import numpy as np

        pooled = (x1 + x2) / (n1 + n2)
        with np.errstate(divide="ignore", invalid="ignore"):
            z = (x1 / n1 - x2 / n2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        z[x1 * n2 == x2 * n1] = 0.0  # equal proportions, 0/0 included
        observed = float(z[x, y])
        tolerance = 1e-10 * max(1.0, abs(observed))
        if alternative == "less":
            return observed, z <= observed + tolerance
        if alternative == "greater":
            return observed, z >= observed - tolerance
        return observed, np.abs(z) >= abs(observed) - tolerance


class Boschloo(_ExactUnconditional):
    """Boschloo's exact unconditional test: tables ordered by Fisher's one-sided P; the
    two-sided P is twice the smaller one-sided P (scipy's convention), at most 1.
    Boschloo RD (1970) doi:10.1111/j.1467-9574.1970.tb00104.x"""

    name = "boschloo"
    kind = "binary"
    description = "Boschloo's exact unconditional test"
    method = "Boschloo's exact test"

    def _test(self, x, y, n_a, n_b, alternative):
        if alternative == "two-sided":
            less = super()._test(x, y, n_a, n_b, "less")
            greater = super()._test(x, y, n_a, n_b, "greater")
            statistic, p = min(less, greater, key=lambda r: r[1])
            return statistic, min(1.0, 2 * p)
        return super()._test(x, y, n_a, n_b, alternative)

    def _extreme(self, x, y, x1, x2, n1, n2, alternative):
        from scipy import stats

        total = x1 + x2  # Fisher's one-sided P of each table, given its column total
        if alternative == "less":
            fisher_p = stats.hypergeom.cdf(x1, n1 + n2, total, n1)
        else:
            fisher_p = stats.hypergeom.sf(x1 - 1, n1 + n2, total, n1)
        observed = float(fisher_p[x, y])
        return observed, fisher_p <= observed * (1 + 1e-10)


def wilson(events: int, n: int, z: float) -> tuple[float, float]:
    """Wilson's score interval for one proportion, without continuity correction."""
    p = events / n
    centre = (2 * n * p + z * z) / (2 * (n + z * z))
    half = z * math.sqrt(z * z + 4 * n * p * (1 - p)) / (2 * (n + z * z))
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe(
    a: tuple[int, int], b: tuple[int, int], *, alternative: str = "two-sided", confidence_level: float = 0.95
) -> tuple[float, float, float] | None:
    """Risk difference p_a - p_b with Newcombe's hybrid score interval (method 10 of
    Newcombe RG, Stat Med 1998;17:873-890, doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I).

    One-sided intervals use the one-sided Wilson limits at ``confidence_level``. None when a
    group is empty.
    """
    from statistics import NormalDist

    check_alternative(alternative)
    check_confidence_level(confidence_level)
    (x, n_a), (y, n_b) = a, b
    if n_a == 0 or n_b == 0:
        return None
    level = confidence_level if alternative == "two-sided" else 2 * confidence_level - 1
    z = NormalDist().inv_cdf(1 - (1 - level) / 2)
    p1, p2 = x / n_a, y / n_b
    l1, u1 = wilson(x, n_a, z)
    l2, u2 = wilson(y, n_b, z)
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    low, high = open_side(low, high, alternative, -1.0, 1.0)
    return d, low, high
