"""The proposal store: edits, exact undo/redo, history, list filters, draft, derived facts."""
from __future__ import annotations

import pytest
from proposal_fixtures import EQUIPMENT_FIELDS, QPV, count_rows, places, store  # noqa: F401
from shapely.geometry import Point

from qpvdesk.models.proposals import (EQUIPEMENT, PERIMETRE, QUARTIER_VECU, InvalidProposal,
                                      ProposalNotFound, vertices_of)


def rows(store) -> list[tuple]:
    """Every stored column, the geometry as WKB: what "restores exactly" compares."""
    return store.conn.execute(
        "SELECT uuid, kind, title, description, category, status, horizon_year, qpv_code, "
        "knowledge_source, nature, justification, communes, author, contact, created, "
        "modified, deleted, AsBinary(geom) FROM proposal ORDER BY uuid").fetchall()


def test_add_undo_redo_restores_exactly(store, places):
    empty = rows(store)
    first = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    after_first = rows(store)
    second = store.add(QUARTIER_VECU, places.square(places.inside, 150),
                       {"title": "Autour de l'école", "qpv_code": QPV})
    after_second = rows(store)
    assert [p.uuid for p in store.list()] == [first.uuid, second.uuid]
    assert store.history() == [(1, "Ajout de « Maison de santé pluridisciplinaire »", False),
                               (2, "Ajout de « Autour de l'école »", True)]

    assert store.undo().uuids == (second.uuid,)
    assert rows(store) == after_first
    assert store.undo().seq == 1 and rows(store) == empty
    assert store.undo() is None and store.undo_text() is None
    assert store.redo_text() == "Ajout de « Maison de santé pluridisciplinaire »"
    store.redo()
    assert rows(store) == after_first
    store.redo()
    assert rows(store) == after_second and store.redo() is None
    assert store.get(first.uuid) == first


def test_every_edit_is_one_undoable_step(store, places):
    proposal = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    states = [rows(store)]
    store.update(proposal.uuid, title="Centre de santé", status="À l'étude", horizon_year="2030")
    states.append(rows(store))
    moved = store.move(proposal.uuid, 25.0, -10.0)
    states.append(rows(store))
    store.edit_vertices(proposal.uuid, [(moved.geometry.x + 5, moved.geometry.y)])
    states.append(rows(store))
    store.delete(proposal.uuid)
    states.append(rows(store))
    assert store.list() == [] and store.get(proposal.uuid) is None
    assert store.get(proposal.uuid, include_deleted=True).deleted
    store.restore(proposal.uuid)
    states.append(rows(store))

    current = store.get(proposal.uuid)
    assert (current.title, current.status, current.horizon_year) == (
        "Centre de santé", "a_l_etude", 2030)
    assert current.geometry.equals(Point(places.inside.x + 30, places.inside.y - 10))
    assert current.created == proposal.created
    assert [description.split(" de ")[0] for _, description, _ in store.history()] == [
        "Ajout", "Modification", "Déplacement", "Modification des sommets", "Suppression",
        "Restauration"]
    for expected in reversed(states[:-1]):
        store.undo()
        assert rows(store) == expected
    store.go_to(6)
    assert rows(store) == states[-1]
    store.go_to(2)
    assert rows(store) == states[1]


def test_a_new_edit_after_undo_drops_the_redo_branch(store, places):
    first = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    store.update(first.uuid, title="Avant")
    store.undo()
    store.update(first.uuid, title="Après")
    assert [description for _, description, _ in store.history()] == [
        "Ajout de « Maison de santé pluridisciplinaire »", "Modification de « Après »"]
    assert store.redo() is None


def test_shape_and_fields_edited_together_are_one_step(store, places):
    proposal = store.add(QUARTIER_VECU, places.square(places.inside, 100),
                         {"title": "Îlot", "qpv_code": QPV})
    before = rows(store)
    bigger = places.square(places.inside, 140)
    edited = store.update(proposal.uuid, bigger, title="Îlot élargi",
                          justification="Les habitants y vont à pied.")
    assert edited.geometry.equals(bigger) and edited.title == "Îlot élargi"
    assert [description for _, description, _ in store.history()] == [
        "Ajout de « Îlot »", "Modification de « Îlot élargi »"]
    store.undo()
    assert rows(store) == before        # shape and fields back in one undo
    store.redo()
    assert store.get(proposal.uuid) == edited


def test_an_edit_failing_in_the_middle_leaves_nothing_applied(store, places):
    proposal = store.add(QUARTIER_VECU, places.square(places.inside, 100),
                         {"title": "Îlot", "qpv_code": QPV})
    store.update(proposal.uuid, justification="Premier avis.")
    # A real constraint of the database: two history steps may not share a description. The
    # next edit keeps the title, so its step repeats « Modification de « Îlot » » and SQLite
    # refuses it after the proposal row has already been rewritten in the same transaction.
    store.conn.execute("CREATE UNIQUE INDEX one_description ON edit_history(description)")
    before, history = rows(store), store.history()
    with pytest.raises(Exception, match="UNIQUE constraint failed"):
        store.update(proposal.uuid, places.square(places.inside, 140),
                     justification="Second avis.")
    assert rows(store) == before and store.history() == history
    assert store.undo_text() == "Modification de « Îlot »"


def test_polygon_vertices_are_edited_as_a_ring(store, places):
    square = places.square(places.inside, 100)
    proposal = store.add(QUARTIER_VECU, square, {"title": "Îlot", "qpv_code": QPV})
    ring = vertices_of(proposal.geometry)
    assert len(ring) == 4
    ring.insert(1, ((ring[0][0] + ring[1][0]) / 2 + 30, (ring[0][1] + ring[1][1]) / 2))
    edited = store.edit_vertices(proposal.uuid, ring)
    assert len(vertices_of(edited.geometry)) == 5
    assert edited.geometry.area > square.area
    with pytest.raises(InvalidProposal) as refused:
        store.edit_vertices(proposal.uuid, ring[:2])
    assert "3 sommets distincts" in str(refused.value)
    assert store.get(proposal.uuid) == edited and len(store.history()) == 2


def test_invalid_edits_are_refused_and_change_nothing(store, places):
    proposal = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    before = rows(store)
    with pytest.raises(InvalidProposal) as refused:
        store.update(proposal.uuid, title="")
    assert refused.value.validation.errors_for("title") == [
        "Le champ « Titre » est obligatoire."]
    with pytest.raises(TypeError):
        store.update(proposal.uuid, uuid="autre")
    with pytest.raises(ProposalNotFound):
        store.move("inconnue", 1, 1)
    assert rows(store) == before and len(store.history()) == 1


def test_list_filters(store, places):
    health = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    sport = store.add(EQUIPEMENT, places.far, {"title": "Terrain de football", "category":
                                               "sport", "status": "programme"})
    lived = store.add(QUARTIER_VECU, places.square(places.inside),
                      {"title": "Vie autour du marché", "qpv_code": QPV,
                       "description": "Les habitants font leurs courses au marché couvert"})
    assert store.list(kind=EQUIPEMENT) == [health, sport]
    assert store.list(status="programme") == [sport]
    assert store.list(qpv=QPV) == [lived]
    commune = health.communes[0]
    assert health in store.list(commune=commune) and sport not in store.list(commune=commune)
    assert store.list(text="MARCHE COUVERT") == [lived]
    assert store.list(text="sante") == [health]
    camus = store.territory.qpv_name(QPV)
    assert store.list(text=camus.upper()) == [lived]
    store.delete(sport.uuid)
    assert store.list(kind=EQUIPEMENT) == [health]
    assert len(store.list(include_deleted=True)) == 3


def test_draft_is_saved_replaced_and_cleared(store, places):
    assert store.draft() is None
    x, y = places.inside.x, places.inside.y
    store.save_draft(QUARTIER_VECU, [(x, y), (x + 50, y)])
    store.save_draft(QUARTIER_VECU, [(x, y), (x + 50, y), (x + 50, y + 50)])
    draft = store.draft()
    assert draft.kind == QUARTIER_VECU and draft.vertices[-1] == (x + 50, y + 50)
    assert count_rows(store, "draft") == 1 and store.history() == []
    store.add(QUARTIER_VECU, places.square(places.inside), {"title": "Fini", "qpv_code": QPV},
              clear_draft=True)
    assert store.draft() is None
    store.save_draft(EQUIPEMENT, [(x, y)])
    store.clear_draft()
    assert store.draft() is None


def test_qpv_suggestion_for_an_equipment_point(store, places):
    assert store.suggest_qpv(places.inside) == QPV
    camus = places.qpv_geometries[QPV]
    assert places.near.distance(camus) == pytest.approx(300, abs=1)
    assert store.suggest_qpv(places.near) == QPV
    assert places.beyond.distance(camus) == pytest.approx(700, abs=1)
    assert store.suggest_qpv(places.beyond) is None
    assert places.two_km.distance(camus) == pytest.approx(2000, abs=2)
    assert store.suggest_qpv(places.two_km) is None
    assert store.suggest_qpv(places.far) is None


def test_derived_facts(store, places):
    square = places.touching_square
    inside = square.intersection(places.qpv_geometries[QPV]).area / 10_000
    added = store.facts(PERIMETRE, square, QPV, "ajout")
    assert added.area_ha == pytest.approx(4.0)
    assert added.added_ha == pytest.approx(4.0 - inside) and added.removed_ha is None
    assert QPV in dict(added.qpvs) and added.communes
    removed = store.facts(PERIMETRE, square, QPV, "retrait")
    assert removed.removed_ha == pytest.approx(inside) and removed.added_ha is None
    assert ("Surface retirée du QPV", f"{inside:.2f}".replace(".", ",") + "\u00a0ha") in \
        removed.rows()
    point = store.facts(EQUIPEMENT, places.inside)
    assert point.area_ha == 0 and dict(point.qpvs) == {QPV: store.territory.qpv_name(QPV)}
    assert store.facts(EQUIPEMENT, places.far).qpvs == ()
