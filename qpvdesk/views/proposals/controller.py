"""Wires drawing on the map to the user's proposals: tools, form, list, history, undo.

Every finished edit goes to the ProposalStore at once (one transaction, one undo step); the
views only display what the store holds. A half-drawn shape is saved as a draft at each
vertex, and offered again at the next start.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ...models.map.layers import proposal_layers
from ...models.map.snapping import Snapper
from ...models.proposals import (EQUIPEMENT, KINDS, PERIMETRE, QUARTIER_VECU, ImportFileError,
                                 ImportReport, InvalidProposal, ProposalNotFound, ProposalStore,
                                 export_proposals, import_proposals)
from ..map.capture_tool import CaptureTool
from ..map.edit_tool import EditTool
from .history_panel import HistoryPanel
from .proposal_form import ProposalForm
from .proposal_list import ProposalListPanel
from ..model_texts import model_text

SNAP_LAYERS = ("qpv", "communes", "iris")


class ProposalController(QObject):
    message = Signal(str)    # French, for the status bar

    def __init__(self, window, store: ProposalStore, map_controller, pan_tool) -> None:
        super().__init__(window)
        self.window, self.store = window, store
        self.map = map_controller
        self.canvas = map_controller.canvas
        self.pan_tool = pan_tool
        layers = map_controller.composer.layers
        self.snapper = Snapper([layers[name] for name in SNAP_LAYERS],
                               extra_geometries=self._snap_targets)
        self.capture = CaptureTool(self.canvas, EQUIPEMENT, self.snapper, store.save_draft)
        self.edit = EditTool(self.canvas, self._editable, self._move, self._vertices,
                             snapper=self.snapper)
        self.list_panel = ProposalListPanel(store, populate=False)
        self.canvas.map_painted.connect(self.list_panel.refresh)   # behind a tab at start
        self.history_panel = HistoryPanel(store)
        self._build_actions()
        self._connect()
        self._refresh_map_and_actions(render=False)   # the panels have just read the store

    # -- construction -------------------------------------------------------------------
    def _build_actions(self) -> None:
        window = self.window
        self.tool_group = QActionGroup(self)
        self.navigate_action = self._tool_action(
            self.tr("Naviguer"), self.tr("Déplacer la carte et identifier (Échap)"),
            self._use_pan)
        self.navigate_action.setChecked(True)
        draw_tip = self.tr("Dessiner : {kind}")
        self.draw_actions = {
            kind: self._tool_action(model_text(KINDS[kind]),
                                    draw_tip.format(kind=model_text(KINDS[kind])),
                                    lambda checked=False, k=kind: self.start_drawing(k))
            for kind in (EQUIPEMENT, QUARTIER_VECU, PERIMETRE)}
        self.edit_action = self._tool_action(
            self.tr("Modifier"),
            self.tr("Sélectionner, déplacer, modifier les sommets (double-clic : ajouter un "
                    "sommet)"), self._use_edit)
        self.snap_action = QAction(self.tr("Accrochage"), self, checkable=True, checked=True)
        self.snap_action.setToolTip(self.tr("Accrocher aux sommets et aux limites (QPV, "
                                            "communes, IRIS, propositions)"))
        self.snap_action.toggled.connect(lambda on: setattr(self.snapper, "enabled", on))
        self.undo_action = QAction(self.tr("Annuler"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("Rétablir"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                       QKeySequence(QKeySequence.StandardKey.Redo)])
        self.redo_action.triggered.connect(self.redo)
        for action in (self.undo_action, self.redo_action):
            window.addAction(action)

    def _tool_action(self, text: str, tip: str, slot) -> QAction:
        action = QAction(text, self, checkable=True)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.tool_group.addAction(action)
        return action

    def _connect(self) -> None:
        self.capture.finished.connect(self._finished)
        self.capture.discard_requested.connect(self._ask_discard)
        self.capture.message.connect(self.message)
        self.edit.message.connect(self.message)
        self.list_panel.zoom_requested.connect(self.zoom_to)
        self.list_panel.edit_requested.connect(self.edit_fields)
        self.list_panel.delete_requested.connect(self.delete)
        self.history_panel.go_to_requested.connect(lambda seq: self._apply(self.store.go_to, seq))
        self.history_panel.undo_requested.connect(self.undo)
        self.history_panel.redo_requested.connect(self.redo)

    # -- tools --------------------------------------------------------------------------
    def _use_pan(self) -> None:
        self.canvas.set_tool(self.pan_tool)
        self.navigate_action.setChecked(True)

    def _use_edit(self) -> None:
        self.canvas.set_tool(self.edit)

    def start_drawing(self, kind: str) -> None:
        self.capture.discard()
        self.capture.kind = kind
        self.canvas.set_tool(self.capture)
        self.draw_actions[kind].setChecked(True)
        self.message.emit(self.tr("Cliquez pour placer le point.") if kind == EQUIPEMENT else
                          self.tr("Cliquez les sommets ; Entrée ou double-clic pour finir, "
                                  "Retour arrière pour effacer le dernier, Échap pour "
                                  "abandonner."))

    def offer_draft(self) -> None:
        """At start-up: a shape left half-drawn (closed app or crash) can be taken up."""
        draft = self.store.draft()
        if draft is None or not draft.vertices:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Forme inachevée"),
            self.tr("Une forme « {kind} » n'a pas été terminée lors de la dernière séance "
                    "({count} sommet(s)). Voulez-vous la reprendre ?")
            .format(kind=model_text(KINDS[draft.kind]), count=len(draft.vertices)))
        if answer == QMessageBox.StandardButton.Yes:
            self.start_drawing(draft.kind)
            self.capture.resume(draft.kind, draft.vertices)
        else:
            self.store.clear_draft()

    def _ask_discard(self) -> None:
        answer = QMessageBox.question(self.window, self.tr("Abandonner la forme ?"),
                                      self.tr("Abandonner la forme en cours de dessin ?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.capture.discard()
            self.store.clear_draft()

    def _finished(self, kind: str, geometry) -> None:
        form = ProposalForm(self.store, kind, geometry, parent=self.window)
        form.geometry_repaired.connect(self.canvas.set_highlight)
        if form.exec() != QDialog.DialogCode.Accepted:
            self.capture.resume(kind, _vertices(geometry))   # nothing is lost
            self.message.emit(self.tr("Forme conservée : terminez-la ou appuyez sur Échap."))
            return
        self.canvas.set_highlight(None)
        self._apply(self.store.add, kind, form.geometry, form.result_fields(), clear_draft=True)

    # -- edits --------------------------------------------------------------------------
    def _apply(self, operation, *args, **kwargs):
        try:
            result = operation(*args, **kwargs)
        except (InvalidProposal, ProposalNotFound) as exc:
            QMessageBox.warning(self.window, "qpvdesk", str(exc))
            return None
        self.refresh()
        return result

    def _move(self, uuid: str, dx: float, dy: float) -> None:
        self._apply(self.store.move, uuid, dx, dy)

    def _vertices(self, uuid: str, vertices) -> None:
        self._apply(self.store.edit_vertices, uuid, vertices)

    def delete(self, uuid: str) -> None:
        self._apply(self.store.delete, uuid)
        self.message.emit(self.tr("Proposition supprimée (Ctrl+Z pour annuler)."))

    def undo(self) -> None:
        step = self._apply(self.store.undo)
        self.message.emit(self.tr("Annulé : {description}").format(description=step.description)
                          if step else self.tr("Rien à annuler."))

    def redo(self) -> None:
        step = self._apply(self.store.redo)
        self.message.emit(self.tr("Rétabli : {description}").format(description=step.description)
                          if step else self.tr("Rien à rétablir."))

    def edit_fields(self, uuid: str) -> None:
        proposal = self.store.get(uuid)
        if proposal is None:
            return
        form = ProposalForm(self.store, proposal.kind, proposal=proposal, parent=self.window)
        if form.exec() == QDialog.DialogCode.Accepted:
            if not form.geometry.equals(proposal.geometry):
                self._apply(self.store.reshape, uuid, form.geometry)
            self._apply(self.store.update, uuid, **form.result_fields())

    def zoom_to(self, uuid: str) -> None:
        proposal = self.store.get(uuid)
        if proposal is not None:
            xmin, ymin, xmax, ymax = proposal.geometry.buffer(150).bounds
            self.canvas.zoom_to((xmin, ymin, xmax, ymax))
            self.canvas.set_highlight(proposal.geometry)

    # -- files ---------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> ImportReport | None:
        """Import proposals; the report says, feature by feature, what came in and why not."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Importer des propositions"), "",
                self.tr("Données géographiques (*.geojson *.json *.gpkg *.kml *.shp);;Tous les "
                        "fichiers (*)"))
            if not path:
                return None
        try:
            report = import_proposals(self.store, path)
        except ImportFileError as exc:
            QMessageBox.warning(self.window, self.tr("Import refusé"), str(exc))
            return None
        self.refresh()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Rapport d'import"),
                          report.summary(), QMessageBox.StandardButton.Ok, self.window)
        box.setDetailedText("\n".join(outcome.line() for outcome in report.outcomes))
        box.open()
        self.message.emit(report.summary())
        return report

    def export_file(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Exporter mes propositions"), "propositions.gpkg",
                self.tr("GeoPackage (*.gpkg);;GeoJSON (*.geojson);;CSV pour Excel (*.csv)"))
            if not path:
                return None
        try:
            written = export_proposals(self.store.list(), path)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Export impossible"), str(exc))
            return None
        self.message.emit(self.tr("Propositions exportées : {written}").format(written=written))
        return written

    # -- display ------------------------------------------------------------------------
    def _editable(self):
        return [(p.uuid, p.geometry) for p in self.store.list()]

    def _snap_targets(self):
        return self._editable()

    def refresh(self, render: bool = True) -> None:
        self.list_panel.refresh()
        self.history_panel.refresh()
        self._refresh_map_and_actions(render)

    def _refresh_map_and_actions(self, render: bool) -> None:
        self.map.composer.layers.update(proposal_layers(self.store.list()))
        self.undo_action.setEnabled(self.store.undo_text() is not None)
        self.redo_action.setEnabled(self.store.redo_text() is not None)
        if render:
            self.canvas.request_render()


def _vertices(geometry) -> list[tuple[float, float]]:
    if geometry.geom_type == "Point":
        return [(geometry.x, geometry.y)]
    return [tuple(xy) for xy in geometry.exterior.coords[:-1]]
