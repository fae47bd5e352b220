"""The two start-up moments a user sees: the main window on screen, then the first map in it.

Each moment raises the audit event ``qpvdesk.startup`` (``sys.addaudithook`` listens to it,
as the start-up test does) and, when QPVDESK_STARTUP_LOG names a file, appends a line
``<moment> <monotonic s> <epoch s> <process CPU s>`` to it: `qpvdesk bench startup` reads it
from the parent process (CLOCK_MONOTONIC is the same clock in every process); the CPU time
the app used so far tells its own cost apart from waiting on a busy machine.
"""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

AUDIT_EVENT = "qpvdesk.startup"
LOG_VARIABLE = "QPVDESK_STARTUP_LOG"
WINDOW_VISIBLE, MAP_PAINTED = "window_visible", "map_painted"


def report(moment: str) -> None:
    path = os.environ.get(LOG_VARIABLE)
    if path:
        try:
            with open(path, "a", encoding="utf-8") as log:
                log.write(f"{moment} {time.monotonic():.6f} {time.time():.6f} "
                          f"{time.process_time():.6f}\n")
        except OSError as exc:   # a measuring aid: never a reason to disturb the app
            print(f"qpvdesk: {LOG_VARIABLE}: {exc}", file=sys.stderr)
    sys.audit(AUDIT_EVENT, moment)


class _FirstExposure(QObject):
    """Reports the first time the window system shows the window (not merely show())."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            report(WINDOW_VISIBLE)
        return False


def watch(window: QWidget, map_painted) -> None:
    """Call after window.show(); `map_painted` is the canvas's once-only signal."""
    exposure = _FirstExposure(window)
    window.windowHandle().installEventFilter(exposure)
    map_painted.connect(lambda: report(MAP_PAINTED))
