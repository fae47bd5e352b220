"""Export a table (a header and rows of cells) to CSV or XLSX.

A cell is text, a number, ``None`` (nothing to show: an empty cell) or a value that is not
there, ``ABSENT[status]``: « secret », « non publié » or « n.d. », worded as on screen and in
the PDFs (frenchnum), never 0. CSV
follows French spreadsheet habits: ``;`` separator, UTF-8 with a BOM, decimal comma, no
thousands separator. Both writers write a temporary file next to the target and rename it, so
a failed export never leaves a half-written file.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from . import frenchnum
from .fiche import Figure
from .indicator_table import IndicatorTable
from .licences import LICENCE_OUVERTE, LICENCE_OUVERTE_LINK

SOURCES_SHEET = "Sources et licence"
_MAX_WIDTH = 60
_SOURCES = {
    "DEMO": "INSEE, données des quartiers de la politique de la ville, base DEMO (population)",
    "REVN": "INSEE, données des quartiers de la politique de la ville, base REVN (revenus)",
    "IPRO": "INSEE, données des quartiers de la politique de la ville, base IPRO (emploi)",
    "FILO": "INSEE, Filosofi (revenus disponibles localisés)",
    "CAF": "CNAF, données des caisses d'allocations familiales, diffusées par l'INSEE",
}


class _Absent:
    """A value that is not there, and the words that say why, as a table cell says them."""

    def __init__(self, status: str) -> None:
        self.status, self.text = status, frenchnum.format_status(status, short=True)

    def __repr__(self) -> str:
        return self.status.upper()


#: The absent value of each status: secret, non_publie, missing.
ABSENT = {status: _Absent(status) for status in frenchnum.STATUS_WORDS}
Cell = str | int | float | None | _Absent


def figure_cell(figure: Figure) -> Cell:
    return figure.value if figure.status == "ok" else ABSENT[figure.status]


def csv_number(value: int | float) -> str:
    """55414.0 -> '55414', 12.5 -> '12,5', 1e-07 -> '0,0000001' (no exponent, no grouping)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format(Decimal(repr(value)), "f").replace(".", ",")


def _csv_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, _Absent):
        return cell.text
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return csv_number(cell)
    return str(cell)


@contextmanager
def _atomic(path: str | Path) -> Iterator[Path]:
    """A temporary path next to ``path``, renamed onto it when the block succeeds."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_csv(path: str | Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Path:
    with _atomic(path) as temporary:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(header)
            writer.writerows([_csv_text(cell) for cell in row] for row in rows)
    return Path(path)


def write_xlsx(path: str | Path, header: Sequence[str], rows: Sequence[Sequence[Cell]],
               sheet_title: str = "Tableau",
               notes: Sequence[Sequence[Cell]] | None = None) -> Path:
    """The table on its sheet; ``notes`` (rows of text) on a second sheet,
    « Sources et licence »."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([cell.text if isinstance(cell, _Absent) else cell for cell in row])
    sheet.freeze_panes = "A2"
    _fit_widths(sheet)
    if notes:
        sources = workbook.create_sheet(SOURCES_SHEET)
        for row in notes:
            sources.append(list(row))
        sources["A1"].font = Font(bold=True, size=13)
        _fit_widths(sources)
    with _atomic(path) as temporary:
        workbook.save(temporary)
    return Path(path)


def _fit_widths(sheet) -> None:
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        width = max((len(_csv_text(value)) for value in column), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, _MAX_WIDTH)


def indicator_table_sources(table: IndicatorTable, exported: str,
                            say: Callable[[str], str] = str) -> list[list[Cell]]:
    """The « Sources et licence » sheet of an exported indicator table: where each column
    comes from, under which licence, and how to read secret and missing values.
    ``exported``: the French date of the export; ``say``: TerritoryNames.say of the database,
    whose EPCI the published values are those of."""
    rows: list[list[Cell]] = [[SOURCES_SHEET], [],
                              ["Indicateur", "Identifiant", "Édition", "Source"]]
    for column in table.columns:
        family = column.indicator_id.split(".", 1)[0]
        rows.append([f"{column.label} ({column.unit})", column.indicator_id, column.edition,
                     _SOURCES.get(family, "INSEE")])
    rows += [[], ["Licence", f"{LICENCE_OUVERTE} ({LICENCE_OUVERTE_LINK}) : réutilisation "
                             "libre, en citant la source et la date des données."],
             ["Citation", "Source : INSEE, données des quartiers de la politique de la ville ; "
                          "ANCT – SIG Ville, périmètres des QPV. Tableau produit avec qpvdesk."],
             ["Géographie", "Les indicateurs INSEE des quartiers portent sur la géographie "
                            "2015 (codes QP062xxx) ; les quartiers sont désignés par leur "
                            "code 2024 (QN062xxM) et leur code 2015."],
             ["Valeurs", f"{frenchnum.status_explanation('cellule vide')} "
                         + say("Les valeurs de la CALL sont celles publiées, jamais "
                               "recalculées à partir des quartiers.")],
             ["Exporté le", exported]]
    return rows


def indicator_table_rows(table: IndicatorTable) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows of an indicator table: the QPV rows as displayed, then the summaries."""
    header = ["Code QPV 2024", "Code QPV 2015", "Quartier", "Communes"]
    header += [f"{column.label} ({column.unit}) – {column.indicator_id}, édition "
               f"{column.edition}" for column in table.columns]
    rows: list[list[Cell]] = [
        [row.code, row.code_2015, row.name, row.communes_label,
         *(figure_cell(cell.figure) for cell in row.cells)] for row in table.rows]
    rows += [[None, None, summary.label, None, *summary.values] for summary in table.summaries]
    return header, rows
