"""``ivigblina verify``: recompute a paper's binary results from the counts (or percentages)
and P values it prints, and say which tests reproduce each P at the precision printed.
Registered on the app by ``commands`` (imported at its end)."""

from __future__ import annotations

from typing import Annotated

import typer

from ivig_blina.cli.commands import app
from ivig_blina.cli.common import result_out, user_errors, warnings_as_lines
from ivig_blina.cli.options import Format, FormatOpt, Output, Quiet

VERIFY_HELP = (
    "Check a published result: recompute a binary result from the counts (or percentages with n) "
    "and the P value a paper prints, and say which tests reproduce the P at the precision printed "
    "(0.58: 0.575 <= P < 0.585; P=1: P >= 0.995): Fisher's exact test and its mid-P, chi-square with "
    "and without Yates' correction, Barnard's and Boschloo's tests. --percent with --n: the event "
    "counts a printed percentage allows (GRIM). A median cannot be recomputed without the data."
)


def _not_recomputable(value: str | None) -> str | None:
    if value is not None:
        from ivig_blina.analyses.verify import NOT_RECOMPUTABLE

        raise typer.BadParameter(NOT_RECOMPUTABLE)
    return value


@app.command("verify", help=VERIFY_HELP)
@warnings_as_lines
def verify(
    binary: Annotated[
        str | None,
        typer.Option(
            "--binary",
            metavar="E1/N1,E2/N2",
            show_default=False,
            help="One result, first group then second: events/n (14/17,4/6) or percent/n (82.4%/17,66.7%/6; every "
            "consistent table is listed).",
        ),
    ] = None,
    p: Annotated[
        str | None,
        typer.Option("--p", show_default=False, help="The printed P of --binary: 0.58, P=1, <0.001."),
    ] = None,
    percent: Annotated[
        str | None,
        typer.Option("--percent", show_default=False, help="A printed percentage (with --n): which counts give it."),
    ] = None,
    n: Annotated[int | None, typer.Option("--n", min=1, show_default=False, help="The patients of --percent.")] = None,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            metavar="FILE",
            show_default=False,
            help="A CSV of many results: outcome,events_1,n_1,events_2,n_2,p (events may be percentages, p empty).",
        ),
    ] = None,
    median: Annotated[
        str | None,
        typer.Option(
            "--median",
            show_default=False,
            callback=_not_recomputable,
            help="Refused, saying why: a median cannot be recomputed without the data.",
        ),
    ] = None,
    format: FormatOpt = Format.table,
    output: Output = None,
    quiet: Quiet = False,
):
    from ivig_blina.analyses.verify import verify as run_verify

    with user_errors():
        result = run_verify(binary, p, percent=percent, n=n, table=table)
    from ivig_blina.render.power import verify_table

    result_out(result, verify_table, format, output, [table] if table is not None else [], quiet)
