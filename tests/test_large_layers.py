"""Large layers kept as flat arrays only: culling, identify, geometries rebuilt, level of
detail on the pixel grid — what the national view and the stress layer rely on."""
from __future__ import annotations

import numpy as np
import pytest
import shapely

from qpvdesk.models.map.geometry_arrays import (GeometryArrays, borders_once, rings_clipped,
                                               thinned)
from qpvdesk.models.map.layers import KEEP_GEOMETRIES_UP_TO, FeatureLayer, hilbert_rank
from qpvdesk.models.map.styles import LayerInfo
from qpvdesk.models.map.synthetic import synthetic_layer, synthetic_parcels

BOX = (600_000.0, 7_000_000.0, 627_000.0, 7_017_000.0)


@pytest.fixture(scope="module")
def parcels():
    return synthetic_parcels(BOX, 30_000)


@pytest.fixture(scope="module")
def large(parcels):
    blobs = shapely.to_wkb(parcels).tolist()
    info = LayerInfo("grand", "Grande couche", "polygon", "Test")
    return FeatureLayer.from_wkb(info, [f"P{i}" for i in range(len(blobs))],
                                 [None] * len(blobs), blobs)


def mixed_geometries() -> np.ndarray:
    holed = shapely.box(5, 5, 8, 8).difference(shapely.box(6, 6, 7, 7))
    return np.array([shapely.box(0, 0, 1, 1),
                     shapely.MultiPolygon([shapely.box(2, 2, 3, 3), holed]),
                     shapely.box(10, 10, 11, 12)], dtype=object)


def test_a_large_layer_keeps_no_shapely_geometries_but_rebuilds_them_exactly(large, parcels):
    assert len(large) > KEEP_GEOMETRIES_UP_TO and not large.keeps_geometries
    for index in (0, 1234, len(parcels) - 1):
        assert large.geometry(index).equals_exact(parcels[index], 0)
    assert np.array_equal(large.extents, shapely.bounds(parcels))


def test_geometries_rebuilt_from_arrays_keep_holes_and_parts():
    geometries = mixed_geometries()
    arrays = GeometryArrays.from_geometries(geometries)
    assert all(a.equals(b) for a, b in zip(arrays.geometries(), geometries))
    picked = arrays.geometries(np.array([2, 1]))
    assert picked[0].equals(geometries[2]) and picked[1].geom_type == "MultiPolygon"
    halves = GeometryArrays.concatenate([GeometryArrays.from_geometries(geometries[:1]),
                                         GeometryArrays.from_geometries(geometries[1:])])
    assert all(a.equals(b) for a, b in zip(halves.geometries(), geometries))


def test_selection_copies_each_features_vertices_in_the_order_asked():
    geometries = mixed_geometries()
    arrays = GeometryArrays.from_geometries(geometries)
    coords, continues = arrays.select(np.array([2, 0]))
    expected = np.concatenate([shapely.get_coordinates(geometries[2]),
                               shapely.get_coordinates(geometries[0])])
    assert np.array_equal(coords, expected)
    # each ring ends unjoined to the next vertex
    assert continues.tolist() == [True] * 4 + [False] + [True] * 4 + [False]


def test_culling_finds_exactly_the_features_meeting_the_box(large):
    rng = np.random.default_rng(7)
    for _ in range(50):
        x, y = rng.uniform(BOX[0] - 2000, BOX[2], 2)
        width, height = rng.uniform(0, 8000, 2)
        bbox = (x, y, x + width, y + height)
        brute = np.flatnonzero(shapely.intersects(shapely.box(*large.extents.T),
                                                  shapely.box(*bbox)))
        assert np.array_equal(large.query(bbox), brute)


def test_identify_on_a_large_layer_finds_the_parcel_under_the_point(large, parcels):
    inside = parcels[4321].representative_point()
    assert large.feature_at(inside.x, inside.y, 1.0) == 4321
    gap = shapely.Point(BOX[0] + 1, BOX[1] + 1)       # parcels are inset in their cells
    assert large.feature_at(gap.x, gap.y, 0.5) is None
    assert large.feature_at(0.0, 0.0, 1.0) is None


def test_the_synthetic_stress_layer_is_large():
    layer = synthetic_layer(BOX, KEEP_GEOMETRIES_UP_TO + 1)
    assert not layer.keeps_geometries and len(layer.lod_for(1.0).coords) == 5 * len(layer)


def test_grid_level_of_detail_drops_vertices_within_a_cell_and_keeps_rings_closed(large):
    fine = large.lod_for(0.5)
    coarse = large.lod_for(400.0)      # parcels are about 40 m: a few vertices each
    assert len(coarse.coords) <= 0.75 * len(fine.coords)
    starts, ends = coarse.ring_start[:-1], coarse.ring_start[1:] - 1
    assert np.array_equal(coarse.coords[starts], coarse.coords[ends])
    assert not coarse.continues[ends].any() and coarse.continues[starts].all()
    assert np.array_equal(np.diff(coarse.vertex_start) > 0, np.ones(len(large), bool))


def test_hilbert_order_keeps_neighbours_together():
    # a 4 x 4 grid of unit boxes: consecutive ranks are always adjacent cells
    cells = np.array([(x, y, x + 1, y + 1) for x in range(4) for y in range(4)], float)
    order = np.argsort(hilbert_rank(cells, bits=2))
    steps = np.abs(np.diff(cells[order, :2], axis=0)).sum(axis=1)
    assert (steps == 1).all()


def test_the_synthetic_layer_built_as_arrays_holds_the_synthetic_parcels():
    count = KEEP_GEOMETRIES_UP_TO + 10
    layer, parcels = synthetic_layer(BOX, count), synthetic_parcels(BOX, count)
    assert np.array_equal(layer.extents, shapely.bounds(parcels))
    for index in (0, count // 2, count - 1):
        assert layer.geometry(index).equals_exact(parcels[index], 0)


def test_thinning_keeps_corners_and_ring_ends_and_stays_within_a_cell_of_the_shape():
    # a 10 m square and a triangle, their edges sampled every 5 cm (plus noise of 1 mm)
    def sampled(corners):
        points = [np.linspace(a, b, 200, endpoint=False) for a, b in
                  zip(corners, corners[1:] + corners[:1])]
        ring = np.concatenate(points + [np.array([corners[0]], float)])
        noise = np.random.default_rng(7).normal(0, 0.001, ring.shape)
        return ring + noise + 0.37     # edges off the grid's lines
    square = sampled([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)])
    square[-1] = square[0]
    triangle = sampled([(20.0, 0.0), (30.0, 0.0), (25.0, 8.0)])
    triangle[-1] = triangle[0]
    shapes = np.array([shapely.Polygon(square), shapely.Polygon(triangle)], dtype=object)
    arrays = GeometryArrays.from_geometries(shapes)
    coords, continues = arrays.select(np.array([0, 1]))
    cell = 1.0
    kept = thinned(coords, continues, cell)
    assert len(kept) < 0.1 * len(coords)
    ends = np.flatnonzero(~continues)
    firsts = np.r_[0, ends[:-1] + 1]
    assert set(ends) <= set(kept) and set(firsts) <= set(kept)
    assert not continues[kept][np.searchsorted(kept, ends)].any()
    rings = np.split(coords[kept], np.searchsorted(kept, ends[:-1] + 1))
    for ring, shape in zip(rings, shapes):
        assert shapely.hausdorff_distance(shapely.Polygon(ring), shape) <= cell * 1.5
        corners = shapely.get_coordinates(shape.exterior.simplify(0.01))
        assert all(np.hypot(*(ring - corner).T).min() < cell for corner in corners)


def test_blocks_of_features_are_the_blocks_that_hold_them(large):
    features = np.array([0, 17, 17, 29_999, 4_321])
    blocks = large.blocks_of(features)
    assert np.array_equal(blocks, np.unique(blocks))
    members = large.block_features(blocks)
    assert set(features) <= set(members.tolist())
    assert len(members) == large.block_sizes(blocks).sum()
    every = large.block_features(np.arange(large.block_count))
    assert np.array_equal(np.sort(every), np.arange(len(large)))


def test_a_border_two_features_share_is_kept_for_one_of_them_only():
    # four squares in a 2 x 2 grid: 16 ring segments, 12 borders (8 outer, 4 shared)
    squares = np.array([shapely.box(x, y, x + 1, y + 1) for x in (0, 1) for y in (0, 1)])
    arrays = GeometryArrays.from_geometries(squares)
    joins = borders_once(arrays)

    def segments(joined: np.ndarray) -> list[tuple]:
        return [tuple(sorted((tuple(arrays.coords[v]), tuple(arrays.coords[v + 1]))))
                for v in np.flatnonzero(joined[:-1])]

    assert len(segments(arrays.continues)) == 16
    kept = segments(joins)
    assert len(kept) == len(set(kept)) == 12
    assert set(kept) == set(segments(arrays.continues))
    assert not joins[~arrays.continues].any()            # ring ends stay ends
    # the first feature in vertex order keeps what it shares: the first square all its sides
    assert joins[arrays.vertex_start[0]:arrays.vertex_start[1] - 1].all()


def even_odd_inside(points: np.ndarray, coords: np.ndarray, continues: np.ndarray) -> np.ndarray:
    """Whether each point is inside rings filled even-odd (each closed by its last vertex
    back to its first), by counting the edges a ray to its left crosses."""
    if not len(coords):
        return np.zeros(len(points), dtype=bool)
    joined = continues.copy()
    joined[-1] = False
    ring = np.r_[0, np.cumsum(~joined[:-1])]
    first = np.flatnonzero(np.r_[True, ~joined[:-1]])
    a, b = coords, coords[np.where(joined, np.arange(1, len(coords) + 1), first[ring])]
    x, y = points[:, :1], points[:, 1:]
    spans = (a[:, 1] > y) != (b[:, 1] > y)
    rise = np.where(b[:, 1] == a[:, 1], 1.0, b[:, 1] - a[:, 1])
    crossing_x = a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / rise
    return (spans & (x < crossing_x)).sum(axis=1) % 2 == 1


@pytest.mark.parametrize("box", [(-5, -4, 6, 7), (0, 0, 30, 30), (-2, -2, 13, 2),
                                 (-100, -100, 100, 100), (40, 40, 50, 50)],
                         ids=["across-the-star", "corner", "strip", "all-inside", "outside"])
def test_rings_cut_to_a_box_fill_inside_it_what_the_shapes_fill(box):
    rng = np.random.default_rng(3)
    angles = np.linspace(0, 2 * np.pi, 60, endpoint=False)
    star = shapely.Polygon(np.column_stack([np.cos(angles), np.sin(angles)])
                           * rng.uniform(3, 10, 60)[:, None])
    shapes = np.array([star.difference(shapely.box(-1, -1, 1.5, 1.5)),      # with a hole
                       shapely.box(20, 20, 25, 25),
                       shapely.MultiPolygon([shapely.box(-30, -2, -25, 2),
                                             shapely.box(12, -3, 14, 8)])], dtype=object)
    coords, continues = GeometryArrays.from_geometries(shapes).select(np.arange(3))
    cut, joins = rings_clipped(coords, continues, box)
    points = np.column_stack([rng.uniform(box[0], box[2], 20_000),
                              rng.uniform(box[1], box[3], 20_000)])
    expected = shapely.contains_xy(shapely.union_all(shapes), points[:, 0], points[:, 1])
    assert np.array_equal(even_odd_inside(points, cut, joins), expected)
    # nothing of the cut rings is outside the box
    if len(cut):
        assert (cut[:, 0] >= box[0]).all() and (cut[:, 0] <= box[2]).all()
        assert (cut[:, 1] >= box[1]).all() and (cut[:, 1] <= box[3]).all()
