"""Feature labels placed without collisions: first come, first placed, the rest dropped."""
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
from ..models.map.viewport import Viewport

MIN_FEATURE_PX = 40     # a feature narrower than this on screen gets no label
WRAP_CHARACTERS = 24
HALO_PAD = 3            # pixels around a label's text in its image (the halo and its edge)
HALO_OFFSETS = [(dx, dy) for dx in (-1.2, 0, 1.2) for dy in (-1.2, 0, 1.2) if dx or dy]


@dataclass(frozen=True)
class LabelStyle:
    color: str
    point_size: float
    bold: bool
    capitals: bool


STYLES = {
    "qpv": LabelStyle("#7f0000", 8.5, True, False),
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


class LabelPlacer:
    def __init__(self, viewport: Viewport) -> None:
        self.viewport = viewport
        self.placed: list[_Label] = []

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
            if any(padded.intersects(other.rect) for other in self.placed):
                continue
            self.placed.append(_Label(list(lines), rect, style))

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
