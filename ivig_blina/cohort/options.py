"""Checks of the options that shape a cohort, shared by :func:`ivig_blina.load` and the CLI
(one implementation of each rule). Light on imports: the CLI runs them while parsing."""

from __future__ import annotations

import datetime as dt
import math
import re

from ivig_blina.errors import OptionError

ENGINES = ("pandas", "dask")


def check_one_of(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise OptionError(name, f"expected one of {', '.join(allowed)}, got {value!r}")
    return value


def check_days(name: str, value: float | None) -> float | None:
    """A number of days: finite and not negative (Typer's min=0 lets NaN through)."""
    if value is not None and not 0 <= value < math.inf:
        raise OptionError(name, f"expected a number of days >= 0, got {value}")
    return value


def check_count(name: str, value: int) -> int:
    """A limit that counts something: a whole number, 1 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise OptionError(name, f"expected a whole number of 1 or more, got {value!r}")
    return value


def check_grade(name: str, value: int | None) -> int | None:
    """A CTCAE grade: a whole number from 1 to 5 (None stays None)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5):
        raise OptionError(name, f"expected a CTCAE grade, a whole number from 1 to 5, got {value!r}")
    return value


def check_seconds(name: str, value: float) -> float:
    """A time limit in seconds: finite and above 0."""
    if not 0 < value < math.inf:
        raise OptionError(name, f"expected a number of seconds > 0, got {value}")
    return value


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)


def parse_size(name: str, value: int | str | None) -> int | None:
    """A memory size in bytes: a number of bytes, or with a unit ``K``, ``M``, ``G`` or ``T``
    (powers of 1024, as ``free -h`` shows them; ``GB`` and ``GiB`` read the same). None stays None."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    else:
        match = _SIZE.fullmatch(str(value))
        if not match:
            raise OptionError(name, f"expected a size such as 4G, 512M or a number of bytes, got '{value}'")
        size = int(float(match.group(1)) * 1024 ** " KMGT".index(match.group(2).upper() or " "))
    if size < 1:
        raise OptionError(name, f"expected a size above 0, got '{value}'")
    return size


def check_date(value: dt.date | str | None) -> dt.date | None:
    """``today``: a date, or text as YYYY-MM-DD."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise OptionError("today", f"expected a date as YYYY-MM-DD, got '{value}'") from None


def parse_map(name: str, pairs) -> tuple[tuple[str, str], ...]:
    """``FROM=TO`` texts (or a mapping, or (FROM, TO) pairs) as (FROM, TO) pairs; FROM is later
    matched without regard to case or surrounding spaces."""
    if not pairs:
        return ()
    items = pairs.items() if isinstance(pairs, dict) else pairs
    out = []
    for item in items:
        if isinstance(item, str):
            source, sep, target = item.partition("=")
        else:
            source, target = item
            sep = "="
        if not sep or not source.strip() or not target.strip():
            raise OptionError(name, f"expected FROM=TO (e.g. ICU=infection_icu), got '{item}'")
        out.append((source.strip(), target.strip()))
    return tuple(out)
