"""The commune checks the agglomeration's response: the verification's verdict and checks (as
for a proposals package), and what the agglomeration decided on each of the commune's
proposals. CommuneResponseActions imports it when asked."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QHeaderView, QPushButton, QTableView,
                               QVBoxLayout)

from ...models.package.minisign import readable_key_id
from ..column_fit import TitleColumnFit
from ..model_texts import model_text
from .verify_dialog import (EMPTY, ListModel, VerificationDialog, commune_label,
                            french_datetime, prepare_table)

STATE_HEADERS = (QT_TRANSLATE_NOOP("RowsTableModel", "Proposition"),
                 QT_TRANSLATE_NOOP("RowsTableModel", "Décision"),
                 QT_TRANSLATE_NOOP("RowsTableModel", "Motif"))


def agglomeration_label(names: dict[str, str], siren: str | None) -> str:
    """« CA de Lens-Liévin (246200364) »."""
    if not siren:
        return EMPTY
    name = names.get(siren)
    return f"{name} ({siren})" if name else siren


class ResponseVerificationDialog(VerificationDialog):
    """What the verification of the agglomeration's response found; ``labels`` gives the
    commune's own title of each proposal (by uuid)."""

    def __init__(self, parent, report, territory, labels: dict[str, str],
                 agglomeration_names: dict[str, str]) -> None:
        self.labels = labels
        self.agglomeration_names = agglomeration_names
        super().__init__(parent, report, territory)
        self.setWindowTitle(self.tr("Réponse de l'agglomération"))

    def _verdict_titles(self) -> tuple[str, str]:
        return self.tr("✓  Réponse authentique et intacte"), self.tr("✗  Réponse refusée")

    def _authentic_text(self) -> str:
        sender = agglomeration_label(self.agglomeration_names,
                                     self.report.info.epci_siren if self.report.info else None)
        count = len(self.report.states)
        words = self.tr("proposition") if count == 1 else self.tr("propositions")
        return (self.tr("Signée par la clé de l'agglomération {sender} ; aucun fichier n'a été "
                        "modifié depuis la signature. Elle porte sur {count} {words}.")
                .format(sender=sender, count=count, words=words))

    def _refusal_advice(self) -> str:
        return self.tr("Rien n'a été importé. Ne tenez pas compte de cette réponse : demandez à "
                       "l'agglomération de vous la renvoyer, ou vérifiez que sa clé publique a "
                       "bien été installée (menu « Clé de l'agglomération… »).")

    def _identity_rows(self) -> list[tuple[str, str]]:
        report, info = self.report, self.report.info
        if info is None:
            return [(QT_TRANSLATE_NOOP("VerificationDialog", "Fichier"), report.path.name)]
        contact = " ".join(part for part in (info.contact_name, f"<{info.contact_email}>"
                                             if info.contact_email else "") if part)
        return [(QT_TRANSLATE_NOOP("VerificationDialog", "Agglomération"),
                 agglomeration_label(self.agglomeration_names, info.epci_siren)),
                (QT_TRANSLATE_NOOP("VerificationDialog", "Pour la commune"),
                 commune_label(self.territory, info.commune_insee)),
                (QT_TRANSLATE_NOOP("VerificationDialog", "Contact"), contact or EMPTY),
                (QT_TRANSLATE_NOOP("VerificationDialog", "Clé de signature"),
                 readable_key_id(info.key_id)),
                (QT_TRANSLATE_NOOP("VerificationDialog", "Créée le"),
                 french_datetime(info.created)),
                (QT_TRANSLATE_NOOP("VerificationDialog", "Identifiant de la réponse"),
                 info.uuid),
                (QT_TRANSLATE_NOOP("VerificationDialog", "Fichier"), report.path.name)]

    def _payload(self, reference) -> QGroupBox:
        states = self.report.states
        group = QGroupBox(self.tr("Décisions de l'agglomération ({count})")
                          .format(count=len(states)))
        box = QVBoxLayout(group)
        self.states_model = ListModel(STATE_HEADERS, [
            [self.labels.get(state.proposal_uuid, state.title or state.proposal_uuid),
             model_text(state.label), state.motif or EMPTY] for state in states])
        self.states_view = QTableView()
        self.states_view.setModel(self.states_model)
        prepare_table(self.states_view)
        self.states_fit = TitleColumnFit(self.states_view, 0, {1: 170, 2: 260}, min_title=160)
        self.states_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a decision and its motif are read whole, on as many lines as they need
        self.states_view.setWordWrap(True)
        self.states_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.states_view, 1)
        return group

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preview_button = QPushButton()   # nothing to preview: the decisions are listed
        self.preview_button.hide()
        self.accept_button = QPushButton(self.tr("Importer la réponse"))
        self.accept_button.setToolTip(self.tr("Enregistrer ces décisions : elles s'affichent "
                                              "dans la liste, sur la carte et dans le "
                                              "formulaire de chaque proposition."))
        self.close_button = QPushButton(self.tr("Fermer"))
        self.accept_button.setEnabled(self.report.ok)
        (self.accept_button if self.report.ok else self.close_button).setDefault(True)
        self.accept_button.clicked.connect(self.accept_requested.emit)
        self.close_button.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(self.accept_button)
        row.addWidget(self.close_button)
        return row

    def mark_accepted(self, summary: str) -> None:
        super().mark_accepted(summary)
        self.accept_button.setText(self.tr("Importée"))
