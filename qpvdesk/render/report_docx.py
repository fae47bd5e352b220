"""A report Document as an editable Word file (python-docx), for the service that rewrites
the diagnostic in Word or LibreOffice.

Everything is made of what Word users restructure with: headings in Word's heading styles
(« Titre 1 », « Titre 2 »… in a French Word) so the navigation pane and a table of contents
work; real tables whose header rows repeat on each page; charts as PNG images (painted by
render/report_charts.py, the same drawing as the PDF) each with a caption in the « Légende »
style giving its source and year; a « Constat » style for the generated sentences and an
« Avertissement » style for cautions, which the service can restyle in one place. A4, French
(the spelling checker checks French), page x / n in the footer.
"""
from __future__ import annotations

import io
import os

from docx import Document as new_word_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from ..models.report.document import (BulletList, Contents, Cover, Document, Figure, Heading,
                                      Image,
                                      Notice, PageBreak, Paragraph, SourcesSection, Table,
                                      TableCell)
from ..models.report.output import check_writable, write_atomically
from .fiche_tables import today_french
from .report_charts import chart_png, png_bytes
from .sparkline import paint_points_sparkline

PAGE_WIDTH_MM, PAGE_HEIGHT_MM, MARGIN_MM = 210, 297, 18
TEXT_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM
LANDSCAPE_TEXT_WIDTH_MM = PAGE_HEIGHT_MM - 2 * MARGIN_MM
CELL_MARGIN_MM, MIN_WRAP_MM = 0.9, 28
NARROWEST_WRAP_MM = 20      # a text column squeezed this far still reads, a word a line
FIGURE_WIDTH_MM = 160
FIGURE_DPI = 150          # enough for a page; a 200 dpi PNG took twice as long to encode
SPARK_SIZE_MM = (12, 3.6)
FONT = "Arial"
GREY = RGBColor(0x55, 0x55, 0x55)
BLUE = RGBColor(0x1F, 0x3B, 0x57)
HEADER_FILL, GROUP_FILL = "E4E9EF", "F2F4F7"
NOTICE_FILL, LEAD_BORDER = "FFF4D6", "0072B2"
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "center": WD_ALIGN_PARAGRAPH.CENTER}
LEAD_STYLE, NOTE_STYLE, NOTICE_STYLE, SMALL_STYLE = "Constat", "Note", "Avertissement", "Petit"
TABLE_TITLE_STYLE, CAPTION_STYLE = "Titre de tableau", "Caption"
#: Table text in styles, one per type size, rather than formatting each run.
CELL_STYLE, HEADER_CELL_STYLE, DETAIL_STYLE = "Cellule", "En-tête de tableau", "Détail"
CELL_SIZES = (7, 8, 9)             # the sizes type_size() chooses from
ROLE_STYLES = {"body": "Normal", "lead": LEAD_STYLE, "note": NOTE_STYLE,
               "caption": CAPTION_STYLE, "small": SMALL_STYLE}


# ---------------------------------------------------------------------------------------------
# Styles and page
# ---------------------------------------------------------------------------------------------

def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _french(style) -> None:
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(_element("w:lang", val="fr-FR", eastAsia="fr-FR", bidi="ar-SA"))


def _shade(properties, fill: str) -> None:
    properties.append(_element("w:shd", val="clear", color="auto", fill=fill))


def _paragraph_style(word, name: str, size: float, italic: bool = False, bold: bool = False,
                     colour: RGBColor | None = None, space_after: float = 4):
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = word.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(size)
    style.font.italic = italic
    style.font.bold = bold
    if colour is not None:
        style.font.color.rgb = colour
    style.paragraph_format.space_after = Pt(space_after)
    return style


def _set_up(word, document: Document) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    _french(normal)
    for level in (1, 2, 3):
        heading = word.styles[f"Heading {level}"]
        heading.font.name = FONT
        heading.font.color.rgb = BLUE
        heading.font.size = Pt({1: 16, 2: 13, 3: 11}[level])
    # a part starts a page (after the cover too): Word ignores it on the document's first line
    word.styles["Heading 1"].paragraph_format.page_break_before = True
    lead = _paragraph_style(word, LEAD_STYLE, 10.5, space_after=6)
    lead.paragraph_format.left_indent = Mm(3)
    borders = _element("w:pBdr")
    borders.append(_element("w:left", val="single", sz="18", space="6", color=LEAD_BORDER))
    lead.element.get_or_add_pPr().append(borders)
    _paragraph_style(word, NOTE_STYLE, 8.5, italic=True, colour=GREY, space_after=2)
    _paragraph_style(word, SMALL_STYLE, 8, colour=GREY, space_after=2)
    _paragraph_style(word, TABLE_TITLE_STYLE, 10, bold=True, colour=BLUE, space_after=3)
    notice = _paragraph_style(word, NOTICE_STYLE, 9, space_after=1)
    _shade(notice.element.get_or_add_pPr(), NOTICE_FILL)
    for size in CELL_SIZES:
        cell = _paragraph_style(word, f"{CELL_STYLE} {size}", size, space_after=0)
        cell.paragraph_format.space_before = Pt(0)
        header = _paragraph_style(word, f"{HEADER_CELL_STYLE} {size}", size, bold=True,
                                  space_after=0)
        header.paragraph_format.space_before = Pt(0)
        detail = word.styles.add_style(f"{DETAIL_STYLE} {size}", WD_STYLE_TYPE.CHARACTER)
        detail.font.size = Pt(size - 1.5)
        detail.font.color.rgb = GREY
    caption = word.styles[CAPTION_STYLE]
    caption.font.size = Pt(9)
    caption.font.color.rgb = RGBColor(0x1B, 0x1B, 0x1B)
    properties = word.core_properties
    properties.title = document.title
    properties.author = "qpvdesk"
    properties.language = "fr-FR"
    properties.comments = "Produit avec qpvdesk à partir de données publiques"
    _footer(section, document.footer)


def _field(paragraph, instruction: str, result: list[str]) -> None:
    """A Word field (PAGE, NUMPAGES, TOC) that Word and LibreOffice compute when they lay
    out; ``result`` is what it shows until then, one line each."""
    run = paragraph.add_run()
    run._r.append(_element("w:fldChar", fldCharType="begin"))
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    run._r.append(_element("w:fldChar", fldCharType="separate"))
    for number, line in enumerate(result, start=1):
        shown = paragraph.add_run(line)
        if number < len(result):
            shown.add_break(WD_BREAK.LINE)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


#: What follows w:updateFields in a settings part (the schema's order, which Word checks).
SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def _update_fields_on_open(word) -> None:
    """Word asks, when it opens the file, to compute the fields (the table of contents)."""
    settings = word.settings.element
    later = {qn(f"w:{name}") for name in SETTINGS_AFTER_UPDATE_FIELDS} | \
        {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}
    update = _element("w:updateFields", val="true")
    following = next((child for child in settings if child.tag in later), None)
    if following is None:
        settings.append(update)
    else:
        following.addprevious(update)


def _footer(section, text: str) -> None:
    paragraph = section.footer.paragraphs[0]
    tabs = paragraph.style.paragraph_format.tab_stops   # Word's « Pied de page » style
    tabs.clear_all()
    tabs.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(f"{text}\tÉdité le {today_french()} — page ")
    _field(paragraph, "PAGE", ["1"])
    paragraph.add_run(" / ")
    _field(paragraph, "NUMPAGES", ["1"])
    for run in paragraph.runs:
        run.font.size = Pt(7.5)
        run.font.color.rgb = GREY


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------

class _Writer:
    def __init__(self, word, document: Document) -> None:
        self.word, self.document = word, document
        self.figures = 0
        self.landscape = False
        self.style_ids = {style.name: style.style_id for style in word.styles}

    def add(self, text: str = "", style: str = "Normal"):
        """A paragraph in a named style. The style id is set directly: python-docx looks the
        name up through every style each time, which took half the writing time."""
        paragraph = self.word.add_paragraph(text)
        if style != "Normal":
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def heading(self, text: str, level: int):
        return self.add(text, f"Heading {level}")

    def write(self) -> None:
        if self.document.cover is not None:
            self.cover(self.document.cover)
        blocks = self.document.blocks
        for index, block in enumerate(blocks):
            self.orient(_on_landscape(blocks, index))
            self.block(block)
        if self.document.notes:
            self.heading("Notes", 2)
            for number, note in enumerate(self.document.notes, start=1):
                self.add(f"{number}. {note}", NOTE_STYLE)

    def block(self, block) -> None:
        if isinstance(block, Heading):
            self.heading(block.text, block.level)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, BulletList):
            for item in block.items:
                self.paragraph(item, "List Bullet")
        elif isinstance(block, Notice):
            self.notice(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figures += 1
            self.picture(chart_png(block.chart, FIGURE_WIDTH_MM, FIGURE_DPI), FIGURE_WIDTH_MM,
                         f"Figure {self.figures} — {block.caption}", block.source, block.notes)
        elif isinstance(block, Image):
            self.picture(block.png, min(block.width_mm, TEXT_WIDTH_MM), block.caption,
                         block.source)
        elif isinstance(block, SourcesSection):
            self.sources(block)
        elif isinstance(block, PageBreak):
            self.word.add_page_break()
        elif isinstance(block, Contents):
            self.contents(block)
        else:
            raise TypeError(f"unknown block {type(block).__name__}")

    def paragraph(self, block: Paragraph, style: str | None = None):
        paragraph = self.add("", style or ROLE_STYLES[block.role])
        for run in block.runs:
            added = paragraph.add_run(run.text)
            added.bold = run.bold or None
            added.italic = run.italic or None
        return paragraph

    def notice(self, block: Notice) -> None:
        title = self.add("", NOTICE_STYLE)
        title.add_run(block.title).bold = True
        title.paragraph_format.keep_with_next = True
        for item in block.items:
            self.add(f"• {item}", NOTICE_STYLE)
        self.add()

    def orient(self, landscape: bool) -> None:
        """A new section when the orientation changes (a wide table, then back)."""
        if landscape == self.landscape:
            return
        body = self.word.element.body
        empty = all(child.tag == qn("w:sectPr") for child in body)
        section = self.word.sections[-1] if empty else self.word.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        long, short = Mm(PAGE_HEIGHT_MM), Mm(PAGE_WIDTH_MM)
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        self.landscape = landscape

    @property
    def text_width(self) -> float:
        return LANDSCAPE_TEXT_WIDTH_MM if self.landscape else TEXT_WIDTH_MM

    def table(self, block: Table) -> None:
        if block.title:
            title = self.add(block.title, TABLE_TITLE_STYLE)
            title.paragraph_format.keep_with_next = True
        header_count = len(block.header_rows)
        size = type_size(block)
        table = self.word.add_table(rows=header_count + len(block.rows),
                                    cols=block.column_count)
        table.style = self.word.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        margins = _element("w:tblCellMar")
        for side in ("left", "right"):
            margins.append(_element(f"w:{side}", w=str(round(CELL_MARGIN_MM * 56.7)),
                                    type="dxa"))
        table._tbl.tblPr.append(margins)
        # python-docx recomputes the whole grid on each row.cells: build it once
        grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
        widths = [Mm(width) for width in column_widths_mm(block, self.text_width)]
        for column, width in zip(table.columns, widths):
            column.width = width
        for number, row in enumerate(grid):
            properties = table._tbl.tr_lst[number].get_or_add_trPr()
            header = number < header_count
            properties.append(_element("w:tblHeader" if header else "w:cantSplit", val="true"))
            values = block.header_rows[number] if header else block.rows[number - header_count]
            group = not header and is_group_row(values)
            for cell, value, alignment, width in zip(row, values, block.alignments, widths):
                if group:
                    _shade(cell._tc.get_or_add_tcPr(), GROUP_FILL)
                cell.width = width
                paragraph = cell.paragraphs[0]
                paragraph.alignment = ALIGN[alignment]
                if header:
                    _shade(cell._tc.get_or_add_tcPr(), HEADER_FILL)
                    paragraph._p.style = self.style_ids[f"{HEADER_CELL_STYLE} {size}"]
                    paragraph.add_run(value)
                else:
                    paragraph._p.style = self.style_ids[f"{CELL_STYLE} {size}"]
                    self.cell(paragraph, value, size)
        after = [(note, NOTE_STYLE) for note in block.notes]
        if block.source:
            after.append((block.source, SMALL_STYLE))
        if not after:
            after = [("", "Normal")]
        for text, style in after:
            self.add(text, style)

    def cell(self, paragraph, value: TableCell, size: int) -> None:
        run = paragraph.add_run(value.text)
        if value.bold:
            run.bold = True
        if value.status != "ok":
            run.italic = True
            run.font.color.rgb = GREY
        if value.sparkline is not None:
            paragraph.add_run().add_picture(io.BytesIO(sparkline_png(value.sparkline.points)),
                                            width=Mm(SPARK_SIZE_MM[0]))
        if value.detail:
            if value.text:
                run.add_break(WD_BREAK.LINE)
            detail = paragraph.add_run(value.detail)
            detail._r.style = self.style_ids[f"{DETAIL_STYLE} {size}"]

    def picture(self, png: bytes, width_mm: float, caption: str, source: str,
                notes: tuple[str, ...] = ()) -> None:
        self.word.add_picture(io.BytesIO(png), width=Mm(width_mm))
        picture = self.word.paragraphs[-1]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        after = [(caption, CAPTION_STYLE), (source, SMALL_STYLE),
                 *((note, NOTE_STYLE) for note in notes)]
        after = [(text, style) for text, style in after if text]
        for number, (text, style) in enumerate(after, start=1):
            paragraph = self.add(text, style)
            paragraph.paragraph_format.keep_with_next = number < len(after)

    def contents(self, block: Contents) -> None:
        """Word's own table of contents (a TOC field over the « Titre 1 » headings, updated
        when the file is opened); until then it lists the parts, without their pages."""
        self.add(block.title, TABLE_TITLE_STYLE).runs[0].font.size = Pt(16)
        _field(self.add(), 'TOC \\o "1-1" \\h \\z \\u', self.document.parts())
        _update_fields_on_open(self.word)

    def sources(self, block: SourcesSection) -> None:
        self.heading(block.title, 1)
        if block.intro:
            self.add(block.intro)
        for entry in block.entries:
            paragraph = self.add("", "List Bullet")
            paragraph.add_run(entry.producer).bold = True
            paragraph.add_run(f" — {entry.dataset} — {entry.vintage}. ")
            paragraph.add_run(f"Licence : {entry.licence}.")
            if entry.detail:
                self.add(entry.detail, SMALL_STYLE)

    def cover(self, cover: Cover) -> None:
        for _ in range(4):
            self.add()
        kicker = self.add(cover.kicker, SMALL_STYLE)
        kicker.runs[0].bold = True
        self.add(cover.title, "Title")
        if cover.subtitle:
            self.add(cover.subtitle, "Subtitle")
        for line in cover.lines:
            self.add(line)
        if cover.image is not None:
            self.picture(cover.image.png, min(cover.image.width_mm, TEXT_WIDTH_MM),
                         cover.image.caption, cover.image.source)
        blocks = self.document.blocks
        if not (blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1):
            self.word.add_page_break()   # else « Titre 1 » starts the next page itself


def is_group_row(cells) -> bool:
    """A row that names the rows below it (a theme in the summary): bold, alone."""
    return bool(cells[0].bold and cells[0].text and not any(c.text or c.detail
                                                            for c in cells[1:]))


def _on_landscape(blocks, index: int) -> bool:
    """A wide table goes on a landscape page, with the heading and note that lead to it."""
    for block in blocks[index:]:
        if isinstance(block, Table):
            return is_wide(block)
        if not (isinstance(block, Heading) or
                isinstance(block, Paragraph) and block.role == "note"):
            return False
    return False


def type_size(table: Table) -> int:
    """Points of a table's text: smaller as the columns grow in number."""
    return 9 if table.column_count <= 5 else 8 if table.column_count <= 8 else 7


def _natural_widths_mm(table: Table, points: float) -> list[float]:
    """Each column as wide as its longest line (an average glyph is about 0.55 em)."""
    char_mm = points * 0.3528 * 0.55
    widths = []
    for index in range(table.column_count):
        lines = [line for row in table.header_rows for line in row[index].split("\n")]
        lines += [line for row in table.rows for line in row[index].text.split("\n")]
        details = [line for row in table.rows for line in row[index].detail.split("\n")]
        longest = max([len(line) for line in lines] + [len(line) * 0.8 for line in details]
                      + [1])
        width = min(longest, 60) * char_mm + 2 * CELL_MARGIN_MM + 1
        if any(row[index].sparkline is not None for row in table.rows):
            width = max(width, SPARK_SIZE_MM[0] + 2 * CELL_MARGIN_MM + 2)
        widths.append(width)
    return widths


def column_widths_mm(table: Table, text_width: float) -> list[float]:
    """Widths adding up to the text width: the wrapping columns share what the others, as
    wide as their longest line, leave (at least MIN_WRAP_MM each)."""
    natural = _natural_widths_mm(table, type_size(table))
    wrapping = set(table.wrap_columns)
    fixed = sum(width for index, width in enumerate(natural) if index not in wrapping)
    left = max(text_width - fixed, MIN_WRAP_MM * len(wrapping))
    share = sum(natural[index] for index in wrapping) or 1.0
    widths = [left * natural[index] / share if index in wrapping else natural[index]
              for index in range(table.column_count)]
    if not wrapping or sum(widths) > text_width:
        total = sum(widths)
        widths = [width * text_width / total for width in widths]
    return widths


def is_wide(table: Table) -> bool:
    """A table that does not fit across an A4 portrait page, even with its text columns at
    their narrowest: Word gets it on a landscape page."""
    natural = _natural_widths_mm(table, type_size(table))
    narrowest = sum(min(width, NARROWEST_WRAP_MM) if index in table.wrap_columns else width
                    for index, width in enumerate(natural))
    return narrowest > TEXT_WIDTH_MM


def sparkline_png(points) -> bytes:
    dpi = 300
    px_per_mm = dpi / 25.4
    image = QImage(round(SPARK_SIZE_MM[0] * px_per_mm), round(SPARK_SIZE_MM[1] * px_per_mm),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    try:
        paint_points_sparkline(painter, QRectF(0, 0, image.width(), image.height()), points,
                               0.3 * px_per_mm)
    finally:
        painter.end()
    return png_bytes(image)


def document_docx(document: Document) -> bytes:
    word = new_word_document()
    _set_up(word, document)
    _Writer(word, document).write()
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def write_document_docx(document: Document, path: str | os.PathLike,
                        what: str = "le document Word") -> None:
    """Write the document as a .docx, all or nothing; ReportWriteError (French) when the file
    cannot be written."""
    check_writable(path, what)
    write_atomically(path, document_docx(document), what)
