"""The two start-up moments a user sees: the main window on screen, then the first map in it
(logged by qpvdesk/startup_log.py, with the phases between them)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from ..startup_log import MAP_PAINTED, MAP_RENDERED, WINDOW_VISIBLE, moment, phase


class _FirstExposure(QObject):
    """Reports the first time the window system shows the window (not merely show())."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            moment(WINDOW_VISIBLE)
        return False


def watch(window: QWidget, canvas) -> None:
    """Call after window.show(); `canvas` is the window's MapCanvas."""
    exposure = _FirstExposure(window)
    window.windowHandle().installEventFilter(exposure)

    def first_render(_ms: float) -> None:
        canvas.rendered.disconnect(first_render)
        phase(MAP_RENDERED)

    canvas.rendered.connect(first_render)
    canvas.map_painted.connect(lambda: moment(MAP_PAINTED))
