"""What was done with every row: the one-line summary on stderr and the JSON ``input`` object."""

from __future__ import annotations

from ivig_blina.errors import printable


def input_counts(obs, patients, excluded: int = 0) -> dict:
    """Every count of the reading and reduction steps, for JSON."""
    table = patients.table
    return {
        **obs.counts,
        **patients.counts,
        "patients_in_other_cohorts": excluded,
        "patients_per_cohort": {str(g): int(n) for g, n in table.cohort.value_counts().sort_index().items()},
        "patients_without_nadir_ids": table.patient_id[table.nadir_igg.isna()].tolist(),
        "patients_with_events_after_death_ids": patients.patient_ids.get("events_after_death", []),
        "unknown_labels": dict(obs.unknown_labels),
        "notes": list(obs.notes),
    }


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _some(ids: list[str]) -> str:
    return ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")


def input_summary(obs, patients, excluded: int = 0) -> str:
    """One line: rows read and used, skipped by reason, patients per group, patients without
    follow-up IgG, and the events that were not counted; control characters of the file's
    text (IDs, cohorts) shown as escapes."""
    c, p = obs.counts, patients.counts
    by_cohort = patients.table.cohort.value_counts().sort_index()
    groups = ", ".join(f"{g or '(no cohort)'} {n}" for g, n in by_cohort.items())
    parts = [
        f"{obs.path}: {_n(c['rows'], 'row')} read, {c['used_rows']} used; {_n(p['patients'], 'patient')} ({groups})"
    ]
    for key, noun, text in (
        ("blank_rows", "blank row", "skipped"),
        ("duplicate_rows", "duplicate row", "skipped"),
        ("patient_only_rows", "row", "with neither IgG nor event (patient listed)"),
        ("censored_values", "censored IgG value", "(<X or >X) taken as X"),
        ("same_day_conflicts", "patient-day", "with two different IgG values (lower one counts)"),
        (
            "normalised_values",
            "row",
            "with its event label or cohort normalised (zero-width or no-break spaces, full-width letters)",
        ),
    ):
        if c.get(key):
            parts.append(f"{_n(c[key], noun)} {text}")
    if p["patients_without_nadir"]:
        ids = patients.table.patient_id[patients.table.nadir_igg.isna()].tolist()
        parts.append(f"{len(ids)} without follow-up IgG (listed, no nadir: {_some(ids)})")
    for key, noun, text in (
        ("measurements_before_day0", "measurement", "before day 0 (baseline only)"),
        ("measurements_after_until", "measurement", "after --until not used"),
        ("events_before_day0", "event", "before day 0 not counted"),
        ("events_after_until", "event", "after --until not counted"),
    ):
        if p[key]:
            parts.append(f"{_n(p[key], noun)} {text}")
    if patients.min_grade is not None:
        below, ungraded = p.get("infections_below_min_grade", 0), p.get("infections_without_grade", 0)
        if below or ungraded:
            parts.append(
                f"{_n(below + ungraded, 'infection')} left out by --min-grade {patients.min_grade} ({below} below "
                f"grade {patients.min_grade}, {ungraded} without a grade; their days still count for follow-up)"
            )
    if p.get("events_after_death"):
        ids = patients.patient_ids.get("events_after_death", [])
        parts.append(
            f"{_n(p['events_after_death'], 'event')} after the patient's death not counted "
            f"(follow-up ends at the death: {_some(ids)})"
        )
    if excluded:
        parts.append(f"{_n(excluded, 'patient')} in other cohorts left out")
    return printable("; ".join(parts))  # IDs, cohorts and the path are the file's text: shown, never run
