"""Render map layers into a QImage. No widget: it runs in worker threads and in `snapshot`.

Layers are culled with their STRtree, drawn from flat numpy arrays in batches of about a
hundred rings per QPainterPath (antialiased fills stay fast that way), and features smaller
than a pixel or two are stamped as single pixels instead of being drawn (level of detail).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph.functions as pgf
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen,
                           QPolygonF)

from ...models.map.layers import FeatureLayer
from ...models.map.styles import Symbol
from ...models.map.viewport import Viewport
from .labels import LabelPlacer

RINGS_PER_PATH = 100
TINY_FEATURE_PX = 1.5
BACKGROUND = QColor("#f4f3ee")


@dataclass
class LayerRenderSpec:
    layer: FeatureLayer
    symbol: Symbol
    opacity: float = 1.0
    # Choropleth: one fill per feature ("#rrggbb") and which features are hatched (secret).
    feature_fills: list[str] | None = None
    hatched: np.ndarray | None = None
    labelled: bool = False


@dataclass
class RenderRequest:
    viewport: Viewport
    layers: list[LayerRenderSpec]
    basemap: Callable[[QPainter, Viewport], None] | None = None
    background: QColor = field(default_factory=lambda: QColor(BACKGROUND))


class RenderCancelled(Exception):
    """A newer request superseded this one."""


def render_map(request: RenderRequest,
               cancelled: Callable[[], bool] = lambda: False) -> QImage:
    viewport = request.viewport
    image = QImage(max(viewport.width, 1), max(viewport.height, 1),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(request.background)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if request.basemap is not None:
            request.basemap(painter, viewport)
        placer = LabelPlacer(viewport)
        for spec in request.layers:
            if cancelled():
                raise RenderCancelled
            painter.setOpacity(spec.opacity)
            visible = spec.layer.query(viewport.bbox)
            if spec.layer.info.geometry == "point":
                _draw_points(painter, spec, visible, viewport)
            else:
                _draw_shapes(painter, spec, visible, viewport, cancelled)
            if spec.labelled:
                placer.add_layer(spec.layer, visible)
        painter.setOpacity(1.0)
        placer.draw(painter)
    finally:
        painter.end()
    return image


def _pen(symbol: Symbol) -> QPen:
    if symbol.stroke is None:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(symbol.stroke), symbol.stroke_width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _brush(color: str | None, alpha: float, hatched: bool = False) -> QBrush:
    if color is None:
        return QBrush(Qt.BrushStyle.NoBrush)
    fill = QColor(color)
    fill.setAlphaF(alpha)
    if hatched:
        return QBrush(fill.darker(160), Qt.BrushStyle.BDiagPattern)
    return QBrush(fill)


def _screen_paths(layer: FeatureLayer, features: np.ndarray,
                  viewport: Viewport) -> list[QPainterPath]:
    """Screen-space paths of the given features, about RINGS_PER_PATH rings each."""
    coords, rings = layer.lod_for(viewport.resolution).select(features)
    if not len(coords):
        return []
    x, y = viewport.to_screen(coords[:, 0], coords[:, 1])
    connect = np.zeros(len(rings), dtype=np.int32)
    connect[:-1] = rings[:-1] == rings[1:]
    ring_starts = np.flatnonzero(np.r_[True, rings[1:] != rings[:-1]])
    cuts = list(ring_starts[::RINGS_PER_PATH]) + [len(rings)]
    return [pgf.arrayToQPath(x[a:b], y[a:b], connect[a:b], finiteCheck=False)
            for a, b in zip(cuts[:-1], cuts[1:])]


def _split_tiny(layer: FeatureLayer, features: np.ndarray,
                viewport: Viewport) -> tuple[np.ndarray, np.ndarray]:
    extents = layer.extents[features]
    size_px = np.maximum(extents[:, 2] - extents[:, 0],
                         extents[:, 3] - extents[:, 1]) / viewport.resolution
    tiny = size_px < TINY_FEATURE_PX
    return features[~tiny], features[tiny]


def _stamp_pixels(painter: QPainter, layer: FeatureLayer, features: np.ndarray,
                  viewport: Viewport, color: QColor) -> None:
    """Draw sub-pixel features as one pixel each: what they look like at this scale anyway."""
    if not len(features):
        return
    extents = layer.extents[features]
    px, py = viewport.to_screen((extents[:, 0] + extents[:, 2]) / 2,
                                (extents[:, 1] + extents[:, 3]) / 2)
    px, py = px.astype(np.int64), py.astype(np.int64)
    inside = (px >= 0) & (px < viewport.width) & (py >= 0) & (py < viewport.height)
    pixels = np.zeros((viewport.height, viewport.width), dtype=np.uint32)
    pixels[py[inside], px[inside]] = color.rgba()
    stamp = QImage(pixels.data, viewport.width, viewport.height, viewport.width * 4,
                   QImage.Format.Format_ARGB32)
    painter.drawImage(0, 0, stamp)


def _draw_shapes(painter: QPainter, spec: LayerRenderSpec, visible: np.ndarray,
                 viewport: Viewport, cancelled: Callable[[], bool]) -> None:
    symbol, layer = spec.symbol, spec.layer
    drawn, tiny = _split_tiny(layer, visible, viewport)
    painter.setPen(_pen(symbol))
    if spec.feature_fills is None:
        groups = [(drawn, _brush(symbol.fill, symbol.fill_alpha))]
        _stamp_pixels(painter, layer, tiny, viewport, QColor(symbol.stroke or symbol.fill))
    else:
        fills = np.asarray(spec.feature_fills, dtype=object)
        hatched = spec.hatched if spec.hatched is not None else np.zeros(len(fills), bool)
        groups = []
        for color in sorted(set(fills[drawn].tolist())):
            members = drawn[fills[drawn] == color]
            groups.append((members[~hatched[members]], _brush(color, symbol.fill_alpha)))
            groups.append((members[hatched[members]], _brush(color, 1.0, hatched=True)))
    for features, brush in groups:
        for path in _screen_paths(layer, features, viewport):
            if cancelled():
                raise RenderCancelled
            painter.setBrush(brush)
            if brush.style() == Qt.BrushStyle.BDiagPattern:
                painter.fillPath(path, QBrush(QColor("#d9d9d9")))
            painter.drawPath(path)


def point_path(shape: str, size: float) -> QPainterPath:
    """A marker of the given shape centred on (0, 0)."""
    half = size / 2
    path = QPainterPath()
    if shape == "square":
        path.addRect(QRectF(-half, -half, size, size))
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -half * 1.15), QPointF(half * 1.1, half * 0.85),
                                   QPointF(-half * 1.1, half * 0.85)]))
        path.closeSubpath()
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -half * 1.2), QPointF(half * 1.2, 0),
                                   QPointF(0, half * 1.2), QPointF(-half * 1.2, 0)]))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), half, half)
    return path


def _draw_points(painter: QPainter, spec: LayerRenderSpec, visible: np.ndarray,
                 viewport: Viewport) -> None:
    layer = spec.layer
    if not len(visible):
        return
    xs, ys = viewport.to_screen(layer.points[visible, 0], layer.points[visible, 1])
    for index, x, y in zip(visible, xs, ys):
        symbol = layer.symbols[index] if layer.symbols else spec.symbol
        painter.setPen(_pen(symbol))
        painter.setBrush(_brush(symbol.fill, symbol.fill_alpha))
        painter.drawPath(point_path(symbol.shape, symbol.size).translated(float(x), float(y)))


def label_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8.5)
    return font
