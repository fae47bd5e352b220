"""Affichage › Vue nationale: France's metropolitan communes with the agglomeration's QPV and
EPCI outline on top, in a map canvas of its own (drag to pan, wheel to zoom).

The communes come from the national data pack, written once to a SpatiaLite file in the user
data folder (about ten seconds, the first time only) and loaded in a worker thread: the window
says what it is doing until the map shows.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from ...render.renderer import LayerRenderSpec
from ..tasks import Task

LOADING = "Chargement des {count} communes de France métropolitaine…"


def load_communes(folder: Path, progress) -> object:
    """The communes layer (worker thread): the database is written first if needed."""
    from ...models.map.national import national_communes

    database = folder / "communes_france.sqlite"
    if not database.is_file():
        progress(0, "Première ouverture : préparation des communes de France (une dizaine de "
                    "secondes, une seule fois)…")
    return national_communes(folder)


class NationalView(QWidget):
    """A status line, replaced by the map once the communes are loaded."""

    def __init__(self, folder: Path, above: list[LayerRenderSpec], parent=None) -> None:
        super().__init__(parent)
        self.above, self.folder = above, folder
        self.canvas = None
        self.status = QLabel(LOADING.format(count="34\u202f739"))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.status)
        self.task = Task(lambda progress: load_communes(folder, progress), self)
        self.task.progressed.connect(lambda _, text: self.status.setText(text))
        self.task.succeeded.connect(self._show_map)
        self.task.failed.connect(self._show_failure)
        self.task.start()

    def _show_map(self, communes) -> None:
        from ...render.national import national_compose, national_viewport
        from .canvas import MapCanvas
        from .pan_tool import PanIdentifyTool

        size = self.size()
        self.canvas = MapCanvas(national_compose(communes, self.above),
                                national_viewport(communes, max(size.width(), 300),
                                                  max(size.height(), 200)))
        self.canvas.setAccessibleName("Carte nationale des communes")
        self.canvas.set_tool(PanIdentifyTool(self.canvas))
        self._stack.addWidget(self.canvas)
        self._stack.setCurrentWidget(self.canvas)
        self.canvas.request_render()

    def _show_failure(self, error: Exception) -> None:
        from ...models.build.national_pack import NationalPackMissing

        if isinstance(error, NationalPackMissing):
            self.status.setText(str(error))      # French already: where, and what to do
        elif isinstance(error, OSError):
            self.status.setText(
                f"La vue nationale ne peut pas s'afficher : le fichier des communes n'a pas pu "
                f"être écrit dans {self.folder} ({error.strerror or error}). Libérez de la "
                "place sur le disque ou vérifiez les droits de ce dossier, puis rouvrez la vue.")
        else:
            self.status.setText(
                "La vue nationale ne peut pas s'afficher : les données nationales de qpvdesk "
                f"(dossier data/national) sont illisibles ({error}). Réinstallez qpvdesk avec "
                "son dossier data/national.")

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.task.running:
            self.task.stop()
        super().closeEvent(event)
