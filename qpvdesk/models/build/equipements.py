"""BPE equipment counts by IRIS and type, the IRIS of each QPV, and their sums.

The BPE files carry no coordinates: a QPV's equipment is that of the IRIS its 2024 perimeter
intersects over at least MIN_SHARE_OF_QPV of its area (the IRIS contours are precise to about
12 m, so smaller intersections are edge slivers). The whole IRIS counts, not only its part in
the QPV. Equipment INSEE locates in no IRIS (DCIRIS ending in _0000 in a commune divided into
IRIS) counts for its commune and the CALL only. Rates per 1 000 inhabitants use the RP 2018
population of the comparateur (P18_POP), for communes and the CALL only: the bundled sources
give no IRIS population.
"""
from __future__ import annotations

from collections import defaultdict

from ..catalogue_diagnostic import BPE_DOMAINS
from .context import BuildContext
from .errors import SourceError
from .readers import number_cell
from .schema import insert_rows
from .territories import EPCI_SIREN
from .values import insert_values, value_row

BPE_YEARS = (2018, 2019)
BPE_FOLDER = "insee_bpe_2018_2019_comptages"
MIN_SHARE_OF_QPV = 0.05
POPULATION_YEAR = 2018  # P18_POP of the comparateur, edition 2022


def build_qpv_iris(ctx: BuildContext) -> dict[str, list[str]]:
    """Insert the IRIS each QPV 2024 perimeter intersects; returns QPV -> retained IRIS."""
    ctx.table_sources["qpv_iris"].extend(["qpv_perimetres/qpv_2024_call.geojson",
                                          "iris_contours_2020/iris_call_2020.geojson"])
    rows = ctx.conn.execute("""
        SELECT q.code, i.code, ST_Area(ST_Intersection(q.geom, i.geom)),
               ST_Area(q.geom), ST_Area(i.geom)
        FROM qpv q JOIN iris i ON ST_Intersects(q.geom, i.geom) = 1
        ORDER BY q.code, i.code""").fetchall()
    records, retained = [], defaultdict(list)
    for qpv, iris, shared, qpv_area, iris_area in rows:
        if shared <= 0:
            continue
        keep = shared / qpv_area >= MIN_SHARE_OF_QPV
        records.append((qpv, iris, round(shared / 10_000, 2), round(shared / qpv_area, 4),
                        round(shared / iris_area, 4), int(keep)))
        if keep:
            retained[qpv].append(iris)
    insert_rows(ctx.conn, "qpv_iris", ["qpv_code", "iris_code", "intersection_ha",
                                       "share_of_qpv", "share_of_iris", "retained"], records)
    names = dict(ctx.conn.execute("SELECT code, name FROM qpv"))
    insert_rows(ctx.conn, "territory", ["kind", "code", "name"],
                [("iris_qpv", code, f"IRIS du QPV {names[code]}") for code in sorted(names)])
    return retained


def build_bpe(ctx: BuildContext, communes: dict[str, str],
              retained: dict[str, list[str]]) -> int:
    iris_codes = {code for (code,) in ctx.conn.execute("SELECT code FROM iris")}
    insert_rows(ctx.conn, "bpe_domain", ["domain", "label"], sorted(BPE_DOMAINS.items()))
    values = []
    for year in BPE_YEARS:
        relative = f"{BPE_FOLDER}/bpe_ens_{year}_call.csv"
        table = ctx.csv(relative, ["DEPCOM", "DCIRIS", "AN", "TYPEQU", "NB_EQUIP"],
                        "bpe_equipement", "indicator_value")
        records = []
        for index, row in enumerate(table.rows):
            records.append(_record(table, index, relative, year, communes, iris_codes))
        insert_rows(ctx.conn, "bpe_equipement",
                    ["year", "dciris", "commune_insee", "iris_code", "typequ", "domain", "nb",
                     "source_file", "source_row"], records)
        values += _count_values(records, relative, year, communes, iris_codes, retained)
        values += _rate_values(ctx, values, relative, year, communes)
    return insert_values(ctx.conn, values)


def _record(table, index: int, relative: str, year: int, communes, iris_codes) -> tuple:
    row = table.rows[index]
    number = table.row_number(index)
    if row["DEPCOM"] not in communes:
        raise SourceError(table.path, f"unknown commune code {row['DEPCOM']!r}", number)
    if row["AN"] != str(year):
        raise SourceError(table.path, f"year {row['AN']!r}, expected {year}", number)
    typequ = row["TYPEQU"]
    if len(typequ) != 4 or typequ[0] not in BPE_DOMAINS:
        raise SourceError(table.path, f"unknown equipment type {typequ!r}", number)
    dciris = row["DCIRIS"]
    code = dciris.replace("_", "")
    code = code + "0000" if len(code) == 5 else code
    if code not in iris_codes:
        if not dciris.endswith("_0000") or not dciris.startswith(row["DEPCOM"]):
            raise SourceError(table.path, f"unknown IRIS {dciris!r}", number)
        code = None  # INSEE locates the equipment in the commune but in no IRIS
    count = number_cell(table, index, "NB_EQUIP")
    if count is None or count < 0 or count != int(count):
        raise SourceError(table.path, f"NB_EQUIP {row['NB_EQUIP']!r} is not a count", number)
    return (year, dciris, row["DEPCOM"], code, typequ, typequ[0], int(count), relative, number)


def _count_values(records, relative: str, year: int, communes, iris_codes,
                  retained) -> list[tuple]:
    by_iris, by_commune = defaultdict(lambda: defaultdict(int)), defaultdict(
        lambda: defaultdict(int))
    for _, _, commune, iris, _, domain, count, _, _ in records:
        for key in (domain, "TOTAL"):
            by_commune[commune][key] += count
            if iris is not None:
                by_iris[iris][key] += count
    call = defaultdict(int)
    for totals in by_commune.values():
        for key, count in totals.items():
            call[key] += count
    groups = {qpv: defaultdict(int) for qpv in retained}
    for qpv, codes in retained.items():
        for iris in codes:
            for key, count in by_iris[iris].items():
                groups[qpv][key] += count
    source = relative
    rows = []
    for kind, totals, note in (
            ("iris", {code: by_iris[code] for code in iris_codes}, "équipements de l'IRIS"),
            ("commune", {code: by_commune[code] for code in communes},
             "équipements de la commune, y compris ceux qu'INSEE ne situe dans aucun IRIS"),
            ("epci", {EPCI_SIREN: call}, "équipements des 36 communes de la CALL")):
        for code, counts in sorted(totals.items()):
            rows += _domain_rows(kind, code, counts, year, source,
                                 f"Calculé à partir de {relative} : somme des {note}.")
    for qpv in sorted(groups):
        iris_list = ", ".join(retained[qpv])
        rows += _domain_rows("iris_qpv", qpv, groups[qpv], year, source,
                             f"Calculé à partir de {relative} : somme des équipements des "
                             f"IRIS {iris_list} (IRIS dont l'intersection avec le périmètre "
                             f"2024 couvre au moins {MIN_SHARE_OF_QPV:.0%} du QPV ; l'IRIS "
                             "entier compte).".replace("%", "\u00a0%"))
    return rows


def _domain_rows(kind: str, code: str, counts, year: int, source: str, note: str) -> list:
    return [value_row(kind, code, f"BPE.NB_{key}", year, year, float(counts.get(key, 0)),
                      source, None, derived=True, note=note)
            for key in (*BPE_DOMAINS, "TOTAL")]


def _rate_values(ctx: BuildContext, counts: list[tuple], relative: str, year: int,
                 communes) -> list[tuple]:
    population = dict(ctx.conn.execute(
        "SELECT territory_kind || ':' || territory_code, value FROM indicator_value "
        "WHERE indicator_id = 'CC.P_POP' AND edition = 2022 AND status = 'ok' "
        "AND territory_kind IN ('commune', 'epci')"))
    rows = []
    for kind, code, ident, edition, _, value, *_ in counts:
        if ident != "BPE.NB_TOTAL" or edition != year or kind not in ("commune", "epci"):
            continue
        inhabitants = population.get(f"{kind}:{code}")
        rate = 1000 * value / inhabitants if inhabitants else None
        rows.append(value_row(kind, code, "BPE.TX_TOTAL", year, year, rate, relative, None,
                              absent="missing", derived=True,
                              note=f"Calculé : équipements BPE {year} ({relative}) pour 1 000 "
                                   f"habitants du recensement {POPULATION_YEAR} (P18_POP, "
                                   "comparateur INSEE 2022)."))
    return rows
