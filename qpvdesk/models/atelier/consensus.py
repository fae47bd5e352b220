"""How many participants' drawings cover each place, exactly.

The drawings' outlines are noded together and polygonized: the faces partition everything
drawn, and no outline crosses a face, so one point inside a face tells how many drawings
cover all of it. The contour at a threshold is the union of the faces covered by at least
that share of the participants; its area is the sum of theirs (EPSG:2154, m²).

Invalid drawings are reported with their reason and left out, never repaired.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from .vocabulary import DEFAULT_THRESHOLDS
from .workshop import drawing_problem

SQUARE_METRES_PER_HECTARE = 10_000.0


class NoUsableDrawing(ValueError):
    """Nothing to agree on: no drawing, or every one was left out (French message)."""


@dataclass(frozen=True)
class LeftOut:
    label: str          # « Participant 3 », « objet n° 4 »
    reason: str         # French


@dataclass(frozen=True)
class Level:
    """The places covered by at least ``threshold`` of the participants."""
    threshold: float            # share, 0 < t <= 1
    min_count: int              # drawings needed: ceil(threshold × participants)
    geometry: BaseGeometry      # Polygon or MultiPolygon (empty when nobody agrees so much)
    area_m2: float
    outside_m2: float | None    # part outside the QPV perimeter, when one was given

    @property
    def area_ha(self) -> float:
        return self.area_m2 / SQUARE_METRES_PER_HECTARE

    @property
    def share_outside(self) -> float | None:
        """Share of this agreed area lying outside the QPV; None without a perimeter or
        area."""
        if self.outside_m2 is None or self.area_m2 <= 0:
            return None
        return self.outside_m2 / self.area_m2


@dataclass(frozen=True)
class Consensus:
    participants: int             # drawings that count
    labels: tuple[str, ...]       # whose, in order
    faces: np.ndarray             # Polygons partitioning everything drawn
    counts: np.ndarray            # drawings covering each face
    levels: tuple[Level, ...]
    left_out: tuple[LeftOut, ...]

    def shares(self) -> np.ndarray:
        return self.counts / max(self.participants, 1)

    def level(self, threshold: float) -> Level:
        return next(level for level in self.levels if math.isclose(level.threshold, threshold))


def parse_thresholds(text: str) -> tuple[float, ...]:
    """« 0.25,0.5,0.75 » (or « 25%,50% ») -> the shares; ValueError (French) otherwise."""
    values = []
    for part in str(text).split(","):
        item = part.strip()
        percent = item.endswith("%")
        try:
            value = float(item.rstrip("%").strip())
        except ValueError:
            raise ValueError(f"Seuil illisible : « {item} » (parts des participants séparées "
                             "par des virgules, par exemple 0.25,0.5,0.75).") from None
        values.append(value / 100 if percent else value)
    return check_thresholds(values)


def check_thresholds(values: Sequence[float]) -> tuple[float, ...]:
    if not values:
        raise ValueError("Aucun seuil donné (par exemple 0.25,0.5,0.75).")
    for value in values:
        if not (math.isfinite(value) and 0 < value <= 1):
            raise ValueError(f"Seuil hors de ]0 ; 1] : {value} (une part des participants, "
                             "par exemple 0.5 pour la moitié).")
    return tuple(sorted(set(float(value) for value in values)))


def needed_count(threshold: float, participants: int) -> int:
    """Drawings that make « at least this share »: count / participants >= threshold."""
    return max(1, math.ceil(threshold * participants - 1e-9))


def usable_drawings(drawings: Sequence[tuple[str, BaseGeometry | None]]
                    ) -> tuple[list[tuple[str, BaseGeometry]], list[LeftOut]]:
    kept, left_out = [], []
    for label, geometry in drawings:
        problem = drawing_problem(geometry)
        if problem:
            left_out.append(LeftOut(label, problem))
        else:
            kept.append((label, shapely.force_2d(geometry)))
    return kept, left_out


def coverage_faces(shapes: Sequence[BaseGeometry]) -> tuple[np.ndarray, np.ndarray]:
    """The faces of the drawings' overlay and how many drawings cover each."""
    boundaries = shapely.boundary(np.asarray(shapes, dtype=object))
    noded = shapely.union_all(boundaries)            # nodes every crossing of outlines
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    if not len(faces):
        return faces, np.zeros(0, dtype=np.int64)
    inside = shapely.get_coordinates(shapely.point_on_surface(faces))
    counts = np.zeros(len(faces), dtype=np.int64)
    for shape in shapes:
        shapely.prepare(shape)
        counts += shapely.contains_xy(shape, inside[:, 0], inside[:, 1])
    covered = counts > 0          # holes of the drawings are faces too, covered by none
    return faces[covered], counts[covered]


def _union(faces: np.ndarray) -> BaseGeometry:
    if not len(faces):
        return Polygon()
    merged = shapely.coverage_union_all(faces)   # faces of one overlay: a clean coverage
    if merged.geom_type == "GeometryCollection":
        merged = MultiPolygon([part for part in shapely.get_parts(merged)
                               if part.geom_type == "Polygon"])
    return merged


def consensus(drawings: Sequence[tuple[str, BaseGeometry | None]],
              thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
              perimeter: BaseGeometry | None = None) -> Consensus:
    """The agreement between participants' drawings (label, Lambert-93 polygon), one per
    participant. Raises NoUsableDrawing when none can count."""
    thresholds = check_thresholds(thresholds)
    kept, left_out = usable_drawings(drawings)
    if not kept:
        why = "aucun dessin" if not drawings else "aucun dessin utilisable"
        raise NoUsableDrawing(f"Pas de synthèse possible : {why} ({len(left_out)} écarté(s)).")
    shapes = [shape for _, shape in kept]
    faces, counts = coverage_faces(shapes)
    areas = shapely.area(faces)
    levels = []
    for threshold in thresholds:
        needed = needed_count(threshold, len(kept))
        chosen = counts >= needed
        contour = _union(faces[chosen])
        # measured on the contour, not face by face: 3 overlays instead of thousands
        outside = None if perimeter is None else float(contour.difference(perimeter).area)
        levels.append(Level(threshold, needed, contour, float(areas[chosen].sum()), outside))
    return Consensus(len(kept), tuple(label for label, _ in kept), faces, counts,
                     tuple(levels), tuple(left_out))
