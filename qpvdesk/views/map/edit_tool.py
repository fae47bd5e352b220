"""Selecting and reshaping proposals: move a feature, drag, insert and delete vertices.

The tool never changes a proposal itself: on release it makes one callback (one undo step),
and the application applies it to the store and refreshes what `proposals` returns. While a
drag is under way only the overlay moves.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ...models.map.snapping import DEFAULT_TOLERANCE_PX, EXTRA_LAYER_ID, Snapper
from ...models.proposals.geometry import (Vertex, polygon_from_vertices, translated,
                                          vertices_of)
from .capture_tool import RUBBER_BAND, paint_handles, screen_points, snap_point
from .maptool import MapEvent, MapTool

EditableProposals = Callable[[], Sequence[tuple[str, BaseGeometry]]]
DRAG_THRESHOLD_PX = 4
MIN_POLYGON_VERTICES = 3


@dataclass
class _Drag:
    mode: str                   # 'move' or 'vertex'
    start: MapEvent
    vertex: int | None = None
    dragging: bool = False


class EditTool(MapTool):
    cursor = Qt.CursorShape.ArrowCursor
    selected = Signal(object)               # uuid of the selected proposal, or None
    message = Signal(str)

    def __init__(self, canvas, proposals: EditableProposals,
                 on_move: Callable[[str, float, float], None],
                 on_vertices: Callable[[str, list[Vertex]], None],
                 snapper: Snapper | None = None,
                 tolerance_px: float = DEFAULT_TOLERANCE_PX) -> None:
        super().__init__(canvas)
        self.proposals = proposals
        self.on_move = on_move
        self.on_vertices = on_vertices
        self.snapper = snapper
        self.tolerance_px = tolerance_px
        self.selected_uuid: str | None = None
        self.hover_vertex: int | None = None
        self.preview: BaseGeometry | None = None     # the selected shape while dragging
        self._drag: _Drag | None = None

    # -- what is under the cursor -------------------------------------------------------
    def selected_geometry(self) -> BaseGeometry | None:
        for uuid, geometry in self.proposals():
            if uuid == self.selected_uuid:
                return geometry
        return None

    def _tolerance_m(self) -> float:
        return self.tolerance_px * self.canvas.viewport.resolution

    def _proposal_at(self, x: float, y: float) -> str | None:
        """The smallest proposal containing the point, or a point proposal within reach."""
        probe = Point(x, y)
        hits = [(geometry.area, uuid) for uuid, geometry in self.proposals()
                if geometry.distance(probe) <= (self._tolerance_m()
                                                if geometry.geom_type == "Point" else 0.0)]
        return min(hits)[1] if hits else None

    def _vertex_at(self, x: float, y: float) -> int | None:
        geometry = self.selected_geometry()
        if geometry is None or geometry.geom_type != "Polygon":
            return None
        distances = [math.hypot(vx - x, vy - y) for vx, vy in vertices_of(geometry)]
        index = min(range(len(distances)), key=distances.__getitem__)
        return index if distances[index] <= self._tolerance_m() else None

    def _segment_at(self, x: float, y: float) -> tuple[int, Vertex] | None:
        """(index to insert at, point on the segment) for the selected polygon's nearest edge."""
        geometry = self.selected_geometry()
        if geometry is None or geometry.geom_type != "Polygon":
            return None
        vertices = vertices_of(geometry)
        best = None
        for index, (a, b) in enumerate(zip(vertices, vertices[1:] + vertices[:1])):
            point = _closest_on_segment(a, b, (x, y))
            distance = math.hypot(point[0] - x, point[1] - y)
            if distance <= self._tolerance_m() and (best is None or distance < best[0]):
                best = (distance, index + 1, point)
        return (best[1], best[2]) if best else None

    # -- events -------------------------------------------------------------------------
    def deactivate(self) -> None:
        self._drag, self.preview, self.hover_vertex = None, None, None

    def press(self, event: MapEvent) -> None:
        vertex = self._vertex_at(event.x, event.y)
        if event.button == Qt.MouseButton.RightButton:
            if vertex is not None:
                self._delete_vertex(vertex)
            return
        if event.button != Qt.MouseButton.LeftButton:
            return
        if vertex is not None:
            self._drag = _Drag("vertex", event, vertex)
            return
        uuid = self._proposal_at(event.x, event.y)
        self._select(uuid)
        if uuid is not None:
            self._drag = _Drag("move", event)

    def move(self, event: MapEvent) -> None:
        drag = self._drag
        if drag is None:
            hover = self._vertex_at(event.x, event.y)
            if hover != self.hover_vertex:
                self.hover_vertex = hover
                self.canvas.update()
            return
        if not drag.dragging and max(abs(event.px - drag.start.px),
                                     abs(event.py - drag.start.py)) <= DRAG_THRESHOLD_PX:
            return
        drag.dragging = True
        self.preview = self._dragged_shape(drag, event)
        self.canvas.update()

    def release(self, event: MapEvent) -> None:
        drag, self._drag = self._drag, None
        self.preview = None
        if drag is None or not drag.dragging or self.selected_uuid is None:
            return
        if drag.mode == "move":
            dx, dy = self._move_delta(drag, event)
            self.on_move(self.selected_uuid, dx, dy)
        else:
            self.on_vertices(self.selected_uuid, self._dragged_vertices(drag, event))
        self.canvas.update()

    def double_click(self, event: MapEvent) -> None:
        self._drag = None
        if (event.button != Qt.MouseButton.LeftButton
                or self._vertex_at(event.x, event.y) is not None):
            return
        segment = self._segment_at(event.x, event.y)
        if segment is None:
            return
        index, point = segment
        vertices = vertices_of(self.selected_geometry())
        vertices.insert(index, point)
        self.on_vertices(self.selected_uuid, vertices)
        self.canvas.update()

    def key_press(self, key: int, modifiers) -> bool:
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.hover_vertex is not None:
            self._delete_vertex(self.hover_vertex)
            return True
        if key == Qt.Key.Key_Escape and self.selected_uuid is not None:
            self._select(None)
            return True
        return False

    # -- edits --------------------------------------------------------------------------
    def _select(self, uuid: str | None) -> None:
        if uuid != self.selected_uuid:
            self.selected_uuid, self.hover_vertex = uuid, None
            self.selected.emit(uuid)
            self.canvas.update()

    def _delete_vertex(self, index: int) -> None:
        vertices = vertices_of(self.selected_geometry())
        if len(vertices) <= MIN_POLYGON_VERTICES:
            self.message.emit(self.tr("Un polygone garde au moins 3 sommets."))
            return
        del vertices[index]
        self.hover_vertex = None
        self.on_vertices(self.selected_uuid, vertices)
        self.canvas.update()

    def _move_delta(self, drag: _Drag, event: MapEvent) -> tuple[float, float]:
        return event.x - drag.start.x, event.y - drag.start.y

    def _dragged_shape(self, drag: _Drag, event: MapEvent) -> BaseGeometry:
        if drag.mode == "move":
            return translated(self.selected_geometry(), *self._move_delta(drag, event))
        return polygon_from_vertices(self._dragged_vertices(drag, event))

    def _dragged_vertices(self, drag: _Drag, event: MapEvent) -> list[Vertex]:
        geometry = self.selected_geometry()
        snap = snap_point(self.snapper, self.canvas, event, self.tolerance_px,
                          exclude={(EXTRA_LAYER_ID, self.selected_uuid)})
        vertices = vertices_of(geometry)
        vertices[drag.vertex] = (snap.x, snap.y)
        return vertices

    # -- painting -----------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        geometry = self.selected_geometry()
        if geometry is None:
            return
        shape = self.preview if self.preview is not None else geometry
        if shape.geom_type == "Point":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(RUBBER_BAND, 2))
            painter.drawEllipse(screen_points(self.canvas, vertices_of(shape))[0], 9, 9)
            return
        path = QPainterPath()
        for ring in shapely.get_rings(shapely.get_parts(shape)):    # every part, every hole
            points = screen_points(self.canvas, [(x, y) for x, y in ring.coords[:-1]])
            path.addPolygon(QPolygonF(points))
            path.closeSubpath()
        painter.setBrush(QColor(208, 0, 111, 40) if self.preview else Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(RUBBER_BAND, 2, Qt.PenStyle.DashLine if self.preview
                            else Qt.PenStyle.SolidLine))
        painter.drawPath(path)
        if shape.geom_type == "Polygon":    # a shape in several parts moves as a whole
            paint_handles(painter, screen_points(self.canvas, vertices_of(shape)),
                          self.hover_vertex)


def _closest_on_segment(a: Vertex, b: Vertex, p: Vertex) -> Vertex:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return (ax + t * dx, ay + t * dy)

