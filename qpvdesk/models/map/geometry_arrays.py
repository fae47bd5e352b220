"""Flat numpy views of a layer's geometries, ready to be turned into screen paths fast.

A polygon or line layer is kept as one coordinate array in feature order: the vertices of
feature i are coords[vertex_start[i]:vertex_start[i + 1]], and `continues[v]` says whether
vertex v is joined to vertex v + 1 (same ring or line). Selecting the visible features is
then a copy of their vertex ranges; no per-vertex mask over the whole layer. Indices are
int32 (half the memory of int64; a layer holds far fewer than 2**31 vertices).

The arrays are enough to rebuild any feature's shapely geometry (`geometries`), so a large
layer need not keep its shapely objects once loaded.
"""
from __future__ import annotations

from dataclasses import dataclass

import struct

import numpy as np
import shapely

INDEX = np.int32
_WKB_POLYGON, _WKB_MULTIPOLYGON = 3, 6
POLYGON_KINDS, LINE_KINDS = {3, 6}, {1, 5}   # shapely type ids


@dataclass(frozen=True)
class GeometryArrays:
    coords: np.ndarray           # (n, 2) float64, Lambert-93, feature after feature
    continues: np.ndarray        # (n,) bool: vertex v is joined to vertex v + 1
    vertex_start: np.ndarray     # (f + 1,) int32: first vertex of each feature, then n
    ring_start: np.ndarray       # (r + 1,) int32: first vertex of each ring (or line), then n
    part_of_ring: np.ndarray     # (r,) int32: the polygon (or line) part each ring belongs to
    feature_of_part: np.ndarray  # (p,) int32
    polygons: bool               # polygons (rings closed) or lines

    @classmethod
    def from_geometries(cls, geometries: np.ndarray) -> GeometryArrays:
        if len(geometries) == 0:
            empty = np.zeros(0, dtype=INDEX)
            return cls(np.zeros((0, 2)), np.zeros(0, bool), np.zeros(1, INDEX),
                       np.zeros(1, INDEX), empty, empty, True)
        # (not shapely.to_ragged_array: it imports numpy.ma, 40 ms that start-up avoids)
        kinds = set(shapely.get_type_id(geometries).tolist())
        if kinds <= POLYGON_KINDS:
            parts, feature_of_part = shapely.get_parts(geometries, return_index=True)
            rings, part_of_ring = shapely.get_rings(parts, return_index=True)
        elif kinds <= LINE_KINDS:
            rings, feature_of_part = shapely.get_parts(geometries, return_index=True)
            part_of_ring = np.arange(len(rings))
        else:
            raise ValueError(f"GeometryArrays handles polygons or lines, not type ids {kinds}")
        coords = shapely.get_coordinates(rings)
        ring_sizes = shapely.get_num_coordinates(rings)
        ring_start = np.zeros(len(rings) + 1, dtype=INDEX)
        np.cumsum(ring_sizes, out=ring_start[1:])
        first_ring_of_feature = np.searchsorted(feature_of_part[part_of_ring],
                                                np.arange(len(geometries) + 1))
        vertex_start = ring_start[first_ring_of_feature]
        continues = np.ones(len(coords), dtype=bool)
        continues[ring_start[1:] - 1] = False
        return cls(coords, continues, vertex_start.astype(INDEX), ring_start,
                   part_of_ring.astype(INDEX), feature_of_part.astype(INDEX),
                   kinds <= POLYGON_KINDS)

    @classmethod
    def from_wkb(cls, blobs: list[bytes]) -> GeometryArrays | None:
        """Straight from little-endian 2D WKB polygons and multi-polygons (what SpatiaLite's
        AsBinary writes on x86 and ARM), without making shapely objects: the rings'
        coordinate bytes are joined and read as one array. None for anything else (the
        caller then goes through shapely)."""
        unpack = struct.unpack_from
        pieces, ring_sizes, rings_per_part, parts_per_feature = [], [], [], []
        try:
            for blob in blobs:
                order, kind = unpack("<BI", blob, 0)
                if order != 1:
                    return None
                if kind == _WKB_POLYGON:
                    parts, offset = 1, 0
                elif kind == _WKB_MULTIPOLYGON:
                    (parts,), offset = unpack("<I", blob, 5), 9
                else:
                    return None
                parts_per_feature.append(parts)
                view = memoryview(blob)
                for _ in range(parts):
                    if kind == _WKB_MULTIPOLYGON:
                        order, part_kind = unpack("<BI", blob, offset)
                        if order != 1 or part_kind != _WKB_POLYGON:
                            return None
                    (rings,) = unpack("<I", blob, offset + 5)
                    offset += 9
                    rings_per_part.append(rings)
                    for _ in range(rings):
                        (points,) = unpack("<I", blob, offset)
                        end = offset + 4 + 16 * points
                        pieces.append(view[offset + 4:end])
                        ring_sizes.append(points)
                        offset = end
                if offset != len(blob):
                    return None
        except struct.error:
            return None
        # read-only, over the joined bytes: no copy (nothing writes into a layer's arrays)
        coords = np.frombuffer(b"".join(pieces), dtype="<f8").reshape(-1, 2)
        ring_start = np.zeros(len(ring_sizes) + 1, dtype=INDEX)
        np.cumsum(ring_sizes, out=ring_start[1:])
        first_ring_of_part = np.zeros(len(rings_per_part) + 1, dtype=INDEX)
        np.cumsum(rings_per_part, out=first_ring_of_part[1:])
        first_part_of_feature = np.zeros(len(parts_per_feature) + 1, dtype=INDEX)
        np.cumsum(parts_per_feature, out=first_part_of_feature[1:])
        continues = np.ones(len(coords), dtype=bool)
        continues[ring_start[1:] - 1] = False
        return cls(coords, continues, ring_start[first_ring_of_part[first_part_of_feature]],
                   ring_start,
                   np.repeat(np.arange(len(rings_per_part), dtype=INDEX), rings_per_part),
                   np.repeat(np.arange(len(parts_per_feature), dtype=INDEX),
                             parts_per_feature), True)

    def extents(self) -> np.ndarray:
        """(f, 4) bounds of each feature (features without vertices: NaN)."""
        result = np.full((len(self), 4), np.nan)
        has = np.diff(self.vertex_start) > 0
        if len(self.coords) and has.any():
            starts = self.vertex_start[:-1][has]
            for column, (axis, reduce) in enumerate(((0, np.minimum), (1, np.minimum),
                                                     (0, np.maximum), (1, np.maximum))):
                result[has, column] = reduce.reduceat(self.coords[:, axis], starts)
        return result

    @classmethod
    def concatenate(cls, pieces: list[GeometryArrays]) -> GeometryArrays:
        """One layer's arrays from those of consecutive chunks of its features."""
        if len(pieces) == 1:
            return pieces[0]
        vertex_offset = np.cumsum([0] + [len(piece.coords) for piece in pieces[:-1]])
        part_offset = np.cumsum([0] + [len(piece.feature_of_part) for piece in pieces[:-1]])
        feature_offset = np.cumsum([0] + [len(piece) for piece in pieces[:-1]])
        return cls(
            np.concatenate([piece.coords for piece in pieces]),
            np.concatenate([piece.continues for piece in pieces]),
            np.concatenate([pieces[0].vertex_start[:1]] + [
                piece.vertex_start[1:] + offset for piece, offset in zip(pieces, vertex_offset)]
            ).astype(INDEX),
            np.concatenate([pieces[0].ring_start[:1]] + [
                piece.ring_start[1:] + offset for piece, offset in zip(pieces, vertex_offset)]
            ).astype(INDEX),
            np.concatenate([piece.part_of_ring + offset
                            for piece, offset in zip(pieces, part_offset)]).astype(INDEX),
            np.concatenate([piece.feature_of_part + offset
                            for piece, offset in zip(pieces, feature_offset)]).astype(INDEX),
            all(piece.polygons for piece in pieces))

    def __len__(self) -> int:
        return len(self.vertex_start) - 1

    def vertex_count(self) -> int:
        return len(self.coords)

    def nbytes(self) -> int:
        return sum(array.nbytes for array in (self.coords, self.continues, self.vertex_start,
                                              self.ring_start, self.part_of_ring,
                                              self.feature_of_part))

    def decimated(self, cell: float) -> GeometryArrays:
        """A copy without the vertices that fall in the same `cell`-metre grid square as the
        vertex before them on their ring (what a view of that many metres per pixel cannot
        show); each ring keeps its first and last vertex."""
        if not len(self.coords):
            return self
        keep = np.ones(len(self.coords), dtype=bool)
        keep[1:] = ~self.continues[:-1]
        for axis in (0, 1):
            grid = self.coords[:, axis] / cell
            np.floor(grid, out=grid)
            keep[1:] |= grid[1:] != grid[:-1]
            del grid
        keep[self.ring_start[1:] - 1] = True
        kept_before = np.zeros(len(keep) + 1, dtype=INDEX)   # kept vertices before each one
        np.cumsum(keep, out=kept_before[1:])
        ring_start = kept_before[self.ring_start]
        continues = np.ones(int(ring_start[-1]), dtype=bool)
        continues[ring_start[1:] - 1] = False
        return GeometryArrays(self.coords[keep], continues, kept_before[self.vertex_start],
                              ring_start, self.part_of_ring, self.feature_of_part, self.polygons)

    def vertex_indices(self, features: np.ndarray) -> np.ndarray:
        """The vertex indices of the given features, feature after feature."""
        starts = self.vertex_start[features]
        lengths = self.vertex_start[features + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return np.zeros(0, dtype=INDEX)
        # each feature's run: its start, then +1 per vertex
        steps = np.ones(total, dtype=INDEX)
        run_starts = np.cumsum(lengths) - lengths
        kept = lengths > 0
        steps[run_starts[kept]] = starts[kept] - np.r_[0, (starts + lengths)[kept][:-1]] + 1
        steps[0] = starts[kept][0]
        return np.cumsum(steps, dtype=INDEX)

    def select(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Coordinates of the given features' vertices (in the order given) and, for each,
        whether it is joined to the next one."""
        if len(features) == 0 or len(self.coords) == 0:
            return np.zeros((0, 2)), np.zeros(0, dtype=bool)
        indices = self.vertex_indices(np.asarray(features, dtype=INDEX))
        return self.coords[indices], self.continues[indices]

    def geometries(self, features: np.ndarray | None = None) -> np.ndarray:
        """Shapely geometries of the given features (all by default), rebuilt from the arrays:
        a polygon, or a multi-polygon when a feature has several parts (lines alike)."""
        features = (np.arange(len(self), dtype=INDEX) if features is None
                    else np.asarray(features, dtype=INDEX))
        result = np.empty(len(features), dtype=object)
        if not len(features):
            return result
        wanted = np.zeros(len(self), dtype=bool)
        wanted[features] = True
        ordered = np.flatnonzero(wanted).astype(INDEX)
        # rings of the wanted features, in vertex order (a feature's rings are contiguous)
        rings = np.flatnonzero(wanted[self.feature_of_part[self.part_of_ring]])
        ring_id = np.repeat(np.arange(len(rings)), np.diff(self.ring_start)[rings])
        coords = self.coords[self.vertex_indices(ordered)]
        if self.polygons:
            shapes = shapely.linearrings(coords, indices=ring_id)
            parts, part_index = np.unique(self.part_of_ring[rings], return_inverse=True)
            shapes = shapely.polygons(shapes, indices=part_index)
            multi = shapely.multipolygons
        else:
            parts = self.part_of_ring[rings]
            shapes = shapely.linestrings(coords, indices=ring_id)
            multi = shapely.multilinestrings
        owner = self.feature_of_part[parts]
        first = np.searchsorted(owner, ordered)
        count = np.searchsorted(owner, ordered, side="right") - first
        by_feature = np.empty(len(self), dtype=object)
        single = count == 1
        by_feature[ordered[single]] = shapes[first[single]]
        for feature, start, size in zip(ordered[~single], first[~single], count[~single]):
            by_feature[feature] = multi(shapes[start:start + size])
        result[:] = by_feature[features]
        return result


def borders_once(arrays: GeometryArrays) -> np.ndarray:
    """`continues` with every segment that two features share kept for one of them only:
    the first in vertex order (a coverage such as France's communes: each border once, half
    the segments to stroke). A segment is shared when both have the same two end points,
    whichever way round."""
    joins = arrays.continues.copy()
    if len(arrays.coords) < 2:
        return joins
    start = np.flatnonzero(arrays.continues[:-1])          # segment v -> v + 1
    a, b = arrays.coords[start], arrays.coords[start + 1]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    low, high = np.where(swap[:, None], b, a), np.where(swap[:, None], a, b)
    order = np.lexsort((high[:, 1], high[:, 0], low[:, 1], low[:, 0]))   # stable
    ends = np.column_stack([low, high])[order]
    again = np.flatnonzero(np.all(ends[1:] == ends[:-1], axis=1)) + 1
    joins[start[order[again]]] = False
    return joins


def thinned(coords: np.ndarray, continues: np.ndarray, cell: float,
            passes: int = 2) -> np.ndarray:
    """Which vertices of a selection (`select`'s coordinates and joins) a view of about
    `cell` metres per pixel needs: those that move to another `cell`-metre grid square than
    the vertex before them, less those within a quarter of a cell of the line through their
    kept neighbours (two passes, every other vertex each, so that no two neighbours go in
    the same pass). Each ring keeps its first and last vertex; the joins of the vertices
    kept are `continues[kept]`."""
    count = len(coords)
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    ends = ~continues                       # the last vertex of each ring
    keep = ends.copy()
    keep[1:] |= ends[:-1]                   # the first one
    keep[0] = True
    grid = np.floor(coords * (1.0 / cell))
    moved = grid[1:] != grid[:-1]
    keep[1:] |= moved[:, 0] | moved[:, 1]
    del grid, moved
    kept = np.flatnonzero(keep)
    tolerance = cell / 4
    for parity in range(passes):
        if len(kept) < 3:
            break
        points = coords[kept]
        a, b, c = points[:-2], points[1:-1], points[2:]
        chord = c - a
        offset = np.abs(chord[:, 0] * (b[:, 1] - a[:, 1]) - chord[:, 1] * (b[:, 0] - a[:, 0]))
        length = np.hypot(chord[:, 0], chord[:, 1])
        middle = kept[1:-1]
        drop = np.zeros(len(kept), dtype=bool)
        drop[1 + parity:-1:2] = True        # every other vertex...
        # ...that is no ring's first or last and lies near its neighbours' chord
        drop[1:-1] &= (offset < tolerance * length) & ~_first_or_last(middle, ends)
        kept = kept[~drop]
    return kept


def rings_clipped(coords: np.ndarray, continues: np.ndarray,
                  box: tuple[float, float, float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Rings (`select`'s coordinates and joins; each ring closed by its last vertex back to
    its first) cut to `box` for an even-odd fill: Sutherland-Hodgman against each side, all
    rings at once. Inside the box the even-odd fill is unchanged; where a ring leaves and
    comes back, the cut runs along the box's side, both ways (no area), so a box a few pixels
    larger than the view leaves every pixel of the view as it was. A cover of France filled
    for a 1 % view: 27,204 vertices to 5."""
    xmin, ymin, xmax, ymax = box
    for axis, bound, keep_below in ((0, xmin, False), (0, xmax, True),
                                    (1, ymin, False), (1, ymax, True)):
        if not len(coords):
            break
        coords, continues = _clipped_to_side(coords, continues, axis, bound, keep_below)
    return coords, continues


def _clipped_to_side(coords: np.ndarray, continues: np.ndarray, axis: int, bound: float,
                     keep_below: bool) -> tuple[np.ndarray, np.ndarray]:
    value = coords[:, axis]
    inside = value <= bound if keep_below else value >= bound
    if inside.all():
        return coords, continues
    count = len(coords)
    joined = continues.copy()
    joined[-1] = False                  # the last vertex ends the last ring
    ring = np.zeros(count, dtype=np.int64)
    ring[1:] = np.cumsum(~joined[:-1])
    ring_first = np.flatnonzero(np.r_[True, ~joined[:-1]])
    # every vertex starts an edge: to the next vertex, or from a ring's last to its first
    following = np.where(joined, np.arange(1, count + 1), ring_first[ring])
    a_in, b_in = inside, inside[following]
    cross = a_in != b_in
    # in -> in: the end; in -> out: the crossing; out -> in: the crossing, the end
    per_edge = b_in.astype(np.int64) + cross
    edge = np.repeat(np.arange(count), per_edge)
    if not len(edge):
        return coords[:0], continues[:0]
    a, b = coords[cross], coords[following[cross]]
    share = (bound - a[:, axis]) / (b[:, axis] - a[:, axis])
    crossing = a + share[:, None] * (b - a)
    crossing[:, axis] = bound
    first_of_edge = np.r_[True, edge[1:] != edge[:-1]]
    out = coords[following[edge]]
    crossed_first = first_of_edge & cross[edge]
    out[crossed_first] = crossing[(np.cumsum(cross) - 1)[edge[crossed_first]]]
    out_ring = ring[edge]
    starts = np.flatnonzero(np.r_[True, out_ring[1:] != out_ring[:-1]])
    ends = np.r_[starts[1:] - 1, len(out) - 1]
    closed = np.insert(out, ends + 1, out[starts], axis=0)   # each ring back to its start
    joins = np.ones(len(closed), dtype=bool)
    joins[ends + 1 + np.arange(len(ends))] = False
    return closed, joins


def _first_or_last(vertices: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Whether each vertex is the first or the last of its ring."""
    first = np.zeros(len(vertices), dtype=bool)
    inner = vertices > 0
    first[inner] = ends[vertices[inner] - 1]
    first[~inner] = True
    return first | ends[vertices]


def point_coordinates(geometries: np.ndarray) -> np.ndarray:
    """(n, 2) coordinates of point features (the first point of multi-points)."""
    if len(geometries) == 0:
        return np.zeros((0, 2))
    return shapely.get_coordinates(shapely.get_point(geometries, 0)
                                   if shapely.get_type_id(geometries[0]) == 4 else geometries)
