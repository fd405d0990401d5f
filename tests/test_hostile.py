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
INJECTED = (
    f"patient_id,cohort,day,igg_mg_dl,event\n{ESC_ID},{RED},-1,900,\n{ESC_ID},{RED},10,300,{LINK}\n"
    f"B,{BOLD},10,500,\nB,{BOLD},20,,infection\nC,{BOLD},5,,\n"
)


def _no_control(text: str) -> None:
    assert not any(c in text for c in "\x1b\x07\x9b\r"), repr(text)


def test_an_error_shows_control_characters_of_the_file_as_escapes(write):
    path = write(f'patient_id,cohort,day,igg_mg_dl\n{ESC_ID},x,1,300\n{ESC_ID},"y\x1b[2J\nz",2,400\n')
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
    assert result.stderr == (
        f"ivigblina: error: {tmp_path}/evil\\x1b[2J\\n.csv:2: column 'igg_mg_dl': 'abc' is not a number\n"
    )


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
    assert result.stderr == (
        f"ivigblina: error: {path}: plug-in failed to load: RuntimeError: boom\\nsecond line\\x1b[2J\n"
    )


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
    from ivig_blina.figures.style import text

    assert text(name).replace("\\$", "$") == name and "$" not in text(name).replace("\\$", "")


# Item 18: Python warnings, long lists of names, too many panels.

CJK = "patient_id,cohort,day,igg_mg_dl,event\nA,对照,0,500,\nA,对照,10,300,infection\nB,ctl,0,500,\nB,ctl,20,350,\n"


@pytest.mark.parametrize("command", ["igg", "infection"])
def test_matplotlib_warnings_are_silent_with_quiet_and_one_line_each_otherwise(command, write, tmp_path):
    path, figure = write(CJK), str(tmp_path / "figure.png")
    quiet = run("plot", command, path, "-q", "-o", figure)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    loud = run("plot", command, path, "-o", figure)
    assert loud.exit_code == 0
    warned = [line for line in loud.stderr.splitlines() if line.startswith("ivigblina: warning: ")]
    assert sorted(warned) == [
        "ivigblina: warning: Glyph 23545 (\\N{CJK UNIFIED IDEOGRAPH-5BF9}) missing from font(s) DejaVu Sans.",
        "ivigblina: warning: Glyph 29031 (\\N{CJK UNIFIED IDEOGRAPH-7167}) missing from font(s) DejaVu Sans.",
    ]
    assert len(loud.stderr.splitlines()) == len(warned) + 1  # and the summary: no source lines, no file names


def test_numpy_warnings_are_silent_with_quiet_and_one_line_otherwise(write):
    path = write(
        textwrap.dedent("""
        import numpy as np
        from ivig_blina.stats import Statistic, TestResult
        class Empty(Statistic):
            name, kind, description = "empty-mean", "continuous", "warns"
            def run(self, a, b, **kw):
                return TestResult(statistic=float(np.mean(np.array([]))), pvalue=0.5)
        """),
        name="empty.py",
    )
    args = ("compare", WO, "--plugin", path, "--test", "continuous=empty-mean", "-f", "csv")
    quiet = run(*args, "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    loud = run(*args)
    assert "ivigblina: warning: Mean of empty slice\n" in loud.stderr
    assert all(line.startswith(("ivigblina: warning: ", f"{WO}: ")) for line in loud.stderr.splitlines())


def test_compare_names_at_most_20_cohorts(write):
    rows = "".join(f"P{i},c{i:05d},1,300\n" for i in range(10_000))
    path = write("patient_id,cohort,day,igg_mg_dl\n" + rows)
    result = run("compare", path)
    assert result.exit_code == 1 and len(result.stderr) < 400
    assert (
        "found 10,000 (c00000, c00001, " in result.stderr and ", c00019 and 9,980 more); choose them" in result.stderr
    )
    result = run("compare", path, "--groups", "c00001,nope")
    assert result.exit_code == 1 and len(result.stderr) < 400 and "c00019 and 9,980 more)" in result.stderr


def test_a_missing_column_names_at_most_20_of_the_header(write):
    path = write(",".join(f"col{i}" for i in range(5000)) + "\n" + ",".join("1" * 5000) + "\n")
    result = run("nadir", path)
    assert result.exit_code == 1 and len(result.stderr) < 400
    assert "(found: col0, col1, " in result.stderr and "col19 and 4,980 more)" in result.stderr


def test_plot_igg_refuses_more_panels_than_max_panels(write, tmp_path):
    rows = "".join(f"P{i},c{i:02d},{d},{v}\n" for i in range(13) for d, v in ((0, 500), (10, 300)))
    path, figure = write("patient_id,cohort,day,igg_mg_dl\n" + rows), str(tmp_path / "igg.png")
    result = run("plot", "igg", path, "-o", figure)
    assert result.exit_code == 1 and not (tmp_path / "igg.png").exists()
    assert result.stderr == (
        f"ivigblina: error: {path}: the file has 13 cohorts, more panels than --max-panels 12; "
        "choose the cohorts to draw with --groups A,B,C (or raise --max-panels)\n"
    )
    assert run("plot", "igg", path, "-o", figure, "-q", "--groups", "c00,c05,c12").exit_code == 0
    assert run("plot", "igg", path, "-o", figure, "-q", "--max-panels", "13").exit_code == 0
    many = ",".join(f"c{i:02d}" for i in range(13))
    assert "--groups names 13 cohorts" in run("plot", "igg", path, "-o", figure, "--groups", many).stderr
    assert run("plot", "igg", path, "-o", figure, "--groups", "c00,c00").exit_code == 2


# Item 2: a memory budget checked before reading, and a limit on distinct outcomes.


def _refusal(path, what: str, budget: str) -> str:
    return (
        f"ivigblina: error: {path}: {what} would take {budget} (--max-memory); give a file larger than memory "
        "in partitions to --engine dask, or raise --max-memory if the machine has the memory\n"
    )


def test_a_file_larger_than_the_budget_is_refused_before_it_is_read():
    from ivig_blina.io import memory

    result = run("nadir", WO, "--max-memory", "20K", "-f", "csv")
    size, lines = WO.stat().st_size, WO.read_bytes().count(b"\n")  # small: its lines are counted
    need = memory.CSV_BYTES_PER_BYTE * size + memory.CSV_BYTES_PER_LINE * lines
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == _refusal(
        WO,
        f"{memory.size_text(size)} of CSV text in {lines} lines",
        f"about {memory.size_text(need)} of memory, more than the memory budget of 20 KiB",
    )
    assert run("nadir", WO, "--max-memory", "1M", "-f", "csv", "-q").exit_code == 0


def test_the_need_of_a_large_file_is_predicted_from_the_lines_of_its_first_mib(tmp_path):
    """A file larger than memory is refused from its size and the length of its first lines,
    before it is read (so the message says "about"); one line suggesting --engine dask, exit 1,
    nothing on stdout. Long lines cost less per byte than short ones."""
    from ivig_blina.io import memory

    rows = "".join(f"P{i % 997},ivig,{i % 300},{300 + i % 500},\n" for i in range(120_000))
    short, wide = tmp_path / "short.csv", tmp_path / "wide.csv"
    short.write_text("patient_id,cohort,day,igg_mg_dl,event\n" + rows)
    wide.write_text("patient_id,cohort,day,igg_mg_dl,event,note\n" + rows.replace(",\n", f",,{'x' * 200}\n"))
    for path in (short, wide):
        size = path.stat().st_size
        assert size > memory.HEAD
        lines = memory.lines_in(size, path.read_bytes()[: memory.HEAD])
        assert abs(lines - 120_001) < 120_001 * 0.01  # estimated within 1%
        need = memory.csv_need(size, lines)
        result = run("nadir", path, "--max-memory", str(need - 1), "-f", "csv")
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr == _refusal(
            path,
            f"{memory.size_text(size)} of CSV text in about {lines:,} lines",
            f"about {memory.size_text(need)} of memory, more than the memory budget of {memory.size_text(need - 1)}",
        )
        assert run("nadir", path, "--max-memory", str(need), "-f", "csv", "-q").exit_code == 0
    assert memory.csv_need(wide.stat().st_size, 120_001) / wide.stat().st_size < 3  # not 6 for every byte
    assert memory.csv_need(short.stat().st_size, 120_001) / short.stat().st_size > 4


def test_a_gzip_file_is_refused_as_soon_as_it_inflates_past_the_budget(tmp_path):
    """A 42 MB .csv.gz that inflated to 20 GiB ended in a MemoryError; here 40 MB from 40 kB."""
    import gzip
    import time

    from ivig_blina.io import memory

    path = tmp_path / "bomb.csv.gz"
    text = b"patient_id,cohort,day,igg_mg_dl\n" + b"P1,x,1,300\n" * 4_000_000
    path.write_bytes(gzip.compress(text))
    started = time.perf_counter()
    result = run("nadir", path, "--max-memory", "6M")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 1
    piece = text[: 1 << 24]  # refused after the first piece inflated
    lines = piece.count(b"\n")
    need = memory.size_text(memory.csv_need(len(piece), lines))
    assert result.stderr == _refusal(
        path,
        f"inflated to 16 MiB of text so far ({lines:,} lines)",
        f"at least {need} of memory, more than the memory budget of 6 MiB",
    )
    assert run("nadir", path, "--max-memory", "1G", "-f", "csv", "-q").exit_code == 0  # within a budget it is read


def test_standard_input_is_refused_as_it_arrives():
    from ivig_blina.io import memory

    text = WO.read_text() * 40  # 0.5 MB (the repeats are duplicate rows)
    result = run("nadir", "-", "--max-memory", "600K", input=text)
    assert result.exit_code == 1 and result.stdout == ""
    size, lines = len(text.encode()), text.count("\n")
    assert result.stderr == _refusal(
        "<stdin>",
        f"{memory.size_text(size)} of data so far ({lines:,} lines)",
        f"at least {memory.size_text(memory.csv_need(size, lines))} of memory, more than the memory budget of 600 KiB",
    )


def test_a_parquet_file_is_measured_by_its_rows_before_they_are_read(tmp_path):
    """A 2.5 MB Parquet file of 200M rows ended in an ArrowMemoryError."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = 2_000_000
    path = tmp_path / "long.parquet"
    pq.write_table(
        pa.table(
            {
                "patient_id": pa.array(["P1"]).take(pa.array([0] * rows)),
                "cohort": pa.array(["x"]).take(pa.array([0] * rows)),
                "day": pa.array([1] * rows),
                "igg_mg_dl": pa.array([300] * rows),
            }
        ),
        path,
    )
    assert path.stat().st_size < 200_000
    result = run("nadir", path, "--max-memory", "64M")
    assert result.exit_code == 1
    assert result.stderr == _refusal(
        path, "2,000,000 rows of 4 columns", "about 228.9 MiB of memory, more than the memory budget of 64 MiB"
    )


def test_the_budget_is_recorded_and_checked_from_python(write):
    import ivig_blina

    doc = json.loads(run("compare", WO, "-f", "json", "-q", "--max-memory", "4G").stdout)
    assert doc["meta"]["options"]["max_memory"] == 4 << 30 and doc["meta"]["options"]["max_outcomes"] == 100
    with pytest.raises(ivig_blina.IvigBlinaError, match="memory budget of 1 KiB"):
        ivig_blina.load(str(WO), max_memory="1K")
    with pytest.raises(ivig_blina.OptionError, match="max_memory: expected a size"):
        ivig_blina.load(str(WO), max_memory="lots")


def test_more_distinct_outcomes_than_max_outcomes_are_refused(write):
    """100,000 distinct labels drove nadir to 23 GB: one column of outcomes each."""
    rows = "".join(f"P{i % 50},c{i % 2},{i % 300},,label{i}\n" for i in range(150))
    path = write("patient_id,cohort,day,igg_mg_dl,event\n" + rows)
    result = run("nadir", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"ivigblina: error: {path}: column 'event': 153 outcomes (3 of infection and 150 other "
        "event labels), more than --max-outcomes 100; map the labels onto fewer with --event-map, "
        "or raise --max-outcomes\n"
    )
    assert run("nadir", path, "--max-outcomes", "153", "-q", "-f", "csv").exit_code == 0
