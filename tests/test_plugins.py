"""Plug-in statistics from a file and from an installed package's entry point."""

import csv
import io
import json
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT, WO, assert_usage_error, run

from ivig_blina.errors import IvigBlinaError
from ivig_blina.stats import Registry

EXAMPLE = str(ROOT / "examples" / "plugins" / "mood_median.py")


def test_file_plugin_is_listed_and_used():
    listed = run("tests", "--plugin", EXAMPLE, "-f", "json")
    entry = [e for e in json.loads(listed.stdout) if e["name"] == "mood-median"]
    assert entry == [
        {
            "name": "mood-median",
            "kind": "continuous",
            "origin": f"file {EXAMPLE}",
            "description": "Mood's median test (example plug-in); estimate: difference in medians",
        }
    ]
    result = run("compare", WO, "--plugin", EXAMPLE, "--test", "continuous=mood-median", "-f", "json", "-q")
    nadir = json.loads(result.stdout)["outcomes"][0]
    assert nadir["test"] == "mood-median"
    # ivig and control nadirs (tests/test_stats.py): 8 of 16 and 3 of 6 above the pooled median 338,
    # a 2x2 table with no association: R: chisq.test(matrix(c(8,8,3,3),2))$statistic is 0, p-value 1
    assert nadir["statistic"] == 0 and nadir["p_value"] == 1


def test_builtins_are_listed_with_their_origin():
    rows = json.loads(run("tests", "-f", "json").stdout)
    kinds = {(r["name"], r["kind"]): r for r in rows}
    assert {
        "mann-whitney",
        "welch-t",
        "student-t",
        "brunner-munzel",
        "permutation",
        "fisher",
        "chi-square",
        "barnard",
        "boschloo",
        "kruskal-wallis",
    } <= {name for name, _ in kinds}
    assert kinds["fisher", "binary"]["origin"] == "built-in" and kinds["fisher", "categorical"]["origin"] == "built-in"


@pytest.mark.parametrize(
    "source, message",
    [
        ("raise RuntimeError('boom')", "plug-in failed to load: RuntimeError: boom"),
        ("x = 1", "plug-in defines no subclass of ivig_blina.stats.Statistic"),
        (
            """
     from ivig_blina.stats import Statistic
     class Twin(Statistic):
         name, kind, description = "fisher", "binary", "clash"
     """,
            "statistic 'fisher' from file",
        ),
        (
            """
     from ivig_blina.stats import Statistic
     class Odd(Statistic):
         name, kind, description = "odd", "ordinal", "bad kind"
     """,
            "kind 'ordinal' is not one of",
        ),
    ],
)
def test_a_broken_or_duplicate_plugin_is_one_line_exit_1(source, message, write):
    path = write(textwrap.dedent(source), name="plugin.py")
    result = run("compare", WO, "--plugin", path)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_a_plugin_that_is_not_a_python_file_is_one_line_exit_1():
    result = run("compare", WO, "--plugin", str(WO))
    assert result.exit_code == 1
    assert result.stderr == f"ivigblina: error: {WO}: a plug-in is a Python file whose name ends in .py\n"


def test_a_plugin_that_fails_while_running_is_named(write):
    path = write(
        textwrap.dedent("""
        from ivig_blina.stats import Statistic
        class Fails(Statistic):
            name, kind, description = "fails", "continuous", "always fails"
            def run(self, a, b, **kw):
                raise ValueError("no")
        """),
        name="fails.py",
    )
    result = run("compare", WO, "--plugin", path, "--test", "continuous=fails")
    assert result.exit_code == 1
    assert "statistic 'fails' from file" in result.stderr and "ValueError: no" in result.stderr


def test_unknown_test_name_lists_the_known_ones_exit_2():
    result = run("compare", WO, "--test", "binary=fishers")
    assert_usage_error(result, "--test")
    assert "unknown binary statistic 'fishers'; known: barnard, boschloo, chi-square, fisher" in result.stderr


@pytest.mark.parametrize("value", ["continuous", "ordinal=fisher", "binary="])
def test_malformed_test_option_exit_2(value):
    assert_usage_error(run("compare", WO, "--test", value), "--test")


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """A throwaway installed distribution declaring one statistic in the entry-point group (its
    module is imported afresh in each test)."""

    def install(module_source: str, target: str):
        (tmp_path / "throwaway_stats.py").write_text(textwrap.dedent(module_source))
        info = tmp_path / "throwaway-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: throwaway\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[ivig_blina.statistics]\nrank-sum-copy = {target}\n")
        monkeypatch.syspath_prepend(str(tmp_path))

    sys.modules.pop("throwaway_stats", None)
    yield install
    sys.modules.pop("throwaway_stats", None)


SOURCE = """
    from ivig_blina.stats import Statistic, TestResult
    class RankSumCopy(Statistic):
        name, kind, description = "rank-sum-copy", "continuous", "a copy for the test"
        def run(self, a, b, **kw):
            return TestResult(statistic=1.0, pvalue=0.5)
    """


def test_entry_point_plugin_loads_with_its_package_as_origin(installed, monkeypatch):
    installed(SOURCE, "throwaway_stats:RankSumCopy")
    monkeypatch.delenv("IVIGBLINA_PLUGINS", raising=False)
    registry = Registry.standard()
    assert "rank-sum-copy" not in registry.names and "rank-sum-copy" in registry.installed  # found, not imported
    registry.get("rank-sum-copy", "continuous")
    assert registry.entries["continuous", "rank-sum-copy"].origin == "package throwaway"
    result = run("compare", WO, "--test", "continuous=rank-sum-copy", "-f", "json", "-q")
    assert json.loads(result.stdout)["outcomes"][0]["p_value"] == 0.5


def test_the_suite_runs_with_installed_plugins_switched_off(installed):
    installed(SOURCE.replace('"continuous"', '"binary"'), "throwaway_stats:RankSumCopy")
    registry = Registry.standard()  # the suite's own environment (conftest)
    assert "rank-sum-copy" not in registry.names and not registry.installed
    result = run("compare", WO, "--test", "binary=fishers")
    assert result.exit_code == 2
    assert "known: barnard, boschloo, chi-square, fisher\n" in result.stderr.replace("\n ", " ")


def test_ivigblina_plugins_none_disables_entry_points(installed, monkeypatch):
    installed(SOURCE, "throwaway_stats:RankSumCopy")
    monkeypatch.setenv("IVIGBLINA_PLUGINS", "none")
    registry = Registry.standard()
    assert "rank-sum-copy" not in registry.names and not registry.installed
    assert_usage_error(run("compare", WO, "--test", "continuous=rank-sum-copy"), "--test")


def test_a_broken_entry_point_names_its_package(installed, monkeypatch):
    installed(SOURCE, "throwaway_stats:Missing")
    monkeypatch.delenv("IVIGBLINA_PLUGINS", raising=False)
    registry = Registry.standard()  # found, not imported: no error yet
    with pytest.raises(IvigBlinaError, match="plug-in 'rank-sum-copy' from package throwaway failed to load"):
        registry.get("rank-sum-copy", "continuous")
    result = run("tests")
    assert result.exit_code == 1 and "package throwaway" in result.stderr
    result = run("compare", WO, "--test", "continuous=rank-sum-copy")
    assert result.exit_code == 1 and "package throwaway" in result.stderr
    assert run("compare", WO, "-q").exit_code == 0  # not chosen: never imported


def test_the_quick_look_for_plugins_misses_no_declared_entry_point(monkeypatch, tmp_path):
    """importlib.metadata is skipped only when no distribution on sys.path declares the group."""
    from importlib.machinery import PathFinder
    from importlib.metadata import entry_points

    from ivig_blina.stats import ENTRY_POINT_GROUP
    from ivig_blina.stats.plugins import may_declare_plugins

    assert may_declare_plugins() or not entry_points(group=ENTRY_POINT_GROUP)

    def folder(name: str, entry_points_text: str) -> str:
        info = tmp_path / name / f"{name}-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "entry_points.txt").write_text(entry_points_text)
        return str(tmp_path / name)

    unrelated = folder("unrelated", "[console_scripts]\nx = y:z\n")
    declaring = folder("declaring", f"[{ENTRY_POINT_GROUP}]\nrank-sum-copy = throwaway_stats:RankSumCopy\n")
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"")
    standard = [f for f in sys.meta_path if f is PathFinder or not hasattr(f, "find_distributions")]
    monkeypatch.setattr(sys, "meta_path", standard)  # as in a fresh process (the test run adds finders)
    for path, expected in (
        ([unrelated, str(tmp_path / "missing")], False),
        ([unrelated, declaring], True),
        ([unrelated, str(archive)], True),
    ):  # importlib.metadata looks inside a zip
        monkeypatch.setattr(sys, "path", path)
        assert may_declare_plugins() is expected

    class Lister:  # a finder that lists distributions of its own (importlib_metadata's backport is one)
        def find_distributions(self, context=None):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", [*standard, Lister()])
    assert may_declare_plugins()


# Issue 13, item 13: installed plug-ins imported only when chosen or listed; their import, run and
# results cannot end the run silently, break stdout or print impossible numbers.

MARKED = """
    import os
    with open(os.environ["IVIGBLINA_TEST_MARKER"], "a") as f:
        f.write("imported\\n")
    from ivig_blina.stats import Statistic, TestResult
    class RankSumCopy(Statistic):
        name, kind, description = "rank-sum-copy", "continuous", "a copy for the test"
        def run(self, a, b, **kw):
            return TestResult(statistic=1.0, pvalue=0.5)
    """


def test_an_installed_plugin_is_imported_only_when_chosen_or_listed(installed, monkeypatch, tmp_path):
    import ivig_blina.stats as stats

    marker = tmp_path / "imported.txt"
    monkeypatch.setenv("IVIGBLINA_TEST_MARKER", str(marker))
    installed(MARKED, "throwaway_stats:RankSumCopy")
    monkeypatch.delenv("IVIGBLINA_PLUGINS", raising=False)
    monkeypatch.setattr(stats, "_default", None)  # the process-wide registry, as in a fresh process
    assert run("compare", WO, "-q", "-f", "json").exit_code == 0
    assert run("nadir", WO, "-q", "-f", "csv").exit_code == 0
    assert run("plot", "infection", WO, "-q", "-o", str(tmp_path / "km.png")).exit_code == 0
    assert run("compare", WO, "-q", "--test", "binary=fishers").exit_code == 2
    assert not marker.exists()
    chosen = run("compare", WO, "-q", "-f", "json", "--test", "continuous=rank-sum-copy")
    assert chosen.exit_code == 0 and marker.read_text() == "imported\n"
    marker.unlink()
    sys.modules.pop("throwaway_stats")  # as in a new process
    listed = run("tests", "-f", "json")
    assert "rank-sum-copy" in listed.stdout and marker.read_text() == "imported\n"


def test_python_m_does_not_take_the_working_directory_for_an_installation(tmp_path):
    """``python -m`` puts the working directory first on sys.path: a ``*.dist-info`` there (a
    download folder) is not an installed package."""
    (tmp_path / "evil_stats.py").write_text(textwrap.dedent(MARKED).replace("rank-sum-copy", "evil"))
    info = tmp_path / "evil-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[ivig_blina.statistics]\nevil = evil_stats:RankSumCopy\n")
    marker = tmp_path / "imported.txt"
    env = {k: v for k, v in os.environ.items() if k != "IVIGBLINA_PLUGINS"}
    env["IVIGBLINA_TEST_MARKER"] = str(marker)
    for args in (["tests", "-f", "csv"], ["compare", str(WO), "-q", "-f", "csv", "--test", "continuous=evil"]):
        done = subprocess.run(
            [sys.executable, "-m", "ivig_blina", *args], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert "evil" not in done.stdout and not marker.exists(), done.stderr
    assert "unknown continuous statistic 'evil'" in done.stderr


ENTRY_POINT_CODE = [
    ("import sys; sys.exit(0)", "failed to load: SystemExit: 0"),
    ("raise SystemExit", "failed to load: SystemExit"),
    ("raise RuntimeError('boom')", "failed to load: RuntimeError: boom"),
]


@pytest.mark.parametrize("code, message", ENTRY_POINT_CODE)
def test_an_installed_plugin_that_exits_or_fails_at_import_is_one_line(code, message, installed, monkeypatch):
    installed(code + "\n" + textwrap.dedent(SOURCE), "throwaway_stats:RankSumCopy")
    monkeypatch.delenv("IVIGBLINA_PLUGINS", raising=False)
    for args in (["tests"], ["compare", WO, "--test", "continuous=rank-sum-copy"]):
        result = run(*args)
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr == f"ivigblina: error: plug-in 'rank-sum-copy' from package throwaway {message}\n"


@pytest.mark.parametrize(
    "code, message",
    [
        ("import sys; sys.exit(0)", "plug-in failed to load: SystemExit: 0"),
        ("raise SystemExit(3)", "plug-in failed to load: SystemExit: 3"),
    ],
)
def test_a_plugin_file_that_exits_at_import_is_one_line(code, message, write):
    path = write(code + "\n", name="exits.py")
    result = run("compare", WO, "--plugin", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"ivigblina: error: {path}: {message}\n"


RUNS = """
    import math
    from ivig_blina.stats import Statistic, TestResult
    class Odd(Statistic):
        name, kind, description = "odd", "continuous", "returns what the test asks"
        def run(self, a, b, **kw):
            {body}
    """


@pytest.mark.parametrize(
    "body, message",
    [
        ("raise SystemExit(0)", "failed: SystemExit: 0"),
        ("raise KeyError('k')", "failed: KeyError: 'k'"),
        ("return TestResult(statistic=1.0, pvalue=7.0)", "returned pvalue = 7.0; expected a P value between 0 and 1"),
        ("return TestResult(statistic=1.0, pvalue=-0.5)", "returned pvalue = -0.5; expected a P value between 0 and 1"),
        ("return TestResult(statistic=1.0, pvalue=math.nan)", "returned pvalue = nan; expected a P value"),
        ("return TestResult(statistic=1.0, pvalue='0.5')", "returned pvalue = '0.5'; expected a P value"),
        (
            "return TestResult(statistic=1.0, pvalue=0.5, estimate=1.0, ci=(5, -5))",
            "returned ci = ConfidenceInterval(low=5, high=-5); expected low <= high",
        ),
        (
            "return TestResult(statistic=1.0, pvalue=0.5, estimate=1.0, ci=(math.nan, 1))",
            "expected (low, high) numbers",
        ),
        ("return TestResult(statistic='big', pvalue=0.5)", "returned statistic = 'big'; expected a number or None"),
        ("return TestResult(statistic=1.0, pvalue=0.5, warnings='careful')", "returned warnings = 'careful'"),
        ("return None", "returned NoneType, not a TestResult"),
    ],
)
def test_a_plugin_run_that_exits_fails_or_returns_impossible_numbers_is_one_line(body, message, write):
    path = write(textwrap.dedent(RUNS).replace("{body}", body), name="odd.py")
    result = run("compare", WO, "--plugin", path, "--test", "continuous=odd", "-f", "csv")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"ivigblina: error: statistic 'odd' from file {path} ")
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_infinite_ends_and_no_p_value_are_valid_plugin_results(write):
    path = write(
        textwrap.dedent(RUNS).replace(
            "{body}", "return TestResult(statistic=math.inf, pvalue=None, estimate=1.0, ci=(-math.inf, math.inf))"
        ),
        name="odd.py",
    )
    result = run("compare", WO, "--plugin", path, "--test", "continuous=odd", "-f", "json", "-q")
    assert result.exit_code == 0, result.stderr
    nadir = json.loads(result.stdout)["outcomes"][0]
    assert nadir["p_value"] is None and nadir["ci_low"] == "-Inf" and nadir["ci_high"] == "Inf"


def test_what_a_plugin_prints_goes_to_stderr_not_into_the_data(installed, monkeypatch, write):
    chatty = """
        print("hello from the import")
        from ivig_blina.stats import Statistic, TestResult
        class RankSumCopy(Statistic):
            name, kind, description = "rank-sum-copy", "continuous", "a copy for the test"
            def __init__(self):
                print("hello from __init__")
            def run(self, a, b, **kw):
                print("hello from run")
                return TestResult(statistic=1.0, pvalue=0.5)
        """
    installed(chatty, "throwaway_stats:RankSumCopy")
    monkeypatch.delenv("IVIGBLINA_PLUGINS", raising=False)
    file_plugin = write(textwrap.dedent(chatty).replace("rank-sum-copy", "chatty"), name="chatty.py")
    for test in ("continuous=rank-sum-copy", "continuous=chatty"):
        result = run("compare", WO, "-q", "-f", "csv", "--plugin", file_plugin, "--test", test)
        assert result.exit_code == 0, result.stderr
        assert "hello" not in result.stdout and list(csv.DictReader(io.StringIO(result.stdout)))[0]["p_value"] == "0.5"
        assert "hello from the import" in result.stderr and "hello from run" in result.stderr
    listed = run("tests", "-f", "json", "--plugin", file_plugin)
    assert {"rank-sum-copy", "chatty"} <= {row["name"] for row in json.loads(listed.stdout)}


def test_an_entry_point_named_otherwise_than_its_statistic_is_refused(installed, monkeypatch):
    installed(SOURCE.replace('"rank-sum-copy"', '"other-name"'), "throwaway_stats:RankSumCopy")
    monkeypatch.delenv("IVIGBLINA_PLUGINS", raising=False)
    result = run("tests")
    assert result.exit_code == 1
    assert "its statistic is named 'other-name'; an entry point must have the name of its statistic" in result.stderr


def test_an_installed_plugin_taking_a_builtin_name_is_refused_without_importing_it(installed, monkeypatch, tmp_path):
    marker = tmp_path / "imported.txt"
    monkeypatch.setenv("IVIGBLINA_TEST_MARKER", str(marker))
    installed(MARKED, "throwaway_stats:RankSumCopy")
    (tmp_path / "throwaway-1.0.dist-info" / "entry_points.txt").write_text(
        "[ivig_blina.statistics]\nfisher = throwaway_stats:RankSumCopy\n"
    )
    monkeypatch.delenv("IVIGBLINA_PLUGINS", raising=False)
    result = run("compare", WO)
    assert result.exit_code == 1 and not marker.exists()
    assert result.stderr == (
        "ivigblina: error: statistic 'fisher' from package throwaway has the name of the one from built-in\n"
    )


def test_outcomes_run_two_at_a_time_only_where_every_statistic_says_it_may():
    """Runner.all: tasks of ``concurrent_safe`` statistics run in two threads at once (a
    barrier both must reach), any other alone, in the calling thread, after them; the outcomes
    come back in the tasks' order."""
    import threading

    from ivig_blina.analyses.outcomes import Runner
    from ivig_blina.stats import Statistic

    class Safe(Statistic):
        concurrent_safe = True

    class Alone(Statistic):
        pass

    both = threading.Barrier(2, timeout=10)
    ran = []

    def task(name: str, together: bool):
        def run():
            if together:
                both.wait()  # BrokenBarrierError unless another task runs meanwhile
            ran.append((name, threading.current_thread() is threading.main_thread()))
            return name

        return run

    runner = Runner(("a", "b"), "two-sided", 0.95, {}, None, None, "none")  # type: ignore[arg-type]
    tasks = [(Alone(), task("first", False)), (Safe(), task("second", True)), (Safe(), task("third", True))]
    tasks += [(Alone(), task("fourth", False))]
    assert runner.all(tasks) == ["first", "second", "third", "fourth"]
    assert sorted(ran[:2]) == [("second", False), ("third", False)]
    assert ran[2:] == [("first", True), ("fourth", True)]
    ran.clear()
    paired = Runner(("a", "b"), "two-sided", 0.95, {}, None, {"continuous": Alone()}, "none")  # type: ignore[arg-type]
    assert paired.all([(Safe(), task("x", False)), (Safe(), task("y", False))]) == ["x", "y"]
    assert ran == [("x", True), ("y", True)]  # a pairwise statistic that may not: each alone


def test_plugin_output_goes_to_stderr_and_stdout_comes_back_when_two_threads_interleave():
    import sys
    import threading

    from ivig_blina.stats.plugins import _stdout_to_stderr

    real = sys.stdout
    inside, first_out = threading.Barrier(2, timeout=10), threading.Event()
    seen = []

    def first():
        with _stdout_to_stderr():
            inside.wait()
            seen.append(sys.stdout is sys.stderr)
        first_out.set()  # leaves while the second is still inside

    def second():
        with _stdout_to_stderr():
            inside.wait()
            first_out.wait(10)
            seen.append(sys.stdout is sys.stderr)  # still redirected after the first left

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == [True, True]
    assert sys.stdout is real
