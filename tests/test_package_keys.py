"""The commune's own key pair: creation, passphrase, backup and restore, minisign interop."""
from __future__ import annotations

import base64
import shutil
import stat
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qpvdesk.models.package import keys as keys_module
from qpvdesk.models.package.keys import KeyFolder
from qpvdesk.models.package.minisign import (
    KeyFileError,
    readable_key_id,
    PassphraseError,
    SecretKey,
    _scrypt_params,
    sign,
    verify,
)

MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"
DATA = b"Payload-Oxum: 12.1\n"
PHRASE = "phrase secrète de Lens"


@pytest.fixture
def fast(monkeypatch):
    """Small scrypt limits (N=2^10) so that the tests do not spend a second per unlock."""
    monkeypatch.setattr(keys_module, "KEY_OPSLIMIT", 32768)
    monkeypatch.setattr(keys_module, "KEY_MEMLIMIT", 1 << 20)


@pytest.fixture
def folder(tmp_path, fast) -> KeyFolder:
    return KeyFolder(tmp_path / "cles")


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def run_minisign(*args: str, stdin: str | None = None, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [MINISIGN, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=120
    )


# --------------------------------------------------------------------------- creation


def test_create_writes_both_files_and_unlocks(folder):
    public = folder.create("62498", PHRASE, "Lens")
    assert folder.has_key("62498") and not folder.has_key("62510")
    assert folder.secret_path("62498") == folder.folder / "62498.key"
    assert folder.public_path("62498") == folder.folder / "62498.pub"
    pub_text = folder.public_path("62498").read_text(encoding="utf-8")
    key_text = folder.secret_path("62498").read_text(encoding="utf-8")
    assert pub_text.startswith("untrusted comment: qpvdesk clé publique de la commune 62498 (Lens)\n")
    assert key_text.startswith("untrusted comment: qpvdesk clé secrète de la commune 62498 (Lens)\n")
    if sys.platform != "win32":
        assert stat.S_IMODE(folder.secret_path("62498").stat().st_mode) == 0o600
    assert folder.public_key("62498") == public
    assert folder.is_protected("62498")
    secret = folder.unlock("62498", PHRASE)
    assert secret.public_key == public
    assert verify(public, DATA, sign(secret, DATA, "essai")) == "essai"
    # No temporary file left behind.
    assert sorted(p.name for p in folder.folder.iterdir()) == ["62498.key", "62498.pub"]


def test_create_without_passphrase_is_unprotected(folder):
    public = folder.create("2a004", None)
    assert folder.has_key("2A004")
    assert not folder.is_protected("2A004")
    assert folder.unlock("2A004", None).public_key == public


def test_create_refuses_existing_key_and_invalid_insee(folder):
    folder.create("62498", PHRASE)
    before = snapshot(folder.folder)
    with pytest.raises(KeyFileError, match="existe déjà"):
        folder.create("62498", "autre")
    assert snapshot(folder.folder) == before
    with pytest.raises(KeyFileError, match="INSEE invalide"):
        folder.create("6249", PHRASE)
    with pytest.raises(KeyFileError, match="INSEE invalide"):
        folder.create("../62498", PHRASE)
    assert snapshot(folder.folder) == before


def test_wrong_or_missing_passphrase_refused(folder):
    folder.create("62498", PHRASE)
    with pytest.raises(PassphraseError, match="incorrecte"):
        folder.unlock("62498", "mauvaise")
    with pytest.raises(PassphraseError, match="requise"):
        folder.unlock("62498", None)
    with pytest.raises(PassphraseError):
        folder.unlock("62498", "")


def test_missing_key_messages(folder):
    with pytest.raises(KeyFileError, match="Aucune clé secrète pour la commune 62498"):
        folder.unlock("62498", PHRASE)
    with pytest.raises(KeyFileError, match="Aucune clé publique"):
        folder.public_key("62498")


# --------------------------------------------------------------------------- copies


def test_export_public_to_folder_and_file(folder, tmp_path):
    public = folder.create("62498", PHRASE)
    out = tmp_path / "envoi"
    out.mkdir()
    exported = folder.export_public("62498", out)
    assert exported == out / "62498.pub"
    assert exported.read_bytes() == folder.public_path("62498").read_bytes()
    named = folder.export_public("62498", tmp_path / "lens.pub")
    assert named.read_bytes() == exported.read_bytes()
    assert folder.public_key("62498") == public


def test_backup_never_overwrites_the_key(folder, tmp_path):
    folder.create("62498", PHRASE)
    before = snapshot(folder.folder)
    with pytest.raises(KeyFileError, match="fichier de clé lui-même"):
        folder.backup("62498", folder.folder)
    with pytest.raises(KeyFileError, match="fichier de clé lui-même"):
        folder.backup("62498", folder.secret_path("62498"))
    with pytest.raises(KeyFileError, match="fichier de clé lui-même"):
        folder.backup("62498", folder.public_path("62498"))
    assert snapshot(folder.folder) == before


def test_backup_and_restore_round_trip_signs_with_same_key(folder, tmp_path):
    public = folder.create("62498", PHRASE, "Lens")
    usb = tmp_path / "cle_usb"
    usb.mkdir()
    backup = folder.backup("62498", usb)
    assert backup == usb / "62498.key"
    # The backup is the encrypted file as is.
    assert backup.read_bytes() == folder.secret_path("62498").read_bytes()

    # A new computer: empty key folder.
    other = KeyFolder(tmp_path / "nouveau_poste" / "cles")
    restored = other.restore("62498", backup, PHRASE)
    assert restored == public
    assert other.secret_path("62498").read_bytes() == backup.read_bytes()
    assert other.public_key("62498") == public
    assert other.public_path("62498").read_text(encoding="utf-8").startswith(
        "untrusted comment: qpvdesk clé publique de la commune 62498 (Lens)"
    )
    secret = other.unlock("62498", PHRASE)
    assert secret.key_id_hex == public.key_id_hex
    assert verify(public, DATA, sign(secret, DATA, "restaurée")) == "restaurée"
    # Restoring the same key again is harmless.
    assert other.restore("62498", backup, PHRASE) == public
    assert not (other.folder / "anciennes").exists()


def test_restore_wrong_passphrase_writes_nothing(folder, tmp_path):
    folder.create("62498", PHRASE)
    backup = folder.backup("62498", tmp_path / "sauvegarde.key")
    other = KeyFolder(tmp_path / "autre")
    with pytest.raises(PassphraseError):
        other.restore("62498", backup, "mauvaise")
    with pytest.raises(PassphraseError):
        other.restore("62498", backup, None)
    assert not other.folder.exists()
    # Over an existing key too, even with replace=True.
    before = snapshot(folder.folder)
    with pytest.raises(PassphraseError):
        folder.restore("62498", backup, "mauvaise", replace=True)
    assert snapshot(folder.folder) == before


def test_restore_unreadable_source_writes_nothing(folder, tmp_path):
    bad = tmp_path / "bad.key"
    bad.write_text("untrusted comment: x\nnot base64!!\n")
    with pytest.raises(KeyFileError):
        folder.restore("62498", bad, PHRASE)
    with pytest.raises(KeyFileError, match="introuvable"):
        folder.restore("62498", tmp_path / "absent.key", PHRASE)
    assert not folder.folder.exists()


def test_restore_over_different_key_needs_replace(folder, tmp_path):
    old_public = folder.create("62498", PHRASE)
    elsewhere = KeyFolder(tmp_path / "ailleurs")
    new_public = elsewhere.create("62498", "autre phrase")
    backup = elsewhere.backup("62498", tmp_path / "nouvelle.key")
    before = snapshot(folder.folder)

    old_id = readable_key_id(old_public.key_id_hex)
    with pytest.raises(KeyFileError, match=f"déjà une autre clé \\({old_id}\\)"):
        folder.restore("62498", backup, "autre phrase")
    assert snapshot(folder.folder) == before
    assert folder.unlock("62498", PHRASE).public_key == old_public

    assert folder.restore("62498", backup, "autre phrase", replace=True) == new_public
    assert folder.public_key("62498") == new_public
    assert folder.unlock("62498", "autre phrase").public_key == new_public
    # The old pair is kept, not deleted.
    archived_key = folder.folder / "anciennes" / f"62498-{old_public.key_id_hex}.key"
    archived_pub = folder.folder / "anciennes" / f"62498-{old_public.key_id_hex}.pub"
    assert archived_key.read_bytes() == before["62498.key"]
    assert archived_pub.read_bytes() == before["62498.pub"]
    assert SecretKey.from_text(archived_key.read_text(), PHRASE).public_key == old_public
    assert sorted(p.name for p in folder.folder.iterdir()) == ["62498.key", "62498.pub", "anciennes"]


def test_restore_refuses_backup_of_another_commune(folder, tmp_path):
    lievin = KeyFolder(tmp_path / "lievin")
    lievin.create("62510", PHRASE, "Liévin")
    backup = lievin.backup("62510", tmp_path)
    with pytest.raises(KeyFileError, match="commune 62510, pas de la commune 62498"):
        folder.restore("62498", backup, PHRASE)
    assert not folder.folder.exists()


# --------------------------------------------------------------------------- real limits


@pytest.mark.slow
def test_real_limits_and_minisign_interop(tmp_path):
    """The key as qpvdesk really writes it (N=2^18): minisign signs with it, and verifies."""
    assert _scrypt_params(keys_module.KEY_OPSLIMIT, keys_module.KEY_MEMLIMIT) == (1 << 18, 8, 1)
    folder = KeyFolder(tmp_path / "cles")
    public = folder.create("62498", PHRASE, "Lens")
    raw = base64.b64decode(folder.secret_path("62498").read_text().splitlines()[1])
    assert raw[2:4] == b"Sc"
    assert struct.unpack("<QQ", raw[38:54]) == (keys_module.KEY_OPSLIMIT, keys_module.KEY_MEMLIMIT)

    started = time.perf_counter()
    secret = folder.unlock("62498", PHRASE)
    assert time.perf_counter() - started < 10  # about 0.5 s on a 2-core machine
    assert secret.public_key == public

    (tmp_path / "m.txt").write_bytes(DATA)
    result = run_minisign(
        "-S", "-s", str(folder.secret_path("62498")), "-m", "m.txt", "-t", "signé par minisign",
        stdin=PHRASE + "\n", cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    result = run_minisign("-Vm", "m.txt", "-p", str(folder.public_path("62498")), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Signature and comment signature verified" in result.stdout
    signature = (tmp_path / "m.txt.minisig").read_text()
    assert verify(public, DATA, signature) == "signé par minisign"
    # And minisign verifies what qpvdesk signs with the same key.
    (tmp_path / "m.txt.minisig").write_text(sign(secret, DATA, "signé par qpvdesk"))
    result = run_minisign("-Vm", "m.txt", "-p", str(folder.public_path("62498")), cwd=tmp_path)
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------- garbage key files


@pytest.mark.parametrize("content", [bytes(range(256)) * 2, b"untrusted comment: x\nbonjour\n",
                                     b"", "une clé ? non".encode()])
def test_garbage_key_files_are_refused_in_a_french_sentence_naming_the_file(tmp_path, content):
    garbage = tmp_path / "62498.pub"
    garbage.write_bytes(content)
    for read in (keys_module.read_public_key,
                 lambda path: keys_module.read_secret_key(path, None)):
        with pytest.raises(KeyFileError) as refusal:
            read(garbage)
        message = str(refusal.value)
        assert "62498.pub" in message and "\n" not in message
        assert "codec" not in message and "utf-8" not in message   # no raw Python error
    assert garbage.read_bytes() == content


def test_cli_export_with_a_garbage_key_says_which_file(tmp_path, capsys, reference_path):
    from qpvdesk.cli import main

    garbage = tmp_path / "62498.key"
    garbage.write_bytes(bytes(range(256)))
    phrase = tmp_path / "phrase.txt"
    phrase.write_bytes(b"\xff\xfe\x00")
    target = tmp_path / "lens.qpvpkg"
    code = main(["--reference", str(reference_path), "export", "--workspace",
                 str(tmp_path / "w.sqlite"), "--key", str(garbage), "--out", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and "62498.key" in err and "codec" not in err and "Traceback" not in err
    code = main(["--reference", str(reference_path), "export", "--workspace",
                 str(tmp_path / "w.sqlite"), "--key", str(garbage), "--passphrase-file",
                 str(phrase), "--out", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and "phrase.txt" in err and "codec" not in err
    assert not target.exists()


def test_the_commune_a_public_key_file_declares(folder):
    public = folder.create("62498", None, "Lens")
    text = folder.public_path("62498").read_text(encoding="utf-8")
    assert keys_module.declared_commune(text) == "62498"
    assert keys_module.declared_commune(public.to_text()) is None   # minisign's own comment
    assert keys_module.declared_commune(
        public.to_text("qpvdesk clé publique de la commune ../x")) is None
    assert keys_module.declared_commune(public.to_base64()) is None
