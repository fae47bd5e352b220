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
from qpvdesk.startup_log import (APPLICATION, DATABASES_OPEN, MAP_PAINTED, MAP_RENDERED,
                                 WINDOW_BUILT, WINDOW_VISIBLE)

# What the first map never needs: data frames and GDAL (read or write a file), scipy and
# scikit-learn (mapclassify), charts, spreadsheets, PDF writers; pyproj (file imports only);
# the signature code (packages); numpy's masked arrays; the PostgreSQL driver.
HEAVY = ("pandas", "geopandas", "pyogrio", "fiona", "pyproj", "scipy", "sklearn",
         "mapclassify", "pyqtgraph", "openpyxl", "docx", "cryptography", "numpy.ma",
         "psycopg", "psycopg_binary")
PDF_WRITERS = ("fiche_pdf", "synthese_pdf", "report_pdf", "report_docx", "report_charts")
# ...nor what opens on demand or after it: the command modules, the dialogs and analysis
# windows, the first-run assistant once done, the package menus (outside agglomeration mode),
# the proposal form, the proposal import and export, the fiche, table and diagnostic models,
# the agglomeration's decisions, the response package and the PostGIS store.
ON_DEMAND = ("qpvdesk.commands", "qpvdesk.views.fiche", "qpvdesk.views.charts",
             "qpvdesk.views.tables", "qpvdesk.views.portrait_view", "qpvdesk.views.help_window",
             "qpvdesk.views.shortcuts", "qpvdesk.views.sources_dialog", "qpvdesk.views.first_run",
             "qpvdesk.views.proposals.proposal_form",
             "qpvdesk.views.package", "qpvdesk.models.proposals.importer",
             "qpvdesk.models.proposals.exporter", "qpvdesk.models.table_export",
             "qpvdesk.models.fiche", "qpvdesk.models.indicator_table",
             "qpvdesk.models.diagnostic", "qpvdesk.models.report",
             "qpvdesk.models.package.bag", "qpvdesk.models.package.minisign",
             "qpvdesk.models.decisions", "qpvdesk.models.package.response_bag",
             "qpvdesk.models.package.response_payload", "qpvdesk.models.package.response_files",
             "qpvdesk.models.postgis")

# Listens to the app's start-up moments (qpvdesk/startup_log.py), then reports what was
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
                             ("proposals", "proposal_perimeters", "proposal_points")),
            "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS")}),
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
    def under(module: str, packages: tuple[str, ...]) -> bool:
        return any(module == package or module.startswith(package + ".")
                   for package in packages)

    return sorted(module for module in modules if under(module, HEAVY + ON_DEMAND)
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
    names = [line[0] for line in lines]
    # the phases, then the two moments a user sees; the map renders on its own thread while
    # the window shows, so those two may come either way round
    assert names[:3] == [APPLICATION, DATABASES_OPEN, WINDOW_BUILT]
    assert sorted(names[3:]) == sorted([MAP_RENDERED, WINDOW_VISIBLE, MAP_PAINTED])
    assert names[-1] == MAP_PAINTED
    clocks = [float(line[1]) for line in lines]                   # monotonic seconds
    epochs = [float(line[2]) for line in lines]
    cpus = [float(line[3]) for line in lines]
    assert clocks == sorted(clocks) and cpus == sorted(cpus) and cpus[0] > 0
    assert before <= epochs[0] <= epochs[-1] <= time.time()
    # numpy's BLAS threads would spin on the second core while the window starts
    assert report["openblas_threads"] == "1"


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


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions() if action.isVisible()]


def test_what_the_first_map_does_not_wait_for_follows_it(qtbot, reference, workspace):
    """The thematic panel's indicators, the Paquets menu and the Propositions list come
    right after the first map, and change nothing on it (no second render)."""
    from qpvdesk.commands.bench_package import synthetic_proposals
    from qpvdesk.models.map.map_state import ChoroplethSetting, MapState
    from qpvdesk.models.map.styles import LAYERS
    from qpvdesk.models.proposals import ProposalStore
    from qpvdesk.views.main_window import MainWindow
    from qpvdesk.views.map.canvas import SETTLE_MS
    from qpvdesk.views.map.map_controller import STATE_KEY

    saved = MapState.default([info.id for info in LAYERS])
    saved.choropleth = ChoroplethSetting("qpv", "REVN.DISP_Q2", None, "jenks", 4)
    workspace.set_setting(STATE_KEY, saved.to_json())
    ProposalStore(workspace, reference).add_all(synthetic_proposals(reference, 5, 3), "test")
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    panel = window.choropleth_panel
    assert panel.layer_combo.count() == 0 and panel.indicator_combo.count() == 0
    assert "&Paquets" not in menu_titles(window)
    assert window.proposals.list_panel.uuids() == []
    renders = []
    window.map_canvas.rendered.connect(renders.append)
    window.resize(1300, 850)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert len(renders) == 1       # the map was there before any of it
    assert {panel.layer_combo.itemData(row) for row in range(2)} == {"iris", "qpv"}
    shown = panel.setting()        # the saved thematic map, now with its indicator listed
    assert (shown.layer_id, shown.indicator_id, shown.method, shown.classes) == (
        "qpv", "REVN.DISP_Q2", "jenks", 4)
    titles = menu_titles(window)
    assert titles[-2:] == ["&Paquets", "Aid&e"]   # in its place, before Aide
    assert "A&gglomération" not in titles         # a commune's copy
    assert len(window.proposals.list_panel.uuids()) == 5
    qtbot.wait(3 * SETTLE_MS)
    assert len(renders) == 1


def test_agglomeration_mode_has_its_menus_and_received_proposals_on_the_first_map(
        qtbot, reference, workspace):
    from qpvdesk.models.package.identity import MODE_AGGLOMERATION, Identity, save_identity
    from qpvdesk.views.main_window import MainWindow

    save_identity(workspace, Identity(MODE_AGGLOMERATION))
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    assert "A&gglomération" in menu_titles(window)   # before any map: received layers too


def test_the_thematic_panel_reads_its_indicators_when_first_shown(qtbot, reference):
    from qpvdesk.models.choropleth import mappable_indicators
    from qpvdesk.models.map.map_state import ChoroplethSetting
    from qpvdesk.views.map.choropleth_panel import ChoroplethPanel

    reads = []

    def read():
        reads.append(1)
        return {layer: mappable_indicators(reference, layer) for layer in ("iris", "qpv")}

    panel = ChoroplethPanel(read)
    qtbot.addWidget(panel)
    panel.set_setting(ChoroplethSetting("iris", "FILO.DISP_MED", 2019, "quantiles", 5))
    assert reads == [] and panel.setting() is None   # nothing read, nothing to show yet
    panel.show()
    qtbot.waitExposed(panel)
    assert reads == [1]
    assert panel.setting() == ChoroplethSetting("iris", "FILO.DISP_MED", 2019, "quantiles", 5)
    panel.load_indicators()
    panel.hide()
    panel.show()
    assert reads == [1]                              # read once


def test_a_map_that_cannot_be_drawn_still_lets_the_rest_follow(qtbot, reference, workspace,
                                                               monkeypatch):
    """No first map (the render fails as a whole): the menus and panels come all the same."""
    from qpvdesk.views import main_window as main_window_module
    from qpvdesk.views.map import canvas

    def failing(*args, **kwargs):
        raise MemoryError("plus de mémoire")

    monkeypatch.setattr(canvas, "render_map", failing)
    window = main_window_module.MainWindow(reference, workspace)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.map_canvas.image is None
    assert "&Paquets" in menu_titles(window)
    assert window.choropleth_panel.layer_combo.count() == 2


def test_a_window_closed_at_its_first_map_leaves_the_rest_undone(qtbot, reference_path,
                                                                  tmp_path):
    """What follows the first map reads the databases: once the window is closed (and the
    app has closed them), none of it runs."""
    from PySide6.QtCore import QTimer

    from qpvdesk.models.reference import ReferenceStore
    from qpvdesk.models.workspace import Workspace
    from qpvdesk.views.main_window import MainWindow

    store, workspace = ReferenceStore(reference_path), Workspace(tmp_path / "w.sqlite")
    window = MainWindow(store, workspace)
    qtbot.addWidget(window)
    done = []
    window.ready.connect(lambda: done.append(1))

    def close_all() -> None:       # as the app does when its window closes
        window.close()
        workspace.close()
        store.close()

    # right after the first piece of what follows the map (queued just before this one)
    window.map_canvas.map_painted.connect(lambda: QTimer.singleShot(0, close_all))
    with qtbot.waitSignal(window.map_canvas.map_painted, timeout=10_000):
        window.show()
    qtbot.wait(200)                # pytest-qt fails the test on any error in the event loop
    assert done == [] and "&Paquets" not in menu_titles(window)


# The app started as `qpvdesk` starts it, its map held back: a window the user opens before the
# first map (Ctrl+T) fits the screen all the same; nothing fitted windows before the keypress.
KEY_BEFORE_THE_MAP = """
import json, os, sys, threading
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from qpvdesk.views.map import canvas

held = threading.Event()

def held_back(*args, **kwargs):
    held.wait(30)
    raise canvas.RenderCancelled

canvas.render_map = held_back

def act():
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if hasattr(w, "map_canvas"))
    before = bool(app.property("qpvdesk_fits_windows"))
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    table = next(w for w in app.topLevelWidgets()
                 if w.isVisible() and w.windowTitle() == "Tableau des indicateurs")
    QTest.qWaitForWindowExposed(table)
    QTest.qWait(50)
    frame, area = table.frameGeometry(), table.screen().availableGeometry()
    print(json.dumps({"fitting_before": before, "map": window.map_canvas.image is not None,
                      "inside": area.contains(frame), "frame": [frame.width(), frame.height()],
                      "area": [area.width(), area.height()]}), flush=True)
    os._exit(0)

def listen(event, args):
    if event == "qpvdesk.startup" and args[0] == "window_visible":
        QTimer.singleShot(100, act)

sys.addaudithook(listen)
from qpvdesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_window_opened_before_the_first_map_fits_the_screen(reference_path, states,
                                                                tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": True,
        "screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 768,
                     "logicalDpi": 96, "logicalBpp": 32, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QPVDESK_HOME": str(states[FRESH].home)}
    done = subprocess.run([sys.executable, "-c", KEY_BEFORE_THE_MAP, "--reference",
                           str(reference_path), "--workspace", str(states[FRESH].workspace)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["fitting_before"] is False and report["map"] is False
    assert report["inside"], report      # the table window (1200 x 760 asked) fits 1024 x 768


def test_the_first_input_watch_leaves_the_window_once_windows_fit(qtbot, reference, workspace,
                                                                  monkeypatch):
    """It calls into Python for each of the window's events: not for the app's lifetime."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from qpvdesk.views import window_geometry
    from qpvdesk.views.main_window import MainWindow

    calls = []
    watch = window_geometry._FirstInput.eventFilter
    monkeypatch.setattr(window_geometry._FirstInput, "eventFilter",
                        lambda self, watched, event: calls.append(1) or watch(self, watched,
                                                                              event))
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()

    def some_events() -> None:     # through the QWindow, as the window system sends them
        for x in (200, 300, 400):
            QTest.mouseMove(window.windowHandle(), QPoint(x, 300))
            window.windowHandle().requestUpdate()
            qtbot.wait(20)

    some_events()                  # the first of them finds windows fitting: it leaves
    seen = len(calls)
    some_events()
    assert len(calls) == seen


@pytest.mark.parametrize("argv", [
    [], ["--reference", "r.sqlite"], ["--workspace=w.sqlite", "--reference", "r.sqlite"]])
def test_starting_the_app_skips_the_command_parser(argv):
    from qpvdesk.cli import app_start_options

    options = app_start_options(argv)
    assert options is not None and options.self_test is False
    assert options.reference == ("r.sqlite" if argv else None)


@pytest.mark.parametrize("argv", [
    ["info"], ["--self-test"], ["--version"], ["-h"], ["--ref", "r.sqlite"], ["--reference"],
    ["--reference", "--workspace", "w.sqlite"], ["--reference", "r.sqlite", "snapshot"]])
def test_anything_else_goes_through_the_command_parser(argv):
    from qpvdesk.cli import app_start_options

    assert app_start_options(argv) is None


def test_an_option_without_its_value_is_refused_as_before(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--reference"])
    assert stopped.value.code == 2
    assert "--reference" in capsys.readouterr().err


def test_bench_startup_measures_the_real_app_on_its_own_x_server(reference_path, capsys):
    assert main(["--reference", str(reference_path), "bench", "startup", "--runs", "1",
                 "--state", FRESH, "--xvfb", "--no-qgis", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["display"].startswith("Xvfb :")
    fresh = report["states"][FRESH]
    assert 0 < fresh["window_visible_ms"] <= fresh["map_painted_ms"]
    assert 0 < fresh["map_painted_cpu_ms"]
    assert len(fresh["runs_ms"]) == 1 and report["target_map_painted_ms"] == 800
    # where the time went: Qt and the modules loaded, databases open, window built, map back
    phases = fresh["phases_ms"]
    assert list(phases)[:3] == [APPLICATION, DATABASES_OPEN, WINDOW_BUILT]
    assert set(phases) == {APPLICATION, DATABASES_OPEN, WINDOW_BUILT, MAP_RENDERED}
    assert 0 < phases[APPLICATION] < phases[MAP_RENDERED] <= fresh["map_painted_ms"]


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
