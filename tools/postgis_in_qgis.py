"""Look at the published PostGIS layers in QGIS, as the agglomeration's GIS officer would.

Starts a throwaway PostgreSQL + PostGIS, publishes an agglomeration workspace to it, builds a
QGIS project on its layers (each one opened with the style QGIS loads by itself from
layer_styles; the reference communes and QPV under them), prints what renderer QGIS gave each
layer, and writes `qgis --snapshot` of it. Needs Debian's qgis and python3-qgis, and a display
(run under Xvfb):

    xvfb-run -a -s '-screen 0 1366x768x24' .venv/bin/python tools/postgis_in_qgis.py \
        --workspace agglomeration.sqlite --reference data/qpvdesk.sqlite --out /tmp/qgis
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

# Run by Debian's python3 (the QGIS bindings): argv = port, reference, project, report.
PROJECT_SCRIPT = r'''
import json, sys
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDataSourceUri,
                       QgsFillSymbol, QgsProject, QgsVectorLayer, QgsWkbTypes)

port, reference, project_path, report_path = sys.argv[1:5]
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
report = []
for table, name, fill, outline in (("commune", "Communes", "none", "#707070"),
                                   ("qpv", "QPV 2024", "255,200,200,150", "#b2182b")):
    uri = QgsDataSourceUri()
    uri.setDatabase(reference)
    uri.setDataSource("", table, "geom")
    layer = QgsVectorLayer(uri.uri(), name, "spatialite")
    layer.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": fill, "outline_color": outline, "outline_width": "0.4",
         "style": "no" if fill == "none" else "solid"}))
    project.addMapLayer(layer)
for table, geometry, name in (
        ("decision_courante", QgsWkbTypes.Polygon, "Décision courante — surfaces"),
        ("geometrie_modifiee", QgsWkbTypes.Polygon, "Géométries modifiées — surfaces"),
        ("geometrie_modifiee", QgsWkbTypes.Point, "Géométries modifiées — équipements"),
        ("decision_courante", QgsWkbTypes.Point, "Décision courante — équipements")):
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", port, "postgres", "postgres", "")
    uri.setDataSource("qpvdesk", table, "geom", "", "uuid")
    uri.setWkbType(geometry)
    uri.setSrid("2154")
    layer = QgsVectorLayer(uri.uri(), name, "postgres")
    renderer = layer.renderer()
    report.append({"layer": name, "valid": layer.isValid(), "features": layer.featureCount(),
                   "renderer": renderer.type() if renderer else None,
                   "attribute": renderer.classAttribute()
                   if hasattr(renderer, "classAttribute") else None,
                   "categories": [[c.value(), c.label(), c.symbol().color().name()]
                                  for c in getattr(renderer, "categories", lambda: [])()]})
    project.addMapLayer(layer)
project.write(project_path)
open(report_path, "w").write(json.dumps(report, ensure_ascii=False, indent=1))
app.exitQgis()
'''


def main(argv: list[str]) -> int:
    from qpvdesk.models.postgis import publish
    from qpvdesk.models.postgis.local_server import LocalServer
    from qpvdesk.models.workspace import Workspace

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", required=True, type=Path)
    parser.add_argument("--reference", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--size", default="1200x860")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = args.size.split("x")
    with LocalServer() as server:
        workspace = Workspace(args.workspace)
        try:
            print(publish(workspace, server.dsn()).summary())
        finally:
            workspace.close()
        import psycopg

        with psycopg.connect(server.dsn()) as conn:
            extent = conn.execute(
                "SELECT ST_XMin(e) - 600, ST_YMin(e) - 400, ST_XMax(e) + 600, ST_YMax(e) + 400 "
                "FROM (SELECT ST_Extent(geom)::box2d AS e FROM qpvdesk.decision_courante) s"
            ).fetchone()
        project, report = args.out / "qpvdesk_postgis.qgs", args.out / "qgis_layers.json"
        subprocess.run(["/usr/bin/python3", "-c", PROJECT_SCRIPT, str(server.port),
                        str(args.reference.resolve()), str(project), str(report)],
                       check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        print(report.read_text(encoding="utf-8"))
        snapshot = args.out / "qgis_snapshot.png"
        subprocess.run(["qgis", "--nologo", "--noplugins", "--snapshot", str(snapshot),
                        "--width", width, "--height", height,
                        "--extent", ",".join(f"{value:.0f}" for value in extent),
                        "--project", str(project)], capture_output=True, timeout=300)
        print(json.dumps({"project": str(project), "snapshot": str(snapshot),
                          "snapshot_written": snapshot.is_file()}))
    return 0 if snapshot.is_file() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
