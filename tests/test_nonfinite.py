"""NaN and infinite coordinates: refused with their own French sentence wherever a shape comes
in — drawing and editing, every import format, a received package — never stored, never
blamed on the coordinate system, never a GEOS traceback."""
from __future__ import annotations

import struct
import warnings

import pytest
from bad_input_fixtures import LENS_LAT, LENS_LON, geojson, point_feature, square_feature
from package_fixtures import LENS, commune_key, lens_proposals, pdf_writer  # noqa: F401
from proposal_fixtures import QPV, count_rows, places, store  # noqa: F401
from shapely.geometry import Point, Polygon

from qpvdesk.models.proposals import (EQUIPEMENT, QUARTIER_VECU, InvalidProposal, gdal,
                                      import_proposals)
from qpvdesk.models.proposals.proposal import to_state, write_state

NAN, INF = float("nan"), float("inf")
NAN_TEXT = "non numériques (NaN)"
INF_TEXT = "coordonnées infinies"


def _square_with(places, corner: tuple[float, float]) -> Polygon:
    x, y = places.inside.x, places.inside.y
    return Polygon([(x, y), (x + 150, y), corner, (x, y + 150)])


@pytest.mark.parametrize("kind, shape, expected", [
    (EQUIPEMENT, lambda places: Point(NAN, NAN), NAN_TEXT),
    (EQUIPEMENT, lambda places: Point(places.inside.x, INF), INF_TEXT),
    (QUARTIER_VECU, lambda places: _square_with(places, (NAN, places.inside.y + 150)), NAN_TEXT),
    (QUARTIER_VECU, lambda places: _square_with(places, (-INF, places.inside.y)), INF_TEXT),
], ids=["NaN point", "infinite point", "NaN vertex", "infinite vertex"])
def test_drawing_refuses_them_and_stores_nothing(store, places, kind, shape, expected):
    fields = {"title": "Tracé perdu", "category": "sport", "status": "idee", "qpv_code": QPV}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)   # shapely's own note on NaN
        geometry = shape(places)
    validation = store.validate(kind, geometry, fields)
    assert [problem.field for problem in validation.errors] == ["geometry"]
    assert expected in validation.errors[0].message
    assert validation.repaired is None
    with pytest.raises(InvalidProposal):
        store.add(kind, geometry, fields)
    assert count_rows(store) == 0
    assert store.suggest_qpv(geometry) is None


def test_a_vertex_dragged_to_nan_leaves_the_proposal_as_it_was(store, places):
    square = places.square(places.inside)
    proposal = store.add(QUARTIER_VECU, square, {"title": "Cœur de quartier", "qpv_code": QPV})
    vertices = list(square.exterior.coords)[:-1]
    vertices[1] = (NAN, vertices[1][1])
    with pytest.raises(InvalidProposal, match=r"NaN"):
        store.edit_vertices(proposal.uuid, vertices)
    assert store.get(proposal.uuid).geometry.equals(square)
    assert len(store.history()) == 1


def _import(store, path, **options):
    report = import_proposals(store, path, **options)
    return [reason for outcome in report.refused for reason in outcome.reasons], report


def test_geojson_refuses_each_broken_feature_and_imports_the_rest(store, tmp_path):
    path = geojson(tmp_path / "mixte.geojson",
                   point_feature("Bon", LENS_LON, LENS_LAT),
                   point_feature("Infini", "Infinity", LENS_LAT),
                   square_feature("Sommet NaN", f"[NaN, {LENS_LAT}]"),
                   square_feature("Sommet infini", f"[{LENS_LON}, -Infinity]"))
    reasons, report = _import(store, path)
    assert [outcome.label for outcome in report.imported] == ["Bon"]
    assert len(reasons) == 3
    assert INF_TEXT in reasons[0] and NAN_TEXT in reasons[1] and INF_TEXT in reasons[2]
    assert not any("Lambert-93" in reason for reason in reasons)
    assert count_rows(store) == 1


def test_geopackage(store, places, tmp_path):
    import geopandas as gpd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        shapes = [_square_with(places, (NAN, places.inside.y + 150)),
                  _square_with(places, (INF, places.inside.y + 150)),
                  places.square(places.inside)]
    frame = gpd.GeoDataFrame({"titre": ["NaN", "Infini", "Bon"], "qpv": [QPV] * 3},
                             geometry=shapes, crs=2154)
    path = tmp_path / "sommets.gpkg"
    gdal.pyogrio().write_dataframe(frame, path, driver="GPKG")
    reasons, report = _import(store, path, kind=QUARTIER_VECU)
    assert [outcome.label for outcome in report.imported] == ["Bon"]
    assert NAN_TEXT in reasons[0] and INF_TEXT in reasons[1]


@pytest.mark.parametrize("coordinate, expected", [("nan", NAN_TEXT), ("inf", INF_TEXT)])
def test_kml(store, tmp_path, coordinate, expected):
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"Name": ["Kiosque"], "categorie": ["culture"]},
                             geometry=[Point(LENS_LON, LENS_LAT)], crs=4326)
    good = tmp_path / "bon.kml"
    gdal.pyogrio().write_dataframe(frame, good, driver="KML")
    text = good.read_text(encoding="utf-8")
    start = text.index("<coordinates>") + len("<coordinates>")
    end = text.index("</coordinates>")
    bad = tmp_path / "mauvais.kml"
    bad.write_text(text[:start] + f"{coordinate},{LENS_LAT}" + text[end:], encoding="utf-8")
    reasons, report = _import(store, bad)
    assert reasons and expected in reasons[0] and not report.imported


def test_shapefile(store, tmp_path):
    """A .shp whose doubles were overwritten with NaN and +inf (GDAL refuses to write them)."""
    import geopandas as gpd

    x, y = 687000.0, 7034000.0
    frame = gpd.GeoDataFrame({"titre": ["NaN", "Infini", "Bon"], "categorie": ["sport"] * 3},
                             geometry=[Point(x, y), Point(x + 10, y), Point(x + 20, y)],
                             crs=2154)
    path = tmp_path / "points.shp"
    gdal.pyogrio().write_dataframe(frame, path, driver="ESRI Shapefile")
    data = bytearray(path.read_bytes())
    record = 28   # 8-byte record header, shape type, x, y
    data[112:120] = struct.pack("<d", NAN)
    data[100 + record + 12:100 + record + 20] = struct.pack("<d", INF)
    path.write_bytes(bytes(data))
    reasons, report = _import(store, path)
    assert [outcome.label for outcome in report.imported] == ["Bon"]
    assert NAN_TEXT in reasons[0] and INF_TEXT in reasons[1]


def test_a_package_payload_with_nan_is_refused(lens_proposals, tmp_path):
    from dataclasses import replace

    from qpvdesk.models.package.archive import Refusal
    from qpvdesk.models.package.payload import read_geopackage
    from qpvdesk.models.proposals.exporter import write_geopackage

    def with_nan_vertex(item):
        xmin, ymin, xmax, ymax = item.geometry.bounds
        return Polygon([(xmin, ymin), (xmax, ymin), (NAN, ymax), (xmin, ymax)])

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        broken = [replace(item, geometry=with_nan_vertex(item)) if item.kind == QUARTIER_VECU
                  else item for item in lens_proposals]
    path = tmp_path / "propositions.gpkg"
    write_geopackage(broken, path)
    with pytest.raises(Refusal, match="géométrie"):
        read_geopackage(path.read_bytes())


def test_a_nan_point_stored_by_an_older_qpvdesk_stops_a_package_in_french(
        tmp_path, workspace, reference, commune_key, pdf_writer):
    from qpvdesk.models.package.bag import PackageError, Sender, write_package
    from qpvdesk.models.proposals import ProposalStore
    from qpvdesk.models.proposals.proposal import Proposal, now_iso

    stamp = now_iso()
    old = Proposal("22222222-0000-4000-8000-000000000001", EQUIPEMENT, Point(NAN, NAN),
                   title="Point perdu", category="sport", status="idee", created=stamp,
                   modified=stamp)
    with workspace.transaction():   # as qpvdesk stored it before NaN was refused
        write_state(workspace.conn, to_state(old))
    proposals = ProposalStore(workspace, reference).list()
    target = tmp_path / "lens.qpvpkg"
    with pytest.raises(PackageError, match="« Point perdu » n'a pas de géométrie utilisable"):
        write_package(proposals, Sender(LENS, "Commune de Lens", "", ""), commune_key[0],
                      target, pdf_writer)
    assert not target.exists()
