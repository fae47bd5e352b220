"""Why a database cannot be used, said as one French sentence: what is wrong, which file,
what to do. Qt-free; the command line prints the sentence, the app shows it in a dialog.

SQLite reports trouble through a handful of primary result codes (SQLITE_BUSY, SQLITE_FULL…);
`explain` turns one of them, raised on a given file, into a `DatabaseProblem`.
"""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

# Less free space than this under a failed write: the disk is taken for full (SQLite and GDAL
# do not always say so).
NEARLY_FULL_BYTES = 1024 * 1024
USAGE_EXIT_CODE = 2     # the user pointed at the wrong thing
FAILURE_EXIT_CODE = 1   # the right thing, in a state qpvdesk cannot work with

WORKSPACE = "workspace"
REFERENCE = "reference"
_SUBJECT = {WORKSPACE: "L'espace de travail", REFERENCE: "La base de référence"}
_SUBJECT_LOWER = {WORKSPACE: "l'espace de travail", REFERENCE: "la base de référence"}
_REBUILD_REFERENCE = ("reconstruisez-la avec « qpvdesk build-data » ou réinstallez qpvdesk")


class DatabaseProblem(Exception):
    """A database qpvdesk cannot use; ``str()`` is one French sentence fit for the user."""

    exit_code = FAILURE_EXIT_CODE

    def __init__(self, message: str, path: str | Path) -> None:
        super().__init__(message)
        self.path = Path(path)


class NotADatabaseFile(DatabaseProblem):
    """A folder, a device or another kind of file was given where a database was expected."""

    exit_code = USAGE_EXIT_CODE


class DatabaseLocked(DatabaseProblem):
    """Another program held the database for longer than the busy timeout."""


class DatabaseReadOnly(DatabaseProblem):
    """The file or its folder cannot be written."""


class DiskFull(DatabaseProblem):
    """The disk holding the database (or its journal) is full; nothing was written."""


class DatabaseDamaged(DatabaseProblem):
    """The file is corrupt, truncated or not a database."""


def file_kind_problem(path: str | Path, role: str) -> NotADatabaseFile | None:
    """A folder or a device where a database file is expected, before SQLite tries it
    (SQLite's own « disk I/O error » for /dev/null says nothing useful)."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return NotADatabaseFile(f"{_SUBJECT[role]} {path} est inaccessible "
                                f"({exc.strerror}) : vérifiez le chemin et vos droits.", path)
    if stat.S_ISDIR(mode):
        return NotADatabaseFile(f"{path} est un dossier, pas le fichier de "
                                f"{_SUBJECT_LOWER[role]} : indiquez un fichier .sqlite.", path)
    if not stat.S_ISREG(mode):
        return NotADatabaseFile(f"{path} n'est pas un fichier ordinaire (périphérique ou "
                                f"tube) : {_SUBJECT_LOWER[role]} doit être un fichier .sqlite.",
                                path)
    return None


def writable(path: str | Path) -> bool:
    """Whether the file (if it exists) and its folder can be written. access() also answers
    for root, for a read-only mount (EROFS) and for an immutable file or folder."""
    path = Path(path)
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def read_only_problem(path: str | Path, role: str = WORKSPACE) -> DatabaseReadOnly:
    path = Path(path)
    return DatabaseReadOnly(
        f"{_SUBJECT[role]} {path} est en lecture seule : qpvdesk doit pouvoir écrire dans ce "
        f"fichier et dans son dossier {path.parent} ; faites rétablir l'accès en écriture "
        "(droits, disque protégé) puis relancez.", path)


def disk_full_problem(path: str | Path, role: str = WORKSPACE) -> DiskFull:
    path = Path(path)
    return DiskFull(f"Le disque qui contient {_SUBJECT_LOWER[role]} {path} est plein : rien "
                    "n'a été enregistré ; libérez de la place puis réessayez.", path)


def locked_problem(path: str | Path, seconds: float, role: str = WORKSPACE) -> DatabaseLocked:
    path = Path(path)
    return DatabaseLocked(
        f"{_SUBJECT[role]} {path} est occupé par un autre programme depuis plus de "
        f"{seconds:g} secondes (qpvdesk ouvert deux fois ?) : fermez l'autre fenêtre de qpvdesk "
        "puis réessayez ; rien n'a été modifié.", path)


def damaged_reference(path: str | Path, detail: str) -> DatabaseDamaged:
    path = Path(path)
    return DatabaseDamaged(f"La base de référence {path} est inutilisable ({detail}) : "
                           f"{_REBUILD_REFERENCE}.", path)


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _error_name(exc: BaseException) -> str:
    name = getattr(exc, "sqlite_errorname", None) or ""
    # extended names (SQLITE_IOERR_SHORT_READ) share their primary code's remedy
    for primary in ("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_BUSY",
                    "SQLITE_LOCKED", "SQLITE_CORRUPT"):
        if name.startswith(primary):
            return primary
    if name:
        return name
    message = str(exc).lower()   # a module without error names: SQLite's fixed messages
    for text, primary in (("locked", "SQLITE_BUSY"), ("readonly", "SQLITE_READONLY"),
                          ("disk is full", "SQLITE_FULL"), ("malformed", "SQLITE_CORRUPT"),
                          ("not a database", "SQLITE_NOTADB"), ("unable to open",
                                                                "SQLITE_CANTOPEN"),
                          ("disk i/o", "SQLITE_IOERR")):
        if text in message:
            return primary
    return ""


def explain(exc: BaseException, path: str | Path, role: str,
            busy_seconds: float = 5.0) -> DatabaseProblem | None:
    """The DatabaseProblem for a SQLite error raised on ``path``; None for errors that are
    not about the file (a constraint, a programming error)."""
    path = Path(path)
    subject = f"{_SUBJECT[role]} {path}"
    name = _error_name(exc)
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return locked_problem(path, busy_seconds, role)
    if name == "SQLITE_READONLY":
        return read_only_problem(path, role)
    if name == "SQLITE_FULL":
        return disk_full_problem(path, role)
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        if role == REFERENCE:
            return damaged_reference(path, "fichier endommagé ou qui n'est pas une base SQLite")
        return DatabaseDamaged(f"{subject} est endommagé : relancez qpvdesk, qui proposera de "
                               "restaurer la dernière sauvegarde (en ligne de commande : "
                               "« qpvdesk workspace restore »).", path)
    if name == "SQLITE_CANTOPEN":
        kind = file_kind_problem(path, role)
        if kind is not None:
            return kind
        if not writable(path):
            return read_only_problem(path, role)
        return DatabaseReadOnly(
            f"Impossible d'ouvrir {_SUBJECT_LOWER[role]} {path} : vérifiez que le dossier "
            f"{path.parent} existe et que vous pouvez y écrire.", path)
    if name == "SQLITE_IOERR":
        kind = file_kind_problem(path, role)
        if kind is not None:
            return kind
        if _nearly_full(path.parent):   # a full disk under the -shm or -wal is an I/O error
            return disk_full_problem(path, role)
        return DatabaseProblem(f"Erreur de lecture ou d'écriture sur {_SUBJECT_LOWER[role]} "
                               f"{path} (disque retiré ou défaillant ?) : vérifiez le disque "
                               "puis réessayez.", path)
    return None
