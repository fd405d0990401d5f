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


class Alternative(str, Enum):
    two_sided = "two-sided"
    less = "less"
    greater = "greater"


class Adjust(str, Enum):
    none = "none"
    holm = "holm"
    bonferroni = "bonferroni"
    bh = "bh"


class Units(str, Enum):
    mg_dl = "mg/dL"
    g_l = "g/L"


FileArg = Annotated[str, typer.Argument(metavar="FILE", help="Long-format cohort CSV, or - for standard input.",
                                           show_default=False)]
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


def _check_level(value: float) -> float:
    if not 0 < value < 1:
        raise typer.BadParameter(f"expected a level between 0 and 1 (e.g. 0.95), got {value}")
    return value


def _parse_tests(values: list[str] | None) -> dict[str, str]:
    from ivig_blina.stats import KINDS

    chosen = {}
    for value in values or []:
        kind, _, name = value.partition("=")
        if kind.strip() not in KINDS or not name.strip():
            raise typer.BadParameter(f"expected KIND=NAME with KIND one of {', '.join(KINDS)}, got '{value}'",
                                     param_hint="--test")
        chosen[kind.strip()] = name.strip()
    return chosen


def _registry(plugins: list[str] | None):
    from ivig_blina.stats import Registry

    with _user_errors():
        return Registry.standard(plugin_files=plugins or [])


PluginOpt = Annotated[Optional[list[str]], typer.Option("--plugin", help="A Python file of Statistic subclasses to "
                                                         "register (repeatable).", show_default=False)]


@contextmanager
def _progress(enabled: bool):
    """A progress callback for long statistics, drawn as a Rich bar on stderr."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        tasks = {}

        def update(done: int, total: int) -> None:
            if "task" not in tasks:
                tasks["task"] = bar.add_task("permutations", total=total)
            bar.update(tasks["task"], completed=done, total=total)

        yield update


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
    test: Annotated[Optional[list[str]], typer.Option(
        "--test", help="Statistic per kind, as continuous=NAME or binary=NAME (repeatable; see 'ivigblina tests'). "
                       "Default: continuous=mann-whitney, binary=fisher.", show_default=False)] = None,
    plugin: PluginOpt = None,
    alternative: Annotated[Alternative, typer.Option("--alternative", help="First group against second.")]
    = Alternative.two_sided,
    confidence: Annotated[float, typer.Option("--confidence", callback=_check_level,
                                              help="Confidence level of every interval.")] = 0.95,
    adjust: Annotated[Adjust, typer.Option("--adjust", help="Multiplicity adjustment over the outcomes' P values "
                                                            "(an extra column; raw P values stay).")] = Adjust.none,
    permutations: Annotated[int, typer.Option("--permutations", min=1,
                                              help="Random splits of the permutation test when exact "
                                                   "enumeration is too large.")] = 9999,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the permutation test's random splits.")] = 1,
    format: FormatOpt = Format.table,
    quiet: Quiet = False,
):
    import io
    import json

    from ivig_blina.compare import DEFAULT_TESTS, choose_groups, compare as run_compare
    from ivig_blina.render import WIDE_COLUMNS, comparison_json, comparison_rows, comparison_table, write_rows
    from ivig_blina.stats import UnknownStatistic

    chosen = _parse_groups(groups)
    tests = {**DEFAULT_TESTS, **_parse_tests(test)}
    registry = _registry(plugin)
    for kind, name in tests.items():
        try:
            registry.get(name, kind)
        except UnknownStatistic as e:
            raise typer.BadParameter(str(e), param_hint="--test") from None
    with _user_errors():
        obs, patients = _read(file, patient_col, cohort_col, day_col, igg_col, units, until, hgg_threshold,
                              require_cohort=True)
        pair = choose_groups(patients.table.cohort, chosen, obs.path)
        with _progress(not quiet and sys.stderr.isatty()) as progress:
            result = run_compare(patients, pair, tests=tests, alternative=alternative.value,
                                 confidence_level=confidence, adjust=adjust.value, registry=registry,
                                 options={"permutations": permutations, "seed": seed, "progress": progress})
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
                            "igg_col": igg_col, "units": units.value, "plugins": plugin or [],
                            "permutations": permutations, "seed": seed, **result.options}}
        counts = {**obs.counts, **patients.counts, "patients_in_other_cohorts": result.excluded_patients}
        _emit(json.dumps(comparison_json(result, input_counts=counts, meta=meta), indent=2) + "\n")
        return
    buffer = io.StringIO()
    write_rows(comparison_rows(result), WIDE_COLUMNS, format.value, buffer)
    _emit(buffer.getvalue())


@app.command("tests", help="List the statistics: name, kind, description and where each came from.")
def list_tests(plugin: PluginOpt = None, format: FormatOpt = Format.table):
    rows = [{"name": name, "kind": e.cls.kind, "description": e.cls.description, "origin": e.origin}
            for name, e in _registry(plugin).entries.items()]
    columns = ["name", "kind", "description", "origin"]
    if format is Format.table:
        from ivig_blina.render import rows_table

        _emit(rows_table(rows, columns))
    else:
        import io

        from ivig_blina.render import write_rows

        buffer = io.StringIO()
        write_rows(rows, columns, format.value, buffer)
        _emit(buffer.getvalue())


def main() -> None:
    app(prog_name="ivigblina")
