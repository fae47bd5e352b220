"""Publishing the consolidated store to a real PostgreSQL + PostGIS: the schema QGIS opens,
idempotence, newer versions, append-only history, the optimistic row version against a
concurrent writer, and styles a GIS officer changed."""
from __future__ import annotations

import threading
from dataclasses import replace

import psycopg
import pytest
from postgres_fixtures import postgis_db, postgis_dsn, postgres_server, sql  # noqa: F401
from shapely.geometry import Point

from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)

from test_package_received import (LENS, LIEVIN, X, Y, accept, equipment,  # noqa: E402
                                   neighbourhood, package, perimeter)

from qpvdesk.models.decisions import DecisionStore  # noqa: E402
from qpvdesk.models.package.received import ConsolidatedStore  # noqa: E402
from qpvdesk.models.postgis import PostgisProblem, publish  # noqa: E402
from qpvdesk.models.postgis.styles import layer_styles  # noqa: E402


@pytest.fixture
def lens(workspace):
    """A workspace that received Lens's package (one proposal of each kind) and decided on
    the equipment."""
    proposals = [equipment(), neighbourhood(), perimeter()]
    accept(ConsolidatedStore(workspace), package(proposals), proposals)
    DecisionStore(workspace).decide(proposals[0].uuid, "retenue", "Projet utile au quartier",
                                    "Claire Dubois")
    return workspace, proposals


def rows(dsn: str, table: str, columns: str = "*", order: str = "1") -> list[tuple]:
    return sql(dsn, f"SELECT {columns} FROM qpvdesk.{table} ORDER BY {order}")


def test_publishing_writes_the_layers_qgis_opens(lens, postgis_dsn):
    workspace, proposals = lens
    outcome = publish(workspace, postgis_dsn, agent="Claire Dubois")
    assert outcome.summary().startswith("3 propositions publiées (3 nouvelles ou mises à "
                                        "jour), 1 décision nouvelle dans la base « t_")
    assert (outcome.packages_added, outcome.versions_added, outcome.proposals_changed,
            outcome.decisions_added) == (1, 3, 3, 1)
    assert sql(postgis_dsn, "SELECT version FROM qpvdesk.schema_version") == [(1,)]
    # every geometry column in EPSG:2154 with a GiST index
    registered = sql(postgis_dsn, "SELECT f_table_name, f_geometry_column, srid FROM "
                                  "geometry_columns WHERE f_table_schema = 'qpvdesk' ORDER BY 1, 2")
    assert registered == [("decision", "geom", 2154), ("decision_courante", "geom", 2154),
                          ("decision_courante", "geom_modifiee", 2154),
                          ("geometrie_modifiee", "geom", 2154),
                          ("proposition", "geom", 2154), ("received_proposal", "geom", 2154)]
    indexed = sql(postgis_dsn, "SELECT tablename FROM pg_indexes WHERE schemaname = 'qpvdesk' "
                               "AND indexdef LIKE '%USING gist (geom)%' ORDER BY 1")
    assert indexed == [("decision",), ("proposition",), ("received_proposal",)]
    # the consolidated layer: French columns, provenance, the geometry as drawn
    published = {row[0]: row[1:] for row in rows(
        postgis_dsn, "proposition", "uuid, type, titre, commune_insee, paquet_uuid, cle_id, "
                                    "recu_le, ST_AsBinary(geom), ligne_version, "
                                    "ligne_modifiee_par")}
    package_uuid = workspace.conn.execute("SELECT uuid FROM received_package").fetchone()[0]
    for proposal in proposals:
        kind, title, commune, paquet, key, received, wkb, version, who = \
            published[proposal.uuid]
        assert (kind, title, commune, paquet, key, received) == (
            proposal.kind, proposal.title, LENS, package_uuid, "0123456789ABCDEF",
            "2026-11-22T09:30:00+01:00")
        assert bytes(wkb) == proposal.geometry.wkb and (version, who) == (1, "Claire Dubois")
    # the latest decision of each proposal, « recue » without one
    latest = dict(sql(postgis_dsn, "SELECT uuid, decision FROM qpvdesk.decision_courante"))
    assert latest == {proposals[0].uuid: "retenue", proposals[1].uuid: "recue",
                      proposals[2].uuid: "recue"}
    # every style names a layer QGIS finds (table, geometry column)
    styled = set(sql(postgis_dsn, "SELECT f_table_name, f_geometry_column FROM "
                                  "public.layer_styles WHERE f_table_schema = 'qpvdesk'"))
    assert styled <= {(table, column) for table, column, _ in registered}
    assert styled >= {("decision_courante", "geom"), ("geometrie_modifiee", "geom")}


def test_the_modified_geometries_layer_holds_them_alone(lens, postgis_dsn, reference):
    from qpvdesk.models.proposals import Territory

    workspace, proposals = lens
    area = proposals[1]
    DecisionStore(workspace).decide(area.uuid, "retenue_modifiee", "Réduit au nord",
                                    "Claire Dubois", area.geometry.buffer(-20),
                                    Territory(reference))
    publish(workspace, postgis_dsn)
    [(uuid, decision, motif, wkb)] = rows(postgis_dsn, "geometrie_modifiee",
                                          "uuid, decision, motif, ST_AsBinary(geom)")
    assert (uuid, decision, motif) == (area.uuid, "retenue_modifiee", "Réduit au nord")
    assert bytes(wkb) == area.geometry.buffer(-20).wkb


def test_publishing_the_same_content_twice_changes_nothing(lens, postgis_dsn):
    workspace, _ = lens
    publish(workspace, postgis_dsn)
    snapshot = {table: rows(postgis_dsn, table, "xmin::text, *")
                for table in ("received_package", "received_proposal", "proposition",
                              "decision", "publication")}
    styles = sql(postgis_dsn, "SELECT xmin::text, id FROM public.layer_styles ORDER BY id")
    again = publish(workspace, postgis_dsn)
    assert not again.changed
    assert again.summary().startswith("Rien de nouveau à publier dans la base")
    for table, before in snapshot.items():    # not even a new row version (xmin)
        assert rows(postgis_dsn, table, "xmin::text, *") == before, table
    assert sql(postgis_dsn, "SELECT xmin::text, id FROM public.layer_styles ORDER BY id") \
        == styles


def test_a_newer_version_replaces_the_current_row_and_keeps_the_history(lens, postgis_dsn):
    workspace, (kept, *_) = lens
    publish(workspace, postgis_dsn)
    moved = replace(kept, title="Maison de santé agrandie", geometry=Point(X + 50, Y),
                    modified="2026-12-01T09:00:00+01:00")
    accept(ConsolidatedStore(workspace), package([moved], created="2026-12-02T10:00:00+01:00"),
           [moved], received="2026-12-03T09:00:00+01:00")
    outcome = publish(workspace, postgis_dsn)
    assert (outcome.packages_added, outcome.versions_added, outcome.proposals_changed) == \
        (1, 1, 1)
    [(title, version)] = sql(postgis_dsn, "SELECT titre, ligne_version FROM qpvdesk.proposition "
                                          "WHERE uuid = %s", (kept.uuid,))
    assert (title, version) == ("Maison de santé agrandie", 2)
    assert sql(postgis_dsn, "SELECT title FROM qpvdesk.received_proposal WHERE uuid = %s "
                            "ORDER BY created, modified", (kept.uuid,)) == \
        [("Maison de santé",), ("Maison de santé agrandie",)]


def test_a_late_older_package_does_not_replace_the_current_version(workspace, postgis_dsn,
                                                                   tmp_path):
    from qpvdesk.models.workspace import Workspace

    original = equipment()
    newer = replace(original, title="Version récente", modified="2026-12-01T09:00:00+01:00")
    accept(ConsolidatedStore(workspace), package([newer], created="2026-12-02T10:00:00+01:00"),
           [newer])
    publish(workspace, postgis_dsn)
    late = Workspace(tmp_path / "retardataire.sqlite")   # a colleague with the older one only
    accept(ConsolidatedStore(late), package([original], created="2026-11-20T10:00:00+01:00"),
           [original])
    outcome = publish(late, postgis_dsn)
    late.close()
    assert (outcome.versions_added, outcome.proposals_changed) == (1, 0)
    assert sql(postgis_dsn, "SELECT titre, ligne_version FROM qpvdesk.proposition") == \
        [("Version récente", 1)]


def test_the_history_tables_refuse_changes_on_the_server(lens, postgis_dsn):
    workspace, _ = lens
    publish(workspace, postgis_dsn)
    for statement in ("UPDATE qpvdesk.received_proposal SET title = 'x'",
                      "DELETE FROM qpvdesk.decision", "TRUNCATE qpvdesk.received_package CASCADE",
                      "UPDATE qpvdesk.decision SET motif = 'x'"):
        with pytest.raises(psycopg.errors.RestrictViolation, match="ne reçoit que des ajouts"):
            sql(postgis_dsn, statement)
    assert len(rows(postgis_dsn, "received_proposal")) == 3


def _newer_version_of(workspace, proposal, title: str):
    newer = replace(proposal, title=title, modified="2026-12-01T09:00:00+01:00")
    accept(ConsolidatedStore(workspace), package([newer], created="2026-12-02T10:00:00+01:00"),
           [newer], received="2026-12-03T09:00:00+01:00")


def _wait_until_blocked(dsn: str) -> None:
    """Until the publisher's connection waits for a row lock (bounded by the test timeout:
    it asserts no duration)."""
    for _ in range(2000):
        if sql(dsn, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'qpvdesk' "
                    "AND wait_event_type = 'Lock'")[0][0]:
            return
        threading.Event().wait(0.01)
    raise AssertionError("the publisher never waited for the row lock")


def _editing(dsn: str, uuid: str):
    """Another writer (« Agent B », as QGIS would) changing the row, not committed yet: a
    publisher about to write it waits for its lock, then finds it changed."""
    editor = psycopg.connect(dsn)
    editor.execute("SELECT set_config('qpvdesk.agent', 'Agent B', false)")
    editor.execute("UPDATE qpvdesk.proposition SET description = 'corrigé dans QGIS' "
                   "WHERE uuid = %s", (uuid,))
    return editor


@pytest.mark.parametrize("attempts", [1, 5])
def test_a_stale_writer_never_overwrites(lens, postgis_dsn, attempts):
    workspace, (kept, *_) = lens
    publish(workspace, postgis_dsn)
    _newer_version_of(workspace, kept, "Titre de la version récente")
    editor = _editing(postgis_dsn, kept.uuid)
    result: dict = {}

    def run() -> None:
        try:
            result["outcome"] = publish(workspace_copy, postgis_dsn, attempts=attempts)
        except PostgisProblem as exc:
            result["error"] = exc

    from qpvdesk.models.workspace import Workspace
    workspace_copy = Workspace(workspace.path, backups=False)   # its own SQLite connection
    thread = threading.Thread(target=run)
    thread.start()
    _wait_until_blocked(postgis_dsn)
    editor.commit()          # the row is now at version 2, by Agent B
    thread.join(timeout=60)
    editor.close()
    workspace_copy.close()
    [(title, description, version, who)] = sql(
        postgis_dsn, "SELECT titre, description, ligne_version, ligne_modifiee_par FROM "
                     "qpvdesk.proposition WHERE uuid = %s", (kept.uuid,))
    if attempts == 1:
        message = str(result["error"])
        assert "a été modifiée entre-temps par Agent B le " in message
        assert message.endswith("rien n'a été publié ; réessayez dans un moment.")
        # Agent B's change stands, and nothing of the refused publish was written
        assert (title, description, version, who) == ("Maison de santé", "corrigé dans QGIS",
                                                       2, "Agent B")
        assert len(rows(postgis_dsn, "received_package")) == 1
    else:
        # retried on fresh data: the newer version is merged over Agent B's edit
        assert result["outcome"].attempts == 2 and result["outcome"].proposals_changed == 1
        assert (title, version) == ("Titre de la version récente", 3)


def test_an_edit_made_in_qgis_is_not_overwritten_by_the_same_content(lens, postgis_dsn):
    workspace, (kept, *_) = lens
    publish(workspace, postgis_dsn)
    sql(postgis_dsn, "UPDATE qpvdesk.proposition SET titre = 'Titre corrigé par le SIG' "
                     "WHERE uuid = %s", (kept.uuid,))
    assert not publish(workspace, postgis_dsn).changed
    assert sql(postgis_dsn, "SELECT titre, ligne_version, ligne_modifiee_par FROM "
                            "qpvdesk.proposition WHERE uuid = %s", (kept.uuid,)) == \
        [("Titre corrigé par le SIG", 2, "postgres")]


def test_a_style_changed_in_qgis_is_kept_and_a_gis_officers_default_stays(lens, postgis_dsn):
    workspace, _ = lens
    publish(workspace, postgis_dsn)
    styles = sql(postgis_dsn, "SELECT f_table_name, f_geometry_column, type, useasdefault FROM "
                              "public.layer_styles ORDER BY 1, 2, 3")
    assert len(styles) == len(layer_styles()) and all(row[3] for row in styles)
    # the officer saves over qpvdesk's style in QGIS, and adds a default of their own
    sql(postgis_dsn, "UPDATE public.layer_styles SET styleqml = XMLPARSE(DOCUMENT "
                     "'<qgis version=\"3.22\"><renderer-v2 type=\"singleSymbol\"/></qgis>') "
                     "WHERE f_table_name = 'proposition' AND type = 'Point'")
    import qpvdesk.models.postgis.styles as module
    changed = [replace(style, qml=style.qml.replace("3.17", "4.00")) for style in layer_styles()]
    outcome = publish(workspace, postgis_dsn)   # same styles: nothing to do
    assert not outcome.changed and outcome.styles.kept == 1
    with pytest.MonkeyPatch.context() as patch:   # a later qpvdesk with other styles
        patch.setattr(module, "layer_styles", lambda: changed)
        outcome = publish(workspace, postgis_dsn)
    assert outcome.styles.kept == 1 and outcome.styles.written == sum(
        1 for before, after in zip(layer_styles(), changed) if before.qml != after.qml) - 1
    assert "style QGIS modifié dans QGIS depuis sa publication a été gardé" in outcome.summary()
    [(qml,)] = sql(postgis_dsn, "SELECT styleqml::text FROM public.layer_styles WHERE "
                                "f_table_name = 'proposition' AND type = 'Point'")
    assert 'singleSymbol' in qml


def test_a_proposal_uuid_from_two_communes_is_refused_and_nothing_written(postgis_dsn,
                                                                           workspace, tmp_path):
    from qpvdesk.models.workspace import Workspace

    proposal = equipment()
    accept(ConsolidatedStore(workspace), package([proposal]), [proposal])
    publish(workspace, postgis_dsn)
    other = Workspace(tmp_path / "autre.sqlite")
    accept(ConsolidatedStore(other), package([proposal], commune=LIEVIN), [proposal])
    before = rows(postgis_dsn, "received_package")
    with pytest.raises(PostgisProblem, match=f"reçue de la commune {LIEVIN} dans cet espace de "
                                             f"travail mais de la commune {LENS}"):
        publish(other, postgis_dsn)
    other.close()
    assert rows(postgis_dsn, "received_package") == before
