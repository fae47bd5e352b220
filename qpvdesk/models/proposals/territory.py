"""The reference geometries a proposal is measured against — communes, QPV, the CALL — loaded
once into memory, and the facts derived from a proposal's shape."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from ..frenchnum import format_french_number
from ..search import normalize
from ..territory_names import territory_names
from .geometry import area_ha
from .vocabulary import PERIMETRE

SUGGESTION_DISTANCE_M = 500.0


@dataclass(frozen=True)
class DerivedFacts:
    """What the shape says by itself; areas in hectares (0 for a point)."""
    area_ha: float
    communes: tuple[tuple[str, str], ...]   # (INSEE code, name)
    qpvs: tuple[tuple[str, str], ...]       # (2024 code, name) of the QPV it meets
    inside_qpv_ha: float | None = None      # perimeter request: part inside its QPV
    outside_qpv_ha: float | None = None     # ... and outside it
    added_ha: float | None = None           # 'ajout': the area outside the QPV
    removed_ha: float | None = None         # 'retrait': the area inside the QPV

    def rows(self) -> list[tuple[str, str]]:
        """French label/value rows for a panel."""
        rows = [("Surface", f"{format_french_number(self.area_ha, 2)}\u00a0ha"),
                ("Communes", ", ".join(name for _, name in self.communes) or "—"),
                ("QPV concernés", ", ".join(name for _, name in self.qpvs) or "aucun")]
        if self.added_ha is not None:
            rows.append(("Surface ajoutée au QPV",
                         f"{format_french_number(self.added_ha, 2)}\u00a0ha"))
        if self.removed_ha is not None:
            rows.append(("Surface retirée du QPV",
                         f"{format_french_number(self.removed_ha, 2)}\u00a0ha"))
        return rows


class _Layer:
    def __init__(self, rows: list[tuple]) -> None:
        self.codes = [row[0] for row in rows]
        self.names = [row[1] for row in rows]
        self.geometries = np.asarray(shapely.from_wkb([row[2] for row in rows]), dtype=object)
        shapely.prepare(self.geometries)
        self.tree = shapely.STRtree(self.geometries)
        self.index = {code: position for position, code in enumerate(self.codes)}

    def meeting(self, geometry: BaseGeometry) -> list[int]:
        """Indices of the features the geometry meets, in code order; a polygon that only
        touches a boundary does not count."""
        hits = self.tree.query(geometry, predicate="intersects")
        if geometry.area > 0:
            hits = [hit for hit in hits if not shapely.touches(self.geometries[hit], geometry)]
        return sorted(int(hit) for hit in hits)

    def pairs(self, indices: list[int]) -> tuple[tuple[str, str], ...]:
        return tuple((self.codes[index], self.names[index]) for index in indices)


class Territory:
    """Communes, QPV (2024 perimeters) and the EPCI outline of the reference database, and
    how that database names its EPCI (``names``: TerritoryNames) for the messages."""

    def __init__(self, reference) -> None:
        conn = reference.conn
        self.names = territory_names(conn)
        self.communes = _Layer(conn.execute(
            "SELECT insee, name, AsBinary(geom) FROM commune ORDER BY insee").fetchall())
        self.qpv = _Layer(conn.execute(
            "SELECT code, name, AsBinary(geom) FROM qpv ORDER BY code").fetchall())
        self._qpv_aliases = {normalize(code_2015): code for code, code_2015 in conn.execute(
            "SELECT code, code_2015 FROM qpv WHERE code_2015 IS NOT NULL")}
        self._qpv_aliases.update({normalize(code): code for code in self.qpv.codes})
        self._qpv_aliases.update({normalize(name): code
                                  for code, name in zip(self.qpv.codes, self.qpv.names)})
        outlines = [row[0] for row in conn.execute("SELECT AsBinary(geom) FROM epci")]
        self.call = shapely.union_all(shapely.from_wkb(outlines))
        shapely.prepare(self.call)

    def qpv_code(self, value: object) -> str | None:
        """The 2024 code of a QPV given by its 2024 code, 2015 code or name; None if unknown."""
        return self._qpv_aliases.get(normalize(str(value))) if value else None

    def qpv_name(self, code: str) -> str:
        return self.qpv.names[self.qpv.index[code]]

    def qpv_geometry(self, code: str) -> BaseGeometry:
        return self.qpv.geometries[self.qpv.index[code]]

    def commune_code(self, value: object) -> str | None:
        """The INSEE code of a commune of the EPCI given by its code or name."""
        key = normalize(str(value)) if value else ""
        for code, name in zip(self.communes.codes, self.communes.names):
            if key in (code, normalize(name)):
                return code
        return None

    def commune_name(self, insee: str) -> str:
        return self.communes.names[self.communes.index[insee]]

    def commune_codes(self, geometry: BaseGeometry) -> tuple[str, ...]:
        return tuple(code for code, _ in self.communes.pairs(self.communes.meeting(geometry)))

    def inside_call(self, geometry: BaseGeometry) -> bool:
        return bool(self.call.covers(geometry))

    def meets_call(self, geometry: BaseGeometry) -> bool:
        return bool(self.call.intersects(geometry))

    def suggest_qpv(self, geometry: BaseGeometry,
                    max_distance: float = SUGGESTION_DISTANCE_M) -> str | None:
        """The QPV a proposal most likely serves: the one containing a point (for a polygon,
        the one it overlaps most), else the nearest within ``max_distance`` metres, else None."""
        hits = self.qpv.meeting(geometry)
        if hits:
            overlap = shapely.area(shapely.intersection(self.qpv.geometries[hits], geometry))
            return self.qpv.codes[hits[int(np.argmax(overlap))]]
        nearest, distances = self.qpv.tree.query_nearest(
            geometry, max_distance=max_distance, return_distance=True)
        if not len(nearest):
            return None
        return self.qpv.codes[int(nearest[int(np.argmin(distances))])]

    def facts(self, kind: str, geometry: BaseGeometry, qpv_code: str | None = None,
              nature: str | None = None) -> DerivedFacts:
        area = area_ha(geometry)
        communes = self.communes.pairs(self.communes.meeting(geometry))
        qpvs = self.qpv.pairs(self.qpv.meeting(geometry))
        if (kind != PERIMETRE or qpv_code not in self.qpv.index
                or self.qpv_geometry(qpv_code) is None):   # perimeter not provided
            return DerivedFacts(area, communes, qpvs)
        inside = area_ha(geometry.intersection(self.qpv_geometry(qpv_code)))
        outside = max(area - inside, 0.0)
        return DerivedFacts(
            area, communes, qpvs, inside, outside,
            added_ha=outside if nature == "ajout" else None,
            removed_ha=inside if nature == "retrait" else None)
