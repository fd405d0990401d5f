"""The vectorised reader and per-patient table against a plain reference: one patient at a
time, in Python loops, straight from the definitions in patients.py. Cohorts are random and
small, with the awkward cases the fast path sorts out in bulk: duplicate rows, several values
on one day, doses on the day of a measurement, censored values, patients with no window."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ivig_blina.cohort.patients import INFECTIONS, per_patient
from ivig_blina.io.reader import read_cohort

SETTINGS = settings(max_examples=80, deadline=None, derandomize=True)
LABELS = ["infection", "infection_icu", "infection_death", "death", "ivig", "ivig"]


@st.composite
def cohorts(draw):
    """Rows (patient, cohort, day, IgG text or "", event) with repeats; the file order is drawn."""
    rows = []
    for k in range(draw(st.integers(1, 6))):
        pid, group = f"p{k}", draw(st.sampled_from(["a", "b"]))
        for _ in range(draw(st.integers(0, 7))):
            value = draw(st.sampled_from([400, 600]) | st.integers(150, 900))  # ties, at the thresholds too
            text = draw(st.sampled_from([str(value), str(value), f"<{value}", f">{value}"]))
            rows.append((pid, group, draw(st.integers(-8, 20)), text, ""))  # few days: many shared
        for _ in range(draw(st.integers(0, 4))):
            rows.append((pid, group, draw(st.integers(-3, 20)), "", draw(st.sampled_from(LABELS))))
        for _ in range(draw(st.integers(0, 2))):  # rows that only list the patient, with a day or without
            rows.append((pid, group, draw(st.sampled_from(["", -2, 5, 25])), "", ""))
        if not rows or rows[-1][0] != pid:
            rows.append((pid, group, draw(st.integers(0, 20)), "", "last_follow_up"))
    rows += draw(st.lists(st.sampled_from(rows), max_size=4))  # exact duplicates
    return draw(st.permutations(rows))


def reference(rows, until, threshold, after_ivig, window_before, competing):
    """Per patient, the definitions of patients.py, computed the slow and obvious way."""
    seen, kept = set(), []
    for row in rows:
        if row not in seen:
            seen.add(row)
            kept.append(row)
    table, after_death, died_before_events = {}, 0, []
    for pid in dict.fromkeys(r[0] for r in kept):
        mine = [r for r in kept if r[0] == pid]
        # (day, value, flag): flag "<", "" or ">", the order in which equal values rank
        measured = [
            (day, float(text.lstrip("<>")), text[0] if text[0] in "<>" else "") for _, _, day, text, _ in mine if text
        ]
        rank = {"<": 0, "": 1, ">": 2}

        def inside(day):
            return day >= 0 and (until is None or day <= until)

        # events in the window up to the first death (death or infection_death); later ones are set aside
        events = [(day, event) for _, _, day, _, event in mine if event and inside(day)]
        death = min([d for d, e in events if e in ("death", "infection_death")], default=math.inf)
        set_aside = sum(d > death for d, _ in events)
        after_death, died_before_events = after_death + set_aside, died_before_events + [pid] * bool(set_aside)
        events = [(d, e) for d, e in events if d <= death]
        doses = [day for _, _, day, _, event in mine if event == "ivig" and not (inside(day) and day > death)]

        def since_dose(day, doses=doses):
            earlier = [d for d in doses if d <= day]
            return day - max(earlier) if earlier else math.nan

        window = [
            m for m in measured if inside(m[0]) and not (after_ivig is not None and since_dose(m[0]) <= after_ivig)
        ]
        row = {"n_measurements": len(window), "ivig_doses": sum(inside(d) for d in doses)}
        if window:
            low, flag = min((v, rank[c]) for _, v, c in window)
            day = min(d for d, v, c in window if (v, rank[c]) == (low, flag))
            row.update(
                nadir_igg=low,
                nadir_day=day,
                days_since_ivig_at_nadir=since_dose(day),
                nadir_censored={0: "<", 1: "", 2: ">"}[flag],
                hgg=low < threshold or (flag == 0 and low <= threshold),
            )
            below = [d for d, v, c in window if v < threshold or (c == "<" and v <= threshold)]
            row["days_to_hgg"] = min(below) if below else math.nan
            daily = sorted({d: min(v for dd, v, _ in window if dd == d) for d, _, _ in window}.items())
            time = area = 0.0
            for (d0, v0), (d1, v1) in zip(daily, daily[1:]):
                a, b = threshold - v0, threshold - v1
                if a > 0 and b > 0:
                    time, area = time + (d1 - d0), area + (d1 - d0) * (a + b) / 2
                elif (a > 0) != (b > 0):
                    cross = (d1 - d0) * max(a, b) / abs(a - b)
                    time, area = time + cross, area + cross * max(a, b) / 2
            row["days_below_threshold"] = time if len(daily) > 1 else math.nan
            row["area_below_threshold"] = area if len(daily) > 1 else math.nan
        else:
            row.update(
                nadir_igg=math.nan,
                nadir_day=math.nan,
                days_since_ivig_at_nadir=math.nan,
                nadir_censored="",
                hgg=math.nan,
                days_to_hgg=math.nan,
                days_below_threshold=math.nan,
                area_below_threshold=math.nan,
            )
        before = [m for m in measured if m[0] <= 0 and (window_before is None or m[0] >= -window_before)]
        if before:
            last = max(d for d, _, _ in before)
            row.update(baseline_day=last, baseline_igg=min(v for d, v, _ in before if d == last))
        else:
            row.update(baseline_day=math.nan, baseline_igg=math.nan)
        infections = [d for d, e in events if e in INFECTIONS]
        last_day = min(max([0] + [r[2] for r in mine if r[2] != ""]), until if until is not None else math.inf, death)
        row.update(
            infection=bool(infections),
            infection_death=any(e == "infection_death" for _, e in events),
            follow_up_days=last_day,
            infection_episodes=len(infections),
            first_infection_day=min(infections) if infections else math.nan,
            infection_status=1 if infections else 2 if death < math.inf and competing else 0,
            infection_time=min(infections) if infections else last_day,
        )
        table[pid] = row
    days = {}
    for pid, _, day, text, _ in kept:
        if text:
            days.setdefault((pid, day), set()).add(float(text.lstrip("<>")))
    counts = {
        "duplicate_rows": len(rows) - len(kept),
        "same_day_conflicts": sum(len(v) > 1 for v in days.values()),
        "patient_only_rows": sum(not text and not event for _, _, _, text, event in kept),
    }
    return table, counts, (after_death, sorted(died_before_events))


@SETTINGS
@given(
    cohorts(),
    st.sampled_from([None, 12]),
    st.sampled_from([400.0, 600.0]),
    st.sampled_from([None, 0, 7]),
    st.sampled_from([None, 10]),
    st.booleans(),
    st.sampled_from([1 << 18, 5]),
)
def test_per_patient_table_matches_the_reference(
    tmp_path_factory, rows, until, threshold, after_ivig, window_before, competing, chunk
):
    """``chunk``: rows per step of the per-patient pass (5 makes several steps, cut between patients)."""
    path = tmp_path_factory.mktemp("cohort") / "cohort.csv"
    path.write_text("patient_id,cohort,day,igg_mg_dl,event\n" + "".join(f"{','.join(map(str, r))}\n" for r in rows))
    obs = read_cohort(str(path))
    result = per_patient(
        obs,
        until=until,
        hgg_threshold=threshold,
        exclude_after_ivig=after_ivig,
        baseline_window=window_before,
        competing_risk=competing,
        rows=chunk,
    )
    expected, counts, (after_death, died_before_events) = reference(
        rows, until, threshold, after_ivig, window_before, competing
    )
    assert {k: obs.counts[k] for k in counts} == counts
    assert result.counts["events_after_death"] == after_death
    assert sorted(result.patient_ids["events_after_death"]) == died_before_events
    got = result.table.set_index("patient_id").to_dict("index")
    assert got.keys() == expected.keys()
    for pid, row in expected.items():
        for column, value in row.items():
            actual = got[pid][column]
            if isinstance(value, float) and math.isnan(value):
                assert actual is None or actual is pd.NA or math.isnan(actual), (pid, column)
            elif isinstance(value, (str, bool)):
                assert actual == value, (pid, column)
            else:
                assert actual == pytest.approx(value, rel=1e-12), (pid, column)
        if not math.isnan(row["nadir_igg"]):  # HGG exactly when some value in the window is below the threshold
            assert got[pid]["hgg"] == (not math.isnan(got[pid]["days_to_hgg"])), pid


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=40))
def test_row_sort_with_and_without_one_combined_key(rows):
    """Keys that fit beside the row number in one int64 are sorted as one value; the keys
    after those that do not are sorted where rows tie (np.lexsort). Every split orders the rows
    alike, rows of equal keys in file order, and keeps the earliest of equal rows."""
    import numpy as np

    from ivig_blina.io.reader import _sort_rows

    codes = [np.array(column) for column in zip(*rows)]
    in_file_order = sorted(range(len(rows)), key=lambda i: rows[i])  # Python's sort is stable
    room = 1 << (63 - max(len(rows) - 1, 1).bit_length())  # what one int64 holds beside the row number
    for fit, sizes in enumerate(((room + 1, 4, 4), (room // 2, 4, 4), (4, room // 4, 4), (4, 4, 4))):  # 0 to 3 fit
        order, repeated, leading = _sort_rows([(c, size) for c, size in zip(codes, sizes)])
        assert order.tolist() == in_file_order, sizes
        assert [c.tolist() for c in leading] == [c[order].tolist() for c in codes[:fit]]  # read off the sort
        assert repeated.tolist() == [i > 0 and rows[order[i]] == rows[order[i - 1]] for i in range(len(rows))]
        assert sorted(order[~repeated]) == sorted(rows.index(r) for r in set(rows))  # the first of equal rows stays


def test_row_sort_across_the_slices_it_packs_in():
    """Over several slices of 64k rows (the keys are packed a slice at a time) the sort is a
    stable sort by every key, as np.lexsort gives, and the leading keys are read off it."""
    import numpy as np

    from ivig_blina.io.reader import _sort_rows

    rng = np.random.default_rng(19)
    n = 3 * (1 << 16) + 123
    codes = [rng.integers(0, 5000, n).astype(np.int32), rng.integers(0, 40, n).astype(np.int16)]
    codes.append(rng.integers(0, 3, n).astype(np.int8))
    order, repeated, leading = _sort_rows([(c, int(c.max()) + 1) for c in codes])
    expected = np.lexsort(codes[::-1])  # stable: equal rows in file order
    assert np.array_equal(order, expected)
    assert [c.tolist() for c in leading] == [c[expected].tolist() for c in codes]
    same = np.logical_and.reduce([c[expected][1:] == c[expected][:-1] for c in codes])
    assert np.array_equal(repeated, np.append(False, same))


@pytest.mark.parametrize("dropped", [[], [0], [5], [70_000], [3, 4, 5, 70_000, 199_999], list(range(0, 200_000, 7))])
def test_rows_dropped_in_place_or_copied_as_a_mask_would(dropped):
    """Few dropped rows (duplicates) move the rest down in place, across slices of 64k rows;
    many take a mask. Either way the rows left are those a mask keeps, in order."""
    import numpy as np

    from ivig_blina.io.reader import _drop

    values = np.random.default_rng(len(dropped)).integers(0, 1 << 30, 200_000).astype(np.int32)
    keep = np.ones(len(values), dtype=bool)
    keep[dropped] = False
    expected = values[keep]
    left = _drop(values, np.array(dropped, dtype=np.int64))
    assert np.array_equal(left, expected)
    in_place = len(dropped) <= len(values) // 1024  # 200 rows here: the last case takes a mask
    assert np.shares_memory(left, values) == in_place


@SETTINGS
@given(st.integers(2, 9), st.lists(st.integers(1, 3), max_size=30), st.data())
def test_lines_of_rows_with_and_without_gaps(first, steps, data):
    """Rows' lines are found by shifting the rows when no line is skipped, by a lookup else."""
    import numpy as np

    from ivig_blina.io.reader import _lines_of

    lines = np.cumsum([first, *steps]).astype(np.int32)  # steps of 1 only: no gap
    rows = np.array(data.draw(st.lists(st.integers(0, len(lines) - 1), max_size=20)), dtype=np.int32)
    assert _lines_of(lines, rows).tolist() == [int(lines[r]) for r in rows]


@SETTINGS
@given(st.integers(0, 30), st.data())
def test_line_numbers_step_over_skipped_lines(rows, data):
    import numpy as np

    from ivig_blina.io.csvfile import _line_numbers

    skipped = sorted(data.draw(st.sets(st.integers(2, rows + 12), max_size=10)))
    skipped = [s for s in skipped if s < rows + 2 + len(skipped)]
    kept = [line for line in range(2, rows + 2 + len(skipped)) if line not in skipped][:rows]
    assert len(kept) == rows
    assert _line_numbers(rows, skipped).tolist() == kept
    assert np.asarray(_line_numbers(rows, skipped)).dtype == np.int32
