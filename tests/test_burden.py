"""Infection burden by window and counting-process intervals on small files worked by hand
(R's survSplit and tmerge semantics, as the module docstrings state); the bundled examples
are checked against R's survSplit, tmerge and models in test_burden_example.py."""

import numpy as np
import pytest
from conftest import ROOT

import ivig_blina
from ivig_blina.cohort.burden import by_window, window_names
from ivig_blina.cohort.timevarying import intervals
from ivig_blina.errors import OptionError

THREE = ROOT / "examples" / "three_cohorts.csv"
HEADER = "patient_id,cohort,day,igg_mg_dl,event\n"


def load(write, rows: str, **options):
    return ivig_blina.load(write(HEADER + rows), keep_rows=True, **options)


def test_window_names():
    assert window_names((28.0, 90.0, 180.0)) == ["0_28", "28_90", "90_180", "180_end"]
    assert window_names((7.5,)) == ["0_7.5", "7.5_end"]


def test_windows_add_up_to_the_episodes_and_follow_up_of_every_patient():
    cohort = ivig_blina.load(str(THREE), keep_rows=True)
    windows = by_window(cohort)
    assert (windows.filter(like="episodes_").sum(axis=1) == cohort.table.infection_episodes).all()
    assert np.allclose(windows.filter(like="days_").sum(axis=1), cohort.table.follow_up_days)


def test_an_episode_on_a_cut_day_is_in_the_window_that_ends_there(write):
    rows = (
        "A,x,-1,900,\nA,x,0,,infection\nA,x,28,,infection\nA,x,29,,infection_icu\nA,x,200,,last_follow_up\n"
        "B,y,-1,900,\nB,y,50,,infection\nB,y,60,,infection_death\nB,y,300,,infection\n"  # after the death: not counted
    )
    windows = by_window(load(write, rows)).to_dict("records")
    a, b = windows[0], windows[1]
    assert [a[f"episodes_{w}"] for w in ("0_28", "28_90", "90_180", "180_end")] == [2, 1, 0, 0]
    assert [a[f"days_{w}"] for w in ("0_28", "28_90", "90_180", "180_end")] == [28, 62, 90, 20]
    assert [b[f"episodes_{w}"] for w in ("0_28", "28_90", "90_180", "180_end")] == [0, 2, 0, 0]
    assert [b[f"days_{w}"] for w in ("0_28", "28_90", "90_180", "180_end")] == [28, 32, 0, 0]


def test_windows_need_the_rows_and_increasing_cuts(write):
    with pytest.raises(OptionError, match="keep_rows=True"):
        by_window(ivig_blina.load(str(THREE)))
    with pytest.raises(OptionError, match="increasing positive days"):
        by_window(ivig_blina.load(str(THREE), keep_rows=True), (90.0, 28.0))


def test_igg_intervals_start_at_measurement_days_and_an_event_keeps_the_value_before(write):
    rows = (
        "A,x,-3,800,\nA,x,10,500,\nA,x,20,300,\nA,x,20,350,\nA,x,30,420,\nA,x,30,,infection\n"  # event on a value's day
        "B,y,15,390,\nB,y,40,450,\nB,y,60,,last_follow_up\n"  # no baseline: enters on day 15
        "C,y,-1,700,\nC,y,0,650,\nC,y,5,,infection\n"  # a day-0 value is the baseline
        "D,x,80,300,\nD,x,50,,infection\n"  # infected before its first value: left out
    )
    cohort = load(write, rows)
    found = intervals(cohort, igg=True)
    t = found.table.assign(patient=cohort.table.patient_id.to_numpy()[found.table.position])
    a = t[t.patient == "A"]
    assert a[["start", "stop"]].to_numpy().tolist() == [[0, 10], [10, 20], [20, 30]]
    assert a.igg_now.tolist() == [800, 500, 300] and a.event.tolist() == [False, False, True]
    assert a.hgg_now.tolist() == [0, 0, 1]
    b = t[t.patient == "B"]
    assert b[["start", "stop"]].to_numpy().tolist() == [[15, 40], [40, 60]] and not b.event.any()
    c = t[t.patient == "C"]
    assert c[["start", "stop", "igg_now"]].to_numpy().tolist() == [[0, 5, 650]] and c.event.all()
    assert found.no_time == ["D"] and found.no_igg == []


def test_ivig_exposure_runs_n_days_after_each_dose_and_overlapping_doses_extend_it(write):
    rows = (
        "A,x,-1,800,\nA,x,0,,ivig\nA,x,20,,ivig\nA,x,70,,ivig\nA,x,90,,infection\n"
        "B,y,-1,800,\nB,y,28,,ivig\nB,y,40,,last_follow_up\n"
    )
    cohort = load(write, rows)
    t = intervals(cohort, igg=False, ivig_effect_days=28).table
    a = t[t.position == 0]
    # every dose day and dose day + 28 starts an interval, as tmerge splits at each tdc time
    assert a[["start", "stop"]].to_numpy().tolist() == [[0, 20], [20, 28], [28, 48], [48, 70], [70, 90]]
    assert a.ivig_now.tolist() == [True, True, True, False, True] and a.event.tolist() == [False] * 4 + [True]
    b = t[t.position == 1]
    assert b[["start", "stop"]].to_numpy().tolist() == [[0, 28], [28, 40]]
    assert b.ivig_now.tolist() == [False, True]


def test_immortal_time_counts_first_doses_after_day_0_per_cohort(write):
    from ivig_blina.cohort.timevarying import immortal_time

    rows = (
        "A,x,-1,800,\nA,x,0,,ivig\nA,x,30,,ivig\nA,x,60,,last_follow_up\n"  # first dose on day 0: not immortal
        "B,x,-1,800,\nB,x,-5,,ivig\nB,x,14,,ivig\nB,x,60,,last_follow_up\n"  # a dose before day 0 is not in the window
        "C,x,-1,800,\nC,x,40,,ivig\nC,x,60,,last_follow_up\n"
        "D,y,-1,800,\nD,y,20,,death\nD,y,30,,ivig\n"  # a dose after the death is not a dose
    )
    found = immortal_time(load(write, rows), ("x", "y"))
    assert found == {
        "x": {"patients_first_dose_after_day0": 2, "median_first_dose_day": 27.0},
        "y": {"patients_first_dose_after_day0": 0, "median_first_dose_day": None},
    }


def test_hgg_is_carried_over_a_dose_day_without_a_value(write):
    rows = "A,x,-1,800,\nA,x,10,300,\nA,x,21,,ivig\nA,x,40,,infection\n"
    t = intervals(load(write, rows), igg=True, ivig_effect_days=28).table
    assert t[["start", "stop"]].to_numpy().tolist() == [[0, 10], [10, 21], [21, 40]]
    assert t.hgg_now.tolist() == [0, 1, 1] and t.igg_now.tolist() == [800, 300, 300]
    assert t.ivig_now.tolist() == [False, False, True]
