"""A package written by qpvdesk is checked by tools qpvdesk did not write: the minisign command
(Debian's), bagit.py (Library of Congress) and GDAL; and qpvdesk verifies what it wrote."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from package_fixtures import (LENS, commune_key, lens_package, lens_proposals,  # noqa: F401
                              make_package, pdf_writer, trust)
from qpvdesk.models.package.bag import ExportCancelled, PackageError, Sender, write_package
from qpvdesk.models.package.verify import CHECKS, verify_package

MINISIGN = "/usr/bin/minisign"


def _unzip(path: Path, folder: Path) -> Path:
    folder.mkdir()
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder)
    return folder


def test_package_layout_and_bag_info(lens_package):
    with zipfile.ZipFile(lens_package.path) as archive:
        names = sorted(archive.namelist())
        info = dict(line.split(": ", 1) for line in
                    archive.read("bag-info.txt").decode("utf-8").splitlines())
        bagit = archive.read("bagit.txt").decode("utf-8")
    assert names == sorted(["bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                            "tagmanifest-sha256.txt", "tagmanifest-sha256.txt.minisig",
                            "data/propositions.gpkg", "data/propositions.geojson",
                            "data/propositions.csv", "data/synthese.pdf"])
    assert bagit == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    assert info["Source-Organization"] == "Commune de Lens"
    assert info["Qpvdesk-Commune-Insee"] == LENS
    assert info["Qpvdesk-Package-Version"] == "1"
    assert info["Qpvdesk-Proposal-Count"] == "3"
    assert info["External-Identifier"] == lens_package.info.uuid
    assert info["Qpvdesk-Key-Id"] == lens_package.secret.key_id_hex
    assert len(info["Qpvdesk-Key-Id"]) == 16
    assert info["Qpvdesk-Created"][10] == "T" and info["Qpvdesk-Created"][-6] in "+-"
    assert info["Bag-Software-Agent"].startswith("qpvdesk ")


@pytest.mark.skipif(not Path(MINISIGN).exists(), reason="minisign command not installed")
def test_minisign_command_verifies_the_package(lens_package, tmp_path):
    folder = _unzip(lens_package.path, tmp_path / "x")
    (tmp_path / "62498.pub").write_text(lens_package.public.to_text())
    result = subprocess.run([MINISIGN, "-Vm", "tagmanifest-sha256.txt", "-p",
                             str(tmp_path / "62498.pub")], cwd=folder, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert "Signature and comment signature verified" in result.stdout
    assert f"qpvdesk package {lens_package.info.uuid} commune {LENS} created" in result.stdout


def test_bagit_tool_validates_the_package_and_catches_a_change(lens_package, tmp_path):
    folder = _unzip(lens_package.path, tmp_path / "x")
    result = subprocess.run([sys.executable, "-m", "bagit", "--validate", "."], cwd=folder,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "is valid" in result.stderr, result.stderr
    with open(folder / "data" / "propositions.csv", "ab") as handle:
        handle.write(b"x")
    result = subprocess.run([sys.executable, "-m", "bagit", "--validate", "."], cwd=folder,
                            capture_output=True, text=True)
    assert result.returncode != 0


def test_geopackage_opens_with_gdal_with_a_layer_per_kind_in_lambert93(lens_package, tmp_path):
    from qpvdesk.models.proposals import gdal

    folder = _unzip(lens_package.path, tmp_path / "x")
    pyogrio = gdal.pyogrio()
    path = folder / "data" / "propositions.gpkg"
    layers = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert layers == {"equipements": "Point", "quartiers_vecus": "Polygon",
                      "perimetres": "Polygon"}
    for layer in layers:
        assert pyogrio.read_info(path, layer=layer)["crs"] == "EPSG:2154"
        assert len(pyogrio.read_dataframe(path, layer=layer)) == 1
    geojson = pyogrio.read_info(folder / "data" / "propositions.geojson")
    assert geojson["crs"] == "EPSG:4326" and geojson["features"] == 3


def test_qpvdesk_verifies_its_own_package_and_reads_back_the_proposals(lens_package, trust):
    report = verify_package(lens_package.path, trust)
    assert report.ok, report.reason
    assert [check.label for check in report.checks] == list(CHECKS)
    assert all(check.passed for check in report.checks)
    assert report.info == lens_package.info
    assert report.trusted_commune == LENS
    by_uuid = {item.uuid: item for item in report.proposals}
    for original in lens_package.proposals:
        received = by_uuid[original.uuid]
        assert received.title == original.title
        assert received.kind == original.kind
        assert received.qpv_code == original.qpv_code
        assert received.communes == original.communes
        assert received.geometry.equals_exact(original.geometry, 0.001)
    assert {name for name, _ in report.contents} >= {"data/synthese.pdf"}


@pytest.mark.skipif(not Path(MINISIGN).exists(), reason="minisign command not installed")
def test_a_key_made_by_the_minisign_command_signs_qpvdesk_packages(
        tmp_path, lens_proposals, pdf_writer):
    from qpvdesk.models.package import minisign
    from qpvdesk.models.package.trust import TrustStore

    subprocess.run([MINISIGN, "-G", "-W", "-p", str(tmp_path / "cmd.pub"), "-s",
                    str(tmp_path / "cmd.key")], check=True, capture_output=True)
    secret = minisign.SecretKey.from_text((tmp_path / "cmd.key").read_text())
    public = minisign.PublicKey.from_text((tmp_path / "cmd.pub").read_text())
    made = make_package(tmp_path / "p.qpvpkg", lens_proposals, (secret, public), pdf_writer)
    store = TrustStore(tmp_path / "confiance")
    store.add_file(tmp_path / "cmd.pub", LENS)
    assert verify_package(made.path, store).ok


def test_export_cancelled_or_failing_leaves_no_file(tmp_path, lens_proposals, commune_key,
                                                    pdf_writer):
    sender = Sender(LENS, "Commune de Lens")
    target = tmp_path / "lens.qpvpkg"
    with pytest.raises(ExportCancelled):
        write_package(lens_proposals, sender, commune_key[0], target, pdf_writer,
                      progress=lambda percent, step: percent < 80)
    assert list(tmp_path.iterdir()) == []

    def broken_pdf(proposals, path, info):
        raise OSError(28, "No space left on device")
    with pytest.raises(PackageError, match="Écriture du paquet impossible"):
        write_package(lens_proposals, sender, commune_key[0], target, broken_pdf)
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_bad_requests_in_french(tmp_path, lens_proposals, commune_key,
                                               pdf_writer):
    sender = Sender(LENS, "Commune de Lens")
    with pytest.raises(PackageError, match="Aucune proposition"):
        write_package([], sender, commune_key[0], tmp_path / "a.qpvpkg", pdf_writer)
    with pytest.raises(PackageError, match="extension"):
        write_package(lens_proposals, sender, commune_key[0], tmp_path / "a.zip", pdf_writer)
    with pytest.raises(PackageError, match="INSEE"):
        write_package(lens_proposals, Sender("6249", "X"), commune_key[0],
                      tmp_path / "a.qpvpkg", pdf_writer)
    assert list(tmp_path.iterdir()) == []


def test_export_checks_free_space_first(tmp_path, lens_proposals, commune_key, pdf_writer,
                                        monkeypatch):
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9, 1024))
    with pytest.raises(PackageError, match="Espace disque insuffisant"):
        write_package(lens_proposals, Sender(LENS, "Commune de Lens"), commune_key[0],
                      tmp_path / "a.qpvpkg", pdf_writer)
    assert list(tmp_path.iterdir()) == []
