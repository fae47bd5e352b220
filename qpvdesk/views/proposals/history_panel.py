"""The undo history of the proposals: every step in French, the current state marked; a click
goes back (or forward) to a step. The panel asks by signal; the caller moves the store."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from ...models.proposals import ProposalStore

INITIAL_STATE = QT_TRANSLATE_NOOP("HistoryPanel", "État de départ (aucune modification)")
CURRENT_MARK = "\u25b6 "     # ▶ before the current step


class ElidedButton(QPushButton):
    """A button whose long text ends in « … » at whatever width the panel gives it (a
    narrow dock cut « Annuler : Ajout de … » at both ends); the whole text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        # the text adapts to the width: it must not widen the dock beside the map
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.width() - 2 * self.fontMetrics().horizontalAdvance("M")
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                   max(room, 0)))


class HistoryPanel(QWidget):
    """Steps oldest first; those after the current one (undone, can be redone) greyed."""

    go_to_requested = Signal(int)
    undo_requested = Signal()
    redo_requested = Signal()

    def __init__(self, store: ProposalStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.steps = QListWidget()
        self.steps.setWordWrap(True)      # long titles wrap in a narrow panel
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.itemClicked.connect(self._clicked)
        self.undo_button = ElidedButton()
        self.redo_button = ElidedButton()
        self.undo_button.clicked.connect(self.undo_requested)
        self.redo_button.clicked.connect(self.redo_requested)
        buttons = QVBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        hint = QLabel(self.tr("Cliquez sur une étape pour revenir à cet état. Les étapes en "
                              "gris ont été annulées et peuvent être "
                              "rétablies."), wordWrap=True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        history = self.store.history()
        current = next((seq for seq, _, is_current in history if is_current), 0)
        self.steps.clear()
        for seq, description in [(0, self.tr(INITIAL_STATE))] + [(s, d) for s, d, _ in history]:
            item = QListWidgetItem(f"{CURRENT_MARK if seq == current else ''}{description}")
            item.setData(Qt.ItemDataRole.UserRole, seq)
            if seq == current:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("État actuel"))
            elif seq > current:
                item.setForeground(QBrush(self.palette().color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)))
                item.setToolTip(self.tr("Étape annulée\u00a0: cliquez pour la rétablir"))
            self.steps.addItem(item)
        self._current = current
        self.steps.scrollToItem(self.steps.item(self._row_of(current)))
        self._set_button(self.undo_button, self.tr("Annuler"), self.store.undo_text())
        self._set_button(self.redo_button, self.tr("Rétablir"), self.store.redo_text())

    def current_seq(self) -> int:
        """The seq of the last applied step (0: none)."""
        return self._current

    def _row_of(self, seq: int) -> int:
        for row in range(self.steps.count()):
            if self.steps.item(row).data(Qt.ItemDataRole.UserRole) == seq:
                return row
        return 0

    @staticmethod
    def _set_button(button: ElidedButton, verb: str, action: str | None) -> None:
        button.setEnabled(action is not None)
        button.set_full_text(f"{verb}\u00a0: {action}" if action else verb)
        button.setToolTip(f"{verb}\u00a0: {action}" if action else "")

    def _clicked(self, item: QListWidgetItem) -> None:
        seq = item.data(Qt.ItemDataRole.UserRole)
        if seq != self._current:
            self.go_to_requested.emit(seq)
