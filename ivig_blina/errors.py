"""The one exception a user can cause."""

from __future__ import annotations


class IvigBlinaError(Exception):
    """Bad input: its text is one line naming the file, line and column.

    Reads ``cohort.csv:14: column 'igg_mg_dl': 'abc' is not a number``.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: str | None = None):
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
        return where + col + self.message


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
