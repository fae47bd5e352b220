"""The connection to the agglomeration's PostgreSQL + PostGIS, asked before publishing or
pulling: a service name (pg_service.conf) or a server (host, port, database, user), and a
password that is used for this time only (left empty, libpq takes the one in ~/.pgpass)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

DEFAULT_PORT = 5432


class PostgisConnectionDialog(QDialog):
    """``fields``: the remembered connection's (models.postgis.connection.fields);
    ``problem``: a French sentence shown on top (the server asked for a password, or refused
    the one given)."""

    def __init__(self, parent: QWidget | None, title: str, explanation: str, action: str,
                 fields: dict[str, str], problem: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem_label = QLabel(problem)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #a50f15; font-weight: bold;")
        self.problem_label.setVisible(bool(problem))
        layout.addWidget(self.problem_label)

        self.service_choice = QRadioButton(self.tr("Service PostgreSQL (fichier "
                                                   "pg_service.conf)"))
        self.server_choice = QRadioButton(self.tr("Serveur"))
        choices = QButtonGroup(self)
        for button in (self.service_choice, self.server_choice):
            choices.addButton(button)
        self.service_edit = QLineEdit(fields.get("service", ""))
        self.service_edit.setPlaceholderText("qpvdesk")
        self.host_edit = QLineEdit(fields.get("host", ""))
        self.host_edit.setPlaceholderText(self.tr("nom ou adresse du serveur"))
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setGroupSeparatorShown(False)
        self.port_box.setValue(int(fields["port"]) if fields.get("port", "").isdigit()
                               else DEFAULT_PORT)
        self.database_edit = QLineEdit(fields.get("dbname", ""))
        self.user_edit = QLineEdit(fields.get("user", ""))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("vide : celui de ~/.pgpass"))

        form = QFormLayout()   # one form: the labels of both ways line up
        form.addRow(self.service_choice)
        form.addRow(self.tr("Nom du service :"), self.service_edit)
        form.addRow(self.server_choice)
        form.addRow(self.tr("Serveur :"), self.host_edit)
        form.addRow(self.tr("Port :"), self.port_box)
        form.addRow(self.tr("Base de données :"), self.database_edit)
        form.addRow(self.tr("Utilisateur :"), self.user_edit)
        form.addRow(self.tr("Mot de passe :"), self.password_edit)
        layout.addLayout(form)
        note = QLabel(self.tr("Le mot de passe sert à cette connexion seulement : il n'est "
                              "jamais enregistré. La connexion, elle, est retenue pour la "
                              "prochaine fois."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        layout.addWidget(note)

        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.run_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.server_widgets = (self.host_edit, self.port_box, self.database_edit,
                               self.user_edit)
        (self.service_choice if fields.get("service") else self.server_choice).setChecked(True)
        for button in (self.service_choice, self.server_choice):
            button.toggled.connect(self._show_choice)
        for edit in (self.service_edit, self.host_edit, self.database_edit):
            edit.textChanged.connect(self._show_choice)
        self._show_choice()
        if problem:
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(560)
        self.resize(560, self.heightForWidth(560) if self.hasHeightForWidth()
                    else self.sizeHint().height())

    def _show_choice(self) -> None:
        by_service = self.service_choice.isChecked()
        self.service_edit.setEnabled(by_service)
        for widget in self.server_widgets:
            widget.setEnabled(not by_service)
        ready = bool(self.service_edit.text().strip()) if by_service else \
            bool(self.host_edit.text().strip() and self.database_edit.text().strip())
        self.run_button.setEnabled(ready)

    def connection_fields(self) -> dict[str, str]:
        """What models.postgis.connection.build takes."""
        if self.service_choice.isChecked():
            return {"service": self.service_edit.text()}
        return {"host": self.host_edit.text(), "port": str(self.port_box.value()),
                "dbname": self.database_edit.text(), "user": self.user_edit.text()}

    def password(self) -> str | None:
        return self.password_edit.text() or None
