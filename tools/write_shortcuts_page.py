"""Regenerate resources/aide/raccourcis.html from a real main window (offscreen).

Maintenance command: .venv/bin/python tools/write_shortcuts_page.py
"""
from __future__ import annotations


def write_help_page() -> None:
    """Regenerate resources/aide/raccourcis.html from a real main window (offscreen)."""
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from qpvdesk import paths
    from qpvdesk.models.reference import ReferenceStore
    from qpvdesk.models.workspace import Workspace
    from qpvdesk.views.help_window import SHARED_STYLE, help_folder
    from qpvdesk.views import shortcuts
    from qpvdesk.views.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as home:
        os.environ["QPVDESK_HOME"] = home
        workspace = Workspace(os.path.join(home, "workspace.sqlite"))
        window = MainWindow(ReferenceStore(paths.reference_database()), workspace)
        target = help_folder() / "raccourcis.html"
        target.write_text(shortcuts.shortcuts_html(shortcuts.shortcut_rows(window), SHARED_STYLE), encoding="utf-8")
        window.deleteLater()
        workspace.close()
        print(target)
    del app


if __name__ == "__main__":
    write_help_page()
