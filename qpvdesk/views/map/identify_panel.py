"""« Informations »: what the map knows about the element the user clicked."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..i18n import Texts
from ..model_texts import localized

TEXT = Texts("IdentifyPanel", {
    "panel": QT_TRANSLATE_NOOP("IdentifyPanel", "Informations sur l'élément sélectionné"),
    "hint": QT_TRANSLATE_NOOP("IdentifyPanel", "Cliquez sur un élément de la carte pour "
                                               "afficher ses informations."),
    # for screen readers: the header is hidden
    "headers": (QT_TRANSLATE_NOOP("IdentifyPanel", "Information"),
                QT_TRANSLATE_NOOP("IdentifyPanel", "Valeur")),
    "table": QT_TRANSLATE_NOOP("IdentifyPanel", "Informations de l'élément"),
    "open": QT_TRANSLATE_NOOP("IdentifyPanel", "Ouvrir la fiche"),
    "open_tip": QT_TRANSLATE_NOOP("IdentifyPanel",
                                  "Ouvrir la fiche détaillée de ce quartier prioritaire"),
    "open_disabled_tip": QT_TRANSLATE_NOOP("IdentifyPanel", "La fiche n'existe que pour les "
                                                            "quartiers prioritaires."),
})


LABEL_SHARE = 0.45


class IdentifyPanel(QWidget):
    open_fiche = Signal(str)   # the QPV code (2024 geography)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(TEXT["panel"])
        self.qpv_code: str | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.hint = QLabel(TEXT["hint"])
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(TEXT["table"])
        self.table.setHorizontalHeaderLabels(TEXT["headers"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.hide()
        # the labels take at most LABEL_SHARE of a narrow panel and wrap; values get the rest
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.viewport().installEventFilter(self)
        # Long values (a QPV's communes) wrap: rows grow again whenever the columns resize.
        header.sectionResized.connect(self.table.resizeRowsToContents,
                                      Qt.ConnectionType.QueuedConnection)
        self.open_button = QPushButton(TEXT["open"])
        self.open_button.clicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.clear()

    def show_feature(self, title: str, rows: list[tuple[str, str]],
                     qpv_code: str | None = None) -> None:
        self.title.setText(localized(title))
        self.table.setRowCount(len(rows))
        for index, (label, value) in enumerate(rows):
            self.table.setItem(index, 0, QTableWidgetItem(localized(label)))
            self.table.setItem(index, 1, QTableWidgetItem(localized(value)))
        self._fit_label_column()
        self._show_parts(hint=False)
        self._set_qpv(qpv_code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_label_column()
        return False

    def _fit_label_column(self) -> None:
        width = self.table.viewport().width()
        self.table.setColumnWidth(0, min(self.table.sizeHintForColumn(0),
                                         round(width * LABEL_SHARE)))
        self.table.resizeRowsToContents()

    def shows_feature(self) -> bool:
        """False while the panel only shows its hint."""
        return self.table.rowCount() > 0

    def show_info(self, info) -> None:
        """Show a FeatureInfo (title, rows, qpv_code), or the hint for None."""
        if info is None:
            self.clear()
        else:
            self.show_feature(info.title, info.rows, info.qpv_code)

    def clear(self) -> None:
        self.title.clear()
        self.table.setRowCount(0)
        self._show_parts(hint=True)
        self._set_qpv(None)

    def _show_parts(self, hint: bool) -> None:
        self.hint.setVisible(hint)
        self.title.setVisible(not hint)
        self.table.setVisible(not hint)

    def _set_qpv(self, code: str | None) -> None:
        self.qpv_code = code
        self.open_button.setEnabled(code is not None)
        self.open_button.setToolTip(TEXT["open_tip"] if code else TEXT["open_disabled_tip"])

    def _open(self) -> None:
        if self.qpv_code is not None:
            self.open_fiche.emit(self.qpv_code)
