"""The agglomeration's trust store: one commune per key, rotation and revocation kept."""
from __future__ import annotations


import pytest

from qpvdesk.models.package.minisign import PublicKey, generate_keypair, readable_key_id
from qpvdesk.models.package.trust import TrustedKey, TrustError, TrustStore


NAMES = {"62498": "Lens", "62510": "Liévin"}


def new_public() -> PublicKey:
    return generate_keypair(None)[1]


@pytest.fixture
def store(tmp_path) -> TrustStore:
    return TrustStore(tmp_path / "confiance")


def test_add_binds_key_to_commune(store):
    lens, lievin = new_public(), new_public()
    entry = store.add(lens.to_text(), "62498")
    assert entry == TrustedKey("62498", lens.key_id_hex, lens, store.folder / "62498.pub")
    assert PublicKey.from_text(entry.path.read_text(encoding="utf-8")) == lens
    store.add(lievin.to_base64(), "62510")  # a bare base64 line is accepted too
    assert [e.commune_insee for e in store.entries()] == ["62498", "62510"]
    assert store.for_commune("62510").public_key == lievin
    assert store.for_key_id(lens.key_id_hex).commune_insee == "62498"
    assert store.for_key_id(lens.key_id_hex.lower()).commune_insee == "62498"
    assert store.for_key_id("0123456789ABCDEF") is None
    assert store.for_commune("59350") is None
    assert store.problems() == []
    assert sorted(p.name for p in store.folder.iterdir()) == ["62498.pub", "62510.pub"]


def test_add_same_key_twice_is_idempotent(store):
    lens = new_public()
    first = store.add(lens.to_text(), "62498")
    mtime = first.path.stat().st_mtime_ns
    again = store.add(lens.to_text("autre commentaire"), "62498")
    assert again == first
    assert first.path.stat().st_mtime_ns == mtime
    assert store.revoked() == []
    assert not (store.folder / "revoquees").exists()


def test_same_key_for_two_communes_refused(store):
    key = new_public()
    store.add(key.to_text(), "62498")
    with pytest.raises(TrustError, match=f"{readable_key_id(key.key_id_hex)} est déjà attribuée "
                                         "à la commune 62498 : elle ne peut pas l'être aussi à "
                                         "la commune 62510"):
        store.add(key.to_text(), "62510")
    named = TrustStore(store.folder, names=NAMES)
    with pytest.raises(TrustError, match=r"déjà attribuée à Lens \(62498\) : elle ne peut pas "
                                         r"l'être aussi à Liévin \(62510\)\."):
        named.add(key.to_text(), "62510")
    assert store.for_commune("62510") is None
    assert [e.commune_insee for e in store.entries()] == ["62498"]


def test_add_refusals(store, tmp_path):
    with pytest.raises(TrustError, match="INSEE invalide"):
        store.add(new_public().to_text(), "6249")
    with pytest.raises(TrustError, match="INSEE invalide"):
        store.add(new_public().to_text(), "../x")
    with pytest.raises(TrustError, match="Clé publique mal formée"):
        store.add("untrusted comment: x\nAAAA\n", "62498")
    with pytest.raises(TrustError, match="introuvable"):
        store.add_file(tmp_path / "absent.pub", "62498")
    assert list(store.folder.iterdir()) == []


def test_add_file(store, tmp_path):
    key = new_public()
    source = tmp_path / "envoi de Lens.pub"
    source.write_text(key.to_text(), encoding="utf-8")
    entry = store.add_file(source, "62498")
    assert entry.public_key == key and entry.path == store.folder / "62498.pub"


def test_rotation_keeps_old_key_in_revoquees(store):
    old, new = new_public(), new_public()
    store.add(old.to_text(), "62498")
    entry = store.add(new.to_text(), "62498")
    assert entry.public_key == new
    assert store.for_commune("62498").public_key == new
    assert store.for_key_id(old.key_id_hex) is None
    kept = store.folder / "revoquees" / f"62498-{old.key_id_hex}.pub"
    assert PublicKey.from_text(kept.read_text()) == old
    assert store.revoked() == [TrustedKey("62498", old.key_id_hex, old, kept)]
    # The old key, now revoked, can go to another commune only as a new binding decision:
    # the live store no longer binds it to 62498.
    assert store.problems() == []


def test_revoke(store):
    key = new_public()
    store.add(key.to_text(), "62498")
    revoked = store.revoke("62498")
    assert revoked.path == store.folder / "revoquees" / f"62498-{key.key_id_hex}.pub"
    assert revoked.path.is_file()
    assert store.for_commune("62498") is None
    assert store.for_key_id(key.key_id_hex) is None
    assert store.entries() == []
    assert store.revoked() == [revoked]
    with pytest.raises(TrustError, match="Aucune clé de confiance pour la commune 62498"):
        store.revoke("62498")
    # Trusting the same key again and revoking it again keeps both copies.
    store.add(key.to_text(), "62498")
    second = store.revoke("62498")
    assert second.path.name == f"62498-{key.key_id_hex}-2.pub"
    assert len(store.revoked()) == 2


def test_from_path_directory_and_file(store, tmp_path):
    lens, lievin = new_public(), new_public()
    store.add(lens.to_text(), "62498")
    store.add(lievin.to_text(), "62510")

    from_dir = TrustStore.from_path(store.folder)
    assert [e.public_key for e in from_dir.entries()] == [lens, lievin]

    single = TrustStore.from_path(store.folder / "62510.pub")
    assert single.read_only
    assert [e.commune_insee for e in single.entries()] == ["62510"]
    assert single.for_key_id(lens.key_id_hex) is None
    assert single.for_key_id(lievin.key_id_hex).commune_insee == "62510"
    with pytest.raises(TrustError, match="lecture seule"):
        single.add(new_public().to_text(), "59350")
    with pytest.raises(TrustError, match="lecture seule"):
        single.revoke("62510")
    assert (store.folder / "62510.pub").is_file()


def test_from_path_refusals(tmp_path):
    badly_named = tmp_path / "lens.pub"
    badly_named.write_text(new_public().to_text())
    with pytest.raises(TrustError, match="mal nommé : lens.pub"):
        TrustStore.from_path(badly_named)
    with pytest.raises(TrustError, match="introuvable"):
        TrustStore.from_path(tmp_path / "absent")
    with pytest.raises(TrustError, match="introuvable"):
        TrustStore(tmp_path / "absent", create=False)
    assert not (tmp_path / "absent").exists()


def test_bad_files_are_skipped_and_reported(store):
    good = new_public()
    store.add(good.to_text(), "62498")
    (store.folder / "lens.pub").write_text(new_public().to_text())
    (store.folder / "62510.pub").write_text("pas une clé\n")
    (store.folder / "LISEZMOI.txt").write_text("notes\n")
    (store.folder / ".62498.pub.tmp").write_text("temporaire\n")  # hidden: ignored
    assert [e.commune_insee for e in store.entries()] == ["62498"]
    problems = store.problems()
    assert len(problems) == 3
    assert any("lens.pub" in line and "attendu <code INSEE>.pub" in line for line in problems)
    assert any("LISEZMOI.txt" in line for line in problems)
    assert any(line.startswith("Le fichier 62510.pub n'est pas une clé publique minisign")
               and line.endswith(": clé ignorée.") for line in problems)
    assert all("\n" not in line for line in problems)
    # Replacing the unreadable file through add() keeps it aside, never deleted.
    fixed = new_public()
    store.add(fixed.to_text(), "62510")
    assert store.for_commune("62510").public_key == fixed
    assert (store.folder / "revoquees" / "62510-0000000000000000.pub").read_text() == "pas une clé\n"


def test_key_copied_by_hand_for_two_communes_is_unusable(store):
    key = new_public()
    store.add(key.to_text(), "62498")
    (store.folder / "62510.pub").write_text(key.to_text())
    assert store.entries() == []
    assert store.for_key_id(key.key_id_hex) is None
    problems = store.problems()
    assert len(problems) == 2
    assert all("plusieurs communes, la commune 62498 et la commune 62510 ;" in line
               for line in problems)
    named = TrustStore(store.folder, names=NAMES)
    assert all("plusieurs communes, Lens (62498) et Liévin (62510) ;" in line
               for line in named.problems())
    with pytest.raises(TrustError, match="déjà attribuée"):
        store.add(key.to_text(), "59350")


def test_which_communes_a_key_is_bound_to_and_revoked_keys(store):
    key, other = new_public(), new_public()
    store.add(key.to_text(), "62498")
    (store.folder / "62510.pub").write_text(key.to_text())
    assert store.communes_of_key(key.key_id_hex) == {"62498", "62510"}
    assert store.communes_of_key(other.key_id_hex) == set()
    (store.folder / "62510.pub").unlink()
    assert store.revoked_for_key_id(key.key_id_hex) is None
    store.revoke("62498")
    assert store.revoked_for_key_id(key.key_id_hex).commune_insee == "62498"
    assert store.communes_of_key(key.key_id_hex) == set()


def test_a_single_garbage_trust_file_is_refused_naming_it(tmp_path):
    garbage = tmp_path / "62498.pub"
    garbage.write_bytes(bytes(range(256)))
    with pytest.raises(TrustError, match="62498.pub") as refusal:
        TrustStore.from_path(garbage)
    assert "codec" not in str(refusal.value)


def test_trusted_key_file_names_its_commune(store):
    from qpvdesk.models.package.keys import declared_commune

    named = TrustStore(store.folder, names=NAMES)
    entry = named.add(new_public().to_text("qpvdesk clé publique de la commune 62510"), "62498")
    text = entry.path.read_text(encoding="utf-8")
    assert text.startswith("untrusted comment: qpvdesk clé publique de la commune 62498 (Lens)")
    assert declared_commune(text) == "62498"
