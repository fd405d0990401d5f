"""Measure what reading a file costs in memory, to calibrate ivig_blina/io/memory.py.

    python benchmarks/memory_model.py                 # 500k and 2M rows of each shape
    python benchmarks/memory_model.py --rows 1000000,4000000

Each shape of file is written at two row counts and read by `ivigblina nadir FILE -f csv -q -o OUT`
as its own process; its peak memory (max RSS, from os.wait4) is measured. What the larger file
costs beyond the smaller one is the memory a row costs (the libraries' and the allocators' fixed
~150-270 MB cancel out), reported per line and per byte of text (per cell for Parquet), beside what
memory.py predicts for the same increment. The shapes span the costs of a row: the benchmark's
cohort (25 bytes a line), tiny lines (13 bytes: the cost per line dominates), distinct values (UUID
IDs, decimals: a Python string per distinct value), wide lines (10 columns nobody reads: the cost
per byte dominates), dates instead of days, and the cohort as Parquet.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_nadir import find_ivigblina, measure  # noqa: E402
from cohorts import generate  # noqa: E402


def shape(name: str, n: int, seed: int = 1):
    """A DataFrame of ``n`` rows of one shape (about 10 rows a patient)."""
    import uuid

    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    patients = max(1, n // 10)
    pid = rng.integers(0, patients, n)
    ids = np.array([f"P{i:07d}" for i in range(patients)], dtype=object)
    cohort = np.where(pid % 2, "ivig", "control")
    day = rng.integers(-30, 365, n)
    if name == "tiny":
        return pd.DataFrame({"patient_id": pid, "day": rng.integers(0, 99, n), "igg_mg_dl": rng.integers(100, 999, n)})
    if name == "distinct":
        uuids = np.array([str(uuid.UUID(int=int(x))) for x in rng.integers(0, 2**62, patients)], dtype=object)
        return pd.DataFrame(
            {
                "patient_id": uuids[pid],
                "cohort": cohort,
                "day": np.round(rng.uniform(-30, 365, n), 3),
                "igg_mg_dl": np.round(rng.uniform(100, 1500, n), 2),
                "event": "",
            }
        )
    frame = pd.DataFrame(
        {"patient_id": ids[pid], "cohort": cohort, "day": day, "igg_mg_dl": rng.integers(100, 1500, n), "event": ""}
    )
    if name == "wide":
        for k in range(10):
            frame[f"note{k}"] = "some free text here"
    if name == "dates":
        start = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1000, patients), "D")
        frame = frame.drop(columns="day")
        frame.insert(2, "date", (start[pid] + pd.to_timedelta(day, "D")).strftime("%Y-%m-%d"))
        frame.insert(3, "start_date", start[pid].strftime("%Y-%m-%d"))
    return frame


SHAPES = ("cohort", "tiny", "distinct", "wide", "dates", "cohort.parquet")


def write(name: str, n: int, folder: Path) -> tuple[Path, int, int]:
    """The file of ``name`` at ``n`` rows; its bytes of text (0 for Parquet) and cells read."""
    if name.startswith("cohort"):
        frame = generate(n, 20220411)
    else:
        frame = shape(name, n)
    path = folder / f"{name.split('.')[0]}_{n}.{'parquet' if name.endswith('parquet') else 'csv'}"
    if path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
        return path, 0, n * len(frame.columns)
    frame.to_csv(path, index=False)
    return path, path.stat().st_size, 0


def main() -> None:
    sys.path.insert(0, str(HERE.parent))
    from ivig_blina.io import memory

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", default="500000,2000000", help="the two row counts (default 500000,2000000)")
    args = parser.parse_args()
    small, large = (int(x) for x in args.rows.split(","))
    ivigblina = find_ivigblina()
    print(
        f"memory.py: {memory.CSV_BYTES_PER_LINE} bytes a line + {memory.CSV_BYTES_PER_BYTE} a byte of CSV text, "
        f"{memory.PARQUET_BYTES_PER_CELL} a Parquet cell\n"
    )
    print(
        "| shape | bytes a line | peak MB at small / large | measured per line | per byte | per cell | "
        "predicted per line | predicted / measured |\n|---|---|---|---|---|---|---|---|"
    )
    with tempfile.TemporaryDirectory(prefix="memory_model_") as tmp:
        for name in SHAPES:
            peaks, sizes, cells = [], [], []
            for n in (small, large):
                path, size, cell = write(name, n, Path(tmp))
                peaks.append(measure([ivigblina, "nadir", str(path), "-f", "csv", "-q", "-o", str(Path(tmp, "o.csv"))]))
                sizes.append(size)
                cells.append(cell)
                path.unlink()
            extra = (peaks[1].peak_mb - peaks[0].peak_mb) * (1 << 20)  # bytes
            lines = large - small
            text = sizes[1] - sizes[0]
            if text:
                predicted = memory.csv_need(text, lines) / lines
                per_byte, per_cell = f"{extra / text:.2f}", ""
            else:
                predicted = memory.PARQUET_BYTES_PER_CELL * (cells[1] - cells[0]) / lines
                per_byte, per_cell = "", f"{extra / (cells[1] - cells[0]):.1f}"
            print(
                f"| {name} | {sizes[1] / large:.0f} | {peaks[0].peak_mb:.0f} / {peaks[1].peak_mb:.0f} | "
                f"{extra / lines:.0f} | {per_byte} | {per_cell} | {predicted:.0f} | {predicted / (extra / lines):.2f} |"
            )


if __name__ == "__main__":
    main()
