"""Every command's output on the examples and the awkward corpus, byte for byte as the
snapshots in tests/snapshots/ (written by tests/snapshots/make_snapshots.py), but for the last
bits of a number with a fraction: numpy's ``exp`` and ``log`` take other vectorised code on a
processor with AVX-512 and may differ in the last bit there (seen: Fisher's interval, Table 1's
SD, power's effects), so such a number may differ by 1e-12 of itself. Every other byte, every
integer and every number's place in the text are compared exactly."""

import re
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "snapshots"))
from make_snapshots import CASES, HERE, run_case  # noqa: E402

# a number with a fraction or an exponent, not inside a longer run of digits or letters (an ID)
DECIMAL = re.compile(r"(?<![\w.])-?\d+(?:\.\d+(?:[eE][-+]?\d+)?|[eE][-+]?\d+)(?![\w.])")
RELATIVE = 1e-12


def same_but_last_bits(expected: str, actual: str) -> bool:
    """``actual`` is ``expected`` with each decimal number at most 1e-12 of itself away."""
    if expected == actual:
        return True
    if DECIMAL.split(expected) != DECIMAL.split(actual):  # the text around the numbers, exactly
        return False
    return all(
        abs(float(a) - float(e)) <= RELATIVE * abs(float(e))
        for e, a in zip(DECIMAL.findall(expected), DECIMAL.findall(actual), strict=True)
    )


@pytest.mark.parametrize("name", list(CASES))
def test_output_is_byte_identical_to_the_snapshot(name):
    code, out, err = run_case(CASES[name])
    assert code == 0, err
    command = " ".join(CASES[name])
    expected = (HERE / name).read_bytes().decode()
    assert same_but_last_bits(expected, out), f"stdout of {command} changed"
    assert err.encode() == (HERE / f"{name}.stderr").read_bytes(), f"stderr of {command} changed"


@pytest.mark.parametrize(
    ("expected", "actual", "same"),
    [
        ("a,0.014852909550487197,x", "a,0.0148529095504872,x", True),  # AVX-512's last bit, seen
        ('{"p": 0.27453358872773803}', '{"p": 0.2745335887277379}', True),
        ("sd 1.32664991614216\n", "sd 1.3266499161421599\n", True),
        ("1e-05", "1.0000000000001e-05", True),
        ("a,0.0148529,x", "a,0.0148530,x", False),  # a digit a reader sees
        ("a,0.5,x", "a,0.5000001,x", False),
        ("n,17,x", "n,18,x", False),  # integers exactly
        ("n,17,x", "n,17.0,x", False),
        ("a,0.5,x", "b,0.5,x", False),  # the text around the numbers exactly
        ("a,0.5,x", "a,0.5,x,", False),
        ("a,0.5", "a,0.5,0.5", False),  # no number more or less
        ("P1.5", "P1.6", False),  # part of a word: text
        ("1.0,2.0", "1.0;2.0", False),
    ],
)
def test_numbers_may_differ_in_their_last_bits_only(expected, actual, same):
    assert same_but_last_bits(expected, actual) is same
