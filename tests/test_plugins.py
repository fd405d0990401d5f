"""Plug-in statistics from a file and from an installed package's entry point."""

import json
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
    assert entry == [{"name": "mood-median", "kind": "continuous", "origin": f"file {EXAMPLE}",
                      "description": "Mood's median test (example plug-in); estimate: difference in medians"}]
    result = run("compare", WO, "--plugin", EXAMPLE, "--test", "continuous=mood-median", "-f", "json", "-q")
    nadir = json.loads(result.stdout)["outcomes"][0]
    assert nadir["test"] == "mood-median"
    # ivig and control nadirs (tests/test_stats.py): 8 of 16 and 3 of 6 above the pooled median 338,
    # a 2x2 table with no association: R: chisq.test(matrix(c(8,8,3,3),2))$statistic is 0, p-value 1
    assert nadir["statistic"] == 0 and nadir["p_value"] == 1


def test_builtins_are_listed_with_their_origin():
    rows = json.loads(run("tests", "-f", "json").stdout)
    names = {r["name"]: r for r in rows}
    assert {"mann-whitney", "welch-t", "student-t", "brunner-munzel", "permutation", "fisher", "chi-square",
            "barnard", "boschloo"} <= set(names)
    assert names["fisher"]["origin"] == "built-in" and names["fisher"]["kind"] == "binary"


@pytest.mark.parametrize("source, message", [
    ("raise RuntimeError('boom')", "plug-in failed to load: RuntimeError: boom"),
    ("x = 1", "plug-in defines no subclass of ivig_blina.stats.Statistic"),
    ("""
     from ivig_blina.stats import Statistic
     class Twin(Statistic):
         name, kind, description = "fisher", "binary", "clash"
     """, "statistic 'fisher' from file"),
    ("""
     from ivig_blina.stats import Statistic
     class Odd(Statistic):
         name, kind, description = "odd", "ordinal", "bad kind"
     """, "kind 'ordinal' is not one of"),
])
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
    path = write(textwrap.dedent("""
        from ivig_blina.stats import Statistic
        class Fails(Statistic):
            name, kind, description = "fails", "continuous", "always fails"
            def run(self, a, b, **kw):
                raise ValueError("no")
        """), name="fails.py")
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
    """A throwaway installed distribution declaring one statistic in the entry-point group."""
    def install(module_source: str, target: str):
        (tmp_path / "throwaway_stats.py").write_text(textwrap.dedent(module_source))
        info = tmp_path / "throwaway-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: throwaway\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[ivig_blina.statistics]\nrank-sum-copy = {target}\n")
        monkeypatch.syspath_prepend(str(tmp_path))
    return install


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
    assert registry.entries["rank-sum-copy"].origin == "package throwaway"
    result = run("compare", WO, "--test", "continuous=rank-sum-copy", "-f", "json", "-q")
    assert json.loads(result.stdout)["outcomes"][0]["p_value"] == 0.5


def test_the_suite_runs_with_installed_plugins_switched_off(installed):
    installed(SOURCE.replace('"continuous"', '"binary"'), "throwaway_stats:RankSumCopy")
    assert "rank-sum-copy" not in Registry.standard().entries  # the suite's own environment (conftest)
    result = run("compare", WO, "--test", "binary=fishers")
    assert result.exit_code == 2
    assert "known: barnard, boschloo, chi-square, fisher\n" in result.stderr.replace("\n ", " ")


def test_ivigblina_plugins_none_disables_entry_points(installed, monkeypatch):
    installed(SOURCE, "throwaway_stats:RankSumCopy")
    monkeypatch.setenv("IVIGBLINA_PLUGINS", "none")
    assert "rank-sum-copy" not in Registry.standard().entries
    assert_usage_error(run("compare", WO, "--test", "continuous=rank-sum-copy"), "--test")


def test_a_broken_entry_point_names_its_package(installed, monkeypatch):
    installed(SOURCE, "throwaway_stats:Missing")
    monkeypatch.delenv("IVIGBLINA_PLUGINS", raising=False)
    with pytest.raises(IvigBlinaError, match="plug-in 'rank-sum-copy' from package throwaway failed to load"):
        Registry.standard()
    result = run("tests")
    assert result.exit_code == 1 and "package throwaway" in result.stderr


def test_the_quick_look_for_plugins_misses_no_declared_entry_point(monkeypatch, tmp_path):
    """importlib.metadata is skipped only when no distribution on sys.path declares the group."""
    from importlib.machinery import PathFinder
    from importlib.metadata import entry_points

    from ivig_blina.stats import ENTRY_POINT_GROUP, _may_declare_plugins

    assert _may_declare_plugins() or not entry_points(group=ENTRY_POINT_GROUP)

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
    for path, expected in (([unrelated, str(tmp_path / "missing")], False), ([unrelated, declaring], True),
                           ([unrelated, str(archive)], True)):  # importlib.metadata looks inside a zip
        monkeypatch.setattr(sys, "path", path)
        assert _may_declare_plugins() is expected

    class Lister:  # a finder that lists distributions of its own (importlib_metadata's backport is one)
        def find_distributions(self, context=None):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", [*standard, Lister()])
    assert _may_declare_plugins()
