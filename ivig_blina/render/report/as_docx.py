"""The report as a Word document made with python-docx: styles a journal accepts (one font
throughout, black text, no shading, three-rule tables with numbers right-aligned and the
header row repeated on each page), each table's notes as a paragraph under it (python-docx
has no footnote API), figures as 300 dpi PNG.

Text from the input file goes through :func:`~ivig_blina.errors.printable`: Word refuses
control characters (the XML cannot hold them), so they are shown as their escapes. A cell
that starts with ``=`` is only text in Word (Word runs no formulas from document text), so it
is left as written.
"""

from __future__ import annotations

import io
from typing import Any

from ivig_blina.errors import printable
from ivig_blina.render.report.document import Bullets, Cell, Figure, Paragraph, Report, Table

FONT = "Times New Roman"
BODY_PT, TABLE_PT, NOTE_PT = 11, 9, 9
PNG_DPI = 300
FIGURE_WIDTH_IN = 6.5
TEXT_WIDTH_IN, LANDSCAPE_WIDTH_IN = 6.5, 9.0  # between 1-inch margins of a Letter page, upright or turned
CHAR_IN, PADDING_IN = 0.052, 0.2  # a 9-point Times character, a cell's margins: to size columns by their text
WIDEST_IN = 2.2  # a column of longer texts wraps them
STYLES = ("Normal", "Title", "Heading 1", "List Bullet", "Caption")
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _docx():
    try:
        import docx
    except ImportError:  # pragma: no cover - a dependency of ivig-blina
        from ivig_blina.errors import IvigBlinaError

        raise IvigBlinaError("a Word report needs python-docx: pip install python-docx") from None
    return docx


def _one_font(r_pr) -> None:
    """Set every script's font of a run-properties element to FONT, without theme fonts."""
    from docx.oxml.ns import qn

    fonts = r_pr.get_or_add_rFonts()
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _styles(document) -> None:
    """One font, black, no borders or shading, in every style the report uses and the defaults."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if r_pr is not None:
            _one_font(r_pr)
    for style in document.styles:
        r_pr = getattr(style.element, "rPr", None)
        if r_pr is not None and r_pr.rFonts is not None:  # the built-ins that name a font of their own (Courier)
            _one_font(r_pr)
    for name in STYLES:
        style = document.styles[name]
        _one_font(style.element.get_or_add_rPr())
        style.font.color.rgb = RGBColor(0, 0, 0)
        color = style.element.rPr.find(qn("w:color"))
        if color is not None:
            for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
                color.attrib.pop(qn(attribute), None)
        p_pr = style.element.pPr
        if p_pr is not None:
            for tag in ("w:pBdr", "w:shd"):
                for found in p_pr.findall(qn(tag)):
                    p_pr.remove(found)
    document.styles["Normal"].font.size = Pt(BODY_PT)
    document.styles["Title"].font.size = Pt(18)
    document.styles["Heading 1"].font.size = Pt(14)
    document.styles["Caption"].font.size = Pt(NOTE_PT)
    document.styles["Caption"].font.italic = False
    document.styles["Caption"].font.bold = False


def _border(element, tag: str, sides: dict[str, int]) -> None:
    """Single black rules of ``size`` eighths of a point on ``sides`` of a table or cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = element.find(qn(tag))
    if borders is None:
        borders = OxmlElement(tag)
        element.append(borders)
    for side, size in sides.items():
        rule = OxmlElement(f"w:{side}")
        rule.set(qn("w:val"), "single")
        rule.set(qn("w:sz"), str(size))
        rule.set(qn("w:space"), "0")
        rule.set(qn("w:color"), "000000")
        borders.append(rule)


def _fill(cell_element, cell: Cell, bold: bool, size: int) -> None:
    """Write ``cell`` into a python-docx cell: its text, alignment, indent and mark."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell_element.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if cell.align == "right" else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    if cell.indent:
        paragraph.paragraph_format.left_indent = Pt(10 * cell.indent)
    run = paragraph.add_run(printable(cell.text))
    run.font.size, run.bold = Pt(size), bold or None
    if cell.mark:
        mark = paragraph.add_run(printable(cell.mark))
        mark.font.size, mark.font.superscript = Pt(size), True


def column_widths(t: Table) -> tuple[list[float], bool]:
    """Each column's width in inches, from the longest text of its cells (a header may wrap at
    its words), and whether the table needs a page turned sideways: a table wider than the
    upright text width gets a landscape page, and one wider still is squeezed to fit it."""
    natural = []
    for i, head in enumerate(t.header):
        body = max((len(row[i].text) + len(row[i].mark) + 4 * row[i].indent for row in t.rows), default=0)
        words = max((len(w) for w in head.text.split()), default=0)
        natural.append(min(max(body, words, 5) * CHAR_IN + PADDING_IN, WIDEST_IN))
    total = sum(natural)
    landscape = total > TEXT_WIDTH_IN
    width = LANDSCAPE_WIDTH_IN if landscape else TEXT_WIDTH_IN
    return [w * width / total for w in natural] if total > width or landscape else natural, landscape


def _turn(document, landscape: bool) -> None:
    """Start a new page, sideways or upright."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    short, long = sorted((section.page_width, section.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def _table(document, t: Table, turned: bool = False) -> None:
    """A table with its caption above and its notes below; a wide one on a landscape page
    (``turned``: the page is turned already, before the section's heading)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    widths, landscape = column_widths(t)
    if landscape and not turned:
        _turn(document, True)
    caption = document.add_paragraph(style="Caption")
    caption.add_run(f"Table {t.number}. ").bold = True
    caption.add_run(printable(t.caption))
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1 + len(t.rows), cols=len(t.header))
    table.style = document.styles["Normal Table"]
    _border(table._tbl.tblPr, "w:tblBorders", {"top": 12, "bottom": 12})
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # the header row again on each page
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, source in zip(header.cells, t.header):
        _fill(cell, source, True, TABLE_PT)
        _border(cell._tc.get_or_add_tcPr(), "w:tcBorders", {"bottom": 6})
    for row, cells in zip(table.rows[1:], t.rows):
        for cell, source in zip(row.cells, cells):
            _fill(cell, source, False, TABLE_PT)
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Inches(width)  # the grid, which LibreOffice reads
        for cell in column.cells:  # and each cell, which Word reads
            cell.width = Inches(width)
    for note in t.notes:
        paragraph = document.add_paragraph(printable(note), style="Caption")
        paragraph.paragraph_format.space_after = Pt(2)
    if landscape:
        _turn(document, False)
    else:
        document.add_paragraph()


def png(drawing) -> bytes:
    """A matplotlib figure as PNG at 300 dpi."""
    buffer = io.BytesIO()
    drawing.savefig(buffer, format="png", dpi=PNG_DPI)
    return buffer.getvalue()


def _figure(document, f: Figure) -> None:
    from docx.shared import Inches

    if f.drawing is None:
        document.add_paragraph(printable(f"Figure {f.number} is not drawn: {f.missing}"))
    else:
        document.add_picture(io.BytesIO(png(f.drawing)), width=Inches(FIGURE_WIDTH_IN))
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    caption = document.add_paragraph(style="Caption")
    caption.add_run(f"Figure {f.number}. ").bold = True
    caption.add_run(printable(f.caption))


def _block(document, block: Any, turned: bool = False) -> None:
    if isinstance(block, Paragraph):
        document.add_paragraph(printable(block.text), style="Caption" if block.note else None)
    elif isinstance(block, Bullets):
        for item in block.items:
            document.add_paragraph(printable(item), style="List Bullet")
    elif isinstance(block, Table):
        _table(document, block, turned)
    elif isinstance(block, Figure):
        _figure(document, block)
    else:  # pragma: no cover - every block is above
        raise TypeError(f"no Word form for {type(block).__name__}")


def docx_document(report: Report):
    """The report as a python-docx ``Document``."""
    from ivig_blina import __version__

    document = _docx().Document()
    _styles(document)
    properties = document.core_properties
    properties.title = printable(report.title)
    properties.author = printable(report.author) if report.author else "ivigblina"
    properties.last_modified_by = "ivigblina"
    properties.comments = f"generated by ivigblina {__version__}"
    document.add_paragraph(printable(report.title), style="Title")
    for line in report.byline:
        document.add_paragraph(printable(line))
    for section in report.sections:
        first = section.blocks[0] if section.blocks else None
        turned = isinstance(first, Table) and column_widths(first)[1]
        if turned:  # the heading goes with its wide table onto the landscape page
            _turn(document, True)
        document.add_paragraph(printable(section.heading), style="Heading 1")
        for i, block in enumerate(section.blocks):
            _block(document, block, turned and i == 0)
    return document


def save_docx(report: Report, path: str) -> None:
    """Write the report as a .docx file at ``path``."""
    docx_document(report).save(path)
