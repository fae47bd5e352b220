"""France's metropolitan communes as one map layer, for the national view.

The polygons come from the national data pack (communes_cog2026_simplifie.geojson, WGS 84).
They are written once to a SpatiaLite database of their own — Lambert-93, a geometry column
registered and a spatial index, like the reference database's layers, so that QGIS opens the
same table — and loaded from there the way reference layers are: WKB decoded a chunk at a time
straight into flat arrays, no shapely geometries kept (34,739 features).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..build.national_pack import NationalPack
from ..spatialite import connect
from .geometry_arrays import GeometryArrays
from .layers import WKB_CHUNK, FeatureLayer
from .projections import LAMBERT93, WGS84, Transformer
from .styles import LayerInfo, Symbol

COMMUNES_FILE = "communes_epci_contours/communes_cog2026_simplifie.geojson"
TABLE = "commune_france"
DATABASE_NAME = "communes_france.sqlite"
NATIONAL_INFO = LayerInfo("communes_france", "Communes de France métropolitaine", "polygon",
                          "Découpages")
NATIONAL_SYMBOL = Symbol("polygon", "#f0ebe0", "#6e6e6e", 0.6)
OVERSEAS_PREFIX = "97"    # départements d'outre-mer: another projection, not on this map
LAYER_QUERY = f"SELECT insee, name, AsBinary(geom) FROM {TABLE} ORDER BY insee"
# The communes tile France: their union, written with them, is filled once instead of each
# commune (the same pixels; a 1 % view of France: about 9 of 25 ms were those fills).
COVER_TABLE = "commune_france_union"
COVER_QUERY = f"SELECT AsBinary(geom) FROM {COVER_TABLE}"
# What a database written by this code holds; another value (an older file) is rebuilt.
LAYOUT = "2: communes and their union"


def _source_sha256(pack: NationalPack) -> str:
    return pack.manifest[COMMUNES_FILE]["sha256"]


def communes_database(folder: Path, pack: NationalPack | None = None) -> Path:
    """The SpatiaLite file of the metropolitan communes in `folder`, written from the pack the
    first time (about 10 s) and again only when the pack's file changes."""
    pack = pack or NationalPack()
    path = Path(folder) / DATABASE_NAME
    if path.is_file() and _built_from(path) == (_source_sha256(pack), LAYOUT):
        return path
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        _write(partial, pack)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _built_from(path: Path) -> tuple[str | None, str | None] | None:
    try:
        conn = connect(path, readonly=True)
    except Exception:  # noqa: BLE001 (an unreadable file is rebuilt)
        return None
    try:
        info = dict(conn.execute("SELECT key, value FROM build_info").fetchall())
        return info.get("source_sha256"), info.get("layout")
    except Exception:  # noqa: BLE001
        return None
    finally:
        conn.close()


def _write(path: Path, pack: NationalPack) -> None:
    import shapely

    data = pack.data(COMMUNES_FILE)
    features = json.loads(data)["features"]
    metropolitan = [feature for feature in features
                    if not feature["properties"]["dep"].startswith(OVERSEAS_PREFIX)]
    geometries = shapely.from_geojson([json.dumps(feature["geometry"])
                                       for feature in metropolitan])
    to_lambert93 = Transformer(WGS84, LAMBERT93)
    projected = shapely.transform(geometries, lambda xy: np.column_stack(
        to_lambert93.transform(xy[:, 0], xy[:, 1])))
    parts, owner = shapely.get_parts(projected, return_index=True)
    projected = shapely.multipolygons(parts, indices=owner)
    conn = connect(path)
    try:
        conn.execute("SELECT InitSpatialMetadata(1, 'NONE')")
        conn.execute("SELECT InsertEpsgSrid(?)", (LAMBERT93,))
        conn.execute(f"CREATE TABLE {TABLE} (insee TEXT PRIMARY KEY, name TEXT NOT NULL, "
                     "dep TEXT NOT NULL, siren_epci TEXT, population INTEGER)")
        conn.execute("SELECT AddGeometryColumn(?, 'geom', ?, 'MULTIPOLYGON', 'XY', 1)",
                     (TABLE, LAMBERT93))
        conn.execute("CREATE TABLE build_info (key TEXT PRIMARY KEY, value TEXT)")
        conn.executemany(
            f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?, ?, GeomFromWKB(?, {LAMBERT93}))",
            [(props["insee_com"], props["nom_com"], props["dep"], props.get("siren_epci"),
              props.get("population_municipale"), wkb)
             for props, wkb in zip((feature["properties"] for feature in metropolitan),
                                   shapely.to_wkb(projected).tolist())])
        conn.execute("SELECT CreateSpatialIndex(?, 'geom')", (TABLE,))
        conn.execute(f"CREATE TABLE {COVER_TABLE} (part INTEGER PRIMARY KEY)")
        conn.execute("SELECT AddGeometryColumn(?, 'geom', ?, 'POLYGON', 'XY', 1)",
                     (COVER_TABLE, LAMBERT93))
        cover = shapely.get_parts(shapely.coverage_union_all(projected))
        conn.executemany(f"INSERT INTO {COVER_TABLE} VALUES (?, GeomFromWKB(?, {LAMBERT93}))",
                         enumerate(shapely.to_wkb(cover).tolist()))
        conn.execute("INSERT INTO build_info VALUES ('source', ?), ('source_sha256', ?), "
                     "('layout', ?)", (pack.relative(COMMUNES_FILE), _source_sha256(pack),
                                       LAYOUT))
        conn.commit()
        conn.execute("SELECT UpdateLayerStatistics()")
        conn.commit()
    finally:
        conn.close()


def load_national_communes(path: Path) -> FeatureLayer:
    """The communes layer, read from the database `communes_database` wrote, a chunk of rows
    at a time."""
    conn = connect(path, readonly=True)
    try:
        cursor = conn.execute(LAYER_QUERY)
        layer = FeatureLayer.from_rows(NATIONAL_INFO, iter(lambda: cursor.fetchmany(WKB_CHUNK),
                                                           []))
        layer.cover = GeometryArrays.from_wkb([row[0] for row in conn.execute(COVER_QUERY)])
        return layer
    finally:
        conn.close()
