"""The rank sum of ``a - d`` in R's ``rank(c(a - d, b))`` and the pooled sample's ties, at any
shift ``d``: what R's ``wilcox.test(conf.int = TRUE)`` evaluates at every step of ``uniroot``
for the asymptotic Hodges-Lehmann estimate and interval.

R ranks the whole pooled sample at each shift. Counting gives the same integers: the rank sum
of ``a - d`` is ``m (m + 1) / 2 + U`` with ``U = sum over a of #{b < a_i - d} + #{b == a_i - d} / 2``,
and the ties are ``a``'s and ``b``'s own, merged where ``a_i - d`` (as R computes it, rounded)
equals a value of ``b`` or rounds onto a neighbouring ``a_j - d``.

numpy is imported inside, so that listing statistics stays instant.
"""

from __future__ import annotations

import math
from typing import Any


def tie_cubes(counts: Any) -> int:
    """``sum(t^3 - t)`` over tie group sizes ``t``, exactly (Python integers past int64's range)."""
    import numpy as np

    counts = np.asarray(counts, dtype=np.int64)
    if counts.size == 0:
        return 0
    largest, total = int(counts.max()), int(counts.sum())
    if largest * largest * total < 2**63:  # sum(t^3) <= max(t)^2 sum(t): int64 holds it
        return int((counts**3 - counts).sum())
    return sum(int(t) ** 3 - int(t) for t in counts)


class _Placed:
    """One shift's placing: ``k[i]`` distinct values of ``b`` below ``a_i - d``, equal to it at
    the indices ``met``; ``2 U`` and the tie term."""

    def __init__(self, k, met, twice_u: int, cubes: int) -> None:
        self.k, self.met, self.twice_u, self.cubes = k, met, twice_u, cubes
        self._reach: int | None = None

    @property
    def reach(self) -> int:
        """``sum(k) + len(met)``: the values of ``b`` at or below each ``a_i - d``, summed."""
        if self._reach is None:
            self._reach = int(self.k.sum()) + len(self.met)
        return self._reach


class ShiftedRankSum:
    """``2 U`` and the pooled tie term ``sum(t^3 - t)`` of ``c(a - d, b)`` at any shift ``d``,
    exactly as R's ``rank`` sees them (``2 U`` to stay an integer).

    Each call places every distinct ``a_i - d`` among the distinct values of ``b`` in a few
    vectorised passes instead of a binary search of each (about 18 steps at 5M rows, 170,000
    distinct values a group: a call by cells took 2-3 ms where the searches took 12-25 ms,
    measured at load 2-3), in one of two ways:

    - **cells**: ``b``'s range is cut into segments of equally many values, each into equal
      cells, ``cells_per_value`` per value of ``b``, and ``a_i - d`` is put in its cell by the
      same rounded arithmetic that put ``b``'s values in theirs. Rounding is monotone, so the
      values of ``b`` in earlier cells are below ``a_i - d`` and those in later cells above it:
      only its own cell's values (none, mostly) are compared with it.
    - **between two placed shifts** (as ``uniroot`` closes in): ``a_i - d`` lies between
      ``a_i - hi`` and ``a_i - lo``, so only the ``a_i`` with values of ``b`` between those two
      are searched, each within that window; the others keep their place.
    """

    cells_per_value = 4
    segments = 16
    remembered = 8  # placed shifts kept, besides the two ends of the range

    def __init__(self, a: Any, b: Any) -> None:
        import numpy as np

        self.a_values, a_counts = np.unique(np.asarray(a, float), return_counts=True)
        self.a_counts = a_counts.astype(np.int64)
        self.a_cubes = tie_cubes(self.a_counts)
        b_values, b_counts = np.unique(np.asarray(b, float), return_counts=True)
        self.b_counts = b_counts.astype(np.int64)
        self.b_cubes = tie_cubes(self.b_counts)
        self.b_padded = np.r_[b_values, np.inf]  # b_padded[k] for k = len(b_values): above every a_i - d
        self.b_below = np.r_[0, np.cumsum(self.b_counts)]  # b_below[k]: how many b are below b_values[k]
        self._cut(b_values)
        self.lowest, self.highest = float(self.a_values[0] - b_values[-1]), float(self.a_values[-1] - b_values[0])
        # a - d can round two neighbouring distinct values of a onto one only where they are closer
        # than the rounding of the largest |a - d| for d within the range uniroot searches
        self.max_shift = max(abs(self.lowest), abs(self.highest))
        reach = 2 * (float(np.abs(self.a_values).max()) + self.max_shift)
        self.close = np.flatnonzero(np.diff(self.a_values) <= np.spacing(reach))
        self.placed: dict[float, _Placed] = {}
        self.shifted = np.empty_like(self.a_values)  # a - d of the latest call
        self.position = np.empty_like(self.a_values)  # scratch of the cells

    def __call__(self, d: float) -> tuple[int, int]:
        """``(2 U, sum(t^3 - t))`` of ``c(a - d, b)``."""
        import numpy as np

        d = float(d)
        if d not in self.placed:
            np.subtract(self.a_values, d, out=self.shifted)
            placed = self._between(d) or self._by_cells()
            placed.cubes = self._cubes(d, placed.k, placed.met)
            self.placed[d] = placed
            if len(self.placed) > self.remembered + 2:
                del self.placed[next(x for x in self.placed if x not in (self.lowest, self.highest))]
        return self.placed[d].twice_u, self.placed[d].cubes

    def _twice_u(self, k, met) -> int:
        """``2 U = sum(c_i (2 #{b < a_i - d} + #{b == a_i - d}))``, ``c_i`` the copies of ``a_i``."""
        return 2 * int(self.a_counts @ self.b_below.take(k)) + int(
            self.a_counts.take(met) @ self.b_counts.take(k.take(met))
        )

    def _cut(self, b_values) -> None:
        """The segments and cells of b's range, and where each cell's values of b begin and end."""
        import numpy as np

        count = len(b_values)
        segments = max(1, min(self.segments, count // 64))
        first = np.unique(np.arange(segments) * count // segments)  # index of each segment's first value
        self.edges = b_values[first[1:]]  # a value at or above edges[s] is in segment s + 1 or later
        cells = self.cells_per_value * np.diff(np.r_[first, count])
        last = np.cumsum(cells) - 1  # each segment's last cell
        low, high = b_values[first], np.r_[b_values[first[1:]], b_values[-1]]
        self.segment = []  # (scale, offset, first cell, last cell): cell = clip(x * scale + offset), truncated
        for count_cells, end, start, stop in zip(cells.tolist(), last.tolist(), low.tolist(), high.tolist()):
            begin = end + 1 - count_cells
            scale = count_cells / (stop - start) if stop > start else 0.0
            offset = begin - start * scale
            if not (math.isfinite(scale) and math.isfinite(offset)):
                scale, offset = 0.0, begin  # one cell for the segment: slower, still exact
            self.segment.append((scale, offset, float(begin), float(end)))
        cell = np.empty(count, np.intp)
        per_cell = np.bincount(self._cell(b_values, np.empty_like(b_values), cell), minlength=int(cells.sum()))
        starts = np.r_[0, np.cumsum(per_cell)]
        self.cell_first, self.cell_end, self.cell_holds = starts[:-1], starts[1:], per_cell > 0

    def _cell(self, values, position, cell):
        """The cell of each of ``values`` (sorted) into ``cell``; ``position`` is scratch."""
        import numpy as np

        bounds = [0, *np.searchsorted(values, self.edges).tolist(), len(values)]
        for (scale, offset, first, last), start, stop in zip(self.segment, bounds[:-1], bounds[1:]):
            if not scale:
                cell[start:stop] = first
            elif start < stop:
                part = position[start:stop]
                np.multiply(values[start:stop], scale, out=part)
                np.add(part, offset, out=part)
                np.maximum(part, first, out=part)
                np.minimum(part, last, out=cell[start:stop], casting="unsafe")  # truncated, as astype
        return cell

    def _by_cells(self) -> _Placed:
        import numpy as np

        shifted = self.shifted
        cell = self._cell(shifted, self.position, np.empty(len(shifted), np.intp))
        k = self.cell_first.take(cell)  # final unless the cell holds values of b
        held = np.flatnonzero(self.cell_holds.take(cell))
        key, found = shifted.take(held), k.take(held)
        found += self.b_padded.take(found) < key  # final in a cell of one value
        probe = self.b_padded.take(found)
        beyond = np.flatnonzero(probe < key)  # in a cell of several values, past its first two
        if len(beyond):
            found[beyond] = self._search(
                key.take(beyond), found.take(beyond), self.cell_end.take(cell.take(held.take(beyond)))
            )
            probe[beyond] = self.b_padded.take(found.take(beyond))
        k[held] = found
        met = held[probe == key]
        return _Placed(k, met, self._twice_u(k, met), 0)

    def _between(self, d: float) -> _Placed | None:
        """The shift's placing from the nearest placed shifts on either side; None when there is
        none on one side or more values of b lie between them than a has distinct values."""
        import numpy as np

        lo = max((x for x in self.placed if x < d), default=None)
        hi = min((x for x in self.placed if x > d), default=None)
        if lo is None or hi is None:
            return None
        low, high = self.placed[lo], self.placed[hi]  # a_i - d lies between a_i - hi and a_i - lo
        if low.reach - high.reach + len(high.met) > len(self.a_values):
            return None
        # searched: the a_i with a value of b at or above a_i - hi and at or below a_i - lo
        top = low.k.copy()
        top[low.met] += 1
        searched = np.flatnonzero(high.k != top)
        key, start = self.shifted.take(searched), high.k.take(searched)
        found = self._search(key, start, top.take(searched))
        meets = self.b_padded.take(found) == key
        met = searched[meets]
        # 2 U: the high shift's, with the searched a_i's terms replaced (the a_i - hi meeting b among them)
        b_below = self.b_below
        twice_u = (
            high.twice_u
            + 2 * int(self.a_counts.take(searched) @ (b_below.take(found) - b_below.take(start)))
            + int(self.a_counts.take(met) @ self.b_counts.take(found[meets]))
            - int(self.a_counts.take(high.met) @ self.b_counts.take(high.k.take(high.met)))
        )
        k = high.k.copy()
        k[searched] = found
        return _Placed(k, met, twice_u, 0)

    def _search(self, key, low, high):
        """For each key, the first index in ``[low, high]`` of b's values not below it (one is)."""
        import numpy as np

        for _ in range(int((high - low).max(initial=0)).bit_length()):
            middle = (low + high) >> 1
            left = self.b_padded.take(middle) < key
            low = np.where(left, middle + 1, low)
            high = np.where(left, high, middle)
        return low

    def _cubes(self, d: float, k, met) -> int:
        """``sum(t^3 - t)`` over the pooled sample's ties."""
        import numpy as np

        cubes = self.b_cubes + self._a_cubes(d)
        if len(met):
            # where a - d meets b: the a_i meeting one value of b are one group with it
            where = k.take(met)
            starts = np.flatnonzero(np.r_[True, np.diff(where) != 0])
            a_group = np.add.reduceat(self.a_counts.take(met), starts)
            b_group = self.b_counts.take(where.take(starts))
            cubes += tie_cubes(a_group + b_group) - tie_cubes(a_group) - tie_cubes(b_group)
        return cubes

    def _a_cubes(self, d: float) -> int:
        """``a``'s own ties after the shift: its tied groups, and neighbours rounded onto one value."""
        import numpy as np

        shifted = self.shifted
        if abs(d) > self.max_shift:  # beyond the range the close pairs were found for: look at all
            pairs = np.flatnonzero(np.diff(shifted) == 0)
        else:
            pairs = self.close[shifted.take(self.close) == shifted.take(self.close + 1)]
        if not len(pairs):
            return self.a_cubes
        members = np.unique(np.r_[pairs, pairs + 1])
        starts = np.flatnonzero(np.r_[True, np.diff(shifted.take(members)) != 0])
        merged = np.add.reduceat(self.a_counts.take(members), starts)
        return self.a_cubes + tie_cubes(merged) - tie_cubes(self.a_counts.take(members))


class SearchedRankSum:
    """What :class:`ShiftedRankSum` gives, by a binary search of every distinct ``a_i - d`` in
    ``b`` at each call, as MannWhitney counted before the cells: for samples with infinite or
    missing values, whose ``a - d`` can be NaN (no cell holds it; ``numpy.searchsorted`` puts it
    last)."""

    def __init__(self, a: Any, b: Any) -> None:
        import numpy as np

        self.m, self.n = len(a), len(b)
        self.a_sorted, self.b_sorted = np.sort(a), np.sort(b)
        self.b_cubes = tie_cubes(np.unique(self.b_sorted, return_counts=True)[1])
        self.a_values, a_counts = np.unique(self.a_sorted, return_counts=True)
        self.a_counts = a_counts.astype(np.int64)
        self.a_cubes = tie_cubes(self.a_counts)

    def __call__(self, d: float) -> tuple[int, int]:
        import numpy as np

        m, n, b_sorted = self.m, self.n, self.b_sorted
        values, a_ties, a_cubes = self.a_values - d, self.a_counts, self.a_cubes  # subtracting d keeps the order ...
        if not (np.diff(values) != 0).all():  # ... but rounding can make neighbours equal: regroup
            shifted = self.a_sorted - d
            starts = np.flatnonzero(np.r_[True, np.diff(shifted) != 0])
            values, a_ties = shifted[starts], np.diff(np.r_[starts, m]).astype(np.int64)
            a_cubes = tie_cubes(a_ties)
        below = np.searchsorted(b_sorted, values, side="left")
        met = np.flatnonzero((b_sorted.take(below, mode="clip") == values) & (below < n))
        b_here = np.searchsorted(b_sorted, values[met], side="right") - below[met]
        twice_u = 2 * int(a_ties @ below) + int(a_ties[met] @ b_here)
        merged = a_ties[met] + b_here
        return twice_u, self.b_cubes + a_cubes + tie_cubes(merged) - tie_cubes(b_here) - tie_cubes(a_ties[met])
