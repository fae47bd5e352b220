"""Every file dialog of qpvdesk starts in the same folder: the last one the user chose (kept
in the workspace settings, so it survives a restart), else the Documents folder. Opening a
folder in the system's file manager says so, with the path, when no file manager answers."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .i18n import translate

LAST_FOLDER_KEY = "dialogues.dernier_dossier"
_settings = {"workspace": None}


def remember_folders_in(workspace) -> None:
    """Keep the last folder chosen in this workspace (the main window calls this once)."""
    _settings["workspace"] = workspace


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder() -> Path:
    """The last folder chosen in a file dialog when it still exists, else Documents."""
    workspace = _settings["workspace"]
    try:
        saved = workspace.setting(LAST_FOLDER_KEY, "") if workspace is not None else ""
    except Exception:   # a workspace closed since (its window is gone): Documents
        saved = ""
    if saved and Path(saved).is_dir():
        return Path(saved)
    return documents_folder()


def remember(path: str | Path) -> None:
    """The folder of a file the user chose becomes where the next dialog starts."""
    workspace = _settings["workspace"]
    if workspace is None or not str(path):
        return
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    try:
        workspace.set_setting(LAST_FOLDER_KEY, str(folder))
    except Exception:   # a read-only or busy workspace: the dialog still worked
        pass


def save_path(parent: QWidget | None, caption: str, file_name: str, filters: str) -> str:
    """Ask where to write ``file_name`` (a name, or a path whose name only is kept); '' when
    cancelled."""
    suggested = start_folder() / Path(file_name).name
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    if path:
        remember(path)
    return path


def open_path(parent: QWidget | None, caption: str, filters: str) -> str:
    """Ask for a file to read; '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder()), filters)
    if path:
        remember(path)
    return path


def open_folder(parent: QWidget | None, folder: str | Path, opener=None) -> bool:
    """Show a folder in the file manager; when none answers, tell the user where it is."""
    folder = Path(folder)
    opened = (opener or QDesktopServices.openUrl)(QUrl.fromLocalFile(str(folder)))
    if not opened:
        QMessageBox.information(
            parent, translate("file_dialogs", "Ouvrir le dossier"),
            translate("file_dialogs", "Aucun gestionnaire de fichiers n'a répondu. Le dossier "
                                      "est\u00a0:\n{folder}\n\nOuvrez-le depuis votre "
                                      "explorateur de fichiers.").format(folder=folder))
    return bool(opened)
