"""The Python tableone package's SMDs on the SMD data sets of tests/golden/r_table1.py (issue 14).

tableone is not a dependency of ivigblina: run this in a throwaway venv, from the repository root,

    python3 -m venv /tmp/tableone-venv && /tmp/tableone-venv/bin/pip install tableone
    /tmp/tableone-venv/bin/python tests/golden/tableone_check.py > tests/golden/tableone_smd.tsv
    Rscript tests/golden/table1.R    # copies the TSV into r_table1.py's TABLEONE_SMD block

The data are read from DATA in tests/golden/r_table1.py (made by tests/golden/table1.R), so tableone
and R see the same values; the TSV carries a SHA-256 of that data, which
tests/test_golden_table1_file.py recomputes with data_sha256() below. stdout: the TSV (tableone's
unrounded smd_table, each pair "A,B" as its column "SMD (A,B)"); stderr: each value beside R's
(SMD_R, from tests/golden/smd.R; with include_null=True, SMD_R's na_as_level where there is one).

DISAGREEMENTS
Python tableone 0.9.6 against SMD_R (tests/golden/smd.R, R tableone's formulas), from the stderr
of this script; every other value agrees to 1e-12 relative:
* Sign: tableone's continuous SMD is signed, mean of the second group minus the first (smd_two age
  and smd_three age A,B are negative); R tableone reports the absolute value. The categorical SMD
  is a square root in both, never negative.
* Missing categorical values: with include_null=True (tableone's default) a missing value is a
  level "None" of its own, so smd_two sex and stage and every pair of smd_three ecog differ from R,
  where NA is never a level; with include_null=False they equal R, and with include_null=True they
  equal R with NA recoded as a level "None" (SMD_R's na_as_level).
* A level absent in one group (smd_two ecog "2", absent in B): agrees with R.
* A level absent in both groups of a pair (smd_three centre "Z", pair A,B): tableone inverts S with
  numpy.linalg.inv, S is singular and the SMD is NaN; R (MASS::ginv) gives 0.449719013397517.
* Each group on levels the other lacks (smd_edge disjoint: A all X, B Y or Z): tableone NaN
  (singular S); R's ginv gives a finite 0.288675134594813 where the distance is infinite.
  Each group on one level of its own (smd_edge separated): both NaN (S = 0).
* A constant (smd_edge const_num: 5 in every row): R tableone defines the SMD as 0, tableone gives
  NaN (0/0). A constant category (const_cat): both 0 (tableone through an empty vector).
* One value in a group (smd_edge one_value): R's var is NA and tableone's std NaN: both missing.
* More than two groups: tableone gives only the pairwise SMDs, not R tableone's mean of them.
END DISAGREEMENTS
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import platform
import sys
import warnings
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
# data set -> (continuous variables, categorical variables), as SMD_SETS in table1.R
SETS = {
    "smd_two": (["age", "igg"], ["sex", "ecog", "stage"]),
    "smd_three": (["age"], ["sex", "centre", "ecog"]),
    "smd_edge": (["const_num", "one_value"], ["const_cat", "separated", "disjoint"]),
}


def load_golden():
    spec = importlib.util.spec_from_file_location("r_table1", GOLDEN / "r_table1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def data_sha256(data: dict) -> str:
    """SHA-256 of the SMD data sets of ``data`` (r_table1.DATA), as canonical JSON."""
    chosen = {name: data[name] for name in sorted(SETS)}
    return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()


def tableone_smds(frame, continuous, categorical, include_null):
    """{variable: {"A,B": smd}} from tableone's unrounded smd_table."""
    from tableone import TableOne

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 0/0 and singular matrices warn; the NaN is the result
        table = TableOne(
            frame,
            columns=continuous + categorical,
            continuous=continuous,
            categorical=categorical,
            groupby="group",
            smd=True,
            include_null=include_null,
            pval=False,
        )
    groups = sorted(set(frame["group"]))
    pairs = [(a, b) for i, a in enumerate(groups) for b in groups[i + 1 :]]
    return {
        variable: {f"{a},{b}": float(table.smd_table.loc[variable, f"SMD ({a},{b})"]) for a, b in pairs}
        for variable in continuous + categorical
    }


def main() -> None:
    import numpy
    import pandas
    import tableone

    golden = load_golden()
    print(f"# tableone: {tableone.__version__}")
    print(f"# environment: Python {platform.python_version()}, pandas {pandas.__version__}, numpy {numpy.__version__}")
    print(f"# data_sha256: {data_sha256(golden.DATA)}")
    print("dataset\tinclude_null\tvariable\tkind\tpair\tsmd")
    for name, (continuous, categorical) in SETS.items():
        frame = pandas.DataFrame(golden.DATA[name])
        for include_null in (True, False):
            for variable, by_pair in tableone_smds(frame, continuous, categorical, include_null).items():
                kind = "continuous" if variable in continuous else "categorical"
                for pair, value in by_pair.items():
                    print(f"{name}\t{include_null}\t{variable}\t{kind}\t{pair}\t{value!r}")
                    r_smd = golden.SMD_R[name][variable]
                    r_value = r_smd["na_as_level"][pair] if include_null and "na_as_level" in r_smd else r_smd[pair]
                    r_value = math.nan if r_value is None else r_value
                    same = math.isclose(abs(value), r_value, rel_tol=1e-12) or math.isnan(value) and math.isnan(r_value)
                    print(
                        f"{name} {variable} {pair} include_null={include_null}: tableone {value!r}  R {r_value!r}"
                        f"  {'agree (|tableone|)' if same else 'DIFFER'}",
                        file=sys.stderr,
                    )


if __name__ == "__main__":
    main()
