"""Minisign keys and signatures: interop with Debian's `minisign` command, refusals."""
from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest

from qpvdesk.models.package.minisign import (
    KeyFileError,
    PassphraseError,
    PublicKey,
    SecretKey,
    SignatureError,
    _scrypt_params,
    generate_keypair,
    sign,
    verify,
)

MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"
# Small scrypt limits keep the tests fast (N=2^10); minisign reads them from the key file.
FAST = {"opslimit": 32768, "memlimit": 1 << 20}
DATA = b"Payload-Oxum: 12.1\nsha256  data/propositions.gpkg\n"
COMMENT = "qpvdesk package 0b6a commune 62498 created 2026-11-22T10:00:00+01:00"


def run_minisign(*args: str, stdin: str | None = None, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [MINISIGN, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=60
    )


def minisign_verify(tmp_path: Path, pub: PublicKey, data: bytes, signature: str):
    (tmp_path / "m.txt").write_bytes(data)
    (tmp_path / "m.txt.minisig").write_text(signature, encoding="utf-8")
    (tmp_path / "k.pub").write_text(pub.to_text(), encoding="utf-8")
    return run_minisign("-Vm", "m.txt", "-p", "k.pub", cwd=tmp_path)


# --------------------------------------------------------------------------- interop


def test_qpvdesk_signature_verifies_with_minisign(tmp_path):
    secret, public = generate_keypair(None)
    signature = sign(secret, DATA, COMMENT)
    result = minisign_verify(tmp_path, public, DATA, signature)
    assert result.returncode == 0, result.stderr
    assert "Signature and comment signature verified" in result.stdout
    assert f"Trusted comment: {COMMENT}" in result.stdout
    # The bytes minisign checked are the ones we signed: a change is refused by minisign too.
    tampered = minisign_verify(tmp_path, public, DATA + b"x", signature)
    assert tampered.returncode != 0


def test_minisign_unencrypted_key_signs_for_minisign(tmp_path):
    result = run_minisign("-G", "-W", "-p", "x.pub", "-s", "x.key", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    key_text = (tmp_path / "x.key").read_text()
    raw = base64.b64decode(key_text.splitlines()[1])
    assert raw[2:4] == b"\x00\x00" and raw[-32:] == bytes(32)  # what -W writes
    secret = SecretKey.from_text(key_text)
    public = PublicKey.from_text((tmp_path / "x.pub").read_text())
    assert secret.public_key == public
    # Key id shown as minisign shows it, in its .pub comment.
    # minisign prints the id with %PRIX64: no leading zeros, so compare the numbers
    shown = (tmp_path / "x.pub").read_text().splitlines()[0].split()[-1]
    assert int(shown, 16) == int(public.key_id_hex, 16)
    signature = sign(secret, DATA, COMMENT)
    result = minisign_verify(tmp_path, public, DATA, signature)
    assert result.returncode == 0, result.stderr
    assert "Signature and comment signature verified" in result.stdout
    assert verify(public, DATA, signature) == COMMENT


# The second limits take libsodium's other branch (memory-bound, p > 1).
@pytest.mark.parametrize("limits", [FAST, {"opslimit": 1 << 16, "memlimit": 1 << 16}])
def test_qpvdesk_encrypted_key_used_by_minisign(tmp_path, limits):
    secret, public = generate_keypair("phrase secrète ünïcode")
    (tmp_path / "q.key").write_text(secret.to_text(**limits))
    (tmp_path / "q.pub").write_text(public.to_text())
    (tmp_path / "m.txt").write_bytes(DATA)
    result = run_minisign(
        "-S", "-s", "q.key", "-m", "m.txt", "-t", COMMENT,
        stdin="phrase secrète ünïcode\n", cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert verify(public, DATA, (tmp_path / "m.txt.minisig").read_text()) == COMMENT
    # And qpvdesk reads its own encrypted key back.
    again = SecretKey.from_text((tmp_path / "q.key").read_text(), "phrase secrète ünïcode")
    assert again.public_key == public


def test_minisign_wrong_passphrase_on_qpvdesk_key_fails(tmp_path):
    secret, _ = generate_keypair("bonne")
    (tmp_path / "q.key").write_text(secret.to_text(**FAST))
    (tmp_path / "m.txt").write_bytes(DATA)
    result = run_minisign("-S", "-s", "q.key", "-m", "m.txt", stdin="mauvaise\n", cwd=tmp_path)
    assert result.returncode != 0


@pytest.mark.slow
def test_minisign_encrypted_key_with_default_scrypt_limits(tmp_path):
    """minisign's own defaults (1 GiB scrypt, a few seconds): the parameter derivation matches."""
    result = run_minisign(
        "-G", "-p", "e.pub", "-s", "e.key", stdin="mot de passe\nmot de passe\n", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    secret = SecretKey.from_text((tmp_path / "e.key").read_text(), "mot de passe")
    public = PublicKey.from_text((tmp_path / "e.pub").read_text())
    assert secret.public_key == public
    result = minisign_verify(tmp_path, public, DATA, sign(secret, DATA, COMMENT))
    assert "Signature and comment signature verified" in result.stdout


def test_scrypt_parameters_match_libsodium():
    assert _scrypt_params(33554432, 1073741824) == (1 << 20, 8, 1)  # minisign's defaults
    assert _scrypt_params(1, 1) == (2, 8, 512)  # opslimit raised to libsodium's minimum
    assert _scrypt_params(1 << 16, 1 << 16) == (64, 8, 32)
    assert _scrypt_params(32768, 1 << 20) == (1 << 10, 8, 1)


# --------------------------------------------------------------------------- keys


def test_public_key_round_trip():
    _, public = generate_keypair(None)
    text = public.to_text("clé de la commune 62498")
    assert text.startswith("untrusted comment: clé de la commune 62498\nRW")
    assert PublicKey.from_text(text) == public
    assert PublicKey.from_text(public.to_text()) == public
    assert PublicKey.from_text(public.to_base64()) == public
    assert len(public.key_id_hex) == 16 and public.key_id_hex == public.key_id_hex.upper()
    assert public.to_text().splitlines()[0] == f"untrusted comment: minisign public key {public.key_id_hex}"


def test_unencrypted_secret_key_round_trip():
    secret, public = generate_keypair(None)
    text = secret.to_text()
    assert base64.b64decode(text.splitlines()[1])[:6] == b"Ed\x00\x00B2"
    assert SecretKey.from_text(text).public_key == public


def test_wrong_or_missing_passphrase_is_a_french_error():
    secret, _ = generate_keypair("bonne")
    text = secret.to_text(**FAST)
    with pytest.raises(PassphraseError, match="Phrase secrète incorrecte"):
        SecretKey.from_text(text, "mauvaise")
    with pytest.raises(PassphraseError, match="phrase secrète requise"):
        SecretKey.from_text(text, None)


@pytest.mark.parametrize(
    "text",
    ["", "untrusted comment: x\n", "untrusted comment: x\n!!!\n", "untrusted comment: x\nRWQAAA==\n",
     "x" * 100_000],
)
def test_malformed_keys_are_refused(text):
    with pytest.raises(KeyFileError, match="mal formée"):
        SecretKey.from_text(text)
    with pytest.raises(KeyFileError, match="mal formée"):
        PublicKey.from_text(text if text.strip() else "untrusted comment: x\n\n\n")


def test_corrupted_unencrypted_key_is_refused():
    secret, _ = generate_keypair(None)
    lines = secret.to_text().splitlines()
    raw = bytearray(base64.b64decode(lines[1]))
    raw[-1] ^= 1  # checksum neither right nor all zero
    with pytest.raises(KeyFileError, match="corrompue"):
        SecretKey.from_text(f"{lines[0]}\n{base64.b64encode(bytes(raw)).decode()}\n")


def test_hostile_scrypt_limits_are_refused():
    secret, _ = generate_keypair(None)
    lines = secret.to_text("x", **FAST).splitlines()
    raw = bytearray(base64.b64decode(lines[1]))
    raw[38:54] = (2**40).to_bytes(8, "little") + (2**40).to_bytes(8, "little")
    with pytest.raises(KeyFileError, match="hors des limites"):
        SecretKey.from_text(f"{lines[0]}\n{base64.b64encode(bytes(raw)).decode()}\n", "x")


# --------------------------------------------------------------------------- refusals


def test_signature_format_and_round_trip():
    secret, public = generate_keypair(None)
    signature = sign(secret, DATA, COMMENT)
    lines = signature.splitlines()
    assert len(lines) == 4
    assert lines[0] == "untrusted comment: signature from qpvdesk"
    assert base64.b64decode(lines[1])[:2] == b"ED"
    assert lines[2] == f"trusted comment: {COMMENT}"
    assert verify(public, DATA, signature) == COMMENT
    assert verify(public, DATA, signature.replace("\n", "\r\n")) == COMMENT


def test_tampered_data_is_refused():
    secret, public = generate_keypair(None)
    with pytest.raises(SignatureError, match="^Signature invalide"):
        verify(public, DATA + b" ", sign(secret, DATA, COMMENT))


def test_tampered_trusted_comment_is_refused():
    secret, public = generate_keypair(None)
    signature = sign(secret, DATA, COMMENT).replace("commune 62498", "commune 62510")
    with pytest.raises(SignatureError, match="commentaire de confiance invalide"):
        verify(public, DATA, signature)


def test_another_key_is_refused():
    secret, _ = generate_keypair(None)
    _, other = generate_keypair(None)
    with pytest.raises(SignatureError, match="autre clé"):
        verify(other, DATA, sign(secret, DATA, COMMENT))


def test_same_key_id_different_key_is_refused():
    secret, public = generate_keypair(None)
    _, other = generate_keypair(None)
    impostor = PublicKey(key_id=public.key_id, key=other.key)
    with pytest.raises(SignatureError, match="^Signature invalide"):
        verify(impostor, DATA, sign(secret, DATA, COMMENT))


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: "",
        lambda s: "\n".join(s.splitlines()[:3]),
        lambda s: s.replace("untrusted comment:", "comment:"),
        lambda s: s.replace("trusted comment: ", "trusted: "),
        lambda s: s.replace(s.splitlines()[1], s.splitlines()[1][:-8]),
        lambda s: s.replace(s.splitlines()[1], "@@" + s.splitlines()[1][2:]),
        lambda s: s.replace(s.splitlines()[3], s.splitlines()[3][:-4]),
        lambda s: s.replace(s.splitlines()[1], base64.b64encode(b"Xx" + bytes(72)).decode()),
        lambda s: s + "x" * 20_000,
    ],
)
def test_malformed_signature_is_refused(mangle):
    secret, public = generate_keypair(None)
    with pytest.raises(SignatureError, match="^Signature mal formée"):
        verify(public, DATA, mangle(sign(secret, DATA, COMMENT)))


def test_messages_are_one_line():
    secret, public = generate_keypair(None)
    _, other = generate_keypair(None)
    signature = sign(secret, DATA, COMMENT)
    for args in [(other, DATA, signature), (public, b"", signature), (public, DATA, "x")]:
        with pytest.raises(SignatureError) as info:
            verify(*args)
        assert "\n" not in str(info.value)


def test_comments_must_be_one_line():
    secret, _ = generate_keypair(None)
    with pytest.raises(ValueError):
        sign(secret, DATA, "a\nb")
    with pytest.raises(ValueError):
        sign(secret, DATA, COMMENT, untrusted_comment="a\rb")
