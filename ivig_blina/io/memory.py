"""Memory: the budget a run may take (checked before a file is read), and freed memory given
back to the system between the big steps of a run."""

from __future__ import annotations

import ctypes
import ctypes.util
import os

from ivig_blina.errors import IvigBlinaError

# What reading takes, measured with `/usr/bin/time -f %M` on benchmarks/bench_nadir.py's cohorts
# (500k and 2M rows of 5 columns, CSV and Parquet): about 3.3 bytes of peak memory per byte of
# CSV text and 135 per Parquet row (27 a cell) beyond the ~190 MB of the libraries. Doubled for
# text with many distinct values (every distinct string is a Python object).
CSV_BYTES_PER_BYTE = 6
PARQUET_BYTES_PER_CELL = 54
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


def check_fits(need: int, limit: int, name: str, what: str, at_least: bool = False) -> None:
    """Refuse, before it is read, a file whose reading would take more than ``limit`` bytes:
    ``what`` says what was measured (``2.1 GiB of CSV text``); ``at_least``: ``need`` is a lower
    bound (reading stopped there)."""
    if need > limit:
        cost = "more than" if at_least else f"about {size_text(need)} of memory, more than"
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


def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None).malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()
