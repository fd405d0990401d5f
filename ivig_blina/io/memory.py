"""Give freed memory back to the system between the big steps of a run."""

from __future__ import annotations

import ctypes
import ctypes.util


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
