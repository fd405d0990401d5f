"""Standard output that fails as one line: a full disk, a file size limit, a closed descriptor or a
reader that went away never end in a traceback."""

from __future__ import annotations

import errno
import os
import sys
from contextlib import contextmanager
from typing import NoReturn

ONLY_WRITES_FAIL_SO = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)  # a full disk, ulimit -f, a quota


def terminal_text(renderable) -> str:
    """A Rich renderable as printed on this terminal (as wide as it needs)."""
    from rich.console import Console

    from ivig_blina.io.writing import natural_width

    console = Console(width=max(Console().width, natural_width(renderable)))
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def write_whole(stdout, text: str) -> None:
    """Write ``text`` to ``stdout`` as bytes, again after a short write: with PYTHONUNBUFFERED the
    text layer writes straight to the file and silently drops what a short write left (at a
    ``ulimit -f`` limit, say); written again, it fails as it should."""
    data = memoryview(text.encode(stdout.encoding, stdout.errors or "strict"))
    stdout.flush()
    while data:
        data = data[stdout.buffer.write(data) :]


@contextmanager
def standard_output():
    """Standard output, flushed at the end. One that takes no more (a full disk, ``ulimit -f``, a
    closed descriptor) is one line on stderr and exit 1; a reader that went away (``| head``)
    ends the run quietly with 141, as a command killed by SIGPIPE (128 + 13)."""
    if sys.stdout is None:  # started with descriptor 1 closed
        print("ivigblina: error: standard output is closed; redirect it or give --output FILE", file=sys.stderr)
        sys.exit(1)
    try:
        yield sys.stdout
        sys.stdout.flush()
    except OSError as e:
        failed(e)


def failed(e: OSError) -> NoReturn:
    """End the run for an error writing stdout (see :func:`standard_output`)."""
    _discard_standard_output()
    if isinstance(e, BrokenPipeError):
        sys.exit(141)
    print(f"ivigblina: error: cannot write to standard output: {e.strerror or e}", file=sys.stderr)
    sys.exit(1)


def _discard_standard_output() -> None:
    """Point descriptor 1 at /dev/null: Python flushes stdout again at exit, and the text still
    in its buffer would fail (and be reported) once more."""
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (a test runner's buffer)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)
