"""Checks of a proposal's form and shape, with the French messages the user reads.

`validate` is also where raw input (text typed in a form, cells read from a file) becomes
clean values: enumerations as codes, the year as an int, the QPV as its 2024 code.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from .geometry import (distinct_vertex_count, non_finite_message, repaired_shape,
                       single_part)
from .proposal import EDITABLE_FIELDS
from .territory import Territory
from .vocabulary import (CHOICES, EQUIPEMENT, FIELD_LABELS, HORIZON_YEARS, KINDS, MAX_LENGTHS,
                         PERIMETRE, REQUIRED_FIELDS, choice_code, echo)

_TEXT_FIELDS = ("title", "description", "justification", "author", "contact")
_GEOMETRY_NAMES = {"Point": "un point", "MultiPoint": "plusieurs points",
                   "LineString": "une ligne", "MultiLineString": "plusieurs lignes",
                   "Polygon": "un polygone", "MultiPolygon": "plusieurs polygones",
                   "GeometryCollection": "une collection de géométries"}


@dataclass(frozen=True)
class Problem:
    field: str      # a field name of vocabulary.FIELD_LABELS, or "geometry"
    message: str    # French, a full sentence


@dataclass
class Validation:
    kind: str
    fields: dict[str, object]               # cleaned values of EDITABLE_FIELDS
    geometry: BaseGeometry | None           # cleaned (2D; one-part collections as the part)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # offered when the outline crosses itself: all it encloses, every part kept
    repaired: Polygon | MultiPolygon | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def messages(self) -> list[str]:
        return [problem.message for problem in self.errors]

    def errors_for(self, name: str) -> list[str]:
        return [problem.message for problem in self.errors if problem.field == name]


class InvalidProposal(ValueError):
    """Raised by the store for a proposal that does not pass validation."""

    def __init__(self, validation: Validation) -> None:
        super().__init__(" ".join(validation.messages()))
        self.validation = validation


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):   # NaN from files
        return ""
    return str(value).strip()


def _clean_fields(kind: str, raw: Mapping[str, object], territory: Territory,
                  errors: list[Problem]) -> dict[str, object]:
    values = {name: _text(raw.get(name)) for name in EDITABLE_FIELDS}
    cleaned: dict[str, object] = {name: values[name] for name in _TEXT_FIELDS}
    for name in REQUIRED_FIELDS.get(kind, ()):
        if not values[name]:
            errors.append(Problem(name, f"Le champ « {FIELD_LABELS[name]} » est obligatoire."))
    for name in _TEXT_FIELDS:
        if any(ord(character) < 32 and character not in "\t\n\r"
               for character in values[name]):
            errors.append(Problem(name, f"Le champ « {FIELD_LABELS[name]} » contient un "
                                        "caractère de contrôle (caractère nul ou invisible), "
                                        "qui couperait le texte : retirez-le."))
    for name, limit in MAX_LENGTHS.items():
        if len(values[name]) > limit:
            errors.append(Problem(name, f"Le champ « {FIELD_LABELS[name]} » ne doit pas "
                                        f"dépasser {limit} caractères (il en a "
                                        f"{len(values[name])})."))
    for name in CHOICES:
        if name == "kind":
            continue
        cleaned[name] = choice_code(name, values[name]) if values[name] else None
        if values[name] and cleaned[name] is None:
            allowed = ", ".join(CHOICES[name].values())
            errors.append(Problem(name, f"Valeur inconnue pour « {FIELD_LABELS[name]} » : "
                                        f"{echo(values[name])} (valeurs possibles : "
                                        f"{allowed})."))
    cleaned["horizon_year"] = _year(values["horizon_year"], errors)
    cleaned["qpv_code"] = territory.qpv_code(values["qpv_code"])
    if values["qpv_code"] and cleaned["qpv_code"] is None:
        errors.append(Problem("qpv_code", f"QPV inconnu : {echo(values['qpv_code'])} (code "
                                          "2024, code 2015 ou nom d'un des "
                                          f"{territory.names.qpv_count} QPV)."))
    return cleaned


def _year(text: str, errors: list[Problem]) -> int | None:
    if not text:
        return None
    low, high = HORIZON_YEARS
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        number = None
    if number is None or not number.is_integer():
        errors.append(Problem("horizon_year", f"L'année d'horizon doit être une année (un "
                                              f"nombre entier) : {echo(text)}."))
        return None
    if not low <= number <= high:
        errors.append(Problem("horizon_year", f"L'année d'horizon doit être comprise entre "
                                              f"{low} et {high} (saisie : {int(number)})."))
    return int(number)


def _check_shape(kind: str, geometry: BaseGeometry, validation: Validation) -> bool:
    """Type, vertices and self-intersection; False when the shape is unusable."""
    errors = validation.errors
    if geometry is None or geometry.is_empty:
        errors.append(Problem("geometry", "La géométrie est vide."))
        return False
    non_finite = non_finite_message(geometry)
    if non_finite:
        errors.append(Problem("geometry", non_finite))
        return False
    expected = Point if kind == EQUIPEMENT else (Polygon, MultiPolygon)
    if not isinstance(geometry, expected):
        wanted = "un point" if kind == EQUIPEMENT else "un polygone (une surface)"
        found = _GEOMETRY_NAMES.get(geometry.geom_type, geometry.geom_type)
        errors.append(Problem("geometry", f"Un « {KINDS[kind]} » doit être {wanted}, pas "
                                          f"{found}."))
        return False
    if kind == EQUIPEMENT:
        return True
    if isinstance(geometry, Polygon) and distinct_vertex_count(geometry) < 3:
        errors.append(Problem("geometry", "Le contour doit compter au moins 3 sommets "
                                          "distincts."))
        return False
    if geometry.is_valid:
        return True
    # a bow-tie has a zero signed area too: look for a repair before calling it flat
    validation.repaired = repaired_shape(geometry)
    if validation.repaired is None:
        errors.append(Problem("geometry", "Le contour n'entoure aucune surface (sommets "
                                          "alignés)."))
    else:
        errors.append(Problem("geometry", "Le contour se recoupe lui-même : une forme "
                                          "corrigée est proposée."))
    return False


def _check_place(kind: str, geometry: BaseGeometry, validation: Validation,
                 territory: Territory) -> None:
    epci = territory.names.with_article["epci"]
    if not territory.meets_call(geometry):
        validation.warnings.append(Problem(
            "geometry", f"La proposition est située hors du territoire de {epci}."))
    elif not territory.inside_call(geometry):
        validation.warnings.append(Problem(
            "geometry", f"La proposition déborde du territoire de {epci}."))
    qpv_code = validation.fields["qpv_code"]
    if kind == PERIMETRE and qpv_code and not geometry.intersects(
            territory.qpv_geometry(qpv_code)):
        validation.errors.append(Problem(
            "geometry", "Une demande de modification de périmètre doit toucher ou recouvrir "
                        f"le QPV concerné ({territory.qpv_name(qpv_code)})."))


def validate(kind: str, geometry: BaseGeometry | None, fields: Mapping[str, object],
             territory: Territory) -> Validation:
    """Every problem of a proposal at once, so a form can show them all."""
    if kind not in KINDS:
        known = ", ".join(KINDS)
        return Validation(kind, {}, geometry, [Problem(
            "kind", f"Type de proposition inconnu : {echo(kind)} (attendu : {known}).")])
    errors: list[Problem] = []
    cleaned = _clean_fields(kind, fields, territory, errors)
    shape = single_part(geometry) if geometry is not None and not geometry.is_empty else None
    validation = Validation(kind, cleaned, shape, errors)
    if _check_shape(kind, shape, validation):
        _check_place(kind, shape, validation, territory)
    return validation
