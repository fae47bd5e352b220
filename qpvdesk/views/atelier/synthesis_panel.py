"""The synthesis screen of a workshop: on the map, how many participants' drawings cover
each place (coloured by share), the contours at each threshold and the places named; beside
it, the areas and the share outside the QPV, the pins counted, and what the facilitator does
with it: « Créer la proposition », export (contours and counts only, unless the individual
anonymous drawings are explicitly included), the synthesis PDF."""
from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QMessageBox,
                               QVBoxLayout)

from ...models.atelier.consensus import Level
from ...models.atelier.export import ExportFailed, workshop_document, write_geojson
from ...models.atelier.synthesis import MIN_AGREEING, create_proposal, synthesize
from ...models.database_problems import DatabaseProblem
from ...models.frenchnum import format_french_number, format_french_percent
from ...render.atelier_map import (agreement_legend, paint_contours, paint_frequency,
                                   paint_places, paint_qpv_outline)
from ..file_dialogs import save_path
from .big_controls import PRIMARY, QUIET, SECONDARY, big_button, big_check_box, big_label
from .side_panel import PANEL_STYLE, vertical_scroll
from .texts import place_text


class SynthesisPanel(QFrame):
    def __init__(self, window) -> None:
        super().__init__()
        self.setObjectName("atelier_side_panel")
        self.setStyleSheet(PANEL_STYLE)
        self.window_ = window
        context = window.context
        self.synthesis = synthesize(context.atelier, window.workshop.uuid,
                                    context.proposals.territory)
        self.chosen: float | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(big_label(self.tr("Synthèse de l'atelier"), 20, bold=True,
                                   colour="#3f007d"))
        scroll, body = vertical_scroll()
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        self.message = big_label("", 12, colour="#1a6b35")
        self.message.setObjectName("synthesis_message")
        self._fill()
        layout.addWidget(self.message)
        layout.addWidget(big_button(self.tr("Retour à l'atelier"),
                                    lambda: window.back_to_workshop(self), QUIET, 13))

    # -- content ------------------------------------------------------------------------------
    def _fill(self) -> None:
        synthesis, column = self.synthesis, self.column
        pins = sum(item.pins for item in synthesis.place_counts)
        column.addWidget(big_label(self.counts_text(synthesis.participants,
                                                    synthesis.drawings, pins), 13))
        if synthesis.consensus is None:
            column.addWidget(big_label(self.tr(
                "Personne n'a encore dessiné son quartier : la carte de l'accord apparaîtra "
                "avec le premier dessin."), 13, colour="#a3120f"))
        self.create = big_button(self.tr("Créer la proposition"), self.create_proposal,
                                 PRIMARY)
        self.create.setObjectName("create_proposal")
        self.create.setEnabled(False)
        if synthesis.consensus is not None:
            self._legend()
            self._levels()
            column.addWidget(self.create)
        self._places()
        self.include = big_check_box(self.tr("Inclure les dessins\nindividuels (anonymes)"))
        self.include.setToolTip(self.tr("Sans cette case, l'export ne contient que les "
                                        "contours d'accord et les comptes."))
        self.include.setObjectName("include_individual")
        self.include.setChecked(False)
        for widget in (self.include,
                       big_button(self.tr("Exporter la synthèse…"), self.export_geojson,
                                  SECONDARY, 13),
                       big_button(self.tr("Synthèse PDF…"), self.export_pdf, SECONDARY, 13)):
            column.addWidget(widget)
        column.addStretch(1)

    def _legend(self) -> None:
        self.column.addWidget(big_label(self.tr("Part des participants qui ont dessiné "
                                                "chaque lieu :"), 12, bold=True))
        for colour, text in agreement_legend([level.threshold
                                              for level in self.synthesis.levels]):
            row = QHBoxLayout()
            swatch = QLabel()
            swatch.setFixedSize(34, 22)
            swatch.setStyleSheet(f"background: {colour.name()}; border: 1px solid #555;")
            row.addWidget(swatch)
            row.addWidget(big_label(text, 11), 1)
            self.column.addLayout(row)

    def _levels(self) -> None:
        self.column.addWidget(big_label(self.tr("Choisissez le contour à proposer :"), 12,
                                        bold=True))
        self.levels = QButtonGroup(self)
        for level in self.synthesis.levels:
            button = big_button(self.level_text(level), kind=SECONDARY, points=12)
            button.setCheckable(True)
            button.setObjectName(f"level_{level.threshold}")
            button.setEnabled(not level.geometry.is_empty)
            button.setStyleSheet(button.styleSheet() + "QPushButton:checked { background: "
                                                       "#5b2a86; color: #ffffff; }")
            button.toggled.connect(lambda on, value=level.threshold: on and self.choose(value))
            self.levels.addButton(button)
            self.column.addWidget(button)

    def _places(self) -> None:
        clusters = self.synthesis.clusters
        self.column.addWidget(big_label(self.tr("Lieux cités (sur la carte, le chiffre dit "
                                                "combien de personnes) :"), 12, bold=True))
        if not clusters:
            self.column.addWidget(big_label(self.tr("Aucun lieu n'a été placé."), 11))
        for item in clusters:
            people = (self.tr("1 personne") if item.participants == 1
                      else self.tr("{count} personnes").format(count=item.participants))
            pins = (self.tr("1 épingle") if item.pins == 1
                    else self.tr("{count} épingles").format(count=item.pins))
            self.column.addWidget(big_label(f"{place_text(item.place_kind, item.category)} : "
                                            f"{people}, {pins}", 11))

    def level_text(self, level: Level) -> str:
        text = self.tr("Au moins {share} des participants\n{area} ha").format(
            share=format_french_percent(level.threshold),
            area=format_french_number(level.area_ha, 1))
        if level.share_outside is not None:      # on the room's screen: no acronym
            text += self.tr("\n{share} hors du quartier prioritaire").format(
                share=format_french_percent(level.share_outside))
        return text

    def counts_text(self, participants: int, drew: int, pins: int) -> str:
        """« 5 participants ; 4 ont dessiné leur quartier ; 1 lieu placé. » (French: 0 and 1
        in the singular)."""
        people = (self.tr("{count} participant") if participants <= 1
                  else self.tr("{count} participants")).format(count=participants)
        drawn = (self.tr("{count} a dessiné son quartier") if drew <= 1
                 else self.tr("{count} ont dessiné leur quartier")).format(count=drew)
        places = (self.tr("{count} lieu placé") if pins <= 1
                  else self.tr("{count} lieux placés")).format(count=pins)
        return f"{people} ; {drawn} ; {places}."

    # -- the map ----------------------------------------------------------------------------
    def paint_on_map(self, painter: QPainter) -> None:
        canvas = self.window_.canvas
        viewport = canvas.viewport
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        agreement = self.synthesis.consensus
        if agreement is not None:
            thresholds = [level.threshold for level in agreement.levels]
            paint_frequency(painter, viewport, agreement.faces, agreement.shares(), thresholds,
                            0.75)
            paint_contours(painter, viewport, agreement.levels, 2.0, self.chosen)
        paint_qpv_outline(painter, viewport, self.window_.qpv_geometry)
        paint_places(painter, viewport, self.synthesis.clusters, 32, 16)

    # -- what the facilitator does with it ----------------------------------------------------
    def choose(self, threshold: float) -> None:
        self.chosen = threshold
        level = self.synthesis.consensus.level(threshold)
        agreed = level.min_count >= MIN_AGREEING
        self.create.setEnabled(agreed)
        self.message.setText("" if agreed else self.tr(
            "À ce seuil, un seul dessin suffit : ce n'est pas un accord. Choisissez un seuil "
            "plus haut pour créer la proposition."))
        self.window_.canvas.update()

    def create_proposal(self) -> None:
        if self.chosen is None:
            return
        try:
            proposal = create_proposal(self.window_.context.proposals, self.synthesis,
                                       self.chosen)
        except (ValueError, DatabaseProblem) as exc:   # InvalidProposal is a ValueError
            QMessageBox.warning(self, self.tr("Proposition non créée"), str(exc))
            return
        self.create.setEnabled(False)
        self.message.setText(self.tr(
            "Proposition « {title} » créée : elle figure dans le panneau Propositions et peut "
            "être envoyée dans un paquet signé.").format(title=proposal.title))
        self.window_.proposal_created.emit(proposal)

    def export_geojson(self) -> None:
        path = save_path(self, self.tr("Exporter la synthèse de l'atelier"),
                         f"atelier_{self.synthesis.workshop.held_on}.geojson",
                         self.tr("GeoJSON (*.geojson)"))
        if not path:
            return
        store = self.window_.context.atelier
        try:
            written = write_geojson(workshop_document(self.synthesis, store,
                                                      self.include.isChecked()), path)
        except ExportFailed as exc:
            QMessageBox.warning(self, self.tr("Export impossible"), str(exc))
            return
        self.message.setText(self.tr("Synthèse exportée : {path}").format(path=written))

    def export_pdf(self) -> None:
        from ...render.atelier_pdf import page_from_synthesis, write_atelier_pdf

        path = save_path(self, self.tr("Enregistrer la synthèse PDF"),
                         f"atelier_{self.synthesis.workshop.held_on}.pdf",
                         self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            write_atelier_pdf(page_from_synthesis(self.window_.context.reference,
                                                  self.synthesis, self.chosen), path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("PDF impossible"), str(exc))
            return
        self.message.setText(self.tr("Synthèse PDF enregistrée : {path}").format(path=path))
