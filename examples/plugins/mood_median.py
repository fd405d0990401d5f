"""An example ivigblina plug-in: Mood's median test.

Use it from a file:

    ivigblina compare examples/wo2022_cohort.csv --plugin examples/plugins/mood_median.py \
        --test continuous=mood-median

or ship it in a package that declares, in its pyproject.toml,

    [project.entry-points."ivig_blina.statistics"]
    mood-median = "mood_median:MoodMedian"

A plug-in is a subclass of ivig_blina.stats.Statistic with three class attributes (name,
kind, description) and a run method returning a TestResult. For kind "continuous", a and b
are 1-D float arrays of the first and second group (no NaN); for "binary", (events, n) pairs.
Report direction as first group minus (or over) second. Never print: put caveats in warnings.
"""

from ivig_blina.stats import Statistic, TestResult


class MoodMedian(Statistic):
    name = "mood-median"
    kind = "continuous"
    description = "Mood's median test (example plug-in); estimate: difference in medians"

    def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options):
        import numpy as np
        from scipy import stats

        estimate = float(np.median(a) - np.median(b))
        fields = dict(
            estimate=estimate,
            estimand="difference in medians (first minus second)",
            method="Mood's median test with Yates' correction",
        )
        if alternative != "two-sided":  # a caveat is a warning on the result, never a print
            return TestResult(statistic=None, pvalue=None, warnings=("Mood's median test is two-sided only",), **fields)
        statistic, pvalue, _, _ = stats.median_test(a, b, correction=True)
        return TestResult(statistic=float(statistic), pvalue=float(pvalue), **fields)
