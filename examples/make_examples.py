"""Write the synthetic example cohorts (no real patients). Deterministic: run it again and
the files come out byte for byte the same.

    python examples/make_examples.py

``wo2022_cohort.csv`` has 17 IVIG and 6 control patients built so that ``ivigblina compare``
reproduces the abstract of Wo et al., Blood Research 2022;57(2):135-143: nadir 338 vs 337 mg/dL
(P=0.641), days to nadir 120.5 vs 85.5 (P=0.13), infection 14/17 vs 4/6 (P=0.58), ICU 4/17 vs 1/6
(P=1), infection-related death 3/17 vs 1/6 (P=1). The nadirs and nadir days below were found by a
seeded search for values whose exact Wilcoxon P rounds to the published ones; everything
around them (baselines, the course of IgG, IVIG doses, events) is drawn from a seeded generator.
``patient.csv`` is one patient given with dates and IgG in g/L.

``three_cohorts.csv`` has 54 patients in three cohorts (IVIG from day 0, IVIG on demand, no
IVIG) treated at three centres (``centre``, a patient covariate to stratify by), with deaths
without infection (a competing event with ``--competing-risk``): the example of ``compare
--groups all --pairwise`` and of ``--strata centre``. Its numbers are drawn, not published.

``graded_infections.csv`` holds the rows of ``wo2022_cohort.csv`` (without the baseline columns)
with each infection's CTCAE ``grade`` and ``pathogen`` (a few left blank) and some second
episodes: the example of ``--min-grade`` and of the breakdown of infections by pathogen. Its
grades and pathogens are drawn, not published.

``hospital_export.csv`` holds the rows of ``wo2022_cohort.csv`` as a hospital export writes
them (semicolons, decimal commas, day-first dates, g/L, the export's own column names and
labels); ``hospital_study.toml`` is the study file that reads it, so that
``ivigblina compare examples/hospital_export.csv --config examples/hospital_study.toml`` gives
the same results as the clean file.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent

IVIG_NADIR = [167, 183, 192, 221, 275, 317, 323, 336, 340, 436, 501, 505, 524, 530, 552, 586]
IVIG_NADIR_DAY = [35, 43, 84, 92, 93, 97, 114, 118, 123, 151, 162, 195, 247, 261, 310, 329]
CONTROL_NADIR = [212, 268, 322, 352, 401, 455]
CONTROL_NADIR_DAY = [28, 57, 81, 90, 142, 175]
HEADER = ["patient_id", "cohort", "day", "igg_mg_dl", "event"]
BASELINE = ["age", "sex", "ecog", "mrd", "prior_lines", "transplant"]  # Table 1's patient covariates


def course(rng: random.Random, nadir: int, nadir_day: int, end: int) -> list[tuple[int, int]]:
    """(day, IgG) pairs: a baseline before day 0, a fall to ``nadir`` on ``nadir_day`` and a
    partial recovery until ``end``; every value but the nadir lies above it."""
    baseline = rng.randint(650, 1150)
    points = [(-rng.randint(1, 14), baseline)]
    days = sorted({d for d in range(14, end + 1, 28) if abs(d - nadir_day) > 3})
    for d in days:
        if d < nadir_day:
            value = nadir + (baseline - nadir) * (1 - d / nadir_day) + rng.randint(8, 40)
        else:
            value = nadir + min(250, 2 * (d - nadir_day)) + rng.randint(8, 40)
        points.append((d, round(value)))
    points.append((nadir_day, nadir))
    return sorted(points)


def cohort_rows(rng: random.Random) -> list[list]:
    rows = []
    ivig_days = IVIG_NADIR_DAY[:]
    rng.shuffle(ivig_days)
    patients = [(f"W{i + 1:02d}", "ivig", n, d) for i, (n, d) in enumerate(zip(IVIG_NADIR, ivig_days))]
    patients.append(("W17", "ivig", None, None))  # no follow-up IgG: listed, no nadir
    patients += [(f"C{i + 1:02d}", "control", n, d) for i, (n, d) in enumerate(zip(CONTROL_NADIR, CONTROL_NADIR_DAY))]
    # Patients with an infection, an ICU infection, an infection-related death (14, 4, 3 IVIG; 4, 1, 1 control).
    infected = {f"W{i:02d}" for i in range(1, 15)} | {"C01", "C02", "C03", "C04"}
    icu = {"W01", "W02", "W03", "W04", "C01"}
    died = {"W05", "W06", "W07", "C02"}
    for pid, cohort, nadir, nadir_day in patients:
        end = (nadir_day or 30) + rng.randint(30, 120)
        if nadir is None:
            rows.append([pid, cohort, -rng.randint(1, 14), rng.randint(650, 1150), ""])
        else:
            rows += [[pid, cohort, d, v, ""] for d, v in course(rng, nadir, nadir_day, end)]
        if cohort == "ivig":
            rows += [[pid, cohort, d, "", "ivig"] for d in range(21, end, 28)]
        if pid in infected:
            rows.append([pid, cohort, rng.randint(5, end - 5), "", "infection_icu" if pid in icu else "infection"])
        if pid in died:
            rows.append([pid, cohort, end + 3, "", "infection_death"])
        else:
            rows.append([pid, cohort, end + 3, "", "last_follow_up"])
    rows.append(["W15", "ivig", -10, "", "infection"])  # before day 0: counted and said, not an outcome
    rng.shuffle(rows)  # row order never matters
    return rows


def baseline(rng: random.Random, patients: list[str]) -> dict[str, list]:
    """Plausible baseline characteristics of adults with relapsed B-ALL on blinatumomab: age,
    sex, ECOG, MRD status, prior lines of therapy, prior transplant (a few left unknown)."""
    out = {}
    for pid in patients:
        out[pid] = [
            rng.randint(19, 78),
            rng.choice("FM"),
            rng.choice([0, 0, 1, 1, 2]),
            rng.choice(["positive", "positive", "negative"]),
            rng.choice([1, 1, 2, 2, 3, 4]),
            rng.choice(["yes", "no", "no"]),
        ]
        if rng.random() < 0.1:
            out[pid][rng.randrange(len(BASELINE))] = ""  # not recorded
    return out


def with_baseline(rows: list[list], rng: random.Random) -> list[list]:
    """Each row with its patient's baseline columns, given on measurement rows and left blank on
    event rows (one value per patient, blank on some rows, as exports have it)."""
    values = baseline(rng, sorted({r[0] for r in rows}))
    return [row + (values[row[0]] if row[3] != "" else [""] * len(BASELINE)) for row in rows]


def patient_rows(rng: random.Random) -> list[list]:
    start = date(2021, 3, 8)
    rows = []
    for i, (d, v) in enumerate(course(rng, 298, 96, 180)):
        rows.append(
            ["P001", (start + timedelta(days=d)).isoformat(), start.isoformat() if i == 0 else "", f"{v / 100:.2f}", ""]
        )
    rows.append(["P001", (start + timedelta(days=61)).isoformat(), "", "", "infection"])
    return rows


EXPORT_HEADER = ["MRN", "Arm", "Sample date", "First dose", "IgG (g/L)", "Event"]
EXPORT_LABELS = {
    "": "",
    "infection": "Infection",
    "infection_icu": "ICU",
    "infection_death": "Death (infection)",
    "ivig": "IVIG dose",
    "last_follow_up": "Last visit",
}
STUDY = """\
# Study file for hospital_export.csv (written by make_examples.py): the export's own column names,
# its delimiter, decimal comma and day-first dates, and its labels mapped to ivigblina's.
patient-col = "MRN"
cohort-col = "Arm"
date-col = "Sample date"
start-date-col = "First dose"
igg-col = "IgG (g/L)"
event-col = "Event"
delimiter = ";"
decimal = ","
date-format = "%d/%m/%Y"
event-map = ["ICU=infection_icu", "Death (infection)=infection_death", "IVIG dose=ivig", "Last visit=last_follow_up"]
cohort-map = ["IVIG=ivig", "Control=control"]

[compare]
groups = ["ivig", "control"]
"""


def export_rows(rows: list[list]) -> list[list]:
    """The cohort's rows as a hospital export writes them: a first-dose date per patient (on
    the patient's first row only), sample dates day first, IgG in g/L with a decimal comma."""
    first_dose, seen, out = {}, set(), []
    for pid in sorted({r[0] for r in rows}):
        first_dose[pid] = date(2023, 1, 2) + timedelta(days=7 * len(first_dose))
    for pid, cohort, day, igg, event in rows:
        start = first_dose[pid]
        out.append(
            [
                pid,
                "IVIG" if cohort == "ivig" else "Control",
                (start + timedelta(days=day)).strftime("%d/%m/%Y"),
                "" if pid in seen else start.strftime("%d/%m/%Y"),
                "" if igg == "" else f"{igg / 100:.2f}".replace(".", ","),
                EXPORT_LABELS[event],
            ]
        )
        seen.add(pid)
    return out


THREE_COHORTS = [("ivig_day0", "D", 20, 90, 0.55), ("ivig_on_demand", "O", 18, 40, 0.7), ("none", "N", 16, 0, 0.8)]
CENTRES = {"ivig_day0": "AAABBC", "ivig_on_demand": "ABBCC", "none": "ABCCC"}  # unequal mixes: strata matter


def three_cohort_rows(rng: random.Random) -> list[list]:
    """Rows of three cohorts: (name, ID prefix, patients, IgG gain of the nadir, chance of
    infection); each patient has a centre, IgG courses as ``course`` draws them, IVIG doses
    every 28 days from day 0 (from the first infection on demand), infections (some in ICU,
    some fatal) and some deaths without infection."""
    rows = []
    for cohort, prefix, n, gain, p_infection in THREE_COHORTS:
        for i in range(n):
            pid = f"{prefix}{i + 1:02d}"
            centre = rng.choice(CENTRES[cohort])
            nadir, nadir_day = rng.randint(150, 520) + gain, rng.randint(25, 210)
            end = nadir_day + rng.randint(20, 150)
            rows += [[pid, cohort, d, v, "", centre] for d, v in course(rng, nadir, nadir_day, end)]
            infection_day = rng.randint(3, end - 5) if rng.random() < p_infection else None
            first_dose = 0 if cohort == "ivig_day0" else infection_day if cohort == "ivig_on_demand" else None
            if first_dose is not None:
                rows += [[pid, cohort, d, "", "ivig", ""] for d in range(first_dose, end, 28)]
            if infection_day is not None:
                label = "infection_icu" if rng.random() < 0.25 else "infection"
                rows.append([pid, cohort, infection_day, "", label, ""])
            fate = rng.random()
            if infection_day is not None and fate < 0.15:
                rows.append([pid, cohort, end + 3, "", "infection_death", ""])
            elif infection_day is None and fate < 0.2:
                rows.append([pid, cohort, end + 3, "", "death", ""])
            else:
                rows.append([pid, cohort, end + 3, "", "last_follow_up", ""])
    rng.shuffle(rows)
    return rows


INFECTIONS = ("infection", "infection_icu", "infection_death")
PATHOGENS = ["bacterial", "bacterial", "bacterial", "viral", "viral", "fungal", ""]  # "": not identified


def graded_rows(rows: list[list], rng: random.Random) -> list[list]:
    """The cohort's rows with a grade and a pathogen on every infection row (grade 5 for an
    infection-related death, 3-4 in ICU, 1-3 else; a few infections without a grade) and a
    second infection for about half of the infected patients, before their last day."""
    out = []
    for row in rows:
        event = row[4]
        if event not in INFECTIONS:
            out.append([*row, "", ""])
            continue
        if event == "infection_death":
            grade = 5
        elif event == "infection_icu":
            grade = rng.choice([3, 4, 4])
        else:
            grade = rng.choice([1, 2, 2, 3, 3, ""])
        out.append([*row, grade, rng.choice(PATHOGENS)])
    last = {}
    for pid, _, day, *_ in rows:
        last[pid] = max(last.get(pid, day), day)
    for pid in sorted({r[0] for r in rows if r[4] in INFECTIONS and r[2] >= 0}):
        if rng.random() < 0.5:
            cohort = next(r[1] for r in rows if r[0] == pid)
            out.append(
                [
                    pid,
                    cohort,
                    rng.randint(5, last[pid] - 5),
                    "",
                    "infection",
                    rng.choice([1, 2, 3]),
                    rng.choice(PATHOGENS),
                ]
            )
    rng.shuffle(out)
    return out


def write(path: Path, header: list[str], rows: list[list], delimiter: str = ",") -> None:
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    rows = cohort_rows(random.Random(2022))
    write(HERE / "wo2022_cohort.csv", HEADER + BASELINE, with_baseline(rows, random.Random(14)))
    write(HERE / "hospital_export.csv", EXPORT_HEADER, export_rows(rows), delimiter=";")
    (HERE / "hospital_study.toml").write_text(STUDY)
    write(HERE / "graded_infections.csv", [*HEADER, "grade", "pathogen"], graded_rows(rows, random.Random(20)))
    write(HERE / "three_cohorts.csv", [*HEADER, "centre"], three_cohort_rows(random.Random(314)))
    write(
        HERE / "patient.csv", ["patient_id", "date", "start_date", "igg_g_l", "event"], patient_rows(random.Random(7))
    )


if __name__ == "__main__":
    main()
