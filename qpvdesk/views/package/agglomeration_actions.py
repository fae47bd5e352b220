"""The agglomeration's menu: open a package received from a commune (verify, preview on the
map, accept into the consolidated base), manage the communes' keys, browse and export what
was received, decide on each proposal and answer each commune. Views only call the models
(verify_package, TrustStore, ConsolidatedStore, DecisionStore)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import shapely
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ... import paths
from ...models.decisions import RECUE
from ...models.map.layers import RECEIVED_PROPOSAL_LAYERS, proposal_layers
from ...models.package.agglomeration import agglomeration_of
from ...models.package.communes import territory_names
from ...models.package.info import PACKAGE_SUFFIX
from ...models.package.received import ConsolidatedStore
from ...models.package.trust import TrustError, TrustStore
from ...models.package.verify import VerificationReport, verify_package
from ...models.proposals.proposal import Proposal
from ...models.proposals.territory import Territory
from ..map.modified_shapes import show_modified
from .decision_actions import DecisionActions
from .preview_bar import PackagePreviewBar
from .received_dialog import ChooseSavePath, ReceivedDialog, default_choose_save_path
from .respond_actions import RespondActions
from .received_dialog import export_consolidated as _export_consolidated
from .trust_dialog import ChooseOpenPath, TrustDialog
from .verify_dialog import VerificationDialog, commune_label
from ..file_dialogs import open_path

RECEIVED_LAYERS = RECEIVED_PROPOSAL_LAYERS
PACKAGE_FILTER = QT_TRANSLATE_NOOP("AgglomerationActions",
                                   "Paquet de propositions (*{suffix});;Tous les fichiers (*)")
MIN_ZOOM_EXTENT = 800.0   # metres shown at least around the proposals of a package


class AgglomerationActions(QObject):
    """The actions the lead puts in the agglomeration's menu, and what they do."""

    message = Signal(str)   # French, for the status bar

    def __init__(self, window: QWidget, workspace, reference, map_controller, canvas,
                 trust_folder: Path | None = None, choose_open_path=None,
                 choose_save_path=None, key_folder=None) -> None:
        super().__init__(window)
        self.window, self.workspace, self.reference = window, workspace, reference
        self.map, self.canvas = map_controller, canvas
        self.trust_folder = Path(trust_folder) if trust_folder is not None \
            else paths.epci_trust_folder(agglomeration_of(reference).siren)
        self.choose_open_path: ChooseOpenPath = choose_open_path or self._choose_open_path
        self.choose_save_path: ChooseSavePath = choose_save_path \
            or default_choose_save_path(window)
        self.consolidated = ConsolidatedStore(workspace)
        self.preview_bar: PackagePreviewBar | None = None
        self._territory: Territory | None = None
        self.open_package_action = self._action(self.tr("Ouvrir un paquet reçu…"),
                                                lambda: self.open_package(), "Ctrl+Shift+O",
                                                self.tr("Vérifier un paquet signé envoyé par "
                                                        "une commune, puis l'accepter"))
        self.trust_action = self._action(
            self.tr("Clés des communes…"), lambda: self.show_trust(),
            tip=self.tr("Les clés publiques des communes dont les paquets sont acceptés"))
        self.received_action = self._action(
            self.tr("Propositions reçues…"), lambda: self.show_received(),
            tip=self.tr("Les propositions et paquets reçus des communes"))
        self.export_consolidated_action = self._action(
            self.tr("Exporter les propositions consolidées…"),
            lambda: self.export_consolidated(),
            tip=self.tr("Toutes les propositions reçues dans un GeoPackage pour QGIS"))
        self.deciding = DecisionActions(window, workspace, lambda: self.territory, canvas,
                                        lambda dialog: self.run_dialog(dialog))
        self.deciding.decided.connect(lambda _decision: self.refresh_map())
        self.responding = RespondActions(window, workspace, reference, lambda: self.territory,
                                         key_folder)
        self.responding.message.connect(self.message)
        self.export_key_action = self._action(
            self.tr("Exporter la clé publique de l'agglomération…"),
            lambda: self.responding.export_public_key(),
            tip=self.tr("Le fichier que chaque commune installe pour vérifier vos réponses"))

    def _action(self, text: str, slot, shortcut: str | None = None,
                tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.open_package_action, self.trust_action, self.received_action,
                self.export_consolidated_action, self.export_key_action]

    @property
    def territory(self) -> Territory:
        if self._territory is None:
            self._territory = Territory(self.reference)
        return self._territory

    # -- what a test answers (modal dialogs and file choosers) ----------------------------
    def _choose_open_path(self, title: str, file_filter: str) -> str | None:
        return open_path(self.window, title, file_filter) or None

    def run_dialog(self, dialog: QDialog) -> int:
        """Modal, like exec(), but until the dialog is finished rather than hidden: the
        verification dialog steps aside (hidden, not modal) while its package is shown on
        the map."""
        loop = QEventLoop()
        dialog.finished.connect(loop.quit)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
        loop.exec()
        return dialog.result()

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    # -- trust ---------------------------------------------------------------------------
    def trust_store(self) -> TrustStore | None:
        try:
            return TrustStore(self.trust_folder, names=territory_names(self.territory))
        except TrustError as error:
            self.warn(self.tr("Clés des communes"), str(error))
            return None

    def show_trust(self) -> TrustDialog | None:
        store = self.trust_store()
        if store is None:
            return None
        dialog = TrustDialog(self.window, store, self.territory, self.choose_open_path)
        self.run_dialog(dialog)
        dialog.deleteLater()   # returned for a look right away, not to be kept
        return dialog

    # -- receiving a package ---------------------------------------------------------------
    def open_package(self, path: str | Path | None = None) -> VerificationReport | None:
        """Verify a package, show the verdict; preview and acceptance from the dialog."""
        if path is None:
            path = self.choose_open_path(self.tr("Ouvrir un paquet reçu d'une commune"),
                                         self.tr(PACKAGE_FILTER).format(suffix=PACKAGE_SUFFIX))
            if not path:
                return None
        store = self.trust_store()
        if store is None:
            return None
        report = verify_package(Path(path), store,   # never raises for a bad package
                                epci_siren=self.reference.epci_identity().siren)
        dialog = VerificationDialog(self.window, report, self.territory, self.reference)
        earlier = self.already_received(report)
        if earlier is not None:
            dialog.mark_already_accepted(earlier)
        state = {"accepted": False, "previewed": False}

        def preview(proposals: list) -> None:
            state["previewed"] = True
            self.show_proposals(proposals, zoom=True)
            text = self.preview_text(report, len(proposals))
            self.message.emit(text)
            self.step_aside(dialog, text)

        def accept() -> None:
            if self.accept_report(report, dialog):
                state["accepted"] = True

        dialog.preview_requested.connect(preview)
        dialog.accept_requested.connect(accept)
        self.run_dialog(dialog)
        self._close_preview_bar()
        dialog.deleteLater()
        if state["previewed"] and not state["accepted"]:
            self.refresh_map()   # the map shows again only what the base holds
        return report

    def already_received(self, report: VerificationReport) -> str | None:
        """When this package (same id or same file) was accepted before, the date it was."""
        if not report.ok or report.info is None:
            return None
        try:
            packages = self.consolidated.packages()
        except Exception:   # the workspace could not be read: the dialog says nothing more
            return None
        for package in packages:
            if package["uuid"] == report.info.uuid or package["file_sha256"] == report.sha256:
                return package["received"]
        return None

    def preview_text(self, report: VerificationReport, count: int) -> str:
        sender = commune_label(self.territory, report.info.commune_insee) \
            if report.info else ""
        proposals = (self.tr("1 proposition") if count == 1 else
                     self.tr("{count} propositions").format(count=count))
        return self.tr("Aperçu sur la carte du paquet de {sender}\u00a0: {proposals}, en vert "
                       "(quartiers vécus et équipements) et en bleu (demandes de périmètre), "
                       "pas encore importées.").format(sender=sender, proposals=proposals)

    def step_aside(self, dialog: QDialog, text: str) -> None:
        """Hide the verification dialog so that the map can be looked at and moved; a bar
        over the main window brings the dialog back."""
        self._close_preview_bar()
        dialog.hide()
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        bar = PackagePreviewBar(self.window, text)
        self.preview_bar = bar

        def back() -> None:
            if self.preview_bar is not bar:
                return
            self._close_preview_bar()
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()

        bar.back_requested.connect(back)
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        bar.show_over(self.window)

    def _close_preview_bar(self) -> None:
        bar, self.preview_bar = self.preview_bar, None
        if bar is not None:
            bar.hide()
            bar.deleteLater()

    def accept_report(self, report: VerificationReport,
                      dialog: VerificationDialog | None = None) -> bool:
        """Record a verified package; the outcome is told in a message box."""
        if not report.ok or report.info is None:
            return False
        try:
            outcome = self.consolidated.accept(report.info, report.proposals, report.path.name,
                                               report.sha256,
                                               names=territory_names(self.territory))
        except ValueError as error:
            self.warn(self.tr("Paquet non importé"), str(error))
            return False
        except Exception as error:   # the workspace itself failed: no traceback
            self.warn(self.tr("Paquet non importé"),
                      self.tr("L'enregistrement a échoué ({error}). Rien n'a été importé.")
                      .format(error=error))
            return False
        summary = outcome.summary()
        sender = commune_label(self.territory, report.info.commune_insee)
        title = (self.tr("Paquet accepté") if not outcome.already_imported
                 else self.tr("Paquet déjà importé"))
        self.inform(title, self.tr("Paquet de {sender}.\n\n{summary}")
                    .format(sender=sender, summary=summary))
        if dialog is not None:
            dialog.mark_accepted(summary)
        self.refresh_map(zoom_to=report.proposals)
        self.message.emit(summary)
        return True

    # -- received proposals ---------------------------------------------------------------
    def show_received(self) -> ReceivedDialog:
        dialog = ReceivedDialog(self.window, self.consolidated, self.territory,
                                self.choose_save_path)
        dialog.inform, dialog.warn = self.inform, self.warn

        def decide(uuid: str) -> None:
            if self.deciding.decide(uuid, aside=dialog) is not None:
                dialog.refresh()
                dialog.select(uuid)

        dialog.decide_requested.connect(decide)
        dialog.respond_requested.connect(lambda commune: self.responding.respond(commune))
        self.received_dialog = dialog
        self.run_dialog(dialog)
        self.received_dialog = None
        dialog.deleteLater()   # returned for a look right away, not to be kept
        return dialog

    def export_consolidated(self) -> Path | None:
        return _export_consolidated(self.consolidated, self.choose_save_path, self.inform,
                                    self.warn)

    # -- the map ---------------------------------------------------------------------------
    def show_proposals(self, proposals: Sequence[Proposal], zoom: bool = False) -> None:
        """Put ``proposals`` in the received layers, make them visible, zoom if asked."""
        self.map.composer.layers.update(proposal_layers(list(proposals), RECEIVED_LAYERS))
        show_modified(self.map.composer, "decisions", [])
        for layer_id in RECEIVED_LAYERS:
            try:
                visible = self.map.state.setting(layer_id).visible
            except KeyError:   # a map state saved before these layers existed
                continue
            if not visible:
                self.map.set_visible(layer_id, True)
        if zoom and proposals:
            self.zoom_to(proposals)
        self.canvas.request_render()

    def zoom_to(self, proposals: Sequence[Proposal]) -> None:
        xmin, ymin, xmax, ymax = (float(value) for value in shapely.total_bounds(
            [item.geometry for item in proposals]))
        grow_x = max(0.0, MIN_ZOOM_EXTENT - (xmax - xmin)) / 2
        grow_y = max(0.0, MIN_ZOOM_EXTENT - (ymax - ymin)) / 2
        self.canvas.zoom_to((xmin - grow_x, ymin - grow_y, xmax + grow_x, ymax + grow_y))

    def refresh_map(self, zoom_to: Sequence[Proposal] | None = None) -> None:
        """The received layers show the consolidated proposals (current versions), coloured
        by their latest decision, and the modified geometries beside them."""
        try:
            proposals = [version.proposal for version in self.consolidated.current()]
            latest = self.deciding.store.latest()
        except Exception as error:
            self.warn(self.tr("Propositions reçues"),
                      self.tr("Lecture impossible ({error}).").format(error=error))
            return
        decided = {proposal.uuid: latest[proposal.uuid].decision if proposal.uuid in latest
                   else RECUE for proposal in proposals}
        self.map.composer.layers.update(proposal_layers(proposals, RECEIVED_LAYERS, decided))
        show_modified(self.map.composer, "decisions", [
            (proposal.uuid, proposal.label, latest[proposal.uuid].geometry)
            for proposal in proposals if proposal.uuid in latest
            and latest[proposal.uuid].geometry is not None])
        if zoom_to:
            self.show_proposals(proposals, zoom=False)
            self.zoom_to(zoom_to)
        self.map.legends_changed()   # the layers panel lists the decisions shown
        self.canvas.request_render()
