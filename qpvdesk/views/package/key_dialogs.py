"""Dialogs around the commune's signing key: create it, type its passphrase, see it.

The dialogs only display and collect; CommunePackageActions does the work with KeyFolder.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ...models.package.identity import organization
from ...models.package.keys import KeyFileError, KeyFolder
from ...models.package.minisign import readable_key_id
from ...models.search import french_order
from ..i18n import translate
from ..formatting import font_size
from .verify_dialog import paragraph

MIN_PASSPHRASE = 8
WARNING_STYLE = "color: #9a3412; background: #fff7ed; border: 1px solid #fdba74; " \
                "border-radius: 4px; padding: 6px;"
ERROR_STYLE = "color: #b91c1c;"
HINT_STYLE = "color: #555555;"

# How a modal dialog is run: QDialog.exec, or what a test puts in its place.
RunDialog = Callable[[QDialog], int]


def _run(dialog: QDialog) -> int:
    return dialog.exec()


def of_commune(commune_name: str) -> str:
    """« de la commune de Lens », « de la commune d'Avion »."""
    text = organization(commune_name) if commune_name else translate("key_dialogs", "Commune")
    return translate("key_dialogs", "de la {organization}").format(
        organization=text[:1].lower() + text[1:])


class CreateKeyDialog(QDialog):
    """A new key pair for the commune: a passphrase twice, or explicitly none."""

    def __init__(self, parent: QWidget | None = None, commune_name: str = "",
                 agglomeration: str = "") -> None:
        """For the commune ``commune_name``; or, with ``agglomeration`` (its name), the
        agglomeration's key, which signs its responses to the communes."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Créer la clé de signature"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if agglomeration:
            title = QLabel(self.tr("<b>Clé de signature de l'agglomération ({name})</b>")
                           .format(name=agglomeration))
            use = self.tr("Cette clé sert à signer les réponses que l'agglomération envoie aux "
                          "communes. La signature prouve que la réponse vient bien de "
                          "l'agglomération et qu'elle n'a pas été modifiée en route.")
            share = self.tr("La clé reste sur cet ordinateur. Vous enverrez une seule fois à "
                            "chaque commune sa partie publique, qui lui permet de vérifier vos "
                            "réponses.")
        else:
            title = QLabel(self.tr("<b>Clé de signature {of_commune}</b>")
                           .format(of_commune=of_commune(commune_name)))
            use = self.tr("Cette clé sert à signer les paquets de propositions que vous envoyez "
                          "à l'agglomération. La signature prouve que le paquet vient bien de "
                          "votre commune et qu'il n'a pas été modifié en route.")
            share = self.tr("La clé reste sur cet ordinateur. Vous enverrez une seule fois à "
                            "l'agglomération sa partie publique, qui lui permet de vérifier vos "
                            "paquets.")
        layout.addWidget(title)
        layout.addWidget(paragraph(use))
        layout.addWidget(paragraph(share))
        layout.addWidget(paragraph(
            self.tr("Choisissez une phrase secrète d'au moins {minimum} caractères (par "
                    "exemple quelques mots). Elle vous sera demandée à chaque envoi. Notez-la en "
                    "lieu sûr : si vous l'oubliez, personne ne pourra la retrouver.")
            .format(minimum=MIN_PASSPHRASE)))
        form = QFormLayout()
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Phrase secrète :"), self.passphrase_edit)
        form.addRow(self.tr("Confirmation :"), self.confirm_edit)
        layout.addLayout(form)
        self.no_passphrase_box = QCheckBox(
            self.tr("Ne pas protéger la clé par une phrase secrète"))
        layout.addWidget(self.no_passphrase_box)
        self.warning_label = paragraph(
            self.tr("Attention : sans phrase secrète, toute personne qui utilise cet ordinateur "
                    "ou copie le fichier de la clé peut signer des paquets au nom de votre "
                    "commune."),
            WARNING_STYLE)
        self.warning_label.setVisible(False)
        layout.addWidget(self.warning_label)
        self.reason_label = paragraph("", ERROR_STYLE)
        layout.addWidget(self.reason_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Créer ma clé"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase_edit.textChanged.connect(self._update)
        self.confirm_edit.textChanged.connect(self._update)
        self.no_passphrase_box.toggled.connect(self._update)
        self._update()

    def reason(self) -> str:
        """Why the key cannot be created yet ('' when it can)."""
        if self.no_passphrase_box.isChecked():
            return ""
        first, second = self.passphrase_edit.text(), self.confirm_edit.text()
        if not first:
            return self.tr("Saisissez une phrase secrète, ou cochez la case ci-dessus.")
        if len(first) < MIN_PASSPHRASE:
            return (self.tr("La phrase secrète doit compter au moins {minimum} caractères.")
                    .format(minimum=MIN_PASSPHRASE))
        if first != second:
            return self.tr("Les deux phrases secrètes ne sont pas identiques.")
        return ""

    def _update(self) -> None:
        unprotected = self.no_passphrase_box.isChecked()
        self.passphrase_edit.setEnabled(not unprotected)
        self.confirm_edit.setEnabled(not unprotected)
        self.warning_label.setVisible(unprotected)
        reason = self.reason()
        # Say nothing while the user has not typed anything yet.
        typed = bool(self.passphrase_edit.text() or self.confirm_edit.text())
        self.reason_label.setText(reason if typed else "")
        self.reason_label.setVisible(bool(self.reason_label.text()))
        self.ok_button.setEnabled(not reason)

    def passphrase(self) -> str | None:
        """The chosen passphrase; None for an unprotected key."""
        if self.no_passphrase_box.isChecked():
            return None
        return self.passphrase_edit.text()


class PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None, commune_name: str, error: str = "",
                 prompt: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phrase secrète"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            prompt or self.tr("Saisissez la phrase secrète de la clé de signature "
                              "{of_commune}.").format(of_commune=of_commune(commune_name))))
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.edit)
        self.error_label = paragraph(error, ERROR_STYLE)
        self.error_label.setVisible(bool(error))
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Valider"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.ok_button.setEnabled(False)

    def passphrase(self) -> str:
        return self.edit.text()


def ask_passphrase(parent: QWidget | None, commune_name: str, error: str = "",
                   prompt: str = "", run: RunDialog | None = None) -> str | None:
    """The passphrase typed by the user; None when cancelled. ``error`` says why it is asked
    again (« Phrase secrète incorrecte… »)."""
    dialog = PassphraseDialog(parent, commune_name, error, prompt)
    try:
        if (run or _run)(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()
    finally:
        dialog.deleteLater()


class KeyInfoDialog(QDialog):
    """The commune's key as the user sees it, with what can be done with it."""
    create_requested = Signal()
    export_requested = Signal()
    backup_requested = Signal()
    restore_requested = Signal()
    commune_chosen = Signal(str)

    def __init__(self, parent: QWidget | None, key_folder: KeyFolder, insee: str,
                 commune_name: str, communes: Sequence[tuple[str, str]] = ()) -> None:
        """``communes`` ((insee, name) pairs) lets the user choose the commune when
        ``insee`` is still unknown."""
        super().__init__(parent)
        self.key_folder, self.insee, self.commune_name = key_folder, insee, commune_name
        self.setWindowTitle(self.tr("Ma clé de signature"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            self.tr("La clé de signature prouve à l'agglomération que les paquets de "
                    "propositions viennent bien de votre commune et qu'ils n'ont pas été "
                    "modifiés.")))
        self.commune_combo = QComboBox()
        self.commune_combo.addItem(self.tr("Choisissez votre commune…"), "")
        for code, name in sorted(communes, key=lambda pair: french_order(pair[1])):
            self.commune_combo.addItem(name, code)
        self.commune_combo.currentIndexChanged.connect(self._commune_changed)
        layout.addSpacing(6)
        box = QGroupBox(self.tr("Votre clé"))
        self.form = QFormLayout(box)
        self.commune_label = QLabel()
        self.key_id_label = QLabel()
        self.key_id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.protected_label = QLabel()
        self.protected_label.setWordWrap(True)
        self.folder_label = QLabel(str(key_folder.folder))
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setStyleSheet(HINT_STYLE)
        if insee:
            self.form.addRow(self.tr("Commune :"), self.commune_label)
            self.commune_combo.hide()
        else:
            self.form.addRow(self.tr("Commune :"), self.commune_combo)
            self.commune_label.hide()
        self.form.addRow(self.tr("Identifiant :"), self.key_id_label)
        self.form.addRow(self.tr("Phrase secrète :"), self.protected_label)
        self.form.addRow(self.tr("Dossier :"), self.folder_label)
        layout.addWidget(box)
        self.status_label = paragraph("")
        layout.addWidget(self.status_label)

        self.create_button = QPushButton(self.tr("Créer ma clé"))
        self.export_button = QPushButton(self.tr("Exporter ma clé publique…"))
        self.backup_button = QPushButton(self.tr("Sauvegarder ma clé secrète…"))
        self.restore_button = QPushButton(self.tr("Restaurer une clé…"))
        self.export_hint = paragraph(
            self.tr("À envoyer à l'agglomération : elle lui permet de vérifier vos paquets."),
            HINT_STYLE)
        self.backup_warning = paragraph(
            self.tr("Qui détient ce fichier et sa phrase secrète peut signer au nom de la "
                    "commune : gardez la sauvegarde sur une clé USB rangée en lieu "
                    "sûr."), WARNING_STYLE)
        for button, signal in ((self.create_button, self.create_requested),
                               (self.export_button, self.export_requested),
                               (self.backup_button, self.backup_requested),
                               (self.restore_button, self.restore_requested)):
            button.clicked.connect(signal.emit)
        for button, hint in ((self.create_button, None), (self.export_button, self.export_hint),
                             (self.backup_button, self.backup_warning),
                             (self.restore_button, None)):
            row = QHBoxLayout()
            button.setMinimumWidth(230)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            if hint is not None:
                row.addWidget(hint, 1)
            else:
                row.addStretch(1)
            layout.addLayout(row)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        self.close_buttons.rejected.connect(self.reject)
        layout.addWidget(self.close_buttons)
        self.refresh()

    def _commune_changed(self) -> None:
        code = self.commune_combo.currentData() or ""
        self.insee, self.commune_name = code, self.commune_combo.currentText() if code else ""
        if code:
            self.commune_chosen.emit(code)
        self.refresh()

    def refresh(self) -> None:
        """Show the key as it is now in the key folder."""
        self.commune_label.setText(self.commune_name or "—")
        has_key, key_id, protected, problem = False, "", False, ""
        if self.insee:
            try:
                has_key = self.key_folder.has_key(self.insee)
                if has_key:
                    key_id = self.key_folder.public_key(self.insee).key_id_hex
                    protected = self.key_folder.is_protected(self.insee)
            except KeyFileError as exc:
                problem = str(exc)
        if key_id:
            self.key_id_label.setText(readable_key_id(key_id))
            self.key_id_label.setStyleSheet(f"font-family: monospace; {font_size(13)}; "
                                            "font-weight: bold;")
        else:
            self.key_id_label.setText(self.tr("aucune clé pour l'instant"))
            self.key_id_label.setStyleSheet(HINT_STYLE)
        if not has_key:
            self.protected_label.setText("—")
        elif protected:
            self.protected_label.setText(
                self.tr("oui, la clé est protégée par une phrase secrète"))
        else:
            self.protected_label.setText(self.tr("non : toute personne ayant accès à cet "
                                                 "ordinateur peut signer au nom de la commune"))
        if problem:
            self.status_label.setText(problem)
            self.status_label.setStyleSheet(ERROR_STYLE)
        elif not self.insee:
            self.status_label.setText(self.tr("Choisissez d'abord votre commune."))
            self.status_label.setStyleSheet(HINT_STYLE)
        elif not has_key:
            self.status_label.setText(
                self.tr("Votre commune n'a pas encore de clé sur cet ordinateur. Créez-la, ou "
                        "restaurez-la depuis une sauvegarde."))
            self.status_label.setStyleSheet("")
        else:
            self.status_label.setText("")
        self.status_label.setVisible(bool(self.status_label.text()))
        chosen = bool(self.insee)
        self.create_button.setVisible(not has_key)
        self.create_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)
        for widget in (self.export_button, self.export_hint, self.backup_button,
                       self.backup_warning):
            widget.setVisible(has_key)
        self.adjustSize()
