"""The ``ivigblina`` program's choice of numpy's kernels for the processor it runs on, made before
numpy is imported (numpy reads ``NPY_DISABLE_CPU_FEATURES`` once, when it is imported).

On AMD's Zen 4 processors numpy's AVX-512 sort and argsort (Intel's x86-simd-sort) are several
times slower than its AVX2 ones: they store with ``vpcompress`` to memory, which Zen 4 runs as a
slow microcoded instruction (numpy/x86-simd-sort#6; numpy#32690's review measured the same).
On the benchmark's Zen 4 machine numpy 2.4 sorted 5M int64 in 0.34-0.40 s with AVX-512 and in
0.07-0.08 s with AVX2, and argsorted 510k in 50 ms against 19 ms; ``nadir`` at 5M rows took
3.62 s against 3.93 s (medians of 8 alternating runs) and ``compare`` 3.62 s against 3.91 s,
with the same output. So there, and only when the user has not chosen numpy's kernels
themselves, the command runs numpy without its AVX-512 kernels. A library user's process is
never changed.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import MutableMapping
from importlib.util import find_spec

DISABLED = "X86_V4 AVX512_ICL AVX512_SPR"  # numpy 2.4's dispatched AVX-512 targets (its names from 2.4 on)
CHOICES = ("NPY_DISABLE_CPU_FEATURES", "NPY_ENABLE_CPU_FEATURES")


def avoid_slow_avx512(
    environ: MutableMapping[str, str] = os.environ, cpuinfo: str = "/proc/cpuinfo", numpy_version: str | None = None
) -> bool:
    """Set ``NPY_DISABLE_CPU_FEATURES`` in ``environ`` to numpy's AVX-512 targets when this is a
    Zen 4 processor (AMD, family 25, with AVX-512; Zen 3 has no AVX-512, Zen 5 is family 26) and
    numpy, not yet imported, is 2.4 or later (whose names :data:`DISABLED` are); True if set.
    Left alone: a process that imported numpy already, a user's own ``NPY_*_CPU_FEATURES`` (even
    empty), and warnings made errors (``-W``), as numpy warns of a name it does not dispatch."""
    if any(name in environ for name in CHOICES) or "numpy" in sys.modules or sys.warnoptions:
        return False
    if not _zen4(cpuinfo):
        return False
    version = numpy_version if numpy_version is not None else _numpy_version()
    found = re.match(r"(\d+)\.(\d+)", version or "")
    if found is None or (int(found[1]), int(found[2])) < (2, 4):
        return False
    environ["NPY_DISABLE_CPU_FEATURES"] = DISABLED
    return True


def _zen4(cpuinfo: str) -> bool:
    """Whether the first processor listed in ``cpuinfo`` (Linux's) is a Zen 4: AuthenticAMD, cpu
    family 25, flag avx512f. Only its first block is read (a large machine lists hundreds)."""
    fields: dict[str, str] = {}
    try:
        with open(cpuinfo, encoding="ascii", errors="replace") as f:
            for line in f:
                if not line.strip():
                    break
                key, _, value = line.partition(":")
                fields[key.strip()] = value.strip()
    except OSError:
        return False
    return (
        fields.get("vendor_id") == "AuthenticAMD"
        and fields.get("cpu family") == "25"
        and "avx512f" in fields.get("flags", "").split()
    )


def _numpy_version() -> str | None:
    """The installed numpy's version, read from its ``version.py`` without importing it."""
    try:
        spec = find_spec("numpy")
        folder = spec and spec.submodule_search_locations and spec.submodule_search_locations[0]
        if not folder:
            return None
        with open(os.path.join(folder, "version.py"), encoding="utf-8") as f:
            found = re.search(r"""^version\s*(?::\s*str\s*)?=\s*["']([^"']+)["']""", f.read(), re.M)
    except (OSError, ImportError, ValueError):
        return None
    return found[1] if found else None
