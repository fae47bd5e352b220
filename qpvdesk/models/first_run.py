"""The first start of qpvdesk: whether the welcome assistant still has to run, and where the
user's data lives (shown by the assistant, so that it can be backed up). Qt-free."""
from __future__ import annotations

from pathlib import Path

FIRST_RUN_KEY = "premier_lancement.termine"
DONE = "1"
from ..paths import TRUST_FOLDER_NAME

# Same names as the app: KeyFolder.default() (cles/) and the log file written by
# app.install_error_handler.
ERROR_LOG_NAME = "qpvdesk-erreurs.log"
BACKUP_LABEL = "Le dossier à sauvegarder (copiez-le en entier)"


def needs_first_run(workspace) -> bool:
    """True until the assistant has been finished once in this workspace (a cancelled
    assistant shows again at the next start)."""
    return workspace.setting(FIRST_RUN_KEY, "") != DONE


def mark_done(workspace) -> None:
    workspace.set_setting(FIRST_RUN_KEY, DONE)


def _user_data_folder() -> Path:
    from qpvdesk.paths import user_data_folder  # imports Qt only when QPVDESK_HOME is unset

    return user_data_folder()


def data_locations(workspace_path: Path | None = None, key_folder: Path | None = None,
                   trust_folder: Path | None = None) -> list[tuple[str, Path]]:
    """(French label, path) of everything qpvdesk keeps for the user; defaults are the
    standard locations in the user data folder."""
    from .package.keys import KEY_FOLDER_NAME   # and the signature code: not at start-up

    base = _user_data_folder()
    if workspace_path is None:
        from qpvdesk.paths import default_workspace

        workspace_path = default_workspace()
    return [
        ("La base de travail (vos propositions, vos réglages)", Path(workspace_path)),
        ("Votre clé de signature (commune)", Path(key_folder or base / KEY_FOLDER_NAME)),
        ("Les clés des communes reçues (agglomération)",
         Path(trust_folder or base / TRUST_FOLDER_NAME)),
        ("Le journal d'erreurs (créé seulement en cas de problème)", base / ERROR_LOG_NAME),
        (BACKUP_LABEL, base),
    ]


def backup_folders(workspace_path: Path | None = None, key_folder: Path | None = None,
                   trust_folder: Path | None = None) -> list[Path]:
    """The folders to copy for a complete backup: normally only the user data folder."""
    folders: list[Path] = [_user_data_folder()]
    locations = data_locations(workspace_path, key_folder, trust_folder)
    # the workspace is a file (its folder is copied), the key stores are folders
    for folder in (locations[0][1].parent, locations[1][1], locations[2][1]):
        if not any(folder == kept or kept in folder.parents for kept in folders):
            folders.append(folder)
    return folders


def backup_advice(workspace_path: Path | None = None, key_folder: Path | None = None,
                  trust_folder: Path | None = None) -> str:
    """The backup advice, in plain French."""
    folders = backup_folders(workspace_path, key_folder, trust_folder)
    if len(folders) == 1:
        where = f"le dossier entier\n{folders[0]}"
    else:
        where = "ces dossiers entiers :\n" + "\n".join(str(folder) for folder in folders)
    return ("Pour sauvegarder votre travail, copiez " + where + "\n"
            "sur une clé USB ou un disque réseau, qpvdesk étant fermé. Pour le restaurer, "
            "recopiez-le au même endroit. Gardez la copie en lieu sûr : elle contient les clés "
            "de signature.")
