"""A cohort larger than the memory budget: refused as one file, read by `--engine dask` from partitions.

    python benchmarks/bench_nadir.py --larger-than-memory [--dask-rows 20000000] [--dask-parts 8]

Not run by CI (20M rows take minutes). The cohort (cohorts.write_partitions) is written as
partitions, most patients split across two of them, and as one file of the same rows. The memory
budget (`--max-memory`) is set just above what the largest partition is predicted to need (memory.py)
and below what the whole file is predicted to need. Then:
  1. the default engine on the whole file under that budget: refused before reading, one line on
     stderr that suggests --engine dask, exit 1, nothing on stdout;
  2. `--engine dask` (a local cluster) on the partitions under the same budget;
  3. the default engine on the whole file without a budget: what it really takes;
and the per-patient tables of 2 and 3 must be byte-identical (else the patient-by-patient check
says where they differ). Each run's memory is sampled every 0.2 s over the process and its
children (the Dask workers): the largest process and the sum.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Sampled:
    code: int
    wall: float
    largest_mb: float  # the largest RSS of one process of the tree
    total_mb: float  # the largest sum of RSS over the tree
    stdout: str
    stderr: str


def sampled(argv: list[str]) -> Sampled:
    """Run ``argv``, sampling the RSS of it and its descendants every 0.2 s."""
    import psutil

    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(argv, stdout=out, stderr=err)
        largest = total = 0.0
        done = threading.Event()

        def sample() -> None:
            nonlocal largest, total
            root = psutil.Process(child.pid)
            while not done.wait(0.2):
                try:
                    tree = [root, *root.children(recursive=True)]
                    rss = [p.memory_info().rss for p in tree if p.is_running()]
                except psutil.Error:
                    continue
                largest, total = max(largest, max(rss, default=0)), max(total, sum(rss))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = child.wait()
        done.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        return Sampled(code, time.perf_counter() - start, largest / 2**20, total / 2**20, out.read(), err.read())


def predicted(path: Path) -> int:
    from ivig_blina.io import memory

    size = path.stat().st_size
    with open(path, "rb") as f:
        return memory.csv_need(size, memory.lines_in(size, f.read(memory.HEAD)))


def demonstrate(ivigblina: str, rows: int, parts: int, seed: int, cache: Path) -> bool:
    """Print the three runs; False if the refusal, the run on partitions or the equality fails."""
    import agreement
    import cohorts

    from ivig_blina.io.memory import size_text

    folder, whole = cohorts.write_partitions(rows, seed, parts, cache)
    partitions = sorted(folder.glob("*.csv"))
    largest_part = max(predicted(p) for p in partitions)
    budget = (int(largest_part * 1.1) >> 20) + 1 << 20  # a tenth above the largest partition, in MiB
    whole_need = predicted(whole)
    print(
        f"\n{rows:,} rows: one file of {size_text(whole.stat().st_size)} predicted to need {size_text(whole_need)}; "
        f"{len(partitions)} partitions, the largest predicted to need {size_text(largest_part)}; "
        f"budget --max-memory {size_text(budget)}"
    )
    if budget >= whole_need:
        print("the budget does not fall below the whole file's need: give more --dask-parts")
        return False
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench_dask_") as tmp:
        split_out, whole_out = Path(tmp, "dask.csv"), Path(tmp, "whole.csv")
        runs = {
            "default engine, one file, under the budget": sampled(
                [ivigblina, "nadir", str(whole), "--max-memory", str(budget), "-f", "csv"]
            ),
            "--engine dask, partitions, under the budget": sampled(
                [ivigblina, "nadir", str(folder), "--engine", "dask", "--max-memory", str(budget)]
                + ["-f", "csv", "-q", "-o", str(split_out)]
            ),
            "default engine, one file, no budget": sampled(
                [ivigblina, "nadir", str(whole), "-f", "csv", "-q", "-o", str(whole_out)]
            ),
        }
        print("\n| run | exit | wall s | largest process MB | all processes MB |\n|---|---|---|---|---|")
        for what, run in runs.items():
            print(f"| {what} | {run.code} | {run.wall:.1f} | {run.largest_mb:.0f} | {run.total_mb:.0f} |")
        refused = runs["default engine, one file, under the budget"]
        print(f"\nthe refusal: {refused.stderr.strip()}")
        if (
            refused.code != 1
            or refused.stdout
            or refused.stderr.count("\n") != 1
            or "--engine dask" not in refused.stderr
        ):
            print("NOT AS EXPECTED: the whole file was not refused in one line suggesting --engine dask")
            ok = False
        for what in ("--engine dask, partitions, under the budget", "default engine, one file, no budget"):
            if runs[what].code != 0:
                print(f"FAILED: {what}:\n{runs[what].stderr[-2000:]}")
                return False
        if split_out.read_bytes() == whole_out.read_bytes():
            patients = whole_out.read_bytes().count(b"\n") - 1
            print(f"--engine dask and the default engine wrote byte-identical tables ({patients:,} patients)")
        else:
            problems = agreement.disagreements(
                agreement.read(whole_out), agreement.read(split_out), names=("one file", "dask")
            )
            print("the per-patient tables DIFFER:\n  " + "\n  ".join(problems or ["in their text only"]))
            ok = False
    return ok


if __name__ == "__main__":
    sys.exit("run it as: python benchmarks/bench_nadir.py --larger-than-memory")
