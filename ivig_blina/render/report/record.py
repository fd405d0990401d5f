"""The sections that account for the run: the record (input, SHA-256, options changed), the
data (a CONSORT-style account and the definitions in force) and the warnings, in words. Text
from the input file stays plain text: the writers escape it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ivig_blina.analyses.results import Comparison
from ivig_blina.analyses.table1 import Table1
from ivig_blina.errors import listed
from ivig_blina.render.report.cells import group_sizes, label
from ivig_blina.render.report.document import Bullets, Paragraph, Section
from ivig_blina.render.report.numbers import value
from ivig_blina.render.report.options import changed_options
from ivig_blina.render.report.wording import outcome_label

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
    labels = cmp.meta.get("options", {}).get("labels") or {}  # --labels: as every other table shows them
    patients = [
        f"{_n(c['patients'], 'patient')} in the file: "
        + "; ".join(f"{labels.get(g, g) or '(no cohort)'} {n:,}" for g, n in per_cohort.items())
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
