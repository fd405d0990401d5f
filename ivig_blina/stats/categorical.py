"""Tests of an r x c table: one row of counts per group, one column per level (kind
``categorical``, any number of groups); and the Kruskal-Wallis test of k continuous samples.

Fisher's exact test for r x c tables enumerates every table with the observed margins when
there are at most ``MAX_TABLES`` of them (the P of R's ``fisher.test``), else draws ``B`` random
tables with those margins (R's ``fisher.test(simulate.p.value = TRUE, B = B)``, with our own
generator and ``seed``: equal to R's within Monte Carlo error, and the method says so).
"""

from __future__ import annotations

import math
from functools import cache

from ivig_blina.stats import Statistic, TestResult
from ivig_blina.stats.sides import EPSILON

MAX_TABLES = 2_000_000  # tables enumerated at most; beyond, Monte Carlo
RELATIVE_TOLERANCE = 1e-7  # fisher.test: tables up to 1 + 1e-7 times as likely as the observed count


def _as_table(rows):
    import numpy as np

    table = np.asarray([np.asarray(r, dtype=np.int64) for r in rows])
    if table.ndim != 2 or (table < 0).any():
        raise ValueError("expected one row of counts per group, all of the same length")
    return table


def _trimmed(table):
    """The table without empty rows and columns (a level no one has, a group of no one):
    R's fisher.test and chisq.test need them gone."""
    return table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]


def _no_test(method: str, reason: str) -> TestResult:
    return TestResult(statistic=None, pvalue=None, method=method, warnings=(reason,))


class FisherRxC(Statistic):
    """Fisher's exact test of an r x c table, as R's ``fisher.test`` (two-sided): the P is the
    sum of the probabilities of the tables with the observed margins that are no more likely
    than the observed one. Exact by enumeration when there are at most ``MAX_TABLES`` tables;
    else Monte Carlo with ``permutations`` tables (default 100,000) and ``seed``."""

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "fisher"
    kind = "categorical"
    groups = "k"
    description = "Fisher's exact test of an r x c table (Monte Carlo beyond 2M tables), as R's fisher.test"
    options = ("permutations", "seed")

    def run(
        self, *rows, alternative="two-sided", confidence_level=0.95, permutations=100_000, seed=1, **options
    ) -> TestResult:
        table = _trimmed(_as_table(rows))
        method = "Fisher's exact test"
        if not table.size:
            return _no_test(method, "no patients; no test")
        if min(table.shape) < 2:  # the margins allow one table only: the observed one
            return TestResult(
                statistic=None,
                pvalue=1.0,
                method=f"{method} (1 table)",
                warnings=("one group or one level only: the observed table is the only one (R gives P = 1)",),
            )
        warnings = () if alternative == "two-sided" else ("the r x c test is two-sided; --alternative does not apply",)
        count = table_count(tuple(table.sum(axis=1)), tuple(table.sum(axis=0)))
        if count <= MAX_TABLES:
            return TestResult(
                statistic=None, pvalue=fisher_exact_p(table), method=f"{method} ({count:,} tables)", warnings=warnings
            )
        pvalue = fisher_monte_carlo_p(table, permutations, seed)
        return TestResult(
            statistic=None,
            pvalue=pvalue,
            method=f"{method}, Monte Carlo ({permutations:,} tables, "
            f"seed {seed}; {count:,} tables were too many to enumerate)",
            warnings=warnings,
        )


def _log_weight(table) -> float:
    """-sum(lfactorial(cell)): the log probability of a table up to its margins' constant."""
    from scipy.special import gammaln

    return -float(gammaln(table + 1).sum())


def table_count(rows: tuple[int, ...], columns: tuple[int, ...]) -> int:
    """How many tables of non-negative integers have these row and column totals (counted
    along the longer margin over the remaining totals of the shorter: a k x 2 table's count
    for 5 groups and 164 patients took 21 s the other way round, and takes milliseconds)."""
    if len(rows) > len(columns):
        rows, columns = columns, rows
    return _count(rows, columns)


@cache
def _count(rows: tuple[int, ...], columns: tuple[int, ...]) -> int:
    """:func:`table_count` column by column over the remaining row totals."""
    if not columns:
        return int(all(r == 0 for r in rows))
    return sum(
        _count(tuple(r - x for r, x in zip(rows, part)), columns[1:]) for part in _compositions(columns[0], rows)
    )


def _compositions(total: int, caps: tuple[int, ...]):
    """Every way to split ``total`` into len(caps) parts, part i at most caps[i]."""
    if len(caps) == 1:
        if total <= caps[0]:
            yield (total,)
        return
    rest = sum(caps[1:])
    for first in range(max(0, total - rest), min(total, caps[0]) + 1):
        for tail in _compositions(total - first, caps[1:]):
            yield (first, *tail)


def fisher_exact_p(table) -> float:
    """The exact two-sided P of an r x c table by enumeration (see :class:`FisherRxC`)."""
    import numpy as np
    from scipy.special import gammaln, logsumexp

    if table.shape[0] > table.shape[1]:  # the same P; fewer states (a 5 x 2 table, n = 164: 28 s -> 3.6 s)
        table = table.T
    rows, columns = table.sum(axis=1), table.sum(axis=0)
    observed = _log_weight(table)
    # tables as their remaining row totals and log weight so far, one column at a time
    remaining, weight = rows[None, :].copy(), np.zeros(1)
    for total in columns:
        states, back = np.unique(remaining, axis=0, return_inverse=True)
        parts = [
            np.array(list(_compositions(int(total), tuple(int(s) for s in state))), dtype=np.int64) for state in states
        ]
        sizes = np.array([len(p) for p in parts])
        pick = np.repeat(np.arange(len(remaining)), sizes[back.ravel()])
        chosen = np.concatenate([parts[b] for b in back.ravel()])
        remaining = remaining[pick] - chosen
        weight = weight[pick] - gammaln(chosen + 1).sum(axis=1)
    extreme = weight <= observed + math.log1p(RELATIVE_TOLERANCE)
    # the extreme tables' share of the total computed the same way: exactly 1 when every table is
    # as extreme, and the margins' constant (an error of its own in floating point) cancels
    return float(min(1.0, math.exp(logsumexp(weight[extreme]) - logsumexp(weight))))


def fisher_monte_carlo_p(table, draws: int, seed: int, batch: int = 10_000) -> float:
    """R's ``fisher.test(simulate.p.value = TRUE, B = draws)`` P with our own generator: the
    share of random tables with the observed margins that are no more likely than the observed
    one, as (1 + #) / (draws + 1); ties within 64 machine epsilons count, as R."""
    import numpy as np
    from scipy.special import gammaln

    rows, columns = table.sum(axis=1), table.sum(axis=0)
    r, c = len(rows), len(columns)
    labels = np.repeat(np.arange(c), columns)  # a random table: the patients' levels shuffled, cut by group
    group = np.repeat(np.arange(r), rows)
    observed = _log_weight(table) / (1 + 64 * EPSILON)
    rng = np.random.default_rng(seed)
    hits, done = 0, 0
    while done < draws:
        size = min(batch, draws - done)
        shuffled = rng.permuted(np.tile(labels, (size, 1)), axis=1)
        cells = (np.arange(size)[:, None] * (r * c) + group[None, :] * c + shuffled).ravel()
        tables = np.bincount(cells, minlength=size * r * c).reshape(size, r * c)
        hits += int((-gammaln(tables + 1).sum(axis=1) <= observed).sum())
        done += size
    return (1 + hits) / (draws + 1)


class ChiSquareRxC(Statistic):
    """Pearson's chi-square test of an r x c table, as R's ``chisq.test``: Yates' continuity
    correction for a 2 x 2 table only; a warning when an expected count is below 5."""

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "chi-square"
    kind = "categorical"
    groups = "k"
    description = "Pearson's chi-square test of an r x c table (Yates for 2 x 2), as R's chisq.test"

    def run(self, *rows, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        from scipy import stats

        table = _as_table(rows)
        method = "Pearson's chi-square test"
        if min(table.shape) < 2 or (table.sum(axis=0) == 0).any() or (table.sum(axis=1) == 0).any():
            return _no_test(method, "a group or level of the table has no patients; no test (R gives NaN)")
        result = stats.chi2_contingency(table, correction=True)  # scipy corrects 2 x 2 only, as R
        warnings: tuple[str, ...] = ()
        if (result.expected_freq < 5).any():
            warnings += ("an expected count is below 5; the chi-square approximation may be incorrect",)
        if alternative != "two-sided":
            warnings += ("the r x c test is two-sided; --alternative does not apply",)
        yates = " with Yates' continuity correction" if table.shape == (2, 2) else ""
        return TestResult(
            statistic=float(result.statistic),
            pvalue=float(result.pvalue),
            method=f"{method}{yates} (df = {result.dof})",
            warnings=warnings,
        )


class KruskalWallis(Statistic):
    """The Kruskal-Wallis rank-sum test of k samples, as R's ``kruskal.test`` (chi-square
    approximation with the tie correction)."""

    concurrent_safe = True  # numpy and its own data only: no output, no shared state

    name = "kruskal-wallis"
    kind = "continuous"
    groups = "k"
    description = "Kruskal-Wallis rank-sum test of k groups, as R's kruskal.test"

    def run(self, *samples, alternative="two-sided", confidence_level=0.95, **options) -> TestResult:
        import numpy as np
        from scipy import stats

        samples = tuple(np.asarray(s, dtype=float) for s in samples if len(s))
        method = "Kruskal-Wallis rank-sum test"
        if len(samples) < 2:
            return _no_test(method, "fewer than two groups with values; no test")
        pooled = np.concatenate(samples)
        if np.all(pooled == pooled[0]):
            return _no_test(method, "every value is the same; no test (R gives NaN)")
        result = stats.kruskal(*samples)
        warnings = () if alternative == "two-sided" else ("Kruskal-Wallis is two-sided; --alternative does not apply",)
        return TestResult(
            statistic=float(result.statistic),
            pvalue=float(result.pvalue),
            method=f"{method} (df = {len(samples) - 1})",
            warnings=warnings,
        )
