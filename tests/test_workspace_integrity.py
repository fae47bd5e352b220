"""A damaged workspace is found at open and refused with the last good backup offered;
backups are taken automatically, rotate, and restore without losing the damaged file; a
stale uuid index can no longer let a proposal in twice."""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from bad_input_fixtures import damage, held_write_lock, integrity, truncate
from shapely.geometry import Point

from qpvdesk.models.database_problems import DatabaseDamaged
from qpvdesk.models.proposals.proposal import Proposal, now_iso, to_state, write_state
from qpvdesk.models.workspace import MIGRATIONS, Workspace, WorkspaceDamaged
from qpvdesk.models.workspace_backups import (KEEP_BACKUPS, NoBackup, backup_folder,
                                              list_backups, make_backup, needs_backup,
                                              restore_backup)


def _equipment(number: int, x: float = 687000.0, y: float = 7034000.0) -> Proposal:
    stamp = now_iso()
    return Proposal(f"00000000-0000-4000-8000-{number:012d}", "equipement",
                    Point(x + number, y), title=f"Équipement {number}", category="sport",
                    status="idee", created=stamp, modified=stamp)


def _workspace_with(path: Path, count: int, migrations=MIGRATIONS) -> None:
    workspace = Workspace(path, migrations, backups=False)
    with workspace.transaction():
        for number in range(count):
            write_state(workspace.conn, to_state(_equipment(number)))
    workspace.close()


def _touch_later(path: Path) -> None:
    """A change the next open must back up (mtime resolution is coarse on some systems)."""
    later = time.time() + 2
    os.utime(path, (later, later))


def _root_offset(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
                        ).fetchone()[0]
    conn.close()
    return (root - 1) * 4096


def test_a_backup_is_taken_when_the_workspace_changed_and_only_then(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _workspace_with(path, 5)
    assert list_backups(path) == []
    Workspace(path).close()
    first = list_backups(path)
    assert len(first) == 1 and first[0].path.parent == backup_folder(path)
    Workspace(path).close()
    assert list_backups(path) == first          # nothing changed: no new backup
    _touch_later(path)
    Workspace(path).close()
    assert len(list_backups(path)) == 2
    copy = sqlite3.connect(list_backups(path)[0].path)
    assert copy.execute("SELECT count(*) FROM proposal").fetchone()[0] == 5
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.close()


def test_backups_rotate(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _workspace_with(path, 1)
    workspace = Workspace(path, backups=False)
    made = [make_backup(workspace.conn, path) for _ in range(KEEP_BACKUPS + 3)]
    workspace.close()
    kept = list_backups(path)
    assert len(kept) == KEEP_BACKUPS
    assert {backup.path for backup in kept} == {backup.path for backup in made[-KEEP_BACKUPS:]}
    assert not any(backup.path.exists() for backup in made[:3])


def test_a_damaged_workspace_is_refused_and_the_last_good_backup_named(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _workspace_with(path, 30)
    Workspace(path).close()                       # takes the backup
    backup = list_backups(path)[0]
    damage(path, _root_offset(path, "proposal"), 4096)
    before = path.read_bytes()
    with pytest.raises(WorkspaceDamaged) as refused:
        Workspace(path)
    assert refused.value.backup == backup
    message = str(refused.value)
    assert str(path) in message and "endommagé" in message
    assert backup.label in message and "qpvdesk workspace restore" in message
    assert path.read_bytes() == before            # refused: not touched


def test_truncated_workspace_without_backup_says_so(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _workspace_with(path, 30)
    truncate(path)
    with pytest.raises(WorkspaceDamaged) as refused:
        Workspace(path)
    assert refused.value.backup is None
    assert "aucune sauvegarde" in str(refused.value)


def test_restore_puts_the_backup_back_and_keeps_the_damaged_file(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _workspace_with(path, 30)
    Workspace(path).close()
    damage(path, _root_offset(path, "proposal"), 4096)
    damaged_bytes = path.read_bytes()
    path.with_name(path.name + "-wal").write_bytes(b"stale journal of the damaged file")

    restored = restore_backup(path)
    assert restored.backup == list_backups(path)[0].path
    assert restored.set_aside.read_bytes() == damaged_bytes
    assert not path.with_name(path.name + "-wal").exists()   # never replayed on the copy
    assert restored.set_aside.with_name(restored.set_aside.name + "-wal").exists()
    workspace = Workspace(path)
    assert workspace.conn.execute("SELECT count(*) FROM proposal").fetchone()[0] == 30
    workspace.close()
    assert integrity(path) == "ok"


def test_restore_refuses_without_a_backup_and_changes_nothing(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _workspace_with(path, 3)
    before = path.read_bytes()
    with pytest.raises(NoBackup, match="Aucune sauvegarde"):
        restore_backup(path)
    broken = tmp_path / "cassée.sqlite"
    broken.write_bytes(b"\0" * 8192)
    with pytest.raises(DatabaseDamaged, match="endommagée"):
        restore_backup(path, broken)
    assert path.read_bytes() == before and list(tmp_path.glob("*endommage*")) == []


def _stale_uuid_index(path: Path) -> None:
    """The reported damage: the uuid index's page goes back to an older state with as many
    entries, so it misses a proposal that the table holds. quick_check counts index entries
    but does not compare them with the table."""
    _workspace_with(path, 3, MIGRATIONS[:3])
    workspace = Workspace(path, MIGRATIONS[:3], backups=False)
    with workspace.transaction():
        write_state(workspace.conn, to_state(_equipment(5)))
    workspace.close()
    offset = _root_offset(path, "sqlite_autoindex_proposal_1")
    old_page = path.read_bytes()[offset:offset + 4096]
    workspace = Workspace(path, MIGRATIONS[:3], backups=False)
    with workspace.transaction():
        workspace.conn.execute("DELETE FROM proposal WHERE uuid = ?", (_equipment(5).uuid,))
        write_state(workspace.conn, to_state(_equipment(7)))
    workspace.close()
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(old_page)


def test_a_stale_index_is_found_and_repaired_before_the_backup(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _stale_uuid_index(path)
    probe = sqlite3.connect(path)
    assert probe.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert probe.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    probe.close()

    workspace = Workspace(path)            # changed since no backup: full check, repair
    assert workspace.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert workspace.conn.execute(
        "SELECT count(*) FROM proposal INDEXED BY sqlite_autoindex_proposal_1 WHERE uuid = ?",
        (_equipment(7).uuid,)).fetchone()[0] == 1
    workspace.close()
    assert len(list(tmp_path.glob("workspace.avant-reparation-*.sqlite"))) == 1
    assert len(list_backups(path)) == 1


@pytest.mark.parametrize("backups", [True, False], ids=["repaired at open", "by migration"])
def test_rows_a_stale_index_let_in_twice_are_set_aside(tmp_path, backups):
    path = tmp_path / "workspace.sqlite"
    _stale_uuid_index(path)
    twin = _equipment(7)
    older = Workspace(path, MIGRATIONS[:3], backups=False)   # as qpvdesk before this fix
    with older.transaction():   # the import that should have said « déjà présente »
        write_state(older.conn, {**to_state(twin), "title": "Importé une seconde fois"})
    assert older.conn.execute("SELECT count(*) FROM proposal NOT INDEXED WHERE uuid = ?",
                              (twin.uuid,)).fetchone()[0] == 2
    older.close()

    upgraded = Workspace(path, backups=backups)
    rows = upgraded.conn.execute("SELECT title FROM proposal WHERE uuid = ?",
                                 (twin.uuid,)).fetchall()
    assert rows == [(twin.title,)]
    aside = upgraded.conn.execute("SELECT title, uuid FROM proposal_duplicate").fetchall()
    assert aside == [("Importé une seconde fois", twin.uuid)]
    assert upgraded.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with pytest.raises(Exception, match="uuid is required"):
        with upgraded.transaction():
            upgraded.conn.execute("UPDATE proposal SET uuid = NULL WHERE uuid = ?",
                                  (twin.uuid,))
    upgraded.close()


def test_reading_works_while_another_process_writes(tmp_path):
    path = tmp_path / "workspace.sqlite"
    _workspace_with(path, 4)
    Workspace(path).close()
    with held_write_lock(path):
        workspace = Workspace(path)
        assert workspace.conn.execute("SELECT count(*) FROM proposal").fetchone()[0] == 4
        workspace.close()


def test_needs_backup_ignores_an_empty_or_missing_file(tmp_path):
    assert not needs_backup(tmp_path / "absent.sqlite")
    (tmp_path / "vide.sqlite").touch()
    assert not needs_backup(tmp_path / "vide.sqlite")


def test_an_error_sqlite_already_rolled_back_is_the_one_raised(workspace):
    """SpatiaLite's geometry trigger ends the transaction itself (RAISE(ROLLBACK)), as SQLite
    does on a full disk: a second ROLLBACK must not hide the real error behind « cannot
    rollback - no transaction is active »."""
    with pytest.raises(Exception, match="violates Geometry constraint"):
        with workspace.transaction():
            workspace.conn.execute(
                "INSERT INTO proposal (uuid, kind, created, modified, geom) VALUES "
                "('u', 'equipement', 'x', 'x', GeomFromText('POINT(1 1)', 4326))")
    assert not workspace.conn.in_transaction
    workspace.set_setting("encore", "utilisable")
    assert workspace.setting("encore") == "utilisable"
