"""Offline MBTiles basemaps: tiles found and placed on Lambert-93, bad files refused intact.

The tests write their own tiny MBTiles files: 1-pixel PNG tiles over Lens whose colour
encodes the tile's XYZ address, stored with TMS rows as the format requires.
"""
from __future__ import annotations

import math
import sqlite3
import struct
import zlib
from pathlib import Path

import pytest
import shapely
from pyproj import Transformer

from qpvdesk.models.map.viewport import Viewport
from qpvdesk.models.mbtiles import (MAX_PLACEMENTS, MBTiles, MBTilesError, closest_zoom,
                                    tile_corners_lambert93)

LENS_LON, LENS_LAT = 2.8319, 50.4322
TO_LAMBERT93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)


# -- an independent implementation of the XYZ ("slippy map") tile scheme --------------------
def xyz_tile_of(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    n = 2 ** zoom
    return (math.floor((lon + 180) / 360 * n),
            math.floor((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n))


def xyz_corner_lonlat(zoom: int, column: int, row: int) -> tuple[float, float]:
    n = 2 ** zoom
    return column / n * 360 - 180, math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))


def ground_resolution(zoom: int) -> float:
    return 156543.03392804097 * math.cos(math.radians(LENS_LAT)) / 2 ** zoom


# -- writing test files ---------------------------------------------------------------------
def png(rgb: tuple[int, int, int]) -> bytes:
    """A 1 x 1 RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" + bytes(rgb))) + chunk(b"IEND", b""))


def tile_image(zoom: int, column: int, row_xyz: int) -> bytes:
    return png((zoom, column % 256, row_xyz % 256))


def block(zoom: int, radius: int) -> list[tuple[int, int, int]]:
    """The XYZ addresses of the (2 radius + 1)^2 tiles centred on Lens."""
    column, row = xyz_tile_of(LENS_LON, LENS_LAT, zoom)
    return [(zoom, column + dc, row + dr)
            for dc in range(-radius, radius + 1) for dr in range(-radius, radius + 1)]


def write_mbtiles(path: Path, tiles: list[tuple[int, int, int]],
                  metadata: dict[str, str] | None = None, data=tile_image) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                 "tile_row INTEGER, tile_data BLOB)")
    conn.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
    meta = {"name": "Lens test", "format": "png"} if metadata is None else metadata
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                     [(z, x, 2 ** z - 1 - y, data(z, x, y)) for z, x, y in tiles])
    conn.commit()
    conn.close()
    return path


LENS_TILES = block(12, 1) + block(13, 3)


@pytest.fixture
def lens_file(tmp_path) -> Path:
    return write_mbtiles(tmp_path / "lens.mbtiles", LENS_TILES,
                         {"name": "Lens test", "format": "png",
                          "bounds": "2.7,50.3,2.95,50.5"})


@pytest.fixture
def lens(lens_file):
    tiles = MBTiles(lens_file)
    yield tiles
    tiles.close()


# -- a good file ----------------------------------------------------------------------------
def test_describes_the_file(lens, lens_file):
    assert (lens.name, lens.format, lens.min_zoom, lens.max_zoom) == ("Lens test", "png", 12, 13)
    assert lens.bounds_wgs84 == (2.7, 50.3, 2.95, 50.5)
    assert lens.path == lens_file


def test_bounds_from_the_tiles_when_the_metadata_has_none(tmp_path):
    tiles = MBTiles(write_mbtiles(tmp_path / "b.mbtiles", LENS_TILES, {}))
    try:
        columns = [x for z, x, _ in LENS_TILES if z == 13]
        rows = [y for z, _, y in LENS_TILES if z == 13]
        west, north = xyz_corner_lonlat(13, min(columns), min(rows))
        east, south = xyz_corner_lonlat(13, max(columns) + 1, max(rows) + 1)
        assert tiles.bounds_wgs84 == pytest.approx((west, south, east, north), abs=1e-9)
        assert tiles.name == "b" and tiles.format == "png"   # name from the file, PNG sniffed
    finally:
        tiles.close()


def test_tiles_are_read_by_xyz_row_although_stored_by_tms_row(lens):
    for zoom, column, row in LENS_TILES:
        assert lens.tile(zoom, column, row) == tile_image(zoom, column, row)
    zoom, column, row = LENS_TILES[0]
    assert lens.tile(zoom, column, 2 ** zoom - 1 - row) is None   # the TMS row is not an XYZ row
    assert lens.tile(14, column, row) is None


def test_tile_corners_land_on_lambert93_within_a_metre():
    zoom = 13
    column, row = xyz_tile_of(LENS_LON, LENS_LAT, zoom)
    expected = [TO_LAMBERT93.transform(*xyz_corner_lonlat(zoom, column + dc, row + dr))
                for dc, dr in [(0, 0), (1, 0), (1, 1), (0, 1)]]
    corners = tile_corners_lambert93(zoom, column, row)
    assert len(corners) == 4
    for corner, reference in zip(corners, expected):
        assert math.dist(corner, reference) < 1.0
    # The tile contains the point it was computed from, north up.
    polygon = shapely.Polygon(corners)
    assert polygon.contains(shapely.Point(TO_LAMBERT93.transform(LENS_LON, LENS_LAT)))
    assert corners[0][1] > corners[3][1] and corners[1][0] > corners[0][0]
    # A zoom-13 tile at Lens is about 3.1 km wide.
    assert 3_000 < corners[1][0] - corners[0][0] < 3_200


@pytest.mark.parametrize("zoom", [12, 13])
def test_zoom_whose_resolution_matches_is_chosen(lens, zoom):
    view = Viewport(*TO_LAMBERT93.transform(LENS_LON, LENS_LAT), ground_resolution(zoom),
                    800, 600)
    placements = lens.placements(view.bbox, view.resolution)
    assert placements and {p.zoom for p in placements} == {zoom}


def test_zoom_is_closest_by_ratio_and_clamped_to_the_file():
    assert closest_zoom(ground_resolution(12) * 1.3, LENS_LAT, 0, 20) == 12
    assert closest_zoom(ground_resolution(12) * 1.5, LENS_LAT, 0, 20) == 11
    assert closest_zoom(0.1, LENS_LAT, 12, 13) == 13
    assert closest_zoom(500.0, LENS_LAT, 12, 13) == 12


def test_placements_cover_the_view_with_existing_tiles_only(lens):
    view = Viewport(*TO_LAMBERT93.transform(LENS_LON, LENS_LAT), ground_resolution(13) * 1.1,
                    900, 650)
    placements = lens.placements(view.bbox, view.resolution)
    stored = {(z, x, y) for z, x, y in LENS_TILES}
    returned = {(p.zoom, p.column, p.row_xyz) for p in placements}
    assert returned <= stored and len(returned) == len(placements)
    screen = shapely.box(*view.bbox)
    touching = {(z, x, y) for z, x, y in stored
                if z == 13 and shapely.Polygon(tile_corners_lambert93(z, x, y)).intersects(screen)}
    assert touching <= returned                      # no hole in the basemap
    for placement in placements:                     # and nothing far outside the view
        assert placement.corners == tile_corners_lambert93(placement.zoom, placement.column,
                                                           placement.row_xyz)
        assert shapely.Polygon(placement.corners).intersects(screen.buffer(100))
    union = shapely.union_all([shapely.Polygon(p.corners) for p in placements])
    assert union.contains(screen)


def test_placements_are_capped_nearest_to_the_centre_first(tmp_path):
    many = block(13, 9)                                          # 19 x 19 = 361 tiles
    tiles = MBTiles(write_mbtiles(tmp_path / "many.mbtiles", many))
    try:
        centre = TO_LAMBERT93.transform(LENS_LON, LENS_LAT)
        view = Viewport(*centre, ground_resolution(13), 6000, 6000)   # sees all of them
        placements = tiles.placements(view.bbox, view.resolution)
        assert len(placements) == MAX_PLACEMENTS
        column, row = xyz_tile_of(LENS_LON, LENS_LAT, 13)
        distances = {(p.column, p.row_xyz): abs(p.column - column) + abs(p.row_xyz - row)
                     for p in placements}
        assert {(z, x, y) for z, x, y in many if abs(x - column) + abs(y - row) <= 9} <= {
            (13, x, y) for x, y in distances}
        assert max(distances.values()) <= 13
    finally:
        tiles.close()


def test_opening_leaves_the_file_untouched(lens_file):
    before, listing = lens_file.read_bytes(), sorted(lens_file.parent.iterdir())
    tiles = MBTiles(lens_file)
    tiles.placements(Viewport(687_500, 7_037_500, 20, 800, 600).bbox, 20)
    tiles.close()
    assert lens_file.read_bytes() == before
    assert sorted(lens_file.parent.iterdir()) == listing


@pytest.mark.parametrize("magic, expected", [(b"\x89PNG\r\n\x1a\n", "png"),
                                             (b"\xff\xd8\xff\xe0", "jpg")])
def test_format_sniffed_when_metadata_is_silent(tmp_path, magic, expected):
    path = write_mbtiles(tmp_path / "s.mbtiles", block(12, 0), {},
                         data=lambda *_: magic + b"rest of the image")
    tiles = MBTiles(path)
    assert tiles.format == expected
    tiles.close()


# -- bad files ------------------------------------------------------------------------------
def _text_file(path: Path) -> None:
    path.write_text("Ceci n'est pas une carte.\n" * 20, encoding="utf-8")


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _no_tiles_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE images (tile_data BLOB)")
    conn.commit()
    conn.close()


def _zero_tiles(path: Path) -> None:
    write_mbtiles(path, [])


def _truncate(path: Path, keep: float) -> None:
    write_mbtiles(path, block(13, 9), data=lambda *_: bytes(range(256)) * 8)
    data = path.read_bytes()
    assert len(data) > 8 * 4096
    path.write_bytes(data[: int(len(data) * keep)])


def _truncated_by_half(path: Path) -> None:
    _truncate(path, 0.5)


def _last_pages_missing(path: Path) -> None:
    _truncate(path, 0.97)


def _vector_tiles(path: Path) -> None:
    write_mbtiles(path, block(12, 0), {"name": "vecteur", "format": "pbf"})


def _unknown_images(path: Path) -> None:
    write_mbtiles(path, block(12, 0), {}, data=lambda *_: b"GIF89a....")


@pytest.mark.parametrize("make_bad_file", [_text_file, _empty_file, _no_tiles_table,
                                           _zero_tiles, _truncated_by_half,
                                           _last_pages_missing, _vector_tiles,
                                           _unknown_images])
def test_bad_files_are_refused_in_french_and_left_intact(tmp_path, make_bad_file):
    path = tmp_path / "mauvais.mbtiles"
    make_bad_file(path)
    before, listing = path.read_bytes(), sorted(tmp_path.iterdir())
    with pytest.raises(MBTilesError) as refusal:
        MBTiles(path)
    message = str(refusal.value)
    assert "MBTiles" in message and message.endswith(".") and "\n" not in message
    assert "sqlite3" not in message.lower() and "Error" not in message
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == listing


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(MBTilesError, match="introuvable"):
        MBTiles(tmp_path / "absent.mbtiles")


def test_refusal_names_the_missing_table(tmp_path):
    path = tmp_path / "sans_tuiles.mbtiles"
    _no_tiles_table(path)
    with pytest.raises(MBTilesError, match="« tiles »"):
        MBTiles(path)


def test_truncated_copy_is_called_so(tmp_path):
    path = tmp_path / "copie.mbtiles"
    _last_pages_missing(path)
    with pytest.raises(MBTilesError, match="tronqué"):
        MBTiles(path)
