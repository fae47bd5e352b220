"""Communes, the EPCI and the levels above it, from the national pack: COG 2026 composition
and legal populations (Etalab, decoupage-administratif 6.0.0), IGN 2018 outlines simplified
and merged into the COG 2026 communes, the EPCI dissolved from them."""
from __future__ import annotations

import shapely

from . import national_layout as layout
from .errors import SourceError
from .names import display_name
from .national_pack import NationalPack, PackTable
from .readers import as_multi, number_cell
from .schema import insert_rows
from .scope import BuildScope

# Populations légales millésime 2023, in force on 1 January 2026 (COG 2026).
POPULATION_YEAR = 2023


def epci_rows(pack: NationalPack) -> PackTable:
    return pack.table(layout.EPCI_LIST, ["siren_epci", "nom_epci", "type_epci",
                                         "population_municipale", "population_totale"])


def commune_rows(pack: NationalPack) -> PackTable:
    return pack.table(layout.COMMUNES, ["insee_com", "nom_com", "dep", "reg", "siren_com",
                                        "siren_epci", "population_municipale",
                                        "population_totale", "anciens_codes"])


def national_scope(pack: NationalPack, record) -> tuple[BuildScope, dict[str, tuple[str, ...]]]:
    """The scope of one EPCI of COG 2026, and its communes' former codes (communes merged into
    them, as the COG lists them)."""
    siren, name = record["siren_epci"], display_name(record["nom_epci"])
    communes, former, departements, regions, region_departements = {}, {}, set(), set(), {}
    for row in commune_rows(pack).rows:
        region_departements.setdefault(row["reg"], set()).add(row["dep"])
        if row["siren_epci"] == siren:
            communes[row["insee_com"]] = row["nom_com"]
            former[row["insee_com"]] = tuple(c for c in row["anciens_codes"].split("|") if c)
            departements.add(row["dep"])
            regions.add(row["reg"])
    names = _level_names(pack)
    scope = BuildScope(
        siren, name, f"de l'EPCI {name}", None,
        {code: names["dpt"].get(code, code) for code in sorted(departements)},
        {code: names["region"].get(code, code) for code in sorted(regions)},
        {code: tuple(sorted(region_departements[code])) for code in sorted(regions)},
        dict(sorted(communes.items())))
    return scope, former


def _level_names(pack: NationalPack) -> dict[str, dict[str, str]]:
    """Département and région names as the Observatoire des territoires writes them."""
    return {level: {row["codgeo"]: row["libgeo"] for row in
                    pack.table(layout.NEET_FILES[level], ["codgeo", "libgeo"]).rows}
            for level in ("dpt", "region")}


def build_national_communes(ctx, pack: NationalPack) -> list[str]:
    """Insert the EPCI's communes; returns the codes of those without an outline (re-created
    after the IGN 2018 outlines: their territory lies inside their former parent's polygon)."""
    scope = ctx.scope
    table = commune_rows(pack)
    ctx.used_by(layout.PREFIX + layout.COMMUNES, "commune", "territory")
    ctx.used_by(layout.PREFIX + layout.COMMUNE_SHAPES, "commune")
    shapes = {f.properties["insee_com"]: f.geometry
              for f in pack.features(layout.COMMUNE_SHAPES, "siren_epci", scope.epci_siren)}
    rows = []
    for index, row in enumerate(table.rows):
        code = row["insee_com"]
        if code not in scope.communes:
            continue
        population = number_cell(table, index, "population_municipale")
        total = number_cell(table, index, "population_totale")
        if population is None or total is None:
            raise SourceError(table.path, "population is empty", table.row_number(index))
        shape = shapes.get(code)
        rows.append((code, row["nom_com"], row["siren_com"], int(population), int(total),
                     POPULATION_YEAR, None if shape is None else shapely.to_wkb(as_multi(shape))))
    insert_rows(ctx.conn, "commune", ["insee", "name", "siren", "population_municipale",
                                      "population_totale", "population_year", "geom"], rows)
    insert_rows(ctx.conn, "territory", ["kind", "code", "name", "population", "population_year"],
                [("commune", r[0], r[1], r[3], POPULATION_YEAR) for r in rows])
    return sorted(set(scope.communes) - set(shapes))


def build_national_epci(ctx, pack: NationalPack, record) -> None:
    scope = ctx.scope
    ctx.used_by(layout.PREFIX + layout.EPCI_LIST, "epci", "territory")
    ctx.used_by(layout.PREFIX + layout.EPCI_SHAPES, "epci")
    shapes = pack.features(layout.EPCI_SHAPES, "siren_epci", scope.epci_siren)
    if len(shapes) != 1:
        raise SourceError(layout.PREFIX + layout.EPCI_SHAPES,
                          f"{len(shapes)} outlines for EPCI {scope.epci_siren}, expected 1")
    population = int(record["population_municipale"])
    insert_rows(ctx.conn, "epci", ["siren", "name", "kind", "population_municipale",
                                   "population_totale", "population_year", "geom"],
                [(scope.epci_siren, scope.epci_name, record["type_epci"], population,
                  int(record["population_totale"]), POPULATION_YEAR,
                  shapely.to_wkb(as_multi(shapes[0].geometry)))])
    insert_rows(ctx.conn, "territory", ["kind", "code", "name", "population", "population_year"],
                [("epci", scope.epci_siren, scope.epci_name, population, POPULATION_YEAR)]
                + [(kind, code, label, None, None)
                   for kind, code, label in scope.reference_levels()])
