"""The app's start-up, timed from inside: when QPVDESK_STARTUP_LOG names a file, each moment
appends a line ``<moment> <monotonic s> <epoch s> <process CPU s>`` to it.

`qpvdesk bench startup` reads the file from the parent process (CLOCK_MONOTONIC is the same
clock in every process) and the CPU time the app used so far tells its own cost apart from
waiting on a busy machine. The two moments a user sees (views/startup_moments.py: the window
on screen, the first map in it) also raise the audit event ``qpvdesk.startup``; the phases
before them (Qt loaded, databases open, window built, map rendered) only go to the file.
"""
from __future__ import annotations

import os
import sys
import time

AUDIT_EVENT = "qpvdesk.startup"
LOG_VARIABLE = "QPVDESK_STARTUP_LOG"
WINDOW_VISIBLE, MAP_PAINTED = "window_visible", "map_painted"
# The phases, in order: modules imported and QApplication made, databases open, main window
# built (layers read, thematic map classified), first map rendered (back from its thread)
APPLICATION, DATABASES_OPEN = "application", "databases_open"
WINDOW_BUILT, MAP_RENDERED = "window_built", "map_rendered"
PHASES = (APPLICATION, DATABASES_OPEN, WINDOW_BUILT, MAP_RENDERED)


def phase(name: str) -> None:
    """Log a phase (to the file only)."""
    path = os.environ.get(LOG_VARIABLE)
    if not path:
        return
    line = f"{name} {time.monotonic():.6f} {time.time():.6f} {time.process_time():.6f}\n"
    try:
        with open(path, "a", encoding="utf-8") as log:
            log.write(line)
    except OSError as exc:   # a measuring aid: never a reason to disturb the app
        print(f"qpvdesk: {LOG_VARIABLE}: {exc}", file=sys.stderr)


def moment(name: str) -> None:
    """Log a moment the user sees, and raise the audit event."""
    phase(name)
    sys.audit(AUDIT_EVENT, name)
