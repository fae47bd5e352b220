"""Exporting proposals to CSV, GeoJSON and GeoPackage, read back with pyogrio."""
from __future__ import annotations

import csv
import json
import re

import pytest
import shapely
from proposal_fixtures import EQUIPMENT_FIELDS, QPV, places, store  # noqa: F401

from qpvdesk.models.proposals import (EQUIPEMENT, PERIMETRE, QUARTIER_VECU, ProposalStore,
                                      export_proposals, gdal, import_proposals)
from qpvdesk.models.workspace import Workspace


@pytest.fixture
def filled(store, places):
    store.add(EQUIPEMENT, places.inside, {**EQUIPMENT_FIELDS, "author": "Mairie", "qpv_code": QPV,
                                          "contact": "pv@mairie.fr"})
    store.add(QUARTIER_VECU, places.square(places.inside, 150),
              {"title": "Quartier « vécu »; avec point-virgule", "qpv_code": QPV,
               "knowledge_source": "associations"})
    store.add(PERIMETRE, places.touching_square, {"qpv_code": QPV, "nature": "retrait",
                                                  "justification": "Zone d'activité"})
    gone = store.add(EQUIPEMENT, places.far, {**EQUIPMENT_FIELDS, "title": "Supprimé"})
    store.delete(gone.uuid)
    return store


@pytest.fixture
def out(tmp_path):
    """A folder of its own, to see that no temporary file is left behind."""
    folder = tmp_path / "export"
    folder.mkdir()
    return folder


def test_csv_for_spreadsheets(filled, out):
    path = export_proposals(filled.list(), out / "propositions.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Identifiant", "Type", "Titre"]
    assert header[-1] == "Géométrie (WKT, EPSG:2154)" and len(body) == 3
    records = [dict(zip(header, row)) for row in body]
    assert records[0]["Catégorie"] == "Santé" and records[0]["Statut"] == "Idée"
    assert records[0]["Contact"] == "pv@mairie.fr"
    assert records[1]["Titre"] == "Quartier « vécu »; avec point-virgule"
    assert records[2]["Nature de la demande"] == "Retrait"
    assert records[2]["Surface (ha)"] == "4"
    for record, proposal in zip(records, filled.list()):
        geometry = shapely.from_wkt(record["Géométrie (WKT, EPSG:2154)"])
        assert geometry.equals_exact(proposal.geometry, tolerance=0.001)
    assert list(out.iterdir()) == [path]


def test_geojson_is_rfc7946(filled, out):
    path = export_proposals(filled.list(), out / "propositions.geojson")
    assert list(out.iterdir()) == [path]
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    assert "crs" not in document and len(document["features"]) == 3
    assert not re.search(r"\d\.\d{8,}", text)
    lon, lat = document["features"][0]["geometry"]["coordinates"]
    assert 2.6 < lon < 3.1 and 50.3 < lat < 50.6
    assert document["features"][0]["properties"]["categorie"] == "sante"
    back = gdal.pyogrio().read_dataframe(path)
    assert back.crs.to_epsg() == 4326
    for geometry, proposal in zip(back.to_crs(2154).geometry, filled.list()):
        assert geometry.equals_exact(proposal.geometry, tolerance=0.05)


def test_geopackage_opens_with_one_layer_per_kind(filled, out):
    pyogrio = gdal.pyogrio()
    path = export_proposals(filled.list(), out / "propositions.gpkg")
    assert [list(layer) for layer in pyogrio.list_layers(path)] == [
        ["equipements", "Point"], ["quartiers_vecus", "Polygon"], ["perimetres", "Polygon"]]
    for layer, kind in (("equipements", EQUIPEMENT), ("quartiers_vecus", QUARTIER_VECU),
                        ("perimetres", PERIMETRE)):
        info = pyogrio.read_info(path, layer=layer)
        assert info["crs"] == "EPSG:2154" and info["features"] == 1
        frame = pyogrio.read_dataframe(path, layer=layer)
        proposal = filled.list(kind=kind)[0]
        assert frame.geometry[0].equals(proposal.geometry)
        assert frame["uuid"][0] == proposal.uuid
    equipment = pyogrio.read_dataframe(path, layer="equipements")
    assert (equipment["statut"][0], equipment["annee_horizon"][0]) == ("idee", 2028)
    assert "nature" not in equipment.columns
    assert list(out.iterdir()) == [path]


def test_export_replaces_a_file_and_refuses_unknown_formats(filled, tmp_path):
    path = tmp_path / "propositions.gpkg"
    export_proposals(filled.list(), path)
    export_proposals(filled.list(kind=EQUIPEMENT), path)
    counts = [gdal.pyogrio().read_info(path, layer=layer)["features"]
              for layer in ("equipements", "quartiers_vecus", "perimetres")]
    assert counts == [1, 0, 0]
    with pytest.raises(ValueError, match="non pris en charge"):
        export_proposals(filled.list(), tmp_path / "propositions.xlsx")
    assert not (tmp_path / "propositions.xlsx").exists()


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson"])
def test_exported_proposals_import_back_the_same(filled, reference, tmp_path, suffix):
    path = export_proposals(filled.list(), tmp_path / f"propositions{suffix}")
    other = Workspace(tmp_path / "autre.sqlite")
    received = ProposalStore(other, reference)
    report = import_proposals(received, path)
    assert report.refused == []
    fields = ("uuid", "kind", "title", "category", "status", "horizon_year", "qpv_code",
              "knowledge_source", "nature", "justification", "author", "contact", "communes")
    assert [[getattr(p, name) for name in fields] for p in received.list()] == [
        [getattr(p, name) for name in fields] for p in filled.list()]
    other.close()
