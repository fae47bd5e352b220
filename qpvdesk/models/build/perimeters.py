"""QPV 2024 perimeters: read ANCT's national file (GeoJSON, GeoPackage or Shapefile of the
« QP2024 » dataset, any CRS) and put the perimeters of the database's QPV into it.

:func:`import_perimeters` works on an existing EPCI database, atomically: it writes a copy,
then renames it over the original; a refused file changes nothing. The build uses
:func:`read_perimeters` and :func:`apply_perimeters` directly. Qt-free; messages are French.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from pyproj import CRS, Transformer

from ..proposals.gdal import pyogrio
from ..spatialite import connect
from .coverage import perimeter_detail, perimeter_state
from .readers import LAMBERT93, as_multi

#: ANCT's column names in the QP2024 files (case is not significant).
ANCT_COLUMNS = ("code_qp", "lib_qp", "insee_com")
HOW_TO_GET = ("Choisissez le fichier des périmètres des quartiers prioritaires 2024 publié par "
              "l'ANCT (data.gouv.fr, jeu « Quartiers prioritaires de la politique de la ville », "
              "fichier QP2024).")


class PerimeterFileError(ValueError):
    """A perimeter file qpvdesk cannot use; the message is one French sentence or two."""


@dataclass(frozen=True)
class Perimeter:
    code: str
    name: str
    geometry: object            # shapely MultiPolygon, Lambert-93
    repaired: bool              # the source geometry was invalid and was made valid


@dataclass(frozen=True)
class PerimeterReport:
    source: str
    imported: tuple[str, ...]                    # QPV codes given a perimeter
    missing: tuple[tuple[str, str], ...]         # (code, name) of QPV not in the file
    ignored: int                                 # features of QPV of other EPCI
    repaired: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        text = (f"{len(self.imported)} périmètre(s) importé(s) depuis {self.source} ; "
                f"{self.ignored} quartier(s) d'autres intercommunalités ignoré(s).")
        if self.missing:
            text += (" Absents du fichier : " + ", ".join(f"{name} ({code})"
                                                          for code, name in self.missing)
                     + " — ils restent marqués au centre de leur commune.")
        if self.repaired:
            text += (" Contour invalide corrigé (géométrie rendue valide) : "
                     + ", ".join(self.repaired) + ".")
        return text


def read_perimeters(source: Path | bytes, label: str, *, name_column: str = "lib_qp",
                    required: tuple[str, ...] = ANCT_COLUMNS) -> dict[str, Perimeter]:
    """Perimeters by QPV code from a vector file (a path, or the bytes of a GeoJSON)."""
    ogr = pyogrio()
    if isinstance(source, Path) and not source.is_file():
        raise PerimeterFileError(f"Le fichier {label} est introuvable.")
    try:
        info = ogr.read_info(source)
    except Exception as exc:  # pyogrio raises several DataSourceError subclasses
        raise PerimeterFileError(
            f"Le fichier {label} n'est pas un fichier géographique lisible (GeoJSON, "
            f"GeoPackage ou Shapefile) : {exc}") from exc
    fields = {str(name).lower(): str(name) for name in info["fields"]}
    missing = [column for column in required if column not in fields]
    if missing:
        raise PerimeterFileError(
            f"Le fichier {label} n'a pas les colonnes du fichier national des QPV de l'ANCT : "
            f"il manque {', '.join(missing)}. {HOW_TO_GET}")
    if info.get("crs") is None:
        raise PerimeterFileError(
            f"Le fichier {label} ne dit pas dans quel système de coordonnées sont ses contours "
            "(fichier .prj absent ?). " + HOW_TO_GET)
    code_column, name_column = fields["code_qp"], fields.get(name_column.lower())
    columns = [c for c in (code_column, name_column) if c]
    meta, _, geometries, values = ogr.raw.read(source, columns=columns)
    codes = [str(code).strip().upper() for code in values[0]]
    names = values[1] if name_column else codes
    shapes = _to_lambert93(shapely.from_wkb(geometries), meta["crs"], label)
    grouped: dict[str, list] = {}
    for code, name, shape in zip(codes, names, shapes):
        grouped.setdefault(code, [str(name), []])[1].append(shape)
    return {code: _perimeter(code, name, parts, label)
            for code, (name, parts) in grouped.items() if code}


def _to_lambert93(shapes, crs_text: str, label: str):
    try:
        crs = CRS.from_user_input(crs_text)
    except Exception as exc:  # pyproj.exceptions.CRSError and friends
        raise PerimeterFileError(f"Le système de coordonnées du fichier {label} est inconnu "
                                 f"({crs_text}).") from exc
    if crs.equals(CRS.from_epsg(LAMBERT93)):
        return shapes
    transformer = Transformer.from_crs(crs, LAMBERT93, always_xy=True)
    return shapely.transform(shapes, lambda x, y: transformer.transform(x, y), interleaved=False)


def _perimeter(code: str, name: str, parts: list, label: str) -> Perimeter:
    if any(p is None or p.is_empty or p.geom_type not in ("Polygon", "MultiPolygon")
           for p in parts):
        raise PerimeterFileError(f"Le fichier {label} donne pour le quartier {code} un contour "
                                 "qui n'est pas un polygone.")
    repaired = not all(p.is_valid for p in parts)
    if repaired:
        parts = [shapely.make_valid(p) for p in parts]
    merged = shapely.union_all(parts)
    polygons = [g for g in shapely.get_parts(merged)
                if g.geom_type == "Polygon" and not g.is_empty]
    return Perimeter(code, name, as_multi(shapely.MultiPolygon(polygons)
                                          if len(polygons) > 1 else polygons[0]), repaired)


def apply_perimeters(conn, perimeters: dict[str, Perimeter], source: str) -> PerimeterReport:
    """Give each QPV of the database the perimeter the file has for it; the others keep their
    marker. Refused (nothing changed) when the file has none of the database's QPV."""
    qpvs = dict(conn.execute("SELECT code, name FROM qpv ORDER BY code"))
    found = sorted(set(qpvs) & set(perimeters))
    if not found:
        raise PerimeterFileError(
            f"Le fichier {source} ne contient aucun des {len(qpvs)} quartiers prioritaires de "
            "cette agglomération : rien n'a été importé. " + HOW_TO_GET)
    epci = shapely.from_wkb(conn.execute("SELECT AsBinary(geom) FROM epci").fetchone()[0])
    communes = {code: shapely.from_wkb(wkb) for code, wkb in conn.execute(
        "SELECT insee, AsBinary(geom) FROM commune WHERE geom IS NOT NULL")}
    for code in found:
        shape = perimeters[code].geometry
        area = shape.area
        conn.execute("UPDATE qpv SET geom = GeomFromWKB(?, ?), area_ha = ?, share_in_call = ?, "
                     "perimeter_source = ? WHERE code = ?",
                     (shapely.to_wkb(shape), LAMBERT93, round(area / 10_000, 2),
                      round(shape.intersection(epci).area / area, 3), source, code))
        for (commune,) in conn.execute(
                "SELECT commune_insee FROM qpv_commune WHERE qpv_code = ? AND geography = 2024",
                (code,)).fetchall():
            if commune in communes:
                conn.execute("UPDATE qpv_commune SET area_ha_in_commune = ? WHERE qpv_code = ? "
                             "AND geography = 2024 AND commune_insee = ?",
                             (round(shape.intersection(communes[commune]).area / 10_000, 2),
                              code, commune))
        conn.execute("DELETE FROM qpv_marker WHERE qpv_code = ?", (code,))
    return PerimeterReport(
        source, tuple(found), tuple((c, qpvs[c]) for c in sorted(set(qpvs) - set(perimeters))),
        len(set(perimeters) - set(qpvs)),
        tuple(c for c in found if perimeters[c].repaired))


def record_user_file(conn, source: str) -> None:
    """The provenance of a perimeter file the user gave (ANCT's national file, as it says)."""
    conn.execute(
        "INSERT OR REPLACE INTO provenance (table_name, source_path, producer, licence, "
        "vintage, original_location) VALUES ('qpv', ?, ?, ?, ?, ?)",
        (f"fichier fourni : {source}",
         "ANCT – SIG Ville, périmètres des quartiers prioritaires (fichier national QP2024)",
         "Licence Ouverte 2.0 (Etalab)", "Géographie prioritaire 2024",
         "data.gouv.fr, jeu 5a561801c751df42d7fca9b6 (fichier choisi par l'utilisateur)"))


def _record_perimeter_state(conn, source: str) -> None:
    """The coverage row and metadata saying how many QPV now have their perimeter."""
    total, provided = conn.execute("SELECT count(*), count(geom) FROM qpv").fetchone()
    available, detail = perimeter_detail(total, provided, source)
    conn.execute("UPDATE coverage SET available = ?, detail = ? WHERE topic = 'qpv_perimetres'",
                 (int(available), detail))
    conn.execute("UPDATE metadata SET value = ? WHERE key = 'perimeters'",
                 (perimeter_state(total, provided),))


def import_perimeters(reference_path: str | Path, file: str | Path) -> PerimeterReport:
    """Add or replace the perimeters of an EPCI database from ANCT's national file. The
    database is copied, changed, then renamed over the original: a failure leaves it as it
    was. Raises PerimeterFileError (French) for a file or database it cannot use."""
    reference_path, file = Path(reference_path), Path(file)
    perimeters = read_perimeters(file, file.name)  # before SpatiaLite: see proposals/gdal.py
    if not reference_path.is_file():
        raise PerimeterFileError(f"La base de référence {reference_path} est introuvable.")
    temporary = reference_path.with_name(f".{reference_path.name}.{os.getpid()}.perimetres")
    shutil.copyfile(reference_path, temporary)
    try:
        conn = connect(temporary)
        try:
            source = conn.execute("SELECT value FROM metadata WHERE key = 'build_source'"
                                  ).fetchone()
            if source is None or source[0] != "national":
                raise PerimeterFileError(
                    "Cette base n'a pas été construite à partir des données nationales : ses "
                    "périmètres viennent de ses propres sources et ne se remplacent pas.")
            with conn:
                report = apply_perimeters(conn, perimeters, file.name)
                _record_perimeter_state(conn, file.name)
                record_user_file(conn, file.name)
            conn.execute("SELECT UpdateLayerStatistics('qpv')")
        finally:
            conn.close()
        os.replace(temporary, reference_path)
    finally:
        temporary.unlink(missing_ok=True)
    return report
