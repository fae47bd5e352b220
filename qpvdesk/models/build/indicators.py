"""Indicator catalogue and values: INSEE QPV bases, Filosofi and CAF files.

Each value keeps the file and row it comes from. An empty cell is stored as 'secret' (INSEE
leaves a cell empty when the figure is under statistical secrecy or not robust), a territory
that has no row in a file as 'missing' with the detail 'non_publie' (these files are INSEE's
national files filtered on the CALL's codes, so no row means INSEE publishes none); neither is
ever stored as 0.
"""
from __future__ import annotations

import re
from dataclasses import astuple

from ..catalogue_data import CATALOGUE, indicator_id
from .context import BuildContext
from .errors import SourceError
from .quality import flag_rows, insert_flags, qpv_flag_scope
from .readers import CsvTable, number_cell
from .schema import insert_rows
from .values import insert_values, value_row

QPV_FOLDER = "insee_qpv_indicateurs"
FILO_FOLDER = "insee_filosofi_caf"

# (family, edition, file). DEMO 2020 exists only as the "data_DEMO_2020_V1_QP" release.
QPV_FILES = (
    [("DEMO", year, f"DEMO_{year}_call.csv") for year in (2017, 2018, 2019, 2021, 2022)]
    + [("DEMO", 2020, "data_DEMO_2020_V1_QP_call.csv")]
    + [("REVN", year, f"REVN_{year}_call.csv") for year in (2017, 2018, 2019, 2021, 2022)]
    + [("IPRO", year, f"IPRO_{year}_call.csv") for year in range(2017, 2023)]
)
NATIONAL_QPV_ROW = "Ensemble"

# file suffix -> territory kind, the CODGEO values the file may hold, the code we store
FILO_LEVELS = {
    "COM": ("commune", None, None),
    "EPCI": ("epci", {"246200364"}, None),
    "DEP": ("departement", {"62"}, None),
    "REG": ("region", {"32"}, None),
    "METROPOLE": ("france", {"1"}, "FRM"),
}
FILO_IRIS_YEARS = range(2014, 2020)
CAF_YEARS = range(2016, 2021)


def build_catalogue(ctx: BuildContext) -> None:
    ctx.table_sources["indicator"].extend(
        [f"{QPV_FOLDER}/{name}" for _, _, name in QPV_FILES])
    insert_rows(ctx.conn, "indicator", ["id", "family", "variable", "label", "unit", "theme",
                                        "definition", "unfavourable", "compare_id",
                                        "aggregation", "verified", "definition_source"],
                [astuple(entry) for _, entry in sorted(CATALOGUE.items())])


def _indicator_columns(table: CsvTable, family: str) -> dict[str, str]:
    """Source column -> indicator id, refusing columns the catalogue does not know."""
    mapping = {}
    for column in table.columns:
        identifier = indicator_id(family, column)
        if identifier is None:
            continue
        if identifier not in CATALOGUE:
            raise SourceError(table.path, f"column {column}: {identifier} is not in the "
                                          "indicator catalogue", 1)
        mapping[column] = identifier
    return mapping


def _values(table: CsvTable, relative: str, index: int, kind: str, code: str,
            columns: dict[str, str], edition: int, reference_year: int | None) -> list[tuple]:
    rows = []
    for column, indicator_id in columns.items():
        value = number_cell(table, index, column)
        rows.append(value_row(kind, code, indicator_id, edition, reference_year, value,
                              relative, table.row_number(index)))
    return rows


def qpv_territory(table: CsvTable, index: int, code: str,
                  qpv_codes_2015: set[str]) -> tuple[str, str]:
    """(kind, code) of a row of an INSEE file by QPV: a QPV of the territory (2015 code) or
    INSEE's national row « Ensemble » ; SourceError for any other code."""
    if code == NATIONAL_QPV_ROW:
        return "ensemble_qpv", "ENSEMBLE"
    if code in qpv_codes_2015:
        return "qpv", code
    raise SourceError(table.path, f"unknown QPV code {code!r}", table.row_number(index))


def unpublished(kind: str, codes, columns: dict[str, str], edition: int,
                reference_year: int | None, relative: str) -> list[tuple]:
    """« non publié » rows for the territories a producer's file has no row for."""
    return [value_row(kind, code, indicator_id, edition, reference_year, None, relative, None,
                      absent="non_publie")
            for code in sorted(codes) for indicator_id in columns.values()]


def build_qpv_values(ctx: BuildContext, qpv_codes_2015: set[str]) -> int:
    count = 0
    for family, edition, name in QPV_FILES:
        relative = f"{QPV_FOLDER}/{name}"
        table = ctx.csv(relative, ["CODGEO"], "indicator_value", "quality_flag")
        columns = _indicator_columns(table, family)
        scope = qpv_flag_scope(table, columns)
        rows, seen, flags = [], set(), []
        for index, row in enumerate(table.rows):
            kind, code = qpv_territory(table, index, row["CODGEO"], qpv_codes_2015)
            seen.add(code)
            rows += _values(table, relative, index, kind, code, columns, edition, None)
            flags += flag_rows(table, relative, index, kind, code, edition, scope, columns)
        rows += unpublished("qpv", qpv_codes_2015 - seen, columns, edition, None, relative)
        insert_flags(ctx.conn, flags)
        count += insert_values(ctx.conn, rows)
    return count


def build_filosofi_values(ctx: BuildContext, communes: set[str], iris_codes: set[str]) -> int:
    count = 0
    for year in FILO_IRIS_YEARS:
        relative = f"{FILO_FOLDER}/filosofi_disp_iris_{year}_call.csv"
        table = ctx.csv(relative, ["IRIS"], "indicator_value")
        columns = _indicator_columns(table, "FILO")
        count += _insert_by_code(ctx, table, relative, "iris", "IRIS", iris_codes, columns, year)
    for level, (kind, codes, stored_code) in FILO_LEVELS.items():
        for path in sorted(ctx.path(FILO_FOLDER).glob(f"FILO*_DISP_{level}_extrait.csv")):
            year = int(re.match(r"FILO(\d{4})_", path.name).group(1))
            relative = f"{FILO_FOLDER}/{path.name}"
            table = ctx.csv(relative, ["CODGEO"], "indicator_value")
            columns = _indicator_columns(table, "FILO")
            count += _insert_by_code(ctx, table, relative, kind, "CODGEO", codes or communes,
                                     columns, year, stored_code)
    return count


def build_caf_values(ctx: BuildContext, iris_codes: set[str]) -> int:
    count = 0
    for year in CAF_YEARS:
        relative = f"{FILO_FOLDER}/caf_iris_{year}_call.csv"
        table = ctx.csv(relative, ["CODGEO"], "indicator_value")
        columns = _indicator_columns(table, "CAF")
        count += _insert_by_code(ctx, table, relative, "iris", "CODGEO", iris_codes, columns,
                                 year)
    return count


def _insert_by_code(ctx: BuildContext, table: CsvTable, relative: str, kind: str,
                    code_column: str, expected: set[str], columns: dict[str, str],
                    year: int, stored_code: str | None = None) -> int:
    """Values of a file keyed by one territory code per row; absent territories are 'missing'."""
    rows, seen = [], set()
    for index, row in enumerate(table.rows):
        code = row[code_column]
        if code not in expected:
            raise SourceError(table.path, f"unknown {kind} code {code!r}",
                              table.row_number(index))
        seen.add(code)
        rows += _values(table, relative, index, kind, stored_code or code, columns, year, year)
    rows += unpublished(kind, {stored_code or c for c in expected - seen}, columns, year, year,
                     relative)
    return insert_values(ctx.conn, rows)
