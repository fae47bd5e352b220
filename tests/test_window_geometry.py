"""Every window fits a town-hall laptop's screen (1024×768, 1366×768) and closes with Escape
or Ctrl+W: the fitting rule alone, then the real windows on configured screens (Qt's offscreen
platform with a screen of that size, and Xvfb with a window manager when installed)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from qpvdesk.views.main_layout import PanelSize, default_window_rect
from qpvdesk.views.window_geometry import (PLACING, centred_rect, fit_rect,
                                           fit_secondary_windows, frame_margins, shown_title)

PROBE = Path(__file__).parent / "window_probe.py"
OFFSCREEN_PLUGIN_NOISE = ("This plugin does not support",)


def inside(rect, area) -> bool:
    x, y, width, height = rect
    area_x, area_y, area_width, area_height = area
    return (x >= area_x and y >= area_y and x + width <= area_x + area_width
            and y + height <= area_y + area_height)


# -- the rule ------------------------------------------------------------------------------
def test_a_window_larger_than_the_screen_shrinks_to_it_with_its_frame():
    # the former fixed 1400×900 main window on a 1024×768 laptop
    x, y, width, height = fit_rect((0, 0, 1400, 900), (0, 0, 1024, 768), (1, 20, 1, 5))
    assert (width, height) == (1022, 743)
    assert inside((x - 1, y - 20, width + 2, height + 25), (0, 0, 1024, 768))


def test_a_window_partly_off_screen_moves_back_without_shrinking():
    assert fit_rect((1100, 600, 400, 300), (0, 0, 1366, 768), (4, 30, 4, 4)) == (
        962, 464, 400, 300)
    assert fit_rect((-300, -50, 400, 300), (0, 0, 1366, 768), (4, 30, 4, 4)) == (
        4, 30, 400, 300)


def test_the_available_area_need_not_start_at_zero():
    # a task bar on the left and at the top; a second screen to the right
    assert fit_rect((0, 0, 800, 600), (60, 30, 964, 738)) == (60, 30, 800, 600)
    assert fit_rect((100, 100, 2000, 1200), (1024, 0, 1366, 768)) == (1024, 0, 1366, 768)


def test_a_window_that_fits_is_left_where_it_is():
    assert fit_rect((100, 80, 640, 480), (0, 0, 1366, 768), (8, 32, 8, 8)) == (
        100, 80, 640, 480)


def test_centred_over_its_parent():
    assert centred_rect((400, 300), (100, 100, 1000, 700)) == (400, 300, 400, 300)


@pytest.mark.parametrize("area, size", [
    ((0, 0, 1024, 768), (1008, 728)),
    ((0, 0, 1366, 768), (1350, 728)),
    ((0, 0, 1920, 1080), (1400, 900)),       # big screens keep the preferred size
])
def test_the_main_window_opens_sized_to_the_screen(area, size):
    rect = default_window_rect(area, (8, 32, 8, 8))
    assert rect[2:] == size
    assert inside((rect[0] - 8, rect[1] - 32, rect[2] + 16, rect[3] + 40), area)


def test_panel_sizes_follow_the_window_within_bounds():
    side = PanelSize(0.25, 250, 340)
    assert [side.of(width) for width in (800, 1008, 1350, 1900)] == [250, 252, 338, 340]


# -- the policy on real widgets (the test screen: Qt offscreen) -------------------------------
@pytest.fixture
def fitting(qapp):
    fit_secondary_windows()
    return qapp.primaryScreen().availableGeometry()


def show_active(qtbot, window: QWidget) -> None:
    """Shown and active: window shortcuts act in the active window only."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def frame_rect(widget: QWidget):
    frame = QWidget.frameGeometry(widget)
    return frame.x(), frame.y(), frame.width(), frame.height()


def test_a_window_placed_across_the_edge_once_shown_comes_back_inside(qtbot, fitting):
    """A window manager frames and places a window after it is shown (openbox, at times, with
    its bottom off the screen): the window is fitted again. Once placed, a window the user
    moves partly off the screen stays where the user put it."""
    area = (fitting.x(), fitting.y(), fitting.width(), fitting.height())
    window = QWidget(None, Qt.WindowType.Window)
    qtbot.addWidget(window)
    window.resize(600, 400)
    window.show()
    qtbot.waitExposed(window)
    shown = QWidget.geometry(window)
    below = QRect(100, fitting.height() - 200, 600, 400)      # 200 px below the screen
    window.windowHandle().setGeometry(below)     # as the window system reports a placement
    qtbot.waitUntil(lambda: QWidget.geometry(window) != shown)
    assert inside(frame_rect(window), area)
    qtbot.waitUntil(lambda: not window.property(PLACING), timeout=5000)
    window.windowHandle().setGeometry(below)
    qtbot.waitUntil(lambda: QWidget.geometry(window) == below)
    qtbot.wait(50)
    assert QWidget.geometry(window) == below


def test_a_big_window_is_fitted_and_closes_with_escape_and_ctrl_w(qtbot, fitting):
    area = (fitting.x(), fitting.y(), fitting.width(), fitting.height())
    for key, modifiers in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                           (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)):
        window = QWidget(None, Qt.WindowType.Window)
        qtbot.addWidget(window)
        window.setMinimumSize(1040, 400)           # wider than the screen: lowered
        window.resize(1200, 2000)
        show_active(qtbot, window)
        assert inside(frame_rect(window), area)
        assert window.minimumWidth() <= fitting.width()
        QTest.keyClick(window, key, modifiers)
        assert not window.isVisible()


def test_ctrl_w_cancels_a_dialog_and_escape_keeps_its_own_meaning(qtbot, fitting):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    QTest.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    # a window that already answers Escape keeps its action, with no ambiguous shortcut
    window = QWidget(None, Qt.WindowType.Window)
    qtbot.addWidget(window)
    own = QAction(window)
    own.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    escaped = []
    own.triggered.connect(lambda: escaped.append(True))
    window.addAction(own)
    show_active(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert escaped == [True] and window.isVisible()
    QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_a_message_box_is_wide_enough_for_its_title(qtbot, fitting):
    box = QMessageBox(QMessageBox.Icon.Warning, "Exporter les propositions consolidées",
                      "Fait.", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(box)
    plain = QMessageBox(QMessageBox.Icon.Warning, "", "Fait.", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(plain)
    for shown in (box, plain):
        shown.open()
        qtbot.waitExposed(shown)
    title_width = box.fontMetrics().horizontalAdvance(shown_title(box))
    assert box.width() > title_width + 60 > plain.width()


def test_frame_margins_come_from_a_shown_window(qtbot, fitting):
    window = QWidget(None, Qt.WindowType.Window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    frame, inner = window.frameGeometry(), window.geometry()
    assert frame_margins(window) == (inner.left() - frame.left(), inner.top() - frame.top(),
                                     frame.right() - inner.right(),
                                     frame.bottom() - inner.bottom())


# -- every window of the app, on laptop screens ----------------------------------------------
def run_probe(reference_path, tmp_path, platform_env: dict[str, str],
              wrapper: list[str] = ()) -> dict:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, **platform_env, "QPVDESK_HOME": str(home)}
    result = subprocess.run([*wrapper, sys.executable, str(PROBE), str(reference_path),
                             str(home / "workspace.sqlite")], env=env, capture_output=True,
                            text=True, timeout=300, cwd=PROBE.parent)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def check_report(report: dict) -> None:
    area = report["available"]
    outside = {name: window["frame"] for name, window in report["windows"].items()
               if not inside(window["frame"], area)}
    assert not outside, f"outside {area}: {outside}"
    expected = {"main", "table", "charts", "portrait", "help", "shortcuts", "sources",
                "fiche", "TrustDialog", "ReceivedDialog", "VerificationDialog", "first_run",
                "message_box"}
    assert expected <= set(report["windows"])
    for name, window in report["windows"].items():
        assert window.get("shown_title", shown_title_of(window["title"])).count("qpvdesk") == 1
    # undo and redo pressed on the main window: Ctrl+Maj+Z and Ctrl+Y both redo
    assert report["keys"] == {"drawn": 1, "after_ctrl_z": 0, "after_ctrl_shift_z": 1,
                              "after_second_ctrl_z": 0, "after_ctrl_y": 1}
    warnings = [text for text in report["warnings"]
                if not text.startswith(OFFSCREEN_PLUGIN_NOISE)]
    assert warnings == []


def shown_title_of(title: str) -> str:
    return title if title.endswith("qpvdesk") else f"{title} \u2014 qpvdesk"


@pytest.mark.parametrize("width, height", [(1024, 768), (1366, 768)])
def test_every_window_fits_a_laptop_screen(reference_path, tmp_path, width, height):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": True,
        "screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBpp": 32, "dpr": 1}]}))
    report = run_probe(reference_path, tmp_path,
                       {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"})
    assert report["available"] == [0, 0, width, height]
    check_report(report)


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_every_window_fits_under_a_real_x_server(reference_path, tmp_path):
    """X11 with a window manager (openbox, when installed): real frames, real placement and
    X11's key bindings, under which StandardKey.Redo is Ctrl+Shift+Z itself."""
    window_manager = "openbox & sleep 1; " if shutil.which("openbox") else ""
    script = f'{window_manager}exec "$@"'
    report = run_probe(reference_path, tmp_path, {"QT_QPA_PLATFORM": "xcb"},
                       ["xvfb-run", "-a", "-s", "-screen 0 1024x768x24", "sh", "-c", script,
                        "probe"])
    assert report["platform"] == "xcb" and report["available"][2:] == [1024, 768]
    check_report(report)
