"""The user's workspace: created, versioned, migrated without losing data."""
from __future__ import annotations

import pytest

from qpvdesk.models.workspace import MIGRATIONS, Workspace, WorkspaceTooNew


def test_new_workspace_is_migrated_to_latest(tmp_path):
    path = tmp_path / "deep" / "folder" / "workspace.sqlite"
    workspace = Workspace(path)
    assert workspace.schema_version() == len(MIGRATIONS) == workspace.latest_version
    assert workspace.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert workspace.conn.execute("SELECT CheckSpatialMetaData()").fetchone()[0] == 3
    workspace.close()


def test_empty_existing_file_is_migrated(tmp_path):
    path = tmp_path / "workspace.sqlite"
    path.touch()
    workspace = Workspace(path)
    assert workspace.schema_version() == len(MIGRATIONS)
    workspace.close()


def test_a_later_migration_keeps_the_users_data(tmp_path):
    path = tmp_path / "workspace.sqlite"
    workspace = Workspace(path)
    workspace.set_setting("commune", "62498")
    workspace.close()

    def v2_add_note_table(conn):
        conn.execute("CREATE TABLE note (text TEXT)")

    upgraded = Workspace(path, migrations=MIGRATIONS + (v2_add_note_table,))
    assert upgraded.schema_version() == len(MIGRATIONS) + 1
    assert upgraded.setting("commune") == "62498"
    upgraded.conn.execute("INSERT INTO note VALUES ('ok')")
    upgraded.close()


def test_failed_migration_rolls_back_to_previous_version(tmp_path):
    path = tmp_path / "workspace.sqlite"
    Workspace(path).close()

    def v2_broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        Workspace(path, migrations=MIGRATIONS + (v2_broken,))
    reopened = Workspace(path)
    assert reopened.schema_version() == len(MIGRATIONS)
    assert reopened.conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    reopened.close()


def test_workspace_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "workspace.sqlite"
    workspace = Workspace(path)
    with workspace.transaction():
        workspace.conn.execute("UPDATE schema_version SET version = 99")
    workspace.close()
    with pytest.raises(WorkspaceTooNew):
        Workspace(path)
