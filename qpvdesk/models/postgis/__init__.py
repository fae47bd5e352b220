"""The agglomeration's consolidated store beyond one machine: publishing to and pulling from
PostgreSQL + PostGIS (psycopg 3, imported only when a server is used)."""
from __future__ import annotations

from .errors import PasswordNeeded, PostgisProblem
from .publish import PublishOutcome, publish
from .pull import PullOutcome, pull
from .settings import remember_connection, remembered_connection

__all__ = ("PasswordNeeded", "PostgisProblem", "PublishOutcome", "PullOutcome", "publish",
           "pull", "remember_connection", "remembered_connection")
