"""Take screenshots of the main screens for the README (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py docs/screenshots
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from qpvdesk import paths
from qpvdesk.app import create_application, open_stores
from qpvdesk.models.map.map_state import ChoroplethSetting


def wait(app, ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: Path) -> int:
    from qpvdesk.views.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory() as scratch:
        store, workspace = open_stores(paths.reference_database(),
                                       Path(scratch) / "workspace.sqlite")
        window = MainWindow(store, workspace)
        window.resize(1500, 940)
        window.show()
        wait(app, 1500)
        window.grab().save(str(out / "carte.png"))
        window.controller.set_choropleth(
            ChoroplethSetting("iris", "FILO.DISP_MED", 2019, "quantiles", 5))
        window.choropleth_panel.set_setting(window.controller.state.choropleth)
        window.controller.show_feature("qpv", "QN06228M")
        wait(app, 1500)
        window.grab().save(str(out / "carte_choroplethe_identification.png"))
        for name, show in (("tableau", window.show_indicator_table),
                           ("graphiques", window.show_charts),
                           ("portrait", window.show_portrait)):
            view = show()
            wait(app, 800)
            view.grab().save(str(out / f"{name}.png"))
            view.close()
        fiche = window.open_fiche("QN06228M")
        wait(app, 800)
        fiche.grab().save(str(out / "fiche.png"))
        fiche.close()
        dialog = window.show_sources()
        wait(app, 500)
        dialog.grab().save(str(out / "sources.png"))
        dialog.close()
        window.close()
        store.close()
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
