"""``ivig_blina.report``: the manuscript-ready report from Python, as ``ivigblina report``
writes it. Part of the public API over every stage: it draws the figures (``figures``), builds
the document and writes it (``render.report``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ivig_blina.analyses.results import Comparison
    from ivig_blina.analyses.table1 import Table1
    from ivig_blina.render.report.document import Report


def report(
    comparison: Comparison,
    path: str,
    *,
    table1: Table1 | bool | None = None,
    figures: bool = True,
    title: str | None = None,
    author: str | None = None,
    date: dt.date | None = None,
) -> Report:
    """Write the report of ``comparison`` to ``path`` (``.html``, ``.docx`` or ``.md``, by the
    extension) atomically, never over the input file, and return the document written.

    Parameters
    ----------
    comparison : Comparison
        From :func:`ivig_blina.compare`. Its cohort should be loaded with ``keep_rows=True``
        for the IgG figure and with ``all_covariates=True`` (or ``covariates=[...]``) for
        Table 1.
    table1 : Table1 or bool, optional
        A Table 1 to include; by default one is made when the cohort has covariates besides
        the baseline IgG; False leaves it out.
    figures : bool
        Draw the IgG courses and the infection curves (they need matplotlib, the ``plot``
        extra: without it the report says what is missing). A figure that cannot be drawn says
        why in its place.
    title, author, date
        The title (default: the cohorts compared), an author line, the date (default today).

    Examples
    --------
    >>> import ivig_blina, tempfile, os
    >>> cohort = ivig_blina.load("examples/wo2022_cohort.csv", keep_rows=True, all_covariates=True)
    >>> result = ivig_blina.compare(cohort, groups=("ivig", "control"))
    >>> path = os.path.join(tempfile.mkdtemp(), "study.md")
    >>> document = ivig_blina.report(result, path, figures=False)
    >>> [s.heading for s in document.sections][:4]
    ['Record of the analysis', 'Data', 'Baseline characteristics', 'Outcomes']
    """
    from ivig_blina.render.report import build_report, write_report

    cohort = comparison.cohort
    if cohort is None:
        from ivig_blina.errors import OptionError

        raise OptionError("comparison", "a report needs the comparison's cohort (compare() records it)")
    described: Table1 | None = None
    if table1 is None or table1 is True:
        if table1 is True or len(cohort.covariate_table()[1]) > 1:
            from ivig_blina.analyses.table1 import table1 as make_table1

            described = make_table1(cohort, list(comparison.groups))
    elif table1 is not False:
        described = table1
    drawn = None
    if figures:
        from ivig_blina.figures.report import report_figures

        drawn = report_figures(cohort, comparison.groups, competing_risk=bool(comparison.options.get("competing_risk")))
    document = build_report(comparison, described, drawn, title=title, author=author, date=date)
    write_report(document, path, [cohort.path])
    return document
