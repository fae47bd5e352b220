"""A fiche on A4 paper: exported to PDF (QPdfWriter, 300 dpi) or printed (views.fiche.fiche_print).

One painting function serves both devices. The document is laid out first — blocks of known
height placed on pages, a table row never cut, a table's header repeated on the next page —
then painted, so that every footer can say « page 1 / 3 ».
"""
from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize,
                           QPagedPaintDevice, QPainter, QPdfWriter, QPen)

from ..models.fiche import EDUCATION_THEME, Fiche
from .fiche_tables import (Cell, FicheTable, SourceIndex, education_tables, footnotes,
                           geography_note, identity_rows, paint_sparkline, sources_line,
                           theme_tables, today_french)

PDF_DPI = 300
MARGINS_MM = QMarginsF(13, 12, 13, 11)
FONT_FAMILY = "DejaVu Sans"
THUMBNAIL_WIDTH_MM = 72
THUMBNAIL_CAPTION = (
    "Contour bleu : périmètre 2024 du quartier ; en rouge, les QPV. Collèges : triangle REP+, "
    "losange REP, rond hors éducation prioritaire, carré privé ; couleur selon l'IPS (rouge : "
    "moins de 80, bleu foncé : 100 et plus).")
INK, GREY, LIGHT_GREY = QColor("#1b1b1b"), QColor("#666666"), QColor("#c9c9c9")
TITLE_BLUE = QColor("#1f3b57")
HEADER_FILL, ZEBRA_FILL = QColor("#e4e9ef"), QColor("#f5f7f9")
NOTE_FILL, NOTE_BORDER = QColor("#fff4d6"), QColor("#d9b55a")

Draw = Callable[[QPainter, float], None]   # paints a block whose top is at y


@dataclass
class _Block:
    height: float
    draw: Draw


class _Style:
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

def _hline(painter: QPainter, x0: float, x1: float, y: float) -> None:
    painter.drawLine(QPointF(x0, y), QPointF(x1, y))


def _paragraph(style: _Style, text: str, font: QFont, color: QColor = INK,
               indent: float = 0.0) -> _Block:
    width = style.width - indent
    height = style.text_height(text, font, width)

    def draw(painter: QPainter, top: float) -> None:
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(QRectF(indent, top, width, height), int(Qt.TextFlag.TextWordWrap),
                         text)
    return _Block(height, draw)


def _spacer(height: float) -> _Block:
    return _Block(height, lambda painter, top: None)


def _section_title(style: _Style, text: str) -> _Block:
    font = style.font(11, bold=True)
    text_height = style.metrics(font).height()
    gap = style.mm(1.2)

    def draw(painter: QPainter, top: float) -> None:
        painter.setFont(font)
        painter.setPen(TITLE_BLUE)
        painter.drawText(QRectF(0, top, style.width, text_height),
                         int(Qt.AlignmentFlag.AlignLeft), text)
        painter.setPen(QPen(TITLE_BLUE, style.mm(0.3)))
        y = top + text_height + gap / 2
        _hline(painter, 0, style.width, y)
    return _Block(text_height + gap, draw)


def _note_box(style: _Style, text: str, width: float) -> _Block:
    font = style.font(7.6)
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
    return _Block(height, draw)


def _header(style: _Style, fiche: Fiche, thumbnail: QImage | None) -> _Block:
    """Kicker, name, identity and the geography note on the left; the map thumbnail and its
    caption on the right."""
    map_width = style.mm(THUMBNAIL_WIDTH_MM) if thumbnail is not None else 0.0
    gutter = style.mm(6) if thumbnail is not None else 0.0
    text_width = style.width - map_width - gutter
    kicker_font, name_font = style.font(7.5, bold=True), style.font(17, bold=True)
    label_font, value_font = style.font(7.8), style.font(8.6)
    caption_font = style.font(6.2)
    kicker = "FICHE DU QUARTIER PRIORITAIRE — CA DE LENS-LIÉVIN"
    name_height = style.text_height(fiche.identity.name, name_font, text_width)
    label_width = style.mm(28)
    rows = identity_rows(fiche)
    row_heights = [style.text_height(value, value_font, text_width - label_width) + style.mm(1)
                   for _, value in rows]
    kicker_height = style.metrics(kicker_font).height() + style.mm(1)
    note = _note_box(style, geography_note(fiche), text_width)
    text_height = (kicker_height + name_height + style.mm(2.5) + sum(row_heights)
                   + style.mm(3) + note.height)
    map_height = caption_height = 0.0
    if thumbnail is not None:
        map_height = map_width * thumbnail.height() / max(thumbnail.width(), 1)
        caption_height = style.text_height(THUMBNAIL_CAPTION, caption_font, map_width)
    height = max(text_height, map_height + style.mm(1) + caption_height)

    def draw(painter: QPainter, top: float) -> None:
        painter.setPen(GREY)
        painter.setFont(kicker_font)
        painter.drawText(QRectF(0, top, text_width, kicker_height),
                         int(Qt.AlignmentFlag.AlignLeft), kicker)
        y = top + kicker_height
        painter.setPen(TITLE_BLUE)
        painter.setFont(name_font)
        painter.drawText(QRectF(0, y, text_width, name_height), int(Qt.TextFlag.TextWordWrap),
                         fiche.identity.name)
        y += name_height + style.mm(2.5)
        for (label, value), row_height in zip(rows, row_heights):
            painter.setPen(GREY)
            painter.setFont(label_font)
            painter.drawText(QRectF(0, y, label_width, row_height),
                             int(Qt.AlignmentFlag.AlignLeft), label)
            painter.setPen(INK)
            painter.setFont(value_font)
            painter.drawText(QRectF(label_width, y, text_width - label_width, row_height),
                             int(Qt.TextFlag.TextWordWrap), value)
            y += row_height
        note.draw(painter, y + style.mm(3))
        if thumbnail is not None:
            left = style.width - map_width
            target = QRectF(left, top, map_width, map_height)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(target, thumbnail)
            painter.setPen(QPen(LIGHT_GREY, style.mm(0.25)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target)
            painter.setFont(caption_font)
            painter.setPen(GREY)
            painter.drawText(QRectF(left, top + map_height + style.mm(1), map_width,
                                    caption_height), int(Qt.TextFlag.TextWordWrap),
                             THUMBNAIL_CAPTION)
    return _Block(height, draw)


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

class _TableLayout:
    """Column widths and row blocks of one FicheTable. The first column takes the width the
    others leave and wraps its text; the others are as wide as their widest cell."""

    SPARK_WIDTH_MM = 14
    FIRST_MIN_MM, FIRST_MAX_MM = 34, 80
    SCALES = (1.0, 0.93, 0.86, 0.8, 0.74)   # smaller type when the columns do not fit

    def __init__(self, style: _Style, table: FicheTable, scale: float = 1.0) -> None:
        self.style, self.table = style, table
        self.text_font, self.detail_font = style.font(6.9 * scale), style.font(5.5 * scale)
        self.secret_font = style.font(6.9 * scale, italic=True)
        self.header_font = style.font(6.2 * scale, bold=True)
        self.pad = style.mm(0.95 * scale)
        widths = [self._natural_width(index) for index in range(len(table.columns))]
        first = style.width - sum(widths[1:])
        self.fits = first >= style.mm(self.FIRST_MIN_MM)
        if first > style.mm(self.FIRST_MAX_MM):   # spread what a long first column would eat
            extra = (first - style.mm(self.FIRST_MAX_MM)) / max(len(widths) - 1, 1)
            widths[1:] = [width + extra for width in widths[1:]]
            first = style.mm(self.FIRST_MAX_MM)
        widths[0] = max(first, style.mm(self.FIRST_MIN_MM))
        self.widths = widths
        self.header_height = max(self._header_lines_height(column.header)
                                 for column in table.columns) + 2 * self.pad

    @classmethod
    def fitted(cls, style: _Style, table: FicheTable) -> _TableLayout:
        for scale in cls.SCALES:
            layout = cls(style, table, scale)
            if layout.fits:
                break
        return layout

    def _natural_width(self, index: int) -> float:
        text, detail = self.style.metrics(self.text_font), self.style.metrics(self.detail_font)
        header = self.style.metrics(self.header_font)
        cells = [row[index] for row in self.table.rows]
        width = max(header.horizontalAdvance(line)
                    for line in self.table.columns[index].header.split("\n"))
        for cell in cells:
            width = max(width, text.horizontalAdvance(cell.text),
                        detail.horizontalAdvance(cell.detail))
            if cell.series:
                width = max(width, self.style.mm(self.SPARK_WIDTH_MM))
        return width + 2 * self.pad

    def _header_lines_height(self, header: str) -> float:
        return self.style.metrics(self.header_font).height() * (header.count("\n") + 1)

    def _cell_height(self, cell: Cell, width: float) -> float:
        text = self.style.text_height(cell.text or " ", self._font(cell), width - 2 * self.pad)
        detail = self.style.metrics(self.detail_font).height() if cell.detail else 0.0
        return text + detail + 2 * self.pad

    def _font(self, cell: Cell) -> QFont:
        return self.secret_font if cell.status != "ok" else self.text_font

    def header_block(self) -> _Block:
        table = self.table

        def draw(painter: QPainter, top: float) -> None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(HEADER_FILL)
            painter.drawRect(QRectF(0, top, sum(self.widths), self.header_height))
            painter.setFont(self.header_font)
            painter.setPen(INK)
            x = 0.0
            for column, width in zip(table.columns, self.widths):
                align = (Qt.AlignmentFlag.AlignRight if column.numeric
                         else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignBottom
                painter.drawText(QRectF(x + self.pad, top + self.pad, width - 2 * self.pad,
                                        self.header_height - 2 * self.pad), int(align),
                                 column.header)
                x += width
        return _Block(self.header_height, draw)

    def row_blocks(self) -> list[_Block]:
        return [self._row_block(number, row) for number, row in enumerate(self.table.rows)]

    def _row_block(self, number: int, row: list[Cell]) -> _Block:
        height = max(self._cell_height(cell, width) for cell, width in zip(row, self.widths))

        def draw(painter: QPainter, top: float) -> None:
            total = sum(self.widths)
            if number % 2:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ZEBRA_FILL)
                painter.drawRect(QRectF(0, top, total, height))
            painter.setPen(QPen(LIGHT_GREY, self.style.mm(0.15)))
            _hline(painter, 0, total, top + height)
            x = 0.0
            for column, cell, width in zip(self.table.columns, row, self.widths):
                self._draw_cell(painter, cell, QRectF(x, top, width, height).adjusted(
                    self.pad, self.pad, -self.pad, -self.pad), column.numeric)
                x += width
        return _Block(height, draw)

    def _draw_cell(self, painter: QPainter, cell: Cell, rect: QRectF, numeric: bool) -> None:
        align = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
        detail_height = self.style.metrics(self.detail_font).height() if cell.detail else 0.0
        text_rect = rect.adjusted(0, 0, 0, -detail_height)
        if cell.series:
            line = self.style.metrics(self.text_font).height()
            spark = QRectF(rect.right() - self.style.mm(self.SPARK_WIDTH_MM - 2), rect.top(),
                           self.style.mm(self.SPARK_WIDTH_MM - 2), line)
            paint_sparkline(painter, spark, cell.series, self.style.mm(0.28))
        elif cell.text:
            painter.setFont(self._font(cell))
            painter.setPen(INK if cell.status == "ok" else GREY)
            painter.drawText(text_rect, int(align | Qt.AlignmentFlag.AlignTop
                                            | Qt.TextFlag.TextWordWrap), cell.text)
        if cell.detail:
            painter.setFont(self.detail_font)
            painter.setPen(GREY)
            painter.drawText(QRectF(rect.left(), rect.bottom() - detail_height, rect.width(),
                                    detail_height), int(align), cell.detail)


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------

class _Pages:
    """Blocks placed top to bottom, a new page when the next one does not fit."""

    def __init__(self, top: float, bottom: float) -> None:
        self.top, self.bottom = top, bottom
        self.pages: list[list[tuple[float, _Block]]] = [[]]
        self.y = top

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def place(self, block: _Block) -> None:
        self.pages[-1].append((self.y, block))
        self.y += block.height

    def keep_together(self, blocks: list[_Block]) -> None:
        if self.y + sum(b.height for b in blocks) > self.bottom and self.y > self.top:
            self.new_page()
        for block in blocks:
            self.place(block)

    def table(self, style: _Style, lead: list[_Block], table: FicheTable,
              layout: _TableLayout | None = None) -> None:
        """The lead (title, note) stays with the header and the first row; when the rows go
        on to the next page, the header is repeated under a « (suite) » line. ``layout``
        defaults to columns fitted to the page."""
        if not table.rows:   # the lead's note says there is nothing to list
            self.keep_together(lead)
            return
        layout = layout or _TableLayout.fitted(style, table)
        rows = layout.row_blocks()
        self.keep_together(lead + [layout.header_block()] + rows[:1])
        for row in rows[1:]:
            if self.y + row.height > self.bottom:
                self.new_page()
                self.place(_paragraph(style, f"{table.title} (suite)", style.font(7, italic=True),
                                      GREY))
                self.place(layout.header_block())
            self.place(row)


def _table_lead(style: _Style, table: FicheTable, heading: bool) -> list[_Block]:
    """The table's title (a section title, or a smaller sub-title) and its note."""
    lead = [_section_title(style, table.title) if heading else
            _paragraph(style, table.title, style.font(8.6, bold=True), TITLE_BLUE),
            _spacer(style.mm(0.8))]
    if table.note:
        lead += [_paragraph(style, table.note, style.font(6.8, italic=True), GREY),
                 _spacer(style.mm(0.8))]
    return lead


def _after_table(style: _Style, table: FicheTable) -> list[_Block]:
    text = sources_line(table)
    blocks = [_spacer(style.mm(0.8))]
    if text:
        blocks.append(_paragraph(style, text, style.font(6.2), GREY))
    return blocks + [_spacer(style.mm(4))]


def _layout(style: _Style, fiche: Fiche, thumbnail: QImage | None,
            footer_height: float) -> list[list[tuple[float, _Block]]]:
    pages = _Pages(0.0, style.height - footer_height)
    sources = SourceIndex(fiche.sources)
    pages.place(_header(style, fiche, thumbnail))
    pages.place(_spacer(style.mm(6)))
    for table in theme_tables(fiche, sources):
        pages.table(style, _table_lead(style, table, heading=True), table)
        for block in _after_table(style, table):
            pages.place(block)
    for number, table in enumerate(education_tables(fiche, sources)):
        lead = _table_lead(style, table, heading=False)
        if number == 0:
            lead[0:0] = [_section_title(style, EDUCATION_THEME), _spacer(style.mm(1))]
        pages.table(style, lead, table)
        for block in _after_table(style, table):
            pages.place(block)
    note_font, source_font = style.font(7), style.font(6.6)
    notes = [_paragraph(style, f"{number}. {note}", note_font, indent=style.mm(2))
             for number, note in enumerate(footnotes(fiche), start=1)]
    pages.keep_together([_section_title(style, "Notes"), _spacer(style.mm(1)), notes[0]])
    for note in notes[1:]:
        pages.keep_together([_spacer(style.mm(1)), note])
    groups = [_paragraph(style, group.text(), source_font, indent=style.mm(2))
              for group in sources.groups]
    pages.keep_together([_spacer(style.mm(4)), _section_title(style, "Sources"),
                         _spacer(style.mm(1)), groups[0]])
    for group in groups[1:]:
        pages.keep_together([_spacer(style.mm(1)), group])
    pages.keep_together([_spacer(style.mm(3)), _paragraph(
        style, f"Fiche produite par qpvdesk le {today_french()} à partir des données "
               "publiques embarquées (Licence Ouverte 2.0 : INSEE, ANCT – SIG Ville, IGN, "
               "Ministère de l'Éducation nationale).", style.font(6.6, italic=True), GREY)])
    return pages.pages


def _footer(style: _Style, painter: QPainter, fiche: Fiche, page: int, count: int) -> None:
    font = style.font(6.5)
    height = style.metrics(font).height()
    top = style.height - height
    painter.setPen(QPen(LIGHT_GREY, style.mm(0.2)))
    _hline(painter, 0, style.width, top - style.mm(1))
    painter.setFont(font)
    painter.setPen(GREY)
    identity = fiche.identity
    painter.drawText(QRectF(0, top, style.width, height), int(Qt.AlignmentFlag.AlignLeft),
                     f"Fiche du quartier {identity.name} ({identity.code})")
    painter.drawText(QRectF(0, top, style.width, height), int(Qt.AlignmentFlag.AlignRight),
                     f"Édité le {today_french()} — page {page} / {count}")


def paint_fiche(painter: QPainter, device: QPagedPaintDevice, fiche: Fiche,
                thumbnail: QImage | None) -> int:
    """Paint the whole fiche on a paged device (PDF writer or printer); returns the number
    of pages. The painter is active on the device; (0, 0) is the top-left of the margins."""
    style = _Style(device)
    footer_height = style.metrics(style.font(6.5)).height() + style.mm(4)
    pages = _layout(style, fiche, thumbnail, footer_height)
    return paint_pages(painter, device, pages,
                       lambda number, count: _footer(style, painter, fiche, number, count))


def paint_pages(painter: QPainter, device: QPagedPaintDevice,
                pages: list[list[tuple[float, _Block]]],
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


def set_a4(device: QPagedPaintDevice) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))


def document_title(fiche: Fiche) -> str:
    return f"Fiche du quartier — {fiche.identity.name}"


# ---------------------------------------------------------------------------------------------
# PDF and printer
# ---------------------------------------------------------------------------------------------

WRITE_ERRORS = {
    errno.ENOENT: "le dossier n'existe pas",
    errno.ENOTDIR: "le chemin du dossier passe par un fichier",
    errno.EACCES: "le dossier n'est pas accessible en écriture",
    errno.EPERM: "le dossier n'est pas accessible en écriture",
    errno.EROFS: "le support est en lecture seule",
    errno.ENOSPC: "le disque est plein",
    errno.EISDIR: "ce nom est celui d'un dossier",
}


def write_fiche_pdf(fiche: Fiche, thumbnail: QImage | None, path: str | os.PathLike) -> int:
    """Write the fiche as an A4 PDF; returns its number of pages. The PDF is written to a
    temporary file beside `path`, renamed at the end: a failure leaves no PDF behind.
    Raises OSError with a French message when the file cannot be written."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        # Python says why (no folder, no permission) where Qt would only warn.
        with open(temporary, "wb"):
            pass
    except OSError as exc:
        why = WRITE_ERRORS.get(exc.errno, exc.strerror or str(exc))
        raise OSError(f"Impossible d'écrire la fiche PDF « {target} » : {why}.") from exc
    try:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_DPI)
        writer.setTitle(document_title(fiche))
        writer.setCreator("qpvdesk")
        set_a4(writer)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"Impossible d'écrire la fiche PDF « {target} ».")
        try:
            pages = paint_fiche(painter, writer, fiche, thumbnail)
        finally:
            painter.end()
        del writer   # closes the file
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return pages
