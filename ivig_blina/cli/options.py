"""Options of the ``ivigblina`` commands: choices, checks, and the input options every data
command shares (injected by :func:`with_input`)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import Enum
from typing import Annotated, Any

import typer

from ivig_blina.cohort.options import check_date, check_days, check_grade, check_seconds, parse_map, parse_size
from ivig_blina.errors import OptionError
from ivig_blina.io.units import parse_amount
from ivig_blina.stats.sides import check_confidence_level


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


def _usage(check: Callable[..., Any], *names: str) -> Callable[[Any], Any]:
    """A Typer callback that runs the library's own ``check`` (one implementation of each
    rule): its :class:`OptionError` becomes a usage error (exit 2) under the option's flag."""

    def callback(value):
        try:
            return check(*names, value)
        except OptionError as e:
            raise typer.BadParameter(e.expected) from None

    return callback


check_level = _usage(check_confidence_level)
_check_today = _usage(check_date)
_check_threshold = _usage(parse_amount, "hgg_threshold")
_check_scheduler_timeout = _usage(check_seconds, "scheduler_timeout")


def _check_max_memory(value: str | None) -> str | None:
    """``--max-memory``: checked as the library checks it, passed on as given (recorded in bytes)."""
    _usage(parse_size, "max_memory")(value)
    return value


def _check_days(name: str) -> Callable[[Any], Any]:
    return _usage(check_days, name)


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


FileArg = Annotated[
    str, typer.Argument(metavar="FILE", help="Long-format cohort CSV, or - for standard input.", show_default=False)
]
PatientCol = Annotated[str, typer.Option("--patient-col", help="Column of patient IDs.")]
CohortCol = Annotated[str, typer.Option("--cohort-col", help="Column of cohort (group) names.")]
DayCol = Annotated[str, typer.Option("--day-col", help="Column of days since the first dose (else date + start_date).")]
DateCol = Annotated[
    str, typer.Option("--date-col", help="Column of dates (with --start-date-col; when there is no day column).")
]
StartDateCol = Annotated[str, typer.Option("--start-date-col", help="Column of each patient's first-dose date.")]
EventCol = Annotated[str, typer.Option("--event-col", help="Column of event labels.")]
EventMap = Annotated[
    list[str] | None,
    typer.Option(
        "--event-map",
        show_default=False,
        callback=_usage(parse_map, "event_map"),
        help="Rename an event label, FROM=TO (repeatable; FROM in any case): e.g. ICU=infection_icu. FROM=FROM keeps "
        "a label as an outcome of its own without a note.",
    ),
]
CohortMap = Annotated[
    list[str] | None,
    typer.Option(
        "--cohort-map",
        show_default=False,
        callback=_usage(parse_map, "cohort_map"),
        help="Rename a cohort label, FROM=TO (repeatable; FROM in any case or spacing).",
    ),
]
Sheet = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        show_default=False,
        help="The sheet of an Excel workbook (.xlsx) to read (default: the "
        "first; needs pip install 'ivig-blina[excel]').",
    ),
]
DateFormat = Annotated[
    str | None,
    typer.Option(
        "--date-format",
        show_default=False,
        help="strftime format of the dates, e.g. %d/%m/%Y (default: ISO 8601, YYYY-MM-DD).",
    ),
]
IggCol = Annotated[
    str | None,
    typer.Option("--igg-col", help="Column of IgG values (default: igg_mg_dl or igg_g_l).", show_default=False),
]
UnitsOpt = Annotated[
    Units | None,
    typer.Option(
        "--units",
        show_default=False,
        help="Unit of the IgG column when its header does not name one (a header such as "
        "'IgG (g/L)' or igg_g_l does; --units may not contradict it).",
    ),
]
ReportUnits = Annotated[Units, typer.Option("--report-units", help="Unit of every IgG value written.")]
Until = Annotated[
    float | None,
    typer.Option(
        "--until",
        callback=_check_days("until"),
        help="Last day of the follow-up window (default: none).",
        show_default=False,
    ),
]
Threshold = Annotated[
    str,
    typer.Option(
        "--hgg-threshold",
        callback=_check_threshold,
        help="HGG: nadir below this level: 400mg/dL, 4g/L, or a number in the input's unit.",
    ),
]
Encoding = Annotated[str, typer.Option("--encoding", help="Text encoding of the file (e.g. latin-1, utf-16).")]
Delimiter = Annotated[
    str | None,
    typer.Option(
        "--delimiter",
        callback=_check_delimiter,
        show_default=False,
        help="Field delimiter: , ; tab or | (default: detected).",
    ),
]
Decimal = Annotated[str, typer.Option("--decimal", callback=_check_decimal, help="Decimal mark of numbers: . or ,")]
MaxField = Annotated[int, typer.Option("--max-field-size", min=1, help="Longest field accepted, in characters.")]
MaxColumns = Annotated[int, typer.Option("--max-columns", min=1, help="Most columns accepted in the header.")]
MaxMemory = Annotated[
    str | None,
    typer.Option(
        "--max-memory",
        callback=_check_max_memory,
        show_default=False,
        metavar="SIZE",
        help="Most memory reading a file may take, e.g. 4G or 512M (default: half the memory available, of the "
        "cgroup's limit when there is one); a larger file is refused before it is read.",
    ),
]
MaxOutcomes = Annotated[
    int,
    typer.Option("--max-outcomes", min=1, help="Most distinct outcome labels accepted (each is a column of nadir)."),
]
Today = Annotated[
    str | None,
    typer.Option(
        "--today",
        callback=_check_today,
        show_default=False,
        help="The date taken as today (YYYY-MM-DD); later dates are refused.",
    ),
]
Strict = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Refuse any skipped row or input warning (duplicates, blank rows, censored values, events before day 0).",
    ),
]
ExcludeAfterIvig = Annotated[
    float | None,
    typer.Option(
        "--exclude-after-ivig",
        callback=_check_days("exclude_after_ivig"),
        show_default=False,
        help="Leave out of the follow-up window IgG drawn on the day of an IVIG dose or up to DAYS after it.",
    ),
]
BaselineWindow = Annotated[
    float | None,
    typer.Option(
        "--baseline-window",
        callback=_check_days("baseline_window"),
        show_default=False,
        help="A baseline lies at most DAYS before day 0 (default: any).",
    ),
]
GradeCol = Annotated[
    str | None,
    typer.Option(
        "--grade-col",
        show_default=False,
        help="Column of each infection's CTCAE grade, 1-5, on infection rows only (default: grade, when the file "
        "has it).",
    ),
]
PathogenCol = Annotated[
    str | None,
    typer.Option(
        "--pathogen-col",
        show_default=False,
        help="Column of each infection's pathogen (free text), on infection rows only (default: pathogen, when the "
        "file has it).",
    ),
]
MinGrade = Annotated[
    int | None,
    typer.Option(
        "--min-grade",
        callback=_usage(check_grade, "min_grade"),
        show_default=False,
        help="Count only infections of this CTCAE grade or above (1-5) in every infection outcome; lower and "
        "ungraded ones are left out, counted, and still count for follow-up.",
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
Output = Annotated[
    str | None,
    typer.Option("--output", "-o", show_default=False, help="Write to this file (atomically) instead of stdout."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No input summary or warnings on stderr.")]
PluginOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--plugin", help="A Python file of Statistic subclasses to register (repeatable).", show_default=False
    ),
]


def check_figure_path(value: str) -> str:
    """``--output`` of a figure: its extension names a format the figures are saved in."""
    from ivig_blina.figures.output import figure_format

    _usage(figure_format)(value)
    return value


def _check_figure(name: str, check: str) -> Callable[[Any], Any]:
    """A callback running ``ivig_blina.figures.style.<check>`` on ``--name``'s value, imported
    when a plot command is run (``ivigblina --help`` stays light)."""

    def callback(value):
        if value is None:
            return None
        from ivig_blina.figures import style

        _usage(getattr(style, check), name)(value)
        return value

    return callback


def check_labels_option(value: str | None) -> str | None:
    """``--labels a=A,b=B``: parsed as the library parses it (which cohorts exist is known once
    the file is read)."""
    from ivig_blina.analyses.cohort_names import parse_labels

    _usage(parse_labels)(value)
    return value


def parse_thresholds(value: str | None) -> list[str] | None:
    """``--thresholds 400,600`` or ``4g/L,6g/L``: levels as ``--hgg-threshold`` takes them."""
    if value is None:
        return None
    levels = [x.strip() for x in value.split(",")]
    if not all(levels):
        raise typer.BadParameter(f"expected levels separated by commas (e.g. 400,600 or 4g/L,6g/L), got '{value}'")
    for level in levels:
        _usage(parse_amount, "thresholds")(level)
    return levels


EngineOpt = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="pandas: one file on this machine; dask: a directory or glob of CSV/Parquet partitions on a "
        "Dask cluster (pip install 'ivig-blina[dask]').",
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        show_default=False,
        help="With --engine dask: the address of a running Dask scheduler (default: a local cluster of two workers).",
    ),
]
SchedulerTimeout = Annotated[
    float,
    typer.Option(
        "--scheduler-timeout",
        callback=_check_scheduler_timeout,
        help="With --scheduler: seconds to wait for the scheduler to answer before giving up.",
    ),
]
FigureOut = Annotated[
    str,
    typer.Option(
        "--output",
        "-o",
        callback=check_figure_path,
        help="The figure file, in the format its extension names: .png, .svg, .pdf, .tiff (LZW) or .eps.",
    ),
]
Dpi = Annotated[
    int, typer.Option("--dpi", min=72, max=1200, help="Resolution of .png and .tiff files, in dots per inch.")
]
Width = Annotated[
    float,
    typer.Option(
        "--width",
        callback=_check_figure("width", "check_width"),
        help="Width in inches (3-20; 3.5 for one journal column); the height follows, fonts keep their size.",
    ),
]
Title = Annotated[str | None, typer.Option("--title", show_default=False, help="A title above the figure.")]
Labels = Annotated[
    str | None,
    typer.Option(
        "--labels",
        show_default=False,
        callback=check_labels_option,
        help="Names shown for the cohorts, as COHORT=LABEL pairs: ivig=IVIG prophylaxis,control=No IVIG "
        "(a comma in a label as \\,). Colours stay with the cohort.",
    ),
]
BreakDays = Annotated[
    float | None,
    typer.Option(
        "--break-days",
        show_default=False,
        callback=_check_figure("break_days", "check_step"),
        help="A break of the day axis every DAYS days (default: a round step giving 4-8 breaks).",
    ),
]
XMax = Annotated[
    float | None,
    typer.Option(
        "--xmax",
        show_default=False,
        callback=_check_figure("xmax", "check_step"),
        help="Last day of the day axis (default: the first break at or after the last day drawn).",
    ),
]
Groups = Annotated[
    str | None, typer.Option("--groups", help="The two cohorts to compare, as A,B (that order).", show_default=False)
]
Categorical = Annotated[
    list[str] | None,
    typer.Option(
        "--categorical", show_default=False, help="A numeric covariate read as categorical, e.g. ECOG (repeatable)."
    ),
]
GroupList = Annotated[
    str | None,
    typer.Option(
        "--groups",
        show_default=False,
        callback=lambda value: parse_group_list(value),  # defined below
        help="The cohorts, as A,B or A,B,C (that order), or all (default: the file's two cohorts).",
    ),
]
Panels = Annotated[
    str | None,
    typer.Option(
        "--groups",
        show_default=False,
        help="The cohorts to draw, one panel each, as A,B,C (that order; default: every cohort, sorted).",
    ),
]
MaxPanels = Annotated[
    int, typer.Option("--max-panels", min=1, help="Most panels drawn; a file of more cohorts needs --groups.")
]


@dataclass
class Input:
    """The input options every data command shares, and reading with them."""

    file: Annotated[
        str, typer.Argument(metavar="FILE", help="Long-format cohort CSV, or - for standard input.", show_default=False)
    ]
    patient_col: PatientCol = "patient_id"
    cohort_col: CohortCol = "cohort"
    day_col: DayCol = "day"
    date_col: DateCol = "date"
    start_date_col: StartDateCol = "start_date"
    event_col: EventCol = "event"
    date_format: DateFormat = None
    event_map: EventMap = None
    sheet: Sheet = None
    cohort_map: CohortMap = None
    igg_col: IggCol = None
    units: UnitsOpt = None
    until: Until = None
    hgg_threshold: Threshold = "400mg/dL"
    exclude_after_ivig: ExcludeAfterIvig = None
    baseline_window: BaselineWindow = None
    encoding: Encoding = "utf-8"
    delimiter: Delimiter = None
    decimal: Decimal = "."
    max_field_size: MaxField = 10_000
    max_columns: MaxColumns = 10_000
    max_memory: MaxMemory = None
    max_outcomes: MaxOutcomes = 100
    today: Today = None
    strict: Strict = False
    engine: EngineOpt = Engine.pandas
    scheduler: Scheduler = None
    scheduler_timeout: SchedulerTimeout = 10.0
    report_units: ReportUnits = Units.mg_dl
    grade_col: GradeCol = None
    pathogen_col: PathogenCol = None
    min_grade: MinGrade = None

    def load(self, require_cohort: bool = False, keep_rows: bool = False, competing_risk: bool = False, **covariates):
        """:func:`ivig_blina.load` with these options (and ``covariates``' keywords), in small
        memory pages (see :func:`~ivig_blina.io.memory.small_pages`)."""
        from ivig_blina.io import memory

        memory.small_pages()
        from ivig_blina.cohort.load import load

        options = {
            f.name: (v.value if isinstance(v, Enum) else v)
            for f in fields(self)
            if f.name != "file"
            for v in [getattr(self, f.name)]
        }
        return load(
            self.file,
            **options,
            require_cohort=require_cohort,
            keep_rows=keep_rows,
            competing_risk=competing_risk,
            **covariates,
        )


@functools.cache
def _shared_parameters() -> list[inspect.Parameter]:
    """:class:`Input`'s fields as parameters (the file first, positional), evaluated once."""
    hints = inspect.get_annotations(Input, eval_str=True)
    shared = [
        inspect.Parameter(
            f.name,
            inspect.Parameter.POSITIONAL_OR_KEYWORD if f.name == "file" else inspect.Parameter.KEYWORD_ONLY,
            default=f.default,
            annotation=hints[f.name],
        )
        for f in fields(Input)
    ]
    shared[0] = shared[0].replace(default=inspect.Parameter.empty)
    return shared


def with_input(command):
    """Give ``command`` the shared input options: Typer sees them as parameters, and the
    command receives them as one :class:`Input` named ``source``."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "source"]
    shared = _shared_parameters()
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


def parse_windows(value: str | None) -> tuple[float, ...] | None:
    """``--windows``: increasing positive cut days, e.g. 28,90,180."""
    if value is None:
        return None
    try:
        days = tuple(float(x) for x in value.split(",") if x.strip())
    except ValueError:
        days = ()
    if not days or not all(0 < d < float("inf") for d in days) or list(days) != sorted(set(days)):
        raise typer.BadParameter(f"expected increasing days > 0 separated by commas (e.g. 28,90,180), got '{value}'")
    return days


Windows = Annotated[
    str | None,
    typer.Option(
        "--windows",
        callback=lambda value: parse_windows(value),
        show_default=False,
        help="Cut days of the infection burden windows, e.g. 28,90,180 (the default of --burden): episodes and "
        "patient-days per window.",
    ),
]


def parse_groups(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    names = [x.strip() for x in value.split(",")]
    if len(names) != 2 or not all(names) or names[0] == names[1]:
        raise typer.BadParameter(f"expected two different cohort names as A,B, got '{value}'", param_hint="--groups")
    return names[0], names[1]


def parse_group_list(value: str | None) -> list[str] | None:
    """``A,B,C`` (two or more cohorts, in that order) or ``all``."""
    if value is None:
        return None
    names = [x.strip() for x in value.split(",")]
    if names == ["all"]:
        return names
    if len(names) < 2 or not all(names) or len(set(names)) != len(names):
        raise typer.BadParameter(
            f"expected two or more different cohort names as A,B,C (or all), got '{value}'", param_hint="--groups"
        )
    return names


def parse_panels(value: str | None) -> list[str] | None:
    """``--groups`` of ``plot igg``: one or more different cohort names, comma-separated."""
    if value is None:
        return None
    names = [x.strip() for x in value.split(",")]
    if not all(names) or len(set(names)) != len(names):
        raise typer.BadParameter(f"expected different cohort names as A,B,C, got '{value}'", param_hint="--groups")
    return names


def parse_tests(values: list[str] | None) -> dict[str, str]:
    from ivig_blina.stats import KINDS

    chosen = {}
    for value in values or []:
        kind, _, name = value.partition("=")
        if kind.strip() not in KINDS or not name.strip():
            raise typer.BadParameter(
                f"expected KIND=NAME with KIND one of {', '.join(KINDS)}, got '{value}'", param_hint="--test"
            )
        chosen[kind.strip()] = name.strip()
    return chosen
