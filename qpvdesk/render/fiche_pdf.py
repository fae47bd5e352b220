"""A fiche on A4 paper: exported to PDF (QPdfWriter, 300 dpi) or printed (views.fiche.fiche_print).

One painting function serves both devices. The document is laid out first — blocks of known
height placed on pages, a table row never cut, a table's header repeated on the next page —
then painted, so that every footer can say « page 1 / 3 ».
"""
from __future__ import annotations

import os

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter, QPen

from ..models.fiche import EDUCATION_THEME, Fiche
from ..models.report.output import check_writable, write_atomically
from .fiche_tables import (FicheTable, SourceIndex, education_tables, footnotes,
                           geography_note, identity_rows, paint_sparkline, sources_line,
                           theme_tables, today_french)
from .pdf_pages import (GREY, INK, LIGHT_GREY, TITLE_BLUE, Block, LayoutCell, LayoutColumn,
                        LayoutTable, Page, Pages, Style, footer_height, note_box, page_footer,
                        paint_pages, paragraph, render_pdf, section_title, spacer)

THUMBNAIL_WIDTH_MM = 72
SPARK_WIDTH_MM = 14
THUMBNAIL_CAPTION = (
    "Contour bleu : périmètre 2024 du quartier ; en rouge, les QPV. Collèges : triangle REP+, "
    "losange REP, rond hors éducation prioritaire, carré privé ; couleur selon l'IPS (rouge : "
    "moins de 80, bleu foncé : 100 et plus).")


def layout_table(table: FicheTable) -> LayoutTable:
    """A fiche table as the page layout draws it: the first column wraps, numbers are
    right-aligned, secret and absent values dimmed, evolutions drawn as sparklines."""
    columns = [LayoutColumn(column.header, right=column.numeric, wrap=index == 0)
               for index, column in enumerate(table.columns)]
    rows = [[LayoutCell(cell.text, cell.detail, dim=cell.status != "ok",
                        paint=(_sparkline(cell.series) if cell.series else None),
                        paint_width_mm=SPARK_WIDTH_MM if cell.series else 0.0)
             for cell in row] for row in table.rows]
    return LayoutTable(table.title, columns, rows)


def _sparkline(series):
    return lambda painter, rect, line_width: paint_sparkline(painter, rect, series, line_width)


def _header(style: Style, fiche: Fiche, thumbnail: QImage | None) -> Block:
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
    note = note_box(style, geography_note(fiche), text_width)
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
    return Block(height, draw)


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------

def _table_lead(style: Style, table: FicheTable, heading: bool) -> list[Block]:
    """The table's title (a section title, or a smaller sub-title) and its note."""
    lead = [section_title(style, table.title) if heading else
            paragraph(style, table.title, style.font(8.6, bold=True), TITLE_BLUE),
            spacer(style.mm(0.8))]
    if table.note:
        lead += [paragraph(style, table.note, style.font(6.8, italic=True), GREY),
                 spacer(style.mm(0.8))]
    return lead


def _after_table(style: Style, table: FicheTable) -> list[Block]:
    text = sources_line(table)
    blocks = [spacer(style.mm(0.8))]
    if text:
        blocks.append(paragraph(style, text, style.font(6.2), GREY))
    return blocks + [spacer(style.mm(4))]


def _layout(style: Style, fiche: Fiche, thumbnail: QImage | None,
            bottom_margin: float) -> list[Page]:
    pages = Pages(0.0, style.height - bottom_margin)
    sources = SourceIndex(fiche.sources)
    pages.place(_header(style, fiche, thumbnail))
    pages.place(spacer(style.mm(6)))
    for table in theme_tables(fiche, sources):
        pages.table(style, _table_lead(style, table, heading=True), layout_table(table))
        for block in _after_table(style, table):
            pages.place(block)
    for number, table in enumerate(education_tables(fiche, sources)):
        lead = _table_lead(style, table, heading=False)
        if number == 0:
            lead[0:0] = [section_title(style, EDUCATION_THEME), spacer(style.mm(1))]
        pages.table(style, lead, layout_table(table))
        for block in _after_table(style, table):
            pages.place(block)
    note_font, source_font = style.font(7), style.font(6.6)
    notes = [paragraph(style, f"{number}. {note}", note_font, indent=style.mm(2))
             for number, note in enumerate(footnotes(fiche), start=1)]
    pages.keep_together([section_title(style, "Notes"), spacer(style.mm(1)), notes[0]])
    for note in notes[1:]:
        pages.keep_together([spacer(style.mm(1)), note])
    groups = [paragraph(style, group.text(), source_font, indent=style.mm(2))
              for group in sources.groups]
    pages.keep_together([spacer(style.mm(4)), section_title(style, "Sources"),
                         spacer(style.mm(1)), groups[0]])
    for group in groups[1:]:
        pages.keep_together([spacer(style.mm(1)), group])
    pages.keep_together([spacer(style.mm(3)), paragraph(
        style, f"Fiche produite par qpvdesk le {today_french()} à partir des données "
               "publiques embarquées (Licence Ouverte 2.0 : INSEE, ANCT – SIG Ville, IGN, "
               "Ministère de l'Éducation nationale).", style.font(6.6, italic=True), GREY)])
    return pages.pages


def _footer(style: Style, painter: QPainter, fiche: Fiche, page: int, count: int) -> None:
    identity = fiche.identity
    page_footer(style, painter, f"Fiche du quartier {identity.name} ({identity.code})",
                f"Édité le {today_french()} — page {page} / {count}")


def paint_fiche(painter: QPainter, device: QPagedPaintDevice, fiche: Fiche,
                thumbnail: QImage | None) -> int:
    """Paint the whole fiche on a paged device (PDF writer or printer); returns the number
    of pages. The painter is active on the device; (0, 0) is the top-left of the margins."""
    style = Style(device)
    pages = _layout(style, fiche, thumbnail, footer_height(style))
    return paint_pages(painter, device, pages,
                       lambda number, count: _footer(style, painter, fiche, number, count))


def document_title(fiche: Fiche) -> str:
    return f"Fiche du quartier — {fiche.identity.name}"


def write_fiche_pdf(fiche: Fiche, thumbnail: QImage | None, path: str | os.PathLike) -> int:
    """Write the fiche as an A4 PDF; returns its number of pages. Nothing is written unless
    the whole PDF is (models.report.output.write_atomically); ReportWriteError (an OSError)
    says in French why the file cannot be written."""
    what = "la fiche PDF"
    check_writable(path, what)
    data, pages = render_pdf(document_title(fiche),
                             lambda painter, writer: paint_fiche(painter, writer, fiche,
                                                                 thumbnail))
    write_atomically(path, data, what)
    return pages
