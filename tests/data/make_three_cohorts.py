"""Write three_cohorts.csv: a small synthetic long-format file of three cohorts (IVIG from day 0,
IVIG on demand, none) with IgG courses, censored lab values, IVIG doses, infections (some
needing ICU, one fatal), deaths without infection (a competing event) and last visits, for the
figure tests and their R goldens (tests/golden/figures.R). Deterministic: run it again and the
file is the same.

    python tests/data/make_three_cohorts.py
"""

from pathlib import Path

import numpy as np

COHORTS = ("early", "on_demand", "none")
PATIENTS = 8


def main() -> None:
    rng = np.random.default_rng(18)
    rows = ["patient_id,cohort,day,igg_mg_dl,event"]
    for c, cohort in enumerate(COHORTS):
        for i in range(PATIENTS):
            pid = f"{cohort[0].upper()}{i + 1:02d}"
            end = int(rng.integers(60, 300))
            fate = rng.choice(["infection", "infection_icu", "death", "censored"], p=[0.45, 0.15, 0.15, 0.25])
            if (c, i) == (2, 0):
                fate = "infection_death"
            day_of_event = int(rng.integers(15, end)) if fate != "censored" else end
            last = day_of_event if fate in ("death", "infection_death") else end
            level = float(rng.integers(500, 900))
            rows.append(f"{pid},{cohort},-{int(rng.integers(1, 10))},{level:.0f},")
            for day in range(7, last + 1, 14):
                level = max(120.0, level * float(rng.uniform(0.82, 1.02)) + (60 if cohort == "early" else 0))
                shown = "<200" if level < 200 else f"{level:.0f}"
                rows.append(f"{pid},{cohort},{day},{shown},")
            doses = range(0, last + 1, 28) if cohort == "early" else [] if cohort == "none" else [day_of_event]
            rows += [f"{pid},{cohort},{day},,ivig" for day in doses if day <= last]
            if fate != "censored":
                rows.append(f"{pid},{cohort},{day_of_event},,{fate}")
            if fate not in ("death", "infection_death"):
                rows.append(f"{pid},{cohort},{end},,last_follow_up")
    Path(__file__).with_name("three_cohorts.csv").write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
