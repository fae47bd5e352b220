"""A4 pages laid out before they are painted, shared by every PDF qpvdesk writes (fiche,
synthèse of a package, portrait).

A document is first cut into blocks of known height — paragraphs, titles, note boxes, table
rows — placed top to bottom on pages (a table row is never cut, a table's header is repeated
on the next page under a « (suite) » line), then painted, so that every footer can say
« page 1 / 3 ». The same painting serves a PDF writer and a printer.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QPageLayout, QPageSize,
                           QPagedPaintDevice, QPainter, QPdfWriter, QPen)

PDF_DPI = 300
MARGINS_MM = QMarginsF(13, 12, 13, 11)
FONT_FAMILY = "DejaVu Sans"
INK, GREY, LIGHT_GREY = QColor("#1b1b1b"), QColor("#666666"), QColor("#c9c9c9")
TITLE_BLUE = QColor("#1f3b57")
HEADER_FILL, ZEBRA_FILL = QColor("#e4e9ef"), QColor("#f5f7f9")
NOTE_FILL, NOTE_BORDER = QColor("#fff4d6"), QColor("#d9b55a")

Draw = Callable[[QPainter, float], None]   # paints a block whose top is at y
CellPainter = Callable[[QPainter, QRectF, float], None]   # rect, line width
Page = list[tuple[float, "Block"]]


@dataclass
class Block:
    height: float
    draw: Draw


class Style:
    """Fonts and lengths for one device (its resolution decides what a millimetre is)."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.px_per_mm = device.logicalDpiY() / 25.4
        self.width, self.height = float(device.width()), float(device.height())

    def mm(self, value: float) -> float:
        return value * self.px_per_mm

    def font(self, points: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setItalic(italic)
        # "ﬁ" and "ﬀ" ligatures would make the PDF's text unsearchable for "fiche", "chiffres"
        for feature in ("liga", "clig"):
            font.setFeature(QFont.Tag(feature), 0)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def text_height(self, text: str, font: QFont, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(font).boundingRect(QRectF(0, 0, width, 1e7), flags, text).height()


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------

def hline(painter: QPainter, x0: float, x1: float, y: float) -> None:
    painter.drawLine(QPointF(x0, y), QPointF(x1, y))


def paragraph(style: Style, text: str, font: QFont, color: QColor = INK,
              indent: float = 0.0) -> Block:
    width = style.width - indent
    height = style.text_height(text, font, width)

    def draw(painter: QPainter, top: float) -> None:
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(QRectF(indent, top, width, height), int(Qt.TextFlag.TextWordWrap),
                         text)
    return Block(height, draw)


def spacer(height: float) -> Block:
    return Block(height, lambda painter, top: None)


def section_title(style: Style, text: str, points: float = 11) -> Block:
    font = style.font(points, bold=True)
    text_height = style.text_height(text, font, style.width)
    gap = style.mm(1.2)

    def draw(painter: QPainter, top: float) -> None:
        painter.setFont(font)
        painter.setPen(TITLE_BLUE)
        painter.drawText(QRectF(0, top, style.width, text_height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), text)
        painter.setPen(QPen(TITLE_BLUE, style.mm(0.3)))
        hline(painter, 0, style.width, top + text_height + gap / 2)
    return Block(text_height + gap, draw)


def note_box(style: Style, text: str, width: float, points: float = 7.6) -> Block:
    font = style.font(points)
    pad = style.mm(2)
    inner = width - 2 * pad
    height = style.text_height(text, font, inner) + 2 * pad

    def draw(painter: QPainter, top: float) -> None:
        painter.setPen(QPen(NOTE_BORDER, style.mm(0.3)))
        painter.setBrush(NOTE_FILL)
        painter.drawRect(QRectF(0, top, width, height))
        painter.setFont(font)
        painter.setPen(INK)
        painter.drawText(QRectF(pad, top + pad, inner, height - 2 * pad),
                         int(Qt.TextFlag.TextWordWrap), text)
    return Block(height, draw)


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LayoutColumn:
    header: str                  # may hold line breaks
    right: bool = False          # numbers: right-aligned
    wrap: bool = False           # shares the width the other columns leave


@dataclass(frozen=True)
class LayoutCell:
    text: str
    detail: str = ""             # a second, smaller line
    dim: bool = False            # secret, not published…: grey italics
    bold: bool = False
    paint: CellPainter | None = None   # a sparkline instead of the text
    paint_width_mm: float = 0.0


@dataclass(frozen=True)
class LayoutTable:
    title: str
    columns: Sequence[LayoutColumn]
    rows: Sequence[Sequence[LayoutCell]]


class TableLayout:
    """Column widths and row blocks of one table. The wrapping columns take the width the
    others leave, shared in proportion to their text and wrapping it; the others are as wide
    as their widest cell."""

    MIN_WRAP_MM, MAX_WRAP_MM = 34, 80
    HEADER_LINE_MM = 22
    SCALES = (1.0, 0.93, 0.86, 0.8, 0.74)   # smaller type when the columns do not fit

    def __init__(self, style: Style, table: LayoutTable, scale: float = 1.0,
                 base_points: float = 6.9) -> None:
        self.style, self.table = style, table
        self.text_font = style.font(base_points * scale)
        self.bold_font = style.font(base_points * scale, bold=True)
        self.detail_font = style.font(base_points * 0.8 * scale)
        self.dim_font = style.font(base_points * scale, italic=True)
        self.header_font = style.font(base_points * 0.9 * scale, bold=True)
        self.pad = style.mm(0.95 * scale)
        natural = [self._natural_width(index) for index in range(len(table.columns))]
        widths, self.fits = self._share(natural)
        self.set_widths(widths)

    def set_widths(self, widths: list[float]) -> None:
        """Columns of chosen widths (the header's height follows)."""
        self.widths = widths
        self.header_height = max(
            self.style.text_height(column.header or " ", self.header_font, width - 2 * self.pad)
            for column, width in zip(self.table.columns, widths)) + 2 * self.pad

    @classmethod
    def fitted(cls, style: Style, table: LayoutTable, base_points: float = 6.9) -> TableLayout:
        for scale in cls.SCALES:
            layout = cls(style, table, scale, base_points)
            if layout.fits:
                break
        return layout

    def _share(self, natural: list[float]) -> tuple[list[float], bool]:
        """Widths across the page: the wrapping columns share what the others leave, in
        proportion to their text (each at most MAX_WRAP_MM, the rest going to the others);
        the layout fits when each wrapping column gets at least MIN_WRAP_MM (or its text)."""
        columns, style = self.table.columns, self.style
        wrapping = [index for index, column in enumerate(columns) if column.wrap]
        fixed = [index for index in range(len(columns)) if index not in wrapping]
        widths = list(natural)
        left = style.width - sum(natural[index] for index in fixed)
        if not wrapping:
            return widths, left >= 0
        low, high = style.mm(self.MIN_WRAP_MM), style.mm(self.MAX_WRAP_MM)
        wanted = {index: min(max(natural[index], low), high) for index in wrapping}
        total = sum(wanted.values())
        for index in wrapping:
            widths[index] = max(left, 0.0) * wanted[index] / total
        fits = left > 0 and all(widths[index] >= min(low, natural[index]) for index in wrapping)
        spare = sum(widths[index] - high for index in wrapping if widths[index] > high)
        if spare > 0 and fixed:   # spread what a long text column would eat
            for index in wrapping:
                widths[index] = min(widths[index], high)
            for index in fixed:
                widths[index] += spare / len(fixed)
        return widths, fits

    def _natural_width(self, index: int) -> float:
        text, bold = self.style.metrics(self.text_font), self.style.metrics(self.bold_font)
        detail, header = self.style.metrics(self.detail_font), self.style.metrics(self.header_font)
        width = max(self._header_line_width(header, line)
                    for line in self.table.columns[index].header.split("\n"))
        for row in self.table.rows:
            cell = row[index]
            lines = cell.text.split("\n")
            width = max(width, *((bold if cell.bold else text).horizontalAdvance(line)
                                 for line in lines),
                        *(detail.horizontalAdvance(line) for line in cell.detail.split("\n")))
            if cell.paint is not None:
                width = max(width, self.style.mm(cell.paint_width_mm))
        return width + 2 * self.pad + 1.0   # + 1 px: a text exactly as wide never wraps

    def _header_line_width(self, metrics: QFontMetricsF, line: str) -> float:
        """A header line as wide as it is, or, when longer than HEADER_LINE_MM (« Services aux
        particuliers 2019 »), as its longest word: the header then wraps over its numbers."""
        width = metrics.horizontalAdvance(line)
        if width <= self.style.mm(self.HEADER_LINE_MM):
            return width
        return max(metrics.horizontalAdvance(word) for word in line.split())

    def _detail_height(self, cell: LayoutCell, width: float) -> float:
        if not cell.detail:
            return 0.0
        return self.style.text_height(cell.detail, self.detail_font, width)

    def _cell_height(self, cell: LayoutCell, width: float) -> float:
        inner = width - 2 * self.pad
        text = self.style.text_height(cell.text or " ", self._font(cell), inner)
        return text + self._detail_height(cell, inner) + 2 * self.pad

    def _font(self, cell: LayoutCell) -> QFont:
        if cell.dim:
            return self.dim_font
        return self.bold_font if cell.bold else self.text_font

    def header_block(self) -> Block:
        table = self.table

        def draw(painter: QPainter, top: float) -> None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(HEADER_FILL)
            painter.drawRect(QRectF(0, top, sum(self.widths), self.header_height))
            painter.setFont(self.header_font)
            painter.setPen(INK)
            x = 0.0
            for column, width in zip(table.columns, self.widths):
                align = (Qt.AlignmentFlag.AlignRight if column.right
                         else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignBottom \
                    | Qt.TextFlag.TextWordWrap
                painter.drawText(QRectF(x + self.pad, top + self.pad, width - 2 * self.pad,
                                        self.header_height - 2 * self.pad), int(align),
                                 column.header)
                x += width
        return Block(self.header_height, draw)

    def row_blocks(self) -> list[Block]:
        return [self._row_block(number, row) for number, row in enumerate(self.table.rows)]

    def _row_block(self, number: int, row: Sequence[LayoutCell]) -> Block:
        height = max(self._cell_height(cell, width) for cell, width in zip(row, self.widths))

        def draw(painter: QPainter, top: float) -> None:
            total = sum(self.widths)
            if number % 2:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ZEBRA_FILL)
                painter.drawRect(QRectF(0, top, total, height))
            painter.setPen(QPen(LIGHT_GREY, self.style.mm(0.15)))
            hline(painter, 0, total, top + height)
            x = 0.0
            for column, cell, width in zip(self.table.columns, row, self.widths):
                self._draw_cell(painter, cell, QRectF(x, top, width, height).adjusted(
                    self.pad, self.pad, -self.pad, -self.pad), column.right)
                x += width
        return Block(height, draw)

    def _draw_cell(self, painter: QPainter, cell: LayoutCell, rect: QRectF, right: bool) -> None:
        align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        detail_height = self._detail_height(cell, rect.width())
        text_rect = rect.adjusted(0, 0, 0, -detail_height)
        if cell.paint is not None:
            line = self.style.metrics(self.text_font).height()
            width = self.style.mm(cell.paint_width_mm - 2)
            cell.paint(painter, QRectF(rect.right() - width, rect.top(), width, line),
                       self.style.mm(0.28))
        elif cell.text:
            painter.setFont(self._font(cell))
            painter.setPen(GREY if cell.dim else INK)
            painter.drawText(text_rect, int(align | Qt.AlignmentFlag.AlignTop
                                            | Qt.TextFlag.TextWordWrap), cell.text)
        if cell.detail:
            painter.setFont(self.detail_font)
            painter.setPen(GREY)
            painter.drawText(QRectF(rect.left(), rect.bottom() - detail_height, rect.width(),
                                    detail_height), int(align | Qt.TextFlag.TextWordWrap),
                             cell.detail)


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------

class Pages:
    """Blocks placed top to bottom, a new page when the next one does not fit."""

    def __init__(self, top: float, bottom: float) -> None:
        self.top, self.bottom = top, bottom
        self.pages: list[Page] = [[]]
        self.y = top

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def place(self, block: Block) -> None:
        self.pages[-1].append((self.y, block))
        self.y += block.height

    def keep_together(self, blocks: list[Block]) -> None:
        if self.y + sum(b.height for b in blocks) > self.bottom and self.y > self.top:
            self.new_page()
        for block in blocks:
            self.place(block)

    def table(self, style: Style, lead: list[Block], table: LayoutTable,
              layout: TableLayout | None = None) -> None:
        """The lead (title, note) stays with the header and the first row; when the rows go
        on to the next page, the header is repeated under a « (suite) » line. ``layout``
        defaults to columns fitted to the page."""
        if not table.rows:   # the lead's note says there is nothing to list
            self.keep_together(lead)
            return
        layout = layout or TableLayout.fitted(style, table)
        rows = layout.row_blocks()
        header = [layout.header_block()] if any(c.header for c in table.columns) else []
        self.keep_together(lead + header + rows[:1])
        for row in rows[1:]:
            if self.y + row.height > self.bottom:
                self.new_page()
                if table.title:
                    self.place(paragraph(style, f"{table.title} (suite)",
                                         style.font(7, italic=True), GREY))
                for block in header:
                    self.place(block)
            self.place(row)


def paint_pages(painter: QPainter, device: QPagedPaintDevice, pages: list[Page],
                footer: Callable[[int, int], None]) -> int:
    """Draw laid-out pages (blocks at their top position) with a footer on each; returns
    the number of pages."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for number, blocks in enumerate(pages, start=1):
        if number > 1:
            device.newPage()
        for top, block in blocks:
            painter.save()
            block.draw(painter, top)
            painter.restore()
        footer(number, len(pages))
    return len(pages)


def page_footer(style: Style, painter: QPainter, left: str, right: str) -> None:
    """A thin rule and one line of small grey text at the foot of the page."""
    font = style.font(6.5)
    height = style.metrics(font).height()
    top = style.height - height
    painter.setPen(QPen(LIGHT_GREY, style.mm(0.2)))
    hline(painter, 0, style.width, top - style.mm(1))
    painter.setFont(font)
    painter.setPen(GREY)
    painter.drawText(QRectF(0, top, style.width, height), int(Qt.AlignmentFlag.AlignLeft), left)
    painter.drawText(QRectF(0, top, style.width, height), int(Qt.AlignmentFlag.AlignRight),
                     right)


def footer_height(style: Style) -> float:
    return style.metrics(style.font(6.5)).height() + style.mm(4)


def set_a4(device: QPagedPaintDevice) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))


def render_pdf(title: str, paint: Callable[[QPainter, QPagedPaintDevice], int],
               creator: str = "qpvdesk") -> tuple[bytes, int]:
    """An A4 PDF at PDF_DPI painted in memory by ``paint(painter, writer) -> pages``; returns
    its bytes and number of pages (write them with models.report.output.write_atomically,
    which says in French why a file cannot be written, where Qt would only warn)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator(creator)
    set_a4(writer)
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("QPainter could not start on the PDF writer")
    try:
        pages = paint(painter, writer)
    finally:
        painter.end()
    del writer
    buffer.close()
    return bytes(data), pages
