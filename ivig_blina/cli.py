"""The ``ivigblina`` command: parse options, call the library, render, map errors to exit codes.

pandas, scipy and pyarrow are imported inside the commands so that ``ivigblina --help`` stays
instant. A user's mistake in the data is one line on stderr and exit 1; a bad option exits 2.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass
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


def _check_level(value: float) -> float:
    if not 0 < value < 1:
        raise typer.BadParameter(f"expected a level between 0 and 1 (e.g. 0.95), got {value}")
    return value


def _check_delimiter(value: str | None) -> str | None:
    if value is None:
        return None
    value = {"\\t": "\t", "tab": "\t"}.get(value, value)
    if value not in (",", ";", "\t", "|"):
        raise typer.BadParameter(f"expected one of , ; tab |, got '{value}'")
    return value


def _check_decimal(value: str) -> str:
    if value not in (".", ","):
        raise typer.BadParameter(f"expected . or , got '{value}'")
    return value


def _check_today(value: str | None):
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got '{value}'") from None


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
Encoding = Annotated[str, typer.Option("--encoding", help="Text encoding of the file (e.g. latin-1, utf-16).")]
Delimiter = Annotated[Optional[str], typer.Option("--delimiter", callback=_check_delimiter, show_default=False,
                                                  help="Field delimiter: , ; tab or | (default: detected).")]
Decimal = Annotated[str, typer.Option("--decimal", callback=_check_decimal, help="Decimal mark of numbers: . or ,")]
MaxField = Annotated[int, typer.Option("--max-field-size", min=1, help="Longest field accepted, in characters.")]
Today = Annotated[Optional[str], typer.Option("--today", callback=_check_today, show_default=False,
                                              help="The date taken as today (YYYY-MM-DD); later dates are refused.")]
Strict = Annotated[bool, typer.Option("--strict", help="Refuse any skipped row or input warning (duplicates, "
                                                       "blank rows, censored values, events before day 0).")]
ExcludeAfterIvig = Annotated[Optional[float], typer.Option(
    "--exclude-after-ivig", min=0, show_default=False,
    help="Leave out of the follow-up window IgG drawn on the day of an IVIG dose or up to DAYS after it.")]
BaselineWindow = Annotated[Optional[float], typer.Option(
    "--baseline-window", min=0, show_default=False, help="A baseline lies at most DAYS before day 0 (default: any).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
Output = Annotated[Optional[str], typer.Option("--output", "-o", show_default=False,
                                               help="Write to this file (atomically) instead of stdout.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No input summary or warnings on stderr.")]
PluginOpt = Annotated[Optional[list[str]], typer.Option("--plugin", help="A Python file of Statistic subclasses to "
                                                         "register (repeatable).", show_default=False)]


@dataclass
class _Input:
    """The options every data command shares."""

    file: str
    patient_col: str
    cohort_col: str
    day_col: str
    igg_col: str | None
    units: Units
    until: float | None
    hgg_threshold: float
    encoding: str
    delimiter: str | None
    decimal: str
    max_field_size: int
    today: object
    strict: bool
    exclude_after_ivig: float | None = None
    baseline_window: float | None = None

    def read(self, require_cohort: bool):
        """Read, validate and reduce to the per-patient table."""
        from ivig_blina.csvfile import Dialect
        from ivig_blina.patients import check_strict, per_patient
        from ivig_blina.reader import Columns, read_cohort

        columns = Columns(patient=self.patient_col, cohort=self.cohort_col, day=self.day_col, igg=self.igg_col,
                          units=self.units.value)
        dialect = Dialect(encoding=self.encoding, delimiter=self.delimiter, decimal=self.decimal,
                          max_field=self.max_field_size)
        obs = read_cohort(self.file, columns, dialect, require_cohort=require_cohort, today=self.today)
        patients = per_patient(obs, until=self.until, hgg_threshold=self.hgg_threshold,
                               exclude_after_ivig=self.exclude_after_ivig, baseline_window=self.baseline_window)
        if self.strict:
            check_strict(obs, patients)
        return obs, patients

    def meta_options(self) -> dict:
        return {"until": self.until, "hgg_threshold": self.hgg_threshold, "patient_col": self.patient_col,
                "cohort_col": self.cohort_col, "day_col": self.day_col, "igg_col": self.igg_col,
                "units": self.units.value, "strict": self.strict, "exclude_after_ivig": self.exclude_after_ivig,
                "baseline_window": self.baseline_window}


def _parse_landmarks(value: str):
    try:
        days = tuple(float(x) for x in value.split(",") if x.strip())
    except ValueError:
        raise typer.BadParameter(f"expected days separated by commas (e.g. 30,90,180), got '{value}'") from None
    if not days or any(d < 0 for d in days):
        raise typer.BadParameter(f"expected one or more days >= 0, got '{value}'")
    return days


def _parse_groups(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    names = [x.strip() for x in value.split(",")]
    if len(names) != 2 or not all(names) or names[0] == names[1]:
        raise typer.BadParameter(f"expected two different cohort names as A,B, got '{value}'", param_hint="--groups")
    return names[0], names[1]


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


@contextmanager
def _user_errors():
    """Print a user's error as one line on stderr and exit 1."""
    try:
        yield
    except IvigBlinaError as e:
        print(f"ivigblina: error: {e}", file=sys.stderr)
        raise typer.Exit(1) from None


def _registry(plugins: list[str] | None):
    from ivig_blina.stats import Registry

    with _user_errors():
        return Registry.standard(plugin_files=plugins or [])


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


def _emit(rendered, output: str | None, source: str | None = None) -> None:
    """Write a text or a Rich renderable to stdout, or atomically to ``output``."""
    from ivig_blina.output import render_text, write_atomically

    if output is None:
        if isinstance(rendered, str):
            sys.stdout.write(rendered)
        else:
            from rich.console import Console

            console = Console()
            Console(width=max(console.width, _width(rendered))).print(rendered)
        return
    with _user_errors():
        write_atomically(output, render_text(rendered), source)


def _width(renderable) -> int:
    from rich.console import Console

    console = Console()
    return console.measure(renderable, options=console.options.update(max_width=10_000)).maximum


def _rows_out(rows: list[dict], columns: list[str], format: Format, output: str | None, source: str | None) -> None:
    import io

    from ivig_blina.render import rows_table, write_rows

    if format is Format.table:
        _emit(rows_table(rows, columns), output, source)
        return
    buffer = io.StringIO()
    write_rows(rows, columns, format.value, buffer)
    _emit(buffer.getvalue(), output, source)


def _warn(message: str, quiet: bool) -> None:
    if not quiet:
        print(message, file=sys.stderr)


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
    exclude_after_ivig: ExcludeAfterIvig = None,
    baseline_window: BaselineWindow = None,
    encoding: Encoding = "utf-8",
    delimiter: Delimiter = None,
    decimal: Decimal = ".",
    max_field_size: MaxField = 10_000,
    today: Today = None,
    strict: Strict = False,
    format: FormatOpt = Format.table,
    output: Output = None,
    quiet: Quiet = False,
):
    from ivig_blina.patients import FOLLOW_UP_COLUMNS, IGG_COLUMNS
    from ivig_blina.render import plain
    from ivig_blina.summary import input_summary

    source = _Input(file, patient_col, cohort_col, day_col, igg_col, units, until, hgg_threshold, encoding,
                    delimiter, decimal, max_field_size, today, strict, exclude_after_ivig, baseline_window)
    with _user_errors():
        obs, patients = source.read(require_cohort=False)
    columns = IGG_COLUMNS + patients.event_outcomes + FOLLOW_UP_COLUMNS
    rows = [{k: plain(v) for k, v in row.items()} for row in patients.table[columns].to_dict("records")]
    _warn(input_summary(obs, patients), quiet)
    _rows_out(rows, columns, format, output, file)


@app.command(help="Compare two cohorts on IgG nadir, days to nadir, HGG and every event outcome, first group "
                  "against second. Defaults: Mann-Whitney U with the Hodges-Lehmann shift (as R's wilcox.test) "
                  "and Fisher's exact test with the conditional MLE odds ratio (as R's fisher.test); every binary "
                  "row also gives the risk difference with Newcombe's hybrid score interval.\n" + DEFINITIONS)
def compare(
    file: FileArg,
    groups: Annotated[Optional[str], typer.Option("--groups", help="The two cohorts to compare, as A,B (that order).",
                                                  show_default=False)] = None,
    test: Annotated[Optional[list[str]], typer.Option(
        "--test", help="Statistic per kind, as KIND=NAME with KIND continuous, binary, time-to-event or rate "
                       "(repeatable; see 'ivigblina tests'). Defaults: continuous=mann-whitney, binary=fisher, "
                       "time-to-event=log-rank (gray with --competing-risk), rate=poisson-exact.",
        show_default=False)] = None,
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
    landmarks: Annotated[str, typer.Option("--landmarks", callback=_parse_landmarks,
                                           help="Days at which to report the infection-free proportion "
                                                "(or cumulative incidence).")] = "30,90,180",
    competing_risk: Annotated[bool, typer.Option("--competing-risk", help="Deaths without infection are a "
                                                 "competing event: cumulative incidence and Gray's test.")] = False,
    patient_col: PatientCol = "patient_id",
    cohort_col: CohortCol = "cohort",
    day_col: DayCol = "day",
    igg_col: IggCol = None,
    units: UnitsOpt = Units.mg_dl,
    until: Until = None,
    hgg_threshold: Threshold = 400.0,
    exclude_after_ivig: ExcludeAfterIvig = None,
    baseline_window: BaselineWindow = None,
    encoding: Encoding = "utf-8",
    delimiter: Delimiter = None,
    decimal: Decimal = ".",
    max_field_size: MaxField = 10_000,
    today: Today = None,
    strict: Strict = False,
    format: FormatOpt = Format.table,
    output: Output = None,
    quiet: Quiet = False,
):
    import io
    import json

    from ivig_blina.compare import choose_groups, compare as run_compare
    from ivig_blina.render import comparison_json, comparison_rows, comparison_table, wide_columns, write_rows
    from ivig_blina.stats import UnknownStatistic
    from ivig_blina.summary import input_counts, input_summary

    chosen = _parse_groups(groups)
    tests = _parse_tests(test)
    registry = _registry(plugin)
    for kind, name in tests.items():
        try:
            registry.get(name, kind)
        except UnknownStatistic as e:
            raise typer.BadParameter(str(e), param_hint="--test") from None
    source = _Input(file, patient_col, cohort_col, day_col, igg_col, units, until, hgg_threshold, encoding,
                    delimiter, decimal, max_field_size, today, strict, exclude_after_ivig, baseline_window)
    with _user_errors():
        obs, patients = source.read(require_cohort=True)
        pair = choose_groups(patients.table.cohort, chosen, obs.path)
        with _progress(not quiet and sys.stderr.isatty()) as progress:
            result = run_compare(patients, pair, tests=tests, alternative=alternative.value,
                                 confidence_level=confidence, adjust=adjust.value, registry=registry,
                                 options={"permutations": permutations, "seed": seed, "progress": progress},
                                 landmarks=landmarks, competing_risk=competing_risk)
    _warn(input_summary(obs, patients, result.excluded_patients), quiet)
    for o in result.outcomes:
        for w in o.warnings:
            _warn(f"ivigblina: warning: {o.outcome}: {w}", quiet)
    if format is Format.table:
        _emit(comparison_table(result), output, file)
    elif format is Format.json:
        meta = {"version": __version__, "input": obs.path, "input_sha256": obs.sha256,
                "options": {"groups": list(pair), **source.meta_options(), "plugins": plugin or [],
                            "permutations": permutations, "seed": seed, **result.options}}
        document = comparison_json(result, input_counts=input_counts(obs, patients, result.excluded_patients),
                                   meta=meta)
        _emit(json.dumps(document, indent=2) + "\n", output, file)
    else:
        buffer = io.StringIO()
        write_rows(comparison_rows(result), wide_columns(result), format.value, buffer)
        _emit(buffer.getvalue(), output, file)


@app.command("tests", help="List the statistics: name, kind, description and where each came from.")
def list_tests(plugin: PluginOpt = None, format: FormatOpt = Format.table, output: Output = None):
    rows = [{"name": name, "kind": e.cls.kind, "description": e.cls.description, "origin": e.origin}
            for name, e in _registry(plugin).entries.items()]
    _rows_out(rows, ["name", "kind", "description", "origin"], format, output, None)


def _version(value: bool) -> None:
    if value:
        print(f"ivigblina {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False):
    """Compare two cohorts' IgG courses and infection outcomes from one long-format CSV."""


def main() -> None:
    app(prog_name="ivigblina")
