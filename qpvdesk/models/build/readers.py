"""Strict readers for the source files: every problem names its file and row."""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import shapely
from pyproj import CRS

from ..frenchnum import NumberFormatError, parse_french_number
from ..proposals.gdal import pyogrio
from .errors import SourceError

LAMBERT93 = 2154


@dataclass(frozen=True)
class CsvTable:
    path: Path
    columns: list[str]
    rows: list[dict[str, str]]
    # row numbers as a spreadsheet shows them: the header is row 1
    first_data_row: int = 2

    def row_number(self, index: int) -> int:
        return self.first_data_row + index


def read_csv(path: Path, required: list[str], delimiter: str = ";") -> CsvTable:
    if not path.is_file():
        raise SourceError(path, "file is missing")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _parse_csv(path, handle, required, delimiter)
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text ({exc.reason})") from exc


def read_csv_gz(path: Path, required: list[str], sha256: str,
                delimiter: str = ";") -> CsvTable:
    """A gzip-compressed CSV whose decompressed bytes must have this sha256."""
    if not path.is_file():
        raise SourceError(path, "file is missing")
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as exc:
        raise SourceError(path, f"not a readable gzip file ({exc})") from exc
    found = hashlib.sha256(data).hexdigest()
    if found != sha256:
        raise SourceError(path, f"decompressed content has sha256 {found}, expected {sha256} "
                                "(see its PROVENANCE.md)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(path, f"not UTF-8 text ({exc.reason})") from exc
    return _parse_csv(path, io.StringIO(text, newline=""), required, delimiter)


def _parse_csv(path: Path, handle, required: list[str], delimiter: str) -> CsvTable:
    reader = csv.reader(handle, delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise SourceError(path, "file is empty")
    rows = []
    for number, cells in enumerate(reader, start=2):
        if len(cells) > len(header):
            raise SourceError(path, f"{len(cells)} cells for {len(header)} columns", number)
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    missing = [name for name in required if name not in header]
    if missing:
        raise SourceError(path, f"missing column(s): {', '.join(missing)}", 1)
    return CsvTable(path, header, rows)


_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def number_cell(table: CsvTable, index: int, column: str) -> float | None:
    """The French-formatted number in a cell; None for an empty cell."""
    text = table.rows[index][column]
    if _PLAIN_NUMBER.fullmatch(text):  # the common case, parsed without the general rules
        return float(text)
    try:
        return parse_french_number(table.rows[index][column])
    except NumberFormatError as exc:
        raise SourceError(table.path, f"column {column}: {exc}", table.row_number(index)) from exc


def read_geojson(path: Path, required: list[str], geometry_types: set[str]) -> gpd.GeoDataFrame:
    """A GeoJSON layer in EPSG:4326, reprojected to Lambert-93 and checked valid."""
    if not path.is_file():
        raise SourceError(path, "file is missing")
    pyogrio()  # load GDAL so it keeps to its own PROJ/SpatiaLite (see proposals/gdal.py)
    try:
        frame = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several DataSourceError subclasses
        raise SourceError(path, f"unreadable geodata ({exc})") from exc
    if frame.crs is None or not frame.crs.equals(CRS.from_epsg(4326)):
        found = frame.crs.to_string() if frame.crs is not None else "none"
        raise SourceError(path, f"wrong CRS {found}, expected EPSG:4326 (WGS 84 lon/lat)")
    missing = [name for name in required if name not in frame.columns]
    if missing:
        raise SourceError(path, f"missing property(ies): {', '.join(missing)}")
    frame = frame.to_crs(LAMBERT93)
    for index, geometry in enumerate(frame.geometry):
        feature = index + 1
        if geometry is None or geometry.is_empty:
            raise SourceError(path, "empty geometry", feature, "feature")
        if geometry.geom_type not in geometry_types:
            raise SourceError(path, f"geometry type {geometry.geom_type}, expected "
                                    f"{' or '.join(sorted(geometry_types))}", feature, "feature")
        if not geometry.is_valid:
            raise SourceError(path, f"invalid geometry ({shapely.is_valid_reason(geometry)})",
                              feature, "feature")
    return frame


def as_multi(geometry):
    """Polygons become one-part MultiPolygons so a table has a single geometry type."""
    if geometry.geom_type == "Polygon":
        return shapely.MultiPolygon([geometry])
    return geometry
