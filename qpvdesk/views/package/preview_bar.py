"""While a received package is shown on the main map, the verification dialog steps aside: a
small bar above the map says what is shown and brings the dialog back."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

BAR_STYLE = ("QFrame#previewBar { background: #eef7f2; border: 1px solid #1b9e77; "
             "border-radius: 5px; }")


class PackagePreviewBar(QFrame):
    """A small tool window over the main window: « Aperçu du paquet… » and a button back."""

    back_requested = Signal()

    def __init__(self, window: QWidget, text: str, title: str | None = None,
                 back: str | None = None) -> None:
        """``title`` and ``back`` (the button) default to the package preview's words."""
        super().__init__(window, Qt.WindowType.Tool)
        self.setObjectName("previewBar")
        self.setStyleSheet(BAR_STYLE)
        self.setWindowTitle(title or self.tr("Aperçu du paquet sur la carte"))
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.back_button = QPushButton(back or self.tr("Revenir à la vérification"))
        self.back_button.setDefault(True)
        self.back_button.clicked.connect(self.back_requested.emit)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.back_button)
        self.setMaximumWidth(620)

    def show_over(self, window: QWidget) -> None:
        """At the top of the window, centred, clear of its menus and toolbars."""
        self.adjustSize()
        top_left = window.mapToGlobal(QPoint(0, 0))
        x = top_left.x() + max(0, (window.width() - self.width()) // 2)
        self.move(x, top_left.y() + 90)
        self.show()
        self.raise_()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Closing the bar is going back to the verification too."""
        super().closeEvent(event)
        self.back_requested.emit()
