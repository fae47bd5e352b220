"""Pulling from PostGIS what colleagues published: two officers' apps converge; a pull is one
transaction on each side and refuses data changed on the server outside qpvdesk."""
from __future__ import annotations

import pytest
from postgres_fixtures import postgis_db, postgis_dsn, postgres_server, sql  # noqa: F401

from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)

from test_package_received import (LENS, LIEVIN, accept, equipment,  # noqa: E402
                                   neighbourhood, package, perimeter)

from qpvdesk.models.decisions import DecisionStore  # noqa: E402
from qpvdesk.models.package.received import ConsolidatedStore  # noqa: E402
from qpvdesk.models.postgis import PostgisProblem, publish, pull  # noqa: E402
from qpvdesk.models.workspace import Workspace  # noqa: E402

TABLES = ("received_package", "received_proposal", "decision")


def state(workspace) -> dict:
    """What an officer's app shows: the consolidated proposals, their decisions, the
    packages."""
    store = ConsolidatedStore(workspace)
    return {"current": sorted((item.proposal.uuid, item.package_uuid, item.proposal.title,
                               item.proposal.geometry.wkb) for item in store.current()),
            "packages": sorted((item["uuid"], item["file_sha256"], item["proposal_count"])
                               for item in store.packages()),
            "decisions": sorted(item.content() for item in DecisionStore(workspace).all()),
            "latest": {uuid: item.uuid for uuid, item in
                       DecisionStore(workspace).latest().items()}}


def counts(workspace) -> dict[str, int]:
    return {table: workspace.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES}


@pytest.fixture
def officers(tmp_path):
    """Two officers: Anne received Lens's package, Bruno Liévin's; both decided, and both
    decided on the same Lens proposal (Bruno pulled it first)."""
    anne, bruno = (Workspace(tmp_path / f"{name}.sqlite") for name in ("anne", "bruno"))
    lens = [equipment(), neighbourhood()]
    lievin = [perimeter()]
    accept(ConsolidatedStore(anne), package(lens), lens)
    accept(ConsolidatedStore(bruno), package(lievin, commune=LIEVIN), lievin)
    DecisionStore(anne).decide(lens[0].uuid, "a_l_etude", "", "Anne",
                               decided_at="2026-12-01T09:00:00+01:00")
    DecisionStore(bruno).decide(lievin[0].uuid, "non_retenue", "Hors périmètre possible",
                                "Bruno", decided_at="2026-12-01T10:00:00+01:00")
    yield anne, bruno, lens, lievin
    anne.close()
    bruno.close()


def test_two_officers_converge(officers, postgis_dsn):
    anne, bruno, lens, lievin = officers
    publish(anne, postgis_dsn, agent="Anne")
    publish(bruno, postgis_dsn, agent="Bruno")
    pulled = pull(anne, postgis_dsn)
    assert (pulled.packages_added, pulled.versions_added, pulled.decisions_added) == (1, 1, 1)
    assert pulled.summary().startswith("1 paquet récupéré (1 proposition), 1 décision "
                                       "nouvelle depuis la base « t_")
    assert pull(bruno, postgis_dsn).summary().startswith(
        "1 paquet récupéré (2 propositions), 1 décision nouvelle depuis")
    assert state(anne) == state(bruno)
    # each decides again on the same proposal, without pulling first: both decisions are kept
    DecisionStore(anne).decide(lens[0].uuid, "retenue", "Financement trouvé", "Anne",
                               decided_at="2026-12-05T09:00:00+01:00")
    DecisionStore(bruno).decide(lens[0].uuid, "non_retenue", "Doublon", "Bruno",
                                decided_at="2026-12-05T11:00:00+01:00")
    for officer, name in ((anne, "Anne"), (bruno, "Bruno")):
        assert publish(officer, postgis_dsn, agent=name).decisions_added == 1
    for officer in (anne, bruno):
        assert pull(officer, postgis_dsn).decisions_added == 1
    assert state(anne) == state(bruno)
    assert len(state(anne)["decisions"]) == 4
    # both apps and the server agree on the latest one: same version, the later instant
    latest = DecisionStore(anne).latest()[lens[0].uuid]
    assert (latest.decision, latest.decided_by) == ("non_retenue", "Bruno")
    assert sql(postgis_dsn, "SELECT decision, decide_par FROM qpvdesk.decision_courante "
                            "WHERE uuid = %s", (lens[0].uuid,)) == [("non_retenue", "Bruno")]


def test_pulling_again_changes_nothing(officers, postgis_dsn):
    anne, bruno, *_ = officers
    publish(bruno, postgis_dsn)
    pull(anne, postgis_dsn)
    before = state(anne), counts(anne)
    again = pull(anne, postgis_dsn)
    assert not again.changed
    assert again.summary().startswith("Rien de nouveau dans la base")
    assert (state(anne), counts(anne)) == before


def test_a_server_where_nothing_was_published_gives_nothing(officers, postgis_dsn):
    anne, *_ = officers
    before = counts(anne)
    outcome = pull(anne, postgis_dsn)
    assert not outcome.published
    assert outcome.summary().startswith("Rien à récupérer : aucune donnée qpvdesk n'a encore "
                                        "été publiée dans la base")
    assert counts(anne) == before


def test_a_row_changed_on_the_server_outside_qpvdesk_refuses_the_pull(officers, postgis_dsn):
    anne, bruno, _, lievin = officers
    publish(bruno, postgis_dsn)
    # a superuser gets round the append-only trigger
    sql(postgis_dsn, "ALTER TABLE qpvdesk.received_proposal DISABLE TRIGGER USER")
    sql(postgis_dsn, "UPDATE qpvdesk.received_proposal SET justification = 'falsifiée'")
    before = counts(anne)
    with pytest.raises(PostgisProblem, match=f"La proposition {lievin[0].uuid} du paquet .* a "
                                             "été modifiée dans la base .* en dehors de qpvdesk"):
        pull(anne, postgis_dsn)
    assert counts(anne) == before


def test_a_pulled_package_clashing_with_a_local_one_writes_nothing(officers, postgis_dsn):
    anne, bruno, lens, _ = officers
    publish(bruno, postgis_dsn)
    # Anne's store holds Lens's proposal; the server says Liévin sent a proposal of that id
    clash = [lens[1]]
    accept(ConsolidatedStore(bruno), package(clash, commune=LIEVIN), clash)
    publish(bruno, postgis_dsn)
    before = state(anne), counts(anne)
    with pytest.raises(PostgisProblem, match="est refusé : 1 proposition.* déjà "
                                             f"reçu d'une autre commune.*{LENS}.*Rien n'a été "
                                             "récupéré"):
        pull(anne, postgis_dsn)
    assert (state(anne), counts(anne)) == before   # not even the package that was fine
