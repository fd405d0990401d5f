"""Stage 4, figures: matplotlib drawings of a cohort and its analyses, each a function that
returns a ``Figure`` (nothing is shown): ``km`` (time to infection), ``courses`` (IgG courses),
``swimmer`` (each patient's follow-up), ``forest`` (every outcome's effect), with ``style``
(one look across figures), ``layout`` (labels where nothing crosses them) and ``output``
(saving by extension: PNG, SVG, PDF, TIFF, EPS). The names here are imported on first use, and
matplotlib only when a figure is drawn.

May import: ``ivig_blina.analyses`` and every stage below it. Never render or cli.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["forest_figure", "igg_figure", "infection_figure", "save_figure", "swimmer_figure"]

if TYPE_CHECKING:
    from ivig_blina.figures.courses import igg_figure
    from ivig_blina.figures.forest import forest_figure
    from ivig_blina.figures.km import infection_figure
    from ivig_blina.figures.output import save_figure
    from ivig_blina.figures.swimmer import swimmer_figure

_LAZY = {
    "infection_figure": "ivig_blina.figures.km",
    "igg_figure": "ivig_blina.figures.courses",
    "swimmer_figure": "ivig_blina.figures.swimmer",
    "forest_figure": "ivig_blina.figures.forest",
    "save_figure": "ivig_blina.figures.output",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ivig_blina.figures' has no attribute '{name}'")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
