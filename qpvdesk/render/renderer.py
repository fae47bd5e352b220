"""Render map layers into a QImage. No widget: it runs in worker threads and in `snapshot`.

Layers are culled by their features' extents and drawn from flat numpy arrays in batches of a
hundred features per QPainterPath, taken in space-filling-curve order so that each batch
covers a small part of the view; the fill paths are stroked again for the outlines. Outlines
wider than a pixel (which leave Qt's fast stroker) are clipped to the view first, in pieces of
a few segments. Features a pixel or two wide — up to a few pixels when the view holds tens
of thousands of them — are stamped as boxes of pixels (level of detail).

The layers are drawn on a display list, played in horizontal bands of the image at once, one
thread each, Qt's painting done with the GIL released (render/display_list.py); the basemap
is painted before, the labels after, on the whole image.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen,
                           QPolygonF)

from ..models.map.layers import FeatureLayer
from ..models.map.styles import Symbol
from ..models.map.viewport import Viewport
from .block_paths import BLOCK_PATHS, map_to_screen
from .display_list import DisplayList
from .labels import LabelPlacer
from .numpy_path import numpy_path, typed_path

FEATURES_PER_PATH = 100
OUTLINE_PIECE_SEGMENTS = 8    # a clipped wide outline is stroked in pieces this long...
PIECES_PER_PATH = 1            # ...one path each (QPV outline, 1 % view: 3.5 -> 1.9 ms)
TINY_FEATURE_PX = 1.5      # smaller features are always drawn as a box of pixels
DENSE_FEATURES = 20_000    # above this many shapes in view...
DENSE_BOX_PX = 3           # ...features under this size become boxes too (more: a mosaic)
# A view with more shapes than this (of all layers) per million pixels, about 30 pixels
# across each on average, is dense: its outlines go unantialiased. In a mosaic of small
# shapes antialiasing costs more than it shows (1 % of 200,000 parcels, outlines:
# 12.4 -> 7.7 ms; 1 % of France's communes: 13 -> 11 ms).
DENSE_SHAPES_PER_MEGAPIXEL = 1_000
BACKGROUND = QColor("#f4f3ee")
HATCH_BACKGROUND = QColor("#d9d9d9")   # under a hatched (secret) fill


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


@dataclass(frozen=True)
class RenderError:
    """A part of the map that could not be drawn (a layer, the basemap, the labels)."""
    part: str        # French: the layer's title, « fond de carte », « étiquettes »
    message: str     # the exception, as Python states it


def render_map(request: RenderRequest, cancelled: Callable[[], bool] = lambda: False,
               errors: list[RenderError] | None = None) -> QImage:
    """The map as an image. With an `errors` list, a part that fails is recorded there and
    the rest of the map is still drawn (QGIS's renderLayerStatic); without one, the
    exception propagates."""
    viewport = request.viewport
    image = QImage(max(viewport.width, 1), max(viewport.height, 1),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(request.background)
    if request.basemap is not None:
        with _painting(image) as painter, _part(painter, "fond de carte", errors):
            request.basemap(painter, viewport)
    placer = LabelPlacer(viewport)
    drawing = DisplayList()
    try:
        drawing.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        visible = [_visible(spec.layer, viewport) for spec in request.layers]
        shapes = sum(len(features) for spec, features in zip(request.layers, visible)
                     if features is not None and spec.layer.info.geometry != "point")
        dense = shapes > DENSE_SHAPES_PER_MEGAPIXEL * viewport.width * viewport.height / 1e6
        for spec, features in zip(request.layers, visible):
            if cancelled():
                raise RenderCancelled
            with _part(drawing, spec.layer.info.title, errors):
                _draw_layer(drawing, spec, viewport, cancelled, placer, features, dense)
        drawing.play(image, cancelled, RenderCancelled)
    finally:
        drawing.close()
    with _painting(image) as painter, _part(painter, "étiquettes", errors):
        placer.draw(painter)
    return image


@contextmanager
def _painting(image: QImage) -> Iterator[QPainter]:
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        yield painter
    finally:
        painter.end()


@contextmanager
def _part(painter: QPainter, name: str, errors: list[RenderError] | None) -> Iterator[None]:
    painter.save()
    try:
        yield
    except RenderCancelled:
        raise
    except Exception as exc:  # noqa: BLE001 (recorded as data, reported by the caller)
        if errors is None:
            raise
        errors.append(RenderError(name, f"{type(exc).__name__}: {exc}"))
    finally:
        painter.restore()


def _visible(layer: FeatureLayer, viewport: Viewport) -> np.ndarray | None:
    """The layer's features in view; None when it cannot say (drawing it reports why)."""
    try:
        return layer.query(viewport.bbox)
    except Exception:  # noqa: BLE001 (recorded when the layer is drawn)
        return None


def _draw_layer(painter: QPainter, spec: LayerRenderSpec, viewport: Viewport,
                cancelled: Callable[[], bool], placer: LabelPlacer,
                visible: np.ndarray | None, dense: bool) -> None:
    """`dense`: the view holds so many shapes that outlines go unantialiased."""
    painter.setOpacity(spec.opacity)
    if visible is None:
        visible = spec.layer.query(viewport.bbox)
    if spec.layer.info.geometry == "point":
        _draw_points(painter, spec, visible, viewport)
    else:
        _draw_shapes(painter, spec, visible, viewport, cancelled, dense)
    if spec.labelled:
        placer.add_layer(spec.layer, visible)


def symbol_pen(symbol: Symbol) -> QPen:
    if symbol.stroke is None:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(symbol.stroke), symbol.stroke_width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)   # where a clipped outline is cut in pieces
    return pen


def symbol_brush(color: str | None, alpha: float, hatched: bool = False) -> QBrush:
    if color is None:
        return QBrush(Qt.BrushStyle.NoBrush)
    fill = QColor(color)
    fill.setAlphaF(alpha)
    if hatched:
        return QBrush(fill.darker(160), Qt.BrushStyle.BDiagPattern)
    return QBrush(fill)


def _screen_paths(layer: FeatureLayer, features: np.ndarray, viewport: Viewport,
                  features_per_path: int = FEATURES_PER_PATH) -> list[QPainterPath]:
    """Screen-space paths of the given features, in the order given, `features_per_path`
    features each."""
    arrays = layer.lod_for(viewport.resolution)
    coords, continues = arrays.select(features)
    if not len(coords):
        return []
    x, y = viewport.to_screen(coords[:, 0], coords[:, 1])
    ends = np.cumsum(arrays.vertex_start[features + 1] - arrays.vertex_start[features])
    cuts = [0, *ends[features_per_path - 1::features_per_path].tolist()]
    if cuts[-1] != len(x):
        cuts.append(len(x))
    return [numpy_path(x[a:b], y[a:b], continues[a:b])
            for a, b in zip(cuts[:-1], cuts[1:]) if b > a]


def _clipped_outline(layer: FeatureLayer, features: np.ndarray, viewport: Viewport,
                     margin: float) -> list[QPainterPath]:
    """The features' outlines as pieces of at most OUTLINE_PIECE_SEGMENTS segments, keeping
    only segments that meet the view grown by `margin` pixels: Qt strokes a wide line over
    each subpath's bounding box, so long rings reaching far outside the view cost for
    nothing (QPV outline at 1.6 px: most of a 1 % view's outline time)."""
    coords, continues = layer.lod_for(viewport.resolution).select(features)
    if len(coords) < 2:
        return []
    x, y = viewport.to_screen(coords[:, 0], coords[:, 1])
    xa, xb, ya, yb = x[:-1], x[1:], y[:-1], y[1:]
    kept = np.flatnonzero(continues[:-1]
                          & (np.maximum(xa, xb) >= -margin)
                          & (np.minimum(xa, xb) <= viewport.width + margin)
                          & (np.maximum(ya, yb) >= -margin)
                          & (np.minimum(ya, yb) <= viewport.height + margin))
    if not len(kept):
        return []
    run_start = np.r_[True, kept[1:] != kept[:-1] + 1]
    position = np.arange(len(kept)) - np.flatnonzero(run_start)[np.cumsum(run_start) - 1]
    starts = position % OUTLINE_PIECE_SEGMENTS == 0
    line_slots = np.arange(len(kept)) + np.cumsum(starts)
    vertex = np.empty(len(kept) + int(starts.sum()), dtype=np.int64)
    types = np.ones(len(vertex), dtype=np.int32)
    vertex[line_slots] = kept + 1
    vertex[line_slots[starts] - 1] = kept[starts]
    types[line_slots[starts] - 1] = 0
    cuts = [*(line_slots[starts] - 1)[::PIECES_PER_PATH].tolist(), len(vertex)]
    return [typed_path(x[vertex[a:b]], y[vertex[a:b]], types[a:b])
            for a, b in zip(cuts[:-1], cuts[1:])]


def _split_small(layer: FeatureLayer, features: np.ndarray,
                 viewport: Viewport) -> tuple[np.ndarray, np.ndarray]:
    """Features worth drawing as shapes, and those so small on screen that a box of pixels
    shows them as well. Dense views raise the threshold (level of detail)."""
    size_px = layer.sizes[features] / viewport.resolution
    small = size_px < TINY_FEATURE_PX
    if np.count_nonzero(~small) > DENSE_FEATURES:
        small = size_px < DENSE_BOX_PX
    return features[~small], features[small]


def _blend(color: str, alpha: float, under: QColor) -> int:
    """An opaque ARGB value of `color` at `alpha` over `under`."""
    top = QColor(color)
    mixed = QColor(round(top.red() * alpha + under.red() * (1 - alpha)),
                   round(top.green() * alpha + under.green() * (1 - alpha)),
                   round(top.blue() * alpha + under.blue() * (1 - alpha)))
    return mixed.rgba()


def _stamp_boxes(painter: QPainter, layer: FeatureLayer, features: np.ndarray,
                 viewport: Viewport, symbol: Symbol) -> None:
    """Draw features a few pixels wide as boxes of pixels: their outline colour on the edge,
    their fill inside. Vectorised over all features, one pass per pixel offset, into pixels
    padded by a box's width around the view (no pixel is tested against the view's edge;
    full view of 200,000 parcels: 34 -> 20 ms)."""
    if not len(features):
        return
    extents = layer.extents[features]
    x0, y1 = viewport.to_screen(extents[:, 0], extents[:, 1])
    x1, y0 = viewport.to_screen(extents[:, 2], extents[:, 3])
    x0, y0 = np.floor(x0).astype(np.int64), np.floor(y0).astype(np.int64)
    pad, width, height = DENSE_BOX_PX, viewport.width, viewport.height
    seen = (x0 >= -pad) & (x0 < width) & (y0 >= -pad) & (y0 < height)
    x0, y0, x1, y1 = x0[seen], y0[seen], x1[seen], y1[seen]
    # the box's last column and row, from its first: 0 to DENSE_BOX_PX (drawn up to PX - 1)
    wide = np.clip(np.floor(x1).astype(np.int64) - x0, 0, pad).astype(np.int8)
    tall = np.clip(np.floor(y1).astype(np.int64) - y0, 0, pad).astype(np.int8)
    edge = QColor(symbol.stroke or symbol.fill).rgba()
    inside = (_blend(symbol.fill, symbol.fill_alpha, BACKGROUND) if symbol.fill else None)
    stride = width + 2 * pad
    pixels = np.zeros((height + 2 * pad) * stride, dtype=np.uint32)
    start = (y0 + pad) * stride + (x0 + pad)
    for dy in range(DENSE_BOX_PX):
        row_drawn, row_edge = tall >= dy, (tall == dy) if dy else None
        for dx in range(DENSE_BOX_PX):
            drawn = row_drawn & (wide >= dx)
            offset = dy * stride + dx
            if dx == 0 or dy == 0:      # the box's first column or row: all edge
                pixels[start[drawn] + offset] = edge
                continue
            border = row_edge | (wide == dx)
            pixels[start[drawn & border] + offset] = edge
            if inside is not None:
                pixels[start[drawn & ~border] + offset] = inside
    view = pixels[pad * stride + pad:]
    stamp = QImage(view.data, width, height, stride * 4, QImage.Format.Format_ARGB32)
    painter.drawImage(0, 0, stamp)


def _draw_shapes(painter: QPainter, spec: LayerRenderSpec, visible: np.ndarray,
                 viewport: Viewport, cancelled: Callable[[], bool], dense: bool) -> None:
    """Fills without antialiasing (the expensive part), then outlines, antialiased unless
    the view is dense, which cover the fills' jagged edges: same look, several times faster
    on dense layers. A layer in one style is drawn from kept paths; one coloured feature by
    feature (choropleth, decisions) from paths built for this render, colour by colour."""
    symbol, layer = spec.symbol, spec.layer
    if spec.feature_fills is None and layer.symbols is None:
        drawn, small = _split_small(layer, visible, viewport)
        _draw_in_one_style(painter, layer, symbol, drawn, small, viewport, cancelled, dense)
        return
    feature_fills, hatched, alphas = spec.feature_fills, spec.hatched, {}
    if feature_fills is None:   # e.g. coloured by decision
        feature_fills = [item.fill for item in layer.symbols]
        hatched = np.array([item.hatched for item in layer.symbols], dtype=bool)
        alphas = {item.fill: item.fill_alpha for item in layer.symbols}
    fills = np.asarray(feature_fills, dtype=object)
    hatched = hatched if hatched is not None else np.zeros(len(fills), bool)
    groups = []
    for color in sorted(set(fills[visible].tolist())):
        members = visible[fills[visible] == color]
        groups.append((members[~hatched[members]],
                       symbol_brush(color, alphas.get(color, symbol.fill_alpha))))
        groups.append((members[hatched[members]], symbol_brush(color, 1.0, hatched=True)))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    for features, brush in groups:
        if brush.style() == Qt.BrushStyle.NoBrush:
            continue
        for path in _screen_paths(layer, layer.in_curve_order(features), viewport):
            if cancelled():
                raise RenderCancelled
            if brush.style() == Qt.BrushStyle.BDiagPattern:
                painter.fillPath(path, QBrush(HATCH_BACKGROUND))
            painter.fillPath(path, brush)
    if symbol.stroke is None:
        return
    if symbol.stroke_width > 1:
        _draw_wide_outline(painter, layer, symbol, visible, viewport, cancelled, dense)
        return
    _set_thin_outline(painter, symbol, dense)
    _draw_paths(painter, _screen_paths(layer, layer.in_curve_order(visible), viewport),
                cancelled)


def _draw_in_one_style(painter: QPainter, layer: FeatureLayer, symbol: Symbol,
                       drawn: np.ndarray, small: np.ndarray, viewport: Viewport,
                       cancelled: Callable[[], bool], dense: bool) -> None:
    """A layer in one style: the blocks of the features in view wider than a few pixels,
    from paths kept in map coordinates (render/block_paths.py), then the narrower features
    as boxes of pixels over them."""
    with BLOCK_PATHS.lock:
        paths = BLOCK_PATHS.paths(layer, viewport.resolution, layer.blocks_of(drawn))
        painter.save()
        try:
            painter.setTransform(map_to_screen(viewport))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            brush = symbol_brush(symbol.fill, symbol.fill_alpha)
            if brush.style() != Qt.BrushStyle.NoBrush:
                painter.setPen(Qt.PenStyle.NoPen)
                fills = (paths if layer.cover is None else [BLOCK_PATHS.cover_path(
                    layer, viewport.resolution, _grown(viewport.bbox, 2 * viewport.resolution))])
                for path in fills:
                    if cancelled():
                        raise RenderCancelled
                    painter.fillPath(path, brush)
            if symbol.stroke is not None and symbol.stroke_width <= 1:
                _set_thin_outline(painter, symbol, dense)
                _draw_paths(painter, paths, cancelled)
        finally:
            painter.restore()
    if symbol.stroke is not None and symbol.stroke_width > 1:
        _draw_wide_outline(painter, layer, symbol, drawn, viewport, cancelled, dense)
    _stamp_boxes(painter, layer, small, viewport, symbol)


def _grown(box: tuple[float, float, float, float],
           margin: float) -> tuple[float, float, float, float]:
    return box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin


def _set_thin_outline(painter: QPainter, symbol: Symbol, dense: bool) -> None:
    """The pen of outlines up to a pixel wide: antialiased, or in a dense view Qt's faster
    hairline (8.6 -> 5.3 ms), fainter in proportion to the width, as Qt draws thinner
    unantialiased pens."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, not dense)
    pen = symbol_pen(symbol)
    if dense:
        color = pen.color()
        color.setAlphaF(color.alphaF() * symbol.stroke_width)
        pen.setColor(color)
        pen.setWidthF(0)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _draw_wide_outline(painter: QPainter, layer: FeatureLayer, symbol: Symbol,
                       drawn: np.ndarray, viewport: Viewport,
                       cancelled: Callable[[], bool], dense: bool) -> None:
    """Outlines wider than a pixel, antialiased unless the view is dense (a QPV outline over
    a 1 % view of 200,000 parcels: 1.4 -> 0.5 ms)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, not dense)
    painter.setPen(symbol_pen(symbol))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _draw_paths(painter, _clipped_outline(layer, drawn, viewport, symbol.stroke_width + 1),
                cancelled)


def _draw_paths(painter: QPainter, paths: list[QPainterPath],
                cancelled: Callable[[], bool]) -> None:
    for path in paths:
        if cancelled():
            raise RenderCancelled
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
        painter.setPen(symbol_pen(symbol))
        painter.setBrush(symbol_brush(symbol.fill, symbol.fill_alpha))
        painter.drawPath(point_path(symbol.shape, symbol.size).translated(float(x), float(y)))


def label_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8.5)
    return font
