"""Open SQLite connections with SpatiaLite loaded.

The pyenv / python.org builds of CPython on Linux may lack
``sqlite3.Connection.enable_load_extension``; pysqlite3-binary provides it. Debian's own
python3 and the Windows builds have it in the standard module.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType

from .native_libraries import keep_to_their_own

SPATIALITE_PACKAGE_HINT = (
    "SpatiaLite is not available: install the Debian/Ubuntu package libsqlite3-mod-spatialite "
    "(sudo apt-get install libsqlite3-mod-spatialite)."
)
SPATIALITE_PACKAGE_HINT_FR = (
    "La bibliothèque SpatiaLite est introuvable : installez le paquet "
    "libsqlite3-mod-spatialite (sudo apt-get install libsqlite3-mod-spatialite)."
)


class SpatialiteUnavailable(RuntimeError):
    """mod_spatialite could not be loaded; the message names the package to install."""


def sqlite_module() -> ModuleType:
    """The DB-API module to use: the standard one if it can load extensions, else pysqlite3."""
    import sqlite3

    if hasattr(sqlite3.Connection, "enable_load_extension"):
        return sqlite3
    try:
        from pysqlite3 import dbapi2
    except ImportError as exc:  # pragma: no cover - depends on the platform
        raise SpatialiteUnavailable(
            "This Python cannot load SQLite extensions: install pysqlite3-binary."
        ) from exc
    return dbapi2


def _extension_name() -> str:
    # Lets a frozen build or an unusual install point at the library explicitly.
    return os.environ.get("QPVDESK_SPATIALITE", "mod_spatialite")


def connect(path: str | Path, *, readonly: bool = False, timeout: float = 5.0):
    """A connection to ``path`` with mod_spatialite loaded.

    ``readonly`` opens through a ``mode=ro`` URI, so any write raises
    ``OperationalError: attempt to write a readonly database``.
    """
    db = sqlite_module()
    keep_to_their_own()   # before mod_spatialite's symbols go global (native_libraries.py)
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = db.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    else:
        conn = db.connect(str(path), timeout=timeout, check_same_thread=False)
    try:
        conn.enable_load_extension(True)
        conn.load_extension(_extension_name())
        conn.enable_load_extension(False)
    except db.OperationalError as exc:
        conn.close()
        raise SpatialiteUnavailable(SPATIALITE_PACKAGE_HINT) from exc
    return conn


def versions(conn) -> dict[str, str]:
    """SpatiaLite, GEOS, PROJ and SQLite versions as reported by the loaded library."""
    spatialite, geos, proj, sqlite = conn.execute(
        "SELECT spatialite_version(), geos_version(), proj_version(), sqlite_version()"
    ).fetchone()
    return {"spatialite": spatialite, "geos": geos, "proj": proj, "sqlite": sqlite,
            "python": sys.version.split()[0]}
