"""Write a signed proposal package: a BagIt 1.0 bag, sealed with a minisign signature of its
tag manifest, zipped into one ``.qpvpkg`` file (shared docs PACKAGE_FORMAT.md, version 1).

The payload is made in a private temporary folder; the ZIP is written next to the target under
a hidden name and renamed at the end, so no partial package is ever left where the user looks.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid as uuid_module
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import shapely

from ... import __version__
from ..proposals.exporter import export_proposals
from ..proposals.geometry import non_finite_message
from ..proposals.proposal import Proposal
from ..proposals.vocabulary import echo
from . import minisign
from .info import (BAG_INFO, BAGIT_TXT, BAGIT_VERSION, CSV, GEOJSON, GEOPACKAGE, MANIFEST,
                   PACKAGE_KIND_FIELD, PACKAGE_SUFFIX, PACKAGE_VERSION,
                   SIGNATURE, SYNTHESE, TAGMANIFEST, PackageInfo, valid_insee)

# Writes the printable summary of the proposals (a Qt view provides it; the CLI too).
PdfWriter = Callable[[Sequence[Proposal], Path, PackageInfo], object]
# Called with (percent, French step); returning False cancels the export.
Progress = Callable[[int, str], object]
# Writes the data/ files of a package into the bag's folder, reporting its steps (percent up
# to 75, French text); returns their names (``data/…``).
PayloadWriter = Callable[[Path, Callable[[int, str], None]], list[str]]

# Already compressed or mostly binary pages: stored, which also keeps every entry's
# compression ratio far below the verifier's limit.
_STORED = (".gpkg", ".pdf")   # by extension, for every kind of package
_FREE_SPACE_MARGIN = 20 * 1024 * 1024


class PackageError(Exception):
    """The package cannot be written; the message is one French sentence."""


class ExportCancelled(PackageError):
    def __init__(self) -> None:
        super().__init__("Export annulé : aucun fichier n'a été écrit.")


@dataclass(frozen=True)
class Sender:
    """Who sends the package, as bag-info.txt says it."""
    commune_insee: str
    organization: str       # « Commune de Lens »
    contact_name: str = ""
    contact_email: str = ""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def bag_info_text(info: PackageInfo, payload_bytes: int, payload_files: int) -> str:
    fields = [("Source-Organization", info.source_organization),
              ("Contact-Name", info.contact_name),
              ("Contact-Email", info.contact_email),
              ("Bagging-Date", info.bagging_date),
              ("External-Identifier", info.uuid),
              ("Payload-Oxum", f"{payload_bytes}.{payload_files}"),
              ("Bag-Software-Agent", info.software),
              ("Qpvdesk-Package-Version", PACKAGE_VERSION),
              (PACKAGE_KIND_FIELD, info.kind),
              ("Qpvdesk-Epci-Siren", getattr(info, "epci_siren", "")),   # a response's
              ("Qpvdesk-Commune-Insee", info.commune_insee),
              ("Qpvdesk-Key-Id", info.key_id),
              ("Qpvdesk-Proposal-Count", str(info.proposal_count)),
              ("Qpvdesk-Created", info.created)]
    return "".join(f"{label}: {_one_line(value)}\n" for label, value in fields
                   if _one_line(value))


def manifest_text(root: Path, names: Sequence[str]) -> str:
    return "".join(f"{sha256_file(root / name)}  {name}\n" for name in sorted(names))


def estimated_size(proposals: Sequence[Proposal]) -> int:
    """A generous upper bound of the package's size: payload written in four forms, the
    GeoPackage's fixed cost and the PDF's map."""
    geometry_bytes = sum(len(shapely.to_wkb(item.geometry)) for item in proposals)
    return 8 * geometry_bytes + 4096 * len(proposals) + 4 * 1024 * 1024


def check_free_space(folder: Path, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed + _FREE_SPACE_MARGIN:
        raise PackageError(
            f"Espace disque insuffisant dans {folder} : {free // (1024 * 1024)} Mo libres, "
            f"il en faut au moins {(needed + _FREE_SPACE_MARGIN) // (1024 * 1024) + 1}.")


def _zip(root: Path, names: Sequence[str], target: Path) -> None:
    stamp = datetime.now().timetuple()[:6]
    with zipfile.ZipFile(target, "w") as archive:
        for name in names:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.external_attr = 0o644 << 16
            entry.compress_type = (zipfile.ZIP_STORED if name.endswith(_STORED)
                                   else zipfile.ZIP_DEFLATED)
            with open(root / name, "rb") as source, archive.open(entry, "w") as sink:
                shutil.copyfileobj(source, sink, 1 << 20)


def package_name(commune_name: str, created: datetime) -> str:
    """« lens_2026-11-22.qpvpkg »: the commune's name in plain lower-case ASCII."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", commune_name).encode("ascii", "ignore").decode()
    slug = "".join(char if char.isalnum() else "-" for char in plain.lower()).strip("-")
    slug = "-".join(part for part in slug.split("-") if part) or "commune"
    return f"{slug}_{created:%Y-%m-%d}{PACKAGE_SUFFIX}"


def write_package(proposals: Sequence[Proposal], sender: Sender,
                  secret_key: minisign.SecretKey, target: str | Path,
                  pdf_writer: PdfWriter | None, progress: Progress | None = None) -> PackageInfo:
    """Write ``target`` (.qpvpkg) holding ``proposals``, signed with ``secret_key``.

    ``pdf_writer`` draws data/synthese.pdf (None writes none: only for tests of refusals).
    Raises PackageError (French) and leaves nothing behind on any failure or cancellation.
    """
    proposals = [item for item in proposals if not item.deleted]
    if not proposals:
        raise PackageError("Aucune proposition à exporter.")
    unusable = [item for item in proposals
                if item.geometry.is_empty or non_finite_message(item.geometry)]
    if unusable:   # stored by qpvdesk before it refused NaN coordinates
        raise PackageError(f"La proposition {echo(unusable[0].label)} n'a pas de géométrie "
                           "utilisable (coordonnées vides ou non numériques) : supprimez-la ou "
                           "redessinez-la avant d'exporter.")
    if not valid_insee(sender.commune_insee):
        raise PackageError(f"Code INSEE de commune invalide : « {sender.commune_insee} ».")
    now = created_now()
    info = PackageInfo(
        uuid=str(uuid_module.uuid4()), commune_insee=sender.commune_insee,
        source_organization=sender.organization, contact_name=sender.contact_name,
        contact_email=sender.contact_email, bagging_date=now.date().isoformat(),
        created=now.isoformat(), key_id=secret_key.key_id_hex,
        proposal_count=len(proposals), software=f"qpvdesk {__version__}")

    def payload(root: Path, step: Callable[[int, str], None]) -> list[str]:
        step(5, "Écriture du GeoPackage")
        export_proposals(proposals, root / GEOPACKAGE)
        step(25, "Écriture du GeoJSON et du CSV")
        export_proposals(proposals, root / GEOJSON)
        export_proposals(proposals, root / CSV)
        names = [GEOPACKAGE, GEOJSON, CSV]
        if pdf_writer is not None:
            step(35, "Écriture de la synthèse PDF")
            pdf_writer(proposals, root / SYNTHESE, info)
            names.append(SYNTHESE)
        return names

    write_bag(target, info, payload, secret_key, estimated_size(proposals), progress)
    return info


def created_now() -> datetime:
    """The creation time of a new package: local time with its offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


def write_bag(target: str | Path, info, payload: PayloadWriter,
              secret_key: minisign.SecretKey, needed: int,
              progress: Progress | None = None) -> None:
    """The envelope of every kind of package (PACKAGE_FORMAT.md sections 2-4): ``payload``
    writes the data/ files into the bag's folder and returns their names; then bagit.txt,
    bag-info.txt (from ``info``), the manifests and the minisign signature of the tag manifest
    with ``info.trusted_comment()``, zipped next to ``target`` under a hidden name and renamed
    at the end. ``needed`` bounds the bytes written. Raises PackageError (French) and leaves
    nothing behind on any failure or cancellation."""
    target = Path(target)
    if target.suffix.lower() != PACKAGE_SUFFIX:
        raise PackageError(f"Le paquet doit porter l'extension {PACKAGE_SUFFIX}.")
    if not target.parent.is_dir():
        raise PackageError(f"Dossier introuvable : {target.parent}")

    def step(percent: int, text: str) -> None:
        if progress is not None and progress(percent, text) is False:
            raise ExportCancelled()

    step(0, "Vérification de l'espace disque")
    check_free_space(target.parent, needed)
    check_free_space(Path(tempfile.gettempdir()), needed)
    partial = target.with_name(f".{target.name}.part")
    try:
        with tempfile.TemporaryDirectory(prefix="qpvdesk-paquet-") as folder:
            root = Path(folder)
            (root / "data").mkdir()
            names = payload(root, step)
            step(75, "Calcul des sommes de contrôle")
            payload_bytes = sum((root / name).stat().st_size for name in names)
            (root / BAGIT_TXT).write_text(
                f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n",
                encoding="utf-8")
            (root / BAG_INFO).write_text(bag_info_text(info, payload_bytes, len(names)),
                                         encoding="utf-8")
            (root / MANIFEST).write_text(manifest_text(root, names), encoding="utf-8")
            (root / TAGMANIFEST).write_text(manifest_text(root, [BAGIT_TXT, BAG_INFO,
                                                                 MANIFEST]), encoding="utf-8")
            step(85, "Signature")
            signature = minisign.sign(secret_key, (root / TAGMANIFEST).read_bytes(),
                                      info.trusted_comment(),
                                      f"qpvdesk {info.source_organization}"[:200])
            (root / SIGNATURE).write_text(signature, encoding="utf-8")
            step(90, "Écriture du paquet")
            _zip(root, [BAGIT_TXT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE, *names],
                 partial)
            step(99, "Finalisation")
            with open(partial, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)
    except OSError as exc:
        raise PackageError(f"Écriture du paquet impossible : {exc.strerror or exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    if progress is not None:
        progress(100, "Paquet écrit")   # too late to cancel: the package is there
