"""ivigblina: compare cohorts' IgG courses and infection outcomes.

The library in five lines::

    import ivig_blina

    cohort = ivig_blina.load("examples/wo2022_cohort.csv")       # read, validate, per-patient table
    result = ivig_blina.compare(cohort, groups=("ivig", "control"))
    result.to_frame()                                             # the CSV output as a DataFrame
    result.to_dict()                                              # the JSON output

The names are imported on first use, so that importing the package (and ``ivigblina --help``)
stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Cohort", "Comparison", "IvigBlinaError", "OptionError", "Table1", "compare", "load", "report", "table1"]

if TYPE_CHECKING:
    from ivig_blina.analyses.comparison import compare
    from ivig_blina.analyses.results import Comparison
    from ivig_blina.analyses.table1 import Table1, table1
    from ivig_blina.cohort.load import Cohort, load
    from ivig_blina.errors import IvigBlinaError, OptionError
    from ivig_blina.manuscript import report

_LAZY = {
    "load": "ivig_blina.cohort.load",
    "Cohort": "ivig_blina.cohort.load",
    "compare": "ivig_blina.analyses.comparison",
    "Comparison": "ivig_blina.analyses.results",
    "table1": "ivig_blina.analyses.table1",
    "Table1": "ivig_blina.analyses.table1",
    "IvigBlinaError": "ivig_blina.errors",
    "OptionError": "ivig_blina.errors",
    "report": "ivig_blina.manuscript",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ivig_blina' has no attribute '{name}'")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
