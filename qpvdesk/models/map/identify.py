"""What the identify panel shows for a feature: French labels and French-formatted values."""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..frenchnum import NO_VALUE, format_french_number
from ..phrase import Phrase
from ..search import french_order


@dataclass(frozen=True)
class FeatureInfo:
    title: str
    rows: list[tuple[str, str]]
    qpv_code: str | None = None    # set for a QPV: the panel offers « Ouvrir la fiche »


def _number(value, decimals: int = 0, unit: str = "") -> str:
    if value is None:
        return NO_VALUE
    text = format_french_number(float(value), decimals)
    return f"{text}\u00a0{unit}" if unit else text


PERIMETER_MISSING = ("Périmètre", "non fourni : le quartier est placé dans sa commune. Ajoutez "
                     "les périmètres par Fichier > Importer les périmètres des QPV… (fichier "
                     "national « QP2024 » de l'ANCT).")


def _epci_short(conn) -> str:
    """« CALL » when the database gives the EPCI a short name, else « l'intercommunalité »."""
    row = conn.execute("SELECT value FROM metadata WHERE key = 'epci_short_name'").fetchone()
    return row[0] if row and row[0] else "l'intercommunalité"


def _qpv(conn, key: str) -> FeatureInfo:
    code, code_2015, name, area, share = conn.execute(
        "SELECT code, code_2015, name, area_ha, share_in_call FROM qpv WHERE code = ?",
        (key,)).fetchone()
    epci = _epci_short(conn)
    rows = conn.execute("SELECT commune_name, in_call FROM qpv_commune WHERE qpv_code = ? "
                        "AND geography = 2024", (code,)).fetchall()
    rows.sort(key=lambda row: (not row[1], french_order(row[0])))   # the EPCI's first
    communes = ", ".join(name if in_call else f"{name} (hors {epci})" for name, in_call in rows)
    population = conn.execute(
        "SELECT value, edition FROM indicator_value WHERE territory_kind = 'qpv' AND "
        "territory_code = ? AND indicator_id = 'DEMO.POP_MUN' AND status = 'ok' "
        "ORDER BY edition DESC LIMIT 1", (code_2015,)).fetchone() if code_2015 else None
    rows = [("Code 2024", code),
            ("Code 2015 (indicateurs INSEE)", code_2015 or "aucun (pas de chiffres INSEE)"),
            ("Communes", communes or "—")]
    if area is None:
        rows.append(PERIMETER_MISSING)
    else:
        rows += [("Superficie", _number(area, 1, "ha")),
                 (f"Part de sa superficie dans {'la ' if epci.isupper() else ''}{epci}",
                  _number(share * 100 if share is not None else None, 0, "%"))]
    if population:
        rows.append((Phrase("Population (INSEE, édition {edition})", edition=population[1]),
                     _number(population[0])))
    return FeatureInfo(Phrase("Quartier prioritaire : {name}", name=name), rows, qpv_code=code)


def _commune(conn, key: str) -> FeatureInfo:
    name, population, year, densite, centralite = conn.execute(
        "SELECT name, population_municipale, population_year, densite, centralite "
        "FROM commune WHERE insee = ?", (key,)).fetchone()
    qpv = conn.execute("SELECT count(DISTINCT qpv_code) FROM qpv_commune WHERE commune_insee = ?"
                       " AND geography = 2024", (key,)).fetchone()[0]
    return FeatureInfo(Phrase("Commune : {name}", name=name), [
        ("Code INSEE", key),
        (Phrase("Population municipale ({year})", year=year), _number(population)),
        ("Densité (grille INSEE)", densite or "—"), ("Centralité", centralite or "—"),
        ("Quartiers prioritaires 2024", str(qpv))])


def _iris(conn, key: str) -> FeatureInfo:
    name, kind, commune = conn.execute(
        "SELECT i.name, i.type, c.name FROM iris i JOIN commune c ON c.insee = i.commune_insee"
        " WHERE i.code = ?", (key,)).fetchone()
    kinds = {"H": "habitat", "A": "activité", "D": "divers", "Z": "commune non découpée"}
    median = conn.execute(
        "SELECT value, edition FROM indicator_value WHERE territory_kind = 'iris' AND "
        "territory_code = ? AND indicator_id = 'FILO.DISP_MED' AND status = 'ok' "
        "ORDER BY edition DESC LIMIT 1", (key,)).fetchone()
    rows = [("Code IRIS", key), ("Commune", commune), ("Type", kinds.get(kind, kind))]
    if median:
        rows.append((Phrase("Revenu disponible médian par UC ({year})", year=median[1]),
                     _number(median[0], 0, "€")))
    return FeatureInfo(Phrase("IRIS : {name}", name=name), rows)


def _college(conn, key: str) -> FeatureInfo:
    name, commune, sector, ips, year, rep, vintage = conn.execute(
        "SELECT name, commune_name, sector, ips, ips_school_year, rep, rep_vintage "
        "FROM college WHERE uai = ?", (key,)).fetchone()
    return FeatureInfo(name, [
        ("UAI", key), ("Commune", commune), ("Secteur", sector),
        (Phrase("IPS (rentrée {year})", year=year), _number(ips, 1)),
        ("Éducation prioritaire", f"{rep} ({vintage})" if rep else "non concerné (privé)")])


def _epci(conn, key: str) -> FeatureInfo:
    name, population, year = conn.execute(
        "SELECT name, population_municipale, population_year FROM epci WHERE siren = ?",
        (key,)).fetchone()
    return FeatureInfo(name, [("SIREN", key),
                              (Phrase("Population municipale ({year})", year=year),
                               _number(population)),
                              ("Communes", str(conn.execute("SELECT count(*) FROM commune"
                                                            ).fetchone()[0]))])


HERITAGE_TABLES = {"cites": "heritage_cite", "terrils": "heritage_terril",
                   "puits": "heritage_puits", "unesco": "unesco_perimetre"}
HERITAGE_LABELS = {"type": "Type", "typologie": "Typologie", "compagnie": "Compagnie",
                   "interet": "Intérêt", "id_unesco": "Élément UNESCO", "proprietaire":
                   "Propriétaire", "concession": "Concession", "fosse": "Fosse",
                   "creusement": "Creusement", "fermeture": "Fermeture",
                   "profondeur": "Profondeur (m)", "surface_ha": "Surface (ha)",
                   "forme": "Forme", "periode": "Période"}


def _heritage(conn, layer_id: str, key: str) -> FeatureInfo:
    name, communes, properties = conn.execute(
        f"SELECT name, communes, properties FROM {HERITAGE_TABLES[layer_id]} WHERE id = ?",
        (int(key),)).fetchone()
    values = json.loads(properties)
    rows = [("Communes", communes or "—")]
    rows += [(label, values[field]) for field, label in HERITAGE_LABELS.items()
             if values.get(field)]
    return FeatureInfo(name, rows)


def feature_info(store, layer_id: str, key: str) -> FeatureInfo:
    """The identify content of one feature of a reference layer."""
    conn = store.conn
    readers = {"qpv": _qpv, "qpv_markers": _qpv, "communes": _commune, "iris": _iris, "colleges": _college,
               "epci": _epci}
    if layer_id in readers:
        return readers[layer_id](conn, key)
    if layer_id in HERITAGE_TABLES:
        return _heritage(conn, layer_id, key)
    raise KeyError(f"no identify content for layer {layer_id}")
