"""io/encode.py: patient IDs as codes by parts, the same as Arrow's dictionary_encode."""

import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from ivig_blina.io.encode import CHUNK, SMALL, _fixed_width_keys, counts, dictionary_encode, sort, text_order

ALPHABET = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def ids(n: int, width: int, distinct: int, seed: int = 0) -> list[str]:
    """``n`` IDs of ``width`` characters drawn from ``distinct`` values, in random order."""
    rng = np.random.default_rng(seed)
    values = rng.integers(0, min(distinct, 36**width), size=n)
    return ["".join(ALPHABET[(v // 36**k) % 36] for k in range(width)) for v in values]


def assert_as_arrow(column) -> None:
    codes, dictionary = dictionary_encode(column)
    arrow = pc.dictionary_encode(column)
    assert codes.dtype == np.int32
    assert np.array_equal(codes, arrow.indices.to_numpy())
    assert dictionary.equals(arrow.dictionary)


@pytest.mark.parametrize("width", range(1, 9))
def test_fixed_width_ids_take_the_parts_and_give_arrows_codes(width):
    column = pa.array(ids(SMALL + 1000, width, distinct=5000, seed=width))
    assert _fixed_width_keys(column) is not None
    assert_as_arrow(column)


@pytest.mark.parametrize(
    "column",
    [
        pa.array(ids(SMALL, 9, 5000)),  # too long for one integer
        pa.array(ids(SMALL, 6, 5000)[:-1] + ["P1"]),  # one ID shorter than the rest
        pa.array(ids(SMALL - 1, 8, 5000)),  # too few rows to gain
    ],
    ids=["nine bytes", "ragged", "small"],
)
def test_other_columns_take_arrows_way(column):
    assert _fixed_width_keys(column) is None
    assert_as_arrow(column)


def test_a_slice_large_strings_and_characters_of_two_bytes_count_their_bytes():
    text = [s.replace("A", "é") for s in ids(3 * SMALL, 4, 20000, seed=7)]  # é is 2 bytes in UTF-8
    same_bytes = [s for s in text if len(s.encode()) == 4]
    sliced = pa.array(["padding"] + same_bytes + ["tail"]).slice(1, len(same_bytes))
    assert sliced.offset == 1 and _fixed_width_keys(sliced) is not None
    assert_as_arrow(sliced)
    large = pa.array(same_bytes, pa.large_string())
    assert _fixed_width_keys(large) is not None
    assert_as_arrow(large)


def test_every_row_distinct_and_every_row_the_same():
    assert_as_arrow(pa.array([f"{i:08d}" for i in range(SMALL + 5)]))
    assert_as_arrow(pa.array(["P0000001"] * (SMALL + 5)))


def test_eight_byte_ids_read_in_place_at_any_alignment():
    """IDs of 8 bytes are the column's own bytes seen as integers, wherever they start; a
    string of another length in a later slice of the check still sends the column Arrow's way."""
    eight = ids(3 * SMALL, 8, 20000, seed=3)
    sliced = pa.array(["odd"] + eight + ["tail"]).slice(1, len(eight))  # the data start 3 bytes in
    keys = _fixed_width_keys(sliced)
    assert keys is not None and not keys.flags.owndata
    assert keys[5] == int.from_bytes(eight[5].encode(), sys.byteorder)
    assert_as_arrow(sliced)
    # 7 bytes in the first slice, 9 in the last: the total length is that of 8-byte IDs
    uneven = pa.array([eight[0], eight[1][:7]] + eight[2:-1] + [eight[-1] + "9"])
    assert _fixed_width_keys(uneven) is None
    assert_as_arrow(uneven)


def assert_sorted_as_arrow(column) -> None:
    order = text_order(column)
    assert np.array_equal(order, pc.sort_indices(column).to_numpy())
    assert column.take(order).to_pylist() == sorted(column.to_pylist())  # Python's order of the characters


@pytest.mark.parametrize("width", [1, 3, 8])
def test_fixed_width_ids_sort_as_integers_in_arrows_order(width):
    column = pa.array(ids(SMALL + 1000, width, distinct=5000, seed=width))  # ties: equal IDs keep their order
    assert _fixed_width_keys(column) is not None
    assert_sorted_as_arrow(column)


def test_text_order_by_bytes_beyond_ascii_and_other_columns_arrows_way():
    text = [s.replace("A", "é").replace("B", "z") for s in ids(2 * SMALL, 4, 20000, seed=11)]
    same_bytes = [s for s in text if len(s.encode()) == 4]  # é (0xC3 0xA9) sorts after z
    assert_sorted_as_arrow(pa.array(["padding"] + same_bytes).slice(1))
    assert_sorted_as_arrow(pa.array(ids(SMALL, 6, 5000)[:-1] + ["P1"]))  # ragged: Arrow sorts
    assert_sorted_as_arrow(pa.array(["b", "a", "b", "A"]))  # few rows


@pytest.mark.parametrize("n", [1, 7, 3 * CHUNK])  # few codes, and more codes than a slice has rows
def test_counts_are_bincounts_without_the_missing_code(n):
    rng = np.random.default_rng(n)
    codes = rng.integers(-1, n, size=2 * CHUNK + 5).astype(np.int32)  # -1: pandas' missing value
    assert np.array_equal(counts(codes, n), np.bincount(codes[codes >= 0], minlength=n))
    assert counts(codes[:0], n).tolist() == [0] * n


@pytest.mark.parametrize("n", [0, 5, 2 * SMALL + 1, 3 * SMALL])  # one sort; halves of odd and even length
def test_sort_in_halves_is_numpys_sort(n):
    rng = np.random.default_rng(n)
    values = rng.integers(-(2**62), 2**62, size=n)
    values[n // 3 : n // 2] = 7  # equal values across the halves' boundary
    expected = np.sort(values)
    sort(values)  # in place
    assert np.array_equal(values, expected)
