"""Figures: files are produced and valid, and what is drawn is what was computed."""

import sys

import numpy as np
import pytest
from conftest import WO, assert_usage_error, run

from ivig_blina.cohort.patients import per_patient
from ivig_blina.figures.plots import igg_courses, infection_curves
from ivig_blina.io.reader import read_cohort
from ivig_blina.stats.survival import kaplan_meier

MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF", "svg": b"<?xml"}


@pytest.mark.parametrize("kind", ["igg", "infection"])
@pytest.mark.parametrize("extension", ["png", "svg", "pdf"])
def test_figure_files_are_valid(kind, extension, tmp_path):
    path = tmp_path / f"figure.{extension}"
    result = run("plot", kind, WO, "-o", str(path), "-q")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes().startswith(MAGIC[extension])
    if extension == "png":
        import matplotlib.image

        height, width, _ = matplotlib.image.imread(str(path)).shape
        assert (width, height) == (2100, 1050 if kind == "igg" else 1410)  # 7 in wide at 300 dpi


def example():
    obs = read_cohort(str(WO), require_cohort=True)
    return obs, per_patient(obs).table


def test_igg_figure_draws_each_patients_course_and_nadir():
    obs, patients = example()
    figure = igg_courses(obs.table, patients, ["ivig", "control"], 400.0)
    for ax, group in zip(figure.axes, ["ivig", "control"]):
        lines = {line.get_label(): line for line in ax.get_lines()}
        for pid in patients.patient_id[patients.cohort == group]:
            drawn = lines[f"_course {pid}"]
            rows = obs.table[(obs.table.patient_id == pid) & obs.table.igg.notna()].sort_values("day")
            # the example's patients have one value before day 0, their baseline: every value is drawn
            assert list(drawn.get_xdata()) == list(rows.day) and list(drawn.get_ydata()) == list(rows.igg)
        nadirs = patients[(patients.cohort == group) & patients.nadir_igg.notna()]
        assert sorted(lines["nadir"].get_ydata()) == sorted(nadirs.nadir_igg)
        assert list(lines["HGG threshold (400 mg/dL)"].get_ydata()) == [400, 400]


def test_igg_figure_of_a_large_cohort_draws_a_sample_over_the_median_and_quartiles(tmp_path):
    from ivig_blina.figures.plots import COURSES

    rng = np.random.default_rng(3)
    rows = ["patient_id,cohort,day,igg_mg_dl"]
    for i in range(COURSES + 30):  # "big" has more patients than are drawn, "small" fewer
        cohort = "big" if i < COURSES + 18 else "small"
        days = (-3, *sorted(rng.choice(60, 4, replace=False)))
        rows += [f"P{i:03d},{cohort},{day},{rng.integers(100, 1200)}" for day in days]
    path = tmp_path / "cohort.csv"
    path.write_text("\n".join(rows) + "\n")
    obs = read_cohort(str(path), require_cohort=True)
    patients = per_patient(obs).table
    figure = igg_courses(obs.table, patients, ["big", "small"], 400.0)
    big, small = ({line.get_label(): line for line in ax.get_lines()} for ax in figure.axes)
    drawn = [label.removeprefix("_course ") for label in big if label.startswith("_course ")]
    assert len(drawn) == COURSES and set(drawn) <= set(patients.patient_id[patients.cohort == "big"])
    nadirs = patients.set_index("patient_id").loc[sorted(drawn), "nadir_igg"]
    assert sorted(big["nadir"].get_ydata()) == sorted(nadirs)  # only the drawn patients' nadirs
    # the median of every value of the cohort from each patient's baseline on, in 14-day bins
    # from day -3, at each bin's middle
    table = obs.table[obs.table.cohort == "big"]
    table = table[table.day >= table.patient_id.map(patients.set_index("patient_id").baseline_day)]
    bins = (table.day.to_numpy() + 3) // 14
    median = big["median (14-day bins)"]
    assert list(median.get_xdata()) == [-3 + (b + 0.5) * 14 for b in np.unique(bins)]
    assert list(median.get_ydata()) == [np.median(table.igg.to_numpy()[bins == b]) for b in np.unique(bins)]
    assert len([label for label in small if label.startswith("_course ")]) == 12  # every patient
    assert "median (14-day bins)" not in small
    assert figure.axes[0].get_title() == f"big (n = {COURSES + 18}; {COURSES} drawn)"


def test_infection_figure_draws_the_kaplan_meier_curves():
    _, patients = example()
    figure = infection_curves(patients, ["ivig", "control"], pvalue=0.41)
    ax = figure.axes[0]
    for group in ("ivig", "control"):
        x = patients[patients.cohort == group]
        km = kaplan_meier(x.infection_time, (x.infection_status == 1).astype(int))
        curve = next(line for line in ax.get_lines() if line.get_label() == group)
        assert list(curve.get_xdata()) == [0, *km.time] and np.allclose(curve.get_ydata(), [1, *km.surv])
    assert any("P = 0.41" in text.get_text() for text in ax.texts)
    at_risk = [text.get_text() for text in figure.axes[1].texts]
    assert "17" in at_risk and "6" in at_risk  # everyone at risk on day 0


# with ticks=13 the grid is every 25 days and lands on W13's infection (day 125) and C04's (day 175):
# a count of time > tick instead of time >= tick would be one short there
ON_A_TICK = {5: {}, 13: {"ivig": 125.0, "control": 175.0}}


@pytest.mark.parametrize("ticks", list(ON_A_TICK))
def test_infection_figure_numbers_at_risk_and_steps_are_the_computed_ones(ticks):
    from golden.r_survival import SURVIVAL_GOLDEN

    _, patients = example()
    figure = infection_curves(patients, ["ivig", "control"], ticks=ticks)
    curves, table = figure.axes
    grid = [float(t) for t in table.get_xticks()]
    assert grid[0] == 0 and len(grid) >= 4
    labels, printed = {}, {}
    for text in table.texts:  # the numbers sit at (tick, row) in data coordinates, the group names left of the axis
        x, row = text.get_position()
        if text.get_transform() is table.transData:
            assert (float(x), row) not in printed
            printed[float(x), row] = text.get_text()
        else:
            labels[row] = text.get_text()
    assert labels == {0: "ivig", 1: "control"}
    assert sorted(printed) == sorted((tick, row) for tick in grid for row in labels)
    for row, group in labels.items():
        times = patients.infection_time[patients.cohort == group].to_numpy(float)
        for tick in grid:
            assert printed[tick, row] == str(int(np.sum(times >= tick))), (group, tick)
        if group in ON_A_TICK[ticks]:
            assert ON_A_TICK[ticks][group] in grid and ON_A_TICK[ticks][group] in times

        # the step curve (drawn "post": its value holds from each x until the next) at every event time
        x = patients[patients.cohort == group]
        km = kaplan_meier(x.infection_time, (x.infection_status == 1).astype(int))
        curve = next(line for line in curves.get_lines() if line.get_label() == group)
        assert curve.get_drawstyle() == "steps-post"
        drawn_x, drawn_y = np.asarray(curve.get_xdata(), float), np.asarray(curve.get_ydata(), float)
        in_r = SURVIVAL_GOLDEN["wo"]["km"][group]["table"]  # summary(survfit(...), censored = TRUE) in R
        events = km.time[km.n_event > 0]
        assert len(events) == sum(n > 0 for n in in_r["n_event"]) > 0
        for t, surv in zip(km.time, km.surv):
            if t not in events:
                continue
            drawn = drawn_y[np.searchsorted(drawn_x, t, side="right") - 1]
            before = drawn_y[np.searchsorted(drawn_x, t, side="left") - 1]
            assert drawn == surv == pytest.approx(in_r["surv"][in_r["time"].index(t)], abs=1e-12), (group, t)
            assert before > drawn, (group, t)  # the curve drops at the event, not before or after


def test_bad_figure_extension_is_a_usage_error(tmp_path):
    assert_usage_error(run("plot", "igg", WO, "-o", str(tmp_path / "figure.jpg")), "--output")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["igg", "infection"])
def test_a_figure_without_an_output_file_is_a_usage_error(kind):
    assert_usage_error(run("plot", kind, WO), "--output")


def test_missing_matplotlib_is_one_line(tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    result = run("plot", "igg", WO, "-o", str(tmp_path / "figure.png"), "-q")
    assert result.exit_code == 1
    assert result.stderr == "ivigblina: error: figures need matplotlib: pip install 'ivig-blina[plot]'\n"
    assert not (tmp_path / "figure.png").exists()
