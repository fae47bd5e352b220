"""The agglomeration answers a commune: its key (created on first use, its public part exported
for the communes), the signed response written off the GUI thread (progress, cancel, every
other action disabled meanwhile), where it is and what to do with it."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ...models.decisions import DecisionStore
from ...models.package.agglomeration import Agglomeration, agglomeration_of
from ...models.package.bag import ExportCancelled, PackageError, package_name
from ...models.package.identity import load_identity
from ...models.package.info import PACKAGE_SUFFIX
from ...models.package.keys import KeyFileError, KeyFolder, PassphraseError
from ...models.package.minisign import SecretKey, readable_key_id
from ...models.package.response_bag import Responder, write_response
from ...models.reference import ReferenceStore
from ..file_dialogs import save_path
from ..tasks import ActionLock, Task
from .dialog_actions import DialogActions
from .export_dialog import ExportProgressDialog
from .key_dialogs import CreateKeyDialog, ask_passphrase
from .verify_dialog import commune_label

MAX_PASSPHRASE_TRIES = 3
# (title, suggested path, file filter) -> chosen path or None
ChoosePath = Callable[[str, str, str], "str | None"]


def response_work(entries, commune: str, responder: Responder, secret: SecretKey,
                  target: Path, reference_path: Path):
    """Writing the response as a task's work, with its own reference connection (the GUI
    thread's must never be used from two threads)."""
    def work(progress):
        from ...render.response_pdf import write_response_pdf   # not at start-up

        reference = ReferenceStore(reference_path)
        try:
            return write_response(entries, commune, responder, secret, target,
                                  lambda items, path, info: write_response_pdf(
                                      reference, items, path, info), progress)
        finally:
            reference.close()
    return work


class RespondActions(DialogActions):
    message = Signal(str)
    finished = Signal(object)   # the response written (Path), or None

    def __init__(self, window: QWidget, workspace, reference, territory: Callable[[], object],
                 key_folder: KeyFolder | None = None,
                 choose_save_path: ChoosePath | None = None) -> None:
        super().__init__(window)
        self.window, self.workspace, self.reference = window, workspace, reference
        self.territory = territory
        self.key_folder = key_folder or KeyFolder.default()
        self.choose_save_path = choose_save_path or (
            lambda title, suggested, filters: save_path(self.window, title, suggested,
                                                        filters) or None)
        self.task: Task | None = None

    @property
    def agglomeration(self) -> Agglomeration:
        return agglomeration_of(self.reference)

    # -- the agglomeration's key ------------------------------------------------------------
    def ensure_key(self) -> bool:
        """The agglomeration's key pair exists, created now if asked; False when not."""
        agglomeration = self.agglomeration
        try:
            if self.key_folder.has_key(agglomeration.siren):
                return True
        except KeyFileError as error:
            self.warn(self.tr("Clé de l'agglomération"), str(error))
            return False
        dialog = CreateKeyDialog(self.window, agglomeration=agglomeration.name)
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return False
        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                public = self.key_folder.create(agglomeration.siren, dialog.passphrase(),
                                                agglomeration.name)
            finally:
                QApplication.restoreOverrideCursor()
        except KeyFileError as error:
            self.warn(self.tr("Clé de l'agglomération"), str(error))
            return False
        self.inform(self.tr("Clé de l'agglomération créée"),
                    self.tr("Identifiant : {key}\n\nEnvoyez une fois à chaque commune sa "
                            "partie publique, le fichier\n{path}\n(menu « Exporter la clé "
                            "publique de l'agglomération… »), et dites-lui cet identifiant "
                            "par téléphone : elle l'installera par le menu « Clé de "
                            "l'agglomération… ».").format(
                        key=readable_key_id(public.key_id_hex),
                        path=self.key_folder.public_path(agglomeration.siren)))
        return True

    def export_public_key(self) -> Path | None:
        if not self.ensure_key():
            return None
        siren = self.agglomeration.siren
        chosen = self.choose_save_path(self.tr("Exporter la clé publique de l'agglomération"),
                                       f"{siren}.pub", self.tr("Clé publique (*.pub)"))
        if not chosen:
            return None
        try:
            written = self.key_folder.export_public(siren, Path(chosen))
            key_id = self.key_folder.public_key(siren).key_id_hex
        except KeyFileError as error:
            self.warn(self.tr("Exporter la clé publique"), str(error))
            return None
        self.inform(self.tr("Clé publique exportée"),
                    self.tr("La clé publique de l'agglomération est enregistrée dans :\n"
                            "{written}\n\nEnvoyez ce fichier aux communes ; son identifiant, "
                            "à dire au téléphone : {key}. Gardez son nom : {siren}.pub.")
                    .format(written=written, key=readable_key_id(key_id), siren=siren))
        return written

    def _secret_key(self) -> SecretKey | None:
        siren = self.agglomeration.siren
        try:
            if not self.key_folder.is_protected(siren):
                return self.key_folder.unlock(siren, None)
        except KeyFileError as error:
            self.warn(self.tr("Clé de l'agglomération"), str(error))
            return None
        error_text = ""
        for _attempt in range(MAX_PASSPHRASE_TRIES):
            passphrase = ask_passphrase(
                self.window, "", error_text,
                prompt=self.tr("Saisissez la phrase secrète de la clé de signature de "
                               "l'agglomération."), run=self.exec_dialog)
            if passphrase is None:
                return None
            try:
                return self.key_folder.unlock(siren, passphrase)
            except PassphraseError as error:
                error_text = self.tr("{error} Essayez encore.").format(error=error)
            except KeyFileError as error:
                self.warn(self.tr("Clé de l'agglomération"), str(error))
                return None
        self.warn(self.tr("Phrase secrète incorrecte"),
                  self.tr("Après {tries} essais, la réponse n'a pas été écrite.")
                  .format(tries=MAX_PASSPHRASE_TRIES))
        return None

    # -- the response ----------------------------------------------------------------------
    def respond(self, commune: str) -> Task | None:
        """Write the signed response to ``commune`` off the GUI thread; ``finished`` brings
        the file (None when cancelled or refused). The running task, or None."""
        territory = self.territory()
        label = commune_label(territory, commune)
        entries = DecisionStore(self.workspace).response_states(commune)
        if not entries:
            self.inform(self.tr("Répondre à une commune"),
                        self.tr("Aucune proposition reçue de {commune} : il n'y a rien à lui "
                                "répondre.").format(commune=label))
            return None
        if not self.ensure_key():
            return None
        secret = self._secret_key()
        if secret is None:
            return None
        name = territory.commune_name(commune) if commune in territory.communes.index \
            else commune
        suggested = f"reponse_{package_name(name, datetime.now())}"
        chosen = self.choose_save_path(self.tr("Enregistrer la réponse à {commune}")
                                       .format(commune=label), suggested,
                                       self.tr("Réponse de l'agglomération (*{suffix})")
                                       .format(suffix=PACKAGE_SUFFIX))
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != PACKAGE_SUFFIX:
            target = target.with_name(target.name + PACKAGE_SUFFIX)
        identity = load_identity(self.workspace)
        agglomeration = self.agglomeration
        responder = Responder(agglomeration.siren, agglomeration.name, identity.contact_name,
                              identity.contact_email)
        return self._start(response_work(entries, commune, responder, secret, target,
                                         self.reference.path), target, label)

    def _start(self, work, target: Path, label: str) -> Task:
        task = Task(work, self)
        progress = ExportProgressDialog(self.window)
        lock = ActionLock(self.window)
        progress.canceled.connect(task.cancel)
        task.progressed.connect(progress.show_step)

        def done() -> None:
            lock.release()
            progress.close()
            progress.deleteLater()
            self.task = None

        def succeeded(info) -> None:
            done()
            text = (self.tr("La réponse signée à {commune} est enregistrée dans :\n{target}\n\n"
                            "Envoyez ce fichier à la commune (par e-mail ou sur une clé USB) : "
                            "elle l'importe par le menu « Importer une réponse de "
                            "l'agglomération… ».").format(commune=label, target=target))
            self.message.emit(self.tr("Réponse enregistrée : {target}").format(target=target))
            self.inform(self.tr("Réponse prête à envoyer"), text)
            self.finished.emit(target)

        def failed(error: BaseException) -> None:
            done()
            if not isinstance(error, PackageError):
                self.finished.emit(None)
                raise error   # a defect: the application's error handler logs it
            if isinstance(error, ExportCancelled):
                self.message.emit(str(error))
            else:
                self.warn(self.tr("Réponse impossible"),
                          self.tr("{error}\nAucune réponse n'a été écrite.").format(error=error))
            self.finished.emit(None)

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        task.finished.connect(task.deleteLater)
        QApplication.instance().aboutToQuit.connect(task.stop)
        self.task = task
        progress.show()
        task.start()
        return task
