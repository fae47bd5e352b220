"""The capture tool driven by synthetic map events, without a widget."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage, QPainter
from shapely.geometry import Point, Polygon

from qpvdesk.models.map.snapping import Snapper
from qpvdesk.models.map.viewport import Viewport
from qpvdesk.views.map.capture_tool import CaptureTool
from qpvdesk.views.map.maptool import MapEvent

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
ORIGIN = (690_000.0, 7_030_000.0)


class RecordingCanvas(QObject):
    """Stands in for the canvas interface tools talk to: a viewport (1 m per pixel) and
    repaint requests."""

    def __init__(self, resolution: float = 1.0) -> None:
        super().__init__()
        self.viewport = Viewport(*ORIGIN, resolution, 800, 600)
        self.updates, self.cursors = 0, []

    def update(self):
        self.updates += 1

    def request_render(self):
        pass

    def setCursor(self, cursor):  # noqa: N802 (Qt API name)
        self.cursors.append(cursor)


def at(canvas, x, y, button=LEFT) -> MapEvent:
    """An event at Lambert-93 (x, y) relative to ORIGIN, with its pixel position."""
    x, y = ORIGIN[0] + x, ORIGIN[1] + y
    px, py = canvas.viewport.to_screen(x, y)
    return MapEvent(x, y, float(px), float(py), button)


def click(tool, canvas, x, y, button=LEFT):
    tool.move(at(canvas, x, y, Qt.MouseButton.NoButton))
    tool.press(at(canvas, x, y, button))
    tool.release(at(canvas, x, y, button))


def double_click(tool, canvas, x, y):
    """What Qt sends: press, release, double-click, release."""
    click(tool, canvas, x, y)
    tool.double_click(at(canvas, x, y))
    tool.release(at(canvas, x, y))


def absolute(vertices):
    return [(ORIGIN[0] + x, ORIGIN[1] + y) for x, y in vertices]


class Recorder:
    def __init__(self, tool):
        self.finished, self.discards, self.messages, self.drafts = [], 0, [], []
        tool.finished.connect(lambda kind, geometry: self.finished.append((kind, geometry)))
        tool.discard_requested.connect(self._discard)
        tool.message.connect(self.messages.append)

    def _discard(self):
        self.discards += 1

    def save_draft(self, kind, vertices):
        self.drafts.append((kind, list(vertices)))


def polygon_tool(kind="quartier_vecu", snapper=None):
    canvas = RecordingCanvas()
    tool = CaptureTool(canvas, kind, snapper=snapper)
    recorder = Recorder(tool)
    tool.draft_saver = recorder.save_draft
    return canvas, tool, recorder


def test_draw_backspace_and_enter_give_the_expected_polygon_and_save_every_draft(qapp):
    canvas, tool, recorder = polygon_tool()
    for x, y in [(0, 0), (100, 0), (100, 100), (300, 300)]:
        click(tool, canvas, x, y)
    assert tool.key_press(Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)
    click(tool, canvas, 0, 100)
    assert tool.key_press(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)

    ring = absolute([(0, 0), (100, 0), (100, 100), (0, 100)])
    [(kind, geometry)] = recorder.finished
    assert kind == "quartier_vecu" and geometry.equals(Polygon(ring))
    assert [vertices for _, vertices in recorder.drafts] == [
        absolute([(0, 0)]), absolute([(0, 0), (100, 0)]), absolute([(0, 0), (100, 0), (100, 100)]),
        absolute([(0, 0), (100, 0), (100, 100), (300, 300)]),
        absolute([(0, 0), (100, 0), (100, 100)]), ring]
    assert {kind for kind, _ in recorder.drafts} == {"quartier_vecu"}
    assert tool.vertices == [] and recorder.messages == []


def test_double_click_finishes_without_an_extra_vertex(qapp):
    canvas, tool, recorder = polygon_tool("perimetre")
    click(tool, canvas, 0, 0)
    click(tool, canvas, 200, 0)
    double_click(tool, canvas, 200, 150)
    [(kind, geometry)] = recorder.finished
    assert kind == "perimetre"
    assert geometry.equals(Polygon(absolute([(0, 0), (200, 0), (200, 150)])))
    assert len(geometry.exterior.coords) == 4 and tool.vertices == []


def test_finishing_with_fewer_than_three_distinct_vertices_keeps_drawing(qapp):
    canvas, tool, recorder = polygon_tool()
    click(tool, canvas, 0, 0)
    double_click(tool, canvas, 50, 50)         # the same spot clicked twice counts once
    assert recorder.finished == [] and len(recorder.messages) == 1
    assert "3 sommets" in recorder.messages[0]
    assert tool.vertices == absolute([(0, 0), (50, 50)])
    click(tool, canvas, 0, 50)
    tool.key_press(Qt.Key.Key_Enter, Qt.KeyboardModifier.NoModifier)
    assert len(recorder.finished) == 1


def test_escape_asks_and_finishes_nothing_then_discard_clears(qapp):
    canvas, tool, recorder = polygon_tool()
    for x, y in [(0, 0), (100, 0), (100, 100)]:
        click(tool, canvas, x, y)
    assert tool.key_press(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert recorder.discards == 1 and recorder.finished == []
    assert len(tool.vertices) == 3          # the application has not answered yet
    tool.discard()
    assert tool.vertices == [] and recorder.finished == []
    assert not tool.key_press(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert recorder.discards == 1


def test_point_capture_finishes_in_one_click(qapp):
    canvas, tool, recorder = polygon_tool("equipement")
    click(tool, canvas, 12, 34)
    [(kind, geometry)] = recorder.finished
    assert kind == "equipement" and geometry.equals(Point(ORIGIN[0] + 12, ORIGIN[1] + 34))
    assert recorder.drafts == [("equipement", absolute([(12, 34)]))] and tool.vertices == []


def test_resume_continues_a_saved_draft(qapp):
    canvas, tool, recorder = polygon_tool()
    tool.resume("perimetre", absolute([(0, 0), (100, 0)]))
    click(tool, canvas, 100, 100)
    tool.key_press(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    [(kind, geometry)] = recorder.finished
    assert kind == "perimetre"
    assert geometry.equals(Polygon(absolute([(0, 0), (100, 0), (100, 100)])))


def test_right_click_adds_no_vertex(qapp):
    canvas, tool, recorder = polygon_tool()
    click(tool, canvas, 0, 0, RIGHT)
    assert tool.vertices == [] and recorder.drafts == []


def test_clicks_snap_to_the_shapes_own_first_vertex_to_close_it(qapp):
    canvas, tool, recorder = polygon_tool(snapper=Snapper([]))
    for x, y in [(0, 0), (100, 0), (100, 100)]:
        click(tool, canvas, x, y)
    click(tool, canvas, 4, 3)               # 5 px from the first vertex: the same point
    assert tool.vertices[-1] == tool.vertices[0]
    tool.key_press(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    [(_, geometry)] = recorder.finished
    assert geometry.equals(Polygon(absolute([(0, 0), (100, 0), (100, 100)])))


@pytest.mark.parametrize("kind", ["quartier_vecu", "equipement"])
def test_paint_draws_the_rubber_band_without_a_widget(qapp, kind):
    canvas, tool, _ = polygon_tool(kind, snapper=Snapper([]))
    tool.resume(kind, absolute([(0, 0), (100, 0)]) if kind != "equipement" else [])
    tool.move(at(canvas, 102, 3, Qt.MouseButton.NoButton))   # snaps on (100, 0)
    assert tool.cursor_point.kind == ("vertex" if kind != "equipement" else None)
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    tool.paint(painter)
    painter.end()
    if kind != "equipement":
        assert image.pixelColor(*[int(v) for v in canvas.viewport.to_screen(
            ORIGIN[0] + 50, ORIGIN[1])]).alpha() > 0
