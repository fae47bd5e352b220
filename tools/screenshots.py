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


def package_screens(app, window, store, workspace, scratch: Path, out: Path) -> None:
    """First-run assistant, help, package export and the verification of a package."""
    import shapely
    from shapely.geometry import box

    from qpvdesk.models.package import minisign
    from qpvdesk.models.package.bag import Sender, write_package
    from qpvdesk.models.package.identity import Identity
    from qpvdesk.models.package.keys import KeyFolder
    from qpvdesk.models.package.trust import TrustStore
    from qpvdesk.models.package.verify import verify_package
    from qpvdesk.models.proposals import ProposalStore
    from qpvdesk.models.proposals.territory import Territory
    from qpvdesk.views.first_run import FirstRunWizard
    from qpvdesk.views.help_window import open_help
    from qpvdesk.views.package.export_dialog import ExportPackageDialog
    from qpvdesk.render.synthese_pdf import write_synthese_pdf
    from qpvdesk.views.package.verify_dialog import VerificationDialog

    wizard = FirstRunWizard(window, workspace, store, key_folder=KeyFolder(scratch / "cles"))
    wizard.show()
    wait(app, 400)
    wizard.grab().save(str(out / "premier_lancement.png"))
    wizard.close()
    help_window = open_help(window, "dessiner.html")
    help_window.resize(1000, 700)
    wait(app, 400)
    help_window.grab().save(str(out / "aide.png"))
    help_window.close()

    # two example proposals (titled « exemple ») drawn in a real QPV for the pictures
    code = "QN06228M"
    wkb = store.conn.execute("SELECT AsBinary(geom) FROM qpv WHERE code = ?",
                             (code,)).fetchone()[0]
    inside = shapely.from_wkb(wkb).representative_point()
    proposals = ProposalStore(workspace, store)
    proposals.add("equipement", inside, {
        "title": "Maison de santé (exemple)", "category": "sante", "status": "a_l_etude",
        "horizon_year": 2028, "qpv_code": code})
    proposals.add("quartier_vecu", box(inside.x - 300, inside.y - 250, inside.x + 250,
                                       inside.y + 300),
                  {"title": "Quartier vécu (exemple)", "qpv_code": code,
                   "knowledge_source": "ateliers_habitants"})
    territory = Territory(store)
    identity = Identity("commune", "62510", "Jeanne Martin", "jeanne.martin@mairie.fr")
    export = ExportPackageDialog(window, proposals.list(), territory, identity)
    export.show()
    wait(app, 400)
    export.grab().save(str(out / "paquet_export.png"))
    export.close()

    secret, public = minisign.generate_keypair()
    package = scratch / "lievin.qpvpkg"
    write_package(proposals.list(), Sender("62510", "Commune de Liévin", "Jeanne Martin",
                                           "jeanne.martin@mairie.fr"), secret, package,
                  lambda items, path, info: write_synthese_pdf(store, items, path, info))
    trust = TrustStore(scratch / "confiance")
    trust.add(public.to_text(), "62510")
    report = verify_package(package, trust)
    verification = VerificationDialog(window, report, territory, store)
    verification.show()
    wait(app, 600)
    verification.grab().save(str(out / "paquet_verification.png"))
    verification.close()


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
        package_screens(app, window, store, workspace, Path(scratch), out)
        window.national_action.trigger()      # France's communes (written once, ~10 s)
        national = window._windows["national"]
        for _ in range(120):
            if national.canvas is not None and national.canvas.image is not None:
                break
            wait(app, 500)
        wait(app, 500)
        national.grab().save(str(out / "vue_nationale.png"))
        national.close()
        window.close()
        store.close()
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
