"""Stage 3, analyses of a loaded cohort: :func:`~ivig_blina.analyses.comparison.compare` (every
outcome summarised per group and tested) and the typed results it returns (``results``);
``table1``; ``power`` (minimum detectable effects and sample sizes at compare's group sizes);
``verify`` (a paper's printed binary results recomputed).

May import: ``ivig_blina.cohort``, ``ivig_blina.stats``, ``ivig_blina.io``, ``ivig_blina.errors``.
Never render, figures or cli.
"""
