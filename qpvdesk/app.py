"""Builds the QApplication, opens the stores and shows the main window."""
from __future__ import annotations

import os
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from . import paths, startup_log
from .models.database_problems import WORKSPACE, DatabaseProblem, explain
from .models.first_run import ERROR_LOG_NAME
from .models.reference import ReferenceDatabaseMissing, ReferenceStore
from .models.spatialite import SPATIALITE_PACKAGE_HINT_FR, SpatialiteUnavailable, sqlite_module
from .models.workspace import Workspace, WorkspaceDamaged
from .models.workspace_backups import restore_backup, set_aside


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
        # what qtbase_fr lacks for this Qt (the file dialog's new labels): installed last,
        # so looked up first
        extra = QTranslator(app)
        if extra.load(str(paths.install_root() / "resources" / "i18n" / "qt_extra_fr.qm")):
            translators.append(extra)
    else:
        own = QTranslator(app)
        if own.load(str(paths.install_root() / "resources" / "i18n" / f"qpvdesk_{language}.qm")):
            translators.append(own)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def use_french_system_formats(language: str) -> None:
    """Qt's own widgets (the file dialog's dates and sizes) take their formats from the
    system locale, read from the environment when the application starts: French dates
    always, French words in a French interface, whatever the machine says."""
    os.environ["LC_TIME"] = "fr_FR.UTF-8"
    if language == "fr":
        os.environ["LC_MESSAGES"] = "fr_FR.UTF-8"


def create_application(argv: list[str] | None = None) -> QApplication:
    if QApplication.instance() is None:
        use_french_system_formats(interface_language())
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("qpvdesk")
    # the menu entry the Debian package installs (resources/qpvdesk.desktop): Wayland's app id
    # and the taskbar's icon and name come from it; the windows' own icon is the same drawing
    app.setDesktopFileName("qpvdesk")
    app.setWindowIcon(QIcon(str(paths.install_root() / "resources" / "qpvdesk.svg")))
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    # kept alive with the app
    app._qpvdesk_translators = install_translators(app, interface_language())
    return app


def write_error_log(folders: list[Path], kind, value, trace) -> Path | None:
    """Append the traceback to the log in the first folder that takes it (the data folder,
    else the temporary folder); None when none does (read-only, full disk)."""
    for folder in folders:
        log = folder / ERROR_LOG_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle_file:
                handle_file.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                handle_file.write("".join(traceback.format_exception(kind, value, trace)))
            return log
        except OSError:
            continue
    return None


def error_message(value: BaseException, log: Path | None,
                  workspace: Path | None = None) -> str:
    """What the user reads: a DatabaseProblem's own sentence (a raw SQLite error is said about
    the workspace, the only database the app writes), else the calm generic one; and where
    the detail went."""
    if workspace is not None and isinstance(value, sqlite_module().Error):
        value = explain(value, workspace, WORKSPACE) or value
    if isinstance(value, DatabaseProblem):
        text = str(value)
    else:
        text = "Une erreur inattendue s'est produite ; vos données n'ont pas été modifiées."
    if log is not None:
        return (f"{text}\nLe détail est enregistré dans {log} : vous pouvez envoyer ce fichier "
                "à l'agglomération.")
    return (f"{text}\nLe détail n'a pas pu être enregistré (dossier en lecture seule ou disque "
            "plein).")


def install_error_handler(log_folder: Path, workspace: Path | None = None) -> None:
    """An unexpected error is written to a log file and told calmly; never a traceback. The
    handler itself must not fail: a log that cannot be written goes to the temporary folder,
    or nowhere, and the user is told anyway."""
    def handle(kind, value, trace) -> None:
        log = write_error_log([log_folder, Path(tempfile.gettempdir()) / paths.APP_NAME],
                              kind, value, trace)
        message = error_message(value, log, workspace)
        try:
            QMessageBox.warning(QApplication.activeWindow(), "qpvdesk", message)
        except Exception:  # noqa: BLE001 - no window system left: stderr is all there is
            sys.stderr.write(message + "\n")

    sys.excepthook = handle


def open_stores(reference: Path, workspace: Path) -> tuple[ReferenceStore, Workspace]:
    """Both databases, or RuntimeError whose message is French and fit for a dialog.
    WorkspaceDamaged goes through as it is: the caller may offer to restore a backup."""
    try:
        store = ReferenceStore(reference)
    except SpatialiteUnavailable as exc:
        raise RuntimeError(SPATIALITE_PACKAGE_HINT_FR) from exc
    except (ReferenceDatabaseMissing, DatabaseProblem) as exc:
        raise RuntimeError(str(exc)) from exc
    try:
        return store, Workspace(workspace)
    except WorkspaceDamaged:
        store.close()
        raise
    except DatabaseProblem as exc:
        store.close()
        raise RuntimeError(str(exc)) from exc


RESTORE, START_EMPTY, QUIT = "restore", "start_empty", "quit"


def damaged_workspace_box(problem: WorkspaceDamaged) -> tuple[QMessageBox, dict]:
    """The question asked when the workspace is damaged, and its buttons by choice."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Espace de travail endommagé",
                      f"Votre espace de travail est endommagé : {problem.path} ne passe pas "
                      "la vérification d'intégrité.")
    if problem.backup is not None:
        box.setInformativeText(
            f"qpvdesk peut restaurer la sauvegarde automatique du {problem.backup.label}. "
            "Les modifications faites depuis seront perdues ; le fichier endommagé est gardé "
            "à côté, sous un autre nom.")
        action = box.addButton("Restaurer la sauvegarde", QMessageBox.ButtonRole.AcceptRole)
        choice = RESTORE
    else:
        box.setInformativeText(
            "Aucune sauvegarde n'existe. qpvdesk peut repartir d'un espace de travail vide ; "
            "le fichier endommagé est gardé à côté, sous un autre nom : envoyez-le à "
            "l'agglomération pour tenter une récupération.")
        action = box.addButton("Repartir d'un espace vide", QMessageBox.ButtonRole.AcceptRole)
        choice = START_EMPTY
    quit_button = box.addButton("Quitter", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_button)
    return box, {action: choice, quit_button: QUIT}


def ask_about_damage(problem: WorkspaceDamaged) -> str:
    box, choices = damaged_workspace_box(problem)
    box.exec()
    return choices.get(box.clickedButton(), QUIT)


def open_stores_or_recover(reference: Path, workspace: Path,
                           ask=None) -> tuple[ReferenceStore, Workspace] | None:
    """open_stores; a damaged workspace is restored from its backup or set aside if the user
    agrees (``ask``, by default the dialog, returns RESTORE, START_EMPTY or QUIT); None when
    the user quits."""
    try:
        return open_stores(reference, workspace)
    except WorkspaceDamaged as problem:
        choice = (ask or ask_about_damage)(problem)
        if choice == QUIT:
            return None
        try:
            if choice == RESTORE:
                restore_backup(workspace, problem.backup.path)
            else:
                set_aside(workspace)
        except (OSError, DatabaseProblem) as exc:
            raise RuntimeError(f"La réparation de l'espace de travail {workspace} a échoué : "
                               f"{exc}") from exc
        return open_stores(reference, workspace)


def run(reference: Path, workspace: Path) -> int:
    from .models.first_run import needs_first_run
    from .views import startup_moments
    from .views.main_window import MainWindow

    app = create_application()
    startup_log.phase(startup_log.APPLICATION)
    install_error_handler(paths.user_data_folder(), workspace)
    try:
        stores = open_stores_or_recover(reference, workspace)
    except (RuntimeError, DatabaseProblem) as exc:
        QMessageBox.critical(None, "qpvdesk ne peut pas démarrer", str(exc))
        return 1
    if stores is None:
        return 1
    store, user_workspace = stores
    startup_log.phase(startup_log.DATABASES_OPEN)
    window = MainWindow(store, user_workspace)
    startup_log.phase(startup_log.WINDOW_BUILT)
    window.show()
    startup_moments.watch(window, window.map_canvas)
    if needs_first_run(user_workspace):
        from .views.first_run import maybe_run_first_run   # the assistant: once
        from .views.window_geometry import fit_secondary_windows

        fit_secondary_windows()      # it opens before the first map: it fits the screen too

        if maybe_run_first_run(window, user_workspace, store):
            window.packages.sync_mode()   # the assistant may have chosen the agglomeration
    try:
        return app.exec()
    finally:
        store.close()
        user_workspace.close()
