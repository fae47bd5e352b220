"""Run by tests/test_window_geometry.py in a process of its own, on the screen it is given
(Qt's offscreen platform with a configured screen, or Xvfb with a window manager): opens the
main window and every secondary window and dialog the way the app does, presses the undo and
redo keys on the main window, and prints one JSON object: the screen's available area, each
window's frame and title, the undo/redo outcomes and every Qt warning.

    python tests/window_probe.py REFERENCE WORKSPACE
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from shapely.geometry import Point

from qpvdesk.app import create_application, open_stores
from qpvdesk.models.proposals import EQUIPEMENT
from qpvdesk.views.first_run import FirstRunWizard
from qpvdesk.views.help_window import open_help
from qpvdesk.views.main_window import MainWindow

EQUIPMENT_FIELDS = {"title": "Maison de santé", "category": "sante", "status": "idee",
                    "horizon_year": 2028}
LENS_CENTRE = Point(685_300, 7_036_800)


def rect(widget: QWidget) -> list[int]:
    frame = QWidget.frameGeometry(widget)
    return [frame.x(), frame.y(), frame.width(), frame.height()]


def x_window_name(window_id: int) -> str:
    """The title the window manager shows (_NET_WM_NAME), as xprop reads it."""
    output = subprocess.run(["xprop", "-id", str(window_id), "_NET_WM_NAME"],
                            capture_output=True, text=True, check=True).stdout
    return output.split("=", 1)[1].strip().strip('"')


def main(reference: str, workspace: str) -> None:
    warnings: list[str] = []
    qInstallMessageHandler(lambda kind, _context, text: warnings.append(text)
                           if kind != QtMsgType.QtDebugMsg else None)
    app = create_application(["qpvdesk"])
    store, user_workspace = open_stores(Path(reference), Path(workspace))
    # a real window manager frames and places a window after it is shown
    settle_ms = 250 if app.platformName() == "xcb" else 10
    window = MainWindow(store, user_workspace)
    started = []
    window.ready.connect(lambda: started.append(True))   # the window as a user has it
    window.show()
    QTest.qWaitForWindowExposed(window)
    for _ in range(1000):
        if started:
            break
        QTest.qWait(10)
    QTest.qWait(settle_ms)
    windows: dict[str, dict] = {}

    def record(name: str, widget: QWidget) -> int:
        QTest.qWaitForWindowExposed(widget)
        QTest.qWait(settle_ms)
        client = QWidget.geometry(widget)
        windows[name] = {"frame": rect(widget), "title": widget.windowTitle(),
                         "client": [client.x(), client.y(), client.width(), client.height()],
                         "minimum": [widget.minimumWidth(), widget.minimumHeight()]}
        if app.platformName() == "xcb" and shutil.which("xprop"):
            windows[name]["shown_title"] = x_window_name(int(widget.winId()))
        return 0

    record("main", window)
    openers = {"table": window.show_indicator_table, "charts": window.show_charts,
               "portrait": window.show_portrait, "help": lambda: open_help(window),
               "shortcuts": window.show_shortcuts, "sources": window.show_sources,
               "fiche": lambda: window.open_fiche("QN06228M")}
    for name, opener in openers.items():
        widget = opener()
        record(name, widget)
        widget.close()
    agglomeration = window.packages.agglomeration
    agglomeration.run_dialog = lambda dialog: dialog.show() or record(type(dialog).__name__,
                                                                      dialog)
    agglomeration.show_trust()
    agglomeration.show_received()
    garbage = Path(workspace).with_name("paquet.qpvpkg")
    garbage.write_bytes(b"not a package")
    agglomeration.open_package(garbage)
    wizard = FirstRunWizard(window, user_workspace, store)
    wizard.show()
    record("first_run", wizard)
    wizard.reject()
    box = QMessageBox(QMessageBox.Icon.Warning, "Vérification du paquet reçu", "Refusé.",
                      QMessageBox.StandardButton.Ok, window)
    box.open()
    record("message_box", box)
    windows["message_box"]["size_hint"] = [box.sizeHint().width(), box.sizeHint().height()]
    box.close()

    window.activateWindow()
    QTest.qWait(settle_ms)
    proposals = window.proposals
    proposals._apply(proposals.store.add, EQUIPEMENT, LENS_CENTRE, EQUIPMENT_FIELDS)
    counts = {"drawn": len(proposals.store.list())}
    for name, key, modifiers in (
            ("after_ctrl_z", Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
            ("after_ctrl_shift_z", Qt.Key.Key_Z,
             Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
            ("after_second_ctrl_z", Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
            ("after_ctrl_y", Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)):
        QTest.keyClick(window, key, modifiers)
        counts[name] = len(proposals.store.list())
    available = window.screen().availableGeometry()
    print(json.dumps({
        "platform": app.platformName(),
        "available": [available.x(), available.y(), available.width(), available.height()],
        "windows": windows, "keys": counts, "warnings": warnings}))
    window.close()
    store.close()
    user_workspace.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
