"""A real PostgreSQL + PostGIS for the tests (import the fixtures by name).

One server per test session (about 1 s to start), whichever modules import these fixtures:
the server is a module-level singleton stopped when the session ends. Each test gets a fresh
database copied from a template that already has PostGIS (about 0.1 s).

Without the Debian packages the tests skip with the reason; CI (.ci/run sets
QPVDESK_REQUIRE_POSTGRES=1 and installs them) fails instead of skipping.
"""
from __future__ import annotations

import atexit
import os
import uuid

import pytest

from qpvdesk.models.postgis.local_server import LocalServer, ServerUnavailable

TEMPLATE = "qpvdesk_template"
PASSWORD_ROLE = "agent_mdp"       # a role the server asks a password of (SCRAM)
PASSWORD = "Mot de passe très secret 42"
LIMITED_ROLE = "agent_limite"     # may connect and create in its own database, not PostGIS

_server: LocalServer | None = None


def _start() -> LocalServer:
    global _server
    if _server is None:
        import psycopg

        server = LocalServer(password_roles=(PASSWORD_ROLE,)).start()
        atexit.register(server.stop)
        with psycopg.connect(server.dsn(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
            conn.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
            conn.execute(f"CREATE ROLE {LIMITED_ROLE} LOGIN")
        with psycopg.connect(server.dsn(TEMPLATE), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION postgis")
        _server = server
    return _server


@pytest.fixture(scope="session")
def postgres_server() -> LocalServer:
    try:
        return _start()
    except ServerUnavailable as exc:
        if os.environ.get("QPVDESK_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here: {exc}")
        pytest.skip(str(exc))


def new_database(server: LocalServer, template: str = TEMPLATE, owner: str = "postgres") -> str:
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {template} OWNER {owner}")
    return name


def drop_database(server: LocalServer, name: str) -> None:
    import psycopg

    with psycopg.connect(server.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def postgis_db(postgres_server) -> str:
    """The name of a fresh database with PostGIS; the superuser's DSN is postgis_dsn."""
    name = new_database(postgres_server)
    yield name
    drop_database(postgres_server, name)


@pytest.fixture
def postgis_dsn(postgres_server, postgis_db) -> str:
    return postgres_server.dsn(postgis_db)


def sql(dsn: str, query: str, parameters=()) -> list[tuple]:
    """Run one statement on its own connection (autocommit); its rows, if any."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        cursor = conn.execute(query, parameters or None)
        return cursor.fetchall() if cursor.description else []
