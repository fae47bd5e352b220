"""The package names the agglomeration it is for (issue 13): Qpvdesk-Epci-Siren in bag-info.txt
and « epci <SIREN> » in the signed comment, so that a package cannot be passed off as meant
for another EPCI; packages written before the field existed (the CALL's) stay valid."""
from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from package_fixtures import (LENS, commune_key, lens_package, lens_proposals,  # noqa: F401
                              members_of, pdf_writer, replace_info, reseal, trust, write_zip)
from qpvdesk.models.package.bag import Sender, write_package
from qpvdesk.models.package.verify import verify_package

CALL = "246200364"
MINISIGN = "/usr/bin/minisign"


@pytest.fixture(scope="module")
def epci_package(qapp, tmp_path_factory, lens_proposals, commune_key,  # noqa: F811
                 pdf_writer):  # noqa: F811
    """(A QApplication first: the PDF writer would otherwise make a bare QGuiApplication.)"""
    target = tmp_path_factory.mktemp("epci_package") / "lens.qpvpkg"
    info = write_package(lens_proposals, Sender(LENS, "Commune de Lens", "Jeanne Martin",
                                                "jeanne.martin@lens.fr", CALL),
                         commune_key[0], target, pdf_writer)
    return target, info


def _bag_info(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return dict(line.split(": ", 1) for line in
                    archive.read("bag-info.txt").decode().splitlines())


def test_the_package_names_its_epci_and_signs_it(epci_package, trust):  # noqa: F811
    path, info = epci_package
    assert _bag_info(path)["Qpvdesk-Epci-Siren"] == CALL
    assert info.trusted_comment() == (f"qpvdesk package {info.uuid} commune {LENS} epci {CALL} "
                                      f"created {info.created}")
    report = verify_package(path, trust)
    assert report.ok, report.reason
    assert report.info.epci_siren == CALL


@pytest.mark.skipif(not Path(MINISIGN).exists(), reason="minisign command not installed")
def test_minisign_shows_the_epci_in_the_trusted_comment(epci_package, commune_key,  # noqa: F811
                                                         tmp_path):
    path, info = epci_package
    with zipfile.ZipFile(path) as archive:
        archive.extractall(tmp_path)
    (tmp_path / "key.pub").write_text(commune_key[1].to_text())
    result = subprocess.run([MINISIGN, "-V", "-p", str(tmp_path / "key.pub"), "-m",
                             str(tmp_path / "tagmanifest-sha256.txt")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"commune {LENS} epci {CALL} created" in result.stdout


def test_a_package_without_epci_stays_valid(lens_package, trust):  # noqa: F811
    assert "Qpvdesk-Epci-Siren" not in _bag_info(lens_package.path)
    report = verify_package(lens_package.path, trust)
    assert report.ok, report.reason
    assert report.info.epci_siren == ""


def test_another_epci_in_bag_info_is_refused(epci_package, commune_key, trust,  # noqa: F811
                                              tmp_path):
    path, info = epci_package
    signed_comment = info.trusted_comment()      # names the CALL
    members = replace_info(members_of(path), "Qpvdesk-Epci-Siren", "200093201")
    forged = write_zip(tmp_path / "forged.qpvpkg",
                       reseal(members, commune_key[0], comment=signed_comment))
    report = verify_package(forged, trust)
    assert not report.ok
    assert report.reason == ("Le commentaire signé ne correspond pas à bag-info.txt "
                             "(identifiant, commune, intercommunalité ou date).")


def test_a_malformed_siren_is_refused_in_french(epci_package, commune_key, trust,  # noqa: F811
                                                tmp_path):
    path, _ = epci_package
    members = replace_info(members_of(path), "Qpvdesk-Epci-Siren", "24620")
    forged = write_zip(tmp_path / "forged.qpvpkg", reseal(members, commune_key[0]))
    report = verify_package(forged, trust)
    assert not report.ok
    assert report.reason == "bag-info.txt : SIREN d'intercommunalité invalide « 24620 »."


def test_a_package_for_another_epci_is_refused_by_the_receiver(epci_package,  # noqa: F811
                                                                trust):  # noqa: F811
    path, _ = epci_package
    assert verify_package(path, trust, epci_siren=CALL).ok
    report = verify_package(path, trust, epci_siren="200093201")
    assert not report.ok
    assert report.reason == ("Ce paquet est destiné à l'intercommunalité 246200364, pas à celle "
                             "de la base de référence ouverte (200093201).")
