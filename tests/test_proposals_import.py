"""Importing proposals from GeoJSON, GeoPackage, KML and Shapefile files made here."""
from __future__ import annotations

import pytest
from proposal_fixtures import QPV, count_rows, places, store  # noqa: F401
from shapely.geometry import Point

from qpvdesk.models.proposals import (EQUIPEMENT, PERIMETRE, QUARTIER_VECU, ImportFileError,
                                      gdal, import_proposals)

TITLE_MISSING = "Le champ « Titre » est obligatoire."
CROSSING = "Le contour se recoupe lui-même : une forme corrigée est proposée."


def features(places) -> list[dict]:
    """Three valid features and two to refuse, French and English attribute names mixed."""
    return [
        {"title": "Health centre", "category": "health", "status": "planned", "year": 2027,
         "geometry": places.inside},
        {"titre": "Vie du quartier", "qpv": "QP062002", "connaissance": "Ateliers d'habitants",
         "description": "Écoles, commerces, arrêt de bus",
         "geometry": places.square(places.inside, 120)},
        {"type": "perimetre", "qpv": QPV, "nature": "ajout",
         "justification": "La rue voisine vit avec la cité", "geometry": places.touching_square},
        {"category": "sport", "status": "idee", "geometry": Point(places.inside.x + 20,
                                                                  places.inside.y)},
        {"titre": "Contour noué", "qpv": QPV, "geometry": places.bow_tie(places.inside)},
    ]


def frame(rows: list[dict], crs: int = 2154):
    import geopandas as gpd

    data = gpd.GeoDataFrame([{k: v for k, v in row.items() if k != "geometry"} for row in rows],
                            geometry=[row["geometry"] for row in rows], crs=2154)
    return data.to_crs(crs)


def shapefile_names(rows: list[dict]) -> list[dict]:
    """Column names cut to 10 characters, as Shapefile stores them."""
    return [{key[:10]: value for key, value in row.items()} for row in rows]


def write(data, path, **options):
    gdal.pyogrio().write_dataframe(data, path, **options)
    return path


def check_report(store, report, refused_numbers=(4, 5)):
    assert [outcome.imported for outcome in report.outcomes] == [
        number not in refused_numbers for number in range(1, 6)]
    refused = {outcome.number: outcome.reasons for outcome in report.refused}
    assert refused == {refused_numbers[0]: (TITLE_MISSING,), refused_numbers[1]: (CROSSING,)}
    proposals = {proposal.title: proposal for proposal in store.list()}
    assert set(proposals) == {"Health centre", "Vie du quartier", ""}
    health = proposals["Health centre"]
    assert (health.kind, health.category, health.status, health.horizon_year,
            health.qpv_code) == (EQUIPEMENT, "sante", "programme", 2027, QPV)
    lived = proposals["Vie du quartier"]
    assert (lived.kind, lived.qpv_code, lived.knowledge_source) == (
        QUARTIER_VECU, QPV, "ateliers_habitants")
    assert lived.description == "Écoles, commerces, arrêt de bus"
    perimeter = proposals[""]
    assert (perimeter.kind, perimeter.nature) == (PERIMETRE, "ajout")
    assert perimeter.geometry.area == pytest.approx(40_000, rel=1e-3)
    assert store.history() == [(1, f"Import de 3 propositions ({report.path.name})", True)]
    assert report.step.seq == 1 and "2 refusée(s)" in report.summary()
    assert "Contour noué" in report.refused[-1].line()
    store.undo()
    assert store.list(include_deleted=True) == []


def test_geojson_in_wgs84(store, places, tmp_path):
    path = write(frame(features(places), 4326), tmp_path / "apports.geojson", driver="GeoJSON")
    check_report(store, import_proposals(store, path))


def test_geopackage_with_two_layers_in_lambert93(store, places, tmp_path):
    rows = features(places)
    path = tmp_path / "apports.gpkg"
    write(frame([rows[0], rows[3]]), path, layer="points")
    write(frame([rows[1], rows[2], rows[4]]), path, layer="surfaces")
    report = import_proposals(store, path)
    assert [(outcome.layer, outcome.number) for outcome in report.refused] == [
        ("points", 2), ("surfaces", 3)]
    assert len(report.imported) == 3 and len(store.list()) == 3


def test_kml(store, places, tmp_path):
    path = write(frame(features(places), 4326), tmp_path / "apports.kml", driver="KML")
    check_report(store, import_proposals(store, path))


def test_shapefile_with_truncated_names(store, places, tmp_path):
    rows = features(places)
    polygons = [rows[1], rows[2], {"qpv": QPV, "geometry": places.square(places.inside, 60)},
                rows[4]]
    path = write(frame(shapefile_names(polygons), 3857), tmp_path / "apports.shp")
    report = import_proposals(store, path)
    assert [outcome.reasons for outcome in report.outcomes] == [
        (), (), (TITLE_MISSING,), (CROSSING,)]
    assert {p.kind for p in store.list()} == {QUARTIER_VECU, PERIMETRE}
    assert store.list(kind=QUARTIER_VECU)[0].knowledge_source == "ateliers_habitants"
    assert store.list(kind=PERIMETRE)[0].justification == "La rue voisine vit avec la cité"


def test_forced_kind_and_commune(store, places, tmp_path):
    rows = features(places)
    path = write(frame([rows[0], {**rows[0], "title": "Loin", "geometry": places.far}], 4326),
                 tmp_path / "points.geojson", driver="GeoJSON")
    forced = import_proposals(store, path, kind=QUARTIER_VECU)
    assert forced.imported == [] and forced.step is None
    assert "doit être un polygone" in forced.outcomes[0].reasons[0]
    commune = store.territory.commune_codes(places.inside)[0]
    report = import_proposals(store, path, commune=commune)
    assert [outcome.imported for outcome in report.outcomes] == [True, False]
    assert report.refused[0].reasons[0].startswith("En dehors de la commune de")
    assert store.history()[-1][1] == "Import d'une proposition (points.geojson)"
    with pytest.raises(ImportFileError, match="Commune inconnue"):
        import_proposals(store, path, commune="99999")


def test_identifiers_are_kept_and_duplicates_refused(store, places, tmp_path):
    uuid = "5b0f8a84-8a4e-4c5a-9d64-2f1f7cb1f0a1"
    rows = [{**features(places)[0], "uuid": uuid}]
    path = write(frame(rows, 4326), tmp_path / "one.geojson", driver="GeoJSON")
    assert import_proposals(store, path).outcomes[0].uuid == uuid
    again = import_proposals(store, path)
    assert again.refused[0].reasons == (f"Proposition déjà présente (identifiant {uuid}).",)
    assert count_rows(store) == 1


@pytest.mark.parametrize("name, content, message", [
    ("garbage.geojson", b"{ ceci n'est pas du GeoJSON", "illisible"),
    ("garbage.gpkg", b"\x00\x01binary junk" * 50, "illisible"),
    ("garbage.kml", b"<kml><oops", "illisible"),
    ("empty.geojson", b'{"type": "FeatureCollection", "features": []}', "aucun objet"),
    ("notes.txt", b"titre;x;y", "Format non pris en charge"),
    ("lambert.geojson", b'{"type": "FeatureCollection", "features": [{"type": "Feature", '
                        b'"properties": {}, "geometry": {"type": "Point", '
                        b'"coordinates": [683000, 7034000]}}]}', "longitudes/latitudes"),
])
def test_a_bad_file_changes_nothing(store, places, tmp_path, name, content, message):
    store.add(EQUIPEMENT, places.inside, {"title": "Déjà là", "category": "sport",
                                          "status": "idee"})
    before = (store.list(), store.history())
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        import_proposals(store, path)
    assert (store.list(), store.history()) == before


def test_shapefile_without_projection_is_refused(store, places, tmp_path):
    path = write(frame(shapefile_names(features(places)[1:3])), tmp_path / "sans_prj.shp")
    path.with_suffix(".prj").unlink()
    with pytest.raises(ImportFileError, match="système de coordonnées"):
        import_proposals(store, path)
    assert count_rows(store) == 0
