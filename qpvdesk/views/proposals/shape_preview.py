"""A small drawing of a crossed outline and of the corrected shape offered for it, the
corrected shape filled over the dashed outline the user drew, so the user sees what is kept
before accepting it."""
from __future__ import annotations

import shapely
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget
from shapely.geometry.base import BaseGeometry

from ...models.proposals.geometry import crossing_points

DRAWN_COLOUR = QColor("#b00020")
CORRECTED_COLOUR = QColor("#1b7a3a")
MARGIN_PX = 10.0


class ShapePreview(QWidget):
    """The drawn outline (dashed red, its crossings circled) under the corrected shape
    (green, filled), both scaled to fit the widget."""

    def __init__(self, drawn: BaseGeometry, corrected: BaseGeometry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawn, self.corrected = drawn, corrected
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Aperçu du contour dessiné et de la forme corrigée"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(180, 140)

    def set_shapes(self, drawn: BaseGeometry, corrected: BaseGeometry | None) -> None:
        self.drawn, self.corrected = drawn, corrected
        self.update()

    def _to_screen(self):
        xmin, ymin, xmax, ymax = self.drawn.bounds
        width, height = max(xmax - xmin, 1e-9), max(ymax - ymin, 1e-9)
        scale = min((self.width() - 2 * MARGIN_PX) / width,
                    (self.height() - 2 * MARGIN_PX) / height)
        left = (self.width() - width * scale) / 2
        top = (self.height() - height * scale) / 2

        def screen(x: float, y: float) -> QPointF:
            return QPointF(left + (x - xmin) * scale, top + (ymax - y) * scale)
        return screen

    def _path(self, geometry: BaseGeometry, screen) -> QPainterPath:
        path = QPainterPath()
        for ring in shapely.get_rings(shapely.get_parts(geometry)):
            path.addPolygon(QPolygonF([screen(x, y) for x, y in ring.coords]))
            path.closeSubpath()
        return path

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QPen(QColor("#c8c8c8"), 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        screen = self._to_screen()
        if self.corrected is not None:
            fill = QColor(CORRECTED_COLOUR)
            fill.setAlpha(90)
            painter.setBrush(fill)
            painter.setPen(QPen(CORRECTED_COLOUR, 2))
            painter.drawPath(self._path(self.corrected, screen))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(DRAWN_COLOUR, 1.5, Qt.PenStyle.DashLine))
        painter.drawPath(self._path(self.drawn, screen))
        if self.drawn.geom_type == "Polygon":
            painter.setPen(QPen(DRAWN_COLOUR, 1.5))
            for x, y in crossing_points(self.drawn):
                painter.drawEllipse(screen(x, y), 5, 5)
        painter.end()
