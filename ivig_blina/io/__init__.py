"""Stage 1, reading and writing files: the cohort file parsed and validated into rows
(``reader``, ``csvfile``), files written atomically and safely (``writing``), memory handed
back between steps (``memory``).

May import: ``ivig_blina.errors``. Never the stages above (cohort, analyses, render, figures, cli).
"""
