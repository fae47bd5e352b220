"""Small real files the self-test feeds to qpvdesk: proposals in each import format, written
through GDAL as a user's GIS would (the MBTiles basemap comes from ../synthetic_mbtiles.py).

Every sample is made at test time from the reference database (a place inside a real QPV), so
that nothing but the bundle itself is needed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import box

# (driver, suffix, CRS the file is written in): each format in the CRS users send it in.
IMPORT_FORMATS = {
    "GeoJSON": ("GeoJSON", ".geojson", "EPSG:4326"),
    "GeoPackage": ("GPKG", ".gpkg", "EPSG:2154"),
    "KML": ("KML", ".kml", "EPSG:4326"),
    "Shapefile": ("ESRI Shapefile", ".shp", "EPSG:3857"),
}
# (title, kind, attributes): what a commune's GIS sends, with French column names.
SAMPLE_FEATURES = (
    ("Maison de santé (auto-test)", "equipement", {"categorie": "sante", "statut": "idee"}),
    ("Jardins partagés (auto-test)", "quartier_vecu", {}),
)
# A Shapefile holds one geometry type: the polygon alone.
POLYGONS_ONLY = {"Shapefile"}


@dataclass(frozen=True)
class Place:
    qpv_code: str
    inside: shapely.Point          # Lambert-93, inside the QPV
    lon: float
    lat: float


def place_in_a_qpv(reference) -> Place:
    """A point inside the first QPV (by code) and its longitude/latitude through SpatiaLite."""
    code, wkb, lon, lat = reference.conn.execute(
        "SELECT code, AsBinary(geom), X(Transform(PointOnSurface(geom), 4326)), "
        "Y(Transform(PointOnSurface(geom), 4326)) FROM qpv ORDER BY code LIMIT 1").fetchone()
    inside = shapely.from_wkb(wkb).representative_point()
    return Place(code, inside, lon, lat)


def write_proposal_file(folder: Path, file_format: str, place: Place) -> tuple[Path, list]:
    """The sample features (an equipment point, a « quartier vécu » square) inside the QPV,
    in ``file_format``; returns the file and the (title, kind) pairs it holds."""
    import geopandas as gpd

    from ...models.proposals import gdal

    driver, suffix, crs = IMPORT_FORMATS[file_format]
    x, y = place.inside.x, place.inside.y
    shapes = {"equipement": place.inside, "quartier_vecu": box(x - 60, y - 60, x + 60, y + 60)}
    features = [feature for feature in SAMPLE_FEATURES
                if file_format not in POLYGONS_ONLY or feature[1] != "equipement"]
    frame = gpd.GeoDataFrame(
        [{"titre": title, "type": kind, "qpv": place.qpv_code, **attributes}
         for title, kind, attributes in features],
        geometry=[shapes[kind] for _, kind, _ in features], crs="EPSG:2154")
    path = folder / f"propositions{suffix}"
    gdal.pyogrio().write_dataframe(frame.to_crs(crs), path, driver=driver)
    return path, [(title, kind) for title, kind, _ in features]
