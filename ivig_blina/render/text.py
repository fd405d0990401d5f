"""Turn results into rows and write them: csv, tsv, json, jsonl, markdown, or a Rich table.

Machine formats carry full precision (Python's shortest round-trip float text); only the
terminal table rounds.
"""

from __future__ import annotations

from typing import IO, Any

from ivig_blina.analyses.results import (
    BinarySummary,
    CompetingRiskSummary,
    ContinuousSummary,
    RateSummary,
    TimeToEventSummary,
    format_p,
    plain,
)
from ivig_blina.errors import printable

__all__ = [
    "comparison_table",
    "frame_chunks",
    "frame_text",
    "plain",
    "rows_table",
    "table1_table",
    "write_comparison",
    "write_rows",
]


def write_comparison(cmp, fmt: str, out: IO[str], terms: bool = False) -> None:
    """Write a comparison in a machine format: JSON is :meth:`Comparison.to_dict`; the others
    one wide row per outcome (:meth:`Comparison.rows`), or with ``terms`` one row per model
    term (:meth:`Comparison.model_rows`)."""
    if fmt == "json":
        import json

        json.dump(cmp.to_dict(), out, indent=2)
        out.write("\n")
        return
    if terms:
        write_rows([{k: plain(v) for k, v in row.items()} for row in cmp.model_rows()], cmp.MODEL_COLUMNS, fmt, out)
        return
    write_rows([{k: plain(v) for k, v in row.items()} for row in cmp.rows()], cmp.wide_columns(), fmt, out)


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
        writer.writerows(
            [[neutralise(row[c]) if isinstance(row[c], str) else _cell(row[c]) for c in columns] for row in rows]
        )
    elif fmt == "markdown":
        out.write("| " + " | ".join(map(_markdown_cell, columns)) + " |\n")
        out.write("|" + "|".join("---" for _ in columns) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(_markdown_cell(_cell(row[c])) for c in columns) + " |\n")
    else:  # pragma: no cover - the CLI only passes known formats
        raise ValueError(fmt)


def _markdown_cell(text: str) -> str:
    """A Markdown table cell: control characters shown as escapes, ``|`` escaped."""
    return printable(text).replace("|", "\\|")


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
    from concurrent.futures import Future, ThreadPoolExecutor

    import pyarrow as pa
    import pyarrow.compute as pc

    from ivig_blina.io.writing import neutralise

    delimiter = "," if fmt == "csv" else "\t"

    def text(start: int) -> str:
        cells = [_column_text(column, delimiter) for _, column in frame.iloc[start : start + rows].items()]
        joined = pc.binary_join_element_wise(*cells, delimiter) if len(cells) > 1 else cells[0]
        return (
            pc.binary_join(pa.ListArray.from_arrays(pa.array([0, len(joined)], pa.int32()), joined), "\n")[0].as_py()
            + "\n"
        )

    header = pa.array([neutralise(str(name)) for name in frame.columns])  # a column may be named by an event label
    yield delimiter.join(_quote(header, delimiter).to_pylist()) + "\n"
    with ThreadPoolExecutor(2) as pool:
        pending: deque[Future[str]] = deque()
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

    missing = column.isna().to_numpy()
    if pd.api.types.is_bool_dtype(column):
        codes = np.where(missing, 2, column.fillna(False).to_numpy(bool).astype(np.int8))
        return pc.take(pa.array(["false", "true", ""]), pa.array(codes))
    if pd.api.types.is_float_dtype(column):
        return _float_text(column.to_numpy(float), missing)
    if pd.api.types.is_integer_dtype(column):
        return pc.fill_null(pc.cast(pa.array(column.to_numpy(), mask=missing), pa.string()), "")
    text = pa.array(column.astype("str"), pa.string())
    if isinstance(text, pa.ChunkedArray):  # a column of Arrow strings in several chunks (pd.concat's)
        text = text.combine_chunks()
    text = pc.fill_null(text, "")
    head = text.slice(0, SAMPLE)
    if 2 * pc.count_distinct(head).as_py() < len(head):  # not mostly distinct, as patient IDs are
        encoded = pc.dictionary_encode(text)
        if 4 * len(encoded.dictionary) < len(text):  # few distinct strings (cohorts, labels): each made safe once
            return pc.take(_safe_text(encoded.dictionary, delimiter), encoded.indices)
    return _safe_text(text, delimiter)


def _safe_text(text, delimiter: str):
    """Text cells as written: a formula's first character neutralised, then quoted as needed."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from ivig_blina.io.writing import FORMULA_STARTS, NUMBER_WORDS

    starts = "".join("\\" + c if c in "-]\\^" else c for c in FORMULA_STARTS)
    risky = pc.and_not(pc.match_substring_regex(text, f"^[{starts}]"), pc.is_in(text, pa.array(NUMBER_WORDS)))
    if pc.any(risky).as_py():
        text = pc.if_else(risky, pc.binary_join_element_wise("'", text, ""), text)
    return _quote(text, delimiter)


def _float_text(numbers, missing):
    """Python's ``str`` of each float (``repr``: shortest round trip), empty where missing.
    Where a slice holds few distinct values (days, IgG values, most columns), each is
    formatted once: they are told apart by their bits, so -0.0 stays apart from 0.0. Whether
    they repeat is judged from the slice's first rows (the text is the same either way)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    bits = np.ascontiguousarray(numbers, dtype=np.float64).view(np.int64)
    head = bits[:SAMPLE]
    if 2 * len(np.unique(head)) >= len(head):  # mostly distinct (ratios, areas): formatted each
        return _each_float_text(numbers, missing)
    encoded = pc.dictionary_encode(pa.array(bits, mask=missing))
    distinct = encoded.dictionary.to_numpy().view(np.float64)
    if 4 * len(distinct) >= len(numbers):
        return _each_float_text(numbers, missing)
    return pc.fill_null(pc.take(_each_float_text(distinct, np.zeros(len(distinct), dtype=bool)), encoded.indices), "")


SAMPLE = 4096  # rows of a slice that tell whether its values repeat


def _each_float_text(numbers, missing):
    """:func:`_float_text`, value by value: Arrow's shortest text where it is Python's, Python's
    own where Arrow writes otherwise (an exponent from 1e10 on, none below 1e-4, no ``.0``)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    with np.errstate(invalid="ignore"):
        integral = (numbers == np.round(numbers)) & (np.abs(numbers) < 1e15)  # Arrow writes 338, Python 338.0
    if integral[~missing].all() and not (np.signbit(numbers) & (numbers == 0)).any():  # 338.0, -2.0; not -0.0
        whole = pc.cast(pa.array(numbers, mask=missing).cast(pa.int64(), safe=False), pa.string())
        return pc.fill_null(pc.binary_join_element_wise(whole, ".0", ""), "")
    magnitude = np.abs(numbers)
    with np.errstate(invalid="ignore"):
        python = ~missing & (numbers != 0) & ~((magnitude >= 1e-4) & (magnitude < 1e10))  # and the infinities
    text = pc.cast(pa.array(numbers, mask=missing), pa.string())
    whole = pa.array(integral & ~python & ~missing)  # 338 -> 338.0, -0 -> -0.0
    if pc.any(whole).as_py():
        text = pc.replace_with_mask(text, whole, pc.binary_join_element_wise(pc.filter(text, whole), ".0", ""))
    if python.any():
        text = text.to_numpy(zero_copy_only=False).astype(object)
        text[python] = [_cell(plain(x)) for x in numbers[python]]
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


def comparison_table(cmp, width: int | None = None):
    """A Rich table for the terminal (never parsed): one row per outcome, or, where that would
    run wider than ``width`` columns, one block of lines per outcome; with pairwise
    comparisons, a second table of the pairs."""
    from rich.console import Group

    two = len(cmp.groups) == 2
    adjusted = cmp.options.get("adjust", "none") != "none"
    level = cmp.options.get("confidence_level", 0.95)
    alternative = cmp.options.get("alternative", "two-sided")
    shown_groups = [_shown(g) for g in cmp.groups]
    units = cmp.cohort.igg_units if cmp.cohort is not None else "mg/dL"
    effects = (
        f"Estimates are {shown_groups[0]} minus (or over) {shown_groups[1]}"
        if two
        else "Omnibus tests across the groups; pairs' estimates are the first minus (or over) the second"
    )
    caption = (
        f"continuous: median [IQR] (n), IgG in {units}; binary: events/n (%); rate: episodes per 100 "
        f"patient-days. {effects}, with {100 * level:g}% CI; {alternative} P values."
    )
    mde = any(o.mde is not None for o in cmp.outcomes)
    if mde:
        from ivig_blina.render.power import MDE_CAPTION, mde_text

        mde_options = cmp.meta.get("options", {}).get("mde", {})
        caption += MDE_CAPTION.format(power=mde_options.get("power", 0.8), alpha=mde_options.get("alpha", 1 - level))
    headers = ["outcome", *shown_groups, "test", *(["estimate (CI)", "risk difference (CI)"] if two else []), "P"]
    headers += ["P adj."] if adjusted else []
    headers += ["MDE"] if mde else []
    rows = []
    for o in cmp.outcomes:
        r, rd = o.result, o.risk_difference
        rows.append(
            [
                _shown(o.outcome),
                *(_summary(o.groups[g]) for g in cmp.groups),
                _shown(o.test),
                *([_with_ci(r.estimate, r.ci) if r else "", _with_ci(rd.estimate, rd.ci) if rd else ""] if two else []),
                format_p(r.pvalue if r else None),
                *([format_p(o.p_adjusted)] if adjusted else []),
                *(["; ".join(mde_text(m) for m in o.mde or ())] if mde else []),
            ]
        )
    title = " vs ".join(shown_groups)
    tables = [_wide_or_narrow(title, caption, headers, rows, width)]
    if cmp.options.get("pairwise"):
        tables.append(_pairs_table(cmp))
    if cmp.models:
        tables.append(_models_table(cmp))
    return tables[0] if len(tables) == 1 else Group(*tables)


def _models_table(cmp):
    """The models' terms: ratio with CI and P, patients and events in the fit."""
    from rich import box
    from rich.table import Table

    level = cmp.options.get("confidence_level", 0.95)
    table = Table(
        title="models (hazard, odds or rate ratios)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        caption=f"Wald {100 * level:g}% CI; n patients and events in each fit.",
        caption_justify="left",
    )
    for header in ("model", "term", "ratio (CI)", "P", "n", "events"):
        table.add_column(header, justify="left" if header in ("model", "term") else "right", no_wrap=True)
    for m in cmp.models:
        for i, t in enumerate(m.terms):
            table.add_row(
                _shown(m.model) if i == 0 else "",
                _shown(t.term),
                _with_ci(t.estimate, None if t.ci_low is None else (t.ci_low, t.ci_high)),
                format_p(t.p_value),
                f"{m.n:,}" if i == 0 else "",
                f"{m.events:,}" if i == 0 else "",
            )
    return table


def _pairs_table(cmp):
    """Each pair of groups per outcome: the two-group test's estimate, P and adjusted P."""
    from rich import box
    from rich.table import Table

    pairs = Table(
        title=f"pairs ({_shown(cmp.options['pairwise_adjust'])}-adjusted across each outcome's pairs)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    pair_headers = ["outcome", "pair", "test", "estimate (CI)", "P", "P adj."]
    for header in pair_headers:
        pairs.add_column(header, justify="left" if header in ("outcome", "pair", "test") else "right", no_wrap=True)
    for o in cmp.outcomes:
        for p in o.pairwise:
            r = p.result
            pairs.add_row(
                _shown(o.outcome),
                f"{_shown(p.a)} vs {_shown(p.b)}",
                _shown(p.test),
                _with_ci(r.estimate, r.ci) if r else "",
                format_p(r.pvalue if r else None),
                format_p(p.p_adjusted),
            )
    return pairs


def _shown(text: str) -> str:
    """The file's text as written: neither Rich markup nor terminal control."""
    from rich.markup import escape

    return escape(printable(text))


def _wide_or_narrow(title: str, caption: str, headers: list[str], rows: list[list[str]], width: int | None):
    """One row per line, or one block of lines per row where that would run wider than
    ``width`` columns."""
    from rich import box
    from rich.table import Table

    from ivig_blina.io.writing import natural_width

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, caption=caption, caption_justify="left")
    for header in headers:
        table.add_column(header, justify="left" if header in ("outcome", "test") else "right", no_wrap=True)
    for cells in rows:
        table.add_row(*cells)
    if width is None or natural_width(table) <= width:
        return table
    narrow = Table(
        title=title, title_justify="left", box=box.SIMPLE, show_header=False, caption=caption, caption_justify="left"
    )
    narrow.add_column("field", no_wrap=True)
    narrow.add_column("value", overflow="fold")
    for cells in rows:
        narrow.add_row(cells[0], "", end_section=False)
        for header, cell in zip(headers[1:], cells[1:]):
            if cell:
                narrow.add_row(f"  {header}", cell)
        narrow.add_section()
    return narrow


def _short(x: float) -> str:
    """Three significant digits, without exponents for everyday magnitudes."""
    return f"{x:,.0f}" if 1000 <= abs(x) < 1e9 else f"{x:.3g}"


def _with_ci(estimate, ci) -> str:
    """``2.24 (0.14 to 28.3)``: no comma between the ends, where it could be a thousands separator."""
    if estimate is None:
        return ""
    text = _short(estimate)
    return text if ci is None else f"{text} ({_short(ci[0])} to {_short(ci[1])})"


def _summary(s) -> str:
    """One group's summary of an outcome, short."""
    if isinstance(s, CompetingRiskSummary):
        return f"{s.events}/{s.n} infected, {s.competing_events} competing"
    if isinstance(s, TimeToEventSummary):
        median = "not reached" if s.median is None else f"median {s.median:.4g}"
        return f"{s.events}/{s.n} infected, {median}"
    if isinstance(s, RateSummary):
        rate = s.rate_per_100_patient_days
        return f"{s.episodes} in {s.patient_days:.0f} d" + ("" if rate is None else f" ({rate:.3g}/100 d)")
    if isinstance(s, ContinuousSummary):
        if not s.n:
            return "(0)"
        return f"{s.median:.4g} [{s.q1:.4g}–{s.q3:.4g}] ({s.n})"
    if isinstance(s, BinarySummary):
        if not s.n:
            return "0/0"
        return f"{s.events}/{s.n} ({100 * s.proportion:.1f}%)"  # type: ignore[operator]
    raise TypeError(f"no terminal form for {type(s).__name__}")


def rows_table(rows: list[dict], columns: list[str], title: str | None = None, caption: str | None = None) -> str:
    """Rows as an aligned plain-text table: the header, a rule, one line per row, no wrapping
    (wide tables scroll, as with ``less -S``). Plain text, not Rich, so that a listing costs no
    start-up and a cell such as ``[/x]`` is never read as markup."""
    header = [printable(c) for c in columns]
    body = [
        [printable(fmt_number(v) if isinstance(v, float) else _cell(v)) for v in (row[c] for c in columns)]
        for row in rows
    ]
    widths = [max(map(_width, column)) for column in zip(header, *body)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths)).rstrip() + "\n"

    rule = "─" * (sum(widths) + 2 * (len(widths) - 1)) + "\n"
    return "".join(
        [f"{title}\n" if title else "", line(header), rule, *map(line, body), f"{caption}\n" if caption else ""]
    )


def _width(text: str) -> int:
    """Terminal columns of ``text``: East Asian wide characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table1_table(t, mean: bool = False):
    """Table 1 for the terminal (never parsed): per group and overall, continuous covariates as
    median [Q1–Q3] (and mean (SD) with ``mean``), categorical ones as n (%) per level, the
    missing counts, the test's P and the SMD."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    groups = [*t.groups, "overall"]
    table = Table(
        title="Table 1",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        caption_justify="left",
        caption="continuous: median [Q1–Q3]" + ("; mean (SD)" if mean else "") + "; categorical: n (% of "
        "patients with a value); P: "
        + ", ".join(sorted({v.test for v in t.variables if v.test}))
        + "; SMD: standardized mean difference (tableone's; the mean of the pairs for k groups).",
    )
    table.add_column("", no_wrap=True)
    for g in groups:
        table.add_column(f"{escape(g)} (n = {t.n[g]})", justify="right", no_wrap=True)
    table.add_column("P", justify="right")
    table.add_column("SMD", justify="right")
    for v in t.variables:
        p, smd = format_p(v.result.pvalue if v.result else None), "" if v.smd is None else f"{v.smd:.2f}"
        if v.kind == "continuous":
            table.add_row(escape(v.variable), *(_quartiles_text(v.summaries[g]) for g in groups), p, smd)
            if mean:
                table.add_row("  mean (SD)", *(_mean_text(v.summaries[g]) for g in groups), "", "")
        else:
            table.add_row(escape(v.variable), *("" for _ in groups), p, smd)
            for level in v.levels:
                table.add_row(f"  {escape(level.level)}", *(_count_text(*level.groups[g]) for g in groups), "", "")
        if any(v.missing.values()):
            table.add_row("  missing", *(str(v.missing[g]) for g in groups), "", "")
    return table


def _quartiles_text(s) -> str:
    return "—" if not s.n else f"{s.median:.4g} [{s.q1:.4g}–{s.q3:.4g}]"


def _mean_text(s) -> str:
    if not s.n:
        return "—"
    return f"{s.mean:.4g}" + ("" if s.sd is None else f" ({s.sd:.3g})")


def _count_text(n: int, percent: float | None) -> str:
    return f"{n}" + ("" if percent is None else f" ({percent:.1f}%)")
