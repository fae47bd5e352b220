"""The mouse wheel scrolls a panel; it changes a slider, a list or a number only once the user
has clicked it (or tabbed to it).

Qt gives wheel events to whatever widget is under the pointer: scrolling down the Couches
panel moved each opacity slider it passed over (a layer left at 76 %). A guarded widget takes
the focus only by click or Tab (StrongFocus, not WheelFocus); while it has no focus, its wheel
events go to the scroll area around it, or on to its parents when there is none.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


class _WheelWhenFocused(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget)
                or watched.hasFocus()):
            return False
        area = scroll_area_around(watched)
        if area is not None:
            # sent, not left to Qt: Qt passes an ignored wheel event on to the parents only
            # when it comes from the window system
            QCoreApplication.sendEvent(area.viewport(), event)
        else:
            event.ignore()
        return True


_FILTER = _WheelWhenFocused()


def wheel_only_when_focused(*widgets: QWidget) -> None:
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_FILTER)
