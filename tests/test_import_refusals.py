"""What an import says about a file a user actually has: a huge title, a NUL in a text, a
folder, a Shapefile without its .dbf, an equipment project without a status."""
from __future__ import annotations

import json
import sqlite3

import pytest
from bad_input_fixtures import LENS_LAT, LENS_LON, geojson, point_feature
from proposal_fixtures import count_rows, places, store  # noqa: F401

from qpvdesk.models.proposals import ImportFileError, gdal, import_proposals


def test_a_one_megabyte_title_is_not_echoed_back(store, tmp_path):
    title = "Gymnase " + "très " * 200_000
    path = geojson(tmp_path / "long.geojson", point_feature(title, LENS_LON, LENS_LAT,
                                                          statut="n'importe quoi " * 1000))
    report = import_proposals(store, path)
    line = report.outcomes[0].line()
    assert f"ne doit pas dépasser 120 caractères (il en a {len(title.strip())})" in line
    assert "Valeur inconnue pour « Statut »" in line
    assert len(line) < 600 and "Gymnase très très" in line and "…" in line
    assert count_rows(store) == 0


def test_control_characters_in_a_title_are_not_echoed_raw(store):
    validation = store.validate("equipement", None, {"title": "Salle\x00cachée",
                                                      "category": "sport\nbis"})
    messages = " ".join(validation.messages())
    assert "caractère de contrôle" in messages
    assert "\n" not in messages and "\x00" not in messages and "« sport bis »" in messages


def test_a_nul_in_a_geojson_title_refuses_the_feature_not_cuts_it(store, tmp_path):
    path = tmp_path / "nul.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ['
                    + point_feature("Salle", LENS_LON, LENS_LAT).replace(
                        '"Salle"', '"Salle\\u0000 cachée"') + ", "
                    + point_feature("Préau", LENS_LON + 0.001, LENS_LAT) + "]}",
                    encoding="utf-8")
    report = import_proposals(store, path)
    assert [outcome.label for outcome in report.imported] == ["Préau"]
    assert "caractère nul" in report.refused[0].reasons[0]
    assert [item.title for item in store.list()] == ["Préau"]


def test_a_nul_in_a_geopackage_text_refuses_the_feature(store, places, tmp_path):
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"titre": ["Salle cachée", "Préau"],
                              "categorie": ["sport", "culture"]},
                             geometry=[places.inside, places.near], crs=2154)
    path = tmp_path / "nul.gpkg"
    gdal.pyogrio().write_dataframe(frame, path, driver="GPKG", layer="apports",
                                   layer_options={"SPATIAL_INDEX": "NO"})
    conn = sqlite3.connect(path)   # GDAL itself would cut the text at the NUL
    conn.execute("UPDATE apports SET titre = ? WHERE titre = 'Salle cachée'",
                 ("Salle\x00 cachée",))
    conn.commit()
    conn.close()
    report = import_proposals(store, path)
    assert [outcome.label for outcome in report.imported] == ["Préau"]
    assert report.refused and "caractère nul" in report.refused[0].reasons[0]


def test_a_folder_is_said_to_be_a_folder(store, tmp_path):
    with pytest.raises(ImportFileError, match="est un dossier"):
        import_proposals(store, tmp_path)


@pytest.mark.parametrize("missing, said", [(".dbf", "attributs"), (".shx", "index")])
def test_a_shapefile_without_its_companion_names_it(store, places, tmp_path, missing, said):
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"titre": ["Piscine"], "categorie": ["sport"]},
                             geometry=[places.inside], crs=2154)
    gdal.pyogrio().write_dataframe(frame, tmp_path / "piscine.shp", driver="ESRI Shapefile")
    (tmp_path / f"piscine{missing}").unlink()
    with pytest.raises(ImportFileError) as refused:
        import_proposals(store, tmp_path / "piscine.shp")
    assert f"piscine{missing} manque à côté de piscine.shp" in str(refused.value)
    assert said in str(refused.value)
    assert count_rows(store) == 0


def test_equipment_without_a_status_is_an_idea_with_a_warning(store, tmp_path):
    feature = json.loads(point_feature("Jardin partagé", LENS_LON, LENS_LAT))
    del feature["properties"]["statut"]
    path = tmp_path / "sans_statut.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}),
                    encoding="utf-8")
    report = import_proposals(store, path)
    assert len(report.imported) == 1
    assert "Statut absent : « Idée » retenu." in report.imported[0].warnings
    assert "attention : Statut absent" in report.imported[0].line()
    assert store.list()[0].status == "idee"


def test_a_status_that_is_wrong_is_still_refused(store, tmp_path):
    path = geojson(tmp_path / "statut.geojson",
                   point_feature("Jardin", LENS_LON, LENS_LAT, statut="peut-être"))
    report = import_proposals(store, path)
    assert "Valeur inconnue pour « Statut » : « peut-être »" in report.refused[0].reasons[0]
