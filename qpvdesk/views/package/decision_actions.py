"""Deciding on a received proposal: the « Décider… » dialog, drawing its modified geometry on
the map with the drawing tools (a new shape with the capture tool, or the received one
reshaped with the edit tool, on a copy), and recording the decision (DecisionStore)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ...models.decisions import Decision, DecisionStore, InvalidDecision, default_decider
from ...models.package.identity import load_identity
from ...models.proposals.geometry import polygon_from_vertices, translated
from ...models.proposals.vocabulary import EQUIPEMENT
from ..map.capture_tool import CaptureTool
from ..map.edit_tool import EditTool
from .decision_dialog import DecisionDialog
from .preview_bar import PackagePreviewBar

DRAWN = "geometrie-modifiee"   # the edit tool's id of the shape being reshaped
MARGIN_M = 150.0


class DecisionActions(QObject):
    decided = Signal(object)   # the Decision just recorded

    def __init__(self, window: QWidget, workspace, territory: Callable[[], object], canvas,
                 run_dialog: Callable[[QDialog], int]) -> None:
        super().__init__(window)
        self.window, self.workspace = window, workspace
        self.territory, self.canvas, self.run_dialog = territory, canvas, run_dialog
        self.store = DecisionStore(workspace)
        self.bar: PackagePreviewBar | None = None
        self._tool_before = None
        self.dialog: DecisionDialog | None = None   # the open one, for a look
        self.aside: QDialog | None = None

    def decide(self, proposal_uuid: str, aside: QDialog | None = None) -> Decision | None:
        """Ask for a decision on a received proposal and record it; None when cancelled.
        ``aside``: a dialog under this one (the received proposals), which steps aside too
        while the geometry is drawn on the map."""
        self.aside = aside
        versions = self.store.received.versions(proposal_uuid)
        if not versions:
            return None
        dialog = DecisionDialog(self.window, versions[-1], self.store.history(proposal_uuid),
                                default_decider(load_identity(self.workspace)),
                                self.territory())
        self.dialog = dialog
        recorded: list[Decision] = []
        dialog.save_requested.connect(lambda: self._save(dialog, recorded))
        dialog.draw_requested.connect(lambda mode: self.draw(dialog, mode))
        self.run_dialog(dialog)
        self._end_drawing()
        self.canvas.set_highlight(None)
        self.dialog = None
        dialog.deleteLater()
        return recorded[0] if recorded else None

    def _save(self, dialog: DecisionDialog, recorded: list[Decision]) -> None:
        try:
            decision = self.store.decide(dialog.proposal.uuid, dialog.decision, dialog.motif,
                                         dialog.decided_by, dialog.chosen_geometry(),
                                         self.territory())
        except InvalidDecision as error:
            dialog.show_problem(str(error), error.repaired)
            if error.repaired is not None:
                self.canvas.set_highlight(error.repaired)
            return
        recorded.append(decision)
        dialog.accept()
        self.decided.emit(decision)

    # -- drawing on the map ------------------------------------------------------------------
    def draw(self, dialog: DecisionDialog, mode: str) -> None:
        """The dialog steps aside while the modified geometry is drawn (``mode`` « new ») or
        the received shape reshaped (« edit ») on the map; a bar brings it back."""
        proposal = dialog.proposal
        start = dialog.geometry if dialog.geometry is not None else proposal.geometry
        drawn = {"shape": start if mode == "edit" else None}
        if mode == "new":
            tool = CaptureTool(self.canvas, proposal.kind)
            tool.discard_requested.connect(tool.discard)
            text = (self.tr("Cliquez sur la carte pour placer le nouvel emplacement.")
                    if proposal.kind == EQUIPEMENT else
                    self.tr("Dessinez la nouvelle forme : cliquez ses sommets ; Entrée ou "
                            "double-clic pour finir."))
        else:
            def move(_uuid, dx, dy):
                drawn["shape"] = translated(drawn["shape"], dx, dy)

            def reshape(_uuid, vertices):
                drawn["shape"] = polygon_from_vertices(vertices)

            tool = EditTool(self.canvas, lambda: [(DRAWN, drawn["shape"])], move, reshape)
            tool.selected_uuid = DRAWN        # its handles show at once
            text = self.tr("Déplacez les sommets de la forme reçue (double-clic sur un côté : "
                           "ajouter un sommet ; clic droit : retirer), puis « Terminer ».")
        self._end_drawing()
        self._tool_before = self.canvas.tool
        for window in (self.aside, dialog):
            if window is not None:
                window.hide()
                window.setWindowModality(Qt.WindowModality.NonModal)
        self.canvas.set_highlight(None)
        xmin, ymin, xmax, ymax = start.buffer(MARGIN_M).bounds
        self.canvas.zoom_to((xmin, ymin, xmax, ymax))
        self.canvas.set_tool(tool)
        bar = PackagePreviewBar(self.window, text, title=self.tr("Géométrie modifiée"),
                                back=self.tr("Terminer et revenir à la décision"))
        self.bar = bar

        def back() -> None:
            if self.bar is not bar:
                return
            if mode == "new" and drawn["shape"] is None and tool.vertices and tool.finish():
                return   # « Terminer » on a started outline finishes it: back() again
            self._end_drawing()
            if drawn["shape"] is not None:
                dialog.set_geometry(drawn["shape"])
                self.canvas.set_highlight(drawn["shape"])
            for window in (self.aside, dialog):
                if window is not None:
                    window.setWindowModality(Qt.WindowModality.ApplicationModal)
                    window.show()
            dialog.raise_()
            dialog.activateWindow()

        if mode == "new":
            tool.finished.connect(lambda _kind, shape: (drawn.update(shape=shape), back()))
        bar.back_requested.connect(back)
        bar.show_over(self.window)

    def _end_drawing(self) -> None:
        bar, self.bar = self.bar, None
        if bar is not None:
            bar.hide()
            bar.deleteLater()
        if self._tool_before is not None:
            self.canvas.set_tool(self._tool_before)
            self._tool_before = None
