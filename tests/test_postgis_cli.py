"""`qpvdesk received publish|pull --postgis DSN` in real processes: exit codes, French
messages, the remembered connection, two officers publishing at once, and a publisher killed
(kill -9) in the middle of its transaction."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

import psycopg
import pytest
from bad_input_fixtures import run_cli
from postgres_fixtures import (PASSWORD, PASSWORD_ROLE, drop_database,  # noqa: F401
                               new_database, postgis_db, postgis_dsn, postgres_server, sql)

from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)

from test_package_received import LIEVIN, accept, equipment, package  # noqa: E402

from qpvdesk.cli import main  # noqa: E402
from qpvdesk.models.decisions import DecisionStore  # noqa: E402
from qpvdesk.models.package.received import ConsolidatedStore  # noqa: E402
from qpvdesk.models.postgis.local_server import free_port  # noqa: E402
from qpvdesk.models.workspace import Workspace  # noqa: E402

SERVER_TABLES = ("received_package", "received_proposal", "proposition", "decision",
                 "publication")


def officer_workspace(path, *packages) -> str:
    """A workspace that received ``packages`` ((PackageInfo, proposals), see made()) and
    decided on the first proposal of each."""
    workspace = Workspace(path)
    for info, proposals in packages:
        accept(ConsolidatedStore(workspace), info, proposals)
        DecisionStore(workspace).decide(proposals[0].uuid, "a_l_etude", "", "Agent")
    workspace.close()
    return str(path)


def made(proposals, commune: str = "62498"):
    return package(proposals, commune=commune), proposals


def server_counts(dsn: str) -> dict[str, int]:
    return {table: sql(dsn, f"SELECT count(*) FROM qpvdesk.{table}")[0][0]
            for table in SERVER_TABLES}


def cli(workspace: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command line in its own process."""
    return run_cli("--workspace", workspace, "--reference", os.devnull, "received", *args,
                   env=env)


def cli_here(capsys, workspace: str, *args: str) -> subprocess.CompletedProcess:
    """The same command line in this process (faster; stdin is no terminal here either)."""
    code = main(["--workspace", workspace, "--reference", os.devnull, "received", *args])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


def many(count: int, prefix: str, commune: str = "62498"):
    """One package of ``count`` equipment proposals."""
    return made([equipment(f"{prefix} {number}", dx=number) for number in range(count)],
                commune)


def test_publish_and_pull_from_the_command_line(postgis_dsn, tmp_path):
    anne = officer_workspace(tmp_path / "anne.sqlite", many(3, "Anne"))
    bruno = officer_workspace(tmp_path / "bruno.sqlite", many(2, "Bruno"))
    published = cli(anne, "publish", "--postgis", postgis_dsn, "--json")
    assert published.returncode == 0, published.stderr
    report = json.loads(published.stdout)
    assert (report["proposals"], report["proposals_changed"], report["decisions_added"]) == \
        (3, 3, 1)
    assert report["summary"].startswith("3 propositions publiées (3 nouvelles ou mises à "
                                        "jour), 1 décision nouvelle dans la base « t_")
    # the connection is remembered: --postgis may be left out the next time
    again = cli(anne, "publish")
    assert again.returncode == 0 and again.stdout.startswith("Rien de nouveau à publier")
    pulled = cli(bruno, "pull", "--postgis", postgis_dsn)
    assert pulled.returncode == 0, pulled.stderr
    assert pulled.stdout.startswith("1 paquet récupéré (3 propositions), 1 décision nouvelle "
                                    "depuis la base « t_")


@pytest.mark.parametrize("dsn, code, start", [
    ("hots=serveur", 2, "qpvdesk: La connexion PostGIS « hots=serveur » n'est pas comprise"),
    ("service=inexistant", 2, "qpvdesk: Le service PostgreSQL « inexistant » n'est décrit"),
    (f"host=127.0.0.1 port={free_port()} dbname=qpv", 1,
     "qpvdesk: Le serveur PostgreSQL 127.0.0.1:"),
])
def test_refusals_are_one_french_line_with_their_exit_code(tmp_path, dsn, code, start,
                                                          capsys, monkeypatch):
    workspace = officer_workspace(tmp_path / "w.sqlite", many(1, "A"))
    services = tmp_path / "services.conf"
    services.write_text("[autre]\nhost=ailleurs\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    for action in ("publish", "pull"):
        run = cli_here(capsys, workspace, action, "--postgis", dsn)
        assert run.returncode == code
        assert run.stderr.startswith(start) and run.stderr.count("\n") == 1, run.stderr
        assert "Traceback" not in run.stderr and run.stdout == ""


def test_no_connection_at_all_is_a_usage_error(tmp_path, capsys):
    run = cli_here(capsys, officer_workspace(tmp_path / "w.sqlite", many(1, "A")), "publish")
    assert run.returncode == 2 and "--postgis" in run.stderr


def test_a_password_without_a_terminal_is_refused_and_a_typed_one_never_kept(
        postgres_server, tmp_path, capsys, monkeypatch):
    name = new_database(postgres_server, owner=PASSWORD_ROLE)
    try:
        workspace = officer_workspace(tmp_path / "w.sqlite", many(2, "A"))
        dsn = postgres_server.dsn(name, user=PASSWORD_ROLE)
        run = cli_here(capsys, workspace, "publish", "--postgis", dsn)
        assert run.returncode == 1
        assert f"demande un mot de passe pour l'utilisateur « {PASSWORD_ROLE} »" in run.stderr
        run = cli_here(capsys, workspace, "publish", "--postgis",
                       f"{dsn} password='{PASSWORD}'")
        assert run.returncode == 0, run.stderr
        assert PASSWORD not in run.stdout
        for path in tmp_path.rglob("*"):
            if path.is_file():
                assert PASSWORD.encode() not in path.read_bytes(), path
        # PGPASSWORD, as libpq reads it, with the remembered connection
        monkeypatch.setenv("PGPASSWORD", PASSWORD)
        run = cli_here(capsys, workspace, "pull")
        assert run.returncode == 0 and run.stdout.startswith("Rien de nouveau"), run.stderr
    finally:
        drop_database(postgres_server, name)


def _qpvdesk_backends(dsn: str, waiting: bool = False) -> list[int]:
    condition = " AND wait_event_type = 'Lock'" if waiting else ""
    return [row[0] for row in sql(dsn, "SELECT pid FROM pg_stat_activity WHERE "
                                       f"application_name = 'qpvdesk'{condition}")]


def _until(condition, what: str) -> None:
    """Poll ``condition`` (bounded; asserts no duration)."""
    for _ in range(3000):
        if condition():
            return
        threading.Event().wait(0.01)
    raise AssertionError(f"never happened: {what}")


def _schema_only(dsn: str, tmp_path) -> None:
    empty = officer_workspace(tmp_path / "vide.sqlite")
    assert cli(empty, "publish", "--postgis", dsn).returncode == 0


def _publisher(workspace: str, dsn: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "qpvdesk", "--workspace", workspace,
                             "--reference", os.devnull, "received", "publish", "--postgis",
                             dsn, "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def test_two_officers_publishing_at_the_same_moment_lose_nothing(postgis_dsn, tmp_path):
    shared = many(40, "Commun")          # both received Lens's package, and decided on it
    anne = officer_workspace(tmp_path / "anne.sqlite", shared, many(60, "Anne", LIEVIN))
    bruno = officer_workspace(tmp_path / "bruno.sqlite", shared, many(50, "Bruno"))
    _schema_only(postgis_dsn, tmp_path)
    # hold both at the same point of their transactions, then let them race
    holder = psycopg.connect(postgis_dsn)
    holder.execute("LOCK TABLE qpvdesk.proposition IN EXCLUSIVE MODE")
    processes = [_publisher(anne, postgis_dsn), _publisher(bruno, postgis_dsn)]
    _until(lambda: len(_qpvdesk_backends(postgis_dsn, waiting=True)) == 2,
           "both publishers inside their transactions")
    holder.close()
    reports = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        reports.append(json.loads(out))
    assert server_counts(postgis_dsn) == {"received_package": 3, "received_proposal": 150,
                                          "proposition": 150, "decision": 4,
                                          "publication": 3}   # with the schema's own
    assert sum(report["proposals_changed"] for report in reports) == 150
    assert sum(report["packages_added"] for report in reports) == 3
    # and both apps converge once each pulled
    for officer in (anne, bruno):
        assert cli(officer, "pull").returncode == 0
    views = []
    for officer in (anne, bruno):
        workspace = Workspace(officer)
        views.append((sorted(item.proposal.uuid for item in
                             ConsolidatedStore(workspace).current()),
                      sorted(item.uuid for item in DecisionStore(workspace).all())))
        workspace.close()
    assert views[0] == views[1] and len(views[0][0]) == 150 and len(views[0][1]) == 4


def test_a_publisher_killed_mid_transaction_leaves_the_server_as_it_was(postgis_dsn,
                                                                         tmp_path):
    first = officer_workspace(tmp_path / "premier.sqlite", many(5, "Premier"))
    assert cli(first, "publish", "--postgis", postgis_dsn).returncode == 0
    before = server_counts(postgis_dsn)
    victim = officer_workspace(tmp_path / "victime.sqlite", many(200, "Tué"),
                               many(30, "Aussi", LIEVIN))
    holder = psycopg.connect(postgis_dsn)
    holder.execute("LOCK TABLE qpvdesk.proposition IN EXCLUSIVE MODE")
    process = _publisher(victim, postgis_dsn)
    _until(lambda: _qpvdesk_backends(postgis_dsn, waiting=True), "the publisher mid-transaction")
    [backend] = _qpvdesk_backends(postgis_dsn)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    holder.close()   # the orphaned backend gets its lock, then finds its client gone
    _until(lambda: backend not in _qpvdesk_backends(postgis_dsn), "the backend rolled back")
    assert server_counts(postgis_dsn) == before
    run = cli(victim, "publish", "--postgis", postgis_dsn)   # the next publish works
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("230 propositions publiées (230 nouvelles ou mises à jour), "
                                 "2 décisions nouvelles")
    assert server_counts(postgis_dsn)["proposition"] == before["proposition"] + 230
