"""A small map of one QPV for its fiche: communes, the QPV and the collèges, the QPV
outlined (or, without its perimeter, its point in its commune circled). Rendered with the map renderer into a QImage, no window needed."""
from __future__ import annotations

from weakref import WeakKeyDictionary

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from ..models.fiche import COLLEGE_RADIUS_M, resolve_qpv_code
from ..models.map.layers import FeatureLayer, load_reference_layers
from ..models.map.map_state import MapState
from ..models.map.styles import LAYERS, Symbol
from ..models.map.viewport import Viewport, nice_scale_bar
from .compose import MapComposer
from .renderer import LayerRenderSpec, label_font, render_map

THUMBNAIL_SIZE = (340, 240)
THUMBNAIL_LAYERS = frozenset({"communes", "qpv", "qpv_markers", "colleges"})
MIN_EXTENT_M = 1500.0      # a small quartier is shown with some of its surroundings
OUTLINE_SYMBOLS = (Symbol("polygon", None, "#ffffff", 5.5),   # as the map's highlight
                   Symbol("polygon", None, "#00a0c8", 2.6))

# Layers are loaded once per reference store (a quarter of a second); the layers do not
# refer to the store, so the store can still be garbage-collected.
_LAYERS: WeakKeyDictionary = WeakKeyDictionary()


def thumbnail_layers(store) -> dict[str, FeatureLayer]:
    layers = _LAYERS.get(store)
    if layers is None:
        layers = _LAYERS[store] = load_reference_layers(store)
    return layers


def _view_box(layers: dict[str, FeatureLayer], geometry) -> tuple[float, float, float, float]:
    """The QPV and the collèges shown in its fiche, at least MIN_EXTENT_M across."""
    colleges = layers["colleges"].geometries
    near = colleges[shapely.dwithin(colleges, geometry, COLLEGE_RADIUS_M)] if len(colleges) \
        else colleges
    xmin, ymin, xmax, ymax = shapely.bounds(shapely.union_all([geometry, *near]))
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    half_w, half_h = max(xmax - xmin, MIN_EXTENT_M) / 2, max(ymax - ymin, MIN_EXTENT_M) / 2
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def qpv_thumbnail(store, code: str, width: int = THUMBNAIL_SIZE[0],
                  height: int = THUMBNAIL_SIZE[1]) -> QImage:
    """The QPV (2015 or 2024 code) outlined on communes, the other QPV and the collèges."""
    code = resolve_qpv_code(store, code)
    layers = thumbnail_layers(store)
    qpv_layer = layers["qpv"] if code in layers["qpv"].keys else layers["qpv_markers"]
    geometry = qpv_layer.geometries[qpv_layer.keys.index(code)]   # a point: no perimeter
    layer_ids = [info.id for info in LAYERS]
    state = MapState.default(layer_ids, hidden=set(layer_ids) - THUMBNAIL_LAYERS)
    viewport = Viewport.fit(_view_box(layers, geometry), width, height, margin=0.08)
    request = MapComposer(store, layers, state)(viewport)
    for spec in request.layers:
        # the fiche's title names the quartier; neighbours' names would crowd a small map
        spec.labelled = spec.layer.id == "communes"
    # The outline goes under the commune labels: two layers, a white halo then the colour.
    if geometry.geom_type == "Point":
        geometry = geometry.buffer(MIN_EXTENT_M / 10)
    outlined = FeatureLayer(layers["qpv"].info, [code], [None],
                            np.array([geometry], dtype=object))
    request.layers += [LayerRenderSpec(outlined, symbol) for symbol in OUTLINE_SYMBOLS]
    image = render_map(request)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        draw_scale_bar(painter, viewport)
    finally:
        painter.end()
    return image


def draw_scale_bar(painter: QPainter, viewport: Viewport) -> None:
    _, length_px, label = nice_scale_bar(viewport.resolution, viewport.width // 4)
    font = label_font()
    painter.setFont(font)
    text_width = painter.fontMetrics().horizontalAdvance(label)
    x0, y0 = 10.0, viewport.height - 10.0
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 210))
    painter.drawRoundedRect(QRectF(x0 - 5, y0 - 19, length_px + text_width + 18, 25), 3, 3)
    painter.setPen(QPen(QColor("#202020"), 1.6))
    painter.drawLine(QPointF(x0, y0), QPointF(x0 + length_px, y0))
    for x in (x0, x0 + length_px):
        painter.drawLine(QPointF(x, y0 - 4), QPointF(x, y0))
    painter.drawText(QPointF(x0 + length_px + 6, y0), label)
