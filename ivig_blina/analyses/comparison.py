"""Compare two cohorts on every outcome of the per-patient table."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from ivig_blina import stats
from ivig_blina.errors import IvigBlinaError
from ivig_blina.cohort.patients import PatientTable
from ivig_blina.stats import Statistic, TestResult
from ivig_blina.stats.adjust import adjust as adjust_pvalues
from ivig_blina.stats.binary import newcombe

DEFAULT_TESTS = {"continuous": "mann-whitney", "binary": "fisher", "time-to-event": "log-rank", "rate": "poisson-exact"}
CONTINUOUS = {"igg_nadir": "nadir_igg", "days_to_nadir": "nadir_day"}
EXPOSURE = ("pct_drop", "days_below_threshold", "area_below_threshold")
LANDMARKS = (30.0, 90.0, 180.0)
REPEATED_EPISODES = ("every episode counts: repeated episodes in one patient are not independent, which the "
                     "exact test assumes; read the P value and interval as too optimistic")


@dataclass(frozen=True)
class OutcomeResult:
    """One outcome: per-group summaries keyed by group name, and the test's result.

    Continuous groups carry ``n``, ``median``, ``q1``, ``q3`` (R's type-7 quartiles);
    binary groups carry ``n``, ``events``, ``proportion``, and ``risk_difference`` is
    ``(difference, low, high)`` with Newcombe's hybrid score interval whatever the test.
    ``result`` is None when the test could not run; ``warnings`` then says why.
    """

    outcome: str
    kind: str
    test: str
    groups: dict[str, dict]
    result: TestResult | None
    warnings: tuple[str, ...] = ()
    risk_difference: tuple[float, float, float] | None = None
    p_adjusted: float | None = None


@dataclass(frozen=True)
class Comparison:
    groups: tuple[str, str]
    outcomes: list[OutcomeResult]
    excluded_patients: int = 0
    options: dict = field(default_factory=dict)


def choose_groups(cohorts, groups: tuple[str, str] | None, path: str) -> tuple[str, str]:
    """The two groups to compare: ``groups`` if given (each must be a cohort of the file),
    else the file's two cohorts in sorted order."""
    present = sorted(set(pd.Series(cohorts).unique()))  # unique() first: a set of 500k cells is slow
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
            alternative: str = "two-sided", confidence_level: float = 0.95, adjust: str = "none",
            registry: stats.Registry | None = None, options: dict | None = None,
            landmarks: tuple[float, ...] = LANDMARKS, competing_risk: bool = False) -> Comparison:
    """Summarise and test every outcome, first group against second.

    ``tests`` maps a kind to a statistic's name (defaults: ``DEFAULT_TESTS``, with Gray's test
    for time to event when ``competing_risk``); ``options`` holds statistic options such as
    ``permutations``, ``seed`` and ``progress``, each passed to the statistics that declare it;
    ``adjust`` is ``none``, ``holm``, ``bonferroni`` or ``bh`` over every outcome with a P value.
    With events in the file the comparison ends with ``time_to_infection`` (Kaplan-Meier
    summaries at ``landmarks``, or cumulative incidence with deaths as a competing event) and
    ``infection_rate`` (every episode per 100 patient-days).
    """
    if competing_risk and not patients.competing_risk:
        raise ValueError("competing_risk=True needs the per-patient table made with per_patient(..., "
                         "competing_risk=True); without it a death without infection is censored (status 0)")
    defaults = {**DEFAULT_TESTS, **({"time-to-event": "gray"} if competing_risk else {})}
    tests = {**defaults, **(tests or {})}
    registry = registry or stats.registry()
    chosen = {kind: registry.get(name, kind) for kind, name in tests.items()}
    run = _Runner(alternative, confidence_level, options or {}, registry)
    t = patients.table
    a, b = (t[t.cohort == g] for g in groups)
    results = [run.continuous(outcome, *(x[column].dropna().to_numpy(float) for x in (a, b)), groups,
                              chosen["continuous"]) for outcome, column in CONTINUOUS.items()]
    has_nadir = [x[x.nadir_igg.notna()] for x in (a, b)]
    results.append(run.binary("hgg", *(x.hgg.astype(bool) for x in has_nadir), groups, chosen["binary"]))
    results += [run.binary(outcome, a[outcome], b[outcome], groups, chosen["binary"])
                for outcome in patients.event_outcomes]
    results += [run.continuous(outcome, *(x[outcome].dropna().to_numpy(float) for x in (a, b)), groups,
                               chosen["continuous"]) for outcome in EXPOSURE]
    if patients.event_outcomes:
        results.append(run.time_to_event(a, b, groups, chosen["time-to-event"], landmarks, competing_risk))
        results.append(run.rate(a, b, groups, chosen["rate"]))
    censored = t[t.cohort.isin(groups) & (t.nadir_censored != "")]
    if len(censored):
        note = (f"{len(censored)} nadir(s) are censored lab values (<X or >X) taken as X: "
                f"{', '.join(censored.patient_id[:10])}")
        results = [replace(o, warnings=o.warnings + (note,)) if o.outcome in ("igg_nadir", "hgg") else o
                   for o in results]
    adjusted = adjust_pvalues([o.result.pvalue if o.result else None for o in results], adjust)
    results = [replace(o, p_adjusted=p if adjust != "none" else None) for o, p in zip(results, adjusted)]
    used = {"tests": tests, "alternative": alternative, "confidence_level": confidence_level, "adjust": adjust,
            "landmarks": list(landmarks), "competing_risk": competing_risk}
    return Comparison(groups, results, excluded_patients=int((~t.cohort.isin(groups)).sum()), options=used)


@dataclass
class _Runner:
    alternative: str
    confidence_level: float
    options: dict
    registry: stats.Registry

    def _run(self, statistic: Statistic, a, b) -> TestResult:
        wanted = {k: v for k, v in self.options.items() if k in statistic.options}
        origin = self.registry.entries[statistic.name].origin
        if origin == "built-in":  # an exception here is our bug: let it show
            return statistic.run(a, b, alternative=self.alternative, confidence_level=self.confidence_level, **wanted)
        try:
            result = statistic.run(a, b, alternative=self.alternative, confidence_level=self.confidence_level,
                                   **wanted)
        except Exception as e:
            raise IvigBlinaError(f"statistic '{statistic.name}' from {origin} failed: {type(e).__name__}: {e}") from None
        if not isinstance(result, TestResult):
            raise IvigBlinaError(f"statistic '{statistic.name}' from {origin} returned {type(result).__name__}, "
                                 "not a TestResult")
        return result

    def continuous(self, outcome, a, b, groups, statistic) -> OutcomeResult:
        summaries = {g: _quartiles(x) for g, x in zip(groups, (a, b))}
        empty = [g for g, x in zip(groups, (a, b)) if len(x) == 0]
        if empty:
            return OutcomeResult(outcome, "continuous", statistic.name, summaries, None,
                                 (f"no values in group '{empty[0]}'; no test",))
        result = self._run(statistic, a, b)
        return OutcomeResult(outcome, "continuous", statistic.name, summaries, result, result.warnings)

    def binary(self, outcome, a: pd.Series, b: pd.Series, groups, statistic) -> OutcomeResult:
        counts = [(int(x.sum()), len(x)) for x in (a, b)]
        summaries = {g: {"n": n, "events": e, "proportion": e / n if n else None} for g, (e, n) in zip(groups, counts)}
        empty = [g for g, (_, n) in zip(groups, counts) if n == 0]
        if empty:
            return OutcomeResult(outcome, "binary", statistic.name, summaries, None,
                                 (f"no patients in group '{empty[0]}'; no test",))
        result = self._run(statistic, counts[0], counts[1])
        difference = newcombe(counts[0], counts[1], alternative=self.alternative,
                              confidence_level=self.confidence_level)
        return OutcomeResult(outcome, "binary", statistic.name, summaries, result, result.warnings, difference)


    def time_to_event(self, a, b, groups, statistic, landmarks, competing) -> OutcomeResult:
        from ivig_blina.stats.survival import event_summary

        data = [event_data(x, competing) for x in (a, b)]
        summaries = {g: event_summary(t, e, landmarks, self.confidence_level, competing)
                     for g, (t, e) in zip(groups, data)}
        if any(len(t) == 0 for t, _ in data):
            return OutcomeResult("time_to_infection", "time-to-event", statistic.name, summaries, None,
                                 ("a group has no patients; no test",))
        result = self._run(statistic, *data)
        return OutcomeResult("time_to_infection", "time-to-event", statistic.name, summaries, result, result.warnings)

    def rate(self, a, b, groups, statistic) -> OutcomeResult:
        counts = [(int(x.infection_episodes.sum()), float(x.follow_up_days.sum())) for x in (a, b)]
        summaries = {g: {"n": len(x), "episodes": e, "patient_days": d,
                         "rate_per_100_patient_days": 100 * e / d if d > 0 else None}
                     for g, x, (e, d) in zip(groups, (a, b), counts)}
        result = self._run(statistic, *counts)
        return OutcomeResult("infection_rate", "rate", statistic.name, summaries, result,
                             result.warnings + (REPEATED_EPISODES,))


def event_data(patients: pd.DataFrame, competing: bool = False):
    """``(time, status)`` arrays of time to first infection: status 1 infection, 0 censored, and
    2 for a death without infection when ``competing`` (else censored; a table made without
    competing risks has no 2)."""
    status = patients.infection_status.to_numpy(int)
    return patients.infection_time.to_numpy(float), status if competing else (status == 1).astype(int)


def _quartiles(x: np.ndarray) -> dict:
    if len(x) == 0:
        return {"n": 0, "median": None, "q1": None, "q3": None}
    q1, median, q3 = np.quantile(x, [0.25, 0.5, 0.75])  # linear interpolation: R's type 7
    return {"n": len(x), "median": float(median), "q1": float(q1), "q3": float(q3)}
