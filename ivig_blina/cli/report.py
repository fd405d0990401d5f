"""``ivigblina report FILE -o study.html|.docx|.md``: the manuscript-ready report.

It takes every input option (:class:`~ivig_blina.cli.options.Input`) and every comparison
option of ``compare``: their definitions are read from ``compare``'s own signature when the
command is registered (:func:`register`), so an option added to ``compare`` reaches the report
without a copy. ``table1``'s options that ``compare`` lacks (``--patients``, ``--mean``) come from
``table1``'s signature the same way; Table 1 shows every covariate of the file (compare's
``--covariates`` names those its models adjust for, and ``--categorical`` serves both). The
report's own options are ``-o``, ``--title``, ``--author`` and ``--no-figures``.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

import typer

from ivig_blina.cli.options import Input, with_input

# compare's parameters the report does not take: it writes one file in the format its name says
NOT_TAKEN = {"ctx", "source", "format", "output"}
TABLE1_OPTIONS = ("covariates", "categorical", "patients", "mean")  # those compare lacks are taken from table1
# the library's parameters whose flags differ (compare's FLAGS, read the other way)
PARAMETERS = {"test": "tests", "confidence": "confidence_level"}
HELP = (
    "A manuscript-ready report of the comparison: the record of the run, a CONSORT-style account of the data and "
    "the definitions, Table 1 (when the file has covariates), the outcomes with effects, CIs and P values, time to "
    "infection, the figures, Methods and Results paragraphs and the warnings. HTML (one self-contained file), Word "
    "(.docx) or Markdown (figures beside it), chosen by the extension of -o. Takes every option of compare; the "
    "study file's [compare] section, then [report]."
)


def _check_output(value: str) -> str:
    from ivig_blina.errors import OptionError
    from ivig_blina.render.report import report_format

    try:
        report_format(value)
    except OptionError as e:
        raise typer.BadParameter(e.expected) from None
    return value


ReportOut = Annotated[
    str,
    typer.Option(
        "--output",
        "-o",
        callback=_check_output,
        help="The report: .html (one self-contained file), .docx (Word) or .md (Markdown, figures beside it).",
    ),
]
Title = Annotated[
    str | None, typer.Option("--title", show_default=False, help="The report's title (default: the cohorts compared).")
]
Author = Annotated[str | None, typer.Option("--author", show_default=False, help="An author line under the title.")]
NoFigures = Annotated[
    bool, typer.Option("--no-figures", help="Leave the figures out (they need matplotlib: the plot extra).")
]


def _own(function: Callable[..., Any]) -> dict[str, inspect.Parameter]:
    """A command's own parameters (the shared input options are not among them)."""
    return dict(inspect.signature(inspect.unwrap(function), eval_str=True).parameters)


def register(app: typer.Typer, compare: Callable[..., Any], table1: Callable[..., Any]) -> None:
    """Add ``report`` to ``app`` with ``compare``'s comparison options and ``table1``'s choice of
    covariates, as those commands define them."""
    from ivig_blina.cli.common import warnings_as_lines

    compared = [p for name, p in _own(compare).items() if name not in NOT_TAKEN]
    described = [_own(table1)[name] for name in TABLE1_OPTIONS if name not in {p.name for p in compared}]
    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    source = inspect.Parameter("source", inspect.Parameter.KEYWORD_ONLY, annotation=Input)
    own = [
        inspect.Parameter("output", inspect.Parameter.KEYWORD_ONLY, annotation=ReportOut),
        inspect.Parameter("title", inspect.Parameter.KEYWORD_ONLY, annotation=Title, default=None),
        inspect.Parameter("author", inspect.Parameter.KEYWORD_ONLY, annotation=Author, default=None),
        inspect.Parameter("no_figures", inspect.Parameter.KEYWORD_ONLY, annotation=NoFigures, default=False),
    ]
    parameters = [context, source, *own, *(p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in compared)]
    parameters += [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in described]

    def report(ctx: typer.Context, source: Input, **options: Any) -> None:
        run_report(ctx, source, options, compared=[p.name for p in compared])

    report.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    report.__doc__ = HELP
    app.command("report", help=HELP)(with_input(warnings_as_lines(report)))


def names_list(value: str | None) -> list[str]:
    """``a,b,c`` as names (``--covariates``)."""
    return [c.strip() for c in value.split(",") if c.strip()] if value else []


def _library(options: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """compare's options as :func:`ivig_blina.compare` takes them: by the library's parameter
    name, enums as their values, ``--covariates`` as a list; those it does not take (``quiet``,
    ``plugin``, ``burden``, ``categorical``...) are left to the command."""
    from ivig_blina.analyses.comparison import compare

    taken = inspect.signature(compare).parameters
    out = {}
    for name in names:
        parameter = PARAMETERS.get(name, name)
        if parameter in taken and parameter not in ("tests", "registry", "progress"):
            value = options[name]
            out[parameter] = value.value if isinstance(value, Enum) else value
    if "covariates" in out:
        out["covariates"] = names_list(out["covariates"]) or None
    return out


def run_report(ctx: typer.Context, source: Input, options: dict[str, Any], compared: list[str]) -> None:
    """Load, compare, describe, draw and write, as ``compare`` and ``table1`` do each step."""
    from ivig_blina.cli import common
    from ivig_blina.cli.options import parse_tests
    from ivig_blina.io.writing import refuse_an_input
    from ivig_blina.render.report import build_report, write_report

    quiet = bool(options.get("quiet"))
    with common.user_errors():  # before the analysis, which takes a while
        refuse_an_input(options["output"], common.inputs_of(source))
    tests = parse_tests(options.get("test"))
    table1_tests = {"categorical": tests.pop("categorical")} if "categorical" in tests else {}
    registry = common.registry_of(options.get("plugin"))
    common.check_tests(registry, tests)
    chosen = _library(options, compared)
    strata = chosen.get("strata")
    named = names_list(options.get("covariates"))
    with common.user_errors():
        if options.get("burden") and chosen.get("windows") is None:
            from ivig_blina.cohort.burden import WINDOWS

            chosen["windows"] = WINDOWS
        cohort = source.load(
            require_cohort=True,
            competing_risk=bool(chosen.get("competing_risk")),
            keep_rows=True,  # the IgG figure draws every value; the burden windows and the models need them
            covariates=[*named, *([strata] if strata and strata not in named else [])] or None,
            all_covariates=True,  # Table 1 shows every covariate
            categorical=options.get("categorical") or [],
            patients_file=options.get("patients"),
        )
        from ivig_blina.analyses.comparison import compare
        from ivig_blina.analyses.table1 import table1

        with common.progress_bar(not quiet and sys.stderr.isatty()) as progress:
            result = compare(cohort, tests=tests, registry=registry, progress=progress, **chosen)
        if len(result.groups) == 2:  # the Results say what the study could have detected
            from ivig_blina.analyses.power import with_mde

            result = with_mde(result)
        labels = common.labels_of(options.get("labels"), cohort)
        groups = result.groups  # the cohorts' own names, as the figures take them
        result = result.relabelled(labels)
        study = ctx.find_root().obj
        if study:  # the study file, as read, in the record
            result.meta.update(study)
        _, kinds = cohort.covariate_table()
        described = None
        if len(kinds) > 1:  # a covariate besides the baseline IgG
            described = table1(
                cohort,
                list(groups),
                mean=bool(options.get("mean")),
                tests=table1_tests,
                seed=chosen.get("seed", 1),
                registry=registry,
            ).relabelled(labels)
        figures = None
        if not options.get("no_figures"):
            from ivig_blina.figures.report import report_figures

            figures = report_figures(cohort, groups, competing_risk=bool(chosen.get("competing_risk")), labels=labels)
        document = build_report(
            result,
            described,
            figures,
            title=options.get("title"),
            author=options.get("author"),
            date=source.today,  # type: ignore[arg-type]  # a date: parsed by its callback
            options={"figures": "off" if options.get("no_figures") else None},
        )
    common.summary(cohort, quiet, result.excluded_patients)
    for note in result.notes:
        common.warn(f"ivigblina: warning: {note}", quiet)
    for o in result.outcomes:
        for w in o.warnings:
            common.warn(f"ivigblina: warning: {o.outcome}: {w}", quiet)
    for missing in (m for m in (figures or {}).values() if isinstance(m, str)):
        common.warn(f"ivigblina: warning: a figure is not drawn: {missing}", quiet)
    with common.user_errors():
        write_report(document, options["output"], common.inputs_of(source))
