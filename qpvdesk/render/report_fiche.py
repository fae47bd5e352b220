"""A QPV's fiche as a report Document, for its Word version (`qpvdesk fiche CODE --docx`,
« Exporter en Word » in the fiche window).

The document is made of the very cells the fiche window and the fiche PDF show
(render/fiche_tables.py): a figure is worded in one place, whatever the format.
"""
from __future__ import annotations

from pathlib import PurePosixPath

from PySide6.QtGui import QImage

from ..models.fiche import EDUCATION_THEME, Fiche
from ..models.report.document import (Document, Heading, Image, Notice, Paragraph,
                                      SourceEntry, SourcesSection, Sparkline, Table, TableCell)
from .fiche_pdf import THUMBNAIL_CAPTION, THUMBNAIL_WIDTH_MM
from .fiche_tables import (Cell, FicheTable, SourceIndex, education_tables, footnotes,
                           geography_note, identity_rows, sources_line, sparkline_points,
                           theme_tables, today_french)
from .report_charts import png_bytes

PRODUCED = ("Fiche produite par qpvdesk le {date} à partir des données publiques embarquées "
            "(Licence Ouverte 2.0 : INSEE, ANCT – SIG Ville, IGN, Ministère de l'Éducation "
            "nationale).")


def _cell(cell: Cell) -> TableCell:
    sparkline = Sparkline(tuple(sparkline_points(cell.series))) if cell.series else None
    return TableCell(cell.text, cell.detail, cell.status, sparkline=sparkline)


def _table(table: FicheTable, titled: bool) -> list:
    blocks = []
    if table.note:
        blocks.append(Paragraph.plain(table.note, "note"))
    blocks.append(Table(
        header_rows=(tuple(column.header for column in table.columns),),
        rows=tuple(tuple(_cell(cell) for cell in row) for row in table.rows),
        alignments=tuple("right" if column.numeric else "left" for column in table.columns),
        title=table.title if titled else "", source=sources_line(table)))
    return blocks


def _identity(fiche: Fiche) -> Table:
    rows = tuple((TableCell(label, bold=True), TableCell(value))
                 for label, value in identity_rows(fiche))
    return Table(header_rows=(), rows=rows, alignments=("left", "left"), wrap_columns=(1,))


def _sources(sources: SourceIndex) -> SourcesSection:
    entries = []
    for group in sources.groups:
        folders = sorted({str(PurePosixPath(path).parent) for path in group.files})
        names = ", ".join(PurePosixPath(path).name for path in group.files)
        entries.append(SourceEntry(f"[{group.number}] {group.producer}", ", ".join(folders),
                                   group.vintage, group.licence, f"Fichiers : {names}."))
    return SourcesSection("Sources", tuple(entries))


def fiche_document(fiche: Fiche, thumbnail: QImage | None) -> Document:
    identity = fiche.identity
    sources = SourceIndex(fiche.sources)
    blocks: list = [Heading(identity.name, 1), _identity(fiche)]
    if thumbnail is not None:
        blocks.append(Image(png_bytes(thumbnail), THUMBNAIL_WIDTH_MM * 1.6, THUMBNAIL_CAPTION))
    blocks.append(Notice("Géographie", (geography_note(fiche),)))
    for table in theme_tables(fiche, sources):
        blocks += [Heading(table.title, 2), *_table(table, titled=False)]
    blocks.append(Heading(EDUCATION_THEME, 2))
    for table in education_tables(fiche, sources):
        blocks += _table(table, titled=True)
    blocks += [_sources(sources), Paragraph.plain(PRODUCED.format(date=today_french()),
                                                  "small")]
    return Document(title=f"Fiche du quartier — {identity.name}",
                    footer=f"Fiche du quartier {identity.name} ({identity.code})",
                    blocks=tuple(blocks), notes=tuple(footnotes(fiche)))
