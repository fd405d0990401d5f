"""A column of many distinct strings (patient IDs) as codes into its distinct values, in order
of first appearance: what ``pyarrow.compute.dictionary_encode`` gives, faster where it can be.

Arrow looks every row up in one hash table of all the distinct strings; with half a million
patients that table is far larger than the processor's cache, and each row costs a cache miss
or two (1.7-2.3 s for 5M rows, 510k patients, measured). When every ID has the same length of
at most 8 bytes (``P0433380``, most record numbers), each is one 64-bit integer: the rows are
first split by a hash of it into 128 parts, each part looked up in a table of its own that
fits in the cache, and the parts' codes put back in order of first appearance (0.3-0.6 s). Other
columns take Arrow's way. Both give the same codes and dictionary, which the tests check.

The same integers put the strings in order (:func:`text_order`); :func:`runs` finds where
equal codes, sorted, begin.
"""

from __future__ import annotations

import numpy as np

PARTS = 128  # 2**7: about 4,000 distinct IDs a part at half a million patients
SMALL = 1 << 16  # fewer rows: Arrow's table fits in the cache anyway
CHUNK = 1 << 16  # rows a slice, where whole-column temporaries would cost more than the work


def dictionary_encode(column):
    """``(codes, dictionary)`` of a string ``column`` without nulls (an Arrow array): int32 codes
    and an Arrow string array of the distinct values, numbered in order of first appearance."""
    import pyarrow.compute as pc

    found = _factorize_by_parts(column)
    if found is None:
        encoded = pc.dictionary_encode(column)
        return encoded.indices.to_numpy(), encoded.dictionary
    codes, first_rows = found
    return codes, column.take(first_rows)


def code_type(categories: int) -> np.dtype:
    """The integer type pandas keeps a Categorical's codes in, for that many categories."""
    fits = [t for t in (np.int8, np.int16, np.int32) if categories < np.iinfo(t).max]
    return np.dtype(fits[0] if fits else np.int64)


def counts(codes: np.ndarray, n: int) -> np.ndarray:
    """How many of ``codes`` are each of 0 to ``n - 1`` (a negative code, pandas' missing value,
    is not counted): ``np.bincount`` a slice at a time, as it first widens codes of every row to
    64 bits (40 MB of fresh pages for 5M rows)."""
    total = np.zeros(n, np.int64)
    step = max(CHUNK, n)  # each slice's count is n long
    for start in range(0, len(codes), step):
        part = codes[start : start + step]
        total += np.bincount(part[part >= 0], minlength=n)
    return total


def sort(values: np.ndarray) -> None:
    """Sort ``values`` in place, its two halves at once on two threads (numpy lets go of the GIL
    while it sorts numbers), then the halves merged by one stable sort: numpy's timsort finds
    the two sorted runs and merges them in one pass, with half the array as scratch. For 5M
    int64 values on a Zen 4 with numpy's AVX-512 sort: 0.18-0.2 s, where one sort takes
    0.33-0.39 s; with its AVX2 sort, which the ``ivigblina`` command uses there
    (:mod:`ivig_blina.cli.processor`), both take 0.07-0.08 s."""
    half = len(values) // 2
    if half < SMALL:
        values.sort()
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        for _ in pool.map(np.ndarray.sort, (values[:half], values[half:])):
            pass
    values.sort(kind="stable")


def runs(*keys: np.ndarray) -> np.ndarray:
    """Start of every run of rows equal in all ``keys`` (each sorted within the one before)."""
    change = np.empty(len(keys[0]), dtype=bool)
    change[:1] = True
    np.not_equal(keys[0][1:], keys[0][:-1], out=change[1:])
    for key in keys[1:]:
        change[1:] |= key[1:] != key[:-1]
    return np.flatnonzero(change)


def text_order(column) -> np.ndarray:
    """The rows of a string ``column`` without nulls (an Arrow array) in ascending byte order
    (UTF-8 bytes sort as the characters do), equal strings in their order: what
    ``pyarrow.compute.sort_indices`` gives. Strings of one length of at most 8 bytes compare as
    their bytes read as big-endian integers, which numpy sorts (510k patient IDs: 0.05 s, where
    Arrow's merge sort of the strings took 0.2-0.3 s)."""
    import pyarrow.compute as pc

    keys = _fixed_width_keys(column)
    if keys is None:
        return pc.sort_indices(column).to_numpy()
    return np.argsort(keys.view(">u8").astype(np.uint64), kind="stable")  # the first byte most significant


def _fixed_width_keys(column) -> np.ndarray | None:
    """Each string as a uint64 of its bytes (zero-padded), when all have one length of 1-8
    bytes and there are enough rows to gain; else None. IDs of 8 bytes are the column's own
    bytes, seen as integers (no copy)."""
    import pyarrow as pa

    n = len(column)
    if n < SMALL or column.null_count or not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return None
    offset_type = np.int64 if pa.types.is_large_string(column.type) else np.int32
    offsets = np.frombuffer(column.buffers()[1], offset_type, n + 1, column.offset * np.dtype(offset_type).itemsize)
    width = int(offsets[1] - offsets[0])
    if not 1 <= width <= 8 or int(offsets[-1] - offsets[0]) != n * width:
        return None
    for start in range(0, n, CHUNK):  # no string of another length (in slices: no array of n offsets)
        if (np.diff(offsets[start : start + CHUNK + 1]) != width).any():
            return None
    data = np.frombuffer(column.buffers()[2], np.uint8, n * width, int(offsets[0]))
    if width == 8:
        return data.view(np.uint64)
    padded = np.zeros((n, 8), np.uint8)
    padded[:, :width] = data.reshape(n, width)
    return padded.view(np.uint64).ravel()


def _parts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each key's part (uint8, by Fibonacci hashing) and how many keys each part has, computed
    a slice at a time: no temporary array of n 64-bit values."""
    part = np.empty(len(keys), np.uint8)
    hashed = np.empty(min(CHUNK, len(keys)), np.uint64)
    for start in range(0, len(keys), CHUNK):
        slice_ = hashed[: len(keys[start : start + CHUNK])]
        np.multiply(keys[start : start + CHUNK], np.uint64(0x9E3779B97F4A7C15), out=slice_)
        slice_ >>= np.uint64(57)
        part[start : start + CHUNK] = slice_
    return part, counts(part, PARTS)


def _factorize_by_parts(column) -> tuple[np.ndarray, np.ndarray] | None:
    """int32 codes of the fixed-width strings of ``column`` in order of first appearance, and
    the row where each code first appears, by ``pandas.factorize`` part by part (equal keys
    share a part); None for other columns. Besides the column, 16 bytes a row are held (the
    order by part and two codes; 8 more for IDs under 8 bytes, copied to be padded): each
    part's keys are gathered when it is numbered, not all at once."""
    import pandas as pd

    keys = _fixed_width_keys(column)
    if keys is None:
        return None
    n = len(keys)
    part, sizes = _parts(keys)
    order = np.argsort(part, kind="stable")  # by part, rows in file order within each (a radix sort)
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    del part
    local = np.empty(n, np.int32)  # a code unique across parts, in part order
    firsts = []  # per part, the positions (in ``order``) where its codes first appear
    base = 0
    for start, end in zip(bounds[:-1], bounds[1:]):  # each part's keys gathered alone: no copy of all
        if start == end:
            continue
        codes, distinct = pd.factorize(keys[order[start:end]])  # numbered by first appearance
        seen = np.maximum.accumulate(codes)
        firsts.append(start + np.flatnonzero(np.concatenate([[True], seen[1:] > seen[:-1]])))
        local[start:end] = codes + base
        base += len(distinct)
    del keys
    first_row = order[np.concatenate(firsts)] if firsts else np.zeros(0, np.int64)
    by_first = np.argsort(first_row)
    rank = np.empty(base, np.int32)
    rank[by_first] = np.arange(base, dtype=np.int32)
    codes = np.empty(n, np.int32)
    for start in range(0, n, CHUNK):
        codes[order[start : start + CHUNK]] = rank[local[start : start + CHUNK]]
    return codes, first_row[by_first]
