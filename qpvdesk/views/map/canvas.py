"""The map canvas: shows the last rendered image, moves and scales it while the user pans
and zooms, and asks a worker thread for a new image when the view settles.

The UI thread never renders layers nor waits for a render: `render_map` runs on one worker
thread; each request carries a generation number, and a newer request cancels the older one
at its next check.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

import shapely
from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLineF, QObject,
                            QPointF, QRectF, Qt, QTimer, Signal)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ...models.map.viewport import Viewport, nice_scale_bar
from .maptool import MapEvent, MapTool
from ...render.renderer import (BACKGROUND, RenderCancelled, RenderError, RenderRequest,
                                render_map)

WHEEL_STEP = 1.25          # zoom factor per wheel notch
KEY_PAN_FRACTION = 0.25    # arrow keys move a quarter of the view
SETTLE_MS = 120            # wait this long after the last wheel notch before re-rendering


PART_FAILED = QT_TRANSLATE_NOOP(
    "MapCanvas", "Une partie de la carte n'a pas pu être dessinée ({parts} : {details}) ; le "
                 "reste de la carte est à jour. Si cela se reproduit, signalez-le à "
                 "l'agglomération.")
MAP_FAILED = QT_TRANSLATE_NOOP(
    "MapCanvas", "La carte n'a pas pu être redessinée ({details}) ; l'image précédente reste "
                 "affichée. Si cela se reproduit, signalez-le à l'agglomération.")


def render_failure_text(errors: list[RenderError], whole_map: bool = False) -> str:
    """One French sentence for the status bar."""
    details = " ; ".join(error.message for error in errors)
    parts = ", ".join(f"« {error.part} »" for error in errors)
    text = QCoreApplication.translate("MapCanvas", MAP_FAILED if whole_map else PART_FAILED)
    return text.format(parts=parts, details=details)


_TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                 QEvent.Type.TouchCancel)


class _TouchState:
    """Where the fingers are: one finger down (the tool's), or a two-finger pinch."""

    def __init__(self) -> None:
        self.finger_down = False
        self.pinching = False
        self.last: tuple[QPointF, float] | None = None   # centre and spread of the pinch


class _RenderSignals(QObject):
    finished = Signal(int, QImage, object, float)   # generation, image, viewport, ms
    failed = Signal(int, object, bool)              # generation, [RenderError], whole map


class _RenderJob:
    """One render on the worker thread. Whatever fails there comes back as data, by signal, to
    the GUI thread (QGIS's renderLayerStatic): a layer that cannot be drawn is left out of
    the image, anything else keeps the previous image; the next render starts as usual."""

    def __init__(self, generation: int, request: RenderRequest,
                 current: Callable[[], int], signals: _RenderSignals) -> None:
        self.generation, self.request, self.current, self.signals = (
            generation, request, current, signals)

    def run(self) -> None:
        start = time.perf_counter()
        errors: list[RenderError] = []
        try:
            image = render_map(self.request, lambda: self.current() != self.generation,
                               errors)
        except RenderCancelled:
            return
        except Exception as exc:  # noqa: BLE001 (never an excepthook on a worker thread)
            self._emit(self.signals.failed, self.generation,
                       [RenderError("carte", f"{type(exc).__name__}: {exc}")], True)
            return
        self._emit(self.signals.finished, self.generation, image, self.request.viewport,
                   (time.perf_counter() - start) * 1000)
        if errors:
            self._emit(self.signals.failed, self.generation, errors, False)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            pass    # the canvas was closed while this render ran: nobody is waiting for it


class MapCanvas(QWidget):
    viewport_changed = Signal(object)      # Viewport, after each pan/zoom/resize
    cursor_moved = Signal(float, float)    # Lambert-93
    rendered = Signal(float)               # ms of the render that just arrived
    render_failed = Signal(str)            # French: what could not be drawn
    map_painted = Signal()                 # once: a rendered map first reached the screen
    _touch: _TouchState | None = None      # None: touch events not taken (enable_touch)

    def __init__(self, compose: Callable[[Viewport], RenderRequest],
                 initial: Viewport, parent=None) -> None:
        super().__init__(parent)
        self.compose = compose
        self.viewport = initial
        self.image: QImage | None = None
        self.image_viewport: Viewport | None = None
        self.highlight: QPainterPath | None = None
        self._highlight_geometry = None
        self._generation = 0
        self._map_painted = False
        # A thread started by Python, not a QThreadPool one: pyproj >= 3.7 keeps its PROJ
        # context with the Python thread state, which PySide drops after each job on a Qt
        # thread, and a later job placing basemap tiles crashed the app (pyproj issue 1509).
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qpvdesk-render")
        self._pending: Future | None = None
        # No Qt parent: a job still running when the canvas is deleted keeps its own
        # reference, and Qt drops the connection to the deleted canvas by itself.
        self._signals = _RenderSignals()
        self._signals.finished.connect(self._on_rendered)
        self._signals.failed.connect(self._on_failed)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.request_render)
        self.tool: MapTool | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(300, 200)
        self.setAccessibleName(self.tr("Carte du territoire"))

    # -- view changes ---------------------------------------------------------------------
    def set_viewport(self, viewport: Viewport, render: bool = True) -> None:
        self.viewport = viewport
        self.viewport_changed.emit(viewport)
        self._update_highlight_path()
        self.update()
        if render:
            self.request_render()

    def pan_by(self, dx: float, dy: float) -> None:
        self.set_viewport(self.viewport.panned(dx, dy), render=False)

    def zoom_by(self, factor: float, anchor: tuple[float, float] | None = None) -> None:
        self.set_viewport(self.viewport.zoomed(factor, anchor), render=False)
        self._settle.start()

    def zoom_to(self, bbox: tuple[float, float, float, float], margin: float = 0.15) -> None:
        self.set_viewport(Viewport.fit(bbox, self.width(), self.height(), margin))

    def set_tool(self, tool: MapTool) -> None:
        if self.tool is not None:
            self.tool.deactivate()
        self.tool = tool
        tool.activate()

    def set_highlight(self, geometry) -> None:
        """Outline a shapely geometry (Lambert-93) on top of the map; None clears it."""
        self._highlight_geometry = geometry
        self._update_highlight_path()
        self.update()

    # -- rendering ----------------------------------------------------------------------
    def request_render(self) -> None:
        """Start a render of the current view; any render under way becomes stale, and so
        does a re-render waiting for the view to settle (at start-up, the window's first
        resize would otherwise cancel the first render and start it again)."""
        self._settle.stop()
        self._generation += 1
        request = self.compose(self.viewport)
        job = _RenderJob(self._generation, request, lambda: self._generation, self._signals)
        self._pending = self._worker.submit(job.run)

    def _on_rendered(self, generation: int, image: QImage, viewport: Viewport,
                     ms: float) -> None:
        if generation != self._generation:
            return
        self.image, self.image_viewport = image, viewport
        self.update()
        self.rendered.emit(ms)

    def _on_failed(self, generation: int, errors: list[RenderError], whole_map: bool) -> None:
        if generation == self._generation:
            self.render_failed.emit(render_failure_text(errors, whole_map))

    def wait_for_render(self, timeout_ms: int = 10_000) -> None:
        """For tests and benchmarks only: block until the pending render is shown."""
        if self._pending is not None:
            wait([self._pending], timeout_ms / 1000)
        QCoreApplication.processEvents()

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        if self.image is not None:
            scale, dx, dy = (float(v) for v in
                             self.viewport.image_transform_from(self.image_viewport))
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale != 1.0)
            painter.drawImage(QRectF(dx, dy, self.image.width() * scale,
                                     self.image.height() * scale), self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.highlight is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(255, 255, 255, 220), 6))
            painter.drawPath(self.highlight)
            painter.setPen(QPen(QColor("#00a0c8"), 3))
            painter.drawPath(self.highlight)
        self._paint_scale_bar(painter)
        if self.tool is not None and hasattr(self.tool, "paint"):
            self.tool.paint(painter)
        painter.end()
        if self.image is not None and not self._map_painted:
            self._map_painted = True
            self.map_painted.emit()

    def _paint_scale_bar(self, painter: QPainter) -> None:
        length_m, length_px, label = nice_scale_bar(self.viewport.resolution, 160)
        x0, y0 = 14.0, self.height() - 18.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRoundedRect(QRectF(x0 - 6, y0 - 22, length_px + 60, 30), 4, 4)
        painter.setPen(QPen(QColor("#202020"), 2))
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + length_px, y0))
        for x in (x0, x0 + length_px):
            painter.drawLine(QPointF(x, y0 - 5), QPointF(x, y0))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        painter.setFont(font)
        painter.drawText(QPointF(x0 + length_px + 6, y0), label)

    def _update_highlight_path(self) -> None:
        geometry = self._highlight_geometry
        if geometry is None:
            self.highlight = None
            return
        path = QPainterPath()
        outline = geometry.boundary if geometry.geom_type.endswith("Polygon") else geometry
        for line in getattr(outline, "geoms", [outline]):
            coords = shapely.get_coordinates(line.buffer(25) if line.geom_type == "Point"
                                             else line)
            xs, ys = self.viewport.to_screen(coords[:, 0], coords[:, 1])
            path.moveTo(float(xs[0]), float(ys[0]))
            for x, y in zip(xs[1:], ys[1:]):
                path.lineTo(float(x), float(y))
        self.highlight = path

    # -- events -------------------------------------------------------------------------
    def _map_event(self, event) -> MapEvent:
        position = event.position()
        x, y = self.viewport.to_map(position.x(), position.y())
        return MapEvent(float(x), float(y), position.x(), position.y(),
                        event.button(), event.modifiers())

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.tool:
            self.tool.press(self._map_event(event))

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        map_event = self._map_event(event)
        self.cursor_moved.emit(map_event.x, map_event.y)
        if self.tool:
            self.tool.move(map_event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.tool:
            self.tool.release(self._map_event(event))

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if self.tool:
            self.tool.double_click(self._map_event(event))

    def wheelEvent(self, event) -> None:  # noqa: N802
        notches = event.angleDelta().y() / 120
        if notches:
            position = event.position()
            self.zoom_by(WHEEL_STEP ** notches, (position.x(), position.y()))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.tool and self.tool.key_press(event.key(), event.modifiers()):
            return
        step_x, step_y = self.width() * KEY_PAN_FRACTION, self.height() * KEY_PAN_FRACTION
        moves = {Qt.Key.Key_Left: (step_x, 0), Qt.Key.Key_Right: (-step_x, 0),
                 Qt.Key.Key_Up: (0, step_y), Qt.Key.Key_Down: (0, -step_y)}
        key = Qt.Key(event.key())
        if key in moves:
            self.pan_by(*moves[key])
            self._settle.start()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(WHEEL_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / WHEEL_STEP)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.set_viewport(self.viewport.resized(self.width(), self.height()), render=False)
        self._settle.start()

    # -- touch (a touch screen: one finger is the tool's, two pan and pinch-zoom) ----------
    def enable_touch(self) -> None:
        """Take touch events: one finger goes to the tool as a left-button press, move and
        release; two fingers drag and pinch the map (the tool's gesture under way is then
        cancelled through its ``touch_cancelled`` hook, if it has one)."""
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._touch = _TouchState()

    def event(self, event) -> bool:
        if self._touch is not None and event.type() in _TOUCH_EVENTS:
            self._touch_event(event)
            event.accept()
            return True
        return super().event(event)

    def _touch_event(self, event) -> None:
        points = [point for point in event.points()
                  if point.state() != point.State.Released]
        state = self._touch
        if len(points) >= 2 or state.pinching:
            self._pinch(points, state)
        elif points and not state.pinching:
            self._one_finger(event.type(), points[0].position(), state)
        if event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            if state.finger_down and self.tool is not None:
                position = event.points()[0].position() if event.points() else QPointF()
                self.tool.release(self._touch_map_event(position))
            if state.pinching:
                self.request_render()
            self._touch = _TouchState()

    def _touch_map_event(self, position: QPointF) -> MapEvent:
        x, y = self.viewport.to_map(position.x(), position.y())
        return MapEvent(float(x), float(y), position.x(), position.y(),
                        Qt.MouseButton.LeftButton)

    def _one_finger(self, kind, position: QPointF, state: _TouchState) -> None:
        if self.tool is None:
            return
        map_event = self._touch_map_event(position)
        if not state.finger_down:
            state.finger_down = True
            self.tool.press(map_event)
        elif kind == QEvent.Type.TouchUpdate:
            self.tool.move(map_event)

    def _pinch(self, points, state: _TouchState) -> None:
        if not state.pinching:
            state.pinching = True
            if state.finger_down and self.tool is not None:
                cancel = getattr(self.tool, "touch_cancelled", None)
                if cancel is not None:
                    cancel()
            state.finger_down = False
        if len(points) < 2:
            state.last = None       # one finger left: wait for both or for the end
            return
        first, second = points[0].position(), points[1].position()
        centre = (first + second) / 2
        distance = max(QLineF(first, second).length(), 1.0)
        if state.last is not None:
            last_centre, last_distance = state.last
            self.pan_by(centre.x() - last_centre.x(), centre.y() - last_centre.y())
            self.zoom_by(distance / last_distance, (centre.x(), centre.y()))
        state.last = (centre, distance)
