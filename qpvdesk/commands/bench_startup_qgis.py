"""QGIS started the way `qpvdesk bench startup` starts qpvdesk, with the same layers.

For each saved state, a QGIS project (written by QGIS's own Python, /usr/bin/python3 with
python3-qgis) holds the layers qpvdesk shows in that state, read from the same files: the
reference SpatiaLite layers visible by default (QPV and communes labelled), the QPV coloured
by the same indicator and classes, the same proposals (exported to a GeoPackage) and the same
MBTiles basemap. QGIS logs the same two moments as qpvdesk through PYQGIS_STARTUP: its main
window exposed, and its first map render with the project's layers.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from .startup_launch import LOG_VARIABLE, BenchError, start_once
from .bench_startup_states import PROPOSALS_BASEMAP, THEMATIC, THEMATIC_INDICATOR, SavedState

SYSTEM_PYTHON = "/usr/bin/python3"   # where Debian's python3-qgis lives
# GDAL would write « .aux.xml » statistics beside the MBTiles file and in the current folder.
_NO_SIDE_FILES = {"GDAL_PAM_ENABLED": "NO"}

_MAKE_PROJECT = r'''
import json, sys
from qgis.PyQt.QtCore import QVariant
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsField, QgsFillSymbol,
                       QgsGraduatedSymbolRenderer, QgsPalLayerSettings, QgsProject,
                       QgsRasterLayer, QgsRendererRange, QgsVectorLayer,
                       QgsVectorLayerSimpleLabeling)
spec = json.load(open(sys.argv[1], encoding="utf-8"))
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
root = project.layerTreeRoot()
for item in spec["layers"]:          # drawing order: bottom first
    if item["provider"] == "gdal":
        layer = QgsRasterLayer(item["uri"], item["name"], "gdal")
    else:
        layer = QgsVectorLayer(item["uri"], item["name"], item["provider"])
    if not layer.isValid():
        sys.exit("QGIS cannot open " + item["uri"])
    if item.get("label"):
        settings = QgsPalLayerSettings()
        settings.fieldName = item["label"]
        settings.enabled = True
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
    if item.get("values"):
        pairs = ", ".join("'%s', %r" % pair for pair in item["values"].items())
        layer.addExpressionField('map_get(map(%s), "code")' % pairs,
                                 QgsField("valeur", QVariant.Double))
        layer.setRenderer(QgsGraduatedSymbolRenderer("valeur", [
            QgsRendererRange(low, high, QgsFillSymbol.createSimple(
                {"color": color, "outline_color": "#5a5a5a"}), label)
            for low, high, color, label in item["classes"]]))
    project.addMapLayer(layer, False)
    root.insertLayer(0, layer)
if not project.write(spec["project"]):
    sys.exit("QGIS could not write " + spec["project"])
app.exitQgis()
'''

_STARTUP_HOOK = r'''
import os, time
from qgis.PyQt.QtCore import QTimer
_log, _seen = os.environ["QPVDESK_STARTUP_LOG"], set()

def _report(moment):
    if moment not in _seen:
        _seen.add(moment)
        with open(_log, "a", encoding="utf-8") as log:
            log.write("%s %.6f %.6f %.6f\n" % (moment, time.monotonic(), time.time(),
                                               time.process_time()))

def _refreshed():
    import qgis.utils
    if qgis.utils.iface.mapCanvas().layers():     # the project's layers, not an empty canvas
        _report("map_painted")

def _poll():
    import qgis.utils
    iface = qgis.utils.iface
    if iface is None or iface.mainWindow() is None:
        return
    if "hooked" not in _seen:
        _seen.add("hooked")
        iface.mapCanvas().mapCanvasRefreshed.connect(_refreshed)
    handle = iface.mainWindow().windowHandle()
    if handle is not None and handle.isExposed():
        _report("window_visible")
        _timer.stop()

_timer = QTimer()
_timer.timeout.connect(_poll)
_timer.start(2)
'''


class QgisStarter:
    def __init__(self, qgis: str, reference: Path, folder: Path, display: str) -> None:
        folder.mkdir(parents=True)
        # QGIS opens SpatiaLite files for writing: it gets its own copy of the same database.
        self.reference = Path(shutil.copy2(reference, folder / reference.name))
        self.qgis, self.folder, self.display = qgis, folder, display
        (folder / "make_project.py").write_text(_MAKE_PROJECT, encoding="utf-8")
        (folder / "startup_hook.py").write_text(_STARTUP_HOOK, encoding="utf-8")
        self.projects: dict[str, Path] = {}
        self.extent = ""
        version = subprocess.run([qgis, "--version"], capture_output=True, text=True,
                                 timeout=60, env={**os.environ, "DISPLAY": display})
        self.version = (version.stdout.strip().splitlines() or ["QGIS"])[0]

    @classmethod
    def if_installed(cls, reference: Path, folder: Path, display: str) -> QgisStarter | None:
        qgis = shutil.which("qgis")
        if qgis is None or not Path(SYSTEM_PYTHON).exists():
            return None
        return cls(qgis, reference, folder, display)

    def start(self, state: SavedState) -> dict[str, float]:
        project = self.projects.get(state.name) or self._write_project(state)
        log = self.folder / f"{state.name}.log"
        command = [self.qgis, "--nologo", "--noversioncheck", "--noplugins",
                   "--profiles-path", str(self.folder / "profiles"), "--project", str(project),
                   "--extent", self.extent]
        env = {**os.environ, "DISPLAY": self.display, "PYQGIS_STARTUP":
               str(self.folder / "startup_hook.py"), LOG_VARIABLE: str(log), **_NO_SIDE_FILES}
        env.pop("QT_QPA_PLATFORM", None)
        return start_once(command, env, log)

    # -- the project ----------------------------------------------------------------------
    def _write_project(self, state: SavedState) -> Path:
        project = self.folder / f"{state.name}.qgs"
        spec = self.folder / f"{state.name}.json"
        spec.write_text(json.dumps({"project": str(project), "layers": self._layers(state)},
                                   ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([SYSTEM_PYTHON, str(self.folder / "make_project.py"), str(spec)],
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                   **_NO_SIDE_FILES},
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchError(f"QGIS project for {state.name} not written: {done.stderr[-800:]}")
        self.projects[state.name] = project
        return project

    def _layers(self, state: SavedState) -> list[dict]:
        from ..models.map.layers import LAYER_QUERIES
        from ..models.map.styles import HIDDEN_BY_DEFAULT, LABELLED_LAYERS, LAYERS
        from ..models.reference import ReferenceStore

        store = ReferenceStore(self.reference)
        try:
            self.extent = ",".join(str(round(value)) for value in store.conn.execute(
                "SELECT MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom) "
                "FROM epci").fetchone())
            layers = []
            if state.basemap is not None:
                layers.append({"provider": "gdal", "uri": str(state.basemap),
                               "name": "Fond de carte"})
            for info in LAYERS:
                if info.id in LAYER_QUERIES and info.id not in HIDDEN_BY_DEFAULT:
                    table = re.search(r"FROM (\w+)", LAYER_QUERIES[info.id]).group(1)
                    layer = {"provider": "spatialite", "name": info.title,
                             "uri": f"dbname='{self.reference}' table=\"{table}\" (geom)",
                             "label": "name" if info.id in LABELLED_LAYERS else None}
                    if info.id == "qpv" and state.name == THEMATIC:
                        layer.update(_thematic_classes(store))
                    layers.append(layer)
            if state.name == PROPOSALS_BASEMAP:
                layers.extend(self._proposal_layers(state, store))
            return layers
        finally:
            store.close()

    def _proposal_layers(self, state: SavedState, store) -> list[dict]:
        from ..models.proposals import ProposalStore, gdal
        from ..models.proposals.exporter import export_proposals
        from ..models.workspace import Workspace

        workspace = Workspace(state.workspace)
        try:
            path = export_proposals(ProposalStore(workspace, store).list(),
                                    self.folder / f"{state.name}-propositions.gpkg")
        finally:
            workspace.close()
        return [{"provider": "ogr", "uri": f"{path}|layername={layer}", "name": layer}
                for layer, _ in gdal.pyogrio().list_layers(path)]


def _thematic_classes(store) -> dict:
    """The QPV's values of the indicator qpvdesk colours by, and the same classes."""
    from ..models.choropleth import classify, indicator_values, legend

    values = indicator_values(store, "qpv", THEMATIC_INDICATOR, None)
    classification = classify([value for value, _ in values.values()], "jenks", 5)
    labels = [entry.label for entry in legend(classification, "", 0, 0)]
    bounds = classification.bounds
    return {"values": {code: value for code, (value, _) in values.items() if value is not None},
            "classes": [(bounds[index], bounds[index + 1], color, labels[index])
                        for index, color in enumerate(classification.colors)]}
