"""Flat numpy views of a layer's geometries, ready to be turned into screen paths fast.

A polygon or line layer is kept as one coordinate array with, for every vertex, the ring (or
line) it belongs to, and for every ring the feature it belongs to. Selecting the visible
features and transforming them to screen space is then a handful of vectorised operations.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely


@dataclass(frozen=True)
class GeometryArrays:
    coords: np.ndarray            # (n, 2) float64, Lambert-93
    ring_of_vertex: np.ndarray    # (n,) int: ring index of each vertex
    feature_of_ring: np.ndarray   # (r,) int: feature index of each ring
    feature_of_vertex: np.ndarray  # (n,) int

    @classmethod
    def from_geometries(cls, geometries: np.ndarray) -> "GeometryArrays":
        if len(geometries) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return cls(np.zeros((0, 2)), empty, empty, empty)
        kinds = set(shapely.get_type_id(geometries).tolist())
        if kinds <= {3, 6}:  # Polygon, MultiPolygon
            parts, feature_of_part = shapely.get_parts(geometries, return_index=True)
            rings, part_of_ring = shapely.get_rings(parts, return_index=True)
            feature_of_ring = feature_of_part[part_of_ring]
        elif kinds <= {1, 5}:  # LineString, MultiLineString
            rings, feature_of_ring = shapely.get_parts(geometries, return_index=True)
        else:
            raise ValueError(f"GeometryArrays handles polygons or lines, not type ids {kinds}")
        coords, ring_of_vertex = shapely.get_coordinates(rings, return_index=True)
        return cls(coords, ring_of_vertex, feature_of_ring, feature_of_ring[ring_of_vertex])

    def select(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Coordinates and ring ids of the vertices of the given feature indices."""
        if len(features) == 0 or len(self.coords) == 0:
            return np.zeros((0, 2)), np.zeros(0, dtype=np.int64)
        wanted = np.zeros(self.feature_of_ring.max() + 1, dtype=bool)
        wanted[features] = True
        mask = wanted[self.feature_of_vertex]
        return self.coords[mask], self.ring_of_vertex[mask]


def point_coordinates(geometries: np.ndarray) -> np.ndarray:
    """(n, 2) coordinates of point features (the first point of multi-points)."""
    if len(geometries) == 0:
        return np.zeros((0, 2))
    return shapely.get_coordinates(shapely.get_point(geometries, 0)
                                   if shapely.get_type_id(geometries[0]) == 4 else geometries)
