"""The default tool: drag to pan, click to identify what is under the cursor."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from .maptool import MapEvent, MapTool

CLICK_TOLERANCE_PX = 4


class PanIdentifyTool(MapTool):
    cursor = Qt.CursorShape.OpenHandCursor
    identify_requested = Signal(float, float)   # Lambert-93 point clicked

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self._press: MapEvent | None = None
        self._last: tuple[float, float] | None = None
        self._dragging = False

    def press(self, event: MapEvent) -> None:
        if event.button == Qt.MouseButton.LeftButton:
            self._press, self._last, self._dragging = event, (event.px, event.py), False

    def move(self, event: MapEvent) -> None:
        if self._press is None:
            return
        if not self._dragging and max(abs(event.px - self._press.px),
                                      abs(event.py - self._press.py)) > CLICK_TOLERANCE_PX:
            self._dragging = True
            self.canvas.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._dragging:
            self.canvas.pan_by(event.px - self._last[0], event.py - self._last[1])
            self._last = (event.px, event.py)

    def release(self, event: MapEvent) -> None:
        if self._press is None:
            return
        if self._dragging:
            self.canvas.setCursor(self.cursor)
            self.canvas.request_render()
        else:
            self.identify_requested.emit(self._press.x, self._press.y)
        self._press, self._dragging = None, False
