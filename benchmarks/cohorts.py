"""Synthetic long-format cohorts for the benchmark: seeded, so identical on every machine.

``cohort_file``: the timed cohorts (patient_id, cohort, day, igg_mg_dl, event; about 10 rows per
patient). ``awkward_file``: the same made awkward, so that the agreement check reaches every
rule the same-work reference implements (censored values, deaths and events after them,
listing rows, duplicates, blank rows, labels in other cases or with invisible characters, an
outcome label of its own, padded IDs, blank cohorts). ``write_partitions``: a cohort as CSV
partitions with most patients split across two of them, and the same rows as one file.
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA_VERSION = 2  # bump when generate() changes, so cached files are rebuilt
AWKWARD_VERSION = 1


def generate(n_rows: int, seed: int, first_patient: int = 0):
    """A shuffled long-format cohort of exactly ``n_rows`` rows (about 10 per patient).

    Per patient: 1-2 pre-treatment IgG values (day -30..-1; 5% moved to day 0, which is both
    baseline and window; 0.5% of patients have none), 5-9 follow-up values (day 0..365; 1% of
    patients have none), 0-3 event rows, and in 5% of patients the nadir tied on two days.
    Patients are numbered from ``first_patient``.
    """
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    n = int(n_rows / 9.8) + 2  # a few more rows than needed; the surplus is dropped at random
    ids = np.array([f"P{i:07d}" for i in range(first_patient, first_patient + n)], dtype=object)
    cohort = np.where(rng.random(n) < 0.5, "ivig", "control").astype(object)
    level = np.clip(rng.normal(900, 250, n), 200, None)
    n_base = np.where(rng.random(n) < 0.005, 0, rng.integers(1, 3, n))
    n_follow = np.where(rng.random(n) < 0.01, 0, rng.integers(5, 10, n))
    n_event = rng.integers(0, 4, n)

    pb, pf, pe = (np.repeat(np.arange(n), k) for k in (n_base, n_follow, n_event))
    base_day = np.where(rng.random(len(pb)) < 0.05, 0, -rng.integers(1, 31, len(pb)))
    base_igg = np.round(level[pb] * rng.uniform(0.9, 1.1, len(pb)))
    follow_day = rng.integers(0, 366, len(pf))
    follow_igg = np.round(level[pf] * rng.uniform(0.3, 1.1, len(pf)))
    first = np.cumsum(n_follow) - n_follow  # index of each patient's first follow-up row
    tied = first[(n_follow >= 2) & (rng.random(n) < 0.05)]
    follow_igg[tied] = follow_igg[tied + 1] = np.round(level[pf[tied]] * 0.15)  # below every other value
    follow_day[tied + 1] = follow_day[tied] + rng.integers(1, 60, len(tied))
    events = rng.choice(["infection", "ivig", "ivig", "last_follow_up", "infection_icu"], len(pe))

    patient = np.concatenate([pb, pf, pe])
    frame = pd.DataFrame(
        {
            "patient_id": ids[patient],
            "cohort": cohort[patient],
            "day": np.concatenate([base_day, follow_day, rng.integers(-10, 366, len(pe))]),
            "igg_mg_dl": pd.array(np.concatenate([base_igg, follow_igg, np.full(len(pe), np.nan)]), dtype="Int64"),
            "event": np.concatenate([np.full(len(pb) + len(pf), ""), events]).astype(object),
        }
    )
    keep = np.sort(rng.permutation(len(frame))[:n_rows])  # exactly n_rows rows ...
    return frame.iloc[rng.permutation(keep)]  # ... in random order (row order never matters)


def awkward(n_rows: int, seed: int):
    """``generate(n_rows, seed)`` as text, made awkward (see the module's docstring)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed + 1)
    frame = generate(n_rows, seed).reset_index(drop=True)
    igg = frame.igg_mg_dl
    text = pd.DataFrame(
        {
            "patient_id": frame.patient_id.to_numpy(),
            "cohort": frame.cohort.to_numpy(),
            "day": frame.day.astype(str).to_numpy(),
            "igg_mg_dl": np.where(igg.isna(), "", igg.astype(str).replace("<NA>", "")),
            "event": frame.event.to_numpy(),
        },
        dtype=object,
    )
    n = len(text)

    def some(share: float, where=None):
        chosen = rng.random(n) < share
        return chosen if where is None else chosen & where

    measured = (text.igg_mg_dl != "").to_numpy()
    text.loc[some(0.05, measured), "igg_mg_dl"] += ".5"
    text.loc[some(0.02, measured), "igg_mg_dl"] = "400"
    flag = rng.random(n)  # censored: <X, <X at the threshold, >X
    text.loc[measured & (flag < 0.03), "igg_mg_dl"] = "<" + text.igg_mg_dl
    text.loc[measured & (flag >= 0.03) & (flag < 0.035), "igg_mg_dl"] = "< 400"
    text.loc[measured & (flag >= 0.035) & (flag < 0.045), "igg_mg_dl"] = ">" + text.igg_mg_dl
    infection = (text.event == "infection").to_numpy()
    text.loc[some(0.05, infection), "event"] = "Infection"
    text.loc[some(0.02, infection), "event"] = " INFECTION "
    text.loc[some(0.01, infection), "event"] = "infec\u200btion"  # a zero-width space: still an infection
    text.loc[some(0.1, (text.event == "ivig").to_numpy()), "event"] = "IVIG"
    text.loc[some(0.005, (text.event != "").to_numpy()), "event"] = "sepsis"  # an outcome of its own
    text.loc[some(0.01), "patient_id"] = " " + text.patient_id + " "
    text.loc[some(0.02), "cohort"] = ""
    text.loc[some(0.01, (text.day.str.len() < 3).to_numpy()), "day"] += ".0"

    patients = frame.drop_duplicates("patient_id")[["patient_id", "cohort"]].to_numpy()
    added = []
    for share, label in ((0.03, "death"), (0.02, "infection_death")):
        dying = patients[rng.random(len(patients)) < share]
        added.append(pd.DataFrame({"patient_id": dying[:, 0], "cohort": dying[:, 1], "event": label}))
        added[-1]["day"] = rng.integers(0, 366, len(dying)).astype(str)
    listed = patients[rng.random(len(patients)) < 0.01]
    added.append(pd.DataFrame({"patient_id": listed[:, 0], "cohort": listed[:, 1], "event": ""}))
    added[-1]["day"] = np.where(rng.random(len(listed)) < 0.5, rng.integers(-5, 400, len(listed)).astype(str), "")
    only = max(1, len(patients) // 500)  # patients listed and nothing else
    added.append(
        pd.DataFrame({"patient_id": [f"L{i:05d}" for i in range(only)], "cohort": "ivig", "day": "", "event": ""})
    )
    added.append(text.sample(frac=0.01, random_state=seed))  # duplicate rows
    added.append(pd.DataFrame({c: [""] * 3 for c in text.columns}))  # blank rows
    whole = pd.concat([text, *added], ignore_index=True).fillna("")[list(text.columns)]
    return whole.iloc[rng.permutation(len(whole))]


def _cached(path: Path, make) -> Path:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {path} ...", file=sys.stderr)
        temporary = path.with_suffix(".tmp")
        make().to_csv(temporary, index=False)
        temporary.replace(path)
    return path


def cohort_file(n_rows: int, seed: int, cache: Path) -> Path:
    return _cached(cache / f"cohort_{n_rows}_seed{seed}_v{DATA_VERSION}.csv", lambda: generate(n_rows, seed))


def awkward_file(n_rows: int, seed: int, cache: Path) -> Path:
    return _cached(cache / f"awkward_{n_rows}_seed{seed}_v{AWKWARD_VERSION}.csv", lambda: awkward(n_rows, seed))


def write_partitions(n_rows: int, seed: int, parts: int, cache: Path) -> tuple[Path, Path]:
    """``n_rows`` rows as ``parts`` CSV partitions in a directory, and the same rows as one file.

    Generated a part at a time (whole patients, numbered on from the part before), so that the
    benchmark never holds more than one part; each part's rows are then cut at random between
    its own partition and the next one, so that most patients are split across two partitions.
    """
    import numpy as np

    folder = cache / f"partitions_{n_rows}_seed{seed}_{parts}parts_v{DATA_VERSION}"
    whole = cache / f"{folder.name}_whole.csv"
    if folder.exists() and whole.exists():
        return folder, whole
    folder.mkdir(parents=True, exist_ok=True)
    print(f"generating {folder} and {whole} ...", file=sys.stderr)
    rng = np.random.default_rng(seed)
    per_part = n_rows // parts
    files = [folder / f"part-{k:03d}.csv" for k in range(parts)]
    header = "patient_id,cohort,day,igg_mg_dl,event\n"
    for path in files:
        path.write_text(header)
    first = 0
    with open(whole.with_suffix(".tmp"), "w") as one:
        one.write(header)
        for k in range(parts):
            rows = per_part if k < parts - 1 else n_rows - per_part * (parts - 1)
            frame = generate(rows, seed + k, first_patient=first)
            first += int(rows / 9.8) + 2
            text = frame.to_csv(index=False, header=False)
            one.write(text)
            lines = text.splitlines(keepends=True)
            here = rng.random(len(lines)) < 0.5
            with open(files[k], "a") as f:
                f.writelines(line for line, mine in zip(lines, here) if mine)
            with open(files[(k + 1) % parts], "a") as f:
                f.writelines(line for line, mine in zip(lines, here) if not mine)
    whole.with_suffix(".tmp").replace(whole)
    return folder, whole
