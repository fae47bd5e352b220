"""What went wrong with a PostgreSQL server, in one French sentence: what, which server and
database, what to do. psycopg is only imported when an error is explained."""
from __future__ import annotations

from dataclasses import dataclass

USAGE = 2      # the connection text itself is wrong
FAILED = 1     # the server, the network, the rights or the data said no

# A publish or pull that met a concurrent writer is retried this many times in all.
ATTEMPTS = 5
LOCK_TIMEOUT_S = 30


class PostgisProblem(Exception):
    """One French sentence for the user; nothing was written on either side."""

    exit_code = FAILED

    def __init__(self, message: str, exit_code: int = FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class PasswordNeeded(PostgisProblem):
    """The server wants a password that was not given, or refused the one given: the UI and
    the command line ask for it (again)."""

    def __init__(self, message: str, target: Target) -> None:
        super().__init__(message)
        self.target = target


class StaleRows(PostgisProblem):
    """Rows changed on the server between reading and writing them: the transaction is rolled
    back and the publish retried on fresh data. Raised to the caller only when every attempt
    met a new change."""


@dataclass(frozen=True)
class Target:
    """Which server, database and user a connection aims at (no password)."""
    host: str = ""
    port: str = ""
    dbname: str = ""
    user: str = ""
    service: str = ""

    @property
    def server(self) -> str:
        host = self.host or "localhost"
        if host.startswith("/"):
            host = f"localhost (socket {host})"
        return f"{host}:{self.port}" if self.port else host

    def __str__(self) -> str:
        where = f"la base « {self.dbname} » du serveur {self.server}" if self.dbname \
            else f"le serveur {self.server}"
        if self.service:
            where += f" (service « {self.service} »)"
        return where

    @classmethod
    def of(cls, pgconn, service: str = "") -> Target:
        """From a libpq connection, open or failed: libpq has resolved the service file and
        the PG* environment variables by then."""
        def text(value) -> str:
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else value or ""

        return cls(text(pgconn.host), text(pgconn.port), text(pgconn.db), text(pgconn.user),
                   service)


_NOTHING = {"publish": "Rien n'a été publié.", "pull": "Rien n'a été récupéré.",
            "connect": ""}


def _ending(action: str) -> str:
    return (" " + _NOTHING[action]) if _NOTHING.get(action) else ""


def connection_problem(exc: Exception, target: Target, action: str) -> PostgisProblem:
    """A failed connection attempt (psycopg.OperationalError from connect)."""
    text = str(exc)
    detail = text.rsplit("failed:", 1)[-1].strip().replace("FATAL:", "").strip() \
        if "failed:" in text else text.strip()
    lowered = text.lower()
    pgconn = getattr(exc, "pgconn", None)
    end = _ending(action)
    if "definition of service" in lowered:
        return PostgisProblem(
            f"Le service PostgreSQL « {target.service} » n'est décrit dans aucun fichier de "
            "services (~/.pg_service.conf, ou celui que nomme PGSERVICEFILE) : ajoutez-le, ou "
            f"donnez host, dbname et user.{end}", USAGE)
    if "service file" in lowered and "not found" in lowered:
        return PostgisProblem(
            f"Le fichier de services PostgreSQL nommé par PGSERVICEFILE est introuvable "
            f"({detail.splitlines()[0]}) : corrigez ce chemin, ou donnez host, dbname et "
            f"user.{end}", USAGE)
    if "invalid port" in lowered or "invalid integer value" in lowered:
        return PostgisProblem(f"Le port donné pour {target} n'est pas valable ({detail}) : "
                              f"donnez un nombre entre 1 et 65535.{end}", USAGE)
    if "failed to resolve host" in lowered or "could not translate host name" in lowered:
        return PostgisProblem(
            f"Le serveur PostgreSQL « {target.host} » est introuvable (nom inconnu) : vérifiez "
            f"son nom et la connexion au réseau.{end}")
    if pgconn is not None and pgconn.needs_password:
        return PasswordNeeded(
            f"{_capital(str(target))} demande un mot de passe pour l'utilisateur "
            f"« {target.user} » : saisissez-le, ou mettez-le dans votre fichier ~/.pgpass "
            "(il n'est jamais enregistré dans l'espace de travail).", target)
    if "password authentication failed" in lowered or "authentification par mot de passe" \
            in lowered:
        return PasswordNeeded(
            f"Le mot de passe de l'utilisateur « {target.user} » a été refusé par "
            f"{target} : vérifiez-le (ou votre fichier ~/.pgpass).", target)
    if "does not exist" in lowered or "n'existe pas" in lowered:
        if "database" in lowered or "base de données" in lowered:
            return PostgisProblem(
                f"La base « {target.dbname} » n'existe pas sur le serveur {target.server} : "
                f"vérifiez son nom, ou demandez à l'administrateur de la créer.{end}")
        if "role" in lowered or "rôle" in lowered:
            return PostgisProblem(
                f"L'utilisateur « {target.user} » n'existe pas sur le serveur "
                f"{target.server} : vérifiez le nom d'utilisateur.{end}")
    if "pg_hba.conf" in lowered:
        return PostgisProblem(
            f"Le serveur {target.server} n'accepte pas les connexions de ce poste pour "
            f"l'utilisateur « {target.user} » sur la base « {target.dbname} » (pg_hba.conf) : "
            f"demandez à son administrateur d'autoriser ce poste.{end}")
    if "connection refused" in lowered or "timeout expired" in lowered or \
            "no route to host" in lowered or "network is unreachable" in lowered or \
            "no such file or directory" in lowered:
        return PostgisProblem(
            f"Le serveur PostgreSQL {target.server} ne répond pas ({detail.splitlines()[0]}) : "
            "vérifiez qu'il est démarré, son adresse et son port, et le réseau, puis "
            f"réessayez.{end}")
    if "too many" in lowered and "connections" in lowered:
        return PostgisProblem(f"Le serveur {target.server} a atteint son nombre maximal de "
                              f"connexions : réessayez dans un moment.{end}")
    if "starting up" in lowered or "shutting down" in lowered:
        return PostgisProblem(f"Le serveur {target.server} démarre ou s'arrête : réessayez "
                              f"dans un moment.{end}")
    return PostgisProblem(f"Connexion impossible à {target} ({detail.splitlines()[0]}) : "
                          f"vérifiez les paramètres de connexion et le serveur.{end}")


def server_problem(exc: Exception, target: Target, action: str,
                   doing: str = "d'écrire dans le schéma qpvdesk",
                   lock_timeout_s: int = LOCK_TIMEOUT_S) -> PostgisProblem:
    """An error raised by the server or the connection once connected; the transaction it
    happened in is rolled back, so nothing was written."""
    import psycopg
    from psycopg import errors

    end = _ending(action)
    detail = (str(exc).strip().splitlines() or [""])[0]
    if isinstance(exc, errors.InsufficientPrivilege):
        return PostgisProblem(
            f"L'utilisateur « {target.user} » n'a pas le droit {doing} dans {target} "
            f"({detail}) : demandez ce droit à l'administrateur de la base.{end}")
    if isinstance(exc, errors.DiskFull):
        return PostgisProblem(f"Le serveur {target.server} n'a plus de place sur son disque : "
                              f"prévenez son administrateur.{end}")
    if isinstance(exc, errors.LockNotAvailable):
        return PostgisProblem(
            f"Les tables qpvdesk de {target} sont verrouillées par un autre utilisateur depuis "
            f"plus de {lock_timeout_s} s : réessayez dans un moment.{end}")
    if isinstance(exc, errors.ReadOnlySqlTransaction):
        return PostgisProblem(f"{_capital(str(target))} est en lecture seule (serveur de "
                              f"secours ?) : connectez-vous au serveur principal.{end}")
    if isinstance(exc, (errors.AdminShutdown, errors.CrashShutdown, errors.CannotConnectNow)) \
            or isinstance(exc, psycopg.OperationalError):
        return PostgisProblem(
            f"La connexion à {target} a été interrompue ({detail}) : la transaction a été "
            f"annulée par le serveur ; réessayez quand il répond.{end}")
    if isinstance(exc, errors.OutOfMemory):
        return PostgisProblem(f"Le serveur {target.server} manque de mémoire : réessayez plus "
                              f"tard, ou prévenez son administrateur.{end}")
    return PostgisProblem(f"Erreur inattendue de {target} ({detail}) : réessayez, puis "
                          f"signalez-la.{end}")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
