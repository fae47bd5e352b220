"""The main window: for now the QPV list; the map comes next."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from ..models.reference import ReferenceStore
from .formatting import number
from .qpv_list import QpvListView
from .sources_dialog import SourcesDialog


class MainWindow(QMainWindow):
    def __init__(self, reference: ReferenceStore) -> None:
        super().__init__()
        self.reference = reference
        self.setWindowTitle("qpvdesk — Quartiers prioritaires de la CA de Lens-Liévin")
        self.resize(1280, 800)
        qpv = reference.qpv_list()
        central = QWidget()
        layout = QVBoxLayout(central)
        title = QLabel(f"<h2>Les {len(qpv)} quartiers prioritaires (géographie 2024)</h2>"
                       "<p>Population : base INSEE sur la géographie 2015 des QPV. "
                       "Cliquez sur un en-tête de colonne pour trier.</p>")
        layout.addWidget(title)
        self.qpv_list = QpvListView(qpv)
        layout.addWidget(self.qpv_list)
        self.setCentralWidget(central)
        total = sum(q.population or 0 for q in qpv)
        self.statusBar().showMessage(
            f"{len(qpv)} QPV — {number(total)} habitants (somme des populations municipales "
            "INSEE) — base de référence en lecture seule")
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Fichier")
        quit_action = QAction("&Quitter", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Aide")
        self.sources_action = QAction("&Sources des données…", self)
        self.sources_action.triggered.connect(self.show_sources)
        help_menu.addAction(self.sources_action)

    def show_sources(self) -> SourcesDialog:
        dialog = SourcesDialog(self.reference.provenance(), self)
        dialog.show()
        return dialog
