"""Export proposals to CSV (for spreadsheets), GeoJSON (RFC 7946) or GeoPackage (for QGIS).

Every writer writes a temporary file next to the target and renames it, so a failed export
never leaves a half-written file.
"""
from __future__ import annotations

import errno
import io
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import shapely

from ..database_problems import NEARLY_FULL_BYTES
from ..table_export import write_csv
from . import gdal
from .geometry import LAMBERT93, area_ha
from .proposal import Proposal
from .vocabulary import (CHOICES, EQUIPEMENT, KIND_FIELDS, KINDS, PERIMETRE, QUARTIER_VECU,
                         choice_label)

if TYPE_CHECKING:  # geopandas is heavy: imported when exporting, not at start-up
    import geopandas as gpd

EXPORT_FORMATS = {".csv": "CSV", ".geojson": "GeoJSON", ".gpkg": "GeoPackage"}


class ExportError(OSError):
    """A file could not be written; the message is French and no partial file is left. An
    OSError, so that writers of bigger things (the package) treat it as any write failure."""

# (proposal attribute, column name in GeoJSON/GeoPackage, CSV header)
_COLUMNS = (
    ("uuid", "uuid", "Identifiant"),
    ("kind", "type", "Type"),
    ("title", "titre", "Titre"),
    ("description", "description", "Description"),
    ("category", "categorie", "Catégorie"),
    ("status", "statut", "Statut"),
    ("horizon_year", "annee_horizon", "Année d'horizon"),
    ("qpv_code", "qpv", "QPV (code 2024)"),
    ("knowledge_source", "source_connaissance", "Source de la connaissance"),
    ("nature", "nature", "Nature de la demande"),
    ("justification", "justification", "Justification"),
    ("communes", "communes", "Communes (codes INSEE)"),
    ("author", "auteur", "Auteur"),
    ("contact", "contact", "Contact"),
    ("created", "cree", "Créée le"),
    ("modified", "modifie", "Modifiée le"),
)
_ALWAYS = ("uuid", "kind", "communes", "created", "modified")
# GeoPackage: one layer per kind, with the fields of that kind's form
_LAYERS = {EQUIPEMENT: ("equipements", "Point"), QUARTIER_VECU: ("quartiers_vecus", "Polygon"),
           PERIMETRE: ("perimetres", "Polygon")}


def _value(proposal: Proposal, attribute: str, labels: bool) -> object:
    value = getattr(proposal, attribute)
    if attribute == "communes":
        return ",".join(value)
    if labels and attribute in CHOICES:
        return choice_label(attribute, value)
    return value


def _frame(proposals: Sequence[Proposal], attributes: Sequence[str]) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pandas as pd

    columns = {name: pd.Series([_value(item, attribute, False) for item in proposals],
                               dtype="Int64" if attribute == "horizon_year" else object)
               for attribute, name, _ in _COLUMNS if attribute in attributes}
    # optional in the package format (PACKAGE_FORMAT.md 6.1): a JSON object, or NULL
    columns["provenance"] = pd.Series([item.provenance for item in proposals], dtype=object)
    columns["surface_ha"] = pd.Series([round(area_ha(item.geometry), 4) for item in proposals],
                                      dtype="float64")
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(
        [item.geometry for item in proposals], crs=LAMBERT93))


def _temporary(target: Path) -> Path:
    """Next to the target, keeping its extension (GDAL picks drivers by it)."""
    temporary = target.with_name(f".{target.stem}.tmp{target.suffix}")
    temporary.unlink(missing_ok=True)
    return temporary


def csv_header() -> list[str]:
    """The CSV's first row: the French field names, the area and the WKT geometry."""
    return [title for _, _, title in _COLUMNS] + ["Surface (ha)", "Géométrie (WKT, EPSG:2154)"]


def _write_csv(proposals: Sequence[Proposal], path: Path) -> None:
    header = csv_header()
    rows = [[_value(item, attribute, True) for attribute, _, _ in _COLUMNS]
            + [round(area_ha(item.geometry), 4),
               shapely.to_wkt(item.geometry, rounding_precision=3)]
            for item in proposals]
    write_csv(path, header, rows)


def _write_geojson(proposals: Sequence[Proposal], path: Path) -> None:
    """Drawn up in memory, then written by Python: Debian 12's GDAL 3.6 (the packaged app's)
    reports no error when the disk fills up under its GeoJSON writer, and left a truncated
    file (4 KiB of a 40 KiB export) to be renamed into place."""
    pyogrio = gdal.pyogrio()
    frame = _frame(proposals, [attribute for attribute, _, _ in _COLUMNS]).to_crs(4326)
    document = io.BytesIO()
    pyogrio.write_dataframe(frame, document, driver="GeoJSON", layer="propositions",
                            geometry_type="Unknown",
                            layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": 7})
    temporary = _temporary(path)
    try:
        temporary.write_bytes(document.getvalue())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_geopackage(proposals: Sequence[Proposal], path: Path,
                     extra_columns: Callable[[list[int]], dict[str, list]] | None = None
                     ) -> None:
    """One layer per kind, with the fields of that kind's form; ``extra_columns`` gives more
    columns for the proposals at the given positions (e.g. the provenance of received ones)."""
    import pandas as pd

    pyogrio = gdal.pyogrio()
    temporary = _temporary(path)
    with _reported(path):
        try:
            for kind, (layer, geometry_type) in _LAYERS.items():
                positions = [number for number, item in enumerate(proposals)
                             if item.kind == kind]
                frame = _frame([proposals[number] for number in positions],
                               _ALWAYS + KIND_FIELDS[kind])
                for column, values in (extra_columns(positions) if extra_columns
                                       else {}).items():
                    frame[column] = pd.Series(values, dtype=object, index=frame.index)
                # a shape kept in several parts (a repaired bow-tie) makes a MultiPolygon layer
                several = geometry_type == "Polygon" and any(
                    proposals[number].geometry.geom_type == "MultiPolygon"
                    for number in positions)
                pyogrio.write_dataframe(frame, temporary, driver="GPKG", layer=layer,
                                        geometry_type="MultiPolygon" if several
                                        else geometry_type,
                                        promote_to_multi=several,
                                        layer_options={"IDENTIFIER": KINDS[kind]})
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)


def _write_geopackage(proposals: Sequence[Proposal], path: Path) -> None:
    write_geopackage(proposals, path)


_WRITERS = {".csv": _write_csv, ".geojson": _write_geojson, ".gpkg": _write_geopackage}


def _disk_full(exc: BaseException, folder: Path) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc).lower()
    if "no space left" in text or "disk is full" in text or "disk full" in text:
        return True
    try:
        # GDAL does not always say so: a full GeoPackage reports « no such table: gpkg_contents »
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _export_error(exc: BaseException, path: Path) -> ExportError:
    folder = path.parent
    if not folder.is_dir():
        return ExportError(f"Le dossier {folder} n'existe pas : {path.name} n'a pas été écrit.")
    if _disk_full(exc, folder):
        return ExportError(f"Le disque est plein : {path} n'a pas été écrit (aucun fichier "
                           "partiel) ; libérez de la place ou choisissez un autre dossier.")
    if isinstance(exc, PermissionError) or (isinstance(exc, OSError) and exc.errno == errno.EROFS) \
            or not os.access(folder, os.W_OK):
        return ExportError(f"Impossible d'écrire {path} : le dossier est en lecture seule ou "
                           "vous n'y avez pas accès ; choisissez un autre dossier.")
    if path.is_dir():
        return ExportError(f"{path} est un dossier : indiquez un nom de fichier.")
    return ExportError(f"L'export vers {path} a échoué ({exc}) ; aucun fichier n'a été écrit.")


@contextmanager
def _reported(path: Path) -> Iterator[None]:
    """Write failures as ExportError (pyogrio's own errors are RuntimeErrors)."""
    try:
        yield
    except ExportError:
        raise
    except (OSError, RuntimeError) as exc:
        raise _export_error(exc, path) from exc


def export_proposals(proposals: Sequence[Proposal], path: str | Path) -> Path:
    """Write the proposals to ``path``; its extension (.csv, .geojson, .gpkg) picks the
    format. Raises ValueError (French message) for any other extension, ExportError (French)
    when the file cannot be written: full disk, read-only folder… with no partial file."""
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"Format d'export non pris en charge : « {path.suffix or path.name} » "
                         "(.csv, .geojson ou .gpkg).")
    if path.is_dir():
        raise ExportError(f"{path} est un dossier : indiquez un nom de fichier.")
    with _reported(path):
        writer(list(proposals), path)
    return path
