"""Milliseconds per mouse move of the drawing and editing tools, with snapping on, in the real
main window over a workspace of 400 proposals; and the SQL statements those moves run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bench_snapping.py [--proposals 400]
        [--moves 300] [--reference data/qpvdesk.sqlite]

The proposals are generated (squares and points spread over the 22 QPV) in a temporary
workspace; the user's own workspace is never opened.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import box

from qpvdesk import paths
from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection (see qpvdesk/models/proposals/gdal.py)

from PySide6.QtCore import Qt  # noqa: E402

from qpvdesk.app import create_application, open_stores  # noqa: E402
from qpvdesk.models.proposals import EQUIPEMENT, QUARTIER_VECU  # noqa: E402
from qpvdesk.views.map.maptool import MapEvent  # noqa: E402


def add_proposals(store, reference, count: int) -> None:
    """`count` proposals inside the QPV, half 40 m squares and half points, in one step."""
    rows = reference.conn.execute("SELECT code, AsBinary(geom) FROM qpv ORDER BY code").fetchall()
    random = np.random.default_rng(2026)
    made = []
    for number in range(count):
        code, wkb = rows[number % len(rows)]
        qpv = shapely.from_wkb(wkb)
        xmin, ymin, xmax, ymax = qpv.bounds
        while True:
            point = shapely.Point(random.uniform(xmin, xmax), random.uniform(ymin, ymax))
            if qpv.contains(point.buffer(25)):
                break
        if number % 2:
            made.append(store.new_proposal(EQUIPEMENT, point, {
                "title": f"Équipement {number}", "category": "sante", "status": "idee"}))
        else:
            made.append(store.new_proposal(QUARTIER_VECU, box(point.x - 20, point.y - 20,
                                                              point.x + 20, point.y + 20), {
                "title": f"Îlot {number}", "qpv_code": code,
                "knowledge_source": "ateliers_habitants"}))
    store.add_all(made, f"{count} propositions générées")


def time_moves(tool, events) -> list[float]:
    timings = []
    for event in events:
        start = time.perf_counter()
        tool.move(event)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=400)
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--reference", type=Path, default=paths.reference_database())
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        app = create_application([])
        reference, workspace = open_stores(args.reference, Path(folder) / "workspace.sqlite")
        from qpvdesk.views.main_window import MainWindow

        window = MainWindow(reference, workspace)
        window.resize(1366, 768)
        proposals = window.proposals
        add_proposals(proposals.store, reference, args.proposals)
        proposals.refresh(render=False)
        canvas = window.map_canvas
        first = proposals.store.list()[0]
        target = first.geometry
        canvas.zoom_to(target.buffer(300).bounds)
        x0, y0 = shapely.get_coordinates(target)[0]
        resolution = canvas.viewport.resolution
        events = [MapEvent(x0 + resolution * (i % 40 - 20), y0 + resolution * (i % 17 - 8),
                           0.0, 0.0, Qt.MouseButton.NoButton) for i in range(args.moves)]
        statements: list[str] = []
        workspace.conn.set_trace_callback(statements.append)
        proposals.start_drawing(QUARTIER_VECU)
        capture = time_moves(proposals.capture, events)
        capture_sql = len(statements)
        proposals.edit.selected_uuid = first.uuid
        edit = time_moves(proposals.edit, events)
        workspace.conn.set_trace_callback(None)
        report = {
            "proposals": len(proposals.store.list()),
            "moves": args.moves,
            "capture_move_median_ms": round(statistics.median(capture), 3),
            "edit_move_median_ms": round(statistics.median(edit), 3),
            "sql_statements_per_capture_move": capture_sql / args.moves,
            "sql_statements_per_edit_move": (len(statements) - capture_sql) / args.moves,
        }
        window.close()
        workspace.close()
        reference.close()
        del app
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
