"""Choose the proposals to send and say who sends them, before a signed package is written."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressDialog,
                               QPushButton, QVBoxLayout, QWidget)

from ...models.package.identity import Identity
from ...models.proposals.proposal import Proposal
from ...models.proposals.territory import Territory
from ...models.proposals.vocabulary import KINDS
from ...models.search import french_order
from ..i18n import translate

REASON_STYLE = "color: #9a3412;"


def proposal_label(proposal: Proposal) -> str:
    title = proposal.title.strip() or translate("export_dialog", "(sans titre)")
    return f"{KINDS.get(proposal.kind, proposal.kind)} — {title}"


class ExportPackageDialog(QDialog):
    def __init__(self, parent: QWidget | None, proposals: Sequence[Proposal],
                 territory: Territory, identity: Identity) -> None:
        super().__init__(parent)
        self._identity = identity
        self.proposals = [item for item in proposals if not item.deleted]
        self.setWindowTitle(self.tr("Exporter un paquet signé"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Le paquet rassemble les propositions cochées dans un seul fichier, signé "
                    "avec la clé de votre commune. Vous l'enverrez ensuite à l'agglomération "
                    "par e-mail ; la signature lui prouve qu'il vient bien de vous."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        layout.addWidget(QLabel(self.tr("<b>Propositions à envoyer</b>")))
        self.list_widget = QListWidget()
        for proposal in self.proposals:
            item = QListWidgetItem(proposal_label(proposal))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, proposal.uuid)
            self.list_widget.addItem(item)
        rows_height = 8 + self.list_widget.sizeHintForRow(0) * max(len(self.proposals), 3) \
            if self.proposals else 80
        self.list_widget.setMinimumHeight(min(rows_height, 220))
        if len(self.proposals) <= 8:      # no empty space under a short list
            self.list_widget.setMaximumHeight(rows_height)
        layout.addWidget(self.list_widget)
        row = QHBoxLayout()
        self.check_all_button = QPushButton(self.tr("Tout cocher"))
        self.uncheck_all_button = QPushButton(self.tr("Tout décocher"))
        self.check_all_button.clicked.connect(lambda: self.set_all(True))
        self.uncheck_all_button.clicked.connect(lambda: self.set_all(False))
        self.count_label = QLabel()
        row.addWidget(self.check_all_button)
        row.addWidget(self.uncheck_all_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout.addLayout(row)

        layout.addWidget(QLabel(self.tr("<b>Expéditeur</b>")))
        form = QFormLayout()
        self.commune_combo = QComboBox()
        self.commune_combo.addItem(self.tr("Choisissez votre commune…"), "")
        pairs = sorted(zip(territory.communes.codes, territory.communes.names),
                       key=lambda pair: french_order(pair[1]))
        for code, name in pairs:
            self.commune_combo.addItem(name, code)
        preselected = self.commune_combo.findData(identity.commune_insee) \
            if identity.commune_insee else -1
        self.commune_combo.setCurrentIndex(max(preselected, 0))
        self.name_edit = QLineEdit(identity.contact_name)
        self.name_edit.setPlaceholderText(self.tr("Prénom Nom"))
        self.email_edit = QLineEdit(identity.contact_email)
        self.email_edit.setPlaceholderText("prenom.nom@mairie.fr")
        form.addRow(self.tr("Commune :"), self.commune_combo)
        form.addRow(self.tr("Personne à contacter :"), self.name_edit)
        form.addRow(self.tr("Adresse e-mail :"), self.email_edit)
        layout.addLayout(form)
        hint = QLabel(self.tr("Ces informations sont écrites dans le paquet et gardées pour le "
                              "prochain envoi."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        layout.addWidget(hint)

        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet(REASON_STYLE)
        layout.addWidget(self.reason_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Continuer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.list_widget.itemChanged.connect(self._update)
        self.commune_combo.currentIndexChanged.connect(self._update)
        self.name_edit.textChanged.connect(self._update)
        self.email_edit.textChanged.connect(self._update)
        self._update()

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list_widget.count()):
            self.list_widget.item(row).setCheckState(state)

    def chosen_proposals(self) -> list[Proposal]:
        chosen = {self.list_widget.item(row).data(Qt.ItemDataRole.UserRole)
                  for row in range(self.list_widget.count())
                  if self.list_widget.item(row).checkState() == Qt.CheckState.Checked}
        return [item for item in self.proposals if item.uuid in chosen]

    def identity(self) -> Identity:
        return replace(self._identity, commune_insee=self.commune_combo.currentData() or "",
                       contact_name=self.name_edit.text().strip(),
                       contact_email=self.email_edit.text().strip())

    def commune_name(self) -> str:
        return self.commune_combo.currentText() if self.commune_combo.currentData() else ""

    def reason(self) -> str:
        """What is still missing ('' when the package can be written)."""
        if not self.proposals:
            return self.tr("Vous n'avez aucune proposition à envoyer.")
        if not self.chosen_proposals():
            return self.tr("Cochez au moins une proposition.")
        if not self.commune_combo.currentData():
            return self.tr("Choisissez votre commune.")
        if not self.name_edit.text().strip():
            return self.tr("Indiquez la personne à contacter.")
        email = self.email_edit.text().strip()
        if not email:
            return self.tr("Indiquez l'adresse e-mail de la personne à contacter.")
        if "@" not in email or email.startswith("@") or email.endswith("@"):
            return self.tr("L'adresse e-mail doit être de la forme prenom.nom@mairie.fr.")
        return ""

    def _update(self) -> None:
        count, total = len(self.chosen_proposals()), len(self.proposals)
        self.count_label.setText(self.tr("{count} cochée{plural} sur {total}")
                                 .format(count=count, plural="s" if count > 1 else "",
                                         total=total))
        reason = self.reason()
        self.reason_label.setText(reason)
        self.reason_label.setVisible(bool(reason))
        self.ok_button.setEnabled(not reason)


class ExportProgressDialog(QProgressDialog):
    """The export's progress while it runs off the GUI thread. Not modal: the map can still
    be looked at; the window's actions are disabled meanwhile by the caller."""

    def __init__(self, parent: QWidget | None) -> None:
        # the catalogue has these words under the context of the actions that showed them
        super().__init__(translate("CommunePackageActions", "Export du paquet…"),
                         translate("CommunePackageActions", "Annuler"), 0, 100, parent)
        self.setWindowTitle(translate("CommunePackageActions", "Export du paquet"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(380)
        self.setValue(0)

    def show_step(self, percent: int, text: str) -> None:
        self.setValue(percent)
        self.setLabelText(f"{text}…" if percent < 100 else text)
