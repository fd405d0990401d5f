"""Per-patient reductions over rows sorted by patient code ``pid`` and then day.

Every function takes the rows of many patients as numpy arrays, sorted so that each patient's
rows are contiguous and in day order, and finds one row or value per patient without a
Python loop over patients.
"""

from __future__ import annotations

import numpy as np

from ivig_blina.io.encode import runs  # where each patient's (and day's) rows begin: the reader's too


def spread(values: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """One value per run (``starts`` of ``n`` rows) repeated over the run's rows."""
    return np.repeat(values, np.diff(np.append(starts, n)))


def below(igg: np.ndarray, less_than: np.ndarray, threshold: float) -> np.ndarray:
    """IgG below ``threshold``; a censored ``<X`` (``less_than``) counts when X is at or below it."""
    return (igg < threshold) | (less_than & (igg <= threshold))


def last_dose(pid: np.ndarray, day: np.ndarray, dose: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Day of the latest IVIG dose (rows flagged ``dose``) on or before the day of each of
    ``rows``, within the row's patient; NaN if none."""
    doses = np.flatnonzero(dose)
    if not len(doses) or not len(rows):
        return np.full(len(rows), np.nan)
    at = np.searchsorted(doses, rows, side="right") - 1  # the last dose row at or before the row
    found = (at >= 0) & (pid[doses[np.maximum(at, 0)]] == pid[rows])
    latest = np.where(found, day[doses[np.maximum(at, 0)]], np.nan)
    after = np.minimum(at + 1, len(doses) - 1)  # a dose listed after the row on the same day counts too
    same_day = (at + 1 < len(doses)) & (pid[doses[after]] == pid[rows]) & (day[doses[after]] == day[rows])
    return np.where(same_day, day[rows], latest)


def nadir(pid: np.ndarray, day: np.ndarray, igg: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """Index of each patient's nadir row: its lowest IgG, where of equal values a censored ``<X``
    is lower than X and X lower than ``>X`` (``rank`` 0, 1 and 2), the earliest day on ties."""
    starts = runs(pid)
    if not len(starts):
        return starts
    at_low = np.flatnonzero(igg == spread(np.minimum.reduceat(igg, starts), starts, len(pid)))
    starts = runs(pid[at_low])
    lowest_rank = spread(np.minimum.reduceat(rank[at_low], starts), starts, len(at_low))
    rows = at_low[rank[at_low] == lowest_rank]
    return rows[runs(pid[rows])]


def baseline(pid: np.ndarray, day: np.ndarray, igg: np.ndarray) -> np.ndarray:
    """Index of each patient's baseline row: its last day, the lowest value on that day."""
    starts = runs(pid)
    if not len(starts):
        return starts
    ends = np.append(starts[1:], len(pid)) - 1
    on_last = day == spread(day[ends], starts, len(pid))
    lowest = spread(np.minimum.reduceat(np.where(on_last, igg, np.inf), starts), starts, len(pid))
    rows = np.flatnonzero(on_last & (igg == lowest))
    return rows[runs(pid[rows])]


def slices(pid: np.ndarray, rows: int) -> list[slice]:
    """Consecutive slices of about ``rows`` rows each, cut between patients (``pid`` sorted)."""
    cuts = np.unique(np.searchsorted(pid, pid[::rows])) if len(pid) else np.zeros(0, dtype=np.int64)
    return [slice(a, b) for a, b in zip(cuts, np.append(cuts[1:], len(pid)))]


def time_and_area_below(
    pid: np.ndarray, day: np.ndarray, igg: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``days_below_threshold`` and ``area_below_threshold`` (mg/dL x days) over the observed
    span, by linear interpolation between consecutive measurements and no extrapolation, as
    noncompartmental analysis does (PKNCA's time above a threshold). Where a day has several
    values the lowest is used. Returns the patients with two measurement days or more (the
    others get none), their days and their areas."""
    starts = runs(pid, day)
    pid, day, igg = pid[starts], day[starts], np.minimum.reduceat(igg, starts)  # one value per day
    same = pid[1:] == pid[:-1]  # segment from day i to day i + 1 of one patient
    depth = threshold - igg  # positive below the threshold
    now, before = depth[1:][same], depth[:-1][same]
    width = (day[1:] - day[:-1])[same]
    owner = pid[1:][same]
    both, crossing, deeper, cross_time = _below_part(now, before, width)
    time = np.where(both, width, np.where(crossing, cross_time, 0.0))
    area = np.where(both, width * (now + before) / 2, np.where(crossing, cross_time * deeper / 2, 0.0))
    starts = runs(owner)
    if not len(starts):
        return starts, np.zeros(0), np.zeros(0)
    # np.add.reduceat sums each patient's segments as pandas' groupby sum does
    return owner[starts], np.add.reduceat(time, starts), np.add.reduceat(area, starts)


def _below_part(now: np.ndarray, before: np.ndarray, width: np.ndarray):
    """Of each segment ``width`` days long whose depths below the threshold are ``before`` at its
    start and ``now`` at its end (positive below): whether it lies wholly below, whether it
    crosses, the deeper end's depth, and the days below where it crosses (up to or from the
    interpolated crossing)."""
    both = (now > 0) & (before > 0)
    crossing = (now > 0) != (before > 0)
    deeper = np.maximum(now, before).clip(min=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross_time = width * deeper / np.abs(now - before)
    return both, crossing, deeper, cross_time


def periods_below(
    pid: np.ndarray, day: np.ndarray, igg: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The periods below ``threshold`` whose lengths :func:`time_and_area_below` adds up: per
    segment between consecutive measurement days (the lowest value of a day), the part below
    by linear interpolation, adjacent parts of one patient joined. Returns each period's
    patient, first day and last day."""
    starts = runs(pid, day)
    pid, day, igg = pid[starts], day[starts], np.minimum.reduceat(igg, starts)
    same = pid[1:] == pid[:-1]
    depth = threshold - igg
    now, before = depth[1:][same], depth[:-1][same]
    first, last, owner = day[:-1][same], day[1:][same], pid[1:][same]
    both, crossing, _, cross_time = _below_part(now, before, last - first)
    begins = np.where(both | (crossing & (before > 0)), first, last - cross_time)
    ends = np.where(both | (crossing & (now > 0)), last, first + cross_time)
    below = both | crossing
    owner, begins, ends = owner[below], begins[below], ends[below]
    joined = np.ones(len(owner), dtype=bool)  # a period starts unless it goes on from the one before
    joined[1:] = (owner[1:] != owner[:-1]) | (begins[1:] != ends[:-1])
    if not len(owner):
        return owner, begins, ends
    return owner[joined], begins[joined], np.maximum.reduceat(ends, np.flatnonzero(joined))
