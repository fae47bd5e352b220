"""Builds the QApplication, opens the stores and shows the main window."""
from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from . import paths
from .models.reference import ReferenceDatabaseMissing, ReferenceStore
from .models.spatialite import SPATIALITE_PACKAGE_HINT_FR, SpatialiteUnavailable
from .models.workspace import Workspace, WorkspaceTooNew


LANGUAGES = ("fr", "en")


def interface_language() -> str:
    """French unless QPVDESK_LANG=en asks for the English interface (numbers and dates stay
    in French formats: the data and its users are French)."""
    language = os.environ.get("QPVDESK_LANG", "fr").strip().lower()[:2]
    return language if language in LANGUAGES else "fr"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own dialogs in French; qpvdesk's strings (written in French) in English on
    request, from resources/i18n/qpvdesk_en.qm (Qt Linguist, `make translations`)."""
    translators = []
    if language == "fr":
        qt = QTranslator(app)
        if qt.load(QLocale(), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
    else:
        own = QTranslator(app)
        if own.load(str(paths.install_root() / "resources" / "i18n" / f"qpvdesk_{language}.qm")):
            translators.append(own)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("qpvdesk")
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    # kept alive with the app
    app._qpvdesk_translators = install_translators(app, interface_language())
    return app


def install_error_handler(log_folder: Path) -> None:
    """An unexpected error is written to a log file and told calmly; never a traceback."""
    def handle(kind, value, trace) -> None:
        log_folder.mkdir(parents=True, exist_ok=True)
        log = log_folder / "qpvdesk-erreurs.log"
        with log.open("a", encoding="utf-8") as handle_file:
            handle_file.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            handle_file.write("".join(traceback.format_exception(kind, value, trace)))
        QMessageBox.warning(
            QApplication.activeWindow(), "qpvdesk",
            "Une erreur inattendue s'est produite ; vos données n'ont pas été modifiées.\n"
            f"Le détail est enregistré dans {log} : vous pouvez envoyer ce fichier à "
            "l'agglomération.")

    sys.excepthook = handle


def open_stores(reference: Path, workspace: Path) -> tuple[ReferenceStore, Workspace]:
    """Both databases, or an exception whose message is French and fit for a dialog."""
    try:
        return ReferenceStore(reference), Workspace(workspace)
    except SpatialiteUnavailable as exc:
        raise RuntimeError(SPATIALITE_PACKAGE_HINT_FR) from exc
    except ReferenceDatabaseMissing as exc:
        raise RuntimeError(
            f"La base de référence est introuvable ({reference}). Lancez « make install » "
            "ou « qpvdesk build-data » pour la construire.") from exc
    except WorkspaceTooNew as exc:
        raise RuntimeError(
            f"Votre espace de travail ({workspace}) a été créé par une version plus récente "
            "de qpvdesk. Mettez l'application à jour.") from exc


def run(reference: Path, workspace: Path) -> int:
    from .views import startup_moments
    from .views.first_run import maybe_run_first_run
    from .views.main_window import MainWindow

    app = create_application()
    install_error_handler(paths.user_data_folder())
    try:
        store, user_workspace = open_stores(reference, workspace)
    except RuntimeError as exc:
        QMessageBox.critical(None, "qpvdesk ne peut pas démarrer", str(exc))
        return 1
    window = MainWindow(store, user_workspace)
    window.show()
    startup_moments.watch(window, window.map_canvas.map_painted)
    if maybe_run_first_run(window, user_workspace, store):
        window.packages.sync_mode()   # the assistant may have chosen the agglomeration
    try:
        return app.exec()
    finally:
        store.close()
        user_workspace.close()
