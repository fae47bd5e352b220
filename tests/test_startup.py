"""Start-up as a user sees it: the real app, started the way `qpvdesk` starts, shows its window
then paints its map from every saved state, without importing what that first map does not
need. Each start runs in a child process (a crash or a stray import cannot hide)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from qpvdesk.cli import main
from qpvdesk.commands.bench_startup_states import (FRESH, PROPOSALS_BASEMAP, THEMATIC,
                                                   build_state)

# What the first map never needs: data frames and GDAL (read or write a file), scipy and
# scikit-learn (mapclassify), charts, spreadsheets, PDF writers; pyproj (file imports only).
HEAVY = ("pandas", "geopandas", "pyogrio", "fiona", "pyproj", "scipy", "sklearn",
         "mapclassify", "pyqtgraph", "openpyxl", "docx")
PDF_WRITERS = ("fiche_pdf", "synthese_pdf", "report_pdf", "report_docx", "report_charts")

# Listens to the app's start-up moments (views/startup_moments.py), then reports what was
# imported and what the window shows when the first map reached the screen.
DRIVER = """
import json, os, sys
moments = []

def listen(event, args):
    if event != "qpvdesk.startup":
        return
    moments.append(args[0])
    if args[0] == "map_painted":
        from PySide6.QtWidgets import QApplication
        window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "map_canvas"))
        composer = window.controller.composer
        print(json.dumps({
            "moments": moments, "modules": sorted(sys.modules),
            "thematic": composer.thematic.title if composer.thematic else None,
            "basemap": composer.state.basemap_path,
            "proposals": sum(len(composer.layers[name]) for name in
                             ("proposals", "proposal_perimeters", "proposal_points"))}),
              flush=True)
        os._exit(0)

sys.addaudithook(listen)
from qpvdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def start_app(reference_path, state, log) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QPVDESK_HOME": str(state.home),
           "QPVDESK_STARTUP_LOG": str(log)}
    done = subprocess.run([sys.executable, "-c", DRIVER, "--reference", str(reference_path),
                           "--workspace", str(state.workspace)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def not_needed(modules: list[str]) -> list[str]:
    return sorted(module for module in modules if module.split(".")[0] in HEAVY
                  or module.rsplit(".", 1)[-1] in PDF_WRITERS)


@pytest.fixture(scope="module")
def states(reference_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("states")
    return {name: build_state(name, reference_path, folder, proposal_count=60)
            for name in (FRESH, THEMATIC, PROPOSALS_BASEMAP)}


def test_saved_thematic_map_is_painted_at_start_with_nothing_heavy_imported(
        reference_path, states, tmp_path):
    log = tmp_path / "startup.log"
    before = time.time()
    report = start_app(reference_path, states[THEMATIC], log)
    assert report["moments"] == ["window_visible", "map_painted"]
    assert report["thematic"].startswith("Revenu disponible")   # restored, not dropped
    assert not_needed(report["modules"]) == []

    lines = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert [line[0] for line in lines] == ["window_visible", "map_painted"]
    (_, visible, visible_epoch, visible_cpu), (_, painted, painted_epoch, painted_cpu) = lines
    assert float(visible) <= float(painted)             # monotonic seconds
    assert before <= float(visible_epoch) <= float(painted_epoch) <= time.time()
    assert 0 < float(visible_cpu) <= float(painted_cpu)


def test_saved_proposals_and_basemap_are_painted_at_start(reference_path, states, tmp_path):
    # The basemap's tiles used to be placed with pyproj in the render thread, which crashed
    # the app at start; they are placed with numpy now (models/map/projections.py).
    report = start_app(reference_path, states[PROPOSALS_BASEMAP], tmp_path / "startup.log")
    assert report["moments"] == ["window_visible", "map_painted"]
    assert report["basemap"] == str(states[PROPOSALS_BASEMAP].basemap)
    assert report["proposals"] == 60
    assert not_needed(report["modules"]) == []


def test_first_start_after_the_assistant_imports_nothing_heavy(reference_path, states,
                                                               tmp_path):
    report = start_app(reference_path, states[FRESH], tmp_path / "startup.log")
    assert report["moments"] == ["window_visible", "map_painted"]
    assert report["thematic"] is None and report["basemap"] is None
    assert not_needed(report["modules"]) == []


# Render jobs queued one after another, every other one using a pyproj transformer made on
# the GUI thread (as the basemap did): on QThreadPool threads the fourth job crashed Python.
PYPROJ_IN_RENDER_JOBS = """
from PySide6.QtWidgets import QApplication
from pyproj import Transformer
from qpvdesk.models.map.viewport import Viewport
from qpvdesk.views.map.canvas import MapCanvas
from qpvdesk.render.renderer import RenderRequest
app = QApplication([])
shared = Transformer.from_crs(2154, 4326, always_xy=True)
places = []

def compose(viewport):
    def basemap(painter, view):
        places.append(shared.transform(view.center_x, view.center_y) if len(places) % 2
                      else None)
    return RenderRequest(viewport, [], basemap)

canvas = MapCanvas(compose, Viewport(690000.0, 7040000.0, 10.0, 200, 100))
for _ in range(6):
    canvas.request_render()
canvas.wait_for_render()
print(len(places), sum(place is not None for place in places))
"""


def test_render_jobs_may_use_pyproj_one_after_another():
    done = subprocess.run([sys.executable, "-c", PYPROJ_IN_RENDER_JOBS], capture_output=True,
                          text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["6", "3"]


def test_opening_the_window_renders_its_map_once_then_lists_the_proposals(
        qtbot, reference, workspace):
    from qpvdesk.commands.bench_package import synthetic_proposals
    from qpvdesk.models.proposals import ProposalStore
    from qpvdesk.views.main_window import MainWindow
    from qpvdesk.views.map.canvas import SETTLE_MS

    ProposalStore(workspace, reference).add_all(synthetic_proposals(reference, 30, 12), "test")
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    renders = []
    window.map_canvas.rendered.connect(renders.append)
    window.resize(1300, 850)
    window.show()
    qtbot.waitUntil(lambda: len(renders) > 0, timeout=10_000)
    # The window's first resize asks for a re-render once the view settles; the first render
    # already shows that view, so none follows (at start-up it would cancel the first one),
    # and filling the proposals list after the first map changes no size on screen.
    qtbot.wait(3 * SETTLE_MS)
    assert len(renders) == 1
    assert len(window.proposals.list_panel.uuids()) == 30
    assert window.proposals.list_panel.count_label.text() == "30 propositions"


def test_bench_startup_measures_the_real_app_on_its_own_x_server(reference_path, capsys):
    assert main(["--reference", str(reference_path), "bench", "startup", "--runs", "1",
                 "--state", FRESH, "--xvfb", "--no-qgis", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["display"].startswith("Xvfb :")
    fresh = report["states"][FRESH]
    assert 0 < fresh["window_visible_ms"] <= fresh["map_painted_ms"]
    assert 0 < fresh["map_painted_cpu_ms"]
    assert len(fresh["runs_ms"]) == 1 and report["target_map_painted_ms"] == 800


def test_bench_startup_says_why_an_app_that_does_not_start_cannot_be_measured(
        reference_path, capsys):
    assert main(["--reference", str(reference_path), "bench", "startup", "--runs", "1",
                 "--state", FRESH, "--xvfb", "--no-qgis", "--executable", "/bin/false"]) == 1
    error = capsys.readouterr().err
    assert "/bin/false ended (exit 1) before logging window_visible and map_painted" in error
    assert "Traceback" not in error
    assert main(["--reference", str(reference_path), "bench", "startup",
                 "--executable", "/nonexistent/qpvdesk"]) == 2
    assert "no executable at /nonexistent/qpvdesk" in capsys.readouterr().err
