"""Large round « + », « − » and « recentrer » buttons floating over the map's corner: for a
finger that cannot pinch, or a mouse without a wheel."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from .big_controls import target_px, text_size

MARGIN_PX = 14


class MapButtons(QWidget):
    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.setObjectName("map_buttons")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.buttons: list[QPushButton] = []
        canvas.installEventFilter(self)

    def add(self, text: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text)
        size = target_px() + 4
        button.setFixedSize(size, size)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setStyleSheet(f"QPushButton {{ {text_size(18)}; font-weight: bold; "
                             f"border-radius: {size // 2}px; border: 2px solid #5b2a86; "
                             "background: rgba(255, 255, 255, 235); color: #3f007d; }"
                             "QPushButton:pressed { background: #ebe6f2; }")
        button.clicked.connect(lambda _checked=False: slot())
        self.layout().addWidget(button)
        self.buttons.append(button)
        self.adjustSize()
        self._place()
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        self.move(parent.width() - self.width() - MARGIN_PX,
                  parent.height() - self.height() - MARGIN_PX - 30)   # above the scale bar
