"""The fiche of a QPV on screen: identity and map, the geography warning, one table per theme
(figures, comparisons, rank, range, sparkline), the schools, notes and sources; export to PDF
and print.

The view gets a built Fiche and a thumbnail: it never reads the database.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, QStandardPaths, Qt
from PySide6.QtGui import (QAction, QColor, QFont, QFontMetrics, QGuiApplication, QImage,
                           QKeySequence, QPixmap)
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QScrollArea, QSizePolicy,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...models.fiche import EDUCATION_THEME, Fiche, build_fiche
from ..i18n import translate
from ...render.fiche_pdf import THUMBNAIL_CAPTION, write_fiche_pdf
from .fiche_print import print_fiche
from ..file_dialogs import save_path
from ...render.fiche_tables import (FicheTable, SourceIndex, education_tables, footnotes,
                           geography_note, identity_rows, paint_sparkline, sources_line,
                           theme_tables, unbroken)
from ...render.thumbnail import qpv_thumbnail

DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SERIES_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE_STYLE = "color: #1f3b57; font-weight: bold;"
NOTE_STYLE = ("background: #fff4d6; border: 1px solid #d9b55a; border-radius: 3px; "
              "padding: 8px; color: #1b1b1b;")
MUTED_STYLE = "color: #5f5f5f;"
FIRST_COLUMN_MAX = 440   # px: wider, and the figures drift away from their labels
MIN_FIRST_COLUMN = 110   # px: the names wrap over two or three lines there
TEXT_MAX_WIDTH = 980     # px: longer lines of notes are hard to follow
HEADER_STYLE = "QHeaderView::section { padding: 2px 5px; }"


def _label(text: str, style: str = "", point_delta: float = 0.0, wrap: bool = True,
           italic: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    if point_delta or italic:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() + point_delta)
        font.setItalic(italic)
        label.setFont(font)
    return label


class CellDelegate(QStyledItemDelegate):
    """A value on the first line, its edition (or unit) smaller below; a sparkline for the
    evolution column; « secret » in italics and « — » in grey; the indicator's name wrapped
    over as many lines as its column asks for (elided, two rows could read the same), other
    long texts elided."""

    PAD_X, PAD_Y, SPARK_WIDTH = 4, 3, 64    # px: thirteen columns fit a 1024 px screen
    SLACK = 3   # integer metrics round down: without it the widest text gets elided

    @staticmethod
    def _detail_font(font: QFont) -> QFont:
        detail = QFont(font)
        detail.setPointSizeF(font.pointSizeF() * 0.8)
        return detail

    def _text_height(self, font: QFont, text: str, index) -> int:
        """One line, or the wrapped name's lines in the first column at its current width."""
        metrics = QFontMetrics(font)
        view = self.parent()
        if index.column() != 0 or view is None or view.columnWidth(0) <= 0:
            return metrics.height()
        width = view.columnWidth(0) - 2 * self.PAD_X
        return metrics.boundingRect(QRect(0, 0, width, 10_000),
                                    int(Qt.TextFlag.TextWordWrap), text).height()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt API)
        text, detail = index.data() or "", index.data(DETAIL_ROLE) or ""
        metrics, small = QFontMetrics(option.font), QFontMetrics(self._detail_font(option.font))
        width = max(metrics.horizontalAdvance(text), small.horizontalAdvance(detail))
        if index.data(SERIES_ROLE):
            width = max(width, self.SPARK_WIDTH)
        return QSize(width + 2 * self.PAD_X + self.SLACK,
                     self._text_height(option.font, text, index)
                     + (small.height() if detail else 0) + 2 * self.PAD_Y)

    def paint(self, painter, option, index) -> None:
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        widget = option.widget
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter,
                                   widget)
        rect = option.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        detail, status = index.data(DETAIL_ROLE) or "", index.data(STATUS_ROLE) or "ok"
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole) or Qt.AlignmentFlag.AlignLeft
        align = Qt.AlignmentFlag(int(alignment)) & Qt.AlignmentFlag.AlignHorizontal_Mask
        small = self._detail_font(option.font)
        detail_height = QFontMetrics(small).height() if detail else 0
        top = QRectF(rect.adjusted(0, 0, 0, -detail_height))
        painter.save()
        series = index.data(SERIES_ROLE)
        if series:
            width = min(top.width(), self.SPARK_WIDTH - 2 * self.PAD_X)
            paint_sparkline(painter, QRectF(top.right() - width, top.top(), width, top.height()),
                            series, 1.4)
        else:
            font = QFont(option.font)
            font.setItalic(status == "secret")
            painter.setFont(font)
            painter.setPen(option.palette.text().color() if status == "ok" else QColor("#6b6b6b"))
            if index.column() == 0:
                painter.drawText(top, int(align | Qt.AlignmentFlag.AlignTop
                                          | Qt.TextFlag.TextWordWrap), index.data() or "")
            else:
                text = QFontMetrics(font).elidedText(index.data() or "",
                                                     Qt.TextElideMode.ElideRight,
                                                     int(top.width()))
                painter.drawText(top, int(align | Qt.AlignmentFlag.AlignVCenter), text)
        if detail:
            painter.setFont(small)
            painter.setPen(QColor("#6b6b6b"))
            painter.drawText(QRectF(rect.left(), rect.bottom() - detail_height, rect.width(),
                                    detail_height), int(align | Qt.AlignmentFlag.AlignVCenter),
                             QFontMetrics(small).elidedText(detail, Qt.TextElideMode.ElideRight,
                                                            rect.width()))
        painter.restore()


class FicheTableWidget(QTableWidget):
    """One FicheTable, as tall as its rows (the fiche scrolls, not the table); the first
    column takes the width left and elides, the others fit their contents."""

    def __init__(self, table: FicheTable, parent: QWidget | None = None) -> None:
        super().__init__(len(table.rows), len(table.columns), parent)
        self.fiche_table = table
        self.setAccessibleName(table.title)
        for number, column in enumerate(table.columns):
            item = QTableWidgetItem(column.header)
            item.setToolTip(column.tooltip or unbroken(column.header))
            item.setTextAlignment(self._alignment(column.numeric) | Qt.AlignmentFlag.AlignBottom)
            self.setHorizontalHeaderItem(number, item)
        for row_number, row in enumerate(table.rows):
            for number, (column, cell) in enumerate(zip(table.columns, row)):
                item = QTableWidgetItem(cell.text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(cell.tooltip or cell.text)
                item.setData(DETAIL_ROLE, cell.detail)
                item.setData(STATUS_ROLE, cell.status)
                if cell.series:
                    item.setData(SERIES_ROLE, cell.series)
                item.setTextAlignment(self._alignment(column.numeric))
                self.setItem(row_number, number, item)
        self.setItemDelegate(CellDelegate(self))
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStyleSheet(HEADER_STYLE)
        self.natural_widths = [self._natural_width(number)
                               for number in range(len(table.columns))]
        self.natural_widths[0] = min(self.natural_widths[0], FIRST_COLUMN_MAX)
        self.setMaximumWidth(sum(self.natural_widths) + 2 * self.frameWidth())
        self.setMinimumWidth(MIN_FIRST_COLUMN + sum(self.natural_widths[1:])
                             + 2 * self.frameWidth())
        # as tall as its rows, whatever the width: the fiche scrolls, never the table
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_columns()

    def _natural_width(self, column: int) -> int:
        """Widest cell or header (resizeColumnsToContents looks at the visible rows only,
        and a table not yet shown has hardly any)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        cells = (delegate.sizeHint(option, self.model().index(row, column)).width()
                 for row in range(self.rowCount()))
        return max([self.horizontalHeader().sectionSizeFromContents(column).width(), *cells])

    @staticmethod
    def _alignment(numeric: bool) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft

    def _fit_columns(self) -> None:
        """The first column gets what the others leave, down to MIN_FIRST_COLUMN; the table
        is never wider than its contents, nor narrower than that (the fiche then scrolls).
        Rows grow where the names wrap."""
        available = max(self.width() - 2 * self.frameWidth(), 0)
        first = max(available - sum(self.natural_widths[1:]), MIN_FIRST_COLUMN)
        for number, width in enumerate([first, *self.natural_widths[1:]]):
            self.setColumnWidth(number, width)
        self.resizeRowsToContents()
        self.updateGeometry()

    def _content_height(self) -> int:
        return (self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                + sum(self.rowHeight(row) for row in range(self.rowCount())))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.maximumWidth(), self._content_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.minimumWidth(), self._content_height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_columns()


class FicheView(QWidget):
    """The whole fiche in a scrolling page, with « Exporter en PDF… » and « Imprimer… »."""

    def __init__(self, fiche: Fiche, thumbnail: QImage | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fiche, self.thumbnail = fiche, thumbnail
        self.sources = SourceIndex(fiche.sources)
        self.tables: dict[str, FicheTableWidget] = {}
        self.setAccessibleName(self.tr("Fiche du quartier {name}").format(name=fiche.identity.name))
        layout = QVBoxLayout(self)
        layout.addLayout(self._action_bar())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        page.setObjectName("fichePage")
        self.page_layout = QVBoxLayout(page)
        self.page_layout.setContentsMargins(10, 8, 10, 16)
        self._build_page()
        scroll.setWidget(page)
        layout.addWidget(scroll)

    # -- construction -------------------------------------------------------------------
    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.status = _label("", MUTED_STYLE, wrap=False)
        bar.addWidget(self.status, 1)
        self.export_button = QPushButton(self.tr("Exporter en PDF…"))
        self.export_button.setToolTip(self.tr("Enregistrer la fiche en PDF (A4)"))
        self.export_button.clicked.connect(lambda: self.export_pdf())
        self.print_button = QPushButton(self.tr("Imprimer…"))
        self.print_button.setToolTip(self.tr("Imprimer la fiche (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_fiche)
        print_action = QAction(self)
        print_action.setShortcut(QKeySequence.StandardKey.Print)
        print_action.triggered.connect(self.print_fiche)
        self.addAction(print_action)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        return bar

    def _add(self, widget: QWidget, space_after: int = 0) -> QWidget:
        self.page_layout.addWidget(widget)
        if space_after:
            self.page_layout.addSpacing(space_after)
        return widget

    def _add_paragraph(self, label: QLabel, space_after: int = 0) -> QLabel:
        """A long text kept to a readable line length. The width limit goes through a row
        layout: a maximum width set on the label itself is ignored when the page computes
        its height, and the blocks below would be squeezed onto it."""
        label.setMaximumWidth(TEXT_MAX_WIDTH)
        row = QHBoxLayout()
        row.addWidget(label, 1)
        row.addStretch(0)
        self.page_layout.addLayout(row)
        if space_after:
            self.page_layout.addSpacing(space_after)
        return label

    def _build_page(self) -> None:
        self.page_layout.addLayout(self._header())
        self.page_layout.addSpacing(14)
        for table in theme_tables(self.fiche, self.sources):
            self._add_table(table, heading=True)
        self._add(self._title(EDUCATION_THEME, 4))
        for table in education_tables(self.fiche, self.sources):
            self._add_table(table, heading=False)
        self._add(self._title(self.tr("Notes"), 4))
        notes = "\n\n".join(f"{number}. {note}"
                            for number, note in enumerate(footnotes(self.fiche), start=1))
        self.notes_label = self._add_paragraph(_label(notes), 12)
        self._add(self._title(self.tr("Sources"), 4))
        self.sources_label = self._add_paragraph(_label(
            "\n\n".join(group.text() for group in self.sources.groups), MUTED_STYLE))
        self.page_layout.addStretch(1)

    def _title(self, text: str, point_delta: float) -> QLabel:
        title = _label(text, TITLE_STYLE, point_delta)
        title.setAccessibleName(text)
        return title

    def _header(self) -> QHBoxLayout:
        identity = self.fiche.identity
        header = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(_label(self.tr("FICHE DU QUARTIER PRIORITAIRE — CA DE LENS-LIÉVIN"),
                              MUTED_STYLE + " font-weight: bold;", -1))
        self.name_label = _label(identity.name, TITLE_STYLE, 8)
        text.addWidget(self.name_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.identity_labels: dict[str, QLabel] = {}
        for row, (name, value) in enumerate(identity_rows(self.fiche)):
            grid.addWidget(_label(name, MUTED_STYLE, wrap=False), row, 0,
                           Qt.AlignmentFlag.AlignTop)
            self.identity_labels[name] = _label(value)
            grid.addWidget(self.identity_labels[name], row, 1)
        grid.setColumnStretch(1, 1)
        text.addLayout(grid)
        text.addSpacing(8)
        self.geography_label = _label(geography_note(self.fiche), NOTE_STYLE)
        text.addWidget(self.geography_label)
        if self.thumbnail is not None:
            # the map's key under the note, not under the map: the two columns end together
            # and no blank band opens under the note
            text.addSpacing(4)
            key = THUMBNAIL_CAPTION[:1].lower() + THUMBNAIL_CAPTION[1:]
            text.addWidget(_label(self.tr("Carte\u00a0: ") + key, MUTED_STYLE,
                                  -1.5))
        text.addStretch(1)
        header.addLayout(text, 1)
        if self.thumbnail is not None:
            picture = QLabel()
            picture.setPixmap(QPixmap.fromImage(self.thumbnail))
            picture.setAccessibleName(
                self.tr("Carte du quartier {name}").format(name=identity.name))
            picture.setToolTip(self.tr("Périmètre 2024 du quartier (contour bleu)"))
            header.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        return header

    def _add_table(self, table: FicheTable, heading: bool) -> None:
        self._add(self._title(table.title, 3 if heading else 1))
        if table.note:
            self._add(_label(table.note, MUTED_STYLE, -0.5, italic=True))
        if not table.rows:
            self.page_layout.addSpacing(16)
            return
        widget = FicheTableWidget(table)
        self.tables[table.title] = widget
        row = QHBoxLayout()   # a table narrower than the page stays on the left
        row.addWidget(widget, 1)
        row.addStretch(0)
        self.page_layout.addLayout(row)
        line = sources_line(table)
        self._add(_label(line, MUTED_STYLE, -1) if line else QWidget(), 16)

    # -- actions -------------------------------------------------------------------------
    def default_pdf_path(self) -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = re.sub(r"[^\w-]+", "_", self.fiche.identity.name).strip("_")
        return Path(folder) / f"Fiche_{self.fiche.identity.code}_{name}.pdf"

    def export_pdf(self, path: str | None = None) -> Path | None:
        """Write the fiche's PDF (asking where when no path is given); None if cancelled or
        failed (the user has been told why)."""
        if path is None:
            path = save_path(self, self.tr("Exporter la fiche en PDF"),
                             self.default_pdf_path().name, self.tr("Documents PDF (*.pdf)"))
            if not path:
                return None
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = write_fiche_pdf(self.fiche, self.thumbnail, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Exporter la fiche en PDF"), str(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.status.setText(self.tr("Fiche enregistrée : {path} ({pages} pages)")
                            .format(path=path, pages=pages))
        return Path(path)

    def print_fiche(self) -> bool:
        try:
            printed = print_fiche(self.fiche, self.thumbnail, self)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Imprimer la fiche"), str(exc))
            return False
        if printed:
            self.status.setText(self.tr("Fiche envoyée à l'imprimante."))
        return printed


def open_fiche_window(store, code: str, parent: QWidget | None = None) -> QWidget:
    """Build the fiche of a QPV (2015 or 2024 code) and show it in its own window, titled
    « Fiche du quartier — NAME ». Raises LookupError (French message) for an unknown code."""
    fiche = build_fiche(store, code)
    view = FicheView(fiche, qpv_thumbnail(store, fiche.identity.code), parent)
    view.setWindowFlag(Qt.WindowType.Window, True)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    view.setWindowTitle(translate("fiche_view", "Fiche du quartier — {name}")
                        .format(name=fiche.identity.name))
    close = QAction(view)
    close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    close.triggered.connect(view.close)
    view.addAction(close)
    screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
    available = screen.availableGeometry()
    view.resize(min(1400, available.width() - 40), min(980, available.height() - 40))
    view.show()
    return view
