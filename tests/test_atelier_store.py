"""Workshops in the workspace: anonymous participants, one transaction per contribution,
undo for the current participant only, a workshop resumed by another process, and the
« quartier vécu » proposal made from a contour, with its provenance."""
from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import Point, Polygon, box

from qpvdesk.models.atelier.store import AtelierStore
from qpvdesk.models.atelier.synthesis import create_proposal, provenance_of, synthesize
from qpvdesk.models.atelier.workshop import InvalidContribution
from qpvdesk.models.proposals import ProposalStore, Territory
from qpvdesk.models.workspace import MIGRATIONS, Workspace

QPV = "QN06202M"   # Camus


@pytest.fixture
def territory(reference):
    return Territory(reference)


@pytest.fixture
def centre(territory):
    return territory.qpv_geometry(QPV).representative_point()


def around(centre: Point, dx: float, dy: float, half: float = 100.0) -> Polygon:
    return box(centre.x + dx - half, centre.y + dy - half, centre.x + dx + half,
               centre.y + dy + half)


def new_workshop(workspace, **options):
    store = AtelierStore(workspace)
    return store, store.create(QPV, "2026-12-05", "Maison de quartier", "Mme Animatrice",
                               **options)


def test_participants_are_numbered_and_only_the_asked_facts_are_kept(workspace):
    store, workshop = new_workshop(workspace, ask_residence=True)
    first = store.start_participant(workshop.uuid, lives_in_qpv=True, age_band="30_44")
    second = store.start_participant(workshop.uuid, lives_in_qpv=False)
    assert (first.label, second.label) == ("Participant 1", "Participant 2")
    assert store.participants(workshop.uuid)[0].age_band is None   # age was not asked
    assert [p.lives_in_qpv for p in store.participants(workshop.uuid)] == [True, False]
    columns = {row[1] for row in workspace.conn.execute("PRAGMA table_info(atelier_participant)")}
    assert columns == {"atelier_uuid", "number", "lives_in_qpv", "age_band", "created"}
    with pytest.raises(InvalidContribution):
        store.start_participant(workshop.uuid, age_band="42 ans")
    with pytest.raises(InvalidContribution):
        store.create(QPV, "5 décembre")


def test_undo_takes_back_the_current_participants_last_contribution_only(workspace, centre):
    store, workshop = new_workshop(workspace)
    one = store.start_participant(workshop.uuid).number
    store.add_drawing(workshop.uuid, one, around(centre, 0, 0))
    two = store.start_participant(workshop.uuid).number
    store.add_drawing(workshop.uuid, two, around(centre, 50, 0))
    store.add_place(workshop.uuid, two, "frequent", "ecole", Point(centre.x, centre.y))
    assert store.undo_last(workshop.uuid, two).kind == "lieu"
    assert store.undo_last(workshop.uuid, two).kind == "quartier"
    assert store.undo_last(workshop.uuid, two) is None          # participant 1 keeps theirs
    assert [item.participant for item in store.contributions(workshop.uuid)] == [one]


def test_refused_contributions_change_nothing(workspace, centre):
    store, workshop = new_workshop(workspace)
    number = store.start_participant(workshop.uuid).number
    bow_tie = Polygon([(centre.x, centre.y), (centre.x + 100, centre.y + 100),
                       (centre.x + 100, centre.y), (centre.x, centre.y + 100)])
    with pytest.raises(InvalidContribution, match="recoupe"):
        store.add_drawing(workshop.uuid, number, bow_tie)
    with pytest.raises(InvalidContribution):
        store.add_place(workshop.uuid, number, "frequent", "piscine", centre)
    with pytest.raises(InvalidContribution):
        store.add_place(workshop.uuid, number, "mal_a_l_aise", "ecole", centre)
    with pytest.raises(InvalidContribution):
        store.add_drawing(workshop.uuid, 7, around(centre, 0, 0))   # nobody started as 7
    assert store.contributions(workshop.uuid) == []


def _tables(workspace) -> set[str]:
    return {name for (name,) in workspace.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}


WORKSHOP_TABLES = {"atelier", "atelier_participant", "atelier_contribution"}
DECISION_TABLES = {"decision", "received_response", "response_decision"}


@pytest.mark.parametrize("version", [4, 5], ids=["v4 (before decisions)", "v5 (decisions)"])
def test_the_migration_keeps_proposals_and_adds_the_workshop_tables(tmp_path, version):
    path = tmp_path / "old.sqlite"
    old = Workspace(path, migrations=MIGRATIONS[:version], backups=False)
    assert old.schema_version() == version and not WORKSHOP_TABLES & _tables(old)
    old.conn.execute("INSERT INTO proposal (uuid, kind, created, modified, geom) VALUES "
                     "('a', 'quartier_vecu', 'x', 'x', GeomFromText('POINT(1 2)', 2154))")
    old.close()
    upgraded = Workspace(path, backups=False)
    assert upgraded.schema_version() == len(MIGRATIONS) == 6
    assert WORKSHOP_TABLES | DECISION_TABLES <= _tables(upgraded)
    row = upgraded.conn.execute("SELECT uuid, provenance FROM proposal").fetchone()
    assert row == ("a", None)
    assert upgraded.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    upgraded.close()


def test_a_workspace_of_the_workshop_branch_gets_the_decisions_and_keeps_its_workshop(
        tmp_path, reference, centre):
    """Builds of the workshop branch stored the workshop tables as version 5, the number the
    decisions took since: such a workspace gets the decisions, its workshop goes on."""
    path = tmp_path / "atelier_v5.sqlite"
    workshop_branch = (*MIGRATIONS[:4], MIGRATIONS[5])
    old = Workspace(path, migrations=workshop_branch, backups=False)
    assert old.schema_version() == 5
    assert WORKSHOP_TABLES <= _tables(old) and not DECISION_TABLES & _tables(old)
    store, workshop = new_workshop(old)
    number = store.start_participant(workshop.uuid).number
    drawing = store.add_drawing(workshop.uuid, number, around(centre, 0, 0))
    old.close()

    upgraded = Workspace(path)          # with its backup before the migration
    assert upgraded.schema_version() == 6
    assert DECISION_TABLES <= _tables(upgraded)
    store = AtelierStore(upgraded)
    assert [item.id for item in store.contributions(workshop.uuid)] == [drawing.id]
    assert store.current_participant(workshop.uuid).number == number
    with upgraded.transaction():       # the decisions' table, with its own triggers
        upgraded.conn.execute(
            "INSERT INTO decision (uuid, proposal_uuid, package_uuid, version, decision, "
            "decided_by, decided_at) VALUES ('d', 'p', 'k', 1, 'recue', 'Agent', 't')")
    with pytest.raises(Exception, match="append-only"):
        with upgraded.transaction():
            upgraded.conn.execute("DELETE FROM decision")
    upgraded.close()
    reopened = Workspace(path, backups=False)           # migrated once, opened as any other
    assert reopened.schema_version() == 6
    reopened.close()


def test_a_decisions_workspace_is_not_mistaken_for_the_workshop_branch(tmp_path):
    path = tmp_path / "v5.sqlite"
    Workspace(path, migrations=MIGRATIONS[:5], backups=False).close()
    upgraded = Workspace(path, backups=False)
    assert upgraded.schema_version() == 6
    assert WORKSHOP_TABLES | DECISION_TABLES <= _tables(upgraded)
    upgraded.close()


def test_a_contour_becomes_a_quartier_vecu_proposal_with_its_provenance(workspace, reference,
                                                                        territory, centre):
    store, workshop = new_workshop(workspace)
    for dx in (0, 50, 100, 400):
        number = store.start_participant(workshop.uuid).number
        store.add_drawing(workshop.uuid, number, around(centre, dx, 0))
    number = store.start_participant(workshop.uuid).number      # placed pins, drew nothing
    for _ in range(2):
        store.add_place(workshop.uuid, number, "manque", "sante", Point(centre.x, centre.y))
    synthesis = synthesize(store, workshop.uuid, territory)
    assert (synthesis.participants, synthesis.drawings) == (5, 4)
    half = synthesis.consensus.level(0.5)
    # x from −50 to 150 m is inside at least two of the 200 m squares at 0, 50, 100, 400 m
    assert half.min_count == 2 and half.area_m2 == pytest.approx(200 * 200)

    proposals = ProposalStore(workspace, reference)
    proposal = create_proposal(proposals, synthesis, 0.5)
    stored = proposals.get(proposal.uuid)
    assert stored.kind == "quartier_vecu" and stored.qpv_code == QPV
    assert stored.knowledge_source == "ateliers_habitants"
    assert stored.geometry.symmetric_difference(half.geometry).area < 1e-6
    origin = provenance_of(stored)
    assert origin["source"] == "atelier" and origin["atelier"] == workshop.uuid
    assert (origin["date"], origin["lieu"]) == ("2026-12-05", "Maison de quartier")
    assert (origin["participants"], origin["dessins"], origin["seuil"]) == (5, 4, 0.5)
    assert origin["lieux"] == [{"sorte": "manque", "categorie": "sante", "epingles": 2,
                                "personnes": 1}]
    assert "Animatrice" not in stored.provenance          # nobody is named
    # editing the proposal keeps where it came from; undo takes it back
    edited = proposals.update(proposal.uuid, title="Quartier vécu de Camus")
    assert json.loads(edited.provenance) == origin
    proposals.undo()
    proposals.undo()
    assert proposals.list() == []
    with pytest.raises(ValueError, match="seuil plus bas"):
        create_proposal(proposals, synthesize(store, workshop.uuid, territory, (1.0,)), 1.0)


def test_a_workshop_is_resumed_where_it_stopped(tmp_path, centre):
    path = tmp_path / "workspace.sqlite"
    first = Workspace(path)
    store, workshop = new_workshop(first)
    store.start_participant(workshop.uuid)
    store.add_drawing(workshop.uuid, 1, around(centre, 0, 0))
    store.start_participant(workshop.uuid)
    first.close()
    again = Workspace(path)
    store = AtelierStore(again)
    (resumed,) = store.workshops()
    assert resumed.uuid == workshop.uuid and resumed.participant_count == 2
    assert store.current_participant(workshop.uuid).number == 2
    assert shapely.equals(store.contributions(workshop.uuid)[0].geometry, around(centre, 0, 0))
    again.close()


def test_a_hand_drawn_proposal_is_recorded_as_before_workshops(workspace, reference, centre):
    """Its undo steps hold no provenance, as an older qpvdesk recorded them (and as a
    workspace of that schema could take them); a workshop's proposal keeps its own."""
    proposals = ProposalStore(workspace, reference)
    proposal = proposals.add("quartier_vecu", around(centre, 0, 0),
                             {"title": "Avant", "qpv_code": QPV})
    agreed = proposals.add("quartier_vecu", around(centre, 500, 0),
                           {"title": "Atelier", "qpv_code": QPV},
                           provenance='{"source": "atelier"}')
    proposals.update(proposal.uuid, title="Après")
    proposals.update(agreed.uuid, title="Atelier, revu")
    recorded = {}
    for undo, redo in workspace.conn.execute("SELECT undo, redo FROM edit_history"):
        for side in (json.loads(undo), json.loads(redo)):
            for uuid, state in side.items():
                if state:
                    recorded.setdefault(uuid, []).append(state)
    assert all("provenance" not in state for state in recorded[proposal.uuid])
    assert {state["provenance"] for state in recorded[agreed.uuid]} == {'{"source": "atelier"}'}
    proposals.undo()
    proposals.undo()
    assert proposals.get(proposal.uuid).title == "Avant"
    assert proposals.get(agreed.uuid).provenance == '{"source": "atelier"}'
    proposals.redo()
    assert proposals.get(proposal.uuid).title == "Après"
    assert proposals.get(proposal.uuid).provenance is None
