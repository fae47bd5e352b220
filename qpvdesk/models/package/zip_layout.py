"""The byte layout of a received ZIP, walked from its end as hostile input.

Python's zipfile trusts the central directory and forgives a lot: bytes prepended to the
archive, gaps between entries, local headers that disagree with the directory. Other readers
do not all agree with it — a streaming reader reads the local headers from the start, and
``unzip`` takes a file's name from an Info-ZIP Unicode Path extra field when one is there — so
a package whose bytes can be read two ways is refused here, before anything is decompressed:

- the archive is exactly: local entries back to back from byte 0, the central directory,
  the end record, and nothing else (no comment, no ZIP64 end record);
- every local header repeats its directory entry: same name bytes, method, flags, CRC and
  sizes (or a data descriptor that does);
- no extra field names the file differently (Unicode Path 0x7075) or carries a link target
  (the Unix fields 0x000d and 0x756e).

Qt-free; every refusal is one French line (:class:`archive.Refusal`).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

from .refusal import Refusal

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"
_END = b"PK\x05\x06"
_DESCRIPTOR = b"PK\x07\x08"
_ZIP64_LOCATOR = b"PK\x06\x07"
_END_SIZE = 22
_CENTRAL_SIZE = 46
_LOCAL_SIZE = 30
_MASK32 = 0xFFFFFFFF
_ENCRYPTED, _DATA_DESCRIPTOR, _UTF8 = 0x1, 0x8, 0x800

ZIP64_EXTRA = 0x0001
UNICODE_PATH_EXTRA = 0x7075     # Info-ZIP: the UTF-8 name unzip uses instead of the header's
PKWARE_UNIX_EXTRA = 0x000D      # variable part: a hard or symbolic link's target
ASI_UNIX_EXTRA = 0x756E         # after 14 bytes: a symbolic link's target
_NAME_LIMIT = 80


@dataclass(frozen=True)
class _Entry:
    name: bytes
    flags: int
    method: int
    crc: int
    compressed: int
    size: int
    offset: int


def shown_name(raw: bytes | str) -> str:
    """A hostile name as it may appear in a one-line message: decoded, control characters
    replaced, cut to a readable length."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    text = "".join(char if char.isprintable() else "?" for char in text)
    return text if len(text) <= _NAME_LIMIT else text[:_NAME_LIMIT - 1] + "…"


def _bad(detail: str) -> Refusal:
    return Refusal(f"Archive ZIP incohérente : {detail} ; paquet refusé.")


def _unpack(layout: str, data: bytes, position: int) -> tuple:
    size = struct.calcsize(layout)
    if position < 0 or position + size > len(data):
        raise _bad("structure tronquée")
    return struct.unpack_from(layout, data, position)


def _fields(extra: bytes, name: bytes) -> list[tuple[int, bytes]]:
    """The (id, body) pairs of an extra field block; Refusal when malformed."""
    fields, position = [], 0
    while position < len(extra):
        if position + 4 > len(extra):
            raise _bad(f"champ supplémentaire tronqué pour « {shown_name(name)} »")
        field_id, size = struct.unpack_from("<HH", extra, position)
        body = extra[position + 4:position + 4 + size]
        if len(body) != size:
            raise _bad(f"champ supplémentaire tronqué pour « {shown_name(name)} »")
        fields.append((field_id, body))
        position += 4 + size
    return fields


def _check_extra(extra: bytes, name: bytes) -> None:
    """No extra field may give the entry another name or a link target."""
    for field_id, body in _fields(extra, name):
        if field_id == UNICODE_PATH_EXTRA:
            other = body[5:]
            if body[:1] != b"\x01" or other != name:
                raise Refusal(
                    f"Nom caché refusé : « {shown_name(name)} » porte aussi le nom "
                    f"« {shown_name(other)} » (champ Unicode Path 0x7075, que unzip utilise "
                    "pour écrire le fichier).")
        elif (field_id == PKWARE_UNIX_EXTRA and len(body) > 12) \
                or (field_id == ASI_UNIX_EXTRA and len(body) > 14):
            raise Refusal(f"Lien caché refusé : « {shown_name(name)} » porte la cible d'un lien "
                          f"dans un champ supplémentaire (0x{field_id:04x}).")


def _zip64_values(extra: bytes, name: bytes, wanted: list[bool]) -> list[int]:
    """The 8-byte values of the ZIP64 extra field, for each field marked as 0xFFFFFFFF."""
    for field_id, body in _fields(extra, name):
        if field_id == ZIP64_EXTRA:
            count = sum(wanted)
            if len(body) < 8 * count:
                raise _bad(f"champ ZIP64 trop court pour « {shown_name(name)} »")
            return list(struct.unpack_from(f"<{count}Q", body))
    raise _bad(f"champ ZIP64 absent pour « {shown_name(name)} »")


def _end_record(data: bytes) -> tuple[int, int, int]:
    """(entries, central directory offset, its size) from the end record that must close
    the file."""
    position = len(data) - _END_SIZE
    if position < 0 or data[position:position + 4] != _END:
        raise Refusal("Archive ZIP refusée : des données suivent la fin de l'archive "
                      "(commentaire ou octets ajoutés).")
    (_, disk, directory_disk, disk_entries, entries, size, offset,
     comment) = _unpack("<4s4H2LH", data, position)
    if comment:
        raise Refusal("Archive ZIP refusée : elle porte un commentaire (un paquet n'en a pas).")
    if disk or directory_disk or disk_entries != entries:
        raise Refusal("Archive ZIP refusée : archive en plusieurs volumes.")
    if entries == 0xFFFF or offset == _MASK32 or size == _MASK32 \
            or (position >= 20 and data[position - 20:position - 16] == _ZIP64_LOCATOR):
        raise Refusal("Archive ZIP64 refusée : un paquet fait au plus 200 Mo et n'en a pas "
                      "besoin.")
    unaccounted = position - (offset + size)
    if unaccounted > 0 and data[offset:offset + 4] == _CENTRAL:
        raise Refusal(f"Archive ZIP refusée : {unaccounted} octets que le répertoire central ne "
                      "décrit pas le suivent (données ajoutées à l'archive).")
    if unaccounted > 0:
        raise Refusal(f"Archive ZIP refusée : {unaccounted} octets ajoutés avant le premier "
                      "fichier, que le répertoire central ne décrit pas (un lecteur ZIP pourrait "
                      "y lire d'autres fichiers).")
    if unaccounted < 0:
        raise _bad("le répertoire central dépasse la fin de l'archive")
    return entries, offset, size


def _central_entries(data: bytes, entries: int, offset: int, size: int) -> list[_Entry]:
    result, position, end = [], offset, offset + size
    for _ in range(entries):
        (signature, _, _, flags, method, _, _, crc, compressed, plain, name_length,
         extra_length, comment_length, _, _, _, local) = _unpack("<4s6H3L5H2L", data, position)
        if signature != _CENTRAL:
            raise _bad("répertoire central abîmé")
        start = position + _CENTRAL_SIZE
        if start + name_length + extra_length + comment_length > end:
            raise _bad("répertoire central tronqué")
        name = data[start:start + name_length]
        extra = data[start + name_length:start + name_length + extra_length]
        if comment_length:
            raise Refusal(f"Archive ZIP refusée : « {shown_name(name)} » porte un commentaire "
                          "(un paquet n'en a pas).")
        _check_extra(extra, name)
        wanted = [plain == _MASK32, compressed == _MASK32, local == _MASK32]
        if any(wanted):
            values = iter(_zip64_values(extra, name, wanted))
            plain, compressed, local = (next(values) if flag else value for flag, value in
                                        zip(wanted, (plain, compressed, local)))
        result.append(_Entry(name, flags, method, crc, compressed, plain, local))
        position = start + name_length + extra_length + comment_length
    if position != end:
        raise _bad("le répertoire central ne contient pas le nombre de fichiers annoncé")
    return result


def _local_end(data: bytes, entry: _Entry) -> int:
    """Where ``entry``'s local record (header, data, descriptor) ends, checking that the
    local header repeats the central directory."""
    shown = shown_name(entry.name)
    (signature, _, flags, method, _, _, crc, compressed, plain, name_length,
     extra_length) = _unpack("<4s5H3L2H", data, entry.offset)
    if signature != _LOCAL:
        raise _bad(f"l'en-tête local de « {shown} » est introuvable à la position annoncée")
    start = entry.offset + _LOCAL_SIZE
    name = data[start:start + name_length]
    extra = data[start + name_length:start + name_length + extra_length]
    if name != entry.name:
        raise Refusal(f"Archive ZIP refusée : le fichier « {shown} » du répertoire central "
                      f"s'appelle « {shown_name(name)} » dans son en-tête local.")
    _check_extra(extra, name)
    same_flags = (_ENCRYPTED | _DATA_DESCRIPTOR | _UTF8)
    if method != entry.method or (flags & same_flags) != (entry.flags & same_flags):
        raise _bad(f"l'en-tête local de « {shown} » ne correspond pas au répertoire central")
    # APPNOTE 4.3.9.2 and 4.5.3: a local ZIP64 field holds both sizes, and makes the data
    # descriptor's sizes 8 bytes long
    zip64 = any(field_id == ZIP64_EXTRA for field_id, _ in _fields(extra, name))
    if zip64 or compressed == _MASK32 or plain == _MASK32:
        plain, compressed = _zip64_values(extra, name, [True, True])
    data_end = start + name_length + extra_length + entry.compressed
    if flags & _DATA_DESCRIPTOR:
        position = data_end + (4 if data[data_end:data_end + 4] == _DESCRIPTOR else 0)
        layout = "<L2Q" if zip64 else "<3L"
        crc, compressed, plain = _unpack(layout, data, position)
        data_end = position + struct.calcsize(layout)
    if (crc, compressed, plain) != (entry.crc, entry.compressed, entry.size):
        raise _bad(f"la taille ou la somme CRC de « {shown} » diffère entre l'en-tête local et "
                   "le répertoire central")
    return data_end


def check_layout(data: bytes) -> None:
    """Refusal unless ``data`` is a single-reading ZIP (see the module's docstring)."""
    entries, directory_offset, size = _end_record(data)
    central = sorted(_central_entries(data, entries, directory_offset, size),
                     key=lambda entry: entry.offset)
    expected = 0
    for entry in central:
        if entry.offset != expected:
            where = "avant le premier fichier" if expected == 0 else \
                f"avant « {shown_name(entry.name)} »"
            raise Refusal(f"Archive ZIP refusée : des données que le répertoire central ne "
                          f"décrit pas se trouvent {where}.") if entry.offset > expected \
                else _bad(f"« {shown_name(entry.name)} » chevauche le fichier précédent")
        expected = _local_end(data, entry)
    if expected != directory_offset:
        raise Refusal("Archive ZIP refusée : des données que le répertoire central ne décrit "
                      "pas se trouvent entre le dernier fichier et le répertoire central.")

