"""Printing a fiche: the print dialog, then the same painting as the PDF."""
from __future__ import annotations

from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ...models.fiche import Fiche
from ...render.fiche_pdf import document_title, paint_fiche
from ...render.pdf_pages import set_a4


def print_fiche(fiche: Fiche, thumbnail: QImage | None, parent: QWidget | None = None) -> bool:
    """Ask for a printer with the print dialog and print the fiche on A4; False if the user
    cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document_title(fiche))
    printer.setCreator("qpvdesk")
    set_a4(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Imprimer la fiche")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("L'imprimante n'a pas pu être ouverte.")
    try:
        paint_fiche(painter, printer, fiche, thumbnail)
    finally:
        painter.end()
    return True
