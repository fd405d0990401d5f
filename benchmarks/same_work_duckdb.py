"""The same work as `ivigblina nadir FILE --format csv`, written independently in DuckDB SQL.

    python benchmarks/same_work_duckdb.py FILE OUT.csv

The benchmark's fair peer (issue 19): it reads the file, makes the checks ivigblina's reader
makes that decide whether the file is refused or what a patient's row holds, and writes every
per-patient column `ivigblina nadir` writes (default options), one row per patient. It exits 1
with the reason when ivigblina would refuse the file. What it does not do is said at the end of
this docstring. It shares no code with ivig_blina: the definitions come from the README
("Definitions", "Input"), so that a disagreement found by bench_nadir.py's patient-by-patient
check is a finding about one of the two.

Reading: every column as text (DuckDB's CSV reader: quoting, ragged rows and invalid UTF-8 are
errors); headers matched without regard to case or surrounding spaces; each value trimmed of
Unicode white space (the characters Python's ``str.isspace`` names, as Arrow's trim); event
labels and cohort names without invisible format characters (Unicode category Cf) and trimmed
again; event labels in lower case.

Checks that refuse the file (exit 1), as ivigblina's reader: an empty patient ID; a field longer
than 10,000 characters; an IgG (after a leading ``<`` or ``>``, which censors it) or a day that
is not a number or not finite; a negative IgG; a row with an IgG or an event and no day; a day
more than 36,500 days from day 0; a patient in two cohorts; an event label that is the name of
a computed column, or within two edits of a known label without being one; more than 100
outcomes. Counted and said on stderr: blank rows, duplicate rows (equal text in every column
read, after trimming; one copy stays), rows that only list a patient, censored values,
same-day conflicts (two different IgG values on one patient day), events before day 0 and
events after the patient's death, and the median IgG when it is implausible in mg/dL.

Per patient (README "Definitions"; the file's IgG is in mg/dL, the threshold 400 mg/dL):
baseline (last measurement on a day <= 0, the lowest on that day) and its day; nadir (lowest
IgG on a day >= 0, a censored <X below X below >X, then the earliest day), its day and flag;
measurements in the window; HGG; the relative drop; the first day below the threshold; days
and area below it (linear interpolation between measurement days, the lowest value of a day);
IVIG doses in the window; days since the last dose at the nadir; a flag per outcome label; the
first infection day; follow-up days; time to infection and its status; infection episodes.
Event rows on a day after the first death in the window count for nothing.

Not done (ivigblina does them; none changes a number on the benchmark's files): Unicode NFKC
normalisation of labels and cohorts (DuckDB has NFC only), line numbers in messages, dates
instead of days, g/L input, --event-map/--cohort-map, covariates, grades and pathogens, and
the median check refusing a file (the header names mg/dL, so it is a note).
"""

from __future__ import annotations

import csv
import sys

KNOWN = ("infection", "infection_icu", "infection_death", "death", "ivig", "last_follow_up")
INFECTIONS = ("infection", "infection_icu", "infection_death")
NOT_OUTCOMES = ("ivig", "last_follow_up")
RESERVED = (  # the names of computed columns and outcomes: a label may not take one
    "patient_id cohort baseline_igg baseline_day nadir_igg nadir_day nadir_censored n_measurements hgg pct_drop "
    "days_to_hgg days_below_threshold area_below_threshold ivig_doses days_since_ivig_at_nadir "
    "first_infection_day death_day follow_up_days infection_time infection_status infection_episodes "
    "events_after_death igg_nadir days_to_nadir time_to_infection infection_rate"
).split()
THRESHOLD = 400.0  # mg/dL
MAX_DAY = 36500
MAX_FIELD = 10_000
MAX_OUTCOMES = 100
ROLES = ("patient_id", "cohort", "day", "igg_mg_dl", "event")
WHITE = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
NO_NULL = "\u2400 no value is this \u2400"  # DuckDB reads an empty field as NULL unless told another text is


def sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sql_list(items) -> str:
    return "[" + ", ".join(sql_text(i) for i in items) + "]"


def trimmed(column: str) -> str:
    """A value without surrounding Unicode white space. ``trim`` with a set of characters costs
    about 2 microseconds a call, so only values that start or end with one of them are trimmed."""
    white = sql_text(WHITE)
    return (
        f"CASE WHEN {column} <> '' AND (contains({white}, left({column}, 1)) OR contains({white}, right({column}, 1))) "
        f"THEN trim({column}, {white}) ELSE {column} END"
    )


def visible(column: str) -> str:
    """A trimmed label as seen: without invisible format characters (only a label that is not
    ASCII can hold one), trimmed again."""
    return (
        f"CASE WHEN strlen({column}) = length({column}) THEN {column} "
        f"ELSE trim(regexp_replace({column}, '\\p{{Cf}}', '', 'g'), {sql_text(WHITE)}) END"
    )


def header_names(src: str) -> dict[str, str]:
    """Each role's column as the file spells it (headers matched without regard to case or
    surrounding spaces)."""
    with open(src, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    spelt = {h.strip().lower(): h for h in header}
    missing = [r for r in ROLES if r not in spelt and r not in ("cohort", "event")]
    if missing:
        sys.exit(f"refused: missing column {missing[0]}")
    return {r: spelt.get(r) for r in ROLES}


def run(src: str, dst: str) -> None:
    import duckdb

    names = header_names(src)
    db = duckdb.connect()

    def col(role: str) -> str:
        return '"' + names[role].replace('"', '""') + '"' if names[role] else "''"

    # 1. Every row as trimmed text (empty fields as empty strings, not NULL: no value is the
    # sentinel); blank rows (every column read empty) are left out and counted below.
    db.execute(f"""
        CREATE TEMP TABLE text_rows AS
        SELECT {trimmed(col("patient_id"))} AS patient_id, {trimmed(col("cohort"))} AS cohort,
               {trimmed(col("day"))} AS day_text, {trimmed(col("igg_mg_dl"))} AS igg_text,
               {trimmed(col("event"))} AS event
        FROM read_csv({sql_text(src)}, header = true, all_varchar = true, delim = ',', quote = '"',
                      escape = '"', nullstr = {sql_text(NO_NULL)})
    """)
    counts = {}
    (counts["rows"],) = db.execute("SELECT count(*) FROM text_rows").fetchone()
    # 2. Distinct rows (duplicates: equal text in every column read), each parsed once.
    db.execute(
        f"""
        CREATE TEMP TABLE distinct_rows AS
        SELECT *, TRY_CAST(day_text AS DOUBLE) AS day, TRY_CAST(igg_number AS DOUBLE) AS igg
        FROM (
            SELECT patient_id, {visible("cohort")} AS cohort, day_text, igg_text, lower({visible("event")}) AS event,
                   count(*) AS copies,
                   CASE WHEN left(igg_text, 1) IN ('<', '>') THEN left(igg_text, 1) ELSE '' END AS censored,
                   CASE WHEN left(igg_text, 1) IN ('<', '>') THEN trim(igg_text[2:], $white) ELSE igg_text END
                       AS igg_number
            FROM text_rows
            WHERE patient_id <> '' OR cohort <> '' OR day_text <> '' OR igg_text <> '' OR event <> ''
            GROUP BY ALL
        )
        """,
        {"white": WHITE},
    )
    db.execute("DROP TABLE text_rows")

    # 3. The checks that refuse a file, and what is counted, in one pass over the distinct rows.
    refusals = {
        "an empty patient ID": "patient_id = ''",
        f"a field longer than {MAX_FIELD:,} characters": " OR ".join(
            f"length({c}) > {MAX_FIELD}" for c in ("patient_id", "cohort", "day_text", "igg_text", "event")
        ),
        "an IgG that is not a number": "igg_number <> '' AND (igg IS NULL OR isnan(igg))",
        "an IgG that is not finite": "isinf(igg)",
        "a negative IgG": "igg < 0",
        "a day that is not a number": "day_text <> '' AND (day IS NULL OR isnan(day))",
        "a day that is not finite": "isinf(day)",
        "a row with an IgG or an event and no day": "(igg IS NOT NULL OR event <> '') AND day IS NULL",
        f"a day more than {MAX_DAY} days from day 0": f"abs(day) > {MAX_DAY}",
    }
    *found, labels, distinct, copies, listing, censored, median = db.execute(f"""
        SELECT {", ".join(f"count(*) FILTER ({condition})" for condition in refusals.values())},
               list(DISTINCT event) FILTER (event <> ''), count(*), sum(copies),
               count(*) FILTER (igg IS NULL AND event = ''),
               count(*) FILTER (censored <> '' AND (igg IS NOT NULL OR event <> '')),
               quantile_disc(igg, 0.5)
        FROM distinct_rows
    """).fetchone()
    for what, n in zip(refusals, found):
        if n:
            sys.exit(f"refused: {what}")
    labels = sorted(labels or [])
    others = [label for label in labels if label not in INFECTIONS and label not in NOT_OUTCOMES]
    if len(INFECTIONS) + len(others) > MAX_OUTCOMES:
        sys.exit(f"refused: more than {MAX_OUTCOMES} outcomes")
    (bad_label,) = db.execute(
        f"""SELECT count(*) FROM (SELECT unnest($labels) AS label)
            WHERE NOT list_contains({sql_list(KNOWN)}, label)
              AND (list_contains({sql_list(RESERVED)}, label)
                   OR list_bool_or(list_transform({sql_list(KNOWN)}, lambda k: levenshtein(label, k) <= 2)))""",
        {"labels": labels or [""]},
    ).fetchone()
    if bad_label:
        sys.exit("refused: an event label named like a computed column, or a misspelt known label")
    counts.update(
        blank_rows=counts["rows"] - copies,
        duplicate_rows=copies - distinct,
        patient_only_rows=listing,
        censored_values=censored,
    )
    if median is not None and not 30 <= median <= 6000:
        print(f"note: the median IgG, {median:g} mg/dL, is outside 30-6,000 mg/dL", file=sys.stderr)

    # 4. Per patient, in one pass over the distinct rows: the cohort (refused if two), the day of
    # the rows that only list the patient, baseline, nadir, the first day below the threshold,
    # the death that ends follow-up, the last day of a row with an IgG or an event.
    measured = "igg IS NOT NULL"
    in_window = f"{measured} AND day >= 0"
    db.execute(f"""
        CREATE TEMP TABLE patients AS
        SELECT patient_id, max(cohort) AS cohort, min(cohort) FILTER (cohort <> '') <> max(cohort) AS two_cohorts,
               max(day) FILTER (igg IS NULL AND event = '') AS listed_day,
               arg_max(igg, (day, -igg)) FILTER ({measured} AND day <= 0) AS baseline_igg,
               max(day) FILTER ({measured} AND day <= 0) AS baseline_day,
               arg_min({{'igg': igg, 'day': day, 'censored': censored}},
                       (igg, CASE censored WHEN '<' THEN 0 WHEN '' THEN 1 ELSE 2 END, day)) FILTER ({in_window})
                   AS nadir,
               count(*) FILTER ({in_window}) AS n_measurements,
               min(day) FILTER ({in_window} AND (igg < {THRESHOLD} OR (censored = '<' AND igg <= {THRESHOLD})))
                   AS days_to_hgg,
               min(day) FILTER (event IN ('death', 'infection_death') AND day >= 0) AS death_day,
               max(greatest(day, 0)) FILTER ({measured} OR event <> '') AS last_day
        FROM distinct_rows GROUP BY patient_id
    """)
    if db.execute("SELECT bool_or(two_cohorts) FROM patients").fetchone()[0]:
        sys.exit("refused: a patient in two cohorts")

    # 5. The event rows, with the death that ends follow-up and the nadir's day: doses, outcome
    # flags, first infection, episodes; events after the death count for nothing.
    outcome_flags = ",\n".join(
        f"bool_or(counted AND event IN ({', '.join(map(sql_text, labels_of(o)))})) AS {quoted_name(o)}"
        for o in list(INFECTIONS) + others
    )
    db.execute(f"""
        CREATE TEMP TABLE events AS
        WITH marked AS (
            SELECT r.patient_id, r.day, r.event,
                   r.day >= 0 AND r.day > p.death_day AS after_death,
                   r.day >= 0 AND NOT coalesce(r.day > p.death_day, false) AS counted,
                   p.nadir.day AS nadir_day
            FROM distinct_rows r JOIN patients p USING (patient_id)
            WHERE r.event <> ''
        )
        SELECT patient_id,
               count(*) FILTER (event = 'ivig' AND counted) AS ivig_doses,
               max(day) FILTER (event = 'ivig' AND NOT coalesce(after_death, false) AND day <= nadir_day) AS last_dose,
               {outcome_flags},
               min(day) FILTER (counted AND event IN {tuple(INFECTIONS)}) AS first_infection_day,
               count(*) FILTER (counted AND event IN {tuple(INFECTIONS)}) AS infection_episodes,
               count(*) FILTER (day < 0) AS events_before_day0,
               count(*) FILTER (after_death) AS events_after_death
        FROM marked GROUP BY patient_id
    """)

    # 6. Each patient day's lowest and highest IgG: same-day conflicts, and the segments between
    # measurement days in the window, whose parts below the threshold add up to days and area.
    db.execute(f"""
        CREATE TEMP TABLE days AS
        SELECT patient_id, day, min(igg) AS lowest, max(igg) AS highest
        FROM distinct_rows WHERE {measured} GROUP BY patient_id, day
    """)
    db.execute("DROP TABLE distinct_rows")
    (counts["same_day_conflicts"],) = db.execute("SELECT count(*) FILTER (lowest <> highest) FROM days").fetchone()
    db.execute(f"""
        CREATE TEMP TABLE below AS
        WITH segments AS (
            SELECT patient_id, {THRESHOLD} - lowest AS now, {THRESHOLD} - lag(lowest) OVER w AS before,
                   day - lag(day) OVER w AS width  -- depths below the threshold (> 0 below)
            FROM days WHERE day >= 0 WINDOW w AS (PARTITION BY patient_id ORDER BY day)
        ), parts AS (
            SELECT patient_id, width, now, before,
                   width * greatest(now, before, 0) / abs(now - before) AS cross_time,
                   greatest(now, before, 0) AS deeper,
                   now > 0 AND before > 0 AS both_below, (now > 0) <> (before > 0) AS crossing
            FROM segments WHERE before IS NOT NULL
        )
        SELECT patient_id,
               sum(CASE WHEN both_below THEN width WHEN crossing THEN cross_time ELSE 0 END) AS days_below,
               sum(CASE WHEN both_below THEN width * (now + before) / 2
                        WHEN crossing THEN cross_time * deeper / 2 ELSE 0 END) AS area_below
        FROM parts GROUP BY patient_id
    """)

    # 7. The per-patient table, as `ivigblina nadir` orders it.
    flags = ", ".join(f"coalesce(e.{quoted_name(o)}, false) AS {quoted_name(o)}" for o in list(INFECTIONS) + others)
    follow_up = (
        "least(greatest(coalesce(p.last_day, 0), coalesce(greatest(p.listed_day, 0), 0)), "
        "coalesce(p.death_day, 'inf'::DOUBLE))"
    )
    db.execute(f"""
        COPY (
            SELECT p.patient_id, p.cohort, p.baseline_igg, p.baseline_day,
                   p.nadir.igg AS nadir_igg, p.nadir.day AS nadir_day, nullif(p.nadir.censored, '') AS nadir_censored,
                   p.n_measurements,
                   p.nadir.igg < {THRESHOLD} OR (p.nadir.censored = '<' AND p.nadir.igg <= {THRESHOLD}) AS hgg,
                   CASE WHEN p.baseline_igg > 0 THEN (p.baseline_igg - p.nadir.igg) / p.baseline_igg END AS pct_drop,
                   p.days_to_hgg, b.days_below AS days_below_threshold, b.area_below AS area_below_threshold,
                   coalesce(e.ivig_doses, 0) AS ivig_doses, p.nadir.day - e.last_dose AS days_since_ivig_at_nadir,
                   {flags},
                   e.first_infection_day, {follow_up} AS follow_up_days,
                   coalesce(e.first_infection_day, p.death_day, {follow_up}) AS infection_time,
                   CASE WHEN e.first_infection_day IS NOT NULL THEN 1 ELSE 0 END AS infection_status,
                   coalesce(e.infection_episodes, 0) AS infection_episodes
            FROM patients p LEFT JOIN events e USING (patient_id) LEFT JOIN below b USING (patient_id)
            ORDER BY p.cohort, p.patient_id
        ) TO {sql_text(dst)} (HEADER, DELIMITER ',')
    """)
    counts.update(
        zip(
            ("events_before_day0", "events_after_death"),
            db.execute(
                "SELECT coalesce(sum(events_before_day0), 0), coalesce(sum(events_after_death), 0) FROM events"
            ).fetchone(),
        )
    )
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()), file=sys.stderr)


def labels_of(outcome: str) -> tuple[str, ...]:
    """The event labels that count towards an outcome."""
    return {"infection": INFECTIONS, "death": ("death", "infection_death")}.get(outcome, (outcome,))


def quoted_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    run(sys.argv[1], sys.argv[2])
