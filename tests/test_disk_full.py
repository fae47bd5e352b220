"""A full disk, for real (a tmpfs of a few hundred kilobytes): the workspace keeps its data and
says so in French, exports leave no partial file."""
from __future__ import annotations

import tempfile

import pytest
from bad_input_fixtures import fill, integrity, tmpfs
from package_fixtures import LENS, commune_key, lens_proposals, pdf_writer  # noqa: F401
from shapely.geometry import Point

from qpvdesk.models.database_problems import DiskFull
from qpvdesk.models.proposals import export_proposals
from qpvdesk.models.proposals.exporter import ExportError
from qpvdesk.models.proposals.proposal import Proposal, now_iso, to_state, write_state
from qpvdesk.models.workspace import Workspace


def _proposal(number: int) -> Proposal:
    stamp = now_iso()
    return Proposal(f"00000000-0000-4000-8000-{number:012d}", "equipement",
                    Point(687000.0 + number, 7034000.0), title="x" * 100,
                    description="y" * 1500, category="sport", status="idee", created=stamp,
                    modified=stamp)


def test_a_transaction_on_a_full_disk_says_so_and_keeps_the_data(tmp_path):
    with tmpfs(tmp_path / "disk", 1024) as disk:
        workspace = Workspace(disk / "workspace.sqlite")
        with workspace.transaction():
            write_state(workspace.conn, to_state(_proposal(0)))
        fill(disk, 16)
        with pytest.raises(DiskFull) as refused:   # not « cannot rollback »
            with workspace.transaction():
                for number in range(1, 400):
                    write_state(workspace.conn, to_state(_proposal(number)))
        assert "est plein" in str(refused.value) and str(disk) in str(refused.value)
        assert not workspace.conn.in_transaction
        assert workspace.conn.execute("SELECT count(*) FROM proposal").fetchone()[0] == 1
        workspace.close()
        (disk / "remplissage").unlink()
        assert integrity(disk / "workspace.sqlite") == "ok"


@pytest.mark.parametrize("extension", [".gpkg", ".geojson", ".csv"])
def test_an_export_on_a_full_disk_leaves_nothing(tmp_path, extension):
    proposals = [_proposal(number) for number in range(60)]
    with tmpfs(tmp_path / "disk", 128) as disk:
        previous = disk / f"propositions{extension}"
        previous.write_bytes(b"export de la semaine passee")
        fill(disk, 4)
        with pytest.raises(ExportError, match="Le disque est plein"):
            export_proposals(proposals, previous)
        assert previous.read_bytes() == b"export de la semaine passee"
        assert sorted(path.name for path in disk.iterdir()) == [previous.name, "remplissage"]


def test_a_package_whose_temporary_folder_fills_up_is_refused_in_french(
        tmp_path, lens_proposals, commune_key, pdf_writer, monkeypatch):
    from qpvdesk.models.package import bag

    secret, _ = commune_key
    # the space check passes, then the disk fills before the GeoPackage is written (another
    # program, a download): the failure must still be a French sentence and leave nothing
    monkeypatch.setattr(bag, "check_free_space", lambda folder, needed: None)
    with tmpfs(tmp_path / "tmp", 64) as scratch:
        fill(scratch, 4)
        monkeypatch.setattr(tempfile, "tempdir", str(scratch))
        target = tmp_path / "lens.qpvpkg"
        with pytest.raises(bag.PackageError, match="Le disque est plein"):
            bag.write_package(lens_proposals, bag.Sender(LENS, "Commune de Lens", "", ""),
                              secret, target, pdf_writer)
        assert not target.exists() and not (tmp_path / ".lens.qpvpkg.part").exists()
        assert sorted(path.name for path in scratch.iterdir()) == ["remplissage"]
