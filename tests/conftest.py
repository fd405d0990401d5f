"""Shared helpers: write a small CSV, run the CLI in-process."""

from __future__ import annotations

import os
import re
from pathlib import Path
from unittest import mock

import pytest
from typer.testing import CliRunner

from ivig_blina.cli import app
from ivig_blina.cli.config import group

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


def run(*args: str, input: str | bytes | None = None, **invoke):
    """Run ``ivigblina ARGS``; a result with exit_code, stdout and stderr. Fails on any
    exception that is not a clean exit (a traceback is a bug). The group is the one ``main``
    runs, its commands made only when used (Typer's runner would make them all first);
    ``invoke`` goes to the runner (``prog_name``, ``terminal_width``)."""
    with mock.patch("typer.testing._get_command", group):
        result = CliRunner().invoke(app, [str(a) for a in args], input=input, **invoke)
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


# Infections with a CTCAE grade and a pathogen (issue 15), worked by hand in tests/test_grades.py
# and tests/test_pathogens.py. Line numbers in the comments.
GRADED = (
    "patient_id,cohort,day,igg_mg_dl,event,grade,pathogen\n"
    "A1,ivig,0,500,,,\n"  # 2
    "A1,ivig,10,,infection,3,bacterial\n"  # 3
    "A1,ivig,20,,infection,1,viral\n"  # 4: below 3
    "A1,ivig,40,450,,,\n"  # 5
    "A1,ivig,60,,last_follow_up,,\n"  # 6
    "A2,ivig,0,600,,,\n"  # 7
    "A2,ivig,5,,infection_icu,4, bacterial \n"  # 8: trimmed
    "A2,ivig,15,,infection,,fungal\n"  # 9: no grade
    "A2,ivig,30,,infection_death,5,bacterial\n"  # 10
    "A3,ivig,0,550,,,\n"  # 11
    "A3,ivig,-3,,infection,4,viral\n"  # 12: before day 0, not counted
    "A3,ivig,50,,infection,2,\n"  # 13: below 3, no pathogen
    "A3,ivig,80,,last_follow_up,,\n"  # 14
    "C1,control,0,500,,,\n"  # 15
    "C1,control,7,,infection,3,viral\n"  # 16
    "C1,control,7,,infection,3,bacterial\n"  # 17: the same day, another pathogen: a second episode
    "C1,control,25,,infection_icu,2,viral\n"  # 18: below 3
    "C1,control,45,,infection,,\n"  # 19: no grade, the patient's last row
    "C2,control,0,700,,,\n"  # 20
    "C2,control,12,,infection,1,fungal\n"  # 21: below 3
    "C2,control,20,,death,,\n"  # 22
    "C2,control,25,,infection,4,viral\n"  # 23: after the death, not counted
)
