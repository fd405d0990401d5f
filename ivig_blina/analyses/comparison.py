"""Compare two or more cohorts on every outcome of the per-patient table: which groups and
statistics, strata, the burden and models asked for, and the record of what was done (the
outcomes themselves are run in :mod:`ivig_blina.analyses.outcomes`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pandas as pd

from ivig_blina import __version__, stats
from ivig_blina.analyses.outcomes import (  # noqa: F401  (CONTINUOUS ... event_summary: their users import them here)
    CONTINUOUS,
    EXPOSURE,
    Runner,
    all_outcomes,
    event_data,
    event_summary,
)
from ivig_blina.analyses.results import SCHEMA_VERSION, Comparison, ModelResult, OutcomeResult
from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import IvigBlinaError, OptionError, listed
from ivig_blina.stats import Statistic
from ivig_blina.stats.adjust import METHODS as ADJUSTMENTS
from ivig_blina.stats.adjust import adjust as adjust_pvalues
from ivig_blina.stats.sides import check_alternative, check_confidence_level

DEFAULT_TESTS = {"continuous": "mann-whitney", "binary": "fisher", "time-to-event": "log-rank", "rate": "poisson-exact"}
OMNIBUS_TESTS = {"continuous": "kruskal-wallis", "binary": "fisher", "time-to-event": "log-rank", "rate": "poisson-lrt"}
MANY_LEVELS = 50  # more strata than this: a warning (a continuous covariate given as strata?)
LANDMARKS = (30.0, 90.0, 180.0)


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
        outcome, the exposure outcomes, then when the file has events ``time_to_infection``
        (``time_to_infection_landmark``), ``infection_rate`` (each window's, and
        ``infection_rate_nb``); ``models`` when asked for; ``notes`` on the patients compared.
        ``to_dict()`` is the JSON document, ``to_frame()`` the CSV table.

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
    run = Runner(
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

    results = all_outcomes(run, frames, main, patients.event_outcomes, landmarks, competing_risk, landmark_day, windows)
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
            pairs = (
                fitting.negative_binomial_pairs(t, chosen, confidence_level, pairwise_adjust)
                if pairwise and k > 2
                else ()
            )
            results.append(
                OutcomeResult(
                    "infection_rate_nb", "rate", "negative-binomial", rate.groups, nb, nb.warnings, pairwise=pairs
                )
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
        notes += _immortal_time_note(immortal)
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


def _immortal_time_note(immortal: dict[str, dict[str, Any]]) -> list[str]:
    """A warning when a cohort's patients had their first IVIG dose after day 0."""
    late = {g: v for g, v in immortal.items() if v["patients_first_dose_after_day0"]}
    if not late:
        return []
    counts = "; ".join(
        f"{v['patients_first_dose_after_day0']} patient(s) of '{g}' had a first IVIG dose after day 0 "
        f"(median day {v['median_first_dose_day']:g})"
        for g, v in late.items()
    )
    return [
        f"immortal time: {counts}: the time before it is not exposed; see ivig_time_varying, or compare from a "
        "landmark day (--landmark-day)"
    ]
