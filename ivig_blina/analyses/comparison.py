"""Compare two cohorts on every outcome of the per-patient table."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from ivig_blina import __version__, stats
from ivig_blina.analyses.results import (
    SCHEMA_VERSION,
    BinarySummary,
    Comparison,
    CompetingRiskSummary,
    ContinuousSummary,
    GroupSummary,
    IncidenceAt,
    OutcomeResult,
    RateSummary,
    RiskDifference,
    SurvivalAt,
    TimeToEventSummary,
)
from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import IvigBlinaError, OptionError, listed
from ivig_blina.stats import ConfidenceInterval, Statistic, TestResult
from ivig_blina.stats.adjust import METHODS as ADJUSTMENTS
from ivig_blina.stats.adjust import adjust as adjust_pvalues
from ivig_blina.stats.binary import newcombe
from ivig_blina.stats.sides import check_alternative, check_confidence_level

DEFAULT_TESTS = {"continuous": "mann-whitney", "binary": "fisher", "time-to-event": "log-rank", "rate": "poisson-exact"}
CONTINUOUS = {"igg_nadir": "nadir_igg", "days_to_nadir": "nadir_day"}
EXPOSURE = ("pct_drop", "days_below_threshold", "area_below_threshold")
LANDMARKS = (30.0, 90.0, 180.0)
REPEATED_EPISODES = (
    "every episode counts: repeated episodes in one patient are not independent, which the "
    "exact test assumes; read the P value and interval as too optimistic"
)


def choose_groups(cohorts, groups: tuple[str, str] | None, path: str) -> tuple[str, str]:
    """The two groups to compare: ``groups`` if given (each must be a cohort of the file),
    else the file's two cohorts in sorted order."""
    present = sorted(set(pd.Series(cohorts).unique()))  # unique() first: a set of 500k cells is slow
    if groups is not None:
        for g in groups:
            if g not in present:
                raise IvigBlinaError(
                    f"group '{g}' given by --groups is not a cohort of the file (cohorts: {listed(present)})", path=path
                )
        return groups
    if len(present) != 2:
        raise IvigBlinaError(
            f"compare needs two cohorts, found {len(present):,} ({listed(present)}); "
            f"choose two with --groups A,B{_near_twins(present)}",
            path=path,
        )
    return present[0], present[1]


def _near_twins(labels: list[str]) -> str:
    """A hint naming cohort labels that differ only in case or spaces (one cohort typed twice?)."""
    seen: dict[str, str] = {}
    for label in labels:
        key = " ".join(label.split()).casefold()
        if key in seen:
            return f" ('{seen[key]}' and '{label}' differ only in case or spaces: the same cohort?)"
        seen[key] = label
    return ""


def compare(
    cohort: Cohort,
    groups: tuple[str, str] | list[str] | None = None,
    *,
    tests: dict[str, str] | None = None,
    alternative: str = "two-sided",
    confidence_level: float = 0.95,
    adjust: str = "none",
    landmarks: tuple[float, ...] = LANDMARKS,
    competing_risk: bool | None = None,
    permutations: int = 9999,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    registry: stats.Registry | None = None,
) -> Comparison:
    """Summarise and test every outcome of ``cohort``, first group against second.

    Parameters
    ----------
    cohort : Cohort
        From :func:`ivig_blina.load`.
    groups : pair of str, optional
        The two cohorts, in that order; by default the file's two cohorts in sorted order (a
        file with more cohorts needs them named).
    tests : dict, optional
        A statistic's name per kind (``continuous``, ``binary``, ``time-to-event``, ``rate``);
        the defaults are ``DEFAULT_TESTS``, with Gray's test for time to event when
        ``competing_risk``.
    alternative : {"two-sided", "less", "greater"}
    confidence_level : float
        Of every interval, strictly between 0 and 1.
    adjust : {"none", "holm", "bonferroni", "bh"}
        Multiplicity adjustment over every outcome with a P value (R's ``p.adjust``).
    landmarks : tuple of float
        Days at which to report the infection-free proportion (or cumulative incidence).
    competing_risk : bool, optional
        Deaths without infection are a competing event (cumulative incidence, Gray's test);
        by default as the cohort was loaded (``load(..., competing_risk=True)``), which it needs.
    permutations, seed, progress
        Options of the statistics that declare them (the permutation test).
    registry : Registry, optional
        Where the statistics are looked up (default: built-ins and installed plug-ins).

    Returns
    -------
    Comparison
        ``outcomes`` in a fixed order: ``igg_nadir``, ``days_to_nadir``, ``hgg``, each event
        outcome, the exposure outcomes, then ``time_to_infection`` and ``infection_rate`` when
        the file has events. ``to_dict()`` is the JSON document, ``to_frame()`` the CSV table.

    Examples
    --------
    >>> import ivig_blina
    >>> cohort = ivig_blina.load("examples/wo2022_cohort.csv")
    >>> result = ivig_blina.compare(cohort, groups=("ivig", "control"))
    >>> infection = result.to_frame().set_index("outcome").loc["infection"]
    >>> round(infection.p_value, 2), infection.events_a, infection.n_a
    (0.58, 14, 17)
    """
    check_alternative(alternative)
    check_confidence_level(confidence_level)
    if adjust not in ADJUSTMENTS:
        raise OptionError("adjust", f"expected one of {', '.join(ADJUSTMENTS)}, got {adjust!r}")
    patients = cohort.patients
    pair = choose_groups(patients.table.cohort, _pair(groups), cohort.path)
    if competing_risk is None:
        competing_risk = patients.competing_risk
    if competing_risk and not patients.competing_risk:
        raise OptionError(
            "competing_risk",
            "the cohort was loaded without competing risks (a death without "
            "infection is censored there); load it with competing_risk=True",
        )
    defaults = {**DEFAULT_TESTS, **({"time-to-event": "gray"} if competing_risk else {})}
    tests = {**defaults, **(tests or {})}
    registry = registry or stats.registry()
    chosen = {kind: registry.get(name, kind) for kind, name in tests.items()}
    run = _Runner(
        alternative, confidence_level, {"permutations": permutations, "seed": seed, "progress": progress}, registry
    )
    t = patients.table
    a, b = (t[t.cohort == g] for g in pair)

    def values(column: str) -> tuple[np.ndarray, np.ndarray]:
        return a[column].dropna().to_numpy(float), b[column].dropna().to_numpy(float)

    results = [
        run.continuous(outcome, *values(column), pair, chosen["continuous"]) for outcome, column in CONTINUOUS.items()
    ]
    with_nadir_a, with_nadir_b = (x.hgg[x.nadir_igg.notna()].astype(bool) for x in (a, b))
    results.append(run.binary("hgg", with_nadir_a, with_nadir_b, pair, chosen["binary"]))
    results += [
        run.binary(outcome, a[outcome], b[outcome], pair, chosen["binary"]) for outcome in patients.event_outcomes
    ]
    results += [run.continuous(outcome, *values(outcome), pair, chosen["continuous"]) for outcome in EXPOSURE]
    if patients.event_outcomes:
        results.append(run.time_to_event(a, b, pair, chosen["time-to-event"], landmarks, competing_risk))
        results.append(run.rate(a, b, pair, chosen["rate"]))
    censored = t[t.cohort.isin(pair) & (t.nadir_censored != "")]
    if len(censored):
        note = (
            f"{len(censored)} nadir(s) are censored lab values (<X or >X) taken as X: "
            f"{', '.join(censored.patient_id[:10])}"
        )
        results = [
            replace(o, warnings=o.warnings + (note,)) if o.outcome in ("igg_nadir", "hgg") else o for o in results
        ]
    adjusted = adjust_pvalues([o.result.pvalue if o.result else None for o in results], adjust)
    results = [replace(o, p_adjusted=p if adjust != "none" else None) for o, p in zip(results, adjusted)]
    used = {
        "tests": tests,
        "alternative": alternative,
        "confidence_level": confidence_level,
        "adjust": adjust,
        "landmarks": list(landmarks),
        "competing_risk": competing_risk,
    }
    meta = {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "input": cohort.path,
        "input_sha256": cohort.sha256,
        "options": {
            "groups": list(pair),
            **cohort.options,
            "plugins": list(registry.plugin_files),
            "permutations": permutations,
            "seed": seed,
            **used,
        },
    }
    return Comparison(
        pair, results, excluded_patients=int((~t.cohort.isin(pair)).sum()), options=used, cohort=cohort, meta=meta
    )


@dataclass
class _Runner:
    alternative: str
    confidence_level: float
    options: dict[str, Any]
    registry: stats.Registry

    def _run(self, statistic: Statistic, a, b) -> TestResult:
        wanted = {k: v for k, v in self.options.items() if k in statistic.options}
        origin = self.registry.origin(statistic)
        if origin == "built-in":  # an exception here is our bug: let it show
            return statistic.run(a, b, alternative=self.alternative, confidence_level=self.confidence_level, **wanted)
        from ivig_blina.stats.plugins import check_result, plugin_code

        who = f"statistic '{statistic.name}' from {origin}"
        with plugin_code(f"{who} failed"):  # its print goes to stderr, its exception is one line
            result = statistic.run(a, b, alternative=self.alternative, confidence_level=self.confidence_level, **wanted)
        return check_result(result, who)

    def _tested(
        self,
        outcome: str,
        kind: str,
        statistic: Statistic,
        summaries: Mapping[str, GroupSummary],
        empty: list[str],
        a,
        b,
        extra: tuple[str, ...] = (),
    ) -> OutcomeResult:
        """The outcome with its test's result, or without a test (and saying so) when a group
        is empty."""
        if empty:
            return OutcomeResult(
                outcome,
                kind,
                statistic.name,
                summaries,
                None,
                (f"no values in group '{empty[0]}'; no test",)
                if kind == "continuous"
                else (f"no patients in group '{empty[0]}'; no test",)
                if kind == "binary"
                else ("a group has no patients; no test",),
            )
        result = self._run(statistic, a, b)
        return OutcomeResult(outcome, kind, statistic.name, summaries, result, result.warnings + extra)

    def continuous(self, outcome, a, b, groups, statistic) -> OutcomeResult:
        summaries = {g: _quartiles(x) for g, x in zip(groups, (a, b))}
        empty = [g for g, x in zip(groups, (a, b)) if len(x) == 0]
        return self._tested(outcome, "continuous", statistic, summaries, empty, a, b)

    def binary(self, outcome, a: pd.Series, b: pd.Series, groups, statistic) -> OutcomeResult:
        counts = [(int(x.sum()), len(x)) for x in (a, b)]
        summaries = {g: BinarySummary(n, e, e / n if n else None) for g, (e, n) in zip(groups, counts)}
        empty = [g for g, (_, n) in zip(groups, counts) if n == 0]
        tested = self._tested(outcome, "binary", statistic, summaries, empty, counts[0], counts[1])
        if tested.result is None:
            return tested
        difference, low, high = newcombe(
            counts[0],
            counts[1],
            alternative=self.alternative,  # type: ignore[misc]
            confidence_level=self.confidence_level,
        )
        return replace(tested, risk_difference=RiskDifference(difference, ConfidenceInterval(low, high)))

    def time_to_event(self, a, b, groups, statistic, landmarks, competing) -> OutcomeResult:
        data = [event_data(x, competing) for x in (a, b)]
        summaries = {
            g: event_summary(t, e, landmarks, self.confidence_level, competing) for g, (t, e) in zip(groups, data)
        }
        empty = [g for g, (t, _) in zip(groups, data) if len(t) == 0]
        return self._tested("time_to_infection", "time-to-event", statistic, summaries, empty, data[0], data[1])

    def rate(self, a, b, groups, statistic) -> OutcomeResult:
        counts = [(int(x.infection_episodes.sum()), float(x.follow_up_days.sum())) for x in (a, b)]
        summaries = {
            g: RateSummary(len(x), e, d, 100 * e / d if d > 0 else None) for g, x, (e, d) in zip(groups, (a, b), counts)
        }
        return self._tested(
            "infection_rate", "rate", statistic, summaries, [], counts[0], counts[1], extra=(REPEATED_EPISODES,)
        )


def _pair(groups: tuple[str, str] | list[str] | None) -> tuple[str, str] | None:
    if groups is None:
        return None
    if len(groups) != 2 or groups[0] == groups[1]:
        raise OptionError("groups", f"expected two different cohort names, got {list(groups)}")
    return groups[0], groups[1]


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
