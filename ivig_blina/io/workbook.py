"""Excel workbooks (.xlsx, .xlsm): the first sheet, or one named, as tab-separated text for the
reader, so that a workbook goes through the same checks as a CSV file (a sheet's row N is line
N in messages). Cells stored as Excel dates are dates (ISO 8601); numbers keep their value
(a whole number without ``.0``, so that an ID such as 12345 stays ``12345``). Needs openpyxl,
an optional extra (``pip install 'ivig-blina[excel]'``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from ivig_blina.errors import IvigBlinaError


def workbook_text(data: bytes, name: str, sheet: str | None = None) -> bytes:
    """The sheet's rows as UTF-8 tab-separated text (a header line, then one line per row)."""
    try:
        import openpyxl
    except ImportError:
        raise IvigBlinaError(
            "reading an Excel workbook needs openpyxl: pip install 'ivig-blina[excel]' (or save the sheet as CSV)",
            path=name,
        ) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise IvigBlinaError(f"is not a readable Excel workbook ({type(e).__name__}: {e})", path=name) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise IvigBlinaError(
                f"has no sheet '{sheet}' (sheets: {', '.join(book.sheetnames)}); give --sheet", path=name
            )
        rows = (book[sheet] if sheet is not None else book.worksheets[0]).iter_rows(values_only=True)
        out = io.StringIO()
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        for row in rows:
            writer.writerow([_cell(value) for value in row])
    finally:
        book.close()
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
