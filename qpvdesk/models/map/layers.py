"""The map's feature layers, loaded once from the reference database into memory.

Each layer keeps flat numpy arrays of its geometries (drawing, identify, level of detail) and
each feature's bounding box (culling). Small layers also keep their shapely geometries, with
an STRtree, for snapping and outlines; a large one (the stress layer, France's communes) drops
them once its arrays are built — any feature's geometry is rebuilt from the arrays when asked.
Level of detail: small layers have copies simplified with their topology kept, large ones
copies that drop the vertices falling in the same pixel as the previous one; either is kept
only when it removes at least a quarter of the vertices.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import cached_property

import numpy as np
import shapely

from .geometry_arrays import GeometryArrays, point_coordinates
from ..proposals.vocabulary import PERIMETRE
from .styles import (LAYERS, LayerInfo, LegendItem, Symbol, college_symbol,
                     decision_legend, decision_symbol, layer_info)

# Simplification tolerances (metres) of the level-of-detail copies of small polygon layers.
LOD_TOLERANCES = (0.0, 2.0, 8.0, 32.0)
# A copy is kept only when it has at most this share of the vertices of the next finer one.
WORTH_A_COPY = 0.75
# Large layers drop vertices within a grid cell of at most this many pixels (France's communes
# at 1,130 m per pixel: 804,000 -> 460,000 vertices, full view 168 -> 141 ms, same look).
LOD_GRID_PX = 2.0
# Layers of more features than this keep no shapely geometries after load.
KEEP_GEOMETRIES_UP_TO = 5_000
# Geometries are decoded from WKB this many at a time (the temporary objects stay small).
WKB_CHUNK = 5_000
# Features per block of the culling index of large layers (see FeatureLayer.query).
BLOCK = 64
# A copy of more vertices than this is followed by malloc_trim (see _give_back_freed_memory).
TRIM_AFTER_VERTICES = 200_000

LAYER_QUERIES = {
    "iris": "SELECT code, name, AsBinary(geom) FROM iris ORDER BY code",
    "unesco": "SELECT id, name, AsBinary(geom) FROM unesco_perimetre ORDER BY id",
    "cites": "SELECT id, name, AsBinary(geom) FROM heritage_cite ORDER BY id",
    "terrils": "SELECT id, name, AsBinary(geom) FROM heritage_terril ORDER BY id",
    "communes": "SELECT insee, name, AsBinary(geom) FROM commune ORDER BY insee",
    "epci": "SELECT siren, name, AsBinary(geom) FROM epci",
    "qpv": "SELECT code, name, AsBinary(geom) FROM qpv WHERE geom IS NOT NULL ORDER BY code",
    # QPV whose perimeter is not provided: a point in their commune (reference schema 3)
    "qpv_markers": "SELECT m.qpv_code, q.name, AsBinary(m.geom) FROM qpv_marker m "
                   "JOIN qpv q ON q.code = m.qpv_code ORDER BY m.qpv_code",
    "puits": "SELECT id, name, AsBinary(geom) FROM heritage_puits ORDER BY id",
    "colleges": "SELECT uai, name, AsBinary(geom), rep, ips FROM college ORDER BY uai",
}


class FeatureLayer:
    def __init__(self, info: LayerInfo, keys: list[str], labels: list[str | None],
                 geometries: np.ndarray, symbols: list[Symbol] | None = None,
                 arrays: GeometryArrays | None = None, extents: np.ndarray | None = None,
                 *, legend: list[LegendItem] | None = None) -> None:
        """From shapely geometries, or (`geometries` None) from flat arrays and extents.
        `symbols` are per-feature symbols (colleges, decisions); `legend` is given when they
        need a legend of their own."""
        self.info, self.keys, self.labels, self.symbols = info, keys, labels, symbols
        self.legend = legend
        self.lods: dict[float, GeometryArrays] = {}   # level of detail -> copy, built lazily
        # When the features tile an area without overlapping (France's communes): that area,
        # whose fill draws the same pixels as all the features' fills, in far fewer edges.
        self.cover: GeometryArrays | None = None
        # ...and then the joins of its vertices with each shared border kept for one feature
        # only (geometry_arrays.borders_once): its outlines stroke each border once.
        self.outline_joins: np.ndarray | None = None
        if geometries is not None:
            extents = shapely.bounds(geometries) if len(geometries) else np.zeros((0, 4))
        self.extents: np.ndarray = extents          # (n, 4) bounds of each feature
        self.points = np.zeros((0, 2))
        if info.geometry == "point":
            self.points = point_coordinates(geometries)
            self._geometries = geometries
            return
        if arrays is None and geometries is not None and len(geometries) > KEEP_GEOMETRIES_UP_TO:
            arrays = GeometryArrays.from_geometries(geometries)
        if arrays is not None:
            self.lods[0.0] = arrays
        self._geometries = (geometries if geometries is not None
                            and len(geometries) <= KEEP_GEOMETRIES_UP_TO else None)

    @classmethod
    def from_wkb(cls, info: LayerInfo, keys: list[str], labels: list[str | None],
                 blobs: list[bytes], symbols: list[Symbol] | None = None) -> FeatureLayer:
        """A layer from WKB geometries: shapely objects for a small layer, flat arrays
        decoded a chunk at a time for a large one."""
        if len(blobs) <= KEEP_GEOMETRIES_UP_TO or info.geometry == "point":
            geometries = (np.asarray(shapely.from_wkb(blobs), dtype=object) if blobs
                          else np.array([], dtype=object))
            return cls(info, keys, labels, geometries, symbols)
        return cls.from_rows(info, ([(key, label, blob) for key, label, blob in
                                     zip(keys[i:i + WKB_CHUNK], labels[i:i + WKB_CHUNK],
                                         blobs[i:i + WKB_CHUNK])]
                                    for i in range(0, len(blobs), WKB_CHUNK)))

    @classmethod
    def from_rows(cls, info: LayerInfo, chunks) -> FeatureLayer:
        """A large polygon or line layer from chunks of (key, label, WKB) rows, e.g. a
        cursor's fetchmany: only a chunk of WKB lives at once, decoded straight into flat
        arrays (polygons by GeometryArrays.from_wkb, anything else through shapely)."""
        keys, labels, pieces = [], [], []
        for rows in chunks:
            blobs = [row[2] for row in rows]
            keys += [str(row[0]) for row in rows]
            labels += [row[1] for row in rows]
            arrays = GeometryArrays.from_wkb(blobs) if info.geometry == "polygon" else None
            if arrays is None:
                arrays = GeometryArrays.from_geometries(shapely.from_wkb(blobs))
            pieces.append(arrays)
            del blobs, rows
        if not pieces:
            return cls(info, [], [], np.array([], dtype=object))
        arrays = GeometryArrays.concatenate(pieces)
        del pieces
        layer = cls(info, keys, labels, None, None, arrays, arrays.extents())
        _give_back_freed_memory()
        return layer

    def restyled(self, symbols: list[Symbol] | None,
                 legend: list[LegendItem] | None = None) -> FeatureLayer:
        """The same features (shared, not copied) drawn with other per-feature symbols;
        None: every feature in the layer's own style."""
        copy = object.__new__(FeatureLayer)
        copy.__dict__.update(self.__dict__)
        copy.symbols, copy.legend = symbols, legend
        return copy

    @property
    def keeps_geometries(self) -> bool:
        return self._geometries is not None

    @property
    def geometries(self) -> np.ndarray:
        """Every feature's shapely geometry: kept by small layers, rebuilt from the arrays
        (at a cost) by large ones."""
        if self._geometries is not None:
            return self._geometries
        return self.lods[0.0].geometries()

    def geometry(self, index: int):
        """One feature's shapely geometry."""
        if self._geometries is not None:
            return self._geometries[index]
        return self.lods[0.0].geometries(np.array([index]))[0]

    @cached_property
    def tree(self) -> shapely.STRtree:
        """An STRtree of the geometries, for snapping (built when first asked)."""
        return shapely.STRtree(self.geometries)

    @cached_property
    def label_points(self) -> np.ndarray:
        """(n, 2) points inside each feature where its label goes."""
        if not len(self):
            return np.zeros((0, 2))
        return shapely.get_coordinates(shapely.point_on_surface(self.geometries))

    @cached_property
    def sizes(self) -> np.ndarray:
        """Each feature's larger side, in metres (its extent's width or height)."""
        return np.maximum(self.extents[:, 2] - self.extents[:, 0],
                          self.extents[:, 3] - self.extents[:, 1])

    @cached_property
    def curve_rank(self) -> np.ndarray:
        """Each feature's position along a Hilbert curve through the layer's extent (by the
        centre of its bounding box)."""
        return hilbert_rank(self.extents)

    def in_curve_order(self, features: np.ndarray) -> np.ndarray:
        """The features sorted along the Hilbert curve: drawn in that order, batches of
        neighbours make small paths instead of strips across the view."""
        if len(features) < 2:
            return features
        return features[np.argsort(self.curve_rank[features], kind="stable")]

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
        """Indices of the features whose extent meets the bbox, in layer order. Large layers
        test blocks of BLOCK neighbours along the Hilbert curve first (a one-level packed
        R-tree: 0.2 ms for a 1 % view of 200,000 features, against 5 ms for a scan)."""
        if not len(self):
            return np.zeros(0, dtype=np.int64)
        if not self.large:
            return np.flatnonzero(_meets(self.extents, bbox))
        blocks = self.blocks_meeting(bbox)
        if not len(blocks):
            return np.zeros(0, dtype=np.int64)
        members = self.block_features(blocks)
        found = members[_meets(self.extents[members], bbox)]
        if len(found) < len(self) // 16:
            return np.sort(found)
        held = np.zeros(len(self), dtype=bool)   # a large share: marked in order, no sort
        held[found] = True                       # (full view of 200,000: 11 -> 1 ms)
        return np.flatnonzero(held)

    @property
    def large(self) -> bool:
        """Large layers are culled (and drawn, see render/block_paths.py) by blocks."""
        return len(self) > BLOCK * 16

    def blocks_meeting(self, bbox: tuple[float, float, float, float]) -> np.ndarray:
        """The blocks (BLOCK features each, neighbours along the Hilbert curve) whose box
        meets the bbox."""
        return np.flatnonzero(_meets(self._blocks[1], bbox))

    def block_features(self, blocks: np.ndarray) -> np.ndarray:
        """The features of the given blocks, block after block, in curve order."""
        members = self._blocks[0][(np.asarray(blocks)[:, None] * BLOCK
                                   + np.arange(BLOCK)).ravel()]
        return members[members >= 0]

    def blocks_of(self, features: np.ndarray) -> np.ndarray:
        """The blocks holding the given features, each once, in order."""
        held = np.zeros(self.block_count, dtype=bool)     # (np.unique imports numpy.ma:
        held[self._block_of_feature[features]] = True     # 40 ms that start-up avoids)
        return np.flatnonzero(held)

    @cached_property
    def _block_of_feature(self) -> np.ndarray:
        block = np.empty(len(self), dtype=np.int32)
        order = self._blocks[0]
        placed = order >= 0
        block[order[placed]] = np.flatnonzero(placed) // BLOCK
        return block

    def block_sizes(self, blocks: np.ndarray) -> np.ndarray:
        """How many features each of the given blocks holds (BLOCK but for the last one)."""
        return np.minimum(len(self) - np.asarray(blocks) * BLOCK, BLOCK)

    @property
    def block_count(self) -> int:
        return len(self._blocks[1])

    @staticmethod
    def grid_cell(resolution: float) -> float:
        """The level-of-detail grid of large layers for a view of `resolution` metres per
        pixel: a power of two metres, one to LOD_GRID_PX pixels wide, so that small zooms
        share it (0 below 2 m per pixel: every vertex)."""
        return (2.0 ** math.floor(math.log2(resolution * LOD_GRID_PX)) if resolution >= 2
                else 0.0)

    @cached_property
    def _blocks(self) -> tuple[np.ndarray, np.ndarray]:
        """Features in Hilbert order, padded with -1 to whole blocks, and each block's box."""
        order = np.argsort(self.curve_rank, kind="stable")
        padded = np.full(-(-len(order) // BLOCK) * BLOCK, -1, dtype=np.int64)
        padded[:len(order)] = order
        extents = self.extents[order]
        blocks = np.arange(0, len(order), BLOCK)
        block_extents = np.column_stack([np.minimum.reduceat(extents[:, 0], blocks),
                                         np.minimum.reduceat(extents[:, 1], blocks),
                                         np.maximum.reduceat(extents[:, 2], blocks),
                                         np.maximum.reduceat(extents[:, 3], blocks)])
        return padded, block_extents

    def lod_for(self, resolution: float) -> GeometryArrays:
        """The coarsest copy whose error stays under about half a pixel (two pixels for the
        grid of large layers), built the first time a view needs it."""
        if self._geometries is None:
            cell = self.grid_cell(resolution)
            return self._copy(cell, lambda: self.lods[0.0].decimated(cell))
        tolerance = max(value for value in LOD_TOLERANCES if value <= resolution * 0.5)
        return self._copy(tolerance, lambda: GeometryArrays.from_geometries(
            self._geometries if tolerance == 0 else shapely.simplify(
                self._geometries, tolerance, preserve_topology=True)))

    def _copy(self, level: float, build) -> GeometryArrays:
        if level not in self.lods:
            full = self.lods.get(0.0)
            if full is None:
                full = self.lods[0.0] = GeometryArrays.from_geometries(self._geometries)
            copy = full if level == 0 else build()
            # a copy that saves little is not worth its memory: the full arrays serve
            self.lods[level] = (copy if copy.vertex_count() <= WORTH_A_COPY * full.vertex_count()
                                else full)
            if copy.vertex_count() > TRIM_AFTER_VERTICES:
                _give_back_freed_memory()
        return self.lods[level]

    def feature_at(self, x: float, y: float, tolerance: float) -> int | None:
        """The top-most feature under (x, y), points within `tolerance` metres. Candidates
        come from the features' extents; only theirs are tested as shapely geometries."""
        if not len(self):
            return None
        probe = shapely.Point(x, y)
        candidates = self.query((x - tolerance, y - tolerance, x + tolerance, y + tolerance))
        if not len(candidates):
            return None
        if self.info.geometry == "point":
            distances = shapely.distance(self._geometries[candidates], probe)
            return int(candidates[np.argmin(distances)])
        shapes = (self._geometries[candidates] if self._geometries is not None
                  else self.lods[0.0].geometries(candidates))
        under = shapely.intersects(shapes, probe)
        if not under.any():
            return None
        # the smallest feature is the most specific one under the cursor
        hits, shapes = candidates[under], shapes[under]
        return int(hits[np.argmin(shapely.area(shapes))])


def _meets(extents: np.ndarray, bbox: tuple[float, float, float, float]) -> np.ndarray:
    xmin, ymin, xmax, ymax = bbox
    return ((extents[:, 0] <= xmax) & (extents[:, 2] >= xmin)
            & (extents[:, 1] <= ymax) & (extents[:, 3] >= ymin))


def hilbert_rank(extents: np.ndarray, bits: int = 16) -> np.ndarray:
    """Hilbert-curve index of the centres of (n, 4) boxes on a 2**bits grid over their extent."""
    if not len(extents):
        return np.zeros(0, dtype=np.int64)
    cx = (extents[:, 0] + extents[:, 2]) / 2
    cy = (extents[:, 1] + extents[:, 3]) / 2
    side = (1 << bits) - 1

    def grid(values: np.ndarray) -> np.ndarray:
        span = float(values.max() - values.min()) or 1.0
        return np.round((values - values.min()) / span * side).astype(np.int64)

    x, y = grid(cx), grid(cy)
    rank = np.zeros(len(x), dtype=np.int64)
    step = 1 << (bits - 1)
    while step > 0:
        rx = (x & step) > 0
        ry = (y & step) > 0
        rank += step * step * ((3 * rx) ^ ry)
        flip = ~ry & rx
        x = np.where(flip, side - x, x)
        y = np.where(flip, side - y, y)
        swap = ~ry
        x, y = np.where(swap, y, x), np.where(swap, x, y)
        step >>= 1
    return rank


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
    symbols = None
    if layer_id == "colleges":
        symbols = [college_symbol(row[3], row[4]) for row in rows]
    return FeatureLayer.from_wkb(layer_info(layer_id), [str(row[0]) for row in rows],
                                 [row[1] for row in rows], [row[2] for row in rows], symbols)


OWN_PROPOSAL_LAYERS = ("proposals", "proposal_perimeters", "proposal_points")
RECEIVED_PROPOSAL_LAYERS = ("received", "received_perimeters", "received_points")
MODIFIED_LAYERS = ("modified", "modified_points")


def listed_in_layer_panel(layer_id: str, layers: Mapping[str, FeatureLayer]) -> bool:
    """Whether the layers panel lists a layer: the proposals received from the communes and
    the geometries the agglomeration modified only once there are some (a commune never
    receives proposals, and nobody has modified geometries before a decision or a
    response), every other layer always."""
    if layer_id in RECEIVED_PROPOSAL_LAYERS or layer_id in MODIFIED_LAYERS:
        layer = layers.get(layer_id)
        return layer is not None and len(layer.keys) > 0
    return True


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
                                        symbols, legend=legend)
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
    tables = {name for (name,) in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    for info in LAYERS:
        if info.id in LAYER_QUERIES and (info.id != "qpv_markers" or "qpv_marker" in tables):
            layers[info.id] = _load(store, info.id)
        else:
            layers[info.id] = FeatureLayer(info, [], [], np.array([], dtype=object))
    return layers
