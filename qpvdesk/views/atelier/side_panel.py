"""The workshop's side panel: who is drawing, what to do now (a title and a plain-French
hint), the choices as large buttons (rebuilt at each step), a message line, and the
facilitator's controls at the bottom."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QFrame, QGridLayout, QPushButton, QScrollArea,
                               QScroller, QVBoxLayout, QWidget)

from .big_controls import PRIMARY, QUIET, SECONDARY, big_button, big_label, label_style


@dataclass(frozen=True)
class Choice:
    text: str
    slot: Callable[[], None]
    kind: str = SECONDARY
    enabled: bool = True
    icon: QIcon | None = None
    name: str = ""                 # objectName, for tests and screenshots
    wide: bool = False             # across every column (« Retour », « Je préfère… »)


PANEL_STYLE = ("QFrame#atelier_side_panel { background: #faf8fc; "
               "border-left: 1px solid #d8d0e3; }")


def vertical_scroll() -> tuple[QScrollArea, QWidget]:
    """A scroll area that only scrolls down (a narrow panel never scrolls sideways), on the
    panel's own background, and the widget to fill."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                         "{ background: transparent; }")
    body = QWidget()
    scroll.setWidget(body)
    QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return scroll, body


class SidePanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("atelier_side_panel")
        self.setStyleSheet(PANEL_STYLE)
        self.who = big_label("", 22, bold=True, colour="#3f007d")
        self.where = big_label("", 11, colour="#555555")
        self.title = big_label("", 17, bold=True)
        self.hint = big_label("", 13)
        self.message = big_label("", 13, colour="#1a6b35")
        self.message.setObjectName("atelier_message")
        self._choices = QWidget()
        self._grid = QGridLayout(self._choices)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        scroll, body = vertical_scroll()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.hint, self._choices, self.message):
            column.addWidget(widget)
        column.addStretch(1)
        self.facilitator = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.who)
        layout.addWidget(self.where)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.facilitator)

    def show_step(self, title: str, hint: str, choices: Sequence[Choice],
                  columns: int = 1) -> None:
        """A new step: its title, hint and buttons (the previous ones are dropped)."""
        self.title.setText(title)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()           # at once: deleteLater waits for the event loop
                widget.deleteLater()
        self.buttons = {}
        row = column = 0
        points = 15 if columns == 1 else 12     # two buttons side by side in a narrow panel
        for index, choice in enumerate(choices):
            button = big_button(choice.text, choice.slot, choice.kind, points, choice.icon)
            button.setEnabled(choice.enabled)
            button.setObjectName(choice.name or f"choice_{index}")
            self.buttons[button.objectName()] = button
            if choice.wide and column:
                row, column = row + 1, 0
            self._grid.addWidget(button, row, column, 1, columns if choice.wide else 1)
            column = 0 if choice.wide or column + 1 == columns else column + 1
            row += 1 if column == 0 else 0

    def say(self, text: str, warning: bool = False) -> None:
        self.message.setStyleSheet(label_style(13, colour="#a3120f" if warning else "#1a6b35"))
        self.message.setText(text)


__all__ = ["Choice", "PRIMARY", "QUIET", "SECONDARY", "SidePanel"]
