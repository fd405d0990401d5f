"""The one exception a user can cause, and the rule for showing text from a file in a message."""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` with every character that is not printable (a tab, a line break, ESC and the
    rest of a terminal's control sequences, bidirectional and other invisible format
    characters) shown as its escape (``\\t``, ``\\x1b``, ``\\u202e``), so that text from a file
    can neither break a line nor drive the terminal it is printed on. Idempotent. Wherever
    text from the file reaches a terminal (messages, the input summary, warnings, tables) it
    goes through here; machine formats keep the text as it is."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def listed(names, limit: int = 20) -> str:
    """Names for a message, at most ``limit`` of them and how many more: ``a, b, c`` or ``a, b,
    ... and 9,980 more``, so that a file of 10,000 cohorts or columns makes a line, not a page."""
    names = [str(n) for n in names]
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f" and {len(names) - limit:,} more"


class IvigBlinaError(Exception):
    """Bad input: its text is one line naming the file, line and column.

    Reads ``cohort.csv:14: column 'igg_mg_dl': 'abc' is not a number``. Text from the file in
    it is shown with control characters escaped (:func:`printable`); ``message`` and ``path``
    keep it as it was.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None, column: str | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(message)

    def __reduce__(self):  # keep file, line and column when raised in another process (--engine dask)
        return _rebuild, (self.message, self.path, self.line, self.column)

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        col = f"column '{self.column}': " if self.column is not None else ""
        return printable(where + col + self.message)


def _rebuild(message, path, line, column) -> IvigBlinaError:
    return IvigBlinaError(message, path=path, line=line, column=column)


class OptionError(ValueError):
    """An option's value is not allowed: a usage error (the CLI exits 2). Its text names the
    parameter, ``confidence_level: expected a level between 0 and 1 (e.g. 0.95), got 95``;
    ``expected`` is the part after the name, which the CLI shows under the option's flag."""

    def __init__(self, parameter: str, expected: str):
        self.parameter = parameter
        self.expected = expected
        super().__init__(f"{parameter}: {expected}")
