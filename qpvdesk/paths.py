"""Where qpvdesk finds its bundled data and keeps the user's workspace."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "qpvdesk"
TRUST_FOLDER_NAME = "confiance"
#: The CA de Lens-Liévin: the agglomeration qpvdesk served first. Its workspace and trust
#: folder stay where every install has always kept them, so nothing moves on an update.
CALL_SIREN = "246200364"


def install_root() -> Path:
    """The repository (or the frozen bundle) that holds data/."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def reference_database() -> Path:
    return Path(os.environ.get("QPVDESK_REFERENCE", install_root() / "data" / "qpvdesk.sqlite"))


def sources_folder() -> Path:
    return install_root() / "data" / "sources"


def user_data_folder() -> Path:
    """The platform's per-user application data folder, the one Qt calls AppDataLocation for
    an application named qpvdesk (computed here so that models need no Qt): %APPDATA%\\qpvdesk
    on Windows, ~/Library/Application Support/qpvdesk on macOS, $XDG_DATA_HOME/qpvdesk
    (default ~/.local/share/qpvdesk) elsewhere."""
    if "QPVDESK_HOME" in os.environ:
        return Path(os.environ["QPVDESK_HOME"])
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_workspace() -> Path:
    return user_data_folder() / "workspace.sqlite"


def epci_workspace(siren: str, launch_workspace: str | Path | None = None) -> Path:
    """The workspace of the agglomeration ``siren``, so that one EPCI's proposals never show
    in another's database: the CALL's is the launch workspace (``launch_workspace``, by
    default :func:`default_workspace`; it also keeps which agglomeration to open), any
    other EPCI's sits beside it, ``workspace_<SIREN>.sqlite``."""
    launch = Path(launch_workspace) if launch_workspace is not None else default_workspace()
    if siren == CALL_SIREN:
        return launch
    return launch.with_name(f"{launch.stem}_{siren}{launch.suffix}")


def epci_trust_folder(siren: str) -> Path:
    """The keys trusted for the signed packages of the agglomeration ``siren`` (its
    communes', or its own): the CALL's in confiance/, any other EPCI's in
    confiance_<SIREN>/."""
    name = TRUST_FOLDER_NAME if siren == CALL_SIREN else f"{TRUST_FOLDER_NAME}_{siren}"
    return user_data_folder() / name
