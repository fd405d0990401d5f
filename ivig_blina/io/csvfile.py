"""Bytes to a table of strings: encoding, delimiter, header, ragged rows, field sizes.

The file is read once with pyarrow's multi-threaded CSV reader, and only the columns the
caller asks for are kept. A second, single-threaded read happens only on the error path,
to name the line of a malformed row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import stat
import sys
import threading
import zlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ivig_blina.errors import IvigBlinaError
from ivig_blina.io import memory
from ivig_blina.io.encode import code_type, dictionary_encode

BOM = b"\xef\xbb\xbf"
BLOCK = 16 << 20  # bytes per parsed block: big blocks mean small dictionaries to merge afterwards


@dataclass(frozen=True)
class Dialect:
    """How the file is written: ``encoding``, ``delimiter`` (None: detected from the header
    among comma, semicolon and tab), ``decimal`` mark of numbers; and what is accepted:
    ``max_field`` characters, ``max_columns`` in the header, ``max_memory`` bytes that reading
    may take (None: half the memory available, see :mod:`~ivig_blina.io.memory`),
    ``max_outcomes`` distinct outcome labels."""

    encoding: str = "utf-8"
    delimiter: str | None = None
    decimal: str = "."
    max_field: int = 10_000
    max_columns: int = 10_000
    sheet: str | None = None  # of an Excel workbook (default: the first)
    max_memory: int | None = None
    max_outcomes: int = 100


@dataclass
class RawTable:
    """The wanted columns as stripped strings (Categoricals); ``lines[i]`` is the file line of
    row ``i``."""

    path: str
    sha256: str
    header: list[str]
    data: pd.DataFrame
    lines: np.ndarray
    blank_rows: int


def read_table(
    source: str,
    wanted: Callable[[list[str]], list[str]],
    dialect: Dialect = Dialect(),
    many_values: Callable[[], Collection[str]] = tuple,
) -> RawTable:
    """Read ``source`` (a path, or ``-`` for standard input). ``wanted`` gets the header's
    column names (stripped, lower case) and returns the names to keep; ``many_values``, called
    after it, names those of them that hold many distinct values (patient IDs)."""
    name = "<stdin>" if source == "-" else source
    budget = memory.budget(dialect.max_memory)
    lower = name.lower()
    data = _read_bytes(source, name, budget, _kind(lower))
    digest = _sha256_beside(data)
    if lower.endswith(".parquet"):
        return _read_parquet(data, name, digest(), wanted, dialect, budget)
    if lower.endswith((".xlsx", ".xlsm")):
        from ivig_blina.io.workbook import workbook_text

        data = workbook_text(data, name, dialect.sheet)
        dialect = replace(dialect, encoding="utf-8", delimiter="\t")
    if lower.endswith(".gz"):
        data = _inflate(data, name, budget)
    if lower.endswith((".tsv", ".tsv.gz")) and dialect.delimiter is None:
        dialect = replace(dialect, delimiter="\t")
    data = _to_utf8(data, name, dialect.encoding)
    if _blank(data):
        raise IvigBlinaError("file is empty; expected a header line and data rows", path=name)
    end = data.find(b"\n")
    header_text = _decode_line(data[: end if end >= 0 else len(data)], name, 1).rstrip("\r")
    delimiter = dialect.delimiter or _sniff(header_text)
    if dialect.decimal == delimiter:
        raise IvigBlinaError(
            f"the decimal mark '{dialect.decimal}' is also the delimiter; give --delimiter", path=name, line=1
        )
    try:
        header = [h.strip().lower() for h in next(csv.reader([header_text.strip("\r")], delimiter=delimiter))]
    except csv.Error as e:
        raise IvigBlinaError(f"the header line cannot be read as CSV ({e})", path=name, line=1) from None
    keep = _choose(header, wanted, name, dialect.max_columns)
    if end < 0 or _blank(data, end + 1):
        raise IvigBlinaError("header only, no data rows", path=name, line=1)
    body = memoryview(data)[end + 1 :]  # no copy of a large file
    quoted = data.find(b'"', end + 1) >= 0  # without quotes no value holds a line break: faster parse
    table, skipped = _parse(body, header, keep, delimiter, name, quoted, plain=set(many_values()) & set(keep))
    lines = _line_numbers(table.num_rows, skipped)
    if quoted and data.count(b"\n", end + 1) + (not data.endswith(b"\n")) != table.num_rows + len(skipped):
        lines, skipped = _record_lines(body, len(header), delimiter, lines, skipped)  # values span lines
    columns = {h: table.column(h) for h in keep}
    del table, body, data  # the file's bytes are parsed: free them before the next copies
    frame = _strings(columns, lines, dialect.max_field, name)
    memory.release()
    return RawTable(name, digest(), header, frame, lines, blank_rows=len(skipped))


def _sha256_beside(data: bytes) -> Callable[[], str]:
    """The SHA-256 of ``data``, computed in a thread while the file is parsed (hashlib lets go
    of the GIL; 0.1-0.2 s for 126 MB): call the result for the hex digest."""
    digest: list[str] = []
    thread = threading.Thread(target=lambda: digest.append(hashlib.sha256(data).hexdigest()), daemon=True)
    thread.start()

    def result() -> str:
        thread.join()
        return digest[0]

    return result


def _blank(data: bytes, start: int = 0) -> bool:
    """Nothing but white space from ``start`` on (without copying the data)."""
    return re.compile(rb"\S").search(data, start) is None


def _choose(header: list[str], wanted, name: str, max_columns: int) -> list[str]:
    if len(header) > max_columns:
        raise IvigBlinaError(
            f"the header has {len(header)} columns, more than the limit of {max_columns} (--max-columns)",
            path=name,
            line=1,
        )
    seen = set()
    for h in header:
        if h in seen:
            raise IvigBlinaError(f"column '{h}' appears twice in the header", path=name, line=1)
        seen.add(h)
    try:
        return wanted(header)
    except IvigBlinaError as e:
        e.path = e.path or name
        raise


def _inflate(data: bytes, name: str, budget: int) -> bytes:
    """A gzip file's text (every member), inflated a piece at a time and refused as soon as
    reading the text so far would take more than ``budget``: a 42 MB file can inflate to 20 GiB."""
    pieces: list[bytes] = []
    total = lines = 0
    stream, rest = zlib.decompressobj(16 + zlib.MAX_WBITS), data
    try:
        while True:
            piece = stream.decompress(rest, 1 << 24)
            pieces.append(piece)
            total, lines = total + len(piece), lines + piece.count(b"\n")
            if memory.csv_need(total, lines) > budget:
                del pieces
                memory.check_fits(
                    memory.csv_need(total, lines),
                    budget,
                    name,
                    f"inflated to {memory.size_text(total)} of text so far ({lines:,} lines)",
                    at_least=True,
                )
            rest = stream.unconsumed_tail
            if rest:
                continue
            if not stream.eof:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            rest = stream.unused_data.lstrip(b"\0")  # another member follows (zero padding is allowed)
            if not rest:
                return b"".join(pieces)
            stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
    except (EOFError, zlib.error) as e:
        raise IvigBlinaError(f"is not a readable gzip file ({e})", path=name) from None


def _read_parquet(data: bytes, name: str, digest: str, wanted, dialect: Dialect, budget: int) -> RawTable:
    """A Parquet file: the same columns, read as text so that the same validation applies;
    a row's "line" is its 1-based row number."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    def unreadable(e: Exception) -> IvigBlinaError:  # Arrow's text may run over lines: one line of it
        return IvigBlinaError(f"is not a readable Parquet file ({' '.join(str(e).split())})", path=name)

    try:
        parquet = pq.ParquetFile(pa.BufferReader(data))
    except (pa.ArrowException, OSError) as e:
        raise unreadable(e) from None
    names = parquet.schema_arrow.names
    header = [str(h).strip().lower() for h in names]
    keep = _choose(header, wanted, name, dialect.max_columns)
    rows = parquet.metadata.num_rows  # 200M rows of repeated values fit a 2.5 MB file
    memory.check_fits(
        rows * len(keep) * memory.PARQUET_BYTES_PER_CELL, budget, name, f"{rows:,} rows of {len(keep)} columns"
    )
    try:  # a damaged file (a flipped bit) fails here, in any of a hundred ways
        table = parquet.read(columns=[names[header.index(h)] for h in keep]).rename_columns(keep)  # only these
    except (pa.ArrowException, OSError) as e:
        raise unreadable(e) from None
    if table.num_rows == 0:
        raise IvigBlinaError("no data rows", path=name)
    lines = np.arange(1, table.num_rows + 1, dtype=np.int32 if table.num_rows < 2**31 else np.int64)
    columns = {}
    for h in keep:  # as text, one column at a time: its dictionary is all that stays
        columns[h] = pc.dictionary_encode(_parquet_text(table.column(h), h, name).fill_null(""))
    del table, parquet, data
    frame = _strings(columns, lines, dialect.max_field, name)
    memory.release()
    return RawTable(name, digest, header, frame, lines, blank_rows=0)


def _parquet_text(column, h: str, name: str):
    """A Parquet column as Arrow strings, read as the same text in a CSV file would be: a float
    NaN is a missing value (pandas writes a missing number so), a time-zone-aware timestamp is
    its date and time as written in its zone (as an ISO string with an offset in a CSV file), a
    duration is a number of days, binary is UTF-8 text. A column of lists, structs or maps has no
    single value per cell and is refused, naming it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
    if kind != column.type:
        column = column.cast(kind)
    if pa.types.is_nested(kind):
        raise IvigBlinaError(
            f"holds {kind} values, not one value per cell; give this column as text, numbers or dates",
            path=name,
            column=h,
        )
    if pa.types.is_floating(kind):
        column = pc.if_else(pc.is_nan(column), pa.scalar(None, kind), column)
    elif pa.types.is_timestamp(kind) and kind.tz is not None:
        column = pc.local_timestamp(column)  # the wall time in its zone, as written there
    elif pa.types.is_duration(kind):
        per_day = {"s": 86400.0, "ms": 8.64e7, "us": 8.64e10, "ns": 8.64e13}[kind.unit]
        column = pc.divide(column.cast(pa.int64()).cast(pa.float64()), per_day)
    bytes_like = (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
        or pa.types.is_fixed_size_binary(kind)
    )
    try:
        text = column.cast(pa.string())
        if bytes_like:  # Parquet's reader takes a text column's bytes on trust (a flipped bit)
            text.validate(full=True)
    except pa.ArrowNotImplementedError:
        raise IvigBlinaError(
            f"holds {kind} values, which cannot be read as text, numbers or dates", path=name, column=h
        ) from None
    except pa.ArrowInvalid:  # bytes that are not UTF-8
        _refuse_non_utf8(column, h, name)
        raise
    return text


def _refuse_non_utf8(column, h: str, name: str) -> None:
    """Name the first value of a Parquet text or binary column that is not UTF-8 (its row is its
    line); on the error path only."""
    import pyarrow as pa

    try:
        column = column.cast(pa.large_binary())  # text is not decoded on the way
    except pa.ArrowException:
        pass
    row = 0
    for chunk in column.chunks:
        for value in chunk.to_pylist():
            row += 1
            try:
                if value is not None:
                    bytes(value).decode("utf-8")
            except UnicodeDecodeError as e:
                raise IvigBlinaError(
                    f"byte 0x{value[e.start]:02x} is not UTF-8 text; a Parquet text column holds UTF-8",
                    path=name,
                    line=row,
                    column=h,
                ) from None


def _kind(name: str) -> str:
    """How a file's size says what reading it takes: ``text`` (CSV or TSV), ``packed`` (gzip or
    Parquet: its bytes, then what they hold is measured) or ``workbook`` (Excel)."""
    if name.endswith((".xlsx", ".xlsm")):
        return "workbook"
    return "packed" if name.endswith((".gz", ".parquet")) else "text"


def _read_bytes(source: str, name: str, budget: int, kind: str = "text") -> bytes:
    """The bytes of ``source``, if reading them fits ``budget`` (a regular file is measured
    before it is read; standard input, a pipe or a device as it arrives), else refused (see
    :func:`~ivig_blina.io.memory.check_fits`)."""
    if source == "-":
        if sys.stdin is None:  # started with descriptor 0 closed
            raise IvigBlinaError("standard input is closed; give a file name, or redirect it", path=name)
        try:
            return _read_bounded(sys.stdin.buffer, name, budget)
        except OSError as e:
            raise IvigBlinaError(f"cannot read standard input: {e.strerror or e}", path=name) from None
    try:
        with open(source, "rb") as f:
            info = os.fstat(f.fileno())
            if stat.S_ISREG(info.st_mode):
                _check_size(f.fileno(), info.st_size, name, budget, kind)
                return f.read()
            return _read_bounded(f, name, budget)  # a pipe or a device: as it arrives
    except FileNotFoundError:
        raise IvigBlinaError("no such file", path=name) from None
    except IsADirectoryError:
        raise IvigBlinaError("is a directory, not a CSV file", path=name) from None
    except PermissionError:
        raise IvigBlinaError("permission denied", path=name) from None


def _check_size(fd: int, size: int, name: str, budget: int, kind: str) -> None:
    """Refuse a regular file whose reading would take more than ``budget``, from its size: CSV
    text by its bytes and lines (counted in its first MiB, the rest estimated from them)."""
    if kind != "text":
        factor = memory.WORKBOOK_BYTES_PER_BYTE if kind == "workbook" else 1
        memory.check_fits(size * factor, budget, name, f"{memory.size_text(size)} of data")
        return
    lines = memory.lines_in(size, os.pread(fd, memory.HEAD, 0))
    about = "" if size <= memory.HEAD else "about "
    memory.check_fits(
        memory.csv_need(size, lines), budget, name, f"{memory.size_text(size)} of CSV text in {about}{lines:,} lines"
    )


def _read_bounded(stream, name: str, budget: int) -> bytes:
    """Read ``stream`` to its end a block at a time, refused as soon as reading the text so far
    would take more than ``budget``."""
    pieces: list[bytes] = []
    total = lines = 0
    while True:
        piece = stream.read(1 << 24)
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        total, lines = total + len(piece), lines + piece.count(b"\n")
        if memory.csv_need(total, lines) > budget:
            del pieces
            memory.check_fits(
                memory.csv_need(total, lines),
                budget,
                name,
                f"{memory.size_text(total)} of data so far ({lines:,} lines)",
                at_least=True,
            )


def _to_utf8(data: bytes, name: str, encoding: str) -> bytes:
    if data.startswith(b"PK\x03\x04"):
        raise IvigBlinaError(
            "is a zip archive (an Excel .xlsx file is one), not a CSV file; name it .xlsx if it "
            "is a workbook, or save it as CSV (UTF-8)",
            path=name,
        )
    utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig")
    if utf8:
        data = data[3:] if data.startswith(BOM) else data
        _check_no_nul(data, name, "; give a CSV file, or its --encoding if it is UTF-16")
        _check_utf8(data, name)
        return data
    try:
        converted = data.decode(encoding).lstrip("\ufeff").encode("utf-8")
        _check_no_nul(converted, name, "")
        return converted
    except LookupError:
        raise IvigBlinaError(f"unknown encoding '{encoding}' given by --encoding") from None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise IvigBlinaError(f"byte 0x{data[e.start]:02x} is not {encoding} text", path=name, line=line) from None


def _check_no_nul(data: bytes, name: str, hint: str) -> None:
    """Refuse a NUL byte anywhere in the file, naming its line (``find`` scans at memory speed)."""
    at = data.find(b"\0")
    if at >= 0:
        raise IvigBlinaError(f"a NUL byte: this is not a text file{hint}", path=name, line=data.count(b"\n", 0, at) + 1)


def _check_utf8(data: bytes, name: str, chunk: int = 1 << 24) -> None:
    """Refuse bytes that are not UTF-8, naming the line. Arrow validates the whole file at once
    (no copy); only on failure is it decoded again, in slices cut at line ends (a newline is
    never inside a multi-byte character), to find the line."""
    import pyarrow as pa

    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)]).cast(pa.large_string())
        return
    except pa.ArrowInvalid:
        pass
    start = 0
    while start < len(data):
        end = data.find(b"\n", start + chunk)
        end = len(data) if end < 0 else end + 1
        try:
            data[start:end].decode("utf-8")
        except UnicodeDecodeError as e:
            at = start + e.start
            raise _not_utf8(data[at], name, data.count(b"\n", 0, at) + 1) from None
        start = end


def _decode_line(raw: bytes, name: str, line: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _not_utf8(raw[e.start], name, line) from None


def _not_utf8(byte: int, name: str, line: int) -> IvigBlinaError:
    return IvigBlinaError(
        f"byte 0x{byte:02x} is not UTF-8 text; give the file's encoding with --encoding "
        "(e.g. --encoding latin-1) or save it as UTF-8",
        path=name,
        line=line,
    )


def _sniff(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _parse(
    body,
    header: list[str],
    keep: list[str],
    delimiter: str,
    name: str,
    quoted: bool = True,
    threads: bool = True,
    plain: Collection[str] = (),
):
    """The ``keep`` columns as Arrow strings, dictionary-encoded as they are parsed, except the
    ``plain`` ones (many distinct values: dictionaries built for every 16 MiB block and merged
    afterwards cost more than encoding the whole column once; see :func:`_strings`)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    invalid = []

    def on_invalid(row) -> str:
        invalid.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(body)),
            read_options=pacsv.ReadOptions(column_names=header, use_threads=threads, block_size=BLOCK),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=quoted, ignore_empty_lines=False, invalid_row_handler=on_invalid
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() if h in plain else pa.dictionary(pa.int32(), pa.string()) for h in keep},
                include_columns=keep,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as e:
        raise IvigBlinaError(f"not a readable CSV file: {e}", path=name) from None
    blank = [row for row in invalid if not row.text.strip(" \t\r" + delimiter)]
    if len(blank) < len(invalid) or any(row.number is None for row in invalid):
        if threads:  # error path, or blank lines to place: read again in order to learn line numbers
            return _parse(body, header, keep, delimiter, name, quoted, threads=False, plain=plain)
        row = next(r for r in invalid if r not in blank)
        raise IvigBlinaError(
            f"expected {row.expected_columns} fields as in the header, found {row.actual_columns}",
            path=name,
            line=row.number + 1,
        )  # pyarrow counts from the first line after the header
    return table, sorted(row.number + 1 for row in blank)


def _record_lines(body, width: int, delimiter: str, lines: np.ndarray, skipped: list[int]):
    """Where each row starts and which lines were skipped as blank, when some quoted value holds
    a line break (one row per line is then wrong): Python's csv module reads the text again, on
    this rare path only. If it splits the rows otherwise than the CSV reader, ``lines`` and
    ``skipped`` stand."""
    reader = csv.reader(io.StringIO(str(body, "utf-8"), newline=""), delimiter=delimiter)
    kept, blank, before = [], [], 0
    try:
        for row in reader:
            start, before = before + 2, reader.line_num  # line 1 is the header
            if row and len(row) != width and not "".join(row).strip(" \t\r"):  # an empty line is a row
                blank.append(start)
            else:
                kept.append(start)
    except csv.Error:
        return lines, skipped
    if len(kept) != len(lines):
        return lines, skipped
    return np.asarray(kept, dtype=lines.dtype), blank


def _line_numbers(rows: int, skipped: list[int]) -> np.ndarray:
    """File line of each kept row: row i is line i + 2 (after the header), shifted past the
    skipped lines (sorted) before it. int32 while the lines fit."""
    dtype = np.int32 if rows + len(skipped) + 2 < 2**31 else np.int64
    lines = np.arange(2, rows + 2, dtype=dtype)
    if not skipped:
        return lines
    # the j-th skipped line falls after the rows numbered below skipped[j] - j
    return lines + np.searchsorted(np.asarray(skipped) - np.arange(len(skipped)), lines, side="right").astype(dtype)


def _strings(columns: dict, lines: np.ndarray, max_field: int, name: str) -> pd.DataFrame:
    """The Arrow ``columns`` (emptied as they are converted, to free their memory), trimmed, as
    pandas Categoricals: lab exports repeat few distinct strings (IDs, days, values, labels), so
    later steps work on each distinct string once. The CSV reader builds the dictionaries while
    it parses; only they are trimmed and measured."""
    from concurrent.futures import ThreadPoolExecutor

    def categorical(h: str) -> pd.Categorical:
        return _categorical(columns.pop(h), lines, max_field, name, h)

    # two at a time (Arrow and numpy let go of the GIL): the IDs' encoding, the longest, beside the rest
    names = list(columns)
    with ThreadPoolExecutor(2) as pool:
        return pd.DataFrame(dict(zip(names, pool.map(categorical, names))), copy=False)


def _categorical(column, lines: np.ndarray, max_field: int, name: str, h: str) -> pd.Categorical:
    """One Arrow column of :func:`_strings` as a trimmed pandas Categorical."""
    import pyarrow as pa
    import pyarrow.compute as pc

    plain = not pa.types.is_dictionary(column.type)
    if not plain:  # a dictionary per block of the file: merged
        chunks = pa.table({h: column}).unify_dictionaries().column(0).chunks
        dictionary = chunks[0].dictionary if chunks else pa.array([], pa.string())
        codes = np.empty(len(column), code_type(len(dictionary)))  # pandas' own: no copy later
        at = 0
        for chunk in chunks:
            codes[at : at + len(chunk)] = chunk.indices.to_numpy()
            at += len(chunk)
        del chunks
    else:  # encoded once, whole: one dictionary, no merging
        if isinstance(column, pa.ChunkedArray):
            column = column.cast(pa.large_string()) if column.nbytes >= 1 << 31 else column
            column = column.combine_chunks()
        codes, dictionary = dictionary_encode(column)
    del column
    trimmed = pc.utf8_trim_whitespace(dictionary)
    lengths = pc.utf8_length(trimmed).to_numpy()
    if (lengths > max_field).any():
        i = int(np.argmax((lengths > max_field)[codes]))
        raise IvigBlinaError(
            f"a field of {lengths[codes[i]]} characters is longer than the limit of {max_field} (--max-field-size)",
            path=name,
            line=int(lines[i]),
            column=h,
        )
    untouched = pc.all(pc.equal(trimmed, dictionary)).as_py() is not False  # then still distinct
    if untouched and plain:  # many strings (IDs): kept in Arrow, not made Python objects (22 ms for 510k)
        categories = pd.Index(pd.array(trimmed, "str"))
        return pd.Categorical.from_codes(codes, dtype=_distinct_dtype(categories), validate=False)
    categories = trimmed.to_numpy(zero_copy_only=False)
    if not untouched:
        merged, categories = pd.factorize(categories)  # " P1" and "P1" are one patient
        if len(categories) < len(trimmed):
            codes = merged[codes]
    return pd.Categorical.from_codes(codes, dtype=_distinct_dtype(pd.Index(categories, dtype=object)), validate=False)


def _distinct_dtype(categories: pd.Index) -> pd.CategoricalDtype:
    """The categorical type of ``categories`` known to be distinct (a dictionary's values):
    pandas would hash them all again to check (0.3 s for 510k patient IDs). Its fast path is
    private, so without it the check is made."""
    return _FAST_DTYPE(categories, False) if _FAST_DTYPE is not None else pd.CategoricalDtype(categories)


_FAST_DTYPE = getattr(pd.CategoricalDtype, "_from_fastpath", None)
