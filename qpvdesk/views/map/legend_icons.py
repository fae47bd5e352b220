"""Legend swatches: a small picture of a Symbol, drawn the way the renderer draws it."""
from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from ...models.map.styles import Symbol
# The renderer's own pen, brush and marker, so that a swatch looks like the map.
from ...render.renderer import BACKGROUND, HATCH_BACKGROUND, symbol_brush, symbol_pen, point_path

MAX_SWATCH_STROKE = 3.0               # a thick boundary (EPCI) must leave room for its fill


def symbol_pixmap(symbol: Symbol, size: int = 18, ratio: float = 1.0) -> QPixmap:
    """A size x size (logical pixels) picture of the symbol, for a screen of that ratio."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if symbol.geometry == "point":
            _draw_point(painter, symbol, size)
        elif symbol.geometry == "line":
            _draw_line(painter, symbol, size)
        else:
            _draw_polygon(painter, symbol, size)
    finally:
        painter.end()
    return pixmap


def symbol_icon(symbol: Symbol, size: int = 18) -> QIcon:
    """The symbol as an icon, sharp on ordinary and high-density screens."""
    icon = QIcon()
    for ratio in (1.0, 2.0):
        icon.addPixmap(symbol_pixmap(symbol, size, ratio))
    return icon


def _swatch_pen(symbol: Symbol):
    pen = symbol_pen(symbol)
    pen.setWidthF(min(max(symbol.stroke_width, 1.0), MAX_SWATCH_STROKE))
    return pen


def _draw_polygon(painter: QPainter, symbol: Symbol, size: int) -> None:
    pen = _swatch_pen(symbol)
    inset = pen.widthF() / 2 + 1 if symbol.stroke else 1
    rect = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    # A transparent fill is seen over the map's background, as on the map.
    painter.fillRect(rect, BACKGROUND)
    if symbol.hatched:
        painter.fillRect(rect, HATCH_BACKGROUND)
    painter.setPen(pen)
    painter.setBrush(symbol_brush(symbol.fill, 1.0 if symbol.hatched else symbol.fill_alpha,
                            hatched=symbol.hatched))
    painter.drawRect(rect)


def _draw_line(painter: QPainter, symbol: Symbol, size: int) -> None:
    painter.setPen(_swatch_pen(symbol))
    painter.drawLine(QLineF(2, size - 4, size - 2, 4))


def _draw_point(painter: QPainter, symbol: Symbol, size: int) -> None:
    painter.setPen(symbol_pen(symbol))
    painter.setBrush(symbol_brush(symbol.fill, symbol.fill_alpha))
    # The triangle and the diamond reach 1.2 x the half size: keep them inside the swatch.
    diameter = min(symbol.size or size * 0.6, (size - 2) / 1.2)
    painter.drawPath(point_path(symbol.shape, diameter).translated(QPointF(size / 2, size / 2)))
