"""The agglomeration's response to a commune: what it holds, that the tools qpvdesk did not write
check it, what only a response is refused for, and the commune's store of responses (an older
response never overrides a newer one)."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from shapely.geometry import Point

from package_fixtures import (LENS, LIEVIN, commune_key, lens_package,  # noqa: F401
                              lens_proposals, members_of, pdf_writer, reseal, trust, write_zip)
from response_fixtures import (SIREN, agglomeration_key, agglomeration_store,  # noqa: F401
                               commune_trust, commune_workspace, decide_all, lens_response,
                               make_response, response_pdf_writer)
from test_synthese_pdf import pdf_text
from qpvdesk.models.package.bag import PackageError
from qpvdesk.models.package.response_bag import Responder, write_response
from qpvdesk.models.package.responses import ResponseStore
from qpvdesk.models.package.verify import RESPONSE_CHECKS, verify_response

MINISIGN = shutil.which("minisign")


def test_the_response_says_each_decision_and_verifies(lens_response, commune_trust,
                                                      lens_proposals):
    with zipfile.ZipFile(lens_response.path) as archive:
        names = sorted(archive.namelist())
        info = dict(line.split(": ", 1) for line in
                    archive.read("bag-info.txt").decode("utf-8").splitlines())
    assert names == sorted(["bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                            "tagmanifest-sha256.txt", "tagmanifest-sha256.txt.minisig",
                            "data/reponse.gpkg", "data/reponse.csv", "data/reponse.pdf"])
    assert (info["Qpvdesk-Package-Kind"], info["Qpvdesk-Epci-Siren"],
            info["Qpvdesk-Commune-Insee"], info["Qpvdesk-Proposal-Count"]) == \
        ("reponse", SIREN, LENS, "3")
    report = verify_response(lens_response.path, commune_trust, commune=LENS)
    assert report.ok, report.reason
    assert [check.label for check in report.checks] == list(RESPONSE_CHECKS)
    assert report.trusted_owner == SIREN and report.kind == "reponse"
    states = {state.proposal_uuid: state for state in report.states}
    point, area, perimeter = lens_proposals
    assert (states[point.uuid].decision, states[point.uuid].motif,
            states[point.uuid].decision_version) == \
        ("retenue", "Inscrit au contrat de ville 2025-2030", 2)
    assert states[area.uuid].decision == "retenue_modifiee"
    assert states[area.uuid].geometry.equals(area.geometry.buffer(-60))
    assert states[perimeter.uuid].decision == "non_retenue"
    assert states[perimeter.uuid].geometry is None
    assert all(state.decided_by == "Claire Dubois" for state in report.states)


@pytest.mark.skipif(MINISIGN is None, reason="minisign command not installed")
def test_minisign_and_bagit_check_the_response(lens_response, tmp_path):
    folder = tmp_path / "x"
    with zipfile.ZipFile(lens_response.path) as archive:
        archive.extractall(folder)
    (tmp_path / f"{SIREN}.pub").write_text(lens_response.public.to_text())
    signed = subprocess.run([MINISIGN, "-Vm", "tagmanifest-sha256.txt", "-p",
                             str(tmp_path / f"{SIREN}.pub")], cwd=folder,
                            capture_output=True, text=True)
    assert signed.returncode == 0, signed.stderr
    assert (f"qpvdesk reponse {lens_response.info.uuid} epci {SIREN} commune {LENS} created "
            f"{lens_response.info.created}") in signed.stdout
    bag = subprocess.run([sys.executable, "-m", "bagit", "--validate", str(folder)],
                         capture_output=True, text=True)
    assert bag.returncode == 0 and "is valid" in bag.stderr


def test_the_pdf_answers_in_french(lens_response, tmp_path):
    with zipfile.ZipFile(lens_response.path) as archive:
        (tmp_path / "reponse.pdf").write_bytes(archive.read("data/reponse.pdf"))
    text = pdf_text(tmp_path / "reponse.pdf")
    for words in ("Réponse de l'agglomération", "CA de Lens-Liévin (246200364)",
                  "Lens (62498)",
                  "Bilan 3 propositions — 1 retenue, 1 retenue avec modifications, 1 non "
                  "retenue",
                  "Inscrit au contrat de ville 2025-2030", "Limité aux rues habitées",
                  "Non retenue", "Claire Dubois", "Carte des décisions", "nouvelle surface"):
        assert words in text, words


def test_a_response_to_another_commune_is_refused(lens_response, commune_trust):
    report = verify_response(lens_response.path, commune_trust, commune=LIEVIN)
    assert not report.ok and report.states == []
    assert report.reason == ("Cette réponse est destinée à la commune 62498, pas à votre "
                             "commune, la commune 62510 : elle n'est pas importée.")


# -- what only a response is refused for ---------------------------------------------------------

def _edited_geopackage(members, tmp_path, statement: str) -> dict:
    path = tmp_path / "reponse.gpkg"
    path.write_bytes(members["data/reponse.gpkg"])
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(statement)
        connection.commit()
    return {**members, "data/reponse.gpkg": path.read_bytes()}


@pytest.mark.parametrize("statement, fragment", [
    ("UPDATE decisions SET motif = '' WHERE decision = 'non_retenue'", "sans motif"),
    ("UPDATE decisions SET decision = 'acceptee' WHERE decision = 'retenue'",
     "décision « acceptee » inconnue"),
    ("UPDATE decisions SET decision = 'retenue' WHERE decision = 'retenue_modifiee'",
     "géométrie modifiée sans décision « Retenue avec modifications »"),
    ("UPDATE decisions SET decision_uuid = NULL WHERE decision = 'non_retenue'",
     "sans identifiant de décision"),
    ("UPDATE decisions SET decide_le = 'hier' WHERE decision = 'retenue'", "« decide_le »"),
    ("UPDATE decisions SET proposition_uuid = (SELECT proposition_uuid FROM decisions "
     "LIMIT 1)", "figure deux fois"),
    ("ALTER TABLE decisions DROP COLUMN motif", "motif absente(s)"),
    ("DROP TABLE geometries_modifiees_points", "« geometries_modifiees_points » absente"),
])
def test_a_response_payload_breaking_section_7_is_refused(lens_response, commune_trust,
                                                          tmp_path, statement, fragment):
    members = _edited_geopackage(members_of(lens_response.path), tmp_path, statement)
    path = write_zip(tmp_path / "r.qpvpkg", reseal(members, lens_response.secret))
    report = verify_response(path, commune_trust)
    assert not report.ok and fragment in report.reason, report.reason


def test_a_csv_saying_another_decision_is_refused(lens_response, commune_trust, tmp_path):
    members = members_of(lens_response.path)
    members["data/reponse.csv"] = members["data/reponse.csv"].replace(
        ";Non retenue;".encode(), ";Retenue;".encode())
    path = write_zip(tmp_path / "r.qpvpkg", reseal(members, lens_response.secret))
    report = verify_response(path, commune_trust)
    assert not report.ok and "pas la même décision" in report.reason


def test_nothing_to_answer_writes_nothing(agglomeration_key, tmp_path):
    responder = Responder(SIREN, "CA de Lens-Liévin")
    with pytest.raises(PackageError, match="rien à lui répondre"):
        write_response([], LIEVIN, responder, agglomeration_key[0], tmp_path / "r.qpvpkg", None)
    with pytest.raises(PackageError, match="SIREN"):
        write_response([], LENS, Responder("2462", "?"), agglomeration_key[0],
                       tmp_path / "r.qpvpkg", None)
    assert list(tmp_path.iterdir()) == []


# -- the commune's store ------------------------------------------------------------------------

def _verified(path, trust):
    report = verify_response(path, trust, commune=LENS)
    assert report.ok, report.reason
    return report


def _accept(workspace, report, received=None):
    return ResponseStore(workspace).accept(report.info, report.states, report.path.name,
                                           report.sha256, LENS, received=received)


def test_the_commune_records_the_decisions_once(lens_response, commune_trust,
                                                commune_workspace, lens_proposals):
    report = _verified(lens_response.path, commune_trust)
    outcome = _accept(commune_workspace, report)
    assert outcome.summary() == ("3 propositions — 1 retenue, 1 retenue avec modifications, "
                                 "1 non retenue. 3 décisions nouvelles.")
    current = ResponseStore(commune_workspace).current()
    assert {uuid: state.decision for uuid, state in current.items()} == {
        lens_proposals[0].uuid: "retenue", lens_proposals[1].uuid: "retenue_modifiee",
        lens_proposals[2].uuid: "non_retenue"}
    again = _accept(commune_workspace, report)
    assert again.already_imported and "déjà été importée" in again.summary()
    assert len(ResponseStore(commune_workspace).responses()) == 1


def test_a_response_naming_proposals_never_sent_is_refused(lens_response, commune_trust,
                                                           commune_workspace, lens_proposals):
    with commune_workspace.transaction():   # as if the commune had never drawn the point
        commune_workspace.conn.execute("DELETE FROM proposal WHERE uuid = ?",
                                       (lens_proposals[0].uuid,))
    report = _verified(lens_response.path, commune_trust)
    with pytest.raises(ValueError, match="cite 1 proposition\\(s\\) que cette commune n'a "
                                         "jamais envoyée"):
        _accept(commune_workspace, report)
    assert ResponseStore(commune_workspace).responses() == []


def test_the_store_refuses_a_response_to_another_commune(lens_response, commune_trust,
                                                         commune_workspace):
    report = verify_response(lens_response.path, commune_trust)   # no recipient given
    with pytest.raises(ValueError, match="destinée à la commune 62498, pas à votre commune"):
        ResponseStore(commune_workspace).accept(report.info, report.states, "r", report.sha256,
                                                LIEVIN)


@pytest.fixture
def two_responses(tmp_path, lens_package, commune_key, agglomeration_key, reference,
                  response_pdf_writer, monkeypatch):
    """An older response (the first decisions) and a newer one, built an hour later (the
    point is no longer retained), from a fresh agglomeration workspace."""
    from qpvdesk.models.package import response_bag

    from qpvdesk.models.decisions import DecisionStore
    from qpvdesk.models.package.received import ConsolidatedStore
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.package.verify import verify_package
    from qpvdesk.models.proposals import Territory
    from qpvdesk.models.workspace import Workspace

    trust = TrustStore(tmp_path / "confiance-agglo")
    trust.add(commune_key[1].to_text(), LENS)
    report = verify_package(lens_package.path, trust)
    workspace = Workspace(tmp_path / "agglo.sqlite")
    ConsolidatedStore(workspace).accept(report.info, report.proposals, "p", report.sha256)
    decide_all(workspace, lens_package.proposals, Territory(reference))
    older = make_response(tmp_path / "older.qpvpkg", workspace, agglomeration_key,
                          response_pdf_writer)
    DecisionStore(workspace).decide(lens_package.proposals[0].uuid, "non_retenue",
                                    "Financement refusé", "Paul Lefebvre")
    later = datetime.fromisoformat(older.info.created) + timedelta(hours=1)
    monkeypatch.setattr(response_bag, "created_now", lambda: later)
    newer = make_response(tmp_path / "newer.qpvpkg", workspace, agglomeration_key,
                          response_pdf_writer)
    workspace.close()
    return older, newer


def test_an_older_response_never_overrides_a_newer_one(two_responses, commune_trust,
                                                       commune_workspace, lens_proposals):
    older, newer = two_responses
    point = lens_proposals[0].uuid
    _accept(commune_workspace, _verified(newer.path, commune_trust))
    assert ResponseStore(commune_workspace).current()[point].decision == "non_retenue"
    outcome = _accept(commune_workspace, _verified(older.path, commune_trust))
    assert not outcome.already_imported
    assert sorted(outcome.outdated) == sorted(item.uuid for item in lens_proposals)
    assert "plus récente" in outcome.summary()
    store = ResponseStore(commune_workspace)
    assert store.current()[point].decision == "non_retenue"
    assert store.current()[point].motif == "Financement refusé"
    assert [state.decision for state in store.history(point)] == ["retenue", "non_retenue"]


def test_imported_in_order_the_newer_response_updates(two_responses, commune_trust,
                                                      commune_workspace, lens_proposals):
    older, newer = two_responses
    _accept(commune_workspace, _verified(older.path, commune_trust))
    outcome = _accept(commune_workspace, _verified(newer.path, commune_trust))
    assert outcome.changed == [lens_proposals[0].uuid]
    assert len(outcome.unchanged) == 2
    assert ResponseStore(commune_workspace).current()[lens_proposals[0].uuid].decision == \
        "non_retenue"


def test_responses_are_never_changed_nor_deleted(lens_response, commune_trust,
                                                 commune_workspace):
    from qpvdesk.models.spatialite import sqlite_module

    _accept(commune_workspace, _verified(lens_response.path, commune_trust))
    for statement in ("UPDATE response_decision SET motif = 'autre'",
                      "DELETE FROM received_response"):
        with pytest.raises(sqlite_module().Error, match="append-only"):
            commune_workspace.conn.execute(statement)


def test_a_moved_equipment_travels_as_a_point(agglomeration_store, lens_proposals, reference,
                                              agglomeration_key, response_pdf_writer, tmp_path,
                                              commune_trust):
    """A point's modified geometry goes to the points layer and back."""
    from qpvdesk.models.decisions import DecisionStore
    from qpvdesk.models.proposals import Territory

    point = lens_proposals[0]
    moved = Point(point.geometry.x + 40, point.geometry.y)
    store = DecisionStore(agglomeration_store)
    before = store.latest([point.uuid])[point.uuid]
    store.decide(point.uuid, "retenue_modifiee", "Sur la parcelle voisine", "C. D.", moved,
                 Territory(reference))
    try:
        made = make_response(tmp_path / "r.qpvpkg", agglomeration_store, agglomeration_key,
                             response_pdf_writer)
        [state] = [item for item in _verified(made.path, commune_trust).states
                   if item.proposal_uuid == point.uuid]
        assert state.geometry.equals(moved)
    finally:   # the session's store goes back to its decisions (a new one, not a deletion)
        store.decide(point.uuid, before.decision, before.motif, before.decided_by)


def test_the_package_files_say_they_differ_from_a_proposals_package(lens_response,
                                                                     lens_package, trust):
    from qpvdesk.models.package.verify import named_kind, verify_package

    assert named_kind(lens_response.path) == "reponse"
    assert named_kind(lens_package.path) == "propositions"
    assert named_kind(Path(__file__)) is None
    report = verify_package(lens_response.path, trust)
    assert not report.ok and "une réponse de l'agglomération" in report.reason
