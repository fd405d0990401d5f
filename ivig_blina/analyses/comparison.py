"""Compare two cohorts on every outcome of the per-patient table."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
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
    ModelResult,
    OutcomeResult,
    PairResult,
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
OMNIBUS_TESTS = {"continuous": "kruskal-wallis", "binary": "fisher", "time-to-event": "log-rank", "rate": "poisson-lrt"}
MANY_LEVELS = 50  # more strata than this: a warning (a continuous covariate given as strata?)
CONTINUOUS = {"igg_nadir": "nadir_igg", "days_to_nadir": "nadir_day"}
EXPOSURE = ("pct_drop", "days_below_threshold", "area_below_threshold")
LANDMARKS = (30.0, 90.0, 180.0)
REPEATED_EPISODES = (
    "every episode counts: repeated episodes in one patient are not independent, which the "
    "exact test assumes; read the P value and interval as too optimistic"
)


def choose_groups(
    cohorts, groups: tuple[str, ...] | list[str] | None, path: str, command: str = "compare"
) -> tuple[str, ...]:
    """The groups to compare, in order: ``groups`` if given (two or more different cohorts of
    the file; ``["all"]`` is every cohort in sorted order unless a cohort is named ``all``),
    else the file's two cohorts in sorted order (a file of more cohorts needs them named)."""
    present = sorted(set(pd.Series(cohorts).unique()) - {""})  # unique() first: a set of 500k cells is slow
    if groups is None:
        if len(present) != 2:
            raise IvigBlinaError(
                f"{command} needs two cohorts, found {len(present):,} ({listed(present)}); "
                f"choose them with --groups A,B (or A,B,C, or all){_near_twins(present)}",
                path=path,
            )
        return present[0], present[1]
    chosen = present if list(groups) == ["all"] and "all" not in present else list(groups)
    if len(chosen) < 2 or len(set(chosen)) != len(chosen):
        raise OptionError("groups", f"expected two or more different cohort names, got {list(groups)}")
    for g in chosen:
        if g not in present:
            raise IvigBlinaError(
                f"group '{g}' given by --groups is not a cohort of the file (cohorts: {listed(present)})", path=path
            )
    return tuple(chosen)


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
    groups: tuple[str, ...] | list[str] | None = None,
    *,
    tests: dict[str, str] | None = None,
    alternative: str = "two-sided",
    confidence_level: float = 0.95,
    adjust: str = "none",
    landmarks: tuple[float, ...] = LANDMARKS,
    competing_risk: bool | None = None,
    strata: str | None = None,
    exact: bool = False,
    windows: tuple[float, ...] | None = None,
    landmark_day: float | None = None,
    models: bool = False,
    covariates: list[str] | None = None,
    ivig_effect_days: float = 28.0,
    with_hgg: bool = False,
    pairwise: bool = False,
    pairwise_adjust: str = "holm",
    permutations: int = 9999,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    registry: stats.Registry | None = None,
) -> Comparison:
    """Summarise and test every outcome of ``cohort`` across two or more cohorts.

    Parameters
    ----------
    cohort : Cohort
        From :func:`ivig_blina.load`.
    groups : sequence of str, optional
        Two or more cohorts, in that order, or ``["all"]`` (every cohort, sorted); by default
        the file's two cohorts in sorted order (a file with more cohorts needs them named).
        Two groups are compared first against second; more get an omnibus test per outcome.
    tests : dict, optional
        A statistic's name per kind (``continuous``, ``binary``, ``time-to-event``, ``rate``).
        Two groups: the defaults are ``DEFAULT_TESTS``, with Gray's test for time to event when
        ``competing_risk``. More groups: a statistic of k groups named here is the omnibus
        test (defaults ``OMNIBUS_TESTS``), a two-group one the test of each pair.
    alternative : {"two-sided", "less", "greater"}
        One-sided alternatives need two groups.
    confidence_level : float
        Of every interval, strictly between 0 and 1.
    adjust : {"none", "holm", "bonferroni", "bh"}
        Multiplicity adjustment over every outcome with a P value (R's ``p.adjust``).
    landmarks : tuple of float
        Days at which to report the infection-free proportion (or cumulative incidence).
    competing_risk : bool, optional
        Deaths without infection are a competing event (cumulative incidence, Gray's test);
        by default as the cohort was loaded (``load(..., competing_risk=True)``), which it needs.
    strata : str, optional
        A patient covariate (read by ``load(..., covariates=[strata])``) to stratify by: the
        statistics that take strata (log-rank with the Cox HR, Fisher's as Cochran-Mantel-
        Haenszel, Mann-Whitney as coin's stratified test) run within its levels; two groups
        only. Patients without a value are left out of the comparison, and counted.
    exact : bool
        With ``strata``: the exact conditional Cochran-Mantel-Haenszel test.
    pairwise, pairwise_adjust
        With more than two groups: every pair with the two-group test, its P adjusted across
        the pairs (``holm`` by default, as R's ``pairwise.wilcox.test``).
    permutations, seed, progress
        Options of the statistics that declare them (the permutation test, Monte Carlo Fisher).
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
    for name, value in (("adjust", adjust), ("pairwise_adjust", pairwise_adjust)):
        if value not in ADJUSTMENTS:
            raise OptionError(name, f"expected one of {', '.join(ADJUSTMENTS)}, got {value!r}")
    patients = cohort.patients
    chosen = choose_groups(patients.table.cohort, groups, cohort.path)
    k = len(chosen)
    if k > 2 and alternative != "two-sided":
        raise OptionError(
            "alternative", f"one-sided alternatives need two cohorts; {k} are compared by two-sided omnibus tests"
        )
    if k > 2 and strata is not None:
        raise OptionError("strata", f"strata need two cohorts for now; {k} were given")
    if exact and strata is None:
        raise OptionError("exact", "the exact Cochran-Mantel-Haenszel test needs strata")
    if competing_risk is None:
        competing_risk = patients.competing_risk
    if competing_risk and not patients.competing_risk:
        raise OptionError(
            "competing_risk",
            "the cohort was loaded without competing risks (a death without "
            "infection is censored there); load it with competing_risk=True",
        )
    registry = registry or stats.registry()
    main, pair_tests = _choose_tests(tests or {}, k, competing_risk, pairwise, registry)
    run = _Runner(
        chosen,
        alternative,
        confidence_level,
        {"permutations": permutations, "seed": seed, "progress": progress, "exact": exact},
        registry,
        pair_tests if pairwise else None,
        pairwise_adjust,
    )
    t = patients.table[patients.table.cohort.isin(chosen)]
    notes: list[str] = []
    if strata is not None:
        t, run.strata_of, notes = _strata(cohort, t, strata)
    if windows is not None:
        from ivig_blina.cohort.burden import by_window

        t = t.join(by_window(cohort, windows))
    frames = [t[t.cohort == g] for g in chosen]

    def values(column: str):
        return lambda x: x[column].dropna().to_numpy(float)

    results = [
        run.continuous(outcome, values(column), frames, main["continuous"]) for outcome, column in CONTINUOUS.items()
    ]
    results.append(run.binary("hgg", [x[x.nadir_igg.notna()] for x in frames], main["binary"], column="hgg"))
    results += [run.binary(outcome, frames, main["binary"]) for outcome in patients.event_outcomes]
    results += [run.continuous(outcome, values(outcome), frames, main["continuous"]) for outcome in EXPOSURE]
    if patients.event_outcomes:
        results.append(run.time_to_event(frames, main["time-to-event"], landmarks, competing_risk))
        if landmark_day is not None:
            results.append(_landmark(run, frames, main["time-to-event"], landmarks, competing_risk, landmark_day))
        results.append(run.rate(frames, main["rate"]))
        if windows is not None:
            from ivig_blina.cohort.burden import window_names

            results += [
                run.rate(frames, main["rate"], f"infection_rate_{w}", f"episodes_{w}", f"days_{w}")
                for w in window_names(tuple(windows))
            ]
    censored = t[t.nadir_censored != ""]
    if len(censored):
        note = (
            f"{len(censored)} nadir(s) are censored lab values (<X or >X) taken as X: "
            f"{', '.join(censored.patient_id[:10])}"
        )
        results = [
            replace(o, warnings=o.warnings + (note,)) if o.outcome in ("igg_nadir", "hgg") else o for o in results
        ]
    fitted: list[ModelResult] = []
    if windows is not None or models or covariates:
        from ivig_blina.analyses import models as fitting

        rate = next((o for o in results if o.outcome == "infection_rate"), None)
        if windows is not None and rate is not None:
            nb = fitting.negative_binomial_rate_ratio(fitting.Design(t, chosen, None, {}), confidence_level)
            results.append(
                OutcomeResult("infection_rate_nb", "rate", "negative-binomial", rate.groups, nb, nb.warnings)
            )
        fitted = fitting.models(
            cohort,
            t,
            chosen,
            binary_outcomes=["hgg", *patients.event_outcomes],
            covariates=covariates,
            competing_risk=competing_risk,
            time_varying=models,
            ivig_effect_days=ivig_effect_days,
            with_hgg=with_hgg,
            confidence_level=confidence_level,
        )
    adjusted = adjust_pvalues([o.result.pvalue if o.result else None for o in results], adjust)
    results = [replace(o, p_adjusted=p if adjust != "none" else None) for o, p in zip(results, adjusted)]
    used: dict[str, Any] = {
        "tests": {kind: s.name for kind, s in main.items()},
        "alternative": alternative,
        "confidence_level": confidence_level,
        "adjust": adjust,
        "landmarks": list(landmarks),
        "competing_risk": competing_risk,
    }
    if strata is not None:
        used.update(strata=strata, exact=exact)
    if windows is not None:
        used.update(windows=list(windows))
    if landmark_day is not None:
        used.update(landmark_day=landmark_day)
    immortal = None
    if models or covariates:
        used.update(models=True, covariates=list(covariates or []))
    if models:
        from ivig_blina.cohort.timevarying import immortal_time

        used.update(ivig_effect_days=ivig_effect_days, with_hgg=with_hgg)
        immortal = immortal_time(cohort, chosen)
        late = {g: v for g, v in immortal.items() if v["patients_first_dose_after_day0"]}
        if late:
            notes.append(
                "immortal time: "
                + "; ".join(
                    f"{v['patients_first_dose_after_day0']} patient(s) of '{g}' had a first IVIG dose after day 0 "
                    f"(median day {v['median_first_dose_day']:g})"
                    for g, v in late.items()
                )
                + ": the time before it is not exposed; see ivig_time_varying, or compare from a landmark day "
                "(--landmark-day)"
            )
    if pairwise:
        used.update(
            pairwise=True,
            pairwise_tests={kind: s.name for kind, s in pair_tests.items()},
            pairwise_adjust=pairwise_adjust,
        )
    breakdown = None
    if windows is not None:  # --burden: infection episodes by pathogen (issue 15)
        from ivig_blina.cohort.pathogens import infection_breakdown

        breakdown = infection_breakdown(cohort, chosen, t)
    meta = {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "input": cohort.path,
        "input_sha256": cohort.sha256,
        "options": {
            "groups": list(chosen),
            **cohort.options,
            "plugins": list(registry.plugin_files),
            "permutations": permutations,
            "seed": seed,
            **used,
        },
    }
    excluded = len(patients.table) - len(t)
    return Comparison(
        chosen,
        results,
        excluded_patients=excluded,
        options=used,
        cohort=cohort,
        meta=meta,
        notes=tuple(notes),
        models=tuple(fitted),
        immortal_time=immortal,
        infection_breakdown=breakdown,
    )


def _choose_tests(
    tests: dict[str, str], k: int, competing_risk: bool, pairwise: bool, registry: stats.Registry
) -> tuple[dict[str, Statistic], dict[str, Statistic]]:
    """The statistic per kind for the outcome row and for the pairs. Two groups: the one named
    or the default, for both. More: a statistic of k groups named is the omnibus one, a
    two-group one is for the pairs (and needs ``pairwise``)."""
    survival = {"time-to-event": "gray"} if competing_risk else {}
    omnibus = {**OMNIBUS_TESTS, **survival}
    two = {**DEFAULT_TESTS, **survival}
    named = {kind: registry.get(name, kind) for kind, name in tests.items()}
    if k == 2:
        both = {kind: named.get(kind) or registry.get(name, kind) for kind, name in two.items()}
        return both, both
    main = {kind: registry.get(name, kind) for kind, name in omnibus.items()}
    pairs = {kind: registry.get(name, kind) for kind, name in two.items()}
    for kind, statistic in named.items():
        if statistic.groups == "k":
            main[kind] = statistic
            continue
        if not pairwise:
            others = sorted(n for (kd, n), e in registry.entries.items() if kd == kind and e.cls.groups == "k")
            raise OptionError(
                "tests",
                f"the {kind} statistic '{statistic.name}' compares two groups; with {k} cohorts name one "
                f"of k groups ({', '.join(others) or 'none installed'}) or add --pairwise to run it on each pair",
            )
        pairs[kind] = statistic
    for kind, statistic in main.items():
        if statistic.groups != "k":
            raise OptionError("tests", f"the {kind} statistic '{statistic.name}' does not take {k} groups")
    return main, pairs


def _strata(cohort: Cohort, t: pd.DataFrame, column: str) -> tuple[pd.DataFrame, pd.Series, list[str]]:
    """The patients with a value of the stratifying covariate ``column``, each one's stratum
    (as text), and notes: who was left out, strata of one cohort only, too many strata."""
    covariates, _ = cohort.covariate_table()
    if column not in covariates.columns:
        raise IvigBlinaError(
            f"--strata '{column}' is not a covariate read (columns: {listed(covariates.columns)})", path=cohort.path
        )
    values = covariates[column].reindex(t.index)
    known = values.notna()
    notes = []
    if not known.all():
        missing = t.patient_id[~known]
        notes.append(
            f"{len(missing):,} patient(s) without a value of '{column}' are left out of the comparison: "
            f"{', '.join(missing[:10])}"
        )
    strata = values[known].map(lambda v: f"{v:g}" if isinstance(v, float) else str(v))
    t = t[known]
    cohorts_per_stratum = t.groupby(strata.to_numpy()).cohort.nunique()
    lonely = list(cohorts_per_stratum.index[cohorts_per_stratum < 2])
    if lonely:
        notes.append(
            f"{len(lonely):,} stratum/strata of '{column}' hold one cohort only and carry no information for "
            f"the stratified tests: {listed(lonely, 10)}"
        )
    if len(cohorts_per_stratum) > MANY_LEVELS:
        notes.append(f"'{column}' has {len(cohorts_per_stratum):,} strata: is it a categorical covariate?")
    return t, strata, notes


@dataclass
class _Runner:
    groups: tuple[str, ...]
    alternative: str
    confidence_level: float
    options: dict[str, Any]
    registry: stats.Registry
    pair_tests: dict[str, Statistic] | None  # None: no pairwise comparisons
    pairwise_adjust: str
    strata_of: pd.Series | None = None  # each patient's stratum, by the patient table's index

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
        adjusted = adjust_pvalues([p.result.pvalue if p.result else None for p in pairs], self.pairwise_adjust)
        return tuple(replace(p, p_adjusted=q) for p, q in zip(pairs, adjusted))

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


def _landmark(run: _Runner, frames, statistic, landmarks, competing: bool, day: float) -> OutcomeResult:
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
