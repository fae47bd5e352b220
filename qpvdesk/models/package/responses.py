"""The commune's side: the agglomeration's signed responses, and what became of each of the
commune's proposals. Qt-free.

Every response accepted is recorded (``received_response``) with the state of every proposal
it speaks of (``response_decision``): nothing is overwritten or deleted. The current state of
a proposal is the one of the response the agglomeration built last (ties: imported last, then
uuid), so an older response imported after a newer one never overrides it.
"""
from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass, field

import shapely

from ..decisions_vocabulary import summary_text
from ..proposals.proposal import now_iso
from .communes import CommuneNames, commune_label
from .info import ResponseInfo
from .received import checked_instant, utc_instant
from .response import ProposalState
from .response_states import STATE_COLUMNS, current_states, state_history, states_with_order

_RESPONSE_COLUMNS = ("uuid", "epci_siren", "commune_insee", "key_id", "source_organization",
                     "contact_name", "contact_email", "created", "received", "file_name",
                     "file_sha256", "proposal_count")
_MAX_LISTED = 3


@dataclass(frozen=True)
class ResponseOutcome:
    already_imported: bool
    states: list[ProposalState] = field(default_factory=list)   # what the response says
    changed: list[str] = field(default_factory=list)     # proposals whose state is new
    unchanged: list[str] = field(default_factory=list)
    # proposals for which a newer response was already imported: kept in the history only
    outdated: list[str] = field(default_factory=list)
    previously_received: str | None = None

    def summary(self) -> str:
        """One French paragraph for the user."""
        if self.already_imported:
            when = f" le {_french_date(self.previously_received)}" \
                if self.previously_received else ""
            return f"Cette réponse a déjà été importée{when} : rien n'a changé."
        counts: dict[str, int] = {}
        for state in self.states:
            counts[state.decision] = counts.get(state.decision, 0) + 1
        text = f"{summary_text(counts)}."
        parts = []
        for count, singular, plural in (
                (len(self.changed), "décision nouvelle", "décisions nouvelles"),
                (len(self.unchanged), "inchangée", "inchangées"),
                (len(self.outdated), "déjà décrite par une réponse plus récente, gardée dans "
                                     "l'historique sans rien changer",
                 "déjà décrites par une réponse plus récente, gardées dans l'historique sans "
                 "rien changer")):
            if count:
                parts.append(f"{count} {singular if count == 1 else plural}")
        return text + (" " + ", ".join(parts).capitalize() + "." if parts else "")


def _french_date(iso: str) -> str:
    try:
        moment = utc_instant(iso).astimezone()
    except ValueError:
        return iso
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year}"


class ResponseStore:
    """The responses a commune received from its agglomeration."""

    def __init__(self, workspace) -> None:
        self.workspace = workspace
        self.conn = workspace.conn

    def accept(self, info: ResponseInfo, states: Sequence[ProposalState], file_name: str,
               file_sha256: str, commune_insee: str, received: str | None = None,
               names: CommuneNames | None = None) -> ResponseOutcome:
        """Record a verified response to ``commune_insee`` (the commune of this workspace),
        in one transaction. Idempotent (same uuid or same file). Raises ValueError (French),
        writing nothing, for a response to another commune or one that names proposals this
        commune never sent."""
        states = list(states)
        received = checked_instant(received or now_iso(), "La date d'import")
        if info.commune_insee != commune_insee:
            raise ValueError(f"Réponse refusée : elle est destinée à "
                             f"{commune_label(info.commune_insee, names)}, pas à votre commune, "
                             f"{commune_label(commune_insee, names)}. Rien n'a été importé.")
        if info.proposal_count != len(states):
            raise ValueError(f"La réponse annonce {info.proposal_count} proposition(s) mais en "
                             f"décrit {len(states)}.")
        with self.workspace.transaction():
            earlier = self.conn.execute(
                "SELECT received FROM received_response WHERE uuid = ? OR file_sha256 = ? "
                "ORDER BY received LIMIT 1", (info.uuid, file_sha256)).fetchone()
            if earlier:
                return ResponseOutcome(True, previously_received=earlier[0])
            self._refuse_unknown([state.proposal_uuid for state in states])
            before = self._current_with_order()
            order = (utc_instant(info.created), utc_instant(received), info.uuid)
            changed, unchanged, outdated = [], [], []
            for state in states:
                known = before.get(state.proposal_uuid)
                if known is not None and known[1] > order:
                    outdated.append(state.proposal_uuid)
                elif known is not None and _same(known[0], state):
                    unchanged.append(state.proposal_uuid)
                else:
                    changed.append(state.proposal_uuid)
            self._insert(info, states, file_name, file_sha256, received)
        return ResponseOutcome(False, states, changed, unchanged, outdated)

    def _refuse_unknown(self, uuids: list[str]) -> None:
        known: set[str] = set()
        for start in range(0, len(uuids), 500):   # below SQLite's bound-parameter limit
            chunk = uuids[start:start + 500]
            known.update(row[0] for row in self.conn.execute(
                f"SELECT uuid FROM proposal WHERE uuid IN ({', '.join('?' for _ in chunk)})",
                chunk))
        unknown = [uuid for uuid in uuids if uuid not in known]
        if unknown:
            listed = ", ".join(unknown[:_MAX_LISTED]) + (" …" if len(unknown) > _MAX_LISTED
                                                          else "")
            raise ValueError(f"Réponse refusée : elle cite {len(unknown)} proposition(s) que "
                             f"cette commune n'a jamais envoyée(s) ({listed}). Rien n'a été "
                             "importé.")

    def _insert(self, info: ResponseInfo, states: list[ProposalState], file_name: str,
                file_sha256: str, received: str) -> None:
        self.conn.execute(
            f"INSERT INTO received_response ({', '.join(_RESPONSE_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in _RESPONSE_COLUMNS)})",
            (info.uuid, info.epci_siren, info.commune_insee, info.key_id,
             info.source_organization, info.contact_name, info.contact_email, info.created,
             received, file_name, file_sha256, len(states)))
        columns = ", ".join(column for _, column in STATE_COLUMNS)
        for state in states:
            geometry = shapely.to_wkb(state.geometry) if state.geometry is not None else None
            self.conn.execute(
                f"INSERT INTO response_decision (response_uuid, {columns}, geom) VALUES (?, "
                f"{', '.join('?' for _ in STATE_COLUMNS)}, GeomFromWKB(?, 2154))",
                [info.uuid, *(getattr(state, name) for name, _ in STATE_COLUMNS), geometry])

    # -- reading -----------------------------------------------------------------------------

    def _current_with_order(self) -> dict[str, tuple[ProposalState, tuple]]:
        return states_with_order(self.conn)

    def current(self) -> dict[str, ProposalState]:
        """The current state of each proposal a response spoke of (response_states)."""
        return current_states(self.conn)

    def history(self, proposal_uuid: str) -> builtins.list[ProposalState]:
        """What every response said of one proposal, oldest response first."""
        return state_history(self.conn, proposal_uuid)

    def responses(self) -> builtins.list[dict]:
        """Every response imported, the most recently built first."""
        rows = self.conn.execute(f"SELECT {', '.join(_RESPONSE_COLUMNS)} FROM "
                                 "received_response").fetchall()
        found = [dict(zip(_RESPONSE_COLUMNS, row)) for row in rows]
        found.sort(key=lambda item: (utc_instant(item["created"]), utc_instant(item["received"]),
                                     item["uuid"]), reverse=True)
        return found


def _same(first: ProposalState, second: ProposalState) -> bool:
    def content(state: ProposalState) -> tuple:
        geometry = None if state.geometry is None else shapely.to_wkb(state.geometry, hex=True,
                                                                       byte_order=1)
        return (*(getattr(state, name) for name, _ in STATE_COLUMNS), geometry)
    return content(first) == content(second)
