"""Form and shape validation: French messages, a repaired bow-tie, the CALL and the QPV."""
from __future__ import annotations

import pytest
from proposal_fixtures import EQUIPMENT_FIELDS, QPV, count_rows, places, store  # noqa: F401
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from qpvdesk.models.proposals import (EQUIPEMENT, PERIMETRE, QUARTIER_VECU, InvalidProposal,
                                      polygon_from_vertices)


def test_required_fields_per_kind(store, places):
    square = places.touching_square
    equipment = store.validate(EQUIPEMENT, places.inside, {})
    assert equipment.messages() == [
        "Le champ « Titre » est obligatoire.", "Le champ « Catégorie » est obligatoire.",
        "Le champ « Statut » est obligatoire."]
    lived = store.validate(QUARTIER_VECU, square, {"title": "  "})
    assert {problem.field for problem in lived.errors} == {"qpv_code", "title"}
    perimeter = store.validate(PERIMETRE, square, {"title": "Sans le reste"})
    assert {problem.field for problem in perimeter.errors} == {"qpv_code", "nature",
                                                               "justification"}
    assert store.validate(PERIMETRE, square, {"qpv_code": QPV, "nature": "ajout",
                                              "justification": "Cité oubliée"}).ok


def test_lengths_years_and_enumerations(store, places):
    validation = store.validate(EQUIPEMENT, places.inside, {
        **EQUIPMENT_FIELDS, "title": "T" * 121, "description": "d" * 2001,
        "horizon_year": "2041", "category": "piscine", "status": "Programmé"})
    assert validation.errors_for("title") == [
        "Le champ « Titre » ne doit pas dépasser 120 caractères (il en a 121)."]
    assert validation.errors_for("description") == [
        "Le champ « Description » ne doit pas dépasser 2000 caractères (il en a 2001)."]
    assert validation.errors_for("horizon_year") == [
        "L'année d'horizon doit être comprise entre 2024 et 2040 (saisie : 2041)."]
    assert validation.errors_for("category")[0].startswith(
        "Valeur inconnue pour « Catégorie » : « piscine »")
    assert validation.errors_for("status") == [] and validation.fields["status"] == "programme"
    assert store.validate(EQUIPEMENT, places.inside, {**EQUIPMENT_FIELDS, "horizon_year":
                                                      "bientôt"}).errors_for("horizon_year")
    limits = store.validate(EQUIPEMENT, places.inside, {**EQUIPMENT_FIELDS, "title": "T" * 120,
                                                        "horizon_year": 2024})
    assert limits.ok and limits.fields["horizon_year"] == 2024
    qpv = store.validate(QUARTIER_VECU, places.touching_square,
                         {"title": "x", "qpv_code": "QP062002"})
    assert qpv.ok and qpv.fields["qpv_code"] == QPV


def test_geometry_kind_and_vertices(store, places):
    polygon = store.validate(EQUIPEMENT, places.touching_square, EQUIPMENT_FIELDS)
    assert polygon.messages() == ["Un « Projet d'équipement » doit être un point, pas un "
                                  "polygone."]
    point = store.validate(QUARTIER_VECU, places.inside, {"title": "x", "qpv_code": QPV})
    assert point.errors_for("geometry") == [
        "Un « Quartier vécu » doit être un polygone (une surface), pas un point."]
    x, y = places.inside.x, places.inside.y
    two = polygon_from_vertices([(x, y), (x + 10, y), (x, y)])
    assert store.validate(QUARTIER_VECU, two, {"title": "x", "qpv_code": QPV}).messages() == [
        "Le contour doit compter au moins 3 sommets distincts."]
    flat = polygon_from_vertices([(x, y), (x + 10, y), (x + 20, y)])
    assert "aucune surface" in store.validate(QUARTIER_VECU, flat,
                                              {"title": "x", "qpv_code": QPV}).messages()[0]
    assert store.validate(EQUIPEMENT, None, EQUIPMENT_FIELDS).messages() == [
        "La géométrie est vide."]


def test_bow_tie_is_refused_with_a_repaired_shape(store, places):
    bow_tie = places.bow_tie(places.inside)
    assert not bow_tie.is_valid
    validation = store.validate(QUARTIER_VECU, bow_tie, {"title": "Noeud", "qpv_code": QPV})
    assert validation.errors_for("geometry") == [
        "Le contour se recoupe lui-même : une forme corrigée est proposée."]
    repaired = validation.repaired
    assert isinstance(repaired, MultiPolygon) and repaired.is_valid
    # both loops, inside the outline that was drawn: nothing the outline enclosed is lost
    assert len(repaired.geoms) == 2
    assert repaired.area == pytest.approx(shapely.make_valid(bow_tie).area)
    assert bow_tie.convex_hull.buffer(1e-6).contains(repaired)
    with pytest.raises(InvalidProposal):
        store.add(QUARTIER_VECU, bow_tie, {"title": "Noeud", "qpv_code": QPV})
    accepted = store.add(QUARTIER_VECU, repaired, {"title": "Noeud", "qpv_code": QPV})
    assert accepted.geometry.equals(repaired) and count_rows(store) == 1


def test_perimeter_request_must_touch_its_qpv(store, places):
    fields = {"qpv_code": QPV, "nature": "ajout", "justification": "Rue oubliée"}
    validation = store.validate(PERIMETRE, places.far_square, fields)
    message = "Une demande de modification de périmètre doit toucher ou recouvrir le QPV " \
              f"concerné ({store.territory.qpv_name(QPV)})."
    assert validation.messages() == [message]
    with pytest.raises(InvalidProposal, match="doit toucher ou recouvrir"):
        store.add(PERIMETRE, places.far_square, fields)
    assert count_rows(store) == 0
    # a ring around the QPV that only shares its boundary touches it; 10 m away does not
    qpv = places.qpv_geometries[QPV]

    def largest(geometry) -> Polygon:   # a polygon with the QPV as its hole
        return max(getattr(geometry, "geoms", [geometry]), key=lambda part: part.area)

    around = largest(qpv.buffer(50).difference(qpv))
    assert around.intersection(qpv).area < 1.0 and store.validate(PERIMETRE, around, fields).ok
    apart = largest(qpv.buffer(60).difference(qpv.buffer(10)))
    assert store.validate(PERIMETRE, apart, fields).messages() == [message]


def test_outside_the_call_is_a_warning_not_an_error(store, places):
    lille = Point(704000, 7059000)     # Lille, outside the CALL
    validation = store.validate(EQUIPEMENT, lille, EQUIPMENT_FIELDS)
    assert validation.ok
    assert [w.message for w in validation.warnings] == [
        "La proposition est située hors du territoire de la CALL."]
    assert store.validate(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS).warnings == []
    assert store.add(EQUIPEMENT, lille, EQUIPMENT_FIELDS).communes == ()


def test_unknown_kind_and_qpv(store, places):
    assert store.validate("parc", places.inside, {}).messages()[0].startswith(
        "Type de proposition inconnu : « parc »")
    assert store.validate(QUARTIER_VECU, places.touching_square,
                          {"title": "x", "qpv_code": "QN99999M"}).errors_for("qpv_code")
