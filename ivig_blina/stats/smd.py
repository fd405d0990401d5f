"""Standardized mean differences, as R's tableone computes them: a balance measure for Table 1
(P values are not one).

Continuous: |mean_a - mean_b| / sqrt((var_a + var_b) / 2). Categorical: the multivariate SMD of
Yang D, Dalton JE (2012), "A unified approach to measuring the effect size between two groups
using SAS", SAS Global Forum paper 335-2012: sqrt(T' S^+ T) with T the differences in the
levels' proportions (the first level left out) and S the mean of the two groups' multinomial
covariance matrices (S^+ its Moore-Penrose inverse, as tableone's MASS::ginv). More than two
groups: the mean of the pairwise SMDs.
"""

from __future__ import annotations

import itertools
import math


def continuous_smd(a, b) -> float | None:
    """The SMD of two samples (NaN removed by the caller); None when it is not defined."""
    import numpy as np

    a, b = np.asarray(a, float), np.asarray(b, float)
    if len(a) < 2 or len(b) < 2:
        return None
    spread = math.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2)
    difference = abs(a.mean() - b.mean())
    if spread == 0:
        return 0.0 if difference == 0 else None
    return float(difference / spread)


def categorical_smd(counts_a, counts_b) -> float | None:
    """The multivariate SMD of two groups' counts over the same levels."""
    import numpy as np

    counts_a, counts_b = np.asarray(counts_a, float), np.asarray(counts_b, float)
    if counts_a.sum() == 0 or counts_b.sum() == 0:
        return None
    p_a, p_b = counts_a[1:] / counts_a.sum(), counts_b[1:] / counts_b.sum()
    if not len(p_a):
        return 0.0

    def covariance(p):
        return np.diag(p) - np.outer(p, p)

    spread = (covariance(p_a) + covariance(p_b)) / 2
    difference = p_a - p_b
    if not spread.any():  # each group all at one level: equal (0) or completely separated (no finite SMD)
        return 0.0 if not difference.any() else None
    value = float(difference @ np.linalg.pinv(spread) @ difference)
    return math.sqrt(max(value, 0.0))


def mean_pairwise(groups, smd) -> float | None:
    """The mean of ``smd`` over every pair of groups (None if any pair has none)."""
    values = [smd(a, b) for a, b in itertools.combinations(groups, 2)]
    if not values or any(v is None for v in values):
        return None
    return float(sum(values) / len(values))
