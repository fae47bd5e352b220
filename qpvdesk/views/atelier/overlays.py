"""What the workshop paints over the map: the current participant's drawings and pins,
bold; the other participants' faint, and only when the facilitator shows them; the
workshop's QPV outlined.

Widths are in logical pixels (the painter of a widget scales them by the screen's device
pixel ratio), chosen to be seen from the back of a room on a projector."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap

from ...models.atelier.vocabulary import DRAWING
from ...models.atelier.workshop import Contribution
from ...render.atelier_map import (PLACE_COLOURS, geometry_path, paint_qpv_outline,
                                   place_marker)

MARKER_PX = 30


@dataclass(frozen=True)
class DrawingStyle:
    """How a drawn « mon quartier » looks: a translucent fill (the map shows through), an
    outline of ``width`` logical pixels over a light halo ``halo`` pixels wide (none: 0)."""
    fill: QColor
    ink: QColor
    width: float
    halo: float
    halo_colour: QColor = field(default_factory=lambda: QColor(255, 255, 255, 235))


# the participant's own: a 5 px outline over a 11 px white halo, fill at 45 %
OWN = DrawingStyle(QColor(123, 50, 148, 115), QColor("#40004b"), 5.0, 11.0)
# the others', when the facilitator shows them: visible, but behind the participant's own
OTHERS = DrawingStyle(QColor(90, 90, 110, 45), QColor(70, 70, 90, 190), 3.0, 0.0)


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
            self._paint(painter, self.others, OTHERS, MARKER_PX * 0.6)
        self._paint(painter, self.current, OWN, MARKER_PX)

    def _paint(self, painter: QPainter, items: Sequence[Contribution], style: DrawingStyle,
               marker: float) -> None:
        viewport = self.canvas.viewport
        for item in items:
            if item.kind == DRAWING:
                paint_drawing(painter, geometry_path(item.geometry, viewport), style)
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


def paint_drawing(painter: QPainter, path, style: DrawingStyle) -> None:
    """The fill, then the halo, then the outline on top (round joins: no spikes at the
    sharp corners a finger makes)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.fill)
    painter.drawPath(path)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for colour, width in ((style.halo_colour, style.halo), (style.ink, style.width)):
        if width > 0:
            painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.drawPath(path)


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
