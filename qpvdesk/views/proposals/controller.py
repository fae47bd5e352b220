"""Wires drawing on the map to the user's proposals: tools, form, list, history, undo.

Every finished edit goes to the ProposalStore at once (one transaction, one undo step); the
views only display what the store holds. A half-drawn shape is saved as a draft at each
vertex, and offered again at the next start.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from ...models.map.layers import proposal_layers
from ...models.map.snapping import EXTRA_LAYER_ID, Snapper
from ...models.package.response_states import current_states
from ...models.proposals import (EQUIPEMENT, KINDS, PERIMETRE, QUARTIER_VECU, InvalidProposal,
                                 ProposalNotFound, ProposalStore)
from ..map.capture_tool import CaptureTool
from ..map.edit_tool import EditTool
from ..map.modified_shapes import show_modified
from .history_panel import HistoryPanel
from .proposal_list import ProposalListPanel
from ..model_texts import model_text
from ..file_dialogs import open_path, save_path

if TYPE_CHECKING:
    from ...models.proposals.importer import ImportReport

SNAP_LAYERS = ("qpv", "communes", "iris")


class ProposalController(QObject):
    message = Signal(str)    # French, for the status bar
    # The user's proposals after any change (one refresh signal): the map layers, the
    # snapping index and the edit tool read this in-memory list, never the database.
    proposals_changed = Signal(list)

    def __init__(self, window, store: ProposalStore, map_controller, pan_tool) -> None:
        super().__init__(window)
        self.window, self.store = window, store
        self.map = map_controller
        self.canvas = map_controller.canvas
        self.pan_tool = pan_tool
        layers = map_controller.composer.layers
        self.proposals: list = []
        # what the agglomeration's responses say of each proposal (uuid -> ProposalState)
        self.decisions: dict = {}
        self.snapper = Snapper([layers[name] for name in SNAP_LAYERS])
        self.proposals_changed.connect(self._index_for_snapping)
        self.capture = CaptureTool(self.canvas, EQUIPEMENT, self.snapper, store.save_draft)
        self.edit = EditTool(self.canvas, self._editable, self._move, self._vertices,
                             snapper=self.snapper)
        # behind a tab at start: filled after the first map (MainWindow._after_first_map)
        self.list_panel = ProposalListPanel(store, populate=False)
        self._highlighted: str | None = None    # the proposal outlined on the map
        self.history_panel = HistoryPanel(store)
        self._build_actions()
        self._connect()
        self.decisions = self._read_decisions()
        self.list_panel.set_decisions(self.decisions)
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
        # Not StandardKey.Redo: it is Ctrl+Shift+Z itself on X11 (registering it twice makes
        # the key ambiguous: it does nothing) and Ctrl+Y only under Windows.
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
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
        self.list_panel.selection_changed.connect(self.highlight)
        self.map.proposal_identified.connect(self.reveal)
        self.edit.selected.connect(lambda uuid: self.reveal(uuid) if uuid else None)
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
                    "({vertices}). Voulez-vous la reprendre ?")
            .format(kind=model_text(KINDS[draft.kind]),
                    vertices=self.tr("1 sommet") if len(draft.vertices) == 1
                    else self.tr("{count} sommets").format(count=len(draft.vertices))))
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
        from .proposal_form import ProposalForm   # on demand: not before the first map

        form = ProposalForm(self.store, kind, geometry, parent=self.window)
        form.geometry_repaired.connect(self.canvas.set_highlight)
        if form.exec() != QDialog.DialogCode.Accepted:
            self.canvas.set_highlight(None)
            if kind == EQUIPEMENT:   # one click places a point again: back to navigation
                self.store.clear_draft()
                self._use_pan()
                self.message.emit(self.tr("Point non enregistré : aucun projet d'équipement "
                                          "n'a été ajouté. Choisissez « Projet d'équipement » "
                                          "pour en placer un."))
                return
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
        from .proposal_form import ProposalForm

        form = ProposalForm(self.store, proposal.kind, proposal=proposal, parent=self.window,
                            decision=self.decisions.get(uuid))
        if form.exec() == QDialog.DialogCode.Accepted:
            reshaped = None if form.geometry.equals(proposal.geometry) else form.geometry
            self._apply(self.store.update, uuid, reshaped, **form.result_fields())

    def zoom_to(self, uuid: str) -> None:
        proposal = self.store.get(uuid)
        if proposal is not None:
            xmin, ymin, xmax, ymax = proposal.geometry.buffer(150).bounds
            self.canvas.zoom_to((xmin, ymin, xmax, ymax))
            self.highlight(uuid)

    def highlight(self, uuid: str | None) -> None:
        """Outline a proposal on the map (the row chosen in the list); None clears it."""
        proposal = self.store.get(uuid) if uuid else None
        if proposal is None and self._highlighted is None:
            return
        self._highlighted = proposal.uuid if proposal else None
        self.canvas.set_highlight(proposal.geometry if proposal else None)

    def reveal(self, uuid: str) -> None:
        """A proposal clicked on the map: its row selected in the Propositions panel."""
        if not self.list_panel.reveal(uuid):
            self.highlight(uuid)
            self.message.emit(self.tr("Cette proposition est masquée par les filtres du "
                                      "panneau Propositions."))

    # -- files ---------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> ImportReport | None:
        """Import proposals; the report says, feature by feature, what came in and why not."""
        if path is None:
            path = open_path(
                self.window, self.tr("Importer des propositions"),
                self.tr("Données géographiques (*.geojson *.json *.gpkg *.kml *.shp);;Tous les "
                        "fichiers (*)"))
            if not path:
                return None
        from ...models.proposals.importer import ImportFileError, import_proposals   # on use

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
            path = save_path(
                self.window, self.tr("Exporter mes propositions"), "propositions.gpkg",
                self.tr("GeoPackage (*.gpkg);;GeoJSON (*.geojson);;CSV pour Excel (*.csv)"))
            if not path:
                return None
        from ...models.proposals.exporter import export_proposals   # on use

        try:
            written = export_proposals(self.store.list(), path)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Export impossible"), str(exc))
            return None
        self.message.emit(self.tr("Propositions exportées : {written}").format(written=written))
        return written

    # -- display ------------------------------------------------------------------------
    def _editable(self):
        return [(p.uuid, p.geometry) for p in self.proposals]

    def _index_for_snapping(self, proposals) -> None:
        self.snapper.set_layer(EXTRA_LAYER_ID, [(p.uuid, p.geometry) for p in proposals])

    def refresh(self, render: bool = True) -> None:
        self.decisions = self._read_decisions()
        self.list_panel.set_decisions(self.decisions)
        self.list_panel.refresh()
        self.history_panel.refresh()
        self._refresh_map_and_actions(render)

    def _read_decisions(self) -> dict:
        return current_states(self.store.workspace.conn)

    def _refresh_map_and_actions(self, render: bool) -> None:
        self.proposals = self.store.list()
        decided = {uuid: state.decision for uuid, state in self.decisions.items()}
        # coloured by decision once a response said something, as drawn before that
        self.map.composer.layers.update(proposal_layers(self.proposals,
                                                        decisions=decided or None))
        show_modified(self.map.composer, "responses", [
            (proposal.uuid, proposal.label, self.decisions[proposal.uuid].geometry)
            for proposal in self.proposals if proposal.uuid in self.decisions
            and self.decisions[proposal.uuid].geometry is not None])
        if decided:
            self.map.legends_changed()   # the layers panel lists the decisions shown
        if self._highlighted and self.store.get(self._highlighted) is None:
            self.highlight(None)          # deleted (or undone): no outline left behind
        self.undo_action.setEnabled(self.store.undo_text() is not None)
        self.redo_action.setEnabled(self.store.redo_text() is not None)
        if render:
            self.canvas.request_render()
        self.proposals_changed.emit(self.proposals)


def _vertices(geometry) -> list[tuple[float, float]]:
    if geometry.geom_type == "Point":
        return [(geometry.x, geometry.y)]
    return [tuple(xy) for xy in geometry.exterior.coords[:-1]]
