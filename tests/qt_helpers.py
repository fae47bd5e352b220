"""Waiting on the application instead of sleeping: helpers shared by the window tests."""
from __future__ import annotations


def settle(qtbot, window, timeout: int = 10_000) -> None:
    """Until the map shows the image rendered for its current view: the settle timer of a
    zoom has fired and the render it started (or one already under way) has arrived."""
    canvas = window.map_canvas
    canvas.wait_for_render()
    qtbot.waitUntil(lambda: canvas.image is not None
                    and canvas.image_viewport == canvas.viewport, timeout=timeout)
    canvas.wait_for_render()


def open_main_window(qtbot, reference, workspace, size=(1300, 850)):
    """The main window on the test databases, shown and with its first map on screen."""
    from qpvdesk.views.main_window import MainWindow

    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    return window
