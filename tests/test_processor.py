"""The program's choice of numpy's kernels: no AVX-512 on Zen 4, where numpy's AVX-512 sort is slow.

Each case runs in a fresh interpreter: the choice is made only before numpy is imported.
"""

import json
import platform
import subprocess
import sys

import numpy as np
import pytest

from ivig_blina.cli import processor

ZEN4 = """processor\t: 0
vendor_id\t: AuthenticAMD
cpu family\t: 25
model\t\t: 17
model name\t: AMD EPYC 9R14
flags\t\t: fpu vme sse2 avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl

processor\t: 1
vendor_id\t: GenuineIntel
"""
ZEN3 = ZEN4.replace(" avx512f avx512dq avx512cd avx512bw avx512vl", "").replace("9R14", "7R13")
ZEN5 = ZEN4.replace("cpu family\t: 25", "cpu family\t: 26")
INTEL = ZEN4.replace("AuthenticAMD", "GenuineIntel").replace("cpu family\t: 25", "cpu family\t: 6")

CHOOSE = """
import json, sys
from ivig_blina.cli import processor
environ = json.loads(sys.argv[1])
version = sys.argv[3] if len(sys.argv) > 3 else None
chosen = processor.avoid_slow_avx512(environ, sys.argv[2], version)
print(json.dumps([chosen, environ]))
"""


def _choose(cpuinfo: str, environ: dict, numpy_version: str | None = None) -> tuple[bool, dict]:
    argv = [sys.executable, "-c", CHOOSE, json.dumps(environ), cpuinfo] + ([numpy_version] if numpy_version else [])
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    chosen, after = json.loads(done.stdout)
    return chosen, after


@pytest.mark.parametrize(
    "text, version, chosen",
    [
        (ZEN4, "2.4.6", True),
        (ZEN4, "2.10.0", True),
        (ZEN4, "2.3.5", False),  # numpy before 2.4 names its AVX-512 targets otherwise: left alone
        (ZEN4, "1.26.4", False),
        (ZEN3, "2.4.6", False),  # no AVX-512 at all
        (ZEN5, "2.4.6", False),  # Zen 5 stores compressed vectors fast
        (INTEL, "2.4.6", False),  # AVX-512 is numpy's fastest sort there
    ],
)
def test_avx512_is_left_out_on_zen4_with_numpy_2_4_or_later(tmp_path, text, version, chosen):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(text)
    assert _choose(str(cpuinfo), {"HOME": "/x"}, version) == (
        chosen,
        {"HOME": "/x", **({"NPY_DISABLE_CPU_FEATURES": processor.DISABLED} if chosen else {})},
    )


@pytest.mark.parametrize(
    "environ", [{"NPY_DISABLE_CPU_FEATURES": ""}, {"NPY_DISABLE_CPU_FEATURES": "AVX2"}, {"NPY_ENABLE_CPU_FEATURES": ""}]
)
def test_a_users_own_choice_of_numpys_kernels_stands(tmp_path, environ):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(ZEN4)
    assert _choose(str(cpuinfo), environ, "2.4.6") == (False, environ)


def test_nothing_changes_without_cpuinfo_or_once_numpy_is_imported(tmp_path):
    assert _choose(str(tmp_path / "missing"), {}, "2.4.6") == (False, {})
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(ZEN4)
    environ: dict[str, str] = {}
    assert processor.avoid_slow_avx512(environ, str(cpuinfo), "2.4.6") is False  # this process has numpy
    assert environ == {}


def test_the_installed_numpys_version_is_read_without_importing_it():
    assert processor._numpy_version() == np.__version__


@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="the names are x86's")
@pytest.mark.skipif(tuple(map(int, np.__version__.split(".")[:2])) < (2, 4), reason="numpy 2.4's names")
def test_the_names_are_numpys_dispatched_avx512_targets():
    """Warnings as errors: numpy warns of a name it does not dispatch, and fails on a baseline one."""
    names = processor.DISABLED.split()
    script = (
        "import json; from numpy._core._multiarray_umath import __cpu_dispatch__ as d, __cpu_features__ as f; "
        f"print(json.dumps([d, [f[name] for name in {names!r}]]))"
    )
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        env={"NPY_DISABLE_CPU_FEATURES": processor.DISABLED, "PATH": ""},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    dispatched, still_on = json.loads(done.stdout)
    assert set(processor.DISABLED.split()) <= set(dispatched)
    assert still_on == [False, False, False]


PROGRAM = """
import sys
from ivig_blina.cli import commands, processor
chosen = processor.avoid_slow_avx512
processor.avoid_slow_avx512 = lambda: print("chosen", chosen(), flush=True)
sys.argv = ["ivigblina", "--version"]
commands.entry()
"""


def test_the_program_chooses_before_numpy_is_imported():
    """`entry` (the installed command and `python -m ivig_blina`) asks, and numpy then runs
    without the AVX-512 targets if the answer was yes (on a Zen 4 machine; elsewhere no)."""
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True)
    first, version = done.stdout.splitlines()
    assert first in ("chosen True", "chosen False") and version.startswith("ivigblina")
    script = (
        "from ivig_blina.cli import processor; chosen = processor.avoid_slow_avx512(); "
        "from numpy._core._multiarray_umath import __cpu_features__ as f; print(chosen, f.get('X86_V4'))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    chosen, v4 = done.stdout.split()
    assert not (chosen == "True" and v4 == "True")
