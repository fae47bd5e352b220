"""`qpvdesk bench render|fiche|portrait|package`: how fast the map starts, moves and
re-renders under load, how fast a fiche opens and the diagnostic builds.

Adds a synthetic stress layer of 200,000 parcel-like polygons (generated, labelled synthetic,
never shipped) to the real layers and prints the figures, as JSON with --json.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

from ..models.map.synthetic import SYNTHETIC_INFO, synthetic_layer
from ..models.map.styles import Symbol
from ..models.reference import ReferenceStore
from .report import print_report
from .map_setup import (drag_and_zoom_frames, headless_application, map_composer,
                        territory_viewport)

WIDTH, HEIGHT = 1600, 1000
SYNTHETIC_SYMBOL = Symbol("polygon", "#9ecae1", "#3182bd", 0.5, fill_alpha=0.6)


def add_parser(commands) -> None:
    parser = commands.add_parser("bench", help="benchmarks that print figures")
    which = parser.add_subparsers(dest="bench", required=True)
    render = which.add_parser("render", help="map start-up, interaction and re-render times")
    render.add_argument("--json", action="store_true")
    render.add_argument("--features", type=int, default=200_000,
                        help="synthetic polygons in the stress layer")
    render.add_argument("--national", action="store_true",
                        help="France's metropolitan communes instead (and QGIS beside, when "
                             "installed)")
    render.add_argument("--processes", type=int, default=3,
                        help="--national: measuring processes of each program")
    render.add_argument("--repeat", type=int, default=15,
                        help="renders of each view whose median is reported (per process "
                             "with --national)")
    render.add_argument("--national-folder",
                        help="--national: where the communes' SpatiaLite file is kept "
                             "(default: the user data folder's national/)")
    render.add_argument("--national-pack",
                        help="--national: the national data pack (default: data/national)")
    render.set_defaults(handler=run_render)
    fiche = which.add_parser("fiche", help="time to open each QPV's fiche")
    fiche.add_argument("--json", action="store_true")
    fiche.set_defaults(handler=run_fiche)
    portrait = which.add_parser("portrait", help="time to build the territorial diagnostic")
    portrait.add_argument("--json", action="store_true")
    portrait.set_defaults(handler=run_portrait)
    from .bench_package import add_parser as add_package_parser

    add_package_parser(which)
    from .bench_startup import add_parser as add_startup_parser

    add_startup_parser(which)
    from .atelier import add_bench_parser as add_atelier_parser

    add_atelier_parser(which)
    from .bench_postgis import add_parser as add_postgis_parser

    add_postgis_parser(which)


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
    JSON, each time on a fresh connection (the first run also warms the SQLite page cache),
    then its report Document and the PDF and Word files' bytes (charts painted, PNGs
    encoded, the .docx zipped; writing them to disk is left out)."""
    import json

    from ..models.diagnostic import build_diagnostic, diagnostic_to_json
    from ..models.report.diagnostic_document import diagnostic_document
    from .map_setup import headless_application

    app = headless_application()  # noqa: F841 (fonts and painting need it alive)
    from ..render.report_docx import document_docx
    from ..render.report_pdf import document_pdf

    timings, json_timings, documents = [], [], []
    pdf_timings, docx_timings = [], []
    for _ in range(5):
        store = ReferenceStore(args.reference)
        start = time.perf_counter()
        diagnostic = build_diagnostic(store)
        timings.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        json.dumps(diagnostic_to_json(diagnostic), ensure_ascii=False)
        json_timings.append((time.perf_counter() - start) * 1000)
        store.close()
        start = time.perf_counter()
        document = diagnostic_document(diagnostic)
        built = time.perf_counter()
        pdf, pages = document_pdf(document)
        painted = time.perf_counter()
        docx = document_docx(document)
        done = time.perf_counter()
        pdf_timings.append((painted - built) * 1000)
        docx_timings.append((done - painted) * 1000)
        documents.append((done - start) * 1000)
    print_report({
        "diagnostic_model_first_ms": round(timings[0], 1),
        "diagnostic_model_median_ms": round(statistics.median(timings), 1),
        "diagnostic_model_max_ms": round(max(timings), 1),
        "diagnostic_json_median_ms": round(statistics.median(json_timings), 1),
        "portrait_pdf_median_ms": round(statistics.median(pdf_timings), 1),
        "portrait_docx_median_ms": round(statistics.median(docx_timings), 1),
        "portrait_pdf_and_docx_first_ms": round(documents[0], 1),
        "portrait_pdf_and_docx_median_ms": round(statistics.median(documents), 1),
        "portrait_pdf_and_docx_max_ms": round(max(documents), 1),
        "portrait_pdf_pages": pages,
        "portrait_pdf_kb": round(len(pdf) / 1024),
        "portrait_docx_kb": round(len(docx) / 1024),
        "runs": len(timings),
        "target_model_ms": 1000,
        "target_pdf_and_docx_ms": 3000,
    }, args.json)
    return 0


def _startup_ms(args: argparse.Namespace) -> float:
    """exec -> first painted map of the real app, offscreen, first run done and nothing
    else saved (`qpvdesk bench startup` measures on a real display, every saved state)."""
    from .startup_launch import MAP_PAINTED, app_command, app_environment, start_once
    from .bench_startup_states import FRESH, build_state, fresh_copy

    reference = Path(args.reference).resolve()
    with tempfile.TemporaryDirectory(prefix="qpvdesk-bench-") as scratch:
        folder = Path(scratch)
        state = build_state(FRESH, reference, folder / "state")
        log = folder / "startup.log"
        for _ in range(2):   # the first start warms the disk cache
            home, workspace = fresh_copy(state, folder / "run")
            moments = start_once(app_command(None, reference, workspace),
                                 app_environment(home, log, None), log, (MAP_PAINTED,))
    return moments[MAP_PAINTED]


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run_render(args: argparse.Namespace) -> int:
    if args.national:
        from .bench_national import run_national

        return run_national(args)
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
    frames = drag_and_zoom_frames(canvas, WIDTH, HEIGHT)

    xmin, ymin, xmax, ymax = full.bbox
    one_percent = full.zoomed(10.0, (WIDTH * 0.55, HEIGHT * 0.5))  # 1/100 of the area
    report = {
        "startup_first_frame_ms": round(startup, 1),
        "interaction_frame_ms": round(statistics.median(frames), 2),
        "rerender_full_extent_ms": round(_median_ms(lambda: render_map(composer(full)),
                                                    args.repeat), 1),
        "rerender_1pct_ms": round(_median_ms(lambda: render_map(composer(one_percent)),
                                             args.repeat), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "renders_per_view": args.repeat,
        "synthetic_features": len(stress),
        "synthetic_layer": SYNTHETIC_INFO.title,
        "synthetic_generation_s": round(generation_s, 2),
        "viewport_px": [WIDTH, HEIGHT],
        "full_extent_m": [round(xmax - xmin), round(ymax - ymin)],
        "targets_ms": {"startup_first_frame_ms": 1500, "interaction_frame_ms": 16,
                       "rerender_full_extent_ms": 150, "rerender_1pct_ms": 10},
        "target_peak_rss_mb": 370,
    }
    qgis = _qgis_beside(args, composer, stress, full, one_percent)
    if qgis is not None:
        report["qgis"] = qgis
        report["qgis_over_qpvdesk"] = {
            "rerender_full_extent_ms": round(qgis["rerender_full_ms"]
                                             / report["rerender_full_extent_ms"], 2),
            "rerender_1pct_ms": round(qgis["rerender_1pct_ms"] / report["rerender_1pct_ms"], 2),
            "peak_rss_mb": round(qgis["peak_rss_mb"] / report["peak_rss_mb"], 2)}
    store.close()
    print_report(report, args.json)
    return 0


def _qgis_beside(args: argparse.Namespace, composer, stress, full, one_percent) -> dict | None:
    """QGIS drawing the same polygon layers (the stress layer written to SpatiaLite, the
    reference layers from a copy of the database) into the same views, in a process of its
    own; None when QGIS is not installed. Labels and points are left out on QGIS's side."""
    import re
    import shutil

    from ..models.map.layers import LAYER_QUERIES
    from ..models.map.styles import SYMBOLS
    from .bench_national import (_env, _timed_run, qgis_command, qgis_layer, qgis_spec,
                                 qgis_version)

    version = qgis_version()
    if version is None:
        return None
    with tempfile.TemporaryDirectory(prefix="qpvdesk-bench-qgis-") as scratch:
        folder = Path(scratch)
        synthetic = folder / "synthetic.sqlite"
        _write_polygons(synthetic, "synthetic", stress)
        reference = Path(shutil.copy2(args.reference, folder / "reference.sqlite"))
        layers = [qgis_layer(synthetic, "synthetic", SYNTHETIC_SYMBOL)]
        for setting in composer.state.layers:
            layer = composer.layers.get(setting.layer_id)
            if (setting.visible and layer is not None and len(layer)
                    and layer.info.geometry == "polygon" and layer.id in LAYER_QUERIES):
                table = re.search(r"FROM (\w+)", LAYER_QUERIES[layer.id]).group(1)
                layers.append(qgis_layer(reference, table, SYMBOLS[layer.id]))
        spec = json.dumps(qgis_spec(layers, full, one_percent))
        run = _timed_run(qgis_command(args.repeat, spec), _env(offscreen=True))
    run["version"] = version
    run["layers"] = len(layers)
    return run


def _write_polygons(path: Path, table: str, layer) -> None:
    """A layer's polygons as a SpatiaLite table (Lambert-93, indexed), for QGIS to read."""
    import shapely

    from ..models.spatialite import connect

    conn = connect(path)
    try:
        conn.execute("SELECT InitSpatialMetadata(1, 'NONE')")
        conn.execute("SELECT InsertEpsgSrid(2154)")
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, key TEXT)")
        conn.execute("SELECT AddGeometryColumn(?, 'geom', 2154, 'POLYGON', 'XY', 1)", (table,))
        conn.executemany(f"INSERT INTO {table} VALUES (?, ?, GeomFromWKB(?, 2154))",
                         zip(range(len(layer)), layer.keys,
                             shapely.to_wkb(layer.geometries).tolist()))
        conn.execute("SELECT CreateSpatialIndex(?, 'geom')", (table,))
        conn.commit()
    finally:
        conn.close()
