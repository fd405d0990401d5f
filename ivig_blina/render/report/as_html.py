"""The report as one self-contained HTML file: CSS inline, figures inline as SVG, no script
and nothing fetched (a Content-Security-Policy of ``default-src 'none'`` says so to the
browser as well), readable on a phone (tables scroll sideways within the page) and printable.

Every text of the report is escaped here (after control characters are shown as escapes), so
a cohort named ``<script>`` is shown, never run."""

from __future__ import annotations

import html
import io
import re

from ivig_blina.errors import printable
from ivig_blina.render.report.document import Bullets, Cell, Figure, Paragraph, Report, Table

CSS = """
:root { color-scheme: light; }
body { font-family: "Times New Roman", Times, serif; font-size: 16px; line-height: 1.45; color: #000;
  background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #000; }
.byline { margin: 0; }
p, li, figcaption { overflow-wrap: anywhere; }  /* a SHA-256 or a long file name wraps on a phone */
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.5rem 0; }
table { border-collapse: collapse; border-top: 2px solid #000; border-bottom: 2px solid #000; font-size: 0.9rem; }
caption { caption-side: top; text-align: left; font-weight: normal; padding: 0 0 0.3rem; }
caption b { font-weight: bold; }
th, td { padding: 0.2rem 0.5rem; vertical-align: top; text-align: left; }
thead th { border-bottom: 1px solid #000; font-weight: bold; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.indent1 { padding-left: 1.5rem; }
.indent2 { padding-left: 2.5rem; }
.note { font-size: 0.85rem; margin: 0.2rem 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.9rem; }
.missing { border: 1px dashed #000; padding: 0.5rem; }
@media (max-width: 40rem) { body { font-size: 15px; } main { padding: 0.5rem; } }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
}
"""
# nothing may be loaded or run: inline styles and inline SVG only
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def text(value: str) -> str:
    """Text of the report as HTML: control characters shown as escapes, then ``<``, ``>``,
    ``&`` and quotes escaped."""
    return html.escape(printable(value), quote=True)


def _cell(cell: Cell, tag: str) -> str:
    classes = []
    if cell.align == "right":
        classes.append("num")
    if cell.indent:
        classes.append(f"indent{min(cell.indent, 2)}")
    attribute = f' class="{" ".join(classes)}"' if classes else ""
    mark = f"<sup>{text(cell.mark)}</sup>" if cell.mark else ""
    return f"<{tag}{attribute}>{text(cell.text)}{mark}</{tag}>"


def _table(t: Table) -> str:
    head = "".join(_cell(c, "th") for c in t.header)
    body = "\n".join("<tr>" + "".join(_cell(c, "td") for c in row) + "</tr>" for row in t.rows)
    notes = "\n".join(f'<p class="note">{text(n)}</p>' for n in t.notes)
    return (
        f'<div class="table" id="table-{text(t.key)}">\n<div class="scroll"><table>\n'
        f"<caption><b>Table {t.number}.</b> {text(t.caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table></div>\n{notes}\n</div>"
    )


def svg(drawing, prefix: str) -> str:
    """A matplotlib figure as an inline ``<svg>`` element: no XML prolog, no namespace URLs
    (the HTML parser knows SVG's), no metadata, and every id prefixed so that two figures'
    ids cannot collide in one page."""
    buffer = io.StringIO()
    drawing.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    source = buffer.getvalue()
    source = source[source.index("<svg") :]
    source = re.sub(r'\s+xmlns(?::xlink)?="[^"]*"', "", source, count=2)
    source = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', source)
    source = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', source)
    source = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", source)
    return source.replace("<svg ", f'<svg role="img" aria-labelledby="{prefix}-caption" ', 1)


def _figure(f: Figure) -> str:
    prefix = f"figure-{f.number}"
    caption = f'<figcaption id="{prefix}-caption"><b>Figure {f.number}.</b> {text(f.caption)}</figcaption>'
    if f.drawing is None:
        body = f'<p class="missing">Figure {f.number} is not drawn: {text(f.missing or "")}</p>'
    else:
        body = svg(f.drawing, prefix)
    return f'<figure id="{prefix}">\n{body}\n{caption}\n</figure>'


def _block(block) -> str:
    if isinstance(block, Paragraph):
        return f'<p class="note">{text(block.text)}</p>' if block.note else f"<p>{text(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>\n" + "\n".join(f"<li>{text(item)}</li>" for item in block.items) + "\n</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return _figure(block)
    raise TypeError(f"no HTML form for {type(block).__name__}")  # pragma: no cover - every block is above


def html_text(report: Report) -> str:
    """The whole report as one HTML document."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="ivigblina report">',
        f"<title>{text(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<header>\n<h1>{text(report.title)}</h1>",
        *(f'<p class="byline">{text(line)}</p>' for line in report.byline),
        "</header>",
    ]
    for section in report.sections:
        parts.append(f'<section id="{text(section.key)}">\n<h2>{text(section.heading)}</h2>')
        parts += [_block(b) for b in section.blocks]
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)
