"""Fixtures of the response packages: the agglomeration's key, its decisions on Lens's genuine
package, the signed response, and the commune's side (its proposals, its trust in the
agglomeration's key). Import the fixtures by name, with those of package_fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

from package_fixtures import LENS, Made

SIREN = "246200364"


@pytest.fixture(scope="session")
def agglomeration_key():
    from qpvdesk.models.package import minisign

    return minisign.generate_keypair()


@pytest.fixture(scope="session")
def response_pdf_writer(reference, qapp):
    # pytest-qt's QApplication: a QGuiApplication made here would forbid widgets later
    from qpvdesk.render.response_pdf import write_response_pdf

    return lambda entries, path, info: write_response_pdf(reference, entries, path, info)


def decide_all(workspace, proposals, territory=None) -> None:
    """One decision of each kind of answer on Lens's three proposals: retained, retained with
    a smaller outline, not retained."""
    from qpvdesk.models.decisions import DecisionStore

    store = DecisionStore(workspace)
    point, area, perimeter = proposals
    store.decide(point.uuid, "a_l_etude", decided_by="Claire Dubois")
    store.decide(point.uuid, "retenue", "Inscrit au contrat de ville 2025-2030",
                 "Claire Dubois")
    store.decide(area.uuid, "retenue_modifiee", "Limité aux rues habitées", "Claire Dubois",
                 area.geometry.buffer(-60), territory)
    store.decide(perimeter.uuid, "non_retenue", "La résidence ne remplit pas le critère de "
                 "revenu", "Claire Dubois")


def make_response(target: Path, workspace, key, pdf_writer, commune: str = LENS) -> Made:
    from qpvdesk.models.decisions import DecisionStore
    from qpvdesk.models.package.response_bag import Responder, write_response

    secret, public = key
    entries = DecisionStore(workspace).response_states(commune)
    info = write_response(entries, commune, Responder(SIREN, "CA de Lens-Liévin",
                                                      "Claire Dubois", "pv@agglo-lenslievin.fr"),
                          secret, target, pdf_writer)
    return Made(target, info, secret, public, [state for _, state in entries])


@pytest.fixture(scope="session")
def agglomeration_store(tmp_path_factory, lens_package, commune_key, reference):
    """An agglomeration workspace that accepted Lens's package and decided on it."""
    from qpvdesk.models.package.received import ConsolidatedStore
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.package.verify import verify_package
    from qpvdesk.models.proposals import Territory
    from qpvdesk.models.workspace import Workspace

    folder = tmp_path_factory.mktemp("agglomeration")
    trust = TrustStore(folder / "confiance")
    trust.add(commune_key[1].to_text(), LENS)
    report = verify_package(lens_package.path, trust)
    workspace = Workspace(folder / "workspace.sqlite")
    ConsolidatedStore(workspace).accept(report.info, report.proposals,
                                        lens_package.path.name, report.sha256)
    decide_all(workspace, lens_package.proposals, Territory(reference))
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def lens_response(tmp_path_factory, agglomeration_store, agglomeration_key,
                  response_pdf_writer) -> Made:
    folder = tmp_path_factory.mktemp("response")
    return make_response(folder / "reponse_lens.qpvpkg", agglomeration_store,
                         agglomeration_key, response_pdf_writer)


@pytest.fixture
def commune_trust(tmp_path, agglomeration_key):
    """The commune's trust folder: the agglomeration's key as <SIREN>.pub."""
    from qpvdesk.models.package.trust import TrustStore

    store = TrustStore(tmp_path / "confiance-commune")
    store.add(agglomeration_key[1].to_text(), SIREN)
    return store


@pytest.fixture
def commune_workspace(tmp_path, lens_proposals):
    """Lens's own workspace: its proposals (the ones it sent) and its identity."""
    from qpvdesk.models.package.identity import Identity, save_identity
    from qpvdesk.models.proposals.proposal import to_state, write_state
    from qpvdesk.models.workspace import Workspace

    workspace = Workspace(tmp_path / "commune.sqlite")
    with workspace.transaction():
        for proposal in lens_proposals:
            write_state(workspace.conn, to_state(proposal))
    save_identity(workspace, Identity("commune", LENS, "Jeanne Martin", "jeanne@lens.fr"))
    yield workspace
    workspace.close()
