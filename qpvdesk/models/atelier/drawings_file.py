"""Participants' drawings read from a file (one feature, one participant's polygon), in any
coordinate system, brought to Lambert-93. Used by `qpvdesk atelier consensus`."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from shapely.geometry.base import BaseGeometry

from ..proposals import gdal
from ..proposals.geometry import LAMBERT93

DrawingRow = tuple[str, BaseGeometry | None]


class DrawingsFileError(ValueError):
    """The file as a whole cannot be read (French message)."""


def read_drawings(path: str | Path) -> list[DrawingRow]:
    """(« objet n° N », Lambert-93 geometry or None) per feature, in file order."""
    path = Path(path)
    if path.is_dir():
        raise DrawingsFileError(f"{path} est un dossier : indiquez le fichier des dessins.")
    if not path.is_file():
        raise DrawingsFileError(f"Fichier introuvable : {path}")
    pyogrio = gdal.pyogrio()
    try:
        with np.errstate(invalid="ignore"):
            frame = pyogrio.read_dataframe(path)
    except Exception as exc:  # pyogrio raises several DataSourceError subclasses
        raise DrawingsFileError(f"Fichier illisible : {path.name} "
                                f"({' '.join(str(exc).split())[:200]}).") from exc
    if not len(frame):
        raise DrawingsFileError(f"Le fichier {path.name} ne contient aucun dessin.")
    if frame.crs is None:
        if path.suffix.lower() not in (".geojson", ".json"):
            raise DrawingsFileError(f"Le fichier {path.name} n'indique pas son système de "
                                    "coordonnées.")
        frame = frame.set_crs(4326)   # RFC 7946
    try:
        with np.errstate(invalid="ignore", over="ignore"):
            frame = frame.to_crs(LAMBERT93)
    except Exception as exc:  # pyproj errors for a CRS it cannot transform
        raise DrawingsFileError(f"Système de coordonnées de {path.name} non convertible en "
                                f"Lambert-93 : {frame.crs.to_string()}.") from exc
    return [(f"objet n° {number}", geometry)
            for number, geometry in enumerate(frame.geometry, start=1)]
