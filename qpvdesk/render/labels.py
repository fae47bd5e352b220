"""Feature labels placed without collisions: first come, first placed, the rest dropped.

Names of point layers (the QPV without a perimeter, marked in their commune) are placed first,
beside their marker, so that no other name covers a marker; then the names of shapes, in the
order of their layers, each at its feature's label point — moved just above or below when only
a marker is in the way (a QPV marker sits where its commune's name would)."""
from __future__ import annotations

import math
import textwrap
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from ..models.map.layers import FeatureLayer
from ..models.map.styles import SYMBOLS
from ..models.map.viewport import Viewport

MIN_FEATURE_PX = 40     # a feature narrower than this on screen gets no label
WRAP_CHARACTERS = 24
HALO_PAD = 3            # pixels around a label's text in its image (the halo and its edge)
HALO_OFFSETS = [(dx, dy) for dx in (-1.2, 0, 1.2) for dy in (-1.2, 0, 1.2) if dx or dy]
MARKER_GAP_PX = 3       # between a marker and its name
CROWDED_PX = 60         # markers this close are neighbours: the crowded name theirs first
#: Where a point's name may go, best first, as (dx, dy) of the name's box from the point in
#: units of (half the marker + half the box): right, left, above, below, then the diagonals.
BESIDE = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1))


@dataclass(frozen=True)
class LabelStyle:
    color: str
    point_size: float
    bold: bool
    capitals: bool


STYLES = {
    "qpv": LabelStyle("#7f0000", 8.5, True, False),
    "qpv_markers": LabelStyle("#7f0000", 8.5, True, False),
    "communes": LabelStyle("#3a3a3a", 8.0, False, True),
    # named on the workshop's map only (views/atelier): what residents find their way by
    "cites": LabelStyle("#6b4423", 7.5, False, False),
    "terrils": LabelStyle("#2b2b2b", 7.5, False, False),
}


@dataclass
class _Label:
    lines: list[str]
    rect: QRectF
    style: LabelStyle
    name: str


class LabelPlacer:
    """``add_layer`` for each labelled layer in drawing order; the names are placed when
    ``placed`` is first read (by ``draw``), once every layer is known."""

    def __init__(self, viewport: Viewport) -> None:
        self.viewport = viewport
        self._layers: list[tuple[FeatureLayer, np.ndarray, LabelStyle]] = []
        self._placed: list[_Label] | None = None

    @staticmethod
    def _font(style: LabelStyle) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(style.point_size)
        font.setBold(style.bold)
        if style.capitals:
            font.setCapitalization(QFont.Capitalization.AllUppercase)
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
        return font

    def add_layer(self, layer: FeatureLayer, visible: np.ndarray) -> None:
        style = STYLES.get(layer.id)
        if style is None or not len(visible):
            return
        self._layers.append((layer, visible, style))
        self._placed = None

    @property
    def placed(self) -> list[_Label]:
        if self._placed is None:
            points = [entry for entry in self._layers if entry[0].info.geometry == "point"]
            shapes = [entry for entry in self._layers if entry[0].info.geometry != "point"]
            markers = [box for layer, visible, _ in points
                       for box in self._marker_boxes(layer, visible)]
            self._placed = []
            for layer, visible, style in points:
                self._place_beside_points(layer, visible, style, markers)
            point_names = [label.rect for label in self._placed]
            for layer, visible, style in shapes:
                self._place_in_shapes(layer, visible, style, markers, point_names)
        return self._placed

    def _free(self, rect: QRectF, markers: list[QRectF] = ()) -> bool:
        padded = rect.adjusted(-3, -2, 3, 2)
        return not any(padded.intersects(other.rect) for other in self._placed) and not any(
            rect.intersects(marker) for marker in markers)

    def _screen_points(self, layer: FeatureLayer, visible: np.ndarray):
        return self.viewport.to_screen(layer.points[visible, 0], layer.points[visible, 1])

    def _marker_boxes(self, layer: FeatureLayer, visible: np.ndarray) -> list[QRectF]:
        xs, ys = self._screen_points(layer, visible)
        boxes = []
        for index, x, y in zip(visible, xs, ys):
            symbol = layer.symbols[index] if layer.symbols else SYMBOLS[layer.id]
            half = (symbol.size + symbol.stroke_width) / 2
            boxes.append(QRectF(x - half, y - half, 2 * half, 2 * half))
        return boxes

    def _place_beside_points(self, layer: FeatureLayer, visible: np.ndarray,
                             style: LabelStyle, markers: list[QRectF]) -> None:
        """Each name in the first free place around its marker, or not at all."""
        boxes = self._marker_boxes(layer, visible)
        for j in self._crowded_first(boxes):
            i, marker = visible[j], boxes[j]
            name = layer.labels[i]
            if not name:
                continue
            lines, width, height = _measured(name, style)
            centre = marker.center()
            reach_x = marker.width() / 2 + MARKER_GAP_PX + width / 2
            reach_y = marker.height() / 2 + MARKER_GAP_PX + height / 2
            for dx, dy in BESIDE:
                rect = QRectF(centre.x() + dx * reach_x - width / 2,
                              centre.y() + dy * reach_y - height / 2, width, height)
                if self._free(rect, markers):
                    self._placed.append(_Label(list(lines), rect, style, name))
                    break

    @staticmethod
    def _crowded_first(markers: list[QRectF]) -> list[int]:
        """The markers with most neighbours first: they have least room for their names."""
        reach = CROWDED_PX ** 2

        def neighbours(i: int) -> int:
            here = markers[i].center()
            return sum(1 for other in markers
                       if (other.center().x() - here.x()) ** 2
                       + (other.center().y() - here.y()) ** 2 <= reach)

        return sorted(range(len(markers)), key=lambda i: -neighbours(i))

    def _place_in_shapes(self, layer: FeatureLayer, visible: np.ndarray, style: LabelStyle,
                         markers: list[QRectF], point_names: list[QRectF]) -> None:
        """Each name at its feature's label point; a name that meets another shape's is
        dropped, one that meets markers or point names moves above or below them."""
        widths = (layer.extents[visible, 2] - layer.extents[visible, 0]) / self.viewport.resolution
        points = layer.label_points[visible]
        xs, ys = self.viewport.to_screen(points[:, 0], points[:, 1])
        order = np.argsort(-widths, kind="stable")  # large features claim their place first
        for i in order:
            name = layer.labels[visible[i]]
            if not name or widths[i] < MIN_FEATURE_PX:
                continue
            lines, width, height = _measured(name, style)
            rect = QRectF(xs[i] - width / 2, ys[i] - height / 2, width, height)
            padded = rect.adjusted(-3, -2, 3, 2)
            if any(padded.intersects(other.rect) for other in self._placed[len(point_names):]):
                continue
            in_way = [box for box in markers + point_names if padded.intersects(box)]
            if in_way:
                rect = self._clear_of(rect, in_way, markers)
                if rect is None:
                    continue
            self._placed.append(_Label(list(lines), rect, style, name))

    def _clear_of(self, rect: QRectF, in_way: list[QRectF], markers: list[QRectF]
                  ) -> QRectF | None:
        """The box moved just above or below the markers and point names in its way, where
        that place is free; else where it was when only markers are in the way (the name
        matters more than the marker under it), else None."""
        gap = MARKER_GAP_PX + 2
        above = min(box.top() for box in in_way) - gap - rect.bottom()
        below = max(box.bottom() for box in in_way) + gap - rect.top()
        for shift in sorted((above, below), key=abs):
            moved = rect.translated(0, shift)
            if self._free(moved, markers):
                return moved
        return rect if self._free(rect) else None

    def draw(self, painter: QPainter) -> None:
        """Each label from its image (text and halo), drawn at a whole pixel."""
        for label in self.placed:
            image = label_image(tuple(label.lines), label.style)
            painter.drawImage(round(label.rect.left()) - HALO_PAD,
                              round(label.rect.top()) - HALO_PAD, image)


@lru_cache(maxsize=4_096)
def _measured(name: str, style: LabelStyle) -> tuple[tuple[str, ...], float, float]:
    """A name's lines on the map, and their width and height in pixels."""
    lines = textwrap.wrap(name, WRAP_CHARACTERS) or [name]
    if style.capitals:
        lines = [line.upper() for line in lines]
    metrics = QFontMetricsF(LabelPlacer._font(style))
    return (tuple(lines), max(metrics.horizontalAdvance(line) for line in lines),
            metrics.height() * len(lines))


def label_image(lines: tuple[str, ...], style: LabelStyle) -> QImage:
    """The label as an image: the lines centred, with a white halo made of offset copies
    (cheaper than stroking a path), HALO_PAD pixels around them. Kept from one render to
    the next (the same names come back at every pan and zoom: 3 QPV names cost 1-2 ms to
    draw, their images 0.05 ms)."""
    key = (lines, style)
    with _IMAGES_LOCK:
        image = _IMAGES.get(key)
    if image is not None:
        return image
    font = LabelPlacer._font(style)
    metrics = QFontMetricsF(font)
    width = max(metrics.horizontalAdvance(line) for line in lines)
    image = QImage(math.ceil(width) + 2 * HALO_PAD,
                   math.ceil(metrics.height() * len(lines)) + 2 * HALO_PAD,
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setFont(font)
    halo = QColor(255, 255, 255, 235)
    for number, line in enumerate(lines):
        x = HALO_PAD + (width - metrics.horizontalAdvance(line)) / 2
        y = HALO_PAD + metrics.ascent() + number * metrics.height()
        painter.setPen(halo)
        for dx, dy in HALO_OFFSETS:
            painter.drawText(QPointF(x + dx, y + dy), line)
        painter.setPen(QColor(style.color))
        painter.drawText(QPointF(x, y), line)
    painter.end()
    with _IMAGES_LOCK:
        if len(_IMAGES) >= KEPT_LABEL_IMAGES:
            _IMAGES.clear()
        _IMAGES[key] = image
    return image


KEPT_LABEL_IMAGES = 2_000     # about 10 kB each
_IMAGES: dict[tuple[tuple[str, ...], LabelStyle], QImage] = {}
_IMAGES_LOCK = threading.Lock()
