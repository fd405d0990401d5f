"""The report as GitHub-flavoured Markdown: headings, paragraphs, lists and pipe tables, the
figures as 300 dpi PNG files beside the ``.md`` file (``STEM-figure-N.png``).

Every text is escaped: control characters shown as escapes, ``&``, ``<`` and ``>`` as HTML
entities (GitHub renders raw HTML), Markdown's punctuation backslash-escaped, so a cohort
named ``<script>``, ``*x*`` or ``a|b`` is shown as written and cannot break a table."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from urllib.parse import quote

from ivig_blina.errors import printable
from ivig_blina.render.report.document import Bullets, Cell, Figure, Paragraph, Report, Table

PNG_DPI = 300
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def text(value: str) -> str:
    """Text of the report as Markdown that shows exactly ``value``."""
    shown = printable(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    shown = _SPECIAL.sub(r"\\\1", shown)
    if re.match(r"^\d+[.)](\s|$)", shown) or shown.startswith(("-", "+", "=", "#")):  # a list, a heading
        shown = "\\" + shown
    return shown


def _cell(cell: Cell) -> str:
    indent = "&nbsp;&nbsp;&nbsp;&nbsp;" * cell.indent
    mark = f"<sup>{text(cell.mark)}</sup>" if cell.mark else ""
    return indent + text(cell.text) + mark


def _table(t: Table) -> list[str]:
    align = ["---:" if c.align == "right" else ":---" for c in t.header]
    lines = [
        f"**Table {t.number}.** {text(t.caption)}",
        "",
        "| " + " | ".join(_cell(c) for c in t.header) + " |",
        "|" + "|".join(align) + "|",
        *("| " + " | ".join(_cell(c) for c in row) + " |" for row in t.rows),
        "",
    ]
    for note in t.notes:
        lines += [text(note), ""]
    return lines


def figure_name(path: str, number: int) -> str:
    """The file name of figure ``number`` of the report written to ``path``."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return f"{stem}-figure-{number}.png"


def _figure(f: Figure, path: str) -> list[str]:
    caption = f"**Figure {f.number}.** {text(f.caption)}"
    if f.drawing is None:
        return [f"*Figure {f.number} is not drawn: {text(f.missing or '')}*", "", caption, ""]
    return [f"![Figure {f.number}]({quote(figure_name(path, f.number))})", "", caption, ""]


def markdown_text(report: Report, path: str) -> str:
    """The report as Markdown, its figures named as :func:`figure_name` says."""
    lines = [f"# {text(report.title)}", ""]
    for line in report.byline:
        lines += [text(line), ""]
    for section in report.sections:
        lines += [f"## {text(section.heading)}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines += [text(block.text), ""]
            elif isinstance(block, Bullets):
                lines += [f"- {text(item)}" for item in block.items] + [""]
            elif isinstance(block, Table):
                lines += _table(block)
            elif isinstance(block, Figure):
                lines += _figure(block, path)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_markdown(report: Report, path: str, sources: Iterable[str] = ()) -> None:
    """Write the Markdown file and its figures, each atomically; the figures first, and when
    anything fails, the figures this call created are removed again, so a failure leaves
    nothing new behind."""
    from ivig_blina.io.writing import save_atomically

    sources = list(sources)
    directory = os.path.dirname(path)
    drawn = [f for f in report.figures() if f.drawing is not None]
    created: list[str] = []

    def save(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as out:
            out.write(markdown_text(report, path))
        for f in drawn:
            target = os.path.join(directory, figure_name(path, f.number))
            existed = os.path.exists(target)
            save_atomically(
                target, lambda png, drawing=f.drawing: drawing.savefig(png, format="png", dpi=PNG_DPI), sources
            )
            if not existed:
                created.append(target)

    try:
        save_atomically(path, save, sources)
    except BaseException:
        for target in created:
            os.unlink(target)
        raise
