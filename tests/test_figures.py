"""Figures: what is drawn is what was computed (and what R computes), every format opens, and a
journal's rules hold: one colour per cohort across figures, breaks and ticks, readable text that
never overlaps, the test's label clear of every curve. Not pixel snapshots: the drawn artists'
data are read back."""

import itertools
import math
import sys

import numpy as np
import pytest
from conftest import ROOT, WO, assert_usage_error, run
from golden.r_figures import FIGURES_GOLDEN

import ivig_blina
from ivig_blina.figures.courses import COURSES, igg_courses, igg_figure
from ivig_blina.figures.forest import forest_figure
from ivig_blina.figures.km import infection_figure
from ivig_blina.figures.style import PALETTE, cohort_styles, day_breaks, p_text
from ivig_blina.figures.swimmer import swimmer_figure
from ivig_blina.stats import get

THREE = ROOT / "tests" / "data" / "three_cohorts.csv"
MAGIC = {
    "png": b"\x89PNG\r\n\x1a\n",
    "pdf": b"%PDF",
    "svg": b"<?xml",
    "eps": b"%!PS-Adobe-3.0 EPSF-3.0",
    "tiff": b"II*\x00",
    "tif": b"II*\x00",
}
KINDS = ["igg", "infection", "swimmer", "forest"]


def drawn(ax, gid):
    """The one artist of ``ax`` with this gid."""
    found = [a for a in [*ax.get_lines(), *ax.collections, *ax.texts] if a.get_gid() == gid]
    assert len(found) == 1, (gid, len(found))
    return found[0]


def panel(figure, name):
    """The axes of ``figure`` labelled ``name`` ("curves", "at risk", "legend", "panel:COHORT")."""
    (ax,) = [ax for ax in figure.axes if ax.get_label() == name]
    return ax


def panels(figure):
    return [ax for ax in figure.axes if ax.get_label().startswith("panel:")]


def legend_texts(figure):
    """The entries of the figure's legend, wherever it was placed."""
    (legend,) = [ax.get_legend() for ax in figure.axes if ax.get_legend() is not None]
    return [t.get_text() for t in legend.get_texts()]


def texts(figure):
    """Every piece of text drawn, with its box in pixels, after the figure is laid out (tick
    labels only of the ticks inside the axis's view, the ones matplotlib draws)."""
    from matplotlib.text import Text

    figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()
    tick_labels, drawn_ticks = set(), []
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                tick_labels |= {id(tick.label1), id(tick.label2)}
                if low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    drawn_ticks += [tick.label1, tick.label2]
    shown = []
    for t in [t for t in figure.findobj(Text) if id(t) not in tick_labels] + drawn_ticks:
        if not t.get_visible() or not t.get_text().strip() or (t.axes is not None and not t.axes.get_visible()):
            continue
        box = t.get_window_extent(renderer)
        if box.width > 0:
            shown.append((t, box))
    return shown


def assert_readable(figure):
    """No two texts overlap, none leaves the figure, none is below 8 pt."""
    shown = texts(figure)
    width, height = figure.bbox.width, figure.bbox.height
    for t, box in shown:
        assert t.get_fontsize() >= 8, (t.get_text(), t.get_fontsize())
        assert box.x0 >= -0.5 and box.y0 >= -0.5 and box.x1 <= width + 0.5 and box.y1 <= height + 0.5, t.get_text()
    for (a, box_a), (b, box_b) in itertools.combinations(shown, 2):
        overlap = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0), min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        assert min(overlap) <= 0.5, f"{a.get_text()!r} overlaps {b.get_text()!r}"


def steps_cross(box, x, y) -> bool:
    """Whether the post-step curve through (x, y) touches ``box`` (all in the same coordinates)."""
    for i in range(len(x)):
        x_end = x[i + 1] if i + 1 < len(x) else x[i]
        if box.y0 <= y[i] <= box.y1 and x[i] <= box.x1 and x_end >= box.x0:  # the flat part
            return True
        if i + 1 < len(x) and box.x0 <= x[i + 1] <= box.x1:  # the drop to the next step
            if min(y[i], y[i + 1]) <= box.y1 and max(y[i], y[i + 1]) >= box.y0:
                return True
    return False


@pytest.fixture(scope="module")
def wo():
    return ivig_blina.load(str(WO), keep_rows=True)


@pytest.fixture(scope="module")
def three():
    return ivig_blina.load(str(THREE), keep_rows=True, competing_risk=True)


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("extension", list(MAGIC))
def test_every_format_is_written_and_opens(kind, extension, tmp_path):
    path = tmp_path / f"figure.{extension}"
    result = run("plot", kind, WO, "-o", path, "--dpi", "100", *(["--ci"] if kind == "infection" else []))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"{WO}: 372 rows read") and "warning" not in result.stderr  # PostScript's
    # "does not support transparency" included: translucent colours are written as opaque tints there
    data = path.read_bytes()
    assert data.startswith(MAGIC[extension])
    if extension == "svg":  # ids unique (a page may inline several figures) and valid
        import re

        ids = re.findall(rb'\bid="([^"]+)"', data)
        assert len(ids) == len(set(ids)) and all(re.fullmatch(rb"[A-Za-z_][A-Za-z0-9_.:-]*", i) for i in ids)
    if extension in ("png", "tiff", "tif"):
        from PIL import Image

        with Image.open(path) as image:
            assert image.size[0] == 700  # 7 in at 100 dpi
            if extension != "png":
                assert image.info["compression"] == "tiff_lzw" and image.info["dpi"] == (100, 100)
                assert image.mode == "RGB"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_width_and_dpi_set_the_raster_size(tmp_path):
    from PIL import Image

    path = tmp_path / "km.TIFF"  # the extension in any case
    assert run("plot", "infection", WO, "-o", path, "-q", "--width", "3.5", "--dpi", "600").exit_code == 0
    with Image.open(path) as image:
        assert image.size[0] == 2100 and image.info["dpi"] == (600, 600)


def test_eps_bands_are_opaque_tints_and_the_figure_is_left_as_it_was(wo, tmp_path, caplog):
    from ivig_blina.figures.output import opaque, save_figure

    figure = infection_figure(wo, ci=True)
    band = drawn(panel(figure, "curves"), "band:ivig")
    before = band.get_facecolor().copy()
    with caplog.at_level("WARNING", logger="matplotlib"):
        figure.savefig(str(tmp_path / "translucent.eps"))  # as matplotlib alone would write it
        assert "does not support transparency" in caplog.text
        caplog.clear()
        save_figure(figure, str(tmp_path / "km.eps"))
        assert caplog.records == []
    assert (band.get_facecolor() == before).all()  # the caller's figure still has its translucent band
    assert before[0][3] < 1
    flat = opaque(figure)
    face = drawn(panel(flat, "curves"), "band:ivig").get_facecolor()[0]
    assert face[3] == 1 and np.allclose(face[:3], before[0][:3] * before[0][3] + 1 - before[0][3])


@pytest.mark.parametrize(
    "option, value",
    [
        ("--output", "figure.jpg"),
        ("--output", "figure"),
        ("--dpi", "71"),
        ("--dpi", "1201"),
        ("--width", "2.9"),
        ("--width", "nan"),
        ("--break-days", "0"),
        ("--break-days", "1"),  # 400 breaks: found once the data are read, still a usage error
        ("--xmax", "-5"),
        ("--labels", "ivig"),
        ("--labels", "ivig=A,ivig=B"),
        ("--landmarks", "x"),
        ("--groups", "ivig"),
    ],
)
def test_bad_figure_options_exit_2_with_one_line(option, value, tmp_path):
    figure = [] if option == "--output" else ["-o", str(tmp_path / "figure.png")]
    assert_usage_error(run("plot", "infection", WO, *figure, option, value), option)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option, value", [("--thresholds", "400,"), ("--thresholds", "4 apples"), ("--xmax", "0")])
def test_bad_igg_figure_options_exit_2(option, value, tmp_path):
    assert_usage_error(run("plot", "igg", WO, "-o", str(tmp_path / "figure.png"), option, value), option)


@pytest.mark.parametrize("kind", KINDS)
def test_a_figure_without_an_output_file_is_a_usage_error(kind):
    assert_usage_error(run("plot", kind, WO), "--output")


def test_labels_naming_no_cohort_is_one_line_exit_1(tmp_path):
    result = run("plot", "infection", WO, "-o", str(tmp_path / "km.png"), "--labels", "ivgi=IVIG")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("ivigblina: error: ")
    assert "cohort 'ivgi' given by --labels is not a cohort of the file (cohorts: control, ivig)" in result.stderr


def test_missing_matplotlib_is_one_line(tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    result = run("plot", "igg", WO, "-o", str(tmp_path / "figure.png"), "-q")
    assert result.exit_code == 1
    assert result.stderr == "ivigblina: error: figures need matplotlib: pip install 'ivig-blina[plot]'\n"
    assert not (tmp_path / "figure.png").exists()


# ---------------------------------------------------------------- one look


def test_a_cohort_keeps_its_colour_by_rank_whatever_the_order_asked(wo, three):
    by_order = [infection_figure(wo, groups) for groups in (["ivig", "control"], ["control", "ivig"])]
    igg = igg_figure(wo, ["ivig"])
    for figure in by_order:
        assert drawn(panel(figure, "curves"), "curve:control").get_color() == PALETTE[0]  # sorted first
        assert drawn(panel(figure, "curves"), "curve:ivig").get_color() == PALETTE[1]
    assert {
        line.get_color() for line in panel(igg, "panel:ivig").get_lines() if str(line.get_gid()).startswith("course:")
    } == {PALETTE[1]}
    assert drawn(panel(by_order[0], "at risk"), "at-risk-label:ivig").get_color() == PALETTE[1]
    # three cohorts: early, none, on_demand by rank, in every figure
    km = infection_figure(three, ["on_demand", "early", "none"], competing_risk=True)
    assert [drawn(panel(km, "curves"), f"curve:{g}").get_color() for g in ("early", "none", "on_demand")] == list(
        PALETTE[:3]
    )
    styles = cohort_styles(["b", "a", "c"])
    assert [styles[g].linestyle for g in "abc"] == ["-", "--", ":"]


def test_labels_rename_cohorts_but_keep_their_colours(wo):
    figure = infection_figure(wo, labels="ivig=IVIG prophylaxis,control=No IVIG $x$")
    ax, risk = panel(figure, "curves"), panel(figure, "at risk")
    legend = legend_texts(figure)
    assert legend == [
        r"No IVIG \$x\$ (n = 6; 4 infected, 2 censored)",
        "IVIG prophylaxis (n = 17; 14 infected, 3 censored)",
    ]
    assert drawn(risk, "at-risk-label:ivig").get_text() == "IVIG prophylaxis"
    assert drawn(ax, "curve:ivig").get_color() == PALETTE[1]
    label = drawn(ax, "test").get_text()
    assert label.startswith(r"HR, No IVIG \$x\$ vs IVIG prophylaxis: ")  # file order: control, ivig (sorted)


def test_label_mapping_is_checked():
    from ivig_blina.analyses.cohort_names import check_labels, parse_labels
    from ivig_blina.errors import IvigBlinaError, OptionError

    assert parse_labels(r"a=A\, the first, b = B=2") == {"a": "A, the first", "b": "B=2"}
    assert parse_labels(["a=A", "b=B"]) == parse_labels({"a": "A", "b": "B"}) == {"a": "A", "b": "B"}
    for bad in ("a", "a=", "=A", "a=A,a=B"):
        with pytest.raises(OptionError, match="labels"):
            parse_labels(bad)
    with pytest.raises(IvigBlinaError, match="both read 'b'"):
        check_labels({"a": "b"}, ["a", "b"])


@pytest.mark.parametrize(
    "horizon, step, xmax, breaks, end",
    [
        (309, None, None, [0, 50, 100, 150, 200, 250, 300, 350], 350),  # the curve ends before the last break
        (300, None, None, [0, 50, 100, 150, 200, 250, 300], 300),
        (12, None, None, [0, 2, 4, 6, 8, 10, 12], 12),
        (413, None, None, [0, 100, 200, 300, 400, 500], 500),
        (0, None, None, [0, 1], 1),
        (309, 25, None, [float(d) for d in range(0, 326, 25)], 325),
        (309, None, 180, [0, 25, 50, 75, 100, 125, 150, 175], 180),
        (309, 30, 180, [0, 30, 60, 90, 120, 150, 180], 180),
    ],
)
def test_day_breaks_are_round_and_end_at_or_after_the_last_day(horizon, step, xmax, breaks, end):
    assert day_breaks(horizon, step, xmax) == (breaks, end)
    assert 2 <= len(breaks) <= 14 and (step or xmax or 4 <= len(breaks) <= 8 or horizon < 2)


def test_too_many_breaks_for_the_width_are_refused():
    from ivig_blina.errors import OptionError

    with pytest.raises(OptionError, match="at most 7 fit 3.5 inches"):
        day_breaks(300, 25, width=3.5)


# ---------------------------------------------------------------- Kaplan-Meier and cumulative incidence


@pytest.mark.parametrize("break_days, end, step", [(None, 350, 50), (25, 325, 25), (100, 400, 100)])
def test_numbers_at_risk_under_each_break_are_rs(wo, break_days, end, step):
    key = f"seq(0, {end}, {step})"
    figure = infection_figure(wo, ["ivig", "control"], break_days=break_days)
    ax, risk = panel(figure, "curves"), panel(figure, "at risk")
    breaks = [float(t) for t in ax.get_xticks()]
    assert breaks == list(range(0, end + 1, step))
    assert ax.get_xlim() == (0, breaks[-1]) and breaks[-1] >= max(wo.table.infection_time)
    for row, group in enumerate(["ivig", "control"]):
        row_texts = [t for t in risk.texts if t.get_gid().startswith(f"at-risk:{group}:")]
        numbers = sorted((t.get_position()[0], t.get_text()) for t in row_texts)
        assert [x for x, _ in numbers] == breaks
        assert {t.get_position()[1] for t in row_texts} == {row}
        # summary(survfit(Surv(time, status) ~ 1, ...), times = KEY, extend = TRUE)$n.risk
        assert [int(n) for _, n in numbers] == FIGURES_GOLDEN["wo"]["at_risk"][group][key]


@pytest.mark.parametrize("data", ["wo", "tri"])
def test_the_curves_steps_and_bands_are_the_kaplan_meier_estimates_and_limits_of_r(data, wo, three):
    cohort = wo if data == "wo" else three
    groups = ["ivig", "control"] if data == "wo" else ["early", "on_demand", "none"]
    ax = panel(infection_figure(cohort, groups, ci=True), "curves")
    for group in groups:
        r = FIGURES_GOLDEN[data]["km"][group]  # summary(survfit(..., conf.type = "log"), censored = TRUE)
        curve = drawn(ax, f"curve:{group}")
        assert curve.get_drawstyle() == "steps-post"
        assert list(curve.get_xdata()) == [0, *r["time"]]
        assert np.allclose(curve.get_ydata(), [1, *r["surv"]], rtol=1e-12, atol=0)
        band = drawn(ax, f"band:{group}").get_paths()[0]
        for i, t in enumerate(r["time"][:-1]):  # each step but the last, which ends where it starts
            inside = t + 0.25
            if r["lower"][i] is None:
                continue
            low, high = r["lower"][i], r["upper"][i]
            assert band.contains_point((inside, (low + high) / 2)), (group, t)
            assert not band.contains_point((inside, low - 0.004)), (group, t)
            if high < 0.995:
                assert not band.contains_point((inside, high + 0.004)), (group, t)
        censored = drawn(ax, f"censored:{group}")
        at = [i for i, t in enumerate(r["time"]) if t in set(censored.get_xdata())]
        assert list(censored.get_ydata()) == pytest.approx([r["surv"][i] for i in at], abs=1e-12)


def test_the_cumulative_incidence_and_its_log_log_band_are_rs(three):
    from ivig_blina.stats.competing import cif_interval

    figure = infection_figure(three, ["early", "on_demand", "none"], competing_risk=True, ci=True)
    ax = panel(figure, "curves")
    assert ax.get_ylabel() == "Cumulative incidence of infection"
    for group, r in FIGURES_GOLDEN["tri_cif"].items():  # cmprsk::timepoints(cuminc(...)) and tidycmprsk's limits
        curve = drawn(ax, f"curve:{group}")
        x, y = list(curve.get_xdata()), list(curve.get_ydata())
        assert x[0] == 0 and y[0] == 0 and x[1:-1] == r["time"]
        assert y[1:-1] == pytest.approx(r["est"], abs=1e-12)
        low, high = cif_interval(r["est"], r["var"])
        assert list(low) == pytest.approx(r["low"], rel=1e-10) and list(high) == pytest.approx(r["high"], rel=1e-10)
        band = drawn(ax, f"band:{group}").get_paths()[0]
        for t, lo, hi in zip(r["time"], r["low"], r["high"]):
            if t == x[-1]:  # the group's last follow-up: the curve ends there
                continue
            assert band.contains_point((t + 0.25, (lo + hi) / 2))
            assert not band.contains_point((t + 0.25, lo - 0.004)) and not band.contains_point((t + 0.25, hi + 0.004))
    legend = legend_texts(figure)
    assert legend[0] == "early (n = 8; 4 infected, 3 died first, 1 censored)"


def test_the_hazard_ratio_and_p_are_compares_and_their_box_crosses_no_curve(wo):
    comparison = ivig_blina.compare(wo, groups=("ivig", "control"))
    tested = next(o.result for o in comparison.outcomes if o.outcome == "time_to_infection")
    for ci in (False, True):
        figure = infection_figure(wo, ["ivig", "control"], ci=ci, landmarks=[30, 90, 180])
        ax = panel(figure, "curves")
        label = drawn(ax, "test")
        low, high = tested.ci
        assert label.get_text() == (
            f"HR, ivig vs control: {tested.estimate:.2f} (95% CI {low:.2f}–{high:.2f})\n"
            f"Log-rank P = {tested.pvalue:.2g}"
        )
        figure.draw_without_rendering()
        box = label.get_window_extent().transformed(ax.transData.inverted())
        for group in ("ivig", "control"):
            curve = drawn(ax, f"curve:{group}")
            assert not steps_cross(box, list(curve.get_xdata()), list(curve.get_ydata())), group
            marks = drawn(ax, f"censored:{group}")
            assert not any(box.contains(x, y) for x, y in zip(marks.get_xdata(), marks.get_ydata()))
        assert_readable(figure)


def test_p_values_are_written_for_people():
    from ivig_blina.figures.style import p_text

    assert [p_text(p) for p in (4.94e-13, 0.000999, 0.0412, 0.0496, 0.41, 1.0, None)] == [
        "P < 0.001",
        "P < 0.001",
        "P = 0.041",
        "P = 0.0496",
        "P = 0.41",
        "P = 1",
        "P not computed",
    ]


def test_landmarks_mark_compares_estimates(wo):
    comparison = ivig_blina.compare(wo, groups=("ivig", "control"), landmarks=(30.0, 90.0, 180.0))
    summaries = next(o.groups for o in comparison.outcomes if o.outcome == "time_to_infection")
    ax = panel(infection_figure(wo, landmarks=[30, 90, 180]), "curves")
    for group, summary in summaries.items():
        points = drawn(ax, f"landmark:{group}")
        assert list(points.get_xdata()) == [30, 90, 180]
        assert list(points.get_ydata()) == [m.estimate for m in summary.landmarks]
    days = [line.get_xdata()[0] for line in ax.get_lines() if line.get_gid().startswith("reference:landmark:")]
    assert days == [30, 90, 180]


def test_three_cohorts_are_three_curves_with_the_k_sample_p(three, tmp_path):
    """The HR is a two-cohort number; with three the label is the k-sample log-rank (or Gray) P,
    as R's survdiff and cuminc give it."""
    groups = ["early", "on_demand", "none"]
    for competing, r_p in ((False, "logrank_p"), (True, "gray_p")):
        figure = infection_figure(three, groups, competing_risk=competing)
        ax, risk = panel(figure, "curves"), panel(figure, "at risk")
        assert [t.get_text() for t in risk.texts if str(t.get_gid()).startswith("at-risk-label:")] == groups
        expected = FIGURES_GOLDEN["tri_tests"][r_p]  # survdiff's chisq on 2 df / cuminc's Tests, three groups
        name = "Gray's test" if competing else "Log-rank"
        assert [t.get_text() for t in ax.texts if t.get_gid() == "test"] == [f"{name} P = {expected:.2g} (3 cohorts)"]
        statistic = get("gray" if competing else "log-rank", "time-to-event")
        assert statistic.groups == "k"
        for group in groups:
            numbers = [int(t.get_text()) for t in risk.texts if t.get_gid().startswith(f"at-risk:{group}:")]
            assert numbers == FIGURES_GOLDEN["tri"]["at_risk"][group]["seq(0, 300, 50)"]
        assert_readable(figure)
    result = run("plot", "infection", THREE, "--groups", "all", "-o", tmp_path / "km.png")
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
    needs = run("plot", "infection", THREE, "-o", tmp_path / "km.png")
    assert needs.exit_code == 1 and "choose with --groups A,B,C or --groups all" in needs.stderr


@pytest.mark.parametrize("width", [3.5, 7.0, 12.0])
def test_infection_figures_are_readable_at_any_width(wo, three, width):
    assert_readable(infection_figure(wo, ci=True, landmarks=[30, 90], width=width, title="Time to first infection"))
    figure = infection_figure(
        three, ["all"], competing_risk=True, ci=True, width=width, labels="on_demand=IVIG on demand"
    )
    assert_readable(figure)


# ---------------------------------------------------------------- IgG courses


def test_every_patients_course_nadir_and_dose_is_drawn_where_it_is(wo):
    figure = igg_figure(wo, ["ivig", "control"])
    rows, patients = wo.observations.table, wo.table
    for ax, group in zip(panels(figure), ["ivig", "control"]):
        lines = {line.get_gid(): line for line in ax.get_lines()}
        expected_doses = []
        for pid in patients.patient_id[patients.cohort == group]:
            line = lines[f"course:{pid}"]
            measured = rows[(rows.patient_id == pid) & rows.igg.notna()].sort_values("day")
            # the example's patients have one value before day 0, their baseline: every value is drawn
            assert list(line.get_xdata()) == list(measured.day) and list(line.get_ydata()) == list(measured.igg)
            end = patients.follow_up_days[patients.patient_id == pid].item()
            doses = rows[(rows.patient_id == pid) & (rows.event == "ivig") & (rows.day >= 0) & (rows.day <= end)]
            expected_doses += [(d, np.interp(d, measured.day, measured.igg)) for d in doses.day]
        ticks = lines[f"ivig:{group}"]
        assert np.allclose(sorted(zip(ticks.get_xdata(), ticks.get_ydata())), sorted(expected_doses), rtol=1e-12)
        assert len(ticks.get_xdata()) == patients.ivig_doses[patients.cohort == group].sum()  # nadir's column
        nadirs = patients[(patients.cohort == group) & patients.nadir_igg.notna()]
        assert sorted(lines[f"nadir:{group}"].get_ydata()) == sorted(nadirs.nadir_igg)
        assert list(lines[f"reference:threshold:400:{group}"].get_ydata()) == [400, 400]
    assert drawn(panel(figure, "panel:ivig"), "ivig:ivig").get_marker() == "|"
    assert len(drawn(panel(figure, "panel:control"), "ivig:control").get_xdata()) == 0  # the control arm had no IVIG


def test_panels_share_one_day_axis_with_ticks_on_the_lowest_panels(three):
    figure = igg_figure(three, width=3.5)  # one column: three panels stacked
    stacked = panels(figure)
    assert len({ax.get_xlim() for ax in stacked}) == 1 and len({ax.get_ylim() for ax in stacked}) == 1
    assert [ax.xaxis.get_tick_params()["labelbottom"] for ax in stacked] == [False, False, True]
    assert list(stacked[0].get_xticks()) == [0, 50, 100, 150, 200, 250, 300]
    assert stacked[0].get_xlim()[1] == 300 >= three.observations.table.day.max()
    assert_readable(figure)


def test_censored_values_are_open_triangles_at_their_limit(three):
    figure = igg_figure(three)
    rows = three.observations.table
    for ax, group in zip(panels(figure), sorted(three.table.cohort.unique())):
        below = drawn(ax, f"censored-below:{group}")
        assert below.get_marker() == "v" and below.get_markerfacecolor() == "white"
        expected = rows[(rows.cohort == group) & (rows.censored == "<")]
        assert sorted(zip(below.get_xdata(), below.get_ydata())) == sorted(zip(expected.day, expected.igg))
        assert len(drawn(ax, f"censored-above:{group}").get_xdata()) == 0
    legend = legend_texts(figure)
    assert "below the assay's limit (<)" in legend and "IVIG dose" in legend


def test_thresholds_are_labelled_lines_in_the_report_unit(write):
    path = write("patient_id,cohort,day,igg_g_l\nA,x,0,9.5\nA,x,10,3.8\nB,y,0,8\nB,y,12,5.1\n")
    cohort = ivig_blina.load(path, report_units="g/L", keep_rows=True)
    figure = igg_figure(cohort, thresholds=["400mg/dL", "6", "4.5g/L"])
    ax = panels(figure)[-1]
    assert figure.get_supylabel() == "Serum IgG (g/L)"
    for level in (4, 4.5, 6):
        assert list(drawn(ax, f"reference:threshold:{level:g}:y").get_ydata()) == [level, level]
    labels = [t.get_text() for t in ax.texts if str(t.get_gid()).startswith("threshold-label:")]
    assert labels == ["4 g/L (HGG)", "4.5 g/L", "6 g/L"]
    assert max(max(line.get_ydata()) for line in ax.get_lines() if str(line.get_gid()).startswith("course:")) == 8
    assert_readable(figure)


@pytest.mark.parametrize("width", [3.5, 7.0])
def test_many_cohorts_with_long_labels_never_overlap(width, write):
    rows = ["patient_id,cohort,day,igg_mg_dl"]
    for c in range(7):
        rows += [f"P{c}{i},cohort_{c},{d},{900 - d * (c + 1)}" for i in range(3) for d in (0, 30, 60, 120)]
    cohort = ivig_blina.load(write("\n".join(rows) + "\n"), keep_rows=True)
    labels = ",".join(f"cohort_{c}=A rather long name for cohort number {c}" for c in range(7))
    figure = igg_figure(cohort, labels=labels, title="Seven cohorts", width=width)
    assert len(panels(figure)) == 7
    assert_readable(figure)


def test_a_large_cohort_draws_a_sample_over_the_median_and_quartiles(tmp_path):
    rng = np.random.default_rng(3)
    rows = ["patient_id,cohort,day,igg_mg_dl"]
    for i in range(COURSES + 30):  # "big" has more patients than are drawn, "small" fewer
        cohort = "big" if i < COURSES + 18 else "small"
        days = (-3, *sorted(rng.choice(60, 4, replace=False)))
        rows += [f"P{i:03d},{cohort},{day},{rng.integers(100, 1200)}" for day in days]
    path = tmp_path / "cohort.csv"
    path.write_text("\n".join(rows) + "\n")
    cohort = ivig_blina.load(str(path), keep_rows=True)
    obs, patients = cohort.observations.table, cohort.table
    figure = igg_courses(obs, patients, ["big", "small"], {400.0: True})
    big, small = ({line.get_gid(): line for line in ax.get_lines()} for ax in panels(figure))
    shown = [gid.removeprefix("course:") for gid in big if str(gid).startswith("course:")]
    assert len(shown) == COURSES and set(shown) <= set(patients.patient_id[patients.cohort == "big"])
    nadirs = patients.set_index("patient_id").loc[sorted(shown), "nadir_igg"]
    assert sorted(big["nadir:big"].get_ydata()) == sorted(nadirs)  # only the drawn patients' nadirs
    # the median of every value of the cohort from each patient's baseline on, in 14-day bins from day -3
    table = obs[obs.cohort == "big"]
    table = table[table.day >= table.patient_id.map(patients.set_index("patient_id").baseline_day)]
    bins = (table.day.to_numpy() + 3) // 14
    median = big["median:big"]
    assert list(median.get_xdata()) == [-3 + (b + 0.5) * 14 for b in np.unique(bins)]
    assert list(median.get_ydata()) == [np.median(table.igg.to_numpy()[bins == b]) for b in np.unique(bins)]
    assert len([gid for gid in small if str(gid).startswith("course:")]) == 12  # every patient
    assert "median:small" not in small
    assert panels(figure)[0].get_title() == f"big (n = {COURSES + 18}; {COURSES} drawn)"
    assert not math.isnan(panels(figure)[0].get_ylim()[1])


# ---------------------------------------------------------------- swimmer


def bars(ax, prefix):
    """{patient: [(left, width, row), ...]} of the bars whose gid starts with ``prefix`` (then
    the patient, then for periods their number)."""
    found: dict = {}
    for bar in ax.patches:
        if str(bar.get_gid()).startswith(prefix):
            found.setdefault(bar.get_gid().removeprefix(prefix).split(":")[0], []).append(
                (bar.get_x(), bar.get_width(), bar.get_y() + bar.get_height() / 2)
            )
    return found


@pytest.mark.parametrize("data", ["wo", "three"])
def test_each_patient_is_a_bar_of_its_follow_up_with_its_periods_and_events(data, wo, three):
    cohort = wo if data == "wo" else three
    groups = sorted(cohort.table.cohort.unique(), reverse=True)
    figure = swimmer_figure(cohort, groups)
    ax = panel(figure, "patients")
    table = cohort.table.set_index("patient_id")
    follow = bars(ax, "follow-up:")
    assert set(follow) == set(table.index)
    order = sorted(follow, key=lambda pid: follow[pid][0][2])  # top to bottom
    expected = sorted(table.index, key=lambda p: (groups.index(table.cohort[p]), -table.follow_up_days[p], p))
    assert order == expected
    for pid, [(left, width, _)] in follow.items():
        assert left == 0 and width == table.follow_up_days[pid]
    below = bars(ax, "below-threshold:")
    for pid in table.index:  # the shaded periods add up to nadir's days_below_threshold
        days = table.days_below_threshold[pid]
        shaded = sum(w for _, w, _ in below.get(pid, []))
        assert shaded == pytest.approx(0 if math.isnan(days) else days, abs=1e-9), pid
        assert all(r == follow[pid][0][2] for _, _, r in below.get(pid, []))
    row_of = {pid: bars_[0][2] for pid, bars_ in follow.items()}
    marks = {label: drawn(ax, f"event:{label}") for label in EVENT_LABELS}
    for pid in table.index:
        at = {
            label: [x for x, y in zip(m.get_xdata(), m.get_ydata()) if y == row_of[pid]] for label, m in marks.items()
        }
        assert len(at["ivig"]) == table.ivig_doses[pid]
        infections = at["infection"] + at["infection_icu"] + at["infection_death"]
        assert len(infections) == table.infection_episodes[pid]
        if infections:
            assert min(infections) == table.first_infection_day[pid]
        rows = cohort.observations.table
        deaths = rows[(rows.patient_id == pid) & (rows.event == "death")].day
        assert at["death"] == list(deaths)
    assert marks["infection_icu"].get_marker() == "s" and marks["infection_death"].get_marker() == "*"
    assert_readable(figure)


EVENT_LABELS = ["ivig", "infection", "infection_icu", "infection_death", "death"]


def test_more_patients_than_max_patients_are_a_seeded_sample_said_in_the_title(three):
    figure = swimmer_figure(three, max_patients=10, seed=4, title="Courses")
    assert figure.get_suptitle() == "Courses\n10 of 24 patients, drawn at random (seed 4)"
    drawn_ids = set(bars(panel(figure, "patients"), "follow-up:"))
    assert len(drawn_ids) == 10
    assert set(bars(panel(swimmer_figure(three, max_patients=10, seed=4), "patients"), "follow-up:")) == drawn_ids
    assert set(bars(panel(swimmer_figure(three, max_patients=10, seed=5), "patients"), "follow-up:")) != drawn_ids
    assert swimmer_figure(three).get_suptitle() == ""
    assert_readable(figure)


def test_swimmer_labels_each_bar_when_rows_are_tall_enough(wo, three):
    ax = panel(swimmer_figure(wo), "patients")
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == ["C05", "C06"]  # control first, longest first
    assert ax.get_yticklabels()[0].get_color() == PALETTE[0]
    for width in (3.5, 7.0):
        assert_readable(swimmer_figure(three, width=width, labels="on_demand=IVIG on demand"))


def test_periods_below_the_threshold_add_up_to_days_below_threshold():
    from ivig_blina.cohort.periods import below_threshold_periods

    for path, options in [(WO, {}), (THREE, {}), (WO, {"until": 150, "exclude_after_ivig": 7}), (THREE, {"until": 90})]:
        cohort = ivig_blina.load(str(path), keep_rows=True, **options)
        periods = below_threshold_periods(cohort)
        assert (periods.end > periods.start).all()
        days = periods.assign(days=periods.end - periods.start).groupby("patient_id").days.sum()
        table = cohort.table.set_index("patient_id").days_below_threshold.dropna()
        assert np.allclose(days.reindex(table.index).fillna(0), table, atol=1e-9), (path, options)
        if "until" in options:
            assert periods.end.max() <= options["until"]


# ---------------------------------------------------------------- forest


@pytest.mark.parametrize("competing", [False, True])
def test_the_forest_draws_every_estimate_with_its_ci_and_p(competing):
    cohort = ivig_blina.load(str(WO), competing_risk=competing)
    comparison = ivig_blina.compare(cohort, ("ivig", "control"))
    figure = forest_figure(comparison, labels="ivig=IVIG prophylaxis")
    assert figure.get_suptitle() == "IVIG prophylaxis vs control"
    rows = {}
    for ax in panels(figure):
        for line in ax.get_lines():
            gid = str(line.get_gid())
            if gid.startswith(("estimate:", "ci:")):
                kind, outcome = gid.split(":")
                rows.setdefault(outcome, {})[kind] = (list(line.get_xdata()), ax)
    with_estimate = [o for o in comparison.outcomes if o.result is not None and o.result.estimate is not None]
    assert sorted(rows) == sorted(o.outcome for o in with_estimate)
    for o in with_estimate:
        (x,), ax = rows[o.outcome]["estimate"]
        ends, same_ax = rows[o.outcome]["ci"]
        assert x == o.result.estimate and ends == [o.result.ci.low, o.result.ci.high] and same_ax is ax
        assert (ax.get_xscale() == "log") == ("ratio" in o.result.estimand)
        written = drawn(ax, f"text:{o.outcome}").get_text()
        assert written.endswith(p_text(o.result.pvalue)), written
    scales = {ax.get_label() for ax in panels(figure)}
    assert scales == {
        "panel:Ratio (log scale)",
        "panel:Difference in IgG (mg/dL)",
        "panel:Difference in days",
        "panel:Difference in the proportional drop from baseline",
        "panel:Difference in area below the threshold (mg/dL × days)",
    }
    if competing:  # Gray's test has no estimate: listed with its P
        gray = next(o for o in comparison.outcomes if o.outcome == "time_to_infection")
        assert figure.get_supxlabel() == f"Without an estimate: time_to_infection ({p_text(gray.result.pvalue)})"
    for width in (3.5, 7.0):
        assert_readable(forest_figure(comparison, width=width, title="All outcomes"))


def test_forest_numbers_are_written_to_their_precision():
    from ivig_blina.figures.forest import _difference_text

    assert _difference_text(-101, 179)(47.5) == "48" and _difference_text(-0.2207, 0.0997)(-0.0669) == "-0.067"
    assert _difference_text(-39.9, 32.9)(-6.2e-05) == "0.0"


@pytest.mark.parametrize(
    "module",
    [
        "ivig_blina.analyses.cohort_names",
        "ivig_blina.figures.style",
        "ivig_blina.figures.km",
        "ivig_blina.figures.courses",
        "ivig_blina.figures.swimmer",
        "ivig_blina.figures.forest",
    ],
)
def test_the_docstring_examples_run(module, monkeypatch):
    import doctest
    import importlib

    monkeypatch.chdir(ROOT)  # the examples read examples/wo2022_cohort.csv
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_an_interval_beyond_the_axis_is_an_arrow(write):
    rows = ["patient_id,cohort,day,igg_mg_dl,event"]
    for i in range(6):  # no infection in "b": the odds ratio is infinite, its interval open above
        rows += [f"A{i},a,0,800,", f"A{i},a,30,{300 + 40 * i},", f"A{i},a,{20 + i},,infection"]
        rows += [f"B{i},b,0,800,", f"B{i},b,30,{350 + 30 * i},", f"B{i},b,60,,last_follow_up"]
    comparison = ivig_blina.compare(ivig_blina.load(write("\n".join(rows) + "\n")), ("a", "b"))
    infection = next(o for o in comparison.outcomes if o.outcome == "infection").result
    assert math.isinf(infection.estimate) and math.isinf(infection.ci.high)
    figure = forest_figure(comparison)
    ax = panel(figure, "panel:Ratio (log scale)")
    assert [line.get_marker() for line in ax.get_lines() if line.get_gid() == "open-high:infection"] == [">"]
    assert not [line for line in ax.get_lines() if line.get_gid() == "estimate:infection"]
    assert drawn(ax, "text:infection").get_text().startswith("∞ (")
    assert_readable(figure)
