"""Minisign-compatible Ed25519 keys and signatures, built on ``cryptography``.

Formats (as written and read by the ``minisign`` command):

* public key file: ``untrusted comment: ...`` then base64 of
  ``"Ed" + key id (8) + Ed25519 public key (32)``;
* secret key file: ``untrusted comment: ...`` then base64 of
  ``"Ed" + kdf ("Sc" scrypt, or two zero bytes) + "B2" + salt (32) + opslimit (8, LE)
  + memlimit (8, LE) + keynum_sk`` where ``keynum_sk`` is
  ``key id (8) + secret key (seed 32 + public key 32) + checksum (32)``, XOR-ed with the
  scrypt output when a passphrase protects the key. The checksum is BLAKE2b-256 of
  ``"Ed" + key id + secret key`` (``minisign -G -W`` leaves it all zero: accepted);
* signature file (4 lines): untrusted comment, base64 of ``"ED" + key id + signature``
  (signature of the BLAKE2b-512 of the data; legacy ``"Ed"`` signs the data itself and is
  accepted by :func:`verify`), ``trusted comment: ...``, base64 of the global signature of
  ``signature + trusted comment``.

The key id is shown as minisign shows it: the 8 bytes read as a little-endian integer, in
16 uppercase hexadecimal digits.

Errors meant for the user carry a one-line French message.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

__all__ = [
    "MinisignError",
    "KeyFileError",
    "PassphraseError",
    "SignatureError",
    "PublicKey",
    "SecretKey",
    "generate_keypair",
    "sign",
    "verify",
    "format_key_id",
    "readable_key_id",
    "DEFAULT_OPSLIMIT",
    "DEFAULT_MEMLIMIT",
]

SIG_ALG = b"Ed"  # key algorithm, and legacy (non pre-hashed) signatures
SIG_ALG_HASHED = b"ED"  # pre-hashed signatures (BLAKE2b-512 of the data)
KDF_ALG = b"Sc"  # scrypt (libsodium crypto_pwhash_scryptsalsa208sha256)
KDF_NONE = b"\x00\x00"
CHK_ALG = b"B2"  # BLAKE2b

KEY_ID_BYTES = 8
PUBLIC_KEY_BYTES = 32
SECRET_KEY_BYTES = 64
SIGNATURE_BYTES = 64
SALT_BYTES = 32
CHECKSUM_BYTES = 32

# minisign's defaults (libsodium's *_SENSITIVE limits): scrypt N=2^20, r=8, p=1, i.e. 1 GiB
# of memory and a few seconds. Tests may pass smaller limits to SecretKey.to_text().
DEFAULT_OPSLIMIT = 33_554_432
DEFAULT_MEMLIMIT = 1_073_741_824

UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
MAX_COMMENT_BYTES = 1024  # untrusted comment (minisign COMMENTMAXBYTES)
MAX_TRUSTED_COMMENT_BYTES = 8192  # minisign TRUSTEDCOMMENTMAXBYTES
MAX_TEXT_CHARS = 16_384  # key or signature files are tiny; refuse anything larger

# Refuse key files asking for an unreasonable scrypt effort (hostile input).
# minisign's own defaults sit exactly at the memory limit.
_MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024
_MAX_SCRYPT_WORK = 2**24  # N * r * p

_PUB_LEN = 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES
_KEYNUM_SK_LEN = KEY_ID_BYTES + SECRET_KEY_BYTES + CHECKSUM_BYTES
_SEC_LEN = 2 + 2 + 2 + SALT_BYTES + 8 + 8 + _KEYNUM_SK_LEN
_SIG_LEN = 2 + KEY_ID_BYTES + SIGNATURE_BYTES


class MinisignError(Exception):
    """Base class; ``str(error)`` is a one-line French message for the user."""


class KeyFileError(MinisignError):
    """A key file is malformed or unusable."""


class PassphraseError(KeyFileError):
    """Missing or wrong passphrase for an encrypted secret key."""


class SignatureError(MinisignError):
    """A signature is malformed, made with another key, or does not verify."""


def format_key_id(key_id: bytes) -> str:
    """Key id as minisign prints it (little-endian integer, 16 uppercase hex digits)."""
    return key_id[::-1].hex().upper()


KEY_ID_GROUP_SEPARATOR = "\u00a0"   # no-break space: an id is never wrapped mid-way


def readable_key_id(key_id: str | bytes) -> str:
    """The one way qpvdesk shows a key id to people: « A1B2 C3D4 E5F6 0708 », groups of four
    joined by no-break spaces (read out on the phone, never wrapped). Accepts the 16 hex
    digits in any case and spacing, or the raw 8 bytes; '—' for nothing."""
    if isinstance(key_id, bytes):
        key_id = format_key_id(key_id)
    plain = "".join(str(key_id or "").split()).upper()
    return KEY_ID_GROUP_SEPARATOR.join(plain[start:start + 4]
                                       for start in range(0, len(plain), 4)) or "—"


# --------------------------------------------------------------------------- helpers


def _b64decode(line: str, what: str, error: type[MinisignError]) -> bytes:
    try:
        return base64.b64decode(line.strip().encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise error(f"{what} mal formée : base64 invalide.") from None


def _lines(text: str, what: str, error: type[MinisignError]) -> list[str]:
    if not isinstance(text, str):
        raise error(f"{what} mal formée : texte attendu.")
    if len(text) > MAX_TEXT_CHARS:
        raise error(f"{what} mal formée : fichier trop grand.")
    # Split on "\n" only (not str.splitlines, which also splits on other separators that a
    # trusted comment may contain); trim a trailing "\r" as minisign does.
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _check_comment(comment: str, what: str, limit: int) -> None:
    if "\n" in comment or "\r" in comment:
        raise ValueError(f"{what} : une seule ligne est permise.")
    if len(comment.encode("utf-8")) > limit:
        raise ValueError(f"{what} : trop long ({limit} octets au plus).")


def _checksum(key_id: bytes, secret: bytes) -> bytes:
    return hashlib.blake2b(SIG_ALG + key_id + secret, digest_size=CHECKSUM_BYTES).digest()


def _scrypt_params(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """(N, r, p) as libsodium's crypto_pwhash_scryptsalsa208sha256 derives them."""
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p = 1
        max_n = opslimit // (r * 4)
    else:
        max_n = memlimit // (r * 128)
    n_log2 = 1
    while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
        n_log2 += 1
    if not opslimit < memlimit // 32:
        max_rp = min((opslimit // 4) // (1 << n_log2), 0x3FFFFFFF)
        p = max_rp // r
    return 1 << n_log2, r, p


def _scrypt_stream(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    n, r, p = _scrypt_params(opslimit, memlimit)
    if p < 1 or 128 * r * n > _MAX_SCRYPT_MEMORY or n * r * p > _MAX_SCRYPT_WORK:
        raise KeyFileError(
            "Clé secrète refusée : paramètres de chiffrement hors des limites raisonnables."
        )
    kdf = Scrypt(salt=salt, length=_KEYNUM_SK_LEN, n=n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


# --------------------------------------------------------------------------- keys


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key with its minisign key id."""

    key_id: bytes
    key: bytes

    def __post_init__(self) -> None:
        if len(self.key_id) != KEY_ID_BYTES or len(self.key) != PUBLIC_KEY_BYTES:
            raise KeyFileError("Clé publique mal formée : longueur incorrecte.")

    @property
    def key_id_hex(self) -> str:
        return format_key_id(self.key_id)

    def to_base64(self) -> str:
        """The single line that ``minisign -P`` accepts."""
        return base64.b64encode(SIG_ALG + self.key_id + self.key).decode("ascii")

    def to_text(self, comment: str | None = None) -> str:
        """Content of the ``.pub`` file."""
        if comment is None:
            comment = f"minisign public key {self.key_id_hex}"
        _check_comment(comment, "Commentaire", MAX_COMMENT_BYTES)
        return f"{UNTRUSTED_PREFIX}{comment}\n{self.to_base64()}\n"

    @classmethod
    def from_base64(cls, line: str) -> PublicKey:
        raw = _b64decode(line, "Clé publique", KeyFileError)
        if len(raw) != _PUB_LEN:
            raise KeyFileError("Clé publique mal formée : longueur incorrecte.")
        if raw[:2] != SIG_ALG:
            raise KeyFileError("Clé publique mal formée : algorithme non pris en charge.")
        return cls(key_id=raw[2:10], key=raw[10:])

    @classmethod
    def from_text(cls, text: str) -> PublicKey:
        """Read a ``.pub`` file (or a bare base64 line)."""
        lines = _lines(text, "Clé publique", KeyFileError)
        if len(lines) == 1:
            return cls.from_base64(lines[0])
        if len(lines) != 2 or not lines[0].startswith(UNTRUSTED_PREFIX):
            raise KeyFileError(
                "Clé publique mal formée : deux lignes attendues (commentaire puis clé)."
            )
        return cls.from_base64(lines[1])

    def _ed25519(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.key)


_SAME_PASSPHRASE = object()


class SecretKey:
    """An Ed25519 secret key with its minisign key id (kept decrypted in memory)."""

    __slots__ = ("key_id", "_private", "passphrase")

    def __init__(
        self, key_id: bytes, private: Ed25519PrivateKey, passphrase: str | None = None
    ) -> None:
        if len(key_id) != KEY_ID_BYTES:
            raise KeyFileError("Clé secrète mal formée : identifiant incorrect.")
        self.key_id = key_id
        self._private = private
        # Passphrase given when the key was generated or read; default for to_text().
        self.passphrase = passphrase

    def __repr__(self) -> str:
        return f"SecretKey(key_id={self.key_id_hex})"

    @property
    def key_id_hex(self) -> str:
        return format_key_id(self.key_id)

    @property
    def public_key(self) -> PublicKey:
        raw = self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return PublicKey(key_id=self.key_id, key=raw)

    def _secret_bytes(self) -> bytes:
        seed = self._private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return seed + self.public_key.key

    def to_text(
        self,
        passphrase: str | None | object = _SAME_PASSPHRASE,
        *,
        comment: str | None = None,
        opslimit: int = DEFAULT_OPSLIMIT,
        memlimit: int = DEFAULT_MEMLIMIT,
    ) -> str:
        """Content of the ``.key`` file, encrypted with scrypt when a passphrase is given.

        Without argument, the key's own ``passphrase`` is used. ``None`` or ``""`` writes
        the unencrypted form (like ``minisign -G -W``).
        """
        if passphrase is _SAME_PASSPHRASE:
            passphrase = self.passphrase
        if passphrase is not None and not isinstance(passphrase, str):
            raise TypeError("passphrase must be str or None")
        secret = self._secret_bytes()
        keynum_sk = self.key_id + secret + _checksum(self.key_id, secret)
        if passphrase:
            salt = os.urandom(SALT_BYTES)
            stream = _scrypt_stream(passphrase, salt, opslimit, memlimit)
            body = KDF_ALG + CHK_ALG + salt + struct.pack("<QQ", opslimit, memlimit)
            body += _xor(keynum_sk, stream)
            default_comment = "minisign encrypted secret key"
        else:
            body = KDF_NONE + CHK_ALG + bytes(SALT_BYTES) + bytes(16) + keynum_sk
            default_comment = "minisign secret key"
        if comment is None:
            comment = default_comment
        _check_comment(comment, "Commentaire", MAX_COMMENT_BYTES)
        raw = SIG_ALG + body
        return f"{UNTRUSTED_PREFIX}{comment}\n{base64.b64encode(raw).decode('ascii')}\n"

    @classmethod
    def from_text(cls, text: str, passphrase: str | None = None) -> SecretKey:
        """Read a ``.key`` file; raises :class:`PassphraseError` on a wrong passphrase."""
        lines = _lines(text, "Clé secrète", KeyFileError)
        if len(lines) != 2 or not lines[0].startswith(UNTRUSTED_PREFIX):
            raise KeyFileError(
                "Clé secrète mal formée : deux lignes attendues (commentaire puis clé)."
            )
        raw = _b64decode(lines[1], "Clé secrète", KeyFileError)
        if len(raw) != _SEC_LEN:
            raise KeyFileError("Clé secrète mal formée : longueur incorrecte.")
        sig_alg, kdf_alg, chk_alg = raw[0:2], raw[2:4], raw[4:6]
        salt = raw[6:38]
        opslimit, memlimit = struct.unpack("<QQ", raw[38:54])
        keynum_sk = raw[54:]
        if sig_alg != SIG_ALG:
            raise KeyFileError("Clé secrète mal formée : algorithme non pris en charge.")
        if chk_alg != CHK_ALG:
            raise KeyFileError("Clé secrète mal formée : somme de contrôle non prise en charge.")
        encrypted = kdf_alg == KDF_ALG
        if encrypted:
            if not passphrase:
                raise PassphraseError("Cette clé secrète est protégée : phrase secrète requise.")
            keynum_sk = _xor(keynum_sk, _scrypt_stream(passphrase, salt, opslimit, memlimit))
        elif kdf_alg != KDF_NONE:
            raise KeyFileError("Clé secrète mal formée : chiffrement non pris en charge.")
        key_id = keynum_sk[:KEY_ID_BYTES]
        secret = keynum_sk[KEY_ID_BYTES : KEY_ID_BYTES + SECRET_KEY_BYTES]
        checksum = keynum_sk[KEY_ID_BYTES + SECRET_KEY_BYTES :]
        expected = _checksum(key_id, secret)
        if not hmac.compare_digest(checksum, expected):
            if encrypted:
                raise PassphraseError("Phrase secrète incorrecte pour cette clé.")
            if checksum != bytes(CHECKSUM_BYTES):  # minisign -G -W writes zeros
                raise KeyFileError("Clé secrète corrompue : somme de contrôle incorrecte.")
        private = Ed25519PrivateKey.from_private_bytes(secret[:32])
        key = cls(key_id, private, passphrase if encrypted else None)
        if key.public_key.key != secret[32:]:
            raise KeyFileError("Clé secrète corrompue : partie publique incohérente.")
        return key

    def _sign(self, message: bytes) -> bytes:
        return self._private.sign(message)


def generate_keypair(passphrase: str | None = None) -> tuple[SecretKey, PublicKey]:
    """New key pair with a random 8-byte key id.

    The passphrase is remembered by the secret key as the default of
    :meth:`SecretKey.to_text`; the key itself is held decrypted in memory.
    """
    if passphrase is not None and not isinstance(passphrase, str):
        raise TypeError("passphrase must be str or None")
    secret = SecretKey(os.urandom(KEY_ID_BYTES), Ed25519PrivateKey.generate(), passphrase or None)
    return secret, secret.public_key


# --------------------------------------------------------------------------- signatures


def sign(
    secret_key: SecretKey,
    data: bytes,
    trusted_comment: str,
    untrusted_comment: str = "signature from qpvdesk",
) -> str:
    """Pre-hashed ("ED") minisign signature of ``data``, as the 4-line ``.minisig`` text."""
    _check_comment(trusted_comment, "Commentaire de confiance", MAX_TRUSTED_COMMENT_BYTES)
    _check_comment(untrusted_comment, "Commentaire", MAX_COMMENT_BYTES)
    digest = hashlib.blake2b(data, digest_size=64).digest()
    signature = secret_key._sign(digest)
    global_signature = secret_key._sign(signature + trusted_comment.encode("utf-8"))
    line2 = base64.b64encode(SIG_ALG_HASHED + secret_key.key_id + signature).decode("ascii")
    line4 = base64.b64encode(global_signature).decode("ascii")
    return (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n{line2}\n"
        f"{TRUSTED_PREFIX}{trusted_comment}\n{line4}\n"
    )


def signature_key_id(signature_text: str) -> str:
    """Key id (16 hex digits) named by a signature, without verifying it."""
    _, key_id, _, _, _ = _parse_signature(signature_text)
    return format_key_id(key_id)


def _parse_signature(text: str) -> tuple[bytes, bytes, bytes, str, bytes]:
    malformed = "Signature mal formée"
    lines = _lines(text, "Signature", SignatureError)
    if len(lines) != 4:
        raise SignatureError(f"{malformed} : quatre lignes attendues.")
    if not lines[0].startswith(UNTRUSTED_PREFIX):
        raise SignatureError(f"{malformed} : commentaire non signé absent.")
    if not lines[2].startswith(TRUSTED_PREFIX):
        raise SignatureError(f"{malformed} : commentaire de confiance absent.")
    raw = _b64decode(lines[1], "Signature", SignatureError)
    if len(raw) != _SIG_LEN:
        raise SignatureError(f"{malformed} : longueur incorrecte.")
    alg = raw[:2]
    if alg not in (SIG_ALG, SIG_ALG_HASHED):
        raise SignatureError(f"{malformed} : algorithme non pris en charge.")
    global_signature = _b64decode(lines[3], "Signature", SignatureError)
    if len(global_signature) != SIGNATURE_BYTES:
        raise SignatureError(f"{malformed} : signature du commentaire de longueur incorrecte.")
    trusted = lines[2][len(TRUSTED_PREFIX) :]
    return alg, raw[2:10], raw[10:], trusted, global_signature


def verify(public_key: PublicKey, data: bytes, signature_text: str) -> str:
    """Check a minisign signature of ``data``; return its trusted comment.

    Accepts pre-hashed ("ED") and legacy ("Ed") signatures. Raises
    :class:`SignatureError` with a one-line French message.
    """
    alg, key_id, signature, trusted, global_signature = _parse_signature(signature_text)
    if not hmac.compare_digest(key_id, public_key.key_id):
        raise SignatureError(
            f"Signature faite avec une autre clé ({readable_key_id(key_id)}) "
            f"que la clé attendue ({readable_key_id(public_key.key_id_hex)})."
        )
    message = hashlib.blake2b(data, digest_size=64).digest() if alg == SIG_ALG_HASHED else data
    try:
        verifier = public_key._ed25519()
    except ValueError:
        raise SignatureError("Clé publique inutilisable pour vérifier la signature.") from None
    try:
        verifier.verify(signature, message)
    except InvalidSignature:
        raise SignatureError(
            "Signature invalide : le fichier a été modifié ou n'a pas été signé par cette clé."
        ) from None
    try:
        verifier.verify(global_signature, signature + trusted.encode("utf-8"))
    except InvalidSignature:
        raise SignatureError(
            "Signature du commentaire de confiance invalide : le commentaire a été modifié."
        ) from None
    return trusted
