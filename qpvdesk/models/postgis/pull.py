"""Pulling from PostgreSQL + PostGIS what colleagues published and this workspace lacks: the
packages they received (with every proposal version) and their decisions, so that two
officers' apps converge. The consolidated store's and the decision history's own checks are
used (their private helpers: their public methods each open a transaction of their own, and a
pull is one); the rows are then inserted in bulk, as the server gave them.

The server is read in one read-only REPEATABLE READ transaction (one consistent snapshot);
the workspace is written in one transaction. Every row read is checked before anything is
written: a version whose content hash does not match its columns (changed on the server
outside qpvdesk), a package whose proposals are not all there, or a proposal uuid already
received here from another commune refuses the whole pull with a French sentence.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


from ..decisions import Decision, InvalidDecision
from ..decisions import _checked as checked_decision
from ..package.communes import CommuneNames
from ..package.info import PackageInfo
from ..package.received import ConsolidatedStore, checked_instant
from ..proposals.proposal import Proposal
from .connection import connect
from .content import (DECISION_COLUMNS, PACKAGE_COLUMNS, VERSION_COLUMNS, decision_hash,
                      parsed_wkb, version_hash)
from .errors import LOCK_TIMEOUT_S, PostgisProblem, Target, server_problem
from .schema import MIGRATIONS, stored_version
from .wording import plural


@dataclass
class PullOutcome:
    target: str
    packages_added: int = 0
    versions_added: int = 0
    decisions_added: int = 0
    published: bool = True      # False: nothing was ever published on that server

    @property
    def changed(self) -> bool:
        return bool(self.packages_added or self.versions_added or self.decisions_added)

    def summary(self) -> str:
        if not self.published:
            return (f"Rien à récupérer : aucune donnée qpvdesk n'a encore été publiée dans "
                    f"{self.target}.")
        if not self.changed:
            return f"Rien de nouveau dans {self.target} : cet espace de travail avait déjà tout."
        packages = plural(self.packages_added, "paquet récupéré", "paquets récupérés")
        versions = plural(self.versions_added, "proposition", "propositions")
        decisions = plural(self.decisions_added, "décision nouvelle", "décisions nouvelles")
        return f"{packages} ({versions}), {decisions} depuis {self.target}."



@dataclass
class _Fetched:
    packages: list[dict]
    versions: dict[str, list[Proposal]]    # by package uuid, for the store's checks
    version_rows: list[tuple]              # package_uuid, *VERSION_COLUMNS, wkb
    decisions: list[Decision]              # checked, for the history's order
    decision_rows: list[tuple]             # *DECISION_COLUMNS, wkb or None


def pull(workspace, dsn: str, password: str | None = None,
         names: CommuneNames | None = None) -> PullOutcome:
    """Bring into ``workspace`` what the server has and it lacks. PostgisProblem (French) on
    any failure of the server; the workspace's own problems (locked, full disk) are its
    DatabaseProblem. Nothing is written on either side when anything fails."""
    import psycopg

    local_packages = dict(workspace.conn.execute(
        "SELECT uuid, file_sha256 FROM received_package").fetchall())
    local_decisions = [row[0] for row in workspace.conn.execute("SELECT uuid FROM decision")]
    with connect(dsn, password, "pull") as (conn, target):
        outcome = PullOutcome(str(target))
        try:
            conn.read_only = True
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            with conn.transaction(), conn.cursor(binary=True) as cur:
                cur.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_S}s'")
                fetched = _fetch(cur, target, local_packages, local_decisions)
        except PostgisProblem:
            raise
        except psycopg.Error as exc:
            raise server_problem(exc, target, "pull", "de lire le schéma qpvdesk") from None
    if fetched is None:
        outcome.published = False
        return outcome
    _write(workspace, fetched, names, target)
    outcome.packages_added = len(fetched.packages)
    outcome.versions_added = sum(len(items) for items in fetched.versions.values())
    outcome.decisions_added = len(fetched.decisions)
    return outcome


def _fetch(cur, target: Target, local_packages: dict[str, str],
           local_decisions: list[str]) -> _Fetched | None:
    version = stored_version(cur)
    if not version:
        return None
    if version > len(MIGRATIONS):
        raise PostgisProblem(
            f"Le schéma qpvdesk de {target} a été créé par une version plus récente de qpvdesk "
            f"(schéma {version}, celle-ci connaît jusqu'au {len(MIGRATIONS)}) : mettez qpvdesk "
            "à jour. Rien n'a été récupéré.")
    cur.execute(f"SELECT {', '.join(PACKAGE_COLUMNS)} FROM qpvdesk.received_package "
                "ORDER BY created, uuid")
    local_files = {sha: uuid for uuid, sha in local_packages.items()}
    packages = []
    for row in cur.fetchall():
        package = dict(zip(PACKAGE_COLUMNS, row))
        if package["uuid"] in local_packages:
            continue
        if package["file_sha256"] in local_files:
            raise PostgisProblem(
                f"Le paquet {package['uuid']} de {target} a la même empreinte de fichier que "
                f"le paquet {local_files[package['file_sha256']]} de cet espace de travail : un "
                "des deux a été altéré ; signalez-le à l'administrateur. Rien n'a été récupéré.")
        packages.append(package)
    versions: dict[str, list[Proposal]] = defaultdict(list)
    version_rows: list[tuple] = []
    if packages:
        cur.execute(f"SELECT package_uuid, {', '.join(VERSION_COLUMNS)}, ST_AsBinary(geom), "
                    "content_sha256 FROM qpvdesk.received_proposal WHERE package_uuid = ANY(%s) "
                    "ORDER BY package_uuid, created, uuid",
                    ([package["uuid"] for package in packages],))
        rows = cur.fetchall()
        geometries, blobs = parsed_wkb([bytes(row[-2]) for row in rows])
        for row, wkb, geometry in zip(rows, blobs, geometries):
            values = row[1:-2]
            if version_hash(values, wkb) != row[-1]:
                raise PostgisProblem(
                    f"La proposition {values[0]} du paquet {row[0]} a été modifiée dans "
                    f"{target} en dehors de qpvdesk (son empreinte ne correspond plus) : "
                    "signalez-le à l'administrateur. Rien n'a été récupéré.")
            fields = dict(zip(VERSION_COLUMNS, values))
            fields["communes"] = tuple(code for code in (fields["communes"] or "").split(",")
                                       if code)
            versions[row[0]].append(Proposal(geometry=geometry, **fields))
            version_rows.append((row[0], *values, wkb))
    for package in packages:
        if len(versions[package["uuid"]]) != package["proposal_count"]:
            raise PostgisProblem(
                f"Le paquet {package['uuid']} de {target} annonce {package['proposal_count']} "
                f"proposition(s) mais le serveur en a {len(versions[package['uuid']])} : "
                "signalez-le à l'administrateur. Rien n'a été récupéré.")
    decisions, decision_rows = _fetch_decisions(cur, target, local_decisions)
    return _Fetched(packages, dict(versions), version_rows, decisions, decision_rows)


def _fetch_decisions(cur, target: Target, local: list[str]
                     ) -> tuple[list[Decision], list[tuple]]:
    cur.execute(f"SELECT {', '.join(DECISION_COLUMNS)}, ST_AsBinary(geom), content_sha256 "
                "FROM qpvdesk.decision WHERE NOT (uuid = ANY(%s)) ORDER BY uuid", (local,))
    rows = cur.fetchall()
    geometries, blobs = parsed_wkb([bytes(row[-2]) for row in rows if row[-2] is not None])
    shapes = iter(zip(geometries, blobs))
    decisions, decision_rows = [], []
    for row in rows:
        geometry, wkb = next(shapes) if row[-2] is not None else (None, None)
        values = row[:-2]
        if decision_hash(values, wkb) != row[-1]:
            raise PostgisProblem(
                f"La décision {values[0]} a été modifiée dans {target} en dehors de qpvdesk (son "
                "empreinte ne correspond plus) : signalez-le à l'administrateur. Rien n'a été "
                "récupéré.")
        fields = dict(zip(DECISION_COLUMNS, values))
        try:
            decisions.append(checked_decision(Decision(**fields, geometry=geometry)))
        except InvalidDecision as exc:
            raise PostgisProblem(f"La décision {values[0]} de {target} est refusée : {exc} Rien "
                                 "n'a été récupéré.") from None
        decision_rows.append((*values, wkb))
    return decisions, decision_rows


def _write(workspace, fetched: _Fetched, names: CommuneNames | None, target: Target) -> None:
    """One workspace transaction: the consolidated store's and the decision history's own
    checks, then the rows as they came (executemany: a pull is thousands of rows)."""
    store = ConsolidatedStore(workspace)
    conn = workspace.conn
    with workspace.transaction():
        for package in fetched.packages:
            proposals = fetched.versions.get(package["uuid"], [])
            info = PackageInfo(uuid=package["uuid"], commune_insee=package["commune_insee"],
                               source_organization=package["source_organization"] or "",
                               contact_name=package["contact_name"] or "",
                               contact_email=package["contact_email"] or "",
                               bagging_date=package["created"][:10],
                               created=package["created"], key_id=package["key_id"],
                               proposal_count=package["proposal_count"], software="")
            try:
                store._check(info, proposals)
                checked_instant(package["received"], "La date de réception")
                store._refuse_clashes(info.commune_insee, [item.uuid for item in proposals],
                                      names)
            except ValueError as exc:
                reason = str(exc).replace(" Rien n'a été importé.", "").removeprefix(
                    "Paquet refusé : ")
                raise PostgisProblem(f"Le paquet {info.uuid} de {target} est refusé : {reason} "
                                     "Rien n'a été récupéré.") from None
            conn.execute(f"INSERT INTO received_package ({', '.join(PACKAGE_COLUMNS)}) "
                         f"VALUES ({', '.join('?' for _ in PACKAGE_COLUMNS)})",
                         [package[name] for name in PACKAGE_COLUMNS])
        conn.executemany(
            f"INSERT INTO received_proposal (package_uuid, {', '.join(VERSION_COLUMNS)}, geom) "
            f"VALUES (?, {', '.join('?' for _ in VERSION_COLUMNS)}, GeomFromWKB(?, 2154))",
            fetched.version_rows)
        known = {row[0] for row in conn.execute("SELECT DISTINCT uuid FROM received_proposal")}
        for decision in fetched.decisions:
            if decision.proposal_uuid not in known:
                raise PostgisProblem(
                    f"La décision {decision.uuid} de {target} porte sur une proposition "
                    f"({decision.proposal_uuid}) qu'aucun paquet du serveur n'apporte : "
                    "signalez-le à l'administrateur. Rien n'a été récupéré.")
        conn.executemany(
            f"INSERT INTO decision ({', '.join(DECISION_COLUMNS)}, geom) VALUES "
            f"({', '.join('?' for _ in DECISION_COLUMNS)}, GeomFromWKB(?, 2154))",
            fetched.decision_rows)
