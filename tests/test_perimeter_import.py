"""QPV perimeters added to an EPCI database from ANCT's national file: a file written in
ANCT's schema (QP2024: code_qp, lib_qp, insee_reg, lib_reg, insee_dep, lib_dep, insee_com,
lib_com, siren_epci) from the CALL's 22 perimeters, as GeoJSON, GeoPackage and Shapefile, in
EPSG:4326 and EPSG:2154; refusals in French, leaving the database untouched."""
from __future__ import annotations

import hashlib
import json
import shutil

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from conftest import SOURCES
from qpvdesk.models.build.epci_builder import build_epci_database
from qpvdesk.models.build.perimeters import PerimeterFileError, import_perimeters
from qpvdesk.models.proposals.gdal import pyogrio
from qpvdesk.models.reference import ReferenceStore

pytestmark = pytest.mark.slow

ANCT_FIELDS = ["code_qp", "lib_qp", "insee_reg", "lib_reg", "insee_dep", "lib_dep", "insee_com",
               "lib_com", "siren_epci"]
DRIVERS = {"geojson": "GeoJSON", "gpkg": "GPKG", "shp": "ESRI Shapefile"}


def write_anct_file(path, srid: int, fields=ANCT_FIELDS) -> None:
    """The CALL's 22 perimeters (data/sources/qpv_perimetres) in ANCT's schema."""
    source = json.loads((SOURCES / "qpv_perimetres" / "qpv_2024_call.geojson").read_text())
    properties = [f["properties"] for f in source["features"]]
    shapes = [shapely.geometry.shape(f["geometry"]) for f in source["features"]]
    if srid != 4326:
        to = Transformer.from_crs(4326, srid, always_xy=True)
        shapes = [shapely.transform(s, lambda x, y: to.transform(x, y), interleaved=False)
                  for s in shapes]
    anct = {"code_qp": "code_qp", "lib_qp": "nom_qp", "insee_com": "insee_com",
            "lib_com": "communes", "siren_epci": "siren_epci"}
    constant = {"insee_reg": "32", "lib_reg": "Hauts-de-France", "insee_dep": "62",
                "lib_dep": "Pas-de-Calais"}
    columns = [np.array([p[anct[name]] if name in anct else constant[name] for p in properties],
                        dtype=object) for name in fields]
    pyogrio().raw.write(path, np.array([shapely.to_wkb(s) for s in shapes], dtype=object),
                        columns, fields, crs=f"EPSG:{srid}", geometry_type="MultiPolygon",
                        driver=DRIVERS[path.suffix[1:]])


@pytest.fixture(scope="module")
def call_without_perimeters(tmp_path_factory):
    target = tmp_path_factory.mktemp("call_national") / "reference.sqlite"
    build_epci_database("246200364", target, bundled_perimeters=False)
    return target


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("srid", [4326, 2154])
@pytest.mark.parametrize("extension", ["geojson", "gpkg", "shp"])
def test_import_gives_the_22_call_perimeters(call_without_perimeters, reference, tmp_path,
                                            extension, srid):
    database = tmp_path / "reference.sqlite"
    shutil.copyfile(call_without_perimeters, database)
    before = ReferenceStore(database)
    assert len(before.qpv_markers()) == 22 and before.metadata()["perimeters"] == "non fournis"
    before.close()
    source = tmp_path / f"QP2024_France_Hexagonale.{extension}"
    write_anct_file(source, srid)
    report = import_perimeters(database, source)
    assert (len(report.imported), report.missing, report.ignored) == (22, (), 0)
    store = ReferenceStore(database)
    try:
        areas = dict(store.conn.execute("SELECT code, area_ha FROM qpv"))
        expected = dict(reference.conn.execute("SELECT code, area_ha FROM qpv"))
        assert areas == pytest.approx(expected, abs=0.011)
        assert store.qpv_markers() == []
        assert store.coverage()["qpv_perimetres"].available
        assert store.metadata()["perimeters"] == "fournis"
        in_commune = dict(store.conn.execute(
            "SELECT commune_insee, area_ha_in_commune FROM qpv_commune WHERE qpv_code = "
            "'QN06225M' AND geography = 2024"))
        assert in_commune["62498"] > in_commune["62842"] > in_commune["62523"] > 0
        bad = store.conn.execute("SELECT count(*) FROM qpv WHERE geom IS NULL OR "
                                 "ST_IsValid(geom) != 1 OR ST_SRID(geom) != 2154").fetchone()[0]
        assert bad == 0
        indexed = store.conn.execute(
            "SELECT count(*) FROM qpv WHERE ROWID IN (SELECT ROWID FROM SpatialIndex WHERE "
            "f_table_name = 'qpv' AND search_frame = BuildMbr(684000, 7034000, 686000, "
            "7036000, 2154))").fetchone()[0]
        assert indexed > 0
    finally:
        store.close()


def test_neighbour_import_reports_missing_qpv_and_ignored_features(national_database,
                                                                   tmp_path):
    """CA Hénin-Carvin shares three QPV with the CALL: the CALL's file gives it those three,
    lists its nine others as missing, and ignores the CALL's nineteen."""
    database = tmp_path / "henin.sqlite"
    shutil.copyfile(national_database("246200299"), database)
    source = tmp_path / "qp2024.gpkg"
    write_anct_file(source, 2154)
    report = import_perimeters(database, source)
    assert sorted(report.imported) == ["QN06243M", "QN06245M", "QN06247M"]
    assert report.ignored == 19 and len(report.missing) == 9
    assert "3 périmètre(s) importé(s)" in report.summary()
    assert "Cornuault (QN06240M)" in report.summary()
    store = ReferenceStore(database)
    try:
        assert len(store.qpv_markers()) == 9
        assert store.metadata()["perimeters"] == "partiels"
        detail = store.coverage()["qpv_perimetres"]
        assert not detail.available and "9 des 12 QPV" in detail.detail
        share, = store.conn.execute("SELECT share_in_call FROM qpv WHERE code = 'QN06243M'"
                                    ).fetchone()
        assert share > 0.9  # La Plaine du 7 lies mostly in Hénin-Carvin
    finally:
        store.close()


def test_file_without_anct_columns_is_refused_in_french(call_without_perimeters, tmp_path):
    database = tmp_path / "reference.sqlite"
    shutil.copyfile(call_without_perimeters, database)
    before = digest(database)
    source = tmp_path / "perimetres.geojson"
    write_anct_file(source, 4326, fields=["code_qp", "insee_reg", "lib_dep"])
    with pytest.raises(PerimeterFileError) as refusal:
        import_perimeters(database, source)
    message = str(refusal.value)
    assert "perimetres.geojson" in message and "il manque lib_qp, insee_com" in message
    assert "ANCT" in message
    assert digest(database) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".reference")]


def test_file_with_none_of_the_epci_qpv_is_refused(national_database, tmp_path):
    database = tmp_path / "avignon.sqlite"
    shutil.copyfile(national_database("248400251"), database)
    before = digest(database)
    source = tmp_path / "qp2024.shp"
    write_anct_file(source, 2154)
    with pytest.raises(PerimeterFileError, match="aucun des 6 quartiers prioritaires"):
        import_perimeters(database, source)
    assert digest(database) == before


def test_unreadable_file_is_refused(call_without_perimeters, tmp_path):
    database = tmp_path / "reference.sqlite"
    shutil.copyfile(call_without_perimeters, database)
    source = tmp_path / "qp2024.geojson"
    source.write_text("not geodata", encoding="utf-8")
    with pytest.raises(PerimeterFileError, match="n'est pas un fichier géographique lisible"):
        import_perimeters(database, source)


def test_the_call_sources_database_keeps_its_own_perimeters(reference_path, tmp_path):
    database = tmp_path / "reference.sqlite"
    shutil.copyfile(reference_path, database)
    source = tmp_path / "qp2024.gpkg"
    write_anct_file(source, 2154)
    with pytest.raises(PerimeterFileError, match="ne se remplacent pas"):
        import_perimeters(database, source)


def test_build_with_perimetres_option(tmp_path, capsys):
    from qpvdesk.cli import main

    source = tmp_path / "QP2024.geojson"
    write_anct_file(source, 4326)
    target = tmp_path / "henin.sqlite"
    assert main(["build-data", "--epci", "246200299", "--out", str(target),
                 "--perimetres", str(source)]) == 0
    store = ReferenceStore(target)
    try:
        assert store.metadata()["perimeters"] == "partiels"
        assert len(store.qpv_markers()) == 9
        assert "fichier fourni : QP2024.geojson" in {e.source_path for e in store.provenance()}
    finally:
        store.close()
    bad = tmp_path / "bad.geojson"
    write_anct_file(bad, 4326, fields=["code_qp"])
    assert main(["build-data", "--epci", "246200299", "--out", str(tmp_path / "x.sqlite"),
                 "--perimetres", str(bad)]) == 2
    assert "il manque lib_qp, insee_com" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()


def test_building_after_spatialite_is_loaded_keeps_geos_and_proj_apart(call_without_perimeters,
                                                                        tmp_path):
    """The app opens its reference database before the assistant builds an EPCI: shapely and
    pyproj imported after mod_spatialite must still work and the process exit cleanly (it
    aborted at exit, and shapely refused to write WKB, before models/native_libraries.py)."""
    import subprocess
    import sys

    source = tmp_path / "qp2024.shp"
    write_anct_file(source, 2154)
    database = tmp_path / "reference.sqlite"
    shutil.copyfile(call_without_perimeters, database)
    script = (
        "from qpvdesk.models.spatialite import connect\n"
        f"connection = connect({str(call_without_perimeters)!r}, readonly=True)\n"
        "from qpvdesk.models.build.epci_builder import build_epci_database\n"
        "from qpvdesk.models.build.perimeters import import_perimeters\n"
        f"build_epci_database('249710047', {str(tmp_path / 'marie_galante.sqlite')!r})\n"
        f"print(len(import_perimeters({str(database)!r}, {str(source)!r}).imported))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert (result.returncode, result.stdout.strip()) == (0, "22"), result.stderr
