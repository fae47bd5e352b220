"""A workshop survives kill -9: a real process adding contributions is killed with SIGKILL
again and again, resumed each time; the workspace stays sound and holds every contribution
it had committed (and none it had undone)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

from qpvdesk.models.atelier.store import AtelierStore
from qpvdesk.models.workspace import Workspace

# Resumes the workshop (or creates it), then adds participants, drawings and pins, undoing
# now and then; prints « +id » / « -id » after each commit, so every printed line is durable.
WRITER = """
import sys
from shapely.geometry import Point, box
from qpvdesk.models.atelier.store import AtelierStore
from qpvdesk.models.workspace import Workspace
store = AtelierStore(Workspace(sys.argv[1]))
workshops = store.workshops()
workshop = workshops[0] if workshops else store.create("QN06202M", "2026-12-05", "Salle")
x, y = 684_000.0, 7_033_000.0
step = 0
while True:
    step += 1
    number = store.start_participant(workshop.uuid).number
    drawing = store.add_drawing(workshop.uuid, number, box(x, y, x + 100 + step, y + 100))
    print(f"+{drawing.id}", flush=True)
    place = store.add_place(workshop.uuid, number, "frequent", "parc", Point(x + step, y))
    print(f"+{place.id}", flush=True)
    if step % 3 == 0:
        print(f"-{store.undo_last(workshop.uuid, number).id}", flush=True)
"""
KILL_AFTER_LINES = (7, 23, 3, 41, 16, 30)


def run_and_kill(path, lines: int) -> list[str]:
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    printed = []
    try:
        for line in writer.stdout:
            printed.append(line.strip())
            if len(printed) == lines:
                os.kill(writer.pid, signal.SIGKILL)
                break
        printed += writer.stdout.read().split()    # whatever it wrote before dying
    finally:
        writer.kill()
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL, writer.stderr.read()
    return printed


def test_kill_9_again_and_again_loses_no_committed_contribution(tmp_path):
    path = tmp_path / "workspace.sqlite"
    Workspace(path).close()
    added, undone = set(), set()
    for lines in KILL_AFTER_LINES:
        printed = run_and_kill(path, lines)
        for line in printed:
            (added if line[0] == "+" else undone).add(int(line[1:]))
        workspace = Workspace(path)
        assert workspace.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store = AtelierStore(workspace)
        (workshop,) = store.workshops()
        stored = {item.id for item in store.contributions(workshop.uuid)}
        # killed between committing an undo and printing it: the one it undid, the run's
        # last contribution, is the only one that may be missing
        last_added = next(int(line[1:]) for line in reversed(printed) if line[0] == "+")
        silently_undone = (added - undone) - stored
        assert silently_undone <= {last_added}
        undone |= silently_undone
        assert added - undone <= stored                     # every committed one is there
        assert not stored & undone                          # and no undone one came back
        # at most the one committed after the last line printed
        assert len(stored - added) <= 1
        workspace.close()
    assert len(added) > 100 and undone
