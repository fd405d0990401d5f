"""Compare two cohorts on every outcome of the per-patient table."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ivig_blina import stats
from ivig_blina.errors import IvigBlinaError
from ivig_blina.patients import PatientTable
from ivig_blina.stats import TestResult

DEFAULT_TESTS = {"continuous": "mann-whitney", "binary": "fisher"}
CONTINUOUS = {"igg_nadir": "nadir_igg", "days_to_nadir": "nadir_day"}


@dataclass(frozen=True)
class OutcomeResult:
    """One outcome: per-group summaries keyed by group name, and the test's result.

    Continuous groups carry ``n``, ``median``, ``q1``, ``q3`` (R's type-7 quartiles);
    binary groups carry ``n``, ``events``, ``proportion``. ``result`` is None when the test
    could not run; ``warnings`` then says why.
    """

    outcome: str
    kind: str
    test: str
    groups: dict[str, dict]
    result: TestResult | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    groups: tuple[str, str]
    outcomes: list[OutcomeResult]
    excluded_patients: int = 0
    options: dict = field(default_factory=dict)


def choose_groups(cohorts: pd.Series, groups: tuple[str, str] | None, path: str) -> tuple[str, str]:
    """The two groups to compare: ``groups`` if given (each must be a cohort of the file),
    else the file's two cohorts in sorted order."""
    present = sorted(set(cohorts))
    if groups is not None:
        for g in groups:
            if g not in present:
                raise IvigBlinaError(f"group '{g}' given by --groups is not a cohort of the file "
                                     f"(cohorts: {', '.join(present)})", path=path)
        return groups
    if len(present) != 2:
        raise IvigBlinaError(f"compare needs two cohorts, found {len(present)} ({', '.join(present)}); "
                             "choose two with --groups A,B", path=path)
    return present[0], present[1]


def compare(patients: PatientTable, groups: tuple[str, str], *, tests: dict[str, str] | None = None,
            alternative: str = "two-sided") -> Comparison:
    """Summarise and test every outcome, first group against second."""
    tests = {**DEFAULT_TESTS, **(tests or {})}
    chosen = {kind: stats.get(name, kind) for kind, name in tests.items()}
    t = patients.table
    a, b = (t[t.cohort == g] for g in groups)
    results = []
    for outcome, column in CONTINUOUS.items():
        results.append(_continuous(outcome, a[column].dropna().to_numpy(float), b[column].dropna().to_numpy(float),
                                   groups, chosen["continuous"], alternative))
    has_nadir = [x[x.nadir_igg.notna()] for x in (a, b)]
    results.append(_binary("hgg", *(x.hgg.astype(bool) for x in has_nadir), groups, chosen["binary"], alternative))
    for outcome in patients.event_outcomes:
        results.append(_binary(outcome, a[outcome], b[outcome], groups, chosen["binary"], alternative))
    options = {"tests": tests, "alternative": alternative}
    return Comparison(groups, results, excluded_patients=int((~t.cohort.isin(groups)).sum()), options=options)


def _continuous(outcome, a, b, groups, statistic, alternative) -> OutcomeResult:
    summaries = {g: _quartiles(x) for g, x in zip(groups, (a, b))}
    empty = [g for g, x in zip(groups, (a, b)) if len(x) == 0]
    if empty:
        return OutcomeResult(outcome, "continuous", statistic.name, summaries, None,
                             (f"no values in group '{empty[0]}'; no test",))
    result = statistic.run(a, b, alternative=alternative)
    return OutcomeResult(outcome, "continuous", statistic.name, summaries, result, result.warnings)


def _binary(outcome, a: pd.Series, b: pd.Series, groups, statistic, alternative) -> OutcomeResult:
    counts = [(int(x.sum()), len(x)) for x in (a, b)]
    summaries = {g: {"n": n, "events": e, "proportion": e / n if n else None} for g, (e, n) in zip(groups, counts)}
    empty = [g for g, (_, n) in zip(groups, counts) if n == 0]
    if empty:
        return OutcomeResult(outcome, "binary", statistic.name, summaries, None,
                             (f"no patients in group '{empty[0]}'; no test",))
    result = statistic.run(counts[0], counts[1], alternative=alternative)
    return OutcomeResult(outcome, "binary", statistic.name, summaries, result, result.warnings)


def _quartiles(x: np.ndarray) -> dict:
    if len(x) == 0:
        return {"n": 0, "median": None, "q1": None, "q3": None}
    q1, median, q3 = np.quantile(x, [0.25, 0.5, 0.75])  # linear interpolation: R's type 7
    return {"n": len(x), "median": float(median), "q1": float(q1), "q3": float(q3)}
