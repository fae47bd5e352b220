"""Each agglomeration keeps its own workspace (the user's proposals) and its own trust folder
(the keys trusted for signed packages): Lens's proposals never show in the Grand Avignon's
database and back again; an install from before (the CALL's workspace at the old path, its
confiance/ folder) keeps everything as the CALL's."""
from __future__ import annotations

import pytest
import shapely
from proposal_fixtures import EQUIPMENT_FIELDS

from qpvdesk import paths
from qpvdesk.app import WindowHost
from qpvdesk.models.package import minisign
from qpvdesk.models.package.identity import Identity, load_identity, save_identity
from qpvdesk.models.package.trust import TrustStore
from qpvdesk.models.proposals import EQUIPEMENT, ProposalStore
from qpvdesk.models.reference import ReferenceStore
from qpvdesk.models.reference_choice import chosen_reference
from qpvdesk.models.workspace import Workspace

AVIGNON = "248400251"
LENS = "62498"


@pytest.fixture
def avignon_path(national_database):
    return national_database(AVIGNON)


def _inside(store) -> shapely.Point:
    wkb, = store.conn.execute("SELECT AsBinary(geom) FROM epci").fetchone()
    return shapely.from_wkb(wkb).representative_point()


def _proposal_titles(host) -> list[str]:
    return [proposal.label for proposal in host.window.proposals.store.list()]


def _trusted(host) -> list[str]:
    """The communes whose keys the open window's package actions trust."""
    folders = {host.window.packages.agglomeration.trust_folder,
               host.window.packages.responses.trust_folder}
    assert len(folders) == 1
    return sorted(key.commune_insee for key in TrustStore(folders.pop()).entries())


@pytest.fixture
def launch(isolated_home):
    """The workspace the app starts with: the CALL's, at the path it always had."""
    workspace = Workspace(paths.default_workspace())
    yield workspace
    workspace.close()


@pytest.fixture
def hosts():
    """The hosts (and workspaces) a test opens, closed once its windows are."""
    opened = []
    yield opened
    for host in opened:
        host.close()


def _host(qtbot, hosts, reference_path, launch) -> WindowHost:
    host = WindowHost(ReferenceStore(reference_path), launch)
    qtbot.addWidget(host.window)
    hosts.append(host)
    return host


def _switch(qtbot, host, path) -> None:
    assert host.switch(path)
    qtbot.addWidget(host.window)


def test_each_epci_has_its_own_workspace_and_trust_folder(isolated_home):
    launch = paths.default_workspace()
    assert paths.epci_workspace(paths.CALL_SIREN) == launch == isolated_home / "workspace.sqlite"
    assert paths.epci_workspace(AVIGNON, launch) == isolated_home / "workspace_248400251.sqlite"
    assert paths.epci_trust_folder(paths.CALL_SIREN) == isolated_home / "confiance"
    assert paths.epci_trust_folder(AVIGNON) == isolated_home / "confiance_248400251"


def test_switching_keeps_each_agglomeration_proposals_and_keys(qtbot, hosts, launch, reference,
                                                               avignon_path, isolated_home):
    host = _host(qtbot, hosts, reference.path, launch)
    host.window.proposals.store.add(EQUIPEMENT, _inside(host.store),
                                    {**EQUIPMENT_FIELDS, "title": "Maison de santé de Lens"})
    TrustStore(host.window.packages.agglomeration.trust_folder).add(
        minisign.generate_keypair()[1].to_text(), LENS)

    _switch(qtbot, host, avignon_path)
    assert host.workspace.path == isolated_home / "workspace_248400251.sqlite"
    assert _proposal_titles(host) == []
    assert _trusted(host) == []
    assert host.window.layer_panel is not None
    host.window.proposals.store.add(EQUIPEMENT, _inside(host.store),
                                    {**EQUIPMENT_FIELDS, "title": "Gymnase d'Avignon"})
    assert chosen_reference(launch) == avignon_path

    _switch(qtbot, host, reference.path)
    assert host.workspace is launch
    assert _proposal_titles(host) == ["Maison de santé de Lens"]
    assert _trusted(host) == [LENS]

    _switch(qtbot, host, avignon_path)
    assert _proposal_titles(host) == ["Gymnase d'Avignon"]
    assert _trusted(host) == []


def test_an_install_from_before_keeps_its_workspace_and_keys_as_the_call(
        qtbot, hosts, reference, avignon_path, isolated_home):
    # what an install kept before agglomerations had their own: workspace.sqlite, confiance/
    old = Workspace(isolated_home / "workspace.sqlite")
    ProposalStore(old, reference).add(EQUIPEMENT, _inside(reference),
                                      {**EQUIPMENT_FIELDS, "title": "Proposition d'avant"})
    save_identity(old, Identity("commune", LENS, "Claire Dubois", "claire@example.org"))
    old.close()
    TrustStore(isolated_home / "confiance").add(minisign.generate_keypair()[1].to_text(), LENS)
    before = sorted(path.name for path in isolated_home.rglob("*"))

    launch = Workspace(paths.default_workspace())
    host = _host(qtbot, hosts, reference.path, launch)
    hosts.append(launch)
    assert host.workspace is launch
    assert _proposal_titles(host) == ["Proposition d'avant"]
    assert _trusted(host) == [LENS]
    assert load_identity(host.workspace).commune_insee == LENS
    _switch(qtbot, host, avignon_path)
    assert _proposal_titles(host) == [] and _trusted(host) == []
    _switch(qtbot, host, reference.path)
    assert _proposal_titles(host) == ["Proposition d'avant"]
    assert _trusted(host) == [LENS]
    # nothing of the old install was moved or removed
    assert set(before) <= {path.name for path in isolated_home.rglob("*")}


def test_the_app_reopens_the_chosen_agglomeration_with_its_own_workspace(
        qtbot, hosts, launch, reference, avignon_path):
    host = _host(qtbot, hosts, reference.path, launch)
    _switch(qtbot, host, avignon_path)
    host.window.proposals.store.add(EQUIPEMENT, _inside(host.store),
                                    {**EQUIPMENT_FIELDS, "title": "Gymnase d'Avignon"})
    host.window.close()
    # the next start: the launch workspace says which database; its host opens Avignon's
    restarted = _host(qtbot, hosts, chosen_reference(launch), launch)
    assert restarted.workspace.path == host.workspace.path != launch.path
    assert _proposal_titles(restarted) == ["Gymnase d'Avignon"]


def test_a_command_on_an_agglomeration_database_uses_its_workspace(reference, avignon_path,
                                                                   launch, isolated_home,
                                                                   capsys):
    from qpvdesk.cli import main

    ProposalStore(launch, reference).add(EQUIPEMENT, _inside(reference),
                                         {**EQUIPMENT_FIELDS, "title": "Maison de Lens"})
    assert main(["--reference", str(avignon_path), "proposals", "list"]) == 0
    assert capsys.readouterr().out == "0 proposition(s)\n"
    assert (isolated_home / "workspace_248400251.sqlite").is_file()
    assert main(["--reference", str(reference.path), "proposals", "list"]) == 0
    assert "Maison de Lens" in capsys.readouterr().out
