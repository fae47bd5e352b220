"""INSEE comparateur de territoires: commune values, and CALL, département 62, région 32 and
France métropolitaine values computed as sums of commune counts.

Rates are Σ numerator / Σ denominator over the communes, never an average of rates; every
computed value is marked derived with a French note « calculé à partir de … ». Medians and
rates published by INSEE (MED, TP60, PIMP) are commune values only: they do not add up.

Edition 2022 (RP 2018, Filosofi 2019) comes from INSEE's national file, shipped gzip-compressed
and checked by sha256. Edition 2025 (RP 2022) exists only as 36 hand-transcribed CALL rows: the
build uses only the variables its PROVENANCE checks cover, and re-runs those checks.
"""
from __future__ import annotations

import math

from ..catalogue_diagnostic import CC_RATES, CC_VARIABLES
from .context import BuildContext
from .errors import SourceError
from .readers import CsvTable, number_cell, read_csv_gz
from .territories import EPCI_SIREN
from .values import insert_values, value_row

NATIONAL = "insee_comparateur_2022_national/base_cc_comparateur.CSV.gz"
NATIONAL_SHA256 = "5d9ebf51eae366cfec4819516d7196a9b4a1be33b7d578d533cabdba562d7ad3"
CALL_2022 = "insee_comparateur_2022/base_cc_comparateur_2022_call.csv"
CALL_2025 = "insee_comparateur_2025/base_cc_comparateur_2025_call.csv"
REGION_32 = ("02", "59", "60", "62", "80")

#: Counts summed above the commune level (CC id -> 2022 variable).
SUMMED = ("CC.P_POP", "CC.P_POP1564", "CC.P_ACT1564", "CC.P_CHOM1564", "CC.NBMENFISC")
#: Checked variables of the transcribed 2025 edition: CC id -> (variable, check in French).
CHECKED_2025 = {
    "CC.P_POP": ("P22_POP", "égale, pour les 36 communes, à la population municipale légale "
                            "(contrôle refait à chaque construction)"),
    "CC.P_POP1564": ("P22_POP1564", "contrôle partiel : P22_CHOM1564 ≤ P22_ACT1564 ≤ "
                                    "P22_POP1564 sur chaque ligne, 2 cellules relues"),
    "CC.P_ACT1564": ("P22_ACT1564", "contrôle partiel : P22_CHOM1564 ≤ P22_ACT1564 ≤ "
                                    "P22_POP1564 sur chaque ligne, 2 cellules relues"),
    "CC.P_CHOM1564": ("P22_CHOM1564", "contrôle partiel : P22_CHOM1564 ≤ P22_ACT1564 ≤ "
                                      "P22_POP1564 sur chaque ligne"),
}
TRANSCRIBED = ("Ligne du comparateur 2025 transcrite à la main depuis une copie publique du "
               "fichier INSEE (voir PROVENANCE.md) ; {check}.")
# Paris, Lyon and Marseille appear twice: as communes and as municipal arrondissements.
ARRONDISSEMENTS = ({f"751{n:02d}" for n in range(1, 21)} | {f"6938{n}" for n in range(1, 10)}
                   | {f"132{n:02d}" for n in range(1, 17)})

LEVELS = {
    "departement": ("62", "du département 62 (Pas-de-Calais)"),
    "region": ("32", "de la région 32 (départements 02, 59, 60, 62, 80)"),
    "france": ("FRM", "de France métropolitaine (hors arrondissements municipaux de Paris, "
                      "Lyon et Marseille)"),
}


def _level_of(code: str) -> list[str]:
    if code in ARRONDISSEMENTS or code.startswith("97"):
        return []
    levels = ["france"]
    if code[:2] in REGION_32:
        levels.append("region")
    if code[:2] == "62":
        levels.append("departement")
    return levels


def _year(indicator_id: str, edition: int) -> int:
    variable = CC_VARIABLES[indicator_id][0]
    if edition == 2025:
        return 2022
    return 2019 if variable.endswith("19") else 2018


def build_comparateur_values(ctx: BuildContext, communes: dict[str, str]) -> int:
    ctx.used_by(NATIONAL, "indicator_value")
    national = read_csv_gz(ctx.path(NATIONAL), ["CODGEO"] + [v[0] for v in CC_VARIABLES.values()],
                           NATIONAL_SHA256)
    call = ctx.csv(CALL_2022, ["CODGEO"], "indicator_value")
    _same_rows(national, call, communes)
    rows = _commune_rows(call, CALL_2022, 2022, communes, {i: v[0] for i, v in
                                                           CC_VARIABLES.items()})
    rows += _sums(national, NATIONAL, 2022, communes)
    rows += _build_2025(ctx, communes)
    return insert_values(ctx.conn, rows)


def _same_rows(national: CsvTable, call: CsvTable, communes: dict[str, str]) -> None:
    """The CALL extract must be the national file's lines for the 36 communes."""
    by_code = {row["CODGEO"]: row for row in national.rows if row["CODGEO"] in communes}
    for index, row in enumerate(call.rows):
        if by_code.get(row["CODGEO"]) != row:
            raise SourceError(call.path, f"commune {row['CODGEO']} differs from the national "
                                         f"file {national.path.name}", call.row_number(index))
    if {row["CODGEO"] for row in call.rows} != set(communes):
        raise SourceError(call.path, "the file must hold exactly the 36 CALL communes")


def _cell(table: CsvTable, index: int, column: str) -> float | None:
    if table.rows[index][column].strip() == "s":  # the 2025 file writes secrets as 's'
        return None
    return number_cell(table, index, column)


def _commune_rows(table: CsvTable, relative: str, edition: int, communes: dict[str, str],
                  variables: dict[str, str], notes: dict[str, str] | None = None) -> list:
    rows = []
    for index, row in enumerate(table.rows):
        code = row["CODGEO"]
        if code not in communes:
            raise SourceError(table.path, f"unknown commune code {code!r}",
                              table.row_number(index))
        counts = {}
        for ident, variable in variables.items():
            value = _cell(table, index, variable)
            counts[ident] = value
            rows.append(value_row("commune", code, ident, edition, _year(ident, edition), value,
                                  relative, table.row_number(index),
                                  note=(notes or {}).get(ident)))
        rows += _rate_rows("commune", code, edition, counts, relative, table.row_number(index),
                           f"de la ligne de la commune ({relative})")
    return rows


def _rate_rows(kind: str, code: str, edition: int, counts: dict[str, float | None],
               source: str, source_row: int | None, where: str) -> list:
    rows = []
    for ident, (numerator, denominator, _label, _unfav) in CC_RATES.items():
        parts = [counts.get(i) for _, i in numerator] + [counts.get(denominator)]
        value = None
        if all(p is not None for p in parts) and counts[denominator]:
            total = math.fsum(c if sign == "+" else -c
                              for (sign, _), c in zip(numerator, parts))
            value = 100 * total / counts[denominator]
        variables = ", ".join(CC_VARIABLES[i][0] for i in
                              dict.fromkeys([i for _, i in numerator] + [denominator]))
        variables = variables.replace("P18_", f"P{_year('CC.P_POP', edition) % 100}_")
        rows.append(value_row(kind, code, ident, edition, _year("CC.P_POP", edition), value,
                              source, source_row, derived=True,
                              note=f"Calculé à partir de {variables} {where}."))
    return rows


def _sums(table: CsvTable, relative: str, edition: int, communes: dict[str, str]) -> list:
    totals: dict[tuple[str, str], list[float | None]] = {}
    members: dict[str, int] = {}
    for index, row in enumerate(table.rows):
        code = row["CODGEO"]
        levels = _level_of(code) + (["epci"] if code in communes else [])
        for level in levels:
            members[level] = members.get(level, 0) + 1
            for ident in SUMMED:
                totals.setdefault((level, ident), []).append(
                    number_cell(table, index, CC_VARIABLES[ident][0]))
    rows = []
    for level in ("epci", *LEVELS):
        code, label = (EPCI_SIREN, "de la CALL") if level == "epci" else LEVELS[level]
        where = f"des {members[level]} communes {label}"
        counts = {}
        for ident in SUMMED:
            cells = totals[(level, ident)]
            secret = sum(1 for c in cells if c is None)
            value = None if secret else math.fsum(cells)
            counts[ident] = value
            note = (f"Calculé à partir de {CC_VARIABLES[ident][0]} {where} "
                    f"({relative}), somme des communes.")
            if secret:
                note += f" Non calculable : {secret} commune(s) au secret statistique."
            rows.append(value_row(level, code, ident, edition, _year(ident, edition), value,
                                  relative, None, derived=True, note=note))
        rows += _rate_rows(level, code, edition, counts, relative, None,
                           f"{where} ({relative}), sommes des effectifs communaux")
    return rows


def _build_2025(ctx: BuildContext, communes: dict[str, str]) -> list:
    variables = {ident: variable for ident, (variable, _) in CHECKED_2025.items()}
    table = ctx.csv(CALL_2025, ["CODGEO", *variables.values()], "indicator_value")
    legal = dict(ctx.conn.execute("SELECT insee, population_municipale FROM commune"))
    for index, row in enumerate(table.rows):
        population = _cell(table, index, "P22_POP")
        if row["CODGEO"] in legal and population != legal[row["CODGEO"]]:
            raise SourceError(table.path, f"P22_POP {row['P22_POP']} differs from the legal "
                                          f"population {legal[row['CODGEO']]} of commune "
                                          f"{row['CODGEO']}: transcription slip?",
                              table.row_number(index))
        chom, act, pop = (_cell(table, index, v) for v in
                          ("P22_CHOM1564", "P22_ACT1564", "P22_POP1564"))
        if None in (chom, act, pop) or not chom <= act <= pop:
            raise SourceError(table.path, "P22_CHOM1564 ≤ P22_ACT1564 ≤ P22_POP1564 does not "
                                          "hold: transcription slip?", table.row_number(index))
    if {row["CODGEO"] for row in table.rows} != set(communes):
        raise SourceError(table.path, "the file must hold exactly the 36 CALL communes")
    notes = {ident: TRANSCRIBED.format(check=check) for ident, (_, check) in
             CHECKED_2025.items()}
    rows = _commune_rows(table, CALL_2025, 2025, communes, variables, notes)
    counts = {ident: math.fsum(r[5] for r in rows if r[2] == ident) for ident in variables}
    where = f"des 36 communes de la CALL ({CALL_2025}, lignes transcrites)"
    for ident, value in counts.items():
        rows.append(value_row("epci", EPCI_SIREN, ident, 2025, 2022, value, CALL_2025, None,
                              derived=True, note=f"Calculé à partir de {variables[ident]} "
                                                 f"{where}, somme des communes."))
    rows += _rate_rows("epci", EPCI_SIREN, 2025, counts, CALL_2025, None,
                       f"{where}, sommes des effectifs communaux")
    return rows
