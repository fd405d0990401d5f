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

import hashlib
import sys
from typing import Any

import typer
from typer.core import TyperGroup

# a command that reads another's section first (the report takes compare's options): then its own wins
INHERITS: dict[tuple[str, ...], tuple[str, ...]] = {("report",): ("compare",)}


class ConfigError(Exception):
    """A study file that cannot be used: exit 2, one line naming the file."""


class ConfigGroup(TyperGroup):
    """The ``ivigblina`` group: takes ``--config FILE`` out of the arguments wherever it
    stands, and runs the command with the file's options as defaults."""

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
            extra["obj"] = {"config": path, "config_sha256": hashlib.sha256(data[1]).hexdigest()}
        return super().main(args, prog_name, complete_var, standalone_mode, **extra)


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
    for name, command in group.commands.items():
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
