"""``--config study.toml``: a study file that holds any option of any command.

Keys are the long option names without their dashes (``patient-col = "MRN"``,
``event-map = ["ICU=infection_icu"]``, ``competing-risk = true``): at the top level for every
command that takes them, or under ``[compare]``, ``[nadir]``, ``[table1]``, ``[tests]``, ``[plot.igg]``,
``[plot.infection]``, ``[report]`` for one (``report`` reads ``[compare]`` first, then its own).
A top-level key that a command does not take is ignored by it; a
key that no command takes is an error naming it. Options given on the command line win: the
file becomes Click's ``default_map``.
"""

from __future__ import annotations

import copy
import functools
import inspect
import sys
from collections.abc import Callable
from typing import Any

import typer
import typer.main
from typer.core import TyperGroup

# a command that reads another's section first (the report takes compare's options): then its own wins
INHERITS: dict[tuple[str, ...], tuple[str, ...]] = {("report",): ("compare",)}


class ConfigError(Exception):
    """A study file that cannot be used: exit 2, one line naming the file."""


class ConfigGroup(TyperGroup):
    """The ``ivigblina`` group: takes ``--config FILE`` out of the arguments wherever it
    stands, and runs the command with the file's options as defaults. Made by :func:`group`,
    its commands are made only when needed."""

    _make: dict[str, Callable[[], Any]] = {}  # a command's maker while it is not made yet

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        return name, self.made(name) if name is not None else command, rest

    def made(self, name: str):
        """The command ``name``, made now if it was not (its help line stood in for it)."""
        if name in self._make:
            self.commands[name] = self._make.pop(name)()
        return self.commands[name]

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        path, args = _take_config(args)
        if path is not None:
            try:
                data = _read(path)
                extra["default_map"] = default_map(self, data, path)
            except ConfigError as e:
                if not standalone_mode:
                    raise
                typer.echo(f"ivigblina: error: {e}", err=True)
                sys.exit(2)
            import hashlib

            extra["obj"] = {"config": path, "config_sha256": hashlib.sha256(data[1]).hexdigest()}
        return super().main(args, prog_name, complete_var, standalone_mode, **extra)


def group(app: typer.Typer) -> ConfigGroup:
    """``app`` as its Click group, each command made from its Typer definition only when it is
    run, its help shown or a study file read. Typer makes every command's options first (30 of
    ``ivigblina --help``'s 200 ms, measured); the list of commands needs only their help lines."""
    bare = copy.copy(app)
    bare.registered_commands, bare.registered_groups = [], []
    made = typer.main.get_command(bare)
    assert isinstance(made, ConfigGroup)
    short, markup = app.pretty_exceptions_short, app.rich_markup_mode
    makers: dict[str, Callable[[], Any]] = {}
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or typer.main.get_command_name(command.callback.__name__)
        makers[name] = functools.partial(
            typer.main.get_command_from_info, command, pretty_exceptions_short=short, rich_markup_mode=markup
        )
        text = inspect.cleandoc(command.help) if command.help is not None else inspect.getdoc(command.callback)
        made.commands[name] = typer.core.TyperCommand(
            name, help=text, short_help=command.short_help, hidden=command.hidden, deprecated=command.deprecated
        )
    for sub in app.registered_groups:
        solved = typer.main.solve_typer_info_defaults(sub)
        assert solved.name is not None
        makers[solved.name] = functools.partial(
            typer.main.get_group_from_info,
            sub,
            pretty_exceptions_short=short,
            rich_markup_mode=markup,
            suggest_commands=app.suggest_commands,
        )
        made.commands[solved.name] = TyperGroup(
            name=solved.name, help=solved.help, short_help=solved.short_help, hidden=solved.hidden
        )
    made._make = makers
    return made


def _take_config(args: list[str]) -> tuple[str | None, list[str]]:
    """``--config FILE`` (or ``--config=FILE``) taken out of ``args``, before ``--``."""
    path, rest, i = None, [], 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--config":
            if i + 1 >= len(args):
                raise SystemExit(_usage("--config needs a file name"))
            path, i = args[i + 1], i + 2
            continue
        if arg.startswith("--config="):
            path = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return path, rest


def _usage(message: str) -> int:
    typer.echo(f"ivigblina: error: {message}", err=True)
    return 2


def _read(path: str) -> tuple[dict[str, Any], bytes]:
    import tomllib

    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read the study file: {e.strerror}") from None
    try:
        return tomllib.loads(raw.decode("utf-8")), raw
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: not a TOML study file: {e}") from None


def _options(command) -> dict[str, Any]:
    """A command's options by long name without dashes."""
    out = {}
    for param in command.params:
        for opt in getattr(param, "opts", []) + getattr(param, "secondary_opts", []):
            if opt.startswith("--"):
                out[opt[2:]] = param
    return out


def _commands(group: TyperGroup) -> dict[tuple[str, ...], Any]:
    """Every command by its path of names (``("plot", "igg")``)."""
    out: dict[tuple[str, ...], Any] = {}
    for name in list(group.commands):
        command = group.made(name) if isinstance(group, ConfigGroup) else group.commands[name]
        if isinstance(command, TyperGroup):
            out.update({(name, *path): sub for path, sub in _commands(command).items()})
        else:
            out[(name,)] = command
    return out


def default_map(group: TyperGroup, data: tuple[dict[str, Any], bytes], path: str) -> dict[str, Any]:
    """The study file as Click's nested ``default_map``: top-level keys for every command that
    takes them, then each command's own section (which wins)."""
    table = data[0]
    commands = _commands(group)
    sections = {".".join(p): p for p in commands}
    top = {k: v for k, v in table.items() if not isinstance(v, dict)}
    known = set().union(*(_options(c) for c in commands.values()))
    for key in top:
        if key not in known:
            raise ConfigError(
                f"{path}: '{key}' is not an option of any command (keys are long option names "
                "without dashes, e.g. patient-col)"
            )
    own: dict[tuple[str, ...], dict[str, Any]] = {}
    for name, values in _sections(table):
        if name not in sections:
            raise ConfigError(
                f"{path}: [{name}] is not a command; sections: " + ", ".join(f"[{s}]" for s in sorted(sections))
            )
        options = _options(commands[sections[name]])
        for key in values:
            if key not in options:
                raise ConfigError(f"{path}: [{name}] '{key}' is not an option of {' '.join(sections[name])}")
        own[sections[name]] = values
    result: dict[str, Any] = {}
    for names, command in commands.items():
        options = _options(command)
        inherited = own.get(INHERITS.get(names, ()), {})
        chosen = {
            **{k: v for k, v in top.items() if k in options},
            **{k: v for k, v in inherited.items() if k in options},
            **own.get(names, {}),
        }
        defaults = {options[k].name: _value(options[k], v) for k, v in chosen.items()}
        if defaults:
            level = result
            for name in names[:-1]:
                level = level.setdefault(name, {})
            level[names[-1]] = defaults
    return result


def _sections(table: dict[str, Any], prefix: str = ""):
    """(``plot.igg``, its keys) for every table of option values, nested ones included."""
    for key, value in table.items():
        if isinstance(value, dict):
            name = prefix + key
            scalars = {k: v for k, v in value.items() if not isinstance(v, dict)}
            if scalars or not value:
                yield name, scalars
            yield from _sections({k: v for k, v in value.items() if isinstance(v, dict)}, name + ".")


def _value(param, value: Any) -> Any:
    """A TOML value as the option takes it: an array for a repeatable option, else one value
    (an array joined by commas, as for ``groups`` or ``landmarks``)."""
    if getattr(param, "multiple", False):
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return value
