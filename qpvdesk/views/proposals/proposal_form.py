"""The form a finished shape opens: the fields of its kind, the facts its shape gives and the
checks of the model, shown next to the fields they concern. It never writes to the store; the
caller stores `result_fields()` as one undo step."""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)
from shapely.geometry.base import BaseGeometry

from ...models.proposals import (FIELD_LABELS, KIND_FIELDS, KINDS, PERIMETRE, QUARTIER_VECU,
                                 REQUIRED_FIELDS,
                                 Proposal, ProposalStore, Validation)
from ...models.frenchnum import format_french_number
from ...models.package.identity import load_identity
from ...models.proposals.geometry import area_ha, enclosed_by, polygon_parts
from ...models.proposals.vocabulary import CHOICES, HORIZON_YEARS
from ...models.search import french_order
from ..i18n import Texts
from ..model_texts import model_text
from .proposal_list import french_date
from .shape_preview import ShapePreview

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
SUMMARY_STYLE = ("QFrame#summary { border: 1px solid #b00020; border-radius: 4px; "
                 "background: #fdecee; }")
REPAIR_STYLE = ("QFrame#repair { border: 1px solid #8a5a00; border-radius: 4px; "
                "background: #fff6e0; }")
_LONG_TEXT_FIELDS = ("description", "justification")
_PLACEHOLDERS = Texts("ProposalForm", {
    "title": QT_TRANSLATE_NOOP("ProposalForm",
                               "Nom court, par exemple « Maison de santé du quartier »"),
    "description": QT_TRANSLATE_NOOP("ProposalForm", "Ce que le projet apporte aux habitants"),
    "justification": QT_TRANSLATE_NOOP("ProposalForm",
                                       "Pourquoi ce secteur doit entrer dans le QPV ou en sortir"),
    "author": QT_TRANSLATE_NOOP("ProposalForm", "Votre nom et votre service"),
    "contact": QT_TRANSLATE_NOOP("ProposalForm", "Courriel ou téléphone"),
})
# hints that depend on the kind of proposal (the defaults above are the equipment's)
_KIND_PLACEHOLDERS = {
    QUARTIER_VECU: Texts("ProposalForm", {
        "title": QT_TRANSLATE_NOOP("ProposalForm",
                                   "Nom court, par exemple « Centre-ville et marché »"),
        "description": QT_TRANSLATE_NOOP("ProposalForm",
                                         "Ce que les habitants y fréquentent\u00a0: écoles, "
                                         "commerces, transports…"),
    }),
    PERIMETRE: Texts("ProposalForm", {
        "title": QT_TRANSLATE_NOOP("ProposalForm",
                                   "Nom court, par exemple « Résidence des Tilleuls »"),
        "description": QT_TRANSLATE_NOOP("ProposalForm", "Précisions utiles (logements, "
                                                         "équipements concernés…)"),
    }),
}
_CHOOSE = QT_TRANSLATE_NOOP("ProposalForm", "— Choisir —")
_NO_YEAR = QT_TRANSLATE_NOOP("ProposalForm", "Non précisée")
_NEW_TITLES = Texts("proposal_form", {
    "equipement": QT_TRANSLATE_NOOP("proposal_form", "Nouveau projet d'équipement"),
    "quartier_vecu": QT_TRANSLATE_NOOP("proposal_form", "Nouveau quartier vécu"),
    "perimetre": QT_TRANSLATE_NOOP("proposal_form",
                                   "Nouvelle demande de modification de périmètre"),
})


def _new_title(kind: str) -> str:
    return _NEW_TITLES.get(kind, model_text(KINDS[kind]))


class ProposalForm(QDialog):
    """The form of one proposal: new (``proposal`` None) or edited.

    ``geometry`` is the drawn shape (EPSG:2154); for an edit it defaults to the proposal's.
    When the user accepts the repaired outline of a self-intersecting polygon, the form uses it
    from then on, keeps it in ``repaired_geometry`` and emits ``geometry_repaired``: the caller
    stores that shape instead of the drawn one (and shows it on the map).
    """

    geometry_repaired = Signal(object)

    def __init__(self, store: ProposalStore, kind: str, geometry: BaseGeometry | None = None,
                 proposal: Proposal | None = None, parent: QWidget | None = None,
                 decision=None) -> None:
        """``decision``: what the agglomeration's latest response says of the proposal (a
        ProposalState), shown read-only."""
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.proposal = proposal
        self.decision = decision
        self.geometry = geometry if geometry is not None else proposal.geometry
        self.drawn_geometry = self.geometry   # kept for the preview once a repair is used
        self.repaired_geometry: BaseGeometry | None = None
        self._offered_repair: BaseGeometry | None = None
        self._result: dict[str, object] | None = None
        self._checking = False
        self.inputs: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Modifier « {label} »").format(label=proposal.label)
                            if proposal else _new_title(kind))
        self.setMinimumWidth(560)
        self._build()
        self._fill()
        self._connect_facts()
        self.refresh_facts()
        self._show_shape_problems(self._validate())

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("<b>{kind}</b> — les champs marqués d'un astérisque (*) sont "
                               "obligatoires.").format(kind=model_text(KINDS[self.kind])))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QFrame(objectName="summary")
        self.summary.setStyleSheet(SUMMARY_STYLE)
        summary_layout = QVBoxLayout(self.summary)
        self.summary_label = QLabel(wordWrap=True)
        self.summary_label.setStyleSheet(ERROR_STYLE)
        summary_layout.addWidget(self.summary_label)
        self.summary.hide()
        layout.addWidget(self.summary)

        fields_widget = QWidget()
        form = QFormLayout(fields_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for name in KIND_FIELDS[self.kind]:
            required = name in REQUIRED_FIELDS[self.kind]
            label = QLabel(self._colon(model_text(FIELD_LABELS[name])
                                       + (" *" if required else "")))
            editor = self._editor(name)
            label.setBuddy(editor)
            error = QLabel(wordWrap=True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(editor)
            cell_layout.addWidget(error)
            form.addRow(label, cell)
            self.inputs[name] = editor
            self.error_labels[name] = error
        layout.addWidget(fields_widget)
        layout.addStretch(1)
        if self.decision is not None:
            layout.addWidget(self._decision_box())
        layout.addWidget(self._facts_box())
        self.warning_label = QLabel(wordWrap=True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.hide()
        layout.addWidget(self.warning_label)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Enregistrer"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _colon(self, label: str) -> str:
        """« Titre * : » in French, "Title *:" in English."""
        return self.tr("{label}\u00a0:").format(label=label)

    def _placeholder(self, name: str) -> str:
        return _KIND_PLACEHOLDERS.get(self.kind, {}).get(name, _PLACEHOLDERS.get(name, ""))

    def _editor(self, name: str) -> QWidget:
        if name in _LONG_TEXT_FIELDS:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(self._placeholder(name))
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
            return editor
        if name in CHOICES:
            combo = QComboBox()
            combo.addItem(self.tr(_CHOOSE), None)
            for code, label in CHOICES[name].items():
                combo.addItem(model_text(label), code)
            return combo
        if name == "qpv_code":
            combo = QComboBox()
            # long QPV names must not squeeze the labels
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
            combo.addItem(self.tr("— Aucun —"), None)
            territory = self.store.territory
            for code in sorted(territory.qpv.codes,
                               key=lambda code: french_order(territory.qpv_name(code))):
                combo.addItem(f"{territory.qpv_name(code)} ({code})", code)
            return combo
        if name == "horizon_year":
            spin = QSpinBox()
            low, high = HORIZON_YEARS
            spin.setRange(low - 1, high)    # the value below the range means « not given »
            spin.setSpecialValueText(self.tr(_NO_YEAR))
            spin.setGroupSeparatorShown(False)
            spin.setValue(low - 1)
            return spin
        editor = QLineEdit()
        editor.setPlaceholderText(self._placeholder(name))
        editor.setClearButtonEnabled(True)
        return editor

    def _decision_box(self) -> QGroupBox:
        """What the agglomeration decided, read-only: its word, not the commune's to edit."""
        decision = self.decision
        box = QGroupBox(self.tr("Décision de l'agglomération"))
        box.setObjectName("decision")
        form = QFormLayout(box)
        when = french_date(decision.decided_at or "")
        rows = [(self.tr("Décision"), model_text(decision.label)),
                (self.tr("Motif"), decision.motif or "—"),
                (self.tr("Décidé par"), decision.decided_by or "—"),
                (self.tr("Décidé le"), when or "—")]
        if decision.geometry is not None:
            shape = (self.tr("nouvel emplacement, sur la carte (carré bleu)")
                     if decision.geometry.geom_type == "Point" else
                     self.tr("{area} ha, sur la carte (contour bleu foncé)")
                     .format(area=format_french_number(area_ha(decision.geometry), 2)))
            rows.append((self.tr("Géométrie modifiée"), shape))
        self.decision_labels: dict[str, str] = {}
        for label, value in rows:
            field = QLabel(value, wordWrap=True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self._colon(label), field)
            self.decision_labels[label] = value
        return box

    def _facts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Caractéristiques"))
        layout = QVBoxLayout(box)
        self.facts_layout = QFormLayout()
        layout.addLayout(self.facts_layout)
        self.shape_error_label = QLabel(wordWrap=True)
        self.shape_error_label.setStyleSheet(ERROR_STYLE)
        self.shape_error_label.hide()
        layout.addWidget(self.shape_error_label)
        self.repair_frame = QFrame(objectName="repair")
        self.repair_frame.setStyleSheet(REPAIR_STYLE)
        repair_layout = QHBoxLayout(self.repair_frame)
        self.repair_preview = ShapePreview(self.geometry)
        self.repair_label = QLabel(wordWrap=True)
        self.repair_label.setTextFormat(Qt.TextFormat.RichText)
        self.repair_button = QPushButton(self.tr("Utiliser la forme corrigée"))
        self.repair_button.clicked.connect(self.use_repaired_shape)
        explanation = QVBoxLayout()
        explanation.addWidget(self.repair_label, 1)
        explanation.addWidget(self.repair_button, 0, Qt.AlignmentFlag.AlignRight)
        repair_layout.addWidget(self.repair_preview, 0, Qt.AlignmentFlag.AlignTop)
        repair_layout.addLayout(explanation, 1)
        self.repair_frame.hide()
        layout.addWidget(self.repair_frame)
        return box

    def _connect_facts(self) -> None:
        for name in ("qpv_code", "nature"):
            if name in self.inputs:
                self.inputs[name].currentIndexChanged.connect(self.refresh_facts)
        for editor in self.inputs.values():
            changed = (editor.currentIndexChanged if isinstance(editor, QComboBox)
                       else editor.valueChanged if isinstance(editor, QSpinBox)
                       else editor.textChanged)
            changed.connect(self._recheck)

    def _recheck(self) -> None:
        """After a first « Enregistrer », each problem goes as soon as its field is put right
        (and comes back if it is undone)."""
        if self._checking:
            self.show_problems(self._validate())

    # -- values ---------------------------------------------------------------------------

    def _fill(self) -> None:
        if self.proposal is None:
            suggested = self.store.suggest_qpv(self.geometry) if "qpv_code" in self.inputs \
                else None
            # who draws is who the first-run assistant was told
            identity = load_identity(self.store.workspace)
            values: Mapping[str, object] = {"qpv_code": suggested,
                                            "author": identity.contact_name,
                                            "contact": identity.contact_email}
        else:
            values = self.proposal.editable_fields()
        for name, editor in self.inputs.items():
            self._set_value(editor, values.get(name))

    @staticmethod
    def _set_value(editor: QWidget, value: object) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value) if value else editor.minimum())
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value or ""))
        else:
            editor.setText(str(value or ""))

    @staticmethod
    def _value(editor: QWidget) -> object:
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            return None if editor.value() == editor.minimum() else editor.value()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return editor.text()

    def raw_fields(self) -> dict[str, object]:
        """What the form holds now, over the edited proposal's other fields."""
        base = self.proposal.editable_fields() if self.proposal else {}
        return {**base, **{name: self._value(editor) for name, editor in self.inputs.items()}}

    def result_fields(self) -> dict[str, object] | None:
        """The cleaned fields (codes, int year, 2024 QPV code) once saved; None before."""
        return self._result

    # -- facts and checks -----------------------------------------------------------------

    def refresh_facts(self) -> None:
        while self.facts_layout.rowCount():
            self.facts_layout.removeRow(0)
        if not self.geometry.is_valid:
            self.facts_layout.addRow(QLabel(self.tr("Mesures indisponibles tant que le contour se "
                                                    "recoupe.")))
            return
        fields = self.raw_fields()
        facts = self.store.facts(self.kind, self.geometry, fields.get("qpv_code"),
                                 fields.get("nature"))
        rows = facts.rows()
        if self.geometry.geom_type == "Point":
            rows = [row for row in rows if row[0] != "Surface"]    # always 0 ha
        for label, value in rows:
            value_label = QLabel(model_text(value), wordWrap=True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts_layout.addRow(self._colon(model_text(label)), value_label)
        if self.kind == PERIMETRE and facts.added_ha is None and facts.removed_ha is None:
            self.facts_layout.addRow(QLabel(self.tr("Choisissez le QPV et la nature de la demande "
                                                    "pour voir la surface ajoutée ou retirée.")))

    def _validate(self) -> Validation:
        return self.store.validate(self.kind, self.geometry, self.raw_fields())

    def _show_shape_problems(self, validation: Validation) -> None:
        # the repair offer already says the outline crosses itself
        shape_errors = [] if validation.repaired is not None else \
            validation.errors_for("geometry")
        self.shape_error_label.setText("\n".join(shape_errors))
        self.shape_error_label.setVisible(bool(shape_errors))
        self._offered_repair = validation.repaired
        if validation.repaired is not None:
            self._describe_repair(validation.repaired, accepted=False)
        self.repair_frame.setVisible(validation.repaired is not None
                                     or self.repaired_geometry is not None)
        warnings = [problem.message for problem in validation.warnings]
        warnings += self._outside_own_commune()
        attention = self.tr("Attention\u00a0: {text}")
        self.warning_label.setText(
            "\n".join(attention.format(text=text) for text in warnings)
            + (self.tr("\nVous pouvez tout de même enregistrer.") if warnings else ""))
        self.warning_label.setVisible(bool(warnings))

    def _outside_own_commune(self) -> list[str]:
        """A warning when the shape lies outside the user's commune (first-run identity)."""
        own = load_identity(self.store.workspace).commune_insee
        if self.proposal is not None or not own or not self.geometry.is_valid:
            return []
        territory = self.store.territory
        try:
            own_name = territory.commune_name(own)
        except (KeyError, IndexError, ValueError):
            return []
        communes = territory.commune_codes(self.geometry)
        if own in communes:
            return []
        others = ", ".join(territory.commune_name(code) for code in communes)
        if not others:
            return [self.tr("La proposition est hors de votre commune ({own}).")
                    .format(own=own_name)]
        return [self.tr("La proposition est hors de votre commune ({own})\u00a0: elle se "
                        "trouve à {others}.").format(own=own_name, others=others)]

    def show_problems(self, validation: Validation) -> None:
        """Each error next to its field and all of them in the summary; warnings below."""
        for name, label in self.error_labels.items():
            messages = validation.errors_for(name)
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        self._show_shape_problems(validation)
        count = len(validation.errors)
        if count:
            heading = (self.tr("Une correction est nécessaire avant d'enregistrer\u00a0:")
                       if count == 1 else
                       self.tr("{count} corrections sont nécessaires avant d'enregistrer\u00a0:")
                       .format(count=count))
            items = "".join(f"<li>{problem.message}</li>" for problem in validation.errors)
            self.summary_label.setText(f"<b>{heading}</b><ul style='margin:0'>{items}</ul>")
        self.summary.setVisible(bool(count))

    def _describe_repair(self, corrected: BaseGeometry, accepted: bool) -> None:
        """The drawn and corrected areas side by side, and the corrected shape drawn over
        the outline in the preview."""
        parts = len(polygon_parts(corrected))
        drawn = format_french_number(area_ha(enclosed_by(self.drawn_geometry)), 2)
        kept = format_french_number(area_ha(corrected), 2)
        pieces = (self.tr("d'un seul tenant") if parts == 1 else
                  self.tr("en {count} parties").format(count=parts))
        if accepted:
            text = self.tr("<b>Forme corrigée utilisée</b> (en vert)\u00a0: {kept}\u00a0ha "
                           "{pieces}, pour {drawn}\u00a0ha entourés par le contour dessiné (en "
                           "pointillés rouges).")
        else:
            text = self.tr("<b>Le contour dessiné se recoupe lui-même</b> (en pointillés "
                           "rouges). La forme corrigée (en vert) garde tout ce qu'il entoure, "
                           "{pieces}\u00a0: {kept}\u00a0ha, pour {drawn}\u00a0ha dessinés.")
        self.repair_label.setText(text.format(kept=kept, drawn=drawn, pieces=pieces))
        self.repair_preview.set_shapes(self.drawn_geometry, corrected)
        self.repair_button.setVisible(not accepted)

    def use_repaired_shape(self) -> None:
        if self._offered_repair is None:
            return
        self.geometry = self.repaired_geometry = self._offered_repair
        self._describe_repair(self.repaired_geometry, accepted=True)
        self.geometry_repaired.emit(self.repaired_geometry)
        self.refresh_facts()
        self._show_shape_problems(self._validate())
        if self._checking:
            self.show_problems(self._validate())

    def save(self) -> None:
        self._checking = True     # from now on each field is checked as it changes
        validation = self._validate()
        self.show_problems(validation)
        if not validation.ok:
            first = next((problem.field for problem in validation.errors
                          if problem.field in self.inputs), None)
            if first:
                self.inputs[first].setFocus()
            return
        self._result = validation.fields
        self.accept()
