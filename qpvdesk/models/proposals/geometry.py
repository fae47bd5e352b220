"""Shapes of proposals: built from drawn vertices, normalised, checked and repaired."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
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


def enclosed_area(ring) -> BaseGeometry:
    """Everything a drawn ring encloses, even where it crosses itself: the union of the
    faces its noded lines bound (a bow-tie gives both of its loops)."""
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.node(ring))))
    return shapely.union_all(faces)


def enclosed_by(geometry: BaseGeometry) -> BaseGeometry:
    """What the outer outlines of a (possibly crossed) polygon or multipolygon enclose."""
    return shapely.union_all([enclosed_area(part.exterior)
                              for part in shapely.get_parts(geometry)])


def polygon_parts(geometry: BaseGeometry) -> list[Polygon]:
    """The polygons of a geometry (itself for a Polygon), without empty or flat ones."""
    parts = [part for part in shapely.get_parts(geometry)
             if part.geom_type in ("Polygon", "MultiPolygon")]
    flat = [piece for part in parts for piece in shapely.get_parts(part)]
    return [piece for piece in flat if piece.area > 0]


def repaired_shape(geometry: Polygon | MultiPolygon) -> Polygon | MultiPolygon | None:
    """A valid shape covering exactly what a self-intersecting outline encloses, every part
    kept (a bow-tie becomes its two loops, a MultiPolygon); None when nothing with an area
    remains (the vertices are aligned)."""
    shapes = []
    for polygon in shapely.get_parts(geometry):
        holes = [enclosed_area(ring) for ring in polygon.interiors]
        shell = enclosed_area(polygon.exterior)
        shapes.append(shell.difference(shapely.union_all(holes)) if holes else shell)
    parts = polygon_parts(shapely.make_valid(shapely.union_all(shapes)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def crossing_points(polygon: Polygon) -> list[Vertex]:
    """Where a drawn outline crosses itself (not its own vertices)."""
    ring = polygon.exterior
    noded = shapely.node(ring)
    own = set(vertices_of(polygon))
    counts: dict[Vertex, int] = {}
    for line in shapely.get_parts(noded):
        for x, y in (line.coords[0], line.coords[-1]):
            counts[(x, y)] = counts.get((x, y), 0) + 1
    return [vertex for vertex, count in counts.items() if count > 2 and vertex not in own]


def translated(geometry: BaseGeometry, dx: float, dy: float) -> BaseGeometry:
    return shapely.transform(geometry, lambda coordinates: coordinates + (dx, dy))
