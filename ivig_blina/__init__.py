"""ivigblina: compare two cohorts' IgG courses and infection outcomes.

The package root stays free of heavy imports so that ``ivigblina --help`` is instant;
import what you need from the submodules::

    from ivig_blina.reader import read_cohort
    from ivig_blina.patients import per_patient
    from ivig_blina.compare import compare
"""

__version__ = "0.1.0"
