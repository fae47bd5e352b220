"""The map's feature layers, loaded once from the reference database into memory.

Each layer keeps its shapely geometries with an STRtree for culling and hit-testing, flat
numpy arrays for fast drawing, and level-of-detail copies simplified for coarse scales.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely

from .geometry_arrays import GeometryArrays, point_coordinates
from ..proposals.vocabulary import PERIMETRE
from .styles import (LAYERS, LayerInfo, LegendItem, Symbol, college_symbol,
                     decision_legend, decision_symbol, layer_info)

# Simplification tolerances (metres) of the level-of-detail copies of polygon layers.
LOD_TOLERANCES = (0.0, 2.0, 8.0, 32.0)
# A copy of more vertices than this is followed by malloc_trim (see _give_back_freed_memory).
TRIM_AFTER_VERTICES = 200_000

LAYER_QUERIES = {
    "iris": "SELECT code, name, AsBinary(geom) FROM iris ORDER BY code",
    "unesco": "SELECT id, name, AsBinary(geom) FROM unesco_perimetre ORDER BY id",
    "cites": "SELECT id, name, AsBinary(geom) FROM heritage_cite ORDER BY id",
    "terrils": "SELECT id, name, AsBinary(geom) FROM heritage_terril ORDER BY id",
    "communes": "SELECT insee, name, AsBinary(geom) FROM commune ORDER BY insee",
    "epci": "SELECT siren, name, AsBinary(geom) FROM epci",
    "qpv": "SELECT code, name, AsBinary(geom) FROM qpv ORDER BY code",
    "puits": "SELECT id, name, AsBinary(geom) FROM heritage_puits ORDER BY id",
    "colleges": "SELECT uai, name, AsBinary(geom), rep, ips FROM college ORDER BY uai",
}


@dataclass
class FeatureLayer:
    info: LayerInfo
    keys: list[str]
    labels: list[str | None]
    geometries: np.ndarray
    symbols: list[Symbol] | None = None      # per-feature symbols (colleges, decisions)
    legend: list[LegendItem] | None = None   # when the per-feature symbols need their own
    tree: shapely.STRtree = field(init=False)
    lods: list[GeometryArrays | None] = field(init=False)   # built when first drawn
    points: np.ndarray = field(init=False)
    extents: np.ndarray = field(init=False)  # (n, 4) bounds of each feature

    def __post_init__(self) -> None:
        self.tree = shapely.STRtree(self.geometries)
        self.extents = shapely.bounds(self.geometries) if len(self.geometries) else np.zeros((0, 4))
        if self.info.geometry == "point":
            self.points, self.lods = point_coordinates(self.geometries), []
            return
        self.points = np.zeros((0, 2))
        self.lods = [None] * len(LOD_TOLERANCES)

    @cached_property
    def label_points(self) -> np.ndarray:
        """(n, 2) points inside each feature where its label goes."""
        if not len(self):
            return np.zeros((0, 2))
        return shapely.get_coordinates(shapely.point_on_surface(self.geometries))

    @property
    def id(self) -> str:
        return self.info.id

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        if not len(self):
            return None
        return (float(self.extents[:, 0].min()), float(self.extents[:, 1].min()),
                float(self.extents[:, 2].max()), float(self.extents[:, 3].max()))

    def query(self, bbox: tuple[float, float, float, float]) -> np.ndarray:
        """Indices of the features whose extent meets the bbox, in layer order."""
        if not len(self):
            return np.zeros(0, dtype=np.int64)
        return np.sort(self.tree.query(shapely.box(*bbox)))

    def lod_for(self, resolution: float) -> GeometryArrays:
        """The most simplified copy whose error stays under half a pixel, built the first
        time a view needs it (the first map needs one level of the visible layers only)."""
        level = 0
        for index, tolerance in enumerate(LOD_TOLERANCES):
            if tolerance <= resolution * 0.5:
                level = index
        if self.lods[level] is None:
            tolerance = LOD_TOLERANCES[level]
            self.lods[level] = GeometryArrays.from_geometries(
                self.geometries if tolerance == 0 else shapely.simplify(
                    self.geometries, tolerance, preserve_topology=True))
            if len(self.lods[level].coords) > TRIM_AFTER_VERTICES:
                _give_back_freed_memory()
        return self.lods[level]

    def feature_at(self, x: float, y: float, tolerance: float) -> int | None:
        """The top-most feature under (x, y), points within `tolerance` metres."""
        if not len(self):
            return None
        probe = shapely.Point(x, y)
        if self.info.geometry == "point":
            candidates = self.tree.query(probe.buffer(tolerance))
            if not len(candidates):
                return None
            distances = shapely.distance(self.geometries[candidates], probe)
            return int(candidates[np.argmin(distances)])
        hits = self.tree.query(probe, predicate="intersects")
        if not len(hits):
            return None
        # the smallest feature is the most specific one under the cursor
        return int(hits[np.argmin(shapely.area(self.geometries[hits]))])


def _give_back_freed_memory() -> None:
    """Copies are built in the render thread, and glibc keeps what a thread frees (here the
    simplified geometries, once copied into arrays) in that thread's arena: malloc_trim
    hands it back (bench render, 200,000 synthetic polygons: peak RSS 657 -> 541 MB).
    Nothing to do without glibc."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _load(store, layer_id: str) -> FeatureLayer:
    rows = store.conn.execute(LAYER_QUERIES[layer_id]).fetchall()
    geometries = shapely.from_wkb([row[2] for row in rows]) if rows else np.array([], object)
    symbols = None
    if layer_id == "colleges":
        symbols = [college_symbol(row[3], row[4]) for row in rows]
    return FeatureLayer(layer_info(layer_id), [str(row[0]) for row in rows],
                        [row[1] for row in rows], np.asarray(geometries, dtype=object), symbols)


OWN_PROPOSAL_LAYERS = ("proposals", "proposal_perimeters", "proposal_points")
RECEIVED_PROPOSAL_LAYERS = ("received", "received_perimeters", "received_points")
MODIFIED_LAYERS = ("modified", "modified_points")


def proposal_layers(proposals, layer_ids: tuple[str, str, str] = OWN_PROPOSAL_LAYERS,
                    decisions: Mapping[str, str] | None = None) -> dict[str, FeatureLayer]:
    """Proposals as three layers, each with its own look: quartiers vécus, perimeter
    requests, equipment points. The user's own by default; RECEIVED_PROPOSAL_LAYERS for those
    received from the communes. With ``decisions`` (proposal uuid -> decision code), each
    proposal is filled with its decision's colour (the layer's own where it has none) and the
    layer's legend lists the decisions shown."""
    chosen_by_layer = {layer_id: [] for layer_id in layer_ids}
    for proposal in proposals:
        if proposal.geometry.geom_type == "Point":
            chosen_by_layer[layer_ids[2]].append(proposal)
        elif proposal.kind == PERIMETRE:
            chosen_by_layer[layer_ids[1]].append(proposal)
        else:
            chosen_by_layer[layer_ids[0]].append(proposal)
    layers = {}
    for layer_id, chosen in chosen_by_layer.items():
        symbols = legend = None
        if decisions is not None:
            codes = [decisions.get(p.uuid) for p in chosen]
            symbols = [decision_symbol(layer_id, code) for code in codes]
            legend = decision_legend(layer_id, codes)
        layers[layer_id] = FeatureLayer(layer_info(layer_id), [p.uuid for p in chosen],
                                        [p.label for p in chosen],
                                        np.array([p.geometry for p in chosen], dtype=object),
                                        symbols, legend)
    return layers


def modified_layers(shapes: Sequence[tuple[str, str, object]]) -> dict[str, FeatureLayer]:
    """The geometries the agglomeration modified, (proposal uuid, label, geometry) each, in
    their own two layers (MODIFIED_LAYERS: surfaces, points) drawn beside the originals."""
    chosen_by_layer = {layer_id: [] for layer_id in MODIFIED_LAYERS}
    for shape in shapes:
        point = shape[2].geom_type == "Point"
        chosen_by_layer[MODIFIED_LAYERS[1] if point else MODIFIED_LAYERS[0]].append(shape)
    return {layer_id: FeatureLayer(layer_info(layer_id), [uuid for uuid, _, _ in chosen],
                                   [label for _, label, _ in chosen],
                                   np.array([geometry for _, _, geometry in chosen],
                                            dtype=object))
            for layer_id, chosen in chosen_by_layer.items()}


def load_reference_layers(store) -> dict[str, FeatureLayer]:
    """Every map layer, in drawing order; the proposal layers start empty."""
    layers = {}
    for info in LAYERS:
        if info.id in LAYER_QUERIES:
            layers[info.id] = _load(store, info.id)
        else:
            layers[info.id] = FeatureLayer(info, [], [], np.array([], dtype=object))
    return layers
