"""Every file dialog starts in the last folder the user chose (kept in the workspace), else
Documents; the folder of a file is shown in the file manager, or named when none answers."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from qpvdesk.views import file_dialogs


def test_dialogs_start_in_the_last_folder_used(workspace, tmp_path, monkeypatch):
    asked = []

    def answer(path):
        def dialog(parent, caption, start, filters):
            asked.append(start)
            return str(path), ""
        return staticmethod(dialog)

    file_dialogs.remember_folders_in(workspace)
    try:
        first_start = file_dialogs.start_folder()
        assert first_start == file_dialogs.documents_folder()
        chosen = tmp_path / "exports" / "propositions.gpkg"
        chosen.parent.mkdir()
        monkeypatch.setattr(QFileDialog, "getSaveFileName", answer(chosen))
        assert file_dialogs.save_path(None, "Exporter", "propositions.gpkg", "*.gpkg") == \
            str(chosen)
        assert asked[-1] == str(first_start / "propositions.gpkg")
        # the next dialog, whichever it is, opens there; so does one after a restart
        monkeypatch.setattr(QFileDialog, "getOpenFileName", answer(chosen))
        file_dialogs.open_path(None, "Importer", "*")
        assert asked[-1] == str(chosen.parent)
        assert workspace.setting(file_dialogs.LAST_FOLDER_KEY) == str(chosen.parent)
        # a folder removed since: back to Documents
        chosen.parent.rename(tmp_path / "moved")
        assert file_dialogs.start_folder() == file_dialogs.documents_folder()
    finally:
        file_dialogs.remember_folders_in(None)


def test_no_file_manager_is_said_with_the_path(qtbot, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: told.append((title, text))))
    assert file_dialogs.open_folder(None, tmp_path, opener=lambda url: True)
    assert told == []
    assert not file_dialogs.open_folder(None, tmp_path, opener=lambda url: False)
    [(title, text)] = told
    assert title == "Ouvrir le dossier" and str(tmp_path) in text


DIALOG_PROBE = """
from PySide6.QtWidgets import QFileDialog, QLabel
from qpvdesk.app import create_application
app = create_application()
dialog = QFileDialog(None, "x", {folder!r})
dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
dialog.show()
for _ in range(40):
    app.processEvents()
for label in dialog.findChildren(QLabel):
    print("label", label.text())
from PySide6.QtWidgets import QTreeView
tree = dialog.findChild(QTreeView)
model = tree.model()
for row in range(model.rowCount(tree.rootIndex())):
    print("row", " | ".join(str(model.index(row, column, tree.rootIndex()).data())
                            for column in range(4)))
"""


def test_qt_file_dialog_is_french(tmp_path):
    """Run as the app runs (its own process: Qt reads the system formats at start-up)."""
    (tmp_path / "dossier").mkdir()
    (tmp_path / "carte.gpkg").write_bytes(b"x" * 10)
    env = {"QT_QPA_PLATFORM": "offscreen", "QPVDESK_HOME": str(tmp_path / "home"),
           "PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": ""}
    result = subprocess.run([sys.executable, "-c", DIALOG_PROBE.format(folder=str(tmp_path))],
                            capture_output=True, text=True, env=env, timeout=120,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    labels = [line[6:] for line in lines if line.startswith("label ")]
    assert "&Voir dans :" in labels and "&Type de fichier :" in labels
    assert not any("Look" in label or "Files of" in label for label in labels)
    rows = {line.split(" | ")[0][4:]: line.split(" | ") for line in lines
            if line.startswith("row ")}
    assert rows["dossier"][2] == "Dossier"
    assert rows["carte.gpkg"][1] == "10 octets"
    day, month, rest = rows["dossier"][3].split("/")         # 03/12/2026 09:59
    assert len(day) == 2 and len(month) == 2 and rest[:4].isdigit()
