"""Every command's output on the examples and the awkward corpus, byte for byte as the
snapshots in tests/snapshots/ (written by tests/snapshots/make_snapshots.py)."""

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "snapshots"))
from make_snapshots import CASES, HERE, run_case  # noqa: E402


@pytest.mark.parametrize("name", list(CASES))
def test_output_is_byte_identical_to_the_snapshot(name):
    code, out, err = run_case(CASES[name])
    assert code == 0, err
    command = " ".join(CASES[name])
    assert out.encode() == (HERE / name).read_bytes(), f"stdout of {command} changed"
    assert err.encode() == (HERE / f"{name}.stderr").read_bytes(), f"stderr of {command} changed"
