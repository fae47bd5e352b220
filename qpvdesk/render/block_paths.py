"""Paths of layers kept from one render to the next, in map coordinates.

A layer in one style is drawn block by block: BLOCK neighbours along the Hilbert curve, the
blocks a large layer's culling already uses (FeatureLayer.blocks_meeting). Each block's
QPainterPath is built once, in Lambert-93 metres, the first time a view shows it, and later
drawn through the painter's transform: panning and zooming within a level of detail build no
path again, and Qt keeps its own conversion of each path as well (a 1 % view of 200,000
polygons: 8.6 -> 6.3 ms, the same pixels). Building a path from numpy costs about 0.1 µs a
vertex in QDataStream, the largest part of a dense view's Python-side time before this cache.
A large layer's paths hold the vertices thinned for the view's grid (FeatureLayer.grid_cell),
a small layer's those of its copy simplified for the view; a layer whose features tile an
area (FeatureLayer.cover) is filled from one path of that area.

The least recently drawn blocks are dropped beyond MAX_VERTICES (about 40 bytes a vertex with
Qt's conversion). Blocks of arrays that are freed (a level-of-detail copy, a closed layer) go
with them.
"""
from __future__ import annotations

import math
import threading
import weakref
from collections import OrderedDict

import numpy as np
from PySide6.QtGui import QPainterPath, QTransform

from ..models.map.geometry_arrays import GeometryArrays, rings_clipped, thinned
from ..models.map.layers import FeatureLayer
from ..models.map.viewport import Viewport
from .numpy_path import numpy_path

MAX_VERTICES = 2_000_000
# Blocks whose vertices are selected and thinned at once: numpy's passes stay fast and their
# temporary arrays small (France's communes, first frame: peak RSS 269 -> 175 MB).
BLOCKS_BUILT_TOGETHER = 32
CUT_GRID_PX = 256   # a cover cut to a view is cut to a box on a grid this many pixels wide


def map_to_screen(viewport: Viewport) -> QTransform:
    """The painter transform drawing Lambert-93 metres where Viewport.to_screen puts them."""
    scale = 1.0 / viewport.resolution
    return QTransform(scale, 0.0, 0.0, -scale, viewport.width / 2 - viewport.center_x * scale,
                      viewport.height / 2 + viewport.center_y * scale)


class BlockPaths:
    def __init__(self, max_vertices: int = MAX_VERTICES) -> None:
        self._paths: OrderedDict[tuple[int, int], tuple[QPainterPath, int]] = OrderedDict()
        self._vertices = 0
        self.max_vertices = max_vertices
        # held while paths are built and recorded: Qt converts a path lazily, on its first
        # draw, inside the shared path data, so two threads must not draw the same new path
        # at once; the display list has Qt convert each path as it records it
        self.lock = threading.RLock()
        self._arrays_seen: set[int] = set()
        # a cover's thinned rings and extent beside its path, to cut them to a view; and the
        # last cut of each (its box, its path)
        self._cover_rings: dict[tuple, tuple] = {}
        self._cover_cuts: dict[tuple, tuple] = {}

    def paths(self, layer: FeatureLayer, resolution: float,
              blocks: np.ndarray) -> list[QPainterPath]:
        """The paths of the given blocks of `layer` for a view of `resolution` metres per
        pixel (its level-of-detail grid), built together for those not kept yet. Call with
        `lock` held."""
        if layer.large:   # every vertex, thinned for the view's grid
            arrays, cell = layer.lod_for(0.0), layer.grid_cell(resolution)
        else:             # the copy simplified with its topology for the view
            arrays, cell = layer.lod_for(resolution), 0.0
        self._forget_with(arrays)
        joins = _joins(layer, arrays)
        # (paths of outlines only, whose shared borders are cut out, never serve a fill)
        keys = [(id(arrays), cell, block, joins is not arrays.continues)
                for block in blocks.tolist()]
        missing = [key for key in keys if key not in self._paths]
        for start in range(0, len(missing), BLOCKS_BUILT_TOGETHER):
            chunk = missing[start:start + BLOCKS_BUILT_TOGETHER]
            built = _block_paths(layer, arrays, joins, cell,
                                 np.array([key[2] for key in chunk]))
            for key, kept in zip(chunk, built):
                self._paths[key] = kept
                self._vertices += kept[1]
        result = []
        for key in keys:
            self._paths.move_to_end(key)
            result.append(self._paths[key][0])
        while self._vertices > self.max_vertices and len(self._paths) > len(result):
            key, (_, vertices) = self._paths.popitem(last=False)
            self._cover_rings.pop(key, None)
            self._cover_cuts.pop(key, None)
            self._vertices -= vertices
        return result

    def cover_path(self, layer: FeatureLayer, resolution: float,
                   box: tuple[float, float, float, float] | None = None) -> QPainterPath:
        """The path of `layer.cover` for a view of `resolution` metres per pixel, thinned on
        the layer's grid like its blocks. With `box` (map metres: the view and a few pixels
        around it), cut to the box when the cover reaches beyond it
        (geometry_arrays.rings_clipped): Qt converts every vertex of a path it fills, in each
        band (France's union in a 1 % view: 3.4 ms a band; cut once, 1.7 ms, then kept while
        the view stays within the same box of the grid). Call with `lock` held."""
        cover, cell = layer.cover, layer.grid_cell(resolution)
        self._forget_with(cover)
        key = (id(cover), cell, -1, False)
        if key not in self._paths:
            coords, continues = cover.select(np.arange(len(cover)))
            if cell > 0:
                kept = thinned(coords, continues, cell)
                coords, continues = coords[kept], continues[kept]
            self._paths[key] = (numpy_path(coords[:, 0], coords[:, 1], continues), len(coords))
            self._cover_rings[key] = (coords, continues,
                                      (*coords.min(axis=0), *coords.max(axis=0))
                                      if len(coords) else None)
            self._vertices += len(coords)
        self._paths.move_to_end(key)
        coords, continues, extent = self._cover_rings[key]
        if box is None or not len(coords) or _inside(extent, box):
            return self._paths[key][0]
        # cut to the box grown to a grid of CUT_GRID_PX pixels: a small pan, or the same view
        # drawn again (a layer switched on or off), uses the same cut path again
        step = CUT_GRID_PX * max(cell, resolution)
        grown = (math.floor(box[0] / step) * step, math.floor(box[1] / step) * step,
                 math.ceil(box[2] / step) * step, math.ceil(box[3] / step) * step)
        last = self._cover_cuts.get(key)
        if last is None or last[0] != grown:
            cut, joins = rings_clipped(coords, continues, grown)
            last = self._cover_cuts[key] = (grown, numpy_path(cut[:, 0], cut[:, 1], joins))
        return last[1]

    @property
    def vertex_count(self) -> int:
        return self._vertices

    def _forget_with(self, arrays: GeometryArrays) -> None:
        """Drop the blocks of `arrays` once they are freed (their id may then be reused)."""
        owner = id(arrays)
        if owner in self._arrays_seen:
            return
        self._arrays_seen.add(owner)
        weakref.finalize(arrays, self._forget, owner)

    def _forget(self, owner: int) -> None:
        with self.lock:
            self._arrays_seen.discard(owner)
            for key in [key for key in self._paths if key[0] == owner]:
                self._vertices -= self._paths.pop(key)[1]
                self._cover_rings.pop(key, None)
                self._cover_cuts.pop(key, None)


def _inside(extent: tuple[float, float, float, float],
            box: tuple[float, float, float, float]) -> bool:
    return (extent[0] >= box[0] and extent[1] >= box[1] and extent[2] <= box[2]
            and extent[3] <= box[3])


def _joins(layer: FeatureLayer, arrays: GeometryArrays) -> np.ndarray:
    """Which vertex of `arrays` is joined to the next in the paths: a layer filled from its
    cover strokes its outlines from these paths, each shared border once
    (FeatureLayer.outline_joins); any other layer's paths are its rings."""
    if (layer.cover is not None and layer.outline_joins is not None
            and arrays is layer.lods.get(0.0)):
        return layer.outline_joins
    return arrays.continues


def _block_paths(layer: FeatureLayer, arrays: GeometryArrays, joins: np.ndarray, cell: float,
                 blocks: np.ndarray) -> list[tuple[QPainterPath, int]]:
    """Each block's path and vertex count, the vertices a view on a `cell`-metre grid needs
    (geometry_arrays.thinned), all blocks' vertices selected and thinned at once."""
    features = layer.block_features(blocks)
    indices = arrays.vertex_indices(features)
    coords, continues = arrays.coords[indices], joins[indices]
    lengths = arrays.vertex_start[features + 1] - arrays.vertex_start[features]
    block_of_feature = np.repeat(np.arange(len(blocks)), layer.block_sizes(blocks))
    block_of_vertex = np.repeat(block_of_feature, lengths)
    if joins is not arrays.continues:   # vertices left alone by the borders cut out go
        joined = continues.copy()
        joined[1:] |= continues[:-1]
        coords, continues, block_of_vertex = (coords[joined], continues[joined],
                                              block_of_vertex[joined])
    if cell > 0:
        kept = thinned(coords, continues, cell)
        coords, continues, block_of_vertex = coords[kept], continues[kept], block_of_vertex[kept]
    bounds = np.searchsorted(block_of_vertex, np.arange(len(blocks) + 1)).tolist()
    return [(numpy_path(coords[start:end, 0], coords[start:end, 1], continues[start:end]),
             end - start) for start, end in zip(bounds[:-1], bounds[1:])]


BLOCK_PATHS = BlockPaths()
