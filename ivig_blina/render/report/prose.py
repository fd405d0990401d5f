"""Methods and Results as paragraphs a reader can paste into a manuscript, written from what
ran: the definitions and options used, each test as its result names it (with its R function
and reference), and one sentence per outcome from the library's numbers."""

from __future__ import annotations

import platform
from importlib import metadata

from ivig_blina import __version__
from ivig_blina.analyses.results import (
    BinarySummary,
    Comparison,
    CompetingRiskSummary,
    ContinuousSummary,
    OutcomeResult,
    RateSummary,
    TimeToEventSummary,
)
from ivig_blina.analyses.table1 import Table1
from ivig_blina.render.report.cells import (
    adjustment_name,
    ci_header,
    effect_parts,
    label,
    level_of,
    median_interval,
    risk_difference_text,
)
from ivig_blina.render.report.document import Paragraph, Section
from ivig_blina.render.report.numbers import p_sentence, percent, value
from ivig_blina.render.report.wording import Described, describe, is_ratio, outcome_unit

LIBRARIES = ("numpy", "scipy", "pandas")


def joined(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def lower(text: str) -> str:
    """The first letter lowered unless the first word is an acronym or a name (IgG, HGG)."""
    word = text.split(" ", 1)[0]
    return text if any(c.isupper() for c in word[1:]) else text[:1].lower() + text[1:]


def upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def tests_used(cmp: Comparison, table1: Table1 | None) -> list[tuple[Described, list[str]]]:
    """Each test as it ran (one per distinct description) with what it compared, in order of
    first use: the outcomes, their pairs, then Table 1's covariates."""
    used: dict[str, tuple[Described, list[str]]] = {}

    def add(d: Described, what: str) -> None:
        entry = used.setdefault(d.note(), (d, []))
        if what not in entry[1]:
            entry[1].append(what)

    level = level_of(cmp)
    for o in cmp.outcomes:
        if o.result is not None and o.result.pvalue is not None:
            add(describe(o.test, o.result.method, o.result.estimand, level), lower(label(o, cmp)))
    for o in cmp.outcomes:
        for p in o.pairwise:
            if p.result is not None and p.result.pvalue is not None:
                add(
                    describe(p.test, p.result.method, p.result.estimand, level),
                    f"pairs of cohorts on {lower(label(o, cmp))}",
                )
    for v in table1.variables if table1 is not None else ():
        if v.result is not None and v.result.pvalue is not None:
            add(describe(v.test or "", v.result.method, None, None), v.variable)
    return list(used.values())


def software(figures: bool = False) -> str:
    """Python's version and those of ivigblina and the libraries its statistics use."""
    versions = [f"Python {platform.python_version()}", f"ivigblina {__version__}"]
    for name in LIBRARIES + (("matplotlib",) if figures else ()):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:  # pragma: no cover - installed with ivigblina
            pass
    return joined(versions)


def methods_section(cmp: Comparison, table1: Table1 | None, drew_figures: bool) -> Section:
    cohort = cmp.cohort
    assert cohort is not None
    o, used = cohort.options, cmp.options
    k = len(cmp.groups)
    until = o.get("until")
    window = f"from day 0 to day {until:g}" if until is not None else "from day 0 to the end of follow-up"
    design = (
        f"Serum IgG values and events were read from {cmp.meta.get('input')} (SHA-256 {cmp.meta.get('input_sha256')}). "
        f"Day 0 was the first blinatumomab dose. Each patient's baseline was the last IgG value on or before day 0"
        + (f" (at most {o['baseline_window']:g} days before it)" if o.get("baseline_window") is not None else "")
        + f"; the nadir was the lowest IgG value {window} (the earliest if tied)"
        + (
            f", leaving out values drawn on the day of an IVIG dose or up to {o['exclude_after_ivig']:g} days after it"
            if o.get("exclude_after_ivig") is not None
            else ""
        )
        + f"; hypogammaglobulinemia (HGG) was a nadir below {value(cohort.hgg_threshold)} {cohort.igg_units}. "
        "Infection outcomes counted events in the same window and not after a patient's death. Time to first "
        "infection ran from day 0 to the first infection and was censored at the last follow-up; a death without "
        + (
            "an earlier infection was a competing event."
            if used.get("competing_risk")
            else "an earlier infection censored the patient at the death."
        )
    )
    if used.get("landmark_day") is not None:
        design += (
            f" A landmark analysis took the patients followed beyond day {used['landmark_day']:g} without infection, "
            "with time counted from that day."
        )
    groups = joined(list(cmp.groups))
    sentences = [
        f"The cohorts {groups} were compared"
        + (
            f", {cmp.groups[0]} against {cmp.groups[1]} (differences {cmp.groups[0]} minus {cmp.groups[1]}, ratios "
            f"{cmp.groups[0]} over {cmp.groups[1]})."
            if k == 2
            else f" by an omnibus test across the {k} cohorts for each outcome."
        )
    ]
    baseline = {v.variable for v in table1.variables} if table1 is not None else set()
    for d, what in tests_used(cmp, table1):
        reference = f"; {d.reference}" if d.reference else ""
        effect = f", with the {d.effect}" + (f" and its {d.interval}" if d.interval else "") if d.effect else ""
        outcomes = [w for w in what if w not in baseline]
        covariates = [w for w in what if w in baseline]
        compared = ([joined(outcomes)] if outcomes else []) + (
            [f"the baseline covariate{'s' if len(covariates) > 1 else ''} {joined(covariates)} (Table 1)"]
            if covariates
            else []
        )
        sentences.append(f"{upper(joined(compared))}: {d.name}{effect} ({d.r}{reference}).")
    if any(x.risk_difference is not None for x in cmp.outcomes):
        sentences.append(
            "Binary outcomes also give the risk difference with Newcombe's hybrid score interval (method 10 of "
            "Newcombe 1998)."
        )
    if any(x.kind == "time-to-event" for x in cmp.outcomes):
        sentences.append(
            "The cumulative incidence of infection was estimated by the Aalen-Johansen estimator with its standard "
            "error (R cmprsk::cuminc; Aalen and Johansen 1978)."
            if used.get("competing_risk")
            else f"Kaplan-Meier medians and infection-free proportions were estimated with {ci_header(cmp)}s from "
            "log-transformed limits (R survival::survfit; Kaplan and Meier 1958)."
        )
    if any(x.kind == "rate" for x in cmp.outcomes):
        sentences.append(
            "Infection rates counted every episode per 100 patient-days of follow-up; repeated episodes in one patient "
            "are not independent, which the rate test assumes."
        )
    if used.get("strata"):
        sentences.append(
            f"The tests that take strata were stratified by {used['strata']}; the others were not, and say so."
        )
    if used.get("adjust", "none") != "none":
        sentences.append(
            f"P values were adjusted across the outcomes by {adjustment_name(used['adjust'])} (R p.adjust); the raw P "
            "values are shown beside them."
        )
    if used.get("pairwise"):
        sentences.append(
            "Each pair of cohorts was also compared with the two-group test, its P adjusted across the outcome's "
            f"pairs by {adjustment_name(used.get('pairwise_adjust', 'holm'))}."
        )
    sentences.append(
        f"All tests were {used.get('alternative', 'two-sided')}, and intervals are {ci_header(cmp)}s. P values are "
        "printed with two significant digits (three where two would reach or cross 0.05), and below 0.001 as <0.001."
    )
    if table1 is not None:
        sentences.append(
            "Baseline characteristics are medians (IQR) or counts (%), with the standardized mean difference as R "
            "tableone computes it (Yang and Dalton 2012)."
        )
    for model in cmp.models:
        sentences.append(f"Model {model.model}: {model.formula}, {model.method}.")
    sentences.append(f"Analyses used {software(drew_figures)}.")
    return Section("methods", "Methods", (Paragraph(design), Paragraph(" ".join(sentences))))


def _in(groups: list[str]) -> str:
    return joined(groups)


def result_sentence(o: OutcomeResult, cmp: Comparison) -> str:
    """One sentence of an outcome's numbers."""
    units = cmp.cohort.igg_units if cmp.cohort is not None else "mg/dL"
    unit = outcome_unit(o.outcome, units)
    unit = f" {unit}" if unit and unit != "fraction of baseline" else ""
    name = lower(label(o, cmp))
    parts = []
    first = True
    for g in cmp.groups:
        s = o.groups[g]
        if isinstance(s, ContinuousSummary):
            if not s.n:
                parts.append(f"not measured in {g}")
            else:
                iqr = "IQR " if first else ""
                parts.append(f"{value(s.median)}{unit} ({iqr}{value(s.q1)} to {value(s.q3)}) in {g}")
        elif isinstance(s, BinarySummary):
            of = " patients" if first else ""
            parts.append(f"{s.events:,} of {s.n:,}{of} ({percent(s.proportion)}) in {g}")
        elif isinstance(s, CompetingRiskSummary):
            parts.append(f"{s.events:,} infections and {s.competing_events:,} competing deaths among {s.n:,} in {g}")
        elif isinstance(s, TimeToEventSummary):
            if s.median is None:
                parts.append(f"not reached in {g}")
            else:
                days = " days" if first else ""
                parts.append(
                    f"{value(s.median)}{days} ({ci_header(cmp) + ' ' if first else ''}{median_interval(s)}) in {g}"
                )
        elif isinstance(s, RateSummary):
            rate = value(s.rate_per_100_patient_days, 3)
            per = " per 100 patient-days" if first else ""
            parts.append(f"{s.episodes:,} episodes in {value(s.patient_days)} patient-days ({rate}{per}) in {g}")
        first = False
    kind = o.kind
    if kind == "continuous":
        opening = f"The median {name} was "
    elif kind == "binary":
        opening = f"{upper(name)} occurred in "
    elif kind == "time-to-event" and isinstance(o.groups[cmp.groups[0]], CompetingRiskSummary):
        opening = f"{upper(name)}: "
    elif kind == "time-to-event":
        opening = f"The median {name} was "
    else:
        opening = f"{upper(name)}: "
    r = o.result
    if r is None or r.pvalue is None:
        why = "; ".join(o.warnings) or "no test"
        return f"{opening}{_in(parts)} (no test: {why})."
    test = p_sentence(r.pvalue)
    if len(cmp.groups) > 2:
        test = f"{describe(o.test, r.method, r.estimand, None).name} {test}"
    extra = ""
    name_short, number, interval = effect_parts(r.estimate, r.ci, r.estimand)
    if number:
        effect_unit = "" if is_ratio(r.estimand) else unit
        long_name = (r.estimand or name_short).split(" (")[0]
        extra += f"; {long_name} {number}{effect_unit}" + (f" ({ci_header(cmp)} {interval})" if interval else "")
    if o.risk_difference is not None:
        number, _, interval = risk_difference_text(o).partition(" (")
        extra += f"; risk difference {number} percentage points ({ci_header(cmp)} {interval}"
    return f"{opening}{_in(parts)} ({test}{extra})."


def results_section(cmp: Comparison) -> Section:
    return Section("results", "Results", tuple(Paragraph(result_sentence(o, cmp)) for o in cmp.outcomes))
