"""The workshop's map tool, for a finger as much as a mouse.

« Dessiner » : tap the corners one by one, or trace the outline freehand (the trace is
simplified to what a hand meant, at the view's scale), or both; tapping the first corner
again, or « J'ai fini », closes it. « Lieu » : a tap places the pin. Otherwise a drag moves
the map. Two fingers always move and zoom (the canvas does it, and cancels a stroke); so does
the mouse's right (or middle) button."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from shapely.geometry import Polygon

from ...models.atelier.simplify import simplify_ring, view_tolerance
from ..map.maptool import MapEvent, MapTool

NAVIGATE, DRAW, PLACE = "navigate", "draw", "place"
TAP_TOLERANCE_PX = 12          # a finger wobbles: less than this is a tap, not a drag
CLOSE_RADIUS_PX = 28           # tapping this close to the first corner closes the outline
TRACE_INK = QColor("#d0006f")
PAN_BUTTONS = (Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton)

Overlay = Callable[[QPainter], None]


class WorkshopTool(MapTool):
    cursor = Qt.CursorShape.CrossCursor
    outline_closed = Signal(object)         # shapely Polygon in Lambert-93 (maybe invalid)
    place_tapped = Signal(float, float)     # Lambert-93
    outline_changed = Signal(int)           # corners so far

    def __init__(self, canvas, overlay: Overlay | None = None) -> None:
        super().__init__(canvas)
        self.mode = NAVIGATE
        self.overlay = overlay
        self.corners: list[tuple[float, float]] = []     # Lambert-93, tapped or traced
        self._press: MapEvent | None = None
        self._last: tuple[float, float] | None = None
        self._tracing = False
        self._panning = False
        self._trace_start = 0

    # -- modes -----------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.clear()
        self.canvas.setCursor(Qt.CursorShape.OpenHandCursor if mode == NAVIGATE
                              else Qt.CursorShape.CrossCursor)

    def clear(self) -> None:
        self.corners = []
        self._press, self._tracing = None, False
        self.outline_changed.emit(0)
        self.canvas.update()

    def remove_last_corner(self) -> bool:
        """« Annuler » while drawing: the last corner (or the last traced stretch)."""
        if not self.corners:
            return False
        self.corners.pop()
        self.outline_changed.emit(len(self.corners))
        self.canvas.update()
        return True

    def finish(self) -> bool:
        """Close the outline (« J'ai fini »); False when it has fewer than 3 corners."""
        if len(self.corners) < 3:
            return False
        ring = simplify_ring(self.corners, view_tolerance(self.canvas.viewport.resolution))
        self.corners = []
        self.outline_changed.emit(0)
        self.canvas.update()
        self.outline_closed.emit(Polygon(ring) if len(ring) >= 3 else Polygon())
        return True

    # -- events (mouse, or one finger through the canvas) -------------------------------------
    def press(self, event: MapEvent) -> None:
        if event.button not in PAN_BUTTONS and event.button != Qt.MouseButton.LeftButton:
            return
        # the right or middle button always moves the map, even while drawing
        self._panning = event.button in PAN_BUTTONS
        self._press, self._last, self._tracing = event, (event.px, event.py), False

    def move(self, event: MapEvent) -> None:
        if self._press is None:
            return
        moved = max(abs(event.px - self._press.px), abs(event.py - self._press.py))
        if not self._tracing and moved > TAP_TOLERANCE_PX:
            self._tracing = True
            if self.mode == DRAW and not self._panning:
                self._trace_start = len(self.corners)
                self.corners.append((self._press.x, self._press.y))
        if not self._tracing:
            return
        if self.mode == DRAW and not self._panning:
            self.corners.append((event.x, event.y))
            self.canvas.update()
        else:
            self.canvas.pan_by(event.px - self._last[0], event.py - self._last[1])
        self._last = (event.px, event.py)

    def release(self, event: MapEvent) -> None:
        if self._press is None:
            return
        press, traced, panning = self._press, self._tracing, self._panning
        self._press, self._tracing = None, False
        if panning or (traced and self.mode != DRAW):
            if traced:
                self.canvas.request_render()
            return
        if traced:
            self.outline_changed.emit(len(self.corners))
            return
        if self.mode == PLACE:
            self.place_tapped.emit(press.x, press.y)
        elif self.mode == DRAW:
            self._tap_corner(press)

    def touch_cancelled(self) -> None:
        """A second finger landed: the stroke under way was the start of a pinch."""
        if self._tracing and self.mode == DRAW:
            del self.corners[self._trace_start:]
            self.canvas.update()
        self._press, self._tracing = None, False

    def _tap_corner(self, event: MapEvent) -> None:
        if len(self.corners) >= 3:
            first = self._screen(self.corners[0])
            if (first - QPointF(event.px, event.py)).manhattanLength() <= CLOSE_RADIUS_PX:
                self.finish()
                return
        self.corners.append((event.x, event.y))
        self.outline_changed.emit(len(self.corners))
        self.canvas.update()

    def key_press(self, key: int, modifiers) -> bool:
        if key == Qt.Key.Key_Backspace and self.mode == DRAW:
            return self.remove_last_corner()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.mode == DRAW:
            return self.finish()
        return False

    # -- painting ---------------------------------------------------------------------------
    def _screen(self, point: tuple[float, float]) -> QPointF:
        x, y = self.canvas.viewport.to_screen(*point)
        return QPointF(float(x), float(y))

    def paint(self, painter: QPainter) -> None:
        if self.overlay is not None:
            self.overlay(painter)
        if not self.corners:
            return
        points = [self._screen(point) for point in self.corners]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(255, 255, 255, 230), 9, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPolyline(points)
        painter.setPen(QPen(TRACE_INK, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawPolyline(points)
        if len(points) >= 3:    # the target that closes the outline
            painter.setPen(QPen(TRACE_INK, 3))
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawEllipse(points[0], CLOSE_RADIUS_PX * 0.6, CLOSE_RADIUS_PX * 0.6)
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(TRACE_INK)
        for point in points[1:] if len(points) >= 3 else points:
            if len(points) < 60:      # a long trace: a line, not beads
                painter.drawEllipse(point, 6, 6)
