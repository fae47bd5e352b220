"""Read back the payload of a response package — data/reponse.gpkg, data/reponse.csv and
data/reponse.pdf — as hostile input: each must follow PACKAGE_FORMAT.md section 7, else a
Refusal with one French line. Returns the state of each proposal the response speaks of."""
from __future__ import annotations

import csv
import dataclasses
import io
import math
from collections.abc import Mapping, Sequence
from datetime import datetime

import shapely

from ..decisions_vocabulary import (DECISIONS, MAX_DECIDED_BY, MAX_MOTIF, MOTIF_REQUIRED,
                                    RECUE, RETENUE_MODIFIEE)
from ..proposals import gdal
from ..proposals.attributes import valid_uuid
from ..proposals.vocabulary import KINDS
from .archive import Refusal
from .info import RESPONSE_CSV, RESPONSE_GEOPACKAGE, RESPONSE_PDF
from .payload import check_pdf, checked_geometry, no_collection, plain_value, quiet_gdal
from .response import (DECISIONS_TABLE, MODIFIED_COLUMNS, MODIFIED_LAYERS, STATE_COLUMNS,
                       ProposalState, csv_header)

_MAX_TEXT = 5000
_COLUMN = {attribute: column for attribute, column, _, _ in STATE_COLUMNS}


def _text(value: object, column: str, where: str, limit: int = _MAX_TEXT) -> str:
    """Text or nothing ('' for NULL); Refusal for anything else or too long."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if not isinstance(value, str):
        raise Refusal(f"GeoPackage : « {column} » n'est pas du texte ({where}).")
    if len(value) > limit:
        raise Refusal(f"GeoPackage : « {column} » trop long ({where}).")
    return value


def _uuid(value: object, column: str, where: str) -> str:
    uuid = valid_uuid(value)
    if uuid is None or uuid != value:
        raise Refusal(f"GeoPackage : « {column} » n'est pas un identifiant valide ({where} ; "
                      "UUID en minuscules avec tirets attendu).")
    return uuid


def _moment(value: str, column: str, where: str) -> str:
    try:
        aware = datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        aware = False
    if not aware:
        raise Refusal(f"GeoPackage : « {column} » n'est pas une date ISO 8601 avec fuseau "
                      f"horaire ({where}).")
    return value


def _version(value: object, where: str) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer() and value >= 1:
        return int(value)
    raise Refusal(f"GeoPackage : « decision_version » invalide ({where} ; entier à partir de 1 "
                  "attendu).")


def _state(row: Mapping[str, object], where: str) -> ProposalState:
    uuid = _uuid(row.get("proposition_uuid"), "proposition_uuid", where)
    where = f"{where}, {uuid}"
    kind = row.get("proposition_type")
    if kind not in KINDS:
        raise Refusal(f"GeoPackage : type de proposition « {str(kind)[:40]} » inconnu ({where}).")
    decision = row.get("decision")
    if decision not in DECISIONS:
        raise Refusal(f"GeoPackage : décision « {str(decision)[:40]} » inconnue ({where}).")
    motif = _text(row.get("motif"), "motif", where, MAX_MOTIF)
    if decision in MOTIF_REQUIRED and not motif.strip():
        raise Refusal(f"GeoPackage : décision « {DECISIONS[decision]} » sans motif ({where}).")
    decision_uuid = _text(row.get("decision_uuid"), "decision_uuid", where) or None
    decided_by = _text(row.get("decide_par"), "decide_par", where, MAX_DECIDED_BY)
    decided_at = _text(row.get("decide_le"), "decide_le", where) or None
    version = _version(row.get("decision_version"), where)
    if decision_uuid is None:
        if decision != RECUE:
            raise Refusal(f"GeoPackage : décision « {DECISIONS[decision]} » sans identifiant "
                          f"de décision ({where}).")
        if decided_at or decided_by or version is not None:
            raise Refusal(f"GeoPackage : décideur, date ou version sans identifiant de "
                          f"décision ({where}).")
    else:
        _uuid(decision_uuid, "decision_uuid", where)
        if not decided_by.strip() or version is None or decided_at is None:
            raise Refusal(f"GeoPackage : décision sans décideur, date ou version ({where}).")
        _moment(decided_at, "decide_le", where)
    return ProposalState(
        uuid, kind, _text(row.get("proposition_titre"), "proposition_titre", where),
        _uuid(row.get("paquet_uuid"), "paquet_uuid", where),
        _moment(_text(row.get("paquet_recu_le"), "paquet_recu_le", where), "paquet_recu_le",
                where),
        decision, motif, decided_by, decided_at, decision_uuid, version)


def _rows(data: bytes, layer: str) -> tuple[dict, list, list[dict]]:
    from pyogrio import raw

    try:
        meta, _, geometries, values = raw.read(data, layer=layer)
    except Exception:   # GDAL raises its own error types for anything unreadable
        raise Refusal(f"GeoPackage : couche « {layer} » illisible.") from None
    columns = [str(name) for name in meta["fields"]]
    rows = [{name: plain_value(column[number]) for name, column in zip(columns, values)}
            for number in range(len(values[0]) if values else 0)]
    return meta, list(geometries) if geometries is not None else [], rows


def _required(meta: dict, columns: Sequence[str], layer: str) -> None:
    present = {str(name) for name in meta["fields"]}
    missing = [column for column in columns if column not in present]
    if missing:
        raise Refusal(f"GeoPackage : colonne(s) {', '.join(missing)} absente(s) de la couche "
                      f"« {layer} ».")


def _with_modified(data: bytes, states: dict[str, ProposalState]) -> None:
    """Attach each modified geometry to its proposal's state, checking it."""
    for layer, geometry_type in MODIFIED_LAYERS.items():
        meta, geometries, rows = _rows(data, layer)
        if meta.get("crs") != "EPSG:2154":
            raise Refusal(f"GeoPackage : couche « {layer} » en {meta.get('crs')} au lieu de "
                          "EPSG:2154.")
        _required(meta, MODIFIED_COLUMNS, layer)
        for number, (row, wkb) in enumerate(zip(rows, geometries), start=1):
            where = f"{layer} n° {number}"
            state = states.get(row.get("proposition_uuid"))
            if state is None:
                raise Refusal(f"GeoPackage : géométrie modifiée d'une proposition absente de "
                              f"la table « {DECISIONS_TABLE} » ({where}).")
            where = f"{where}, {state.proposal_uuid}"
            if state.decision != RETENUE_MODIFIEE or state.decision_uuid != \
                    row.get("decision_uuid"):
                raise Refusal("GeoPackage : géométrie modifiée sans décision « Retenue avec "
                              f"modifications » qui lui corresponde ({where}).")
            if state.modified_layer != layer:
                raise Refusal(f"GeoPackage : géométrie modifiée dans la mauvaise couche pour "
                              f"une proposition « {state.kind} » ({where}).")
            if state.geometry is not None:
                raise Refusal(f"GeoPackage : deux géométries modifiées pour une même "
                              f"proposition ({where}).")
            shape = shapely.from_wkb(wkb) if wkb is not None else None
            states[state.proposal_uuid] = dataclasses.replace(
                state, geometry=checked_geometry(shape, geometry_type, where))


def read_response_geopackage(data: bytes) -> list[ProposalState]:
    """The states of data/reponse.gpkg; Refusal when it does not follow section 7."""
    gdal.pyogrio()
    with quiet_gdal():
        try:
            from pyogrio import list_layers

            layers = {str(name) for name, _ in list_layers(data)}
        except Exception:
            raise Refusal("Le GeoPackage de la réponse est illisible.") from None
        for layer in (DECISIONS_TABLE, *MODIFIED_LAYERS):
            if layer not in layers:
                raise Refusal(f"GeoPackage : couche « {layer} » absente.")
        meta, _, rows = _rows(data, DECISIONS_TABLE)
        _required(meta, [column for _, column, _, _ in STATE_COLUMNS], DECISIONS_TABLE)
        states: dict[str, ProposalState] = {}
        for number, row in enumerate(rows, start=1):
            state = _state(row, f"{DECISIONS_TABLE} n° {number}")
            if state.proposal_uuid in states:
                raise Refusal(f"GeoPackage : la proposition {state.proposal_uuid} figure deux "
                              "fois dans la réponse.")
            states[state.proposal_uuid] = state
        _with_modified(data, states)
    return list(states.values())


def check_response_csv(data: bytes, states: Sequence[ProposalState]) -> None:
    """The CSV speaks of the same proposals as the GeoPackage, with the same decisions."""
    csv.field_size_limit(max(csv.field_size_limit(), len(data)))
    try:
        with no_collection():
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    except (UnicodeDecodeError, csv.Error):
        raise Refusal("Le CSV de la réponse est illisible.") from None
    if not rows or rows[0] != csv_header():
        raise Refusal("Le CSV de la réponse n'a pas les colonnes attendues.")
    body = [row for row in rows[1:] if row]
    position = list(_COLUMN).index("decision")
    found = {row[0]: row[position] if len(row) > position else None for row in body}
    expected = {state.proposal_uuid: state.label for state in states}
    if set(found) != set(expected) or len(body) != len(expected):
        raise Refusal("Le CSV ne contient pas les mêmes propositions que le GeoPackage de la "
                      "réponse.")
    for uuid, label in expected.items():
        if found[uuid] != label:
            raise Refusal(f"CSV : la proposition {uuid} n'y a pas la même décision que dans le "
                          "GeoPackage.")


def read_response_payload(members: Mapping[str, bytes]) -> list[ProposalState]:
    """Every payload file of a response checked; the states of its GeoPackage."""
    states = read_response_geopackage(members[RESPONSE_GEOPACKAGE])
    check_response_csv(members[RESPONSE_CSV], states)
    check_pdf(members[RESPONSE_PDF], "La réponse PDF du paquet")
    return states
