"""SSMSI recorded offences for the département 62 and the région 32 (no commune data): facts
and rates per 1 000 inhabitants (per 1 000 dwellings for burglaries) as published. The build
checks that each published rate is the facts over the population (or dwellings) of the row."""
from __future__ import annotations

import re

from ..catalogue_diagnostic import SSMSI_CLASSES, ssmsi_id
from .context import BuildContext
from .errors import SourceError
from .values import insert_values, value_row

FILES = {"departement": ("ssmsi_delinquance_dep62_reg32/donnee-dep-2023_62.csv",
                         "Code.département", "62"),
         "region": ("ssmsi_delinquance_dep62_reg32/donnee-reg-2023_32.csv", "Code.région", "32")}
_NUMBER = re.compile(r"[+-]?\d+(,\d+)?(e[+-]?\d+)?", re.IGNORECASE)


def _number(table, index: int, column: str) -> float:
    text = table.rows[index][column].strip()
    if not _NUMBER.fullmatch(text):
        raise SourceError(table.path, f"column {column}: not a number: {text!r}",
                          table.row_number(index))
    return float(text.replace(",", "."))


def build_offences(ctx: BuildContext) -> int:
    rows = []
    for kind, (relative, code_column, code) in FILES.items():
        table = ctx.csv(relative, ["classe", "annee", code_column, "faits", "POP", "LOG",
                                   "tauxpourmille"], "indicator_value")
        for index, row in enumerate(table.rows):
            number = table.row_number(index)
            if row[code_column] != code:
                raise SourceError(table.path, f"{code_column} {row[code_column]!r}, expected "
                                              f"{code}", number)
            if row["classe"] not in SSMSI_CLASSES:
                raise SourceError(table.path, f"unknown offence class {row['classe']!r}", number)
            year = 2000 + int(_number(table, index, "annee"))
            facts, rate = _number(table, index, "faits"), _number(table, index, "tauxpourmille")
            per = SSMSI_CLASSES[row["classe"]][1]
            base = _number(table, index, "LOG" if per == "logements" else "POP")
            if abs(1000 * facts / base - rate) > 1e-9 * max(1.0, rate):
                raise SourceError(table.path, f"tauxpourmille {rate} is not faits per 1 000 "
                                              f"{per}", number)
            rows.append(value_row(kind, code, ssmsi_id(row["classe"], False), year, year, facts,
                                  relative, number))
            rows.append(value_row(kind, code, ssmsi_id(row["classe"], True), year, year, rate,
                                  relative, number))
    return insert_values(ctx.conn, rows)
