"""The workshop, full screen on its QPV: participants take turns, each draws « mon quartier »
and places pins, with large controls in plain French, by mouse or touch. Every contribution
is stored at once (models/atelier/store.py); the window only shows what the store holds.
Escape leaves full screen after the facilitator confirms; « Synthèse » shows where the
participants agree and makes the proposal."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QMainWindow, QMenu, QMessageBox, QStackedWidget,
                               QWidget)

from ...models.atelier.store import AtelierStore
from ...models.frenchnum import format_french_date
from ...models.map.map_state import MapState
from ...models.map.styles import LAYERS
from ...models.map.viewport import Viewport
from ...render.atelier_map import neutral_schools, plain_schools
from ...render.compose import MapComposer
from ..map.canvas import MapCanvas
from .big_controls import QUIET, big_button, set_screen_height, text_size
from .map_buttons import MapButtons
from .overlays import ContributionOverlay
from .participant_steps import ParticipantSteps
from .side_panel import SidePanel
from .touch_tool import NAVIGATE, WorkshopTool

SCREEN_LAYERS = frozenset({"communes", "cites", "terrils", "colleges"})
NAMED_LAYERS = frozenset({"cites", "terrils"})
SURROUNDINGS_M = 350.0
PANEL_SHARE, PANEL_MIN, PANEL_MAX = 0.3, 350, 560
ZOOM_STEP = 1.6


@dataclass
class WorkshopContext:
    """What a workshop window needs from the app."""
    reference: object              # ReferenceStore
    atelier: AtelierStore
    proposals: object              # ProposalStore (territory, and where proposals go)
    layers: dict                   # the map's loaded layers
    basemap_path: str | None = None


class WorkshopComposer(MapComposer):
    """The app's map with what residents find their way by named: the cités minières and
    the terrils (« Cité 12 », « Terril 94 »), besides the communes; the collèges all alike,
    never in a pin's shape or colour."""

    def __call__(self, viewport: Viewport):
        request = plain_schools(super().__call__(viewport))
        for spec in request.layers:
            spec.labelled = spec.labelled or spec.layer.id in NAMED_LAYERS
        return request


def workshop_composer(context: WorkshopContext) -> MapComposer:
    layer_ids = [info.id for info in LAYERS]
    state = MapState.default(layer_ids, hidden=set(layer_ids) - SCREEN_LAYERS)
    state.basemap_path = context.basemap_path   # an offline basemap helps find one's street
    return WorkshopComposer(context.reference, neutral_schools(context.layers), state)


class WorkshopWindow(QMainWindow):
    """A main window of its own (it places itself, full screen): the app's filter that fits
    and centres secondary windows must leave it alone."""
    proposal_created = Signal(object)      # the Proposal made from a contour

    def __init__(self, context: WorkshopContext, workshop_uuid: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        set_screen_height(screen.geometry().height())
        self.context, self.store = context, context.atelier
        self.workshop = context.atelier.workshop(workshop_uuid)
        territory = context.proposals.territory
        self.qpv_name = territory.qpv_name(self.workshop.qpv_code)
        self.qpv_geometry = territory.qpv_geometry(self.workshop.qpv_code)
        self.setWindowTitle(self.tr("Atelier d'habitants — {name}").format(name=self.qpv_name))
        self._build()
        self.steps = ParticipantSteps(self, self.workshop)
        self.steps.begin()

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        xmin, ymin, xmax, ymax = self.qpv_geometry.buffer(SURROUNDINGS_M).bounds
        self.home_box = (xmin, ymin, xmax, ymax)
        self.canvas = MapCanvas(workshop_composer(self.context),
                                Viewport.fit(self.home_box, 1000, 700, 0.02))
        self.canvas.enable_touch()
        self.canvas.setAccessibleName(self.tr("Carte de l'atelier"))
        self.overlay = ContributionOverlay(self.canvas, self.qpv_geometry)
        self.tool = WorkshopTool(self.canvas, self.overlay.paint)
        self.canvas.set_tool(self.tool)
        self.tool.set_mode(NAVIGATE)
        self.panel = SidePanel()
        self.panel.where.setText(self.tr("Atelier du {date} — {qpv}{place}").format(
            date=format_french_date(self.workshop.held_on), qpv=self.qpv_name,
            place=f" — {self.workshop.place}" if self.workshop.place else ""))
        buttons = MapButtons(self.canvas)
        buttons.add("+", lambda: self.canvas.zoom_by(ZOOM_STEP), self.tr("Rapprocher la carte"))
        buttons.add("−", lambda: self.canvas.zoom_by(1 / ZOOM_STEP),
                    self.tr("Éloigner la carte"))
        buttons.add("⌂", self.recentre, self.tr("Revenir sur le quartier"))
        self.facilitator_menu = self._facilitator_menu()
        facilitator = big_button(self.tr("Animation…"), None, QUIET, 12)
        facilitator.setObjectName("facilitator")
        facilitator.setToolTip(self.tr("Réservé à l'animateur ou l'animatrice : montrer les "
                                       "dessins des autres, synthèse, quitter"))
        facilitator.setMenu(self.facilitator_menu)
        self.panel.facilitator.addWidget(facilitator)
        self.side = QStackedWidget()
        self.side.addWidget(self.panel)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.side)
        self.setCentralWidget(central)
        escape = QAction(self.tr("Quitter le plein écran"), self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.triggered.connect(self.leave_full_screen)
        self.addAction(escape)

    def _facilitator_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setStyleSheet(f"QMenu {{ {text_size(14)}; }} QMenu::item {{ padding: 16px 28px; }}")
        self.show_others = menu.addAction(self.tr("Montrer les dessins des autres"))
        self.show_others.setCheckable(True)
        self.show_others.toggled.connect(self._toggle_others)
        menu.addSeparator()
        self.synthesis_action = menu.addAction(self.tr("Synthèse de l'atelier"))
        self.synthesis_action.triggered.connect(self.show_synthesis)
        menu.addAction(self.tr("Quitter le plein écran")).triggered.connect(
            self.leave_full_screen)
        menu.addAction(self.tr("Quitter l'atelier (tout est enregistré)")).triggered.connect(
            self.close)
        return menu

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = round(screen.width() * PANEL_SHARE)
            self.side.setFixedWidth(max(PANEL_MIN, min(PANEL_MAX, width)))
        super().showEvent(event)
        self.centralWidget().layout().activate()      # the map gets its size now, and is fitted to it

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Full screen on or off, another screen: the quartier fills the map again."""
        super().resizeEvent(event)
        self.centralWidget().layout().activate()
        self.recentre()

    def recentre(self) -> None:
        self.canvas.zoom_to(self.home_box, margin=0.02)

    # -- facilitator --------------------------------------------------------------------------
    def _toggle_others(self, shown: bool) -> None:
        self.overlay.show_others = shown
        self.canvas.update()

    def show_synthesis(self) -> None:
        from .synthesis_panel import SynthesisPanel   # shapely overlay, PDF: when asked

        panel = SynthesisPanel(self)
        self.side.addWidget(panel)
        self.side.setCurrentWidget(panel)
        self.tool.set_mode(NAVIGATE)
        self.tool.overlay = panel.paint_on_map
        self.canvas.update()

    def back_to_workshop(self, panel: QWidget) -> None:
        self.side.setCurrentWidget(self.panel)
        self.side.removeWidget(panel)
        panel.deleteLater()
        self.tool.overlay = self.overlay.paint
        self.steps.show_actions()

    def leave_full_screen(self) -> None:
        if not self.isFullScreen():
            self.close()            # as every secondary window: all is saved already
            return
        answer = QMessageBox.question(
            self, self.tr("Quitter le plein écran"),
            self.tr("Quitter le plein écran ? (Réservé à l'animateur ou l'animatrice : "
                    "l'atelier continue dans une fenêtre ; tout est déjà enregistré.)"))
        if answer == QMessageBox.StandardButton.Yes:
            self.showMaximized()     # a window as large as the screen, with its title bar
