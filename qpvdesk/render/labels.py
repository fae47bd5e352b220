"""Feature labels placed without collisions: first come, first placed, the rest dropped."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from ..models.map.layers import FeatureLayer
from ..models.map.viewport import Viewport

MIN_FEATURE_PX = 40     # a feature narrower than this on screen gets no label
WRAP_CHARACTERS = 24
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
        metrics = QFontMetricsF(self._font(style))
        widths = (layer.extents[visible, 2] - layer.extents[visible, 0]) / self.viewport.resolution
        points = layer.label_points[visible]
        xs, ys = self.viewport.to_screen(points[:, 0], points[:, 1])
        order = np.argsort(-widths, kind="stable")  # large features claim their place first
        for i in order:
            name = layer.labels[visible[i]]
            if not name or widths[i] < MIN_FEATURE_PX:
                continue
            lines = textwrap.wrap(name, WRAP_CHARACTERS) or [name]
            if style.capitals:
                lines = [line.upper() for line in lines]
            width = max(metrics.horizontalAdvance(line) for line in lines)
            height = metrics.height() * len(lines)
            rect = QRectF(xs[i] - width / 2, ys[i] - height / 2, width, height)
            padded = rect.adjusted(-3, -2, 3, 2)
            if any(padded.intersects(other.rect) for other in self.placed):
                continue
            self.placed.append(_Label(lines, rect, style))

    def draw(self, painter: QPainter) -> None:
        """Text with a white halo made of offset copies (cheaper than stroking a path)."""
        halo = QColor(255, 255, 255, 235)
        for label in self.placed:
            font = self._font(label.style)
            metrics = QFontMetricsF(font)
            painter.setFont(font)
            for number, line in enumerate(label.lines):
                x = label.rect.center().x() - metrics.horizontalAdvance(line) / 2
                y = label.rect.top() + metrics.ascent() + number * metrics.height()
                painter.setPen(halo)
                for dx, dy in HALO_OFFSETS:
                    painter.drawText(QPointF(x + dx, y + dy), line)
                painter.setPen(QColor(label.style.color))
                painter.drawText(QPointF(x, y), line)
