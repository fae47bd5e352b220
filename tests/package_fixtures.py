"""Fixtures shared by the package tests: a commune's key, a trust store that knows it, and a
real signed package of proposals drawn on the real QPV (import the fixtures by name)."""
from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
import shapely
from shapely.geometry import box

from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)

LENS = "62498"
LIEVIN = "62510"
TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")


@dataclass(frozen=True)
class Made:
    path: Path
    info: object
    secret: object
    public: object
    proposals: list


@pytest.fixture(scope="session")
def commune_key():
    from qpvdesk.models.package import minisign

    return minisign.generate_keypair()


@pytest.fixture(scope="session")
def lens_proposals(reference, tmp_path_factory):
    """Three proposals, one of each kind, inside or near the QPV of Lens."""
    from qpvdesk.models.proposals import ProposalStore
    from qpvdesk.models.workspace import Workspace

    code, wkb = reference.conn.execute(
        "SELECT q.code, AsBinary(q.geom) FROM qpv q JOIN qpv_commune c ON c.qpv_code = q.code "
        "WHERE c.commune_insee = ? ORDER BY q.code LIMIT 1", (LENS,)).fetchone()
    shape = shapely.from_wkb(wkb)
    inside = shape.representative_point()
    workspace = Workspace(tmp_path_factory.mktemp("sender") / "workspace.sqlite")
    store = ProposalStore(workspace, reference)
    store.add("equipement", inside, {"title": "Maison de santé pluriprofessionnelle",
                                     "category": "sante", "status": "a_l_etude",
                                     "horizon_year": 2028, "qpv_code": code,
                                     "author": "Service urbanisme", "contact": "urba@lens.fr"})
    store.add("quartier_vecu", box(inside.x - 250, inside.y - 250, inside.x + 250,
                                   inside.y + 250),
              {"title": "Le quartier tel que les habitants le vivent", "qpv_code": code,
               "knowledge_source": "ateliers_habitants"})
    edge = shape.exterior.interpolate(0.0) if shape.geom_type == "Polygon" \
        else shape.geoms[0].exterior.interpolate(0.0)
    store.add("perimetre", box(edge.x - 100, edge.y - 100, edge.x + 100, edge.y + 100),
              {"qpv_code": code, "nature": "ajout",
               "justification": "Résidence voisine aux mêmes difficultés"})
    proposals = store.list()
    workspace.close()
    return proposals


@pytest.fixture(scope="session")
def pdf_writer(reference, qapp):
    # pytest-qt's QApplication: a QGuiApplication made here would forbid widgets later
    from qpvdesk.render.synthese_pdf import write_synthese_pdf

    return lambda proposals, path, info: write_synthese_pdf(reference, proposals, path, info)


def make_package(target: Path, proposals, key, pdf_writer, insee: str = LENS) -> Made:
    from qpvdesk.models.package.bag import Sender, write_package

    secret, public = key
    info = write_package(proposals, Sender(insee, "Commune de Lens", "Jeanne Martin",
                                           "jeanne.martin@lens.fr"), secret, target, pdf_writer)
    return Made(target, info, secret, public, list(proposals))


@pytest.fixture(scope="session")
def lens_package(tmp_path_factory, lens_proposals, commune_key, pdf_writer) -> Made:
    folder = tmp_path_factory.mktemp("package")
    return make_package(folder / "lens_2026-11-22.qpvpkg", lens_proposals, commune_key,
                        pdf_writer)


@pytest.fixture
def trust(tmp_path, commune_key):
    """A trust store binding the commune's key to Lens."""
    from qpvdesk.models.package.trust import TrustStore

    store = TrustStore(tmp_path / "confiance")
    store.add(commune_key[1].to_text(), LENS)
    return store


# -- crafting packages -------------------------------------------------------------------------

def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def _manifest(members: dict[str, bytes], names) -> bytes:
    return "".join(f"{hashlib.sha256(members[name]).hexdigest()}  {name}\n"
                   for name in sorted(names)).encode()


def reseal(members: dict[str, bytes], secret, comment: str | None = None) -> dict[str, bytes]:
    """Manifests and signature made anew, as a forger holding the key would (written from
    the format document, not from qpvdesk's writer)."""
    from qpvdesk.models.package import minisign

    payload = [name for name in members if name.startswith("data/")]
    oxum = f"{sum(len(members[name]) for name in payload)}.{len(payload)}"
    sealed = replace_info(members, "Payload-Oxum", oxum)
    sealed["manifest-sha256.txt"] = _manifest(sealed, payload)
    sealed["tagmanifest-sha256.txt"] = _manifest(sealed, TAG_FILES)
    if comment is None:
        fields = dict(line.split(": ", 1) for line in
                      sealed["bag-info.txt"].decode().splitlines())
        sender = (f"reponse {fields['External-Identifier']} epci {fields['Qpvdesk-Epci-Siren']}"
                  if "Qpvdesk-Epci-Siren" in fields else
                  f"package {fields['External-Identifier']}")
        comment = (f"qpvdesk {sender} commune {fields['Qpvdesk-Commune-Insee']} created "
                   f"{fields['Qpvdesk-Created']}")
    sealed["tagmanifest-sha256.txt.minisig"] = minisign.sign(
        secret, sealed["tagmanifest-sha256.txt"], comment).encode()
    return sealed


def replace_info(members: dict[str, bytes], label: str, value: str) -> dict[str, bytes]:
    lines = [f"{label}: {value}" if line.startswith(f"{label}:") else line
             for line in members["bag-info.txt"].decode().splitlines()]
    return {**members, "bag-info.txt": ("\n".join(lines) + "\n").encode()}


def central_directory_patch(data: bytes, name: str, offset: int, value: bytes) -> bytes:
    """Overwrite a field of ``name``'s central-directory header (offsets per APPNOTE)."""
    position = 0
    while True:
        position = data.index(b"PK\x01\x02", position)
        name_length = int.from_bytes(data[position + 28:position + 30], "little")
        if data[position + 46:position + 46 + name_length].decode() == name:
            break
        position += 4
    patched = bytearray(data)
    patched[position + offset:position + offset + len(value)] = value
    return bytes(patched)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# -- raw ZIP archives, written from the ZIP specification (APPNOTE), not with zipfile -----------

@dataclass
class RawEntry:
    """One stored entry; its local header may carry another name or other extra fields than
    its central directory entry (what a hostile writer does)."""
    name: str
    data: bytes
    local_extra: bytes = b""
    central_extra: bytes = b""
    local_name: str | None = None


def raw_entries(members: dict[str, bytes]) -> list[RawEntry]:
    return [RawEntry(name, content) for name, content in members.items()]


def raw_zip(entries: list[RawEntry], after_first: bytes = b"", before_directory: bytes = b"",
            comment: bytes = b"") -> bytes:
    """A stored (uncompressed) ZIP whose central directory gives the true offsets, with
    ``after_first`` bytes hidden after the first entry and ``before_directory`` bytes after
    the last one."""
    body, directory = bytearray(), bytearray()
    for number, entry in enumerate(entries):
        crc = zlib.crc32(entry.data)
        size = len(entry.data)
        local_name = (entry.local_name or entry.name).encode()
        name = entry.name.encode()
        offset = len(body)
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, crc, size, size,
                            len(local_name), len(entry.local_extra))
        body += local_name + entry.local_extra + entry.data
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x031E, 20, 0, 0, 0, 0x21, crc,
                                 size, size, len(name), len(entry.central_extra), 0, 0, 0,
                                 0o100644 << 16, offset)
        directory += name + entry.central_extra
        if number == 0:
            body += after_first
    body += before_directory
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                      len(directory), len(body), len(comment))
    return bytes(body + directory + end + comment)


def unicode_path_field(name: str, shown_as: str) -> bytes:
    """The Info-ZIP Unicode Path extra field (0x7075) that makes ``unzip`` write the entry
    ``name`` as ``shown_as``."""
    body = b"\x01" + struct.pack("<L", zlib.crc32(name.encode())) + shown_as.encode()
    return struct.pack("<HH", 0x7075, len(body)) + body


def unix_link_field(target: str) -> bytes:
    """A PKWARE Unix extra field (0x000d) whose variable part is a link target."""
    body = struct.pack("<2L2H", 0, 0, 0, 0) + target.encode()
    return struct.pack("<HH", 0x000D, len(body)) + body
