"""Options of the ``ivigblina`` commands: choices, checks, and the input options every data
command shares (injected by :func:`with_input`)."""

from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass, fields, replace
from enum import Enum
from typing import Annotated, Optional

import typer


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


class Engine(str, Enum):
    pandas = "pandas"
    dask = "dask"


class Units(str, Enum):
    mg_dl = "mg/dL"
    g_l = "g/L"


def check_level(value: float) -> float:
    if not 0 < value < 1:
        raise typer.BadParameter(f"expected a level between 0 and 1 (e.g. 0.95), got {value}")
    return value


def _check_days(value: float | None) -> float | None:
    """A number of days: finite and not negative (Typer's min=0 lets NaN through)."""
    if value is not None and not 0 <= value < float("inf"):
        raise typer.BadParameter(f"expected a number of days >= 0, got {value}")
    return value


def _check_threshold(value: float) -> float:
    if not 0 < value < float("inf"):
        raise typer.BadParameter(f"expected a level in mg/dL above 0 (e.g. 400), got {value}")
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
Until = Annotated[Optional[float], typer.Option("--until", callback=_check_days,
                                                help="Last day of the follow-up window (default: none).",
                                                show_default=False)]
Threshold = Annotated[float, typer.Option("--hgg-threshold", callback=_check_threshold,
                                          help="HGG: nadir below this many mg/dL.")]
Encoding = Annotated[str, typer.Option("--encoding", help="Text encoding of the file (e.g. latin-1, utf-16).")]
Delimiter = Annotated[Optional[str], typer.Option("--delimiter", callback=_check_delimiter, show_default=False,
                                                  help="Field delimiter: , ; tab or | (default: detected).")]
Decimal = Annotated[str, typer.Option("--decimal", callback=_check_decimal, help="Decimal mark of numbers: . or ,")]
MaxField = Annotated[int, typer.Option("--max-field-size", min=1, help="Longest field accepted, in characters.")]
MaxColumns = Annotated[int, typer.Option("--max-columns", min=1, help="Most columns accepted in the header.")]
Today = Annotated[Optional[str], typer.Option("--today", callback=_check_today, show_default=False,
                                              help="The date taken as today (YYYY-MM-DD); later dates are refused.")]
Strict = Annotated[bool, typer.Option("--strict", help="Refuse any skipped row or input warning (duplicates, "
                                                       "blank rows, censored values, events before day 0).")]
ExcludeAfterIvig = Annotated[Optional[float], typer.Option(
    "--exclude-after-ivig", callback=_check_days, show_default=False,
    help="Leave out of the follow-up window IgG drawn on the day of an IVIG dose or up to DAYS after it.")]
BaselineWindow = Annotated[Optional[float], typer.Option(
    "--baseline-window", callback=_check_days, show_default=False,
    help="A baseline lies at most DAYS before day 0 (default: any).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
Output = Annotated[Optional[str], typer.Option("--output", "-o", show_default=False,
                                               help="Write to this file (atomically) instead of stdout.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No input summary or warnings on stderr.")]
PluginOpt = Annotated[Optional[list[str]], typer.Option("--plugin", help="A Python file of Statistic subclasses to "
                                                         "register (repeatable).", show_default=False)]



def check_figure_path(value: str) -> str:
    if not value.lower().endswith((".png", ".svg", ".pdf")):
        raise typer.BadParameter(f"expected a file name ending in .png, .svg or .pdf, got '{value}'")
    return value


EngineOpt = Annotated[Engine, typer.Option(
    "--engine", help="pandas: one file on this machine; dask: a directory or glob of CSV/Parquet partitions on a "
                     "Dask cluster (pip install 'ivig-blina[dask]').")]
Scheduler = Annotated[Optional[str], typer.Option(
    "--scheduler", show_default=False, help="With --engine dask: the address of a running Dask scheduler "
                                            "(default: a local cluster of two workers).")]
FigureOut = Annotated[str, typer.Option("--output", "-o", callback=check_figure_path,
                                        help="The figure file: .png, .svg or .pdf.")]
Groups = Annotated[Optional[str], typer.Option("--groups", help="The two cohorts to compare, as A,B (that order).",
                                               show_default=False)]


@dataclass
class Input:
    """The input options every data command shares, and reading with them."""

    file: Annotated[str, typer.Argument(metavar="FILE", help="Long-format cohort CSV, or - for standard input.",
                                        show_default=False)]
    patient_col: PatientCol = "patient_id"
    cohort_col: CohortCol = "cohort"
    day_col: DayCol = "day"
    igg_col: IggCol = None
    units: UnitsOpt = Units.mg_dl
    until: Until = None
    hgg_threshold: Threshold = 400.0
    exclude_after_ivig: ExcludeAfterIvig = None
    baseline_window: BaselineWindow = None
    encoding: Encoding = "utf-8"
    delimiter: Delimiter = None
    decimal: Decimal = "."
    max_field_size: MaxField = 10_000
    max_columns: MaxColumns = 10_000
    today: Today = None
    strict: Strict = False
    engine: EngineOpt = Engine.pandas
    scheduler: Scheduler = None

    def read(self, require_cohort: bool, keep_rows: bool = False):
        """Read, validate and reduce to the per-patient table. The observations keep their
        rows only with ``keep_rows``: the per-patient table is all most commands need, and the
        rows of a large file are most of the memory."""
        from ivig_blina.io.csvfile import Dialect
        from ivig_blina.errors import IvigBlinaError
        from ivig_blina.cohort.patients import check_strict, per_patient
        from ivig_blina.io.reader import Columns, read_cohort

        columns = Columns(patient=self.patient_col, cohort=self.cohort_col, day=self.day_col, igg=self.igg_col,
                          units=self.units.value)
        dialect = Dialect(encoding=self.encoding, delimiter=self.delimiter, decimal=self.decimal,
                          max_field=self.max_field_size, max_columns=self.max_columns)
        definitions = dict(until=self.until, hgg_threshold=self.hgg_threshold,
                           exclude_after_ivig=self.exclude_after_ivig, baseline_window=self.baseline_window)
        if self.engine is Engine.dask:
            if self.strict:
                raise IvigBlinaError("--strict works with --engine pandas only")
            try:
                from ivig_blina.cohort.distributed import read_partitioned
            except ImportError:
                raise IvigBlinaError("--engine dask needs dask: pip install 'ivig-blina[dask]'") from None
            return read_partitioned(self.file, columns, dialect, require_cohort=require_cohort, today=self.today,
                                    scheduler=self.scheduler, **definitions)
        obs = read_cohort(self.file, columns, dialect, require_cohort=require_cohort, today=self.today)
        patients = per_patient(obs, **definitions)
        if self.strict:
            check_strict(obs, patients)
        if not keep_rows:
            from ivig_blina.io import memory

            obs = replace(obs, table=obs.table.iloc[:0].copy())
            memory.release()
        return obs, patients

    def meta_options(self) -> dict:
        """The options as recorded in JSON output (``file`` is recorded on its own)."""
        return {f.name: (v.value if isinstance(v, Enum) else str(v) if f.name == "today" and v else v)
                for f in fields(self) if f.name != "file" for v in [getattr(self, f.name)]}


def with_input(command):
    """Give ``command`` the shared input options: Typer sees them as parameters, and the
    command receives them as one :class:`Input` named ``source``."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "source"]
    hints = inspect.get_annotations(Input, eval_str=True)
    shared = [inspect.Parameter(f.name, inspect.Parameter.POSITIONAL_OR_KEYWORD if f.name == "file"
                                else inspect.Parameter.KEYWORD_ONLY,
                                default=f.default, annotation=hints[f.name]) for f in fields(Input)]
    shared[0] = shared[0].replace(default=inspect.Parameter.empty)
    keyword_own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own]

    @functools.wraps(command)
    def wrapper(**kwargs):
        source = Input(**{f.name: kwargs.pop(f.name) for f in fields(Input)})
        return command(source=source, **kwargs)

    wrapper.__signature__ = inspect.Signature(shared[:1] + keyword_own + shared[1:])
    return wrapper


def parse_landmarks(value: str):
    try:
        days = tuple(float(x) for x in value.split(",") if x.strip())
    except ValueError:
        raise typer.BadParameter(f"expected days separated by commas (e.g. 30,90,180), got '{value}'") from None
    if not days or not all(0 <= d < float("inf") for d in days):
        raise typer.BadParameter(f"expected one or more days >= 0, got '{value}'")
    return days


def parse_groups(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    names = [x.strip() for x in value.split(",")]
    if len(names) != 2 or not all(names) or names[0] == names[1]:
        raise typer.BadParameter(f"expected two different cohort names as A,B, got '{value}'", param_hint="--groups")
    return names[0], names[1]


def parse_tests(values: list[str] | None) -> dict[str, str]:
    from ivig_blina.stats import KINDS

    chosen = {}
    for value in values or []:
        kind, _, name = value.partition("=")
        if kind.strip() not in KINDS or not name.strip():
            raise typer.BadParameter(f"expected KIND=NAME with KIND one of {', '.join(KINDS)}, got '{value}'",
                                     param_hint="--test")
        chosen[kind.strip()] = name.strip()
    return chosen


