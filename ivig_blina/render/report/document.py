"""The report as one intermediate document: sections of paragraphs, lists, tables and figures,
every piece of text plain (never markup), so that the HTML, Word and Markdown writers read
the same content and cannot disagree. The writers escape text for their format; nothing here
is a number to recompute: every cell is already the text a reader sees."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Align = Literal["left", "right"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text; ``note`` paragraphs are set smaller (table and figure notes)."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class Bullets:
    """A list of plain-text items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, alignment (numbers right), an indent level (a categorical
    covariate's levels), and a footnote mark set as a superscript after the text (``a``)."""

    text: str
    align: Align = "left"
    indent: int = 0
    mark: str = ""


@dataclass(frozen=True)
class Table:
    """A numbered table: ``key`` names it for tests and anchors, ``caption`` follows
    "Table N.", ``header`` is one row of cells, ``rows`` the body, and ``notes`` the paragraphs
    under it (the tests it names: Word has no footnotes that python-docx can write)."""

    key: str
    number: int
    caption: str
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A numbered figure: ``drawing`` is a matplotlib figure (anything with ``savefig``), or
    None with ``missing`` saying why it is not there."""

    key: str
    number: int
    caption: str
    drawing: Any = None
    missing: str | None = None


Block = Paragraph | Bullets | Table | Figure


@dataclass(frozen=True)
class Section:
    """A section of the report: ``key`` (stable, for tests and anchors), its heading and blocks."""

    key: str
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Report:
    """The whole report: a title, the lines under it (author, date, software, input file), and
    the sections in order."""

    title: str
    byline: tuple[str, ...]
    sections: tuple[Section, ...]
    author: str | None = None

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)
