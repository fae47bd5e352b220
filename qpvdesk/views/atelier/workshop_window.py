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
from shapely.geometry import Point

from ...models.atelier.store import AtelierStore
from ...models.atelier.vocabulary import (AGE_BANDS, FREQUENT, KINDS_WITH_CATEGORY, MISSING,
                                          PLACE_CATEGORIES, UNEASY)
from ...models.atelier.workshop import InvalidContribution, drawing_problem
from ...models.database_problems import DatabaseProblem
from ...models.frenchnum import format_french_date
from ...models.map.map_state import MapState
from ...models.map.styles import LAYERS
from ...models.map.viewport import Viewport
from ...models.proposals.geometry import repaired_shape
from ...render.compose import MapComposer
from ..map.canvas import MapCanvas
from .big_controls import QUIET, big_button, set_screen_height, text_size
from .map_buttons import MapButtons
from .overlays import ContributionOverlay, marker_icon
from .side_panel import PRIMARY, Choice, SidePanel
from .texts import age_text, category_text, place_text
from .touch_tool import DRAW, NAVIGATE, PLACE, WorkshopTool

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
    the terrils (« Cité 12 », « Terril 94 »), besides the communes."""

    def __call__(self, viewport: Viewport):
        request = super().__call__(viewport)
        for spec in request.layers:
            spec.labelled = spec.labelled or spec.layer.id in NAMED_LAYERS
        return request


def workshop_composer(context: WorkshopContext) -> MapComposer:
    layer_ids = [info.id for info in LAYERS]
    state = MapState.default(layer_ids, hidden=set(layer_ids) - SCREEN_LAYERS)
    state.basemap_path = context.basemap_path   # an offline basemap helps find one's street
    return WorkshopComposer(context.reference, context.layers, state)


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
        self.workshop = self.store.workshop(workshop_uuid)
        territory = context.proposals.territory
        self.qpv_name = territory.qpv_name(self.workshop.qpv_code)
        self.qpv_geometry = territory.qpv_geometry(self.workshop.qpv_code)
        self.participant = None
        self._pending_place: tuple[str, str | None] | None = None   # kind and category
        self.setWindowTitle(self.tr("Atelier d'habitants — {name}").format(name=self.qpv_name))
        self._build()
        self._begin()

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
        self.tool.outline_closed.connect(self._outline_closed)
        self.tool.outline_changed.connect(self._outline_changed)
        self.tool.place_tapped.connect(self._place_tapped)
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

    # -- participants ---------------------------------------------------------------------------
    def _begin(self) -> None:
        current = self.store.current_participant(self.workshop.uuid)
        if current is None:
            self._new_participant()
        else:
            self._set_participant(current)
            self.panel.say(self.tr("Atelier repris : c'est toujours au tour du "
                                   "participant {number}.").format(number=current.number))

    def _new_participant(self) -> None:
        if self.workshop.ask_residence:
            self._ask_residence()
        elif self.workshop.ask_age:
            self._ask_age(None)
        else:
            self._start_participant(None, None)

    def _ask_residence(self) -> None:
        self._next_number_title()
        self.panel.show_step(self.tr("Habitez-vous le quartier ?"), "", [
            Choice(self.tr("Oui"), lambda: self._after_residence(True), name="lives_yes"),
            Choice(self.tr("Non"), lambda: self._after_residence(False), name="lives_no"),
            Choice(self.tr("Je préfère ne pas répondre"), lambda: self._after_residence(None),
                   name="lives_skip")])

    def _after_residence(self, lives: bool | None) -> None:
        if self.workshop.ask_age:
            self._ask_age(lives)
        else:
            self._start_participant(lives, None)

    def _ask_age(self, lives: bool | None) -> None:
        self._next_number_title()
        choices = [Choice(age_text(band), lambda band=band: self._start_participant(lives, band),
                          name=f"age_{band}") for band in AGE_BANDS]
        choices.append(Choice(self.tr("Je préfère ne pas répondre"),
                              lambda: self._start_participant(lives, None), name="age_skip",
                              wide=True))
        self.panel.show_step(self.tr("Quel âge avez-vous ?"), "", choices, columns=2)

    def _next_number_title(self) -> None:
        number = self.workshop.participant_count + 1
        self.panel.who.setText(self.tr("Participant {number}").format(number=number))
        self.panel.say("")

    def _start_participant(self, lives: bool | None, age: str | None) -> None:
        participant = self._stored(self.store.start_participant, self.workshop.uuid, lives, age)
        if participant is None:
            return
        self.workshop = self.store.workshop(self.workshop.uuid)
        self._set_participant(participant)
        self.panel.say(self.tr("Bienvenue ! Personne ne voit votre nom : vous êtes le "
                               "participant {number}.").format(number=participant.number))

    def _set_participant(self, participant) -> None:
        self.participant = participant
        self.panel.who.setText(self.tr("Participant {number}").format(number=participant.number))
        self._refresh()
        self.show_actions()

    def _contributions(self):
        return self.store.contributions(self.workshop.uuid)

    def _own(self):
        return [item for item in self._contributions()
                if item.participant == self.participant.number]

    def _refresh(self) -> None:
        self.overlay.set_contributions(self._contributions(), self.participant.number)

    # -- the participant's steps ----------------------------------------------------------------
    def show_actions(self) -> None:
        self.tool.set_mode(NAVIGATE)
        own = self._own()
        self.panel.show_step(self.tr("À vous !"), self.tr(
            "Dessinez votre quartier tel que vous le vivez, puis ajoutez les lieux qui "
            "comptent pour vous. Faites glisser la carte pour la déplacer."), [
            Choice(self.tr("Dessiner mon quartier"), self.start_drawing, PRIMARY, name="draw"),
            Choice(self.tr("Ajouter un lieu"), self.choose_place_kind, name="add_place"),
            Choice(self.tr("Annuler"), self.undo, enabled=bool(own), name="undo"),
            Choice(self.tr("Participant suivant"), self.next_participant, name="next")])

    def start_drawing(self) -> None:
        self.tool.set_mode(DRAW)
        self.panel.say("")
        self.panel.show_step(self.tr("Dessinez votre quartier"), self.tr(
            "Touchez les coins de votre quartier un par un, ou suivez son contour avec le "
            "doigt ou la souris. Touchez le premier point pour fermer, ou « J'ai fini »."), [
            Choice(self.tr("J'ai fini"), self._finish_drawing, PRIMARY, enabled=False,
                   name="finish"),
            Choice(self.tr("Annuler le dernier point"), self._remove_corner, name="undo"),
            Choice(self.tr("Abandonner ce dessin"), self.show_actions, name="back")])

    def _outline_changed(self, corners: int) -> None:
        finish = self.panel.buttons.get("finish")
        if finish is not None and self.tool.mode == DRAW:
            finish.setEnabled(corners >= 3)

    def _finish_drawing(self) -> None:
        if not self.tool.finish():
            self.panel.say(self.tr("Il faut au moins trois points pour entourer votre "
                                   "quartier."), warning=True)

    def _remove_corner(self) -> None:
        if not self.tool.remove_last_corner():
            self.show_actions()

    def _outline_closed(self, polygon) -> None:
        problem = drawing_problem(polygon)
        if problem is None:
            self._save_drawing(polygon)
            return
        repaired = repaired_shape(polygon) if polygon.geom_type == "Polygon" else None
        if "recoupe" in problem and repaired is not None:
            self.canvas.set_highlight(repaired)
            self.panel.show_step(self.tr("Votre dessin se croise"), self.tr(
                "Le contour passe deux fois au même endroit. Vous pouvez le recommencer, ou "
                "garder la forme entourée en bleu."), [
                Choice(self.tr("Recommencer le dessin"), self._redraw, PRIMARY, name="redraw"),
                Choice(self.tr("Garder la forme en bleu"),
                       lambda: self._save_drawing(repaired), name="keep_repaired")])
            return
        self.panel.say(self.tr("Ce dessin n'entoure pas de surface : recommencez en "
                               "touchant au moins trois coins."), warning=True)
        self.start_drawing()

    def _redraw(self) -> None:
        self.canvas.set_highlight(None)
        self.start_drawing()

    def _save_drawing(self, polygon) -> None:
        self.canvas.set_highlight(None)
        if self._stored(self.store.add_drawing, self.workshop.uuid, self.participant.number,
                        polygon) is None:
            self.start_drawing()
            return
        self._refresh()
        self.show_actions()
        self.panel.say(self.tr("Votre quartier est enregistré. Ajoutez des lieux, ou passez "
                               "au participant suivant."))

    def choose_place_kind(self) -> None:
        self.panel.say("")
        choices = [Choice(place_text(kind), lambda kind=kind: self._after_kind(kind),
                          icon=marker_icon(kind), name=f"kind_{kind}")
                   for kind in (FREQUENT, MISSING, UNEASY)]
        choices.append(Choice(self.tr("Retour"), self.show_actions, name="back"))
        self.panel.show_step(self.tr("Quel lieu voulez-vous ajouter ?"), "", choices)

    def _after_kind(self, kind: str) -> None:
        if kind not in KINDS_WITH_CATEGORY:
            self._await_place(kind, None)
            return
        title = (self.tr("Où allez-vous souvent ?") if kind == FREQUENT
                 else self.tr("Qu'est-ce qui manque ici ?"))
        choices = [Choice(category_text(code), lambda code=code: self._await_place(kind, code),
                          name=f"category_{code}") for code in PLACE_CATEGORIES]
        choices.append(Choice(self.tr("Retour"), self.choose_place_kind, name="back",
                              wide=True))
        self.panel.show_step(title, "", choices, columns=2)

    def _await_place(self, kind: str, category: str | None) -> None:
        self._pending_place = (kind, category)
        self.tool.set_mode(PLACE)
        self.panel.show_step(place_text(kind, category), self.tr(
            "Touchez la carte à l'endroit du lieu."), [
            Choice(self.tr("Retour"), self.choose_place_kind, name="back")])

    def _place_tapped(self, x: float, y: float) -> None:
        kind, category = self._pending_place
        if self._stored(self.store.add_place, self.workshop.uuid, self.participant.number,
                        kind, category, Point(x, y)) is None:
            return
        self._refresh()
        self.show_actions()
        self.panel.say(self.tr("Lieu ajouté : {place}.").format(
            place=place_text(kind, category)))

    def undo(self) -> None:
        removed = self._stored(self.store.undo_last, self.workshop.uuid,
                               self.participant.number)
        self._refresh()
        self.show_actions()
        if removed is not None:
            what = (self.tr("votre dessin") if removed.kind == "quartier"
                    else place_text(removed.place_kind, removed.category))
            self.panel.say(self.tr("Annulé : {what}.").format(what=what))

    def next_participant(self) -> None:
        if self._own():
            self._new_participant()
            return
        number = self.participant.number
        self.panel.show_step(self.tr("Le participant {number} n'a rien ajouté").format(
            number=number), self.tr("Passer quand même au participant suivant ?"), [
            Choice(self.tr("Oui, participant suivant"), self._new_participant, name="yes"),
            Choice(self.tr("Non, revenir"), self.show_actions, PRIMARY, name="no")])

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
        self.show_actions()

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

    def _stored(self, operation, *args):
        """A store call; a refusal or a problem with the workspace is said, nothing lost."""
        try:
            return operation(*args)
        except InvalidContribution as exc:
            self.panel.say(str(exc), warning=True)
        except DatabaseProblem as exc:
            QMessageBox.warning(self, self.tr("Enregistrement impossible"), str(exc))
        return None
