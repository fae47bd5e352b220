"""Filosofi poverty rates of the communes and the CALL (2015, 2016), Filosofi by QPV with
explicit income years (2016-2019), and the income year of each REVN edition where the data
establish it (``qpv_edition_year``).
"""
from __future__ import annotations

from ..catalogue_diagnostic import filoqp_variable
from .context import BuildContext
from .errors import SourceError
from .indicators import qpv_territory, unpublished
from .quality import flag_rows, insert_flags, is_filoqp_note
from .readers import number_cell
from .schema import insert_rows
from .territories import EPCI_SIREN
from .values import insert_values, value_row

TP60_FOLDER = "insee_filosofi_tp60_2015_2016"
TP60_YEARS = (2015, 2016)
QP_FOLDER = "insee_filosofi_qpv_2016_2019"
QP_YEARS = (2016, 2017, 2018, 2019)

#: REVN column -> the Filosofi-by-QPV indicator holding the same quantity.
REVN_TO_FILOQP = {
    "REVN.DISP_Q1": "FILOQP.DISP_Q1", "REVN.DISP_Q2": "FILOQP.DISP_MED",
    "REVN.DISP_Q3": "FILOQP.DISP_Q3", "REVN.DISP_D1": "FILOQP.DISP_D1",
    "REVN.DISP_D9": "FILOQP.DISP_D9", "REVN.DISP_D1D9": "FILOQP.DISP_RD",
    "REVN.TP60": "FILOQP.DISP_TP60", "REVN.PACT": "FILOQP.DISP_PACT",
    "REVN.PPEN": "FILOQP.DISP_PPEN", "REVN.PPSOC": "FILOQP.DISP_PPSOC",
    "REVN.PIMPOT": "FILOQP.DISP_PIMPOT", "REVN.PPAT": "FILOQP.DISP_PPAT",
}
#: A REVN edition gets an income year only if this many QPV agree value for value.
MIN_MATCHING_QPV = 15


def build_filosofi_tp60(ctx: BuildContext, communes: dict[str, str]) -> int:
    rows = []
    for year in TP60_YEARS:
        column = f"TP60{year % 100}"
        for level, kind, expected in (("com", "commune", set(communes)),
                                      ("epci", "epci", {EPCI_SIREN})):
            relative = f"{TP60_FOLDER}/filosofi_{level}_{year}_call.csv"
            table = ctx.csv(relative, ["CODGEO", column], "indicator_value")
            seen = set()
            for index, row in enumerate(table.rows):
                if row["CODGEO"] not in expected:
                    raise SourceError(table.path, f"unknown {kind} code {row['CODGEO']!r}",
                                      table.row_number(index))
                seen.add(row["CODGEO"])
                rows.append(value_row(kind, row["CODGEO"], "FILOTP.TP60", year, year,
                                      number_cell(table, index, column), relative,
                                      table.row_number(index)))
            rows += [value_row(kind, code, "FILOTP.TP60", year, year, None, relative, None,
                               absent="non_publie") for code in sorted(expected - seen)]
    return insert_values(ctx.conn, rows)


def build_filosofi_qpv(ctx: BuildContext, qpv_codes_2015: set[str]) -> int:
    rows, flags = [], []
    for year in QP_YEARS:
        relative = f"{QP_FOLDER}/filosofi_qp_revdis_{year}_call.csv"
        table = ctx.csv(relative, [], "indicator_value", "quality_flag")
        code_column = next((c for c in table.columns if c.lower() == "codgeo"), None)
        if code_column is None:
            raise SourceError(table.path, "missing column(s): CODGEO", 1)
        columns = {}
        for column in table.columns:
            variable = filoqp_variable(column)
            if variable is not None and variable.startswith("?"):
                raise SourceError(table.path, f"column {column}: unknown Filosofi variable", 1)
            if variable is not None:
                columns[column] = f"FILOQP.{variable}"
        seen = set()
        for index, row in enumerate(table.rows):
            kind, code = qpv_territory(table, index, row[code_column], qpv_codes_2015)
            seen.add(code)
            rows += [value_row(kind, code, ident, year, year,
                               number_cell(table, index, column), relative,
                               table.row_number(index)) for column, ident in columns.items()]
            notes = {c: sorted(columns.values()) for c in table.columns if is_filoqp_note(c)}
            flags += flag_rows(table, relative, index, kind, code, year, notes, columns)
        rows += unpublished("qpv", qpv_codes_2015 - seen, columns, year, year, relative)
    insert_flags(ctx.conn, flags)
    return insert_values(ctx.conn, rows)


def build_qpv_edition_years(ctx: BuildContext) -> None:
    """REVN edition N -> income year Y when, for at least MIN_MATCHING_QPV QPV, every QPV
    with both values has the same value in REVN N and in Filosofi-by-QPV Y, and only one Y
    fits. Editions no file pins down stay without a year."""
    ctx.table_sources["qpv_edition_year"].extend(
        f"{QP_FOLDER}/filosofi_qp_revdis_{year}_call.csv" for year in QP_YEARS)
    rows = []
    for revn, filoqp in sorted(REVN_TO_FILOQP.items()):
        pairs = ctx.conn.execute("""
            SELECT r.edition, f.edition, count(*), sum(abs(r.value - f.value) < 1e-9)
            FROM indicator_value r JOIN indicator_value f
              ON f.territory_kind = 'qpv' AND f.territory_code = r.territory_code
             AND f.indicator_id = ? AND f.status = 'ok'
            WHERE r.territory_kind = 'qpv' AND r.indicator_id = ? AND r.status = 'ok'
            GROUP BY r.edition, f.edition""", (filoqp, revn)).fetchall()
        for edition in sorted({p[0] for p in pairs}):
            fits = [(year, n) for e, year, n, same in pairs
                    if e == edition and n == same and n >= MIN_MATCHING_QPV]
            if len(fits) == 1:
                year, n = fits[0]
                rows.append((revn, edition, year,
                             f"Valeurs identiques, pour les {n} QPV renseignés, à celles du "
                             f"fichier Filosofi par QPV des revenus {year} "
                             f"({QP_FOLDER}/filosofi_qp_revdis_{year}_call.csv)."))
    insert_rows(ctx.conn, "qpv_edition_year",
                ["indicator_id", "edition", "reference_year", "basis"], rows)
