"""Write the snapshots of every command's output on the bundled examples and the awkward corpus.

Run from anywhere: ``python tests/snapshots/make_snapshots.py``. ``tests/test_snapshots.py``
runs the same cases and compares stdout and stderr byte for byte, so an output that changes
by accident fails a test; a change made on purpose regenerates the snapshots with this script
in the same commit and says why in CHANGELOG.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")
WO = "examples/wo2022_cohort.csv"
CORPUS = "tests/data/corpus/"
AWKWARD = [
    ("excel_export.csv", []),
    ("european.csv", ["--decimal", ","]),
    ("tabs.tsv", []),
    ("censored.csv", []),
    ("duplicates.csv", []),
    ("latin1_declared.csv", ["--encoding", "latin-1"]),
    ("utf16.csv", ["--encoding", "utf-16"]),
]

# name -> the command's arguments (paths relative to the repository's root)
CASES: dict[str, list[str]] = {}
for fmt in FORMATS:
    CASES[f"wo_nadir.{fmt}"] = ["nadir", WO, "-f", fmt]
    CASES[f"wo_compare.{fmt}"] = ["compare", WO, "--groups", "ivig,control", "-f", fmt]
    CASES[f"wo_compare_competing.{fmt}"] = ["compare", WO, "--competing-risk", "-f", fmt]
    CASES[f"tests.{fmt}"] = ["tests", "-f", fmt]
    CASES[f"wo_table1.{fmt}"] = ["table1", WO, "--categorical", "ecog", "--mean", "-f", fmt]
CASES.update(
    {
        "wo_compare_options.json": [
            "compare",
            WO,
            "--alternative",
            "less",
            "--confidence",
            "0.9",
            "--adjust",
            "holm",
            "--landmarks",
            "14,60",
            "-f",
            "json",
        ],
        "wo_compare_other_tests.csv": [
            "compare",
            WO,
            "--test",
            "continuous=welch-t",
            "--test",
            "binary=chi-square",
            "--adjust",
            "bh",
            "-f",
            "csv",
        ],
        "wo_compare_more_tests.jsonl": [
            "compare",
            WO,
            "--test",
            "continuous=brunner-munzel",
            "--test",
            "binary=boschloo",
            "--alternative",
            "greater",
            "-f",
            "jsonl",
        ],
        "wo_compare_window.json": [
            "compare",
            WO,
            "--until",
            "120",
            "--hgg-threshold",
            "350",
            "--exclude-after-ivig",
            "3",
            "--baseline-window",
            "14",
            "-f",
            "json",
        ],
        "graded_nadir_min_grade.csv": ["nadir", "examples/graded_infections.csv", "--min-grade", "3", "-f", "csv"],
        "graded_nadir_min_grade.json": ["nadir", "examples/graded_infections.csv", "--min-grade", "3", "-f", "json"],
        "patient_nadir.csv": ["nadir", "examples/patient.csv", "-f", "csv", "--today", "2026-11-01"],
        "patient_nadir.json": ["nadir", "examples/patient.csv", "-f", "json", "--today", "2026-11-01"],
    }
)
for name, options in AWKWARD:
    stem = name.split(".")[0]
    CASES[f"corpus_{stem}_nadir.csv"] = ["nadir", CORPUS + name, "-f", "csv", *options]
    CASES[f"corpus_{stem}_nadir.json"] = ["nadir", CORPUS + name, "-f", "json", *options]


def run_case(args: list[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``ivigblina ARGS`` run in-process from the root."""
    from typer.testing import CliRunner

    from ivig_blina.cli import app

    previous = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, args, env={"IVIGBLINA_PLUGINS": "none", "COLUMNS": "200"})
    finally:
        os.chdir(previous)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def main() -> None:
    for name, args in CASES.items():
        code, out, err = run_case(args)
        if code != 0:
            sys.exit(f"{name}: exit {code}: {err}")
        (HERE / name).write_text(out, encoding="utf-8", newline="")
        (HERE / f"{name}.stderr").write_text(err, encoding="utf-8", newline="")
    print(f"wrote {len(CASES)} snapshots to {HERE}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
