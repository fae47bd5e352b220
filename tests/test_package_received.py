"""The agglomeration's consolidated store: packages accepted, versions kept, GeoPackage export."""
from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from shapely.geometry import Point, box

from qpvdesk.models.proposals import gdal

# pyogrio before any SpatiaLite connection of the session (see qpvdesk/models/proposals/gdal.py)
gdal.pyogrio()

from qpvdesk.models.package.info import PackageInfo  # noqa: E402
from qpvdesk.models.package.received import (PROVENANCE_COLUMNS, AcceptOutcome,  # noqa: E402
                                             ConsolidatedStore)
from qpvdesk.models.proposals import EQUIPEMENT, PERIMETRE, QUARTIER_VECU  # noqa: E402
from qpvdesk.models.proposals.proposal import Proposal, to_state, write_state  # noqa: E402
from qpvdesk.models.workspace import MIGRATIONS, Workspace  # noqa: E402

X, Y = 685000.0, 7035000.0
LENS, LIEVIN = "62498", "62510"
KEY = "0123456789ABCDEF"
TABLES = ("received_package", "received_proposal", "proposal")


def new_uuid() -> str:
    return str(uuid.uuid4())


def equipment(title: str = "Maison de santé", dx: float = 0.0, **fields) -> Proposal:
    return Proposal(uuid=new_uuid(), kind=EQUIPEMENT, geometry=Point(X + dx, Y),
                    title=title, category="sante", status="idee", horizon_year=2028,
                    communes=(LENS,), created="2026-11-02T09:00:00+01:00",
                    modified="2026-11-02T09:00:00+01:00", **fields)


def neighbourhood(title: str = "Quartier vécu") -> Proposal:
    return Proposal(uuid=new_uuid(), kind=QUARTIER_VECU,
                    geometry=box(X - 300, Y - 300, X + 300, Y + 300), title=title,
                    qpv_code="QN06202M", knowledge_source="associations", communes=(LENS,),
                    created="2026-11-03T10:00:00+01:00", modified="2026-11-03T10:00:00+01:00")


def perimeter() -> Proposal:
    return Proposal(uuid=new_uuid(), kind=PERIMETRE,
                    geometry=box(X + 500, Y + 500, X + 700, Y + 700), qpv_code="QN06202M",
                    nature="retrait", justification="Zone d'activité", communes=(LENS,),
                    created="2026-11-04T11:00:00+01:00", modified="2026-11-04T11:00:00+01:00")


def package(proposals, commune: str = LENS, created: str = "2026-11-20T10:00:00+01:00",
            **fields) -> PackageInfo:
    values = {"uuid": new_uuid(), "commune_insee": commune,
              "source_organization": f"Commune {commune}", "contact_name": "Agent PV",
              "contact_email": "pv@mairie.fr", "bagging_date": created[:10], "created": created,
              "key_id": KEY, "proposal_count": len(proposals), "software": "qpvdesk 0.1"}
    return PackageInfo(**{**values, **fields})


def accept(store, info, proposals, received="2026-11-22T09:30:00+01:00") -> AcceptOutcome:
    return store.accept(info, proposals, f"{info.commune_insee}.qpvpkg",
                        f"sha-{info.uuid}", received=received)


def counts(workspace) -> dict[str, int]:
    return {table: workspace.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES}


@pytest.fixture
def store(workspace) -> ConsolidatedStore:
    return ConsolidatedStore(workspace)


@pytest.fixture
def first(store):
    """Lens's first package: one proposal of each kind."""
    proposals = [equipment(), neighbourhood(), perimeter()]
    info = package(proposals)
    outcome = accept(store, info, proposals)
    return info, proposals, outcome


def test_accepting_a_package_adds_its_proposals(store, first):
    info, proposals, outcome = first
    assert not outcome.already_imported
    assert outcome.added == [item.uuid for item in proposals]
    assert outcome.updated == outcome.unchanged == outcome.kept_absent == []
    assert outcome.summary() == "3 propositions ajoutées."
    current = store.current()
    assert {item.proposal.uuid for item in current} == {item.uuid for item in proposals}
    by_uuid = {item.proposal.uuid: item for item in current}
    for proposal in proposals:
        version = by_uuid[proposal.uuid]
        assert version.proposal == proposal            # geometry included, round-tripped
        assert (version.package_uuid, version.commune_insee, version.key_id, version.received,
                version.package_created) == (info.uuid, LENS, KEY, "2026-11-22T09:30:00+01:00",
                                             info.created)
    [listed] = store.packages()
    assert listed["uuid"] == info.uuid and listed["file_sha256"] == f"sha-{info.uuid}"
    assert (listed["proposal_count"], listed["stored"], listed["current"]) == (3, 3, 3)
    assert store.current(LIEVIN) == []


def test_the_same_package_twice_changes_nothing(store, workspace, first):
    info, proposals, _ = first
    before = counts(workspace)
    again = accept(store, info, proposals, received="2026-11-25T08:00:00+01:00")
    assert again.already_imported
    assert again.added == again.updated == again.unchanged == again.kept_absent == []
    assert again.summary() == "Ce paquet a déjà été importé le 22/11/2026 : rien n'a changé."
    assert counts(workspace) == before
    # the same file under another package uuid is the same package too
    renamed = replace(info, uuid=new_uuid())
    assert store.accept(renamed, proposals, "copie.qpvpkg", f"sha-{info.uuid}").already_imported
    assert counts(workspace) == before
    assert [item["received"] for item in store.packages()] == ["2026-11-22T09:30:00+01:00"]


def test_a_newer_package_updates_and_keeps_what_it_no_longer_carries(store, first):
    _, (kept, missing, same), _ = first
    modified = replace(kept, title="Maison de santé agrandie", geometry=Point(X + 50, Y),
                       modified="2026-12-01T09:00:00+01:00")
    newcomer = equipment("Crèche", dx=200)
    second = package([modified, same, newcomer], created="2026-12-02T10:00:00+01:00")
    outcome = accept(store, second, [modified, same, newcomer],
                     received="2026-12-03T09:00:00+01:00")
    assert (outcome.added, outcome.updated, outcome.unchanged, outcome.kept_absent) == \
        ([newcomer.uuid], [kept.uuid], [same.uuid], [missing.uuid])
    assert outcome.summary() == ("1 proposition ajoutée, 1 mise à jour, 1 inchangée, "
                                 "1 absente de ce paquet et conservée.")
    current = {item.proposal.uuid: item for item in store.current(LENS)}
    assert set(current) == {kept.uuid, missing.uuid, same.uuid, newcomer.uuid}
    assert current[kept.uuid].proposal == modified
    assert current[kept.uuid].package_uuid == second.uuid
    assert current[missing.uuid].proposal == missing        # kept, from the first package
    history = store.versions(kept.uuid)
    assert [item.proposal for item in history] == [kept, modified]
    assert [item.package_created for item in history] == ["2026-11-20T10:00:00+01:00",
                                                         "2026-12-02T10:00:00+01:00"]
    newest, oldest = store.packages()
    assert newest["uuid"] == second.uuid
    assert (newest["stored"], newest["current"], oldest["stored"], oldest["current"]) == \
        (3, 3, 3, 1)


def test_an_older_package_arriving_late_does_not_override(store):
    proposal = equipment()
    newer_version = replace(proposal, title="Version de décembre")
    newer = package([newer_version], created="2026-12-02T10:00:00+01:00")
    older = package([proposal], created="2026-11-20T10:00:00+01:00")
    accept(store, newer, [newer_version], received="2026-12-03T09:00:00+01:00")
    outcome = accept(store, older, [proposal], received="2026-12-04T09:00:00+01:00")
    assert not outcome.already_imported
    assert outcome.updated == [] and outcome.outdated == [proposal.uuid]
    assert "plus ancienne" in outcome.summary()
    [current] = store.current()
    assert current.proposal == newer_version and current.package_uuid == newer.uuid
    assert [item.package_uuid for item in store.versions(proposal.uuid)] == [older.uuid,
                                                                             newer.uuid]


def test_package_times_compare_across_time_zone_offsets(store):
    proposal = equipment()
    later_version = replace(proposal, title="Plus récente")
    # as text the earlier one sorts last
    early = package([proposal], created="2026-06-01T10:00:00+02:00")        # 08:00 UTC
    late = package([later_version], created="2026-06-01T09:30:00+00:00")    # 09:30 UTC
    accept(store, late, [later_version])
    accept(store, early, [proposal], received="2026-06-02T09:00:00+01:00")
    assert store.current()[0].proposal == later_version


def test_a_uuid_already_received_from_another_commune_is_refused(store, workspace, first):
    _, (taken, _, _), _ = first
    before = counts(workspace)
    intruder = replace(taken, communes=(LIEVIN,), title="Pas à Liévin")
    fresh = equipment("Nouveau à Liévin")
    info = package([fresh, intruder], commune=LIEVIN)
    with pytest.raises(ValueError, match="autre commune") as raised:
        accept(store, info, [fresh, intruder])
    assert f"{taken.uuid} de la commune {LENS}" in str(raised.value)
    assert counts(workspace) == before
    with pytest.raises(ValueError, match=f"{taken.uuid} de Lens \\({LENS}\\)"):
        store.accept(info, [fresh, intruder], "liévin.qpvpkg", "sha-liévin",
                     names={LENS: "Lens", LIEVIN: "Liévin"})
    assert counts(workspace) == before
    assert store.current(LIEVIN) == []
    assert [item["uuid"] for item in store.packages()] == [first[0].uuid]


def test_inconsistent_packages_are_refused(store, workspace):
    proposal = equipment()
    before = counts(workspace)
    with pytest.raises(ValueError, match="annonce 2"):
        accept(store, package([proposal], proposal_count=2), [proposal])
    with pytest.raises(ValueError, match="deux fois"):
        accept(store, package([proposal, proposal]), [proposal, proposal])
    with pytest.raises(ValueError, match="INSEE"):
        accept(store, package([proposal], commune="Lens"), [proposal])
    with pytest.raises(ValueError, match="fuseau"):
        accept(store, package([proposal], created="2026-11-20T10:00:00"), [proposal])
    assert counts(workspace) == before


def test_consolidated_geopackage_for_qgis(store, first, tmp_path):
    info, (point, neighbourhood_, perimeter_), _ = first
    other = replace(equipment("Salle de sport", dx=-400), communes=(LIEVIN,))
    lievin = package([other], commune=LIEVIN, key_id="FEDCBA9876543210")
    accept(store, lievin, [other], received="2026-11-23T09:30:00+01:00")
    folder = tmp_path / "export"
    folder.mkdir()
    path = store.export_geopackage(folder / "consolidation.gpkg")
    assert sorted(item.name for item in folder.iterdir()) == ["consolidation.gpkg"]
    pyogrio = gdal.pyogrio()
    layers = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert layers == {"equipements": "Point", "quartiers_vecus": "Polygon",
                      "perimetres": "Polygon"}
    equipments = pyogrio.read_dataframe(path, layer="equipements")
    assert equipments.crs.to_epsg() == 2154
    assert set(PROVENANCE_COLUMNS) <= set(equipments.columns)
    rows = {row.uuid: row for row in equipments.itertuples()}
    assert set(rows) == {point.uuid, other.uuid}
    assert (rows[point.uuid].commune_insee, rows[point.uuid].paquet_uuid,
            rows[point.uuid].cle_id, rows[point.uuid].recu_le,
            rows[point.uuid].paquet_cree_le) == (LENS, info.uuid, KEY,
                                                 "2026-11-22T09:30:00+01:00", info.created)
    assert (rows[other.uuid].commune_insee, rows[other.uuid].cle_id) == (LIEVIN,
                                                                        "FEDCBA9876543210")
    assert rows[point.uuid].titre == point.title
    assert rows[point.uuid].geometry.equals(point.geometry)
    for layer, proposal in (("quartiers_vecus", neighbourhood_), ("perimetres", perimeter_)):
        frame = pyogrio.read_dataframe(path, layer=layer)
        assert frame.crs.to_epsg() == 2154
        assert list(frame["uuid"]) == [proposal.uuid]
        assert list(frame["paquet_uuid"]) == [info.uuid]
        assert frame.geometry.iloc[0].equals(proposal.geometry)


def test_export_with_nothing_received_gives_empty_layers(store, tmp_path):
    path = store.export_geopackage(tmp_path / "vide.gpkg")
    pyogrio = gdal.pyogrio()
    assert {name for name, _ in pyogrio.list_layers(path)} == {"equipements", "quartiers_vecus",
                                                               "perimetres"}
    assert len(pyogrio.read_dataframe(path, layer="equipements")) == 0


def test_migrating_a_v2_workspace_keeps_its_proposals(tmp_path):
    path = tmp_path / "workspace.sqlite"
    old = Workspace(path, migrations=MIGRATIONS[:2])
    assert old.schema_version() == 2
    proposal = equipment()
    state = to_state(proposal)
    assert "provenance" not in state   # drawn by hand: a row a v2 workspace takes
    with old.transaction():
        write_state(old.conn, state)
    old.close()

    upgraded = Workspace(path)
    try:
        assert upgraded.schema_version() == len(MIGRATIONS)
        assert upgraded.conn.execute("SELECT uuid, title FROM proposal").fetchall() == \
            [(proposal.uuid, proposal.title)]
        store = ConsolidatedStore(upgraded)
        assert store.packages() == [] and store.current() == []
        fresh = equipment("Reçu après migration")
        assert accept(store, package([fresh]), [fresh]).added == [fresh.uuid]
        assert upgraded.conn.execute(
            "SELECT count(*) FROM received_proposal WHERE ST_Within(geom, BuildMbr(?, ?, ?, ?, "
            "2154))", (X - 10, Y - 10, X + 10, Y + 10)).fetchone()[0] == 1
        assert upgraded.conn.execute("SELECT CheckSpatialIndex('received_proposal', 'geom')"
                                     ).fetchone()[0] == 1
    finally:
        upgraded.close()
