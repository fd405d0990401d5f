"""Writing results safely: atomic files, and cells that a spreadsheet will not run."""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable
from contextlib import contextmanager, suppress

from ivig_blina.errors import IvigBlinaError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_WORDS = ("-Inf", "Inf")  # infinities as written by render.plain: numbers, never altered
# Signals whose default action ends the process: a temporary file must not outlive them. Each is
# taken only while still at that default (Python's SIGINT handler raises KeyboardInterrupt
# already, and Python ignores SIGPIPE and SIGXFSZ).
TERMINATING_SIGNALS = (
    "SIGHUP",
    "SIGINT",
    "SIGQUIT",
    "SIGTERM",
    "SIGUSR1",
    "SIGUSR2",
    "SIGALRM",
    "SIGVTALRM",
    "SIGPROF",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGPIPE",
    "SIGIO",
    "SIGPWR",
)


def neutralise(cell: str) -> str:
    """Prefix a text cell that a spreadsheet would read as a formula with ``'`` (OWASP's rule
    for CSV injection)."""
    if cell.startswith(FORMULA_STARTS) and cell not in NUMBER_WORDS:
        return "'" + cell
    return cell


def render_text(rendered) -> str:
    """Plain text of a string or a Rich renderable (as wide as it needs, no colour)."""
    if isinstance(rendered, str):
        return rendered
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=natural_width(rendered), no_color=True, color_system=None).print(rendered)
    return buffer.getvalue()


def natural_width(renderable) -> int:
    """The width a Rich renderable takes when nothing squeezes it."""
    import io

    from rich.console import Console

    probe = Console(file=io.StringIO(), width=10_000)
    return probe.measure(renderable).maximum


def write_atomically(path: str, text: str | Iterable[str], sources: Iterable[str] = ()) -> None:
    """Write ``text`` (or its pieces, one after another) to ``path`` atomically (see
    :func:`save_atomically`)."""

    def write(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as f:
            f.writelines([text] if isinstance(text, str) else text)

    save_atomically(path, write, sources)


def save_atomically(path: str, save, sources: Iterable[str] = ()) -> None:
    """Let ``save(temporary_path)`` write a file beside ``path``, then rename it into place, so
    an interrupted run never leaves half a file; a file replaced keeps its permissions. Refuses
    to overwrite any of ``sources``, the files the result was read from (every partition of a
    directory or glob). A pipe or a character device (``/dev/null``) is written through, never
    replaced."""
    refuse_an_input(path, [sources] if isinstance(sources, str) else sources)
    existing = _stat(path)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _save_through(path, save, existing)
        return
    directory = os.path.dirname(os.path.abspath(path))
    suffix = os.path.splitext(path)[1]
    with _signals_unwind():
        try:
            fd, temporary = tempfile.mkstemp(prefix=".ivigblina-", suffix=suffix, dir=directory)
        except OSError as e:
            raise IvigBlinaError(f"cannot write here: {e.strerror}", path=path) from None
        os.close(fd)
        try:
            save(temporary)
            # mkstemp's 0600 would hide a new result from the user's group; a file replaced keeps its mode
            os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask())
            os.replace(temporary, path)
        except BaseException as e:  # Ctrl-C and the signals of _signals_unwind too
            with suppress(FileNotFoundError):  # already renamed into place
                os.unlink(temporary)
            if isinstance(e, OSError):  # a full disk, say
                raise IvigBlinaError(f"cannot write here: {e.strerror or e}", path=path) from None
            raise


class _Terminated(BaseException):
    """A terminating signal arrived while a temporary file existed."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals_unwind():
    """While the block runs, a terminating signal (SIGTERM, SIGHUP, ...) unwinds it as Ctrl-C
    does, so that its clean-up runs; then the process dies of that signal, as it would have.
    Only signals still at their default action are taken (nohup's ignored SIGHUP stays ignored),
    and only in the main thread, the one Python runs handlers in; the handlers before are put
    back after."""
    taken = {}

    def unwind(signum, frame):
        for other in taken:  # a second signal must not cut the clean-up short
            signal.signal(other, signal.SIG_IGN)
        raise _Terminated(signum)

    if threading.current_thread() is threading.main_thread():
        for name in TERMINATING_SIGNALS:
            signum = getattr(signal, name, None)
            if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
                taken[signum] = signal.signal(signum, unwind)
    try:
        yield
    except _Terminated as e:
        _put_back(taken)
        signal.raise_signal(e.signum)  # the default action: the process ends here
        raise
    finally:
        _put_back(taken)


def _put_back(handlers: dict) -> None:
    for signum, handler in handlers.items():
        signal.signal(signum, handler)


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise IvigBlinaError(f"cannot write here: {e.strerror}", path=path) from None


def _umask() -> int:
    umask = os.umask(0)  # the only way to read it is to set it
    os.umask(umask)
    return umask


def _save_through(path: str, save, existing: os.stat_result) -> None:
    """Write straight into a pipe or a character device: replacing it with a regular file would
    break whoever reads it (a FIFO) or the system (``/dev/null``)."""
    if stat.S_ISDIR(existing.st_mode):
        raise IvigBlinaError("is a directory; give a file name", path=path)
    if not (stat.S_ISFIFO(existing.st_mode) or stat.S_ISCHR(existing.st_mode)):
        raise IvigBlinaError(
            "is neither a regular file, a pipe nor a character device (a disk or a socket, say); give a file name",
            path=path,
        )
    try:
        save(path)
    except OSError as e:
        raise IvigBlinaError(f"cannot write here: {e.strerror or e}", path=path) from None


def refuse_an_input(path: str, sources: Iterable[str]) -> None:
    """Refuse ``path`` if it is one of the input files ``sources`` (``-`` is standard input)."""
    if not os.path.exists(path):
        return
    for source in sources:
        if source != "-" and os.path.exists(source) and os.path.samefile(path, source):
            raise IvigBlinaError("refusing to overwrite the input file; choose another --output", path=path)
