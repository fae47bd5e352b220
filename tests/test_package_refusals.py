"""Every refusal case of PACKAGE_FORMAT.md, each with a crafted package: refused with a
one-line French reason, nothing written anywhere, and the consolidated store untouched."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from package_fixtures import (LENS, LIEVIN, central_directory_patch, commune_key,  # noqa: F401
                              lens_package, lens_proposals, members_of, pdf_writer, replace_info,
                              reseal, trust, write_zip, zip_bytes)
from qpvdesk.models.package import minisign
from qpvdesk.models.package.verify import verify_package


def _refused(path: Path, trust, *fragments: str) -> str:
    folder = path.parent
    before = sorted(os.listdir(folder))
    report = verify_package(path, trust)
    assert not report.ok, "package accepted"
    assert report.reason and "\n" not in report.reason
    for fragment in fragments:
        assert fragment.lower() in report.reason.lower(), report.reason
    assert report.proposals == []
    assert sorted(os.listdir(folder)) == before, "verification wrote a file"
    failed = [check for check in report.checks if check.passed is False]
    assert len(failed) == 1 and failed[0].detail == report.reason
    return report.reason


@pytest.fixture
def members(lens_package):
    return members_of(lens_package.path)


@pytest.fixture
def crafted(tmp_path):
    folder = tmp_path / "recus"
    folder.mkdir()
    return folder


def test_not_a_zip_and_truncated_zip(lens_package, crafted, trust):
    junk = crafted / "junk.qpvpkg"
    junk.write_bytes(b"Bonjour, ceci n'est pas un paquet.")
    _refused(junk, trust, "archive ZIP")
    data = lens_package.path.read_bytes()
    truncated = crafted / "truncated.qpvpkg"
    truncated.write_bytes(data[: len(data) // 2])
    _refused(truncated, trust, "ZIP")


@pytest.mark.parametrize("name, fragment", [
    ("/etc/qpvdesk.txt", "absolu"),
    ("data/../../evil.txt", "sortant"),
    ("C:/Windows/evil.txt", "lecteur"),
    ("data\\evil.txt", "oblique inverse"),
])
def test_dangerous_entry_names(members, crafted, trust, name, fragment):
    path = write_zip(crafted / "p.qpvpkg", {**members, name: b"x"})
    _refused(path, trust, fragment)


def test_symlink_entry(members, crafted, trust):
    path = crafted / "p.qpvpkg"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
        link = zipfile.ZipInfo("data/lien")
        link.create_system = 3
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    _refused(path, trust, "lien symbolique")


def test_duplicate_names(members, crafted, trust):
    path = crafted / "p.qpvpkg"
    with pytest.warns(UserWarning):   # zipfile itself warns when writing a duplicate
        with zipfile.ZipFile(path, "w") as archive:
            for name, content in members.items():
                archive.writestr(name, content)
            archive.writestr("data/propositions.csv", b"autre contenu")
    _refused(path, trust, "double")


def test_too_many_entries(members, crafted, trust):
    extra = {f"data/f{number}.txt": b"" for number in range(1001)}
    _refused(write_zip(crafted / "p.qpvpkg", {**members, **extra}), trust, "trop de fichiers")


def test_too_large_once_uncompressed(members, crafted, trust):
    data = zip_bytes({**members, "data/gros.bin": b"0" * 1000})
    # the central directory claims 250 MB for it: refused before anything is inflated
    data = central_directory_patch(data, "data/gros.bin", 24,
                                   (250 * 1024 * 1024).to_bytes(4, "little"))
    path = crafted / "p.qpvpkg"
    path.write_bytes(data)
    _refused(path, trust, "volumineuse")


def test_file_larger_than_any_package(crafted, trust):
    path = crafted / "p.qpvpkg"
    with open(path, "wb") as handle:
        handle.truncate(201 * 1024 * 1024)   # sparse: costs no disk
    _refused(path, trust, "volumineux")


def test_compression_ratio_above_100(members, crafted, trust):
    path = write_zip(crafted / "p.qpvpkg", {**members, "data/zeros.bin": bytes(1024 * 1024)})
    _refused(path, trust, "taux de compression")


def test_missing_payload_file(members, crafted, trust):
    del members["data/synthese.pdf"]
    _refused(write_zip(crafted / "p.qpvpkg", members), trust, "manquant", "synthese.pdf")


def test_extra_payload_file_even_when_resealed(members, crafted, trust, lens_package):
    members["data/programme.exe"] = b"MZ"
    _refused(write_zip(crafted / "a.qpvpkg", members), trust, "en trop", "programme.exe")
    sealed = reseal(members, lens_package.secret)
    _refused(write_zip(crafted / "b.qpvpkg", sealed), trust, "en trop")


def test_checksum_mismatch(members, crafted, trust):
    members["data/propositions.csv"] = members["data/propositions.csv"].replace(
        "Maison de santé".encode(), "Maison de sante".encode())
    _refused(write_zip(crafted / "p.qpvpkg", members), trust, "somme de contrôle",
             "propositions.csv")


def test_changed_bag_info_breaks_the_tag_manifest(members, crafted, trust):
    changed = replace_info(members, "Qpvdesk-Proposal-Count", "2")
    _refused(write_zip(crafted / "p.qpvpkg", changed), trust, "somme de contrôle",
             "bag-info.txt")


def test_missing_signature(members, crafted, trust):
    del members["tagmanifest-sha256.txt.minisig"]
    _refused(write_zip(crafted / "p.qpvpkg", members), trust, "manquant", ".minisig")


def test_malformed_signature(members, crafted, trust):
    members["tagmanifest-sha256.txt.minisig"] = b"untrusted comment: x\nnot base64 !!\n"
    _refused(write_zip(crafted / "p.qpvpkg", members), trust, "signature")


def test_wrong_signature(members, crafted, trust, lens_package):
    # a real signature by the commune's key, but of another document
    members["tagmanifest-sha256.txt.minisig"] = minisign.sign(
        lens_package.secret, b"un autre document", lens_package.info.trusted_comment()).encode()
    _refused(write_zip(crafted / "p.qpvpkg", members), trust, "signature invalide")


def test_unknown_key(members, crafted, tmp_path):
    from qpvdesk.models.package.trust import TrustStore

    _refused(write_zip(crafted / "p.qpvpkg", members), TrustStore(tmp_path / "vide"),
             "clé inconnue")


def test_signed_by_another_trusted_commune_key(members, crafted, trust):
    other_secret, other_public = minisign.generate_keypair()
    trust.add(other_public.to_text(), LIEVIN)
    # Liévin's key signs a package that says it comes from Lens
    sealed = reseal(replace_info(members, "Qpvdesk-Key-Id", other_secret.key_id_hex),
                    other_secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), trust, LIEVIN, LENS)


def test_key_bound_to_another_commune(members, crafted, tmp_path, lens_package):
    from qpvdesk.models.package.trust import TrustStore

    store = TrustStore(tmp_path / "confiance")
    store.add(lens_package.public.to_text(), LIEVIN)
    _refused(write_zip(crafted / "p.qpvpkg", members), store, "commune")


def test_trusted_comment_not_matching_bag_info(members, crafted, trust, lens_package):
    comment = lens_package.info.trusted_comment().replace(LENS, LIEVIN)
    sealed = reseal(members, lens_package.secret, comment=comment)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), trust, "commentaire signé")


def test_bagit_version_other_than_1_0(members, crafted, trust, lens_package):
    members["bagit.txt"] = b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"
    sealed = reseal(members, lens_package.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), trust, "0.97", "1.0")


@pytest.mark.parametrize("name, content, fragment", [
    ("data/propositions.gpkg", b"SQLite format 3\x00" + bytes(2000), "GeoPackage"),
    ("data/propositions.geojson", b'{"type": "Feature"}', "GeoJSON"),
    ("data/propositions.csv", "\ufeffa;b\n".encode(), "CSV"),
    ("data/synthese.pdf", b"<html></html>", "PDF"),
])
def test_unreadable_payload_even_when_properly_signed(members, crafted, trust, lens_package,
                                                      name, content, fragment):
    members[name] = content
    sealed = reseal(members, lens_package.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), trust, fragment)


def test_geopackage_in_another_crs_is_refused(members, crafted, trust, lens_package,
                                              tmp_path):
    from qpvdesk.models.proposals import gdal

    pyogrio = gdal.pyogrio()
    source = tmp_path / "src.gpkg"
    source.write_bytes(members["data/propositions.gpkg"])
    target = tmp_path / "wgs84.gpkg"
    for layer, _ in pyogrio.list_layers(source):
        frame = pyogrio.read_dataframe(source, layer=layer).to_crs(4326)
        pyogrio.write_dataframe(frame, target, layer=layer)
    members["data/propositions.gpkg"] = target.read_bytes()
    sealed = reseal(members, lens_package.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), trust, "EPSG:2154")


def test_refused_import_touches_no_existing_data(members, crafted, trust, workspace,
                                                 lens_package):
    from qpvdesk.models.package.received import ConsolidatedStore

    store = ConsolidatedStore(workspace)
    good = verify_package(lens_package.path, trust)
    store.accept(good.info, good.proposals, lens_package.path.name, good.sha256)
    before = workspace.conn.execute("SELECT count(*) FROM received_proposal").fetchone()
    members["data/propositions.csv"] += b"\n"
    report = verify_package(write_zip(crafted / "p.qpvpkg", members), trust)
    assert not report.ok and report.proposals == []
    assert workspace.conn.execute("SELECT count(*) FROM received_proposal").fetchone() == before
