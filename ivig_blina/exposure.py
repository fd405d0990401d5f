"""IgG exposure per patient: how far and how long IgG fell, and where IVIG doses lie.

Every function takes the observation rows of many patients and returns one value per
patient (a Series or DataFrame indexed by the patient code ``pid``), without a Python loop over patients.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def below(igg: pd.Series, censored: pd.Series, threshold: float) -> pd.Series:
    """IgG below ``threshold``; a censored ``<X`` counts when X is at or below it."""
    return (igg < threshold) | ((censored == "<") & (igg <= threshold))


def last_dose(rows: pd.DataFrame, doses: pd.DataFrame) -> pd.Series:
    """Day of each row's latest IVIG dose on or before the row's day (NaN if none)."""
    if rows.empty or doses.empty:
        return pd.Series(np.nan, index=rows.index)
    left = rows[["pid", "day"]].reset_index().sort_values("day")
    right = doses[["pid", "day"]].rename(columns={"day": "dose_day"}).sort_values("dose_day")
    merged = pd.merge_asof(left, right, left_on="day", right_on="dose_day", by="pid", direction="backward")
    return merged.set_index("index").dose_day.reindex(rows.index)


def first_day_below(window: pd.DataFrame, threshold: float) -> pd.Series:
    """``days_to_hgg``: the first day in the window with IgG below the threshold."""
    hit = window[below(window.igg, window.censored, threshold)]
    return hit.groupby("pid").day.min()


def time_and_area_below(window: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """``days_below_threshold`` and ``area_below_threshold`` (mg/dL x days) over the observed
    span, by linear interpolation between consecutive measurements and no extrapolation, as
    noncompartmental analysis does (PKNCA's time above a threshold). Where a day has several
    values the lowest is used. Patients with fewer than two measurement days get none."""
    daily = window.groupby(["pid", "day"], sort=True).igg.min().reset_index()
    start = daily.groupby("pid").cumcount() > 0
    depth = threshold - daily.igg  # positive below the threshold
    prev_depth = depth.shift()
    width = daily.day - daily.day.shift()
    both = (depth > 0) & (prev_depth > 0)
    crossing = ((depth > 0) != (prev_depth > 0)) & ((depth > 0) | (prev_depth > 0))
    deeper = np.maximum(depth, prev_depth).clip(lower=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross_time = width * deeper / (depth - prev_depth).abs()
    time = np.where(both, width, np.where(crossing, cross_time, 0.0))
    area = np.where(both, width * (depth + prev_depth) / 2, np.where(crossing, cross_time * deeper / 2, 0.0))
    segments = pd.DataFrame({"pid": daily.pid, "days_below_threshold": time,
                             "area_below_threshold": area})[start]
    return segments.groupby("pid").sum()
