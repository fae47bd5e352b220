"""Agglomération › Publier dans PostGIS… and › Récupérer depuis PostGIS… in the real main
window, against a real server: the connection dialog, the background task, the French
summary, the password asked again when the server wants one, never stored."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from postgres_fixtures import (PASSWORD, PASSWORD_ROLE, drop_database,  # noqa: F401
                               new_database, postgis_db, postgis_dsn, postgres_server, sql)

from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)

from test_package_received import accept, equipment, neighbourhood, package  # noqa: E402

from qpvdesk.models.decisions import DecisionStore  # noqa: E402
from qpvdesk.models.map.layers import RECEIVED_PROPOSAL_LAYERS  # noqa: E402
from qpvdesk.models.package.identity import (MODE_AGGLOMERATION, Identity,  # noqa: E402
                                             save_identity)
from qpvdesk.models.package.received import ConsolidatedStore  # noqa: E402
from qpvdesk.models.postgis import publish, remembered_connection  # noqa: E402
from qpvdesk.models.postgis.local_server import free_port  # noqa: E402
from qpvdesk.models.workspace import Workspace  # noqa: E402
from qpvdesk.views.main_window import MainWindow  # noqa: E402
from qpvdesk.views.package.postgis_actions import PostgisActions  # noqa: E402
from qpvdesk.views.package.postgis_dialog import PostgisConnectionDialog  # noqa: E402
from scripted_actions import KeptMessages  # noqa: E402


class Actions(KeptMessages, PostgisActions):
    """The connection dialog answered by ``answers`` (one callable per dialog shown)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.answers: list = []
        self.dialogs: list[PostgisConnectionDialog] = []

    def run_dialog(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        if not self.answers:
            return int(QDialog.DialogCode.Rejected)
        return int(self.answers.pop(0)(dialog))


def server_answer(port: int, dbname: str, user: str = "postgres", password: str = ""):
    def answer(dialog: PostgisConnectionDialog) -> int:
        dialog.server_choice.setChecked(True)
        dialog.host_edit.setText("127.0.0.1")
        dialog.port_box.setValue(port)
        dialog.database_edit.setText(dbname)
        dialog.user_edit.setText(user)
        dialog.password_edit.setText(password)
        assert dialog.run_button.isEnabled()
        return QDialog.DialogCode.Accepted
    return answer


@pytest.fixture
def window(qtbot, reference, workspace):
    save_identity(workspace, Identity(mode=MODE_AGGLOMERATION, contact_name="Claire Dubois",
                                      contact_email="c.dubois@agglo.fr"))
    proposals = [equipment(), neighbourhood()]
    accept(ConsolidatedStore(workspace), package(proposals), proposals)
    DecisionStore(workspace).decide(proposals[0].uuid, "retenue", "Utile", "Claire Dubois")
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    return window


@pytest.fixture
def actions(window, workspace, reference):
    return Actions(window, workspace, reference,
                   on_pulled=window.packages.agglomeration.refresh_map)


def test_the_agglomeration_menu_offers_both(window):
    menu = next(action.menu() for action in window.menuBar().actions()
                if action.text().replace("&", "") == "Agglomération")
    texts = [action.text() for action in menu.actions()]
    assert texts[-2:] == ["Publier dans PostGIS…", "Récupérer depuis PostGIS…"]
    assert all(action.isEnabled() for action in menu.actions()[-2:])


def test_publishing_from_the_window(actions, qtbot, postgres_server, postgis_db, workspace):
    actions.answers = [server_answer(postgres_server.port, postgis_db)]
    with qtbot.waitSignal(actions.finished, timeout=60_000) as done:
        assert actions.start("publish") is not None
        assert actions.progress.isVisible() and not actions.publish_action.isEnabled()
    assert done.args[0].proposals_changed == 2
    [(kind, title, text)] = actions.told
    assert (kind, title) == ("info", "Publier dans PostGIS")
    assert text.startswith(f"2 propositions publiées (2 nouvelles ou mises à jour), 1 décision "
                           f"nouvelle dans la base « {postgis_db} » du serveur 127.0.0.1:")
    assert actions.publish_action.isEnabled() and actions.progress is None
    assert sql(postgres_server.dsn(postgis_db), "SELECT count(*) FROM qpvdesk.proposition") \
        == [(2,)]
    # remembered for next time, and shown in the dialog
    assert "dbname=" + postgis_db in remembered_connection(workspace)
    actions.answers = []
    actions.start("publish")
    assert actions.dialogs[-1].database_edit.text() == postgis_db
    assert actions.dialogs[-1].port_box.value() == postgres_server.port


def test_a_password_is_asked_again_and_never_stored(actions, qtbot, postgres_server,
                                                    workspace):
    name = new_database(postgres_server, owner=PASSWORD_ROLE)
    try:
        actions.answers = [server_answer(postgres_server.port, name, PASSWORD_ROLE),
                           lambda dialog: (dialog.password_edit.setText(PASSWORD),
                                           QDialog.DialogCode.Accepted)[1]]
        with qtbot.waitSignal(actions.finished, timeout=60_000) as done:
            actions.start("publish")
        assert done.args[0] is not None and len(actions.dialogs) == 2
        asked = actions.dialogs[1]
        assert asked.problem_label.text().startswith(
            f"La base « {name} » du serveur 127.0.0.1:{postgres_server.port} demande un mot "
            f"de passe pour l'utilisateur « {PASSWORD_ROLE} »")
        assert asked.user_edit.text() == PASSWORD_ROLE and asked.password_edit.text() == PASSWORD
        workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for path in workspace.path.parent.rglob("*"):
            if path.is_file():
                assert PASSWORD.encode() not in path.read_bytes(), path
    finally:
        drop_database(postgres_server, name)


def test_pulling_brings_a_colleagues_packages_onto_the_map(window, actions, qtbot,
                                                           postgres_server, postgis_db,
                                                           tmp_path):
    colleague = Workspace(tmp_path / "collegue.sqlite")
    theirs = [equipment("Équipement du collègue", dx=400)]
    accept(ConsolidatedStore(colleague), package(theirs, commune="62510"), theirs)
    publish(colleague, postgres_server.dsn(postgis_db))
    colleague.close()
    actions.answers = [server_answer(postgres_server.port, postgis_db)]
    with qtbot.waitSignal(actions.finished, timeout=60_000):
        actions.start("pull")
    assert actions.told[-1][2].startswith("1 paquet récupéré (1 proposition), 0 décision "
                                          "nouvelle depuis la base")
    shown = sum(len(window.controller.composer.layers[layer_id])
                for layer_id in RECEIVED_PROPOSAL_LAYERS)
    assert shown == 3


def test_a_server_that_does_not_answer_is_said_in_french(actions, qtbot, workspace):
    port = free_port()
    actions.answers = [server_answer(port, "qpv")]
    with qtbot.waitSignal(actions.finished, timeout=60_000) as done:
        actions.start("publish")
    assert done.args[0] is None
    [(kind, title, text)] = actions.told
    assert (kind, title) == ("warning", "Publier dans PostGIS")
    assert text.startswith(f"Le serveur PostgreSQL 127.0.0.1:{port} ne répond pas")
    assert remembered_connection(workspace) == ""   # only a connection that worked is kept


def test_the_dialog_needs_a_service_or_a_server(actions):
    dialog = PostgisConnectionDialog(None, "t", "e", "Publier", {})
    assert dialog.server_choice.isChecked() and not dialog.run_button.isEnabled()
    dialog.service_choice.setChecked(True)
    assert not dialog.host_edit.isEnabled() and not dialog.run_button.isEnabled()
    dialog.service_edit.setText("qpvdesk")
    assert dialog.run_button.isEnabled()
    assert dialog.connection_fields() == {"service": "qpvdesk"}
    remembered = PostgisConnectionDialog(None, "t", "e", "Publier", {"service": "agglo"})
    assert remembered.service_choice.isChecked() and remembered.service_edit.text() == "agglo"


def test_the_postgresql_driver_stays_out_of_the_start(reference_path, tmp_path):
    """The window (PostGIS menu included) starts without importing psycopg: it is loaded
    when a server is first used."""
    from test_startup import start_app

    from qpvdesk.commands.bench_startup_states import FRESH, build_state

    state = build_state(FRESH, reference_path, tmp_path, proposal_count=0)
    saved = Workspace(state.workspace)
    save_identity(saved, Identity(mode=MODE_AGGLOMERATION, contact_name="Claire Dubois"))
    saved.close()
    report = start_app(reference_path, state, tmp_path / "demarrage.log")
    assert "qpvdesk.views.package.postgis_actions" in report["modules"]
    assert not [name for name in report["modules"] if name.split(".")[0] == "psycopg"]
