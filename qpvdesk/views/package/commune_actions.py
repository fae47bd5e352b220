"""The commune's side of signed proposal packages: choose, sign, write, send; manage the key.

Every modal dialog goes through :meth:`CommunePackageActions.exec_dialog` and every
QDesktopServices call through :func:`open_url`, so that tests can answer them.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QMessageBox, QProgressDialog, QVBoxLayout, QWidget)

from ...models.package import minisign
from ...models.package.bag import PackageError, package_name, write_package
from ...models.package.identity import Identity, load_identity, save_identity, sender
from ...models.package.info import PACKAGE_SUFFIX, PackageInfo
from ...models.package.keys import KeyFileError, KeyFolder, PassphraseError, read_small_text
from ...models.package.mail import (french_date, mailto_url, proposal_count_text,
                                    readable_key_id)
from .export_dialog import ExportPackageDialog
from .key_dialogs import CreateKeyDialog, KeyInfoDialog, ask_passphrase, of_commune
from .synthese_pdf import write_synthese_pdf

MAX_PASSPHRASE_TRIES = 3
ChoosePath = Callable[[QWidget, str, str, str], str]


def open_url(url: QUrl) -> bool:
    """Open a file, folder or mailto: URL with the system (tests replace this)."""
    return QDesktopServices.openUrl(url)


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def _choose_save_path(parent: QWidget, caption: str, default: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, default, filters)
    return path


def _choose_open_path(parent: QWidget, caption: str, default: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, default, filters)
    return path


class PackageWrittenDialog(QDialog):
    """Where the package is and what to do with it now."""

    def __init__(self, parent: QWidget | None, path: Path, info: PackageInfo,
                 commune_name: str, on_mail: Callable[[], object],
                 on_reveal: Callable[[], object]) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle("Paquet prêt à envoyer")
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Le paquet signé est prêt.</b>"))
        summary = QLabel(
            f"{proposal_count_text(info.proposal_count).capitalize()} "
            f"{of_commune(commune_name)}, "
            f"signées le {french_date(info.created, with_time=True)} avec la clé "
            f"{readable_key_id(info.key_id)}.")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        where = QLabel(f"Fichier : <b>{_html(self.path.name)}</b><br>"
                       f"Dossier : {_html(str(self.path.parent))}")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        advice = QLabel(
            "Envoyez ce fichier à l'agglomération. « Envoyer par e-mail » prépare le message "
            "et ouvre le dossier du paquet : il vous reste à joindre le fichier au message "
            "(glissez-le dans la fenêtre du message).")
        advice.setWordWrap(True)
        layout.addWidget(advice)
        self.buttons = QDialogButtonBox()
        self.mail_button = self.buttons.addButton("Envoyer par e-mail",
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.reveal_button = self.buttons.addButton("Afficher dans le dossier",
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("Fermer",
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.mail_button.setDefault(True)
        self.mail_button.clicked.connect(on_mail)
        self.reveal_button.clicked.connect(on_reveal)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.buttons)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CommunePackageActions(QObject):
    message = Signal(str)    # French, for the status bar

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
        self.progress_dialog: QProgressDialog | None = None
        self.export_action = QAction("Exporter un paquet signé…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip("Signer les propositions choisies et les écrire dans un "
                                      "paquet à envoyer à l'agglomération")
        self.export_action.triggered.connect(lambda: self.export_package())
        self.key_action = QAction("Ma clé de signature…", self)
        self.key_action.setToolTip("Voir, exporter, sauvegarder ou restaurer la clé de "
                                   "signature de la commune")
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

    def confirm(self, title: str, text: str, yes: str, no: str = "Annuler",
                icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> bool:
        box = self._box(icon, title, text)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(no, QMessageBox.ButtonRole.RejectRole)
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
    def export_package(self) -> Path | None:
        """The whole export; returns the package written, None if cancelled or refused."""
        proposals = self.store.list()
        if not proposals:
            self.inform("Exporter un paquet signé",
                        "Vous n'avez encore aucune proposition : dessinez-en au moins une sur "
                        "la carte avant de préparer un paquet.")
            return None
        dialog = ExportPackageDialog(self.window, proposals, self.territory,
                                     load_identity(self.workspace))
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        chosen, identity = dialog.chosen_proposals(), dialog.identity()
        try:
            save_identity(self.workspace, identity)
        except ValueError as exc:
            self.warn("Exporter un paquet signé", str(exc))
            return None
        insee, commune_name = identity.commune_insee, self._commune_name(identity.commune_insee)

        secret = self._secret_key(insee, commune_name)
        if secret is None:
            return None
        default = documents_folder() / package_name(commune_name, datetime.now())
        chosen_path = self.choose_save_path(self.window, "Enregistrer le paquet signé",
                                            str(default),
                                            f"Paquet de propositions (*{PACKAGE_SUFFIX})")
        if not chosen_path:
            return None
        target = Path(chosen_path)
        if target.suffix.lower() != PACKAGE_SUFFIX:
            target = target.with_name(target.name + PACKAGE_SUFFIX)
        info = self._write(chosen, identity, commune_name, secret, target)
        if info is None:
            return None
        self.message.emit(f"Paquet signé enregistré : {target}")
        written = PackageWrittenDialog(self.window, target, info, commune_name,
                                       on_mail=lambda: self.send_by_mail(info, target),
                                       on_reveal=lambda: self.reveal(target))
        self.written_dialog = written
        self.exec_dialog(written)
        return target

    def _write(self, proposals, identity: Identity, commune_name: str,
               secret: minisign.SecretKey, target: Path) -> PackageInfo | None:
        progress = QProgressDialog("Export du paquet…", "Annuler", 0, 100, self.window)
        progress.setWindowTitle("Export du paquet")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(380)
        self.progress_dialog = progress
        progress.show()

        def report(percent: int, text: str) -> bool:
            progress.setValue(percent)
            progress.setLabelText(f"{text}…" if percent < 100 else text)
            QApplication.processEvents()
            return not progress.wasCanceled()

        def pdf_writer(items, path, info) -> None:
            write_synthese_pdf(self.reference, items, path, info)

        try:
            return write_package(proposals, sender(identity, commune_name), secret, target,
                                 pdf_writer, report)
        except PackageError as exc:     # ExportCancelled included
            if progress.wasCanceled():
                self.message.emit(str(exc))
            else:
                self.warn("Export impossible", f"{exc}\nAucun paquet n'a été écrit.")
            return None
        finally:
            progress.close()
            progress.deleteLater()
            self.progress_dialog = None

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
            self.warn("Clé de signature", str(exc))
            return None
        error = ""
        for _attempt in range(MAX_PASSPHRASE_TRIES):
            passphrase = ask_passphrase(self.window, commune_name, error, run=self.exec_dialog)
            if passphrase is None:
                return None
            try:
                with self._busy():
                    return self.key_folder.unlock(insee, passphrase)
            except PassphraseError as exc:
                error = f"{exc} Essayez encore."
            except KeyFileError as exc:
                self.warn("Clé de signature", str(exc))
                return None
        self.warn("Phrase secrète incorrecte",
                  f"{error.removesuffix(' Essayez encore.')}\n"
                  f"Après {MAX_PASSPHRASE_TRIES} essais, l'export est abandonné : aucun paquet "
                  "n'a été écrit.")
        return None

    # -- after the export ------------------------------------------------------------------
    def send_by_mail(self, info: PackageInfo, path: Path) -> None:
        """Open the user's mail program on a ready message, and the package's folder so the
        file can be dragged into it (a mailto: link cannot attach it)."""
        url = QUrl.fromEncoded(mailto_url(info, path).encode("ascii"))
        if not open_url(url):
            self.warn("Envoyer par e-mail",
                      "Aucun logiciel de messagerie n'a pu être ouvert. Envoyez le fichier "
                      f"{Path(path).name} à l'agglomération depuis votre messagerie habituelle.")
        self.reveal(path)

    def reveal(self, path: Path) -> None:
        open_url(QUrl.fromLocalFile(str(Path(path).parent)))

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
        text = (f"La clé de signature {of_commune(commune_name)} est créée.\n\n"
                f"Identifiant : {readable_key_id(public.key_id_hex)}\n\n"
                "Envoyez maintenant votre clé publique à l'agglomération : sans elle, "
                "l'agglomération ne peut pas vérifier vos paquets. Communiquez-lui aussi "
                "l'identifiant ci-dessus par téléphone, pour qu'elle s'assure que la clé reçue "
                "est bien la vôtre.")
        later = "Continuer l'export" if during_export else "Plus tard"
        if self.confirm("Clé créée", text, "Exporter ma clé publique…", later,
                        QMessageBox.Icon.Information):
            self.export_public_key(insee)
        self.message.emit(f"Clé de signature créée : {readable_key_id(public.key_id_hex)}")
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
                self.warn("Ma clé de signature", str(exc))

        def create() -> None:
            try:
                self.create_key(dialog.insee, dialog.commune_name)
            except KeyFileError as exc:
                self.warn("Clé de signature", str(exc))
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
            self.warn("Ma clé de signature", "Choisissez d'abord votre commune (menu « Ma clé "
                      "de signature… »).")
            return None
        if not self.key_folder.has_key(insee):
            self.warn("Ma clé de signature",
                      f"La commune {self._commune_name(insee)} n'a pas encore de clé de "
                      "signature sur cet ordinateur.")
            return None
        return insee

    def export_public_key(self, insee: str | None = None) -> Path | None:
        insee = self._insee_with_key(insee)
        if insee is None:
            return None
        default = documents_folder() / f"cle-publique_{self._slug(insee)}_{insee}.pub"
        chosen = self.choose_save_path(self.window, "Exporter ma clé publique", str(default),
                                       "Clé publique (*.pub)")
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pub":
            target = target.with_name(target.name + ".pub")
        try:
            written = self.key_folder.export_public(insee, target)
            key_id = self.key_folder.public_key(insee).key_id_hex
        except KeyFileError as exc:
            self.warn("Exporter ma clé publique", str(exc))
            return None
        self.inform("Clé publique exportée",
                    f"Votre clé publique est enregistrée dans :\n{written}\n\n"
                    "Envoyez ce fichier à l'agglomération (par e-mail ou sur une clé USB), "
                    f"et dites-lui par téléphone son identifiant : {readable_key_id(key_id)}.\n"
                    "Ce fichier ne permet pas de signer : il peut circuler sans risque.")
        self.message.emit(f"Clé publique exportée : {written}")
        return written

    def backup_key(self, insee: str | None = None) -> Path | None:
        insee = self._insee_with_key(insee)
        if insee is None:
            return None
        if not self.confirm(
                "Sauvegarder ma clé secrète",
                "Qui détient ce fichier et sa phrase secrète peut signer des paquets au nom de "
                "la commune.\n\nEnregistrez la sauvegarde sur une clé USB que vous rangerez en "
                "lieu sûr (un coffre, un tiroir fermé à clé), jamais dans un dossier partagé "
                "ni dans un e-mail.", "Choisir l'emplacement…", icon=QMessageBox.Icon.Warning):
            return None
        default = documents_folder() / f"cle-secrete_{self._slug(insee)}_{insee}.key"
        chosen = self.choose_save_path(self.window, "Sauvegarder ma clé secrète",
                                       str(default), "Clé secrète (*.key)")
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".key":
            target = target.with_name(target.name + ".key")
        try:
            written = self.key_folder.backup(insee, target)
        except KeyFileError as exc:
            self.warn("Sauvegarder ma clé secrète", str(exc))
            return None
        self.inform("Clé sauvegardée",
                    f"Votre clé secrète est sauvegardée dans :\n{written}\n\n"
                    "Pour la restaurer (nouvel ordinateur, panne), utilisez « Restaurer une "
                    "clé… » : sa phrase secrète vous sera demandée.")
        self.message.emit(f"Clé secrète sauvegardée : {written}")
        return written

    def restore_key(self, insee: str | None = None) -> bool:
        """Install a backed-up secret key; True when done."""
        insee = insee or self._current_insee()
        if not insee:
            self.warn("Restaurer une clé", "Choisissez d'abord votre commune.")
            return False
        commune_name = self._commune_name(insee)
        chosen = self.choose_open_path(self.window, "Restaurer une clé",
                                       str(documents_folder()),
                                       "Clé secrète (*.key);;Tous les fichiers (*)")
        if not chosen:
            return False
        source = Path(chosen)
        try:
            _, text = read_small_text(source, "Clé secrète à restaurer")
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
                            "Remplacer la clé actuelle ?",
                            f"La commune {commune_name} a déjà une clé sur cet ordinateur "
                            f"({readable_key_id(current)}). La sauvegarde contient une autre "
                            f"clé ({readable_key_id(secret.key_id_hex)}).\n\n"
                            "Si vous la remplacez, l'ancienne clé est conservée dans le "
                            "dossier « anciennes », et l'agglomération devra recevoir la "
                            "clé publique de la clé restaurée.", "Remplacer"):
                        return False
                    replace = True
            with self._busy():
                public = self.key_folder.restore(insee, source, passphrase, replace=replace)
        except KeyFileError as exc:
            self.warn("Restaurer une clé", str(exc))
            return False
        self.inform("Clé restaurée",
                    f"La clé de signature {of_commune(commune_name)} est restaurée.\n"
                    f"Identifiant : {readable_key_id(public.key_id_hex)}")
        self.message.emit(f"Clé restaurée : {readable_key_id(public.key_id_hex)}")
        return True

    def _open_backup(self, text: str, commune_name: str
                     ) -> tuple[minisign.SecretKey | None, str | None]:
        """The backup's key, asking for its passphrase (3 tries) when it has one."""
        try:
            return minisign.SecretKey.from_text(text, None), None
        except PassphraseError:
            pass
        error = ""
        for _attempt in range(MAX_PASSPHRASE_TRIES):
            passphrase = ask_passphrase(
                self.window, commune_name, error,
                prompt="Saisissez la phrase secrète de la clé sauvegardée (celle choisie "
                       "quand la clé a été créée).", run=self.exec_dialog)
            if passphrase is None:
                return None, None
            try:
                with self._busy():
                    return minisign.SecretKey.from_text(text, passphrase), passphrase
            except PassphraseError as exc:
                error = f"{exc} Essayez encore."
        self.warn("Phrase secrète incorrecte",
                  f"{error.removesuffix(' Essayez encore.')}\nLa clé n'a pas été restaurée.")
        return None, None


class _RestoreCursor:
    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        QApplication.restoreOverrideCursor()
