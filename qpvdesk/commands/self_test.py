"""`qpvdesk --self-test`: check that this install (or frozen bundle) works, with no window.

Opens the reference database read-only with SpatiaLite, runs a query through a spatial index
and a reprojection (PROJ's proj.db), writes and reads a GeoPackage through pyogrio's GDAL,
renders a snapshot offscreen and round-trips a minisign signature. Prints « self-test: OK »
and returns 0, or prints one line naming the step that failed and returns 1. Meant as the
smoke check of a packaged build (`dist/qpvdesk/qpvdesk --self-test`).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Communes crossed by each QPV, found through the commune R*Tree (idx_commune_geom) first.
SPATIAL_INDEX_QUERY = """
SELECT count(*) FROM qpv AS q JOIN commune AS c
  ON c.ROWID IN (SELECT pkid FROM idx_commune_geom
                 WHERE xmin <= MbrMaxX(q.geom) AND xmax >= MbrMinX(q.geom)
                   AND ymin <= MbrMaxY(q.geom) AND ymax >= MbrMinY(q.geom))
WHERE ST_Intersects(q.geom, c.geom)
"""
# Lambert-93 -> WGS 84 needs PROJ to find EPSG:2154 in its proj.db.
PROJ_QUERY = "SELECT X(Transform(Centroid(geom), 4326)), Y(Transform(Centroid(geom), 4326)) " \
             "FROM epci LIMIT 1"


class SelfTestFailure(Exception):
    """A check ran but its result is wrong."""


def _database(args: argparse.Namespace) -> None:
    from ..models.reference import ReferenceStore

    store = ReferenceStore(args.reference)
    try:
        versions = store.versions()
        counts = store.counts()
        print(f"  database {store.path}")
        print("  " + ", ".join(f"{key} {value}" for key, value in versions.items()))
        print("  counts: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
        if not counts.get("qpv") or not counts.get("communes"):
            raise SelfTestFailure("no QPV or no commune in the reference database")
        try:
            store.conn.execute("CREATE TABLE self_test_write (x)")
        except Exception:  # noqa: BLE001 - any refusal is what we want
            pass
        else:
            raise SelfTestFailure("the reference database is not read-only")
    finally:
        store.close()


def _spatial(args: argparse.Namespace) -> None:
    from ..models.reference import ReferenceStore

    store = ReferenceStore(args.reference)
    try:
        enabled = store.conn.execute(
            "SELECT spatial_index_enabled FROM geometry_columns "
            "WHERE f_table_name = 'commune' AND f_geometry_column = 'geom'").fetchone()
        if not enabled or enabled[0] != 1:
            raise SelfTestFailure("no spatial index on commune.geom")
        pairs = store.conn.execute(SPATIAL_INDEX_QUERY).fetchone()[0]
        if pairs < 1:
            raise SelfTestFailure("the spatial-index query found no QPV/commune pair")
        lon, lat = store.conn.execute(PROJ_QUERY).fetchone()
        if lon is None or not (1.0 < lon < 4.0 and 49.5 < lat < 51.5):
            raise SelfTestFailure(f"Transform(…, 4326) gave {lon}, {lat} (PROJ data missing?)")
        print(f"  {pairs} QPV/commune pairs through the R*Tree; EPCI centroid "
              f"{lon:.4f}, {lat:.4f} (WGS 84)")
    finally:
        store.close()


def _geopackage(args: argparse.Namespace, folder: Path) -> None:
    import numpy as np
    import shapely

    from ..models.proposals.gdal import pyogrio as load_pyogrio

    pyogrio = load_pyogrio()
    from pyogrio import raw  # after load_pyogrio(): libgdal is already loaded its way
    path = folder / "self_test.gpkg"
    points = shapely.points([[685000.0, 7035000.0], [686000.0, 7036000.0]])
    raw.write(str(path), geometry=shapely.to_wkb(points), geometry_type="Point",
                  field_data=[np.array(["a", "b"], dtype=object)], fields=["name"],
                  crs="EPSG:2154", driver="GPKG", layer="points")
    meta, _fids, geometry, field_data = raw.read(str(path), layer="points")
    names = [str(name) for name in field_data[0]]
    if len(geometry) != 2 or names != ["a", "b"] or "2154" not in str(meta.get("crs")):
        raise SelfTestFailure(f"GeoPackage read back wrong: {names}, crs {meta.get('crs')}")
    print(f"  GDAL {pyogrio.__gdal_version_string__}, pyogrio {pyogrio.__version__}: "
          f"GeoPackage written and read back")


def _snapshot(args: argparse.Namespace, folder: Path) -> None:
    from PySide6.QtGui import QImage

    from ..models.reference import ReferenceStore
    from ..render.renderer import render_map
    from .map_setup import headless_application, map_composer, territory_viewport

    app = headless_application()  # noqa: F841 (keeps Qt's painting alive)
    store = ReferenceStore(args.reference)
    try:
        composer = map_composer(store)
        image = render_map(composer(territory_viewport(composer, 400, 250)))
    finally:
        store.close()
    path = folder / "self_test.png"
    if not image.save(str(path), "PNG"):
        raise SelfTestFailure(f"cannot write {path}")
    loaded = QImage(str(path))
    if loaded.isNull() or (loaded.width(), loaded.height()) != (400, 250):
        raise SelfTestFailure("the PNG written cannot be read back")
    colours = {loaded.pixel(x, y) for x in range(0, 400, 4) for y in range(0, 250, 4)}
    if len(colours) < 4:
        raise SelfTestFailure(f"the snapshot is blank ({len(colours)} colours)")
    print(f"  snapshot 400×250 PNG, {len(colours)} colours sampled "
          f"(platform {app.platformName()})")


def _minisign(args: argparse.Namespace) -> None:
    from ..models.package import minisign

    secret, public = minisign.generate_keypair()
    data = b"qpvdesk self-test\n"
    signature = minisign.sign(secret, data, "self-test")
    if minisign.verify(public, data, signature) != "self-test":
        raise SelfTestFailure("the trusted comment did not round-trip")
    try:
        minisign.verify(public, data + b"x", signature)
    except minisign.SignatureError:
        pass
    else:
        raise SelfTestFailure("a signature of altered data was accepted")
    print(f"  minisign signature verified (key {public.key_id_hex})")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    frozen = "frozen" if getattr(sys, "frozen", False) else "not frozen"
    print(f"qpvdesk self-test ({frozen}, Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory(prefix="qpvdesk-self-test-") as tmp:
        folder = Path(tmp)
        steps: list[tuple[str, Callable[[], None]]] = [
            ("database", lambda: _database(args)),
            ("spatial query", lambda: _spatial(args)),
            ("geopackage", lambda: _geopackage(args, folder)),
            ("snapshot", lambda: _snapshot(args, folder)),
            ("minisign", lambda: _minisign(args)),
        ]
        for name, step in steps:
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - one line naming the step, then exit 1
                message = " ".join(str(exc).split()) or type(exc).__name__
                print(f"self-test: FAILED at step '{name}': {type(exc).__name__}: {message}")
                return 1
    print(f"self-test: OK ({time.perf_counter() - started:.1f} s)")
    return 0
