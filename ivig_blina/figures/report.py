"""The figures of a report: each drawn by the public figure functions, or the reason it
cannot be (matplotlib missing, rows not kept, more panels than the figure draws), so that a
report without them says what is missing instead of failing."""

from __future__ import annotations

import importlib.util
from typing import Any

from ivig_blina.cohort.load import Cohort
from ivig_blina.errors import IvigBlinaError

NEEDS_MATPLOTLIB = "figures need matplotlib: pip install 'ivig-blina[plot]'"


def report_figures(
    cohort: Cohort,
    groups: tuple[str, ...] | list[str],
    *,
    competing_risk: bool = False,
    labels: dict[str, str] | None = None,
) -> dict[str, Any]:
    """``{"igg": ..., "infection": ...}``: each a matplotlib ``Figure``, or a text saying why it
    is not drawn. ``cohort`` must have been loaded with ``keep_rows=True`` for the IgG courses
    (and ``competing_risk=True`` for the cumulative incidence); ``groups`` are the cohorts
    compared, in order."""
    if importlib.util.find_spec("matplotlib") is None:
        return {"igg": NEEDS_MATPLOTLIB, "infection": NEEDS_MATPLOTLIB}
    from ivig_blina.figures.courses import igg_figure
    from ivig_blina.figures.km import infection_figure

    out: dict[str, Any] = {}
    try:
        out["igg"] = igg_figure(cohort, list(groups), labels=labels)
    except IvigBlinaError as e:  # the rows were not kept (--engine dask), too many panels
        out["igg"] = e.message
    out["infection"] = infection_figure(cohort, list(groups), competing_risk=competing_risk, labels=labels)
    return out
