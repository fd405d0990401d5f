"""Tests of r x c tables, Kruskal-Wallis, SMDs and the Table 1 summaries against R
(tests/golden/r_table1.py, made by tests/golden/table1.R; SMDs also against Python's tableone)."""

import itertools
import math

import numpy as np
import pytest
from golden.r_table1 import CHISQ, DATA, DESCRIPTIVE, FISHER, HOLM, KRUSKAL, PAIRWISE_WILCOX, SMD_R, TABLEONE_SMD

from ivig_blina.analyses.table1 import _summary
from ivig_blina.stats.adjust import adjust
from ivig_blina.stats.categorical import (
    ChiSquareRxC,
    FisherRxC,
    KruskalWallis,
    _count,
    fisher_exact_p,
    fisher_monte_carlo_p,
    table_count,
)
from ivig_blina.stats.continuous import MannWhitney
from ivig_blina.stats.smd import categorical_smd, continuous_smd, mean_pairwise

P_REL = 1e-9  # R's FEXACT and our enumeration differ in the last digits (R's own two workspaces by 1e-13)


@pytest.mark.parametrize("name", list(KRUSKAL))
def test_kruskal_wallis_as_r(name):
    expected = KRUSKAL[name]
    result = KruskalWallis().run(*DATA[name].values())
    assert result.statistic == pytest.approx(expected["statistic"], rel=1e-12)
    assert result.pvalue == pytest.approx(expected["p_value"], rel=1e-12)
    assert result.method.endswith(f"(df = {expected['df']})")
    if "wilcox_p_value" in expected:  # two groups: not Mann-Whitney's P, but its uncorrected normal one
        assert MannWhitney().run(*DATA[name].values()).pvalue == pytest.approx(expected["wilcox_p_value"], rel=1e-12)
        assert result.pvalue == pytest.approx(expected["wilcox_normal_uncorrected_p_value"], rel=1e-12)


@pytest.mark.parametrize("name", list(DESCRIPTIVE))
def test_summaries_as_r(name):
    expected = DESCRIPTIVE[name]
    values = np.array([x for x in DATA[name] if x is not None], dtype=float)
    ours = _summary(values)
    assert ours.n == expected["n"] and len(DATA[name]) - len(values) == expected["missing"]
    for key in ("q1", "median", "q3", "mean", "sd"):
        assert (
            getattr(ours, key) == pytest.approx(expected[key], rel=1e-12)
            if expected[key] is not None
            else getattr(ours, key) is None
        )
    assert expected["q2"] == expected["median"]


@pytest.mark.parametrize("name", list(FISHER))
def test_fisher_rxc_as_r(name):
    expected = FISHER[name]
    result = FisherRxC().run(*DATA[name])
    exact = "Monte Carlo" not in result.method
    if exact:
        assert result.pvalue == pytest.approx(expected["p_value"], rel=P_REL)
    else:  # beyond the enumeration budget: within Monte Carlo error of R's exact P
        se = math.sqrt(expected["p_value"] * (1 - expected["p_value"]) / 100_000)
        assert abs(result.pvalue - expected["p_value"]) < 4 * se
    for key in ("p_value_zero_row_removed", "p_value_zero_col_removed", "p_value_workspace_2e8"):
        if key in expected:  # the same P by R's other routes
            assert expected[key] == pytest.approx(expected["p_value"], rel=P_REL)
    if "default_workspace_error" in expected:  # R needs more workspace; we go to Monte Carlo, and say so
        assert "FEXACT error 7" in expected["default_workspace_error"] and not exact
    if "simulated" in expected:  # R's Monte Carlo and ours: two draws of the same estimate
        simulated = expected["simulated"]
        ours = fisher_monte_carlo_p(np.array(DATA[name]), simulated["B"], simulated["seed"])
        se = math.sqrt(expected["p_value"] * (1 - expected["p_value"]) / simulated["B"])
        assert abs(ours - simulated["p_value"]) < 6 * se and abs(ours - expected["p_value"]) < 4 * se


@pytest.mark.parametrize("name", ["f3x2", "f2x3", "f3x3", "f2x4_zeros", "f3x2_zero_row"])
def test_fisher_enumeration_and_count_do_not_depend_on_the_orientation(name):
    # both run along the longer margin: a k x 2 table (k groups of a binary outcome) is counted and
    # enumerated as 2 x k, which is what keeps five groups of ~35 patients to seconds, not a minute
    table = np.array(DATA[name])
    rows, columns = tuple(int(x) for x in table.sum(axis=1)), tuple(int(x) for x in table.sum(axis=0))
    assert table_count(rows, columns) == table_count(columns, rows) == _count(rows, columns) == _count(columns, rows)
    assert fisher_exact_p(table) == pytest.approx(fisher_exact_p(table.T.copy()), rel=1e-13)
    assert fisher_exact_p(table) == pytest.approx(FISHER[name]["p_value"], rel=P_REL)


@pytest.mark.parametrize("name", list(CHISQ))
def test_chi_square_rxc_as_r(name):
    expected = CHISQ[name]
    result = ChiSquareRxC().run(*DATA[name])
    if expected["p_value"] is None:  # R: NaN with an empty row or column
        assert result.pvalue is None and "R gives NaN" in result.warnings[0]
        return
    assert result.statistic == pytest.approx(expected["statistic"], rel=1e-12)
    assert result.pvalue == pytest.approx(expected["p_value"], rel=1e-12)
    assert result.method.endswith(f"(df = {expected['parameter']})")
    assert ("Yates" in result.method) == ("Yates" in expected["method"])
    assert any("approximation may be incorrect" in w for w in result.warnings) == bool(expected["warning"])
    if "statistic_correct_false" in expected:  # without Yates: scipy's own, as a cross-check of the table
        from scipy.stats import chi2_contingency

        assert chi2_contingency(np.array(DATA[name]), correction=False).statistic == pytest.approx(
            expected["statistic_correct_false"], rel=1e-12
        )


def _by_group(data, variable):
    groups = sorted(set(data["group"]))
    values = {g: [v for v, h in zip(data[variable], data["group"]) if h == g and v is not None] for g in groups}
    return groups, values


def _smd(kind, a, b, levels):
    if kind == "continuous":
        return continuous_smd(a, b)
    return categorical_smd([a.count(x) for x in levels], [b.count(x) for x in levels])


@pytest.mark.parametrize("data_name, variable", [(d, v) for d in SMD_R for v in SMD_R[d]])
def test_smd_as_tableones_formulas_in_r(data_name, variable):
    expected = SMD_R[data_name][variable]
    groups, values = _by_group(DATA[data_name], variable)
    levels = sorted({x for v in values.values() for x in v}) if expected["kind"] == "categorical" else None
    pairs = {}
    for a, b in itertools.combinations(groups, 2):
        pairs[f"{a},{b}"] = _smd(expected["kind"], values[a], values[b], levels)
        if expected[f"{a},{b}"] is None:
            assert pairs[f"{a},{b}"] is None or math.isnan(pairs[f"{a},{b}"])
        else:
            assert pairs[f"{a},{b}"] == pytest.approx(expected[f"{a},{b}"], rel=1e-9, abs=1e-12)
    if "mean" in expected:

        def smd(a, b):
            return _smd(expected["kind"], a, b, levels)

        assert mean_pairwise([values[g] for g in groups], smd) == pytest.approx(expected["mean"], rel=1e-9)
    if "binary_formula" in expected:
        assert pairs["A,B"] == pytest.approx(expected["binary_formula"], rel=1e-9)
    if "na_as_level" in expected:  # missing as a level of its own (tableone's default)
        with_missing = {
            g: [
                ("NA" if v is None else v)
                for v, h in zip(DATA[data_name][variable], DATA[data_name]["group"])
                if h == g
            ]
            for g in groups
        }
        all_levels = sorted({x for v in with_missing.values() for x in v})
        for a, b in itertools.combinations(groups, 2):
            assert categorical_smd(
                [with_missing[a].count(x) for x in all_levels], [with_missing[b].count(x) for x in all_levels]
            ) == pytest.approx(expected["na_as_level"][f"{a},{b}"], rel=1e-9)


@pytest.mark.parametrize("data_name, variable", [(d, v) for d in TABLEONE_SMD for v in TABLEONE_SMD[d]])
def test_smd_as_pythons_tableone(data_name, variable):
    """Where tableone (include_null=False) gives a number, ours is the same, up to its sign."""
    expected = TABLEONE_SMD[data_name][variable]
    theirs = SMD_R[data_name].get(variable)
    for pair, value in (expected.get("include_null_false") or expected).items():
        if not isinstance(value, float) or math.isnan(value) or theirs is None or pair not in theirs:
            continue
        assert abs(value) == pytest.approx(theirs[pair], rel=1e-9)


@pytest.mark.parametrize("name", list(HOLM))
def test_holm_as_p_adjust(name):
    assert adjust(DATA[name], "holm") == pytest.approx(HOLM[name]["adjusted"], rel=1e-12)


@pytest.mark.parametrize("name", list(PAIRWISE_WILCOX))
def test_pairwise_mann_whitney_with_holm_as_pairwise_wilcox_test(name):
    expected = PAIRWISE_WILCOX[name]
    groups, values = _by_group({"group": DATA[name]["g"], "x": DATA[name]["x"]}, "x")
    pairs = [f"{a},{b}" for a, b in itertools.combinations(groups, 2)]
    raw = [MannWhitney().run(values[p.split(",")[0]], values[p.split(",")[1]]) for p in pairs]
    assert [r.pvalue for r in raw] == pytest.approx([expected["default_unadjusted"][p] for p in pairs], rel=1e-12)
    assert adjust([r.pvalue for r in raw], "holm") == pytest.approx(
        [expected["default_holm"][p] for p in pairs], rel=1e-12
    )
    for r, p in zip(raw, pairs):
        assert (
            r.method.replace("-", " ")
            .lower()
            .startswith(expected["wilcox_method"][p].lower().replace("wilcoxon rank sum", "wilcoxon rank sum"))
        )
