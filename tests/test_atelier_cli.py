"""`qpvdesk atelier consensus` and `qpvdesk bench atelier`: input in any coordinate system,
the areas of the analytic case, drawings left out, exit codes 0 / 1 / 2."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import Polygon, box, shape

from qpvdesk.cli import main

X0, Y0 = 685_000.0, 7_034_000.0      # Lambert-93, in Lens
TO_WGS84 = Transformer.from_crs(2154, 4326, always_xy=True)
TO_L93 = Transformer.from_crs(4326, 2154, always_xy=True)
SQUARES = [box(X0 + dx, Y0 + dy, X0 + dx + 100, Y0 + dy + 100)
           for dx, dy in ((0, 0), (50, 0), (0, 50), (50, 50))]


def feature(geometry, crs_wgs84: bool = True) -> dict:
    if geometry is None:
        return {"type": "Feature", "properties": {}, "geometry": None}
    if crs_wgs84:
        geometry = shapely.transform(geometry, lambda xy: np.column_stack(
            TO_WGS84.transform(xy[:, 0], xy[:, 1])))
    return {"type": "Feature", "properties": {"remarque": "dessin papier"},
            "geometry": shapely.geometry.mapping(geometry)}


def write(path, geometries, lambert93: bool = False):
    document = {"type": "FeatureCollection",
                "features": [feature(item, not lambert93) for item in geometries]}
    if lambert93:
        document["crs"] = {"type": "name",
                           "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def run(capsys, *args) -> tuple[int, dict | None, str]:
    code = main(["atelier", "consensus", *map(str, args)])
    output = capsys.readouterr()
    return code, (json.loads(output.out) if output.out.strip() else None), output.err


@pytest.mark.parametrize("lambert93", [False, True], ids=["wgs84", "lambert93"])
def test_the_four_squares_from_a_file_in_any_crs(tmp_path, capsys, lambert93):
    drawings = write(tmp_path / "dessins.geojson", SQUARES, lambert93)
    out = tmp_path / "consensus.geojson"
    code, report, _ = run(capsys, drawings, "--out", out, "--seuils", "0.25,0.5,0.75")
    assert code == 0 and report["participants"] == 4 and report["left_out"] == []
    assert report["areas_m2"] == pytest.approx({"0.25": 22_500, "0.5": 12_500,
                                                "0.75": 2_500}, abs=0.5)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "crs" not in written and written["participants"] == 4      # RFC 7946
    contours = {item["properties"]["seuil"]: item for item in written["features"]}
    assert set(contours) == {0.25, 0.5, 0.75}
    middle = shape(contours[0.75]["geometry"])
    back = shapely.transform(middle, lambda xy: np.column_stack(
        TO_L93.transform(xy[:, 0], xy[:, 1])))
    expected = box(X0 + 50, Y0 + 50, X0 + 100, Y0 + 100)
    assert back.symmetric_difference(expected).area < 0.5
    assert contours[0.5]["properties"]["surface_m2"] == pytest.approx(12_500, abs=0.5)


def test_invalid_drawings_are_listed_and_left_out(tmp_path, capsys, reference_path):
    bow_tie = Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    drawings = write(tmp_path / "dessins.geojson", [*SQUARES, bow_tie, None])
    code, report, err = run(capsys, drawings, "--out", tmp_path / "c.geojson",
                            "--seuils", "0.5", "--qpv", "QN06224M",
                            "--reference", reference_path)
    assert code == 0 and report["participants"] == 4
    assert report["left_out"] == [
        {"feature": "objet n° 5", "reason": "Le tracé se recoupe lui-même."},
        {"feature": "objet n° 6", "reason": "Le dessin est vide."}]
    assert "écarté — objet n° 5 : Le tracé se recoupe lui-même." in err
    (level,) = report["levels"]
    assert level["drawings_needed"] == 2 and 0 <= level["share_outside_qpv"] <= 1


def test_exit_codes(tmp_path, capsys, read_only_folder):
    good = write(tmp_path / "dessins.geojson", SQUARES)
    bow_tie = Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    nothing_usable = write(tmp_path / "noeuds.geojson", [bow_tie])
    garbage = tmp_path / "abime.geojson"
    garbage.write_text("{ pas du json", encoding="utf-8")
    out = tmp_path / "c.geojson"
    code, _, err = run(capsys, nothing_usable, "--out", out)
    assert code == 1 and "aucun dessin utilisable" in err and not out.exists()
    code, _, err = run(capsys, good, "--out", read_only_folder.path / "c.geojson")
    assert code == 1 and "lecture seule" in err
    assert list(read_only_folder.path.iterdir()) == []
    for args in ((garbage, "--out", out), (tmp_path / "absent.geojson", "--out", out),
                 (good, "--out", out, "--seuils", "0.5,2"), (good, "--out", out, "--seuils",
                                                             "moitié"),
                 (good, "--out", out, "--qpv", "QN99999M")):
        code, report, err = run(capsys, *args)
        assert code == 2 and report is None and err.startswith("qpvdesk: "), args
        assert "Traceback" not in err
    assert not out.exists()
    with pytest.raises(SystemExit) as usage:
        main(["atelier", "consensus", str(good)])            # --out is required
    assert usage.value.code == 2


def test_the_installed_command_returns_its_exit_code(tmp_path):
    done = subprocess.run([sys.executable, "-m", "qpvdesk.cli", "atelier", "consensus",
                           str(tmp_path / "absent.geojson"), "--out",
                           str(tmp_path / "c.geojson")], capture_output=True, text=True)
    assert done.returncode == 2 and "Fichier introuvable" in done.stderr


@pytest.mark.slow
def test_bench_atelier_reports_its_figures(reference_path, capsys):
    assert main(["--reference", str(reference_path), "bench", "atelier", "--json",
                 "--repeat", "2"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["participants"] == 60 and report["overlay_faces"] > 60
    assert "synthétiques" in report["data"] and report["consensus_60_median_ms"] > 0
    assert report["areas_m2"]["0.25"] > report["areas_m2"]["0.5"] > report["areas_m2"]["0.75"]
