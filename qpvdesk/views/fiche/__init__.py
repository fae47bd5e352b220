"""The fiche of a QPV: its window, its A4 PDF and print-out, its map thumbnail."""
from .fiche_pdf import print_fiche, write_fiche_pdf
from .fiche_view import FicheView, open_fiche_window
from .thumbnail import qpv_thumbnail

__all__ = ["FicheView", "open_fiche_window", "print_fiche", "qpv_thumbnail", "write_fiche_pdf"]
