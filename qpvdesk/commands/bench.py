"""`qpvdesk bench render|fiche|portrait|package`: how fast the map starts, moves and
re-renders under load, how fast a fiche opens and the diagnostic builds.

Adds a synthetic stress layer of 200,000 parcel-like polygons (generated, labelled synthetic,
never shipped) to the real layers and prints the figures, as JSON with --json.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

from ..models.map.synthetic import SYNTHETIC_INFO, synthetic_layer
from ..models.map.styles import Symbol
from ..models.reference import ReferenceStore
from .report import print_report
from .map_setup import headless_application, map_composer, territory_viewport

WIDTH, HEIGHT = 1600, 1000
FIRST_FRAME_MARK = "first-frame"
SYNTHETIC_SYMBOL = Symbol("polygon", "#9ecae1", "#3182bd", 0.5, fill_alpha=0.6)


def add_parser(commands) -> None:
    parser = commands.add_parser("bench", help="benchmarks that print figures")
    which = parser.add_subparsers(dest="bench", required=True)
    render = which.add_parser("render", help="map start-up, interaction and re-render times")
    render.add_argument("--json", action="store_true")
    render.add_argument("--features", type=int, default=200_000,
                        help="synthetic polygons in the stress layer")
    render.set_defaults(handler=run_render)
    fiche = which.add_parser("fiche", help="time to open each QPV's fiche")
    fiche.add_argument("--json", action="store_true")
    fiche.set_defaults(handler=run_fiche)
    portrait = which.add_parser("portrait", help="time to build the territorial diagnostic")
    portrait.add_argument("--json", action="store_true")
    portrait.set_defaults(handler=run_portrait)
    from .bench_package import add_parser as add_package_parser

    add_package_parser(which)
    startup = which.add_parser("startup-child", help=argparse.SUPPRESS)
    startup.set_defaults(handler=run_startup_child)


def run_fiche(args: argparse.Namespace) -> int:
    """Open every QPV's fiche on a fresh connection: the first one also loads the cache."""
    from ..models.fiche import build_fiche

    store = ReferenceStore(args.reference)
    codes = [row[0] for row in store.conn.execute("SELECT code FROM qpv ORDER BY code")]
    timings = []
    for _ in range(3):
        for code in codes:
            start = time.perf_counter()
            build_fiche(store, code)
            timings.append((time.perf_counter() - start) * 1000)
    store.close()
    print_report({
        "fiche_first_open_ms": round(timings[0], 1),
        "fiche_open_median_ms": round(statistics.median(timings), 2),
        "fiche_open_max_ms": round(max(timings), 1),
        "fiches_opened": len(timings),
        "target_ms": 50,
    }, args.json)
    return 0


def run_portrait(args: argparse.Namespace) -> int:
    """Build the whole diagnostic model (every theme, sentence, table and chart datum) and its
    JSON, each time on a fresh connection; the first run also warms the SQLite page cache."""
    import json

    from ..models.diagnostic import build_diagnostic, diagnostic_to_json

    timings, json_timings = [], []
    for _ in range(5):
        store = ReferenceStore(args.reference)
        start = time.perf_counter()
        diagnostic = build_diagnostic(store)
        timings.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        json.dumps(diagnostic_to_json(diagnostic), ensure_ascii=False)
        json_timings.append((time.perf_counter() - start) * 1000)
        store.close()
    print_report({
        "diagnostic_model_first_ms": round(timings[0], 1),
        "diagnostic_model_median_ms": round(statistics.median(timings), 1),
        "diagnostic_model_max_ms": round(max(timings), 1),
        "diagnostic_json_median_ms": round(statistics.median(json_timings), 1),
        "runs": len(timings),
        "target_model_ms": 1000,
    }, args.json)
    return 0


def run_startup_child(args: argparse.Namespace) -> int:
    """Started as a fresh process: open the real main window and report its first map."""
    from ..app import create_application, open_stores
    from ..views.main_window import MainWindow

    app = create_application()
    store, workspace = open_stores(args.reference, args.workspace)
    window = MainWindow(store, workspace)
    window.resize(WIDTH, HEIGHT)

    def first_frame(_ms: float) -> None:
        window.map_canvas.repaint()
        print(FIRST_FRAME_MARK, flush=True)
        app.quit()

    window.map_canvas.rendered.connect(first_frame)
    window.show()
    app.exec()
    store.close()
    workspace.close()
    return 0


def _startup_ms(args: argparse.Namespace) -> float:
    command = [sys.executable, "-m", "qpvdesk.cli", "--reference", args.reference,
               "--workspace", args.workspace, "bench", "startup-child"]
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}) as child:
        for line in child.stdout:
            if line.strip() == FIRST_FRAME_MARK:
                elapsed = (time.perf_counter() - start) * 1000
                break
        else:
            raise RuntimeError("the start-up process ended without painting a map")
        child.wait(timeout=60)
    return elapsed


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run_render(args: argparse.Namespace) -> int:
    from ..views.map.canvas import MapCanvas
    from ..render.renderer import LayerRenderSpec, render_map

    startup = _startup_ms(args)
    headless_application(widgets=True)
    store = ReferenceStore(args.reference)
    composer = map_composer(store)
    full = territory_viewport(composer, WIDTH, HEIGHT)
    started = time.perf_counter()
    stress = synthetic_layer(composer.layers["epci"].bounds, args.features)
    generation_s = time.perf_counter() - started
    composer.extra_layers = [LayerRenderSpec(stress, SYNTHETIC_SYMBOL)]

    canvas = MapCanvas(composer, full)
    canvas.resize(WIDTH, HEIGHT)
    canvas.show()
    canvas.request_render()
    canvas.wait_for_render()
    frames = []
    for step in range(60):   # a drag across the map, then zooming in and out at a point
        if step < 30:
            canvas.pan_by(7, -4)
        else:
            canvas.zoom_by(1.04 if step < 45 else 1 / 1.04, (WIDTH * 0.6, HEIGHT * 0.4))
        start = time.perf_counter()
        canvas.repaint()
        frames.append((time.perf_counter() - start) * 1000)
    canvas._settle.stop()

    xmin, ymin, xmax, ymax = full.bbox
    one_percent = full.zoomed(10.0, (WIDTH * 0.55, HEIGHT * 0.5))  # 1/100 of the area
    report = {
        "startup_first_frame_ms": round(startup, 1),
        "interaction_frame_ms": round(statistics.median(frames), 2),
        "rerender_full_extent_ms": round(_median_ms(lambda: render_map(composer(full)), 5), 1),
        "rerender_1pct_ms": round(_median_ms(lambda: render_map(composer(one_percent)), 5), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "synthetic_features": len(stress),
        "synthetic_layer": SYNTHETIC_INFO.title,
        "synthetic_generation_s": round(generation_s, 2),
        "viewport_px": [WIDTH, HEIGHT],
        "full_extent_m": [round(xmax - xmin), round(ymax - ymin)],
        "targets_ms": {"startup_first_frame_ms": 1500, "interaction_frame_ms": 16,
                       "rerender_full_extent_ms": 150, "rerender_1pct_ms": 150},
    }
    store.close()
    print_report(report, args.json)
    return 0
