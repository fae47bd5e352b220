"""A residents' workshop, its anonymous participants and what they put on the map.

Nobody is named: a participant is « Participant N »; the facilitator may ask two coarse facts
(lives in the QPV or not, age band), nothing else. Geometries are in Lambert-93 (EPSG:2154).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from ..proposals.geometry import non_finite_message
from .vocabulary import (AGE_BANDS, DRAWING, KINDS_WITH_CATEGORY, PLACE_CATEGORIES,
                         PLACE_KINDS, participant_label, place_label)

MAX_TEXT = 200          # place and facilitator
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Lambert-93 bounds of metropolitan France with a margin: a contribution outside is a mistake
_L93 = (-400_000.0, 5_900_000.0, 1_600_000.0, 7_300_000.0)


class InvalidContribution(ValueError):
    """A drawing or a place that cannot be kept (French message); nothing was stored."""


class WorkshopNotFound(LookupError):
    def __init__(self, uuid: str) -> None:
        super().__init__(f"Atelier introuvable : {uuid}")


@dataclass(frozen=True)
class Workshop:
    uuid: str
    qpv_code: str               # 2024 code
    held_on: str                # YYYY-MM-DD
    place: str
    facilitator: str            # the person leading it (staff, not a participant)
    ask_residence: bool = False  # « habitez-vous le quartier ? »
    ask_age: bool = False        # age band
    created: str = ""
    participant_count: int = 0   # participants started so far

    @property
    def asks_attributes(self) -> bool:
        return self.ask_residence or self.ask_age


@dataclass(frozen=True)
class Participant:
    number: int
    lives_in_qpv: bool | None = None
    age_band: str | None = None

    @property
    def label(self) -> str:
        return participant_label(self.number)


@dataclass(frozen=True)
class Contribution:
    id: int                     # order of entry in the workspace
    participant: int
    kind: str                   # vocabulary.DRAWING | vocabulary.PLACE
    geometry: BaseGeometry
    place_kind: str | None = None
    category: str | None = None
    created: str = ""

    @property
    def label(self) -> str:
        if self.kind == DRAWING:
            return "Mon quartier"
        return place_label(self.place_kind, self.category)


def check_date(value: str) -> str:
    """An ISO date (YYYY-MM-DD); InvalidContribution otherwise."""
    text = str(value).strip()
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError
        date.fromisoformat(text)
    except ValueError:
        raise InvalidContribution(f"Date d'atelier invalide : « {text[:20]} » (AAAA-MM-JJ "
                                  "attendu).") from None
    return text


def check_text(value: str, label: str) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > MAX_TEXT:
        raise InvalidContribution(f"« {label} » ne doit pas dépasser {MAX_TEXT} caractères.")
    return text


def check_attributes(lives_in_qpv: bool | None, age_band: str | None) -> None:
    if lives_in_qpv not in (None, True, False):
        raise InvalidContribution("« Habite le quartier » vaut oui, non ou rien.")
    if age_band is not None and age_band not in AGE_BANDS:
        raise InvalidContribution(f"Tranche d'âge inconnue : « {age_band} ».")


def _in_france(geometry: BaseGeometry) -> bool:
    xmin, ymin, xmax, ymax = geometry.bounds
    return xmin >= _L93[0] and ymin >= _L93[1] and xmax <= _L93[2] and ymax <= _L93[3]


def drawing_problem(geometry: BaseGeometry | None) -> str | None:
    """Why a drawing cannot count in a synthesis (French), or None when it can. Nothing is
    ever repaired here: a crossed outline is reported, not silently changed."""
    if geometry is None or geometry.is_empty:
        return "Le dessin est vide."
    if not isinstance(geometry, (Polygon, MultiPolygon)):
        return f"Le dessin n'est pas une surface ({geometry.geom_type})."
    non_finite = non_finite_message(geometry)
    if non_finite:
        return non_finite
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        if "Self-intersection" in reason:
            return "Le tracé se recoupe lui-même."
        if "Too few points" in reason:
            return "Le contour n'entoure aucune surface (moins de 3 sommets)."
        return f"Le tracé n'est pas une surface valide ({reason})."
    if geometry.area <= 0:
        return "Le contour n'entoure aucune surface (sommets alignés)."
    if not _in_france(geometry):
        return "Le dessin est hors de France en Lambert-93 (système de coordonnées erroné ?)."
    return None


def check_drawing(geometry: BaseGeometry | None) -> BaseGeometry:
    problem = drawing_problem(geometry)
    if problem:
        raise InvalidContribution(problem)
    return shapely.force_2d(geometry)


def check_place(kind: str, category: str | None, point: BaseGeometry | None) -> None:
    if kind not in PLACE_KINDS:
        raise InvalidContribution(f"Sorte de lieu inconnue : « {kind} ».")
    if category is not None and (kind not in KINDS_WITH_CATEGORY
                                 or category not in PLACE_CATEGORIES):
        raise InvalidContribution(f"Catégorie de lieu inconnue ou inattendue : « {category} ».")
    if not isinstance(point, Point) or point.is_empty or non_finite_message(point):
        raise InvalidContribution("Un lieu est un point de la carte.")
    if not _in_france(point):
        raise InvalidContribution("Le lieu est hors de France en Lambert-93.")

