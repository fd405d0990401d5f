"""Turn results into rows and write them: csv, tsv, json, jsonl, markdown, or a Rich table.

Machine formats carry full precision (Python's shortest round-trip float text); only the
terminal table rounds.
"""

from __future__ import annotations

import math
from typing import IO, Any

RESULT_COLUMNS = ["outcome", "kind", "test", "method", "statistic", "p_value", "p_adjusted", "alternative",
                  "confidence_level", "estimate", "estimand", "ci_low", "ci_high", "risk_difference",
                  "risk_difference_ci_low", "risk_difference_ci_high"]
GROUP_KEYS = ["n", "median", "q1", "q3", "events", "proportion"]


def plain(value: Any) -> Any:
    """A JSON-ready Python value: None for NaN and missing values, "Inf"/"-Inf" for
    infinities (as R writes them), int/float/bool/str otherwise."""
    if value is None:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "Inf" if value > 0 else "-Inf"
    import pandas as pd

    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _result_fields(o, cmp) -> dict:
    """The columns every format shares for one outcome."""
    r = o.result
    ci = r.ci if r and r.ci else (None, None)
    fields = {"outcome": o.outcome, "kind": o.kind, "test": o.test, "method": r.method if r else None,
              "statistic": r.statistic if r else None, "p_value": r.pvalue if r else None,
              "p_adjusted": o.p_adjusted, "alternative": cmp.options.get("alternative"),
              "confidence_level": cmp.options.get("confidence_level"), "estimate": r.estimate if r else None,
              "estimand": r.estimand if r else None, "ci_low": ci[0], "ci_high": ci[1]}
    rd = o.risk_difference or (None, None, None)
    fields.update(risk_difference=rd[0], risk_difference_ci_low=rd[1], risk_difference_ci_high=rd[2])
    return fields


def wide_columns(cmp) -> list[str]:
    """The wide columns: result fields, then each per-group summary key as KEY_a and KEY_b
    (the usual ones first, then those of time-to-event and rate outcomes as they appear)."""
    keys = list(GROUP_KEYS)
    for o in cmp.outcomes:
        keys += [k for k in o.groups[cmp.groups[0]] if k not in keys]
    return (RESULT_COLUMNS + ["group_a", "group_b"] + [f"{k}_{side}" for k in keys for side in ("a", "b")]
            + ["warnings"])


def comparison_rows(cmp) -> list[dict]:
    """One wide row per outcome; the column names do not depend on the cohort names."""
    a, b = cmp.groups
    columns = wide_columns(cmp)
    rows = []
    for o in cmp.outcomes:
        row = {**_result_fields(o, cmp), "group_a": a, "group_b": b, "warnings": "; ".join(o.warnings)}
        for side, g in (("a", a), ("b", b)):
            row.update({f"{k}_{side}": v for k, v in o.groups[g].items()})
        rows.append({k: plain(row.get(k)) for k in columns})
    return rows


def comparison_json(cmp, *, input_counts: dict, meta: dict) -> dict:
    outcomes = []
    for o in cmp.outcomes:
        fields = {k: plain(v) for k, v in _result_fields(o, cmp).items()}
        if o.kind != "binary":
            for key in ("risk_difference", "risk_difference_ci_low", "risk_difference_ci_high"):
                del fields[key]
        fields["groups"] = {g: {k: plain(v) for k, v in s.items()} for g, s in o.groups.items()}
        fields["warnings"] = list(o.warnings)
        outcomes.append(fields)
    return {"groups": list(cmp.groups), "outcomes": outcomes, "input": input_counts, "meta": meta}


def write_rows(rows: list[dict], columns: list[str], fmt: str, out: IO[str]) -> None:
    """Write ``rows`` (dicts of plain values) in a machine format."""
    import csv
    import json

    if fmt == "json":
        json.dump(rows, out, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row) + "\n")
    elif fmt in ("csv", "tsv"):
        from ivig_blina.io.writing import neutralise

        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow([neutralise(c) for c in columns])  # a column may be named by an event label
        writer.writerows([[neutralise(row[c]) if isinstance(row[c], str) else _cell(row[c]) for c in columns]
                          for row in rows])
    elif fmt == "markdown":
        out.write("| " + " | ".join(map(_markdown_cell, columns)) + " |\n")
        out.write("|" + "|".join("---" for _ in columns) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(_markdown_cell(_cell(row[c])) for c in columns) + " |\n")
    else:  # pragma: no cover - the CLI only passes known formats
        raise ValueError(fmt)


def _markdown_cell(text: str) -> str:
    """A Markdown table cell: control characters shown as escapes, ``|`` escaped."""
    return _printable(text).replace("|", "\\|")


def frame_text(frame, fmt: str) -> str:
    """A DataFrame as CSV or TSV text (see :func:`frame_chunks`)."""
    return "".join(frame_chunks(frame, fmt))


def frame_chunks(frame, fmt: str, rows: int = 50_000):
    """A DataFrame as CSV or TSV, byte for byte what ``write_rows`` writes (true/false, empty for
    missing, Inf/-Inf, Python's float text, formula-safe text, minimal quoting), built column by
    column with Arrow compute so that a million-row per-patient table takes well under a second.
    Yields the header, then the text of ``rows`` rows at a time; two slices are formatted at
    once in threads (Arrow releases the GIL), so memory stays bounded and both cores work."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    import pyarrow as pa
    import pyarrow.compute as pc

    from ivig_blina.io.writing import neutralise

    delimiter = "," if fmt == "csv" else "\t"

    def text(start: int) -> str:
        cells = [_column_text(column, delimiter) for _, column in frame.iloc[start:start + rows].items()]
        joined = pc.binary_join_element_wise(*cells, delimiter) if len(cells) > 1 else cells[0]
        return pc.binary_join(pa.ListArray.from_arrays(pa.array([0, len(joined)], pa.int32()), joined), "\n")[0].as_py() + "\n"

    header = pa.array([neutralise(str(name)) for name in frame.columns])  # a column may be named by an event label
    yield delimiter.join(_quote(header, delimiter).to_pylist()) + "\n"
    with ThreadPoolExecutor(2) as pool:
        pending = deque()
        for start in range(0, len(frame), rows):
            pending.append(pool.submit(text, start))
            if len(pending) == 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _column_text(column, delimiter: str):
    """One column's cells as an Arrow string array without nulls (only text needs quoting)."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    from ivig_blina.io.writing import FORMULA_STARTS, NUMBER_WORDS

    missing = column.isna().to_numpy()
    if pd.api.types.is_bool_dtype(column):
        codes = np.where(missing, 2, column.fillna(False).to_numpy(bool).astype(np.int8))
        return pc.take(pa.array(["false", "true", ""]), pa.array(codes))
    if pd.api.types.is_float_dtype(column):
        return _float_text(column.to_numpy(float), missing)
    if pd.api.types.is_integer_dtype(column):
        return pc.fill_null(pc.cast(pa.array(column.to_numpy(), mask=missing), pa.string()), "")
    text = pc.fill_null(pa.array(column.astype("str"), pa.string()), "")
    starts = "".join("\\" + c if c in "-]\\^" else c for c in FORMULA_STARTS)
    risky = pc.and_not(pc.match_substring_regex(text, f"^[{starts}]"), pc.is_in(text, pa.array(NUMBER_WORDS)))
    if pc.any(risky).as_py():
        text = pc.if_else(risky, pc.binary_join_element_wise("'", text, ""), text)
    return _quote(text, delimiter)


def _float_text(numbers, missing):
    """Python's ``str`` of each float (``repr``: shortest round trip), empty where missing."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    finite = numbers[~missing]
    whole_numbers = (np.abs(finite) < 1e15) & (finite == np.round(finite)) & ~np.signbit(finite)
    if whole_numbers.all():  # 338.0
        whole = pc.cast(pa.array(numbers, mask=missing).cast(pa.int64(), safe=False), pa.string())
        return pc.fill_null(pc.binary_join_element_wise(whole, ".0", ""), "")
    text = pc.cast(pa.array(numbers, mask=missing), pa.string())
    if pc.any(pc.match_substring(text, "e")).as_py():
        text = pc.replace_substring_regex(text, r"e([+-])(\d)$", r"e\10\2")  # Python pads the exponent: e-07
    with np.errstate(invalid="ignore"):
        integral = (numbers == np.round(numbers)) & (np.abs(numbers) < 1e15)  # Arrow writes 338, Python 338.0
    text = pc.if_else(pa.array(integral), pc.binary_join_element_wise(text, ".0", ""), text)
    magnitude = np.abs(numbers)
    odd = ((magnitude >= 1e15) & (magnitude < 1e16)) | ((magnitude >= 1e-5) & (magnitude < 1e-4))
    special = np.isinf(numbers) | odd  # Arrow and Python choose exponents differently there
    if special.any():
        text = text.to_numpy(zero_copy_only=False).astype(object)
        text[special] = [_cell(plain(x)) for x in numbers[special]]
        text = pa.array(text, pa.string())
    return pc.fill_null(text, "")


def _quote(text, delimiter: str):
    """CSV quoting as Python's csv module (QUOTE_MINIMAL): a cell with the delimiter, a quote or a
    line break is quoted, its quotes doubled."""
    import pyarrow.compute as pc

    needs = pc.match_substring_regex(text, "[" + ("\t" if delimiter == "\t" else ",") + '"\r\n]')
    if not pc.any(needs).as_py():
        return text
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")
    return pc.if_else(needs, quoted, text)


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
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    a, b = cmp.groups
    adjusted = cmp.options.get("adjust", "none") != "none"
    level = cmp.options.get("confidence_level", 0.95)
    alternative = cmp.options.get("alternative", "two-sided")
    shown_a, shown_b = escape(a), escape(b)  # cohort labels are the user's text, not Rich markup
    caption = (f"continuous: median [IQR] (n); binary: events/n (%); rate: episodes per 100 patient-days. "
               f"Estimates are {shown_a} minus (or over) {shown_b}, with {100 * level:g}% CI; "
               f"{alternative} P values.")
    table = Table(title=f"{shown_a} vs {shown_b}", title_justify="left", box=box.SIMPLE_HEAD, caption=caption,
                  caption_justify="left")
    headers = (["outcome", shown_a, shown_b, "test", "estimate [CI]", "risk difference [CI]", "P"]
               + (["P adj."] if adjusted else []))
    for header in headers:
        table.add_column(header, justify="left" if header in ("outcome", "test") else "right", no_wrap=True)
    for o in cmp.outcomes:
        r = o.result
        cells = [o.outcome, *(_summary(o.kind, o.groups[g]) for g in (a, b)), o.test,
                 _with_ci(r.estimate, r.ci) if r else "", _with_ci(*_split(o.risk_difference)),
                 fmt_p(r.pvalue if r else None)]
        table.add_row(*cells, *([fmt_p(o.p_adjusted)] if adjusted else []))
    return table


def _split(rd):
    return (None, None) if rd is None else (rd[0], rd[1:])


def _short(x: float) -> str:
    """Three significant digits, without exponents for everyday magnitudes."""
    return f"{x:,.0f}" if 1000 <= abs(x) < 1e9 else f"{x:.3g}"


def _with_ci(estimate, ci) -> str:
    if estimate is None:
        return ""
    text = _short(estimate)
    return text if ci is None else f"{text} [{_short(ci[0])}, {_short(ci[1])}]"


def _summary(kind: str, s: dict) -> str:
    if kind == "time-to-event":
        if "median" not in s:  # competing risks: cumulative incidence
            return f"{s['events']}/{s['n']} infected, {s['competing_events']} competing"
        median = "not reached" if s["median"] is None else f"median {s['median']:.4g}"
        return f"{s['events']}/{s['n']} infected, {median}"
    if kind == "rate":
        rate = s["rate_per_100_patient_days"]
        return f"{s['episodes']} in {s['patient_days']:.0f} d" + ("" if rate is None else f" ({rate:.3g}/100 d)")
    if kind == "continuous":
        if not s["n"]:
            return "(0)"
        return f"{s['median']:.4g} [{s['q1']:.4g}–{s['q3']:.4g}] ({s['n']})"
    if not s["n"]:
        return "0/0"
    return f"{s['events']}/{s['n']} ({100 * s['proportion']:.1f}%)"


def rows_table(rows: list[dict], columns: list[str], title: str | None = None, caption: str | None = None) -> str:
    """Rows as an aligned plain-text table: the header, a rule, one line per row, no wrapping
    (wide tables scroll, as with ``less -S``). Plain text, not Rich, so that a listing costs no
    start-up and a cell such as ``[/x]`` is never read as markup."""
    header = [_printable(c) for c in columns]
    body = [[_printable(fmt_number(v) if isinstance(v, float) else _cell(v)) for v in (row[c] for c in columns)]
            for row in rows]
    widths = [max(map(_width, column)) for column in zip(header, *body)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths)).rstrip() + "\n"

    rule = "─" * (sum(widths) + 2 * (len(widths) - 1)) + "\n"
    return "".join([f"{title}\n" if title else "", line(header), rule, *map(line, body),
                    f"{caption}\n" if caption else ""])


def _printable(text: str) -> str:
    """``text`` with control characters (a tab, a line break, an escape sequence) shown as
    escapes, so that a cell cannot break the table's lines or drive the terminal."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _width(text: str) -> int:
    """Terminal columns of ``text``: East Asian wide characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
