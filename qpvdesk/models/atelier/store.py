"""Workshops in the workspace database. Every contribution is one SQLite transaction,
committed at once (WAL): a killed process loses nothing that was committed, and a workshop
is resumed where it stopped. Undo removes the current participant's last contribution, in
one transaction too."""
from __future__ import annotations

import uuid as uuid_module
from collections.abc import Sequence

import shapely
from shapely.geometry.base import BaseGeometry

from ..proposals.proposal import now_iso
from .vocabulary import DRAWING, PLACE
from .workshop import (Contribution, InvalidContribution, Participant, Workshop,
                       WorkshopNotFound, check_attributes, check_date, check_drawing,
                       check_place, check_text)

_WORKSHOP_COLUMNS = ("uuid", "qpv_code", "held_on", "place", "facilitator", "ask_residence",
                     "ask_age", "created")
_SELECT_WORKSHOP = (
    f"SELECT {', '.join('a.' + name for name in _WORKSHOP_COLUMNS)}, "
    "(SELECT count(*) FROM atelier_participant p WHERE p.atelier_uuid = a.uuid) "
    "FROM atelier a")
_SELECT_CONTRIBUTION = ("SELECT id, participant, kind, place_kind, category, created, "
                        "AsBinary(geom) FROM atelier_contribution")


def _workshop(row) -> Workshop:
    values = dict(zip(_WORKSHOP_COLUMNS, row[:-1]))
    values["ask_residence"] = bool(values["ask_residence"])
    values["ask_age"] = bool(values["ask_age"])
    return Workshop(**values, participant_count=row[-1])


def _contribution(row) -> Contribution:
    return Contribution(id=row[0], participant=row[1], kind=row[2],
                        geometry=shapely.from_wkb(row[6]), place_kind=row[3],
                        category=row[4], created=row[5])


def _participant(row) -> Participant:
    lives = None if row[1] is None else bool(row[1])
    return Participant(row[0], lives, row[2])


class AtelierStore:
    def __init__(self, workspace, qpv_codes: Sequence[str] | None = None) -> None:
        """``qpv_codes``: the 2024 codes a workshop may be about (None: any)."""
        self.workspace = workspace
        self.conn = workspace.conn
        self.qpv_codes = set(qpv_codes) if qpv_codes is not None else None

    # -- workshops ---------------------------------------------------------------------------
    def create(self, qpv_code: str, held_on: str, place: str = "", facilitator: str = "",
               ask_residence: bool = False, ask_age: bool = False) -> Workshop:
        if self.qpv_codes is not None and qpv_code not in self.qpv_codes:
            raise InvalidContribution(f"QPV inconnu : « {qpv_code} ».")
        values = (str(uuid_module.uuid4()), qpv_code, check_date(held_on),
                  check_text(place, "Lieu"), check_text(facilitator, "Animateur"),
                  int(bool(ask_residence)), int(bool(ask_age)), now_iso())
        with self.workspace.transaction():
            self.conn.execute(f"INSERT INTO atelier ({', '.join(_WORKSHOP_COLUMNS)}) "
                              f"VALUES ({', '.join('?' for _ in values)})", values)
        return self.workshop(values[0])

    def workshop(self, uuid: str) -> Workshop:
        row = self.conn.execute(f"{_SELECT_WORKSHOP} WHERE a.uuid = ?", (uuid,)).fetchone()
        if row is None:
            raise WorkshopNotFound(uuid)
        return _workshop(row)

    def workshops(self) -> list[Workshop]:
        """Every workshop, the most recent first (to resume one)."""
        return [_workshop(row) for row in self.conn.execute(
            f"{_SELECT_WORKSHOP} ORDER BY a.held_on DESC, a.created DESC")]

    # -- participants ------------------------------------------------------------------------
    def start_participant(self, workshop_uuid: str, lives_in_qpv: bool | None = None,
                          age_band: str | None = None) -> Participant:
        """The next participant (« Participant N+1 »), with the coarse facts the workshop
        asks (the others are ignored: a workshop that does not ask stores nothing)."""
        workshop = self.workshop(workshop_uuid)
        check_attributes(lives_in_qpv, age_band)
        lives_in_qpv = lives_in_qpv if workshop.ask_residence else None
        age_band = age_band if workshop.ask_age else None
        with self.workspace.transaction():
            number = self.conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM atelier_participant "
                "WHERE atelier_uuid = ?", (workshop_uuid,)).fetchone()[0]
            self.conn.execute(
                "INSERT INTO atelier_participant VALUES (?, ?, ?, ?, ?)",
                (workshop_uuid, number, None if lives_in_qpv is None else int(lives_in_qpv),
                 age_band, now_iso()))
        return Participant(number, lives_in_qpv, age_band)

    def participants(self, workshop_uuid: str) -> list[Participant]:
        return [_participant(row) for row in self.conn.execute(
            "SELECT number, lives_in_qpv, age_band FROM atelier_participant "
            "WHERE atelier_uuid = ? ORDER BY number", (workshop_uuid,))]

    def current_participant(self, workshop_uuid: str) -> Participant | None:
        """The last participant started: where a resumed workshop goes on."""
        participants = self.participants(workshop_uuid)
        return participants[-1] if participants else None

    def _check_participant(self, workshop_uuid: str, participant: int) -> None:
        if self.conn.execute("SELECT 1 FROM atelier_participant WHERE atelier_uuid = ? AND "
                             "number = ?", (workshop_uuid, participant)).fetchone() is None:
            raise InvalidContribution(f"Le participant {participant} n'existe pas dans cet "
                                      "atelier.")

    # -- contributions: one transaction each -------------------------------------------------
    def add_drawing(self, workshop_uuid: str, participant: int,
                    geometry: BaseGeometry) -> Contribution:
        """« Mon quartier »: a valid polygon, stored as drawn (never repaired here)."""
        shape = check_drawing(geometry)
        return self._insert(workshop_uuid, participant, DRAWING, None, None, shape)

    def add_place(self, workshop_uuid: str, participant: int, place_kind: str,
                  category: str | None, point: BaseGeometry) -> Contribution:
        check_place(place_kind, category, point)
        return self._insert(workshop_uuid, participant, PLACE, place_kind, category,
                            shapely.force_2d(point))

    def _insert(self, workshop_uuid: str, participant: int, kind: str, place_kind: str | None,
                category: str | None, geometry: BaseGeometry) -> Contribution:
        stamp = now_iso()
        with self.workspace.transaction():
            self._check_participant(workshop_uuid, participant)
            cursor = self.conn.execute(
                "INSERT INTO atelier_contribution (atelier_uuid, participant, kind, "
                "place_kind, category, created, geom) VALUES (?, ?, ?, ?, ?, ?, "
                "GeomFromWKB(?, 2154))",
                (workshop_uuid, participant, kind, place_kind, category, stamp,
                 shapely.to_wkb(geometry)))
        return Contribution(cursor.lastrowid, participant, kind, geometry, place_kind,
                            category, stamp)

    def undo_last(self, workshop_uuid: str, participant: int) -> Contribution | None:
        """Remove this participant's last contribution (and only theirs); None if none."""
        with self.workspace.transaction():
            row = self.conn.execute(
                f"{_SELECT_CONTRIBUTION} WHERE atelier_uuid = ? AND participant = ? "
                "ORDER BY id DESC LIMIT 1", (workshop_uuid, participant)).fetchone()
            if row is None:
                return None
            self.conn.execute("DELETE FROM atelier_contribution WHERE id = ?", (row[0],))
        return _contribution(row)

    def contributions(self, workshop_uuid: str, participant: int | None = None,
                      kind: str | None = None) -> list[Contribution]:
        clauses, parameters = ["atelier_uuid = ?"], [workshop_uuid]
        for column, value in (("participant", participant), ("kind", kind)):
            if value is not None:
                clauses.append(f"{column} = ?")
                parameters.append(value)
        return [_contribution(row) for row in self.conn.execute(
            f"{_SELECT_CONTRIBUTION} WHERE {' AND '.join(clauses)} ORDER BY id", parameters)]

    def drawings_by_participant(self, workshop_uuid: str) -> dict[int, BaseGeometry]:
        """Each participant's « mon quartier »: the union of their drawings (several parts
        drawn by one person count once)."""
        parts: dict[int, list[BaseGeometry]] = {}
        for item in self.contributions(workshop_uuid, kind=DRAWING):
            parts.setdefault(item.participant, []).append(item.geometry)
        return {number: shapely.union_all(shapes) for number, shapes in sorted(parts.items())}
