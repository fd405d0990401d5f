"""ivigblina: compare two cohorts' IgG courses and infection outcomes.

The package root stays free of heavy imports so that ``ivigblina --help`` is instant;
import what you need from the submodules::

    from ivig_blina.io.reader import read_cohort
    from ivig_blina.cohort.patients import per_patient
    from ivig_blina.analyses.comparison import compare
"""

__version__ = "0.1.0"
