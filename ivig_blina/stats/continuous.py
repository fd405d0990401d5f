"""Built-in statistics for continuous outcomes (two 1-D float arrays, first minus second).

numpy and scipy are imported inside the functions so that listing statistics stays instant.
"""

from __future__ import annotations

import functools
import math
from typing import ClassVar

from ivig_blina.stats import Statistic, TestResult, distributions
from ivig_blina.stats.ranksum import SearchedRankSum, ShiftedRankSum
from ivig_blina.stats.rootfind import uniroot
from ivig_blina.stats.sides import (
    EPSILON,
    INF,
    ConfidenceInterval,
    interval,
    open_side,
    pvalue_symmetric,
    tail_probability,
)


def _no_test(method: str, reason: str, **fields) -> TestResult:
    return TestResult(statistic=None, pvalue=None, method=method, warnings=(reason,), **fields)


class MannWhitney(Statistic):
    """Wilcoxon-Mann-Whitney rank-sum test with the Hodges-Lehmann shift, as R's
    ``wilcox.test(a, b, conf.int=TRUE)``.

    Exact (P, estimate and interval) when both groups have fewer than 50 values and there are no
    ties; otherwise the normal approximation with tie and continuity corrections, and R's
    root-finding for the estimate and interval. The statistic is U of the first group (R's W).
    Bauer DF (1972) doi:10.1080/01621459.1972.10481279 for the interval.

    With ``strata=`` (one ``(values_a, values_b)`` pair per stratum): the stratified test of
    ``coin::wilcox_test(y ~ g | s)``, asymptotic, whose statistic is the standardised Z and which
    has no estimate (see :func:`ivig_blina.stats.strata.stratified_wilcoxon`).
    """

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "mann-whitney"
    kind = "continuous"
    description = "Wilcoxon-Mann-Whitney rank-sum test with Hodges-Lehmann shift, as R's wilcox.test"
    strata = True

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        import numpy as np

        if options.get("strata") is not None:
            from ivig_blina.stats.strata import stratified_wilcoxon

            return stratified_wilcoxon(options["strata"], alternative=alternative, pooled=(a, b))
        a, b = np.asarray(a, float), np.asarray(b, float)
        pooled = np.concatenate([a, b])
        estimand = "Hodges-Lehmann shift (first minus second)"
        if np.all(pooled == pooled[0]):
            return _no_test(
                "Wilcoxon rank-sum test", "every value is the same; no test (R gives NA)", estimand=estimand
            )
        m, n = len(a), len(b)
        finite = bool(np.isfinite(pooled).all())  # else a - d can be NaN: counted as before, not by cells
        rank_sum: ShiftedRankSum | SearchedRankSum | None = None  # for the normal approximation
        if m < 50 and n < 50 or not (m and n and finite):
            ties = len(np.unique(pooled)) < len(pooled)
            if m and n and (ties or m >= 50 or n >= 50):
                rank_sum = ShiftedRankSum(a, b) if finite else SearchedRankSum(a, b)
        else:
            rank_sum = ShiftedRankSum(a, b)
            ties = rank_sum(0.0)[1] > 0  # a pooled tie group of two or more
        exact = m < 50 and n < 50 and not ties
        statistic, pvalue = _rank_sum_test(a, b, alternative, exact, rank_sum if finite else None)
        warnings: tuple[str, ...] = ()
        estimate: float | None
        ci: ConfidenceInterval | None
        if exact:
            estimate, ci = _hodges_lehmann_exact(a, b, alternative, confidence_level)
            method = "Wilcoxon rank-sum exact test"
        else:
            method = "Wilcoxon rank-sum test with continuity correction"
            if ties:
                warnings = ("ties: normal approximation with continuity correction, as R",)
            try:
                if rank_sum is None:  # an empty group: R's root-finding has nothing to search
                    raise ValueError("f() values at end points not of opposite sign")
                estimate, ci = _hodges_lehmann_normal(a, b, alternative, confidence_level, rank_sum)
            except _AllTied:
                estimate, ci = None, None
                warnings += ("no estimate or interval: shifting a makes every value tied (R stops here too)",)
            except ValueError:  # uniroot: no sign change, as R's "f() values at end points not of opposite sign"
                estimate, ci = None, None
                warnings += ("no estimate or interval: R's root-finding has no sign change here (R stops too)",)
        return TestResult(
            statistic=statistic,
            pvalue=pvalue,
            estimate=estimate,
            ci=ci,
            estimand=estimand,
            method=method,
            warnings=warnings,
        )


def _rank_sum_test(a, b, alternative, exact, rank_sum) -> tuple[float, float]:
    """U of ``a`` (R's W) and its P: ``scipy.stats.mannwhitneyu(a, b, use_continuity=True)``.
    With ``rank_sum``, scipy's normal approximation operation for operation from the counts at
    shift 0 instead of ranking the pooled sample again (100-200 ms an outcome at 5M rows,
    measured), and without importing ``scipy.stats`` for it. Exact: R's ``pwilcox`` tails."""
    if exact and len(a) and len(b):  # an empty group: scipy's NaN
        import numpy as np

        u1 = int(np.searchsorted(np.sort(b), a).sum())  # pairs with a above b: no ties here
        return float(u1), _exact_pvalue(u1, len(a), len(b), alternative)
    if rank_sum is not None:
        twice_u, cubes = rank_sum(0.0)
        if cubes < 2**53:  # scipy sums t^3 - t as floats: exact, so the same number, below 2^53
            m, n = len(a), len(b)
            u1 = twice_u / 2  # scipy's sum of ranks is exact too (half-integers far below 2^53)
            u2 = m * n - u1
            u, factor = {"greater": (u1, 1), "less": (u2, 1)}.get(alternative, (max(u1, u2), 2))
            total = m + n
            s = math.sqrt(m * n / 12 * ((total + 1) - float(cubes) / (total * (total - 1))))
            z = (u - m * n / 2 - 0.5) / s
            return u1, min(max(float(distributions.norm.sf(z)) * factor, 0.0), 1.0)
    from scipy import stats

    res = stats.mannwhitneyu(
        a, b, alternative=alternative, use_continuity=True, method="exact" if exact else "asymptotic"
    )
    return float(res.statistic), float(res.pvalue)


def _exact_pvalue(u: int, m: int, n: int, alternative: str) -> float:
    """P of U = ``u`` as R's exact ``wilcox.test``: ``pwilcox(u - 1, m, n, lower.tail = FALSE)``
    (greater), ``pwilcox(u, m, n)`` (less); two-sided, twice the first when u > mn/2, else
    twice the second, at most 1."""
    if alternative == "less" or alternative == "two-sided" and u <= m * n / 2:
        p = _pwilcox(u, m, n, lower=True)
    else:
        p = _pwilcox(u - 1, m, n, lower=False)
    return min(2 * p, 1.0) if alternative == "two-sided" else p


def _pwilcox(q: int, m: int, n: int, lower: bool) -> float:
    """R's ``pwilcox(q, m, n, lower.tail)`` operation for operation: the shorter tail's
    probabilities added in order, the other side as 0.5 - p + 0.5. R's counts are doubles, ours
    exact integers: the same numbers while C(m + n, n) < 2^53 (checked against R on a grid)."""
    if q < 0:
        return 0.0 if lower else 1.0
    if q >= m * n:
        return 1.0 if lower else 0.0
    counts, total = _wilcoxon_counts(m, n), _choose(m + n, n)
    if q > m * n / 2:
        q, lower = m * n - q - 1, not lower
    p = 0.0
    for count in counts[: q + 1]:
        p += count / total
    return p if lower else 0.5 - p + 0.5


def _choose(n: int, k: int) -> float:
    """R's ``choose(n, k)`` for whole n >= k >= 0: a product of rounded ratios, rounded, while
    the smaller side is below 30 (R's k_small_max; not exact near 2^53), else the exact
    binomial (R's exp(lfastchoose) there is above 2^53, where no double is exact)."""
    if k >= 30 and n - k < 30 or k < 30 and n - k < k:
        k = n - k
    if k >= 30:
        return float(math.comb(n, k))
    r = float(n) if k else 1.0
    for j in range(2, k + 1):
        r *= (n - j + 1) / j
    return float(round(r))


@functools.cache
def _wilcoxon_counts(m: int, n: int) -> tuple[int, ...]:
    """Number of splits with U = 0 .. m*n: the coefficients of the Gaussian binomial
    [m+n choose m]_q, built as prod (1 - q^(n+i)) / (1 - q^i) in exact integers."""
    size = m * n + 1
    c = [0] * size
    c[0] = 1
    for i in range(1, m + 1):
        for j in range(size - 1, n + i - 1, -1):  # times (1 - q^(n+i))
            c[j] -= c[j - n - i]
        for j in range(i, size):  # divided by (1 - q^i)
            c[j] += c[j - i]
    return tuple(c)


def _qwilcox(p: float, m: int, n: int) -> int:
    """R's ``qwilcox(p, m, n)`` for p <= 0.5: the smallest q with P(U <= q) >= p."""
    counts = _wilcoxon_counts(m, n)
    total = _choose(m + n, n)  # as R: its choose(), not the exact binomial, near 2^53
    target, cumulative = p - 10 * EPSILON, 0.0
    for q, count in enumerate(counts):
        cumulative += count / total
        if cumulative >= target:
            return q
    return m * n  # pragma: no cover - the cumulative reaches 1


def _hodges_lehmann_exact(a, b, alternative, confidence_level):
    import numpy as np

    diffs = np.sort(np.subtract.outer(a, b).ravel())
    m, n = len(a), len(b)
    qu = max(1, _qwilcox(tail_probability(alternative, confidence_level), m, n))
    ql = m * n - qu
    ci = open_side(float(diffs[qu - 1]), float(diffs[ql]), alternative, -INF, INF)
    return float(np.median(diffs)), ci


class _AllTied(Exception):
    pass


def _hodges_lehmann_normal(a, b, alternative, confidence_level, rank_sum=None):
    """R's asymptotic interval: roots in the shift d of the standardised rank sum of a - d."""
    m, n = len(a), len(b)
    if rank_sum is None:
        rank_sum = ShiftedRankSum(a, b)

    def wdiff(d: float, zq: float, correct: bool) -> float:
        twice_u, cubes = rank_sum(d)
        dz = twice_u / 2 - m * n / 2
        correction = 0.0
        if correct:
            sign = math.copysign(0.5, dz) if dz else 0.0  # R's sign(dz) * 0.5
            correction = {"two-sided": sign, "greater": 0.5, "less": -0.5}[alternative]
        sigma = math.sqrt((m * n / 12) * ((m + n + 1) - cubes / ((m + n) * (m + n - 1))))
        if sigma == 0:
            raise _AllTied
        return (dz - correction) / sigma - zq

    lowest, highest = a.min() - b.max(), a.max() - b.min()

    def root(zq: float) -> float:
        f_low, f_high = wdiff(lowest, zq, True), wdiff(highest, zq, True)
        if f_low <= 0:
            return float(lowest)
        if f_high >= 0:
            return float(highest)
        return uniroot(lambda d: wdiff(d, zq, True), lowest, highest, tol=1e-4, f_lower=f_low, f_upper=f_high)

    tail = tail_probability(alternative, confidence_level)
    ci = ConfidenceInterval(
        -INF if alternative == "less" else root(distributions.norm.isf(tail)),
        INF if alternative == "greater" else root(distributions.norm.ppf(tail)),
    )
    estimate = uniroot(lambda d: wdiff(d, 0.0, False), lowest, highest, tol=1e-4)
    return float(estimate), ci


class _TTest(Statistic):
    concurrent_safe = True  # numpy and its own data only: no output, no shared state
    equal_var: ClassVar[bool]
    method: ClassVar[str]

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        import numpy as np
        from scipy import stats

        a, b = np.asarray(a, float), np.asarray(b, float)
        m, n = len(a), len(b)
        estimand = "difference in means (first minus second)"
        if m < 2 or n < 2:
            return _no_test(self.method, "each group needs at least 2 values; no test", estimand=estimand)
        va, vb = a.var(ddof=1), b.var(ddof=1)
        df: float
        if self.equal_var:
            df = m + n - 2
            se = math.sqrt(((m - 1) * va + (n - 1) * vb) / df * (1 / m + 1 / n))
        else:
            se = math.sqrt(va / m + vb / n)
            df = se**4 / ((va / m) ** 2 / (m - 1) + (vb / n) ** 2 / (n - 1)) if se > 0 else math.nan
        if se == 0:
            return _no_test(self.method, "the data are constant; no test", estimand=estimand)
        estimate = float(a.mean() - b.mean())
        t = estimate / se
        dist = stats.t(df)
        return TestResult(
            statistic=t,
            pvalue=pvalue_symmetric(dist, t, alternative),
            estimate=estimate,
            ci=interval(estimate, se, dist, alternative, confidence_level),
            estimand=estimand,
            method=f"{self.method} (df = {df:.6g})",
        )


class WelchT(_TTest):
    """Welch's two-sample t test, as R's ``t.test(a, b)``."""

    name = "welch-t"
    kind = "continuous"
    description = "Welch's t test (unequal variances), as R's t.test"
    method = "Welch two-sample t test"
    equal_var = False


class StudentT(_TTest):
    """Student's two-sample t test, as R's ``t.test(a, b, var.equal=TRUE)``."""

    name = "student-t"
    kind = "continuous"
    description = "Student's t test (pooled variance), as R's t.test(var.equal=TRUE)"
    method = "Two-sample t test"
    equal_var = True


class BrunnerMunzel(Statistic):
    """Brunner-Munzel test of stochastic equality with the t approximation.

    The estimate is the relative effect P(a > b) + P(a = b) / 2 (above 0.5: the first group
    tends to be larger), with the t-based interval; lawstat's ``brunner.munzel.test`` reports
    one minus it. Brunner E, Munzel U (2000) doi:10.1002/(SICI)1521-4036(200001)42:1<17::AID-BIMJ17>3.0.CO;2-U
    """

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "brunner-munzel"
    kind = "continuous"
    description = "Brunner-Munzel test, relative effect P(a>b)+P(a=b)/2 with CI"

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        import numpy as np
        from scipy import stats

        a, b = np.asarray(a, float), np.asarray(b, float)
        m, n = len(a), len(b)
        method, estimand = "Brunner-Munzel test", "relative effect P(first > second) + P(equal)/2"
        if m < 2 or n < 2:
            return _no_test(method, "each group needs at least 2 values; no test", estimand=estimand)
        pooled = stats.rankdata(np.concatenate([a, b]))
        ra, rb = pooled[:m], pooled[m:]
        sa = ((ra - stats.rankdata(a) - ra.mean() + (m + 1) / 2) ** 2).sum() / (m - 1)
        sb = ((rb - stats.rankdata(b) - rb.mean() + (n + 1) / 2) ** 2).sum() / (n - 1)
        estimate = float((ra.mean() - rb.mean()) / (m + n) + 0.5)
        spread = m * sa + n * sb
        if spread == 0:
            return _no_test(
                method,
                "the groups do not overlap and have no spread of ranks; no test",
                estimate=estimate,
                estimand=estimand,
            )
        se = math.sqrt(spread) / (m * n)
        statistic = (estimate - 0.5) / se
        df = spread**2 / ((m * sa) ** 2 / (m - 1) + (n * sb) ** 2 / (n - 1))
        dist = stats.t(df)
        low, high = interval(estimate, se, dist, alternative, confidence_level)
        return TestResult(
            statistic=statistic,
            pvalue=pvalue_symmetric(dist, statistic, alternative),
            estimate=estimate,
            ci=ConfidenceInterval(max(0.0, low), min(1.0, high)),
            estimand=estimand,
            method=f"{method} (df = {df:.6g})",
        )


class Permutation(Statistic):
    """Permutation test of the difference in medians (first minus second).

    Every split of the pooled values is enumerated when there are at most ``max_exact``
    (100,000) of them; otherwise ``permutations`` random splits (default 9,999, ``seed``
    default 1) give P = (1 + #{as extreme}) / (1 + permutations). ``progress(done, total)`` is
    called as the work goes on.
    """

    name = "permutation"
    kind = "continuous"
    description = "Permutation test of the difference in medians (exact when feasible)"
    options = ("permutations", "seed", "progress")
    max_exact = 100_000
    cells_per_chunk = 4_000_000  # rows x values held at once: bounded memory whatever the sample size

    def run(
        self,
        a,
        b,
        *,
        alternative="two-sided",
        confidence_level=0.95,
        permutations=9999,
        seed=1,
        progress=None,
        **options,
    ) -> TestResult:
        import itertools

        import numpy as np

        a, b = np.asarray(a, float), np.asarray(b, float)
        m, n = len(a), len(b)
        observed = float(np.median(a) - np.median(b))
        pooled = np.sort(np.concatenate([a, b]))
        splits = math.comb(m + n, m)
        exact = splits <= self.max_exact
        total = splits if exact else permutations
        combos = itertools.combinations(range(m + n), m)  # walked only when exact
        rng = np.random.default_rng(seed)
        extreme, done = 0, 0
        eps = 1e-12 * max(1.0, abs(observed))
        while done < total:
            size = min(max(1, self.cells_per_chunk // (m + n)), total - done)
            if exact:
                chosen = np.fromiter(itertools.chain.from_iterable(itertools.islice(combos, size)), dtype=np.int64)
                chosen = chosen.reshape(size, m)
            else:
                chosen = np.sort(rng.permuted(np.tile(np.arange(m + n), (size, 1)), axis=1)[:, :m], axis=1)
            d = _median_differences(pooled, chosen)
            if alternative == "less":
                extreme += int((d <= observed + eps).sum())
            elif alternative == "greater":
                extreme += int((d >= observed - eps).sum())
            else:
                extreme += int((np.abs(d) >= abs(observed) - eps).sum())
            done += size
            if progress is not None:
                progress(done, total)
        pvalue = extreme / splits if exact else (extreme + 1) / (permutations + 1)
        method = (
            f"exact permutation test ({splits} splits)"
            if exact
            else f"Monte Carlo permutation test ({permutations} permutations, seed {seed})"
        )
        return TestResult(
            statistic=observed,
            pvalue=float(pvalue),
            estimate=observed,
            estimand="difference in medians (first minus second)",
            method=method,
        )


def _median_differences(pooled, chosen):
    """median(first) - median(second) for each row of ``chosen`` (sorted indices into the
    sorted ``pooled`` values of the first group)."""
    import numpy as np

    rows, m = chosen.shape
    mask = np.zeros((rows, len(pooled)), bool)
    mask[np.arange(rows)[:, None], chosen] = True
    rest = np.argsort(mask, axis=1, kind="stable")[:, : len(pooled) - m]  # unchosen indices, ascending

    def median(index):
        k = index.shape[1]
        return (pooled[index[:, (k - 1) // 2]] + pooled[index[:, k // 2]]) / 2

    return median(chosen) - median(rest)
