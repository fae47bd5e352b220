"""MBTiles files written by qpvdesk itself, for the self-test and the start-up bench (the app
only reads them, models/mbtiles.py): the XYZ tile of a longitude/latitude, and a writer that
stores tiles by TMS row as the format requires."""
from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path


def xyz_tile(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    """The XYZ column and row (north = 0) of the Web-Mercator tile holding a point."""
    count = 2 ** zoom
    return (math.floor((lon + 180) / 360 * count),
            math.floor((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * count))


def write_mbtiles(path: Path, metadata: Mapping[str, str],
                  tiles: Iterable[tuple[int, int, int, bytes]]) -> Path:
    """``tiles``: (zoom, column, XYZ row, image bytes)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                     "tile_row INTEGER, tile_data BLOB)")
        conn.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, "
                     "tile_row)")
        conn.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
        conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                         ((zoom, column, 2 ** zoom - 1 - row, data)
                          for zoom, column, row, data in tiles))
        conn.commit()
    finally:
        conn.close()
    return path
