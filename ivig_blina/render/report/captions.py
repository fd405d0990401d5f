"""The Figures section: each figure numbered with its caption, or the reason it is not drawn."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ivig_blina.analyses.results import Comparison
from ivig_blina.render.report.document import Figure, Section
from ivig_blina.render.report.numbers import value

# --- 6. figures -----------------------------------------------------------------------------------


def figure_caption(key: str, cmp: Comparison) -> str:
    cohort = cmp.cohort
    assert cohort is not None
    if key == "igg":
        return (
            f"Serum IgG ({cohort.igg_units}) from each patient's baseline to the end of follow-up, one panel per "
            f"cohort on one day axis and one line per patient; dashed line: the HGG threshold "
            f"({value(cohort.hgg_threshold)} {cohort.igg_units}); open circles: nadirs; ticks on a line: IVIG "
            "doses; open triangles: values reported below (pointing down) or above (up) the assay's limit. A "
            "cohort of more than 200 patients shows 200 courses drawn at random over the median and IQR of all "
            "its values."
        )
    two = len(cmp.groups) == 2
    if cmp.options.get("competing_risk"):
        return (
            "Cumulative incidence of infection with deaths without infection as a competing event (Aalen-Johansen), "
            + ("Gray's test P" if two else f"Gray's test P across the {len(cmp.groups)} cohorts")
            + ", and the numbers at risk beneath."
        )
    return (
        "Kaplan-Meier estimates of the proportion free of infection, with censoring marks, "
        + (
            "the hazard ratio (Cox, Efron ties) with its 95% CI and the log-rank P"
            if two
            else f"the log-rank P across the {len(cmp.groups)} cohorts"
        )
        + ", and the numbers at risk beneath."
    )


def figures_section(cmp: Comparison, figures: Mapping[str, Any]) -> Section:
    """The figures in order, numbered; one that could not be drawn says why."""
    blocks = []
    for number, (key, drawn) in enumerate(figures.items(), 1):
        missing = drawn if isinstance(drawn, str) else None
        blocks.append(Figure(key, number, figure_caption(key, cmp), None if missing else drawn, missing))
    return Section("figures", "Figures", tuple(blocks))
