"""Snapping a clicked point to the vertices and edges of nearby features.

A vertex within the tolerance wins over any edge: a user aiming at a corner means the corner,
even when an edge passes closer. The tolerance is in metres; the map tool converts its pixel
tolerance with the current resolution.

Snapping runs on every mouse move, so it reads memory only: each layer it snaps to is a
SnapIndex (QGIS's QgsPointLocator idea), an STRtree over the layer's geometries built once and
rebuilt only when that layer changes (``Snapper.set_layer``), never the database.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from .layers import FeatureLayer

DEFAULT_TOLERANCE_PX = 10.0
EXTRA_LAYER_ID = "proposals"        # the user's proposals, indexed with Snapper.set_layer

# (key, geometry) pairs: a layer given to set_layer, or the shape being drawn (per call).
ExtraGeometries = Iterable[tuple[str, BaseGeometry]]


class SnapIndex:
    """One layer's geometries and their STRtree, kept in memory between mouse moves."""

    def __init__(self, layer_id: str, keys: Sequence[str], geometries: np.ndarray,
                 tree: shapely.STRtree | None = None) -> None:
        self.layer_id = layer_id
        self.keys = list(keys)
        self.geometries = geometries
        self.tree = tree if tree is not None else shapely.STRtree(geometries)

    @classmethod
    def of_layer(cls, layer: FeatureLayer) -> SnapIndex:
        """A map layer's own tree, shared rather than rebuilt."""
        return cls(layer.id, layer.keys, layer.geometries, layer.tree)

    @classmethod
    def of_pairs(cls, layer_id: str, pairs: ExtraGeometries) -> SnapIndex:
        kept = [(key, geometry) for key, geometry in pairs
                if geometry is not None and not geometry.is_empty]
        return cls(layer_id, [key for key, _ in kept],
                   np.array([geometry for _, geometry in kept], dtype=object))

    def __len__(self) -> int:
        return len(self.keys)

    def query(self, window: BaseGeometry) -> Iterator[tuple[str, BaseGeometry]]:
        """(key, geometry) of the features whose bounding box meets ``window``."""
        if not len(self):
            return
        for index in self.tree.query(window):
            yield self.keys[index], self.geometries[index]


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
    def __init__(self, layers: Sequence[FeatureLayer], enabled: bool = True) -> None:
        self.indexes: dict[str, SnapIndex] = {layer.id: SnapIndex.of_layer(layer)
                                              for layer in layers}
        self.enabled = enabled

    def set_layer(self, layer_id: str, pairs: ExtraGeometries) -> None:
        """Index these (key, geometry) pairs as layer ``layer_id``, replacing its previous
        index: call it when that layer changes, never on mouse move."""
        self.indexes[layer_id] = SnapIndex.of_pairs(layer_id, pairs)

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
        for index in self.indexes.values():
            for key, geometry in index.query(window):
                if (index.layer_id, key) not in exclude:
                    yield index.layer_id, key, geometry
        for key, geometry in extra:
            if (geometry is not None and not geometry.is_empty
                    and ("drawing", key) not in exclude and geometry.intersects(window)):
                yield "drawing", key, geometry


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
