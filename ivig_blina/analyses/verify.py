"""Checking a published result: recompute a paper's binary results from the counts (or
percentages) and P values it prints, and say which tests reproduce each P at the precision
printed. A median or any other continuous result cannot be recomputed without the data."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ivig_blina import __version__
from ivig_blina.analyses.results import SCHEMA_VERSION, plain
from ivig_blina.errors import IvigBlinaError, OptionError
from ivig_blina.stats.published import PrintedP, chi_square_uncorrected, fisher_mid_p, percent_counts, printed_p

if TYPE_CHECKING:
    import pandas as pd

TESTS = ("fisher", "fisher-mid-p", "chi-square", "chi-square-uncorrected", "barnard", "boschloo")
UNCONDITIONAL_LIMIT = 40_401  # tables (n1 + 1)(n2 + 1) up to which Barnard's and Boschloo's tests run (200 a side)
TABLE_COLUMNS = ("outcome", "events_1", "n_1", "events_2", "n_2", "p")
NOT_RECOMPUTABLE = (
    "a median, mean or any other continuous result cannot be recomputed from what a paper prints: it "
    "needs the data (verify checks binary results: --binary, --percent, --table)"
)
_GROUP = re.compile(r"^\s*([0-9.]+)\s*(%?)\s*/\s*([0-9]+)\s*$")


@dataclass(frozen=True)
class TestCheck:
    """One test's P on a table, and whether it rounds to the printed P (None: no P printed, or
    no test)."""

    __test__ = False  # not a pytest test class

    test: str
    p_value: float | None
    matches: bool | None


@dataclass(frozen=True)
class Recomputed:
    """One published binary result and one table consistent with what it prints (a printed
    percentage may allow several, or none: then the counts and tests are empty)."""

    outcome: str
    printed_1: str
    printed_2: str
    events_1: int | None
    n_1: int
    events_2: int | None
    n_2: int
    tables_consistent: int
    p_printed: str | None
    p_low: float | None
    p_high: float | None
    tests: tuple[TestCheck, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def reproduced_by(self) -> tuple[str, ...]:
        """The tests whose P rounds to the printed one."""
        return tuple(t.test for t in self.tests if t.matches)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("tests", "warnings")
        }
        out["tests"] = [{"test": t.test, "p_value": plain(t.p_value), "matches": t.matches} for t in self.tests]
        out["reproduced_by"] = list(self.reproduced_by)
        out["warnings"] = list(self.warnings)
        return out


@dataclass(frozen=True)
class PercentCheck:
    """The event counts out of ``n`` whose percentage rounds to the printed ``percent`` (GRIM)."""

    percent: str
    n: int
    events: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"percent": self.percent, "n": self.n, "events": list(self.events), "consistent": bool(self.events)}


@dataclass(frozen=True)
class Verification:
    """The checks of what a paper prints: ``kind`` ``binary`` (``rows`` of :class:`Recomputed`)
    or ``percent`` (``rows`` of :class:`PercentCheck`)."""

    kind: str
    rows: tuple[Any, ...]
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document: ``kind``, ``results`` (one object per row and consistent table)
        and ``meta``."""
        return {"kind": self.kind, "results": [r.to_dict() for r in self.rows], "meta": self.meta}

    def columns(self) -> list[str]:
        if self.kind == "percent":
            return ["percent", "n", "events", "consistent"]
        names = [f.name for f in fields(Recomputed) if f.name not in ("tests", "warnings")]
        return names + [f"{t}_{key}" for t in TESTS for key in ("p_value", "matches")] + ["reproduced_by", "warnings"]

    def table_rows(self) -> list[dict[str, Any]]:
        """Flat rows for CSV, TSV, JSONL and Markdown: each test's P and match as two columns;
        lists joined by a space (events, tests) or ``; `` (warnings)."""
        out = []
        for r in self.rows:
            flat = r.to_dict()
            if self.kind == "percent":
                flat["events"] = " ".join(map(str, flat["events"]))
            else:
                for t in flat.pop("tests"):
                    flat[f"{t['test']}_p_value"], flat[f"{t['test']}_matches"] = t["p_value"], t["matches"]
                flat["reproduced_by"] = " ".join(flat["reproduced_by"])
                flat["warnings"] = "; ".join(flat["warnings"])
            out.append({c: flat.get(c) for c in self.columns()})
        return out

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.table_rows(), columns=self.columns())


def verify(
    binary: str | None = None,
    p: str | None = None,
    *,
    percent: str | None = None,
    n: int | None = None,
    table: str | None = None,
) -> Verification:
    """Recompute published binary results and say which tests reproduce their P values.

    Parameters
    ----------
    binary : str, optional
        One result as the paper prints it, first group then second: ``"14/17,4/6"`` (events/n)
        or ``"82.4%/17,66.7%/6"`` (percent/n, every consistent table listed).
    p : str, optional
        The printed P (``"0.58"``, ``"P=1"``, ``"<0.001"``): each test's P is matched against it.
    percent, n : optional
        A printed percentage of ``n`` patients alone: the event counts consistent with it (GRIM).
    table : str, optional
        A CSV file of many results, columns ``outcome,events_1,n_1,events_2,n_2,p`` (events may
        be percentages such as ``82.4%``; ``p`` may be empty).

    Returns
    -------
    Verification
        ``rows``, ``to_dict()`` (the JSON document) and ``to_frame()``.

    Examples
    --------
    >>> from ivig_blina.analyses.verify import verify
    >>> row = verify("82.4%/17,66.7%/6", "0.58").rows[0]
    >>> row.events_1, row.events_2, row.reproduced_by[0]
    (14, 4, 'fisher')
    """
    if p is not None and binary is None:
        raise OptionError("p", "is the printed P of a binary result: give binary too")
    if sum(x is not None for x in (binary, percent, table)) != 1:
        raise OptionError("binary", "give one of binary (with p), percent (with n) or table")
    if (percent is None) != (n is None):
        raise OptionError("n" if n is None else "percent", "a printed percentage is checked against its n: give both")
    meta: dict[str, Any] = {"version": __version__, "schema_version": SCHEMA_VERSION}
    if percent is not None:
        meta["options"] = {"percent": percent, "n": n}
        return Verification("percent", (PercentCheck(percent, n, tuple(percent_counts(percent, n))),), meta)  # type: ignore[arg-type]
    if binary is not None:
        first, second = _split(binary)
        meta["options"] = {"binary": binary, "p": p}
        rows = recompute(binary, first, second, None if p is None else printed_p(p))
        return Verification("binary", tuple(rows), meta)
    meta["input"] = table
    meta["options"] = {"table": table}
    return Verification("binary", tuple(row for entry in read_table(table) for row in recompute(*entry)), meta)  # type: ignore[arg-type]


def _split(binary: str) -> tuple[str, str]:
    parts = binary.split(",")
    if len(parts) != 2:
        raise OptionError(
            "binary", f"expected two groups as EVENTS/N,EVENTS/N or PERCENT%/N,PERCENT%/N; got {binary!r}"
        )
    return parts[0].strip(), parts[1].strip()


def group_counts(text: str) -> tuple[list[int], int]:
    """``14/17`` -> ([14], 17); ``82.4%/17`` -> (every count whose percentage rounds to 82.4, 17)."""
    found = _GROUP.match(text)
    if not found:
        raise OptionError("binary", f"expected a group as EVENTS/N (14/17) or PERCENT%/N (82.4%/17); got {text!r}")
    number, is_percent, size = found.groups()
    n = int(size)
    if n < 1:
        raise OptionError("binary", f"expected at least 1 patient in {text!r}")
    if is_percent:
        return percent_counts(number, n), n
    if not number.isdigit() or int(number) > n:
        raise OptionError("binary", f"expected a whole number of events from 0 to n in {text!r}")
    return [int(number)], n


def recompute(outcome: str, first: str, second: str, p: PrintedP | None) -> list[Recomputed]:
    """One published result: a :class:`Recomputed` per table consistent with it (one with no
    counts, and a warning, when a printed percentage allows none)."""
    (counts_1, n_1), (counts_2, n_2) = group_counts(first), group_counts(second)
    tables = list(itertools.product(counts_1, counts_2))
    text, low, high = (None, None, None) if p is None else (p.text, float(p.low), float(p.high))
    if not tables:
        wrong = [given for given, counts in ((first, counts_1), (second, counts_2)) if not counts]
        warning = (
            f"{' and '.join(wrong)}: no whole number of patients gives that percentage at the precision printed "
            "(GRIM); a misprint, or another denominator"
        )
        return [Recomputed(outcome, first, second, None, n_1, None, n_2, 0, text, low, high, warnings=(warning,))]
    out = []
    for x1, x2 in tables:
        tests, warnings = _tests((x1, n_1), (x2, n_2), p)
        out.append(Recomputed(outcome, first, second, x1, n_1, x2, n_2, len(tables), text, low, high, tests, warnings))
    return out


def _tests(a: tuple[int, int], b: tuple[int, int], p: PrintedP | None) -> tuple[tuple[TestCheck, ...], tuple[str, ...]]:
    """Every test's P on the table, as ``compare`` computes them (the built-in statistics) with
    Fisher's mid-P and the uncorrected chi-square beside them."""
    from ivig_blina.stats.binary import Barnard, Boschloo, ChiSquare, Fisher

    values: dict[str, float | None] = {
        "fisher": Fisher().run(a, b).pvalue,
        "fisher-mid-p": fisher_mid_p(a, b),
        "chi-square": ChiSquare().run(a, b).pvalue,
    }
    uncorrected = chi_square_uncorrected(a, b)
    values["chi-square-uncorrected"] = None if uncorrected is None else uncorrected[1]
    warnings: list[str] = []
    if values["chi-square"] is None:
        warnings.append("a row or column of the table is empty: no chi-square test (R gives NaN)")
    if (a[1] + 1) * (b[1] + 1) <= UNCONDITIONAL_LIMIT:
        values["barnard"] = Barnard().run(a, b).pvalue
        values["boschloo"] = Boschloo().run(a, b).pvalue
    else:
        values["barnard"] = values["boschloo"] = None
        warnings.append("Barnard's and Boschloo's tests are run up to 200 patients a group (they take seconds each)")
    checks = tuple(
        TestCheck(test, value, None if p is None or value is None else p.allows(value))
        for test, value in values.items()
    )
    return checks, tuple(warnings)


def read_table(path: str) -> list[tuple[str, str, str, PrintedP | None]]:
    """The rows of a CSV of published results (``outcome,events_1,n_1,events_2,n_2,p``), as
    (outcome, first group, second group, printed P); a bad cell is an error naming its line and
    column."""
    import csv

    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            lines = list(csv.reader(f))
    except OSError as e:
        raise IvigBlinaError(f"cannot read the table: {e.strerror}", path=path) from None
    except UnicodeDecodeError:
        raise IvigBlinaError("not UTF-8 text: save the table as UTF-8 CSV", path=path) from None
    if not lines:
        raise IvigBlinaError(f"empty; expected a header {','.join(TABLE_COLUMNS)}", path=path)
    header = [h.strip().lower() for h in lines[0]]
    if sorted(header) != sorted(TABLE_COLUMNS):
        raise IvigBlinaError(
            f"expected the columns {','.join(TABLE_COLUMNS)} (any order), got {','.join(lines[0])}", path=path, line=1
        )
    out = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise IvigBlinaError(f"{len(cells)} cells where the header has {len(header)}", path=path, line=number)
        row = {h: c.strip() for h, c in zip(header, cells)}
        groups = []
        for side in ("1", "2"):
            size = row[f"n_{side}"]
            if not size.isdigit() or int(size) < 1:
                raise IvigBlinaError(
                    f"'{size}' is not a number of patients", path=path, line=number, column=f"n_{side}"
                )
            groups.append(f"{row[f'events_{side}']}/{size}")
            try:
                group_counts(groups[-1])
            except OptionError as e:
                raise IvigBlinaError(e.expected, path=path, line=number, column=f"events_{side}") from None
        try:
            printed = printed_p(row["p"]) if row["p"] else None
        except OptionError as e:
            raise IvigBlinaError(e.expected, path=path, line=number, column="p") from None
        out.append((row["outcome"], groups[0], groups[1], printed))
    return out
