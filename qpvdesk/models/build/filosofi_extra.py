"""Filosofi poverty rates of the communes and the EPCI (2015, 2016), Filosofi by QPV with
explicit income years (2016-2019), and the income year of each REVN edition where the data
establish it (``qpv_edition_year``).
"""
from __future__ import annotations

from ..catalogue_data import indicator_id
from ..catalogue_diagnostic import filoqp_variable
from .context import BuildContext
from .errors import SourceError
from .indicators import NATIONAL_QPV_ROW, qpv_territory, unpublished
from .quality import flag_rows, insert_flags, is_filoqp_note
from .readers import number_cell
from .schema import insert_rows
from .values import insert_values, value_row

TP60_FOLDER = "insee_filosofi_tp60_2015_2016"
TP60_FILES = {level: tuple((year, f"{TP60_FOLDER}/filosofi_{level}_{year}_call.csv")
                            for year in (2015, 2016)) for level in ("com", "epci")}
QP_FOLDER = "insee_filosofi_qpv_2016_2019"
QP_FILES = tuple((year, f"{QP_FOLDER}/filosofi_qp_revdis_{year}_call.csv")
                 for year in (2016, 2017, 2018, 2019))

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


def build_filosofi_tp60(ctx: BuildContext, communes: dict[str, str],
                        tp60_files=TP60_FILES) -> int:
    rows = []
    for level, kind, expected in (("com", "commune", set(communes)),
                                  ("epci", "epci", {ctx.scope.epci_siren})):
        for year, relative in tp60_files[level]:
            column = f"TP60{year % 100}"
            table = ctx.csv(relative, ["CODGEO", column], "indicator_value", keep=expected)
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


def build_filosofi_qpv(ctx: BuildContext, qpv_codes_2015: set[str], qp_files=QP_FILES) -> int:
    rows, flags = [], []
    for year, relative in qp_files:
        table = ctx.csv(relative, [], "indicator_value", "quality_flag",
                        keep=qpv_codes_2015 | {NATIONAL_QPV_ROW})
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


def build_qpv_edition_years(ctx: BuildContext, qp_files=QP_FILES,
                            pairs: dict[str, list[tuple]] | None = None) -> None:
    """REVN edition N -> income year Y when, for at least MIN_MATCHING_QPV QPV, every QPV
    with both values has the same value in REVN N and in Filosofi-by-QPV Y, and only one Y
    fits. Editions no file pins down stay without a year. ``pairs`` (REVN id -> (edition, year,
    QPV with both values, QPV with equal values)) defaults to the QPV of the database; the
    national build gives the counts over every QPV of France (:func:`national_pairs`)."""
    file_of = dict(qp_files)
    ctx.table_sources["qpv_edition_year"].extend(file_of.values())
    rows = []
    for revn, filoqp in sorted(REVN_TO_FILOQP.items()):
        found = pairs[revn] if pairs is not None else _database_pairs(ctx.conn, revn, filoqp)
        for edition in sorted({p[0] for p in found}):
            fits = [(year, n) for e, year, n, same in found
                    if e == edition and n == same and n >= MIN_MATCHING_QPV]
            if len(fits) == 1:
                year, n = fits[0]
                rows.append((revn, edition, year,
                             f"Valeurs identiques, pour les {n} QPV renseignés, à celles du "
                             f"fichier Filosofi par QPV des revenus {year} ({file_of[year]})."))
    insert_rows(ctx.conn, "qpv_edition_year",
                ["indicator_id", "edition", "reference_year", "basis"], rows)


def _database_pairs(conn, revn: str, filoqp: str) -> list[tuple]:
    return conn.execute("""
        SELECT r.edition, f.edition, count(*), sum(abs(r.value - f.value) < 1e-9)
        FROM indicator_value r JOIN indicator_value f
          ON f.territory_kind = 'qpv' AND f.territory_code = r.territory_code
         AND f.indicator_id = ? AND f.status = 'ok'
        WHERE r.territory_kind = 'qpv' AND r.indicator_id = ? AND r.status = 'ok'
        GROUP BY r.edition, f.edition""", (filoqp, revn)).fetchall()


def national_pairs(revn_tables: dict[int, object], filoqp_tables: dict[int, object]
                   ) -> dict[str, list[tuple]]:
    """The counts of :func:`build_qpv_edition_years` over whole files: every QPV of France.
    Tables are REVN editions and Filosofi-by-QPV income years, all rows."""
    revn_values = {edition: _qpv_values(table, lambda c: indicator_id("REVN", c))
                   for edition, table in revn_tables.items()}
    filoqp_values = {year: _qpv_values(table, _filoqp_id) for year, table in filoqp_tables.items()}
    pairs = {}
    for revn, filoqp in REVN_TO_FILOQP.items():
        found = []
        for edition, by_indicator in revn_values.items():
            for year, filo_by_indicator in filoqp_values.items():
                left, right = by_indicator.get(revn, {}), filo_by_indicator.get(filoqp, {})
                shared = left.keys() & right.keys()
                if shared:
                    found.append((edition, year, len(shared),
                                  sum(abs(left[c] - right[c]) < 1e-9 for c in shared)))
        pairs[revn] = found
    return pairs


def _filoqp_id(column: str) -> str | None:
    variable = filoqp_variable(column)
    return None if variable is None or variable.startswith("?") else f"FILOQP.{variable}"


def _qpv_values(table, identify) -> dict[str, dict[str, float]]:
    """indicator id -> QPV code -> value, for the non-empty cells of a whole QPV file."""
    wanted = set(REVN_TO_FILOQP) | set(REVN_TO_FILOQP.values())
    columns = {column: ident for column in table.columns if (ident := identify(column)) in wanted}
    values: dict[str, dict[str, float]] = {}
    for index, row in enumerate(table.rows):
        code = row[table.columns[0]]
        if code == NATIONAL_QPV_ROW:
            continue
        for column, ident in columns.items():
            value = number_cell(table, index, column)
            if value is not None:
                values.setdefault(ident, {})[code] = value
    return values
