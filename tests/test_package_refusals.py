"""Every refusal case of PACKAGE_FORMAT.md, each with a crafted package: refused with a
one-line French reason, nothing written anywhere, and the receiver's store untouched. Each
case runs on both kinds of package: a commune's proposals (verified by the agglomeration) and
the agglomeration's response (verified by the commune)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import zipfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from package_fixtures import (LENS, LIEVIN, Made, RawEntry,  # noqa: F401
                              central_directory_patch, commune_key, lens_package,
                              lens_proposals, members_of, pdf_writer, raw_entries, raw_zip,
                              replace_info, reseal, trust, unicode_path_field, unix_link_field,
                              write_zip, zip_bytes)
from response_fixtures import (SIREN, agglomeration_key, agglomeration_store,  # noqa: F401
                               commune_trust, commune_workspace, lens_response,
                               response_pdf_writer)
from qpvdesk.cli import main
from qpvdesk.models.package import minisign
from qpvdesk.models.package.communes import commune_label
from qpvdesk.models.package.verify import verify_package, verify_response

OTHER_SIREN = "200033579"   # another agglomeration (the CA Béthune-Bruay)


@dataclass
class Kind:
    """One kind of package, the genuine one, and who receives it."""
    name: str
    made: Made
    trust: object                 # the receiver's TrustStore, binding the sender's key
    verify: Callable              # (path, trust, now=None) -> VerificationReport
    owner: str                    # whom the sender's key is bound to
    other_owner: str              # another sender of the same kind
    csv: str
    csv_phrase: bytes             # words of the genuine CSV
    gpkg: str
    pdf: str
    import_command: str           # the CLI command that imports it
    tables: tuple[str, str]       # where the receiver records it
    store: Callable               # workspace -> the receiver's store, with accept_report()


def _proposals_kind(request) -> Kind:
    from qpvdesk.models.package.received import ConsolidatedStore

    def accept(workspace, report):
        ConsolidatedStore(workspace).accept(report.info, report.proposals, "p.qpvpkg",
                                            report.sha256)
    return Kind("propositions", request.getfixturevalue("lens_package"),
                request.getfixturevalue("trust"), verify_package, LENS, LIEVIN,
                "data/propositions.csv", "Maison de santé".encode(), "data/propositions.gpkg",
                "data/synthese.pdf", "import", ("received_package", "received_proposal"),
                accept)


def _response_kind(request) -> Kind:
    from qpvdesk.models.package.responses import ResponseStore

    def accept(workspace, report):
        ResponseStore(workspace).accept(report.info, report.states, "r.qpvpkg", report.sha256,
                                        LENS)
    return Kind("reponse", request.getfixturevalue("lens_response"),
                request.getfixturevalue("commune_trust"),
                partial(verify_response, commune=LENS), SIREN, OTHER_SIREN,
                "data/reponse.csv", "Inscrit au contrat".encode(), "data/reponse.gpkg",
                "data/reponse.pdf", "import-response",
                ("received_response", "response_decision"), accept)


@pytest.fixture(params=["propositions", "reponse"])
def kind(request) -> Kind:
    return (_proposals_kind if request.param == "propositions" else _response_kind)(request)


def _refused(path: Path, kind: Kind, *fragments: str, trust=None) -> str:
    folder = path.parent
    before = sorted(os.listdir(folder))
    report = kind.verify(path, trust if trust is not None else kind.trust)
    assert not report.ok, "package accepted"
    assert report.reason and "\n" not in report.reason
    for fragment in fragments:
        assert fragment.lower() in report.reason.lower(), report.reason
    assert report.proposals == [] and report.states == []
    assert sorted(os.listdir(folder)) == before, "verification wrote a file"
    failed = [check for check in report.checks if check.passed is False]
    assert len(failed) == 1 and failed[0].detail == report.reason
    return report.reason


@pytest.fixture
def members(kind):
    return members_of(kind.made.path)


@pytest.fixture
def crafted(tmp_path):
    folder = tmp_path / "recus"
    folder.mkdir()
    return folder


def test_not_a_zip_and_truncated_zip(kind, crafted):
    junk = crafted / "junk.qpvpkg"
    junk.write_bytes(b"Bonjour, ceci n'est pas un paquet.")
    _refused(junk, kind, "archive ZIP")
    data = kind.made.path.read_bytes()
    truncated = crafted / "truncated.qpvpkg"
    truncated.write_bytes(data[: len(data) // 2])
    _refused(truncated, kind, "ZIP")


@pytest.mark.parametrize("name, fragment", [
    ("/etc/qpvdesk.txt", "absolu"),
    ("data/../../evil.txt", "sortant"),
    ("C:/Windows/evil.txt", "lecteur"),
    ("data\\evil.txt", "oblique inverse"),
])
def test_dangerous_entry_names(members, crafted, kind, name, fragment):
    path = write_zip(crafted / "p.qpvpkg", {**members, name: b"x"})
    _refused(path, kind, fragment)


def test_symlink_entry(members, crafted, kind):
    path = crafted / "p.qpvpkg"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
        link = zipfile.ZipInfo("data/lien")
        link.create_system = 3
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    _refused(path, kind, "lien symbolique")


def test_duplicate_names(members, crafted, kind):
    path = crafted / "p.qpvpkg"
    with pytest.warns(UserWarning):   # zipfile itself warns when writing a duplicate
        with zipfile.ZipFile(path, "w") as archive:
            for name, content in members.items():
                archive.writestr(name, content)
            archive.writestr(kind.csv, b"autre contenu")
    _refused(path, kind, "double")


def test_too_many_entries(members, crafted, kind):
    extra = {f"data/f{number}.txt": b"" for number in range(1001)}
    _refused(write_zip(crafted / "p.qpvpkg", {**members, **extra}), kind, "trop de fichiers")


def test_too_large_once_uncompressed(members, crafted, kind):
    data = zip_bytes({**members, "data/gros.bin": b"0" * 1000})
    # the central directory claims 250 MB for it: refused before anything is inflated
    data = central_directory_patch(data, "data/gros.bin", 24,
                                   (250 * 1024 * 1024).to_bytes(4, "little"))
    path = crafted / "p.qpvpkg"
    path.write_bytes(data)
    _refused(path, kind, "volumineuse")


def test_file_larger_than_any_package(crafted, kind):
    path = crafted / "p.qpvpkg"
    with open(path, "wb") as handle:
        handle.truncate(201 * 1024 * 1024)   # sparse: costs no disk
    _refused(path, kind, "volumineux")


def test_compression_ratio_above_100(members, crafted, kind):
    path = write_zip(crafted / "p.qpvpkg", {**members, "data/zeros.bin": bytes(1024 * 1024)})
    _refused(path, kind, "taux de compression")


def test_missing_payload_file(members, crafted, kind):
    del members[kind.pdf]
    _refused(write_zip(crafted / "p.qpvpkg", members), kind, "manquant", Path(kind.pdf).name)


def test_extra_payload_file_even_when_resealed(members, crafted, kind):
    members["data/programme.exe"] = b"MZ"
    _refused(write_zip(crafted / "a.qpvpkg", members), kind, "en trop", "programme.exe")
    sealed = reseal(members, kind.made.secret)
    _refused(write_zip(crafted / "b.qpvpkg", sealed), kind, "en trop")


def test_checksum_mismatch(members, crafted, kind):
    assert kind.csv_phrase in members[kind.csv]
    members[kind.csv] = members[kind.csv].replace(kind.csv_phrase, b"X" + kind.csv_phrase[1:])
    _refused(write_zip(crafted / "p.qpvpkg", members), kind, "somme de contrôle",
             Path(kind.csv).name)


def test_changed_bag_info_breaks_the_tag_manifest(members, crafted, kind):
    changed = replace_info(members, "Qpvdesk-Proposal-Count", "2")
    _refused(write_zip(crafted / "p.qpvpkg", changed), kind, "somme de contrôle",
             "bag-info.txt")


def test_missing_signature(members, crafted, kind):
    del members["tagmanifest-sha256.txt.minisig"]
    _refused(write_zip(crafted / "p.qpvpkg", members), kind, "manquant", ".minisig")


def test_malformed_signature(members, crafted, kind):
    members["tagmanifest-sha256.txt.minisig"] = b"untrusted comment: x\nnot base64 !!\n"
    _refused(write_zip(crafted / "p.qpvpkg", members), kind, "signature")


def test_wrong_signature(members, crafted, kind):
    # a real signature by the sender's key, but of another document
    members["tagmanifest-sha256.txt.minisig"] = minisign.sign(
        kind.made.secret, b"un autre document", kind.made.info.trusted_comment()).encode()
    _refused(write_zip(crafted / "p.qpvpkg", members), kind, "signature invalide")


def test_unknown_key(members, crafted, kind, tmp_path):
    from qpvdesk.models.package.trust import TrustStore

    _refused(write_zip(crafted / "p.qpvpkg", members), kind, "clé inconnue",
             trust=TrustStore(tmp_path / "vide"))


def test_signed_by_another_trusted_senders_key(members, crafted, kind):
    other_secret, other_public = minisign.generate_keypair()
    kind.trust.add(other_public.to_text(), kind.other_owner)
    # another sender's key signs a package that says it comes from the genuine sender
    sealed = reseal(replace_info(members, "Qpvdesk-Key-Id", other_secret.key_id_hex),
                    other_secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind, kind.other_owner, kind.owner)


def test_key_bound_to_another_sender(members, crafted, kind, tmp_path):
    from qpvdesk.models.package.trust import TrustStore

    store = TrustStore(tmp_path / "autre-confiance")
    store.add(kind.made.public.to_text(), kind.other_owner)
    _refused(write_zip(crafted / "p.qpvpkg", members), kind,
             "utilisée pour un paquet au nom de", trust=store)


def test_trusted_comment_not_matching_bag_info(members, crafted, kind):
    comment = kind.made.info.trusted_comment().replace(LENS, LIEVIN)
    sealed = reseal(members, kind.made.secret, comment=comment)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind, "commentaire signé")


def test_bagit_version_other_than_1_0(members, crafted, kind):
    members["bagit.txt"] = b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"
    sealed = reseal(members, kind.made.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind, "0.97", "1.0")


@pytest.mark.parametrize("kind, name, content, fragment", [
    ("propositions", "data/propositions.gpkg", b"SQLite format 3\x00" + bytes(2000),
     "GeoPackage"),
    ("propositions", "data/propositions.geojson", b'{"type": "Feature"}', "GeoJSON"),
    ("propositions", "data/propositions.csv", "\ufeffa;b\n".encode(), "CSV"),
    ("propositions", "data/synthese.pdf", b"<html></html>", "PDF"),
    ("reponse", "data/reponse.gpkg", b"SQLite format 3\x00" + bytes(2000), "GeoPackage"),
    ("reponse", "data/reponse.csv", "\ufeffa;b\n".encode(), "CSV"),
    ("reponse", "data/reponse.pdf", b"<html></html>", "PDF"),
], indirect=["kind"])
def test_unreadable_payload_even_when_properly_signed(members, crafted, kind, name, content,
                                                      fragment):
    members[name] = content
    sealed = reseal(members, kind.made.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind, fragment)


def test_geopackage_in_another_crs_is_refused(members, crafted, kind, tmp_path):
    from qpvdesk.models.proposals import gdal

    pyogrio = gdal.pyogrio()
    source = tmp_path / "src.gpkg"
    source.write_bytes(members[kind.gpkg])
    target = tmp_path / "wgs84.gpkg"
    for layer, geometry_type in pyogrio.list_layers(source):
        frame = pyogrio.read_dataframe(source, layer=layer)
        if geometry_type is not None:
            frame = frame.to_crs(4326)
        pyogrio.write_dataframe(frame, target, layer=layer,
                                geometry_type=geometry_type if geometry_type else None)
    members[kind.gpkg] = target.read_bytes()
    sealed = reseal(members, kind.made.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind, "EPSG:2154")


def _recorded(workspace, kind: Kind) -> list:
    return [workspace.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in kind.tables]


def test_refused_import_touches_no_existing_data(members, crafted, kind, commune_workspace):
    kind.store(commune_workspace, kind.verify(kind.made.path, kind.trust))
    before = _recorded(commune_workspace, kind)
    assert before[0] == 1
    members[kind.csv] += b"\n"
    report = kind.verify(write_zip(crafted / "p.qpvpkg", members), kind.trust)
    assert not report.ok and report.proposals == report.states == []
    assert _recorded(commune_workspace, kind) == before


# -- the same refusals through the command line, against the receiver's store -------------------

@pytest.fixture
def receiver(kind, commune_workspace, capsys) -> Path:
    """A receiver's workspace that already imported the genuine package from the command line
    (the agglomeration's for proposals, Lens's own for a response)."""
    path = commune_workspace.path
    assert main([kind.import_command, str(kind.made.path), "--trust", str(kind.trust.folder),
                 "--workspace", str(path)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return path


def _stored(path: Path, kind: Kind) -> list:
    with closing(sqlite3.connect(path)) as connection:
        return [connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in kind.tables]


def _refused_everywhere(path: Path, kind: Kind, receiver: Path, capsys, reference_path,
                        *fragments: str, trust=None) -> str:
    """Refused by the verifier (nothing written), by `qpvdesk verify` and by the import command
    (exit 1, the one French line on stderr besides warnings about the trust folder), and the
    receiver's store is untouched."""
    trust = trust if trust is not None else kind.trust
    reason = _refused(path, kind, *fragments, trust=trust)
    before = _stored(receiver, kind)
    for command in (["verify"], [kind.import_command, "--workspace", str(receiver)]):
        code = main(["--reference", str(reference_path), command[0], str(path), "--trust",
                     str(trust.folder), *command[1:]])
        err = capsys.readouterr().err
        assert code == 1, err
        lines = err.splitlines()
        assert [line for line in lines if not line.startswith("qpvdesk: warning: ")] == \
            [f"qpvdesk: refused: {reason}"]
    assert _stored(receiver, kind) == before
    return reason


# -- an archive that another ZIP reader would read differently ------------------------------------

def test_the_raw_zip_forger_writes_an_accepted_package(members, crafted, kind):
    """The control of the tests below: the same bytes without their trick verify."""
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(raw_entries(members)))
    assert kind.verify(path, kind.trust).ok


def test_zip64_fields_in_entries_are_accepted(members, crafted, kind):
    """ZIP64 extra fields (8-byte sizes) are legitimate at any size; only the ZIP64 end
    record, which a package never needs, is refused."""
    path = crafted / "p.qpvpkg"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            with archive.open(name, "w", force_zip64=True) as handle:
                handle.write(content)
    assert kind.verify(path, kind.trust).ok


@pytest.mark.parametrize("other_name", ["data/../bagit.txt", "../../../../tmp/qpvdesk-x.csv"])
@pytest.mark.parametrize("where", ["local", "central"])
def test_unicode_path_extra_field_naming_another_file(members, crafted, kind, receiver, capsys,
                                                      reference_path, other_name, where):
    entries = raw_entries(members)
    csv_entry = next(entry for entry in entries if entry.name == kind.csv)
    setattr(csv_entry, f"{where}_extra", unicode_path_field(csv_entry.name, other_name))
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    reason = _refused_everywhere(path, kind, receiver, capsys, reference_path,
                                 "nom caché", kind.csv, other_name, "0x7075")
    assert reason.startswith("Nom caché refusé")


@pytest.mark.skipif(not shutil.which("unzip"), reason="unzip not installed")
def test_unzip_really_uses_the_unicode_path_field(members, crafted, kind):
    """Why the refusal above matters: the tool PACKAGE_FORMAT.md suggests writes the file
    under the hidden name."""
    entries = raw_entries(members)
    csv_entry = next(entry for entry in entries if entry.name == kind.csv)
    csv_entry.local_extra = csv_entry.central_extra = unicode_path_field(
        csv_entry.name, "data/../bagit.txt")
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    listed = subprocess.run(["unzip", "-Z1", str(path)], capture_output=True, text=True).stdout
    assert "data/../bagit.txt" in listed.splitlines()
    assert kind.csv not in listed.splitlines()


def test_unicode_path_extra_field_repeating_the_name_is_accepted(members, crafted, kind):
    """7-Zip and others write the field for every name: harmless when it agrees."""
    entries = raw_entries(members)
    for entry in entries:
        entry.local_extra = entry.central_extra = unicode_path_field(entry.name, entry.name)
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    assert kind.verify(path, kind.trust).ok


def test_link_target_hidden_in_a_unix_extra_field(members, crafted, kind, receiver, capsys,
                                                  reference_path):
    entries = raw_entries(members)
    entries[-1].local_extra = unix_link_field("/etc/passwd")
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    _refused_everywhere(path, kind, receiver, capsys, reference_path, "lien caché",
                        entries[-1].name)


def test_local_header_naming_another_file(members, crafted, kind, receiver, capsys,
                                          reference_path):
    entries = raw_entries(members)
    entries[1].local_name = "../evil.txt"
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(entries))
    _refused_everywhere(path, kind, receiver, capsys, reference_path, entries[1].name,
                        "../evil.txt", "en-tête local")


def test_zip_prepended_to_a_real_package(crafted, kind, receiver, capsys, reference_path):
    evil = zip_bytes({"../evil.txt": b"ce fichier sort du dossier"})
    path = crafted / "p.qpvpkg"
    path.write_bytes(evil + kind.made.path.read_bytes())
    with zipfile.ZipFile(path) as archive:   # what Python's zipfile alone would accept
        assert "../evil.txt" not in archive.namelist() and archive.testzip() is None
    _refused_everywhere(path, kind, receiver, capsys, reference_path,
                        f"{len(evil)} octets ajoutés avant le premier fichier")


@pytest.mark.parametrize("trick, fragment", [
    ({"after_first": b"PK\x03\x04 cach\xc3\xa9"}, "avant « bag-info.txt »"),
    ({"before_directory": b"donnees cachees"}, "entre le dernier fichier et le répertoire"),
    ({"comment": b"un commentaire"}, "commentaire"),
])
def test_bytes_the_central_directory_does_not_account_for(members, crafted, kind, receiver,
                                                          capsys, reference_path, trick,
                                                          fragment):
    path = crafted / "p.qpvpkg"
    path.write_bytes(raw_zip(raw_entries({"bagit.txt": members.pop("bagit.txt"),
                                          "bag-info.txt": members.pop("bag-info.txt"),
                                          **members}), **trick))
    _refused_everywhere(path, kind, receiver, capsys, reference_path, fragment)


def test_bytes_after_the_end_of_the_archive(crafted, kind, receiver, capsys, reference_path):
    path = crafted / "p.qpvpkg"
    path.write_bytes(kind.made.path.read_bytes() + b"PK\x03\x04 et la suite")
    _refused_everywhere(path, kind, receiver, capsys, reference_path,
                        "données suivent la fin de l'archive")


def test_local_header_disagreeing_on_the_size(members, crafted, kind):
    data = bytearray(raw_zip(raw_entries(members)))
    data[18:22] = (1).to_bytes(4, "little")   # the first local header's compressed size
    path = crafted / "p.qpvpkg"
    path.write_bytes(bytes(data))
    _refused(path, kind, "bagit.txt", "diffère entre l'en-tête local et le répertoire central")


# -- dates, kind and identifier of bag-info.txt, re-signed by the sender's own key ---------------

@pytest.mark.parametrize("created, fragment", [
    ("9999-12-31", "le 31/12/9999, dans le futur"),
    ("9999-12-31T00:00:00+01:00", "le 31/12/9999, dans le futur"),
    ("2023-12-31T23:59:00+01:00", "le 31/12/2023, avant le 1er janvier 2024"),
    ("le 22 novembre", "illisible"),
    ("2026-11-22T10:04:31", "sans fuseau horaire"),
])
def test_created_date_out_of_bounds_even_when_resigned(members, crafted, kind, receiver, capsys,
                                                       reference_path, created, fragment):
    sealed = reseal(replace_info(members, "Qpvdesk-Created", created), kind.made.secret)
    _refused_everywhere(write_zip(crafted / "p.qpvpkg", sealed), kind, receiver, capsys,
                        reference_path, fragment)


def test_bagging_date_out_of_bounds(members, crafted, kind):
    sealed = reseal(replace_info(members, "Bagging-Date", "1999-01-01"), kind.made.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind, "Bagging-Date", "01/01/1999")


def test_a_day_of_clock_difference_is_tolerated_not_more(kind):
    created = datetime.fromisoformat(kind.made.info.created)
    assert kind.verify(kind.made.path, kind.trust, now=created - timedelta(hours=20)).ok
    late = kind.verify(kind.made.path, kind.trust, now=created - timedelta(days=2))
    assert not late.ok and "dans le futur" in late.reason


@pytest.mark.parametrize("kind, marked, fragments", [
    ("propositions", "reponse", ("type « reponse »", "« propositions »")),
    ("reponse", "propositions", ("type « propositions »", "« reponse »")),
    ("propositions", "inventaire", ("type « inventaire »", "« propositions » et « reponse »")),
    ("reponse", "inventaire", ("type « inventaire »", "« propositions » et « reponse »")),
], indirect=["kind"])
def test_a_package_of_another_or_an_unknown_kind_is_refused(members, crafted, kind, marked,
                                                            fragments):
    sealed = reseal(replace_info(members, "Qpvdesk-Package-Kind", marked), kind.made.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind, *fragments)


@pytest.mark.parametrize("kind", ["propositions", "reponse"], indirect=True)
def test_the_other_kind_of_package_is_refused_by_its_files(kind, crafted, request):
    """A response opened where proposals are expected, and the reverse, says what it is."""
    other = (_response_kind if kind.name == "propositions" else _proposals_kind)(request)
    _refused(other.made.path, kind, "Ce fichier est", "il ne s'ouvre pas ici")


def test_package_id_must_be_a_uuid(members, crafted, kind):
    sealed = reseal(replace_info(members, "External-Identifier", "paquet-numero-1"),
                    kind.made.secret)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind, "External-Identifier",
             "n'est pas un UUID")


# -- keys: whose, named ------------------------------------------------------------------------

@pytest.fixture
def named_trust(kind, reference):
    from qpvdesk.models.package.communes import commune_names
    from qpvdesk.models.package.trust import TrustStore

    return TrustStore(kind.trust.folder, names=commune_names(reference))


def test_same_key_bound_to_two_senders_names_both(members, crafted, kind, named_trust,
                                                  receiver, capsys, reference_path):
    (named_trust.folder / f"{kind.other_owner}.pub").write_text(kind.made.public.to_text())
    both = " et ".join(commune_label(code, named_trust.names)
                       for code in sorted((kind.owner, kind.other_owner)))
    reason = _refused_everywhere(write_zip(crafted / "p.qpvpkg", members), kind, receiver,
                                 capsys, reference_path, "est attribuée à plusieurs", both,
                                 trust=named_trust)
    assert "inconnue" not in reason


def test_revoked_key_says_so(members, crafted, kind, named_trust):
    named_trust.revoke(kind.owner)
    _refused(write_zip(crafted / "p.qpvpkg", members), kind,
             f"{minisign.readable_key_id(members_key_id(members))} de "
             f"{commune_label(kind.owner, named_trust.names)} a été révoquée",
             trust=named_trust)


def members_key_id(members: dict[str, bytes]) -> str:
    return minisign.signature_key_id(members["tagmanifest-sha256.txt.minisig"].decode())


def test_key_of_another_sender_names_both(members, crafted, kind, named_trust):
    other_secret, other_public = minisign.generate_keypair()
    named_trust.add(other_public.to_text(), kind.other_owner)
    sealed = reseal(replace_info(members, "Qpvdesk-Key-Id", other_secret.key_id_hex),
                    other_secret)
    label = partial(commune_label, names=named_trust.names)
    _refused(write_zip(crafted / "p.qpvpkg", sealed), kind,
             f"Clé enregistrée pour {label(kind.other_owner)}, utilisée pour un paquet au nom "
             f"de {label(kind.owner)}.", trust=named_trust)


def test_key_ids_are_written_one_way_in_refusals(members, crafted, kind, tmp_path):
    from qpvdesk.models.package.trust import TrustStore

    reason = _refused(write_zip(crafted / "p.qpvpkg", members), kind, "clé inconnue",
                      trust=TrustStore(tmp_path / "vide"))
    key_id = members_key_id(members)
    assert minisign.readable_key_id(key_id) in reason and key_id not in reason
