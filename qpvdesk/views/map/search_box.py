"""The map's search field: communes, QPV and IRIS suggested as the user types."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolTip, QWidget

from ...models.search import SearchIndex, SearchResult
from ..i18n import Texts

TEXT = Texts("SearchBox", {
    "placeholder": QT_TRANSLATE_NOOP("SearchBox", "Rechercher une commune, un QPV, un IRIS…"),
    "name": QT_TRANSLATE_NOOP("SearchBox", "Rechercher un lieu sur la carte"),
    "help": QT_TRANSLATE_NOOP("SearchBox", "Tapez quelques lettres puis choisissez une suggestion "
                                           "ou appuyez sur Entrée."),
    "no_result": QT_TRANSLATE_NOOP("SearchBox", "Aucun résultat pour «\u00a0{text}\u00a0»"),
})
SUGGESTIONS = 10
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchBox(QLineEdit):
    result_chosen = Signal(object)   # SearchResult
    message = Signal(str)            # French, e.g. for the status bar

    def __init__(self, index: SearchIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setPlaceholderText(TEXT["placeholder"])
        self.setAccessibleName(TEXT["name"])
        self.setToolTip(TEXT["help"])
        self.setClearButtonEnabled(True)
        self.suggestions = QStandardItemModel(self)
        # Refresh the suggestions before the completer reacts to the same keystroke.
        self.textEdited.connect(self._suggest)
        completer = QCompleter(self.suggestions, self)
        # The index already matches without accents or case: Qt must not filter again.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(SUGGESTIONS)
        completer.activated[QModelIndex].connect(self._on_activated)
        self.setCompleter(completer)

    def _suggest(self, text: str) -> None:
        results = self.index.search(text, SUGGESTIONS) if text.strip() else []
        self.suggestions.clear()
        for result in results:
            # The label already says the kind and the code: "Liévin (commune, 62510)".
            item = QStandardItem(result.label)
            item.setData(result, RESULT_ROLE)
            item.setEditable(False)
            self.suggestions.appendRow(item)
        if not results:
            self.completer().popup().hide()

    def _on_activated(self, index: QModelIndex) -> None:
        result = index.data(RESULT_ROLE)
        if result is not None:
            self._choose(result)

    def _choose(self, result: SearchResult) -> None:
        self.setText(result.label)
        self.result_chosen.emit(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Enter with no suggestion highlighted takes the first result."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        popup = self.completer().popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            super().keyPressEvent(event)   # the completer takes the highlighted suggestion
            return
        event.accept()
        popup.hide()
        self.search_now()

    def search_now(self) -> SearchResult | None:
        """Choose the best result for the current text; say so when there is none."""
        text = self.text().strip()
        if not text:
            return None
        results = self.index.search(text, 1)
        if not results:
            message = TEXT["no_result"].format(text=text)
            self.message.emit(message)
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
            return None
        self._choose(results[0])
        return results[0]
