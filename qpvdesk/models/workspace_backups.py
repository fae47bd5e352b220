"""Automatic backups of the workspace and their restoration. Qt-free.

When a workspace is opened after it changed, a consistent copy is taken with SQLite's online
backup API into ``sauvegardes/`` next to it, after a full integrity check; the newest
``KEEP_BACKUPS`` are kept. Restoring never deletes anything: the damaged file (and its -wal
and -shm companions, which must not be replayed onto the restored copy) is renamed aside.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .database_problems import DatabaseDamaged, DatabaseProblem
from .frenchnum import format_french_date
from .spatialite import sqlite_module

BACKUP_FOLDER_NAME = "sauvegardes"
KEEP_BACKUPS = 10
_STAMP = "%Y-%m-%d_%H-%M-%S"
_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime

    @property
    def label(self) -> str:
        """« 3 décembre 2026 à 9 h 38 »."""
        return format_french_date(self.created.isoformat(timespec="seconds"), with_time=True)


@dataclass(frozen=True)
class Restored:
    backup: Path        # the copy now in place
    set_aside: Path | None   # where the replaced (damaged) workspace went, if there was one


def backup_folder(workspace_path: str | Path) -> Path:
    return Path(workspace_path).parent / BACKUP_FOLDER_NAME


def _pattern(workspace_path: Path) -> re.Pattern:
    return re.compile(re.escape(workspace_path.stem)
                      + r"-(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:-(\d+))?\.sqlite$")


def list_backups(workspace_path: str | Path) -> list[Backup]:
    """The workspace's backups, newest first."""
    workspace_path = Path(workspace_path)
    pattern = _pattern(workspace_path)
    found = []
    try:
        entries = list(backup_folder(workspace_path).iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if match and entry.is_file():
            # within one second, free_name numbers them: -2, -3…
            order = (datetime.strptime(match.group(1), _STAMP), int(match.group(2) or 1))
            found.append((order, Backup(entry, order[0])))
    return [backup for _, backup in sorted(found, key=lambda item: item[0], reverse=True)]


def is_sound(path: str | Path) -> bool:
    """True when ``path`` is an SQLite database whose quick check passes."""
    db = sqlite_module()
    try:
        conn = db.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except db.Error:
        return False


def last_good_backup(workspace_path: str | Path) -> Backup | None:
    return next((backup for backup in list_backups(workspace_path) if is_sound(backup.path)),
                None)


def _last_write_ns(workspace_path: Path) -> int:
    times = [workspace_path.stat().st_mtime_ns]
    wal = workspace_path.with_name(workspace_path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:   # changes not yet checkpointed
        times.append(wal.stat().st_mtime_ns)
    return max(times)


def needs_backup(workspace_path: str | Path) -> bool:
    """True when the workspace holds something and changed since its newest backup."""
    workspace_path = Path(workspace_path)
    try:
        if workspace_path.stat().st_size == 0:
            return False
        backups = list_backups(workspace_path)
        return not backups or _last_write_ns(workspace_path) > backups[0].path.stat().st_mtime_ns
    except OSError:
        return False


def free_name(folder: Path, stem: str, suffix: str,
              moment: datetime | None = None) -> Path:
    """« <stem>-<date>_<heure><suffix> » in ``folder``; later ones within the same second are
    numbered -2, -3… past the highest number there (a pruned name is never reused, so the
    numbers keep the order)."""
    base = f"{stem}-{(moment or datetime.now()).strftime(_STAMP)}"
    taken = re.compile(re.escape(base) + r"(?:-(\d+))?" + re.escape(suffix) + "$")
    numbers = [int(match.group(1) or 1) for entry in folder.iterdir()
               if (match := taken.match(entry.name))]
    if not numbers:
        return folder / f"{base}{suffix}"
    return folder / f"{base}-{max(numbers) + 1}{suffix}"


def make_backup(conn, workspace_path: str | Path, keep: int = KEEP_BACKUPS) -> Backup:
    """Copy the database behind ``conn`` (the workspace at ``workspace_path``) into the backup
    folder with the online backup API, then drop all but the newest ``keep`` backups.
    Raises OSError or the SQLite error; no partial backup is left."""
    workspace_path = Path(workspace_path)
    folder = backup_folder(workspace_path)
    folder.mkdir(exist_ok=True)
    moment = datetime.now().replace(microsecond=0)
    target = free_name(folder, workspace_path.stem, ".sqlite", moment)
    copy_database(conn, target)
    for old in list_backups(workspace_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return Backup(target, moment)


def copy_database(conn, target: Path) -> None:
    """A consistent copy of the database behind ``conn`` (SQLite's online backup API), written
    to a temporary name and renamed: a failure (full disk) leaves no partial file."""
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        copy = sqlite_module().connect(str(temporary))
        try:
            conn.backup(copy)
            # a rollback-journal file: reading it later (even read-only) leaves no -wal/-shm
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def set_aside(workspace_path: str | Path) -> Path | None:
    """Rename the workspace and its companions to « <nom>.endommage-<date>.sqlite »; the path
    it went to, or None when there was no workspace."""
    workspace_path = Path(workspace_path)
    if not workspace_path.exists():
        return None
    aside = free_name(workspace_path.parent, f"{workspace_path.stem}.endommage",
                      workspace_path.suffix)
    for suffix in _COMPANIONS:   # first, so no journal is ever next to the wrong file
        companion = workspace_path.with_name(workspace_path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(workspace_path, aside)
    return aside


class NoBackup(DatabaseProblem):
    """There is no sound backup to restore."""


def restore_backup(workspace_path: str | Path, backup: str | Path | None = None) -> Restored:
    """Put ``backup`` (default: the newest sound one) in place of the workspace, which is set
    aside, never deleted. Nothing is changed when the backup is unusable or cannot be copied.
    The workspace must not be open."""
    workspace_path = Path(workspace_path)
    if backup is None:
        newest = last_good_backup(workspace_path)
        if newest is None:
            raise NoBackup(f"Aucune sauvegarde utilisable de l'espace de travail "
                           f"{workspace_path} dans {backup_folder(workspace_path)}.",
                           workspace_path)
        source = newest.path
    else:
        source = Path(backup)
        if not source.is_file() or not is_sound(source):
            raise DatabaseDamaged(f"La sauvegarde {source} est absente ou endommagée : "
                                  "choisissez-en une autre.", source)
    temporary = workspace_path.with_name(f".{workspace_path.name}.restauration")
    try:
        shutil.copyfile(source, temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        aside = set_aside(workspace_path)
        os.replace(temporary, workspace_path)
    finally:
        temporary.unlink(missing_ok=True)
    return Restored(source, aside)
