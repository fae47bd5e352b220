"""The user's own signing key pair, kept in a folder as minisign files: a commune's
(``<INSEE>``) or the agglomeration's (``<SIREN>``, 9 digits, which signs the responses).

``<folder>/<INSEE>.key`` is the secret key (minisign format, scrypt-encrypted when a
passphrase protects it, file mode 0o600) and ``<folder>/<INSEE>.pub`` its public key, the
file the commune hands to its agglomeration. Replaced keys are never deleted: they are
moved to ``<folder>/anciennes/<INSEE>-<KEYID>.key`` / ``.pub``.

Every write is atomic (temporary file in the same folder, then ``os.replace``); errors
meant for the user are :class:`KeyFileError` (or :class:`PassphraseError`) with a one-line
French message. Qt-free.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from qpvdesk.models.package.info import valid_key_owner, valid_siren
from qpvdesk.models.package.minisign import (
    MAX_TEXT_CHARS,
    UNTRUSTED_PREFIX,
    KeyFileError,
    PassphraseError,
    PublicKey,
    SecretKey,
    generate_keypair,
    readable_key_id,
)

__all__ = [
    "KEY_OPSLIMIT",
    "KEY_MEMLIMIT",
    "KEY_FOLDER_NAME",
    "ARCHIVE_FOLDER_NAME",
    "KeyFolder",
    "default_key_folder",
    "normalize_insee",
    "atomic_write_bytes",
    "read_small_text",
    "read_public_key",
    "read_secret_key",
    "declared_commune",
    "KeyFileError",
    "PassphraseError",
]

# qpvdesk creates keys with scrypt limits lighter than minisign's default 1 GiB:
# N=2^18, r=8, p=1 (256 MiB, about 0.5 s to unlock) — still read by the minisign tool,
# which takes the limits from the key file. (opslimit 2^24 would give p=2 with libsodium's
# derivation, hence 2^23.)
KEY_OPSLIMIT = 2**23
KEY_MEMLIMIT = 2**28

KEY_FOLDER_NAME = "cles"
ARCHIVE_FOLDER_NAME = "anciennes"

_MAX_FILE_BYTES = MAX_TEXT_CHARS * 4
_OWNERS = r"de (?:la commune|l'agglom\S*) (\S+)"
_SECRET_COMMENT_RE = re.compile(r"^qpvdesk cl\S* secr\S* " + _OWNERS)
_PUBLIC_COMMENT_RE = re.compile(r"^qpvdesk cl\S* publique " + _OWNERS)


def default_key_folder() -> Path:
    """``<user data folder>/cles`` (imports Qt only when QPVDESK_HOME is not set)."""
    from qpvdesk.paths import user_data_folder

    return user_data_folder() / KEY_FOLDER_NAME


def normalize_insee(insee: str) -> str:
    """The owner's code in its canonical form (``2a004`` → ``2A004``): a commune's INSEE
    code or an agglomeration's SIREN; KeyFileError if invalid."""
    code = insee.strip().upper() if isinstance(insee, str) else ""
    if not valid_key_owner(code):
        raise KeyFileError(f"Code INSEE invalide : « {insee} » (5 caractères, ex. 62498 ; ou "
                           "le SIREN de l'agglomération, 9 chiffres).")
    return code


def owner_words(code: str) -> str:
    """« la commune 62498 », « l'agglomération 246200364 »."""
    return f"l'agglomération {code}" if valid_siren(code) else f"la commune {code}"


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path = Path(path)
    temporary = _temporary_copy(path, data, mode)
    try:
        os.replace(temporary, path)
    except BaseException:
        _unlink_quietly(temporary)
        raise


def _temporary_copy(path: Path, data: bytes, mode: int) -> Path:
    """Write ``data`` to a temporary file next to ``path``; the caller moves it in place."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        _unlink_quietly(Path(temporary))
        raise
    return Path(temporary)


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def read_small_text(path: Path, what: str) -> tuple[bytes, str]:
    """Bytes and UTF-8 text of a small key file; KeyFileError (French) otherwise."""
    path = Path(path)
    try:
        if not path.is_file():
            raise KeyFileError(f"{what} introuvable : {path}.")
        if path.stat().st_size > _MAX_FILE_BYTES:
            raise KeyFileError(f"{what} refusée : fichier trop grand ({path.name}).")
        data = path.read_bytes()
    except OSError as error:
        raise KeyFileError(f"{what} illisible : {path.name} ({error.strerror}).") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise KeyFileError(f"{what} mal formée : {path.name} n'est pas du texte UTF-8.") from None
    return data, text


def _reason(error: Exception) -> str:
    """« Clé publique mal formée : base64 invalide. » -> « clé publique mal formée : base64
    invalide », to go inside a sentence that names the file."""
    text = str(error).rstrip(". ")
    return text[:1].lower() + text[1:]


def read_public_key(path: Path) -> PublicKey:
    """The minisign public key in ``path``; KeyFileError (French, naming the file) when the
    file is missing, too large, not text or not a minisign public key."""
    path = Path(path)
    _, text = read_small_text(path, "Clé publique")
    try:
        return PublicKey.from_text(text)
    except KeyFileError as error:
        raise KeyFileError(f"Le fichier {path.name} n'est pas une clé publique minisign "
                           f"lisible ({_reason(error)}).") from None


def read_secret_key(path: Path, passphrase: str | None) -> SecretKey:
    """The decrypted secret key in ``path``; PassphraseError for a wrong or missing
    passphrase, KeyFileError (French, naming the file) for anything else."""
    path = Path(path)
    _, text = read_small_text(path, "Clé secrète")
    try:
        return SecretKey.from_text(text, passphrase or None)
    except PassphraseError:
        raise
    except KeyFileError as error:
        raise KeyFileError(f"Le fichier {path.name} n'est pas une clé secrète minisign "
                           f"lisible ({_reason(error)}).") from None


def declared_commune(public_key_text: str) -> str | None:
    """The INSEE code (or an agglomeration's SIREN) that a qpvdesk public key file names in
    its (untrusted) comment — « qpvdesk clé publique de la commune 62498 (Lens) » — or None.
    Untrusted: only to warn when the user binds the key to another owner."""
    first = str(public_key_text or "").split("\n", 1)[0].strip()
    if not first.startswith(UNTRUSTED_PREFIX):
        return None
    match = _PUBLIC_COMMENT_RE.match(first[len(UNTRUSTED_PREFIX):])
    code = match.group(1).upper() if match else ""
    return code if valid_key_owner(code) else None


def unique_archive_base(folder: Path, base: str, suffixes: tuple[str, ...]) -> str:
    """``base``, or ``base-2``, ``base-3``… so that no ``<name><suffix>`` exists in folder."""
    candidate, number = base, 1
    while any((folder / f"{candidate}{suffix}").exists() for suffix in suffixes):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _clean_name(commune_name: str) -> str:
    cleaned = " ".join(str(commune_name or "").split())
    return "".join(ch for ch in cleaned if ch.isprintable())[:100]


def _comment(kind: str, insee: str, commune_name: str = "") -> str:
    name = _clean_name(commune_name)
    suffix = f" ({name})" if name else ""
    return f"qpvdesk clé {kind} de {owner_words(insee)}{suffix}"


class KeyFolder:
    """The commune's key pairs in one folder (normally :func:`default_key_folder`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def default(cls) -> KeyFolder:
        return cls(default_key_folder())

    def __repr__(self) -> str:
        return f"KeyFolder({str(self.folder)!r})"

    # ----------------------------------------------------------------- paths and state

    @property
    def archive_folder(self) -> Path:
        return self.folder / ARCHIVE_FOLDER_NAME

    def secret_path(self, insee: str) -> Path:
        return self.folder / f"{normalize_insee(insee)}.key"

    def public_path(self, insee: str) -> Path:
        return self.folder / f"{normalize_insee(insee)}.pub"

    def has_key(self, insee: str) -> bool:
        return self.secret_path(insee).is_file()

    def _ensure_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise KeyFileError(
                f"Impossible de créer le dossier des clés {self.folder} ({error.strerror})."
            ) from None

    # ----------------------------------------------------------------- creation

    def create(self, insee: str, passphrase: str | None, commune_name: str = "") -> PublicKey:
        """New key pair for the commune; refuses if one exists. Returns the public key."""
        code = normalize_insee(insee)
        secret_path, public_path = self.secret_path(code), self.public_path(code)
        if secret_path.exists() or public_path.exists():
            raise KeyFileError(
                f"Une clé existe déjà pour {owner_words(code)} : elle n'est pas remplacée."
            )
        if passphrase is not None and not isinstance(passphrase, str):
            raise TypeError("passphrase must be str or None")
        secret, public = generate_keypair(passphrase or None)
        secret_text = secret.to_text(
            passphrase or None,
            comment=_comment("secrète", code, commune_name),
            opslimit=KEY_OPSLIMIT,
            memlimit=KEY_MEMLIMIT,
        )
        public_text = public.to_text(_comment("publique", code, commune_name))
        self._ensure_folder()
        self._install(code, secret_text.encode("utf-8"), public_text.encode("utf-8"))
        return public

    def _install(self, code: str, secret_data: bytes, public_data: bytes,
                 before_replace=None) -> None:
        """Write both files via temporaries; ``before_replace`` runs once both are ready."""
        secret_path, public_path = self.secret_path(code), self.public_path(code)
        try:
            secret_tmp = _temporary_copy(secret_path, secret_data, 0o600)
        except OSError as error:
            raise KeyFileError(f"Écriture de la clé impossible ({error.strerror}).") from None
        try:
            public_tmp = _temporary_copy(public_path, public_data, 0o644)
        except OSError as error:
            _unlink_quietly(secret_tmp)
            raise KeyFileError(f"Écriture de la clé impossible ({error.strerror}).") from None
        try:
            if before_replace is not None:
                before_replace()
            os.replace(secret_tmp, secret_path)
            try:
                os.replace(public_tmp, public_path)
            except OSError:
                _unlink_quietly(secret_path)
                raise
        except OSError as error:
            _unlink_quietly(secret_tmp)
            _unlink_quietly(public_tmp)
            raise KeyFileError(f"Écriture de la clé impossible ({error.strerror}).") from None
        except BaseException:
            _unlink_quietly(secret_tmp)
            _unlink_quietly(public_tmp)
            raise

    # ----------------------------------------------------------------- reading

    def _secret_text(self, code: str) -> tuple[bytes, str]:
        if not self.secret_path(code).is_file():
            raise KeyFileError(f"Aucune clé secrète pour {owner_words(code)}.")
        return read_small_text(self.secret_path(code), "Clé secrète")

    def public_key(self, insee: str) -> PublicKey:
        code = normalize_insee(insee)
        if not self.public_path(code).is_file():
            raise KeyFileError(f"Aucune clé publique pour {owner_words(code)}.")
        return read_public_key(self.public_path(code))

    def is_protected(self, insee: str) -> bool:
        """Is the commune's secret key encrypted with a passphrase? (no scrypt work)"""
        code = normalize_insee(insee)
        _, text = self._secret_text(code)
        try:
            SecretKey.from_text(text, None)
        except PassphraseError:
            return True
        return False

    def unlock(self, insee: str, passphrase: str | None) -> SecretKey:
        """The decrypted secret key; PassphraseError on a wrong or missing passphrase."""
        code = normalize_insee(insee)
        self._secret_text(code)   # says when there is no key
        secret = read_secret_key(self.secret_path(code), passphrase)
        if self.public_path(code).is_file():
            public = self.public_key(code)
            if public != secret.public_key:
                raise KeyFileError(
                    f"Les fichiers de clé de {owner_words(code)} ne correspondent pas : "
                    f"clé secrète {readable_key_id(secret.key_id_hex)}, clé publique "
                    f"{readable_key_id(public.key_id_hex)}."
                )
        return secret

    # ----------------------------------------------------------------- copies

    def _copy_out(self, source: Path, target: Path, name: str, mode: int, what: str) -> Path:
        target = Path(target)
        if target.is_dir():
            target = target / name
        try:
            same = target.exists() and os.path.samefile(target, source)
        except OSError:
            same = False
        in_folder = target.resolve().parent == self.folder.resolve() and target.name in {
            name, name.replace(".key", ".pub"), name.replace(".pub", ".key")}
        if same or in_folder:
            raise KeyFileError(f"{what} : la destination est le fichier de clé lui-même.")
        data, _ = read_small_text(source, what)
        if not target.parent.is_dir():
            raise KeyFileError(f"{what} : dossier de destination introuvable ({target.parent}).")
        try:
            atomic_write_bytes(target, data, mode)
        except OSError as error:
            raise KeyFileError(f"{what} impossible : {target} ({error.strerror}).") from None
        return target

    def export_public(self, insee: str, target: Path) -> Path:
        """Copy ``<INSEE>.pub`` to ``target`` (a file, or a folder → ``<INSEE>.pub`` in it)."""
        code = normalize_insee(insee)
        source = self.public_path(code)
        if not source.is_file():
            raise KeyFileError(f"Aucune clé publique pour {owner_words(code)}.")
        return self._copy_out(source, target, f"{code}.pub", 0o644, "Export de la clé publique")

    def backup(self, insee: str, target: Path) -> Path:
        """Copy ``<INSEE>.key`` as is (still encrypted) to ``target`` (file or folder)."""
        code = normalize_insee(insee)
        source = self.secret_path(code)
        if not source.is_file():
            raise KeyFileError(f"Aucune clé secrète pour {owner_words(code)}.")
        return self._copy_out(source, target, f"{code}.key", 0o600, "Sauvegarde de la clé")

    # ----------------------------------------------------------------- restore

    def restore(self, insee: str, source: Path, passphrase: str | None,
                replace: bool = False) -> PublicKey:
        """Install a backed-up secret key as the commune's key.

        The file must decrypt with ``passphrase`` (PassphraseError otherwise). An existing
        different key is kept unless ``replace``; then the old pair moves to
        ``anciennes/<INSEE>-<KEYID>.key``/``.pub``. Nothing is written on any error.
        """
        code = normalize_insee(insee)
        data, text = read_small_text(Path(source), "Clé secrète à restaurer")
        secret = read_secret_key(Path(source), passphrase)
        comment = text.split("\n", 1)[0]
        comment = comment[len(UNTRUSTED_PREFIX):] if comment.startswith(UNTRUSTED_PREFIX) else ""
        match = _SECRET_COMMENT_RE.match(comment)
        if match and match.group(1).upper() != code \
                and valid_key_owner(match.group(1).upper()):
            raise KeyFileError(
                f"Cette sauvegarde est la clé de {owner_words(match.group(1))}, pas de "
                f"{owner_words(code)}."
            )
        public = secret.public_key
        name = ""
        name_match = re.search(r"\((.*)\)\s*$", comment) if match else None
        if name_match:
            name = name_match.group(1)
        public_data = public.to_text(_comment("publique", code, name)).encode("utf-8")

        secret_path, public_path = self.secret_path(code), self.public_path(code)
        old_public: PublicKey | None = None
        exists = secret_path.exists() or public_path.exists()
        if exists:
            try:
                old_public = self.public_key(code)
            except KeyFileError:
                old_public = None
            if old_public != public and not replace:
                old_id = readable_key_id(old_public.key_id_hex) if old_public else "inconnue"
                raise KeyFileError(
                    f"{owner_words(code).capitalize()} a déjà une autre clé ({old_id}) : "
                    "elle n'est remplacée que sur demande explicite."
                )
        archive = exists and old_public != public

        moved: list[tuple[Path, Path]] = []

        def archive_old() -> None:
            if not archive:
                return
            self.archive_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            base = f"{code}-{old_public.key_id_hex if old_public else 'INCONNUE'}"
            base = unique_archive_base(self.archive_folder, base, (".key", ".pub"))
            try:
                for path, suffix in ((secret_path, ".key"), (public_path, ".pub")):
                    if path.exists():
                        destination = self.archive_folder / f"{base}{suffix}"
                        os.replace(path, destination)
                        moved.append((destination, path))
            except OSError:
                for destination, path in reversed(moved):
                    os.replace(destination, path)
                raise

        self._ensure_folder()
        try:
            self._install(code, data, public_data, before_replace=archive_old)
        except KeyFileError:
            for destination, path in reversed(moved):  # put the old pair back
                if not path.exists():
                    try:
                        os.replace(destination, path)
                    except OSError:
                        pass
            raise
        return public
