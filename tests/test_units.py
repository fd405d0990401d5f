"""Units that cannot be mistaken (issue 12): the unit in the IgG header, --units that
contradicts it, a median IgG implausible for the unit, thresholds written with a unit, and
--report-units."""

import json

import pytest
from conftest import run

HEADER = "patient_id,cohort,day,{igg}\n"
ROWS = "A,x,0,9.5\nA,x,10,3.8\nB,y,0,8\nB,y,12,5.1\n"  # g/L: nadirs 380 and 510 mg/dL


def nadirs(result) -> dict:
    assert result.exit_code == 0, result.stderr
    return {r["patient_id"]: (r["nadir_igg"], r["hgg"]) for r in json.loads(result.stdout)}


@pytest.mark.parametrize("header", ["IgG (g/L)", "igg_g_l", "IgG g/l", "IGG [G/L]", "serum_igg_g_l"])
def test_a_unit_in_the_header_is_the_columns_unit(write, header):
    # slip 1 of the issue: the header says g/L and no --units is given
    path = write(HEADER.format(igg=header) + ROWS)
    options = [] if header == "igg_g_l" else ["--igg-col", header]
    assert nadirs(run("nadir", path, *options, "-f", "json", "-q")) == {"A": (380.0, True), "B": (510.0, False)}


@pytest.mark.parametrize("header, units", [("IgG (g/L)", "mg/dL"), ("igg_mg_dl", "g/L"), ("igg_g_l", "mg/dL")])
def test_units_that_contradict_the_header_are_refused(write, header, units):
    path = write(HEADER.format(igg=header) + ROWS)
    options = [] if header.startswith("igg_") else ["--igg-col", header]
    result = run("nadir", path, *options, "--units", units)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"ivigblina: error: {path}:1: column '{header.lower()}': the header says")
    assert f"--units {units} contradicts it" in result.stderr


def test_no_stated_unit_and_an_implausible_median_is_refused_with_the_likely_unit(write):
    path = write(HEADER.format(igg="IgG") + ROWS)
    result = run("nadir", path, "--igg-col", "IgG")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"ivigblina: error: {path}: column 'igg': values look like g/L (median 5.1), not mg/dL; give --units g/L\n"
    )
    assert nadirs(run("nadir", path, "--igg-col", "IgG", "--units", "g/L", "-f", "json", "-q"))["A"] == (380.0, True)


def test_a_stated_unit_with_an_implausible_median_is_a_warning(write):
    path = write(HEADER.format(igg="igg_mg_dl") + ROWS)  # g/L values under a mg/dL header
    result = run("compare", path, "-f", "json")
    assert result.exit_code == 0
    assert (
        "warning: column 'igg_mg_dl': the median IgG, 5.1 mg/dL, is outside 30-6,000 mg/dL; are the values in g/L?"
        in result.stderr
    )
    assert json.loads(result.stdout)["input"]["notes"] == [
        "column 'igg_mg_dl': the median IgG, 5.1 mg/dL, is outside 30-6,000 mg/dL; are the values in g/L?"
    ]
    assert "warning" not in run("compare", path, "-f", "json", "-q").stderr


@pytest.mark.parametrize(
    "threshold, hgg_a, hgg_b",
    [
        ("4g/L", True, False),
        ("4 G/L", True, False),
        ("600mg/dL", True, True),
        ("4", True, False),
        ("3.5", False, False),
    ],
)
def test_a_threshold_is_in_its_own_unit_or_the_inputs(write, threshold, hgg_a, hgg_b):
    # slip 2 of the issue: with g/L input, a bare 4 means 4 g/L
    path = write(HEADER.format(igg="igg_g_l") + ROWS)
    found = nadirs(run("nadir", path, "--hgg-threshold", threshold, "-f", "json", "-q"))
    assert (found["A"][1], found["B"][1]) == (hgg_a, hgg_b)


@pytest.mark.parametrize(
    "threshold, units, message",
    [
        ("400", "igg_g_l", "400 with g/L input is 40,000 mg/dL, not a serum IgG level; did you mean 400mg/dL?"),
        ("4", "igg_mg_dl", "4 with mg/dL input is 4 mg/dL, not a serum IgG level; did you mean 4g/L?"),
        ("400g/L", "igg_mg_dl", "400g/L is 40,000 mg/dL, not a serum IgG level; did you mean 400mg/dL?"),
        ("400 mg", "igg_mg_dl", "expected a level such as 400, 400mg/dL or 4g/L, got '400 mg'"),
        ("0", "igg_mg_dl", "expected a level above 0 (e.g. 400mg/dL), got 0"),
    ],
)
def test_an_implausible_or_malformed_threshold_is_a_usage_error(write, threshold, units, message):
    path = write(HEADER.format(igg=units) + ROWS)
    result = run("nadir", path, "--hgg-threshold", threshold)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--hgg-threshold" in result.stderr
    assert message in " ".join(result.stderr.split())


def test_report_units_sets_the_unit_of_every_igg_value_written(write, tmp_path):
    path = write(HEADER.format(igg="igg_mg_dl") + "A,x,0,950\nA,x,10,380\nA,x,20,420\nB,y,0,800\nB,y,12,510\n")
    rows = {r["patient_id"]: r for r in json.loads(run("nadir", path, "--report-units", "g/L", "-f", "json").stdout)}
    assert (rows["A"]["baseline_igg"], rows["A"]["nadir_igg"]) == (9.5, 3.8)
    mg = {r["patient_id"]: r for r in json.loads(run("nadir", path, "-f", "json").stdout)}
    assert rows["A"]["area_below_threshold"] == pytest.approx(mg["A"]["area_below_threshold"] / 100)
    assert rows["A"]["pct_drop"] == mg["A"]["pct_drop"]
    document = json.loads(run("compare", path, "--report-units", "g/L", "-f", "json").stdout)
    nadir = document["outcomes"][0]
    assert nadir["groups"]["x"]["median"] == 3.8 and document["meta"]["options"]["report_units"] == "g/L"
    assert document["meta"]["options"]["hgg_threshold"] == 400.0  # always recorded in mg/dL


def test_the_igg_figure_draws_in_the_report_unit(write):
    pytest.importorskip("matplotlib")
    import ivig_blina
    from ivig_blina.figures import igg_figure

    path = write(HEADER.format(igg="igg_mg_dl") + "A,x,0,950\nA,x,10,380\nB,y,0,800\nB,y,12,510\n")
    figure = igg_figure(ivig_blina.load(path, report_units="g/L", keep_rows=True))
    axis = next(ax for ax in figure.axes if ax.get_label() == "panel:x")
    assert figure.get_supylabel() == "Serum IgG (g/L)"
    assert max(max(line.get_ydata(), default=0) for line in axis.get_lines()) == 9.5
    assert any(line.get_gid() == "reference:threshold:4:x" for line in axis.get_lines())
