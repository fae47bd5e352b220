"""The agglomeration's decisions: an append-only history per received proposal, the latest
decision, the per-commune summary, and the modified geometry checked like a proposal's."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
import shapely
from shapely.geometry import Point, Polygon, box

from test_package_received import (LENS, LIEVIN, X, Y, accept, equipment,  # noqa: F401
                                   neighbourhood, new_uuid, package, perimeter, store)
from qpvdesk.models.decisions import (A_L_ETUDE, DECISIONS, NON_RETENUE, RECUE, RETENUE,
                                      RETENUE_MODIFIEE, CommuneSummary, Decision,
                                      DecisionStore, InvalidDecision, counts_text,
                                      decision_code, summary_text)
from qpvdesk.models.proposals.geometry import polygon_from_vertices
from qpvdesk.models.spatialite import sqlite_module
from qpvdesk.models.workspace import MIGRATIONS, Workspace


@pytest.fixture
def received(store):
    """Lens sent one proposal of each kind, Liévin one equipment."""
    lens = [equipment(), neighbourhood(), perimeter()]
    accept(store, package(lens), lens)
    lievin = [equipment("Salle de sport")]
    accept(store, package(lievin, commune=LIEVIN), lievin)
    return lens, lievin


@pytest.fixture
def decisions(workspace) -> DecisionStore:
    return DecisionStore(workspace)


def rows(workspace) -> list:
    return workspace.conn.execute("SELECT * FROM decision ORDER BY uuid").fetchall()


def test_decisions_form_a_chain_and_the_last_one_is_the_latest(decisions, received):
    (proposal, *_), _ = received
    first = decisions.decide(proposal.uuid, "a_l_etude", decided_by="Claire Dubois")
    second = decisions.decide(proposal.uuid, RETENUE, "Projet inscrit au contrat de ville",
                              "Claire Dubois")
    assert (first.version, first.supersedes) == (1, None)
    assert (second.version, second.supersedes) == (2, first.uuid)
    assert decisions.history(proposal.uuid) == [first, second]
    assert decisions.latest()[proposal.uuid] == second
    assert decisions.state(proposal.uuid) == RETENUE
    [current] = [item for item in decisions.received.current() if item.proposal.uuid
                 == proposal.uuid]
    assert second.package_uuid == current.package_uuid
    moment = datetime.fromisoformat(second.decided_at)
    assert moment.utcoffset() is not None and moment.microsecond == 0


def test_a_decision_refers_to_the_version_it_was_made_on(decisions, store, received):
    (proposal, *_), _ = received
    first = decisions.decide(proposal.uuid, "a_l_etude", decided_by="C. D.")
    newer = replace(proposal, title="Maison de santé agrandie",
                    modified="2026-12-01T09:00:00+01:00")
    second_package = package([newer], created="2026-12-02T10:00:00+01:00")
    accept(store, second_package, [newer], received="2026-12-03T09:00:00+01:00")
    later = decisions.decide(proposal.uuid, NON_RETENUE, "Hors QPV", "C. D.")
    assert first.package_uuid != later.package_uuid == second_package.uuid


@pytest.mark.parametrize("code", sorted(DECISIONS))
def test_a_motif_is_required_for_the_last_three_decisions(decisions, workspace, received,
                                                          code):
    (proposal, *_), _ = received
    if code in (RETENUE, RETENUE_MODIFIEE, NON_RETENUE):
        with pytest.raises(InvalidDecision, match="motif est obligatoire"):
            decisions.decide(proposal.uuid, code, "   ", "C. D.")
        assert rows(workspace) == []
    else:
        assert decisions.decide(proposal.uuid, code, "", "C. D.").motif == ""


def test_codes_and_french_labels_are_understood_anything_else_is_named(decisions, received):
    assert decision_code("Non retenue") == decision_code(" NON_RETENUE ") == NON_RETENUE
    with pytest.raises(InvalidDecision) as refused:
        decision_code("acceptée")
    assert "« acceptée »" in str(refused.value) and "retenue_modifiee" in str(refused.value)


def test_nothing_is_decided_on_a_proposal_never_received(decisions, workspace, received):
    with pytest.raises(InvalidDecision, match="reçue d'aucune commune"):
        decisions.decide(new_uuid(), RETENUE, "Très bien", "C. D.")
    with pytest.raises(InvalidDecision, match="Qui décide"):
        decisions.decide(received[0][0].uuid, RETENUE, "Très bien", "  ")
    assert rows(workspace) == []


def test_decisions_are_never_changed_nor_deleted(decisions, workspace, received):
    (proposal, *_), _ = received
    decisions.decide(proposal.uuid, NON_RETENUE, "Hors QPV", "C. D.")
    before = rows(workspace)
    for statement in ("UPDATE decision SET motif = 'autre chose'", "DELETE FROM decision"):
        with pytest.raises(sqlite_module().Error, match="append-only"):
            workspace.conn.execute(statement)
    assert rows(workspace) == before


def test_the_summary_counts_each_commune_by_latest_decision(decisions, received):
    (lens_point, lens_area, lens_perimeter), _ = received
    decisions.decide(lens_point.uuid, "a_l_etude", decided_by="C. D.")
    decisions.decide(lens_point.uuid, RETENUE, "Inscrit au contrat", "C. D.")
    decisions.decide(lens_area.uuid, NON_RETENUE, "Doublon", "C. D.")
    summary = decisions.summary_by_commune()
    assert summary == [CommuneSummary(LENS, {RETENUE: 1, NON_RETENUE: 1, RECUE: 1}),
                       CommuneSummary(LIEVIN, {RECUE: 1})]
    names = {LENS: "Lens", LIEVIN: "Liévin"}
    # the total is counted in propositions: « reçue » is only ever the decision
    assert [item.text(names) for item in summary] == [
        "Lens : 3 propositions — 1 reçue, 1 retenue, 1 non retenue",
        "Liévin : 1 proposition — 1 reçue"]
    assert CommuneSummary("62510", {RECUE: 5, RETENUE: 5, NON_RETENUE: 2}).text(
        {"62510": "Liévin"}) == "Liévin : 12 propositions — 5 reçues, 5 retenues, 2 non retenues"
    assert counts_text({RECUE: 12, RETENUE: 5, NON_RETENUE: 2}) == \
        "12 reçues, 5 retenues, 2 non retenues"


def test_the_summary_line_agrees_in_french():
    """0 and 1 in the singular, « à l'étude » invariable, thousands with a narrow no-break
    space; the decisions in the order of the vocabulary; nothing received said so."""
    assert summary_text({}) == "aucune proposition"
    assert summary_text({RECUE: 0, RETENUE: 0}) == "aucune proposition"
    assert summary_text({RETENUE_MODIFIEE: 1}) == "1 proposition — 1 retenue avec modifications"
    assert summary_text({NON_RETENUE: 1, A_L_ETUDE: 2, RETENUE_MODIFIEE: 2, RECUE: 1}) == (
        "6 propositions — 1 reçue, 2 à l'étude, 2 retenues avec modifications, "
        "1 non retenue")
    assert summary_text({RECUE: 10_000, RETENUE: 2_500}) == (
        "12\u202f500 propositions — 10\u202f000 reçues, 2\u202f500 retenues")


# -- the modified geometry -------------------------------------------------------------------------

@pytest.fixture
def territory(reference):
    from qpvdesk.models.proposals import Territory

    return Territory(reference)


@pytest.fixture
def real_area(store, reference):
    """A quartier vécu drawn inside a real QPV of Lens, received."""
    wkb, code = reference.conn.execute(
        "SELECT AsBinary(q.geom), q.code FROM qpv q JOIN qpv_commune c ON c.qpv_code = q.code "
        "WHERE c.commune_insee = ? ORDER BY q.code LIMIT 1", (LENS,)).fetchone()
    centre = shapely.from_wkb(wkb).representative_point()
    proposal = replace(neighbourhood(), qpv_code=code,
                       geometry=box(centre.x - 200, centre.y - 200, centre.x + 200,
                                    centre.y + 200))
    accept(store, package([proposal]), [proposal])
    return proposal


def test_a_modified_geometry_goes_with_retenue_avec_modifications_only(decisions, real_area,
                                                                       territory, workspace):
    smaller = real_area.geometry.buffer(-50)
    with pytest.raises(InvalidDecision, match="Retenue avec modifications"):
        decisions.decide(real_area.uuid, RETENUE, "Oui", "C. D.", smaller, territory)
    decided = decisions.decide(real_area.uuid, RETENUE_MODIFIEE, "Réduit au bâti", "C. D.",
                               smaller, territory)
    assert decisions.latest()[real_area.uuid].geometry.equals(smaller)
    assert decided.geometry.equals(smaller)


@pytest.mark.parametrize("coordinates, message", [
    ([(0, 0), (float("nan"), 1), (1, 1)], "NaN"),
    ([(0, 0), (float("inf"), 1), (1, 1)], "infinies"),
])
def test_a_modified_geometry_with_non_finite_coordinates_is_refused(
        decisions, real_area, territory, workspace, coordinates, message):
    x, y = real_area.geometry.centroid.coords[0]
    shape = polygon_from_vertices([(x + dx * 100, y + dy * 100) for dx, dy in coordinates])
    with pytest.raises(InvalidDecision, match=message):
        decisions.decide(real_area.uuid, RETENUE_MODIFIEE, "Modifié", "C. D.", shape,
                         territory)
    assert rows(workspace) == []


def test_a_crossing_outline_is_refused_with_its_repair_which_is_then_accepted(
        decisions, real_area, territory, workspace):
    x, y = real_area.geometry.centroid.coords[0]
    bow_tie = Polygon([(x - 100, y - 100), (x + 100, y + 100), (x + 100, y - 100),
                       (x - 100, y + 100)])
    with pytest.raises(InvalidDecision, match="se recoupe") as refused:
        decisions.decide(real_area.uuid, RETENUE_MODIFIEE, "Modifié", "C. D.", bow_tie,
                         territory)
    assert rows(workspace) == []
    repaired = refused.value.repaired
    assert repaired is not None and repaired.is_valid and repaired.geom_type == "MultiPolygon"
    decided = decisions.decide(real_area.uuid, RETENUE_MODIFIEE, "Modifié", "C. D.", repaired,
                               territory)
    assert decided.geometry.equals(repaired)


def test_a_point_stays_a_point(decisions, received, territory):
    (point, *_), _ = received
    with pytest.raises(InvalidDecision, match="doit être un point"):
        decisions.decide(point.uuid, RETENUE_MODIFIEE, "Déplacé", "C. D.",
                         box(X, Y, X + 10, Y + 10), territory)
    moved = decisions.decide(point.uuid, RETENUE_MODIFIEE, "Déplacé", "C. D.",
                             Point(X + 30, Y), territory)
    assert moved.geometry.equals(Point(X + 30, Y))


# -- decisions made elsewhere --------------------------------------------------------------------

def test_decisions_from_a_colleague_are_recorded_once_and_ties_are_ordered(decisions, received):
    (proposal, *_), _ = received
    mine = decisions.decide(proposal.uuid, "a_l_etude", decided_by="Claire",
                            decided_at="2026-12-04T10:00:00+01:00")
    # two officers superseded the same decision at once: both version 2
    early = Decision(new_uuid(), proposal.uuid, mine.package_uuid, 2, mine.uuid, RETENUE,
                     "Oui", "Paul", "2026-12-04T11:00:00+01:00")
    late = Decision(new_uuid(), proposal.uuid, mine.package_uuid, 2, mine.uuid, NON_RETENUE,
                    "Non", "Anne", "2026-12-04T10:30:00Z")   # 11:30 in Paris
    assert decisions.record([late, early]) == 2
    assert decisions.record([late, early, mine]) == 0          # idempotent
    assert decisions.latest()[proposal.uuid] == late
    assert [item.uuid for item in decisions.history(proposal.uuid)] == \
        [mine.uuid, early.uuid, late.uuid]
    with pytest.raises(ValueError, match="autre contenu"):
        decisions.record([replace(late, motif="Non, vraiment")])
    # the next decision supersedes the latest one
    assert decisions.decide(proposal.uuid, RETENUE, "Finalement oui", "Claire").supersedes \
        == late.uuid


def test_the_v5_migration_keeps_what_was_received(tmp_path):
    path = tmp_path / "agglomeration.sqlite"
    older = Workspace(path, MIGRATIONS[:4], backups=False)
    proposals = [equipment()]
    accept(DecisionStore(older).received, package(proposals), proposals)
    older.close()
    upgraded = Workspace(path)
    assert upgraded.schema_version() == len(MIGRATIONS)   # v5, and the workshop tables (v6)
    store = DecisionStore(upgraded)
    assert [item.proposal.uuid for item in store.received.current()] == [proposals[0].uuid]
    assert store.latest() == {}
    store.decide(proposals[0].uuid, RETENUE, "Oui", "C. D.")
    upgraded.close()
