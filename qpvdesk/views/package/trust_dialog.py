"""The keys of the communes the agglomeration trusts: list them, import one, revoke one.

A commune sends its public key once (a ``.pub`` file); the agglomeration binds it to the
commune after reading its identifier out on the phone with the commune. The dialog only
displays and asks; TrustStore does the work and says in French what it refuses.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from ...models.package.communes import territory_names
from ...models.package.info import valid_insee
from ...models.package.keys import (KeyFileError, declared_commune, read_public_key,
                                    read_small_text)
from ...models.package.minisign import readable_key_id
from ...models.package.trust import REVOKED_FOLDER_NAME, TrustError, TrustStore
from ...models.search import french_order
from .verify_dialog import (WARNING_STYLE, ListModel, commune_label, commune_name, fit_columns,
                            paragraph, prepare_table)
from ..formatting import font_size
from ..file_dialogs import open_path

# (title, file filter) -> chosen path or None; QFileDialog by default, an answer in tests.
ChooseOpenPath = Callable[[str, str], "str | None"]
KEY_FILTER = QT_TRANSLATE_NOOP("TrustDialog",
                               "Clé publique minisign (*.pub);;Tous les fichiers (*)")
KEY_HEADERS = (QT_TRANSLATE_NOOP("RowsTableModel", "Commune"),
               QT_TRANSLATE_NOOP("RowsTableModel", "INSEE"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Identifiant de la clé"),
               QT_TRANSLATE_NOOP("RowsTableModel", "Fichier"))

CONFLICT_COLOR = "#b91c1c"


class CommuneChoiceDialog(QDialog):
    """Which commune a public key belongs to, and its identifier to compare on the phone."""

    def __init__(self, parent: QWidget | None, territory, key_id: str, file_name: str,
                 preselected: str | None = None, declared: str | None = None) -> None:
        """``declared``: the commune the key file names in its comment (untrusted), to warn
        when the user binds it to another one."""
        super().__init__(parent)
        self.territory, self.declared = territory, declared
        self.setWindowTitle(self.tr("Importer la clé publique d'une commune"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(self.tr("Fichier : {file_name}").format(file_name=file_name)))
        form = QFormLayout()
        self.commune_combo = QComboBox()
        self.commune_combo.addItem(self.tr("Choisissez la commune…"), None)
        for code, name in sorted(zip(territory.communes.codes, territory.communes.names),
                                 key=lambda pair: french_order(pair[1])):
            self.commune_combo.addItem(f"{name} ({code})", code)
        if preselected:
            position = self.commune_combo.findData(preselected)
            if position >= 0:
                self.commune_combo.setCurrentIndex(position)
        form.addRow(self.tr("Commune :"), self.commune_combo)
        self.key_label = QLabel(readable_key_id(key_id))
        self.key_label.setStyleSheet(f"font-family: monospace; {font_size(16)}; "
                                     "font-weight: bold; letter-spacing: 1px;")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Identifiant de la clé :"), self.key_label)
        layout.addLayout(form)
        self.mismatch_label = paragraph("", WARNING_STYLE)
        layout.addWidget(self.mismatch_label)
        layout.addWidget(paragraph(
            self.tr("Avant de valider, téléphonez à la commune et demandez-lui de lire "
                    "l'identifiant de sa clé (menu « Ma clé de signature… » de qpvdesk). Il "
                    "doit être exactement celui affiché ci-dessus. S'il diffère, n'importez "
                    "pas ce fichier : il ne vient peut-être pas de la commune."), WARNING_STYLE))
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("L'identifiant est le bon : importer"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.commune_combo.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        chosen = self.commune()
        self.ok_button.setEnabled(chosen is not None)
        mismatch = bool(chosen and self.declared and chosen != self.declared)
        self.mismatch_label.setText(
            self.tr("Attention : ce fichier se présente comme la clé de {declared}, pas de "
                    "{chosen}. Ne l'attribuez à {chosen} que si cette commune vous le confirme "
                    "par téléphone.").format(declared=commune_label(self.territory,
                                                                    self.declared),
                                             chosen=commune_label(self.territory, chosen))
            if mismatch else "")
        self.mismatch_label.setVisible(mismatch)

    def commune(self) -> str | None:
        return self.commune_combo.currentData()


class TrustDialog(QDialog):
    """The trusted keys of the communes, with import and revocation."""

    def __init__(self, parent: QWidget | None, trust_store: TrustStore, territory,
                 choose_open_path: ChooseOpenPath | None = None) -> None:
        super().__init__(parent)
        self.store, self.territory = trust_store, territory
        if not self.store.names:   # its refusals name the communes
            self.store.names = territory_names(territory)
        self.choose_open_path = choose_open_path or self._choose_open_path
        self.setWindowTitle(self.tr("Clés des communes"))
        self.setMinimumSize(720, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(
            self.tr("Un paquet de propositions n'est accepté que s'il est signé par la clé "
                    "d'une commune listée ici. Chaque commune vous envoie une seule fois sa clé "
                    "publique (fichier .pub) ; vérifiez-la par téléphone avant de l'importer.")))
        self.problems_label = paragraph("", WARNING_STYLE)
        layout.addWidget(self.problems_label)
        trusted = QGroupBox(self.tr("Clés de confiance"))
        box = QVBoxLayout(trusted)
        self.keys_model = ListModel(KEY_HEADERS)
        self.keys_view = QTableView()
        self.keys_view.setModel(self.keys_model)
        prepare_table(self.keys_view)
        box.addWidget(self.keys_view)
        self.empty_label = paragraph(self.tr("Aucune clé importée pour l'instant : les paquets "
                                             "reçus seront refusés."))
        box.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Importer la clé publique d'une commune…"))
        self.revoke_button = QPushButton(self.tr("Révoquer…"))
        self.revoke_button.setToolTip(self.tr("Ne plus accepter les paquets signés par cette "
                                              "clé."))
        row.addWidget(self.import_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(trusted, 3)
        revoked = QGroupBox(self.tr("Clés révoquées ou remplacées (conservées, plus "
                                    "acceptées)"))
        revoked_box = QVBoxLayout(revoked)
        self.revoked_model = ListModel(KEY_HEADERS)
        self.revoked_view = QTableView()
        self.revoked_view.setModel(self.revoked_model)
        prepare_table(self.revoked_view)
        revoked_box.addWidget(self.revoked_view)
        layout.addWidget(revoked, 2)
        folder = QLabel(self.tr("Dossier des clés : {folder}").format(folder=self.store.folder))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setStyleSheet("color: #555555;")
        folder.setWordWrap(True)
        layout.addWidget(folder)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.import_button.clicked.connect(lambda: self.import_key())
        self.revoke_button.clicked.connect(lambda: self.revoke_selected())
        self.keys_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- what a test answers -------------------------------------------------------------
    def _choose_open_path(self, title: str, file_filter: str) -> str | None:
        return open_path(self, title, file_filter) or None

    def run_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # -- display -------------------------------------------------------------------------
    def _rows(self, keys) -> list[list[str]]:
        return [[commune_name(self.territory, key.commune_insee), key.commune_insee,
                 readable_key_id(key.key_id), key.path.name] for key in keys]

    def refresh(self) -> None:
        # keys bound to several communes are listed too (in red), so that the wrong binding
        # can be revoked from here
        conflicts = self.store.conflicts()
        self.entries = sorted((entry for entry in self.store.entries() + conflicts
                               if valid_insee(entry.owner)),   # not the agglomeration's
                              key=lambda entry: entry.commune_insee)
        self.keys_model.set_rows(self._rows(self.entries))
        self.keys_model.colors = {(row, column): CONFLICT_COLOR
                                  for row, entry in enumerate(self.entries)
                                  if entry in conflicts for column in range(len(KEY_HEADERS))}
        self.revoked_model.set_rows(self._rows(self.store.revoked()))
        for view in (self.keys_view, self.revoked_view):
            fit_columns(view, stretch=0)
        self.empty_label.setVisible(not self.entries)
        problems = self.store.problems()
        lines = "\n".join(f"• {line}" for line in problems)
        self.problems_label.setText(self.tr("Attention :\n") + lines if problems else "")
        self.problems_label.setVisible(bool(problems))
        read_only = self.store.read_only
        self.import_button.setEnabled(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.revoke_button.setEnabled(self.selected() is not None and not self.store.read_only)

    def selected(self) -> str | None:
        """The INSEE code of the selected trusted key."""
        rows = self.keys_view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.entries):
            return None
        return self.entries[rows[0].row()].commune_insee

    def select(self, insee: str) -> None:
        for row, entry in enumerate(self.entries):
            if entry.commune_insee == insee:
                self.keys_view.selectRow(row)
                return

    # -- actions -------------------------------------------------------------------------
    def import_key(self, path: str | Path | None = None) -> str | None:
        """Ask for a .pub file and its commune; the INSEE code trusted, or None."""
        if path is None:
            path = self.choose_open_path(self.tr("Clé publique d'une commune"),
                                         self.tr(KEY_FILTER))
            if not path:
                return None
        path = Path(path)
        try:
            key = read_public_key(path)
            _, text = read_small_text(path, self.tr("Clé publique"))
        except KeyFileError as error:
            self.warn(self.tr("Clé refusée"), str(error))
            return None
        declared = declared_commune(text)
        stem = path.stem.strip().upper()
        known = self.territory.communes.index
        preselected = declared if declared in known else stem if stem in known else None
        choice = CommuneChoiceDialog(self, self.territory, key.key_id_hex, path.name,
                                     preselected, declared)
        if self.run_dialog(choice) != QDialog.DialogCode.Accepted or not choice.commune():
            return None
        insee = choice.commune()
        revoked = self.store.revoked_for_key_id(key.key_id_hex)
        if revoked is not None and not self.confirm(
                self.tr("Clé révoquée"),
                self.tr("La clé {key} de {commune} a été révoquée ou remplacée (elle est "
                        "conservée dans le dossier « {folder} »).\n\nL'importer à nouveau "
                        "fera de nouveau accepter les paquets qu'elle signe. Continuer ?")
                .format(key=readable_key_id(key.key_id_hex),
                        commune=commune_label(self.territory, revoked.commune_insee),
                        folder=REVOKED_FOLDER_NAME)):
            return None
        current = self.store.for_commune(insee)
        if current is not None and current.key_id != key.key_id_hex:
            if not self.confirm(
                    self.tr("Remplacer la clé ?"),
                    self.tr("{commune} a déjà une clé de confiance ({current}).\n\nLa remplacer "
                            "par la clé {new} ? L'ancienne sera conservée dans le dossier "
                            "« {folder} » et ne sera plus acceptée.")
                    .format(commune=commune_label(self.territory, insee),
                            current=readable_key_id(current.key_id),
                            new=readable_key_id(key.key_id_hex), folder=REVOKED_FOLDER_NAME)):
                return None
        try:
            trusted = self.store.add(text, insee)
        except TrustError as error:
            self.warn(self.tr("Clé refusée"), str(error))
            return None
        self.refresh()
        self.select(trusted.commune_insee)
        return trusted.commune_insee

    def revoke_selected(self, insee: str | None = None) -> bool:
        insee = insee or self.selected()
        if not insee:
            return False
        entry = self.store.for_commune(insee)
        key_text = readable_key_id(entry.key_id) if entry else ""
        if not self.confirm(
                self.tr("Révoquer la clé ?"),
                self.tr("Ne plus accepter les paquets signés par la clé {key} de {commune} ?"
                        "\n\nLe fichier de la clé n'est pas supprimé : il est déplacé dans le "
                        "dossier « {folder} ». Pour recevoir à nouveau des paquets de cette "
                        "commune, importez sa nouvelle clé publique.")
                .format(key=key_text, commune=commune_label(self.territory, insee),
                        folder=REVOKED_FOLDER_NAME)):
            return False
        try:
            self.store.revoke(insee)
        except TrustError as error:
            self.warn(self.tr("Révocation impossible"), str(error))
            return False
        self.refresh()
        return True
