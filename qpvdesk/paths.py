"""Where qpvdesk finds its bundled data and keeps the user's workspace."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "qpvdesk"


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
    """The platform's per-user application data folder (QStandardPaths.AppDataLocation)."""
    if "QPVDESK_HOME" in os.environ:
        return Path(os.environ["QPVDESK_HOME"])
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setApplicationName(APP_NAME)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def default_workspace() -> Path:
    return user_data_folder() / "workspace.sqlite"
