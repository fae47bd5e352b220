"""The app at start-up and its error handler: a damaged workspace offers its backup (or a
fresh start) in a dialog, database problems are told in their own French sentence, and a
read-only data folder never leaves the user with an app that silently does not start."""
from __future__ import annotations

import sqlite3
import sys
import tempfile

import pytest
from bad_input_fixtures import damage, read_only
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qpvdesk import app as qpvdesk_app
from qpvdesk.app import (QUIT, RESTORE, START_EMPTY, damaged_workspace_box, error_message,
                         install_error_handler, open_stores_or_recover)
from qpvdesk.models.database_problems import DiskFull
from qpvdesk.models.workspace import Workspace, WorkspaceDamaged
from qpvdesk.models.workspace_backups import list_backups


def _damaged_workspace(path, with_backup: bool):
    workspace = Workspace(path)
    workspace.set_setting("commune", "62498")
    workspace.close()
    if with_backup:
        Workspace(path).close()
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'setting'").fetchone()[0]
    conn.close()
    damage(path, (root - 1) * 4096, 4096)
    return path.read_bytes()


@pytest.fixture
def told(monkeypatch):
    """What the app shows in its message boxes (they would block a test)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return shown


def test_restore_is_offered_and_done(reference_path, tmp_path):
    path = tmp_path / "workspace.sqlite"
    damaged = _damaged_workspace(path, with_backup=True)
    newest = list_backups(path)[0]
    asked = []
    stores = open_stores_or_recover(reference_path, path,
                                    ask=lambda problem: asked.append(problem) or RESTORE)
    store, workspace = stores
    assert asked[0].backup == newest
    assert workspace.setting("commune") == "62498"
    store.close()
    workspace.close()
    assert [aside.read_bytes() for aside in tmp_path.glob("workspace.endommage-*.sqlite")] \
        == [damaged]


def test_without_a_backup_a_fresh_workspace_is_offered(reference_path, tmp_path):
    path = tmp_path / "workspace.sqlite"
    damaged = _damaged_workspace(path, with_backup=False)
    store, workspace = open_stores_or_recover(reference_path, path, ask=lambda _: START_EMPTY)
    assert workspace.setting("commune") is None
    store.close()
    workspace.close()
    assert [aside.read_bytes() for aside in tmp_path.glob("workspace.endommage-*.sqlite")] \
        == [damaged]


def test_quitting_touches_nothing(reference_path, tmp_path):
    path = tmp_path / "workspace.sqlite"
    damaged = _damaged_workspace(path, with_backup=True)
    assert open_stores_or_recover(reference_path, path, ask=lambda _: QUIT) is None
    assert path.read_bytes() == damaged
    assert list(tmp_path.glob("*endommage*")) == []


@pytest.mark.parametrize("with_backup, button, choice", [
    (True, "Restaurer la sauvegarde", RESTORE),
    (False, "Repartir d'un espace vide", START_EMPTY),
])
def test_the_dialog_says_what_happens_and_returns_the_choice(qapp, tmp_path, with_backup,
                                                             button, choice):
    path = tmp_path / "workspace.sqlite"
    _damaged_workspace(path, with_backup)
    with pytest.raises(WorkspaceDamaged) as refused:
        Workspace(path)
    box, choices = damaged_workspace_box(refused.value)
    assert str(path) in box.text() and "endommagé" in box.text()
    if with_backup:
        assert refused.value.backup.label in box.informativeText()
        assert "Les modifications faites depuis seront perdues" in box.informativeText()
    else:
        assert "Aucune sauvegarde" in box.informativeText()
    assert sorted(choices.values()) == sorted([choice, QUIT])

    def click() -> None:
        dialog = next(widget for widget in QApplication.topLevelWidgets()
                      if isinstance(widget, QMessageBox) and widget.isVisible())
        next(candidate for candidate in dialog.buttons() if candidate.text() == button).click()

    QTimer.singleShot(0, click)
    assert qpvdesk_app.ask_about_damage(refused.value) == choice


def test_run_with_a_read_only_data_folder_says_so(qapp, isolated_home, reference_path, told):
    with read_only(isolated_home):
        assert qpvdesk_app.run(reference_path, isolated_home / "workspace.sqlite") == 1
    assert len(told) == 1 and "lecture seule" in told[0]
    assert str(isolated_home) in told[0]


def test_run_with_a_plain_sqlite_reference_says_so(qapp, isolated_home, tmp_path, told):
    plain = tmp_path / "plain.sqlite"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    assert qpvdesk_app.run(plain, isolated_home / "workspace.sqlite") == 1
    assert len(told) == 1 and "n'est pas une base de référence qpvdesk" in told[0]


def test_run_when_the_user_quits_the_damage_dialog(qapp, isolated_home, reference_path, told,
                                                   monkeypatch):
    path = isolated_home / "workspace.sqlite"
    _damaged_workspace(path, with_backup=True)
    monkeypatch.setattr(qpvdesk_app, "ask_about_damage", lambda problem: QUIT)
    assert qpvdesk_app.run(reference_path, path) == 1
    assert told == []   # the choice was the user's; nothing more to say


def test_the_error_handler_survives_a_read_only_data_folder(qapp, tmp_path, told,
                                                            monkeypatch):
    logs = tmp_path / "donnees"
    logs.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    with read_only(logs):
        install_error_handler(logs)
        try:
            raise KeyError("boom")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    fallback = tmp_path / "tmp" / "qpvdesk" / "qpvdesk-erreurs.log"
    assert "KeyError: 'boom'" in fallback.read_text(encoding="utf-8")
    assert len(told) == 1 and "erreur inattendue" in told[0] and str(fallback) in told[0]


def test_the_error_handler_tells_even_when_no_log_can_be_written(qapp, tmp_path, told,
                                                                monkeypatch):
    logs = tmp_path / "donnees"
    logs.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(logs / "tmp"))
    with read_only(logs):
        install_error_handler(logs)
        try:
            raise KeyError("boom")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    assert len(told) == 1 and "n'a pas pu être enregistré" in told[0]


def test_a_database_problem_is_told_in_its_own_words(tmp_path):
    problem = DiskFull("Le disque qui contient l'espace de travail W est plein : rien n'a "
                       "été enregistré ; libérez de la place puis réessayez.", tmp_path)
    text = error_message(problem, None)
    assert text.startswith("Le disque qui contient l'espace de travail W est plein")
    assert "erreur inattendue" not in text


def test_a_raw_sqlite_error_is_said_about_the_workspace(tmp_path):
    from qpvdesk.models.spatialite import sqlite_module

    db = sqlite_module()
    holder = db.connect(str(tmp_path / "w.sqlite"), isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = db.connect(str(tmp_path / "w.sqlite"), timeout=0, isolation_level=None)
    with pytest.raises(db.Error) as raised:
        other.execute("BEGIN IMMEDIATE")
    text = error_message(raised.value, None, tmp_path / "w.sqlite")
    assert "est occupé par un autre programme" in text and str(tmp_path) in text
    holder.close()
    other.close()
