"""The views' interface texts are written in French; Qt Linguist gives them in English on
request (resources/i18n, `make translations`). Texts kept in module tables are marked with
QT_TRANSLATE_NOOP so that lupdate finds them, and translated when they are read: the
translator is installed after the modules are imported."""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QCoreApplication

LANGUAGES = ("fr", "en")


def interface_language() -> str:
    """French unless QPVDESK_LANG=en asks for the English interface (numbers and dates stay
    in French formats: the data and its users are French)."""
    language = os.environ.get("QPVDESK_LANG", "fr").strip().lower()[:2]
    return language if language in LANGUAGES else "fr"

#: Context of the column headers of the read-only table models (RowsTableModel.HEADERS).
HEADERS_CONTEXT = "RowsTableModel"


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class Texts(Mapping):
    """A module's table of interface texts, each read in the interface language (tuples of
    texts are translated item by item)."""

    def __init__(self, context: str, texts: dict) -> None:
        self._context = context
        self._texts = dict(texts)

    def __getitem__(self, key):
        value = self._texts[key]
        if isinstance(value, tuple):
            return tuple(translate(self._context, item) for item in value)
        return translate(self._context, value)

    def __iter__(self) -> Iterator:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)
