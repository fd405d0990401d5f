"""The per-patient definitions, on small cases worked out by hand in the comments."""

import pandas as pd
import pytest

from ivig_blina.cohort.patients import per_patient
from ivig_blina.io.reader import read_cohort


def table(write, text, **options):
    return per_patient(read_cohort(write(text)), **options).table.set_index("patient_id")


def test_nadir_is_the_lowest_value_in_the_window_ties_to_the_earliest_day(write):
    t = table(write, "patient_id,day,igg_mg_dl\nA,-5,900\nA,10,500\nA,40,300\nA,20,300\nA,60,450\n")
    # window holds days 10, 20, 40, 60; lowest 300 on days 20 and 40 -> day 20
    assert t.loc["A", "nadir_igg"] == 300
    assert t.loc["A", "nadir_day"] == 20
    assert t.loc["A", "n_measurements"] == 4
    assert t.loc["A", "baseline_igg"] == 900


def test_pre_treatment_values_never_count_as_the_nadir(write):
    t = table(write, "patient_id,day,igg_mg_dl\nA,-30,100\nA,-1,800\nA,5,600\nB,-3,700\n")
    assert t.loc["A", "nadir_igg"] == 600  # the 100 on day -30 is before treatment
    assert t.loc["A", "baseline_igg"] == 800  # the last value with day <= 0
    assert pd.isna(t.loc["B", "nadir_igg"])  # no value in the window: listed, empty nadir
    assert t.loc["B", "n_measurements"] == 0
    assert pd.isna(t.loc["B", "hgg"])


def test_day_zero_is_baseline_and_in_the_window_lowest_on_the_baseline_day(write):
    t = table(write, "patient_id,day,igg_mg_dl\nA,-2,900\nA,0,700\nA,0,650\nA,30,800\n")
    assert t.loc["A", "baseline_igg"] == 650  # two values on day 0: the lower
    assert t.loc["A", "baseline_day"] == 0
    assert t.loc["A", "nadir_igg"] == 650  # day 0 is in the window too
    assert t.loc["A", "nadir_day"] == 0


def test_until_closes_the_window(write):
    text = "patient_id,day,igg_mg_dl\nA,10,500\nA,100,200\n"
    assert table(write, text).loc["A", "nadir_igg"] == 200
    assert table(write, text, until=90).loc["A", "nadir_igg"] == 500


def test_hgg_is_a_nadir_strictly_below_the_threshold(write):
    t = table(write, "patient_id,day,igg_mg_dl\nA,10,399.9\nB,10,400\n")
    assert bool(t.loc["A", "hgg"]) and not bool(t.loc["B", "hgg"])
    t = table(write, "patient_id,day,igg_mg_dl\nA,10,399.9\nB,10,400\n", hgg_threshold=500)
    assert bool(t.loc["B", "hgg"])


def test_g_per_l_is_converted_to_mg_per_dl(write):
    t = table(write, "patient_id,day,igg_g_l\nA,-1,9.5\nA,10,3.38\n")
    assert t.loc["A", "nadir_igg"] == pytest.approx(338)
    assert t.loc["A", "baseline_igg"] == pytest.approx(950)


def test_days_from_dates_and_start_date(write):
    t = table(
        write,
        "patient_id,date,start_date,igg_mg_dl\n"
        "A,2021-01-01,2021-01-05,900\nA,2021-02-04,,300\nA,2021-03-01,2021-01-05,500\n",
    )
    assert t.loc["A", "nadir_day"] == 30  # 2021-02-04 - 2021-01-05
    assert t.loc["A", "baseline_day"] == -4


def test_event_flags_count_infections_by_their_hierarchy(write):
    t = table(
        write,
        "patient_id,day,igg_mg_dl,event\n"
        "A,10,500,\nA,20,,infection_icu\n"
        "B,10,500,\nB,30,,infection_death\n"
        "C,10,500,\nC,-5,,infection\nC,40,,death\n"
        "D,10,500,\nD,50,,febrile_neutropenia\nD,60,,ivig\nD,90,,last_follow_up\n",
    )
    assert list(t.infection) == [True, True, False, False]  # C's infection is before day 0
    assert list(t.infection_icu) == [True, False, False, False]
    assert list(t.infection_death) == [False, True, False, False]
    assert list(t.death) == [False, True, True, False]  # death counts infection_death too
    assert list(t.febrile_neutropenia) == [False, False, False, True]
    assert "ivig" not in t.columns and "last_follow_up" not in t.columns


def test_events_outside_the_window_are_counted(write):
    patients = per_patient(
        read_cohort(write("patient_id,day,igg_mg_dl,event\nA,-5,,infection\nA,10,400,\nA,200,,infection\n")), until=100
    )
    assert patients.counts["events_before_day0"] == 1
    assert patients.counts["events_after_until"] == 1
    assert not patients.table.infection.iloc[0]


def test_row_order_does_not_change_the_table(write):
    lines = [
        "A,ivig,-3,900,",
        "A,ivig,30,300,",
        "A,ivig,60,300,",
        "A,ivig,45,,infection",
        "B,control,0,700,",
        "B,control,0,650,",
        "B,control,15,420,",
    ]
    header = "patient_id,cohort,day,igg_mg_dl,event\n"
    first = table(write, header + "\n".join(lines) + "\n")
    second = table(write, header + "\n".join(reversed(lines)) + "\n")
    pd.testing.assert_frame_equal(first, second)


HEADER = "patient_id,cohort,day,igg_mg_dl,event\n"


@pytest.mark.parametrize(
    "rows",
    [["A,x,10,400,", "A,x,10,<400,"], ["A,x,10,<400,", "A,x,10,400,"], ["B,x,5,400,", "A,x,10,<400,", "A,x,10,400,"]],
)
def test_of_equal_values_on_the_nadir_day_less_than_wins_in_any_row_order(write, rows):
    # issue 12: the first two orders gave "" and hgg false (yet days_to_hgg 10) and "<" and hgg true;
    # another patient's 400 earlier in the file flipped the third
    a = table(write, HEADER + "\n".join(rows) + "\n").loc["A"]
    assert (a.nadir_igg, a.nadir_day, a.nadir_censored) == (400, 10, "<")
    assert bool(a.hgg) and a.days_to_hgg == 10


def test_a_plain_value_ranks_below_a_greater_than_and_hgg_agrees_with_days_to_hgg(write):
    t = table(
        write,
        HEADER + "A,x,10,>300,\nA,x,10,300,\nA,x,20,300,\n"  # 300 on day 10: the earliest plain 300
        "B,x,10,400,\nB,x,20,<400,\n"  # <400 is below the 400 of day 10
        "C,x,10,400,\nC,x,20,>400,\n",
    )
    assert (t.loc["A", "nadir_day"], t.loc["A", "nadir_censored"]) == (10, "")
    assert (t.loc["B", "nadir_day"], t.loc["B", "nadir_censored"]) == (20, "<")
    assert bool(t.loc["B", "hgg"]) and t.loc["B", "days_to_hgg"] == 20
    assert (t.loc["C", "nadir_day"], t.loc["C", "nadir_censored"]) == (10, "")
    assert not t.loc["C", "hgg"] and pd.isna(t.loc["C", "days_to_hgg"])


def test_infection_status_is_2_only_with_competing_risk(write):
    # issue 12: nadir wrote 2 for a death without infection even without --competing-risk
    text = HEADER + "A,x,10,500,\nA,x,40,,death\nB,x,10,500,\nB,x,30,,infection\nB,x,50,,death\n"
    censored, competing = table(write, text), table(write, text, competing_risk=True)
    assert (censored.loc["A", "infection_time"], censored.loc["A", "infection_status"]) == (40, 0)  # at the death
    assert (competing.loc["A", "infection_time"], competing.loc["A", "infection_status"]) == (40, 2)
    for t in (censored, competing):  # an infection before the death is the event either way
        assert (t.loc["B", "infection_time"], t.loc["B", "infection_status"]) == (30, 1)


def test_events_after_the_death_are_counted_and_follow_up_ends_at_the_death(write):
    # issue 12: the infection on day 60 was the event (60, status 1); the death on day 40 censors
    patients = per_patient(read_cohort(write(HEADER + "A,x,10,500,\nA,x,40,,death\nA,x,60,,infection\n")))
    a = patients.table.set_index("patient_id").loc["A"]
    assert (a.infection_time, a.infection_status, a.follow_up_days) == (40, 0, 40)
    assert not a.infection and a.infection_episodes == 0 and pd.isna(a.first_infection_day) and a.death
    assert patients.counts["events_after_death"] == 1 and patients.first_lines["events_after_death"] == 4
    assert patients.patient_ids["events_after_death"] == ["A"]


def test_what_an_event_after_the_death_no_longer_does(write):
    patients = per_patient(
        read_cohort(
            write(
                HEADER + "A,x,10,500,\nA,x,20,,infection\nA,x,30,,infection_death\nA,x,35,,infection\nA,x,50,,ivig\n"
                "A,x,50,300,\nA,x,90,,last_follow_up\n"  # three events after the death of day 30
                "B,x,10,500,\nB,x,25,,infection\nB,x,25,,death\nB,x,25,,ivig\n"  # on the day of the death: counted
                "C,x,10,500,\nC,x,-5,,death\nC,x,20,,infection\n"
            )
        )
    )  # a death before day 0 is not counted
    t = patients.table.set_index("patient_id")
    assert t.loc["A", "infection_episodes"] == 2 and t.loc["A", "ivig_doses"] == 0
    assert (t.loc["A", "follow_up_days"], t.loc["A", "infection_time"], t.loc["A", "infection_status"]) == (30, 20, 1)
    assert pd.isna(t.loc["A", "days_since_ivig_at_nadir"])  # the nadir of day 50 (after the death) had no dose
    assert (t.loc["B", "infection_episodes"], t.loc["B", "ivig_doses"], t.loc["B", "infection_status"]) == (1, 1, 1)
    assert (t.loc["C", "follow_up_days"], t.loc["C", "infection_time"], t.loc["C", "infection_status"]) == (20, 20, 1)
    assert patients.counts["events_after_death"] == 3 and patients.counts["events_before_day0"] == 1
    assert patients.patient_ids["events_after_death"] == ["A"]


def test_a_row_that_only_lists_the_patient_on_a_day_is_follow_up(write):
    # issue 12: A's follow-up was 10, the last day with an IgG value or an event
    text = HEADER + (
        "A,x,10,500,\nA,x,200,,\nA,x,,,\n"  # a blank day lists the patient, no more
        "B,x,,,\nC,x,7,,\nC,x,-4,,\n"  # C has listing rows only
        "D,x,5,300,\nD,x,30,,death\nD,x,90,,\n"
    )  # a listing after the death does not extend it
    patients = per_patient(read_cohort(write(text)))
    t = patients.table.set_index("patient_id")
    assert list(t.follow_up_days) == [200, 0, 7, 30]
    assert list(t.infection_time) == [200, 0, 7, 30]
    assert patients.counts["events_after_death"] == 0  # a listing row is not an event
    assert list(table(write, text, until=100).follow_up_days) == [100, 0, 7, 30]
