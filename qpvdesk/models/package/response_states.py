"""What the agglomeration's responses say of the commune's proposals, read from the workspace:
the current state of each proposal and its history. Light enough for the window's start (the
proposals list and map show the decisions): no package machinery. Qt-free."""
from __future__ import annotations

import shapely

from .instants import utc_instant
from .response import ProposalState

# (ProposalState attribute, response_decision column)
STATE_COLUMNS = (("proposal_uuid", "proposal_uuid"), ("package_uuid", "package_uuid"),
                 ("package_received", "package_received"), ("decision", "decision"),
                 ("motif", "motif"), ("decision_uuid", "decision_uuid"),
                 ("decision_version", "decision_version"), ("decided_by", "decided_by"),
                 ("decided_at", "decided_at"))
SELECT_STATES = (
    f"SELECT {', '.join('d.' + column for _, column in STATE_COLUMNS)}, AsBinary(d.geom), "
    "r.uuid, r.created, r.received FROM response_decision d "
    "JOIN received_response r ON r.uuid = d.response_uuid")


def stored_state(row) -> tuple[ProposalState, tuple]:
    """A stored state, and the order of its response (oldest first)."""
    values = dict(zip((name for name, _ in STATE_COLUMNS), row[:len(STATE_COLUMNS)]))
    geometry, response_uuid, created, received = row[len(STATE_COLUMNS):]
    values["motif"] = values["motif"] or ""
    values["decided_by"] = values["decided_by"] or ""
    state = ProposalState(kind="", title="", **values,
                          geometry=shapely.from_wkb(geometry) if geometry else None)
    return state, (utc_instant(created), utc_instant(received), response_uuid)


def states_with_order(conn) -> dict[str, tuple[ProposalState, tuple]]:
    """The latest state of each proposal a response spoke of, with its response's order."""
    latest: dict[str, tuple[ProposalState, tuple]] = {}
    for state, order in map(stored_state, conn.execute(SELECT_STATES)):
        known = latest.get(state.proposal_uuid)
        if known is None or order > known[1]:
            latest[state.proposal_uuid] = (state, order)
    return latest


def current_states(conn) -> dict[str, ProposalState]:
    """The current state of each proposal a response spoke of, by proposal uuid (from the
    response built last). ``kind`` and ``title`` are left empty: the commune's own proposal
    says them."""
    return {uuid: state for uuid, (state, _) in states_with_order(conn).items()}


def state_history(conn, proposal_uuid: str) -> list[ProposalState]:
    """What every response said of one proposal, oldest response first."""
    rows = conn.execute(SELECT_STATES + " WHERE d.proposal_uuid = ?", (proposal_uuid,))
    return [state for state, _ in sorted(map(stored_state, rows), key=lambda item: item[1])]
