"""The edit tool driven by synthetic map events, without a widget."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from shapely.geometry import Point, Polygon
from test_capture_tool import ORIGIN, RecordingCanvas, absolute, at

from qpvdesk.models.proposals.geometry import translated
from qpvdesk.views.map.edit_tool import EditTool

LEFT, RIGHT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton, Qt.MouseButton.NoButton
SQUARE = Polygon(absolute([(0, 0), (100, 0), (100, 100), (0, 100)]))
PLACE = Point(ORIGIN[0] + 300, ORIGIN[1] + 300)


class Editor:
    """The application's side: holds the proposals and records the tool's callbacks."""

    def __init__(self):
        self.canvas = RecordingCanvas()
        self.shapes = {"square": SQUARE, "place": PLACE}
        self.moves, self.vertex_edits, self.selections = [], [], []
        self.tool = EditTool(self.canvas, lambda: list(self.shapes.items()),
                             self.on_move, self.on_vertices)
        self.tool.selected.connect(self.selections.append)

    def on_move(self, uuid, dx, dy):
        self.moves.append((uuid, dx, dy))
        self.shapes[uuid] = translated(self.shapes[uuid], dx, dy)

    def on_vertices(self, uuid, vertices):
        self.vertex_edits.append((uuid, list(vertices)))
        self.shapes[uuid] = Polygon(vertices)

    def drag(self, path, button=LEFT):
        self.tool.move(at(self.canvas, *path[0], NONE))
        self.tool.press(at(self.canvas, *path[0], button))
        for x, y in path[1:]:
            self.tool.move(at(self.canvas, x, y, NONE))
        self.tool.release(at(self.canvas, *path[-1], button))

    def click(self, x, y, button=LEFT):
        self.drag([(x, y)], button)


def test_click_selects_and_click_outside_deselects(qapp):
    editor = Editor()
    editor.click(50, 50)
    editor.click(301, 302)          # within 10 px of the point proposal
    editor.click(-500, -500)
    assert editor.selections == ["square", "place", None]
    assert editor.moves == [] and editor.vertex_edits == []


def test_dragging_inside_moves_the_feature_once_on_release(qapp):
    editor = Editor()
    editor.drag([(50, 50), (60, 55), (80, 70), (90, 30)])
    assert editor.moves == [("square", 40.0, -20.0)] and editor.vertex_edits == []
    assert editor.shapes["square"].equals(translated(SQUARE, 40, -20))
    assert editor.tool.preview is None


def test_dragging_a_point_proposal_moves_it(qapp):
    editor = Editor()
    editor.drag([(300, 300), (310, 310), (325, 280)])
    assert editor.moves == [("place", 25.0, -20.0)]


def test_a_vertex_drag_is_one_call_with_the_new_ring(qapp):
    editor = Editor()
    editor.click(50, 50)
    editor.drag([(101, 99), (110, 110), (130, 120), (150, 140)])
    assert editor.vertex_edits == [
        ("square", absolute([(0, 0), (100, 0), (150, 140), (0, 100)]))]
    assert editor.moves == []


def test_a_press_without_moving_changes_nothing(qapp):
    editor = Editor()
    editor.click(50, 50)
    editor.drag([(100, 100), (102, 101)])      # below the drag threshold
    assert editor.vertex_edits == [] and editor.moves == []


def test_double_click_on_a_segment_inserts_a_vertex(qapp):
    editor = Editor()
    editor.click(50, 50)
    editor.click(40, 3)                        # Qt: press, release, double-click, release
    editor.tool.double_click(at(editor.canvas, 40, 3))
    editor.tool.release(at(editor.canvas, 40, 3))
    assert editor.vertex_edits == [
        ("square", absolute([(0, 0), (40, 0), (100, 0), (100, 100), (0, 100)]))]
    assert editor.moves == []


def test_delete_key_and_right_click_delete_a_vertex_but_keep_three(qapp):
    editor = Editor()
    editor.click(50, 50)
    editor.shapes["square"] = Polygon(absolute([(0, 0), (50, -20), (100, 0), (100, 100),
                                                (0, 100)]))
    editor.tool.move(at(editor.canvas, 51, -19, NONE))
    assert editor.tool.key_press(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert editor.vertex_edits[-1] == ("square", list(SQUARE.exterior.coords)[:-1])
    editor.click(0, 100, RIGHT)
    assert editor.vertex_edits[-1] == ("square", absolute([(0, 0), (100, 0), (100, 100)]))
    messages = []
    editor.tool.message.connect(messages.append)
    editor.click(0, 0, RIGHT)
    assert len(editor.vertex_edits) == 2 and len(messages) == 1


def test_paint_shows_handles_of_the_selection(qapp):
    editor = Editor()
    editor.click(50, 50)
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    editor.tool.paint(painter)
    painter.end()
    px, py = editor.canvas.viewport.to_screen(ORIGIN[0] + 100, ORIGIN[1] + 100)
    assert image.pixelColor(int(px), int(py)).alpha() > 0
