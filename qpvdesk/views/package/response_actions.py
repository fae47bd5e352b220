"""The commune's side of the agglomeration's responses: install the agglomeration's key, open
a response (verify it, show its decisions), import it. What the responses say is then shown
by the proposals' list, map and form (views/proposals). Views only call the models
(verify_response, TrustStore, ResponseStore)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ... import paths
from ...models.package.agglomeration import Agglomeration, agglomeration_of
from ...models.package.communes import commune_names
from ...models.package.identity import load_identity
from ...models.package.info import PACKAGE_SUFFIX
from ...models.package.responses import ResponseOutcome, ResponseStore
from ...models.package.trust import TrustError, TrustStore
from ...models.package.verify import VerificationReport, verify_response
from ..file_dialogs import open_path
from .agglomeration_key_dialog import AgglomerationKeyDialog
from .dialog_actions import DialogActions
from .response_dialog import ResponseVerificationDialog

RESPONSE_FILTER = QT_TRANSLATE_NOOP("CommuneResponseActions",
                                    "Réponse de l'agglomération (*{suffix});;Tous les fichiers "
                                    "(*)")


class CommuneResponseActions(DialogActions):
    message = Signal(str)          # French, for the status bar
    responses_changed = Signal()   # a response was imported: the proposals' views refresh

    def __init__(self, window: QWidget, workspace, reference, proposal_store,
                 trust_folder: Path | None = None, choose_open_path=None) -> None:
        super().__init__(window)
        self.window, self.workspace, self.reference = window, workspace, reference
        self.proposal_store = proposal_store
        self.territory = proposal_store.territory
        self.trust_folder = Path(trust_folder) if trust_folder is not None \
            else paths.epci_trust_folder(agglomeration_of(reference).siren)
        self.choose_open_path = choose_open_path or (
            lambda title, filters: open_path(self.window, title, filters) or None)
        self.responses = ResponseStore(workspace)
        self.import_action = QAction(self.tr("Importer une réponse de l'agglomération…"), self)
        self.import_action.setToolTip(self.tr("Vérifier la réponse signée de l'agglomération et "
                                              "afficher ses décisions sur vos propositions"))
        self.import_action.triggered.connect(lambda: self.import_response())
        self.key_action = QAction(self.tr("Clé de l'agglomération…"), self)
        self.key_action.setToolTip(self.tr("La clé publique avec laquelle qpvdesk vérifie les "
                                           "réponses de l'agglomération"))
        self.key_action.triggered.connect(lambda: self.show_key())

    # -- the agglomeration and its key ----------------------------------------------------
    @property
    def agglomeration(self) -> Agglomeration:
        return agglomeration_of(self.reference)

    def trust_store(self) -> TrustStore | None:
        try:
            return TrustStore(self.trust_folder, names=commune_names(self.reference))
        except TrustError as error:
            self.warn(self.tr("Clé de l'agglomération"), str(error))
            return None

    def show_key(self) -> AgglomerationKeyDialog | None:
        store = self.trust_store()
        if store is None:
            return None
        agglomeration = self.agglomeration
        dialog = AgglomerationKeyDialog(self.window, store, agglomeration.siren,
                                        agglomeration.name, self.choose_open_path)
        self.exec_dialog(dialog)
        dialog.deleteLater()   # returned for a look right away, not to be kept
        return dialog

    # -- a response --------------------------------------------------------------------------
    def import_response(self, path: str | Path | None = None) -> ResponseOutcome | None:
        """Verify a response, show its decisions, import it when asked; the outcome, or None
        when nothing was imported."""
        commune = load_identity(self.workspace).commune_insee
        if not commune:
            self.warn(self.tr("Réponse de l'agglomération"),
                      self.tr("Choisissez d'abord votre commune (menu « Ma clé de "
                              "signature… ») : une réponse n'est importée que par la commune "
                              "à qui elle est destinée."))
            return None
        if path is None:
            path = self.choose_open_path(self.tr("Ouvrir une réponse de l'agglomération"),
                                         self.tr(RESPONSE_FILTER).format(suffix=PACKAGE_SUFFIX))
            if not path:
                return None
        store = self.trust_store()
        if store is None:
            return None
        report = verify_response(Path(path), store, commune=commune)   # never raises
        labels = {proposal.uuid: proposal.label
                  for proposal in self.proposal_store.list(include_deleted=True)}
        dialog = ResponseVerificationDialog(self.window, report, self.territory, labels,
                                            store.names)
        imported: list[ResponseOutcome] = []

        def accept() -> None:
            outcome = self.accept_report(report, dialog)
            if outcome is not None:
                imported.append(outcome)

        dialog.accept_requested.connect(accept)
        self.exec_dialog(dialog)
        dialog.deleteLater()
        return imported[0] if imported else None

    def accept_report(self, report: VerificationReport,
                      dialog: ResponseVerificationDialog | None = None
                      ) -> ResponseOutcome | None:
        if not report.ok or report.info is None:
            return None
        commune = load_identity(self.workspace).commune_insee
        try:
            outcome = self.responses.accept(report.info, report.states, report.path.name,
                                            report.sha256, commune,
                                            names=commune_names(self.reference))
        except ValueError as error:
            self.warn(self.tr("Réponse non importée"), str(error))
            return None
        except Exception as error:   # the workspace itself failed: no traceback
            self.warn(self.tr("Réponse non importée"),
                      self.tr("L'enregistrement a échoué ({error}). Rien n'a été importé.")
                      .format(error=error))
            return None
        summary = outcome.summary()
        self.inform(self.tr("Réponse importée") if not outcome.already_imported
                    else self.tr("Réponse déjà importée"), summary)
        if dialog is not None:
            dialog.mark_accepted(summary)
        self.responses_changed.emit()
        self.message.emit(summary)
        return outcome
