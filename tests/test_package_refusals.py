"""Every refusal case of PACKAGE_FORMAT.md, each with a crafted package: refused with a
one-line French reason, nothing written anywhere, and the consolidated store untouched."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import zipfile
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from package_fixtures import (LENS, LIEVIN, RawEntry, central_directory_patch,  # noqa: F401
                              commune_key, lens_package, lens_proposals, members_of, pdf_writer,
                              raw_entries, raw_zip, replace_info, reseal, trust,
                              unicode_path_field, unix_link_field, write_zip, zip_bytes)
from qpvdesk.cli import main
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


# -- the same refusals through the command line, against an agglomeration's store ----------------

@pytest.fixture
def agglomeration(tmp_path, lens_package, trust, capsys) -> Path:
    """An agglomeration workspace that already accepted the genuine package."""
    path = tmp_path / "agglomeration.sqlite"
    assert main(["import", str(lens_package.path), "--trust", str(trust.folder),
                 "--workspace", str(path)]) == 0
    capsys.readouterr()
    return path


def _consolidated(path: Path) -> list:
    with closing(sqlite3.connect(path)) as connection:
        return [connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("received_package", "received_proposal")]


def _refused_everywhere(path: Path, trust, agglomeration: Path, capsys, reference_path,
                        *fragments: str) -> str:
    """Refused by verify_package (nothing written), by `qpvdesk verify` and `qpvdesk import`
    (exit 1, the one French line on stderr besides warnings about the trust folder), and the
    consolidated store is untouched."""
    reason = _refused(path, trust, *fragments)
    before = _consolidated(agglomeration)
    for command in (["verify"], ["import", "--workspace", str(agglomeration)]):
        code = main(["--reference", str(reference_path), command[0], str(path), "--trust",
                     str(trust.folder), *command[1:]])
        err = capsys.readouterr().err
        assert code == 1, err
        lines = err.splitlines()
        assert [line for line in lines if not line.startswith("qpvdesk: warning: ")] == \
            [f"qpvdesk: refused: {reason}"]
    assert _consolidated(agglomeration) == before
    return reason


# -- an archive that another ZIP reader would read differently ------------------------------------

def test_the_raw_zip_forger_writes_an_accepted_package(members, crafted, trust):
    """The control of the tests below: the same bytes without their trick verify."""
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(raw_entries(members)))
    assert verify_package(path, trust).ok


def test_zip64_fields_in_entries_are_accepted(members, crafted, trust):
    """ZIP64 extra fields (8-byte sizes) are legitimate at any size; only the ZIP64 end
    record, which a package never needs, is refused."""
    path = crafted / "p.qpvpkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            with archive.open(name, "w", force_zip64=True) as handle:
                handle.write(content)
    assert verify_package(path, trust).ok


@pytest.mark.parametrize("other_name", ["data/../bagit.txt", "../../../../tmp/qpvdesk-x.csv"])
@pytest.mark.parametrize("where", ["local", "central"])
def test_unicode_path_extra_field_naming_another_file(members, crafted, trust, agglomeration,
                                                      capsys, reference_path, other_name,
                                                      where):
    entries = raw_entries(members)
    csv_entry = next(entry for entry in entries if entry.name == "data/propositions.csv")
    setattr(csv_entry, f"{where}_extra", unicode_path_field(csv_entry.name, other_name))
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    reason = _refused_everywhere(path, trust, agglomeration, capsys, reference_path,
                                 "nom caché", "data/propositions.csv", other_name, "0x7075")
    assert reason.startswith("Nom caché refusé")


@pytest.mark.skipif(not shutil.which("unzip"), reason="unzip not installed")
def test_unzip_really_uses_the_unicode_path_field(members, crafted):
    """Why the refusal above matters: the tool PACKAGE_FORMAT.md suggests writes the file
    under the hidden name."""
    entries = raw_entries(members)
    csv_entry = next(entry for entry in entries if entry.name == "data/propositions.csv")
    csv_entry.local_extra = csv_entry.central_extra = unicode_path_field(
        csv_entry.name, "data/../bagit.txt")
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    listed = subprocess.run(["unzip", "-Z1", str(path)], capture_output=True, text=True).stdout
    assert "data/../bagit.txt" in listed.splitlines()
    assert "data/propositions.csv" not in listed.splitlines()


def test_unicode_path_extra_field_repeating_the_name_is_accepted(members, crafted, trust):
    """7-Zip and others write the field for every name: harmless when it agrees."""
    entries = raw_entries(members)
    for entry in entries:
        entry.local_extra = entry.central_extra = unicode_path_field(entry.name, entry.name)
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    assert verify_package(path, trust).ok


def test_link_target_hidden_in_a_unix_extra_field(members, crafted, trust, agglomeration,
                                                  capsys, reference_path):
    entries = raw_entries(members)
    entries[-1].local_extra = unix_link_field("/etc/passwd")
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    _refused_everywhere(path, trust, agglomeration, capsys, reference_path, "lien caché",
                        entries[-1].name)


def test_local_header_naming_another_file(members, crafted, trust, agglomeration, capsys,
                                          reference_path):
    entries = raw_entries(members)
    entries[1].local_name = "../evil.txt"
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    _refused_everywhere(path, trust, agglomeration, capsys, reference_path, entries[1].name,
                        "../evil.txt", "en-tête local")


def test_zip_prepended_to_a_real_package(lens_package, crafted, trust, agglomeration, capsys,
                                         reference_path):
    evil = zip_bytes({"../evil.txt": b"ce fichier sort du dossier"})
    path = crafted / "p.qpvpkg"
    path.write_bytes(evil + lens_package.path.read_bytes())
    with zipfile.ZipFile(path) as archive:   # what Python's zipfile alone would accept
        assert "../evil.txt" not in archive.namelist() and archive.testzip() is None
    _refused_everywhere(path, trust, agglomeration, capsys, reference_path,
                        f"{len(evil)} octets ajoutés avant le premier fichier")


@pytest.mark.parametrize("trick, fragment", [
    ({"after_first": b"PK\x03\x04 cach\xc3\xa9"}, "avant « bag-info.txt »"),
    ({"before_directory": b"donnees cachees"}, "entre le dernier fichier et le répertoire"),
    ({"comment": b"un commentaire"}, "commentaire"),
])
def test_bytes_the_central_directory_does_not_account_for(members, crafted, trust,
                                                          agglomeration, capsys, reference_path,
                                                          trick, fragment):
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(raw_entries({"bagit.txt": members.pop("bagit.txt"),
                                          "bag-info.txt": members.pop("bag-info.txt"),
                                          **members}), **trick))
    _refused_everywhere(path, trust, agglomeration, capsys, reference_path, fragment)


def test_bytes_after_the_end_of_the_archive(lens_package, crafted, trust, agglomeration, capsys,
                                            reference_path):
    path = crafted / "p.qpvpkg"
    path.write_bytes(lens_package.path.read_bytes() + b"PK\x03\x04 et la suite")
    _refused_everywhere(path, trust, agglomeration, capsys, reference_path,
                        "données suivent la fin de l'archive")


def test_local_header_disagreeing_on_the_size(members, crafted, trust):
    data = bytearray(raw_zip(raw_entries(members)))
    data[18:22] = (1).to_bytes(4, "little")   # the first local header's compressed size
    path = crafted / "p.qpvpkg"
    path.write_bytes(bytes(data))
    _refused(path, trust, "bagit.txt", "diffère entre l'en-tête local et le répertoire central")


# -- dates, kind and identifier of bag-info.txt, re-signed by the commune's own key -------------

@pytest.mark.parametrize("created, fragment", [
    ("9999-12-31", "le 31/12/9999, dans le futur"),
    ("9999-12-31T00:00:00+01:00", "le 31/12/9999, dans le futur"),
    ("2023-12-31T23:59:00+01:00", "le 31/12/2023, avant le 1er janvier 2024"),
    ("le 22 novembre", "illisible"),
    ("2026-11-22T10:04:31", "sans fuseau horaire"),
])
def test_created_date_out_of_bounds_even_when_resigned(members, crafted, trust, lens_package,
                                                       agglomeration, capsys, reference_path,
                                                       created, fragment):
    sealed = reseal(replace_info(members, "Qpvdesk-Created", created), lens_package.secret)
    _refused_everywhere(write_zip(crafted / "p.qpvpkg", sealed), trust, agglomeration, capsys,
                        reference_path, fragment)


def test_bagging_date_out_of_bounds(members, crafted, trust, lens_package):
    sealed = reseal(replace_info(members, "Bagging-Date", "1999-01-01"), lens_package.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), trust, "Bagging-Date", "01/01/1999")


def test_a_day_of_clock_difference_is_tolerated_not_more(lens_package, trust):
    created = datetime.fromisoformat(lens_package.info.created)
    assert verify_package(lens_package.path, trust, now=created - timedelta(hours=20)).ok
    late = verify_package(lens_package.path, trust, now=created - timedelta(days=2))
    assert not late.ok and "dans le futur" in late.reason


def test_unknown_package_kind_is_refused(members, crafted, trust, lens_package):
    changed = replace_info(members, "Qpvdesk-Package-Kind", "reponse")
    sealed = reseal(changed, lens_package.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), trust, "type « reponse »",
             "« propositions »")


def test_package_id_must_be_a_uuid(members, crafted, trust, lens_package):
    sealed = reseal(replace_info(members, "External-Identifier", "paquet-numero-1"),
                    lens_package.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), trust, "External-Identifier",
             "n'est pas un UUID")


# -- keys: which commune, named ------------------------------------------------------------------

@pytest.fixture
def named_trust(trust, reference):
    from qpvdesk.models.package.communes import commune_names
    from qpvdesk.models.package.trust import TrustStore

    return TrustStore(trust.folder, names=commune_names(reference))


def test_same_key_bound_to_two_communes_names_both(members, crafted, named_trust, agglomeration,
                                                   capsys, reference_path, lens_package):
    (named_trust.folder / f"{LIEVIN}.pub").write_text(lens_package.public.to_text())
    reason = _refused_everywhere(write_zip(crafted / "p.qpvpkg", members), named_trust,
                                 agglomeration, capsys, reference_path,
                                 "plusieurs communes", "Lens (62498) et Liévin (62510)")
    assert "inconnue" not in reason


def test_revoked_key_says_so(members, crafted, named_trust):
    named_trust.revoke(LENS)
    _refused(write_zip(crafted / "p.qpvpkg", members), named_trust,
             f"{minisign.readable_key_id(members_key_id(members))} de Lens (62498) a été "
             "révoquée")


def members_key_id(members: dict[str, bytes]) -> str:
    return minisign.signature_key_id(members["tagmanifest-sha256.txt.minisig"].decode())


def test_key_of_another_commune_names_both_communes(members, crafted, named_trust):
    other_secret, other_public = minisign.generate_keypair()
    named_trust.add(other_public.to_text(), LIEVIN)
    sealed = reseal(replace_info(members, "Qpvdesk-Key-Id", other_secret.key_id_hex),
                    other_secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), named_trust,
             "Clé enregistrée pour Liévin (62510), utilisée pour un paquet au nom de Lens "
             "(62498).")


def test_key_ids_are_written_one_way_in_refusals(members, crafted, tmp_path):
    from qpvdesk.models.package.trust import TrustStore

    reason = _refused(write_zip(crafted / "p.qpvpkg", members), TrustStore(tmp_path / "vide"),
                      "clé inconnue")
    key_id = members_key_id(members)
    assert minisign.readable_key_id(key_id) in reason and key_id not in reason
