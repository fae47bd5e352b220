"""The pan/identify tool driven by synthetic map events, without a widget."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from qpvdesk.views.map.maptool import MapEvent
from qpvdesk.views.map.pan_tool import PanIdentifyTool


class RecordingCanvas(QObject):
    """Stands in for the canvas interface the tool talks to; records what it is asked."""

    def __init__(self) -> None:
        super().__init__()
        self.pans, self.renders, self.cursors = [], 0, []

    def pan_by(self, dx, dy):
        self.pans.append((dx, dy))

    def request_render(self):
        self.renders += 1

    def setCursor(self, cursor):  # noqa: N802 (Qt API name)
        self.cursors.append(cursor)


def event(px, py, button=Qt.MouseButton.LeftButton):
    return MapEvent(px * 10.0, -py * 10.0, px, py, button)


def test_drag_pans_by_the_mouse_movement_and_renders_once_on_release(qapp):
    canvas = RecordingCanvas()
    tool = PanIdentifyTool(canvas)
    identified = []
    tool.identify_requested.connect(lambda x, y: identified.append((x, y)))
    tool.press(event(100, 100))
    tool.move(event(110, 104))
    tool.move(event(130, 90))
    tool.release(event(130, 90))
    assert sum(dx for dx, _ in canvas.pans) == 30 and sum(dy for _, dy in canvas.pans) == -10
    assert canvas.renders == 1 and identified == []


def test_click_without_movement_identifies_the_pressed_point(qapp):
    canvas = RecordingCanvas()
    tool = PanIdentifyTool(canvas)
    identified = []
    tool.identify_requested.connect(lambda x, y: identified.append((x, y)))
    tool.press(event(50, 60))
    tool.move(event(52, 61))   # hand tremor below the click tolerance
    tool.release(event(52, 61))
    assert identified == [(500.0, -600.0)] and canvas.pans == [] and canvas.renders == 0


def test_right_button_does_nothing(qapp):
    canvas = RecordingCanvas()
    tool = PanIdentifyTool(canvas)
    tool.press(event(10, 10, Qt.MouseButton.RightButton))
    tool.move(event(90, 90, Qt.MouseButton.RightButton))
    tool.release(event(90, 90, Qt.MouseButton.RightButton))
    assert canvas.pans == [] and canvas.renders == 0
