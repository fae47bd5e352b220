"""« Décider… »: the agglomeration's decision on one received proposal — the decision, its
motif, who decides, and for « Retenue avec modifications » a modified geometry drawn on the
map. The dialog only collects; DecisionActions draws on the map and records the decision."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)
from shapely.geometry.base import BaseGeometry

from ...models.decisions_vocabulary import (DECISIONS, MAX_MOTIF, MOTIF_REQUIRED,
                                            RETENUE_MODIFIEE)
from ...models.frenchnum import format_french_number
from ...models.proposals.geometry import area_ha
from ...models.proposals.vocabulary import EQUIPEMENT, KINDS
from ..model_texts import model_text
from .verify_dialog import (WARNING_STYLE, commune_label, french_datetime, paragraph,
                            qpv_name)

ERROR_STYLE = "color: #b00020;"


class DecisionDialog(QDialog):
    save_requested = Signal()       # record what the dialog holds (DecisionActions checks it)
    draw_requested = Signal(str)    # « new »: draw a shape; « edit »: reshape the received one

    def __init__(self, parent: QWidget | None, version, history: Sequence,
                 decided_by: str, territory) -> None:
        """``version``: the proposal as received (ReceivedProposal); ``history``: its
        decisions, oldest first."""
        super().__init__(parent)
        self.version, self.history = version, list(history)
        self.proposal = version.proposal
        self.geometry: BaseGeometry | None = None    # the modified geometry, once drawn
        self.repaired: BaseGeometry | None = None    # offered when the drawn outline crosses
        self.setWindowTitle(self.tr("Décider : « {label} »").format(label=self.proposal.label))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addWidget(self._about(territory))
        layout.addWidget(self._history())
        form = QFormLayout()
        self.decision_combo = QComboBox()
        for code, label in DECISIONS.items():
            self.decision_combo.addItem(model_text(label), code)
        current = self.history[-1].decision if self.history else None
        self.decision_combo.setCurrentIndex(max(self.decision_combo.findData(current), 0))
        form.addRow(self.tr("Décision :"), self.decision_combo)
        self.motif_label = QLabel()
        self.motif_edit = QPlainTextEdit()
        self.motif_edit.setTabChangesFocus(True)
        self.motif_edit.setPlaceholderText(self.tr("Pourquoi : la commune lira ce motif dans "
                                                   "la réponse de l'agglomération"))
        self.motif_edit.setFixedHeight(self.motif_edit.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.motif_label, self.motif_edit)
        self.decided_by_edit = QLineEdit(decided_by)
        form.addRow(self.tr("Décidé par :"), self.decided_by_edit)
        layout.addLayout(form)
        layout.addWidget(self._geometry_box())
        self.problem_label = paragraph("", ERROR_STYLE)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.repair_button = QPushButton(self.tr("Utiliser la forme corrigée"))
        self.repair_button.hide()
        self.repair_button.clicked.connect(self.use_repaired)
        layout.addWidget(self.repair_button, 0, Qt.AlignmentFlag.AlignRight)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Enregistrer la décision"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save_requested.emit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.decision_combo.currentIndexChanged.connect(self._decision_changed)
        self._decision_changed()

    # -- parts --------------------------------------------------------------------------
    def _about(self, territory) -> QGroupBox:
        version, proposal = self.version, self.proposal
        box = QGroupBox(self.tr("Proposition reçue"))
        form = QFormLayout(box)
        for label, value in ((self.tr("Commune :"), commune_label(territory,
                                                                  version.commune_insee)),
                             (self.tr("Type :"), model_text(KINDS.get(proposal.kind,
                                                                      proposal.kind))),
                             (self.tr("Titre :"), proposal.label),
                             (self.tr("QPV :"), qpv_name(territory, proposal.qpv_code)),
                             (self.tr("Reçue le :"), french_datetime(version.received))):
            field = QLabel(value, wordWrap=True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        return box

    def _history(self) -> QGroupBox:
        box = QGroupBox(self.tr("Décisions précédentes"))
        lines = QVBoxLayout(box)
        if not self.history:
            lines.addWidget(paragraph(self.tr("Aucune : la proposition est « reçue ».")))
        for decision in reversed(self.history[-4:]):   # the latest first
            text = self.tr("{date} — {decision}{motif} ({by})").format(
                date=french_datetime(decision.decided_at), decision=model_text(decision.label),
                motif=f" : {decision.motif}" if decision.motif else "", by=decision.decided_by)
            lines.addWidget(paragraph(text))
        if len(self.history) > 4:
            lines.addWidget(paragraph(self.tr("… et {count} plus anciennes.")
                                      .format(count=len(self.history) - 4), "color: #555555;"))
        return box

    def _geometry_box(self) -> QGroupBox:
        self.geometry_box = QGroupBox(self.tr("Géométrie modifiée (facultative)"))
        box = QVBoxLayout(self.geometry_box)
        self.geometry_label = paragraph("")
        box.addWidget(self.geometry_label)
        row = QHBoxLayout()
        point = self.proposal.kind == EQUIPEMENT
        self.draw_button = QPushButton(self.tr("Placer le point sur la carte…") if point
                                       else self.tr("Dessiner une nouvelle forme…"))
        self.edit_button = QPushButton(self.tr("Modifier la forme reçue…"))
        self.edit_button.setVisible(not point)
        self.clear_button = QPushButton(self.tr("Retirer"))
        self.draw_button.clicked.connect(lambda: self.draw_requested.emit("new"))
        self.edit_button.clicked.connect(lambda: self.draw_requested.emit("edit"))
        self.clear_button.clicked.connect(lambda: self.set_geometry(None))
        for button in (self.draw_button, self.edit_button, self.clear_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self._show_geometry()
        return self.geometry_box

    # -- state ----------------------------------------------------------------------------
    @property
    def decision(self) -> str:
        return self.decision_combo.currentData()

    @property
    def motif(self) -> str:
        return self.motif_edit.toPlainText()

    @property
    def decided_by(self) -> str:
        return self.decided_by_edit.text()

    def chosen_geometry(self) -> BaseGeometry | None:
        """The modified geometry to record: only with « Retenue avec modifications »."""
        return self.geometry if self.decision == RETENUE_MODIFIEE else None

    def _decision_changed(self) -> None:
        required = self.decision in MOTIF_REQUIRED
        self.motif_label.setText(self.tr("Motif * :") if required else self.tr("Motif :"))
        self.motif_edit.setToolTip(self.tr("Obligatoire pour cette décision (au plus {limit} "
                                           "caractères).").format(limit=MAX_MOTIF)
                                   if required else "")
        self.geometry_box.setVisible(self.decision == RETENUE_MODIFIEE)
        self.adjustSize()

    def set_geometry(self, geometry: BaseGeometry | None) -> None:
        self.geometry, self.repaired = geometry, None
        self.repair_button.hide()
        self.problem_label.hide()
        self._show_geometry()

    def _show_geometry(self) -> None:
        geometry = self.geometry
        if geometry is None:
            text = self.tr("Aucune : la forme envoyée par la commune est gardée.")
        elif geometry.geom_type == "Point":
            text = self.tr("Nouvel emplacement placé sur la carte.")
        else:
            text = self.tr("Nouvelle forme dessinée : {area}\u00a0ha (la commune l'envoyait "
                           "avec {before}\u00a0ha).").format(
                area=format_french_number(area_ha(geometry), 2),
                before=format_french_number(area_ha(self.proposal.geometry), 2))
        self.geometry_label.setText(text)
        self.clear_button.setEnabled(geometry is not None)

    def show_problem(self, message: str, repaired: BaseGeometry | None = None) -> None:
        """Why the decision was not recorded; with a corrected shape to accept when the
        drawn outline crosses itself."""
        self.problem_label.setText(message)
        self.problem_label.show()
        self.repaired = repaired
        self.repair_button.setVisible(repaired is not None)
        if repaired is not None:
            self.repair_button.setText(self.tr("Utiliser la forme corrigée ({area}\u00a0ha)")
                                       .format(area=format_french_number(area_ha(repaired),
                                                                         2)))
            self.problem_label.setStyleSheet(WARNING_STYLE)
        else:
            self.problem_label.setStyleSheet(ERROR_STYLE)

    def use_repaired(self) -> None:
        if self.repaired is not None:
            self.set_geometry(self.repaired)
