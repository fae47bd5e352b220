"""The fiche of a QPV: its window, its A4 PDF and print-out, its map thumbnail."""
from ...render.fiche_pdf import write_fiche_pdf
from .fiche_print import print_fiche
from .fiche_view import FicheView, open_fiche_window
from ...render.thumbnail import qpv_thumbnail

__all__ = ["FicheView", "open_fiche_window", "print_fiche", "qpv_thumbnail", "write_fiche_pdf"]
