"""Proposals, their undo history and a half-drawn shape survive another process and kill -9."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

from proposal_fixtures import EQUIPMENT_FIELDS, QPV, places  # noqa: F401

from qpvdesk.models.proposals import EQUIPEMENT, QUARTIER_VECU, ProposalStore
from qpvdesk.models.workspace import Workspace

OPEN_STORE = """
import json, sys
from shapely.geometry import Point
from qpvdesk.models.proposals import ProposalStore
from qpvdesk.models.reference import ReferenceStore
from qpvdesk.models.workspace import Workspace
store = ProposalStore(Workspace(sys.argv[1]), ReferenceStore(sys.argv[2]))
"""


def run_python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", OPEN_STORE + textwrap.dedent(code), *args],
                          capture_output=True, text=True, timeout=timeout, check=True)


def test_a_second_process_sees_proposals_history_and_draft(tmp_path, reference,
                                                          reference_path, places):
    path = tmp_path / "workspace.sqlite"
    workspace = Workspace(path)
    store = ProposalStore(workspace, reference)
    kept = store.add(EQUIPEMENT, places.inside, EQUIPMENT_FIELDS)
    store.add(QUARTIER_VECU, places.square(places.inside), {"title": "Annulé", "qpv_code": QPV})
    store.undo()
    store.save_draft(QUARTIER_VECU, [(places.inside.x, places.inside.y), (1.5, 2.5)])
    history = store.history()
    workspace.close()

    seen = run_python("""
        print(json.dumps({"uuids": [p.uuid for p in store.list()],
                          "history": store.history(), "redo": store.redo_text(),
                          "draft": store.draft().vertices}))
        store.redo()                      # the other process redoes the undone step
        """, str(path), str(reference_path))
    report = json.loads(seen.stdout)
    assert report["uuids"] == [kept.uuid]
    assert [tuple(step) for step in report["history"]] == history
    assert report["redo"] == "Ajout de « Annulé »"
    assert report["draft"] == [[places.inside.x, places.inside.y], [1.5, 2.5]]

    reopened = Workspace(path)
    store = ProposalStore(reopened, reference)
    assert [p.title for p in store.list()] == ["Maison de santé pluridisciplinaire", "Annulé"]
    assert store.history()[-1] == (2, "Ajout de « Annulé »", True)
    store.undo()
    store.undo()
    assert store.list() == []
    reopened.close()


WRITER = """
x, y = float(sys.argv[3]), float(sys.argv[4])
fields = {"category": "sante", "status": "idee"}
number = 0
while True:
    number += 1
    proposal = store.add("equipement", Point(x + number, y), {**fields, "title": f"P{number}"})
    store.update(proposal.uuid, description="relu " * 200)
    store.save_draft("quartier_vecu", [(x, y)] * (number % 50 + 1))
    print(number, flush=True)   # after the commits: every printed number is durable
"""


def test_kill_9_mid_loop_loses_no_committed_edit(tmp_path, reference, reference_path, places):
    path = tmp_path / "workspace.sqlite"
    Workspace(path).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", OPEN_STORE + WRITER, str(path), str(reference_path),
         str(places.inside.x), str(places.inside.y)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    printed = []
    try:
        for line in writer.stdout:
            printed.append(int(line))
            if len(printed) == 40:
                os.kill(writer.pid, signal.SIGKILL)
                break
        printed += [int(line) for line in writer.stdout.read().split()]
    finally:
        writer.kill()
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL, writer.stderr.read()
    committed = max(printed)

    workspace = Workspace(path)
    conn = workspace.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT CheckSpatialIndex('proposal', 'geom')").fetchone()[0] == 1
    store = ProposalStore(workspace, reference)
    titles = {proposal.title for proposal in store.list()}
    assert len(titles) >= committed
    assert {f"P{number}" for number in range(1, committed + 1)} <= titles
    assert all(p.description for p in store.list() if p.title != f"P{len(titles)}")
    # the history matches the data: two steps per proposal (maybe one for the last)
    assert len(store.history()) in (2 * len(titles), 2 * len(titles) - 1)
    assert store.draft() is not None
    while store.undo() is not None:
        pass
    assert store.list(include_deleted=True) == []
    workspace.close()
