"""`qpvdesk proposals list|import|export` with --workspace before or after the command."""
from __future__ import annotations

import json
import subprocess
import sys

from proposal_fixtures import QPV, places  # noqa: F401
from shapely.geometry import Point

from qpvdesk.cli import main
from qpvdesk.models.proposals import gdal


def write_geojson(path, rows, places):
    import geopandas as gpd

    frame = gpd.GeoDataFrame([{k: v for k, v in row.items() if k != "geometry"}
                              for row in rows], geometry=[row["geometry"] for row in rows],
                             crs=2154).to_crs(4326)
    gdal.pyogrio().write_dataframe(frame, path, driver="GeoJSON")
    return path


def test_import_list_export(reference_path, tmp_path, places, capsys):
    workspace = str(tmp_path / "ws.sqlite")
    base = ["--reference", str(reference_path), "--workspace", workspace, "proposals"]
    mixed = write_geojson(tmp_path / "apports.geojson", [
        {"titre": "Ludothèque", "categorie": "culture", "statut": "financé",
         "geometry": places.inside},
        {"categorie": "sport", "statut": "idée", "geometry": Point(places.inside.x + 5,
                                                                   places.inside.y)},
    ], places)
    assert main(base + ["import", str(mixed)]) == 1
    output = capsys.readouterr()
    assert "refusé — apports, objet 2 « objet n° 2 » : Le champ « Titre » est obligatoire." \
        in output.err
    assert "importé — apports, objet 1 « Ludothèque »" in output.out
    assert "1 proposition(s) importée(s), 1 refusée(s)" in output.out

    good = write_geojson(tmp_path / "bon.geojson", [
        {"titre": "Vie de la cité", "qpv": QPV, "geometry": places.square(places.inside)}],
        places)
    # --workspace after the command works too
    assert main(["--reference", str(reference_path), "proposals", "import", str(good),
                 "--kind", "quartier_vecu", "--workspace", workspace]) == 0
    capsys.readouterr()

    assert main(base + ["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(item["kind"], item["title"], item["qpv_code"]) for item in listed] == [
        ("equipement", "Ludothèque", QPV), ("quartier_vecu", "Vie de la cité", QPV)]
    assert listed[1]["area_ha"] == 4.0 and listed[1]["wkt_2154"].startswith("POLYGON")
    assert main(["--reference", str(reference_path), "proposals", "--workspace", workspace,
                 "list"]) == 0
    assert "2 proposition(s)" in capsys.readouterr().out

    out = tmp_path / "export.gpkg"
    assert main(base + ["export", "--out", str(out)]) == 0
    assert [name for name, _ in gdal.pyogrio().list_layers(out)] == [
        "equipements", "quartiers_vecus", "perimetres"]
    capsys.readouterr()


def test_a_bad_file_is_exit_code_2_and_changes_nothing(reference_path, tmp_path, capsys):
    workspace = str(tmp_path / "ws.sqlite")
    garbage = tmp_path / "garbage.gpkg"
    garbage.write_bytes(b"pas un geopackage")
    assert main(["--reference", str(reference_path), "proposals", "import", str(garbage),
                 "--workspace", workspace]) == 2
    assert "rien n'a été importé" in capsys.readouterr().err
    assert main(["--reference", str(reference_path), "--workspace", workspace, "proposals",
                 "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_cli_in_its_own_process(reference_path, tmp_path, places):
    good = write_geojson(tmp_path / "bon.geojson", [
        {"title": "Skatepark", "category": "sport", "status": "idea",
         "geometry": places.inside}], places)
    workspace = str(tmp_path / "ws.sqlite")
    command = [sys.executable, "-m", "qpvdesk.cli", "--reference", str(reference_path),
               "--workspace", workspace, "proposals"]
    imported = subprocess.run(command + ["import", str(good)], capture_output=True, text=True,
                              timeout=120)
    assert imported.returncode == 0, imported.stderr
    exported = subprocess.run(command + ["export", "--out", str(tmp_path / "p.csv")],
                              capture_output=True, text=True, timeout=120)
    assert exported.returncode == 0, exported.stderr
    assert "Skatepark" in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
