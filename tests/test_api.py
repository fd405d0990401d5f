"""The library API: the README's Python example, and the library giving exactly what the CLI
prints (the CLI holds no step of its own)."""

import io
import json
import math
import re

import pandas as pd
import pytest
from conftest import ROOT, WO, run

import ivig_blina
from ivig_blina.analyses.results import (
    BinarySummary,
    CompetingRiskSummary,
    ContinuousSummary,
    RateSummary,
    TimeToEventSummary,
)
from ivig_blina.stats import ConfidenceInterval, get


def readme_python_example() -> str:
    readme = (ROOT / "README.md").read_text()
    return readme.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_readme_python_example_runs_as_shown(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code = readme_python_example()
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    expected = re.findall(r"^# (.*)$", code.split("# prints:", 1)[1], flags=re.M)
    assert printed.splitlines() == expected


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--competing-risk", "--adjust", "holm"],
        ["--alternative", "less", "--confidence", "0.9", "--landmarks", "14,60"],
    ],
)
def test_to_dict_is_the_json_output_and_to_frame_the_csv(options, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = ["examples/wo2022_cohort.csv", "--groups", "ivig,control", *options]
    cli_json = json.loads(run("compare", *args, "-f", "json").stdout)
    cli_csv = run("compare", *args, "-f", "csv").stdout
    keyword = {
        "--competing-risk": ("competing_risk", True),
        "--adjust": ("adjust", "holm"),
        "--alternative": ("alternative", "less"),
        "--confidence": ("confidence_level", 0.9),
        "--landmarks": ("landmarks", (14.0, 60.0)),
    }
    kwargs = dict(keyword[o] for o in options if o.startswith("--"))
    cohort = ivig_blina.load(
        "examples/wo2022_cohort.csv", require_cohort=True, competing_risk=kwargs.get("competing_risk", False)
    )
    result = ivig_blina.compare(cohort, groups=("ivig", "control"), **kwargs)
    assert result.to_dict() == cli_json
    frame = result.to_frame()
    expected = pd.read_csv(io.StringIO(cli_csv), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(expected.columns)
    assert len(frame) == len(expected)
    for column in frame.columns:
        for ours, theirs in zip(frame[column], expected[column]):
            assert _same_cell(ours, theirs), (column, ours, theirs)


def _same_cell(ours, text) -> bool:
    """A DataFrame cell against the CSV cell the CLI wrote for it."""
    text = str(text)
    if ours is None or (isinstance(ours, float) and math.isnan(ours)):
        return text == ""
    if isinstance(ours, bool):
        return text == ("true" if ours else "false")
    if isinstance(ours, float) and math.isinf(ours):
        return text == ("Inf" if ours > 0 else "-Inf")
    if isinstance(ours, (int, float)):
        return float(text) == ours
    return text == ours


def test_groups_default_to_the_two_cohorts_in_sorted_order():
    result = ivig_blina.compare(ivig_blina.load(str(WO)))
    assert result.groups == ("control", "ivig")


def test_every_group_summary_is_a_typed_dataclass():
    result = ivig_blina.compare(ivig_blina.load(str(WO)), groups=["ivig", "control"])
    kinds = {o.outcome: type(o.groups["ivig"]) for o in result.outcomes}
    assert kinds["igg_nadir"] is ContinuousSummary and kinds["hgg"] is BinarySummary
    assert kinds["time_to_infection"] is TimeToEventSummary and kinds["infection_rate"] is RateSummary
    infection = next(o for o in result.outcomes if o.outcome == "infection")
    assert isinstance(infection.result.ci, ConfidenceInterval)
    assert infection.result.ci.low < infection.result.estimate < infection.result.ci.high
    assert infection.risk_difference.ci.low < infection.risk_difference.estimate
    competing = ivig_blina.compare(ivig_blina.load(str(WO), competing_risk=True))
    assert isinstance(competing.outcomes[-2].groups["ivig"], CompetingRiskSummary)


@pytest.mark.parametrize(
    "name, value",
    [
        ("alternative", "two.sided"),
        ("alternative", "two_sided"),
        ("confidence_level", 95),
        ("confidence_level", 0.0),
        ("confidence_level", float("nan")),
        ("confidence_level", True),
        ("adjust", "fdr"),
    ],
)
def test_a_bad_alternative_or_level_fails_loudly_from_python(name, value):
    cohort = ivig_blina.load(str(WO))
    with pytest.raises(ValueError, match=f"^{name}: expected"):
        ivig_blina.compare(cohort, **{name: value})


@pytest.mark.parametrize(
    "statistic, kind, a, b",
    [
        ("mann-whitney", "continuous", [1.0, 2, 3], [2.0, 5, 6]),
        ("fisher", "binary", (3, 10), (5, 9)),
        ("chi-square", "binary", (3, 10), (5, 9)),
        ("poisson-exact", "rate", (3, 100.0), (5, 90.0)),
    ],
)
def test_every_statistic_checks_its_alternative_and_level(statistic, kind, a, b):
    test = get(statistic, kind)
    with pytest.raises(ValueError, match="alternative: expected one of two-sided, less, greater, got 'two.sided'"):
        test.run(a, b, alternative="two.sided")
    with pytest.raises(ValueError, match="confidence_level: expected a level between 0 and 1"):
        test.run(a, b, confidence_level=95)


def test_a_plugin_statistic_is_checked_at_its_boundary_too():
    class Anything(ivig_blina.stats.Statistic):
        name, kind, description = "anything", "continuous", "returns nothing useful"

        def run(self, a, b, *, alternative="two-sided", confidence_level=0.95, **options):
            return ivig_blina.stats.TestResult(statistic=0.0, pvalue=1.0, ci=(0.0, 1.0))

    assert Anything().run([1.0], [2.0]).ci == ConfidenceInterval(0.0, 1.0)
    with pytest.raises(ValueError, match="^alternative"):
        Anything().run([1.0], [2.0], alternative="greater than")


@pytest.mark.parametrize(
    "name, value, expected",
    [
        ("units", "mg/dl", "expected one of mg/dL, g/L"),
        ("until", -5, "expected a number of days >= 0"),
        ("baseline_window", float("nan"), "expected a number of days"),
        ("hgg_threshold", 0, "expected a level above 0"),
        ("hgg_threshold", "4 g/dL", "expected a level such as 400"),
        ("hgg_threshold", 4, "4 with mg/dL input is 4 mg/dL"),
        ("report_units", "g/l", "expected one of mg/dL, g/L"),
        ("today", "01/12/2026", "expected a date as YYYY-MM-DD"),
        ("engine", "spark", "expected one of pandas, dask"),
    ],
)
def test_load_checks_its_options_with_the_clis_rules(name, value, expected):
    with pytest.raises(ivig_blina.OptionError, match=f"^{name}: {expected}"):
        ivig_blina.load(str(WO), **{name: value})


def test_the_nadir_table_is_what_nadir_prints(monkeypatch):
    monkeypatch.chdir(ROOT)
    cohort = ivig_blina.load("examples/wo2022_cohort.csv")
    printed = pd.read_csv(io.StringIO(run("nadir", "examples/wo2022_cohort.csv", "-f", "csv").stdout))
    assert list(cohort.nadir_table().columns) == list(printed.columns)
    assert cohort.nadir_table().patient_id.tolist() == printed.patient_id.tolist()


def test_the_package_imports_nothing_heavy_until_asked():
    import subprocess
    import sys

    code = "import sys, ivig_blina; print('pandas' in sys.modules, 'ivig_blina.cohort.load' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
