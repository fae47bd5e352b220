"""Features a pixel or two wide on screen are stamped as boxes of pixels (the renderer's
level of detail): each shows where it is, in its outline colour with its fill inside when it
has an inside, including at the view's edges."""
from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtGui import QColor

from qpvdesk.models.map.layers import FeatureLayer
from qpvdesk.models.map.styles import LayerInfo, Symbol
from qpvdesk.models.map.viewport import Viewport
from qpvdesk.render.renderer import (BACKGROUND, LayerRenderSpec, RenderRequest, _blend,
                                     render_map)

SYMBOL = Symbol("polygon", "#9ecae1", "#3182bd", 0.5, fill_alpha=0.6)
VIEW = Viewport(1_000.0, 1_000.0, 1.0, 60, 40)     # 1 m a pixel: x 970..1030, y 980..1020


def argb(image) -> np.ndarray:
    data = np.frombuffer(image.constBits(), np.uint32, image.width() * image.height())
    return data.reshape(image.height(), image.width()) | 0   # Format_ARGB32_Premultiplied


def drawn(boxes: list[tuple[float, float, float, float]]) -> np.ndarray:
    layer = FeatureLayer(LayerInfo("tiny", "Petits", "polygon", "Test"),
                         [f"T{index}" for index in range(len(boxes))], [None] * len(boxes),
                         np.array([shapely.box(*box) for box in boxes], dtype=object))
    image = render_map(RenderRequest(VIEW, [LayerRenderSpec(layer, SYMBOL)]))
    return argb(image)


def pixel_at(x: float, y: float) -> tuple[int, int]:
    """The pixel (row, column) of map point (x, y) in VIEW."""
    column, row = VIEW.to_screen(np.array([x]), np.array([y]))
    return int(np.floor(row[0])), int(np.floor(column[0]))


def test_a_feature_a_pixel_wide_is_one_pixel_of_its_outline_colour(qapp):
    pixels = drawn([(990.2, 1005.2, 990.9, 1005.9)])
    edge = QColor(SYMBOL.stroke).rgba()
    assert pixels[pixel_at(990.5, 1005.5)] == edge
    assert (pixels == edge).sum() == 1
    assert (pixels == QColor(BACKGROUND).rgba()).sum() == pixels.size - 1


def test_a_feature_over_three_pixels_has_its_fill_inside(qapp):
    pixels = drawn([(1000.8, 990.8, 1002.2, 992.2)])     # 1.4 m: pixels 30-32, rows 27-29
    edge = QColor(SYMBOL.stroke).rgba()
    inside = _blend(SYMBOL.fill, SYMBOL.fill_alpha, BACKGROUND)
    box = pixels[27:30, 30:33]
    assert box[1, 1] == inside
    assert (box == edge).sum() == 8
    assert (pixels == edge).sum() == 8 and (pixels == inside).sum() == 1


def test_boxes_across_the_views_edges_show_their_part_inside_it(qapp):
    pixels = drawn([(969.2, 1000.2, 970.6, 1001.5),      # across the left edge
                    (1029.2, 1019.2, 1030.6, 1020.6),    # the top-right corner
                    (1000.2, 979.3, 1001.5, 980.5),      # across the bottom edge
                    (900.0, 900.0, 901.0, 901.0)])       # far outside: nothing
    edge = QColor(SYMBOL.stroke).rgba()
    assert np.array_equal(np.argwhere(pixels == edge),
                          [[0, 59], [18, 0], [19, 0], [39, 30], [39, 31]])
