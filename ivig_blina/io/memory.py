"""Memory: the budget a run may take (checked before a file is read), and freed memory given
back to the system between the big steps of a run."""

from __future__ import annotations

import ctypes
import ctypes.util
import os

from ivig_blina.errors import IvigBlinaError

# What reading a file takes beyond the ~150-270 MB of the libraries and allocators, calibrated by
# benchmarks/memory_model.py: the peak memory of `ivigblina nadir` on files of 500k and 2M rows of
# six shapes, the larger's excess over the smaller per line (two runs each, 2026-12-01): 84-103
# bytes on the benchmark's cohort (25 bytes a line), 87-88 on 13-byte lines, 107-134 with a distinct
# string per value (59-byte lines), 396-570 on 225-byte lines of columns nobody reads (Arrow's
# parse holds up to 1.7 bytes a byte of text beside the file's own), 85-86 with dates (43-byte
# lines); Parquet 24-27 bytes a cell. 80 bytes a line and 2.5 a byte of text cover every shape
# (1.1x the wide lines, 1.3-1.7x the cohort), where 6 a byte put a 13-byte line below its cost
# (78 bytes) and a wide one at 2.4-3.4 times it; 30 a Parquet cell, where 54 was twice the cost.
CSV_BYTES_PER_LINE = 80
CSV_BYTES_PER_BYTE = 2.5
PARQUET_BYTES_PER_CELL = 30
WORKBOOK_BYTES_PER_BYTE = 6  # an .xlsx file's bytes (openpyxl's memory; not re-measured)
HEAD = 1 << 20  # bytes of a file's start whose lines tell how long its lines are
UNLIMITED = 1 << 60  # a cgroup's "max", or a limit above any machine's memory


def available(cgroup_root: str = "/sys/fs/cgroup", own: str = "/proc/self/cgroup") -> int:
    """The memory this process may use: its cgroup's limit when there is one (v2 ``memory.max``
    or v1 ``memory.limit_in_bytes``, of its own cgroup or the root), else the physical memory."""
    limits = [os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")]
    groups = ["/"]
    try:
        with open(own, encoding="ascii", errors="replace") as f:
            for line in f:  # "0::/path" (v2) or "4:memory:/path" (v1)
                _, controllers, path = line.rstrip("\n").split(":", 2)
                if controllers in ("", "memory") or "memory" in controllers.split(","):
                    groups.append(path)
    except (OSError, ValueError):
        pass
    for group in groups:
        for name in (
            "memory.max",
            os.path.join("memory", group.lstrip("/"), "memory.limit_in_bytes"),
            os.path.join(group.lstrip("/"), "memory.max"),
        ):
            try:
                with open(os.path.join(cgroup_root, name), encoding="ascii") as f:
                    text = f.read().strip()
            except OSError:
                continue
            if text.isdigit() and int(text) < UNLIMITED:
                limits.append(int(text))
    return min(limits)


def budget(max_memory: int | None) -> int:
    """``max_memory`` bytes, or by default half of :func:`available`."""
    return max_memory if max_memory is not None else available() // 2


def size_text(n: float) -> str:
    """Bytes for people: ``11.5 GiB``, ``512 MiB``."""
    for unit, scale in (("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{int(n)} bytes"


def csv_need(text_bytes: int, lines: int) -> int:
    """The memory that reading ``text_bytes`` bytes of CSV text in ``lines`` lines takes."""
    return int(CSV_BYTES_PER_BYTE * text_bytes + CSV_BYTES_PER_LINE * lines)


def lines_in(size: int, head: bytes) -> int:
    """The lines of a text of ``size`` bytes that starts with ``head``: counted when ``head`` is
    all of it, else estimated from the length of ``head``'s lines."""
    if len(head) >= size:
        return head.count(b"\n") + (bool(head) and not head.endswith(b"\n"))
    return round(size * max(head.count(b"\n"), 1) / len(head))


def check_fits(need: int, limit: int, name: str, what: str, at_least: bool = False) -> None:
    """Refuse, before it is read, a file whose reading would take more than ``limit`` bytes:
    ``what`` says what was measured (``2.1 GiB of CSV text (about 80,000,000 lines)``);
    ``at_least``: ``need`` is a lower bound (reading stopped there)."""
    if need > limit:
        cost = f"{'at least' if at_least else 'about'} {size_text(need)} of memory, more than"
        raise IvigBlinaError(
            f"{what} would take {cost} the memory budget of {size_text(limit)} (--max-memory); "
            "give a file larger than memory in partitions to --engine dask, or raise --max-memory "
            "if the machine has the memory",
            path=name,
        )


def release() -> None:
    """Arrow's allocator and glibc's malloc keep freed pages for reuse. After a step that freed
    hundreds of MB (the parse, the row checks) the next steps reuse little of it, yet the
    process's peak memory counts it: hand it back. ``malloc_trim`` exists only in glibc;
    elsewhere only Arrow's pool is released."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    if _TRIM is not None:
        _TRIM(0)


def small_pages(defrag: str = "/sys/kernel/mm/transparent_hugepage/defrag") -> bool:
    """Have the kernel give this process (and its children) ordinary 4 KiB pages only, where a
    fault on a huge page may stall; True if so. numpy and Arrow ask for transparent huge pages
    for large arrays; when the kernel's ``defrag`` setting is ``madvise`` (many distributions'
    default), ``always`` or ``defer+madvise``, such a fault first compacts memory until a 2 MiB
    page is free. On the benchmark's machine a fresh 40 MB array took 7-170 ms that way and
    23-32 ms in small pages, and ``nadir`` at 5M rows 5.96 s with huge pages against 5.62 s
    without (medians of 8 alternating runs; system time 2.09 s against 1.52 s). Only Linux has
    the setting (``PR_SET_THP_DISABLE``); elsewhere nothing changes."""
    try:
        with open(defrag, encoding="ascii") as f:
            chosen = f.read().split("[", 1)[1].split("]", 1)[0]
    except (OSError, IndexError):
        return False
    if chosen not in ("always", "madvise", "defer+madvise"):
        return False  # huge pages are made without stalls (defer, never): keep them
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


PR_SET_THP_DISABLE = 41  # <linux/prctl.h>


def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None).malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()
