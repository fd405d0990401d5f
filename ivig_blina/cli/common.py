"""What every command shares: errors as exit codes, warnings as lines, the registry of
statistics, the progress bar, and writing a result (stdout or a file, atomically).

Stage 5 of the package, beside ``commands``: it parses nothing and analyses nothing.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager, nullcontext
from typing import Any

import typer

from ivig_blina.cli.options import Format, Input
from ivig_blina.cli.stdout import standard_output, terminal_text, write_whole
from ivig_blina.errors import IvigBlinaError, OptionError, printable

FLAGS = {"tests": "test", "confidence_level": "confidence"}  # the library's parameters whose flags differ


@contextmanager
def user_errors():
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


def check_tests(registry, tests: dict[str, str]) -> None:
    """Every statistic named by ``--test`` exists for its kind (else a usage error listing them);
    an installed plug-in is imported here, when chosen."""
    from ivig_blina.stats import UnknownStatistic

    for kind, name in tests.items():
        try:
            with user_errors():
                registry.get(name, kind)
        except UnknownStatistic as e:
            raise typer.BadParameter(str(e), param_hint="--test") from None


def warnings_as_lines(command: Callable[..., Any]) -> Callable[..., Any]:
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


def registry_of(plugins: list[str] | None):
    from ivig_blina.stats import Registry

    with user_errors():
        return Registry.standard(plugin_files=plugins or [])


@contextmanager
def progress_bar(enabled: bool):
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


def inputs_of(source: Input) -> list[str]:
    """The files ``source`` names: the file, or every partition with --engine dask. ``-o`` may
    replace none of them."""
    if source.engine.value != "dask":
        return [source.file]
    from ivig_blina.cohort.distributed import partitions

    with user_errors():
        return partitions(source.file)


def terminal_width() -> int | None:
    """The terminal's width when stdout is one (a table must fit it), else None."""
    from rich.console import Console

    console = Console()
    return console.width if console.is_terminal else None


def emit(rendered, output: str | None, sources: Iterable[str] = ()) -> None:
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

        with user_errors():
            write_atomically(output, rendered if isinstance(rendered, Iterator) else render_text(rendered), sources)


def rows_out(
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
        emit(rows_table(rows, columns, caption=caption), output, sources)
        return
    buffer = io.StringIO()
    write_rows(rows, columns, format.value, buffer)
    emit(buffer.getvalue(), output, sources)


def result_out(result, table: Callable[[Any], Any], format: Format, output, sources, quiet: bool) -> None:
    """A result of rows (``power``, ``verify``): each row's warnings on stderr, then ``table(result)``
    in a terminal, its ``to_dict()`` as JSON, or its rows in the other formats."""
    for row in result.rows:
        for w in getattr(row, "warnings", ()):
            warn(f"ivigblina: warning: {row.outcome}: {w}", quiet)
    if format is Format.table:
        emit(table(result), output, sources)
    elif format is Format.json:
        import json

        emit(json.dumps(result.to_dict(), indent=2) + "\n", output, sources)
    else:
        rows_out(result.table_rows(), result.columns(), format, output, sources)


def labels_of(value: str | None, cohort) -> dict[str, str] | None:
    """``--labels``: display names by cohort, each a cohort of the file (else exit 1)."""
    if not value:
        return None
    from ivig_blina.analyses.cohort_names import check_labels, parse_labels

    labels = parse_labels(value)
    check_labels(labels, cohort.table.cohort.unique(), cohort.path)
    return labels


def warn(message: str, quiet: bool) -> None:
    """A line on stderr (not with ``--quiet``); text from the file in it cannot drive the terminal."""
    if not quiet:
        print(printable(message), file=sys.stderr)


def summary(cohort, quiet: bool, excluded: int = 0) -> None:
    """The one-line account of the input, then its notes, on stderr."""
    warn(cohort.input_summary(excluded), quiet)
    for note in cohort.observations.notes:
        warn(f"ivigblina: warning: {note}", quiet)
