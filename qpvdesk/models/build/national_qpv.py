"""The QPV 2024 touching an EPCI, from the national pack: ANCT's list (codes, names, communes,
EPCI), the derived 2024 -> 2015 correspondence with its confidence, and a point at a commune's
centre for each QPV until its perimeter is provided.

Only a 'haute' or 'moyenne' match links a 2024 QPV to INSEE's 2015 figures (``qpv.code_2015``).
A 'faible' candidate is kept in ``qpv_correspondence`` with its figures stored under its 2015
code, so that a reader can show them *as another quartier's*; a new QPV (letter N, or C in
Mayotte) has none.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

import shapely

from . import national_layout as layout
from .errors import SourceError
from .names import normalized
from .national_pack import NationalPack
from .qpv import CORRESPONDENCE_COLUMNS, CORRESPONDENCE_NOTE
from .schema import insert_rows

LINKED_CONFIDENCES = ("haute", "moyenne")
CITIES_WITH_ARRONDISSEMENTS = {"paris": "75056", "lyon": "69123", "marseille": "13055"}
PASSAGE_SOURCE = ("Table dérivée (qpv_passage_2015_2024) : correspondance par nom et commune, "
                  "la table officielle de l'ANCT n'étant pas disponible")

CONFIDENCE_NOTES = {
    "haute": "Correspondance établie avec une confiance haute ({method}).",
    "moyenne": ("Correspondance établie avec une confiance moyenne ({method}) : les chiffres "
                "INSEE affichés sont ceux du QPV 2015 {code_2015} « {name_2015} »."),
    "faible": ("Correspondance incertaine (confiance faible, {method}) : le QPV 2015 le plus "
               "proche est {code_2015} « {name_2015} ». Ses chiffres ne sont pas présentés comme "
               "ceux de ce quartier."),
    "aucune": ("Aucun QPV 2015 correspondant n'a été trouvé ({method}) : pas de chiffres INSEE "
               "pour ce quartier."),
    "sans_objet": ("Nouveau quartier prioritaire en 2024 : INSEE ne publie pas encore de "
                   "chiffres sur ce quartier (les bases QPV embarquées portent sur la "
                   "géographie 2015)."),
}
MARKER_NOTE = ("Périmètre non fourni : le quartier est marqué au centre de la commune de "
               "{commune}. Ajoutez le fichier national des périmètres des QPV (ANCT, « QP2024 », "
               "GeoJSON, GeoPackage ou Shapefile) pour dessiner son contour.")


@dataclass(frozen=True)
class NationalQpv:
    code: str
    name: str
    letter: str
    communes: tuple[tuple[str, str, str], ...]   # (INSEE 2026, name, EPCI SIREN)
    code_2015: str | None                       # candidate, whatever the confidence
    name_2015: str | None
    communes_2015: str                          # names, as the derived table gives them
    confidence: str
    method: str
    others_2015: tuple[str, ...]

    @property
    def linked(self) -> bool:
        return self.code_2015 is not None and self.confidence in LINKED_CONFIDENCES


def qpv_of_epci(pack: NationalPack, communes: dict[str, str]) -> list[NationalQpv]:
    """Every QPV 2024 with at least one commune (COG 2026) in the EPCI."""
    listing = pack.table(layout.QPV_COMMUNES, ["code_qp", "lib_qp", "lettre",
                                               "insee_com_cog2026", "nom_com_cog2026",
                                               "siren_epci_cog2026"])
    by_code: dict[str, list] = defaultdict(list)
    for row in listing.rows:
        by_code[row["code_qp"]].append(row)
    chosen = sorted(code for code, rows in by_code.items()
                    if any(r["insee_com_cog2026"] in communes for r in rows))
    passage = pack.table(layout.QPV_PASSAGE, ["code_qp_2024", "code_qp_2015", "lib_qp_2015",
                                              "communes_2015", "confiance", "methode",
                                              "autres_qp2015_plausibles"], keep=set(chosen))
    matches = {row["code_qp_2024"]: row for row in passage.rows}
    result = []
    for code in chosen:
        rows, match = by_code[code], matches.get(code)
        if match is None:
            raise SourceError(passage.path, f"QPV {code} has no row")
        result.append(NationalQpv(
            code, rows[0]["lib_qp"], rows[0]["lettre"],
            tuple(dict.fromkeys((r["insee_com_cog2026"], r["nom_com_cog2026"],
                                 r["siren_epci_cog2026"]) for r in rows)),
            match["code_qp_2015"] or None, match["lib_qp_2015"] or None, match["communes_2015"],
            match["confiance"], match["methode"],
            tuple(c for c in match["autres_qp2015_plausibles"].split("|") if c)))
    return result


class CommuneNames:
    """2015 commune names -> COG 2026 codes: the commune of that name in the QPV's
    département, else the only one in France; communes déléguées and Paris, Lyon, Marseille
    arrondissements go to their commune. Names are compared normalised, département by
    département as needed."""

    def __init__(self, pack: NationalPack) -> None:
        self.names = [(row["dep"], row["nom_com"], row["insee_com"]) for row in
                      pack.table(layout.COMMUNES, ["insee_com", "nom_com", "dep"]).rows]
        self.names += [(row["dep"], row["nom"], row["commune_de_rattachement"]) for row in
                       pack.table(layout.COMMUNES_DELEGUEES, ["nom", "dep",
                                                             "commune_de_rattachement"]).rows]
        self._by_departement: dict[str, dict[str, set[str]]] = {}

    def _index(self, departement: str | None) -> dict[str, set[str]]:
        if departement not in self._by_departement:
            index: dict[str, set[str]] = defaultdict(set)
            for dep, name, code in self.names:
                if departement is None or dep == departement:
                    index[normalized(name)].add(code)
            self._by_departement[departement] = index
        return self._by_departement[departement]

    def code(self, name: str, departement: str) -> str | None:
        city = re.fullmatch(r"(Paris|Lyon|Marseille) \d+(er|e) Arrondissement", name.strip())
        if city:
            return CITIES_WITH_ARRONDISSEMENTS[city.group(1).lower()]
        key = normalized(name)
        for scope in (departement, None):
            codes = self._index(scope).get(key)
            if codes:
                return next(iter(codes)) if len(codes) == 1 else None
        return None


def departement_of_qpv(code: str) -> str:
    """QP062040 / QN06240M -> 62; QP971002 -> 971; QN02A01M -> 2A."""
    digits = code[2:5]
    return digits if digits.startswith("97") else digits[1:]


def build_national_qpv(ctx, pack: NationalPack) -> list[NationalQpv]:
    """Insert the QPV, their communes (2024 and, when linked, 2015), the correspondence and the
    markers; returns the QPV."""
    communes = ctx.scope.communes
    qpvs = qpv_of_epci(pack, communes)
    for relative in (layout.QPV_COMMUNES, layout.QPV_PASSAGE):
        ctx.used_by(layout.PREFIX + relative, "qpv", "qpv_commune", "qpv_correspondence",
                    "territory")
    names = CommuneNames(pack)
    qpv_rows, links, correspondences = [], [], []
    for qpv in qpvs:
        inside = [c for c, _, _ in qpv.communes if c in communes]
        outside = [c for c, _, _ in qpv.communes if c not in communes]
        qpv_rows.append((qpv.code, qpv.code_2015 if qpv.linked else None, qpv.name,
                         ",".join(inside), ",".join(outside),
                         ",".join(sorted({siren for _, _, siren in qpv.communes})),
                         qpv.letter))
        links += [(qpv.code, 2024, code, name, int(code in communes), None)
                  for code, name, _ in qpv.communes]
        codes_2015 = _codes_2015(qpv, names)
        if qpv.linked:
            links += [(qpv.code, 2015, code, communes.get(code, name), int(code in communes),
                       None) for code, name in codes_2015]
        correspondences.append(_correspondence(qpv, [c for c, _ in codes_2015],
                                               [c for c, _, _ in qpv.communes]))
    insert_rows(ctx.conn, "qpv", ["code", "code_2015", "name", "communes_in_call",
                                  "communes_outside_call", "epci_sirens", "letter"], qpv_rows)
    insert_rows(ctx.conn, "qpv_commune", ["qpv_code", "geography", "commune_insee",
                                          "commune_name", "in_call", "area_ha_in_commune"],
                sorted(set(links)))
    insert_rows(ctx.conn, "qpv_correspondence", CORRESPONDENCE_COLUMNS, correspondences)
    named_2015 = {qpv.code_2015: qpv.name_2015 for qpv in qpvs
                  if qpv.code_2015 and qpv.confidence != "aucune"}
    insert_rows(ctx.conn, "territory", ["kind", "code", "name"],
                sorted(("qpv", code, name) for code, name in named_2015.items()))
    _insert_markers(ctx.conn, qpvs, communes)
    return qpvs


def _codes_2015(qpv: NationalQpv, names: CommuneNames) -> list[tuple[str, str]]:
    """(INSEE code, name) of the 2015 QPV's communes whose name resolves to one code."""
    if qpv.code_2015 is None:
        return []
    found = []
    for name in (n.strip() for n in qpv.communes_2015.split(",") if n.strip()):
        code = names.code(name, departement_of_qpv(qpv.code_2015))
        if code is not None and code not in (c for c, _ in found):
            found.append((code, name))
    return found


def _correspondence(qpv: NationalQpv, communes_2015: list[str],
                    communes_2024: list[str]) -> tuple:
    note = CONFIDENCE_NOTES[qpv.confidence].format(method=qpv.method, code_2015=qpv.code_2015,
                                                   name_2015=qpv.name_2015)
    if qpv.others_2015:
        note += (" Le quartier 2024 peut aussi couvrir le(s) QPV 2015 "
                 f"{', '.join(qpv.others_2015)} (fusion possible).")
    if qpv.code_2015 is not None:
        note += " " + CORRESPONDENCE_NOTE
    return (qpv.code, qpv.name, qpv.code_2015, qpv.name_2015, ",".join(communes_2015),
            ",".join(communes_2024), int(sorted(communes_2015) == sorted(communes_2024)), 0,
            note, qpv.confidence, int(qpv.linked), qpv.method, ",".join(qpv.others_2015),
            PASSAGE_SOURCE)


def _insert_markers(conn, qpvs: list[NationalQpv], communes: dict[str, str]) -> None:
    """A point inside the first of each QPV's communes in the EPCI (its centroid, or a point
    on its surface when the centroid falls outside): the map marks the QPV there until its
    perimeter is provided. Several QPV of one commune are set apart on a ring around that
    point, so that each can be seen and clicked."""
    shapes = {code: shapely.from_wkb(wkb) for code, wkb in conn.execute(
        "SELECT insee, AsBinary(geom) FROM commune WHERE geom IS NOT NULL")}
    by_commune: dict[str, list[NationalQpv]] = {}
    for qpv in qpvs:
        commune = next((c for c, _, _ in qpv.communes if c in shapes), None)
        if commune is not None:
            by_commune.setdefault(commune, []).append(qpv)
    rows = []
    for commune, placed in sorted(by_commune.items()):
        points = marker_points(shapes[commune], len(placed))
        rows += [(qpv.code, commune, communes[commune], "perimetre_non_fourni",
                  MARKER_NOTE.format(commune=communes[commune]), shapely.to_wkb(point))
                 for qpv, point in zip(sorted(placed, key=lambda q: q.code), points)]
    insert_rows(conn, "qpv_marker", ["qpv_code", "commune_insee", "commune_name", "status",
                                     "note", "geom"], rows)


MARKER_SPACING_M = 700.0


def marker_points(commune, count: int) -> list:
    """``count`` points inside a commune: its centre (centroid, or a point on its surface when
    the centroid falls outside) for one; for more, a ring around it, drawn in until every point
    is inside the commune (the centre for all as a last resort)."""
    centre = commune.centroid
    if not commune.contains(centre):
        centre = commune.point_on_surface()
    if count == 1:
        return [centre]
    radius = MARKER_SPACING_M / (2 * math.sin(math.pi / count))
    for _ in range(6):
        ring = [shapely.Point(centre.x + radius * math.cos(2 * math.pi * k / count + math.pi / 2),
                              centre.y + radius * math.sin(2 * math.pi * k / count + math.pi / 2))
                for k in range(count)]
        if all(commune.contains(point) for point in ring):
            return ring
        radius /= 2
    return [centre] * count
