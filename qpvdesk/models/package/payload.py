"""Read back the payload of a package — the GeoPackage, the GeoJSON, the CSV and the PDF —
checking each has the schema qpvdesk writes, and turn the GeoPackage into proposals."""
from __future__ import annotations

import csv
import gc
import io
import json
import math
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import shapely
from shapely.geometry.base import BaseGeometry

from ..proposals import gdal
from ..proposals.attributes import valid_uuid
from ..proposals.exporter import _ALWAYS, _COLUMNS, _LAYERS, csv_header
from ..proposals.geometry import single_part
from ..proposals.proposal import Proposal
from ..proposals.vocabulary import CHOICES, KIND_FIELDS, KINDS, MAX_LENGTHS
from .archive import Refusal
from .info import CSV, GEOJSON, GEOPACKAGE, SYNTHESE

_NAME = {attribute: name for attribute, name, _ in _COLUMNS}
# Lambert-93 bounds of metropolitan France, with a margin: a shape outside is not ours.
_L93 = (-400_000.0, 5_900_000.0, 1_600_000.0, 7_300_000.0)
_MAX_TEXT = 5000


def plain_value(value: object) -> object:
    """numpy scalars as Python values."""
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) \
        else value


def _text(value: object, attribute: str, where: str) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if not isinstance(value, str):
        raise Refusal(f"GeoPackage : « {_NAME[attribute]} » n'est pas du texte ({where}).")
    if len(value) > MAX_LENGTHS.get(attribute, _MAX_TEXT):
        raise Refusal(f"GeoPackage : « {_NAME[attribute]} » trop long ({where}).")
    return value


def checked_geometry(value: object, geometry_type: str, where: str) -> BaseGeometry:
    if not isinstance(value, BaseGeometry) or value.is_empty:
        raise Refusal(f"GeoPackage : géométrie absente ({where}).")
    value = single_part(value)   # a polygon of a MultiPolygon layer comes back as itself
    if value.geom_type != geometry_type and not (
            geometry_type == "Polygon" and value.geom_type == "MultiPolygon"):
        raise Refusal(f"GeoPackage : géométrie {value.geom_type} au lieu de {geometry_type} "
                      f"({where}).")
    if not value.is_valid:
        raise Refusal(f"GeoPackage : géométrie invalide ({where}).")
    xmin, ymin, xmax, ymax = value.bounds
    if xmin < _L93[0] or ymin < _L93[1] or xmax > _L93[2] or ymax > _L93[3]:
        raise Refusal(f"GeoPackage : géométrie hors de France en Lambert-93 ({where}).")
    return value


def _proposal(row: Mapping[str, object], kind: str, geometry_type: str,
              where: str) -> Proposal:
    uuid = valid_uuid(row.get("uuid"))
    if uuid is None or uuid != row.get("uuid"):   # the one text form the three files share
        raise Refusal(f"GeoPackage : identifiant de proposition invalide ({where} ; UUID en "
                      "minuscules avec tirets attendu).")
    where = f"{where}, {uuid}"
    if row.get("type") != kind:
        raise Refusal(f"GeoPackage : type « {row.get('type')} » dans la couche {kind} "
                      f"({where}).")
    values: dict[str, object] = {}
    for attribute in (*_ALWAYS, *KIND_FIELDS[kind]):
        if attribute in ("uuid", "kind"):
            continue
        value = row.get(_NAME[attribute])
        if attribute == "horizon_year":
            if value is None or (isinstance(value, float) and math.isnan(value)) \
                    or type(value).__name__ == "NAType":
                value = None
            elif isinstance(value, (int, float)) and float(value).is_integer():
                value = int(value)
            else:
                raise Refusal(f"GeoPackage : année d'horizon invalide ({where}).")
        else:
            value = _text(value, attribute, where)
            if attribute in CHOICES and value is not None and value not in CHOICES[attribute]:
                raise Refusal(f"GeoPackage : valeur « {value} » inconnue pour "
                              f"« {_NAME[attribute]} » ({where}).")
        values[attribute] = value
    communes = tuple(code for code in (values.pop("communes") or "").split(",") if code)
    if any(len(code) != 5 for code in communes):
        raise Refusal(f"GeoPackage : codes de communes invalides ({where}).")
    for attribute in ("title", "description", "justification", "author", "contact",
                      "created", "modified"):
        values[attribute] = values.get(attribute) or ""
    return Proposal(uuid, kind, checked_geometry(row.get("geometry"), geometry_type, where),
                    communes=communes, **values)


@contextmanager
def quiet_gdal() -> Iterator[None]:
    """pyogrio reads a package's bytes from a /vsimem/ name without the .gpkg extension, and
    warns about it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


def read_geopackage(data: bytes) -> list[Proposal]:
    """The proposals of the package's GeoPackage; Refusal when it is not one qpvdesk wrote."""
    with quiet_gdal():
        return _read_geopackage(data)


def _read_geopackage(data: bytes) -> list[Proposal]:
    pyogrio = gdal.pyogrio()
    from pyogrio import raw

    try:
        layers = {str(name) for name, _ in pyogrio.list_layers(data)}
    except Exception:   # GDAL raises its own error types for anything unreadable
        raise Refusal("Le GeoPackage du paquet est illisible.") from None
    proposals: list[Proposal] = []
    for kind, (layer, geometry_type) in _LAYERS.items():
        if layer not in layers:
            raise Refusal(f"GeoPackage : couche « {layer} » absente.")
        try:   # raw: one pass over the layer, no data frame needed
            meta, _, geometries, values = raw.read(data, layer=layer)
        except Exception:
            raise Refusal(f"GeoPackage : couche « {layer} » illisible.") from None
        if meta.get("crs") != "EPSG:2154":
            raise Refusal(f"GeoPackage : couche « {layer} » en {meta.get('crs')} au lieu de "
                          "EPSG:2154.")
        columns = [str(name) for name in meta["fields"]]
        missing = [_NAME[attribute] for attribute in (*_ALWAYS, *KIND_FIELDS[kind])
                   if _NAME[attribute] not in columns]
        if missing:
            raise Refusal(f"GeoPackage : colonne(s) {', '.join(missing)} absente(s) de la "
                          f"couche « {layer} ».")
        shapes = shapely.from_wkb(geometries) if geometries is not None else []
        for number, shape in enumerate(shapes):
            row = {name: plain_value(column[number]) for name, column in zip(columns, values)}
            row["geometry"] = shape
            proposals.append(_proposal(row, kind, geometry_type, f"{layer} n° {number + 1}"))
    uuids = [item.uuid for item in proposals]
    if len(set(uuids)) != len(uuids):
        raise Refusal("GeoPackage : la même proposition figure deux fois.")
    return proposals


@contextmanager
def no_collection() -> Iterator[None]:
    """Parsing megabytes of coordinates allocates millions of containers that the cyclic
    garbage collector scans again and again for nothing: off while parsing (halves the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_geojson(data: bytes, kinds: Mapping[str, str]) -> None:
    """The GeoJSON holds the GeoPackage's proposals (``kinds``: uuid -> type), no other."""
    try:
        with no_collection():
            # The scanner still checks every number's syntax; parse_float=len keeps it from
            # building a float object per coordinate (the GeoPackage holds the geometry).
            document = json.loads(data.decode("utf-8"), parse_float=len)
    except (UnicodeDecodeError, ValueError):
        raise Refusal("Le GeoJSON du paquet est illisible.") from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" \
            or not isinstance(document.get("features"), list):
        raise Refusal("Le GeoJSON du paquet n'est pas une collection d'objets (FeatureCollection).")
    found = {}
    for feature in document["features"]:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict) or not isinstance(feature.get("geometry"), dict):
            raise Refusal("GeoJSON : objet sans géométrie ou sans propriétés.")
        uuid = properties.get("uuid")
        if not isinstance(uuid, str):
            raise Refusal("GeoJSON : objet sans identifiant de proposition (uuid).")
        found[uuid] = properties.get("type")
    if set(found) != set(kinds) or len(document["features"]) != len(kinds):
        raise Refusal("Le GeoJSON ne contient pas les mêmes propositions que le GeoPackage.")
    _same_kinds(found, kinds, "GeoJSON", lambda kind: kind)


def _same_kinds(found: Mapping[str, object], kinds: Mapping[str, str], where: str,
                written: Callable[[str], str]) -> None:
    for uuid, kind in kinds.items():
        if found[uuid] != written(kind):
            raise Refusal(f"{where} : la proposition {uuid} n'y a pas le même type que dans le "
                          "GeoPackage.")


def check_csv(data: bytes, kinds: Mapping[str, str]) -> None:
    """The CSV holds the GeoPackage's proposals (``kinds``: uuid -> type), no other."""
    # a detailed polygon's WKT exceeds the csv module's default 128 KiB field limit
    csv.field_size_limit(max(csv.field_size_limit(), len(data)))
    try:
        with no_collection():
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    except (UnicodeDecodeError, csv.Error):
        raise Refusal("Le CSV du paquet est illisible.") from None
    if not rows or rows[0] != csv_header():
        raise Refusal("Le CSV du paquet n'a pas les colonnes attendues.")
    body = [row for row in rows[1:] if row]
    found = {row[0]: row[1] if len(row) > 1 else None for row in body}
    if set(found) != set(kinds) or len(body) != len(kinds):
        raise Refusal("Le CSV ne contient pas les mêmes propositions que le GeoPackage.")
    _same_kinds(found, kinds, "CSV", lambda kind: KINDS[kind])


def check_pdf(data: bytes, what: str = "La synthèse PDF du paquet") -> None:
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise Refusal(f"{what} est illisible.")


def read_payload(members: Mapping[str, bytes]) -> list[Proposal]:
    """Every payload file checked; the proposals of the GeoPackage."""
    proposals = read_geopackage(members[GEOPACKAGE])
    kinds = {item.uuid: item.kind for item in proposals}
    check_geojson(members[GEOJSON], kinds)
    check_csv(members[CSV], kinds)
    check_pdf(members[SYNTHESE])
    return proposals


def bounds_of(proposals: list[Proposal]) -> tuple[float, float, float, float] | None:
    if not proposals:
        return None
    return tuple(shapely.total_bounds([item.geometry for item in proposals]))
