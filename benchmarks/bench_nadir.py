"""Benchmark `ivigblina nadir` against DuckDB SQL and a plain pandas groupby-apply.

    python benchmarks/bench_nadir.py                      # 50k, 500k and 5M rows, 3 repeats
    python benchmarks/bench_nadir.py --quick              # 50k and 500k rows, 1 repeat, 3 start-up runs
    python benchmarks/bench_nadir.py --sizes 50000 --repeats 1   # CI smoke test (not timed)
    python benchmarks/bench_nadir.py --check-only         # only check that the outputs agree

Run it with the Python of the environment where ivig_blina is installed (plus duckdb); the
`ivigblina` beside that Python is used. Needs numpy, pandas and duckdb.

Synthetic long-format cohorts (patient_id, cohort, day, igg_mg_dl, event; about 10 rows per
patient, seeded, so identical on every machine) are written once to benchmarks/.data and reused.
Each size is processed, each as its own process on the same file, by
  ivigblina       `ivigblina nadir FILE --format csv -q -o OUT`
  duckdb          one GROUP BY in SQL over read_csv, COPY to CSV
  duckdb-checked  the same GROUP BY after the checks ivigblina makes of a file, in SQL (typed
                  parse, trimmed IDs and labels, duplicate rows, one cohort per patient, days,
                  IgG, event labels, same-day conflicts)
  pandas          read_csv, groupby('patient_id').apply(a Python function), to_csv
in an order that alternates across repeats. All of them compute per patient: nadir = lowest IgG
with day >= 0 (ties to the earliest day), nadir_day, baseline = last IgG with day <= 0 (the
lowest when several share that day). The outputs are compared patient by patient; the script
exits 1 if they disagree or any measured command fails, never because something is slow.

Reported: median wall time and peak memory (max RSS of that child, from os.wait4) over the
repeats, ratios to both DuckDB queries, the scaling from one size to the next, what `compare`
costs next to `nadir` on the largest file, and start-up times of `ivigblina --help`,
`ivigblina tests` and `ivigblina compare` against bare imports.
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
from importlib import metadata
from pathlib import Path

SCRIPT = str(Path(__file__).resolve())
HERE = Path(SCRIPT).parent
REPO = HERE.parent
TOOLS = ("ivigblina", "duckdb", "duckdb-checked", "pandas")
COMPARED = ("baseline_igg", "nadir_igg", "nadir_day")
DATA_VERSION = 2  # bump when generate() changes, so cached files are rebuilt


# ---------------------------------------------------------------- synthetic data
def generate(n_rows: int, seed: int):
    """A shuffled long-format cohort of exactly ``n_rows`` rows (about 10 per patient).

    Per patient: 1-2 pre-treatment IgG values (day -30..-1; 5% moved to day 0, which is both
    baseline and window; 0.5% of patients have none), 5-9 follow-up values (day 0..365; 1% of
    patients have none), 0-3 event rows, and in 5% of patients the nadir tied on two days.
    """
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    n = int(n_rows / 9.8) + 2  # a few more rows than needed; the surplus is dropped at random
    ids = np.array([f"P{i:07d}" for i in range(n)], dtype=object)
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


def cohort_file(n_rows: int, seed: int, cache: Path) -> Path:
    path = cache / f"cohort_{n_rows}_seed{seed}_v{DATA_VERSION}.csv"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        print(f"generating {path.relative_to(REPO) if path.is_relative_to(REPO) else path} ...", file=sys.stderr)
        temporary = path.with_suffix(".tmp")
        generate(n_rows, seed).to_csv(temporary, index=False)
        temporary.replace(path)
    return path


# ---------------------------------------------------------------- the two references (run in a child process)
DUCKDB_SQL = """
COPY (
    SELECT patient_id,
           any_value(cohort) AS cohort,
           -- the last day <= 0, then the lowest value on that day
           arg_max(igg_mg_dl, (day, -igg_mg_dl)) FILTER (igg_mg_dl IS NOT NULL AND day <= 0) AS baseline_igg,
           min(igg_mg_dl) FILTER (igg_mg_dl IS NOT NULL AND day >= 0) AS nadir_igg,
           -- the lowest value, then the earliest day
           arg_min(day, (igg_mg_dl, day)) FILTER (igg_mg_dl IS NOT NULL AND day >= 0) AS nadir_day
    FROM {rows}
    GROUP BY patient_id
    ORDER BY cohort, patient_id
) TO '{dst}' (HEADER, DELIMITER ',')
"""
CSV_ROWS = """read_csv('{src}', header = true, columns = {{'patient_id': 'VARCHAR', 'cohort': 'VARCHAR',
              'day': '{day}', 'igg_mg_dl': 'DOUBLE', 'event': 'VARCHAR'}})"""

# duckdb-checked: the same query after the checks ivigblina makes of every file, in SQL. The typed
# parse refuses a value that is not a number (naming the line); IDs and labels are trimmed as
# ivigblina trims them; rows equal after trimming are counted once (duplicates).
CHECKED_ROWS = """
CREATE TEMP TABLE checked AS
SELECT trim(patient_id) AS patient_id, trim(cohort) AS cohort, day, igg_mg_dl,
       lower(trim(coalesce(event, ''))) AS event, count(*) AS copies
FROM {csv}
GROUP BY ALL
"""
KNOWN = "SELECT unnest(['infection', 'infection_icu', 'infection_death', 'death', 'ivig', 'last_follow_up']) AS k"
REFUSED = {  # each counts what makes ivigblina refuse the file
    "an empty patient ID": "SELECT count(*) FROM checked WHERE patient_id = ''",
    "a negative or infinite IgG": "SELECT count(*) FROM checked WHERE igg_mg_dl < 0 OR isinf(igg_mg_dl)",
    "a day beyond 100 years": "SELECT count(*) FROM checked WHERE abs(day) > 36500",
    "a patient in two cohorts": "SELECT count(*) FROM (SELECT patient_id FROM checked GROUP BY patient_id "
    "HAVING count(DISTINCT cohort) > 1)",
    "a misspelt event label": f"SELECT count(*) FROM (SELECT DISTINCT event FROM checked) JOIN ({KNOWN}) "
    f"ON event <> '' AND event NOT IN (SELECT k FROM ({KNOWN})) "
    "AND levenshtein(event, k) <= 2",
}
COUNTED = {  # each counts what ivigblina reports and goes on
    "duplicate rows": "SELECT sum(copies) - count(*) FROM checked",
    "same-day conflicts": "SELECT count(*) FROM (SELECT patient_id, day FROM checked WHERE igg_mg_dl IS NOT NULL "
    "GROUP BY ALL HAVING count(*) > 1)",
}


def run_duckdb(src: str, dst: str, checked: bool = False) -> None:
    import duckdb

    csv = CSV_ROWS.format(src=src.replace("'", "''"), day="INTEGER" if checked else "DOUBLE")
    dst = dst.replace("'", "''")
    if not checked:
        duckdb.sql(DUCKDB_SQL.format(rows=csv, dst=dst))
        return
    db = duckdb.connect()
    db.sql(CHECKED_ROWS.format(csv=csv))

    def count(query: str) -> int:
        return db.execute(query).fetchall()[0][0]

    for what, query in REFUSED.items():
        if count(query):
            sys.exit(f"refused: {what}")
    counts = {what: count(query) for what, query in COUNTED.items()}
    print(counts, file=sys.stderr)
    db.sql(DUCKDB_SQL.format(rows="checked", dst=dst))


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


WORKERS = {
    "duckdb": run_duckdb,
    "duckdb-checked": lambda src, dst: run_duckdb(src, dst, checked=True),
    "pandas": run_pandas,
}


# ---------------------------------------------------------------- measuring child processes
class Failed(Exception):
    """A measured command exited non-zero."""


def measure(argv: list[str]) -> tuple[float, float]:
    """Run ``argv``; return (wall seconds, peak RSS in MB of that process); raise Failed if it fails.

    A small launcher process starts ``argv`` and reads its rusage with os.wait4: Linux counts
    the memory of the process that spawned a child into the child's ru_maxrss, so spawning from
    this process (which has loaded pandas) would inflate every peak to this process's own.
    """
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as result:
        subprocess.run(
            [sys.executable, SCRIPT, "--launch", result.name, *argv], stdout=subprocess.DEVNULL, stderr=err, cwd=REPO
        )
        wall, kib, code = result.read().split() or ("0", "0", "launcher failed")
        if code != "0":
            err.seek(0)
            raise Failed(f"FAILED (exit {code}): {' '.join(argv)}\n{err.read().decode(errors='replace')[-2000:]}")
    return float(wall), int(kib) / 1024  # Linux reports KiB


def launch(result: str, argv: list[str]) -> None:
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    Path(result).write_text(f"{wall} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")


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


# ---------------------------------------------------------------- checking agreement
def check_agreement(outputs: dict[str, Path], label: str) -> None:
    """Exit 1 unless every tool gives the same patients and the same COMPARED values."""
    import numpy as np
    import pandas as pd

    frames = {t: pd.read_csv(p, dtype={"patient_id": str}).set_index("patient_id") for t, p in outputs.items()}
    problems = []
    reference = "duckdb"
    for tool, frame in frames.items():
        if tool == reference:
            continue
        ref = frames[reference]
        only = ref.index.symmetric_difference(frame.index)
        if len(only):
            problems.append(f"{tool} vs {reference}: {len(only)} patients in only one output, e.g. {list(only[:5])}")
        both = ref.index.intersection(frame.index)
        for column in COMPARED:
            a = ref.loc[both, column].to_numpy(float)
            b = frame.loc[both, column].to_numpy(float)
            bad = ~np.isclose(a, b, rtol=1e-12, atol=0, equal_nan=True)
            if bad.any():
                examples = list(zip(both[bad][:5], a[bad][:5].tolist(), b[bad][:5].tolist()))
                problems.append(
                    f"{tool} vs {reference}: {column} differs for {bad.sum()} patients, "
                    f"e.g. (patient, {reference}, {tool}) {examples}"
                )
    if problems:
        print(f"\nOUTPUTS DISAGREE at {label}:\n  " + "\n  ".join(problems), file=sys.stderr)
        sys.exit(1)
    print(f"{label}: the {len(frames)} outputs agree on {len(frames[reference])} patients")


# ---------------------------------------------------------------- reporting
def size_label(n: int) -> str:
    for unit, scale in (("M", 1_000_000), ("k", 1000)):
        if n >= scale and n % (scale // 10) == 0:
            return f"{n / scale:g}{unit}"
    return str(n)


def machine_info() -> str:
    model = "unknown"
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), model)
    versions = ", ".join(f"{p} {_version(p)}" for p in ("ivig-blina", "pandas", "numpy", "pyarrow", "duckdb"))
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    git = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return (
        f"machine: nproc {cpus}, CPU {model}, Python {platform.python_version()} ({platform.platform()}), "
        f"{datetime.datetime.now().astimezone().isoformat(timespec='seconds')}\n"
        f"packages: {versions}; repo at {git.stdout.strip() or 'unknown commit'}"
    )


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def compare_cost(src: Path, repeats: int) -> None:
    """Print what `compare` (default tests, JSON to a file) costs next to `nadir` on one file,
    timed alternately."""
    with tempfile.TemporaryDirectory(prefix="bench_compare_") as tmp:
        argv = {
            "nadir": tool_argv("ivigblina", src, Path(tmp, "nadir.csv")),
            "compare": [IVIGBLINA, "compare", str(src), "-q", "-f", "json", "-o", str(Path(tmp, "compare.json"))],
        }
        runs = {k: [] for k in argv}
        for r in range(repeats):
            for k in argv if r % 2 == 0 else list(argv)[::-1]:
                runs[k].append(measure(argv[k]))
    compare, compare_mb = (statistics.median(x) for x in zip(*runs["compare"]))
    nadir = statistics.median(wall for wall, _ in runs["nadir"])
    print(
        f"compare with the default tests on {src.name} (median of {repeats}): {compare:.2f} s, {compare_mb:.0f} MB; "
        f"{compare / nadir:.2f}x nadir's {nadir:.2f} s"
    )


def startup(runs: int) -> bool:
    """Print the start-up table; False if a command failed."""
    example = "examples/wo2022_cohort.csv"
    pairs = [
        (["--help"], "import typer"),
        (["tests"], "import typer"),
        (["compare", example, "-q"], "import pandas, scipy.stats"),
    ]
    print(f"\nStart-up (median of {runs} runs each)\n")
    print("| command | wall ms | peak MB | baseline | baseline ms | ratio |\n|---|---|---|---|---|---|")
    ok = True
    for args, imports in pairs:
        cmd = [[IVIGBLINA, *args], [sys.executable, "-c", imports]]
        times = {i: [] for i in range(2)}
        peaks = []
        try:
            for _ in range(runs):
                for i in range(2):  # interleaved, so drift hits both alike
                    wall, peak = measure(cmd[i])
                    times[i].append(wall)
                    peaks += [peak] if i == 0 else []
        except Failed as e:
            print(e, file=sys.stderr)
            print(f'| `ivigblina {" ".join(args)}` | failed | | `python -c "{imports}"` | | |')
            ok = False
            continue
        mine, base = statistics.median(times[0]), statistics.median(times[1])
        print(
            f"| `ivigblina {' '.join(args)}` | {1000 * mine:.0f} | {statistics.median(peaks):.0f} | "
            f'`python -c "{imports}"` | {1000 * base:.0f} | {mine / base:.2f}x |'
        )
    return ok


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
        help="time ivigblina and the DuckDB queries only (pandas apply takes minutes at 5M)",
    )
    args = parser.parse_args()
    tools = TOOLS[:-1] if args.without_pandas else TOOLS
    sizes = [
        int(s.replace("_", ""))
        for s in (args.sizes or ("50000,500000" if args.quick else "50000,500000,5000000")).split(",")
    ]
    repeats = 1 if args.check_only else args.repeats or (1 if args.quick else 3)
    startup_runs = args.startup_runs or (3 if args.quick else 10)

    print(machine_info())
    results = {}  # (size, tool) -> (median wall, median peak MB)
    for n in sizes:
        src = cohort_file(n, args.seed, args.cache)
        with tempfile.TemporaryDirectory(prefix="bench_nadir_") as tmp:
            outputs = {t: Path(tmp, f"{t}.csv") for t in tools}
            runs = {t: [] for t in tools}
            for r in range(repeats):
                for tool in tools if r % 2 == 0 else tools[::-1]:
                    try:
                        runs[tool].append(measure(tool_argv(tool, src, outputs[tool])))
                    except Failed as e:  # no output to compare: as bad as a disagreement
                        sys.exit(str(e))
            check_agreement(outputs, size_label(n))
        for tool in tools:
            results[n, tool] = tuple(statistics.median(x) for x in zip(*runs[tool]))
    if args.check_only:
        return

    print(f"\nnadir per patient, median of {repeats} run(s); ratios are to each DuckDB query at the same size\n")
    print(
        "| size | tool | wall s | peak MB | wall / duckdb | memory / duckdb | wall / duckdb-checked | "
        "memory / duckdb-checked |\n|---|---|---|---|---|---|---|---|"
    )
    for n in sizes:
        for tool in tools:
            wall, mem = results[n, tool]
            ratios = [
                f"{wall / results[n, ref][0]:.1f}x | {mem / results[n, ref][1]:.1f}x"
                for ref in ("duckdb", "duckdb-checked")
            ]
            print(f"| {size_label(n)} | {tool} | {wall:.2f} | {mem:.0f} | {' | '.join(ratios)} |")
    print()
    for small, large in zip(sizes, sizes[1:]):
        line = ", ".join(
            f"{t} {results[large, t][0] / results[small, t][0]:.1f}x wall / "
            f"{results[large, t][1] / results[small, t][1]:.1f}x memory"
            for t in tools
        )
        print(f"{size_label(small)}->{size_label(large)} scaling ({large / small:g}x rows): {line}")
    try:
        compare_cost(cohort_file(sizes[-1], args.seed, args.cache), repeats)
    except Failed as e:
        sys.exit(str(e))
    if not startup(startup_runs):
        sys.exit(1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:  # child: one reference implementation
        WORKERS[sys.argv[2]](sys.argv[3], sys.argv[4])
    elif sys.argv[1:2] == ["--launch"]:  # child: start and measure a command
        launch(sys.argv[2], sys.argv[3:])
    else:
        IVIGBLINA = find_ivigblina()
        main()
