"""Which reference database the app opens: the CALL's bundled one by default, or a database
built for another agglomeration (EPCI) in the user's data folder, chosen in the first-run
assistant or later from the Fichier menu. The choice is a setting of the workspace. Qt-free.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

CHOSEN_REFERENCE_KEY = "base_de_reference.choisie"
DATABASES_FOLDER_NAME = "bases"

#: progress(percent, French text) -> False to cancel (views/tasks.py's Task gives one).
Progress = Callable[[int, str], bool]


class BuildCancelled(Exception):
    """The user cancelled the build: nothing was written."""


def epci_database_path(siren: str, data_folder: Path | None = None) -> Path:
    """Where the database of one EPCI is built: <user data folder>/bases/epci_<SIREN>.sqlite."""
    if data_folder is None:
        from qpvdesk.paths import user_data_folder

        data_folder = user_data_folder()
    return Path(data_folder) / DATABASES_FOLDER_NAME / f"epci_{siren}.sqlite"


def database_epci_siren(path: str | Path) -> str:
    """The SIREN of the agglomeration a reference database is built for (its metadata), read
    without SpatiaLite, so that a command knows which workspace is that agglomeration's; the
    CALL's for an older database that does not say, or one that cannot be read (the command
    that opens it then says why)."""
    from qpvdesk.paths import CALL_SIREN

    from .package.info import valid_siren
    from .spatialite import sqlite_module

    db = sqlite_module()
    try:
        conn = db.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM metadata WHERE key = 'epci_siren'").fetchone()
        finally:
            conn.close()
    except db.Error:
        return CALL_SIREN
    return str(row[0]) if row and valid_siren(str(row[0])) else CALL_SIREN


def chosen_reference(workspace) -> Path | None:
    """The database the user chose, if it still exists; None: the bundled one."""
    value = workspace.setting(CHOSEN_REFERENCE_KEY, "")
    return Path(value) if value and Path(value).is_file() else None


def remember_reference(workspace, path: Path | None) -> None:
    """Open ``path`` at the next start; None goes back to the bundled database."""
    workspace.set_setting(CHOSEN_REFERENCE_KEY, str(path) if path is not None else "")


def build_epci_reference(siren: str, progress: Progress,
                         data_folder: Path | None = None) -> Path:
    """Build the database of EPCI ``siren`` in the user's data folder (replacing an older
    one only once the new one is complete); returns its path. Raises BuildCancelled when
    ``progress`` returns False, UnknownEpci or SourceError (French) otherwise."""
    from .build.epci_builder import build_epci_database

    target = epci_database_path(siren, data_folder)
    target.parent.mkdir(parents=True, exist_ok=True)

    def report(step: str, fraction: float) -> None:
        if not progress(round(fraction * 100), step):
            raise BuildCancelled(step)

    build_epci_database(siren, target, progress=report)
    return target
