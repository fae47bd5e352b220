"""Texts that hold a NUL character. GDAL reads strings as C strings: « Salle\\u0000 cachée »
arrives as « Salle », silently. The file itself is read here to find those features, so that
they are refused instead of imported cut. GeoJSON and GeoPackage can carry a NUL; KML (XML)
cannot, and a Shapefile's .dbf pads its fields with them.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..spatialite import sqlite_module

NUL_REASON = ("Un texte de cet objet contient un caractère nul (\\u0000), qui le couperait : "
              "retirez-le du fichier.")


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def _geojson_positions(path: Path) -> set[int]:
    data = path.read_bytes()
    if b"\\u0000" not in data and b"\x00" not in data:
        return set()
    try:
        document = json.loads(data.decode("utf-8-sig"), strict=False)
    except ValueError:
        return set()
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        features = [document]
    return {position for position, feature in enumerate(features)
            if isinstance(feature, dict) and _has_nul(feature.get("properties"))}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _geopackage_positions(path: Path, layer: str) -> set[int]:
    db = sqlite_module()
    try:
        conn = db.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except db.Error:
        return set()
    try:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({_quoted(layer)})")
                   if str(row[2]).upper().startswith("TEXT")]
        if not columns:
            return set()
        # as BLOB: SQLite's text functions would stop at the NUL too
        condition = " OR ".join(f"instr(CAST({_quoted(name)} AS BLOB), x'00') > 0"
                                for name in columns)
        rows = conn.execute(f"SELECT {condition} FROM {_quoted(layer)} ORDER BY rowid")
        return {position for position, (has_nul,) in enumerate(rows) if has_nul}
    except db.Error:
        return set()
    finally:
        conn.close()


def nul_positions(path: Path, file_format: str, layer: str) -> set[int]:
    """0-based positions, in GDAL's reading order, of the layer's features with a NUL in one
    of their texts."""
    if file_format == "GeoJSON":
        return _geojson_positions(path)
    if file_format == "GeoPackage":
        return _geopackage_positions(path, layer)
    return set()
