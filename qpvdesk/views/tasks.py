"""Long work off the GUI thread (QGIS QgsTask, Anki's CollectionOp).

A Task runs a function on a thread of its own (a QThread, not the global QThreadPool: a pool
thread runs each job under a fresh Python thread state, which frees pyproj 3.7's per-thread
PROJ context while PROJ keeps its pointer, and the next export on that thread crashed in
pyproj.CRS). The function receives a progress callback
``progress(percent, text) -> bool`` that returns False once the task is cancelled, so model
code that already takes such a callback (package export) stops at its next step. Progress,
result and error come back to the GUI thread by signal; the work itself never touches a
widget, nor a SQLite connection that the GUI thread uses.

While a task runs, ActionLock keeps the window's other actions disabled.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QAction, QActionGroup

Progress = Callable[[int, str], bool]


class Task(QObject):
    progressed = Signal(int, str)      # percent, French text of the current step
    succeeded = Signal(object)         # what the work returned
    failed = Signal(object)            # the exception it raised
    finished = Signal()                # after succeeded or failed, once the thread ended

    def __init__(self, work: Callable[[Progress], object], parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.work = work
        self._cancelled = threading.Event()
        self._done = threading.Event()

    def start(self) -> None:
        self._thread = _Worker(self)
        self._thread.finished.connect(self.finished)     # once the thread has really ended
        self._thread.start()

    def stop(self) -> None:
        """Cancel and wait for the thread to end (the application is quitting): the work
        still removes its half-written file, and no thread outlives its QThread."""
        self.cancel()
        self._thread.wait()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress step (any thread)."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def _progress(self, percent: int, text: str) -> bool:
        self.progressed.emit(percent, text)
        return not self._cancelled.is_set()

    def _run(self) -> None:
        try:
            result = self.work(self._progress)
        except Exception as exc:      # noqa: BLE001 - the error is data for the GUI thread
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self._done.set()


class _Worker(QThread):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task._run()


class ActionLock:
    """Disables every action of ``window`` (menus, toolbars, shortcuts) until release().

    The lock disables action groups, never the actions themselves: an action that the
    application enables or disables meanwhile (undo after an edit, say) stays greyed and
    comes back in the state last asked for. An action in no group is given a group of its own
    (no exclusivity), kept for the next lock: taking an action out of a group again hands its
    ownership to Python in PySide6, which then deleted menus' actions."""

    def __init__(self, window: QObject) -> None:
        self._groups: list[QActionGroup] = []
        for action in window.findChildren(QAction):
            group = action.actionGroup()
            if group is None:
                group = QActionGroup(window)
                group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
                group.addAction(action)
            if group.isEnabled() and group not in self._groups:
                group.setEnabled(False)
                self._groups.append(group)

    def release(self) -> None:
        for group in self._groups:
            group.setEnabled(True)
        self._groups.clear()
