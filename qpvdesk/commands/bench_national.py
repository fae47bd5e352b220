"""`qpvdesk bench render --national`: France's 34,739 metropolitan communes, qpvdesk and QGIS.

Both read the same SpatiaLite table (written once from the national data pack, see
models/map/national.py) and draw it with the same symbol into a 1600 × 1000 image. Each run is
a process of its own, timed from just before exec (CLOCK_MONOTONIC) to its first frame; it then
re-renders the whole of France and 1 % of it (around Paris) and reports its peak RSS. QGIS runs
through Debian's python3-qgis (QgsMapRendererSequentialJob, as a snapshot does), in the same
bench, one process at a time, alternating with qpvdesk's.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .startup_launch import BenchError

SYSTEM_PYTHON = "/usr/bin/python3"
RUN_TIMEOUT_S = 300

_QGIS_RUN = r'''
import json, os, resource, sys, time
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFillSymbol,
                       QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle,
                       QgsSingleSymbolRenderer, QgsVectorLayer)
repeat, spec = int(sys.argv[1]), json.loads(sys.argv[2])
app = QgsApplication([], False)
app.initQgis()
layers = []
for item in spec["layers"]:
    layer = QgsVectorLayer("dbname='%s' table=\"%s\" (geom)" % (item["database"],
                                                                item["table"]),
                           item["table"], "spatialite")
    if not layer.isValid():
        sys.exit("QGIS cannot open %s in %s" % (item["table"], item["database"]))
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
        "color": item["fill"], "style": "solid" if item["fill"] else "no",
        "outline_color": item["stroke"] or "0,0,0,0",
        "outline_style": "solid" if item["stroke"] else "no",
        "outline_width": str(item["stroke_width"]), "outline_width_unit": "Pixel"})))
    layers.insert(0, layer)      # QgsMapSettings: first is on top
settings = QgsMapSettings()
settings.setLayers(layers)
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
settings.setOutputSize(QSize(*spec["size"]))
settings.setBackgroundColor(QColor(spec["background"]))
settings.setFlag(QgsMapSettings.Antialiasing, True)

def render(box):
    settings.setExtent(QgsRectangle(*box))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()

image = render(spec["full"])
print("first_frame %.6f" % time.monotonic(), flush=True)
if spec.get("png"):
    image.save(spec["png"])

def median_ms(box):
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        render(box)
        times.append((time.perf_counter() - begin) * 1000)
    times.sort()
    return round(times[len(times) // 2], 1)

def peak_rss_mb():
    # VmHWM: this program's own peak (ru_maxrss keeps the parent's across fork and exec)
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

print(json.dumps({"rerender_full_ms": median_ms(spec["full"]),
                  "rerender_1pct_ms": median_ms(spec["one_percent"]),
                  "peak_rss_mb": peak_rss_mb()}), flush=True)
os._exit(0)   # QGIS 3.22's exitQgis() crashes this offscreen run at exit
'''


def run_national(args) -> int:
    from ..models.build.national_pack import NationalPack, NationalPackMissing
    from ..models.build.errors import SourceError
    from ..models.map.national import communes_database
    from .. import paths

    folder = Path(args.national_folder) if args.national_folder else (
        paths.user_data_folder() / "national")
    try:
        started = time.perf_counter()
        database = communes_database(folder, NationalPack(args.national_pack))
        database_s = time.perf_counter() - started
    except (NationalPackMissing, SourceError) as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return 1
    qgis = qgis_version()
    runs: dict[str, list[dict]] = {"qpvdesk": [], "qgis": []}
    with tempfile.TemporaryDirectory(prefix="qpvdesk-national-") as scratch:
        qgis_database = None
        if qgis:
            # QGIS opens SpatiaLite files for writing: it gets its own copy of the same table
            qgis_database = Path(shutil.copy2(database, Path(scratch) / database.name))
            spec = json.dumps(_qgis_spec(qgis_database))
        for _ in range(args.processes):
            runs["qpvdesk"].append(_timed_run(
                [sys.executable, "-m", "qpvdesk.commands.national_frames", str(database),
                 str(args.repeat)], _env(offscreen=True)))
            if qgis:
                runs["qgis"].append(_timed_run(
                    qgis_command(args.repeat, spec), _env(offscreen=True)))
    report = {"national": _medians(runs["qpvdesk"])}
    report["national"].update({
        "communes": _count(database), "database": str(database),
        "database_ready_s": round(database_s, 2), "processes": args.processes,
        "renders_per_process": args.repeat, "load_average_1min": round(os.getloadavg()[0], 2),
        # the large-layers issue's goals (about a third of QGIS 3.22's memory)
        "targets": {"first_frame_ms": 900, "pan_frame_ms": 16, "rerender_full_ms": 100,
                    "rerender_1pct_ms": 20, "peak_rss_mb": 260}})
    if qgis:
        ours, theirs = report["national"], _medians(runs["qgis"])
        theirs["version"] = qgis
        report["qgis"] = theirs
        report["qgis_over_qpvdesk"] = {
            key: round(theirs[key] / ours[key], 2)
            for key in ("first_frame_ms", "rerender_full_ms", "rerender_1pct_ms", "peak_rss_mb")
            if ours.get(key)}
    from .report import print_report

    print_report(report, args.json)
    return 0


def qgis_command(repeat: int, spec: str) -> list[str]:
    return [SYSTEM_PYTHON, "-c", _QGIS_RUN, str(repeat), spec]


def _env(offscreen: bool) -> dict[str, str]:
    env = {**os.environ, "GDAL_PAM_ENABLED": "NO"}
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _timed_run(command: list[str], env: dict[str, str]) -> dict:
    """Run one measuring process: ms from exec to its first frame, and its own report."""
    start = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT_S)
    if done.returncode != 0:
        raise BenchError(f"{command[0]} failed ({done.returncode}): {done.stderr[-800:]}")
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    try:
        first = next(float(line.split()[1]) for line in lines if line.startswith("first_frame"))
        report = json.loads(lines[-1])
    except (StopIteration, ValueError, IndexError) as exc:
        raise BenchError(f"{command[0]} printed no figures: {done.stdout[-400:]}") from exc
    report["first_frame_ms"] = round((first - start) * 1000, 1)
    return report


def _medians(runs: list[dict]) -> dict:
    keys = [key for key in runs[0] if isinstance(runs[0][key], (int, float))]
    return {key: round(statistics.median(run[key] for run in runs), 2) for key in keys}


def qgis_version() -> str | None:
    if shutil.which("qgis") is None or not Path(SYSTEM_PYTHON).exists():
        return None
    done = subprocess.run([SYSTEM_PYTHON, "-c", "from qgis.core import Qgis; "
                           "print(Qgis.QGIS_VERSION)"], capture_output=True, text=True,
                          timeout=60, env=_env(offscreen=True))
    return f"QGIS {done.stdout.strip()}" if done.returncode == 0 else None


def national_view_of(database: Path, size: tuple[int, int]):
    """The whole of France framed the way qpvdesk frames it."""
    from ..models.map.national import TABLE
    from ..models.map.viewport import Viewport
    from ..models.spatialite import connect

    conn = connect(database, readonly=True)
    try:
        bounds = conn.execute(f"SELECT Min(MbrMinX(geom)), Min(MbrMinY(geom)), "
                              f"Max(MbrMaxX(geom)), Max(MbrMaxY(geom)) FROM {TABLE}").fetchone()
    finally:
        conn.close()
    return Viewport.fit(bounds, *size, margin=0.03)


def qgis_layer(database: Path, table: str, symbol) -> dict:
    """How the QGIS run draws one SpatiaLite table: qpvdesk's symbol, in QGIS's words."""
    fill = None
    if symbol.fill is not None:
        red, green, blue = (int(symbol.fill[i:i + 2], 16) for i in (1, 3, 5))
        fill = f"{red},{green},{blue},{round(symbol.fill_alpha * 255)}"
    return {"database": str(database), "table": table, "fill": fill, "stroke": symbol.stroke,
            "stroke_width": symbol.stroke_width}


def qgis_spec(layers: list[dict], full, one_percent) -> dict:
    from ..render.renderer import BACKGROUND

    return {"layers": layers, "size": [full.width, full.height], "full": full.bbox,
            "one_percent": one_percent.bbox, "background": BACKGROUND.name()}


def _qgis_spec(database: Path) -> dict:
    from ..models.map.national import NATIONAL_SYMBOL, TABLE
    from ..render.national import NATIONAL_SIZE, one_percent_view

    full = national_view_of(database, NATIONAL_SIZE)
    return qgis_spec([qgis_layer(database, TABLE, NATIONAL_SYMBOL)], full,
                     one_percent_view(full))


def _count(database: Path) -> int:
    from ..models.map.national import TABLE
    from ..models.spatialite import connect

    conn = connect(database, readonly=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
    finally:
        conn.close()
