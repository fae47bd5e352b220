"""INSEE quality flags (NOTE_* columns), kept verbatim with the indicators they qualify.

The dictionaries shipped with the sources do not give the meaning of the NOTE_* codes of the
QPV bases: the stored meaning says so, and the observation states what the row shows (how
many of the qualified cells are empty), so that a reader can show a caution without inventing
INSEE's wording.
"""
from __future__ import annotations

import re

from .errors import SourceError
from .readers import CsvTable
from .schema import insert_rows

#: NOTE column of the QPV bases -> the variables (of the same file) it qualifies.
QPV_FLAG_SCOPES = {
    "NOTE_RP": r"POP_MUN|POP_COM_QP|POP_COM|TX_.*|IND_JEUNE",
    "NOTE_CNAF": r"A|PERCOU|AM|AI|ACSSENF|ACAVENF|AC3ENF|A_NETUD_24|A_ETUD|ENF.*|APRES50|"
                 r"APRES100|ARSA|ARSAS|APPA|AAAH|AAL|AAPL",
    "NOTE_CNAM": r"CCMUC|C|CC2S|C_C2SNP|C_C2SP",
    "NOTE_FILO": r"PMIMP|PART_CHOMPRINC|DECUC_.*|BREV|DISP_.*|TP60|PACT|PPEN|PPSOC|PIMPOT|PPAT",
    "NOTE_ASP": r"CA|CA_[FH]|CUI.*|CIE.*|CAE|EAV.*",
    "NOTE_ASP_E": r"CA_N_E|CA_N1_E|EVOL_CA_N_E",
    "NOTE_PE": r"ABCDE.*|ABC(_.*)?|A|A_F|A_H",
    "NOTE_PE_T": r"A_N_T4|A_N1_T4|EVOL_.*_T4",
}
FLAG_COLUMNS = ["territory_kind", "territory_code", "edition", "flag", "value", "covers",
                "meaning", "observation", "source_file", "source_row"]
MEANING = ("Indicateur de qualité INSEE {flag} = {value}. Sa signification n'est pas donnée par "
           "les dictionnaires fournis avec les sources embarquées : voir la documentation INSEE "
           "de la base avant d'interpréter les valeurs qu'il qualifie.")


def is_filoqp_note(column: str) -> bool:
    return re.fullmatch(r"(disp_)?note(_a\d{2})?", column.strip().lower()) is not None


def qpv_flag_scope(table: CsvTable, columns: dict[str, str]) -> dict[str, list[str]]:
    """NOTE column -> ids of the file's indicators it qualifies; unknown NOTE columns refused."""
    scope = {}
    for column in table.columns:
        if not column.startswith("NOTE"):
            continue
        if column not in QPV_FLAG_SCOPES:
            raise SourceError(table.path, f"column {column}: unknown INSEE quality flag", 1)
        pattern = re.compile(QPV_FLAG_SCOPES[column])
        scope[column] = sorted(ident for name, ident in columns.items()
                               if pattern.fullmatch(name))
    return scope


def flag_rows(table: CsvTable, relative: str, index: int, kind: str, code: str, edition: int,
              scope: dict[str, list[str]], columns: dict[str, str]) -> list[tuple]:
    """The row's non-empty flags, with what the row shows for the cells they qualify."""
    row = table.rows[index]
    column_of = {ident: column for column, ident in columns.items()}
    rows = []
    for flag, covered in scope.items():
        value = row[flag].strip()
        if not value:
            continue
        empty = sum(1 for ident in covered if not row[column_of[ident]].strip())
        observation = (f"{empty} des {len(covered)} valeurs qu'il qualifie sont vides dans "
                       f"cette ligne de la source.")
        rows.append((kind, code, edition, flag, value, ",".join(covered),
                     MEANING.format(flag=flag, value=value), observation, relative,
                     table.row_number(index)))
    return rows


def insert_flags(conn, rows: list[tuple]) -> None:
    insert_rows(conn, "quality_flag", FLAG_COLUMNS, rows)
