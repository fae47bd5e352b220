"""The agglomeration's decisions on the proposals received from its communes. Qt-free.

Each received proposal goes through decisions: « Reçue », « À l'étude », « Retenue »,
« Retenue avec modifications », « Non retenue » (codes in ``DECISIONS``). The last three need
a motif; « Retenue avec modifications » may carry a modified geometry. Every decision says who
decided and when. Decisions are an append-only history: a later decision supersedes the
latest one, nothing is ever overwritten or deleted. A proposal without any decision is
« reçue ».

Schema (workspace v5, table ``decision``; the PostGIS store mirrors it column for column):

    column         type                 value
    uuid           TEXT PRIMARY KEY     this decision's own id: a UUID in lower case with
                                        hyphens, new for every decision
    proposal_uuid  TEXT NOT NULL        the proposal decided on (received_proposal.uuid, the
                                        proposal's own uuid, the same in every package)
    package_uuid   TEXT NOT NULL        the received package whose version of the proposal
                                        was decided on (received_package.uuid); not a foreign
                                        key: decisions merged from colleagues may concern a
                                        package this workspace has not received
    version        INTEGER NOT NULL     1 for a proposal's first decision, then the version of
                                        the decision it supersedes + 1
    supersedes     TEXT                 uuid of the decision it replaces; NULL exactly when
                                        version is 1
    decision       TEXT NOT NULL        recue | a_l_etude | retenue | retenue_modifiee |
                                        non_retenue
    motif          TEXT NOT NULL ''     why (at most 2,000 characters); not blank for
                                        retenue, retenue_modifiee and non_retenue
    decided_by     TEXT NOT NULL        who decided: the workspace identity's contact name
                                        (at most 120 characters, not blank)
    decided_at     TEXT NOT NULL        when: ISO 8601 date and time with its UTC offset,
                                        to the second (2026-12-04T15:20:00+01:00)
    geom           GEOMETRY, 2154, XY   the modified geometry of a retenue_modifiee (a Point
                   nullable             for an equipement, a Polygon or MultiPolygon for the
                                        others), NULL otherwise

Triggers refuse any UPDATE or DELETE (``decision_append_only_update`` / ``_delete``). Index
``decision_by_proposal (proposal_uuid, version)``.

The latest decision of a proposal is the one with the highest version; two decisions of the
same version (two officers deciding at once, merged later) are ordered by ``decided_at`` as
an instant, then by uuid, so every copy of the history agrees on the latest one.
"""
from __future__ import annotations

import getpass
import uuid as uuid_module
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from shapely.geometry.base import BaseGeometry

from .decisions_vocabulary import (A_L_ETUDE, DECISIONS, MAX_DECIDED_BY, MAX_MOTIF,  # noqa: F401
                                   MOTIF_REQUIRED, NON_RETENUE, RECUE, RETENUE,
                                   RETENUE_MODIFIEE, InvalidDecision, counts_text,
                                   decision_code, summary_text)
from .package.received import (ConsolidatedStore, ReceivedProposal, checked_instant,
                               utc_instant)
from .package.response import ProposalState
from .proposals.geometry import non_finite_message
from .proposals.proposal import Proposal, now_iso
from .proposals.validation import Validation, validate

if TYPE_CHECKING:
    from .proposals.territory import Territory

_COLUMNS = ("uuid", "proposal_uuid", "package_uuid", "version", "supersedes", "decision",
            "motif", "decided_by", "decided_at")
_SELECT = f"SELECT {', '.join(_COLUMNS)}, AsBinary(geom) FROM decision"


@dataclass(frozen=True)
class Decision:
    uuid: str
    proposal_uuid: str
    package_uuid: str
    version: int
    supersedes: str | None
    decision: str                   # a code of DECISIONS
    motif: str
    decided_by: str
    decided_at: str                 # ISO 8601 with UTC offset
    geometry: BaseGeometry | None = None   # EPSG:2154, retenue_modifiee only

    @property
    def label(self) -> str:
        return DECISIONS[self.decision]

    def order(self) -> tuple:
        """Oldest first; the last is the latest decision of its proposal."""
        return (self.version, utc_instant(self.decided_at), self.uuid)

    def content(self) -> tuple:
        """What makes two copies of a decision the same one."""
        geometry = None if self.geometry is None else shapely.to_wkb(
            self.geometry, hex=True, byte_order=1)
        return (*(getattr(self, name) for name in _COLUMNS), geometry)


@dataclass(frozen=True)
class CommuneSummary:
    """How many of a commune's received proposals stand at each decision (the latest one;
    none counts as « reçue »)."""
    commune_insee: str
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def text(self, names: Mapping[str, str] | None = None) -> str:
        """« Liévin : 12 propositions — 5 reçues, 5 retenues, 2 non retenues »: every
        proposal received, then how many stand at each decision (summary_text)."""
        name = (names or {}).get(self.commune_insee, self.commune_insee)
        return f"{name} : {summary_text(self.counts)}"


def default_decider(identity) -> str:
    """Who decides when nobody says: the workspace identity's contact name, else the
    computer's login name."""
    name = " ".join((identity.contact_name or "").split())
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):   # no login name (a container without passwd entry)
        return ""


def check_modified_geometry(proposal: Proposal, geometry: BaseGeometry,
                            territory: Territory) -> Validation:
    """A modified geometry passes the checks of a proposal of its kind (point or polygon,
    finite coordinates, an outline crossing itself refused with its corrected shape in
    ``repaired``, a perimeter request touching its QPV); only the shape's problems count,
    the proposal's fields are the commune's."""
    validation = validate(proposal.kind, geometry, proposal.editable_fields(), territory)
    validation.errors = [problem for problem in validation.errors
                         if problem.field in ("geometry", "kind")]
    return validation


def _clean_text(value: str, what: str, limit: int) -> str:
    text = (value or "").strip()
    if any(ord(character) < 32 and character not in "\t\n\r" for character in text):
        raise InvalidDecision(f"{what} contient un caractère de contrôle (caractère nul ou "
                              "invisible) : retirez-le.")
    if len(text) > limit:
        raise InvalidDecision(f"{what} ne doit pas dépasser {limit} caractères (il en a "
                              f"{len(text)}).")
    return text


def _checked(decision: Decision) -> Decision:
    """A decision's own rules (not its place in a history); InvalidDecision otherwise."""
    code = decision_code(decision.decision)
    motif = _clean_text(decision.motif, "Le motif", MAX_MOTIF)
    if code in MOTIF_REQUIRED and not motif:
        raise InvalidDecision(f"Un motif est obligatoire pour la décision « {DECISIONS[code]} » : "
                              "dites pourquoi, la commune le lira.")
    decided_by = _clean_text(decision.decided_by, "« Décidé par »", MAX_DECIDED_BY)
    if not decided_by:
        raise InvalidDecision("Qui décide ? Le nom de la personne qui décide est obligatoire.")
    try:
        checked_instant(decision.decided_at, "La date de la décision")
    except ValueError as error:
        raise InvalidDecision(str(error)) from None
    if decision.geometry is not None and code != RETENUE_MODIFIEE:
        raise InvalidDecision("Une géométrie modifiée n'accompagne qu'une décision « Retenue "
                              "avec modifications ».")
    if decision.geometry is not None and (decision.geometry.is_empty
                                          or non_finite_message(decision.geometry)):
        raise InvalidDecision(non_finite_message(decision.geometry)
                              or "La géométrie modifiée est vide.")
    if decision.version < 1 or (decision.supersedes is None) != (decision.version == 1):
        raise InvalidDecision("Historique de décisions incohérent (version et décision "
                              "remplacée).")
    return Decision(decision.uuid, decision.proposal_uuid, decision.package_uuid,
                    decision.version, decision.supersedes, code, motif, decided_by,
                    decision.decided_at, decision.geometry)


def _row(row) -> Decision:
    values = dict(zip(_COLUMNS, row[:len(_COLUMNS)]))
    geometry = shapely.from_wkb(row[-1]) if row[-1] is not None else None
    return Decision(**values, geometry=geometry)


def latest_of(decisions: Iterable[Decision]) -> dict[str, Decision]:
    """The latest decision of each proposal among ``decisions``, by proposal uuid."""
    latest: dict[str, Decision] = {}
    for decision in decisions:
        known = latest.get(decision.proposal_uuid)
        if known is None or decision.order() > known.order():
            latest[decision.proposal_uuid] = decision
    return latest


class DecisionStore:
    """The decisions of the workspace, on the proposals of its ConsolidatedStore."""

    def __init__(self, workspace) -> None:
        self.workspace = workspace
        self.conn = workspace.conn
        self.received = ConsolidatedStore(workspace)

    # -- deciding ----------------------------------------------------------------------------

    def decide(self, proposal_uuid: str, decision: str, motif: str = "",
               decided_by: str = "", geometry: BaseGeometry | None = None,
               territory: Territory | None = None,
               decided_at: str | None = None) -> Decision:
        """Record a new decision on a received proposal, superseding its latest one, in one
        transaction. ``geometry`` (retenue_modifiee only) is checked like a proposal's shape
        against ``territory``. Raises InvalidDecision (French), writing nothing."""
        code = decision_code(decision)
        if geometry is not None and code == RETENUE_MODIFIEE:
            if territory is None:
                raise ValueError("a modified geometry is checked against a territory")
            versions = self.received.versions(proposal_uuid)
            if versions:
                validation = check_modified_geometry(versions[-1].proposal, geometry, territory)
                if not validation.ok:
                    raise InvalidDecision(" ".join(validation.messages()),
                                          validation.repaired)
                geometry = validation.geometry
        draft = _checked(Decision(str(uuid_module.uuid4()), proposal_uuid, "", 1, None, code,
                                  motif, decided_by, decided_at or now_iso(), geometry))
        with self.workspace.transaction():
            versions = self.received.versions(proposal_uuid)
            if not versions:
                raise InvalidDecision(f"Proposition inconnue : {proposal_uuid[:40]} n'a été "
                                      "reçue d'aucune commune.")
            previous = self.latest([proposal_uuid]).get(proposal_uuid)
            chosen = Decision(draft.uuid, proposal_uuid, versions[-1].package_uuid,
                              previous.version + 1 if previous else 1,
                              previous.uuid if previous else None, draft.decision,
                              draft.motif, draft.decided_by, draft.decided_at, draft.geometry)
            self._insert(chosen)
        return chosen

    def record(self, decisions: Iterable[Decision]) -> int:
        """Add decisions made elsewhere (a colleague's, from the shared store), as they are,
        in one transaction: a decision already here with the same content is skipped, one
        with the same uuid but another content refused (ValueError), nothing written then.
        Returns how many were added."""
        checked = [_checked(item) for item in decisions]
        added = 0
        with self.workspace.transaction():
            for decision in sorted(checked, key=Decision.order):
                known = self.conn.execute(f"{_SELECT} WHERE uuid = ?",
                                          (decision.uuid,)).fetchone()
                if known is not None:
                    if _row(known).content() != decision.content():
                        raise ValueError(f"La décision {decision.uuid} existe déjà ici avec un "
                                         "autre contenu : rien n'a été ajouté.")
                    continue
                self._insert(decision)
                added += 1
        return added

    def _insert(self, decision: Decision) -> None:
        geometry = None if decision.geometry is None else shapely.to_wkb(decision.geometry)
        self.conn.execute(
            f"INSERT INTO decision ({', '.join(_COLUMNS)}, geom) VALUES "
            f"({', '.join('?' for _ in _COLUMNS)}, GeomFromWKB(?, 2154))",
            [*(getattr(decision, name) for name in _COLUMNS), geometry])

    # -- reading -----------------------------------------------------------------------------

    def all(self) -> list[Decision]:
        """Every decision, oldest first."""
        return sorted(map(_row, self.conn.execute(_SELECT)), key=Decision.order)

    def history(self, proposal_uuid: str) -> list[Decision]:
        """The decisions of one proposal, oldest first (the last is the latest)."""
        rows = self.conn.execute(f"{_SELECT} WHERE proposal_uuid = ?", (proposal_uuid,))
        return sorted(map(_row, rows), key=Decision.order)

    def latest(self, proposal_uuids: Sequence[str] | None = None) -> dict[str, Decision]:
        """The latest decision of each proposal (of the given ones, or all), by uuid; a
        proposal without any decision is absent (it is « reçue »)."""
        if proposal_uuids is None:
            return latest_of(map(_row, self.conn.execute(_SELECT)))
        found: list[Decision] = []
        uuids = list(proposal_uuids)
        for start in range(0, len(uuids), 500):   # below SQLite's bound-parameter limit
            chunk = uuids[start:start + 500]
            found += map(_row, self.conn.execute(
                f"{_SELECT} WHERE proposal_uuid IN ({', '.join('?' for _ in chunk)})", chunk))
        return latest_of(found)

    def state(self, proposal_uuid: str) -> str:
        """The code of the latest decision; RECUE when there is none."""
        latest = self.latest([proposal_uuid]).get(proposal_uuid)
        return latest.decision if latest else RECUE

    def summary_by_commune(self) -> list[CommuneSummary]:
        """For each commune that sent proposals, the count of its current proposals by their
        latest decision (none counts as « reçue »), by INSEE code."""
        latest = self.latest()
        counts: dict[str, dict[str, int]] = {}
        for version in self.received.current():
            state = latest[version.proposal.uuid].decision \
                if version.proposal.uuid in latest else RECUE
            by_state = counts.setdefault(version.commune_insee, {})
            by_state[state] = by_state.get(state, 0) + 1
        return [CommuneSummary(code, counts[code]) for code in sorted(counts)]

    def response_states(self, commune_insee: str) -> list[tuple[ReceivedProposal,
                                                               ProposalState]]:
        """What a response to ``commune_insee`` says: each of its current proposals, as
        received, with its state (the latest decision, or « reçue »)."""
        versions = self.received.current(commune_insee)
        latest = self.latest([version.proposal.uuid for version in versions])
        states = []
        for version in versions:
            proposal = version.proposal
            state = ProposalState(proposal.uuid, proposal.kind, proposal.label,
                                  version.package_uuid, version.received)
            decision = latest.get(proposal.uuid)
            if decision is not None:
                state = ProposalState(
                    proposal.uuid, proposal.kind, proposal.label, decision.package_uuid,
                    self._received_on(decision.package_uuid, version), decision.decision,
                    decision.motif, decision.decided_by, decision.decided_at, decision.uuid,
                    decision.version, decision.geometry)
            states.append((version, state))
        return states

    def _received_on(self, package_uuid: str, version: ReceivedProposal) -> str:
        if package_uuid == version.package_uuid:
            return version.received
        row = self.conn.execute("SELECT received FROM received_package WHERE uuid = ?",
                                (package_uuid,)).fetchone()
        return row[0] if row else version.received

