"""Stage 2, the cohort: the per-patient table derived from the validated rows (``patients``,
``exposure``), the account of what was done with every row (``accounting``), the same table
from partitions on a Dask cluster (``distributed``), and :func:`load`, which runs these steps
as one call (``load``).

May import: ``ivig_blina.io``, ``ivig_blina.errors``. Never analyses, render, figures or cli.
"""
