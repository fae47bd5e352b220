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
from .models.package.agglomeration import agglomeration_of
from .models.reference import ReferenceDatabaseMissing, ReferenceStore
from .models.spatialite import SPATIALITE_PACKAGE_HINT_FR, SpatialiteUnavailable, sqlite_module
from .models.workspace import Workspace, WorkspaceDamaged
from .models.workspace_backups import restore_backup, set_aside
from .views.i18n import interface_language




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
    store = open_reference(reference)
    try:
        return store, open_workspace(workspace)
    except Exception:
        store.close()
        raise


def open_workspace(path: Path) -> Workspace:
    """The workspace, or RuntimeError with a French message (WorkspaceDamaged goes through)."""
    try:
        return Workspace(path)
    except WorkspaceDamaged:
        raise
    except DatabaseProblem as exc:
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
        if not _recover(problem, workspace, ask):
            return None
        return open_stores(reference, workspace)


def open_workspace_or_recover(path: Path, ask=None) -> Workspace | None:
    """open_workspace, with the same offer as open_stores_or_recover for a damaged one."""
    try:
        return open_workspace(path)
    except WorkspaceDamaged as problem:
        if not _recover(problem, path, ask):
            return None
        return open_workspace(path)


def _recover(problem: WorkspaceDamaged, workspace: Path, ask) -> bool:
    """Ask, then restore the backup or set the damaged file aside; False when the user quits.
    RuntimeError (French) when the repair fails."""
    choice = (ask or ask_about_damage)(problem)
    if choice == QUIT:
        return False
    try:
        if choice == RESTORE:
            restore_backup(workspace, problem.backup.path)
        else:
            set_aside(workspace)
    except (OSError, DatabaseProblem) as exc:
        raise RuntimeError(f"La réparation de l'espace de travail {workspace} a échoué : "
                           f"{exc}") from exc
    return True


def open_reference(path: Path) -> ReferenceStore:
    """The reference store, or RuntimeError with a French message fit for a dialog."""
    try:
        return ReferenceStore(path)
    except SpatialiteUnavailable as exc:
        raise RuntimeError(SPATIALITE_PACKAGE_HINT_FR) from exc
    except (ReferenceDatabaseMissing, DatabaseProblem) as exc:
        raise RuntimeError(str(exc)) from exc


class WindowHost:
    """Keeps the main window, its reference store and the workspace of that store's
    agglomeration; replaces the three when the user switches to another agglomeration's
    database (MainWindow.reference_chosen). ``launch_workspace`` is the CALL's workspace and
    keeps which agglomeration to open at the next start (paths.epci_workspace)."""

    def __init__(self, store: ReferenceStore, launch_workspace: Workspace, ask=None) -> None:
        self.launch_workspace, self.ask = launch_workspace, ask
        workspace = self._workspace_of(store)
        if workspace is None:
            raise RuntimeError(f"L'espace de travail de {agglomeration_of(store).name} n'a "
                               "pas été ouvert : qpvdesk s'arrête sans rien modifier.")
        self.store, self.workspace = store, workspace
        self.window = self._window(store)

    def _workspace_of(self, store: ReferenceStore) -> Workspace | None:
        """The workspace of ``store``'s agglomeration (created empty the first time); None
        when the user quits rather than repair a damaged one; RuntimeError (French)."""
        path = paths.epci_workspace(agglomeration_of(store).siren, self.launch_workspace.path)
        if path == self.launch_workspace.path:
            return self.launch_workspace
        return open_workspace_or_recover(path, self.ask)

    def _window(self, store: ReferenceStore):
        from .views.main_window import MainWindow

        window = MainWindow(store, self.workspace)
        window.reference_chosen.connect(self.switch)
        return window

    def switch(self, path) -> bool:
        """Open ``path`` in a new main window with its agglomeration's workspace (the choice
        is remembered for the next start); a database or workspace that cannot be opened is
        said in French and the current window stays."""
        from .models.reference_choice import remember_reference

        try:
            store = open_reference(Path(path))
        except RuntimeError as exc:
            QMessageBox.warning(self.window, "Base de référence", str(exc))
            return False
        try:
            workspace = self._workspace_of(store)
        except RuntimeError as exc:
            workspace = None
            QMessageBox.warning(self.window, "Espace de travail", str(exc))
        if workspace is None:
            store.close()
            return False
        old_window, old_store, old_workspace = self.window, self.store, self.workspace
        old_window.close()      # saves its state in its own workspace
        self.store, self.workspace = store, workspace
        self.window = self._window(store)
        remember_reference(self.launch_workspace, Path(path))
        self.window.show()
        if old_workspace is not self.launch_workspace and old_workspace is not workspace:
            # once the old window is gone: its queued events may still read its workspace
            old_window.destroyed.connect(old_workspace.close)
        old_window.deleteLater()
        old_store.close()
        return True

    def close(self) -> None:
        """The store and the agglomeration's workspace (the launch one is the caller's)."""
        self.store.close()
        if self.workspace is not self.launch_workspace:
            self.workspace.close()


def run(reference: Path, workspace: Path, reference_given: bool = True) -> int:
    """Start the app on ``reference``; when the command line did not name one, on the
    database the user chose last (another agglomeration's), if it still opens."""
    from .models.first_run import needs_first_run
    from .models.package.identity import load_identity, save_identity
    from .models.reference_choice import chosen_reference
    from .views import startup_moments

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
    chosen = None if reference_given else chosen_reference(user_workspace)
    if chosen is not None and chosen.resolve() != Path(reference).resolve():
        try:
            chosen_store = open_reference(chosen)
        except RuntimeError as exc:
            QMessageBox.warning(None, "Base de référence", f"{exc} La base fournie avec "
                                "qpvdesk est ouverte à la place.")
        else:
            store.close()
            store = chosen_store
    startup_log.phase(startup_log.DATABASES_OPEN)
    try:
        host = WindowHost(store, user_workspace)
    except RuntimeError as exc:
        QMessageBox.critical(None, "qpvdesk ne peut pas démarrer", str(exc))
        store.close()
        user_workspace.close()
        return 1
    window = host.window
    startup_log.phase(startup_log.WINDOW_BUILT)
    window.show()
    startup_moments.watch(window, window.map_canvas)
    if needs_first_run(user_workspace):
        from .views.first_run import maybe_run_first_run   # the assistant: once
        from .views.window_geometry import fit_secondary_windows

        fit_secondary_windows()      # it opens before the first map: it fits the screen too

        if maybe_run_first_run(window, user_workspace, store):
            chosen = chosen_reference(user_workspace)   # another agglomeration, built there
            if chosen is not None and chosen.resolve() != Path(host.store.path).resolve() \
                    and host.switch(chosen) and host.workspace is not user_workspace:
                # who the user is was told for the agglomeration chosen in the assistant
                save_identity(host.workspace, load_identity(user_workspace))
            host.window.packages.sync_mode()   # the assistant may have chosen the agglomeration
    try:
        return app.exec()
    finally:
        host.close()
        user_workspace.close()
