"""Fixtures shared by the proposal tests: a store, and places measured on the real QPV
perimeters (import the fixtures by name into a test module)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
import shapely
from shapely.geometry import Point, Polygon, box

from qpvdesk.models.proposals import gdal

# pyogrio before any SpatiaLite connection of the session (see qpvdesk/models/proposals/gdal.py)
gdal.pyogrio()

QPV = "QN06202M"   # Camus


@dataclass(frozen=True)
class Places:
    """Lambert-93 places computed from the reference data, not from the code under test."""
    qpv_geometries: dict[str, object]
    inside: Point              # inside QPV
    near: Point                # 300 m from QPV, farther from every other QPV
    beyond: Point              # 700 m from QPV, farther from every other QPV
    two_km: Point              # 2 km from QPV, farther from every other QPV
    far: Point                 # more than 2 km from every QPV, inside the CALL
    touching_square: Polygon   # a 200 m square overlapping QPV's edge
    far_square: Polygon        # a 200 m square around `far`

    def square(self, centre: Point, half: float = 100.0) -> Polygon:
        return box(centre.x - half, centre.y - half, centre.x + half, centre.y + half)

    def bow_tie(self, centre: Point, half: float = 100.0) -> Polygon:
        x, y = centre.x, centre.y
        return Polygon([(x - half, y - half), (x + half, y + half), (x + half, y - half),
                        (x - half, y + 2 * half)])


@pytest.fixture(scope="session")
def places(reference) -> Places:
    rows = reference.conn.execute("SELECT code, AsBinary(geom) FROM qpv").fetchall()
    geometries = {code: shapely.from_wkb(wkb) for code, wkb in rows}
    others = shapely.union_all([g for code, g in geometries.items() if code != QPV])
    every = shapely.union_all(list(geometries.values()))
    call = shapely.from_wkb(reference.conn.execute("SELECT AsBinary(geom) FROM epci")
                            .fetchone()[0])
    target = geometries[QPV]

    def away(distance: float) -> Point:
        ring = target.buffer(distance, quad_segs=32).exterior
        return next(point for point in (ring.interpolate(f, normalized=True)
                                        for f in np.linspace(0, 1, 400, endpoint=False))
                    if others.distance(point) > distance + 200)
    xmin, ymin, xmax, ymax = call.bounds
    far = next(point for point in (Point(x, y) for x in np.linspace(xmin, xmax, 60)
                                   for y in np.linspace(ymin, ymax, 60))
               if call.contains(point.buffer(300)) and every.distance(point) > 2500)
    edge = target.exterior.interpolate(0.0) if target.geom_type == "Polygon" else \
        max(target.geoms, key=lambda part: part.area).exterior.interpolate(0.0)
    corner = box(edge.x - 100, edge.y - 100, edge.x + 100, edge.y + 100)
    assert 0 < corner.intersection(target).area < corner.area
    return Places(geometries, target.representative_point(), away(300), away(700), away(2000),
                  far, corner, box(far.x - 100, far.y - 100, far.x + 100, far.y + 100))


@pytest.fixture
def store(workspace, reference):
    from qpvdesk.models.proposals import ProposalStore

    return ProposalStore(workspace, reference)


EQUIPMENT_FIELDS = {"title": "Maison de santé pluridisciplinaire", "category": "sante",
                    "status": "idee", "horizon_year": 2028}


def count_rows(store, table: str = "proposal") -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
