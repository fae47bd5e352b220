"""The undo/redo stack, kept in the workspace so it survives a restart or a crash.

Each step stores, as JSON, the states of the proposals it touched before and after it (None
for a proposal that did not exist). ``edit_cursor.position`` is the seq of the last applied
step (0: none); undo applies that step's "before" states, redo the next step's "after" states.
Every method expects the caller to hold the workspace transaction.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from .proposal import now_iso

MAX_STEPS = 1000
States = dict[str, dict | None]     # proposal uuid -> state (proposal.to_state) or None


@dataclass(frozen=True)
class HistoryStep:
    seq: int
    description: str                # French: « Ajout de « École Jean Macé » »
    uuids: tuple[str, ...]          # the proposals it touched


@dataclass(frozen=True)
class _Stored:
    step: HistoryStep
    undo: States
    redo: States


class EditHistory:
    def __init__(self, conn) -> None:
        self.conn = conn

    def position(self) -> int:
        return self.conn.execute("SELECT position FROM edit_cursor").fetchone()[0]

    def _set_position(self, seq: int) -> None:
        self.conn.execute("UPDATE edit_cursor SET position = ?", (seq,))

    def record(self, description: str, before: States, after: States) -> HistoryStep:
        """A new step after the current one; the steps that could be redone are dropped."""
        position = self.position()
        self.conn.execute("DELETE FROM edit_history WHERE seq > ?", (position,))
        seq = position + 1
        self.conn.execute("INSERT INTO edit_history VALUES (?, ?, ?, ?, ?)",
                          (seq, description, json.dumps(before), json.dumps(after), now_iso()))
        self.conn.execute("DELETE FROM edit_history WHERE seq <= ?", (seq - MAX_STEPS,))
        self._set_position(seq)
        return HistoryStep(seq, description, tuple(after))

    def _load(self, where: str, order: str, position: int) -> _Stored | None:
        row = self.conn.execute(
            f"SELECT seq, description, undo, redo FROM edit_history WHERE {where} "
            f"ORDER BY seq {order} LIMIT 1", (position,)).fetchone()
        if row is None:
            return None
        undo, redo = json.loads(row[2]), json.loads(row[3])
        return _Stored(HistoryStep(row[0], row[1], tuple(redo)), undo, redo)

    def take_undo(self) -> tuple[HistoryStep, States] | None:
        """The step to undo and the states to write back; the cursor moves before it."""
        stored = self._load("seq <= ?", "DESC", self.position())
        if stored is None:
            return None
        previous = self.conn.execute("SELECT max(seq) FROM edit_history WHERE seq < ?",
                                     (stored.step.seq,)).fetchone()[0]
        self._set_position(previous or 0)
        return stored.step, stored.undo

    def take_redo(self) -> tuple[HistoryStep, States] | None:
        stored = self._load("seq > ?", "ASC", self.position())
        if stored is None:
            return None
        self._set_position(stored.step.seq)
        return stored.step, stored.redo

    def peek(self) -> tuple[str | None, str | None]:
        """Descriptions of the step undo would revert and of the one redo would apply."""
        position = self.position()
        undo = self.conn.execute("SELECT description FROM edit_history WHERE seq <= ? "
                                 "ORDER BY seq DESC LIMIT 1", (position,)).fetchone()
        redo = self.conn.execute("SELECT description FROM edit_history WHERE seq > ? "
                                 "ORDER BY seq LIMIT 1", (position,)).fetchone()
        return (undo[0] if undo else None, redo[0] if redo else None)

    def steps(self) -> list[tuple[int, str, bool]]:
        """(seq, description, is_current) oldest first; is_current marks the last applied."""
        position = self.position()
        return [(seq, description, seq == position) for seq, description in self.conn.execute(
            "SELECT seq, description FROM edit_history ORDER BY seq")]
