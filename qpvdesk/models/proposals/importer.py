"""Import proposals from GeoJSON, GeoPackage, KML or Shapefile.

Every feature is checked like a filled-in form; the valid ones are stored in one transaction
(one undo step), the others are reported with their French reason. A file that cannot be read
at all, or holds no feature, changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from shapely.geometry.base import BaseGeometry

from . import gdal
from .attributes import column_plan, read_fields, valid_uuid
from .geometry import LAMBERT93, non_finite_message, single_part
from .history import HistoryStep
from .nul_text import NUL_REASON, nul_positions
from .proposal import Proposal
from .vocabulary import (EQUIPEMENT, KINDS, PERIMETRE, QUARTIER_VECU, STATUSES, choice_code,
                         echo, shortened)

FORMATS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GeoPackage", ".kml": "KML",
           ".shp": "Shapefile"}
# kinds whose missing QPV is filled with the suggested one; a perimeter request must name it
_SUGGESTED_QPV_KINDS = (EQUIPEMENT, QUARTIER_VECU)
# an equipment project without a status is an idea (said in the report)
DEFAULT_STATUS = "idee"
LABEL_LIMIT = 60

if TYPE_CHECKING:  # geopandas is heavy: imported when a file is read, not at start-up
    import geopandas as gpd


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (French message); nothing was changed."""


@dataclass(frozen=True)
class FeatureOutcome:
    layer: str
    number: int                      # 1-based position in its layer
    label: str                       # the feature's title, or « objet n° N »
    reasons: tuple[str, ...] = ()    # French; empty when imported
    warnings: tuple[str, ...] = ()
    uuid: str | None = None          # of the stored proposal

    @property
    def imported(self) -> bool:
        return not self.reasons

    def line(self) -> str:
        where = f"{self.layer}, objet {self.number}"
        if self.imported:
            extra = f" (attention : {' '.join(self.warnings)})" if self.warnings else ""
            return f"importé — {where} « {self.label} »{extra}"
        return f"refusé — {where} « {self.label} » : {' '.join(self.reasons)}"


@dataclass
class ImportReport:
    path: Path
    outcomes: list[FeatureOutcome] = field(default_factory=list)
    step: HistoryStep | None = None  # the undo step of the import, None if nothing imported

    @property
    def imported(self) -> list[FeatureOutcome]:
        return [outcome for outcome in self.outcomes if outcome.imported]

    @property
    def refused(self) -> list[FeatureOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.imported]

    def summary(self) -> str:
        return (f"{self.path.name} : {len(self.imported)} proposition(s) importée(s), "
                f"{len(self.refused)} refusée(s).")


@dataclass
class _Layer:
    name: str
    frame: gpd.GeoDataFrame                 # in Lambert-93
    refusals: dict[int, str]                # 0-based position -> French reason, found in the
                                            # file itself (NaN/Inf, NUL) before GDAL's reading


def _check_path(path: Path) -> str:
    """The file's format; ImportFileError for a path that cannot be imported."""
    if path.is_dir():
        raise ImportFileError(f"{path} est un dossier : indiquez le fichier à importer "
                              "(.geojson, .gpkg, .kml ou .shp).")
    if not path.is_file():
        raise ImportFileError(f"Fichier introuvable : {path}")
    file_format = FORMATS.get(path.suffix.lower())
    if file_format is None:
        raise ImportFileError(f"Format non pris en charge : « {path.suffix or path.name} » "
                              "(GeoJSON, GeoPackage, KML ou Shapefile attendu).")
    if file_format == "Shapefile":
        for suffix, holds in ((".shx", "l'index des formes"),
                              (".dbf", "les attributs (titre, catégorie, statut…)")):
            if not any(path.with_suffix(case).is_file() for case in (suffix, suffix.upper())):
                raise ImportFileError(
                    f"Le fichier {path.with_suffix(suffix).name} manque à côté de {path.name} : "
                    f"il contient {holds}. Copiez ensemble les fichiers .shp, .shx, .dbf et "
                    ".prj du même nom.")
    return file_format


def _read_layers(path: Path) -> list[_Layer]:
    """Every layer with features, in Lambert-93; ImportFileError for a bad file."""
    pyogrio = gdal.pyogrio()
    file_format = _check_path(path)
    try:
        names = [name for name, geometry_type in pyogrio.list_layers(path) if geometry_type]
        with np.errstate(invalid="ignore"):   # NaN coordinates are refused one by one
            layers = [(name, pyogrio.read_dataframe(path, layer=name)) for name in names]
    except Exception as exc:  # pyogrio raises several DataSourceError subclasses
        raise ImportFileError(f"Fichier illisible comme {file_format} : {path.name} "
                              f"({' '.join(str(exc).split())[:200]}).") from exc
    layers = [(name, frame) for name, frame in layers if len(frame)]
    if not layers:
        raise ImportFileError(f"Le fichier {path.name} ne contient aucun objet.")
    result = []
    for name, frame in layers:
        refusals = {position: NUL_REASON for position in nul_positions(path, file_format, name)}
        for position, geometry in enumerate(frame.geometry):
            message = None if geometry is None else non_finite_message(geometry)
            if message:
                refusals[position] = message
        finite = [position not in refusals for position in range(len(frame))]
        result.append(_Layer(name, _to_lambert93(frame, finite, path, file_format), refusals))
    return result


def _to_lambert93(frame: gpd.GeoDataFrame, finite: list[bool], path: Path,
                  file_format: str) -> gpd.GeoDataFrame:
    if frame.crs is None:
        if file_format != "GeoJSON":
            raise ImportFileError(
                f"Le fichier {path.name} n'indique pas son système de coordonnées (pour un "
                "Shapefile, le fichier .prj manque) : impossible de placer ses objets.")
        frame = frame.set_crs(4326)   # RFC 7946: GeoJSON is WGS 84 longitude/latitude
    if frame.crs.is_geographic and any(finite):
        # features with NaN or infinite coordinates are refused one by one, not blamed on
        # the file's coordinate system
        xmin, ymin, xmax, ymax = frame.geometry[finite].total_bounds
        if xmin < -180 or xmax > 180 or ymin < -90 or ymax > 90:
            raise ImportFileError(
                f"Les coordonnées de {path.name} ne sont pas des longitudes/latitudes alors "
                "que le fichier l'annonce (fichier en Lambert-93 sans le dire ?).")
    try:
        with np.errstate(invalid="ignore", over="ignore"):   # NaN/Inf: refused one by one
            return frame.to_crs(LAMBERT93)
    except Exception as exc:  # pyproj errors for a CRS it cannot transform
        raise ImportFileError(f"Système de coordonnées de {path.name} non convertible en "
                              f"Lambert-93 : {frame.crs.to_string()} ({exc}).") from exc


def _kind(forced: str | None, values: dict[str, object],
          geometry: BaseGeometry | None) -> tuple[str | None, str | None]:
    """(kind, reason it cannot be found): --kind, else the file's type column, else the shape
    (a point is equipment; a polygon a perimeter request if it has a nature, else a quartier
    vécu)."""
    if forced:
        return forced, None
    if "kind" in values:
        code = choice_code("kind", values["kind"])
        if code is None:
            return None, f"Type de proposition inconnu : {echo(values['kind'])}."
        return code, None
    kind_by_shape = {"Point": EQUIPEMENT,
                     "Polygon": PERIMETRE if "nature" in values else QUARTIER_VECU}
    if geometry is None or geometry.geom_type not in kind_by_shape:
        found = "aucune géométrie" if geometry is None else geometry.geom_type
        return None, (f"Type de proposition indéterminable ({found}) : un point ou un "
                      "polygone est attendu, ou précisez le type.")
    return kind_by_shape[geometry.geom_type], None


def _label(title: object, number: int) -> str:
    """What a report line calls the feature: its title, shortened, else « objet n° N »."""
    if title is None or not str(title).strip():
        return f"objet n° {number}"
    return shortened(title, LABEL_LIMIT)


class _Importer:
    def __init__(self, store, kind: str | None, commune: str | None) -> None:
        self.store, self.kind, self.commune = store, kind, commune
        self.seen_uuids: set[str] = set()

    def feature(self, layer: str, number: int, values: dict[str, object],
                geometry: BaseGeometry | None,
                refusal: str | None = None) -> tuple[FeatureOutcome, Proposal | None]:
        label = _label(values.get("title"), number)
        if refusal:
            return FeatureOutcome(layer, number, label, (refusal,)), None
        if geometry is not None:
            geometry = None if geometry.is_empty else single_part(geometry)
        kind, reason = _kind(self.kind, values, geometry)
        reasons = [reason] if reason else []
        uuid = self._uuid(values, reasons)
        notes = []
        if kind == EQUIPEMENT and "status" not in values:
            values["status"] = DEFAULT_STATUS
            notes.append(f"Statut absent : « {STATUSES[DEFAULT_STATUS]} » retenu.")
        if kind in _SUGGESTED_QPV_KINDS and "qpv_code" not in values and geometry is not None \
                and geometry.is_valid:
            values["qpv_code"] = self.store.suggest_qpv(geometry)
        if kind and not reasons:
            validation = self.store.validate(kind, geometry, values)
            reasons += validation.messages()
            if validation.ok and self.commune and self.commune not in \
                    self.store.territory.commune_codes(validation.geometry):
                name = self.store.territory.commune_name(self.commune)
                reasons.append(f"En dehors de la commune de {name} ({self.commune}).")
            if not reasons:
                proposal = self.store.new_proposal(kind, geometry, values, uuid)
                warnings = (*notes, *(problem.message for problem in validation.warnings))
                return FeatureOutcome(layer, number, label, (), warnings, proposal.uuid), proposal
        return FeatureOutcome(layer, number, label, tuple(reasons)), None

    def _uuid(self, values: dict[str, object], reasons: list[str]) -> str | None:
        """The file's identifier is kept, so a proposal stays the same one across exchanges."""
        uuid = valid_uuid(values["uuid"]) if "uuid" in values else None
        if uuid is None:
            return None
        if uuid in self.seen_uuids or self.store.get(uuid, include_deleted=True) is not None:
            reasons.append(f"Proposition déjà présente (identifiant {uuid}).")
        self.seen_uuids.add(uuid)
        return uuid


def import_proposals(store, path: str | Path, kind: str | None = None,
                     commune: str | None = None) -> ImportReport:
    """Import a file's features as proposals of ``kind`` (default: from each feature);
    ``commune`` (INSEE code or name) refuses the features outside that commune.
    Raises ImportFileError, changing nothing, for a file that cannot be imported at all."""
    path = Path(path)
    if kind is not None and kind not in KINDS:
        raise ImportFileError(f"Type de proposition inconnu : « {kind} » "
                              f"(attendu : {', '.join(KINDS)}).")
    commune_code = store.territory.commune_code(commune) if commune else None
    if commune and commune_code is None:
        raise ImportFileError(f"Commune inconnue dans "
                              f"{store.territory.names.with_article['epci']} : {echo(commune)}.")
    importer = _Importer(store, kind, commune_code)
    report = ImportReport(path)
    proposals: list[Proposal] = []
    for layer in _read_layers(path):
        frame = layer.frame
        plan = column_plan(column for column in frame.columns if column != "geometry")
        for number, (row, geometry) in enumerate(
                zip(frame.drop(columns="geometry").to_dict("records"), frame.geometry), 1):
            outcome, proposal = importer.feature(layer.name, number, read_fields(row, plan),
                                                 geometry, layer.refusals.get(number - 1))
            report.outcomes.append(outcome)
            if proposal is not None:
                proposals.append(proposal)
    count = len(proposals)
    description = (f"Import de {count} propositions" if count > 1
                   else "Import d'une proposition") + f" ({path.name})"
    report.step = store.add_all(proposals, description)
    return report
