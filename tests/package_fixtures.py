"""Fixtures shared by the package tests: a commune's key, a trust store that knows it, and a
real signed package of proposals drawn on the real QPV (import the fixtures by name)."""
from __future__ import annotations

import hashlib
import io
import zipfile
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
def pdf_writer(reference):
    from qpvdesk.commands.map_setup import headless_application
    from qpvdesk.render.synthese_pdf import write_synthese_pdf

    headless_application()
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
        comment = (f"qpvdesk package {fields['External-Identifier']} commune "
                   f"{fields['Qpvdesk-Commune-Insee']} created {fields['Qpvdesk-Created']}")
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
