"""A participant's turn, step by step, in the workshop's side panel: the optional coarse
questions, « À vous ! », drawing « mon quartier », placing pins, undo, the next participant.
Each step stores what was done at once and shows the next one's large buttons."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox
from shapely.geometry import Point

from ...models.atelier.vocabulary import (AGE_BANDS, FREQUENT, KINDS_WITH_CATEGORY, MISSING,
                                          PLACE_CATEGORIES, UNEASY)
from ...models.atelier.workshop import InvalidContribution, Workshop, drawing_problem
from ...models.database_problems import DatabaseProblem
from ...models.proposals.geometry import repaired_shape
from .overlays import marker_icon
from .side_panel import PRIMARY, Choice
from .texts import age_text, category_text, place_text
from .touch_tool import DRAW, NAVIGATE, PLACE


class ParticipantSteps(QObject):
    def __init__(self, window, workshop: Workshop) -> None:
        super().__init__(window)
        self.window, self.workshop = window, workshop
        self.store, self.panel = window.store, window.panel
        self.tool, self.overlay = window.tool, window.overlay
        self.participant = None
        self._pending_place: tuple[str, str | None] | None = None   # kind and category
        self.tool.outline_closed.connect(self._outline_closed)
        self.tool.outline_changed.connect(self._outline_changed)
        self.tool.place_tapped.connect(self._place_tapped)

    def begin(self) -> None:
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
        # the previous participant's drawing goes now, not once the questions are answered:
        # the next one does not see it (unless the facilitator shows everyone's)
        self.tool.set_mode(NAVIGATE)
        self.overlay.set_contributions(self._contributions(), number)

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
            Choice(self.tr("Annuler mon dernier ajout"), self.undo, enabled=bool(own),
                   name="undo"),
            Choice(self.tr("Participant suivant"), self.next_participant, name="next")])

    def start_drawing(self) -> None:
        self.tool.set_mode(DRAW)
        self.panel.say("")
        self.panel.show_step(self.tr("Dessinez votre quartier"), self.tr(
            "Touchez les coins de votre quartier un par un, ou suivez son contour avec le "
            "doigt ou la souris. Touchez le premier point pour fermer, ou « J'ai fini ». "
            "Pour déplacer la carte : deux doigts, ou le bouton droit de la souris."), [
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
            self.window.canvas.set_highlight(repaired)
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
        self.window.canvas.set_highlight(None)
        self.start_drawing()

    def _save_drawing(self, polygon) -> None:
        self.window.canvas.set_highlight(None)
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

    def _stored(self, operation, *args):
        """A store call; a refusal or a problem with the workspace is said, nothing lost."""
        try:
            return operation(*args)
        except InvalidContribution as exc:
            self.panel.say(str(exc), warning=True)
        except DatabaseProblem as exc:
            QMessageBox.warning(self.window, self.tr("Enregistrement impossible"), str(exc))
        return None
