"""Shapes of proposals: built from drawn vertices, normalised, checked and repaired."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

LAMBERT93 = 2154
SQUARE_METRES_PER_HECTARE = 10_000.0
Vertex = tuple[float, float]


def area_ha(geometry: BaseGeometry) -> float:
    """Area in hectares of a Lambert-93 geometry (0 for a point)."""
    return geometry.area / SQUARE_METRES_PER_HECTARE


def polygon_from_vertices(vertices: Sequence[Sequence[float]]) -> Polygon:
    """The polygon of an outline clicked vertex by vertex (closing it is optional).

    Fewer than 3 vertices give a degenerate polygon that validation refuses, rather than an
    exception here."""
    ring = [(float(x), float(y)) for x, y in vertices]
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    while len(ring) < 3:
        ring.append(ring[-1] if ring else (0.0, 0.0))
    with np.errstate(invalid="ignore"):   # a NaN vertex: validation says so, in French
        return Polygon(ring)


def vertices_of(geometry: BaseGeometry) -> list[Vertex]:
    """The editable vertices: the point, or the polygon's outer ring without its closing
    repeat."""
    if isinstance(geometry, Point):
        return [(geometry.x, geometry.y)]
    coordinates = list(geometry.exterior.coords)[:-1]
    return [(x, y) for x, y, *_ in coordinates]


def non_finite_message(geometry: BaseGeometry) -> str | None:
    """The French reason a shape with NaN or infinite coordinates is refused, else None.
    Checked before anything else: GEOS raises on them (make_valid) or stores POINT(NaN NaN)."""
    coordinates = shapely.get_coordinates(geometry)
    if np.isnan(coordinates).any():
        return ("La géométrie a des coordonnées non numériques (NaN) : le fichier ou l'outil "
                "qui l'a produite a perdu la position de ses sommets.")
    if np.isinf(coordinates).any():
        return ("La géométrie a des coordonnées infinies : le fichier ou l'outil qui l'a "
                "produite a écrit des valeurs hors de toute échelle.")
    return None


def single_part(geometry: BaseGeometry) -> BaseGeometry:
    """2D, and a one-part MultiPoint/MultiPolygon as its part (files often store those)."""
    geometry = shapely.force_2d(geometry)
    if geometry.geom_type in ("MultiPoint", "MultiPolygon") and len(geometry.geoms) == 1:
        return geometry.geoms[0]
    return geometry


def distinct_vertex_count(polygon: Polygon) -> int:
    return len(set(vertices_of(polygon)))


def repaired_polygon(polygon: Polygon) -> Polygon | None:
    """The largest polygon of the valid form of a self-intersecting outline (for a bow-tie, its
    bigger loop), or None when nothing with an area remains."""
    valid = shapely.make_valid(polygon)
    parts = [part for part in shapely.get_parts(valid) if part.geom_type == "Polygon"]
    parts += [piece for part in shapely.get_parts(valid) if part.geom_type == "MultiPolygon"
              for piece in part.geoms]
    parts = [part for part in parts if part.area > 0]
    if not parts:
        return None
    return max(parts, key=lambda part: part.area)


def translated(geometry: BaseGeometry, dx: float, dy: float) -> BaseGeometry:
    return shapely.transform(geometry, lambda coordinates: coordinates + (dx, dy))
