"""The user's own database: settings, proposals and packages received. Separate from the
reference data.

Its schema is versioned: ``schema_version`` holds one row, and each migration moves the
database one version forward inside a transaction, so a later qpvdesk keeps the user's data.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .spatialite import connect

Migration = Callable[[object], None]


def _v1_initial(conn) -> None:
    conn.execute("SELECT InitSpatialMetadata(0, 'NONE')")  # 0: inside our transaction
    for srid in (4326, 2154):
        conn.execute("SELECT InsertEpsgSrid(?)", (srid,))
    conn.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2_proposals(conn) -> None:
    """Proposals drawn by the user, their persistent undo history and a half-drawn shape."""
    conn.execute("""CREATE TABLE proposal (
        uuid TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('equipement', 'quartier_vecu', 'perimetre')),
        title TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        category TEXT,
        status TEXT,
        horizon_year INTEGER,
        qpv_code TEXT,                 -- 2024 code
        knowledge_source TEXT,
        nature TEXT CHECK (nature IN ('ajout', 'retrait')),
        justification TEXT NOT NULL DEFAULT '',
        communes TEXT NOT NULL DEFAULT '',  -- INSEE codes derived from the geometry, comma list
        author TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,         -- ISO 8601 with time zone
        modified TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)))""")
    if conn.execute("SELECT AddGeometryColumn('proposal', 'geom', 2154, 'GEOMETRY', 'XY', 1)"
                    ).fetchone()[0] != 1:
        raise RuntimeError("AddGeometryColumn failed for proposal")
    if conn.execute("SELECT CreateSpatialIndex('proposal', 'geom')").fetchone()[0] != 1:
        raise RuntimeError("CreateSpatialIndex failed for proposal")
    conn.execute("CREATE INDEX proposal_by_kind ON proposal(deleted, kind)")
    # undo/redo: JSON lists of the touched proposals' states before and after each step
    conn.execute("""CREATE TABLE edit_history (
        seq INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        undo TEXT NOT NULL,
        redo TEXT NOT NULL,
        created TEXT NOT NULL)""")
    conn.execute("CREATE TABLE edit_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), "
                 "position INTEGER NOT NULL)")   # seq of the last applied step, 0 for none
    conn.execute("INSERT INTO edit_cursor VALUES (1, 0)")
    conn.execute("""CREATE TABLE draft (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        kind TEXT NOT NULL,
        vertices TEXT NOT NULL,        -- JSON [[x, y], ...] in EPSG:2154
        updated TEXT NOT NULL)""")


def _v3_received(conn) -> None:
    """Packages received from the communes (agglomeration side) and every version of the
    proposals they carried; the consolidated set is derived from them, nothing is deleted."""
    conn.execute("""CREATE TABLE received_package (
        uuid TEXT PRIMARY KEY,         -- External-Identifier of the package
        commune_insee TEXT NOT NULL,
        key_id TEXT NOT NULL,          -- minisign key that signed it
        source_organization TEXT,
        contact_name TEXT,
        contact_email TEXT,
        created TEXT NOT NULL,         -- when the commune built it, ISO 8601 with time zone
        received TEXT NOT NULL,        -- when it was accepted here
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        proposal_count INTEGER NOT NULL)""")
    conn.execute("CREATE UNIQUE INDEX received_package_by_sha256 "
                 "ON received_package(file_sha256)")
    conn.execute("CREATE INDEX received_package_by_commune ON received_package(commune_insee)")
    # The proposal table's columns as of v2, deleted excepted (a package holds no deleted one).
    conn.execute("""CREATE TABLE received_proposal (
        package_uuid TEXT NOT NULL REFERENCES received_package(uuid),
        uuid TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('equipement', 'quartier_vecu', 'perimetre')),
        title TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        category TEXT,
        status TEXT,
        horizon_year INTEGER,
        qpv_code TEXT,
        knowledge_source TEXT,
        nature TEXT CHECK (nature IN ('ajout', 'retrait')),
        justification TEXT NOT NULL DEFAULT '',
        communes TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        modified TEXT NOT NULL,
        PRIMARY KEY (package_uuid, uuid))""")
    if conn.execute("SELECT AddGeometryColumn('received_proposal', 'geom', 2154, 'GEOMETRY', "
                    "'XY', 1)").fetchone()[0] != 1:
        raise RuntimeError("AddGeometryColumn failed for received_proposal")
    if conn.execute("SELECT CreateSpatialIndex('received_proposal', 'geom')").fetchone()[0] != 1:
        raise RuntimeError("CreateSpatialIndex failed for received_proposal")
    conn.execute("CREATE INDEX received_proposal_by_uuid ON received_proposal(uuid)")


MIGRATIONS: tuple[Migration, ...] = (_v1_initial, _v2_proposals, _v3_received)


class WorkspaceTooNew(RuntimeError):
    """The workspace was written by a newer qpvdesk than this one."""


class Workspace:
    def __init__(self, path: str | Path,
                 migrations: Sequence[Migration] = MIGRATIONS) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = connect(self.path)
        self.conn.isolation_level = None  # transactions are explicit, see transaction()
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self._migrate(migrations)

    @property
    def latest_version(self) -> int:
        return self._latest

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT version FROM schema_version").fetchone()
        return row[0] if row else 0

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        self._latest = len(migrations)
        with self.transaction():
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            if self.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 0:
                self.conn.execute("INSERT INTO schema_version VALUES (0)")
        current = self.schema_version()
        if current > self._latest:
            self.conn.close()
            raise WorkspaceTooNew(
                f"workspace {self.path} has schema version {current}; this qpvdesk knows "
                f"up to {self._latest}")
        for version in range(current + 1, self._latest + 1):
            # One transaction per step: a failed step leaves the previous version.
            with self.transaction():
                migrations[version - 1](self.conn)
                self.conn.execute("UPDATE schema_version SET version = ?", (version,))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """An explicit transaction, DDL included (the sqlite3 module's implicit ones are not)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO setting VALUES (?, ?) ON CONFLICT(key) "
                              "DO UPDATE SET value = excluded.value", (key, value))

    def close(self) -> None:
        self.conn.close()
