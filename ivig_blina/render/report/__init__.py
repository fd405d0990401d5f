"""A manuscript-ready report of a comparison: HTML, Word (.docx) or Markdown, built from one
intermediate document (:mod:`document`) so that the three formats cannot disagree.

:func:`build_report` turns a :class:`~ivig_blina.analyses.results.Comparison` (with its
cohort), an optional :class:`~ivig_blina.analyses.table1.Table1` and the figures into a
:class:`~ivig_blina.render.report.document.Report`; :func:`write_report` writes it atomically
in the format the file's extension names. The sections, in order: the record of the run, the
data account and definitions, Table 1, the outcomes, time to infection (burden, models),
figures, Methods, Results and warnings.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ivig_blina.errors import OptionError

if TYPE_CHECKING:
    from ivig_blina.analyses.results import Comparison
    from ivig_blina.analyses.table1 import Table1
    from ivig_blina.render.report.document import Report

FORMATS = {".html": "html", ".htm": "html", ".docx": "docx", ".md": "markdown"}
__all__ = ["FORMATS", "build_report", "report_format", "write_report"]


def report_format(path: str) -> str:
    """``html``, ``docx`` or ``markdown`` from the file's extension (an OptionError naming
    ``output`` for any other)."""
    fmt = FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt is None:
        raise OptionError("output", f"expected a file name ending in .html, .docx or .md, got '{path}'")
    return fmt


def default_title(cmp: Comparison) -> str:
    return "IgG courses and infection outcomes: " + " vs ".join(cmp.groups)


def build_report(
    comparison: Comparison,
    table1: Table1 | None = None,
    figures: Mapping[str, Any] | None = None,
    *,
    title: str | None = None,
    author: str | None = None,
    date: dt.date | None = None,
    options: Mapping[str, Any] | None = None,
) -> Report:
    """The report of ``comparison`` as one document.

    Parameters
    ----------
    comparison : Comparison
        From :func:`ivig_blina.compare`; it carries its cohort (for the data account).
    table1 : Table1, optional
        From :func:`ivig_blina.table1` on the same cohort and groups; left out when None.
    figures : mapping, optional
        ``{"igg": figure, "infection": figure}`` in order, each a matplotlib figure or a text
        saying why it could not be drawn (see ``ivig_blina.figures.report.report_figures``);
        None leaves the Figures section out.
    title, author, date
        The title (default: the cohorts compared), an author line, and the date (default today).
    options : mapping, optional
        The report's own options to record beside the analysis' (e.g. ``{"figures": "off"}``).
    """
    from ivig_blina.render.report.captions import figures_section
    from ivig_blina.render.report.cells import Counter, Notes
    from ivig_blina.render.report.document import Report
    from ivig_blina.render.report.prose import methods_section, results_section
    from ivig_blina.render.report.record import data_section, record_section, warnings_section
    from ivig_blina.render.report.tables import outcomes_section, table1_section, time_section

    if comparison.cohort is None:
        raise OptionError("comparison", "a report needs the comparison's cohort (compare() records it)")
    counter, notes = Counter(), Notes()
    sections = [record_section(comparison, table1, options or {}), data_section(comparison)]
    if table1 is not None:
        sections.append(table1_section(table1, counter))
    sections.append(outcomes_section(comparison, counter, notes))
    timed = time_section(comparison, counter, notes)
    if timed is not None:
        sections.append(timed)
    drew = False
    if figures is not None:
        section = figures_section(comparison, figures)
        drew = any(f.drawing is not None for f in section.blocks if hasattr(f, "drawing"))
        sections.append(section)
    sections += [methods_section(comparison, table1, drew), results_section(comparison)]
    sections.append(warnings_section(comparison, table1))
    from ivig_blina import __version__

    byline = tuple(
        line
        for line in (
            author,
            f"{(date or dt.date.today()).isoformat()}",
            f"ivigblina {__version__}",
        )
        if line
    )
    return Report(title or default_title(comparison), byline, tuple(sections), author)


def write_report(report: Report, path: str, sources: Iterable[str] = ()) -> None:
    """Write ``report`` to ``path`` atomically in the format of its extension, never over one
    of ``sources`` (the input files). Markdown's figures go beside it as ``STEM-figure-N.png``,
    written with it: a failure leaves none of them."""
    fmt = report_format(path)
    sources = list(sources)
    if fmt == "html":
        from ivig_blina.io.writing import write_atomically
        from ivig_blina.render.report.as_html import html_text

        write_atomically(path, html_text(report), sources)
    elif fmt == "docx":
        from ivig_blina.io.writing import save_atomically
        from ivig_blina.render.report.as_docx import save_docx

        save_atomically(path, lambda temporary: save_docx(report, temporary), sources)
    else:
        from ivig_blina.render.report.as_markdown import write_markdown

        write_markdown(report, path, sources)
