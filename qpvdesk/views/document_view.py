"""A report Document's blocks as widgets: the screen shows what the PDF and the Word file say
(models/report), in the same order and words.

Headings and paragraphs are labels, tables are read-only table widgets as tall as their rows
(the page scrolls, not the table), charts are painted by the same widget-free painter as the
PDF (render/report_charts.py), resolution-independent.
"""
from __future__ import annotations

import textwrap
from functools import partial
from html import escape as html_escape

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHeaderView, QLabel, QScrollArea,
                               QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..models.report.document import (BulletList, Figure, Heading, Notice, Paragraph,
                                      SourcesSection, Table)
from ..render.report_charts import aspect_ratio, paint_chart
from .formatting import font_size

escape = partial(html_escape, quote=False)
SCREEN_CHART_SCALE = 1.35     # chart type at 96 dpi: the print sizes would be too small
MAX_CHART_WIDTH = 900
GROUP_FILL, DIM = QColor("#eef1f5"), QColor("#666666")
STYLES = """
QLabel#lead {{ border-style: solid; border-color: #0072B2; border-width: 0 0 0 4px;
               padding-left: 8px; }}
QLabel#note, QLabel#small, QLabel#source {{ color: #555555; {small}; }}
QLabel#notice {{ background: #fff4d6; border: 1px solid #d9b55a; padding: 6px; }}
QLabel#caption {{ font-weight: bold; }}
"""


def _label(text: str, name: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def runs_html(paragraph: Paragraph) -> str:
    parts = []
    for run in paragraph.runs:
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


class ChartWidget(QWidget):
    """A report chart, as tall as its width asks for."""

    def __init__(self, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = figure.chart
        self.setAccessibleName(figure.caption)
        self.setMaximumWidth(MAX_CHART_WIDTH)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return round(width * aspect_ratio(self.chart))

    def sizeHint(self):  # noqa: N802 (Qt API)
        hint = super().sizeHint()
        hint.setWidth(MAX_CHART_WIDTH)
        hint.setHeight(self.heightForWidth(MAX_CHART_WIDTH))
        return hint

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            paint_chart(painter, QRectF(self.rect()), self.chart, SCREEN_CHART_SCALE)
        finally:
            painter.end()


HEADER_LINE_CHARACTERS = 10     # a number column's header wraps between words


def _header_text(lines: list[str], wrapped: bool) -> str:
    """A column header, its long lines broken between words over a column of numbers (the
    column is as wide as its header: « Services aux particuliers 2019 » pushed the last
    columns of the équipements table out of the window)."""
    if wrapped:
        lines = [part for line in lines
                 for part in textwrap.wrap(line, HEADER_LINE_CHARACTERS, break_long_words=False,
                                           break_on_hyphens=False) or [line]]
    return "\n".join(lines)


class DocumentTable(QTableWidget):
    """A document table, read-only, its rows as tall as their text, no scroll of its own."""

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        rows, columns = len(table.rows), table.column_count
        super().__init__(rows, columns, parent)
        self.table = table
        self.setAccessibleName(table.title or "Tableau")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        headers = [_header_text([row[index] for row in table.header_rows if row[index]],
                                wrapped=index not in table.wrap_columns)
                   for index in range(columns)]
        if table.header_rows:
            self.setHorizontalHeaderLabels(headers)
        else:
            self.horizontalHeader().hide()
        header = self.horizontalHeader()
        for index in range(columns):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch
                                        if index in table.wrap_columns
                                        else QHeaderView.ResizeMode.ResizeToContents)
        for row_number, row in enumerate(table.rows):
            group = row[0].bold and not any(cell.text for cell in row[1:])
            for column, (cell, alignment) in enumerate(zip(row, table.alignments)):
                text = "\n".join(part for part in (cell.text, cell.detail) if part)
                item = QTableWidgetItem(text)
                align = {"right": Qt.AlignmentFlag.AlignRight,
                         "center": Qt.AlignmentFlag.AlignHCenter}.get(alignment,
                                                                      Qt.AlignmentFlag.AlignLeft)
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignTop)
                if cell.bold or cell.status != "ok":
                    font = QFont(item.font())
                    font.setBold(cell.bold)
                    font.setItalic(cell.status != "ok")
                    item.setFont(font)
                if cell.status != "ok":
                    item.setForeground(DIM)
                if group:
                    item.setBackground(GROUP_FILL)
                self.setItem(row_number, column, item)
        self.resizeRowsToContents()
        # The header resizes its stretched columns one after the other: rows measured on a
        # column's signal saw the others' old widths (rows 28 px too tall at 1366 × 768), so
        # they are measured once, after the header is done.
        self._fit_pending = False
        header.sectionResized.connect(self._fit_later)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_later()

    def _fit_later(self, *args) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_height)

    def _fit_height(self) -> None:
        self._fit_pending = False
        """Rows as tall as their wrapped text, the table as tall as its rows."""
        self.resizeRowsToContents()
        self.setFixedHeight(self.horizontalHeader().height() * (not self.horizontalHeader()
                                                                 .isHidden())
                            + sum(self.rowHeight(row) for row in range(self.rowCount()))
                            + 2 * self.frameWidth()
                            + (self.horizontalScrollBar().height()
                               if self.horizontalScrollBar().isVisible() else 0))


def block_widgets(block) -> list[QWidget]:
    """The widgets that show one block."""
    if isinstance(block, Heading):
        label = _label(block.text, f"heading{block.level}")
        label.setStyleSheet(f"{font_size({1: 15, 2: 12, 3: 10.5}[block.level])}; "
                            "font-weight: bold; color: #1f3b57;")
        return [label]
    if isinstance(block, Paragraph):
        return [_label(runs_html(block), block.role, rich=True)]
    if isinstance(block, BulletList):
        return [_label("<br>".join(f"•&nbsp;{runs_html(item)}" for item in block.items),
                       "bullets", rich=True)]
    if isinstance(block, Notice):
        text = f"<b>{escape(block.title)}</b><br>" + "<br>".join(
            f"•&nbsp;{escape(item)}" for item in block.items)
        return [_label(text, "notice", rich=True)]
    if isinstance(block, Table):
        widgets = [_label(block.title, "caption")] if block.title else []
        widgets.append(DocumentTable(block))
        widgets += [_label(note, "note") for note in block.notes]
        if block.source:
            widgets.append(_label(block.source, "source"))
        return widgets
    if isinstance(block, Figure):
        return [ChartWidget(block), _label(block.caption, "caption"),
                _label(block.source, "source"), *(_label(n, "note") for n in block.notes)]
    if isinstance(block, SourcesSection):
        widgets = [_label(block.intro)] if block.intro else []
        for entry in block.entries:
            widgets.append(_label(f"<b>{escape(entry.producer)}</b> — {escape(entry.dataset)} "
                                  f"— {escape(entry.vintage)}. Licence : "
                                  f"{escape(entry.licence)}.", "entry", rich=True))
            if entry.detail:
                widgets.append(_label(entry.detail, "small"))
        return widgets
    return []


class DocumentPage(QWidget):
    """Blocks one under the other, in a column that a scroll area holds."""

    def __init__(self, blocks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLES.format(small=font_size(9)))
        column = QVBoxLayout(self)
        column.setSpacing(8)
        for block in blocks:
            for widget in block_widgets(block):
                column.addWidget(widget)
        column.addStretch(1)


def framed(widget: QWidget) -> QWidget:
    """A page inside a frameless scroll area."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll
