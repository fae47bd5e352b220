"""A broken source stops the build, names file, row and problem, and leaves no file."""
from __future__ import annotations

import json

import pytest

from qpvdesk.models.build import SourceError, build_reference_database


def _build_refused(sources, target):
    with pytest.raises(SourceError) as refusal:
        build_reference_database(sources, target)
    assert not target.exists()
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    return refusal.value


def test_missing_column(sources_copy, tmp_path):
    path = sources_copy / "insee_qpv_indicateurs" / "DEMO_2022_call.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("CODGEO", "CODE")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _build_refused(sources_copy, tmp_path / "ref.sqlite")
    assert error.path.name == "DEMO_2022_call.csv" and error.row == 1
    assert "CODGEO" in error.problem


def test_unparseable_number(sources_copy, tmp_path):
    path = sources_copy / "insee_qpv_indicateurs" / "REVN_2021_call.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(";")
    cells[2] = "12,3,4"  # PMIMP of the third QPV
    lines[3] = ";".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _build_refused(sources_copy, tmp_path / "ref.sqlite")
    assert error.path.name == "REVN_2021_call.csv" and error.row == 4
    assert "PMIMP" in str(error) and "12,3,4" in str(error)


def test_wrong_crs(sources_copy, tmp_path):
    path = sources_copy / "iris_contours_2020" / "iris_call_2020.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    path.write_text(json.dumps(data), encoding="utf-8")
    error = _build_refused(sources_copy, tmp_path / "ref.sqlite")
    assert error.path.name == "iris_call_2020.geojson" and "CRS" in error.problem


def test_invalid_geometry(sources_copy, tmp_path):
    path = sources_copy / "qpv_perimetres" / "qpv_2024_call.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    # a bow-tie: the ring crosses itself
    data["features"][4]["geometry"] = {"type": "MultiPolygon", "coordinates": [[[
        [2.80, 50.40], [2.82, 50.42], [2.82, 50.40], [2.80, 50.42], [2.80, 50.40]]]]}
    path.write_text(json.dumps(data), encoding="utf-8")
    error = _build_refused(sources_copy, tmp_path / "ref.sqlite")
    assert error.path.name == "qpv_2024_call.geojson" and error.row == 5
    assert "invalid geometry" in error.problem and "feature 5" in str(error)


@pytest.mark.slow
def test_failed_build_keeps_the_previous_database(sources_copy, tmp_path, reference_path):
    target = tmp_path / "ref.sqlite"
    target.write_bytes(reference_path.read_bytes())
    before = target.read_bytes()
    (sources_copy / "education_ips_rep" / "ecoles_call_ips_2021_2022.csv").unlink()
    with pytest.raises(SourceError, match="ecoles_call_ips_2021_2022.csv: file is missing"):
        build_reference_database(sources_copy, target)
    assert target.read_bytes() == before


@pytest.mark.slow
def test_build_is_deterministic(tmp_path, reference_path):
    from conftest import SOURCES
    from qpvdesk.models.spatialite import connect

    second = tmp_path / "again.sqlite"
    build_reference_database(SOURCES, second)

    def content(path):
        conn = connect(path, readonly=True)
        tables = ["territory", "commune", "iris", "qpv", "qpv_commune", "indicator",
                  "indicator_value", "college", "ecole", "heritage_cite", "provenance",
                  "metadata", "indicator_comparator", "indicator_without_comparator",
                  "qpv_edition_year", "quality_flag", "qpv_iris", "bpe_equipement",
                  "poste_politique_ville"]
        try:
            return {table: conn.execute(
                f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in tables}
        finally:
            conn.close()

    assert content(second) == content(reference_path)
