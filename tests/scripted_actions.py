"""Test doubles of the package menus' actions (views/package): their modal dialogs answered
by the test and their messages kept, instead of waiting for a user."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog


class KeptMessages:
    """``inform`` and ``warn`` keep (kind, title, text) in ``told``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.told: list[tuple[str, str, str]] = []

    def inform(self, title: str, text: str) -> None:
        self.told.append(("info", title, text))

    def warn(self, title: str, text: str) -> None:
        self.told.append(("warning", title, text))


class ScriptedDialogs(KeptMessages):
    """Every dialog shown goes to ``dialogs`` and is answered by ``script[type(dialog)]``
    (a callable returning the dialog's result), or rejected."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.script: dict[type, object] = {}
        self.dialogs: list[QDialog] = []

    def answer(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        answer = self.script.get(type(dialog))
        result = answer(dialog) if answer else None
        return int(result) if result is not None else int(QDialog.DialogCode.Rejected)
