"""Hostile input at the command line (issue 13): what a file's text can do to a terminal, and
limits on what a run takes."""

from __future__ import annotations

import csv
import io
import json
import textwrap

import pytest

from conftest import WO, run

ESC_ID = "A\x1b]0;PWNED\x07"  # an OSC sequence: sets the terminal's title
RED = "ctl\x1b[31mred"  # an SGR sequence: colours what follows
LINK = "[link=http://evil.example]x[/link]"  # Rich markup for an OSC-8 hyperlink
BOLD = "[bold red]y[/]"
INJECTED = (f"patient_id,cohort,day,igg_mg_dl,event\n{ESC_ID},{RED},-1,900,\n{ESC_ID},{RED},10,300,{LINK}\n"
            f"B,{BOLD},10,500,\nB,{BOLD},20,,infection\nC,{BOLD},5,,\n")


def _no_control(text: str) -> None:
    assert not any(c in text for c in "\x1b\x07\x9b\r"), repr(text)


def test_an_error_shows_control_characters_of_the_file_as_escapes(write):
    path = write(f"patient_id,cohort,day,igg_mg_dl\n{ESC_ID},x,1,300\n{ESC_ID},\"y\x1b[2J\nz\",2,400\n")
    result = run("nadir", path)
    assert result.exit_code == 1 and result.stdout == ""
    _no_control(result.stderr)
    assert result.stderr.count("\n") == 1
    assert "patient 'A\\x1b]0;PWNED\\x07' is in cohort 'y\\x1b[2J\\nz' here but in 'x' earlier" in result.stderr


def test_a_file_name_with_control_characters_is_shown_escaped(tmp_path):
    path = tmp_path / "evil\x1b[2J\n.csv"
    path.write_text("patient_id,cohort,day,igg_mg_dl\nA,x,1,abc\n")
    result = run("nadir", str(path))
    assert result.exit_code == 1
    _no_control(result.stderr)
    assert result.stderr == f"ivigblina: error: {tmp_path}/evil\\x1b[2J\\n.csv:2: column 'igg_mg_dl': 'abc' is not a number\n"


def test_the_summary_and_warnings_show_control_characters_as_escapes(write):
    result = run("compare", write(INJECTED), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    _no_control(result.stderr)
    summary = result.stderr.splitlines()[0]
    assert f"3 patients ({BOLD} 2, ctl\\x1b[31mred 1)" in summary
    assert f"ivigblina: warning: pct_drop: no values in group '{BOLD}'; no test" in result.stderr
    # machine formats keep the text as it is
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["group_a"] == BOLD and rows[0]["group_b"] == RED
    assert LINK.lower() in [r["outcome"] for r in rows]


def test_nadir_summary_escapes_a_listed_patient_id(write):
    result = run("nadir", write(f"patient_id,cohort,day,igg_mg_dl\n{ESC_ID},x,-1,300\nB,x,1,400\n"), "-f", "csv")
    assert result.exit_code == 0
    _no_control(result.stderr)
    assert "no nadir: A\\x1b]0;PWNED\\x07)" in result.stderr
    assert list(csv.DictReader(io.StringIO(result.stdout)))[0]["patient_id"] == ESC_ID


def test_the_comparison_table_shows_labels_and_markup_as_written(write):
    result = run("compare", write(INJECTED), "-q")
    assert result.exit_code == 0
    _no_control(result.stdout)
    assert LINK.lower() in result.stdout and f"{BOLD} vs ctl\\x1b[31mred" in result.stdout


def test_the_comparison_table_on_a_real_terminal_sends_no_control_sequence_from_the_file(write):
    """On a terminal Rich would turn [link=...] into an OSC-8 hyperlink and pass ESC through."""
    from rich.console import Console

    import ivig_blina
    from ivig_blina.render.text import comparison_table

    result = ivig_blina.compare(ivig_blina.load(write(INJECTED), require_cohort=True))
    for width in (None, 60):  # the wide table, and the narrow one of blocks
        console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=200)
        console.print(comparison_table(result, width=width))
        shown = console.file.getvalue()
        assert "\x1b]8;" not in shown and "\x1b]0;" not in shown and "\x1b[31m" not in shown
        assert "x[/link]" in shown and "ctl\\x1b[31mred" in shown and "[/]" in shown


def test_a_plugin_error_of_several_lines_is_one_line(write):
    path = write("raise RuntimeError('boom\\nsecond line\\x1b[2J')\n", name="multi.py")
    result = run("compare", WO, "--plugin", path)
    assert result.exit_code == 1
    assert result.stderr == f"ivigblina: error: {path}: plug-in failed to load: RuntimeError: boom\\nsecond line\\x1b[2J\n"


@pytest.mark.parametrize("name", ["$x^2$", "$\\frac{", "a$b$c$"])
def test_figures_show_a_cohort_name_as_written_never_as_mathtext(name, write, tmp_path):
    text = textwrap.dedent(f"""\
        patient_id,cohort,day,igg_mg_dl,event
        A,"{name}",0,500,
        A,"{name}",10,300,infection
        B,ctl,0,500,
        B,ctl,20,350,
        """)
    path = write(text)
    for command in ("igg", "infection"):
        result = run("plot", command, path, "-q", "-o", str(tmp_path / f"{command}.png"))
        assert result.exit_code == 0, result.stderr
    from ivig_blina.figures.plots import _text

    assert _text(name).replace("\\$", "$") == name and "$" not in _text(name).replace("\\$", "")
