"""The ``ivigblina`` command: parse options, call the library, render, map errors to exit codes.

pandas, scipy and pyarrow are imported inside the commands so that ``ivigblina --help`` stays
instant. A user's mistake in the data is one line on stderr and exit 1; a bad option exits 2.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager, nullcontext, suppress
from typing import Annotated, Any, NoReturn

import typer

from ivig_blina import __version__
from ivig_blina.cli.config import ConfigGroup
from ivig_blina.cli.options import (
    Adjust,
    Alternative,
    BreakDays,
    Categorical,
    Dpi,
    FigureOut,
    Format,
    FormatOpt,
    GroupList,
    Groups,
    Input,
    Labels,
    MaxPanels,
    Output,
    Panels,
    PluginOpt,
    Quiet,
    Title,
    Width,
    Windows,
    XMax,
    check_level,
    parse_groups,
    parse_landmarks,
    parse_panels,
    parse_tests,
    parse_thresholds,
    with_input,
)
from ivig_blina.cli.report import register as register_report
from ivig_blina.cli.stdout import ONLY_WRITES_FAIL_SO, failed, standard_output, terminal_text, write_whole
from ivig_blina.errors import IvigBlinaError, OptionError, printable

TABLE_ROWS = 100  # patients shown by nadir's terminal table; the other formats give every one

DEFINITIONS = """
Definitions: the follow-up window holds measurements with day >= 0 (and day <= --until).
The nadir is the lowest IgG in the window, ties to the earliest day; days to nadir is that day.
The baseline is the last measurement with day <= 0 (the lowest if several share that day);
pre-treatment values never count as the nadir. HGG: nadir below --hgg-threshold (400 mg/dL).
Events count as outcomes only on or after day 0 (and up to --until).
"""

app = typer.Typer(
    cls=ConfigGroup,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    help="Compare two cohorts' IgG courses and infection outcomes from one long-format CSV.",
)


FLAGS = {"tests": "test", "confidence_level": "confidence"}  # the library's parameters whose flags differ


@contextmanager
def _user_errors():
    """Print a user's error in the data as one line on stderr and exit 1; an option the
    library refused (found only once the input was read, e.g. a threshold for its unit) is a
    usage error under the option's flag (exit 2)."""
    try:
        yield
    except IvigBlinaError as e:
        print(f"ivigblina: error: {e}", file=sys.stderr)
        raise typer.Exit(1) from None
    except OptionError as e:
        flag = FLAGS.get(e.parameter, e.parameter.replace("_", "-"))
        raise typer.BadParameter(e.expected, param_hint=f"--{flag}") from None


def _check_tests(registry, tests: dict[str, str]) -> None:
    """Every statistic named by ``--test`` exists for its kind (else a usage error listing them);
    an installed plug-in is imported here, when chosen."""
    from ivig_blina.stats import UnknownStatistic

    for kind, name in tests.items():
        try:
            with _user_errors():
                registry.get(name, kind)
        except UnknownStatistic as e:
            raise typer.BadParameter(str(e), param_hint="--test") from None


def _warnings_as_lines(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``command`` with Python's warnings (matplotlib's, numpy's, a plug-in's) as our own:
    none with ``--quiet``; else each distinct one once, as one line ``ivigblina: warning: ...``
    on stderr, never the interpreter's two-line dump naming our source files."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import warnings

        shown: set[str] = set()

        def one_line(message, category, filename, lineno, file=None, line=None) -> None:
            text = " ".join(str(message).split())
            if text not in shown:
                shown.add(text)
                print(printable(f"ivigblina: warning: {text}"), file=sys.stderr)

        with warnings.catch_warnings():
            if kwargs.get("quiet"):
                warnings.simplefilter("ignore")
            warnings.showwarning = one_line
            return command(*args, **kwargs)

    return wrapper


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


def _inputs(source: Input) -> list[str]:
    """The files ``source`` names: the file, or every partition with --engine dask. ``-o`` may
    replace none of them."""
    if source.engine.value != "dask":
        return [source.file]
    from ivig_blina.cohort.distributed import partitions

    with _user_errors():
        return partitions(source.file)


def _terminal_width() -> int | None:
    """The terminal's width when stdout is one (a table must fit it), else None."""
    from rich.console import Console

    console = Console()
    return console.width if console.is_terminal else None


def _emit(rendered, output: str | None, sources: Iterable[str] = ()) -> None:
    """Write a text (or an iterator of its pieces) or a Rich renderable to stdout, or atomically
    to ``output`` (never over one of the input files ``sources``)."""
    with closing(rendered) if isinstance(rendered, Generator) else nullcontext():  # its threads end here on error
        if output is None:
            pieces = (
                [rendered]
                if isinstance(rendered, str)
                else rendered
                if isinstance(rendered, Iterator)
                else [terminal_text(rendered)]
            )
            with standard_output() as stdout:
                for piece in pieces:
                    write_whole(stdout, piece)
            return
        from ivig_blina.io.writing import render_text, write_atomically

        with _user_errors():
            write_atomically(output, rendered if isinstance(rendered, Iterator) else render_text(rendered), sources)


def _rows_out(
    rows: list[dict],
    columns: list[str],
    format: Format,
    output: str | None,
    sources: Iterable[str],
    caption: str | None = None,
) -> None:
    import io

    from ivig_blina.render.text import rows_table, write_rows

    if format is Format.table:
        _emit(rows_table(rows, columns, caption=caption), output, sources)
        return
    buffer = io.StringIO()
    write_rows(rows, columns, format.value, buffer)
    _emit(buffer.getvalue(), output, sources)


def _labels(value: str | None, cohort) -> dict[str, str] | None:
    """``--labels``: display names by cohort, each a cohort of the file (else exit 1)."""
    if not value:
        return None
    from ivig_blina.analyses.cohort_names import check_labels, parse_labels

    labels = parse_labels(value)
    check_labels(labels, cohort.table.cohort.unique(), cohort.path)
    return labels


def _warn(message: str, quiet: bool) -> None:
    """A line on stderr (not with ``--quiet``); text from the file in it cannot drive the terminal."""
    if not quiet:
        print(printable(message), file=sys.stderr)


def _summary(cohort, quiet: bool, excluded: int = 0) -> None:
    """The one-line account of the input, then its notes, on stderr."""
    _warn(cohort.input_summary(excluded), quiet)
    for note in cohort.observations.notes:
        _warn(f"ivigblina: warning: {note}", quiet)


@app.command(help="One row per patient: baseline, nadir, days to nadir, HGG and outcome events.\n" + DEFINITIONS)
@with_input
@_warnings_as_lines
def nadir(
    source: Input,
    format: FormatOpt = Format.table,
    output: Output = None,
    quiet: Quiet = False,
    competing_risk: Annotated[
        bool,
        typer.Option(
            "--competing-risk",
            help="Deaths without infection are a competing event: infection_status 2 (else 0, censored).",
        ),
    ] = False,
    windows: Windows = None,
):
    from ivig_blina.render.text import frame_chunks, plain

    with _user_errors():
        cohort = source.load(competing_risk=competing_risk, keep_rows=windows is not None)
        table = cohort.nadir_table(windows)
    _summary(cohort, quiet)
    columns = list(table.columns)
    if format in (Format.csv, Format.tsv):  # vectorised: per-patient tables can have millions of rows
        _emit(frame_chunks(table, format.value), output, _inputs(source))
        return
    caption = f"IgG in {cohort.igg_units}; area below the threshold in {cohort.igg_units} x days."
    if format is Format.table and len(table) > TABLE_ROWS:  # a screenful to read; files take another format
        caption += (
            f" The first {TABLE_ROWS} of {len(table):,} patients; every patient with -f csv, tsv, json, "
            "jsonl or markdown."
        )
        table = table.head(TABLE_ROWS)
    rows = [{k: plain(v) for k, v in row.items()} for row in table.to_dict("records")]
    _rows_out(rows, columns, format, output, _inputs(source), caption)


@app.command(
    help="Compare cohorts on IgG nadir, days to nadir, HGG and every event outcome, first group "
    "against second. Defaults: Mann-Whitney U with the Hodges-Lehmann shift (as R's wilcox.test) "
    "and Fisher's exact test with the conditional MLE odds ratio (as R's fisher.test); every binary "
    "row also gives the risk difference with Newcombe's hybrid score interval. Three or more cohorts "
    "(--groups A,B,C or all): Kruskal-Wallis, Fisher's r x c test, the k-sample log-rank (or Gray's) "
    "test and the Poisson likelihood-ratio test, and with --pairwise every pair.\n" + DEFINITIONS
)
@with_input
@_warnings_as_lines
def compare(
    ctx: typer.Context,
    source: Input,
    groups: GroupList = None,
    test: Annotated[
        list[str] | None,
        typer.Option(
            "--test",
            help="Statistic per kind, as KIND=NAME with KIND continuous, binary, time-to-event or rate "
            "(repeatable; see 'ivigblina tests'). Defaults: continuous=mann-whitney, binary=fisher, "
            "time-to-event=log-rank (gray with --competing-risk), rate=poisson-exact; with three or more "
            "cohorts continuous=kruskal-wallis and rate=poisson-lrt (a two-group test named is then the "
            "pairwise one).",
            show_default=False,
        ),
    ] = None,
    plugin: PluginOpt = None,
    alternative: Annotated[
        Alternative, typer.Option("--alternative", help="First group against second.")
    ] = Alternative.two_sided,
    confidence: Annotated[
        float, typer.Option("--confidence", callback=check_level, help="Confidence level of every interval.")
    ] = 0.95,
    adjust: Annotated[
        Adjust,
        typer.Option(
            "--adjust", help="Multiplicity adjustment over the outcomes' P values (an extra column; raw P values stay)."
        ),
    ] = Adjust.none,
    permutations: Annotated[
        int,
        typer.Option(
            "--permutations", min=1, help="Random splits of the permutation test when exact enumeration is too large."
        ),
    ] = 9999,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the permutation test's random splits.")] = 1,
    landmarks: Annotated[
        str,
        typer.Option(
            "--landmarks",
            callback=parse_landmarks,
            help="Days at which to report the infection-free proportion (or cumulative incidence).",
        ),
    ] = "30,90,180",
    competing_risk: Annotated[
        bool,
        typer.Option(
            "--competing-risk",
            help="Deaths without infection are a competing event: cumulative incidence and Gray's test.",
        ),
    ] = False,
    strata: Annotated[
        str | None,
        typer.Option(
            "--strata",
            metavar="COLUMN",
            show_default=False,
            help="Stratify by this patient covariate (e.g. centre): stratified log-rank and Cox HR, "
            "Cochran-Mantel-Haenszel, stratified Wilcoxon-Mann-Whitney (coin). Two cohorts only.",
        ),
    ] = None,
    exact: Annotated[
        bool, typer.Option("--exact", help="With --strata: the exact conditional Cochran-Mantel-Haenszel test.")
    ] = False,
    burden: Annotated[
        bool,
        typer.Option(
            "--burden",
            help="Infection burden: an infection_rate_<window> outcome per window of --windows (default 28,90,180).",
        ),
    ] = False,
    windows: Windows = None,
    landmark_day: Annotated[
        float | None,
        typer.Option(
            "--landmark-day",
            min=0,
            show_default=False,
            help="Add time_to_infection_landmark: patients followed beyond day D without infection, time from D.",
        ),
    ] = None,
    models: Annotated[
        bool,
        typer.Option(
            "--models",
            help="Time-varying Cox models of HGG, IgG and IVIG exposure, the immortal-time account, and with "
            "--competing-risk Fine-Gray and cause-specific hazards; csv/tsv/jsonl/markdown then write the models' "
            "terms instead of the outcomes.",
        ),
    ] = False,
    covariates: Annotated[
        str | None,
        typer.Option(
            "--covariates",
            show_default=False,
            help="Patient covariates to adjust for, as a,b,c: adjusted Cox, logistic and negative binomial models.",
        ),
    ] = None,
    categorical: Categorical = None,
    ivig_effect_days: Annotated[
        float,
        typer.Option(
            "--ivig-effect-days", min=0, help="Days after each IVIG dose counted as exposed (ivig_time_varying)."
        ),
    ] = 28.0,
    with_hgg: Annotated[
        bool, typer.Option("--with-hgg", help="Add the current HGG to the IVIG exposure model.")
    ] = False,
    pairwise: Annotated[
        bool,
        typer.Option("--pairwise", help="With three or more cohorts: every pair with the two-group test as well."),
    ] = False,
    pairwise_adjust: Annotated[
        Adjust, typer.Option("--pairwise-adjust", help="Adjustment of the pairs' P values, per outcome.")
    ] = Adjust.holm,
    labels: Labels = None,
    mde: Annotated[
        bool, typer.Option("--mde", help="Add each outcome's minimum detectable effects at 80% power (see 'power').")
    ] = False,
    format: FormatOpt = Format.table,
    output: Output = None,
    quiet: Quiet = False,
):
    import io

    from ivig_blina.analyses.comparison import compare as run_compare
    from ivig_blina.render.text import comparison_table, write_comparison

    tests = parse_tests(test)
    registry = _registry(plugin)
    _check_tests(registry, tests)
    if exact and strata is None:
        raise typer.BadParameter("the exact Cochran-Mantel-Haenszel test needs --strata COLUMN", param_hint="--exact")
    with _user_errors():
        if burden and windows is None:
            from ivig_blina.cohort.burden import WINDOWS

            windows = WINDOWS  # type: ignore[assignment]  # days, as the callback parses them
        named = [c.strip() for c in covariates.split(",") if c.strip()] if covariates else []
        cohort = source.load(
            require_cohort=True,
            competing_risk=competing_risk,
            covariates=[*named, *([strata] if strata and strata not in named else [])] or None,
            categorical=categorical or [],
            keep_rows=windows is not None or models,
        )
        with _progress(not quiet and sys.stderr.isatty()) as progress:
            result = run_compare(
                cohort,
                groups,  # type: ignore[arg-type]  # a list: parsed by its callback
                tests=tests,
                alternative=alternative.value,
                confidence_level=confidence,
                adjust=adjust.value,
                landmarks=landmarks,  # type: ignore[arg-type]  # days: parsed by its callback
                competing_risk=competing_risk,
                strata=strata,
                exact=exact,
                windows=windows,  # type: ignore[arg-type]  # days: parsed by its callback
                landmark_day=landmark_day,
                models=models,
                covariates=named or None,
                ivig_effect_days=ivig_effect_days,
                with_hgg=with_hgg,
                pairwise=pairwise,
                pairwise_adjust=pairwise_adjust.value,
                permutations=permutations,
                seed=seed,
                progress=progress,
                registry=registry,
            )
        if mde:  # two-sided alpha = 1 - --confidence, beside the intervals
            from ivig_blina.analyses.power import with_mde

            result = with_mde(result)
        result = result.relabelled(_labels(labels, cohort))
    _summary(cohort, quiet, result.excluded_patients)
    for note in result.notes:
        _warn(f"ivigblina: warning: {note}", quiet)
    for o in result.outcomes:
        for w in o.warnings:
            _warn(f"ivigblina: warning: {o.outcome}: {w}", quiet)
        for pair in o.pairwise:
            for w in pair.as_dict()["warnings"]:
                _warn(f"ivigblina: warning: {o.outcome} ({pair.a} vs {pair.b}): {w}", quiet)
    if format is Format.table:
        _emit(comparison_table(result, width=_terminal_width() if output is None else None), output, _inputs(source))
        return
    study = ctx.find_root().obj
    if study:  # the study file, as read, in the record
        result.meta.update(study)
    buffer = io.StringIO()
    write_comparison(result, format.value, buffer, terms=models)
    _emit(buffer.getvalue(), output, _inputs(source))


@app.command(
    "table1",
    help="Table 1: the cohorts' baseline characteristics, per cohort and overall. Every column "
    "of the file outside the analysis roles that holds one value per patient is a covariate "
    "(numbers continuous, else categorical), and baseline_igg always; continuous: median "
    "[Q1-Q3] (--mean adds mean (SD)) and Mann-Whitney or Kruskal-Wallis; categorical: n (%) "
    "and Fisher's exact test (Monte Carlo beyond 2M tables) or chi-square; the standardized "
    "mean difference of each.",
)
@with_input
@_warnings_as_lines
def table1(
    source: Input,
    groups: GroupList = None,
    covariates: Annotated[
        str | None,
        typer.Option(
            "--covariates", show_default=False, help="The covariates, as a,b,c (that order; default: every one)."
        ),
    ] = None,
    categorical: Categorical = None,
    patients: Annotated[
        str | None,
        typer.Option(
            "--patients",
            metavar="FILE",
            show_default=False,
            help="A second file with one row per patient (keyed by the patient column): its columns are covariates "
            "too.",
        ),
    ] = None,
    mean: Annotated[bool, typer.Option("--mean", help="Add the mean (SD) of continuous covariates.")] = False,
    test: Annotated[
        list[str] | None,
        typer.Option(
            "--test",
            show_default=False,
            help="Statistic per kind, as KIND=NAME: continuous=mann-whitney|kruskal-wallis, "
            "categorical=fisher|chi-square.",
        ),
    ] = None,
    permutations: Annotated[
        int, typer.Option("--permutations", min=1, help="Random tables of Fisher's test beyond exact enumeration.")
    ] = 100_000,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of those random tables.")] = 1,
    labels: Labels = None,
    plugin: PluginOpt = None,
    format: FormatOpt = Format.table,
    output: Output = None,
    quiet: Quiet = False,
):
    import io

    from ivig_blina.analyses.table1 import table1 as run_table1
    from ivig_blina.render.text import plain, table1_table, write_rows

    tests = parse_tests(test)
    registry = _registry(plugin)
    _check_tests(registry, tests)
    named = [c.strip() for c in covariates.split(",") if c.strip()] if covariates else None
    with _user_errors():
        cohort = source.load(
            require_cohort=True,
            covariates=named,
            all_covariates=named is None,
            categorical=categorical or [],
            patients_file=patients,
        )
        result = run_table1(
            cohort,
            groups,  # type: ignore[arg-type]  # a list: parsed by its callback
            covariates=None if named is None else [*named, "baseline_igg"],
            mean=mean,
            tests=tests,
            permutations=permutations,
            seed=seed,
            registry=registry,
        ).relabelled(_labels(labels, cohort))
    _summary(cohort, quiet)
    for v in result.variables:
        for w in v.warnings:
            _warn(f"ivigblina: warning: {v.variable}: {w}", quiet)
    if format is Format.table:
        _emit(table1_table(result, mean), output, _inputs(source))
        return
    buffer = io.StringIO()
    if format is Format.json:
        import json

        buffer.write(json.dumps(result.to_dict(), indent=2) + "\n")
    else:
        write_rows(
            [{k: plain(v) for k, v in row.items()} for row in result.rows()], result.columns(), format.value, buffer
        )
    _emit(buffer.getvalue(), output, _inputs(source))


register_report(app, compare, table1)  # compare's and table1's options, as defined above


@app.command("tests", help="List the statistics: name, kind, description and where each came from.")
@_warnings_as_lines
def list_tests(plugin: PluginOpt = None, format: FormatOpt = Format.table, output: Output = None):
    registry = _registry(plugin)
    with _user_errors():  # installed plug-ins are imported to be listed
        listed = registry.listing()
    rows = [
        {"name": e.cls.name, "kind": e.cls.kind, "description": e.cls.description, "origin": e.origin} for e in listed
    ]
    _rows_out(rows, ["name", "kind", "description", "origin"], format, output, [])


plot_app = typer.Typer(
    no_args_is_help=True,
    help="Figures for a paper, in the format the file's extension names (.png, .svg, .pdf, .tiff, .eps; "
    "needs matplotlib: pip install 'ivig-blina[plot]').",
)
app.add_typer(plot_app, name="plot")


@contextmanager
def _matplotlib_logs_as_warnings():
    """matplotlib's logged warnings (a font not found) as Python warnings, which
    :func:`_warnings_as_lines` shows as one line each, or not at all under ``--quiet``."""
    import logging
    import warnings

    class AsWarning(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.warn(record.getMessage(), stacklevel=1)

    logger = logging.getLogger("matplotlib")
    handler, propagate = AsWarning(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _save_figure(figure, path: str, dpi: int, sources: list[str]) -> None:
    from ivig_blina.figures.output import figure_format, save_figure
    from ivig_blina.io.writing import save_atomically

    with _user_errors(), _matplotlib_logs_as_warnings():
        format = figure_format(path)
        save_atomically(path, lambda temporary: save_figure(figure, temporary, dpi, format), sources)


@plot_app.command(
    "igg",
    help="IgG against day, one panel per cohort on one shared day axis and one line per patient from the "
    "baseline; each nadir circled, IVIG doses as ticks on the line, censored values as open triangles "
    "(down for <X, up for >X), threshold lines labelled, in --report-units.",
)
@with_input
@_warnings_as_lines
def plot_igg(
    source: Input,
    output: FigureOut,
    groups: Panels = None,
    max_panels: MaxPanels = 12,
    thresholds: Annotated[
        str | None,
        typer.Option(
            "--thresholds",
            show_default=False,
            callback=parse_thresholds,
            help="Levels drawn as labelled lines, as 400,600 or 4g/L,6g/L (a bare number in the input's unit; "
            "default: the HGG threshold).",
        ),
    ] = None,
    labels: Labels = None,
    title: Title = None,
    break_days: BreakDays = None,
    xmax: XMax = None,
    width: Width = 7.0,
    dpi: Dpi = 300,
    quiet: Quiet = False,
):
    from ivig_blina.figures.courses import igg_figure

    chosen = parse_panels(groups)
    with _user_errors(), _matplotlib_logs_as_warnings():
        if source.engine.value == "dask":  # before reading a cluster's worth of partitions
            raise IvigBlinaError("plot igg draws every measurement: it reads one file (--engine pandas)")
        cohort = source.load(keep_rows=True)
        figure = igg_figure(
            cohort,
            chosen,
            max_panels=max_panels,
            thresholds=thresholds,  # a list: parsed by its callback
            labels=labels,
            title=title,
            width=width,
            break_days=break_days,
            xmax=xmax,
        )
    _summary(cohort, quiet)
    _save_figure(figure, output, dpi, _inputs(source))


@plot_app.command(
    "infection",
    help="Kaplan-Meier infection-free curves per cohort with censoring marks, the hazard ratio with its CI "
    "and the log-rank P (two cohorts; the k-sample P with more), events and censored per cohort, and the "
    "numbers at risk under each break; cumulative incidence and Gray's test with --competing-risk.",
)
@with_input
@_warnings_as_lines
def plot_infection(
    source: Input,
    output: FigureOut,
    groups: GroupList = None,
    competing_risk: Annotated[
        bool, typer.Option("--competing-risk", help="Deaths without infection are a competing event.")
    ] = False,
    ci: Annotated[
        bool,
        typer.Option(
            "--ci",
            help="Confidence bands: Kaplan-Meier's log-transformed limits, or the cumulative incidence's on the "
            "log(-log) scale.",
        ),
    ] = False,
    landmarks: Annotated[
        str | None,
        typer.Option(
            "--landmarks",
            show_default=False,
            callback=lambda value: None if value is None else parse_landmarks(value),
            help="Days to mark, with each cohort's estimate there, as 30,90,180.",
        ),
    ] = None,
    labels: Labels = None,
    title: Title = None,
    break_days: BreakDays = None,
    xmax: XMax = None,
    width: Width = 7.0,
    dpi: Dpi = 300,
    quiet: Quiet = False,
):
    from ivig_blina.figures.km import infection_figure

    with _user_errors(), _matplotlib_logs_as_warnings():
        cohort = source.load(require_cohort=True, competing_risk=competing_risk)
        figure = infection_figure(
            cohort,
            groups,  # a list: parsed by its callback
            competing_risk=competing_risk,
            ci=ci,
            break_days=break_days,
            xmax=xmax,
            landmarks=landmarks or (),  # type: ignore[arg-type]  # days: parsed by its callback
            labels=labels,
            title=title,
            width=width,
        )
    _summary(cohort, quiet)
    _save_figure(figure, output, dpi, _inputs(source))


@plot_app.command(
    "swimmer",
    help="One bar per patient from day 0 to the end of follow-up, sorted by cohort then follow-up: the "
    "days below the HGG threshold shaded, IVIG doses, infections (needing ICU, fatal) and deaths marked. "
    "Beyond --max-patients, that many drawn at random (--seed), as the title says.",
)
@with_input
@_warnings_as_lines
def plot_swimmer(
    source: Input,
    output: FigureOut,
    groups: Panels = None,
    max_patients: Annotated[
        int, typer.Option("--max-patients", min=1, help="Most patients drawn; more are sampled at random.")
    ] = 100,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of that random sample.")] = 1,
    labels: Labels = None,
    title: Title = None,
    break_days: BreakDays = None,
    xmax: XMax = None,
    width: Width = 7.0,
    dpi: Dpi = 300,
    quiet: Quiet = False,
):
    from ivig_blina.figures.swimmer import swimmer_figure

    chosen = parse_panels(groups)
    with _user_errors(), _matplotlib_logs_as_warnings():
        if source.engine.value == "dask":
            raise IvigBlinaError("plot swimmer draws every event: it reads one file (--engine pandas)")
        cohort = source.load(keep_rows=True)
        figure = swimmer_figure(
            cohort,
            chosen,
            max_patients=max_patients,
            seed=seed,
            labels=labels,
            title=title,
            width=width,
            break_days=break_days,
            xmax=xmax,
        )
    _summary(cohort, quiet)
    _save_figure(figure, output, dpi, _inputs(source))


@plot_app.command(
    "forest",
    help="Every outcome's effect, first cohort against second, as compare computes it: each estimate with "
    "its CI and P; ratios (odds, hazard, rate) on a log axis, differences on linear ones, one panel per "
    "scale. Outcomes without an estimate are listed beneath.",
)
@with_input
@_warnings_as_lines
def plot_forest(
    source: Input,
    output: FigureOut,
    groups: Groups = None,
    test: Annotated[
        list[str] | None,
        typer.Option(
            "--test", show_default=False, help="Statistic per kind, as KIND=NAME (as compare's --test; repeatable)."
        ),
    ] = None,
    plugin: PluginOpt = None,
    confidence: Annotated[
        float, typer.Option("--confidence", callback=check_level, help="Confidence level of every interval.")
    ] = 0.95,
    competing_risk: Annotated[
        bool,
        typer.Option("--competing-risk", help="Deaths without infection are a competing event (Gray's test)."),
    ] = False,
    permutations: Annotated[
        int, typer.Option("--permutations", min=1, help="Random splits of the permutation test, if chosen.")
    ] = 9999,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the permutation test's random splits.")] = 1,
    labels: Labels = None,
    title: Title = None,
    width: Width = 7.0,
    dpi: Dpi = 300,
    quiet: Quiet = False,
):
    from ivig_blina.analyses.comparison import compare as run_compare
    from ivig_blina.figures.forest import forest_figure

    chosen = parse_groups(groups)
    tests = parse_tests(test)
    registry = _registry(plugin)
    _check_tests(registry, tests)
    with _user_errors(), _matplotlib_logs_as_warnings():
        cohort = source.load(require_cohort=True, competing_risk=competing_risk)
        result = run_compare(
            cohort,
            chosen,
            tests=tests,
            confidence_level=confidence,
            competing_risk=competing_risk,
            permutations=permutations,
            seed=seed,
            registry=registry,
        )
        figure = forest_figure(result, labels=labels, title=title, width=width)
    _summary(cohort, quiet, result.excluded_patients)
    _save_figure(figure, output, dpi, _inputs(source))


def _version(value: bool) -> None:
    if value:
        with standard_output() as stdout:
            write_whole(stdout, f"ivigblina {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="FILE",
            show_default=False,
            help="A TOML study file holding any option of any command (given anywhere on the line; options on "
            "the line win). Keys are long option names without dashes, at the top level or under [compare], "
            "[nadir], [plot.igg], ...",
        ),
    ] = None,
):
    """Compare two cohorts' IgG courses and infection outcomes from one long-format CSV."""


def main() -> None:
    try:
        try:
            app(prog_name="ivigblina")
        except OSError as e:
            if e.errno not in ONLY_WRITES_FAIL_SO:
                raise  # a bug
            failed(e)  # help text, which Click writes
        finally:
            if sys.stdout is not None:  # text still buffered (Click's): a failure to write it is one line too
                with standard_output():
                    pass
    except SystemExit as e:
        if isinstance(e.code, int) and e.code != 0:
            _end_now(e.code)
        raise


def _end_now(code: int) -> NoReturn:
    """End an error exit here, without the interpreter's teardown. Our own thread pools are joined
    by then (each is a ``with`` block), but Arrow's may still be at work, holding Python buffers:
    a native thread that takes the GIL while the interpreter finalizes is stopped with
    pthread_exit, which aborts C++ code ("terminate called without an active exception", exit
    134; apache/arrow#34314). Nothing is left to tear down that a user would miss: files are
    written and closed, a Dask cluster is closed by its ``with`` block."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with suppress(OSError, ValueError):  # stdout's failure is reported already
                stream.flush()
    os._exit(code)


from ivig_blina.cli import power, verify  # noqa: E402, F401  (each registers its command on the app above)
