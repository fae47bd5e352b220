"""« Clé de l'agglomération » (commune side): the agglomeration's public key that the commune
trusts to verify its responses — shown with its identifier, installed from a ``.pub`` file
(read out on the phone first), replaced (the old one kept in ``revoquees/``)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from ...models.package.keys import (KeyFileError, declared_commune, read_public_key,
                                    read_small_text)
from ...models.package.minisign import readable_key_id
from ...models.package.trust import TrustError, TrustStore
from ..file_dialogs import open_path
from ..formatting import font_size
from ..i18n import translate
from .verify_dialog import WARNING_STYLE, paragraph

KEY_FILTER = QT_TRANSLATE_NOOP("AgglomerationKeyDialog",
                               "Clé publique minisign (*.pub);;Tous les fichiers (*)")


def install_agglomeration_key(store: TrustStore, siren: str, path: Path, confirm,
                              warn) -> bool:
    """Trust the key of ``path`` as the agglomeration's (``<SIREN>.pub``) once the user has
    compared its identifier on the phone (``confirm(title, text) -> bool``); ``warn`` says
    why not. True when installed. Shared by this dialog and the first-run assistant."""
    try:
        key = read_public_key(path)
        _, text = read_small_text(path, "Clé publique")
    except KeyFileError as error:
        warn(translate("agglomeration_key", "Clé refusée"), str(error))
        return False
    declared = declared_commune(text)
    other = ""
    if declared and declared != siren:
        other = translate("agglomeration_key",
                          "\n\nAttention : ce fichier se présente comme la clé de {owner}, "
                          "pas de l'agglomération {siren}.").format(owner=declared, siren=siren)
    question = translate("agglomeration_key",
                         "Identifiant de la clé : {key}\n\nAvant d'installer, téléphonez à "
                         "l'agglomération et demandez-lui de lire l'identifiant de sa clé : "
                         "il doit être exactement celui-ci. S'il diffère, n'installez pas ce "
                         "fichier.{other}")
    if not confirm(translate("agglomeration_key", "Installer la clé de l'agglomération ?"),
                   question.format(key=readable_key_id(key.key_id_hex), other=other)):
        return False
    try:
        store.add(text, siren)
    except TrustError as error:
        warn(translate("agglomeration_key", "Clé refusée"), str(error))
        return False
    return True


class AgglomerationKeyBox(QGroupBox):
    """Which key of the agglomeration is trusted, and the button that installs it from its
    file: in the « Clé de l'agglomération » dialog and in the first-run assistant."""

    def __init__(self, store: TrustStore, siren: str, name: str, choose_open_path=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Clé de l'agglomération"))
        self.store, self.siren, self.name = store, siren, name
        self.choose_open_path = choose_open_path or (
            lambda title, filters: open_path(self, title, filters) or None)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Agglomération :"), QLabel(f"{name} ({siren})"))
        self.key_label = QLabel()
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Clé installée :"), self.key_label)
        layout.addLayout(form)
        self.missing_label = paragraph(
            self.tr("Aucune clé installée : les réponses de l'agglomération ne peuvent pas "
                    "encore être vérifiées. Demandez-lui le fichier de sa clé publique "
                    "({siren}.pub).").format(siren=siren), WARNING_STYLE)
        layout.addWidget(self.missing_label)
        self.install_button = QPushButton()
        self.install_button.clicked.connect(lambda: self.install())
        row = QHBoxLayout()
        row.addWidget(self.install_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    # -- what a test answers -------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # -- display and action --------------------------------------------------------------
    def refresh(self) -> None:
        entry = self.store.for_commune(self.siren)
        self.key_label.setText(readable_key_id(entry.key_id) if entry else self.tr("aucune"))
        self.key_label.setStyleSheet(f"font-family: monospace; {font_size(14)}; "
                                     "font-weight: bold;" if entry else "")
        self.missing_label.setVisible(entry is None)
        self.install_button.setText(self.tr("Remplacer la clé depuis un fichier…") if entry
                                    else self.tr("Installer la clé depuis un fichier…"))

    def install(self, path: str | Path | None = None) -> bool:
        if path is None:
            path = self.choose_open_path(self.tr("Clé publique de l'agglomération"),
                                         self.tr(KEY_FILTER))
            if not path:
                return False
        done = install_agglomeration_key(self.store, self.siren, Path(path), self.confirm,
                                         self.warn)
        self.refresh()
        return done


class AgglomerationKeyDialog(QDialog):
    """« Clé de l'agglomération… » (Paquets menu, commune)."""

    def __init__(self, parent: QWidget | None, store: TrustStore, siren: str, name: str,
                 choose_open_path=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Clé de l'agglomération"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            self.tr("L'agglomération signe ses réponses avec sa clé. Avec sa clé publique, "
                    "installée ici une fois, qpvdesk vérifie que chaque réponse vient bien "
                    "d'elle et n'a pas été modifiée.")))
        self.box = AgglomerationKeyBox(store, siren, name, choose_open_path, self)
        layout.addWidget(self.box)
        folder = QLabel(self.tr("Dossier des clés : {folder}").format(folder=store.folder))
        folder.setStyleSheet("color: #555555;")
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(folder)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
