"""Drawing a new proposal: a point in one click, a polygon vertex by vertex (QGIS capture tool).

Clicks add (snapped) vertices to a rubber band; Backspace removes the last one; Enter or a
double-click finishes; Esc asks the application before discarding. Every change of the vertex
list goes to `draft_saver` so a half-drawn shape survives a crash.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from ...models.map.snapping import DEFAULT_TOLERANCE_PX, Snapper, SnapResult
from ...models.proposals.geometry import Vertex, polygon_from_vertices
from ...models.proposals.vocabulary import EQUIPEMENT, KINDS
from ..model_texts import model_text
from .maptool import MapEvent, MapTool

DraftSaver = Callable[[str, list[Vertex]], None]

RUBBER_BAND = QColor("#d0006f")
HANDLE_SIZE_PX = 7.0
FINISH_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def snap_point(snapper: Snapper | None, canvas, event: MapEvent, tolerance_px: float,
               **options) -> SnapResult:
    """`event`'s map point snapped within `tolerance_px` pixels at the canvas's resolution."""
    if snapper is None:
        return SnapResult(event.x, event.y)
    return snapper.snap(event.x, event.y, tolerance_px * canvas.viewport.resolution, **options)


def screen_points(canvas, vertices: Sequence[Vertex]) -> list[QPointF]:
    points = []
    for x, y in vertices:
        px, py = canvas.viewport.to_screen(x, y)
        points.append(QPointF(float(px), float(py)))
    return points


def paint_handles(painter: QPainter, points: Sequence[QPointF],
                  highlighted: int | None = None) -> None:
    """Small squares on vertices, the highlighted one filled."""
    painter.setPen(QPen(RUBBER_BAND, 1.5))
    half = HANDLE_SIZE_PX / 2
    for index, point in enumerate(points):
        painter.setBrush(RUBBER_BAND if index == highlighted else QColor(255, 255, 255))
        painter.drawRect(QRectF(point.x() - half, point.y() - half,
                                HANDLE_SIZE_PX, HANDLE_SIZE_PX))


def paint_snap_marker(painter: QPainter, canvas, snap: SnapResult | None) -> None:
    """A square on a snapped vertex, a cross in a circle on a snapped edge."""
    if snap is None or not snap.snapped:
        return
    (point,) = screen_points(canvas, [(snap.x, snap.y)])
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#ff00ff"), 2))
    if snap.kind == "vertex":
        painter.drawRect(QRectF(point.x() - 6, point.y() - 6, 12, 12))
    else:
        painter.drawEllipse(point, 6, 6)
        painter.drawLine(point + QPointF(-4, -4), point + QPointF(4, 4))
        painter.drawLine(point + QPointF(-4, 4), point + QPointF(4, -4))


def paint_hint(painter: QPainter, canvas, text: str) -> None:
    """A line of instructions at the top of the map, on a light box."""
    if not text:
        return
    metrics = painter.fontMetrics()
    canvas_width = canvas.viewport.width
    width = min(metrics.horizontalAdvance(text) + 24, canvas_width - 20)
    flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
    lines = metrics.boundingRect(QRect(0, 0, int(width) - 20, 400), flags, text)
    box = QRectF((canvas_width - width) / 2, 8, width, lines.height() + 12)
    painter.setPen(QPen(QColor("#8a5a00"), 1))
    painter.setBrush(QColor(255, 246, 224, 235))
    painter.drawRoundedRect(box, 5, 5)
    painter.setPen(QColor("#3a2a00"))
    painter.drawText(box.adjusted(10, 0, -10, 0), flags, text)   # wrapped, never cut


def distinct_vertices(vertices: Sequence[Vertex]) -> list[Vertex]:
    """Without consecutive repeats (a double-click clicks twice on one spot) nor a closing
    repeat of the first vertex."""
    kept: list[Vertex] = []
    for vertex in vertices:
        if not kept or kept[-1] != vertex:
            kept.append(vertex)
    if len(kept) > 1 and kept[0] == kept[-1]:
        kept.pop()
    return kept


class CaptureTool(MapTool):
    cursor = Qt.CursorShape.CrossCursor
    finished = Signal(str, object)        # kind, shapely geometry in EPSG:2154
    discard_requested = Signal()          # Esc on a started shape: the application asks
    message = Signal(str)                 # French text for the status bar

    def __init__(self, canvas, kind: str, snapper: Snapper | None = None,
                 draft_saver: DraftSaver | None = None,
                 tolerance_px: float = DEFAULT_TOLERANCE_PX) -> None:
        super().__init__(canvas)
        self.kind = kind
        self.snapper = snapper
        self.draft_saver = draft_saver
        self.tolerance_px = tolerance_px
        self.vertices: list[Vertex] = []
        self.cursor_point: SnapResult | None = None
        self._pressed = False

    @property
    def is_point(self) -> bool:
        return self.kind == EQUIPEMENT

    # -- the shape being drawn -----------------------------------------------------------
    def resume(self, kind: str, vertices: Sequence[Sequence[float]]) -> None:
        """Take up a draft saved before a crash or a restart."""
        self.kind = kind
        self.vertices = [(float(x), float(y)) for x, y in vertices]
        self._changed(save=False)

    def discard(self) -> None:
        """Forget the shape; the application clears the stored draft when it confirms."""
        self.vertices = []
        self._changed(save=False)

    def finish(self) -> bool:
        """Emit the finished geometry; a polygon needs 3 distinct vertices."""
        if self.is_point:
            if not self.vertices:
                return False
            geometry: BaseGeometry = Point(self.vertices[-1])
        else:
            ring = distinct_vertices(self.vertices)
            if len(set(ring)) < 3:
                self.message.emit(self.tr(
                    "Un polygone demande au moins 3 sommets distincts : continuez à cliquer."))
                return False
            geometry = polygon_from_vertices(ring)
        self.vertices = []
        self._changed(save=False)
        self.finished.emit(self.kind, geometry)
        return True

    def _add_vertex(self, vertex: Vertex) -> None:
        self.vertices.append(vertex)
        self._changed()
        if self.is_point:
            self.finish()

    def _changed(self, save: bool = True) -> None:
        if save and self.draft_saver is not None:
            self.draft_saver(self.kind, list(self.vertices))
        self.canvas.update()

    # -- events -------------------------------------------------------------------------
    def activate(self) -> None:
        super().activate()
        self.canvas.installEventFilter(self)    # to know when the cursor leaves the map

    def deactivate(self) -> None:
        self.canvas.removeEventFilter(self)
        self.cursor_point = None
        self._pressed = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        """The cursor left the map: no snap marker nor rubber band left behind."""
        if event.type() == QEvent.Type.Leave and self.cursor_point is not None:
            self.cursor_point = None
            self.canvas.update()
        return False

    def press(self, event: MapEvent) -> None:
        self._pressed = event.button == Qt.MouseButton.LeftButton

    def move(self, event: MapEvent) -> None:
        self.cursor_point = self._snap(event)
        self.canvas.update()

    def release(self, event: MapEvent) -> None:
        # a double-click's second release comes without a press of ours: no extra vertex
        if not (self._pressed and event.button == Qt.MouseButton.LeftButton):
            return
        self._pressed = False
        snap = self._snap(event)
        self.cursor_point = snap
        self._add_vertex((snap.x, snap.y))

    def double_click(self, event: MapEvent) -> None:
        # the first click of the double-click already added the vertex under the cursor
        self._pressed = False
        if event.button == Qt.MouseButton.LeftButton and not self.is_point:
            self.finish()

    def key_press(self, key: int, modifiers) -> bool:
        if key == Qt.Key.Key_Backspace:
            if not self.vertices:
                return False
            self.vertices.pop()
            self._changed()
            return True
        if key in FINISH_KEYS:
            return self.finish() or bool(self.vertices)
        if key == Qt.Key.Key_Escape:
            if not self.vertices:
                return False
            self.discard_requested.emit()
            return True
        return False

    def _snap(self, event: MapEvent) -> SnapResult:
        drawing = ([("", LineString(self.vertices))] if len(self.vertices) > 1
                   else [("", Point(self.vertices[0]))] if self.vertices else [])
        return snap_point(self.snapper, self.canvas, event, self.tolerance_px, extra=drawing)

    # -- painting -----------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        points = screen_points(self.canvas, self.vertices)
        cursor = self.cursor_point
        if points and not self.is_point:
            band = list(points)
            if cursor is not None:
                band += screen_points(self.canvas, [(cursor.x, cursor.y)])
            path = QPainterPath(band[0])
            for point in band[1:]:
                path.lineTo(point)
            if len(band) > 2:
                path.closeSubpath()
            painter.setBrush(QColor(208, 0, 111, 40))
            painter.setPen(QPen(RUBBER_BAND, 2))
            painter.drawPath(path)
        paint_handles(painter, points)
        paint_snap_marker(painter, self.canvas, cursor)
        paint_hint(painter, self.canvas, self.hint())

    def hint(self) -> str:
        """What to do next, shown on the map for as long as the tool is drawing."""
        kind = model_text(KINDS[self.kind])
        if self.is_point:
            return self.tr("{kind} : cliquez sur la carte pour placer le point.").format(
                kind=kind)
        count = len(distinct_vertices(self.vertices))
        if count == 0:
            return self.tr("{kind} : cliquez le premier sommet du contour.").format(kind=kind)
        vertices = (self.tr("1 sommet") if count == 1 else
                    self.tr("{count} sommets").format(count=count))
        finish = (self.tr("Entrée ou double-clic pour finir") if count >= 3 else
                  self.tr("3 sommets au moins avant de finir"))
        return self.tr("{kind} : {vertices} — cliquez le suivant ; {finish}, Retour arrière "
                       "efface le dernier, Échap abandonne.").format(
            kind=kind, vertices=vertices, finish=finish)
