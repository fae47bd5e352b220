"""France's metropolitan communes as one map layer, for the national view.

The polygons come from the national data pack (communes_cog2026_simplifie.geojson, WGS 84).
They are written once to a SpatiaLite database of their own — Lambert-93, a geometry column
registered and a spatial index, like the reference database's layers, so that QGIS opens the
same table. The flat arrays the map draws from (geometry_arrays.GeometryArrays, no shapely
geometries kept: 34,739 features, 2.15 M vertices) are written beside it, decoded once from that
table's own WKB: loading them is reading a few blobs (about 0.35 s of WKB decoding less before
the national view's first frame).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..build.national_pack import NationalPack
from ..spatialite import connect, sqlite_module
from .geometry_arrays import GeometryArrays, borders_once
from .layers import WKB_CHUNK, FeatureLayer
from .projections import LAMBERT93, WGS84, Transformer
from .styles import LayerInfo, Symbol

COMMUNES_FILE = "communes_epci_contours/communes_cog2026_simplifie.geojson"
TABLE = "commune_france"
DATABASE_NAME = "communes_france.sqlite"
NATIONAL_INFO = LayerInfo("communes_france", "Communes de France métropolitaine", "polygon",
                          "Découpages")
# Each border is stroked once (outline_joins): 0.84 px draws in one pass what two strokes of
# 0.6 px drew where neighbours each drew their own ring (1 - 0.4², dense views' hairline).
NATIONAL_SYMBOL = Symbol("polygon", "#f0ebe0", "#6e6e6e", 0.84)
OVERSEAS_PREFIX = "97"    # départements d'outre-mer: another projection, not on this map
LAYER_QUERY = f"SELECT insee, name, AsBinary(geom) FROM {TABLE} ORDER BY insee"
# The communes tile France: their union, written with them, is filled once instead of each
# commune (the same pixels; a 1 % view of France: about 9 of 25 ms were those fills).
COVER_TABLE = "commune_france_union"
COVER_QUERY = f"SELECT AsBinary(geom) FROM {COVER_TABLE}"
# The communes' flat arrays and extents, one row each, in the table's insee order.
ARRAYS_TABLE = "commune_france_arrays"
GEOMETRY_FIELDS = ("coords", "continues", "vertex_start", "ring_start", "part_of_ring",
                   "feature_of_part")
ARRAY_FIELDS = (*GEOMETRY_FIELDS, "extents", "outline_joins")
# ... and the communes' codes and names in that order, joined by UNIT SEPARATOR
TEXT_FIELDS = ("keys", "labels")
SEPARATOR = "\x1f"
# What a database written by this code holds; another value (an older file) is rebuilt.
LAYOUT = "4: communes, their union, their flat arrays and their borders once"


def _source_sha256(pack: NationalPack) -> str:
    return pack.manifest[COMMUNES_FILE]["sha256"]


def national_communes(folder: Path, pack: NationalPack | None = None) -> FeatureLayer:
    """The communes layer from the database in `folder` (communes_database). A database that
    does not load although it records how it was built (damaged since) is written again from
    the pack, once: it is a copy of the pack's data, never the user's own."""
    path = communes_database(folder, pack)
    try:
        return load_national_communes(path)
    except (sqlite_module().DatabaseError, ValueError, KeyError):
        return load_national_communes(communes_database(folder, pack, rewrite=True))


def communes_database(folder: Path, pack: NationalPack | None = None,
                      rewrite: bool = False) -> Path:
    """The SpatiaLite file of the metropolitan communes in `folder`, written from the pack the
    first time (about 10 s) and again only when the pack's file changes (or `rewrite`)."""
    pack = pack or NationalPack()
    path = Path(folder) / DATABASE_NAME
    if (not rewrite and path.is_file()
            and _built_from(path) == (_source_sha256(pack), LAYOUT)):
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
        # large pages: the arrays' blobs (40 MB) are read in 16 times fewer overflow pages
        conn.execute("PRAGMA page_size = 65536")
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
        _write_arrays(conn)
        conn.execute("INSERT INTO build_info VALUES ('source', ?), ('source_sha256', ?), "
                     "('layout', ?)", (pack.relative(COMMUNES_FILE), _source_sha256(pack),
                                       LAYOUT))
        conn.commit()
        conn.execute("SELECT UpdateLayerStatistics()")
        conn.commit()
    finally:
        conn.close()


def _write_arrays(conn) -> None:
    """The flat arrays of the communes, decoded from the table's WKB as a layer loaded from
    it would be, one blob per array."""
    cursor = conn.execute(LAYER_QUERY)
    layer = FeatureLayer.from_rows(NATIONAL_INFO, iter(lambda: cursor.fetchmany(WKB_CHUNK), []))
    arrays = layer.lod_for(0.0)
    conn.execute(f"CREATE TABLE {ARRAYS_TABLE} (name TEXT PRIMARY KEY, dtype TEXT NOT NULL, "
                 "shape TEXT NOT NULL, data BLOB NOT NULL)")
    values = {**{name: getattr(arrays, name) for name in GEOMETRY_FIELDS},
              "extents": layer.extents, "outline_joins": borders_once(arrays)}
    conn.executemany(f"INSERT INTO {ARRAYS_TABLE} VALUES (?, ?, ?, ?)",
                     [(name, value.dtype.str, json.dumps(value.shape), value.tobytes())
                      for name, value in values.items()]
                     + [(name, "text", json.dumps([len(layer)]),
                         SEPARATOR.join(getattr(layer, name)).encode("utf-8"))
                        for name in TEXT_FIELDS])


def load_national_communes(path: Path) -> FeatureLayer:
    """The communes layer, read from the database `communes_database` wrote: its flat
    arrays as they were written (read-only, no copy), its names from the table."""
    conn = connect(path, readonly=True)
    try:
        stored = {name: (data.decode("utf-8").split(SEPARATOR) if dtype == "text"
                         else np.frombuffer(data, np.dtype(dtype)).reshape(json.loads(shape)))
                  for name, dtype, shape, data in conn.execute(
                      f"SELECT name, dtype, shape, data FROM {ARRAYS_TABLE}")}
        keys, labels = stored["keys"], stored["labels"]
        arrays = GeometryArrays(*(stored[name] for name in GEOMETRY_FIELDS), True)
        _check(arrays, stored["extents"], keys, labels, path)
        if len(stored["outline_joins"]) != len(arrays.coords):
            raise ValueError(f"{path}: the communes' borders do not match their vertices")
        layer = FeatureLayer(NATIONAL_INFO, keys, labels, None, arrays=arrays,
                             extents=stored["extents"])
        layer.outline_joins = stored["outline_joins"]
        layer.cover = GeometryArrays.from_wkb([row[0] for row in conn.execute(COVER_QUERY)])
        return layer
    finally:
        conn.close()


def _check(arrays: GeometryArrays, extents: np.ndarray, keys: list[str], labels: list[str],
           path: Path) -> None:
    """Arrays that do not fit together (a file changed behind this code's back) are refused
    before anything indexes past their ends."""
    features = len(keys)
    vertices, rings = len(arrays.coords), len(arrays.ring_start) - 1
    fits = (len(arrays.vertex_start) == features + 1 and extents.shape == (features, 4)
            and len(arrays.continues) == vertices and len(labels) == features
            and int(arrays.vertex_start[-1]) == int(arrays.ring_start[-1]) == vertices
            and len(arrays.part_of_ring) == rings
            and bool(np.all(np.diff(arrays.ring_start) >= 0)))
    if not fits:
        raise ValueError(f"{path}: the communes' arrays do not match their table")
