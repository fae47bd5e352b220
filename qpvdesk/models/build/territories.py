"""Communes, the EPCI, IRIS and the reference levels (département, région, France)."""
from __future__ import annotations

import json

import shapely

from .context import BuildContext
from .errors import SourceError
from .names import display_name
from .readers import as_multi, number_cell
from .schema import insert_rows

# Populations légales millésime 2023, in force on 1 January 2026 (COG 2026).
POPULATION_YEAR = 2023

MEMBERS = "communes_epci_call/call_membres_epci_2026_decoupage_administratif.csv"
EPCI_RECORD = "communes_epci_call/call_epci_2026_decoupage_administratif.json"
COMMUNE_SHAPES = "communes_epci_call/communes_call_2018_ign_adminexpress_simplifie.geojson"
EPCI_SHAPE = "communes_epci_call/epci_call_dissous_depuis_communes.geojson"
TYPOLOGIES = "anct_typologies_communes/call_communes_densite_centralite_ruralite.csv"
IRIS_SHAPES = "iris_contours_2020/iris_call_2020.geojson"
IRIS_LIST = "iris_contours_2020/iris_call_liste_insee_2021.csv"


def build_communes(ctx: BuildContext) -> dict[str, str]:
    """Insert the communes of the scope's EPCI; returns INSEE code -> name."""
    siren = ctx.scope.epci_siren
    members = ctx.csv(MEMBERS, ["insee_com", "siren_commune", "nom", "population_municipale",
                                "population_totale", "codes_postaux", "siren_epci"],
                      "commune", "territory", delimiter=",")
    typologies = ctx.csv(TYPOLOGIES, ["insee_com", "niveau_densite", "niveau_centralite",
                                      "niveau_ruralite"], "commune", delimiter=",")
    typology_by_code = {row["insee_com"]: row for row in typologies.rows}
    shapes = ctx.geojson(COMMUNE_SHAPES, ["insee_com"], {"Polygon", "MultiPolygon"}, "commune")
    shape_by_code = dict(zip(shapes["insee_com"], shapes.geometry))
    rows, names = [], {}
    for index, member in enumerate(members.rows):
        code = member["insee_com"]
        if member["siren_epci"] != siren:
            raise SourceError(members.path, f"commune {code} is not in EPCI {siren}",
                              members.row_number(index))
        if code not in shape_by_code:
            raise SourceError(ctx.path(COMMUNE_SHAPES),
                              f"no outline for commune {code}")
        typology = typology_by_code.get(code, {})
        population = number_cell(members, index, "population_municipale")
        total = number_cell(members, index, "population_totale")
        if population is None or total is None:
            raise SourceError(members.path, "population is empty", members.row_number(index))
        names[code] = member["nom"]
        rows.append((code, member["nom"], member["siren_commune"], int(population), int(total),
                     POPULATION_YEAR, member["codes_postaux"], typology.get("niveau_densite"),
                     typology.get("niveau_centralite"), typology.get("niveau_ruralite"),
                     shapely.to_wkb(as_multi(shape_by_code[code]))))
    extra = set(shape_by_code) - set(names)
    if extra:
        raise SourceError(ctx.path(COMMUNE_SHAPES),
                          f"outline(s) for commune(s) outside the EPCI: {sorted(extra)}")
    rows.sort()
    insert_rows(ctx.conn, "commune", ["insee", "name", "siren", "population_municipale",
                                      "population_totale", "population_year", "postcodes",
                                      "densite", "centralite", "ruralite", "geom"], rows)
    insert_rows(ctx.conn, "territory", ["kind", "code", "name", "population", "population_year"],
                [("commune", r[0], r[1], r[3], POPULATION_YEAR) for r in rows])
    return names


def build_epci(ctx: BuildContext) -> None:
    ctx.used_by(EPCI_RECORD, "epci", "territory")
    record_path = ctx.path(EPCI_RECORD)
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        siren, name = record["code"], display_name(record["nom"])
        population, total = int(record["populationMunicipale"]), int(record["populationTotale"])
    except (OSError, ValueError, KeyError) as exc:
        raise SourceError(record_path, f"unreadable EPCI record ({exc})") from exc
    if siren != ctx.scope.epci_siren:
        raise SourceError(record_path, f"EPCI code {siren}, expected {ctx.scope.epci_siren}")
    ctx.scope.epci_name = name
    shape = ctx.geojson(EPCI_SHAPE, ["siren_epci"], {"Polygon", "MultiPolygon"}, "epci")
    insert_rows(ctx.conn, "epci", ["siren", "name", "kind", "population_municipale",
                                   "population_totale", "population_year", "geom"],
                [(siren, name, record.get("type", "CA"), population, total, POPULATION_YEAR,
                  shapely.to_wkb(as_multi(shape.geometry.iloc[0])))])
    insert_rows(ctx.conn, "territory", ["kind", "code", "name", "population", "population_year"],
                [("epci", siren, name, population, POPULATION_YEAR)]
                + [(kind, code, label, None, None)
                   for kind, code, label in ctx.scope.reference_levels()])


def build_iris(ctx: BuildContext, communes: dict[str, str]) -> list[str]:
    """Insert the IRIS of the communes; returns their codes."""
    listing = ctx.csv(IRIS_LIST, ["CODE_IRIS", "LIB_IRIS", "TYP_IRIS", "GRD_QUART", "DEPCOM"],
                      "iris", "territory", delimiter=",")
    shapes = ctx.geojson(IRIS_SHAPES, ["CODE_IRIS"], {"Polygon", "MultiPolygon"}, "iris")
    shape_by_code = dict(zip(shapes["CODE_IRIS"], shapes.geometry))
    rows = []
    for index, entry in enumerate(listing.rows):
        code, commune = entry["CODE_IRIS"], entry["DEPCOM"]
        if commune not in communes:
            raise SourceError(listing.path, f"IRIS {code} in commune {commune} outside the CALL",
                              listing.row_number(index))
        if code not in shape_by_code:
            raise SourceError(ctx.path(IRIS_SHAPES), f"no outline for IRIS {code}")
        rows.append((code, entry["LIB_IRIS"], entry["TYP_IRIS"], commune, entry["GRD_QUART"],
                     shapely.to_wkb(as_multi(shape_by_code[code]))))
    rows.sort()
    insert_rows(ctx.conn, "iris", ["code", "name", "type", "commune_insee", "grand_quartier",
                                   "geom"], rows)
    insert_rows(ctx.conn, "territory", ["kind", "code", "name"],
                [("iris", r[0], r[1]) for r in rows])
    return [r[0] for r in rows]
