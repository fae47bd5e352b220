"""The PostGIS connection a workspace remembers between sessions: never its password (libpq
reads it from ~/.pgpass, or the user types it each time)."""
from __future__ import annotations

from .connection import storable

CONNECTION_SETTING = "postgis.connexion"


def remembered_connection(workspace) -> str:
    return workspace.setting(CONNECTION_SETTING, "") or ""


def remember_connection(workspace, dsn: str) -> str:
    """Keep ``dsn`` without any password; what was kept."""
    kept = storable(dsn)
    if kept != remembered_connection(workspace):
        workspace.set_setting(CONNECTION_SETTING, kept)
    return kept
