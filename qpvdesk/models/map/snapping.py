"""Snapping a clicked point to the vertices and edges of nearby features.

A vertex within the tolerance wins over any edge: a user aiming at a corner means the corner,
even when an edge passes closer. The tolerance is in metres; the map tool converts its pixel
tolerance with the current resolution.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from .layers import FeatureLayer

DEFAULT_TOLERANCE_PX = 10.0
EXTRA_LAYER_ID = "proposals"

# (key, geometry) pairs that are not in a FeatureLayer: other proposals, the shape being drawn.
ExtraGeometries = Iterable[tuple[str, BaseGeometry]]


@dataclass(frozen=True)
class SnapResult:
    x: float
    y: float
    kind: str | None = None          # 'vertex', 'edge' or None when nothing was in reach
    layer_id: str | None = None
    key: str | None = None

    @property
    def snapped(self) -> bool:
        return self.kind is not None


@dataclass
class _Candidate:
    distance: float
    x: float
    y: float
    layer_id: str
    key: str


class Snapper:
    def __init__(self, layers: Sequence[FeatureLayer], enabled: bool = True,
                 extra_geometries: Callable[[], ExtraGeometries] | None = None) -> None:
        self.layers = list(layers)
        self.enabled = enabled
        self.extra_geometries = extra_geometries

    def snap(self, x: float, y: float, tolerance_m: float, extra: ExtraGeometries = (),
             exclude: Collection[tuple[str, str]] = ()) -> SnapResult:
        """The nearest vertex within `tolerance_m` of (x, y), else the nearest edge point, else
        (x, y) unchanged. `extra` adds geometries for this call only (layer id 'drawing');
        `exclude` skips (layer_id, key) features, e.g. the one being edited."""
        if not self.enabled or tolerance_m <= 0:
            return SnapResult(x, y)
        probe = shapely.Point(x, y)
        window = shapely.box(x - tolerance_m, y - tolerance_m, x + tolerance_m, y + tolerance_m)
        best_vertex: _Candidate | None = None
        best_edge: _Candidate | None = None
        for layer_id, key, geometry in self._candidates(window, extra, exclude):
            vertex = _nearest_vertex(geometry, x, y, layer_id, key)
            if vertex.distance <= tolerance_m and (
                    best_vertex is None or vertex.distance < best_vertex.distance):
                best_vertex = vertex
            if best_vertex is None:
                edge = _nearest_edge_point(geometry, probe, layer_id, key)
                if edge is not None and edge.distance <= tolerance_m and (
                        best_edge is None or edge.distance < best_edge.distance):
                    best_edge = edge
        if best_vertex is not None:
            return SnapResult(best_vertex.x, best_vertex.y, "vertex", best_vertex.layer_id,
                              best_vertex.key)
        if best_edge is not None:
            return SnapResult(best_edge.x, best_edge.y, "edge", best_edge.layer_id, best_edge.key)
        return SnapResult(x, y)

    def _candidates(self, window: BaseGeometry, extra: ExtraGeometries,
                    exclude: Collection[tuple[str, str]]):
        for layer in self.layers:
            if not len(layer):
                continue
            for index in layer.tree.query(window):
                key = layer.keys[index]
                if (layer.id, key) not in exclude:
                    yield layer.id, key, layer.geometries[index]
        sources = [(EXTRA_LAYER_ID, self.extra_geometries() if self.extra_geometries else ()),
                   ("drawing", extra)]
        for layer_id, pairs in sources:
            for key, geometry in pairs:
                if (geometry is not None and not geometry.is_empty
                        and (layer_id, key) not in exclude and geometry.intersects(window)):
                    yield layer_id, key, geometry


def _nearest_vertex(geometry: BaseGeometry, x: float, y: float, layer_id: str,
                    key: str) -> _Candidate:
    coordinates = shapely.get_coordinates(geometry)
    distances = np.hypot(coordinates[:, 0] - x, coordinates[:, 1] - y)
    index = int(np.argmin(distances))
    return _Candidate(float(distances[index]), float(coordinates[index, 0]),
                      float(coordinates[index, 1]), layer_id, key)


def _nearest_edge_point(geometry: BaseGeometry, probe: shapely.Point, layer_id: str,
                        key: str) -> _Candidate | None:
    outline = geometry.boundary if geometry.geom_type.endswith("Polygon") else geometry
    if outline.geom_type in ("Point", "MultiPoint") or outline.is_empty:
        return None
    line = shapely.shortest_line(outline, probe)
    x, y = shapely.get_coordinates(line)[0]
    return _Candidate(float(line.length), float(x), float(y), layer_id, key)
