"""The base of the package menus' actions: every dialog and message goes through three
methods, so that a test answers them instead of a user."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox


class DialogActions(QObject):
    """Actions of a window (``self.window``) that ask and tell the user."""

    def exec_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)
