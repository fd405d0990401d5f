"""The report's sections from the library's results: the record of the run, the data account
and definitions, Table 1, the outcomes, time to infection (with burden and models), figures
and warnings. Methods and Results are in :mod:`prose`.

Every number comes from a :class:`~ivig_blina.analyses.results.Comparison` or
:class:`~ivig_blina.analyses.table1.Table1` field, rounded for reading by :mod:`numbers`;
nothing is recomputed here. Text from the input file (cohorts, labels, IDs, covariates) is
kept as plain text: the writers escape it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ivig_blina.analyses.results import (
    BinarySummary,
    Comparison,
    CompetingRiskSummary,
    ContinuousSummary,
    OutcomeResult,
    RateSummary,
    TimeToEventSummary,
)
from ivig_blina.analyses.table1 import OVERALL, Table1
from ivig_blina.errors import listed
from ivig_blina.render.report.document import Bullets, Cell, Figure, Paragraph, Section, Table
from ivig_blina.render.report.numbers import DASH, difference, fixed, format_p, p_sentence, percent, ratio, value
from ivig_blina.render.report.options import changed_options
from ivig_blina.render.report.wording import describe, effect_label, footnote, is_ratio, outcome_label, outcome_unit

LETTERS = "abcdefghijklmnopqrstuvwxyz"
SURVIVAL_KINDS = ("time-to-event",)


class Counter:
    """Numbers tables in the order they appear."""

    def __init__(self) -> None:
        self.tables = 0

    def table(self) -> int:
        self.tables += 1
        return self.tables


class Notes:
    """Footnote letters for the tests, in order of first use, shared by the tables of one kind."""

    def __init__(self) -> None:
        self.marks: dict[str, str] = {}

    def mark(self, note: str) -> str:
        return self.marks.setdefault(note, LETTERS[len(self.marks) % 26])

    def text(self, mark: str) -> str:
        return next(note for note, m in self.marks.items() if m == mark)

    def lines(self, used: Iterable[str]) -> list[str]:
        wanted = set(used)
        return [f"{mark}: {note}" for note, mark in self.marks.items() if mark in wanted]


def num(text: str, mark: str = "") -> Cell:
    return Cell(text, "right", mark=mark)


def label(outcome: OutcomeResult, cmp: Comparison) -> str:
    return outcome_label(outcome.outcome, cmp.options.get("landmark_day"))


def row_label(outcome: OutcomeResult, cmp: Comparison) -> str:
    """An outcome's name in a table's first column, with its unit unless the name says it."""
    unit = outcome_unit(outcome.outcome, cmp.cohort.igg_units if cmp.cohort is not None else "mg/dL")
    return label(outcome, cmp) + (f", {unit}" if unit and unit != "days" else "")


def group_sizes(cmp: Comparison) -> dict[str, int]:
    """Patients compared per group: the largest n of any outcome (every patient counts in the
    event outcomes; a continuous outcome leaves out patients without a value)."""
    return {g: max((o.groups[g].n for o in cmp.outcomes), default=0) for g in cmp.groups}


def level_of(cmp: Comparison) -> float:
    return float(cmp.options.get("confidence_level", 0.95))


def ci_header(cmp: Comparison) -> str:
    return f"{100 * level_of(cmp):g}% CI"


# --- 1. the record ------------------------------------------------------------------------


def record_section(cmp: Comparison, table1: Table1 | None, extra: Mapping[str, Any]) -> Section:
    """What was run on what: the input file and its SHA-256, the cohorts, and every option that
    differs from its default."""
    meta = cmp.meta
    items = [
        f"Input file: {meta.get('input')}",
        f"SHA-256 of the input: {meta.get('input_sha256')}",
        "Cohorts compared, in order: " + ", ".join(cmp.groups),
    ]
    changed = changed_options(cmp, table1, extra)
    blocks: list[Any] = [Bullets(tuple(items))]
    if changed:
        blocks.append(Paragraph("Options that differ from their defaults:"))
        blocks.append(Bullets(tuple(f"{name}: {shown}" for name, shown in changed)))
    else:
        blocks.append(Paragraph("Every option was at its default."))
    return Section("record", "Record of the analysis", tuple(blocks))


# --- 2. data --------------------------------------------------------------------------------


def _n(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def data_section(cmp: Comparison) -> Section:
    """A CONSORT-style account of the rows and patients, then the definitions in force."""
    cohort = cmp.cohort
    assert cohort is not None  # checked by build_report
    c = cohort.input_counts(cmp.excluded_patients)
    rows = [f"{_n(c['rows'], 'row')} read; {_n(c['used_rows'], 'row')} used."]
    for key, text in (
        ("blank_rows", "blank, skipped"),
        ("duplicate_rows", "duplicates of another row, skipped"),
        ("patient_only_rows", "with neither IgG nor event (they list the patient and its follow-up)"),
        ("censored_values", "with a censored IgG value (<X or >X), taken as X"),
        ("normalised_values", "with an event label or cohort normalised (invisible or full-width characters)"),
    ):
        if c.get(key):
            rows.append(f"{_n(c[key], 'row')} {text}.")
    if c.get("same_day_conflicts"):
        rows.append(f"{_n(c['same_day_conflicts'], 'patient-day')} with two different IgG values (the lower counts).")
    per_cohort = c.get("patients_per_cohort", {})
    patients = [
        f"{_n(c['patients'], 'patient')} in the file: "
        + "; ".join(f"{g or '(no cohort)'} {n:,}" for g, n in per_cohort.items())
        + ".",
        "Compared: " + "; ".join(f"{g} {n:,}" for g, n in group_sizes(cmp).items()) + ".",
    ]
    if c.get("patients_in_other_cohorts"):
        patients.append(f"{_n(c['patients_in_other_cohorts'], 'patient')} in other cohorts, left out.")
    without = c.get("patients_without_nadir_ids", [])
    if without:
        patients.append(
            f"{_n(len(without), 'patient')} without an IgG value in the follow-up window (no nadir; left out of "
            f"the nadir outcomes, kept in the event outcomes): {listed(without, 10)}."
        )
    for note in cmp.notes:
        patients.append(note[:1].upper() + note[1:] + ("" if note.endswith(".") else "."))
    outside = []
    for key, text in (
        ("measurements_before_day0", "measurement(s) before day 0 (they give the baseline only)"),
        ("measurements_after_until", "measurement(s) after the end of the window (--until), not used"),
        ("measurements_after_ivig_excluded", "measurement(s) within --exclude-after-ivig days of a dose, not used"),
        ("events_before_day0", "event(s) before day 0, not counted"),
        ("events_after_until", "event(s) after the end of the window (--until), not counted"),
        ("events_after_death", "event(s) after the patient's death, not counted"),
    ):
        if c.get(key):
            outside.append(f"{c[key]:,} {text}.")
    after_death = c.get("patients_with_events_after_death_ids", [])
    if after_death:
        outside.append(f"Patients with events after their death: {listed(after_death, 10)}.")
    unknown = c.get("unknown_labels", {})
    if unknown:
        outside.append(
            "Event labels compared as outcomes of their own: "
            + ", ".join(f"{label} ({n:,} rows)" for label, n in unknown.items())
            + "."
        )
    blocks: list[Any] = [
        Paragraph("Rows of the input file:"),
        Bullets(tuple(rows)),
        Paragraph("Patients:"),
        Bullets(tuple(patients)),
    ]
    if outside:
        blocks += [Paragraph("Values and events outside the analysis:"), Bullets(tuple(outside))]
    blocks += [Paragraph("Definitions in force:"), Bullets(tuple(definitions(cmp)))]
    return Section("data", "Data", tuple(blocks))


def definitions(cmp: Comparison) -> list[str]:
    """The definitions of the run, from the options it used."""
    cohort = cmp.cohort
    assert cohort is not None
    o, used = cohort.options, cmp.options
    units, threshold = cohort.igg_units, cohort.hgg_threshold
    until = o.get("until")
    window = f"day 0 to day {until:g}" if until is not None else "day 0 to the end of each patient's follow-up"
    out = [
        f"Day 0 is the first blinatumomab dose. The follow-up window runs from {window}.",
        "Baseline: the last IgG value on or before day 0"
        + (f", at most {o['baseline_window']:g} days before it" if o.get("baseline_window") is not None else "")
        + " (the lowest if several share that day).",
        "Nadir: the lowest IgG value in the window (the earliest if tied); days to nadir is its day"
        + (
            f"; values drawn on the day of an IVIG dose or up to {o['exclude_after_ivig']:g} days after it are left "
            "out of the window"
            if o.get("exclude_after_ivig") is not None
            else ""
        )
        + ".",
        f"Hypogammaglobulinemia (HGG): a nadir below {value(threshold)} {units}. IgG is reported in {units}"
        + (f" (the file's values are in {o['units']})" if o.get("units") and o["units"] != units else "")
        + ".",
        "Outcome events count from day 0 to the end of the window, and not after the patient's death.",
        "Time to first infection: from day 0 to the first infection, censored at the last follow-up; a death "
        + (
            "without an earlier infection is a competing event."
            if used.get("competing_risk")
            else "without an earlier infection censors the patient at the death."
        ),
        "Landmarks: days " + ", ".join(f"{d:g}" for d in used.get("landmarks", [])) + ".",
    ]
    if used.get("landmark_day") is not None:
        out.append(
            f"Landmark analysis: patients followed beyond day {used['landmark_day']:g} without infection, time "
            "counted from that day."
        )
    if used.get("windows"):
        from ivig_blina.cohort.burden import window_names

        spans = [outcome_label(f"infection_rate_{w}").split(", ", 1)[1] for w in window_names(tuple(used["windows"]))]
        out.append("Infection burden windows: " + "; ".join(spans) + " (an episode on day t is in (start, end]).")
    if used.get("strata"):
        out.append(f"Strata: the patient covariate {used['strata']}.")
    return out


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
                (Cell(f"{v.variable}, median (IQR)"), *(num(_quartiles(v.summaries[g])) for g in groups), p_cell, smd)
            )
            if mean:
                rows.append(
                    (Cell("mean (SD)", indent=1), *(num(_mean_sd(v.summaries[g])) for g in groups), num(""), num(""))
                )
        else:
            rows.append((Cell(f"{v.variable}, n (%)"), *blank, p_cell, smd))
            for level in v.levels:
                rows.append(
                    (
                        Cell(level.level, indent=1),
                        *(num(_count(*level.groups[g])) for g in groups),
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


def _quartiles(s) -> str:
    return DASH if not s.n else f"{value(s.median)} ({value(s.q1)} to {value(s.q3)})"


def _mean_sd(s) -> str:
    return DASH if not s.n else f"{value(s.mean)} ({value(s.sd)})"


def _count(n: int, pct: float | None) -> str:
    return f"{n:,}" if pct is None else f"{n:,} ({fixed(pct, 1)}%)"


# --- 4. outcomes ------------------------------------------------------------------------------


def summary_text(s, header_n: int) -> str:
    """One group's summary of an outcome for the outcomes table."""
    n_note = f"; n = {s.n:,}" if s.n != header_n else ""
    if isinstance(s, ContinuousSummary):
        return (DASH if not s.n else f"{value(s.median)} ({value(s.q1)} to {value(s.q3)})") + n_note
    if isinstance(s, BinarySummary):
        return f"{s.events:,}/{s.n:,} ({percent(s.proportion)})"
    if isinstance(s, CompetingRiskSummary):
        return f"{s.events:,}/{s.n:,} infected; {s.competing_events:,} competing deaths"
    if isinstance(s, TimeToEventSummary):
        median = "median not reached" if s.median is None else f"median {value(s.median)} days"
        return f"{s.events:,}/{s.n:,} infected; {median}"
    if isinstance(s, RateSummary):
        return f"{s.episodes:,} in {value(s.patient_days)} days ({value(s.rate_per_100_patient_days, 3)})"
    raise TypeError(f"no report form for {type(s).__name__}")


def effect_parts(estimate: float | None, ci, estimand: str | None) -> tuple[str, str, str]:
    """The estimate's short name, the estimate and its interval as text (``("OR", "2.24",
    "0.141 to 28.3")``); empty texts without an estimate."""
    if estimate is None:
        return "", "", ""
    low, high = (ci.low, ci.high) if ci is not None else (None, None)
    shown, interval = (ratio if is_ratio(estimand) else difference)(estimate, low, high)
    return effect_label(estimand), shown, interval


def effect_text(estimate: float | None, ci, estimand: str | None) -> str:
    """``OR 2.24 (0.141 to 28.3)``; empty without an estimate."""
    name, shown, interval = effect_parts(estimate, ci, estimand)
    if not shown:
        return ""
    return f"{name} {shown}" + (f" ({interval})" if interval else "")


def risk_difference_text(o: OutcomeResult) -> str:
    """The risk difference in percentage points with its interval."""
    rd = o.risk_difference
    if rd is None:
        return ""
    shown, interval = difference(100 * rd.estimate, 100 * rd.ci.low, 100 * rd.ci.high)
    return f"{shown} ({interval})"


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


def adjustment_name(method: str) -> str:
    return {"holm": "Holm's method", "bonferroni": "Bonferroni's method", "bh": "Benjamini-Hochberg's method"}.get(
        method, method
    )


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
    for model in cmp.models:
        blocks.append(model_table(model, counter))
    if not blocks:
        return None
    return Section("time", "Time to infection", tuple(blocks))


def points(proportion: float | None) -> str:
    """A proportion in percent without the sign (inside an interval after a percentage)."""
    return percent(proportion).rstrip("%")


def median_interval(s: TimeToEventSummary) -> str:
    """The Kaplan-Meier median's interval; an end R gives as NA was not reached."""
    low = "not reached" if s.median_ci_low is None else value(s.median_ci_low)
    high = "not reached" if s.median_ci_high is None else value(s.median_ci_high)
    return f"{low} to {high}"


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


def model_table(model, counter: Counter) -> Table:
    """A fitted model: each term's ratio with its CI and P."""
    header = (Cell("Term"), num("Ratio (95% CI)"), num("P"))
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


# --- 6. figures -----------------------------------------------------------------------------------


def figure_caption(key: str, cmp: Comparison) -> str:
    cohort = cmp.cohort
    assert cohort is not None
    if key == "igg":
        return (
            f"Serum IgG ({cohort.igg_units}) from each patient's baseline to the end of follow-up, one panel per "
            f"cohort and one line per patient; dashed line: the HGG threshold ({value(cohort.hgg_threshold)} "
            f"{cohort.igg_units}); open circles: nadirs. A cohort of more than 200 patients shows 200 courses drawn "
            "at random over the median and IQR of all its values."
        )
    if cmp.options.get("competing_risk"):
        return (
            "Cumulative incidence of infection with deaths without infection as a competing event (Aalen-Johansen), "
            "Gray's test P, and the numbers at risk beneath."
        )
    return (
        "Kaplan-Meier estimates of the proportion free of infection, with censoring marks, the log-rank P, and the "
        "numbers at risk beneath."
    )


def figures_section(cmp: Comparison, figures: Mapping[str, Any]) -> Section:
    """The figures in order, numbered; one that could not be drawn says why."""
    blocks = []
    for number, (key, drawn) in enumerate(figures.items(), 1):
        missing = drawn if isinstance(drawn, str) else None
        blocks.append(Figure(key, number, figure_caption(key, cmp), None if missing else drawn, missing))
    return Section("figures", "Figures", tuple(blocks))


# --- 8. warnings ----------------------------------------------------------------------------------


def warnings_section(cmp: Comparison, table1: Table1 | None) -> Section:
    """Every caveat the analysis raised, each once, with the outcomes it concerns."""
    found: dict[str, list[str]] = {}

    def add(text: str, where: str | None) -> None:
        text = text.strip()
        text = text[:1].upper() + text[1:]
        found.setdefault(text, [])
        if where and where not in found[text]:
            found[text].append(where)

    cohort = cmp.cohort
    for note in cohort.observations.notes if cohort is not None else ():
        add(note, "input")
    for note in cmp.notes:
        add(note, None)
    for o in cmp.outcomes:
        for w in o.warnings:
            add(w, label(o, cmp))
        for p in o.pairwise:
            for w in p.as_dict()["warnings"]:
                add(w, f"{label(o, cmp)} ({p.a} vs {p.b})")
    for model in cmp.models:
        for w in model.warnings:
            add(w, f"model {model.model}")
    for v in table1.variables if table1 is not None else ():
        for w in v.warnings:
            add(w, f"Table 1, {v.variable}")
    items = [
        text + ("" if text.endswith(".") else ".") + (f" ({'; '.join(where)})" if where else "")
        for text, where in found.items()
    ]
    if not items:
        return Section("warnings", "Warnings", (Paragraph("The analysis raised no warnings."),))
    return Section("warnings", "Warnings", (Bullets(tuple(items)),))
