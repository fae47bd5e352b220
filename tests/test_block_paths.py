"""Large layers drawn from paths kept between renders (render/block_paths.py): the same pixels
as paths built for each render, whatever the view, the memory bounded, nothing kept for
arrays that are gone."""
from __future__ import annotations

import gc

import numpy as np
import pytest

from qpvdesk.models.map.layers import FeatureLayer
from qpvdesk.models.map.styles import Symbol
from qpvdesk.models.map.synthetic import synthetic_layer
from qpvdesk.models.map.viewport import Viewport
from qpvdesk.render.block_paths import BLOCK_PATHS, BlockPaths
from qpvdesk.render.renderer import LayerRenderSpec, RenderRequest, render_map

BOX = (600_000.0, 7_000_000.0, 627_000.0, 7_017_000.0)
SYMBOL = Symbol("polygon", "#9ecae1", "#3182bd", 0.5, fill_alpha=0.6)


@pytest.fixture(scope="module")
def parcels() -> FeatureLayer:
    return synthetic_layer(BOX, 20_000)


def pixels(layer: FeatureLayer, viewport: Viewport, symbol: Symbol = SYMBOL,
           built_each_render: bool = False) -> np.ndarray:
    """The layer drawn alone; `built_each_render`: the way layers coloured feature by
    feature are drawn (paths built for each render), here every feature in the same colour."""
    spec = LayerRenderSpec(layer, symbol, feature_fills=(
        [symbol.fill] * len(layer) if built_each_render else None))
    image = render_map(RenderRequest(viewport, [spec]))
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return data.reshape(image.height(), image.width(), 4).copy()


def views() -> list[Viewport]:
    full = Viewport.fit(BOX, 640, 400)
    return [full, full.zoomed(8.0, (200, 150)), full.zoomed(8.0, (200, 150)).panned(130, -40),
            full.zoomed(40.0, (500, 300))]


@pytest.mark.parametrize("symbol", [SYMBOL, Symbol("polygon", "#f0ebe0", "#6e6e6e", 0.6),
                                    Symbol("polygon", None, "#3c3c3c", 1.0),
                                    Symbol("polygon", "#d7301f", "#99000d", 1.6,
                                           fill_alpha=0.35)],
                         ids=["parcels", "communes-de-france", "outline-only", "wide-outline"])
@pytest.mark.parametrize("count", [20_000, 800], ids=["large", "small"])
def test_kept_paths_draw_the_same_pixels_as_paths_built_for_each_render(qapp, symbol, count):
    parcels = synthetic_layer(BOX, count)
    assert parcels.large == (count > 1024)
    for viewport in views():
        kept = pixels(parcels, viewport, symbol)
        built = pixels(parcels, viewport, symbol, built_each_render=True)
        changed = np.abs(kept.astype(int) - built).max(axis=2) > 0
        # antialiased outlines may round an edge pixel otherwise (the painter's transform
        # against numpy's): a few pixels of an image, never a shape
        assert changed.sum() <= 0.0005 * changed.size, viewport
        # drawn again from the kept paths: unchanged
        assert np.array_equal(kept, pixels(parcels, viewport, symbol))


def test_a_view_shows_every_parcel_in_it(qapp, parcels):
    viewport = views()[1]
    image = pixels(parcels, viewport)
    visible = parcels.query(viewport.bbox)
    centres = parcels.extents[visible]
    x, y = viewport.to_screen((centres[:, 0] + centres[:, 2]) / 2,
                              (centres[:, 1] + centres[:, 3]) / 2)
    inside = (x >= 0) & (x < viewport.width) & (y >= 0) & (y < viewport.height)
    background = np.array([0xee, 0xf3, 0xf4, 0xff], np.uint8)   # BGRA of #f4f3ee
    centre_pixels = image[y[inside].astype(int), x[inside].astype(int)]
    assert inside.sum() > 100
    assert not (centre_pixels == background).all(axis=1).any()


def test_kept_paths_stay_under_their_vertex_budget(qapp, parcels):
    paths = BlockPaths(max_vertices=20_000)
    for viewport in views()[1:]:
        drawn = paths.paths(parcels, 1.0, parcels.blocks_meeting(viewport.bbox))
        assert drawn and paths.vertex_count <= max(20_000, sum(p.elementCount() for p in drawn))
    everything = paths.paths(parcels, 1.0, np.arange(parcels.block_count))
    assert len(everything) == parcels.block_count     # a view gets all its blocks...
    paths.paths(parcels, 1.0, parcels.blocks_meeting(views()[1].bbox))
    assert paths.vertex_count <= 20_000                    # ...and the next view trims them


def test_paths_of_freed_arrays_are_forgotten(qapp):
    layer = synthetic_layer(BOX, 3_000)
    viewport = views()[1]
    pixels(layer, viewport)
    before = BLOCK_PATHS.vertex_count
    assert before > 0
    del layer
    gc.collect()
    assert BLOCK_PATHS.vertex_count < before
