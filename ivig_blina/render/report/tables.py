"""The report's tables: Table 1, the outcomes (and the pairs of three or more cohorts), time to
infection (Kaplan-Meier or cumulative incidence, the landmark day), the infection burden and the
models. Every number is a field of the Comparison or Table1, rounded for reading."""

from __future__ import annotations

from typing import Any

from ivig_blina.analyses.results import Comparison, CompetingRiskSummary, OutcomeResult, TimeToEventSummary
from ivig_blina.analyses.table1 import OVERALL, Table1
from ivig_blina.render.report.cells import (
    SURVIVAL_KINDS,
    Counter,
    Notes,
    adjustment_name,
    ci_header,
    count_text,
    effect_text,
    group_sizes,
    label,
    level_of,
    mean_sd_text,
    median_interval,
    num,
    points,
    quartiles_text,
    risk_difference_text,
    row_label,
    summary_text,
)
from ivig_blina.render.report.document import Cell, Section, Table
from ivig_blina.render.report.numbers import DASH, fixed, format_p, p_sentence, percent, ratio, value
from ivig_blina.render.report.wording import describe, footnote

# --- 3. Table 1 ---------------------------------------------------------------------------------


def table1_section(t: Table1, counter: Counter) -> Section:
    """Table 1 with a row per continuous covariate (median (IQR); mean (SD) too when asked),
    a row per categorical covariate and one per level (n (%)), missing counts, P and SMD."""
    groups = [*t.groups, OVERALL]
    mean = bool(t.meta.get("options", {}).get("mean"))
    header = (
        Cell("Characteristic"),
        *(num(f"{'Overall' if g == OVERALL else g} (n = {t.n[g]:,})") for g in groups),
        num("P"),
        num("SMD"),
    )
    notes = Notes()  # Table 1's own letters
    rows: list[tuple[Cell, ...]] = []
    blank = tuple(num("") for _ in groups)
    for v in t.variables:
        p_cell = num("")
        if v.result is not None:
            p_cell = num(format_p(v.result.pvalue), notes.mark(footnote(v.test or "", v.result.method, None, None)))
        smd = num(DASH if v.smd is None else fixed(v.smd, 2))
        if v.kind == "continuous":
            rows.append(
                (
                    Cell(f"{v.variable}, median (IQR)"),
                    *(num(quartiles_text(v.summaries[g])) for g in groups),
                    p_cell,
                    smd,
                )
            )
            if mean:
                rows.append(
                    (
                        Cell("mean (SD)", indent=1),
                        *(num(mean_sd_text(v.summaries[g])) for g in groups),
                        num(""),
                        num(""),
                    )
                )
        else:
            rows.append((Cell(f"{v.variable}, n (%)"), *blank, p_cell, smd))
            for level in v.levels:
                rows.append(
                    (
                        Cell(level.level, indent=1),
                        *(num(count_text(*level.groups[g])) for g in groups),
                        num(""),
                        num(""),
                    )
                )
        if any(v.missing.values()):
            rows.append((Cell("missing", indent=1), *(num(f"{v.missing[g]:,}") for g in groups), num(""), num("")))
    general = (
        "Continuous: median (IQR, R's type 7 quartiles)"
        + ("; mean (SD)" if mean else "")
        + ". Categorical: n (% of the patients with a value). SMD: standardized mean difference as R tableone "
        "computes it (Yang and Dalton 2012 for categorical covariates"
        + ("; the mean of the pairs' SMDs for more than two cohorts" if len(t.groups) > 2 else "")
        + "). P values describe; the SMD measures balance."
    )
    lines = (general, *notes.lines(notes.marks.values()))
    table = Table("table1", counter.table(), "Baseline characteristics", header, tuple(rows), lines)
    return Section("table1", "Baseline characteristics", (table,))


# --- 4. outcomes ------------------------------------------------------------------------------


def outcome_rows(cmp: Comparison, outcomes: list[OutcomeResult], notes: Notes) -> tuple[tuple, tuple, set[str]]:
    """The header and rows of an outcomes table, and the footnote marks it uses."""
    two = len(cmp.groups) == 2
    adjusted = cmp.options.get("adjust", "none") != "none"
    sizes = group_sizes(cmp)
    binary = any(o.risk_difference is not None for o in outcomes)
    header = [Cell("Outcome"), *(num(f"{g} (n = {sizes[g]:,})") for g in cmp.groups)]
    if two:
        header.append(num(f"Effect ({ci_header(cmp)})"))
        if binary:
            header.append(num(f"Risk difference, percentage points ({ci_header(cmp)})"))
    header.append(num("P"))
    if adjusted:
        header.append(num(f"P adjusted ({cmp.options['adjust']})"))
    rows, used = [], set()
    for o in outcomes:
        r = o.result
        cells = [Cell(row_label(o, cmp))]
        cells += [num(summary_text(o.groups[g], sizes[g])) for g in cmp.groups]
        if two:
            cells.append(num(effect_text(r.estimate, r.ci, r.estimand) if r else ""))
            if binary:
                cells.append(num(risk_difference_text(o)))
        mark = notes.mark(footnote(o.test, r.method, r.estimand, level_of(cmp))) if r and r.pvalue is not None else ""
        if mark:
            used.add(mark)
        cells.append(num(format_p(r.pvalue if r else None), mark))
        if adjusted:
            cells.append(num(format_p(o.p_adjusted)))
        rows.append(tuple(cells))
    return tuple(header), tuple(rows), used


def outcomes_section(cmp: Comparison, counter: Counter, notes: Notes) -> Section:
    """One row per outcome: each cohort's summary, the effect with its CI, P and adjusted P;
    with pairwise comparisons, a table of the pairs."""
    header, rows, used = outcome_rows(cmp, list(cmp.outcomes), notes)
    two = len(cmp.groups) == 2
    level = ci_header(cmp)
    alternative = cmp.options.get("alternative", "two-sided")
    first, second = cmp.groups[0], cmp.groups[1]
    general = (
        "Continuous outcomes: median (IQR, R's type 7 quartiles), with the patients with a value where fewer than "
        "the cohort's; binary: patients with the outcome/patients (%); time to first infection: infected/patients "
        "and the Kaplan-Meier median; rate: episodes in patient-days (episodes per 100 patient-days). "
        + (
            f"Effects are {first} against {second}: differences {first} minus {second}, ratios {first} over "
            f"{second}, with {level}s; {alternative} P values."
            if two
            else f"P values of the omnibus test across the {len(cmp.groups)} cohorts (no estimate)."
        )
    )
    if cmp.options.get("adjust", "none") != "none":
        general += f" Adjusted P values: {adjustment_name(cmp.options['adjust'])} across the outcomes (R p.adjust)."
    table = Table(
        "outcomes",
        counter.table(),
        "Outcomes by cohort",
        header,
        rows,
        (general, *notes.lines(used)),
    )
    blocks: list[Any] = [table]
    if cmp.options.get("pairwise"):
        blocks.append(pairs_table(cmp, counter, notes))
    return Section("outcomes", "Outcomes", tuple(blocks))


def pairs_table(cmp: Comparison, counter: Counter, notes: Notes) -> Table:
    """Every pair of cohorts with the two-group test, its estimate, P and P adjusted across the
    outcome's pairs."""
    method = cmp.options.get("pairwise_adjust", "holm")
    header = (
        Cell("Outcome"),
        Cell("Pair"),
        num(f"Effect ({ci_header(cmp)})"),
        num("P"),
        num(f"P adjusted ({method})"),
    )
    rows, used = [], set()
    for o in cmp.outcomes:
        for p in o.pairwise:
            r = p.result
            mark = (
                notes.mark(footnote(p.test, r.method, r.estimand, level_of(cmp))) if r and r.pvalue is not None else ""
            )
            if mark:
                used.add(mark)
            rows.append(
                (
                    Cell(row_label(o, cmp)),
                    Cell(f"{p.a} vs {p.b}"),
                    num(effect_text(r.estimate, r.ci, r.estimand) if r else ""),
                    num(format_p(r.pvalue if r else None), mark),
                    num(format_p(p.p_adjusted)),
                )
            )
    note = (
        f"Each pair with the two-group test (effects the first cohort against the second); P adjusted by "
        f"{adjustment_name(method)} across each outcome's pairs, as R pairwise.wilcox.test does."
    )
    return Table("pairs", counter.table(), "Pairwise comparisons", header, tuple(rows), (note, *notes.lines(used)))


# --- 5. time to infection -------------------------------------------------------------------------


def time_section(cmp: Comparison, counter: Counter, notes: Notes) -> Section | None:
    """Per cohort: the Kaplan-Meier median and landmark proportions with CIs (or the cumulative
    incidence with its SE), the test and the hazard ratio; then the infection burden and the
    models when there are any."""
    blocks: list[Any] = []
    for o in cmp.outcomes:
        if o.kind in SURVIVAL_KINDS:
            blocks += survival_blocks(cmp, o, counter, notes)
    rates = [o for o in cmp.outcomes if o.kind == "rate"]
    if rates:
        blocks.append(burden_table(cmp, rates, counter, notes))
    if any(entry["pathogen"] != "unspecified" for entry in cmp.infection_breakdown or ()):
        blocks.append(pathogen_table(cmp, counter))  # not for a file without pathogens
    for model in cmp.models:
        blocks.append(model_table(model, counter, ci_header(cmp)))
    if not blocks:
        return None
    return Section("time", "Time to infection", tuple(blocks))


def survival_blocks(cmp: Comparison, o: OutcomeResult, counter: Counter, notes: Notes) -> list[Any]:
    level = ci_header(cmp)
    first = o.groups[cmp.groups[0]]
    competing = isinstance(first, CompetingRiskSummary)
    days = [at.day for at in first.landmarks]  # type: ignore[union-attr]
    if competing:
        header = (
            Cell("Cohort"),
            num("Patients"),
            num("Infections"),
            num("Competing deaths"),
            *(num(f"Cumulative incidence at day {d:g} (SE)") for d in days),
        )
    else:
        header = (
            Cell("Cohort"),
            num("Patients"),
            num("Infections"),
            num(f"Median, days ({level})"),
            *(num(f"Infection-free at day {d:g} ({level})") for d in days),
        )
    rows = []
    for g in cmp.groups:
        s = o.groups[g]
        if isinstance(s, CompetingRiskSummary):
            cells = [num(f"{s.competing_events:,}")] + [
                num(DASH if at.estimate is None else f"{percent(at.estimate)} ({points(at.se)})") for at in s.landmarks
            ]
        else:
            assert isinstance(s, TimeToEventSummary)
            median = "not reached" if s.median is None else f"{value(s.median)} ({median_interval(s)})"
            cells = [num(median)] + [
                num(
                    DASH
                    if at.estimate is None
                    else f"{percent(at.estimate)} ({points(at.ci_low)} to {points(at.ci_high)})"
                )
                for at in s.landmarks
            ]
        rows.append((Cell(g), num(f"{s.n:,}"), num(f"{s.events:,}"), *cells))
    r = o.result
    mark = notes.mark(footnote(o.test, r.method, r.estimand, level_of(cmp))) if r and r.pvalue is not None else ""
    if r is not None and r.pvalue is not None:
        test = f"{describe(o.test, r.method, r.estimand, None).name}: {p_sentence(r.pvalue)}"
    else:
        test = "No test: " + "; ".join(o.warnings)
    effect = effect_text(r.estimate, r.ci, r.estimand) if r else ""
    if effect:
        test += f"; {effect}, {cmp.groups[0]} over {cmp.groups[1]}"
    lines = [
        (
            "Cumulative incidence of infection (Aalen-Johansen) with deaths without infection as a competing event, "
            "and its standard error in percentage points (R cmprsk::cuminc)."
        )
        if competing
        else f"Kaplan-Meier estimates with {level}s from log-transformed limits (R survival::survfit); a landmark "
        "beyond a cohort's last follow-up is not estimated (—).",
        test + ".",
    ]
    if mark:
        lines.append(f"{mark}: {notes.text(mark)}")
    title = label(o, cmp)
    return [Table(o.outcome, counter.table(), title, header, tuple(rows), tuple(lines))]


def burden_table(cmp: Comparison, rates: list[OutcomeResult], counter: Counter, notes: Notes) -> Table:
    """Infection episodes per patient-time, overall and per window."""
    header, rows, used = outcome_rows(cmp, rates, notes)
    general = (
        "Episodes in patient-days (episodes per 100 patient-days). Every episode counts: repeated episodes in one "
        "patient are not independent, which the exact test assumes."
    )
    return Table("burden", counter.table(), "Infection burden", header, rows, (general, *notes.lines(used)))


def pathogen_table(cmp: Comparison, counter: Counter) -> Table:
    """Infection episodes and their rate per pathogen and cohort (``compare --burden``)."""
    header = (Cell("Pathogen"), *(num(g) for g in cmp.groups))
    rows = []
    for entry in cmp.infection_breakdown or ():
        cells = []
        for g in cmp.groups:
            found = entry["groups"][g]
            cells.append(num(f"{found['episodes']:,} ({value(found['rate_per_100_patient_days'], 3)})"))
        rows.append((Cell(entry["pathogen"]), *cells))
    general = "Episodes (episodes per 100 patient-days); the patient-days are each cohort's follow-up."
    return Table("pathogens", counter.table(), "Infections by pathogen", header, tuple(rows), (general,))


def model_table(model, counter: Counter, level: str = "95% CI") -> Table:
    """A fitted model: each term's ratio with its CI and P."""
    header = (Cell("Term"), num(f"Ratio ({level})"), num("P"))
    rows = []
    for t in model.terms:
        shown, interval = ratio(t.estimate, t.ci_low, t.ci_high)
        rows.append((Cell(t.term), num(f"{shown} ({interval})" if interval else shown), num(format_p(t.p_value))))
    notes = [
        f"{model.formula}; {model.method}. {model.n:,} patients, {model.events:,} events"
        + (f"; {model.n_excluded_missing:,} left out for a missing covariate" if model.n_excluded_missing else "")
        + "."
    ]
    return Table(f"model_{model.model}", counter.table(), f"Model: {model.model}", header, tuple(rows), tuple(notes))
