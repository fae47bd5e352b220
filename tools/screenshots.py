"""Take screenshots of the main screens for the README (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py docs/screenshots
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from qpvdesk import paths
from qpvdesk.app import create_application, open_stores


def main(out: Path) -> int:
    from qpvdesk.views.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    store, workspace = open_stores(paths.reference_database(), out / "workspace.sqlite")
    window = MainWindow(store, workspace)
    window.resize(1400, 860)
    window.show()

    def shoot() -> None:
        window.grab().save(str(out / "main_window.png"))
        dialog = window.show_sources()
        QTimer.singleShot(500, lambda: (dialog.grab().save(str(out / "sources.png")),
                                        app.quit()))

    QTimer.singleShot(1000, shoot)
    app.exec()
    store.close()
    workspace.close()
    (out / "workspace.sqlite").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
