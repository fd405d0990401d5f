"""Write burden_edges.csv: a small synthetic long-format file (two cohorts, 18 patients each) with
the edge cases of issue 15's burden windows and time-varying models that the bundled examples do
not have, for tests/golden/burden_edges.R and tests/test_burden_edges.py. Deterministic: run it
again and the file is the same.

    python tests/data/make_edges.py

Thirteen patients are written by hand, each for its edge cases (the comment beside it says which);
the other 23 are drawn (IgG courses, IVIG doses, infections, last visits) so that the models
have enough patients and events to converge. Rows are shuffled: row order never matters.
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
PATH = HERE / "burden_edges.csv"
HEADER = "patient_id,cohort,day,igg_mg_dl,event"

# (patient, cohort, rows as (day, igg or None, event or "")); igg and event on one row is allowed.
BY_HAND = [
    # an infection on day 0 (time to first infection 0: no interval in the models), a dose that day
    ("I01", "ivig", [(-3, 820, ""), (0, None, "infection"), (0, None, "ivig"), (14, 760, ""), (28, None, "ivig"),
                     (42, 640, ""), (56, None, "ivig"), (60, None, "infection"), (70, 590, ""), (84, None, "ivig"),
                     (98, 610, ""), (126, 540, ""), (150, None, "last_follow_up")]),
    # an infection on cut day 28 on the row of that day's IgG, with an on-demand dose that day; a
    # second on cut day 90, a measurement that day on a row of its own
    ("C01", "control", [(-5, 900, ""), (14, 520, ""), (28, 310, "infection"), (28, None, "ivig"), (56, 450, ""),
                        (90, 330, ""), (90, None, "infection"), (118, 360, ""), (146, 300, ""),
                        (200, None, "last_follow_up")]),
    # delayed entry (no baseline, first IgG on day 14) after a dose on day 7; overlapping doses
    # (35, 42); a dose on a measurement day on one row (63); an infection on cut day 180
    ("I02", "ivig", [(7, None, "ivig"), (14, 480, ""), (28, 420, ""), (35, None, "ivig"), (42, None, "ivig"),
                     (49, 690, ""), (63, 520, "ivig"), (84, 560, ""), (91, None, "ivig"), (112, 600, ""),
                     (140, 470, ""), (168, 410, ""), (180, None, "infection"), (196, 380, ""),
                     (240, None, "last_follow_up")]),
    # a day-0 value and an earlier one (the day-0 value is the baseline); the first infection on
    # cut day 90 with a dose that day; follow-up ends on cut day 180
    ("C02", "control", [(-10, 950, ""), (0, 880, ""), (21, 610, ""), (49, 420, ""), (77, 350, ""),
                        (90, None, "infection"), (90, None, "ivig"), (105, 520, ""), (133, 390, ""),
                        (161, 340, ""), (180, None, "last_follow_up")]),
    # delayed entry (first IgG on day 21) after an infection on day 10 (before entry); an infection
    # on cut day 28 on a dose day; the infection_death on day 100
    ("I03", "ivig", [(0, None, "ivig"), (10, None, "infection"), (21, 560, ""), (28, None, "infection"),
                     (28, None, "ivig"), (35, 640, ""), (56, None, "ivig"), (63, 520, ""), (84, None, "ivig"),
                     (91, 450, ""), (100, None, "infection_death")]),
    # no IgG value at all
    ("C03", "control", [(45, None, "infection"), (45, None, "ivig"), (130, None, "last_follow_up")]),
    # no baseline and no IgG before the first infection (day 20; first value on day 30)
    ("C04", "control", [(20, None, "infection"), (30, 390, ""), (60, 340, ""), (95, None, "infection"),
                        (95, 300, ""), (123, 330, ""), (160, None, "last_follow_up")]),
    # doses 28 days apart (the end of one is the start of the next) with an extra one in between
    # (10); a dose before day 0 (not an exposure) on the baseline's day; on day 84 a measurement
    # and a dose on one row and an infection on its own; an infection on cut day 180
    ("I04", "ivig", [(-2, 700, ""), (-2, None, "ivig"), (0, None, "ivig"), (10, None, "ivig"), (14, 820, ""),
                     (28, None, "ivig"), (42, 760, ""), (56, None, "ivig"), (70, 640, ""), (84, 590, "ivig"),
                     (84, None, "infection"), (112, 520, ""), (140, 480, ""), (180, None, "infection"),
                     (210, 450, ""), (260, None, "last_follow_up")]),
    # a death without infection (censored there); two values on one day (the lowest counts)
    ("C05", "control", [(-6, 1010, ""), (14, 720, ""), (42, 560, ""), (42, 540, ""), (60, 480, ""),
                        (75, None, "death")]),
    # an infection on cut day 28 that ends follow-up there
    ("I05", "ivig", [(-1, 640, ""), (0, None, "ivig"), (14, 520, ""), (28, None, "infection")]),
    # censored on cut day 90 (not in a landmark at 90), IgG measured that day
    ("C06", "control", [(-4, 760, ""), (30, 520, ""), (60, 430, ""), (90, 400, "last_follow_up")]),
    # no follow-up time (the last row on day 0), an infection that day
    ("C07", "control", [(-4, 690, ""), (0, None, "infection"), (0, None, "last_follow_up")]),
    # delayed entry on the day of the first infection (first IgG and a dose that day too)
    ("I06", "ivig", [(21, 450, "ivig"), (21, None, "infection"), (49, 620, "ivig"), (77, 540, ""),
                     (90, None, "infection"), (105, 480, ""), (140, None, "last_follow_up")]),
]  # fmt: skip


def drawn(rng: np.random.Generator, cohort: str) -> list[tuple]:
    """A patient's rows drawn: a baseline, IgG every 14-35 days falling (IVIG lifting it), doses
    every 28 days from a start day in the IVIG cohort and on some infection days in the other,
    infections (a gamma frailty per patient, so that the counts are overdispersed), a last visit."""
    end = int(rng.integers(100, 320))
    level = float(rng.integers(550, 1050))
    rows = [(-int(rng.integers(1, 10)), int(level), "")]
    doses = []
    if cohort == "ivig":
        start = int(rng.choice([0, 0, 7, 14, 21, 35, 60]))
        doses = list(range(start, end + 1, 28))
    count = int(rng.poisson(rng.gamma(0.6, 2.5) * end / 200))  # overdispersed: a frailty per patient
    infections = sorted(set(int(d) for d in rng.integers(1, end, count)))
    day = int(rng.integers(7, 21))
    while day < end:
        dosed = any(0 <= day - d < 28 for d in doses)
        level = max(150.0, level * float(rng.uniform(0.78, 1.0)) + (140.0 if dosed else 0.0))
        rows.append((day, int(round(level)), ""))
        day += int(rng.integers(14, 36))
    if cohort == "control":
        doses = [d for d in infections if rng.random() < 0.5]
    rows += [(d, None, "ivig") for d in doses]
    rows += [(d, None, "infection_icu" if rng.random() < 0.2 else "infection") for d in infections]
    rows.append((end, None, "last_follow_up"))
    return rows


def text() -> str:
    """The file's content."""
    rng = np.random.default_rng(15)
    patients = list(BY_HAND)
    for cohort, letter, first in (("ivig", "I", 7), ("control", "C", 8)):
        for number in range(first, 19):
            pid = f"{letter}{number:02d}"
            patients.append((pid, cohort, drawn(rng, cohort)))
    lines = [
        f"{pid},{cohort},{day},{'' if igg is None else igg},{event}"
        for pid, cohort, rows in patients
        for day, igg, event in rows
    ]
    order = rng.permutation(len(lines))
    return "\n".join([HEADER, *(lines[i] for i in order)]) + "\n"


def main() -> None:
    PATH.write_text(text())


if __name__ == "__main__":
    main()
