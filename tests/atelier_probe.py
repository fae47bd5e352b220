"""Run by tests/test_atelier_screens.py in a process of its own on the screen it is given
(Qt offscreen with a configured screen): opens the Atelier menu's dialogs and a workshop in
full screen, steps through its screens and the synthesis, and prints one JSON object: the
screen, each window's frame, and for each workshop screen the buttons that do not fit in
the window or are under 48 px, and whether the side panel had to scroll sideways.

    python tests/atelier_probe.py REFERENCE WORKSPACE
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

from qpvdesk.app import create_application, open_stores
from qpvdesk.views.atelier.dialogs import NewWorkshopDialog, PaperMapDialog, ResumeWorkshopDialog
from qpvdesk.views.main_window import MainWindow


def frame(widget: QWidget) -> list[int]:
    rect = QWidget.frameGeometry(widget)
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def problems(window: QWidget) -> dict:
    """Buttons outside the window or under 48 px; side panels scrolling sideways."""
    inside = QRect(0, 0, window.width(), window.height())
    outside, small = [], []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        area = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        scroll = next((parent for parent in _parents(button) if isinstance(parent, QScrollArea)),
                      None)
        bounds = (QRect(scroll.viewport().mapTo(window, QPoint(0, 0)), scroll.viewport().size())
                  if scroll is not None else inside)
        if scroll is None and not inside.contains(area):
            outside.append(button.text())
        elif scroll is not None and area.right() > bounds.right() + 1:
            outside.append(button.text())
        if button.height() < 48:
            small.append(f"{button.text()} ({button.height()} px)")
    sideways = [scroll.horizontalScrollBar().maximum() for scroll in
                window.findChildren(QScrollArea) if scroll.isVisible()]
    return {"outside": outside, "small": small, "sideways": any(sideways)}


def _parents(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def main(reference: str, workspace: str) -> None:
    warnings: list[str] = []
    qInstallMessageHandler(lambda kind, _context, text: warnings.append(text)
                           if kind != QtMsgType.QtDebugMsg else None)
    app = create_application(["qpvdesk"])
    store, user_workspace = open_stores(Path(reference), Path(workspace))
    main_window = MainWindow(store, user_workspace)
    main_window.show()
    QTest.qWaitForWindowExposed(main_window)
    report = {"available": list(app.primaryScreen().geometry().getRect()), "windows": {},
              "screens": {}}
    qpv = store.qpv_list()
    atelier = main_window.atelier._store()
    made = atelier.create("QN06229M", "2026-12-05", "Salle polyvalente", "", True, True)
    for name, dialog in (("new", NewWorkshopDialog(qpv, None, main_window)),
                         ("resume", ResumeWorkshopDialog(atelier.workshops(), {}, main_window)),
                         ("paper", PaperMapDialog(qpv, None, main_window))):
        dialog.show()
        QTest.qWaitForWindowExposed(dialog)
        QTest.qWait(10)
        report["windows"][name] = frame(dialog)
        dialog.close()
    window = main_window.atelier.open_workshop(made.uuid)
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(50)
    report["windows"]["workshop"] = frame(window)
    report["full_screen"] = window.isFullScreen()
    panel = window.panel
    canvas = window.canvas
    centre = QPoint(canvas.width() // 2, canvas.height() // 2)
    steps = [("residence", lambda: None),
             ("age", lambda: panel.buttons["lives_no"].click()),
             ("actions", lambda: panel.buttons["age_60_74"].click()),
             ("drawing", lambda: panel.buttons["draw"].click()),
             ("kinds", lambda: (
                 [QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre + QPoint(*d))
                  for d in ((-90, -60), (90, -70), (80, 80))],
                 panel.buttons["finish"].click(), panel.buttons["add_place"].click())),
             ("categories", lambda: panel.buttons["kind_frequent"].click()),
             ("placing", lambda: panel.buttons["category_service_public"].click()),
             ("synthesis", window.show_synthesis)]
    for name, step in steps:
        step()
        QTest.qWait(20)
        report["screens"][name] = problems(window)
    report["warnings"] = warnings
    print(json.dumps(report))


if __name__ == "__main__":
    main(*sys.argv[1:3])
