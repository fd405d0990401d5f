"""Built-in statistics. scipy is imported inside ``run`` so that listing them stays instant."""

from __future__ import annotations

import numpy as np

from ivig_blina.stats import Statistic, TestResult


class MannWhitney(Statistic):
    """Wilcoxon-Mann-Whitney rank-sum test, as R's ``wilcox.test(a, b)``.

    Exact when both groups have fewer than 50 values and there are no ties; otherwise the
    normal approximation with tie correction and continuity correction. The statistic is
    U of the first group (R's W).
    """

    name = "mann-whitney"
    kind = "continuous"
    description = "Wilcoxon-Mann-Whitney rank-sum test, as R's wilcox.test"

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        from scipy import stats

        a, b = np.asarray(a, float), np.asarray(b, float)
        pooled = np.concatenate([a, b])
        ties = len(np.unique(pooled)) < len(pooled)
        exact = len(a) < 50 and len(b) < 50 and not ties
        if np.all(pooled == pooled[0]):
            return TestResult(statistic=len(a) * len(b) / 2, pvalue=None, method="Wilcoxon rank-sum test",
                              warnings=("every value is the same; no test",))
        res = stats.mannwhitneyu(a, b, alternative=alternative, use_continuity=True,
                                 method="exact" if exact else "asymptotic")
        warnings = ("ties: normal approximation with continuity correction, as R",) if ties else ()
        method = "Wilcoxon rank-sum exact test" if exact else "Wilcoxon rank-sum test with continuity correction"
        return TestResult(statistic=float(res.statistic), pvalue=float(res.pvalue), method=method, warnings=warnings)


class Fisher(Statistic):
    """Fisher's exact test on the 2x2 table of events, as R's ``fisher.test``.

    The two-sided P value sums the probabilities of the tables no more likely than the one
    observed, with R's relative tolerance of 1e-7.
    """

    name = "fisher"
    kind = "binary"
    description = "Fisher's exact test, as R's fisher.test"

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        from scipy import stats

        (x, n_a), (y, n_b) = a, b
        m, n, k = x + y, n_a + n_b - x - y, n_a  # events, non-events, first group's size
        support = np.arange(max(0, k - n), min(k, m) + 1)
        logd = stats.hypergeom.logpmf(support, m + n, m, k)
        d = np.exp(logd - logd.max())
        d /= d.sum()
        if alternative == "less":
            p = d[support <= x].sum()
        elif alternative == "greater":
            p = d[support >= x].sum()
        else:
            p = d[d <= d[x - support[0]] * (1 + 1e-7)].sum()
        return TestResult(statistic=None, pvalue=float(min(1.0, p)), method="Fisher's exact test")


BUILTINS = [MannWhitney, Fisher]
