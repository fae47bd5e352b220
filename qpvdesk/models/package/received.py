"""The agglomeration's side: signed packages received from the communes, consolidated.

Every package accepted is recorded (``received_package``) with every proposal it carried
(``received_proposal``): nothing is ever overwritten or deleted. The consolidated set is
derived: for each proposal uuid, the version from the package its commune built last. A
proposal missing from a commune's later package is kept, since a package may be partial and
only the commune may withdraw a proposal.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import shapely

from ..proposals.exporter import write_geopackage
from ..proposals.proposal import Proposal, now_iso
from ..proposals.vocabulary import KINDS
from .communes import CommuneNames, commune_label
from .info import PackageInfo, valid_insee
from .instants import checked_instant, utc_instant  # noqa: F401  (imported from here too)

# The proposal columns a package carries: every one but ``deleted``.
_COLUMNS = ("uuid", "kind", "title", "description", "category", "status", "horizon_year",
            "qpv_code", "knowledge_source", "nature", "justification", "communes", "author",
            "contact", "created", "modified")
_PACKAGE_COLUMNS = ("uuid", "commune_insee", "key_id", "source_organization", "contact_name",
                    "contact_email", "created", "received", "file_name", "file_sha256",
                    "proposal_count")
_SELECT_VERSIONS = (
    f"SELECT {', '.join('r.' + name for name in _COLUMNS)}, Hex(AsBinary(r.geom)), "
    "r.package_uuid, p.commune_insee, p.key_id, p.received, p.created "
    "FROM received_proposal r JOIN received_package p ON p.uuid = r.package_uuid")
# Provenance columns added to the consolidated GeoPackage, after the proposal's own.
PROVENANCE_COLUMNS = ("commune_insee", "paquet_uuid", "cle_id", "recu_le", "paquet_cree_le")


@dataclass(frozen=True)
class ReceivedProposal:
    """One version of a proposal, as one package carried it."""
    proposal: Proposal
    package_uuid: str
    commune_insee: str
    key_id: str
    received: str           # when the package was accepted here
    package_created: str    # when the commune built the package


@dataclass(frozen=True)
class AcceptOutcome:
    already_imported: bool   # same package uuid (or same file sha256) seen before: nothing changed
    added: list[str]         # uuids new to the consolidated set
    updated: list[str]       # uuids known from an earlier package of the same commune, now newer
    unchanged: list[str]     # identical content to the current version
    kept_absent: list[str]   # uuids of the commune's earlier packages absent here: KEPT
    # uuids whose version here differs from the current one but comes from a package built
    # before it (a late arrival): recorded in the history, the current version stays
    outdated: list[str] = field(default_factory=list)
    previously_received: str | None = None   # when already_imported: when it was received

    def summary(self) -> str:
        """One French paragraph for the user."""
        if self.already_imported:
            when = f" le {_french_date(self.previously_received)}" \
                if self.previously_received else ""
            return f"Ce paquet a déjà été importé{when} : rien n'a changé."
        parts = []
        for count, singular, plural in (
                (len(self.added), "ajoutée", "ajoutées"),
                (len(self.updated), "mise à jour", "mises à jour"),
                (len(self.unchanged), "inchangée", "inchangées"),
                (len(self.outdated), "plus ancienne que la version déjà reçue, gardée dans "
                                     "l'historique",
                 "plus anciennes que les versions déjà reçues, gardées dans l'historique"),
                (len(self.kept_absent), "absente de ce paquet et conservée",
                 "absentes de ce paquet et conservées")):
            if count:
                noun = "" if parts else (" proposition" if count == 1 else " propositions")
                parts.append(f"{count}{noun} {singular if count == 1 else plural}")
        if not parts:
            return "Ce paquet ne contient aucune proposition : rien n'a changé."
        return ", ".join(parts) + "."


def _french_date(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def _content(proposal: Proposal) -> tuple:
    """What makes two versions identical: every column but deleted, the geometry as WKB."""
    return (*(getattr(proposal, name) for name in _COLUMNS),
            shapely.to_wkb(proposal.geometry, hex=True, byte_order=1))


def _version(row) -> ReceivedProposal:
    values = dict(zip(_COLUMNS, row[:len(_COLUMNS)]))
    values["communes"] = tuple(code for code in str(values["communes"] or "").split(",") if code)
    geometry, package_uuid, commune, key_id, received, created = row[len(_COLUMNS):]
    proposal = Proposal(geometry=shapely.from_wkb(geometry), **values)
    return ReceivedProposal(proposal, package_uuid, commune, key_id, received, created)


def _order(version: ReceivedProposal) -> tuple:
    """Oldest first: by package creation, then reception, then package uuid (determinism)."""
    return (utc_instant(version.package_created), utc_instant(version.received),
            version.package_uuid)


class ConsolidatedStore:
    """The packages received by the agglomeration and the consolidated proposals."""

    def __init__(self, workspace) -> None:
        self.workspace = workspace
        self.conn = workspace.conn

    # -- receiving ---------------------------------------------------------------------------

    def accept(self, info: PackageInfo, proposals: Sequence[Proposal], file_name: str,
               file_sha256: str, received: str | None = None,
               names: CommuneNames | None = None) -> AcceptOutcome:
        """Record a verified package and its proposals, in one transaction.

        Idempotent: a package already received (same uuid, or same file) changes nothing.
        Raises ValueError (French message, communes named with ``names``), writing nothing,
        for an inconsistent package or a proposal uuid already received from another
        commune."""
        proposals = list(proposals)
        received = checked_instant(received or now_iso(), "La date de réception")
        self._check(info, proposals)
        with self.workspace.transaction():
            earlier = self.conn.execute(
                "SELECT received FROM received_package WHERE uuid = ? OR file_sha256 = ? "
                "ORDER BY received LIMIT 1", (info.uuid, file_sha256)).fetchone()
            if earlier:
                return AcceptOutcome(True, [], [], [], [], previously_received=earlier[0])
            self._refuse_clashes(info.commune_insee, [item.uuid for item in proposals], names)
            before = {version.proposal.uuid: version
                      for version in self.current(info.commune_insee)}
            new_order = (utc_instant(info.created), utc_instant(received), info.uuid)
            added, updated, unchanged, outdated = [], [], [], []
            for proposal in proposals:
                current = before.get(proposal.uuid)
                if current is None:
                    added.append(proposal.uuid)
                elif _content(current.proposal) == _content(proposal):
                    unchanged.append(proposal.uuid)
                elif new_order > _order(current):
                    updated.append(proposal.uuid)
                else:
                    outdated.append(proposal.uuid)
            carried = {item.uuid for item in proposals}
            kept_absent = sorted(uuid for uuid in before if uuid not in carried)
            self._insert(info, proposals, file_name, file_sha256, received)
        return AcceptOutcome(False, added, updated, unchanged, kept_absent, outdated)

    @staticmethod
    def _check(info: PackageInfo, proposals: list[Proposal]) -> None:
        if not info.uuid:
            raise ValueError("Le paquet n'a pas d'identifiant.")
        if not valid_insee(info.commune_insee):
            raise ValueError(f"Code INSEE de commune invalide : « {info.commune_insee} ».")
        checked_instant(info.created, "La date de création du paquet")
        if info.proposal_count != len(proposals):
            raise ValueError(f"Le paquet annonce {info.proposal_count} proposition(s) mais en "
                             f"contient {len(proposals)}.")
        seen: set[str] = set()
        for proposal in proposals:
            if proposal.uuid in seen:
                raise ValueError(f"La proposition {proposal.uuid} figure deux fois dans le "
                                 "paquet.")
            seen.add(proposal.uuid)
            if proposal.deleted:
                raise ValueError(f"Le paquet contient une proposition supprimée "
                                 f"({proposal.uuid}).")
            if proposal.kind not in KINDS:
                raise ValueError(f"Type de proposition inconnu : « {proposal.kind} ».")

    def _refuse_clashes(self, commune: str, uuids: list[str],
                        names: CommuneNames | None) -> None:
        clashes: dict[str, str] = {}
        for start in range(0, len(uuids), 500):   # below SQLite's bound-parameter limit
            chunk = uuids[start:start + 500]
            clashes.update(self.conn.execute(
                "SELECT DISTINCT r.uuid, p.commune_insee FROM received_proposal r "
                "JOIN received_package p ON p.uuid = r.package_uuid "
                f"WHERE r.uuid IN ({', '.join('?' for _ in chunk)}) AND p.commune_insee != ?",
                [*chunk, commune]).fetchall())
        if clashes:
            listed = ", ".join(f"{uuid} de {commune_label(other, names)}"
                               for uuid, other in sorted(clashes.items()))
            raise ValueError(f"Paquet refusé : {len(clashes)} proposition(s) portent un "
                             "identifiant déjà reçu d'une autre commune : " + listed
                             + ". Rien n'a été importé.")

    def _insert(self, info: PackageInfo, proposals: list[Proposal], file_name: str,
                file_sha256: str, received: str) -> None:
        self.conn.execute(
            f"INSERT INTO received_package ({', '.join(_PACKAGE_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in _PACKAGE_COLUMNS)})",
            (info.uuid, info.commune_insee, info.key_id, info.source_organization,
             info.contact_name, info.contact_email, info.created, received, file_name,
             file_sha256, len(proposals)))
        placeholders = ", ".join("?" for _ in _COLUMNS)
        for proposal in proposals:
            values = [",".join(proposal.communes) if name == "communes"
                      else getattr(proposal, name) for name in _COLUMNS]
            self.conn.execute(
                f"INSERT INTO received_proposal (package_uuid, {', '.join(_COLUMNS)}, geom) "
                f"VALUES (?, {placeholders}, GeomFromWKB(?, 2154))",
                [info.uuid, *values, shapely.to_wkb(proposal.geometry)])

    # -- reading -----------------------------------------------------------------------------

    def packages(self) -> list[dict]:
        """Every package received, most recently received first, with ``stored`` (proposals
        it carried) and ``current`` (of those, how many are the current version)."""
        current: dict[str, int] = {}
        for version in self.current():
            current[version.package_uuid] = current.get(version.package_uuid, 0) + 1
        rows = self.conn.execute(
            f"SELECT {', '.join('p.' + name for name in _PACKAGE_COLUMNS)}, "
            "(SELECT count(*) FROM received_proposal r WHERE r.package_uuid = p.uuid) "
            "FROM received_package p").fetchall()
        packages = [{**dict(zip(_PACKAGE_COLUMNS, row[:-1])), "stored": row[-1],
                     "current": current.get(row[0], 0)} for row in rows]
        packages.sort(key=lambda item: (utc_instant(item["received"]),
                                        utc_instant(item["created"]), item["uuid"]),
                      reverse=True)
        return packages

    def current(self, commune_insee: str | None = None) -> list[ReceivedProposal]:
        """For each proposal uuid, the version from the package built last (ties: received
        last), ordered by commune then proposal creation."""
        query, parameters = _SELECT_VERSIONS, ()
        if commune_insee is not None:
            query, parameters = query + " WHERE p.commune_insee = ?", (commune_insee,)
        latest: dict[str, ReceivedProposal] = {}
        for version in map(_version, self.conn.execute(query, parameters)):
            known = latest.get(version.proposal.uuid)
            if known is None or _order(version) > _order(known):
                latest[version.proposal.uuid] = version
        return sorted(latest.values(), key=lambda item: (item.commune_insee,
                                                         item.proposal.created,
                                                         item.proposal.uuid))

    def versions(self, uuid: str) -> list[ReceivedProposal]:
        """Every version of one proposal received, oldest first."""
        rows = self.conn.execute(_SELECT_VERSIONS + " WHERE r.uuid = ?", (uuid,)).fetchall()
        return sorted(map(_version, rows), key=_order)

    # -- export ------------------------------------------------------------------------------

    def export_geopackage(self, path: str | Path) -> Path:
        """The current proposals as one GeoPackage for QGIS (EPSG:2154), one layer per kind as
        the communes' export, plus provenance columns (PROVENANCE_COLUMNS). Written to a
        temporary file then renamed: a failed export leaves no half-written file."""
        path = Path(path)
        versions = self.current()

        def provenance(positions: list[int]) -> dict[str, list]:
            chosen = [versions[number] for number in positions]
            return {"commune_insee": [item.commune_insee for item in chosen],
                    "paquet_uuid": [item.package_uuid for item in chosen],
                    "cle_id": [item.key_id for item in chosen],
                    "recu_le": [item.received for item in chosen],
                    "paquet_cree_le": [item.package_created for item in chosen]}
        write_geopackage([version.proposal for version in versions], path, provenance)
        return path
