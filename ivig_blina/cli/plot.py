"""``ivigblina plot igg|infection|swimmer|forest``: each figure from its library function,
saved atomically in the format its file name says."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Annotated

import typer

from ivig_blina.cli.commands import app
from ivig_blina.cli.common import (
    check_tests,
    inputs_of,
    registry_of,
    summary,
    user_errors,
    warnings_as_lines,
)
from ivig_blina.cli.options import (
    BreakDays,
    Dpi,
    FigureOut,
    GroupList,
    Groups,
    Input,
    Labels,
    MaxPanels,
    Panels,
    PluginOpt,
    Quiet,
    Title,
    Width,
    XMax,
    check_level,
    parse_groups,
    parse_landmarks,
    parse_panels,
    parse_tests,
    parse_thresholds,
    with_input,
)
from ivig_blina.errors import IvigBlinaError

plot_app = typer.Typer(
    no_args_is_help=True,
    help="Figures for a paper, in the format the file's extension names (.png, .svg, .pdf, .tiff, .eps; "
    "needs matplotlib: pip install 'ivig-blina[plot]').",
)
app.add_typer(plot_app, name="plot")


@contextmanager
def _matplotlib_logs_as_warnings():
    """matplotlib's logged warnings (a font not found) as Python warnings, which
    :func:`warnings_as_lines` shows as one line each, or not at all under ``--quiet``."""
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

    with user_errors(), _matplotlib_logs_as_warnings():
        format = figure_format(path)
        save_atomically(path, lambda temporary: save_figure(figure, temporary, dpi, format), sources)


@plot_app.command(
    "igg",
    help="IgG against day, one panel per cohort on one shared day axis and one line per patient from the "
    "baseline; each nadir circled, IVIG doses as ticks on the line, censored values as open triangles "
    "(down for <X, up for >X), threshold lines labelled, in --report-units.",
)
@with_input
@warnings_as_lines
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
    with user_errors(), _matplotlib_logs_as_warnings():
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
    summary(cohort, quiet)
    _save_figure(figure, output, dpi, inputs_of(source))


@plot_app.command(
    "infection",
    help="Kaplan-Meier infection-free curves per cohort with censoring marks, the hazard ratio with its CI "
    "and the log-rank P (two cohorts; the k-sample P with more), events and censored per cohort, and the "
    "numbers at risk under each break; cumulative incidence and Gray's test with --competing-risk.",
)
@with_input
@warnings_as_lines
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

    with user_errors(), _matplotlib_logs_as_warnings():
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
    summary(cohort, quiet)
    _save_figure(figure, output, dpi, inputs_of(source))


@plot_app.command(
    "swimmer",
    help="One bar per patient from day 0 to the end of follow-up, sorted by cohort then follow-up: the "
    "days below the HGG threshold shaded, IVIG doses, infections (needing ICU, fatal) and deaths marked. "
    "Beyond --max-patients, that many drawn at random (--seed), as the title says.",
)
@with_input
@warnings_as_lines
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
    with user_errors(), _matplotlib_logs_as_warnings():
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
    summary(cohort, quiet)
    _save_figure(figure, output, dpi, inputs_of(source))


@plot_app.command(
    "forest",
    help="Every outcome's effect, first cohort against second, as compare computes it: each estimate with "
    "its CI and P; ratios (odds, hazard, rate) on a log axis, differences on linear ones, one panel per "
    "scale. Outcomes without an estimate are listed beneath.",
)
@with_input
@warnings_as_lines
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
    registry = registry_of(plugin)
    check_tests(registry, tests)
    with user_errors(), _matplotlib_logs_as_warnings():
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
    summary(cohort, quiet, result.excluded_patients)
    _save_figure(figure, output, dpi, inputs_of(source))
