"""Shared helpers: write a small CSV, run the CLI in-process."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ivig_blina.cli import app

# Installed plug-ins are switched off for the whole suite, before any registry is filled, so
# that no test depends on what else is installed; the plug-in tests switch them on themselves.
os.environ["IVIGBLINA_PLUGINS"] = "none"

ROOT = Path(__file__).resolve().parent.parent
WO = ROOT / "examples" / "wo2022_cohort.csv"


@pytest.fixture
def write(tmp_path):
    """write(text, name="cohort.csv") -> path of a file holding ``text``."""

    def _write(text: str, name: str = "cohort.csv") -> str:
        path = tmp_path / name
        path.write_text(text)
        return str(path)

    return _write


def run(*args: str, input: str | bytes | None = None):
    """Run ``ivigblina ARGS``; a result with exit_code, stdout and stderr. Fails on any
    exception that is not a clean exit (a traceback is a bug)."""
    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def assert_usage_error(result, option: str) -> None:
    """A usage error (exit 2) whose message says that ``option`` (e.g. ``--groups``) is at fault,
    with nothing on stdout."""
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    named = rf"Error: (Invalid value for|Missing option) '?{re.escape(option)}'?[ :.]"
    assert re.match(named, errors[0]), result.stderr
