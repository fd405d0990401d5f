"""The outcomes of a comparison: each one's summary per group and its test, run by one
:class:`Runner` that passes the statistics their data per group (and per stratum), runs
plug-ins fenced, and tests every pair when asked; the time-to-event summaries (Kaplan-Meier,
cumulative incidence) shared with the figures."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from ivig_blina import stats
from ivig_blina.analyses.results import (
    BinarySummary,
    CompetingRiskSummary,
    ContinuousSummary,
    GroupSummary,
    IncidenceAt,
    OutcomeResult,
    PairResult,
    RateSummary,
    RiskDifference,
    SurvivalAt,
    TimeToEventSummary,
)
from ivig_blina.errors import OptionError
from ivig_blina.stats import ConfidenceInterval, Statistic, TestResult
from ivig_blina.stats.adjust import adjust as adjust_pvalues
from ivig_blina.stats.binary import newcombe

CONTINUOUS = {"igg_nadir": "nadir_igg", "days_to_nadir": "nadir_day"}
EXPOSURE = ("pct_drop", "days_below_threshold", "area_below_threshold")
REPEATED_EPISODES = (
    "every episode counts: repeated episodes in one patient are not independent, which the "
    "exact test assumes; read the P value and interval as too optimistic"
)


def all_outcomes(run, frames, main, event_outcomes, landmarks, competing_risk, landmark_day, windows):
    """Every outcome in report order: the IgG outcomes, HGG, the events, the exposure, then
    time to infection (and from the landmark day), the rate (and by window)."""

    def values(column: str):
        return lambda x: x[column].dropna().to_numpy(float)

    continuous, binary, rate = main["continuous"], main["binary"], main["rate"]
    tasks = [(continuous, partial(run.continuous, o, values(c), frames, continuous)) for o, c in CONTINUOUS.items()]
    tasks.append((binary, partial(run.binary, "hgg", [x[x.nadir_igg.notna()] for x in frames], binary, column="hgg")))
    tasks += [(binary, partial(run.binary, outcome, frames, binary)) for outcome in event_outcomes]
    tasks += [(continuous, partial(run.continuous, o, values(o), frames, continuous)) for o in EXPOSURE]
    if event_outcomes:
        timed = main["time-to-event"]
        tasks.append((timed, partial(run.time_to_event, frames, timed, landmarks, competing_risk)))
        if landmark_day is not None:
            tasks.append(
                (timed, partial(landmark_outcome, run, frames, timed, landmarks, competing_risk, landmark_day))
            )
        tasks.append((rate, partial(run.rate, frames, rate)))
        if windows is not None:
            from ivig_blina.cohort.burden import window_names

            tasks += [
                (rate, partial(run.rate, frames, rate, f"infection_rate_{w}", f"episodes_{w}", f"days_{w}"))
                for w in window_names(tuple(windows))
            ]
    return run.all(tasks)


def adjusted_pairs(pairs: list[PairResult], method: str) -> tuple[PairResult, ...]:
    """``pairs`` with their P values adjusted across them by ``method`` (``--pairwise-adjust``)."""
    adjusted = adjust_pvalues([p.result.pvalue if p.result else None for p in pairs], method)
    return tuple(replace(p, p_adjusted=q) for p, q in zip(pairs, adjusted))


@dataclass
class Runner:
    groups: tuple[str, ...]
    alternative: str
    confidence_level: float
    options: dict[str, Any]
    registry: stats.Registry
    pair_tests: dict[str, Statistic] | None  # None: no pairwise comparisons
    pairwise_adjust: str
    strata_of: pd.Series | None = None  # each patient's stratum, by the patient table's index

    def all(self, tasks: list[tuple[Statistic, Callable[[], OutcomeResult]]]) -> list[OutcomeResult]:
        """Each task's outcome, in order. Tasks whose statistic says it may run beside others
        (``concurrent_safe``; with ``--pairwise``, every pairwise statistic too) run two at a
        time in threads: numpy lets go of the GIL in its loops, and the outcomes are
        independent. Any other task runs alone, after them."""
        pairs_too = self.pair_tests is None or all(s.concurrent_safe for s in self.pair_tests.values())
        together = [i for i, (statistic, _) in enumerate(tasks) if statistic.concurrent_safe and pairs_too]
        results: dict[int, OutcomeResult] = {}
        if len(together) > 1:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(2) as pool:
                results.update(zip(together, pool.map(lambda i: tasks[i][1](), together)))
        for i, (_, task) in enumerate(tasks):
            if i not in results:
                results[i] = task()
        return [results[i] for i in range(len(tasks))]

    def _run(self, statistic: Statistic, data: list, strata: list | None = None) -> TestResult:
        wanted = {k: v for k, v in self.options.items() if k in statistic.options}
        if strata is not None:
            wanted["strata"] = strata
        origin = self.registry.origin(statistic)
        level, alternative = self.confidence_level, self.alternative
        if origin == "built-in":  # an exception here is our bug: let it show
            return statistic.run(*data, alternative=alternative, confidence_level=level, **wanted)
        from ivig_blina.stats.plugins import check_result, plugin_code

        who = f"statistic '{statistic.name}' from {origin}"
        with plugin_code(f"{who} failed"):  # its print goes to stderr, its exception is one line
            result = statistic.run(*data, alternative=alternative, confidence_level=level, **wanted)
        return check_result(result, who)

    def outcome(
        self,
        outcome: str,
        kind: str,
        statistic: Statistic,
        frames: list[pd.DataFrame],
        shape: Callable[[pd.DataFrame], Any],
        summarise: Callable[[Any, pd.DataFrame], GroupSummary],
        size: Callable[[Any], int],
        extra: tuple[str, ...] = (),
    ) -> OutcomeResult:
        """The outcome's summary per group and its test: ``shape`` turns a group's patients
        into the statistic's data, ``size`` says how many patients or values that data holds.
        A group with none: no test with two groups; with more, the others are tested."""
        data = [shape(x) for x in frames]
        summaries = {g: summarise(d, x) for g, d, x in zip(self.groups, data, frames)}
        empty = [g for g, d in zip(self.groups, data) if size(d) == 0]
        nobody = "values" if kind == "continuous" else "patients"
        if len(self.groups) - len(empty) < 2:
            reason = f"no {nobody} in group '{empty[0]}'; no test" if kind != "time-to-event" else None
            return OutcomeResult(
                outcome, kind, statistic.name, summaries, None, (reason or "a group has no patients; no test",)
            )
        warnings = tuple(f"no {nobody} in group '{g}': the test is across the other groups" for g in empty)
        tested = [d for d, g in zip(data, self.groups) if g not in empty]
        strata = None
        if self.strata_of is not None:
            if statistic.strata:
                strata = [
                    tuple(shape(x[self.strata_of.reindex(x.index).to_numpy() == s]) for x in frames)
                    for s in sorted(set(self.strata_of))
                ]
            else:
                warnings += (f"not stratified: the statistic '{statistic.name}' takes no strata",)
        result = self._run(statistic, tested, strata)
        pairs = self._pairs(kind, data, size) if self.pair_tests is not None else ()
        return OutcomeResult(
            outcome, kind, statistic.name, summaries, result, warnings + result.warnings + extra, pairwise=pairs
        )

    def _pairs(self, kind: str, data: list, size: Callable[[Any], int]) -> tuple[PairResult, ...]:
        """Every pair of groups with the two-group statistic, P adjusted across the pairs."""
        assert self.pair_tests is not None
        statistic = self.pair_tests[kind]
        pairs = []
        for (i, a), (j, b) in itertools.combinations(enumerate(self.groups), 2):
            if size(data[i]) == 0 or size(data[j]) == 0:
                pairs.append(PairResult(a, b, statistic.name, None, warnings=("a group is empty; no test",)))
                continue
            pairs.append(PairResult(a, b, statistic.name, self._run(statistic, [data[i], data[j]])))
        return adjusted_pairs(pairs, self.pairwise_adjust)

    def continuous(self, outcome, shape, frames, statistic) -> OutcomeResult:
        return self.outcome(outcome, "continuous", statistic, frames, shape, lambda x, _: _quartiles(x), len)

    def binary(self, outcome, frames, statistic, column: str | None = None) -> OutcomeResult:
        column = column or outcome
        tested = self.outcome(
            outcome,
            "binary",
            statistic,
            frames,
            lambda x: (int(x[column].astype(bool).sum()), len(x)),
            lambda d, _: BinarySummary(d[1], d[0], d[0] / d[1] if d[1] else None),
            lambda d: d[1],
        )
        if tested.result is None or len(self.groups) != 2:
            return tested
        a, b = (tested.groups[g] for g in self.groups)
        assert isinstance(a, BinarySummary) and isinstance(b, BinarySummary)
        risk = newcombe(
            (a.events, a.n), (b.events, b.n), alternative=self.alternative, confidence_level=self.confidence_level
        )
        assert risk is not None  # both groups have patients: the test ran
        difference, low, high = risk
        return replace(tested, risk_difference=RiskDifference(difference, ConfidenceInterval(low, high)))

    def time_to_event(
        self, frames, statistic, landmarks, competing, outcome="time_to_infection", extra=()
    ) -> OutcomeResult:
        return self.outcome(
            outcome,
            "time-to-event",
            statistic,
            frames,
            lambda x: event_data(x, competing),
            lambda d, _: event_summary(d[0], d[1], landmarks, self.confidence_level, competing),
            lambda d: len(d[0]),
            extra=extra,
        )

    def rate(
        self, frames, statistic, outcome="infection_rate", episodes="infection_episodes", days="follow_up_days"
    ) -> OutcomeResult:
        return self.outcome(
            outcome,
            "rate",
            statistic,
            frames,
            lambda x: (int(x[episodes].sum()), float(x[days].sum())),
            lambda d, x: RateSummary(len(x), d[0], d[1], 100 * d[0] / d[1] if d[1] > 0 else None),
            lambda d: 1,  # a group without patients has no patient-time: the statistic says so
            extra=(REPEATED_EPISODES,),
        )


def landmark_outcome(run: Runner, frames, statistic, landmarks, competing: bool, day: float) -> OutcomeResult:
    """Time to first infection from ``day`` among the patients followed beyond it without
    infection, as ``time_to_infection``."""
    if not (math.isfinite(day) and day >= 0):
        raise OptionError("landmark_day", f"expected a day >= 0, got {day!r}")
    later = [x[x.infection_time > day].assign(infection_time=lambda y: y.infection_time - day) for x in frames]
    left_out = sum(len(x) for x in frames) - sum(len(x) for x in later)
    note = (
        f"from day {day:g}: {left_out:,} patient(s) infected, dead or no longer followed by then are left out; "
        f"times and landmarks count from day {day:g}"
    )
    return run.time_to_event(
        later, statistic, landmarks, competing, outcome="time_to_infection_landmark", extra=(note,)
    )


def event_data(patients: pd.DataFrame, competing: bool = False):
    """``(time, status)`` arrays of time to first infection: status 1 infection, 0 censored, and
    2 for a death without infection when ``competing`` (else censored; a table made without
    competing risks has no 2)."""
    status = patients.infection_status.to_numpy(int)
    return patients.infection_time.to_numpy(float), status if competing else (status == 1).astype(int)


def event_summary(
    time, event, landmarks, confidence_level: float = 0.95, competing: bool = False
) -> TimeToEventSummary | CompetingRiskSummary:
    """One group's time to first infection: the Kaplan-Meier median with its CI and the
    infection-free proportion at each landmark with its CI (None beyond the group's last
    follow-up), or with ``competing`` the competing events and the cumulative incidence
    (Aalen-Johansen) at each landmark with its standard error."""
    from ivig_blina.stats.competing import cif_at
    from ivig_blina.stats.survival import kaplan_meier

    event = np.asarray(event)
    n, events = len(event), int(np.sum(event == 1))
    if competing:
        estimates, variances = cif_at(list(landmarks), time, event, cause=1)
        return CompetingRiskSummary(
            n,
            events,
            int(np.sum(event == 2)),
            tuple(
                IncidenceAt(day, estimate, None if variance is None else math.sqrt(variance))
                for day, estimate, variance in zip(landmarks, estimates, variances)
            ),
        )
    km = kaplan_meier(time, event, confidence_level)
    median, low, high = km.median() if n else (None, None, None)
    return TimeToEventSummary(
        n, events, median, low, high, tuple(SurvivalAt(day, *(km.at(day) or (None, None, None))) for day in landmarks)
    )


def _quartiles(x: np.ndarray) -> ContinuousSummary:
    if len(x) == 0:
        return ContinuousSummary(0, None, None, None)
    q1, median, q3 = np.quantile(x, [0.25, 0.5, 0.75])  # linear interpolation: R's type 7
    return ContinuousSummary(len(x), float(median), float(q1), float(q3))
