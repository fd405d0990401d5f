"""The command as a user meets it: formats, exit codes, one-line errors."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import WO, assert_usage_error, run

from ivig_blina import __version__
from ivig_blina.cli import app
from ivig_blina.cli.config import group

GOOD = "patient_id,cohort,day,igg_mg_dl,event\nA,x,-1,900,\nA,x,10,300,\nB,y,10,500,\nB,y,20,,infection\n"


def test_help_states_the_definitions():
    result = run("nadir", "--help")
    assert result.exit_code == 0
    assert "lowest IgG" in result.stdout and "earliest day" in result.stdout


COMMANDS = [[], ["nadir"], ["compare"], ["table1"], ["report"], ["tests"], ["power"], ["verify"], ["plot"]]
COMMANDS += [["plot", name] for name in ("igg", "infection", "swimmer", "forest")]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_is_the_same_whether_commands_are_made_first_or_when_used(command):
    """``main`` makes a command only when it is run or its help shown (config.group); Typer's
    own group makes all first. Both say the same."""
    import typer.main
    from typer.testing import CliRunner

    eager = CliRunner().invoke(app, [*command, "--help"], prog_name="ivigblina", terminal_width=100)
    late = run(*command, "--help", prog_name="ivigblina", terminal_width=100)
    assert eager.exit_code == late.exit_code == 0
    assert late.stdout == eager.stdout
    assert typer.main.get_command(app).commands.keys() == group(app).commands.keys()


def test_the_list_of_commands_makes_none_of_them():
    made = group(app)
    pending = set(made._make)
    with pytest.raises(SystemExit) as done:
        made(["--help"], prog_name="ivigblina")
    assert done.value.code == 0
    assert set(made._make) == pending == set(made.commands)  # each still its help line only
    made(["tests", "-f", "csv"], prog_name="ivigblina", standalone_mode=False)
    assert set(made._make) == pending - {"tests"}  # only the command run is made


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_nadir_machine_formats_have_every_patient(fmt, write):
    result = run("nadir", write(GOOD), "--format", fmt)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
    assert [r["patient_id"] for r in rows] == ["A", "B"]
    assert rows[0]["nadir_igg"] == "300.0" and rows[0]["hgg"] == "true" and rows[1]["baseline_igg"] == ""
    assert rows[1]["infection"] == "true"


def test_nadir_json_is_an_array_of_rows(write):
    rows = json.loads(run("nadir", write(GOOD), "-f", "json").stdout)
    # B: one value (500 on day 10), no baseline, an infection on day 20 which is also its last row
    assert rows[1] == {
        "patient_id": "B",
        "cohort": "y",
        "baseline_igg": None,
        "baseline_day": None,
        "nadir_igg": 500.0,
        "nadir_day": 10.0,
        "nadir_censored": "",
        "n_measurements": 1,
        "hgg": False,
        "pct_drop": None,
        "days_to_hgg": None,
        "days_below_threshold": None,
        "area_below_threshold": None,
        "ivig_doses": 0,
        "days_since_ivig_at_nadir": None,
        "infection": True,
        "infection_icu": False,
        "infection_death": False,
        "first_infection_day": 20.0,
        "follow_up_days": 20.0,
        "infection_time": 20.0,
        "infection_status": 1,
        "infection_episodes": 1,
    }
    # A: baseline 900, nadir 300: drop (900 - 300) / 900
    assert rows[0]["pct_drop"] == pytest.approx(2 / 3)


def test_compare_json_shape(write):
    path = write(GOOD)
    doc = json.loads(run("compare", path, "-f", "json").stdout)
    assert doc["groups"] == ["x", "y"]
    first = doc["outcomes"][0]
    assert set(first) >= {"outcome", "kind", "test", "statistic", "p_value", "groups"}
    assert set(first["groups"]["x"]) == {"n", "median", "q1", "q3"}
    assert set(doc["outcomes"][2]["groups"]["x"]) == {"n", "events", "proportion"}
    assert doc["meta"]["version"] == __version__
    import hashlib

    assert doc["meta"]["input_sha256"] == hashlib.sha256(open(path, "rb").read()).hexdigest()
    assert doc["meta"]["options"]["tests"] == {
        "continuous": "mann-whitney",
        "binary": "fisher",
        "time-to-event": "log-rank",
        "rate": "poisson-exact",
    }


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "markdown"])
def test_compare_wide_formats_name_columns_without_cohort_names(fmt):
    result = run("compare", WO, "-f", fmt)
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    names = list(json.loads(first)) if fmt == "jsonl" else first
    assert "n_a" in names and "median_b" in names
    assert "ivig" not in names


def test_compare_csv_keeps_full_precision():
    rows = list(csv.DictReader(io.StringIO(run("compare", WO, "-f", "csv").stdout)))
    assert rows[0]["group_a"] == "control" and float(rows[0]["p_value"]) == pytest.approx(0.640665835712275, abs=1e-15)


def test_table_goes_to_stdout_and_summary_to_stderr():
    result = run("compare", WO)
    assert result.exit_code == 0
    assert "igg_nadir" in result.stdout and "0.64 " in result.stdout  # two significant digits (format_p)
    assert "23 patients (control 6, ivig 17)" in result.stderr
    assert "W17" in result.stderr  # the patient without follow-up IgG is named
    assert "1 event before day 0 not counted" in result.stderr
    assert run("compare", WO, "--quiet").stderr == ""


def test_stdin(write):
    result = run("nadir", "-", "-f", "csv", input=GOOD)
    assert result.exit_code == 0 and result.stdout.count("\n") == 3


def test_column_options(write):
    path = write("ID,Arm,t,IgG\nA,x,10,3\nB,y,10,5\n")
    result = run(
        "compare",
        path,
        "--patient-col",
        "ID",
        "--cohort-col",
        "arm",
        "--day-col",
        "t",
        "--igg-col",
        "IgG",
        "--units",
        "g/L",
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    o = json.loads(result.stdout)["outcomes"][0]
    assert o["groups"]["x"]["median"] == 300


ERRORS = [
    (None, "no such file"),
    ("", "file is empty"),
    ("patient_id,cohort,day,igg_mg_dl\n", ":1: header only"),
    (
        "patient,cohort,day,igg_mg_dl\nA,x,1,2\n",
        ":1: missing column 'patient_id' (found: patient, cohort, day, igg_mg_dl)",
    ),
    ("patient_id,cohort,igg_mg_dl\nA,x,2\n", ":1: missing column 'day' (or 'date' with 'start_date')"),
    ("patient_id,cohort,day\nA,x,1\n", ":1: missing column 'igg_mg_dl' or 'igg_g_l'"),
    ("patient_id,cohort,day,igg_mg_dl,igg_g_l\nA,x,1,2,3\n", ":1: both 'igg_mg_dl' and 'igg_g_l'"),
    ("patient_id,cohort,day,igg_mg_dl\nA,x,1,2\nB,y,2,abc\n", ":3: column 'igg_mg_dl': 'abc' is not a number"),
    ("patient_id,cohort,day,igg_mg_dl\nA,x,1,-4\n", ":2: column 'igg_mg_dl': '-4' is negative"),
    ("patient_id,cohort,day,igg_mg_dl\nA,x,1,inf\n", ":2: column 'igg_mg_dl': 'inf' is not a finite number"),
    ("patient_id,cohort,day,igg_mg_dl\nA,x,1,5\nA,x,two,5\n", ":3: column 'day': 'two' is not a number"),
    # a quoted value holding a line break: the rows after it start a line later
    (
        'patient_id,cohort,day,igg_mg_dl,note\nA,x,1,5,"two\nlines"\nB,y,2,abc,\n',
        ":4: column 'igg_mg_dl': 'abc' is not a number",
    ),
    (
        'patient_id,cohort,day,igg_mg_dl,note\r\nA,x,1,5,"two\r\nlines"\r\n  \r\n\r\nB,y,2,abc,\r\n',
        ":6: column 'igg_mg_dl': 'abc' is not a number",
    ),
    ("patient_id,cohort,day,igg_mg_dl\nA,x,,5\n", ":2: column 'day': is empty"),
    (
        "patient_id,cohort,date,start_date,igg_mg_dl\nA,x,2021-02-30,2021-01-01,5\n",
        ":2: column 'date': '2021-02-30' is not an ISO 8601 date",
    ),
    (
        "patient_id,cohort,date,start_date,igg_mg_dl\nA,x,2021-02-01,2021-01-01,5\nA,x,2021-03-01,2021-01-02,5\n",
        ":3: column 'start_date': start_date '2021-01-02' of patient 'A' conflicts with the one on line 2",
    ),
    (
        "patient_id,cohort,date,start_date,igg_mg_dl\nA,x,2021-02-01,2021-01-01,5\nB,y,2021-03-01,,5\n",
        ":3: column 'start_date': patient 'B' has no start_date",
    ),
    (
        "patient_id,cohort,day,igg_mg_dl\nA,x,1,5\nB,y,1,5\nA,y,2,6\n",
        ":4: column 'cohort': patient 'A' is in cohort 'y' here but in 'x' earlier",
    ),
    ("patient_id,cohort,day,igg_mg_dl\nA,x,1,5\nB,x,1,5\n", "compare needs two cohorts, found 1 (x)"),
    ("patient_id,cohort,day,igg_mg_dl\nA,x,1,5\nB,y,1,5\nC,z,1,5\n", "found 3 (x, y, z); choose them with --groups"),
    ("patient_id,cohort,day,igg_mg_dl\nA,x,1,5\nB,y,1,5,7\n", ":3: expected 4 fields as in the header, found 5"),
    ("patient_id,cohort,day,igg_mg_dl\n,x,1,5\n", ":2: column 'patient_id': patient ID is empty"),
    ("patient_id,day,igg_mg_dl\nA,1,5\n", ":1: missing column 'cohort'"),
]


@pytest.mark.parametrize("text, message", ERRORS)
def test_bad_input_is_one_line_and_exit_1(text, message, write, tmp_path):
    path = str(tmp_path / "missing.csv") if text is None else write(text)
    result = run("compare", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"ivigblina: error: {path}")
    assert message in result.stderr


def test_a_group_name_not_in_the_file(write):
    result = run("compare", write(GOOD), "--groups", "x,z")
    assert result.exit_code == 1 and "group 'z' given by --groups is not a cohort" in result.stderr


def test_not_utf8_names_the_line(write, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("patient_id,cohort,day,igg_mg_dl\nA,x,1,5\nJos\xe9,y,1,5\n".encode("latin-1"))
    result = run("nadir", path)
    assert result.exit_code == 1 and f"{path}:3: byte 0xe9 is not UTF-8" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml"],
        ["--groups", "x"],
        ["--groups", "x,x"],
        ["--groups", "x,y,x"],
        ["--units", "mmol/L"],
        ["--until", "soon"],
        ["--until", "-5"],
        ["--hgg-threshold", "nan"],
        ["--hgg-threshold", "0"],
        ["--baseline-window", "nan"],
        ["--exclude-after-ivig", "inf"],
        ["--landmarks", "nan"],
        ["--landmarks", "1e400"],
        ["--seed", "-1"],
    ],
)
def test_bad_options_exit_2(args, write):
    result = run("compare", write(GOOD), *args)
    assert_usage_error(result, args[0])
    assert "Usage:" in result.stderr


# Every check of cli/options.py, by the option it checks (values it refuses), on every command that has it.
INPUT_CHECKS = [  # the options every data command shares
    ("--until", "-1"),
    ("--until", "nan"),  # _check_days
    ("--exclude-after-ivig", "-2"),
    ("--baseline-window", "inf"),  # _check_days
    ("--hgg-threshold", "-400"),
    ("--hgg-threshold", "inf"),
    ("--hgg-threshold", "4 g/dL"),  # _check_threshold
    ("--hgg-threshold", "4"),  # a level implausible in the input's unit, found once the header is read
    ("--delimiter", "x"),
    ("--delimiter", ""),  # _check_delimiter
    ("--decimal", ";"),  # _check_decimal
    ("--today", "yesterday"),
    ("--today", "2024-02-30"),  # _check_today
    ("--event-map", "ICU"),
    ("--cohort-map", "=ivig"),  # parse_map
    ("--units", "mmol/L"),
    ("--report-units", "mg/L"),
    ("--engine", "spark"),
    ("--max-field-size", "0"),  # choices
    ("--scheduler-timeout", "0"),
    ("--scheduler-timeout", "nan"),  # _check_scheduler_timeout
    ("--scheduler-timeout", "-1"),
    ("--max-memory", "lots"),
    ("--max-memory", "0"),
    ("--max-outcomes", "0"),  # _check_max_memory, ranges
]
COMPARE_CHECKS = [
    ("--confidence", "1"),
    ("--confidence", "0"),
    ("--confidence", "95"),
    ("--confidence", "nan"),  # check_level
    ("--groups", "x"),
    ("--groups", "x,"),
    ("--groups", "x,x"),  # parse_groups
    ("--test", "continuous"),
    ("--test", "ordinal=fisher"),
    ("--test", "binary=fishers"),  # parse_tests, registry
    ("--landmarks", ""),
    ("--landmarks", "30,x"),
    ("--landmarks", "-30"),  # parse_landmarks
    ("--windows", "0,28"),
    ("--windows", "90,28"),
    ("--windows", "28,x"),  # parse_windows
    ("--pairwise-adjust", "tukey"),
    ("--alternative", "both"),
    ("--adjust", "fdr"),
    ("--format", "xlsx"),  # choices
    ("--permutations", "0"),
    ("--seed", "-1"),  # ranges
]
PLOT_CHECKS = [
    ("--output", "figure.jpg"),
    ("--output", "figure"),  # check_figure_path
    ("--dpi", "71"),
    ("--width", "2"),  # _check_figure
    ("--labels", "ivig"),  # check_labels_option
]
DAY_AXIS_CHECKS = [("--break-days", "0"), ("--xmax", "-1")]  # _check_figure
INFECTION_CHECKS = [("--groups", "x"), ("--groups", "x,x"), ("--landmarks", "-1")]  # parse_group_list
IGG_CHECKS = [
    ("--groups", "x,"),
    ("--groups", "x,x"),
    ("--groups", ""),  # parse_panels: one or more cohorts
    ("--max-panels", "0"),  # ranges
    ("--thresholds", "400,"),
    ("--thresholds", "4 apples"),  # parse_thresholds
]
SWIMMER_CHECKS = [("--groups", "x,x"), ("--max-patients", "0"), ("--seed", "-1")]  # parse_panels, ranges
FOREST_CHECKS = [("--groups", "x,y,z"), ("--test", "binary"), ("--confidence", "95")]  # parse_groups, parse_tests
TABLE1_CHECKS = [
    ("--groups", "x"),
    ("--groups", "a,a"),
    ("--groups", "a,"),  # parse_group_list
    ("--test", "categorical"),
    ("--test", "categorical=fishers"),
    ("--permutations", "0"),
]
COMMANDS = {
    "nadir": ["nadir"],
    "compare": ["compare"],
    "plot igg": ["plot", "igg"],
    "plot infection": ["plot", "infection"],
    "plot swimmer": ["plot", "swimmer"],
    "plot forest": ["plot", "forest"],
    "table1": ["table1"],
    "report": ["report"],  # compare's options, as compare defines them
}


def usage_cases():
    for name, command in COMMANDS.items():
        checks = INPUT_CHECKS + {"compare": COMPARE_CHECKS, "report": COMPARE_CHECKS, "table1": TABLE1_CHECKS}.get(
            name, PLOT_CHECKS if "plot" in name else []
        )
        checks += {
            "plot infection": INFECTION_CHECKS + DAY_AXIS_CHECKS,
            "plot igg": IGG_CHECKS + DAY_AXIS_CHECKS,
            "plot swimmer": SWIMMER_CHECKS + DAY_AXIS_CHECKS,
            "plot forest": FOREST_CHECKS,
        }.get(name, [])
        checks = [c for c in checks if not (name == "report" and c[0] == "--format")]  # it writes -o's format
        for option, value in checks:
            yield pytest.param(command, option, value, id=f"{name} {option} {value!r}")


@pytest.mark.parametrize("command, option, value", list(usage_cases()))
def test_every_option_check_exits_2_naming_the_option(command, option, value, tmp_path):
    figure = ["--output", str(tmp_path / "figure.png")] if command[0] == "plot" and option != "--output" else []
    figure = ["--output", str(tmp_path / "report.html")] if command[0] == "report" else figure
    result = run(*command, WO, *figure, option, value)
    assert_usage_error(result, option)
    assert list(tmp_path.iterdir()) == []  # no figure or other file was written


def test_every_check_of_the_options_module_has_an_exit_2_case():
    import inspect

    from ivig_blina.cli import options

    checks = {
        name
        for name, f in inspect.getmembers(options, inspect.isfunction)
        if f.__module__ == options.__name__ and name.startswith(("check_", "_check_", "parse_"))
    }
    covered = {
        "check_level",
        "_check_days",
        "_check_threshold",
        "_check_delimiter",
        "_check_decimal",
        "_check_today",
        "_check_scheduler_timeout",
        "_check_max_memory",
        "check_figure_path",
        "_check_figure",
        "check_labels_option",
        "parse_thresholds",
        "parse_landmarks",
        "parse_windows",
        "parse_groups",
        "parse_group_list",
        "parse_panels",
        "parse_tests",
    }
    assert checks == covered  # a new check gets its cases in usage_cases()


@pytest.mark.parametrize(
    "command", [[str(Path(sys.executable).parent / "ivigblina")], [sys.executable, "-m", "ivig_blina"]]
)
def test_installed_command_and_module_run(command):
    done = subprocess.run(command + ["compare", str(WO), "-q", "-f", "csv"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("outcome,kind,test")


def test_a_bug_is_not_hidden_as_a_user_error(write, monkeypatch):
    # Only IvigBlinaError is turned into a one-line message; anything else propagates.
    import ivig_blina.analyses.comparison

    monkeypatch.setattr(ivig_blina.analyses.comparison, "compare", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        run("compare", write(GOOD))


def test_csv_neutralises_formulas_but_never_numbers(write):
    path = write("patient_id,cohort,day,igg_mg_dl\n=HYPERLINK(1),x,-2,300\n@SUM(A1),y,5,400\n-P3,y,-1,500\n")
    rows = list(csv.DictReader(io.StringIO(run("nadir", path, "-f", "csv", "-q").stdout)))
    assert [r["patient_id"] for r in rows] == ["'=HYPERLINK(1)", "'-P3", "'@SUM(A1)"]
    assert rows[0]["baseline_day"] == "-2.0"  # a number: never altered
    assert json.loads(run("nadir", path, "-f", "json", "-q").stdout)[0]["patient_id"] == "=HYPERLINK(1)"


def test_output_file_is_written_atomically_and_never_over_the_input(write, tmp_path):
    path = write(GOOD)
    target = tmp_path / "out.csv"
    result = run("compare", path, "-f", "csv", "-o", str(target), "-q")
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text().startswith("outcome,")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ivigblina-")]
    before = open(path).read()
    refused = run("nadir", path, "-o", path, "-q")
    assert refused.exit_code == 1 and "refusing to overwrite the input file" in refused.stderr
    assert open(path).read() == before


def test_adjust_adds_a_column_beside_the_raw_p_values():
    from ivig_blina.stats.adjust import adjust

    plain = json.loads(run("compare", WO, "-f", "json", "-q").stdout)["outcomes"]
    holm = json.loads(run("compare", WO, "-f", "json", "-q", "--adjust", "holm").stdout)["outcomes"]
    raw = [o["p_value"] for o in plain]
    assert [o["p_value"] for o in holm] == raw  # never instead of the raw P value
    assert [o["p_adjusted"] for o in holm] == adjust(raw, "holm")  # adjust() is checked against R's p.adjust
    assert all(o["p_adjusted"] is None for o in plain)


def test_listing_statistics_imports_neither_pandas_nor_scipy():
    code = (
        "import sys; from ivig_blina.cli import main; sys.argv = ['ivigblina', 'tests', '-f', 'csv']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'scipy', 'numpy', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("[]")


def test_compare_on_the_example_does_not_import_scipy_stats():
    """Importing scipy.stats builds every distribution: 0.7-1 s of start-up (issue 19). The exact
    Mann-Whitney P (pwilcox, ported) and the distributions compare needs come without it."""
    code = (
        f"import sys; from ivig_blina.cli import main; sys.argv = ['ivigblina', 'compare', {str(WO)!r}, '-q']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('scipy.stats' in sys.modules, 'pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("False True")


def test_nadir_table_draws_the_first_patients_and_says_so(write):
    """A terminal table shows a screenful of a registry: 100 rows, then a note."""
    text = "patient_id,cohort,day,igg_mg_dl\n" + "".join(
        f"P{i:03d},{'xy'[i % 2]},{i % 30},{300 + i}\n" for i in range(120)
    )
    path = write(text)
    table = run("nadir", path, "-q")
    assert table.exit_code == 0
    shown = [line.split()[0] for line in table.stdout.splitlines() if line.strip().startswith("P")]
    assert len(shown) == 100 and shown[0] == "P000"
    assert "The first 100 of 120 patients; every patient with -f csv" in table.stdout
    full = run("nadir", path, "-q", "-f", "csv")
    assert full.stdout.count("\n") == 121 and "The first" not in full.stdout


def test_labels_that_look_like_rich_markup_are_printed_as_they_are(write):
    """A patient ID or cohort label such as '[/x]' is text: it once crashed Rich's markup parser."""
    path = write(
        "patient_id,cohort,day,igg_mg_dl\n[/x],[b]a,0,500\n[/x],[b]a,10,400\nP2,[b]a,0,350\nP3,c,0,600\nP4,c,5,700\n"
    )
    nadir = run("nadir", path, "-q")
    assert nadir.exit_code == 0 and "[/x]" in nadir.stdout and "[b]a" in nadir.stdout
    compare = run("compare", path, "-q")
    assert compare.exit_code == 0 and "[b]a vs c" in compare.stdout


def test_one_column_for_two_roles_is_refused(write):
    result = run("nadir", write(GOOD), "--day-col", "igg_mg_dl")
    assert result.exit_code == 1
    assert ":1: column 'igg_mg_dl' is named for two roles" in result.stderr


def test_output_to_a_directory_is_refused(write, tmp_path):
    result = run("nadir", write(GOOD), "-o", str(tmp_path))
    assert result.exit_code == 1 and f"{tmp_path}: is a directory; give a file name" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["cohort.csv"]  # nothing half-written beside it


def test_a_failed_write_is_one_line_and_leaves_nothing(tmp_path):
    import errno

    from ivig_blina.errors import IvigBlinaError
    from ivig_blina.io.writing import save_atomically

    def disk_full(temporary: str) -> None:
        Path(temporary).write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    target = tmp_path / "out.csv"
    with pytest.raises(IvigBlinaError, match="cannot write here: No space left on device"):
        save_atomically(str(target), disk_full)
    assert list(tmp_path.iterdir()) == []


def test_nadir_gives_status_2_only_with_competing_risk(write):
    path = write("patient_id,cohort,day,igg_mg_dl,event\nA,x,10,500,\nA,x,40,,death\n")
    for options, status in (([], "0"), (["--competing-risk"], "2")):
        result = run("nadir", path, "-f", "csv", "-q", *options)
        assert result.exit_code == 0 and result.stderr == ""
        row = next(csv.DictReader(io.StringIO(result.stdout)))
        assert (row["infection_time"], row["infection_status"]) == ("40.0", status)


def test_events_after_a_death_are_reported_and_refused_under_strict(write):
    path = write(
        "patient_id,cohort,day,igg_mg_dl,event\nA,x,10,500,\nA,x,40,,death\nA,x,60,,infection\n"
        "B,y,10,300,\nB,y,20,,infection\n"
    )
    result = run("nadir", path, "-f", "csv")
    assert result.exit_code == 0
    assert result.stderr == (
        f"{path}: 5 rows read, 5 used; 2 patients (x 1, y 1); 1 event after the patient's "
        "death not counted (follow-up ends at the death: A)\n"
    )
    doc = json.loads(run("compare", path, "-f", "json", "-q").stdout)
    assert doc["input"]["events_after_death"] == 1 and doc["input"]["patients_with_events_after_death_ids"] == ["A"]
    strict = run("nadir", path, "--strict")
    assert (strict.exit_code, strict.stdout) == (1, "")
    assert strict.stderr == (
        f"ivigblina: error: {path}:4: an event after the patient's death "
        "(--strict refuses every skipped row and input warning)\n"
    )


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_an_event_label_is_no_formula_in_the_nadir_header(fmt, write):
    """Issue 13, item 8: the label became a column header without the ' prefix."""
    path = write('patient_id,cohort,day,igg_mg_dl,event\nA,x,0,500,\nA,x,5,,"=HYPERLINK(""http://evil"")"\n')
    result = run("nadir", path, "-q", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    header = next(csv.reader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
    assert '\'=hyperlink("http://evil")' in header and not [h for h in header if h.startswith("=")]


def test_a_bar_in_an_event_label_keeps_the_markdown_table(write):
    import re

    path = write("patient_id,cohort,day,igg_mg_dl,event\nA,x,0,500,\nA,x,5,,a|b\n")
    lines = run("nadir", path, "-q", "-f", "markdown").stdout.splitlines()
    assert " a\\|b " in lines[0]
    cells = [len(re.split(r"(?<!\\)\|", line)) for line in lines]  # split at the bars that are not escaped
    assert cells == [cells[0]] * 3


IVIGBLINA = [sys.executable, "-m", "ivig_blina"]


def _big(tmp_path) -> Path:
    """A file whose nadir CSV is about 2 MB: more than a pipe or a small file limit holds."""
    path = tmp_path / "big.csv"
    path.write_text(
        "patient_id,cohort,day,igg_mg_dl\n"
        + "".join(f"P{i:06d},{'ab'[i % 2]},{i % 30},{300 + i % 77}\n" for i in range(20_000))
    )
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["nadir", str(WO), "-q", "-f", "csv"],
        ["nadir", str(WO), "-q"],
        ["compare", str(WO), "-q", "-f", "json"],
        ["--version"],
        ["--help"],
    ],
)
def test_a_full_disk_on_stdout_is_one_line(args):
    """Issue 13, item 14: > /dev/full ended in a traceback."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(IVIGBLINA + args, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == "ivigblina: error: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("unbuffered", ["1", ""])  # PYTHONUNBUFFERED once lost a short write's rest silently
@pytest.mark.parametrize("to_file", [False, True])
def test_a_file_size_limit_is_one_line(tmp_path, unbuffered, to_file):
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    target = tmp_path / "out.csv"
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    with open(tmp_path / "stdout", "w") as out:
        done = subprocess.run(
            IVIGBLINA + ["nadir", str(_big(tmp_path)), "-q", "-f", "csv"] + (["-o", str(target)] if to_file else []),
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=limit,
            env=env,
            timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr == (
        "ivigblina: error: "
        + (f"{target}: cannot write here: " if to_file else "cannot write to standard output: ")
        + "File too large\n"
    )
    assert not target.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".ivigblina-")]


@pytest.mark.parametrize(
    "closed, args, message",
    [
        (1, ["nadir", str(WO), "-q", "-f", "csv"], "standard output is closed; redirect it or give --output FILE"),
        (0, ["nadir", "-", "-q", "-f", "csv"], "<stdin>: standard input is closed; give a file name, or redirect it"),
    ],
)
def test_a_closed_stdout_or_stdin_is_one_line(closed, args, message):
    done = subprocess.run(
        IVIGBLINA + args,
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(closed),
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr == f"ivigblina: error: {message}\n"


@pytest.mark.parametrize("fmt", ["csv", "json"])  # the table's 100 rows fit in the pipe
def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path, fmt):
    """| head: exit 141 (as a command killed by SIGPIPE), nothing on stderr."""
    process = subprocess.Popen(
        IVIGBLINA + ["nadir", str(_big(tmp_path)), "-q", "-f", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.read(10)
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 141 and stderr == b""


def test_an_error_exit_is_exit_1_every_time(tmp_path):
    """Issue 13, item 12: under CPU contention an error sometimes printed its line and then
    "terminate called without an active exception", exit 134 (a native thread still at work
    while the interpreter tore itself down)."""
    lines = WO.read_text().splitlines()
    cells = lines[4].split(",")
    cells[3] = "0x12C"  # the IgG column
    lines[4] = ",".join(cells)
    path = tmp_path / "hex.csv"
    path.write_text("\n".join(lines) + "\n")
    expected = f"ivigblina: error: {path}:5: column 'igg_mg_dl': '0x12C' is not a number\n"
    for _ in range(20):
        done = subprocess.run(IVIGBLINA + ["nadir", str(path), "-q"], capture_output=True, text=True, timeout=120)
        assert (done.returncode, done.stderr, done.stdout) == (1, expected, "")


def test_the_command_ends_without_the_interpreters_teardown_and_main_lets_callers_go_on(tmp_path):
    """entry() (the ivigblina script, python -m ivig_blina) ends a run at once once its output is
    flushed: the output is whole and atexit handlers do not run; the exit code stands. main()
    ends a successful run with SystemExit(0), so a caller can go on."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('torn down'))\n"
        "sys.argv = ['ivigblina'] + sys.argv[1:]\n"
        "from ivig_blina.cli import {name}\n"
        "{name}()\n"
    )

    def command(name: str, *args: str):
        return subprocess.run([sys.executable, "-c", code.format(name=name), *args], capture_output=True, text=True)

    ended, went_on = command("entry", "tests", "-f", "csv"), command("main", "tests", "-f", "csv")
    assert ended.returncode == went_on.returncode == 0, ended.stderr
    assert went_on.stdout == ended.stdout + "torn down\n"
    assert "mann-whitney" in ended.stdout
    missing = command("entry", "nadir", str(tmp_path / "none.csv"))
    assert missing.returncode == 1 and missing.stdout == "" and "none.csv" in missing.stderr
