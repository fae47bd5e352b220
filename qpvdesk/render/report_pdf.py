"""A report Document as an A4 PDF (QPdfWriter + QPainter, no widget).

The blocks are laid out with the fiche's page machinery (render/pdf_pages.py): a heading
stays with what follows it, a table row is never cut and its header is repeated on the next
page, a figure stays with its caption, and every footer says « page x / n ». Charts are
painted as vectors (render/report_charts.py): their labels are text a reader can search.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QImage, QPagedPaintDevice, QPainter, QPen,
                           QTextCharFormat, QTextLayout, QTextOption)

from ..models.report.document import (BulletList, Contents, Cover, Document, Figure, Heading,
                                      Image,
                                      Notice, PageBreak, Paragraph, Run, SourcesSection,
                                      Table, TableCell)
from ..models.report.output import check_writable, write_atomically
from .fiche_tables import today_french
from .pdf_pages import (GREY, INK, LIGHT_GREY, NOTE_BORDER, NOTE_FILL, TITLE_BLUE, Block,
                        LayoutCell, LayoutColumn, LayoutTable, Pages, Style, TableLayout,
                        footer_height, hline, page_footer, paint_pages, paragraph, render_pdf,
                        section_title, spacer)
from .report_charts import chart_size_mm, paint_chart
from .sparkline import paint_points_sparkline

BODY_POINTS = 8.6
HEADING_POINTS = {1: 14.0, 2: 11.5, 3: 9.4}
ROLE_FONTS = {"body": (BODY_POINTS, False, INK), "lead": (BODY_POINTS + 0.4, False, INK),
              "note": (7.2, True, GREY), "caption": (7.2, False, GREY),
              "small": (6.6, False, GREY)}
FIGURE_WIDTH_MM = 170
SPARK_WIDTH_MM = 16
LEAD_BAR = QColor("#0072B2")


class _Writer:
    """Turns the document's blocks into page blocks, numbering figures as they come."""

    def __init__(self, style: Style, document: Document) -> None:
        self.style, self.document = style, document
        self.pages = Pages(0.0, style.height - footer_height(style))
        self.figures = 0
        self.waiting: list[Block] = []     # headings, placed with what follows them
        self.parts: list[tuple[str, Block]] = []   # level-1 headings, for the contents
        self.part_pages: dict[str, int] = {}       # filled once every block is placed

    # -- text -------------------------------------------------------------------------------

    def rich(self, runs, points: float, color: QColor, italic: bool = False,
             indent: float = 0.0) -> Block:
        """A paragraph whose runs may be bold or italic, laid out by a QTextLayout: the PDF
        is written off the GUI thread, where a QTextDocument (QObjects that connect signals)
        could deadlock with it (docs/STACK_FACTS.md, « Threads »)."""
        style = self.style
        # a QTextLayout breaks lines at LINE SEPARATOR, not at "\n" (one character each)
        layout = QTextLayout("".join(run.text for run in runs).replace("\n", "\u2028"),
                             style.font(points, italic=italic), style.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        ranges, start = [], 0
        for run in runs:
            piece = QTextLayout.FormatRange()
            piece.start, piece.length = start, len(run.text)
            piece.format = QTextCharFormat()
            piece.format.setFont(style.font(points, bold=run.bold, italic=run.italic or italic))
            piece.format.setForeground(color)
            ranges.append(piece)
            start += len(run.text)
        layout.setFormats(ranges)
        width, height = style.width - indent, 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()

        def draw(painter: QPainter, top: float) -> None:
            painter.setPen(color)
            layout.draw(painter, QPointF(indent, top))
        return Block(height, draw)

    def paragraph(self, block: Paragraph) -> list[Block]:
        points, italic, color = ROLE_FONTS[block.role]
        if block.role != "lead":
            return [self.rich(block.runs, points, color, italic), spacer(self.style.mm(1.6))]
        bar = self.style.mm(0.8)
        text = self.rich(block.runs, points, color, italic, indent=self.style.mm(3))

        def draw(painter: QPainter, top: float) -> None:   # a blue bar beside a finding
            painter.fillRect(QRectF(0, top, bar, text.height), LEAD_BAR)
            painter.save()
            text.draw(painter, top)
            painter.restore()
        return [Block(text.height, draw), spacer(self.style.mm(2))]

    def heading(self, block: Heading) -> list[Block]:
        style = self.style
        if block.level == 3:
            return [spacer(style.mm(1.5)),
                    paragraph(style, block.text, style.font(HEADING_POINTS[3], bold=True),
                              TITLE_BLUE), spacer(style.mm(1))]
        title = section_title(style, block.text, HEADING_POINTS[block.level])
        if block.level == 1:
            self.parts.append((block.text, title))
        return [spacer(style.mm(3 if block.level == 1 else 2)), title, spacer(style.mm(2))]

    # -- placing ----------------------------------------------------------------------------

    def place(self, blocks: list[Block]) -> None:
        """Blocks kept together, with the headings waiting for them."""
        self.pages.keep_together(self.waiting + blocks)
        self.waiting = []

    def flush(self) -> None:
        if self.waiting:
            self.place([])

    def write(self) -> list:
        if self.document.cover is not None:
            self.cover(self.document.cover)
        for block in self.document.blocks:
            self.block(block)
        self.flush()
        if self.document.notes:
            self.notes()
        placed = {id(block): number for number, page in enumerate(self.pages.pages, start=1)
                  for _, block in page}
        self.part_pages.update((text, placed[id(block)]) for text, block in self.parts)
        return self.pages.pages

    def block(self, block) -> None:
        if isinstance(block, Heading):
            if block.level == 1 and self.pages.y > self.pages.top and not self.waiting:
                self.pages.new_page()   # a part starts a page
            self.waiting += self.heading(block)
        elif isinstance(block, Paragraph) and block.role == "note" and self.waiting:
            self.waiting += self.paragraph(block)   # a heading's note stays with what follows
        elif isinstance(block, Paragraph):
            self.place(self.paragraph(block))
        elif isinstance(block, BulletList):
            self.bullets(block)
        elif isinstance(block, Notice):
            self.notice(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Image):
            self.image(block)
        elif isinstance(block, SourcesSection):
            self.sources(block)
        elif isinstance(block, PageBreak):
            self.flush()
            self.pages.new_page()
        elif isinstance(block, Contents):
            self.contents(block)
        else:
            raise TypeError(f"unknown block {type(block).__name__}")

    def bullets(self, block: BulletList) -> None:
        style = self.style
        for item in block.items:
            points, italic, color = ROLE_FONTS[item.role]
            text = self.rich(item.runs, points, color, italic, indent=style.mm(4))
            font = style.font(points)

            def draw(painter: QPainter, top: float, text=text, font=font, color=color) -> None:
                painter.setFont(font)
                painter.setPen(color)
                painter.drawText(QRectF(style.mm(1), top, style.mm(3), text.height),
                                 int(Qt.AlignmentFlag.AlignLeft), "•")
                text.draw(painter, top)
            self.place([Block(text.height, draw), spacer(style.mm(1))])
        self.place([spacer(style.mm(1))])

    def notice(self, block: Notice) -> None:
        """A framed box: the title in bold, one line per caution."""
        style = self.style
        pad = style.mm(2)
        runs = [Run(block.title, bold=True)] + [Run(f"\n• {item}") for item in block.items]
        text = self.rich(runs, 7.6, INK, indent=2 * pad)

        def draw(painter: QPainter, top: float) -> None:
            painter.setPen(QPen(NOTE_BORDER, style.mm(0.3)))
            painter.setBrush(NOTE_FILL)
            painter.drawRect(QRectF(0, top, style.width, text.height + 2 * pad))
            painter.translate(-pad, pad)
            text.draw(painter, top)
        self.place([Block(text.height + 2 * pad, draw), spacer(style.mm(3))])

    # -- tables, figures ---------------------------------------------------------------------

    def table(self, block: Table) -> None:
        style = self.style
        lead = []
        if block.title:
            lead += [paragraph(style, block.title, style.font(8.8, bold=True), TITLE_BLUE),
                     spacer(style.mm(1))]
        layout_table = as_layout_table(block)
        self.flush_into(lead)
        self.pages.table(style, lead, layout_table,
                         TableLayout.fitted(style, layout_table, base_points=7.2))
        after = [spacer(style.mm(0.8))]
        for note in block.notes:
            after += [paragraph(style, note, style.font(6.8, italic=True), GREY),
                      spacer(style.mm(0.5))]
        if block.source:
            after.append(paragraph(style, block.source, style.font(6.4), GREY))
        self.place(after + [spacer(style.mm(4))])

    def flush_into(self, lead: list[Block]) -> None:
        """Headings waiting go in front of ``lead`` (kept with a table's first row)."""
        lead[0:0] = self.waiting
        self.waiting = []

    def figure(self, block: Figure) -> None:
        style = self.style
        self.figures += 1
        size = chart_size_mm(block.chart, min(FIGURE_WIDTH_MM, style.width / style.mm(1)))
        width, height = style.mm(size.width()), style.mm(size.height())
        left = (style.width - width) / 2
        chart = block.chart

        def draw(painter: QPainter, top: float) -> None:
            paint_chart(painter, QRectF(left, top, width, height), chart)
        self.place(self.captioned(Block(height, draw), f"Figure {self.figures} — {block.caption}",
                                  block.source, block.notes))

    def captioned(self, picture: Block, caption: str, source: str,
                  notes: tuple[str, ...] = ()) -> list[Block]:
        style = self.style
        blocks = [spacer(style.mm(1)), picture, spacer(style.mm(1.2)),
                  paragraph(style, caption, style.font(7.4, bold=True), INK)]
        if source:
            blocks.append(paragraph(style, source, style.font(6.6), GREY))
        for note in notes:
            blocks.append(paragraph(style, note, style.font(6.6, italic=True), GREY))
        return blocks + [spacer(style.mm(4))]

    def image(self, block: Image) -> None:
        style = self.style
        image = QImage.fromData(block.png, "PNG")
        width = style.mm(min(block.width_mm, style.width / style.mm(1)))
        height = width * image.height() / max(image.width(), 1)

        def draw(painter: QPainter, top: float) -> None:
            target = QRectF((style.width - width) / 2, top, width, height)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(target, image)
            painter.setPen(QPen(LIGHT_GREY, style.mm(0.25)))
            painter.drawRect(target)
        self.place(self.captioned(Block(height, draw), block.caption, block.source))

    def sources(self, block: SourcesSection) -> None:
        style = self.style
        self.block(Heading(block.title, 1))
        if block.intro:
            self.place([paragraph(style, block.intro, style.font(7.6), INK),
                        spacer(style.mm(2))])
        for entry in block.entries:
            runs = (Run(entry.producer, bold=True),
                    Run(f" — {entry.dataset} — {entry.vintage}. "),
                    Run(f"Licence : {entry.licence}."))
            blocks = [self.rich(runs, 7.4, INK)]
            if entry.detail:
                blocks.append(paragraph(style, entry.detail, style.font(6.4), GREY,
                                        indent=style.mm(3)))
            self.place(blocks + [spacer(style.mm(1.6))])

    def contents(self, block: Contents) -> None:
        """One line per part, its page number on the right (known once laid out)."""
        style = self.style
        font = style.font(10)
        height = style.metrics(font).height() * 1.6
        blocks = [section_title(style, block.title, HEADING_POINTS[1]), spacer(style.mm(4))]
        for text in self.document.parts():
            def draw(painter: QPainter, top: float, text=text) -> None:
                page = str(self.part_pages.get(text, ""))
                metrics = style.metrics(font)
                painter.setFont(font)
                painter.setPen(INK)
                rect = QRectF(0, top, style.width, height)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), text)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight), page)
                painter.setPen(QPen(GREY, style.mm(0.25), Qt.PenStyle.DotLine))
                hline(painter, metrics.horizontalAdvance(text) + style.mm(2),
                      style.width - metrics.horizontalAdvance(page) - style.mm(2),
                      top + metrics.ascent())
            blocks.append(Block(height, draw))
        self.place(blocks)

    def notes(self) -> None:
        self.block(Heading("Notes", 2))
        for number, note in enumerate(self.document.notes, start=1):
            self.place([paragraph(self.style, f"{number}. {note}", self.style.font(7.2), INK,
                                  indent=self.style.mm(2)), spacer(self.style.mm(1))])

    # -- cover ------------------------------------------------------------------------------

    def cover(self, cover: Cover) -> None:
        style = self.style
        blocks = [spacer(style.mm(35)),
                  paragraph(style, cover.kicker, style.font(9, bold=True), GREY),
                  spacer(style.mm(4)), _rule(style), spacer(style.mm(4)),
                  paragraph(style, cover.title, style.font(24, bold=True), TITLE_BLUE)]
        if cover.subtitle:
            blocks += [spacer(style.mm(4)),
                       paragraph(style, cover.subtitle, style.font(13), TITLE_BLUE)]
        blocks += [spacer(style.mm(10))]
        for line in cover.lines:
            blocks += [paragraph(style, line, style.font(9.5), INK), spacer(style.mm(2))]
        self.place(blocks)
        if cover.image is not None:
            self.image(cover.image)
        self.pages.new_page()


def _rule(style: Style) -> Block:
    def draw(painter: QPainter, top: float) -> None:
        painter.setPen(QPen(TITLE_BLUE, style.mm(0.6)))
        hline(painter, 0, style.mm(60), top)
    return Block(style.mm(0.6), draw)


def as_layout_table(table: Table) -> LayoutTable:
    """A document table as the page layout draws it: header rows stacked in each column's
    header, the document's wrap columns sharing the width."""
    columns = [LayoutColumn("\n".join(row[index] for row in table.header_rows if row[index]),
                            right=alignment == "right", wrap=index in table.wrap_columns)
               for index, alignment in enumerate(table.alignments)]
    rows = [[_layout_cell(cell) for cell in row] for row in table.rows]
    return LayoutTable(table.title, columns, rows)


def _layout_cell(cell: TableCell) -> LayoutCell:
    if cell.sparkline is not None:
        points = cell.sparkline.points
        return LayoutCell(cell.text, cell.detail, paint=lambda painter, rect, line_width:
                          paint_points_sparkline(painter, rect, points, line_width),
                          paint_width_mm=SPARK_WIDTH_MM)
    return LayoutCell(cell.text, cell.detail, dim=cell.status != "ok", bold=cell.bold)


def paint_document(painter: QPainter, device: QPagedPaintDevice, document: Document) -> int:
    """Paint the whole document on a paged device; returns its number of pages."""
    style = Style(device)
    pages = _Writer(style, document).write()
    edited = f"Édité le {today_french()}"
    return paint_pages(painter, device, pages, lambda number, count: page_footer(
        style, painter, document.footer, f"{edited} — page {number} / {count}"))


def document_pdf(document: Document) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    return render_pdf(document.title,
                      lambda painter, writer: paint_document(painter, writer, document))


def write_document_pdf(document: Document, path: str | os.PathLike,
                       what: str = "le document PDF") -> int:
    """Write the document as an A4 PDF, all or nothing; returns its number of pages.
    ReportWriteError (French) when the file cannot be written."""
    check_writable(path, what)
    data, pages = document_pdf(document)
    write_atomically(path, data, what)
    return pages

