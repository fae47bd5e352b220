"""The screens' French texts written for the CALL (« la CALL », « Pas-de-Calais », « 22 QPV »)
said of the open database's EPCI, as a translation: a QTranslator looked up before the others,
so that every tr() of every view speaks of the right territory without each view being told.
Installed by the main window for a database other than the CALL's, in the French interface
only (an English interface keeps its own words), and removed when that window closes."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator


class TerritoryTranslator(QTranslator):
    def __init__(self, say) -> None:
        super().__init__(QCoreApplication.instance())
        self.say = say

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        said = self.say(source_text)
        # None is a null QString: the other translators decide ("" would be an empty text)
        return said if said != source_text else None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def install_territory_words(names, language: str) -> TerritoryTranslator | None:
    """The translator for ``names`` (TerritoryNames), installed; None for the CALL's own
    database or an interface that is not French."""
    if names.epci == "CALL" or language != "fr":
        return None
    translator = TerritoryTranslator(names.say)
    QCoreApplication.installTranslator(translator)
    return translator


def remove_territory_words(translator: TerritoryTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
