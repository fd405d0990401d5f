"""The ``ivigblina`` command: parse options, call the library, render, map errors to exit codes.

pandas and scipy are imported inside the commands so that ``ivigblina --help`` stays instant.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Optional

import typer

from ivig_blina import __version__
from ivig_blina.errors import IvigBlinaError

DEFINITIONS = """
Definitions: the follow-up window holds measurements with day >= 0 (and day <= --until).
The nadir is the lowest IgG in the window, ties to the earliest day; days to nadir is that day.
The baseline is the last measurement with day <= 0 (the lowest if several share that day);
pre-treatment values never count as the nadir. HGG: nadir below --hgg-threshold mg/dL.
Events count as outcomes only on or after day 0 (and up to --until).
"""

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  rich_markup_mode=None,
                  help="Compare two cohorts' IgG courses and infection outcomes from one long-format CSV.")


class Format(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


class Units(str, Enum):
    mg_dl = "mg/dL"
    g_l = "g/L"


FileArg = Annotated[str, typer.Argument(help="Long-format cohort CSV, or - for standard input.", show_default=False)]
PatientCol = Annotated[str, typer.Option("--patient-col", help="Column of patient IDs.")]
CohortCol = Annotated[str, typer.Option("--cohort-col", help="Column of cohort (group) names.")]
DayCol = Annotated[str, typer.Option("--day-col", help="Column of days since the first dose (else date + start_date).")]
IggCol = Annotated[Optional[str], typer.Option("--igg-col", help="Column of IgG values (default: igg_mg_dl or igg_g_l).",
                                               show_default=False)]
UnitsOpt = Annotated[Units, typer.Option("--units", help="Units of --igg-col.")]
Until = Annotated[Optional[float], typer.Option("--until", help="Last day of the follow-up window (default: none).",
                                                show_default=False)]
Threshold = Annotated[float, typer.Option("--hgg-threshold", help="HGG: nadir below this many mg/dL.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No summary of the input on stderr.")]


def _parse_groups(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    names = [x.strip() for x in value.split(",")]
    if len(names) != 2 or not all(names) or names[0] == names[1]:
        raise typer.BadParameter(f"expected two different cohort names as A,B, got '{value}'")
    return names[0], names[1]


@contextmanager
def _user_errors():
    """Print a user's error as one line on stderr and exit 1."""
    try:
        yield
    except IvigBlinaError as e:
        print(f"ivigblina: error: {e}", file=sys.stderr)
        raise typer.Exit(1) from None


def _read(file, patient_col, cohort_col, day_col, igg_col, units, until, hgg_threshold, require_cohort):
    from ivig_blina.patients import per_patient
    from ivig_blina.reader import Columns, read_cohort

    columns = Columns(patient=patient_col, cohort=cohort_col, day=day_col, igg=igg_col, units=units.value)
    obs = read_cohort(file, columns, require_cohort=require_cohort)
    return obs, per_patient(obs, until=until, hgg_threshold=hgg_threshold)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _summary(obs, patients, excluded: int = 0) -> str:
    c, p = obs.counts, patients.counts
    by_cohort = patients.table.cohort.value_counts().sort_index()
    groups = ", ".join(f"{g or '(none)'} {n}" for g, n in by_cohort.items())
    parts = [f"{obs.path}: {_n(c['rows'], 'row')}, {_n(p['patients'], 'patient')} ({groups})"]
    if c["blank_rows"]:
        parts.append(f"{_n(c['blank_rows'], 'blank row')} skipped")
    if p["patients_without_nadir"]:
        ids = patients.table.patient_id[patients.table.nadir_igg.isna()].tolist()
        shown = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
        parts.append(f"{len(ids)} without follow-up IgG (listed, no nadir: {shown})")
    for key, noun, text in (("measurements_before_day0", "measurement", "before day 0 (baseline only)"),
                            ("measurements_after_until", "measurement", "after --until not used"),
                            ("events_before_day0", "event", "before day 0 not counted"),
                            ("events_after_until", "event", "after --until not counted")):
        if p[key]:
            parts.append(f"{_n(p[key], noun)} {text}")
    if excluded:
        parts.append(f"{_n(excluded, 'patient')} in other cohorts left out")
    return "; ".join(parts)


def _emit(text_or_table) -> None:
    if isinstance(text_or_table, str):
        sys.stdout.write(text_or_table)
    else:
        from rich.console import Console

        console = Console()
        needed = console.measure(text_or_table, options=console.options.update(max_width=10_000)).maximum
        (Console(width=needed) if needed > console.width else console).print(text_or_table)


@app.command(help="One row per patient: baseline, nadir, days to nadir, HGG and outcome events.\n" + DEFINITIONS)
def nadir(
    file: FileArg,
    patient_col: PatientCol = "patient_id",
    cohort_col: CohortCol = "cohort",
    day_col: DayCol = "day",
    igg_col: IggCol = None,
    units: UnitsOpt = Units.mg_dl,
    until: Until = None,
    hgg_threshold: Threshold = 400.0,
    format: FormatOpt = Format.table,
    quiet: Quiet = False,
):
    import io

    from ivig_blina.patients import IGG_COLUMNS
    from ivig_blina.render import plain, rows_table, write_rows

    with _user_errors():
        obs, patients = _read(file, patient_col, cohort_col, day_col, igg_col, units, until, hgg_threshold,
                              require_cohort=False)
    columns = IGG_COLUMNS + patients.event_outcomes
    rows = [{k: plain(v) for k, v in row.items()} for row in patients.table[columns].to_dict("records")]
    if not quiet:
        print(_summary(obs, patients), file=sys.stderr)
    if format is Format.table:
        _emit(rows_table(rows, columns))
    else:
        buffer = io.StringIO()
        write_rows(rows, columns, format.value, buffer)
        _emit(buffer.getvalue())


@app.command(help="Compare two cohorts on IgG nadir, days to nadir, HGG and every event outcome.\n"
                  "Mann-Whitney U (as R's wilcox.test) for continuous outcomes, Fisher's exact test "
                  "(as R's fisher.test) for binary ones; first group against second.\n" + DEFINITIONS)
def compare(
    file: FileArg,
    groups: Annotated[Optional[str], typer.Option("--groups", help="The two cohorts to compare, as A,B (that order).",
                                                  show_default=False)] = None,
    patient_col: PatientCol = "patient_id",
    cohort_col: CohortCol = "cohort",
    day_col: DayCol = "day",
    igg_col: IggCol = None,
    units: UnitsOpt = Units.mg_dl,
    until: Until = None,
    hgg_threshold: Threshold = 400.0,
    format: FormatOpt = Format.table,
    quiet: Quiet = False,
):
    import io
    import json

    from ivig_blina.compare import choose_groups, compare as run_compare
    from ivig_blina.render import WIDE_COLUMNS, comparison_json, comparison_rows, comparison_table, write_rows

    chosen = _parse_groups(groups)
    with _user_errors():
        obs, patients = _read(file, patient_col, cohort_col, day_col, igg_col, units, until, hgg_threshold,
                              require_cohort=True)
        pair = choose_groups(patients.table.cohort, chosen, obs.path)
        result = run_compare(patients, pair)
    if not quiet:
        print(_summary(obs, patients, result.excluded_patients), file=sys.stderr)
        for o in result.outcomes:
            for w in o.warnings:
                print(f"ivigblina: warning: {o.outcome}: {w}", file=sys.stderr)
    if format is Format.table:
        _emit(comparison_table(result))
        return
    if format is Format.json:
        meta = {"version": __version__, "input": obs.path, "input_sha256": obs.sha256,
                "options": {"groups": list(pair), "until": until, "hgg_threshold": hgg_threshold,
                            "patient_col": patient_col, "cohort_col": cohort_col, "day_col": day_col,
                            "igg_col": igg_col, "units": units.value, **result.options}}
        counts = {**obs.counts, **patients.counts, "patients_in_other_cohorts": result.excluded_patients}
        _emit(json.dumps(comparison_json(result, input_counts=counts, meta=meta), indent=2) + "\n")
        return
    buffer = io.StringIO()
    write_rows(comparison_rows(result), WIDE_COLUMNS, format.value, buffer)
    _emit(buffer.getvalue())


def main() -> None:
    app(prog_name="ivigblina")
