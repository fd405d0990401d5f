"""Turn results into rows and write them: csv, tsv, json, jsonl, markdown, or a Rich table.

Machine formats carry full precision (Python's shortest round-trip float text); only the
terminal table rounds.
"""

from __future__ import annotations

import csv
import json
import math
from typing import IO, Any

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")
WIDE_COLUMNS = ["outcome", "kind", "test", "statistic", "p_value", "group_a", "group_b", "n_a", "n_b",
                "median_a", "q1_a", "q3_a", "median_b", "q1_b", "q3_b",
                "events_a", "proportion_a", "events_b", "proportion_b", "warnings"]


def plain(value: Any) -> Any:
    """A JSON-ready Python value: None for NaN and missing values, int/float/bool/str otherwise."""
    if value is None:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value


def comparison_rows(cmp) -> list[dict]:
    """One wide row per outcome; the column names do not depend on the cohort names."""
    a, b = cmp.groups
    rows = []
    for o in cmp.outcomes:
        row = {"outcome": o.outcome, "kind": o.kind, "test": o.test,
               "statistic": o.result.statistic if o.result else None,
               "p_value": o.result.pvalue if o.result else None, "group_a": a, "group_b": b}
        for suffix, g in (("a", a), ("b", b)):
            row[f"n_{suffix}"] = o.groups[g]["n"]
        for key in ("median", "q1", "q3", "events", "proportion"):
            for suffix, g in (("a", a), ("b", b)):
                row[f"{key}_{suffix}"] = o.groups[g].get(key)
        row["warnings"] = "; ".join(o.warnings)
        rows.append({k: plain(row[k]) for k in WIDE_COLUMNS})
    return rows


def comparison_json(cmp, *, input_counts: dict, meta: dict) -> dict:
    outcomes = [{"outcome": o.outcome, "kind": o.kind, "test": o.test,
                 "statistic": plain(o.result.statistic) if o.result else None,
                 "p_value": plain(o.result.pvalue) if o.result else None,
                 "method": o.result.method if o.result else None,
                 "groups": {g: {k: plain(v) for k, v in s.items()} for g, s in o.groups.items()},
                 "warnings": list(o.warnings)} for o in cmp.outcomes]
    return {"groups": list(cmp.groups), "outcomes": outcomes, "input": input_counts, "meta": meta}


def write_rows(rows: list[dict], columns: list[str], fmt: str, out: IO[str]) -> None:
    """Write ``rows`` (dicts of plain values) in a machine format."""
    if fmt == "json":
        json.dump(rows, out, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row) + "\n")
    elif fmt in ("csv", "tsv"):
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(row[c]) for c in columns] for row in rows])
    elif fmt == "markdown":
        out.write("| " + " | ".join(columns) + " |\n")
        out.write("|" + "|".join("---" for _ in columns) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(_cell(row[c]).replace("|", "\\|") for c in columns) + " |\n")
    else:  # pragma: no cover - the CLI only passes known formats
        raise ValueError(fmt)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def fmt_number(x: float | None) -> str:
    return "" if x is None else f"{x:.6g}"


def fmt_p(p: float | None) -> str:
    if p is None:
        return "—"
    return "<0.001" if p < 0.001 else f"{p:.3g}"


def comparison_table(cmp):
    """A Rich table for the terminal (never parsed)."""
    from rich.table import Table

    from rich import box

    a, b = cmp.groups
    table = Table(title=f"{a} vs {b}", title_justify="left", box=box.SIMPLE_HEAD,
                  caption="continuous: median [IQR] (n); binary: events/n (%)", caption_justify="left")
    for header in ("outcome", a, b, "test", "statistic", "P"):
        table.add_column(header, justify="left" if header in ("outcome", "test") else "right", no_wrap=True)
    for o in cmp.outcomes:
        cells = [_summary(o.kind, o.groups[g]) for g in (a, b)]
        stat = fmt_number(o.result.statistic) if o.result and o.result.statistic is not None else ""
        table.add_row(o.outcome, *cells, o.test, stat, fmt_p(o.result.pvalue if o.result else None))
    return table


def _summary(kind: str, s: dict) -> str:
    if kind == "continuous":
        if not s["n"]:
            return "(0)"
        return f"{s['median']:.4g} [{s['q1']:.4g}–{s['q3']:.4g}] ({s['n']})"
    if not s["n"]:
        return "0/0"
    return f"{s['events']}/{s['n']} ({100 * s['proportion']:.1f}%)"


def rows_table(rows: list[dict], columns: list[str], title: str | None = None):
    from rich.table import Table

    from rich import box

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for c in columns:
        table.add_column(c, no_wrap=True, min_width=len(c))
    for row in rows:
        value = [row[c] for c in columns]
        table.add_row(*(fmt_number(v) if isinstance(v, float) else _cell(v) for v in value))
    return table
