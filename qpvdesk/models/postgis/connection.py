"""Connecting to the agglomeration's PostgreSQL: a libpq connection string (``service=qpvdesk``,
``host=… dbname=… user=…`` or a ``postgresql://`` URI). libpq itself reads the service file
(~/.pg_service.conf, PGSERVICEFILE) and the password file (~/.pgpass); a password typed by the
user is passed for this connection only and never kept: ``storable()`` is what may be saved.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .errors import USAGE, PostgisProblem, Target, connection_problem

CONNECT_TIMEOUT_S = 10
APPLICATION_NAME = "qpvdesk"
# What a saved connection may never hold.
_SECRET_KEYS = ("password", "sslpassword")


def parse(dsn: str) -> dict[str, str]:
    """The keywords of a connection string; PostgisProblem (exit 2) when it is not one."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    if not dsn or not dsn.strip():
        raise PostgisProblem("Aucune connexion PostGIS n'est indiquée : donnez par exemple "
                             "« service=qpvdesk » ou « host=serveur dbname=base user=nom ».",
                             USAGE)
    try:
        return {key: str(value) for key, value in conninfo_to_dict(dsn).items()}
    except ProgrammingError as exc:
        shown = storable_text(dsn)
        raise PostgisProblem(
            f"La connexion PostGIS « {shown} » n'est pas comprise ({str(exc).strip()}) : "
            "écrivez par exemple « service=qpvdesk » ou « host=serveur port=5432 dbname=base "
            "user=nom ».", USAGE) from None


def storable_text(dsn: str) -> str:
    """A connection text fit to be shown or saved: any password taken out (best effort for a
    text that is not even a connection string)."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        values = conninfo_to_dict(dsn)
    except ProgrammingError:
        return "…" if "password" in dsn.lower() or "@" in dsn else dsn
    return make_conninfo("", **{key: value for key, value in values.items()
                                if key not in _SECRET_KEYS})


def storable(dsn: str) -> str:
    """The connection string without its password, to remember it (PostgisProblem if not a
    connection string)."""
    from psycopg.conninfo import make_conninfo

    return make_conninfo("", **{key: value for key, value in parse(dsn).items()
                                if key not in _SECRET_KEYS})


def target_of(dsn: str) -> Target:
    """What the connection string names, before connecting (libpq fills the rest)."""
    values = parse(dsn)
    return Target(values.get("host", ""), values.get("port", ""), values.get("dbname", ""),
                  values.get("user", ""), values.get("service", ""))


@contextmanager
def connect(dsn: str, password: str | None = None, action: str = "connect") -> Iterator:
    """An open psycopg connection (not autocommit) and its Target; closed on leaving.
    Connection failures become PostgisProblem / PasswordNeeded."""
    import psycopg

    values = parse(dsn)
    values.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    values.setdefault("application_name", APPLICATION_NAME)
    if password:
        values["password"] = password
    service = values.get("service", "")
    try:
        conn = psycopg.connect(**values)
    except psycopg.OperationalError as exc:
        pgconn = getattr(exc, "pgconn", None)
        target = Target.of(pgconn, service) if pgconn is not None else Target(
            values.get("host", ""), values.get("port", ""), values.get("dbname", ""),
            values.get("user", ""), service)
        raise connection_problem(exc, target, action) from None
    try:
        yield conn, Target.of(conn.pgconn, service)
    finally:
        conn.close()


def build(service: str = "", host: str = "", port: str = "", dbname: str = "",
          user: str = "") -> str:
    """A connection string from a form's fields: a service name alone, or a server (empty
    fields left to libpq's defaults). Never a password."""
    from psycopg.conninfo import make_conninfo

    if service.strip():
        return make_conninfo("", service=service.strip())
    values = {"host": host.strip(), "port": str(port).strip(), "dbname": dbname.strip(),
              "user": user.strip()}
    return make_conninfo("", **{key: value for key, value in values.items() if value})


def fields(dsn: str) -> dict[str, str]:
    """The form's fields of a remembered connection ({} when there is none or it is not a
    connection string)."""
    if not dsn:
        return {}
    try:
        values = parse(dsn)
    except PostgisProblem:
        return {}
    return {key: values[key] for key in ("service", "host", "port", "dbname", "user")
            if values.get(key)}
