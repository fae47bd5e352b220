"""The facilitator's dialogs: a new workshop (QPV, date, place, facilitator, which coarse
facts to ask), resuming one, and the paper map to print."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from ...models.frenchnum import format_french_date

MAX_TEXT = 200


def _qpv_combo(qpv_list, chosen: str | None) -> QComboBox:
    combo = QComboBox()
    for qpv in sorted(qpv_list, key=lambda item: item.name):
        combo.addItem(f"{qpv.name} ({qpv.communes})", qpv.code)
    if chosen:
        index = combo.findData(chosen)
        if index >= 0:
            combo.setCurrentIndex(index)
    return combo


class NewWorkshopDialog(QDialog):
    def __init__(self, qpv_list, chosen_qpv: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouvel atelier"))
        self.qpv = _qpv_combo(qpv_list, chosen_qpv)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.place = QLineEdit()
        self.place.setMaxLength(MAX_TEXT)
        self.place.setPlaceholderText(self.tr("Maison de quartier, école, salle des fêtes…"))
        self.facilitator = QLineEdit()
        self.facilitator.setMaxLength(MAX_TEXT)
        self.ask_residence = QCheckBox(self.tr("Demander à chacun s'il habite le quartier"))
        self.ask_age = QCheckBox(self.tr("Demander à chacun sa tranche d'âge"))
        form = QFormLayout()
        form.addRow(self.tr("Quartier prioritaire"), self.qpv)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Lieu"), self.place)
        form.addRow(self.tr("Animateur ou animatrice"), self.facilitator)
        note = QLabel(self.tr(
            "Les participants restent anonymes : ils sont numérotés (« Participant 1, 2… ») "
            "et aucun nom n'est enregistré. Les deux questions ci-dessous sont facultatives ; "
            "chacun peut ne pas répondre."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Commencer l'atelier"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.ask_residence)
        layout.addWidget(self.ask_age)
        layout.addWidget(buttons)

    def values(self) -> dict[str, object]:
        return {"qpv_code": self.qpv.currentData(),
                "held_on": self.date.date().toString(Qt.DateFormat.ISODate),
                "place": self.place.text(), "facilitator": self.facilitator.text(),
                "ask_residence": self.ask_residence.isChecked(),
                "ask_age": self.ask_age.isChecked()}


class ResumeWorkshopDialog(QDialog):
    def __init__(self, workshops, qpv_names: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reprendre un atelier"))
        self.list = QListWidget()
        for workshop in workshops:
            count = workshop.participant_count
            people = (self.tr("aucun participant") if count == 0
                      else self.tr("1 participant") if count == 1
                      else self.tr("{count} participants").format(count=count))
            text = self.tr("{date} — {qpv} — {place} — {people}").format(
                date=format_french_date(workshop.held_on),
                qpv=qpv_names.get(workshop.qpv_code, workshop.qpv_code),
                place=workshop.place or "—", people=people)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, workshop.uuid)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reprendre"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Les ateliers enregistrés, le plus récent d'abord :")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class PaperMapDialog(QDialog):
    def __init__(self, qpv_list, chosen_qpv: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carte papier pour un atelier"))
        self.qpv = _qpv_combo(qpv_list, chosen_qpv)
        self.sheet = QComboBox()
        self.sheet.addItem(self.tr("A3 (conseillé)"), "A3")
        self.sheet.addItem(self.tr("A4"), "A4")
        form = QFormLayout()
        form.addRow(self.tr("Quartier prioritaire"), self.qpv)
        form.addRow(self.tr("Format"), self.sheet)
        note = QLabel(self.tr(
            "Une carte du quartier et de ses abords à une échelle fixe, avec un quadrillage "
            "(colonnes A, B, C…, lignes 1, 2, 3…), sans les rues : chacun y dessine son "
            "quartier, puis l'animateur reporte chaque feuille dans l'atelier comme un "
            "participant. Imprimez-la à 100 %."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Enregistrer le PDF…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.qpv.currentData(), self.sheet.currentData()
