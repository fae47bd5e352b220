"""Read a received ``.qpvpkg`` ZIP as hostile input: every limit is checked on the central
directory before anything is decompressed, and nothing is ever extracted to disk — the members
are read into memory, within the size limit."""
from __future__ import annotations

import io
import re
import stat
import zipfile
from pathlib import Path

from .refusal import Refusal
from .zip_layout import check_layout, shown_name

__all__ = ["Refusal", "read_members", "read_file", "MAX_ENTRIES", "MAX_UNCOMPRESSED",
           "MAX_RATIO"]

MAX_ENTRIES = 1000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
_DRIVE = re.compile(r"^[A-Za-z]:")
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _check_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    raw = info.orig_filename
    shown = shown_name(raw)
    if "\\" in raw:
        raise Refusal(f"Chemin refusé (barre oblique inverse) : « {shown} ».")
    if "\x00" in raw or any(ord(char) < 32 for char in raw):
        raise Refusal("Chemin refusé : caractère de contrôle dans un nom de fichier.")
    if raw.startswith("/"):
        raise Refusal(f"Chemin absolu refusé : « {shown} ».")
    if _DRIVE.match(raw):
        raise Refusal(f"Chemin avec lettre de lecteur refusé : « {shown} ».")
    if ".." in raw.split("/"):
        raise Refusal(f"Chemin sortant du paquet refusé : « {shown} ».")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise Refusal(f"Lien symbolique refusé : « {shown} ».")
    if info.flag_bits & 0x1:
        raise Refusal(f"Fichier chiffré refusé : « {shown} ».")
    if info.compress_type not in _METHODS:
        raise Refusal(f"Méthode de compression non prise en charge pour « {shown} ».")
    return name


def read_members(data: bytes) -> dict[str, bytes]:
    """The files of the ZIP ``data`` by name (directory entries left out).

    Raises Refusal for a bad or truncated ZIP, a dangerous name, a duplicate, too many
    entries, too much uncompressed data, a suspicious compression ratio, or bytes that
    another ZIP reader could read differently (zip_layout)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise Refusal("Ce fichier n'est pas une archive ZIP lisible (fichier abîmé ou "
                      "tronqué).") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise Refusal(f"Trop de fichiers dans l'archive ({len(infos)} ; au plus "
                          f"{MAX_ENTRIES}).")
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = _check_name(info)
            key = name.casefold()
            if key in seen:
                raise Refusal("Nom de fichier en double dans l'archive : "
                              f"« {shown_name(name)} ».")
            seen.add(key)
            total += info.file_size
            if total > MAX_UNCOMPRESSED:
                raise Refusal("Archive trop volumineuse une fois décompressée "
                              f"(plus de {MAX_UNCOMPRESSED // (1024 * 1024)} Mo).")
            if info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise Refusal(f"Taux de compression suspect pour « {shown_name(name)} » "
                              f"(plus de {MAX_RATIO} pour 1) : archive refusée.")
        check_layout(data)
        members: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir():
                continue
            try:
                with archive.open(info) as handle:
                    content = handle.read(info.file_size + 1)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError,
                    NotImplementedError):
                raise Refusal(f"Archive abîmée : « {shown_name(info.filename)} » est "
                              "illisible.") from None
            if len(content) != info.file_size:
                raise Refusal("Archive abîmée : taille de "
                              f"« {shown_name(info.filename)} » incohérente.")
            members[info.filename] = content
        return members


def read_file(path: Path) -> bytes:
    """The whole file, refused when larger than any valid package can be."""
    try:
        size = path.stat().st_size
        if size > MAX_UNCOMPRESSED:
            raise Refusal("Fichier trop volumineux pour un paquet "
                          f"(plus de {MAX_UNCOMPRESSED // (1024 * 1024)} Mo).")
        return path.read_bytes()
    except FileNotFoundError:
        raise Refusal(f"Fichier introuvable : {path}") from None
    except IsADirectoryError:
        raise Refusal(f"{path} est un dossier, pas un paquet.") from None
    except OSError as exc:
        raise Refusal(f"Lecture impossible de {path} : {exc.strerror or exc}") from None
