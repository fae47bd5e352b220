"""Offline raster basemaps stored as MBTiles 1.3 files, placed on the Lambert-93 map.

An MBTiles file is an SQLite database with a `metadata(name, value)` table and a
`tiles(zoom_level, tile_column, tile_row, tile_data)` table (or view) of 256-pixel
Web-Mercator tiles whose rows count from the south (TMS). The rest of the app speaks XYZ rows
(north = 0), as every web map does. The file is only ever opened read-only.
"""
from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .map.viewport import LAMBERT93, WEB_MERCATOR, WGS84, BBox, transformer

MERCATOR_HALF_WORLD = 20037508.342789244   # Web-Mercator metres from the centre to an edge
EQUATOR_RESOLUTION = 156543.03392804097    # metres per pixel of a zoom-0 tile at the equator
MAX_ZOOM = 30
MAX_PLACEMENTS = 256

SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_HEADER_SIZE = 100
FORMATS = {"png": "png", "jpg": "jpg", "jpeg": "jpg", "webp": "webp"}
IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpg"}
UNREADABLE = "Ce fichier n'est pas une base MBTiles lisible : "


class MBTilesError(ValueError):
    """Why a file cannot be used as a basemap: one French sentence, shown as is."""


@dataclass(frozen=True)
class TilePlacement:
    zoom: int
    column: int
    row_xyz: int                              # XYZ row: north = 0
    corners: tuple[tuple[float, float], ...]  # Lambert-93: top-left, top-right,
    #                                           bottom-right, bottom-left of the image


class MBTiles:
    """A read-only MBTiles raster file, checked when opened."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        _check_sqlite_header(self.path)
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        try:
            self._conn = sqlite3.connect(uri, uri=True)
        except sqlite3.Error as exc:
            raise MBTilesError(f"{UNREADABLE}SQLite ne peut pas l'ouvrir.") from exc
        try:
            self._read_description()
        except MBTilesError:
            self._conn.close()
            raise

    def _read_description(self) -> None:
        objects = {name for (name,) in self._query(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        missing = [table for table in ("metadata", "tiles") if table not in objects]
        if missing:
            raise MBTilesError(f"{UNREADABLE}il lui manque la table "
                               f"{' et la table '.join(f'« {t} »' for t in missing)}.")
        metadata = {str(name): str(value) for name, value in self._query(
            "SELECT name, value FROM metadata") if value is not None}
        [(min_zoom, max_zoom)] = self._query(
            "SELECT min(zoom_level), max(zoom_level) FROM tiles")
        if min_zoom is None:
            raise MBTilesError("Ce fichier MBTiles ne contient aucune tuile.")
        if not all(isinstance(z, int) and 0 <= z <= MAX_ZOOM for z in (min_zoom, max_zoom)):
            raise MBTilesError(f"{UNREADABLE}ses niveaux de zoom ne sont pas valides.")
        self.name: str = metadata.get("name") or self.path.stem
        self.min_zoom: int = min_zoom
        self.max_zoom: int = max_zoom
        self.format: str = self._tile_format(metadata.get("format", "").strip().lower())
        self.bounds_wgs84: BBox = (_parse_bounds(metadata.get("bounds", ""))
                                   or self._tile_extent_wgs84())

    def _tile_format(self, declared: str) -> str:
        if declared:
            if declared not in FORMATS:
                raise MBTilesError(f"Ce fichier MBTiles contient des tuiles « {declared} » ; "
                                   "seuls les fonds raster PNG, JPEG ou WebP sont affichés.")
            return FORMATS[declared]
        [(sample,)] = self._query("SELECT tile_data FROM tiles LIMIT 1")
        for magic, name in IMAGE_MAGIC.items():
            if isinstance(sample, bytes) and sample.startswith(magic):
                return name
        raise MBTilesError("Ce fichier MBTiles ne précise pas le format de ses tuiles, "
                           "et ce ne sont ni des images PNG ni des images JPEG.")

    def _tile_extent_wgs84(self) -> BBox:
        [(min_col, max_col, min_row, max_row)] = self._query(
            "SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) "
            "FROM tiles WHERE zoom_level = ?", (self.max_zoom,))
        last = 2 ** self.max_zoom - 1
        west, north = _mercator_corner(self.max_zoom, min_col, last - max_row)
        east, south = _mercator_corner(self.max_zoom, max_col + 1, last - min_row + 1)
        lon, lat = transformer(WEB_MERCATOR, WGS84).transform([west, east], [south, north])
        return lon[0], lat[0], lon[1], lat[1]

    def tile(self, zoom: int, column: int, row_xyz: int) -> bytes | None:
        """The image bytes of one tile (XYZ row), or None where the file has none."""
        row = self._query("SELECT tile_data FROM tiles WHERE zoom_level = ? "
                          "AND tile_column = ? AND tile_row = ?",
                          (zoom, column, 2 ** zoom - 1 - row_xyz))
        data = row[0][0] if row else None
        return data if isinstance(data, bytes) else None

    def placements(self, bbox_l93: BBox, resolution: float) -> list[TilePlacement]:
        """The file's tiles that cover bbox_l93 at the zoom closest to `resolution` (map
        metres per pixel), nearest to the centre first, at most MAX_PLACEMENTS of them."""
        xmin, ymin, xmax, ymax = bbox_l93
        _, latitude = transformer(LAMBERT93, WGS84).transform((xmin + xmax) / 2,
                                                              (ymin + ymax) / 2)
        zoom = closest_zoom(resolution, latitude, self.min_zoom, self.max_zoom)
        left, bottom, right, top = transformer(LAMBERT93, WEB_MERCATOR).transform_bounds(
            xmin, ymin, xmax, ymax, densify_pts=21)
        first_col, last_col = _tile_range(left + MERCATOR_HALF_WORLD, right + MERCATOR_HALF_WORLD,
                                          zoom)
        first_row, last_row = _tile_range(MERCATOR_HALF_WORLD - top,
                                          MERCATOR_HALF_WORLD - bottom, zoom)
        last = 2 ** zoom - 1
        # Nearest the centre first, so that the cap drops the edges; doubled coordinates keep
        # the centre an integer.
        rows = self._query(
            "SELECT tile_column, tile_row FROM tiles WHERE zoom_level = ? "
            "AND tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? AND ? "
            "ORDER BY abs(2 * tile_column - ?) + abs(2 * tile_row - ?) LIMIT ?",
            (zoom, first_col, last_col, last - last_row, last - first_row,
             first_col + last_col, 2 * last - first_row - last_row, MAX_PLACEMENTS))
        return [TilePlacement(zoom, column, last - row_tms,
                              tile_corners_lambert93(zoom, column, last - row_tms))
                for column, row_tms in rows]

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        try:
            return self._conn.execute(sql, parameters).fetchall()
        except sqlite3.Error as exc:
            raise MBTilesError(f"{UNREADABLE}la base est endommagée.") from exc

    def close(self) -> None:
        self._conn.close()


def closest_zoom(resolution: float, latitude: float, min_zoom: int, max_zoom: int) -> int:
    """The zoom whose ground resolution at `latitude` is closest to `resolution` (by ratio,
    so 1.4 m/px is as far from 1 as from 2), clamped to [min_zoom, max_zoom]."""
    ratio = EQUATOR_RESOLUTION * math.cos(math.radians(latitude)) / resolution
    return min(max(round(math.log2(ratio)), min_zoom), max_zoom)


def tile_corners_lambert93(zoom: int, column: int,
                           row_xyz: int) -> tuple[tuple[float, float], ...]:
    """Top-left, top-right, bottom-right, bottom-left corners of an XYZ tile in Lambert-93."""
    left, top = _mercator_corner(zoom, column, row_xyz)
    right, bottom = _mercator_corner(zoom, column + 1, row_xyz + 1)
    xs, ys = transformer(WEB_MERCATOR, LAMBERT93).transform(
        [left, right, right, left], [top, top, bottom, bottom])
    return tuple(zip(xs, ys))


def _mercator_corner(zoom: int, column: int, row_xyz: int) -> tuple[float, float]:
    """Web-Mercator metres of the top-left corner of an XYZ tile."""
    size = 2 * MERCATOR_HALF_WORLD / 2 ** zoom
    return -MERCATOR_HALF_WORLD + column * size, MERCATOR_HALF_WORLD - row_xyz * size


def _tile_range(start_m: float, end_m: float, zoom: int) -> tuple[int, int]:
    """First and last tile index covering [start_m, end_m] metres from the west/north edge."""
    count = 2 ** zoom
    world = 2 * MERCATOR_HALF_WORLD
    # Clamping the metres first also tames the infinities pyproj returns far off Lambert-93.
    return tuple(min(math.floor(min(max(metres, 0.0), world) / world * count), count - 1)
                 for metres in (start_m, end_m))


def _parse_bounds(text: str) -> BBox | None:
    """The metadata "bounds" (west,south,east,north in degrees), or None if unusable."""
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        return None
    if -180 <= west < east <= 180 and -90 <= south < north <= 90:
        return west, south, east, north
    return None


def _check_sqlite_header(path: Path) -> None:
    """Refuse what is not a whole SQLite file before SQLite sees it: a text file, an empty
    file (SQLite would take it for an empty database) or a truncated copy."""
    try:
        with path.open("rb") as file:
            header = file.read(SQLITE_HEADER_SIZE)
        size = path.stat().st_size
    except FileNotFoundError:
        raise MBTilesError(f"Le fichier « {path.name} » est introuvable.") from None
    except OSError as exc:
        raise MBTilesError(f"Le fichier « {path.name} » ne peut pas être lu.") from exc
    if len(header) < SQLITE_HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise MBTilesError(f"{UNREADABLE}ce n'est pas une base SQLite.")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = header[24:28], int.from_bytes(header[28:32], "big")
    # The page count in the header is only meaningful when "version-valid-for" matches.
    if header[92:96] == change_counter and size < page_size * page_count:
        raise MBTilesError(f"{UNREADABLE}il est tronqué (copie ou téléchargement incomplet ?).")
