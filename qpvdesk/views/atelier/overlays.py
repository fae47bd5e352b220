"""What the workshop paints over the map: the current participant's drawings and pins,
bold; the other participants' faint, and only when the facilitator shows them; the
workshop's QPV outlined."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from ...models.atelier.vocabulary import DRAWING
from ...models.atelier.workshop import Contribution
from ...render.atelier_map import (PLACE_COLOURS, geometry_path, paint_qpv_outline,
                                   place_marker)

OWN_FILL, OWN_INK = QColor(123, 50, 148, 90), QColor("#40004b")
OTHERS_FILL, OTHERS_INK = QColor(90, 90, 110, 40), QColor(70, 70, 90, 170)
MARKER_PX = 30


class ContributionOverlay:
    def __init__(self, canvas, qpv_geometry) -> None:
        self.canvas = canvas
        self.qpv_geometry = qpv_geometry
        self.current: list[Contribution] = []
        self.others: list[Contribution] = []
        self.show_others = False

    def set_contributions(self, contributions: Sequence[Contribution], participant: int) -> None:
        self.current = [item for item in contributions if item.participant == participant]
        self.others = [item for item in contributions if item.participant != participant]
        self.canvas.update()

    def paint(self, painter: QPainter) -> None:
        viewport = self.canvas.viewport
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_qpv_outline(painter, viewport, self.qpv_geometry, 3.0)
        if self.show_others:
            self._paint(painter, self.others, OTHERS_FILL, OTHERS_INK, 2.0, MARKER_PX * 0.6)
        self._paint(painter, self.current, OWN_FILL, OWN_INK, 4.0, MARKER_PX)

    def _paint(self, painter: QPainter, items: Sequence[Contribution], fill: QColor,
               ink: QColor, width: float, marker: float) -> None:
        viewport = self.canvas.viewport
        for item in items:
            if item.kind == DRAWING:
                painter.setBrush(fill)
                painter.setPen(QPen(ink, width))
                painter.drawPath(geometry_path(item.geometry, viewport))
        for item in items:
            if item.kind == DRAWING:
                continue
            x, y = viewport.to_screen(item.geometry.x, item.geometry.y)
            colour = QColor(PLACE_COLOURS.get(item.place_kind, QColor("#555555")))
            if marker < MARKER_PX:
                colour.setAlpha(150)
            painter.setPen(QPen(QColor("#ffffff"), 3))
            painter.setBrush(QBrush(colour))
            painter.drawPath(place_marker(item.place_kind, marker).translated(
                QPointF(float(x), float(y))))
        painter.setBrush(Qt.BrushStyle.NoBrush)


def marker_icon(kind: str, size: int = 36) -> QIcon:
    """A pin's marker (shape and colour of its kind), for the button that places it."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#ffffff"), 2.5))
    painter.setBrush(PLACE_COLOURS.get(kind, QColor("#555555")))
    painter.drawPath(place_marker(kind, size * 0.72).translated(size / 2, size / 2))
    painter.end()
    return QIcon(pixmap)
