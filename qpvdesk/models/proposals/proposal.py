"""A proposal as the app handles it, and its state as stored (workspace row, undo payload)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime

import shapely
from shapely.geometry.base import BaseGeometry

from .vocabulary import KINDS, PERIMETRE

_REQUESTS = {"ajout": "Demande d'ajout", "retrait": "Demande de retrait"}

# What the form edits; everything else is identity, geometry or derived.
EDITABLE_FIELDS = ("title", "description", "category", "status", "horizon_year", "qpv_code",
                   "knowledge_source", "nature", "justification", "author", "contact")


@dataclass(frozen=True)
class Proposal:
    uuid: str
    kind: str                       # vocabulary.EQUIPEMENT | QUARTIER_VECU | PERIMETRE
    geometry: BaseGeometry          # EPSG:2154; Point for equipment, Polygon otherwise
    title: str = ""
    description: str = ""
    category: str | None = None     # code, see vocabulary.CATEGORIES
    status: str | None = None       # code, see vocabulary.STATUSES
    horizon_year: int | None = None
    qpv_code: str | None = None     # 2024 code (QN062xxM)
    knowledge_source: str | None = None
    nature: str | None = None       # 'ajout' | 'retrait'
    justification: str = ""
    author: str = ""
    contact: str = ""
    communes: tuple[str, ...] = ()  # INSEE codes derived from the geometry
    created: str = ""               # ISO 8601 with time zone
    modified: str = ""
    deleted: bool = False
    # Where it comes from, a JSON object (e.g. the residents' workshop that agreed on it);
    # None for a proposal drawn by hand. Not edited by the form.
    provenance: str | None = None

    @property
    def label(self) -> str:
        """What a list shows: the title, or for an untitled perimeter request its nature."""
        if self.title:
            return self.title
        if self.kind == PERIMETRE and self.nature:
            return f"{_REQUESTS[self.nature]} — {self.qpv_code}"
        return KINDS.get(self.kind, self.kind)

    def editable_fields(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


# Columns of the proposal table other than geom, in a fixed order.
COLUMNS = tuple(field.name for field in fields(Proposal) if field.name != "geometry")


def now_iso() -> str:
    """The local time with its offset, to the second: 2026-11-22T10:04:31+01:00."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def to_state(proposal: Proposal) -> dict[str, object]:
    """A JSON-able dict of every column; the geometry as hex WKB, which round-trips exactly."""
    state = asdict(proposal)
    state["geometry"] = shapely.to_wkb(proposal.geometry, hex=True)
    state["communes"] = ",".join(proposal.communes)
    state["deleted"] = int(proposal.deleted)
    return _hand_drawn_as_before(state)


def _hand_drawn_as_before(state: dict[str, object]) -> dict[str, object]:
    """A proposal drawn by hand (no provenance) has the state every qpvdesk wrote before
    workshops, which a workspace of that schema takes too; a provenance never changes once
    stored, so leaving it out never leaves an older one in place."""
    if state.get("provenance") is None:
        state.pop("provenance", None)
    return state


def from_state(state: dict[str, object]) -> Proposal:
    values = dict(state)
    values["geometry"] = shapely.from_wkb(values["geometry"])
    values["communes"] = tuple(code for code in str(values["communes"] or "").split(",") if code)
    values["deleted"] = bool(values["deleted"])
    return Proposal(**values)


SELECT_STATE = f"SELECT {', '.join(COLUMNS)}, Hex(AsBinary(geom)) FROM proposal"


def row_state(row) -> dict[str, object]:
    """The state of a row selected with SELECT_STATE."""
    return _hand_drawn_as_before({**dict(zip(COLUMNS, row[:-1])), "geometry": row[-1]})


def write_state(conn, state: dict[str, object]) -> None:
    """Insert or update one proposal row (an upsert, so the spatial index triggers run).
    Only the columns the state holds: undo steps recorded before a column existed lack it."""
    names = [name for name in COLUMNS if name in state]
    columns = ", ".join(names)
    placeholders = ", ".join("?" for _ in names)
    updates = ", ".join(f"{name} = excluded.{name}" for name in names if name != "uuid")
    conn.execute(
        f"INSERT INTO proposal ({columns}, geom) VALUES ({placeholders}, "
        f"GeomFromWKB(?, 2154)) ON CONFLICT(uuid) DO UPDATE SET {updates}, geom = excluded.geom",
        [*(state[name] for name in names), bytes.fromhex(str(state["geometry"]))])
