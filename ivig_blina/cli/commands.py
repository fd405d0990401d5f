"""The ``ivigblina`` command: parse options, call the library, render, map errors to exit codes.

pandas, scipy and pyarrow are imported inside the commands so that ``ivigblina --help`` stays
instant. A user's mistake in the data is one line on stderr and exit 1; a bad option exits 2.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from typing import Annotated, NoReturn

import typer

from ivig_blina import __version__
from ivig_blina.cli import processor
from ivig_blina.cli.common import (
    check_tests,
    emit,
    inputs_of,
    labels_of,
    progress_bar,
    registry_of,
    rows_out,
    summary,
    terminal_width,
    user_errors,
    warn,
    warnings_as_lines,
)
from ivig_blina.cli.config import ConfigGroup, group
from ivig_blina.cli.options import (
    Adjust,
    Alternative,
    Categorical,
    Format,
    FormatOpt,
    GroupList,
    Input,
    Labels,
    Output,
    PluginOpt,
    Quiet,
    Windows,
    check_level,
    parse_landmarks,
    parse_tests,
    with_input,
)
from ivig_blina.cli.report import register as register_report
from ivig_blina.cli.stdout import ONLY_WRITES_FAIL_SO, failed, standard_output, write_whole

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


@app.command(help="One row per patient: baseline, nadir, days to nadir, HGG and outcome events.\n" + DEFINITIONS)
@with_input
@warnings_as_lines
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

    with user_errors():
        cohort = source.load(competing_risk=competing_risk, keep_rows=windows is not None)
        table = cohort.nadir_table(windows)
    summary(cohort, quiet)
    columns = list(table.columns)
    if format in (Format.csv, Format.tsv):  # vectorised: per-patient tables can have millions of rows
        emit(frame_chunks(table, format.value), output, inputs_of(source))
        return
    caption = f"IgG in {cohort.igg_units}; area below the threshold in {cohort.igg_units} x days."
    if format is Format.table and len(table) > TABLE_ROWS:  # a screenful to read; files take another format
        caption += (
            f" The first {TABLE_ROWS} of {len(table):,} patients; every patient with -f csv, tsv, json, "
            "jsonl or markdown."
        )
        table = table.head(TABLE_ROWS)
    rows = [{k: plain(v) for k, v in row.items()} for row in table.to_dict("records")]
    rows_out(rows, columns, format, output, inputs_of(source), caption)


@app.command(
    help="Compare cohorts on IgG nadir, days to nadir, HGG and every event outcome, first group "
    "against second. Defaults: Mann-Whitney U with the Hodges-Lehmann shift (as R's wilcox.test) "
    "and Fisher's exact test with the conditional MLE odds ratio (as R's fisher.test); every binary "
    "row also gives the risk difference with Newcombe's hybrid score interval. Three or more cohorts "
    "(--groups A,B,C or all): Kruskal-Wallis, Fisher's r x c test, the k-sample log-rank (or Gray's) "
    "test and the Poisson likelihood-ratio test, and with --pairwise every pair.\n" + DEFINITIONS
)
@with_input
@warnings_as_lines
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
    registry = registry_of(plugin)
    check_tests(registry, tests)
    if exact and strata is None:
        raise typer.BadParameter("the exact Cochran-Mantel-Haenszel test needs --strata COLUMN", param_hint="--exact")
    with user_errors():
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
        with progress_bar(not quiet and sys.stderr.isatty()) as progress:
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
        result = result.relabelled(labels_of(labels, cohort))
    summary(cohort, quiet, result.excluded_patients)
    for note in result.notes:
        warn(f"ivigblina: warning: {note}", quiet)
    for o in result.outcomes:
        for w in o.warnings:
            warn(f"ivigblina: warning: {o.outcome}: {w}", quiet)
        for pair in o.pairwise:
            for w in pair.as_dict()["warnings"]:
                warn(f"ivigblina: warning: {o.outcome} ({pair.a} vs {pair.b}): {w}", quiet)
    if format is Format.table:
        emit(comparison_table(result, width=terminal_width() if output is None else None), output, inputs_of(source))
        return
    study = ctx.find_root().obj
    if study:  # the study file, as read, in the record
        result.meta.update(study)
    buffer = io.StringIO()
    write_comparison(result, format.value, buffer, terms=models)
    emit(buffer.getvalue(), output, inputs_of(source))


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
@warnings_as_lines
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
    registry = registry_of(plugin)
    check_tests(registry, tests)
    named = [c.strip() for c in covariates.split(",") if c.strip()] if covariates else None
    with user_errors():
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
        ).relabelled(labels_of(labels, cohort))
    summary(cohort, quiet)
    for v in result.variables:
        for w in v.warnings:
            warn(f"ivigblina: warning: {v.variable}: {w}", quiet)
    if format is Format.table:
        emit(table1_table(result, mean), output, inputs_of(source))
        return
    buffer = io.StringIO()
    if format is Format.json:
        import json

        buffer.write(json.dumps(result.to_dict(), indent=2) + "\n")
    else:
        write_rows(
            [{k: plain(v) for k, v in row.items()} for row in result.rows()], result.columns(), format.value, buffer
        )
    emit(buffer.getvalue(), output, inputs_of(source))


register_report(app, compare, table1)  # compare's and table1's options, as defined above


@app.command("tests", help="List the statistics: name, kind, description and where each came from.")
@warnings_as_lines
def list_tests(plugin: PluginOpt = None, format: FormatOpt = Format.table, output: Output = None):
    registry = registry_of(plugin)
    with user_errors():  # installed plug-ins are imported to be listed
        listed = registry.listing()
    rows = [
        {"name": e.cls.name, "kind": e.cls.kind, "description": e.cls.description, "origin": e.origin} for e in listed
    ]
    rows_out(rows, ["name", "kind", "description", "origin"], format, output, [])


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
            group(app)(prog_name="ivigblina")
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


def entry() -> NoReturn:
    """The ``ivigblina`` command and ``python -m ivig_blina``: :func:`main`, then the end
    without the interpreter's teardown for a successful run too (freeing a large file's arrays
    and strings one by one took ~0.2 s of ~6.5 at 5M rows). :func:`main` itself ends a
    successful run with ``SystemExit(0)``, for callers that go on after it. Before numpy is
    imported, its AVX-512 kernels are left out where they are slow (:mod:`~ivig_blina.cli.processor`)."""
    processor.avoid_slow_avx512()
    try:
        main()
    except SystemExit as e:
        if e.code is None or isinstance(e.code, int):
            _end_now(e.code or 0)
        raise  # a message (sys.exit("...")): Python prints it
    _end_now(0)


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


from ivig_blina.cli import plot, power, verify  # noqa: E402, F401  (each registers its commands on the app above)
