"""Exports of a workshop's synthesis (GeoJSON, RFC 7946: WGS 84 longitude/latitude).

Privacy first (RGPD): by default a file carries the consensus — the contours at each
threshold that take at least MIN_PEOPLE_PER_PLACE drawings, with their counts and areas, and
the places named by at least that many participants, counted — never one person's drawing
or pin. The
individual anonymous contributions (« Participant N », nothing else) go in only when the
facilitator asks for them. Names are never stored, so never exported; the coarse facts
(resident or not, age band) only as totals.
"""
from __future__ import annotations

import errno
import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import shapely
from shapely.geometry import Point, mapping
from shapely.geometry.base import BaseGeometry

from ..map.viewport import lambert93_to_wgs84
from .clusters import PlaceCluster
from .consensus import Consensus, Level
from .synthesis import WorkshopSynthesis
from .vocabulary import AGE_BANDS, PLACE, participant_label
from .workshop import Contribution, Participant

MIN_PEOPLE_PER_PLACE = 2      # a place (or a contour) one person alone makes is not located
COORDINATE_DECIMALS = 7       # about a centimetre


class ExportFailed(OSError):
    """The file could not be written (French message); no partial file is left."""


def _wgs84(geometry: BaseGeometry) -> dict | None:
    if geometry is None or geometry.is_empty:
        return None

    def project(coordinates):
        lon, lat = lambert93_to_wgs84(coordinates[:, 0], coordinates[:, 1])
        coordinates[:, 0], coordinates[:, 1] = lon, lat
        return coordinates.round(COORDINATE_DECIMALS)
    return mapping(shapely.transform(geometry, project))


def _feature(geometry: BaseGeometry | None, properties: dict) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": _wgs84(geometry)}


def shareable(level: Level) -> bool:
    """A contour may leave the room when it takes at least MIN_PEOPLE_PER_PLACE drawings:
    one that a single drawing makes is that person's drawing (or a union of such)."""
    return level.min_count >= MIN_PEOPLE_PER_PLACE


def contour_features(agreement: Consensus, mask_single: bool = True) -> list[dict]:
    """One feature per threshold, its geometry null when nobody agrees that much, or (with
    ``mask_single``) when one drawing is enough to be in it: its area is still given."""
    features = []
    for level in agreement.levels:
        masked = mask_single and not shareable(level)
        properties = {
            "objet": "contour",
            "seuil": level.threshold,
            "dessins_requis": level.min_count,
            "participants": agreement.participants,
            "surface_m2": round(level.area_m2, 1),
            "surface_ha": round(level.area_ha, 4),
            "part_hors_qpv": (None if level.share_outside is None
                              else round(level.share_outside, 4)),
        }
        if masked:
            properties["masque"] = ("un seul dessin suffit à ce seuil : le contour montrerait "
                                    "des dessins individuels")
        features.append(_feature(None if masked else level.geometry, properties))
    return features


def place_features(clusters: Sequence[PlaceCluster]) -> list[dict]:
    """The places named by enough participants to locate them without pointing at one."""
    return [_feature(Point(item.x, item.y), {
        "objet": "lieu_cite", "sorte": item.place_kind, "categorie": item.category,
        "epingles": item.pins, "personnes": item.participants})
        for item in clusters if item.participants >= MIN_PEOPLE_PER_PLACE]


def individual_features(drawings: dict[int, BaseGeometry],
                        places: Sequence[Contribution]) -> list[dict]:
    """Each participant's drawing and pins, under « Participant N » only."""
    features = [_feature(shape, {"objet": "dessin_individuel",
                                 "participant": participant_label(number)})
                for number, shape in drawings.items()]
    features += [_feature(place.geometry, {
        "objet": "lieu_individuel", "participant": participant_label(place.participant),
        "sorte": place.place_kind, "categorie": place.category}) for place in places]
    return features


def participant_totals(participants: Sequence[Participant]) -> dict[str, object]:
    """How many took part, and the coarse facts as totals only."""
    residence = Counter("oui" if item.lives_in_qpv else "non" for item in participants
                        if item.lives_in_qpv is not None)
    ages = Counter(item.age_band for item in participants if item.age_band)
    return {"participants": len(participants),
            "habitent_le_qpv": dict(residence) or None,
            "tranches_age": {band: ages[band] for band in AGE_BANDS if ages[band]} or None}


def feature_collection(features: list[dict], **members: object) -> dict:
    """A FeatureCollection; ``members`` are foreign members at its top level (RFC 7946 §6.1)."""
    return {"type": "FeatureCollection", **members, "features": features}


def workshop_document(synthesis: WorkshopSynthesis, store,
                      include_individual: bool = False) -> dict:
    """The workshop's synthesis as a FeatureCollection: contours and counted places, plus
    the individual anonymous contributions only when ``include_individual``."""
    workshop = synthesis.workshop
    features = contour_features(synthesis.consensus) if synthesis.consensus else []
    features += place_features(synthesis.clusters)
    if include_individual:
        features += individual_features(store.drawings_by_participant(workshop.uuid),
                                        store.contributions(workshop.uuid, kind=PLACE))
    return feature_collection(
        features,
        atelier={"date": workshop.held_on, "lieu": workshop.place, "qpv": workshop.qpv_code,
                 "qpv_nom": synthesis.qpv_name, "dessins": synthesis.drawings,
                 **participant_totals(store.participants(workshop.uuid)),
                 "lieux": [{"sorte": item.place_kind, "categorie": item.category,
                            "epingles": item.pins, "personnes": item.participants}
                           for item in synthesis.place_counts],
                 "contributions_individuelles": include_individual})


def write_geojson(document: dict, path: str | Path) -> Path:
    """Written to a temporary file next to ``path`` then renamed: never a half file."""
    target = Path(path)
    if target.is_dir():
        raise ExportFailed(f"{target} est un dossier : indiquez un nom de fichier.")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass     # a read-only folder refuses even that: nothing was written there
        raise ExportFailed(_why(exc, target)) from exc
    return target


def _why(exc: OSError, target: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"Le disque est plein : {target} n'a pas été écrit (aucun fichier partiel) ; "
                "libérez de la place ou choisissez un autre dossier.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Impossible d'écrire {target} : le dossier est en lecture seule ou vous n'y "
                "avez pas accès ; choisissez un autre dossier.")
    if exc.errno == errno.ENOENT:
        return f"Le dossier {target.parent} n'existe pas : {target.name} n'a pas été écrit."
    return f"L'écriture de {target} a échoué ({exc.strerror or exc}) ; rien n'a été écrit."
