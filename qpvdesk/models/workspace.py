"""The user's own database: settings, proposals and packages received. Separate from the
reference data.

Its schema is versioned: ``schema_version`` holds one row, and each migration moves the
database one version forward inside a transaction, so a later qpvdesk keeps the user's data.
"""
from __future__ import annotations

import errno
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from uuid import uuid4

from .database_problems import (WORKSPACE, DatabaseDamaged, DatabaseProblem, disk_full_problem,
                                explain, file_kind_problem, read_only_problem)
from .spatialite import connect, sqlite_module
from .workspace_backups import (Backup, backup_folder, copy_database, free_name, last_good_backup,
                                make_backup, needs_backup)

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


def set_aside_duplicate_proposals(conn) -> int:
    """Move the rows that repeat a proposal's uuid to proposal_duplicate (kept, never deleted)
    so the uuid index can be rebuilt. Only a stale index lets such a row in: an import that
    should have said « déjà présente ». The first row stored stays; the later ones, which the
    index does hold, are the ones SQLite can delete. The number of rows moved."""
    conn.execute("""CREATE TABLE IF NOT EXISTS proposal_duplicate (
        uuid TEXT, kind TEXT, title TEXT, description TEXT, category TEXT, status TEXT,
        horizon_year INTEGER, qpv_code TEXT, knowledge_source TEXT, nature TEXT,
        justification TEXT, communes TEXT, author TEXT, contact TEXT, created TEXT,
        modified TEXT, deleted INTEGER, geom_wkb BLOB,
        set_aside TEXT NOT NULL)           -- when it was moved here""")
    # NOT INDEXED: the uuid index is exactly what may be wrong
    extra = [row[0] for row in conn.execute("""
        SELECT rowid FROM (SELECT rowid, row_number() OVER (
            PARTITION BY uuid ORDER BY rowid) AS rank
            FROM proposal NOT INDEXED WHERE uuid IS NOT NULL) WHERE rank > 1""")]
    for rowid in extra:
        conn.execute("""INSERT INTO proposal_duplicate SELECT uuid, kind, title, description,
            category, status, horizon_year, qpv_code, knowledge_source, nature, justification,
            communes, author, contact, created, modified, deleted, AsBinary(geom),
            strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM proposal WHERE rowid = ?""", (rowid,))
        conn.execute("DELETE FROM proposal WHERE rowid = ?", (rowid,))
    return len(extra)


def _v4_unique_proposals(conn) -> None:
    """A proposal's uuid has been the primary key since v2, but SQLite lets a TEXT primary key
    be NULL, and a stale index let an import add a second row with an existing uuid: repeated
    rows are set aside, missing uuids given, the indexes rebuilt, and a missing uuid is
    refused from now on."""
    set_aside_duplicate_proposals(conn)
    for (rowid,) in conn.execute("SELECT rowid FROM proposal NOT INDEXED WHERE uuid IS NULL "
                                 "OR uuid = ''").fetchall():
        conn.execute("UPDATE proposal SET uuid = ? WHERE rowid = ?", (str(uuid4()), rowid))
    conn.execute("REINDEX proposal")
    for event in ("INSERT", "UPDATE OF uuid"):
        name = event.split()[0].lower()
        conn.execute(f"""CREATE TRIGGER proposal_uuid_required_{name} BEFORE {event} ON proposal
            WHEN NEW.uuid IS NULL OR NEW.uuid = ''
            BEGIN SELECT RAISE(ABORT, 'proposal.uuid is required'); END""")


_DECISION_CODES = "('recue', 'a_l_etude', 'retenue', 'retenue_modifiee', 'non_retenue')"


def _append_only(conn, table: str) -> None:
    """Rows of ``table`` can be added, never changed nor removed."""
    for event in ("UPDATE", "DELETE"):
        conn.execute(f"""CREATE TRIGGER {table}_append_only_{event.lower()}
            BEFORE {event} ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END""")


def _nullable_geometry(conn, table: str) -> None:
    if conn.execute(f"SELECT AddGeometryColumn('{table}', 'geom', 2154, 'GEOMETRY', 'XY', 0)"
                    ).fetchone()[0] != 1:
        raise RuntimeError(f"AddGeometryColumn failed for {table}")


def _v5_decisions(conn) -> None:
    """The agglomeration's decisions on the proposals received (append-only history, see
    models/decisions.py), and on the commune's side the responses of the agglomeration with
    the state of each proposal they report (see models/package/responses.py)."""
    conn.execute(f"""CREATE TABLE decision (
        uuid TEXT PRIMARY KEY NOT NULL,  -- this decision's own id
        proposal_uuid TEXT NOT NULL,     -- received_proposal.uuid
        package_uuid TEXT NOT NULL,      -- the package whose version was decided on
        version INTEGER NOT NULL CHECK (version >= 1),
        supersedes TEXT,                 -- the decision it replaces (NULL for version 1)
        decision TEXT NOT NULL CHECK (decision IN {_DECISION_CODES}),
        motif TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL CHECK (trim(decided_by) != ''),
        decided_at TEXT NOT NULL,        -- ISO 8601 with its UTC offset
        CHECK ((supersedes IS NULL) = (version = 1)),
        CHECK (decision IN ('recue', 'a_l_etude') OR trim(motif) != ''))""")
    _nullable_geometry(conn, "decision")   # the modified geometry (retenue_modifiee)
    conn.execute("CREATE INDEX decision_by_proposal ON decision(proposal_uuid, version)")
    _append_only(conn, "decision")
    conn.execute("""CREATE TABLE received_response (
        uuid TEXT PRIMARY KEY NOT NULL,  -- External-Identifier of the response package
        epci_siren TEXT NOT NULL,
        commune_insee TEXT NOT NULL,
        key_id TEXT NOT NULL,
        source_organization TEXT,
        contact_name TEXT,
        contact_email TEXT,
        created TEXT NOT NULL,           -- when the agglomeration built it
        received TEXT NOT NULL,          -- when it was imported here
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        proposal_count INTEGER NOT NULL)""")
    conn.execute("CREATE UNIQUE INDEX received_response_by_sha256 "
                 "ON received_response(file_sha256)")
    conn.execute(f"""CREATE TABLE response_decision (
        response_uuid TEXT NOT NULL REFERENCES received_response(uuid),
        proposal_uuid TEXT NOT NULL,
        package_uuid TEXT NOT NULL,      -- the commune's package the state is about
        package_received TEXT,           -- when the agglomeration received that package
        decision TEXT NOT NULL CHECK (decision IN {_DECISION_CODES}),
        motif TEXT NOT NULL DEFAULT '',
        decision_uuid TEXT,              -- NULL: no decision yet, the proposal is « reçue »
        decision_version INTEGER,
        decided_by TEXT NOT NULL DEFAULT '',
        decided_at TEXT,
        PRIMARY KEY (response_uuid, proposal_uuid))""")
    _nullable_geometry(conn, "response_decision")
    conn.execute("CREATE INDEX response_decision_by_proposal "
                 "ON response_decision(proposal_uuid)")
    for table in ("received_response", "response_decision"):
        _append_only(conn, table)


def _v6_atelier(conn) -> None:
    """Residents' workshops (Atelier): the workshop, its anonymous participants (a number,
    two optional coarse facts, never a name) and what each put on the map, one row per
    contribution; and where a proposal comes from (JSON, e.g. the workshop that agreed on
    it), NULL for one drawn by hand."""
    conn.execute("""CREATE TABLE atelier (
        uuid TEXT PRIMARY KEY NOT NULL CHECK (uuid <> ''),
        qpv_code TEXT NOT NULL,            -- 2024 code
        held_on TEXT NOT NULL,             -- YYYY-MM-DD
        place TEXT NOT NULL DEFAULT '',
        facilitator TEXT NOT NULL DEFAULT '',
        ask_residence INTEGER NOT NULL DEFAULT 0 CHECK (ask_residence IN (0, 1)),
        ask_age INTEGER NOT NULL DEFAULT 0 CHECK (ask_age IN (0, 1)),
        created TEXT NOT NULL)""")
    conn.execute("""CREATE TABLE atelier_participant (
        atelier_uuid TEXT NOT NULL REFERENCES atelier(uuid),
        number INTEGER NOT NULL CHECK (number >= 1),
        lives_in_qpv INTEGER CHECK (lives_in_qpv IN (0, 1)),
        age_band TEXT,
        created TEXT NOT NULL,
        PRIMARY KEY (atelier_uuid, number))""")
    conn.execute("""CREATE TABLE atelier_contribution (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of entry, never reused after an undo
        atelier_uuid TEXT NOT NULL,
        participant INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('quartier', 'lieu')),
        place_kind TEXT CHECK (place_kind IN ('frequent', 'manque', 'mal_a_l_aise')),
        category TEXT,
        created TEXT NOT NULL,
        CHECK ((kind = 'lieu') = (place_kind IS NOT NULL)),
        FOREIGN KEY (atelier_uuid, participant)
            REFERENCES atelier_participant(atelier_uuid, number))""")
    if conn.execute("SELECT AddGeometryColumn('atelier_contribution', 'geom', 2154, "
                    "'GEOMETRY', 'XY', 1)").fetchone()[0] != 1:
        raise RuntimeError("AddGeometryColumn failed for atelier_contribution")
    conn.execute("CREATE INDEX atelier_contribution_by_participant "
                 "ON atelier_contribution(atelier_uuid, participant, id)")
    conn.execute("ALTER TABLE proposal ADD COLUMN provenance TEXT")   # JSON object or NULL


MIGRATIONS: tuple[Migration, ...] = (_v1_initial, _v2_proposals, _v3_received,
                                     _v4_unique_proposals, _v5_decisions, _v6_atelier)
# Builds of the workshop branch, before the decisions took number 5, stored the workshop
# tables as version 5: such a workspace (tables atelier, no table decision) has v1-v4 and
# v6, and gets v5 in one step.
ATELIER_BEFORE_DECISIONS = 5
BUSY_TIMEOUT_S = 5.0


class WorkspaceTooNew(DatabaseProblem):
    """The workspace was written by a newer qpvdesk than this one."""


class WorkspaceDamaged(DatabaseDamaged):
    """The integrity check failed. ``backup`` is the newest sound backup, if any."""

    def __init__(self, path: Path, detail: str, backup: Backup | None) -> None:
        self.detail = detail        # SQLite's own words, for a log
        self.backup = backup
        if backup is None:
            remedy = ("aucune sauvegarde n'existe : mettez ce fichier de côté (renommez-le) "
                      "pour repartir d'un espace vide, et gardez-le pour une récupération")
        else:
            remedy = (f"restaurez la sauvegarde du {backup.label} avec « qpvdesk workspace "
                      "restore » (le fichier endommagé sera gardé à côté)")
        super().__init__(f"L'espace de travail {path} est endommagé (il ne passe pas la "
                         f"vérification d'intégrité) : {remedy}.", path)


class Workspace:
    """Opening checks the file (quick_check), backs it up if it changed since its last
    backup (after a full integrity check) and migrates it. Every failure is a
    DatabaseProblem with a French sentence; nothing is changed by a refused open."""

    def __init__(self, path: str | Path,
                 migrations: Sequence[Migration] = MIGRATIONS, *,
                 backups: bool = True) -> None:
        self.path = Path(path)
        self.backup_problem: str | None = None   # French, when the automatic backup failed
        self._latest = len(migrations)
        problem = file_kind_problem(self.path, WORKSPACE)
        if problem is not None:
            raise problem
        changed = backups and needs_backup(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._os_problem(exc) from None
        self.conn = None
        try:
            self.conn = connect(self.path, timeout=BUSY_TIMEOUT_S)
            self.conn.isolation_level = None  # transactions are explicit, see transaction()
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._check("quick_check")
            stored = self._stored_version()
            if changed or (backups and stored is not None and stored < self._latest):
                if self._problems("integrity_check"):
                    self._repair_indexes()
                self._backup()
            self._migrate(stored, migrations)
        except BaseException as exc:
            if self.conn is not None:
                self.conn.close()
            if isinstance(exc, sqlite_module().Error):
                problem = explain(exc, self.path, WORKSPACE, BUSY_TIMEOUT_S)
                if isinstance(problem, DatabaseDamaged):
                    problem = self._damaged(str(exc))
                if problem is not None:
                    raise problem from None
            raise

    def _os_problem(self, exc: OSError) -> DatabaseProblem:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only_problem(self.path)
        if exc.errno == errno.ENOSPC:
            return disk_full_problem(self.path)
        return DatabaseProblem(f"Impossible de créer le dossier de l'espace de travail "
                               f"{self.path.parent} ({exc.strerror}) : vérifiez le chemin.",
                               self.path)

    def _damaged(self, detail: str) -> WorkspaceDamaged:
        return WorkspaceDamaged(self.path, detail, last_good_backup(self.path))

    def _problems(self, pragma: str) -> str | None:
        rows = self.conn.execute(f"PRAGMA {pragma}").fetchall()
        return None if rows == [("ok",)] else " ".join(str(row[0]) for row in rows)

    def _check(self, pragma: str) -> None:
        problems = self._problems(pragma)
        if problems:
            raise self._damaged(problems)

    def _repair_indexes(self) -> None:
        """The tables are sound (quick_check passed) but an index disagrees with them: keep
        a copy of the file as it is, set aside the rows a stale uuid index let in twice and
        rebuild the indexes. Anything else still wrong is damage."""
        try:
            copy_database(self.conn, free_name(self.path.parent,
                                               f"{self.path.stem}.avant-reparation",
                                               self.path.suffix))
            with self.transaction():
                if (self._stored_version() or 0) >= 2:   # the proposal table
                    set_aside_duplicate_proposals(self.conn)
                self.conn.execute("REINDEX")
        except (OSError, DatabaseProblem, sqlite_module().Error) as exc:
            raise self._damaged(str(exc)) from None
        self._check("integrity_check")

    def _backup(self) -> None:
        """A failed backup does not stop the user working; it is reported, not raised."""
        try:
            make_backup(self.conn, self.path)
        except (OSError, sqlite_module().Error) as exc:
            self.backup_problem = (f"La sauvegarde automatique de l'espace de travail dans "
                                   f"{backup_folder(self.path)} a échoué ({exc}).")

    @property
    def latest_version(self) -> int:
        return self._latest

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT version FROM schema_version").fetchone()
        return row[0] if row else 0

    def _stored_version(self) -> int | None:
        """The version without taking the write lock (None for a new file): opening a
        workspace to read it works while another process writes."""
        if self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                             "name = 'schema_version'").fetchone()[0] == 0:
            return None
        return self.schema_version()

    def _migrate(self, current: int | None, migrations: Sequence[Migration]) -> None:
        if current is not None and current > self._latest:
            raise WorkspaceTooNew(
                f"L'espace de travail {self.path} a été créé par une version plus récente de "
                f"qpvdesk (schéma {current}, celle-ci connaît jusqu'au {self._latest}) : mettez "
                "qpvdesk à jour.", self.path)
        current = self._renumber_workshop_branch(current, migrations)
        if current == self._latest:
            return
        with self.transaction():
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            if self.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 0:
                self.conn.execute("INSERT INTO schema_version VALUES (0)")
        for version in range(self.schema_version() + 1, self._latest + 1):
            # One transaction per step: a failed step leaves the previous version.
            with self.transaction():
                migrations[version - 1](self.conn)
                self.conn.execute("UPDATE schema_version SET version = ?", (version,))

    def _renumber_workshop_branch(self, current: int | None,
                                  migrations: Sequence[Migration]) -> int | None:
        """A workspace stored at ATELIER_BEFORE_DECISIONS by a build of the workshop branch
        holds the workshop tables, not the decisions: it gets the decisions and the version
        of the workshop tables, in one transaction."""
        number = ATELIER_BEFORE_DECISIONS
        if current != number or tuple(migrations[number:number + 1]) != (_v6_atelier,):
            return current
        tables = {name for (name,) in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "atelier" not in tables or "decision" in tables:
            return current
        with self.transaction():
            migrations[number - 1](self.conn)
            self.conn.execute("UPDATE schema_version SET version = ?", (number + 1,))
        return number + 1

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """An explicit transaction, DDL included (the sqlite3 module's implicit ones are not).

        SQLite rolls back by itself on some errors (a full disk, for one): ROLLBACK is only
        sent while a transaction is still open, so the original error is the one raised.
        Errors about the file (locked, read-only, full, damaged) become DatabaseProblem."""
        db = sqlite_module()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except db.Error:
                        pass   # the error being raised says more than this one
                raise
        except db.Error as exc:
            problem = explain(exc, self.path, WORKSPACE, BUSY_TIMEOUT_S)
            if problem is None:
                raise
            raise problem from exc

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO setting VALUES (?, ?) ON CONFLICT(key) "
                              "DO UPDATE SET value = excluded.value", (key, value))

    def close(self) -> None:
        self.conn.close()
