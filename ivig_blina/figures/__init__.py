"""Stage 4, figures: matplotlib drawings of a cohort and its analyses (``plots``).

May import: ``ivig_blina.analyses`` and every stage below it. Never render or cli.
"""
