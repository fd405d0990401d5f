"""IgG exposure and follow-up per patient, on small cases worked out by hand in the comments."""

import pandas as pd
import pytest

from ivig_blina.cohort.patients import per_patient
from ivig_blina.io.reader import read_cohort

# Baseline 800 on day -5; 500, 300, 350, 500 on days 0, 10, 20, 30; IVIG doses on days 8 and 25.
COURSE = "patient_id,day,igg_mg_dl,event\nA,-5,800,\nA,0,500,\nA,10,300,\nA,20,350,\nA,30,500,\nA,8,,ivig\nA,25,,ivig\n"


def table(write, text, **options):
    return per_patient(read_cohort(write(text)), **options).table.set_index("patient_id")


def test_time_and_area_below_the_threshold(write):
    row = table(write, COURSE).loc["A"]
    # threshold 400, linear between draws:
    #   days 0-10: 500 -> 300 crosses 400 at day 5: 5 days below, area 5 * 100 / 2 = 250
    #   days 10-20: 300 -> 350, all below: 10 days, area 10 * (100 + 50) / 2 = 750
    #   days 20-30: 350 -> 500 crosses at day 20 + 10 * 50/150: 10/3 days, area (10/3) * 50 / 2
    assert row.days_below_threshold == pytest.approx(5 + 10 + 10 / 3)
    assert row.area_below_threshold == pytest.approx(250 + 750 + (10 / 3) * 25)
    assert row.days_to_hgg == 10
    assert row.pct_drop == pytest.approx((500 - 300) / 500)  # the day-0 value is the baseline


def test_ivig_doses_and_days_since_the_last_dose_at_the_nadir(write):
    row = table(write, COURSE).loc["A"]
    assert row.ivig_doses == 2
    assert row.days_since_ivig_at_nadir == 2  # nadir on day 10, dose on day 8


def test_exclude_after_ivig_moves_the_nadir(write):
    # the day-10 draw is 2 days after the day-8 dose: left out with a 3-day rule; the day-20 draw
    # is 12 days after it and the day-30 draw 5 days after the day-25 dose: both kept
    row = table(write, COURSE, exclude_after_ivig=3).loc["A"]
    assert (row.nadir_igg, row.nadir_day, row.n_measurements) == (350, 20, 3)
    assert row.days_since_ivig_at_nadir == 12


def test_same_day_dose_counts_as_zero_days(write):
    row = table(write, "patient_id,day,igg_mg_dl,event\nA,10,300,\nA,10,,ivig\n").loc["A"]
    assert row.days_since_ivig_at_nadir == 0


def test_baseline_window(write):
    text = "patient_id,day,igg_mg_dl\nA,-40,900\nA,10,300\n"
    assert table(write, text).loc["A"].baseline_igg == 900
    assert pd.isna(table(write, text, baseline_window=30).loc["A"].baseline_igg)


def test_fewer_than_two_draws_give_no_exposure_and_are_counted(write):
    patients = per_patient(read_cohort(write("patient_id,day,igg_mg_dl\nA,10,300\nB,10,300\nB,20,500\n")))
    t = patients.table.set_index("patient_id")
    assert pd.isna(t.loc["A"].days_below_threshold) and patients.counts["patients_without_exposure"] == 1
    assert t.loc["B"].days_below_threshold == pytest.approx(5)  # 300 -> 500 crosses 400 halfway


def test_follow_up_and_competing_death(write):
    t = table(
        write,
        "patient_id,day,igg_mg_dl,event\n"
        "A,10,300,\nA,40,,infection\nA,60,,infection_icu\nA,90,,last_follow_up\n"
        "B,10,300,\nB,50,,death\n"
        "C,10,300,\nC,-3,,infection\nC,70,,last_follow_up\n",
    )
    assert (t.loc["A"].infection_time, t.loc["A"].infection_status, t.loc["A"].follow_up_days) == (40, 1, 90)
    assert t.loc["A"].infection_episodes == 2
    assert (t.loc["B"].infection_time, t.loc["B"].infection_status) == (50, 0)  # censored at the death by default
    competing = table(write, "patient_id,day,igg_mg_dl,event\nB,10,300,\nB,50,,death\n", competing_risk=True)
    assert (competing.loc["B"].infection_time, competing.loc["B"].infection_status) == (50, 2)
    assert (t.loc["C"].infection_time, t.loc["C"].infection_status) == (70, 0)  # day -3 is before treatment
    until = table(write, "patient_id,day,igg_mg_dl,event\nA,10,300,\nA,90,,last_follow_up\n", until=60)
    assert until.loc["A"].follow_up_days == 60
