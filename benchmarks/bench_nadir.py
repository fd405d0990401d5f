"""Benchmark `ivigblina nadir` against the same work in DuckDB and against reading the file.

    python benchmarks/bench_nadir.py                      # 50k, 500k and 5M rows, 3 repeats
    python benchmarks/bench_nadir.py --quick              # 50k and 500k rows, 1 repeat, 3 start-up runs
    python benchmarks/bench_nadir.py --sizes 50000 --repeats 1 --startup-runs 1   # CI smoke test (not timed)
    python benchmarks/bench_nadir.py --check-only         # only check that the outputs agree
    python benchmarks/bench_nadir.py --larger-than-memory # --engine dask on partitions (not run by CI)

Run it with the Python of the environment where ivig_blina is installed (plus duckdb, `pip install
'.[bench]'`); the `ivigblina` beside that Python is used.

Synthetic long-format cohorts (cohorts.py; seeded, so identical on every machine) are written once
to benchmarks/.data and reused. Each size is processed, each as its own process on the same file,
in an order that alternates across repeats, by
  ivigblina   `ivigblina nadir FILE --format csv -q -o OUT`
  duckdb      same_work_duckdb.py: ivigblina's checks and every per-patient column `nadir` writes,
              in DuckDB SQL, written independently of ivig_blina (the fair peer of issue 19)
  typed-read  `pyarrow.csv.read_csv` of the file with typed columns and nothing else (the floor)
  pandas      read_csv, groupby('patient_id').apply(a Python function), to_csv: nadir, its day and
              the baseline only (`--without-pandas` leaves it out: it takes minutes at 5M rows)
The outputs are compared patient by patient (agreement.py): ivigblina and duckdb on every column,
pandas on its three; the same check runs on an awkward cohort (censored values, deaths, events
after a death, listing, duplicate and blank rows, labels in other cases or with invisible
characters) at the smallest and the largest size. The script exits 1 if they disagree or a
measured command fails, never because something is slow.

Reported per tool and size: median wall time, CPU time (user + system of the process and its
threads, from os.wait4) and peak memory (max RSS) over the repeats, with the median 1-minute load
average when the runs started (the machine is shared: read the load beside each time); ratios to
duckdb and to typed-read; what `compare` costs next to `nadir` on the largest file; start-up of
`ivigblina --help`, `tests` and `compare` against bare imports; and the targets of issue 19, each
said met or not.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

SCRIPT = str(Path(__file__).resolve())
HERE = Path(SCRIPT).parent
REPO = HERE.parent
TOOLS = ("ivigblina", "duckdb", "typed-read", "pandas")
PANDAS_COLUMNS = ["cohort", "baseline_igg", "nadir_igg", "nadir_day"]
TYPES = {"patient_id": "string", "cohort": "string", "day": "float64", "igg_mg_dl": "float64", "event": "string"}


# ---------------------------------------------------------------- the references (run in a child process)
def run_duckdb(src: str, dst: str) -> None:
    import same_work_duckdb

    same_work_duckdb.run(src, dst)


def run_typed_read(src: str, dst: str) -> None:
    """The floor: the file parsed into typed Arrow columns, as a whole process (start-up and
    import included); nothing is checked, derived or written."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    types = {name: pa.type_for_alias(alias) for name, alias in TYPES.items()}
    table = pacsv.read_csv(src, convert_options=pacsv.ConvertOptions(column_types=types))
    assert table.num_rows > 0


def run_pandas(src: str, dst: str) -> None:
    import pandas as pd

    def one_patient(g: pd.DataFrame) -> pd.Series:
        measured = g[g.igg_mg_dl.notna()]
        window, before = measured[measured.day >= 0], measured[measured.day <= 0]
        nadir = window.igg_mg_dl.min()  # NaN when the window is empty
        nadir_day = window.day[window.igg_mg_dl == nadir].min()
        baseline = before.igg_mg_dl[before.day == before.day.max()].min()
        return pd.Series(
            {"cohort": g.cohort.iloc[0], "baseline_igg": baseline, "nadir_igg": nadir, "nadir_day": nadir_day}
        )

    frame = pd.read_csv(src, dtype={"patient_id": str, "cohort": str, "event": str})
    out = frame.groupby("patient_id")[["cohort", "day", "igg_mg_dl"]].apply(one_patient)
    out.reset_index().to_csv(dst, index=False)


WORKERS = {"duckdb": run_duckdb, "typed-read": run_typed_read, "pandas": run_pandas}


# ---------------------------------------------------------------- measuring child processes
class Failed(Exception):
    """A measured command exited non-zero."""


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its threads
    peak_mb: float  # max RSS
    load: float  # the 1-minute load average when it started

    @staticmethod
    def median(runs: list[Run]) -> Run:
        return Run(*(statistics.median(getattr(r, f) for r in runs) for f in ("wall", "cpu", "peak_mb", "load")))


def measure(argv: list[str]) -> Run:
    """Run ``argv``; return its wall and CPU time, peak RSS and the load when it started; raise
    Failed if it fails.

    A small launcher process starts ``argv`` and reads its rusage with os.wait4: Linux counts
    the memory of the process that spawned a child into the child's ru_maxrss, so spawning from
    this process (which may have loaded pandas) would inflate every peak to this process's own.
    """
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as result:
        subprocess.run(
            [sys.executable, SCRIPT, "--launch", result.name, *argv], stdout=subprocess.DEVNULL, stderr=err, cwd=REPO
        )
        wall, cpu, kib, load, code = result.read().split() or ("0", "0", "0", "0", "launcher failed")
        if code != "0":
            err.seek(0)
            raise Failed(f"FAILED (exit {code}): {' '.join(argv)}\n{err.read().decode(errors='replace')[-2000:]}")
    return Run(float(wall), float(cpu), int(kib) / 1024, float(load))  # Linux reports KiB


def launch(result: str, argv: list[str]) -> None:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    Path(result).write_text(f"{wall} {cpu} {usage.ru_maxrss} {load} {os.waitstatus_to_exitcode(status)}")


def tool_argv(tool: str, src: Path, dst: Path) -> list[str]:
    if tool == "ivigblina":
        return [IVIGBLINA, "nadir", str(src), "--format", "csv", "-q", "-o", str(dst)]
    return [sys.executable, SCRIPT, "--worker", tool, str(src), str(dst)]


def find_ivigblina() -> str:
    found = shutil.which(
        "ivigblina", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    )
    if not found:
        sys.exit("ivigblina not found beside this Python or on PATH; run with the venv's python")
    return found


def alternating(argv: dict[str, list[str]], repeats: int) -> dict[str, list[Run]]:
    """Each command ``repeats`` times, in an order reversed from one repeat to the next, so that
    drift in the machine's load hits all alike."""
    runs: dict[str, list[Run]] = {k: [] for k in argv}
    for r in range(repeats):
        for k in argv if r % 2 == 0 else list(argv)[::-1]:
            runs[k].append(measure(argv[k]))
    return runs


# ---------------------------------------------------------------- checking agreement
def check_agreement(outputs: dict[str, Path], label: str) -> None:
    """Exit 1 unless ivigblina and duckdb agree on every column for every patient, and pandas
    (when run) on its columns."""
    import agreement

    frames = {tool: agreement.read(path) for tool, path in outputs.items() if tool != "typed-read"}
    problems = agreement.disagreements(frames["ivigblina"], frames["duckdb"], names=("ivigblina", "duckdb"))
    if "pandas" in frames:
        problems += agreement.disagreements(
            frames["ivigblina"], frames["pandas"], PANDAS_COLUMNS, names=("ivigblina", "pandas")
        )
    if problems:
        print(f"\nOUTPUTS DISAGREE at {label}:\n  " + "\n  ".join(problems), file=sys.stderr)
        sys.exit(1)
    reference = frames["ivigblina"]
    print(
        f"{label}: ivigblina and duckdb agree on all {reference.shape[1] + 1} columns for {len(reference):,} "
        f"patients" + (f"; pandas on its {len(PANDAS_COLUMNS)}" if "pandas" in frames else "")
    )


def check_awkward(n_rows: int, seed: int, cache: Path) -> None:
    """The agreement check on the awkward cohort of ``n_rows`` rows (cohorts.awkward)."""
    import cohorts

    src = cohorts.awkward_file(n_rows, seed, cache)
    with tempfile.TemporaryDirectory(prefix="bench_awkward_") as tmp:
        outputs = {t: Path(tmp, f"{t}.csv") for t in ("ivigblina", "duckdb")}
        try:
            for tool, out in outputs.items():
                measure(tool_argv(tool, src, out))
        except Failed as e:
            sys.exit(str(e))
        check_agreement(outputs, f"awkward {size_label(n_rows)}")


# ---------------------------------------------------------------- reporting
def size_label(n: int) -> str:
    for unit, scale in (("M", 1_000_000), ("k", 1000)):
        if n >= scale and n % (scale // 10) == 0:
            return f"{n / scale:g}{unit}"
    return str(n)


def uptime() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} at {datetime.datetime.now():%H:%M:%S}"


def machine_info() -> str:
    model = "unknown"
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
    versions = ", ".join(
        f"{p} {_version(p)}" for p in ("ivig-blina", "pandas", "numpy", "pyarrow", "duckdb", "typer", "dask")
    )
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    git = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return (
        f"machine: nproc {cpus}, CPU {model}, Python {platform.python_version()} ({platform.platform()}), "
        f"{datetime.datetime.now().astimezone().isoformat(timespec='seconds')}\n"
        f"packages: {versions}; repo at {git.stdout.strip() or 'unknown commit'}\n{uptime()}"
    )


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


@dataclass
class Target:
    what: str
    ratio: float
    limit: float
    cpu_ratio: float | None = None  # the same ratio of CPU times, where it means something

    def line(self) -> str:
        cpu = f" (CPU {self.cpu_ratio:.2f}x)" if self.cpu_ratio is not None else ""
        verdict = "met" if self.ratio <= self.limit else "NOT met"
        return f"- {self.what}: {self.ratio:.2f}x{cpu}, target <= {self.limit:g}x: {verdict}"


def nadir_table(sizes: list[int], tools: tuple[str, ...], results: dict, repeats: int) -> None:
    print(f"\nnadir per patient, median of {repeats} run(s); ratios to duckdb and typed-read at the same size\n")
    print(
        "| rows | tool | wall s | CPU s | peak MB | load | wall / duckdb | CPU / duckdb | memory / duckdb | "
        "wall / typed-read |\n|---|---|---|---|---|---|---|---|---|---|"
    )
    for n in sizes:
        duckdb, floor = results[n, "duckdb"], results[n, "typed-read"]
        for tool in tools:
            r = results[n, tool]
            print(
                f"| {size_label(n)} | {tool} | {r.wall:.2f} | {r.cpu:.2f} | {r.peak_mb:.0f} | {r.load:.2f} | "
                f"{r.wall / duckdb.wall:.2f}x | {r.cpu / duckdb.cpu:.2f}x | {r.peak_mb / duckdb.peak_mb:.2f}x | "
                f"{r.wall / floor.wall:.1f}x |"
            )
    print()
    for small, large in zip(sizes, sizes[1:]):
        line = ", ".join(
            f"{t} {results[large, t].wall / results[small, t].wall:.1f}x wall / "
            f"{results[large, t].peak_mb / results[small, t].peak_mb:.1f}x memory"
            for t in tools
        )
        print(f"{size_label(small)}->{size_label(large)} scaling ({large / small:g}x rows): {line}")


def compare_cost(src: Path, repeats: int) -> tuple[Run, Run]:
    """What `compare` (default tests, JSON to a file) costs next to `nadir` on one file, timed
    alternately; returns the medians (compare, nadir)."""
    with tempfile.TemporaryDirectory(prefix="bench_compare_") as tmp:
        argv = {
            "nadir": tool_argv("ivigblina", src, Path(tmp, "nadir.csv")),
            "compare": [IVIGBLINA, "compare", str(src), "-q", "-f", "json", "-o", str(Path(tmp, "compare.json"))],
        }
        runs = alternating(argv, repeats)
    compare, nadir = Run.median(runs["compare"]), Run.median(runs["nadir"])
    print(
        f"\ncompare with the default tests on {src.name} (median of {repeats}, load {compare.load:.2f}): "
        f"{compare.wall:.2f} s, {compare.cpu:.2f} CPU s, {compare.peak_mb:.0f} MB; {compare.wall / nadir.wall:.2f}x "
        f"nadir's {nadir.wall:.2f} s (CPU {compare.cpu / nadir.cpu:.2f}x)"
    )
    return compare, nadir


STARTUP = [
    (["--help"], "import typer"),
    (["tests"], "import typer"),
    (["compare", "examples/wo2022_cohort.csv", "-q"], "import pandas, scipy.stats"),
]


def startup(runs: int) -> dict[str, float]:
    """Print the start-up table; return each command's ratio to its bare imports."""
    print(f"\nStart-up (median of {runs} runs each, interleaved with the baseline)\n")
    print("| command | wall ms | peak MB | load | baseline | baseline ms | ratio |\n|---|---|---|---|---|---|---|")
    ratios = {}
    for args, imports in STARTUP:
        argv = {"ivigblina": [IVIGBLINA, *args], "baseline": [sys.executable, "-c", imports]}
        try:
            medians = {k: Run.median(v) for k, v in alternating(argv, runs).items()}
        except Failed as e:
            sys.exit(str(e))
        mine, base = medians["ivigblina"], medians["baseline"]
        ratios[" ".join(args)] = mine.wall / base.wall
        print(
            f"| `ivigblina {' '.join(args)}` | {1000 * mine.wall:.0f} | {mine.peak_mb:.0f} | {mine.load:.2f} | "
            f'`python -c "{imports}"` | {1000 * base.wall:.0f} | {mine.wall / base.wall:.2f}x |'
        )
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated row counts (default 50000,500000,5000000)")
    parser.add_argument("--repeats", type=int, help="timed runs per tool and size (default 3)")
    parser.add_argument("--quick", action="store_true", help="sizes 50k,500k, 1 repeat, 3 start-up runs")
    parser.add_argument("--check-only", action="store_true", help="run each tool once, check agreement, no timings")
    parser.add_argument("--seed", type=int, default=20220411)
    parser.add_argument("--cache", type=Path, default=HERE / ".data", help="where the generated CSVs are kept")
    parser.add_argument("--startup-runs", type=int, help="runs per start-up command (default 10)")
    parser.add_argument(
        "--without-pandas",
        action="store_true",
        help="leave out the pandas groupby-apply (it takes minutes at 5M rows)",
    )
    parser.add_argument(
        "--larger-than-memory",
        action="store_true",
        help="only show --engine dask on partitions of a cohort larger than the memory budget (not run by CI)",
    )
    parser.add_argument("--dask-rows", type=int, default=20_000_000, help="rows of --larger-than-memory's cohort")
    parser.add_argument("--dask-parts", type=int, default=8, help="partitions of --larger-than-memory's cohort")
    args = parser.parse_args()
    print(machine_info())
    if args.larger_than_memory:
        import larger_than_memory

        ok = larger_than_memory.demonstrate(IVIGBLINA, args.dask_rows, args.dask_parts, args.seed, args.cache)
        sys.exit(0 if ok else 1)
    tools = tuple(t for t in TOOLS if t != "pandas" or not args.without_pandas)
    sizes = [
        int(s.replace("_", ""))
        for s in (args.sizes or ("50000,500000" if args.quick else "50000,500000,5000000")).split(",")
    ]
    repeats = 1 if args.check_only else args.repeats or (1 if args.quick else 3)
    startup_runs = args.startup_runs or (3 if args.quick else 10)

    import cohorts

    for n in sorted({min(sizes), max(sizes)}):  # the largest too: a case the small cohort lacks
        check_awkward(n, args.seed, args.cache)
    results: dict[tuple[int, str], Run] = {}
    rounds: list[float] = []  # the largest size's nadir / typed read, round by round
    for n in sizes:
        src = cohorts.cohort_file(n, args.seed, args.cache)
        with tempfile.TemporaryDirectory(prefix="bench_nadir_") as tmp:
            outputs = {t: Path(tmp, f"{t}.csv") for t in tools}
            try:
                runs = alternating({t: tool_argv(t, src, outputs[t]) for t in tools}, repeats)
            except Failed as e:  # no output to compare: as bad as a disagreement
                sys.exit(str(e))
            check_agreement(outputs, size_label(n))
        for tool in tools:
            results[n, tool] = Run.median(runs[tool])
        rounds = [ours.wall / read.wall for ours, read in zip(runs["ivigblina"], runs["typed-read"])]
        print(f"  {size_label(n)} done; {uptime()}")
    if args.check_only:
        return

    nadir_table(sizes, tools, results, repeats)
    try:
        compare, nadir = compare_cost(cohorts.cohort_file(sizes[-1], args.seed, args.cache), repeats)
    except Failed as e:
        sys.exit(str(e))
    ratios = startup(startup_runs)
    largest, mine = sizes[-1], results[sizes[-1], "ivigblina"]
    duckdb, floor, at = results[largest, "duckdb"], results[largest, "typed-read"], size_label(largest)
    example = ratios[" ".join(STARTUP[2][0])]
    targets = [
        Target(f"nadir / duckdb at {at}, wall", mine.wall / duckdb.wall, 0.8, mine.cpu / duckdb.cpu),
        Target(f"nadir / duckdb at {at}, peak memory", mine.peak_mb / duckdb.peak_mb, 0.8),
        Target(f"nadir / typed read at {at}, wall", mine.wall / floor.wall, 5, mine.cpu / floor.cpu),
        Target(f"compare / nadir at {at}, wall", compare.wall / nadir.wall, 1.15, compare.cpu / nadir.cpu),
        Target("`ivigblina --help` / `import typer`", ratios["--help"], 1.5),
        Target("`ivigblina compare` on the example / `import pandas, scipy.stats`", example, 1.3),
    ]
    note = "" if largest >= 5_000_000 else f"; the targets are set at 5M rows, these are at {size_label(largest)}"
    print(f"\nTargets of issue 19 (ratios of medians; CPU beside where the tools differ in threads{note})\n")
    print("\n".join(t.line() for t in targets))
    # The floor's speed drifts with the machine's more than nadir's: each round's own ratio (its
    # two runs within seconds of each other) beside the ratio of medians: the target judged over runs
    each = ", ".join(f"{r:.2f}x" for r in rounds)
    print(f"  nadir / typed read at {at}, round by round: {each} (median {statistics.median(rounds):.2f}x)")
    print(f"\n{uptime()}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:  # child: one reference implementation
        WORKERS[sys.argv[2]](sys.argv[3], sys.argv[4])
    elif sys.argv[1:2] == ["--launch"]:  # child: start and measure a command
        launch(sys.argv[2], sys.argv[3:])
    else:
        IVIGBLINA = find_ivigblina()
        main()
