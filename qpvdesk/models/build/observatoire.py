"""Observatoire des territoires (ANCT): NEET share for communes, the CALL, the département
and the région (RP 2008-2018), and three EPCI indicators of 2021-2022 for the CALL and its
neighbours (kept as 'epci_voisin' territories, never mixed with the CALL)."""
from __future__ import annotations

from .context import BuildContext
from .errors import SourceError
from .readers import number_cell
from .schema import insert_rows
from .territories import EPCI_SIREN
from .values import insert_values, value_row

NEET_FOLDER = "ot_neet_2008_2018"
NEET_FILES = {  # file level -> (territory kind, codes the file may hold)
    "communes": "commune", "epci": "epci", "dpt": "departement", "region": "region"}
NEET_CODES = {"epci": {EPCI_SIREN}, "departement": {"62"}, "region": {"32"}}
EPCI_FILE = "ot_epci_indicateurs_2021_2022/ot_epci_call_voisins_2021_2022.csv"
OT_IDS = {
    "insee_rp_hist_xxxx.part_menpseul": "OT.PART_MENPSEUL",
    "filosofi.tx_pauv_60": "OT.TX_PAUV_60",
    "insee_rp_hist_xxxx.part_non_inseres": "OT.PART_NON_INSERES",
}


def build_observatoire(ctx: BuildContext, communes: dict[str, str]) -> int:
    rows = []
    for level, kind in NEET_FILES.items():
        relative = f"{NEET_FOLDER}/neet_{level}_2018_call.csv"
        table = ctx.csv(relative, ["codgeo", "an", "part_non_inseres"], "indicator_value")
        expected = NEET_CODES.get(kind, set(communes))
        for index, row in enumerate(table.rows):
            if row["codgeo"] not in expected:
                raise SourceError(table.path, f"unknown {kind} code {row['codgeo']!r}",
                                  table.row_number(index))
            year = _year(table, index)
            rows.append(value_row(kind, row["codgeo"], "OT.PART_NON_INSERES", year, year,
                                  number_cell(table, index, "part_non_inseres"), relative,
                                  table.row_number(index)))
    table = ctx.csv(EPCI_FILE, ["annee", "id_observatoire", "code_epci", "libelle_epci",
                                "valeur_pct"], "indicator_value", "territory")
    neighbours = {}
    for index, row in enumerate(table.rows):
        if row["id_observatoire"] not in OT_IDS:
            raise SourceError(table.path, f"unknown indicator {row['id_observatoire']!r}",
                              table.row_number(index))
        kind = "epci" if row["code_epci"] == EPCI_SIREN else "epci_voisin"
        if kind == "epci_voisin":
            neighbours[row["code_epci"]] = row["libelle_epci"]
        year = int(number_cell(table, index, "annee") or 0)
        rows.append(value_row(kind, row["code_epci"], OT_IDS[row["id_observatoire"]], year, year,
                              number_cell(table, index, "valeur_pct"), EPCI_FILE,
                              table.row_number(index)))
    insert_rows(ctx.conn, "territory", ["kind", "code", "name"],
                sorted(("epci_voisin", code, name) for code, name in neighbours.items()))
    return insert_values(ctx.conn, rows)


def _year(table, index: int) -> int:
    year = number_cell(table, index, "an")
    if year is None or not 1990 <= year <= 2100:
        raise SourceError(table.path, f"year {table.rows[index]['an']!r} is not a year",
                          table.row_number(index))
    return int(year)
