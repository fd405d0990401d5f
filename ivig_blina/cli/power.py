"""``ivigblina power``: what a study could detect (minimum detectable effects), the power at
given proportions and the patients a given effect needs, from the cohort file or from group
sizes. Registered on the app by ``commands`` (imported at its end)."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import typer

from ivig_blina.cli.commands import app
from ivig_blina.cli.common import inputs_of, result_out, summary, user_errors, warnings_as_lines
from ivig_blina.cli.options import Format, FormatOpt, Input, Output, Quiet, _usage, parse_group_list, with_input
from ivig_blina.errors import OptionError

EFFECT_KINDS = ("binary", "continuous", "time-to-event")  # as ivig_blina.analyses.power, without importing it


def _check_level(name: str):
    def check(value: float) -> float:
        from ivig_blina.stats.power import check_level

        return _usage(check_level, name)(value)

    return check


def _check_proportion(name: str):
    def check(value: float | None) -> float | None:
        from ivig_blina.stats.power import check_proportion

        return None if value is None else _usage(check_proportion, name)(value)

    return check


def parse_sizes(value: str | None) -> tuple[int, int] | None:
    """``17,6``: two group sizes of at least 2 patients each."""
    if value is None:
        return None
    try:
        sizes = tuple(int(x) for x in value.split(","))
    except ValueError:
        sizes = ()
    if len(sizes) != 2 or min(sizes) < 2:
        raise typer.BadParameter(
            f"expected two group sizes of at least 2 patients each, as N1,N2 (e.g. 17,6); got '{value}'"
        )
    return sizes[0], sizes[1]


def parse_effects(values: list[str] | None) -> dict[str, float]:
    """``KIND=VALUE`` (repeatable; the last of a kind wins), each checked as the library checks it."""
    effects: dict[str, float] = {}
    for text in values or []:
        kind, _, number = (part.strip() for part in text.partition("="))
        try:
            value = float(number)
        except ValueError:
            raise typer.BadParameter(
                f"expected KIND=VALUE with KIND one of {', '.join(EFFECT_KINDS)} and VALUE a number, got '{text}'"
            ) from None
        from ivig_blina.analyses.power import check_effect

        try:
            effects[kind] = check_effect(kind, value)
        except OptionError as e:
            raise typer.BadParameter(e.expected) from None
    return effects


def _check_effects(values: list[str] | None) -> list[str] | None:
    """``--effect``'s values checked where Click knows the option (a usage error names it); the
    command parses them again into a dict (a callback's dict would be turned back into a list)."""
    parse_effects(values)
    return values


def _check_event_rate(value: float | None) -> float | None:
    if value is not None and not 0 < value <= 1:
        raise typer.BadParameter(f"expected the proportion of patients with an event, in (0, 1]; got {value}")
    return value


POWER_HELP = (
    "What the study could detect: for each outcome of compare, at the group sizes compare reports, "
    "the minimum detectable effect with the target power (two-sided): binary, the first group's "
    "proportion below and above the second's by Fisher's exact power (enumerated; arcsine above "
    "1,000 a group); continuous, the shift in SD units (Noether, Mann-Whitney) and Cohen's d (as R's "
    "pwr.t2n.test); time to infection, the hazard ratio (Schoenfeld, from the events). --effect "
    "gives the patients needed at the same allocation. Never observed (post hoc) power. Without a "
    "FILE: --sizes N1,N2."
)


def power(
    source: Input,
    sizes: Annotated[
        str | None,
        typer.Option(
            "--sizes",
            metavar="N1,N2",
            show_default=False,
            callback=parse_sizes,
            help="Patients per group of a planned study, instead of a FILE.",
        ),
    ] = None,
    groups: Annotated[
        str | None,
        typer.Option(
            "--groups",
            show_default=False,
            callback=parse_group_list,
            help="The cohorts, as A,B (that order; A,B,C or all get no method here, as compare takes them); with "
            "--sizes, the two groups' names.",
        ),
    ] = None,
    alpha: Annotated[
        float, typer.Option("--alpha", callback=_check_level("alpha"), help="Two-sided significance level.")
    ] = 0.05,
    target: Annotated[float, typer.Option("--power", callback=_check_level("power"), help="Target power.")] = 0.8,
    p1: Annotated[
        float | None,
        typer.Option(
            "--p1",
            show_default=False,
            callback=_check_proportion("p1"),
            help="First group's proportion: adds the power at it (binary outcomes).",
        ),
    ] = None,
    p2: Annotated[
        float | None,
        typer.Option(
            "--p2",
            show_default=False,
            callback=_check_proportion("p2"),
            help="Second group's proportion, instead of the one observed (needed with --sizes for a binary row).",
        ),
    ] = None,
    events: Annotated[
        int | None,
        typer.Option(
            "--events",
            min=1,
            show_default=False,
            help="Events for the detectable hazard ratio, instead of those observed (a planned study).",
        ),
    ] = None,
    effect: Annotated[
        list[str] | None,
        typer.Option(
            "--effect",
            metavar="KIND=VALUE",
            show_default=False,
            callback=_check_effects,
            help="Patients needed per group at the same allocation for an effect (repeatable): binary=P1 (the first "
            "group's proportion), continuous=D (Cohen's d), time-to-event=HR (events, and patients with "
            "--event-rate).",
        ),
    ] = None,
    event_rate: Annotated[
        float | None,
        typer.Option(
            "--event-rate",
            show_default=False,
            callback=_check_event_rate,
            help="Proportion of patients with an event: turns the events a hazard ratio needs into patients.",
        ),
    ] = None,
    format: FormatOpt = Format.table,
    output: Output = None,
    quiet: Quiet = False,
):
    from ivig_blina.analyses.power import power as run_power

    effects = parse_effects(effect)  # checked by its callback
    if (source.file is None) == (sizes is None):
        raise typer.BadParameter(
            "give a cohort FILE or --sizes N1,N2, not both" if sizes else "give a cohort FILE or --sizes N1,N2",
            param_hint="--sizes",
        )
    chosen: list[str] | None = groups  # type: ignore[assignment]  # a list: parsed by its callback
    if sizes is not None and chosen is not None and len(chosen) != 2:
        raise typer.BadParameter(
            f"with --sizes, name the two groups as A,B; got '{','.join(chosen)}'", param_hint="--groups"
        )
    with user_errors():
        cohort = source.load(require_cohort=True) if source.file is not None else None
        result = run_power(
            cohort,
            chosen,
            sizes=sizes,  # type: ignore[arg-type]  # a pair: parsed by its callback
            alpha=alpha,
            power=target,
            p1=p1,
            p2=p2,
            events=events,
            effects=effects,
            event_rate=event_rate,
        )
    if cohort is not None:
        summary(cohort, quiet, result.excluded_patients)
    from ivig_blina.render.power import power_table

    result_out(result, power_table, format, output, inputs_of(source) if source.file is not None else [], quiet)


def _file_optional(command: Any) -> Any:
    """The command's FILE argument made optional (None without one: --sizes instead)."""
    signature = inspect.signature(command)
    first, *rest = signature.parameters.values()
    optional = Annotated[
        str | None,
        typer.Argument(metavar="[FILE]", help="Long-format cohort CSV, or - for standard input.", show_default=False),
    ]
    command.__signature__ = signature.replace(parameters=[first.replace(default=None, annotation=optional), *rest])
    return command


app.command("power", help=POWER_HELP)(_file_optional(with_input(warnings_as_lines(power))))
