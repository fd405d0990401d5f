"""Per-patient reductions over rows sorted by patient code ``pid`` and then day.

Every function takes the rows of many patients as numpy arrays, sorted so that each patient's
rows are contiguous and in day order, and returns one value per patient code (an array indexed
by ``pid``; NaN where a patient has none), without a Python loop over patients.
"""

from __future__ import annotations

import numpy as np


def runs(*keys: np.ndarray) -> np.ndarray:
    """Start of every run of rows equal in all ``keys`` (each sorted within the one before)."""
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    change = np.zeros(len(keys[0]), dtype=bool)
    change[0] = True
    for key in keys:
        change[1:] |= key[1:] != key[:-1]
    return np.flatnonzero(change)


def spread(values: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """One value per run (``starts`` of ``n`` rows) repeated over the run's rows."""
    return np.repeat(values, np.diff(np.append(starts, n)))


def by_patient(pid: np.ndarray, values: np.ndarray, patients: int, fill=np.nan) -> np.ndarray:
    """``values`` holds one value per run of ``pid``: spread them over all patient codes."""
    out = np.full(patients, fill, dtype=np.result_type(values, np.asarray(fill)))
    out[pid] = values
    return out


def first(pid: np.ndarray, values: np.ndarray, patients: int) -> np.ndarray:
    """Each patient's first value (its earliest day's)."""
    starts = runs(pid)
    return by_patient(pid[starts], values[starts], patients)


def below(igg: np.ndarray, less_than: np.ndarray, threshold: float) -> np.ndarray:
    """IgG below ``threshold``; a censored ``<X`` (``less_than``) counts when X is at or below it."""
    return (igg < threshold) | (less_than & (igg <= threshold))


def last_dose(pid: np.ndarray, day: np.ndarray, dose: np.ndarray) -> np.ndarray:
    """Day of each row's latest IVIG dose (rows flagged ``dose``) on or before the row's day,
    within the row's patient; NaN if none."""
    starts = runs(pid, day)
    n = len(pid)
    has = np.maximum.reduceat(dose, starts) if n else np.zeros(0, dtype=bool)
    latest = np.maximum.accumulate(np.where(has, np.arange(len(starts)), -1)) if n else has
    found = latest >= 0
    same = found & (pid[starts[np.maximum(latest, 0)]] == pid[starts])
    return spread(np.where(same, day[starts[np.maximum(latest, 0)]], np.nan), starts, n)


def nadir(pid: np.ndarray, day: np.ndarray, igg: np.ndarray) -> np.ndarray:
    """Index of each patient's nadir row: its lowest IgG, the earliest day on ties."""
    starts = runs(pid)
    if not len(starts):
        return starts
    at_low = igg == spread(np.minimum.reduceat(igg, starts), starts, len(pid))
    rows = np.flatnonzero(at_low)
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


def time_and_area_below(pid: np.ndarray, day: np.ndarray, igg: np.ndarray, threshold: float,
                        patients: int) -> tuple[np.ndarray, np.ndarray]:
    """``days_below_threshold`` and ``area_below_threshold`` (mg/dL x days) over the observed
    span, by linear interpolation between consecutive measurements and no extrapolation, as
    noncompartmental analysis does (PKNCA's time above a threshold). Where a day has several
    values the lowest is used. Patients with fewer than two measurement days get none (NaN)."""
    starts = runs(pid, day)
    if not len(starts):
        return np.full(patients, np.nan), np.full(patients, np.nan)
    pid, day, igg = pid[starts], day[starts], np.minimum.reduceat(igg, starts)  # one value per day
    same = pid[1:] == pid[:-1]  # segment from day i to day i + 1 of one patient
    depth = threshold - igg  # positive below the threshold
    now, before = depth[1:], depth[:-1]
    width = day[1:] - day[:-1]
    both = (now > 0) & (before > 0)
    crossing = (now > 0) != (before > 0)
    deeper = np.maximum(now, before).clip(min=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross_time = width * deeper / np.abs(now - before)
    time = np.where(both, width, np.where(crossing, cross_time, 0.0))
    area_of = np.where(both, width * (now + before) / 2, np.where(crossing, cross_time * deeper / 2, 0.0))
    owner = pid[1:][same]
    starts = runs(owner)
    days, area = np.full(patients, np.nan), np.full(patients, np.nan)
    if len(starts):  # np.add.reduceat sums each patient's segments as pandas' groupby sum does
        days[owner[starts]] = np.add.reduceat(time[same], starts)
        area[owner[starts]] = np.add.reduceat(area_of[same], starts)
    return days, area
