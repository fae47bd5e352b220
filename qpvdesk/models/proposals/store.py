"""The user's proposals in the workspace database: every edit is one SQLite transaction that
also records its undo step, so an edit, its undo history and a half-drawn shape survive a
restart or a crash."""
from __future__ import annotations

import builtins
import json
import uuid as uuid_module
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ..search import normalize
from .geometry import non_finite_message, polygon_from_vertices, translated
from .history import EditHistory, HistoryStep, States
from .proposal import (EDITABLE_FIELDS, SELECT_STATE, Proposal, from_state, now_iso, row_state,
                       to_state, write_state)
from .territory import DerivedFacts, Territory
from .validation import InvalidProposal, Validation, validate
from .vocabulary import EQUIPEMENT, KINDS


@dataclass(frozen=True)
class Draft:
    """A shape being drawn, saved at every vertex so a crash does not lose it."""
    kind: str
    vertices: list[tuple[float, float]]     # EPSG:2154
    updated: str


class ProposalNotFound(LookupError):
    def __init__(self, uuid: str) -> None:
        super().__init__(f"Proposition introuvable : {uuid}")


class ProposalStore:
    def __init__(self, workspace, reference, territory: Territory | None = None) -> None:
        self.workspace = workspace
        self.conn = workspace.conn
        self.territory = territory or Territory(reference)
        self._history = EditHistory(self.conn)

    # -- checks and derived facts (nothing written) --------------------------------------

    def validate(self, kind: str, geometry: BaseGeometry | None,
                 fields: Mapping[str, object]) -> Validation:
        return validate(kind, geometry, fields, self.territory)

    def facts(self, kind: str, geometry: BaseGeometry, qpv_code: str | None = None,
              nature: str | None = None) -> DerivedFacts:
        return self.territory.facts(kind, geometry, qpv_code, nature)

    def facts_of(self, proposal: Proposal) -> DerivedFacts:
        return self.facts(proposal.kind, proposal.geometry, proposal.qpv_code, proposal.nature)

    def suggest_qpv(self, geometry: BaseGeometry) -> str | None:
        """None for a shape with NaN/infinite coordinates; a crossed outline is measured by
        its valid version (overlay operations fail on it)."""
        if non_finite_message(geometry):
            return None
        if not geometry.is_valid:
            geometry = shapely.make_valid(geometry)
        return self.territory.suggest_qpv(geometry)

    def new_proposal(self, kind: str, geometry: BaseGeometry | None,
                     fields: Mapping[str, object], uuid: str | None = None,
                     provenance: str | None = None) -> Proposal:
        """A validated proposal, not yet stored; raises InvalidProposal."""
        validation = self.validate(kind, geometry, fields)
        if not validation.ok:
            raise InvalidProposal(validation)
        stamp = now_iso()
        return Proposal(uuid or str(uuid_module.uuid4()), kind, validation.geometry,
                        **validation.fields,
                        communes=self.territory.commune_codes(validation.geometry),
                        created=stamp, modified=stamp, provenance=provenance)

    # -- reading ---------------------------------------------------------------------------

    def get(self, uuid: str, include_deleted: bool = False) -> Proposal | None:
        row = self.conn.execute(f"{SELECT_STATE} WHERE uuid = ?", (uuid,)).fetchone()
        if row is None:
            return None
        proposal = from_state(row_state(row))
        return proposal if include_deleted or not proposal.deleted else None

    def list(self, kind: str | None = None, commune: str | None = None, qpv: str | None = None,
             status: str | None = None, text: str | None = None,
             include_deleted: bool = False) -> builtins.list[Proposal]:
        """Proposals in creation order; ``commune`` an INSEE code, ``qpv`` a 2024 code,
        ``text`` searched in titles, descriptions, justifications, authors, communes and QPV
        names whatever the accents and case."""
        clauses, parameters = [], []
        for column, value in (("kind", kind), ("status", status), ("qpv_code", qpv)):
            if value:
                clauses.append(f"{column} = ?")
                parameters.append(value)
        if commune:
            clauses.append("',' || communes || ',' LIKE ?")
            parameters.append(f"%,{commune},%")
        if not include_deleted:
            clauses.append("deleted = 0")
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        proposals = [from_state(row_state(row)) for row in self.conn.execute(
            f"{SELECT_STATE}{where} ORDER BY created, rowid", parameters)]
        query = normalize(text or "")
        if not query:
            return proposals
        return [item for item in proposals if query in self._searchable(item)]

    def _searchable(self, proposal: Proposal) -> str:
        names = [self.territory.commune_name(code) for code in proposal.communes]
        if proposal.qpv_code:
            names.append(self.territory.qpv_name(proposal.qpv_code))
        return normalize(" ".join([proposal.title, proposal.description,
                                   proposal.justification, proposal.author, proposal.contact,
                                   *names]))

    def _current(self, uuid: str) -> Proposal:
        proposal = self.get(uuid, include_deleted=True)
        if proposal is None:
            raise ProposalNotFound(uuid)
        return proposal

    # -- editing: one transaction and one undo step per call -------------------------------

    def add(self, kind: str, geometry: BaseGeometry, fields: Mapping[str, object] | None = None,
            *, clear_draft: bool = False, provenance: str | None = None) -> Proposal:
        """Store a new proposal; ``clear_draft`` drops the saved half-drawn shape in the same
        transaction (the shape it came from); ``provenance`` a JSON object saying where it
        comes from. Raises InvalidProposal."""
        proposal = self.new_proposal(kind, geometry, fields or {}, provenance=provenance)
        self._commit(f"Ajout de « {proposal.label} »", [proposal], clear_draft)
        return proposal

    def add_all(self, proposals: Sequence[Proposal], description: str) -> HistoryStep | None:
        """Several proposals made with new_proposal, in one transaction and one undo step."""
        if not proposals:
            return None
        return self._commit(description, proposals)

    def update(self, uuid: str, geometry: BaseGeometry | None = None,
               **fields: object) -> Proposal:
        """Change form fields (names of proposal.EDITABLE_FIELDS) and, when ``geometry`` is
        given, the shape with them: what one form changed is one transaction and one undo
        step, never half applied. Raises InvalidProposal before anything is written."""
        unknown = set(fields) - set(EDITABLE_FIELDS)
        if unknown:
            raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
        current = self._current(uuid)
        merged = {**current.editable_fields(), **fields}
        return self._rewrite(current, current.geometry if geometry is None else geometry,
                             merged, "Modification de « {} »")

    def move(self, uuid: str, dx: float, dy: float) -> Proposal:
        """Translate by (dx, dy) metres."""
        current = self._current(uuid)
        return self._rewrite(current, translated(current.geometry, dx, dy),
                             current.editable_fields(), "Déplacement de « {} »")

    def edit_vertices(self, uuid: str, vertices: Sequence[Sequence[float]]) -> Proposal:
        """Replace the shape by these vertices (one for a point; the outer ring, open or
        closed, for a polygon). A vertex drag, insertion or deletion is one call."""
        current = self._current(uuid)
        shape = (Point(vertices[0]) if current.kind == EQUIPEMENT
                 else polygon_from_vertices(vertices))
        return self._rewrite(current, shape, current.editable_fields(),
                             "Modification des sommets de « {} »")

    def reshape(self, uuid: str, geometry: BaseGeometry) -> Proposal:
        """Replace the shape, e.g. by the repaired one validation offered."""
        current = self._current(uuid)
        return self._rewrite(current, geometry, current.editable_fields(),
                             "Modification de la forme de « {} »")

    def delete(self, uuid: str) -> Proposal:
        """Hide a proposal; undo (or restore) brings it back."""
        return self._flag(uuid, True, "Suppression de « {} »")

    def restore(self, uuid: str) -> Proposal:
        return self._flag(uuid, False, "Restauration de « {} »")

    def _flag(self, uuid: str, deleted: bool, description: str) -> Proposal:
        proposal = replace(self._current(uuid), deleted=deleted, modified=now_iso())
        self._commit(description.format(proposal.label), [proposal])
        return proposal

    def _rewrite(self, current: Proposal, geometry: BaseGeometry,
                 fields: Mapping[str, object], description: str) -> Proposal:
        if current.deleted:
            raise ProposalNotFound(current.uuid)
        fresh = self.new_proposal(current.kind, geometry, fields, current.uuid,
                                  current.provenance)
        proposal = replace(fresh, created=current.created)
        self._commit(description.format(proposal.label), [proposal])
        return proposal

    def _commit(self, description: str, proposals: Iterable[Proposal],
                clear_draft: bool = False) -> HistoryStep:
        after: States = {proposal.uuid: to_state(proposal) for proposal in proposals}
        with self.workspace.transaction():
            before: States = {}
            for uuid in after:
                row = self.conn.execute(f"{SELECT_STATE} WHERE uuid = ?", (uuid,)).fetchone()
                before[uuid] = row_state(row) if row else None
            self._apply(after)
            if clear_draft:
                self.conn.execute("DELETE FROM draft")
            return self._history.record(description, before, after)

    def _apply(self, states: States) -> None:
        for uuid, state in states.items():
            if state is None:
                self.conn.execute("DELETE FROM proposal WHERE uuid = ?", (uuid,))
            else:
                write_state(self.conn, state)

    # -- undo / redo -------------------------------------------------------------------------

    def undo(self) -> HistoryStep | None:
        """Revert the last applied step; None when there is nothing to undo."""
        return self._travel(self._history.take_undo)

    def redo(self) -> HistoryStep | None:
        """Apply again the step after the current one; None when there is none."""
        return self._travel(self._history.take_redo)

    def _travel(self, take: Callable[[], tuple[HistoryStep, States] | None]
                ) -> HistoryStep | None:
        with self.workspace.transaction():
            taken = take()
            if taken is None:
                return None
            step, states = taken
            self._apply(states)
            return step

    def go_to(self, seq: int) -> builtins.list[HistoryStep]:
        """Undo or redo until ``seq`` is the last applied step (0: before every step)."""
        steps = []
        while self._history.position() > seq and (step := self.undo()) is not None:
            steps.append(step)
        while self._history.position() < seq and (step := self.redo()) is not None:
            steps.append(step)
        return steps

    def history(self) -> builtins.list[tuple[int, str, bool]]:
        """(seq, French description, is_current) oldest first."""
        return self._history.steps()

    def undo_text(self) -> str | None:
        return self._history.peek()[0]

    def redo_text(self) -> str | None:
        return self._history.peek()[1]

    # -- the half-drawn shape -------------------------------------------------------------

    def save_draft(self, kind: str, vertices: Sequence[Sequence[float]]) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown proposal kind {kind!r}")
        points = [[float(x), float(y)] for x, y in vertices]
        with self.workspace.transaction():
            self.conn.execute(
                "INSERT INTO draft VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "kind = excluded.kind, vertices = excluded.vertices, updated = excluded.updated",
                (kind, json.dumps(points), now_iso()))

    def draft(self) -> Draft | None:
        row = self.conn.execute("SELECT kind, vertices, updated FROM draft").fetchone()
        if row is None:
            return None
        return Draft(row[0], [(x, y) for x, y in json.loads(row[1])], row[2])

    def clear_draft(self) -> None:
        with self.workspace.transaction():
            self.conn.execute("DELETE FROM draft")
