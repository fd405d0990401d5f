"""Figures: files are produced and valid, and what is drawn is what was computed."""

import sys

import numpy as np
import pytest

from conftest import WO, run
from ivig_blina.figures import igg_courses, infection_curves
from ivig_blina.patients import per_patient
from ivig_blina.reader import read_cohort
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


def test_bad_figure_extension_is_a_usage_error(tmp_path):
    assert run("plot", "igg", WO, "-o", str(tmp_path / "figure.jpg")).exit_code == 2


def test_missing_matplotlib_is_one_line(tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    result = run("plot", "igg", WO, "-o", str(tmp_path / "figure.png"), "-q")
    assert result.exit_code == 1
    assert result.stderr == "ivigblina: error: figures need matplotlib: pip install 'ivig-blina[plot]'\n"
    assert not (tmp_path / "figure.png").exists()
