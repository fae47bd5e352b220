"""A trust store: the public keys a receiver trusts, one owner per key. The agglomeration
trusts its communes' keys (``<INSEE>.pub``); a commune trusts its agglomeration's key
(``<SIREN>.pub``, 9 digits), which signs the responses.

A trust folder holds ``<INSEE>.pub`` / ``<SIREN>.pub`` files (minisign public keys); the file
name binds the key to its owner — that naming is the contract (the CLI takes
``--trust DIR_OR_FILE``). Revoked or rotated keys are never deleted: they move to
``<folder>/revoquees/<CODE>-<KEYID>.pub``.

A key id bound to two communes makes both entries unusable (reported by ``problems()``):
a package signed with that key cannot be attributed to one commune. Messages name communes
as « Lens (62498) » when the store is given the reference's names. Qt-free; errors carry a
one-line French message.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from qpvdesk.models.package.communes import CommuneNames, commune_label, communes_label
from qpvdesk.models.package.info import KEY_ID_PATTERN, valid_key_owner
from qpvdesk.models.package.keys import (
    _comment,
    _temporary_copy,
    _unlink_quietly,
    read_public_key,
    read_small_text,
    unique_archive_base,
)
from qpvdesk.models.package.minisign import KeyFileError, PublicKey, readable_key_id

__all__ = ["TrustedKey", "TrustError", "TrustStore", "REVOKED_FOLDER_NAME"]

REVOKED_FOLDER_NAME = "revoquees"
_REVOKED_NAME = re.compile(r"^(\d{5}|2[AB]\d{3}|\d{9})-([0-9A-F]{16})(?:-\d+)?\.pub$")
_EXPECTED_NAME = ("attendu <code INSEE>.pub, ex. 62498.pub, ou <SIREN>.pub pour "
                  "l'agglomération")


class TrustError(Exception):
    """A trust store operation was refused; ``str(error)`` is a one-line French message."""


@dataclass(frozen=True)
class TrustedKey:
    owner: str           # the INSEE code of a commune, or the SIREN of an agglomeration
    key_id: str          # 16 uppercase hex digits, as minisign shows it
    public_key: PublicKey
    path: Path

    @property
    def commune_insee(self) -> str:
        """The owner, in the communes' trust store of the agglomeration."""
        return self.owner


def _insee(insee: str) -> str:
    code = insee.strip().upper() if isinstance(insee, str) else ""
    if not valid_key_owner(code):
        raise TrustError(f"Code INSEE invalide : « {insee} » (5 caractères, ex. 62498 ; ou "
                         "le SIREN de l'agglomération, 9 chiffres).")
    return code


class TrustStore:
    """Public keys of the communes, in ``folder`` (or one single ``<INSEE>.pub`` file).

    ``names`` (INSEE code -> commune name, see communes.commune_names) lets every message
    name the commune, not only its code."""

    def __init__(self, folder: Path, create: bool = True,
                 names: CommuneNames | None = None) -> None:
        self.folder = Path(folder)
        self.names = dict(names or {})
        self._single: Path | None = None
        if create:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise TrustError(
                    f"Impossible de créer le dossier de confiance {self.folder} "
                    f"({error.strerror})."
                ) from None
        elif not self.folder.is_dir():
            raise TrustError(f"Dossier de clés de confiance introuvable : {self.folder}.")

    @classmethod
    def from_path(cls, path: Path, names: CommuneNames | None = None) -> TrustStore:
        """A trust folder, or one ``<INSEE>.pub`` file (read-only store of that key, which
        must be readable: TrustError naming the file otherwise)."""
        path = Path(path)
        if path.is_dir():
            return cls(path, create=False, names=names)
        if path.is_file():
            if not (path.suffix == ".pub" and valid_key_owner(path.stem)):
                raise TrustError(
                    f"Fichier de confiance mal nommé : {path.name} ({_EXPECTED_NAME})."
                )
            try:
                read_public_key(path)
            except KeyFileError as error:
                raise TrustError(str(error)) from None
            store = cls(path.parent, create=False, names=names)
            store._single = path
            return store
        raise TrustError(f"Clé ou dossier de confiance introuvable : {path}.")

    def label(self, insee: str) -> str:
        """« Lens (62498) »."""
        return commune_label(insee, self.names)

    @property
    def read_only(self) -> bool:
        return self._single is not None

    @property
    def revoked_folder(self) -> Path:
        return self.folder / REVOKED_FOLDER_NAME

    def __repr__(self) -> str:
        where = self._single if self._single is not None else self.folder
        return f"TrustStore({str(where)!r})"

    # ----------------------------------------------------------------- reading

    def _scan(self) -> tuple[list[TrustedKey], list[TrustedKey], list[str]]:
        """(usable entries, every readable well-named key, problems)."""
        problems: list[str] = []
        candidates: list[TrustedKey] = []
        if self._single is not None:
            paths = [self._single]
        else:
            try:
                paths = sorted(self.folder.iterdir())
            except OSError as error:
                return [], [], [f"Dossier de confiance illisible : {self.folder} ({error.strerror})."]
        for path in paths:
            if path.name.startswith(".") or path.is_dir():
                continue  # temporary files, revoquees/
            if path.suffix != ".pub" or not valid_key_owner(path.stem):
                problems.append(f"Fichier ignoré : {path.name} ({_EXPECTED_NAME}).")
                continue
            try:
                key = read_public_key(path)
            except KeyFileError as error:
                problems.append(f"{str(error).rstrip('.')} : clé ignorée.")
                continue
            candidates.append(TrustedKey(path.stem, key.key_id_hex, key, path))
        entries: list[TrustedKey] = []
        for entry in candidates:
            communes = self._communes_of(candidates, entry.key_id)
            if len(communes) > 1:
                problems.append(
                    f"Clé ignorée : {entry.path.name} — la clé "
                    f"{readable_key_id(entry.key_id)} est attribuée à plusieurs communes, "
                    f"{communes_label(communes, self.names)} ; révoquez l'attribution erronée."
                )
                continue
            entries.append(entry)
        entries.sort(key=lambda e: e.owner)
        return entries, candidates, problems

    def entries(self) -> list[TrustedKey]:
        """Usable keys, sorted by INSEE code."""
        return self._scan()[0]

    def conflicts(self) -> list[TrustedKey]:
        """Readable keys left out because their key id is bound to several communes (revoke
        the wrong binding to use the other), sorted by INSEE code."""
        _, candidates, _ = self._scan()
        return sorted((key for key in candidates
                       if len(self._communes_of(candidates, key.key_id)) > 1),
                      key=lambda key: key.owner)

    def problems(self) -> list[str]:
        """Files skipped by :meth:`entries`, one French line each."""
        return self._scan()[2]

    def for_key_id(self, key_id: str) -> TrustedKey | None:
        wanted = (key_id or "").strip().upper()
        for entry in self.entries():
            if entry.key_id == wanted:
                return entry
        return None

    @staticmethod
    def _communes_of(keys: list[TrustedKey], key_id: str) -> set[str]:
        wanted = (key_id or "").strip().upper()
        return {key.owner for key in keys if key.key_id == wanted}

    def communes_of_key(self, key_id: str) -> set[str]:
        """Every commune a readable key file of the store binds ``key_id`` to — usable or
        not: two communes for one key means neither is used (see problems())."""
        return self._communes_of(self._scan()[1], key_id)

    def revoked_for_key_id(self, key_id: str) -> TrustedKey | None:
        """The revoked (or replaced) entry of ``key_id``, the latest one, or None."""
        wanted = (key_id or "").strip().upper()
        matches = [key for key in self.revoked() if key.key_id == wanted]
        return matches[-1] if matches else None

    def for_commune(self, insee: str) -> TrustedKey | None:
        code = (insee or "").strip().upper()
        for entry in self.entries():
            if entry.owner == code:
                return entry
        return None

    def revoked(self) -> list[TrustedKey]:
        """Keys moved to ``revoquees/`` (revoked or replaced), sorted by INSEE then key id."""
        if self._single is not None or not self.revoked_folder.is_dir():
            return []
        result: list[TrustedKey] = []
        for path in sorted(self.revoked_folder.iterdir()):
            match = _REVOKED_NAME.match(path.name)
            if not match or not path.is_file():
                continue
            try:
                key = read_public_key(path)
            except KeyFileError:
                continue
            result.append(TrustedKey(match.group(1), key.key_id_hex, key, path))
        result.sort(key=lambda e: (e.owner, e.key_id, e.path.name))
        return result

    # ----------------------------------------------------------------- changes

    def _require_writable(self) -> None:
        if self._single is not None:
            raise TrustError(
                "Ce magasin de confiance est un seul fichier de clé : lecture seule."
            )

    def _move_to_revoked(self, code: str, path: Path, key_id: str) -> Path:
        self.revoked_folder.mkdir(parents=True, exist_ok=True)
        base = unique_archive_base(self.revoked_folder, f"{code}-{key_id}", (".pub",))
        destination = self.revoked_folder / f"{base}.pub"
        os.replace(path, destination)
        return destination

    def add(self, public_key_text: str, insee: str) -> TrustedKey:
        """Trust ``public_key_text`` for commune ``insee`` (see module docstring)."""
        self._require_writable()
        code = _insee(insee)
        try:
            key = PublicKey.from_text(public_key_text)
        except KeyFileError as error:
            raise TrustError(str(error)) from None
        key_id = key.key_id_hex
        assert KEY_ID_PATTERN.match(key_id)
        _, candidates, _ = self._scan()
        others = sorted(
            {c.owner for c in candidates if c.key_id == key_id and c.owner != code}
        )
        if others:
            raise TrustError(
                f"La clé {readable_key_id(key_id)} est déjà attribuée à "
                f"{communes_label(others, self.names)} : elle ne peut pas l'être aussi à "
                f"{self.label(code)}."
            )
        path = self.folder / f"{code}.pub"
        current = next((c for c in candidates if c.owner == code), None)
        if current is not None and current.public_key == key:
            return current
        data = key.to_text(_comment("publique", code, self.names.get(code, ""))).encode("utf-8")
        temporary: Path | None = None
        try:
            temporary = _temporary_copy(path, data, 0o644)
            if path.exists():  # key rotation (or an unreadable file): keep the old one
                old_id = current.key_id if current is not None else "0" * 16
                self._move_to_revoked(code, path, old_id)
            os.replace(temporary, path)
        except OSError as error:
            if temporary is not None:
                _unlink_quietly(temporary)
            raise TrustError(
                f"Écriture de la clé de confiance impossible : {path} ({error.strerror})."
            ) from None
        return TrustedKey(code, key_id, key, path)

    def add_file(self, path: Path, insee: str) -> TrustedKey:
        try:
            read_public_key(Path(path))   # a refusal that names the file
            _, text = read_small_text(Path(path), "Clé publique")
        except KeyFileError as error:
            raise TrustError(str(error)) from None
        return self.add(text, insee)

    def revoke(self, insee: str) -> TrustedKey:
        """Stop trusting the commune's key: ``<INSEE>.pub`` moves to ``revoquees/``."""
        self._require_writable()
        code = _insee(insee)
        path = self.folder / f"{code}.pub"
        if not path.is_file():
            raise TrustError(f"Aucune clé de confiance pour {self.label(code)}.")
        try:
            key = read_public_key(path)
        except KeyFileError as error:
            raise TrustError(
                f"Clé de {self.label(code)} illisible, donc déjà ignorée : {error}"
            ) from None
        try:
            destination = self._move_to_revoked(code, path, key.key_id_hex)
        except OSError as error:
            raise TrustError(
                f"Révocation impossible pour {self.label(code)} ({error.strerror})."
            ) from None
        return TrustedKey(code, key.key_id_hex, key, destination)
