"""The commune's side of signed proposal packages: choose, sign, write, send; manage the key.

Every modal dialog goes through :meth:`CommunePackageActions.exec_dialog` and every
QDesktopServices call through :func:`open_url`, so that tests can answer them.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QMessageBox, QVBoxLayout, QWidget)

from ...models.package import minisign
from ...models.package.bag import ExportCancelled, PackageError, package_name, write_package
from ...models.package.identity import Identity, load_identity, save_identity, sender
from ...models.package.info import PACKAGE_SUFFIX, PackageInfo
from ...models.package.keys import KeyFileError, KeyFolder, PassphraseError, read_small_text
from ...models.package.mail import (french_date, mailto_url, proposal_count_text,
                                    readable_key_id)
from ...models.reference import ReferenceStore
from ..file_dialogs import remember, start_folder
from ..tasks import ActionLock, Task
from .export_dialog import ExportPackageDialog, ExportProgressDialog
from .key_dialogs import CreateKeyDialog, KeyInfoDialog, ask_passphrase, of_commune

MAX_PASSPHRASE_TRIES = 3
ChoosePath = Callable[[QWidget, str, str, str], str]


def open_url(url: QUrl) -> bool:
    """Open a file, folder or mailto: URL with the system (tests replace this). Nothing is
    printed: when no program answers, Qt and xdg-open would print the whole URL, and a mailto:
    URL carries the message with the contact's name and e-mail address."""
    with _silenced_stderr():
        return QDesktopServices.openUrl(url)


@contextmanager
def _silenced_stderr() -> Iterator[None]:
    """No Qt message, and no output from the program Qt starts (it inherits our stderr),
    for the time of the call."""
    previous = qInstallMessageHandler(lambda *args: None)
    saved = None
    try:
        sys.stderr.flush()
        saved = os.dup(2)
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
    except (OSError, ValueError):   # no usable stderr (a frozen GUI build): nothing to hide
        saved = None
    try:
        yield
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)
        qInstallMessageHandler(previous)


def documents_folder() -> Path:
    """Where the file dialogs start: the last folder used, else Documents."""
    return start_folder()


def _choose_save_path(parent: QWidget, caption: str, default: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, default, filters)
    remember(path)
    return path


def _choose_open_path(parent: QWidget, caption: str, default: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, default, filters)
    remember(path)
    return path


class PackageWrittenDialog(QDialog):
    """Where the package is and what to do with it now."""

    def __init__(self, parent: QWidget | None, path: Path, info: PackageInfo,
                 commune_name: str, on_mail: Callable[[], object],
                 on_reveal: Callable[[], object]) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Paquet prêt à envoyer"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Le paquet signé est prêt.</b>")))
        summary = QLabel(
            self.tr("{proposals} {of_commune}, signées le {date} avec la clé {key_id}.")
            .format(proposals=proposal_count_text(info.proposal_count).capitalize(),
                    of_commune=of_commune(commune_name),
                    date=french_date(info.created, with_time=True),
                    key_id=readable_key_id(info.key_id)))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        where = QLabel(self.tr("Fichier : <b>{file}</b><br>Dossier : {folder}")
                       .format(file=_html(self.path.name), folder=_html(str(self.path.parent))))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        advice = QLabel(
            self.tr("Envoyez ce fichier à l'agglomération. « Envoyer par e-mail » prépare le "
                    "message et ouvre le dossier du paquet : il vous reste à joindre le fichier "
                    "au message (glissez-le dans la fenêtre du message)."))
        advice.setWordWrap(True)
        layout.addWidget(advice)
        self.buttons = QDialogButtonBox()
        self.mail_button = self.buttons.addButton(self.tr("Envoyer par e-mail"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.reveal_button = self.buttons.addButton(self.tr("Afficher dans le dossier"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(self.tr("Fermer"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.mail_button.setDefault(True)
        self.mail_button.clicked.connect(on_mail)
        self.reveal_button.clicked.connect(on_reveal)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.buttons)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class _RunningExport:
    task: Task
    target: Path
    commune_name: str
    progress: ExportProgressDialog
    lock: ActionLock


def package_work(proposals, package_sender, secret: minisign.SecretKey, target: Path,
                 reference_path: Path):
    """The package export as a task's work: it opens its own read-only connection to the
    reference database (for the synthèse's map and names), since the GUI thread's connection
    must never be used from two threads at once."""
    def work(progress) -> PackageInfo:
        from ...render.synthese_pdf import write_synthese_pdf   # not at start-up

        reference = ReferenceStore(reference_path)
        try:
            return write_package(
                proposals, package_sender, secret, target,
                lambda items, path, info: write_synthese_pdf(reference, items, path, info),
                progress)
        finally:
            reference.close()
    return work


class CommunePackageActions(QObject):
    message = Signal(str)    # French, for the status bar
    export_started = Signal(object)     # the Task writing the package
    export_finished = Signal(object)    # the package written (Path), or None

    def __init__(self, window: QWidget, workspace, reference, proposal_store,
                 key_folder: KeyFolder | None = None,
                 choose_save_path: ChoosePath | None = None,
                 choose_open_path: ChoosePath | None = None) -> None:
        super().__init__(window)
        self.window, self.workspace, self.reference = window, workspace, reference
        self.store = proposal_store
        self.territory = proposal_store.territory
        self.key_folder = key_folder or KeyFolder.default()
        self.choose_save_path = choose_save_path or _choose_save_path
        self.choose_open_path = choose_open_path or _choose_open_path
        self.progress_dialog: ExportProgressDialog | None = None
        self._export: _RunningExport | None = None
        self.export_action = QAction(self.tr("Exporter un paquet signé…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip(self.tr("Signer les propositions choisies et les écrire "
                                              "dans un paquet à envoyer à l'agglomération"))
        self.export_action.triggered.connect(lambda: self.export_package())
        self.key_action = QAction(self.tr("Ma clé de signature…"), self)
        self.key_action.setToolTip(self.tr("Voir, exporter, sauvegarder ou restaurer la clé de "
                                           "signature de la commune"))
        self.key_action.triggered.connect(lambda: self.show_key())

    # -- small helpers (the dialogs all go through exec_dialog) ----------------------------
    def exec_dialog(self, dialog: QDialog) -> int:
        """Run a modal dialog (tests override this to answer it)."""
        return dialog.exec()

    def _box(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box

    def inform(self, title: str, text: str) -> None:
        box = self._box(QMessageBox.Icon.Information, title, text)
        box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
        self.exec_dialog(box)

    def warn(self, title: str, text: str) -> None:
        box = self._box(QMessageBox.Icon.Warning, title, text)
        box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
        self.exec_dialog(box)

    def confirm(self, title: str, text: str, yes: str, no: str | None = None,
                icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> bool:
        box = self._box(icon, title, text)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Annuler") if no is None else no, QMessageBox.ButtonRole.RejectRole)
        self.exec_dialog(box)
        return box.clickedButton() is yes_button

    def _commune_name(self, insee: str) -> str:
        try:
            return self.territory.commune_name(insee)
        except (KeyError, IndexError):
            return insee

    def _communes(self) -> list[tuple[str, str]]:
        return list(zip(self.territory.communes.codes, self.territory.communes.names))

    def _slug(self, insee: str) -> str:
        return package_name(self._commune_name(insee), datetime.now()).split("_")[0]

    def _busy(self):
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        return _RestoreCursor()

    # -- export ----------------------------------------------------------------------------
    def export_package(self) -> Task | None:
        """Ask what to send and with which key, then write the package off the GUI thread;
        ``export_finished`` brings the package written (None if cancelled or refused).
        Returns the running task, None when nothing was started."""
        proposals = self.store.list()
        if not proposals:
            self.inform(self.tr("Exporter un paquet signé"),
                        self.tr("Vous n'avez encore aucune proposition : dessinez-en au moins une "
                                "sur la carte avant de préparer un paquet."))
            return None
        dialog = ExportPackageDialog(self.window, proposals, self.territory,
                                     load_identity(self.workspace))
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        chosen, identity = dialog.chosen_proposals(), dialog.identity()
        try:
            save_identity(self.workspace, identity)
        except ValueError as exc:
            self.warn(self.tr("Exporter un paquet signé"), str(exc))
            return None
        insee, commune_name = identity.commune_insee, self._commune_name(identity.commune_insee)

        secret = self._secret_key(insee, commune_name)
        if secret is None:
            return None
        default = documents_folder() / package_name(commune_name, datetime.now())
        chosen_path = self.choose_save_path(self.window, self.tr("Enregistrer le paquet signé"),
                                            str(default),
                                            self.tr("Paquet de propositions (*{suffix})")
                                            .format(suffix=PACKAGE_SUFFIX))
        if not chosen_path:
            return None
        target = Path(chosen_path)
        if target.suffix.lower() != PACKAGE_SUFFIX:
            target = target.with_name(target.name + PACKAGE_SUFFIX)
        epci = self.reference.epci_identity().siren
        return self._start_writing(package_work(chosen, sender(identity, commune_name, epci),
                                                secret, target, self.reference.path),
                                   target, commune_name)

    def _start_writing(self, work, target: Path, commune_name: str) -> Task:
        """Run ``work`` as a task: a progress window with « Annuler », every other action of
        the window disabled until the result (or the error) is back on the GUI thread."""
        task = Task(work, self)
        progress = ExportProgressDialog(self.window)
        progress.canceled.connect(task.cancel)
        task.progressed.connect(progress.show_step)
        task.succeeded.connect(self._export_succeeded)
        task.failed.connect(self._export_failed)
        task.finished.connect(task.deleteLater)
        QApplication.instance().aboutToQuit.connect(task.stop)
        self._export = _RunningExport(task, target, commune_name, progress,
                                      ActionLock(self.window))
        self.progress_dialog = progress
        progress.show()
        self.export_started.emit(task)
        task.start()
        return task

    def _end_export(self) -> _RunningExport:
        running, self._export = self._export, None
        running.lock.release()
        running.progress.close()
        running.progress.deleteLater()
        self.progress_dialog = None
        return running

    def _export_succeeded(self, info: PackageInfo) -> None:
        running = self._end_export()
        target, commune_name = running.target, running.commune_name
        self.message.emit(self.tr("Paquet signé enregistré : {target}").format(target=target))
        written = PackageWrittenDialog(self.window, target, info, commune_name,
                                       on_mail=lambda: self.send_by_mail(info, target),
                                       on_reveal=lambda: self.reveal(target))
        self.written_dialog = written
        self.exec_dialog(written)
        self.export_finished.emit(target)

    def _export_failed(self, error: BaseException) -> None:
        self._end_export()
        if not isinstance(error, PackageError):
            self.export_finished.emit(None)
            raise error                 # a defect: the application's error handler logs it
        if isinstance(error, ExportCancelled):    # « … aucun fichier n'a été écrit. »
            self.message.emit(str(error))
        else:
            self.warn(self.tr("Export impossible"),
                      self.tr("{exc}\nAucun paquet n'a été écrit.").format(exc=error))
        self.export_finished.emit(None)

    def _secret_key(self, insee: str, commune_name: str) -> minisign.SecretKey | None:
        """The commune's unlocked secret key, created first if there is none."""
        try:
            passphrase: str | None = None
            if not self.key_folder.has_key(insee):
                created = self.create_key(insee, commune_name, during_export=True)
                if created is None:
                    return None
                passphrase = created
                with self._busy():
                    return self.key_folder.unlock(insee, passphrase or None)
            if not self.key_folder.is_protected(insee):
                return self.key_folder.unlock(insee, None)
        except KeyFileError as exc:
            self.warn(self.tr("Clé de signature"), str(exc))
            return None
        error = last_error = ""
        for _attempt in range(MAX_PASSPHRASE_TRIES):
            passphrase = ask_passphrase(self.window, commune_name, error, run=self.exec_dialog)
            if passphrase is None:
                return None
            try:
                with self._busy():
                    return self.key_folder.unlock(insee, passphrase)
            except PassphraseError as exc:
                last_error = str(exc)
                error = self.tr("{exc} Essayez encore.").format(exc=exc)
            except KeyFileError as exc:
                self.warn(self.tr("Clé de signature"), str(exc))
                return None
        self.warn(self.tr("Phrase secrète incorrecte"),
                  self.tr("{error}\nAprès {tries} essais, l'export est abandonné : aucun paquet "
                          "n'a été écrit.").format(error=last_error, tries=MAX_PASSPHRASE_TRIES))
        return None

    # -- after the export ------------------------------------------------------------------
    def send_by_mail(self, info: PackageInfo, path: Path) -> None:
        """Open the user's mail program on a ready message, and the package's folder so the
        file can be dragged into it (a mailto: link cannot attach it)."""
        url = QUrl.fromEncoded(mailto_url(info, path).encode("ascii"))
        if not open_url(url):
            self.warn(self.tr("Envoyer par e-mail"),
                      self.tr("Aucun logiciel de messagerie n'a pu être ouvert. Envoyez le "
                              "fichier {name} à l'agglomération depuis votre messagerie "
                              "habituelle.").format(name=Path(path).name))
        self.reveal(path)

    def reveal(self, path: Path) -> bool:
        """Open the package's folder; when no file manager answers, say where it is."""
        folder = Path(path).parent
        if open_url(QUrl.fromLocalFile(str(folder))):
            return True
        self.warn(self.tr("Afficher dans le dossier"),
                  self.tr("Aucun gestionnaire de fichiers n'a répondu. Le paquet {name} se "
                          "trouve dans le dossier\u00a0:\n{folder}\n\nOuvrez-le depuis votre "
                          "explorateur de fichiers.").format(name=Path(path).name,
                                                             folder=folder))
        return False

    # -- the key ---------------------------------------------------------------------------
    def create_key(self, insee: str, commune_name: str,
                   during_export: bool = False) -> str | None:
        """Create the commune's key; returns its passphrase ('' for none), None if cancelled.
        KeyFileError goes to the caller."""
        dialog = CreateKeyDialog(self.window, commune_name)
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        passphrase = dialog.passphrase()
        with self._busy():
            public = self.key_folder.create(insee, passphrase, commune_name)
        key_id = readable_key_id(public.key_id_hex)
        text = self.tr("La clé de signature {of_commune} est créée.\n\n"
                       "Identifiant : {key_id}\n\n"
                       "Envoyez maintenant votre clé publique à l'agglomération : sans elle, "
                       "l'agglomération ne peut pas vérifier vos paquets. Communiquez-lui aussi "
                       "l'identifiant ci-dessus par téléphone, pour qu'elle s'assure que la clé "
                       "reçue est bien la vôtre.").format(of_commune=of_commune(commune_name),
                                                          key_id=key_id)
        later = self.tr("Continuer l'export") if during_export else self.tr("Plus tard")
        if self.confirm(self.tr("Clé créée"), text, self.tr("Exporter ma clé publique…"),
                        later, QMessageBox.Icon.Information):
            self.export_public_key(insee)
        self.message.emit(self.tr("Clé de signature créée : {key_id}").format(key_id=key_id))
        return passphrase or ""

    def _current_insee(self) -> str:
        return load_identity(self.workspace).commune_insee

    def show_key(self) -> None:
        insee = self._current_insee()
        dialog = KeyInfoDialog(self.window, self.key_folder, insee,
                               self._commune_name(insee) if insee else "", self._communes())
        self.key_dialog = dialog

        def chosen(code: str) -> None:
            identity = load_identity(self.workspace)
            try:
                save_identity(self.workspace, Identity(identity.mode, code,
                                                       identity.contact_name,
                                                       identity.contact_email))
            except ValueError as exc:
                self.warn(self.tr("Ma clé de signature"), str(exc))

        def create() -> None:
            try:
                self.create_key(dialog.insee, dialog.commune_name)
            except KeyFileError as exc:
                self.warn(self.tr("Clé de signature"), str(exc))
            dialog.refresh()

        dialog.commune_chosen.connect(chosen)
        dialog.create_requested.connect(create)
        dialog.export_requested.connect(lambda: self.export_public_key(dialog.insee))
        dialog.backup_requested.connect(lambda: self.backup_key(dialog.insee))
        dialog.restore_requested.connect(lambda: (self.restore_key(dialog.insee),
                                                  dialog.refresh()))
        self.exec_dialog(dialog)
        self.key_dialog = None

    def _insee_with_key(self, insee: str | None) -> str | None:
        insee = insee or self._current_insee()
        if not insee:
            self.warn(self.tr("Ma clé de signature"),
                      self.tr("Choisissez d'abord votre commune "
                              "(menu « Ma clé de signature… »)."))
            return None
        if not self.key_folder.has_key(insee):
            self.warn(self.tr("Ma clé de signature"),
                      self.tr("La commune {commune} n'a pas encore de clé de signature sur cet "
                              "ordinateur.").format(commune=self._commune_name(insee)))
            return None
        return insee

    def export_public_key(self, insee: str | None = None) -> Path | None:
        insee = self._insee_with_key(insee)
        if insee is None:
            return None
        default = documents_folder() / f"cle-publique_{self._slug(insee)}_{insee}.pub"
        chosen = self.choose_save_path(self.window, self.tr("Exporter ma clé publique"),
                                       str(default), self.tr("Clé publique (*.pub)"))
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pub":
            target = target.with_name(target.name + ".pub")
        try:
            written = self.key_folder.export_public(insee, target)
            key_id = self.key_folder.public_key(insee).key_id_hex
        except KeyFileError as exc:
            self.warn(self.tr("Exporter ma clé publique"), str(exc))
            return None
        self.inform(self.tr("Clé publique exportée"),
                    self.tr("Votre clé publique est enregistrée dans :\n{written}\n\n"
                            "Envoyez ce fichier à l'agglomération (par e-mail ou sur une clé "
                            "USB), et dites-lui par téléphone son identifiant : {key_id}.\n"
                            "Ce fichier ne permet pas de signer : il peut circuler sans risque.")
                    .format(written=written, key_id=readable_key_id(key_id)))
        self.message.emit(self.tr("Clé publique exportée : {written}").format(written=written))
        return written

    def backup_key(self, insee: str | None = None) -> Path | None:
        insee = self._insee_with_key(insee)
        if insee is None:
            return None
        if not self.confirm(
                self.tr("Sauvegarder ma clé secrète"),
                self.tr("Qui détient ce fichier et sa phrase secrète peut signer des paquets au "
                        "nom de la commune.\n\nEnregistrez la sauvegarde sur une clé USB que "
                        "vous rangerez en lieu sûr (un coffre, un tiroir fermé à clé), jamais "
                        "dans un dossier partagé ni dans un e-mail."),
                self.tr("Choisir l'emplacement…"), icon=QMessageBox.Icon.Warning):
            return None
        default = documents_folder() / f"cle-secrete_{self._slug(insee)}_{insee}.key"
        chosen = self.choose_save_path(self.window, self.tr("Sauvegarder ma clé secrète"),
                                       str(default), self.tr("Clé secrète (*.key)"))
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".key":
            target = target.with_name(target.name + ".key")
        try:
            written = self.key_folder.backup(insee, target)
        except KeyFileError as exc:
            self.warn(self.tr("Sauvegarder ma clé secrète"), str(exc))
            return None
        self.inform(self.tr("Clé sauvegardée"),
                    self.tr("Votre clé secrète est sauvegardée dans :\n{written}\n\n"
                            "Pour la restaurer (nouvel ordinateur, panne), utilisez « Restaurer "
                            "une clé… » : sa phrase secrète vous sera demandée.")
                    .format(written=written))
        self.message.emit(self.tr("Clé secrète sauvegardée : {written}").format(written=written))
        return written

    def restore_key(self, insee: str | None = None) -> bool:
        """Install a backed-up secret key; True when done."""
        insee = insee or self._current_insee()
        if not insee:
            self.warn(self.tr("Restaurer une clé"), self.tr("Choisissez d'abord votre commune."))
            return False
        commune_name = self._commune_name(insee)
        chosen = self.choose_open_path(self.window, self.tr("Restaurer une clé"),
                                       str(documents_folder()),
                                       self.tr("Clé secrète (*.key);;Tous les fichiers (*)"))
        if not chosen:
            return False
        source = Path(chosen)
        try:
            _, text = read_small_text(source, self.tr("Clé secrète à restaurer"))
            secret, passphrase = self._open_backup(text, commune_name)
            if secret is None:
                return False
            replace = False
            if self.key_folder.has_key(insee) or self.key_folder.public_path(insee).exists():
                try:
                    current = self.key_folder.public_key(insee).key_id_hex
                except KeyFileError:
                    current = "illisible"
                if current != secret.key_id_hex:
                    if not self.confirm(
                            self.tr("Remplacer la clé actuelle ?"),
                            self.tr("La commune {commune} a déjà une clé sur cet ordinateur "
                                    "({current}). La sauvegarde contient une autre clé "
                                    "({backup}).\n\nSi vous la remplacez, l'ancienne clé est "
                                    "conservée dans le dossier « anciennes », et "
                                    "l'agglomération devra recevoir la clé publique de la clé "
                                    "restaurée.")
                            .format(commune=commune_name, current=readable_key_id(current),
                                    backup=readable_key_id(secret.key_id_hex)),
                            self.tr("Remplacer")):
                        return False
                    replace = True
            with self._busy():
                public = self.key_folder.restore(insee, source, passphrase, replace=replace)
        except KeyFileError as exc:
            self.warn(self.tr("Restaurer une clé"), str(exc))
            return False
        key_id = readable_key_id(public.key_id_hex)
        self.inform(self.tr("Clé restaurée"),
                    self.tr("La clé de signature {of_commune} est restaurée.\n"
                            "Identifiant : {key_id}")
                    .format(of_commune=of_commune(commune_name), key_id=key_id))
        self.message.emit(self.tr("Clé restaurée : {key_id}").format(key_id=key_id))
        return True

    def _open_backup(self, text: str, commune_name: str
                     ) -> tuple[minisign.SecretKey | None, str | None]:
        """The backup's key, asking for its passphrase (3 tries) when it has one."""
        try:
            return minisign.SecretKey.from_text(text, None), None
        except PassphraseError:
            pass
        error = last_error = ""
        for _attempt in range(MAX_PASSPHRASE_TRIES):
            passphrase = ask_passphrase(
                self.window, commune_name, error,
                prompt=self.tr("Saisissez la phrase secrète de la clé sauvegardée (celle "
                               "choisie quand la clé a été créée)."), run=self.exec_dialog)
            if passphrase is None:
                return None, None
            try:
                with self._busy():
                    return minisign.SecretKey.from_text(text, passphrase), passphrase
            except PassphraseError as exc:
                last_error = str(exc)
                error = self.tr("{exc} Essayez encore.").format(exc=exc)
        self.warn(self.tr("Phrase secrète incorrecte"),
                  self.tr("{error}\nLa clé n'a pas été restaurée.").format(error=last_error))
        return None, None


class _RestoreCursor:
    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        QApplication.restoreOverrideCursor()
