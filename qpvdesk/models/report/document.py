"""A report as a list of blocks, independent of any file format (Qt-free).

One diagnostic or one fiche becomes one :class:`Document`; the PDF writer
(render/report_pdf.py) and the DOCX writer (render/report_docx.py) each lay the same blocks
out, so the two files say the same thing in the same order. The blocks are what a reader of a
Word document would name: headings, paragraphs with bold or italic runs, tables with header
rows, figures (a chart with its caption and source), a caution box, bullet lists, the sources
section, notes. Texts are final French strings: writers never word a figure.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .chart import Chart

ALIGNMENTS = ("left", "right", "center")
#: How a paragraph is set: ``lead`` for a generated sentence that states a fact, ``note`` for
#: a smaller remark, ``caption`` for what sits under a figure, ``small`` for fine print.
PARAGRAPH_ROLES = ("body", "lead", "note", "caption", "small")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    role: str = "body"

    def __post_init__(self) -> None:
        if self.role not in PARAGRAPH_ROLES:
            raise ValueError(f"unknown paragraph role {self.role!r}")

    @classmethod
    def plain(cls, text: str, role: str = "body") -> Paragraph:
        return cls((Run(text),), role)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1          # 1: part, 2: theme, 3: sub-section (Word's Titre 1, 2, 3)

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise ValueError(f"heading level {self.level} is not 1, 2 or 3")


@dataclass(frozen=True)
class BulletList:
    items: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Notice:
    """A caution box: what the figures around it must be read with."""
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Sparkline:
    """A cell's values along the years: (x, y) with y None where there is no value."""
    points: tuple[tuple[float, float | None], ...]


@dataclass(frozen=True)
class TableCell:
    text: str
    detail: str = ""            # a second, smaller line (edition, unit, names)
    status: str = "ok"          # anything but 'ok' (secret, non publié…) is set in grey italics
    bold: bool = False
    sparkline: Sparkline | None = None


@dataclass(frozen=True)
class Table:
    header_rows: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[TableCell, ...], ...]
    alignments: tuple[str, ...]
    title: str = ""
    notes: tuple[str, ...] = ()
    source: str = ""
    #: columns whose text wraps and shares the width the others leave (by default the first)
    wrap_columns: tuple[int, ...] = (0,)

    def __post_init__(self) -> None:
        count = len(self.alignments)
        if any(alignment not in ALIGNMENTS for alignment in self.alignments):
            raise ValueError(f"alignments must be among {ALIGNMENTS}")
        if any(len(row) != count for row in (*self.header_rows, *self.rows)):
            raise ValueError(f"every header row and row of « {self.title} » must have "
                             f"{count} cells")
        if any(not 0 <= index < count for index in self.wrap_columns):
            raise ValueError("wrap_columns names a column the table does not have")

    @property
    def column_count(self) -> int:
        return len(self.alignments)


@dataclass(frozen=True)
class Figure:
    """A chart, numbered by the writers (« Figure 3 »), with its caption and source line."""
    chart: Chart
    caption: str
    source: str
    notes: tuple[str, ...] = ()   # how to read it: what the axes hold, what is left out


@dataclass(frozen=True)
class Image:
    """A picture already drawn (a map), as PNG bytes."""
    png: bytes
    width_mm: float
    caption: str = ""
    source: str = ""


@dataclass(frozen=True)
class SourceEntry:
    producer: str
    dataset: str
    vintage: str
    licence: str
    detail: str = ""            # files, tables: where exactly the figures come from


@dataclass(frozen=True)
class SourcesSection:
    title: str
    entries: tuple[SourceEntry, ...]
    intro: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Contents:
    """The table of contents: each part (level-1 heading, the sources) with its page."""
    title: str = "Sommaire"


Block = Heading | Paragraph | BulletList | Notice | Table | Figure | Image | SourcesSection \
    | PageBreak | Contents


@dataclass(frozen=True)
class Cover:
    kicker: str                 # small capitals above the title
    title: str
    subtitle: str = ""
    lines: tuple[str, ...] = ()  # date, editions used, how it was produced
    image: Image | None = None


@dataclass(frozen=True)
class Document:
    title: str                  # the file's title (PDF metadata, DOCX core properties)
    footer: str                 # left of every page's footer; « page x / n » on the right
    blocks: tuple[Block, ...]
    cover: Cover | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)   # numbered notes at the end

    def parts(self) -> list[str]:
        """What a table of contents lists: the level-1 headings and the sources' title."""
        return [block.text if isinstance(block, Heading) else block.title
                for block in self.blocks if isinstance(block, Heading) and block.level == 1
                or isinstance(block, SourcesSection)]

    def headings(self, level: int | None = None) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)
                and (level is None or block.level == level)]

    def figures(self) -> list[Figure]:
        return [block for block in self.blocks if isinstance(block, Figure)]

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]
