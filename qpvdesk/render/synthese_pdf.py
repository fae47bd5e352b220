"""The synthèse of a proposal package: an A4 PDF a town hall can print or forward.

Page 1 says who sends the package (organisation, commune, date, package and key
identifiers), then shows a map of the proposals, numbered, and a table listing them; then
each proposal has a block with every field of its form. The fiche's PDF machinery lays it
out (blocks of known height placed on pages, table rows never cut, the table's header
repeated), so that every footer can say « page 1 / 3 ».
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from weakref import WeakKeyDictionary

import shapely
from shapely.geometry.base import BaseGeometry
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPdfWriter, QPen

from ..models.frenchnum import NO_VALUE, format_french_date, format_french_number
from ..models.map.layers import OWN_PROPOSAL_LAYERS, modified_layers, proposal_layers
from ..models.map.map_state import MapState
from ..models.map.styles import LAYERS, SYMBOLS
from ..models.map.viewport import Viewport
from ..models.package.info import PackageInfo
from ..models.package.minisign import readable_key_id
from ..models.proposals.exporter import _COLUMNS
from ..models.proposals.geometry import area_ha
from ..models.proposals.proposal import Proposal
from ..models.proposals.territory import Territory
from ..models.proposals.vocabulary import (CHOICES, EQUIPEMENT, KIND_FIELDS, KINDS, PERIMETRE,
                                            QUARTIER_VECU, choice_label)
from ..models.report.output import WRITE_ERRORS
from .fiche_pdf import layout_table
from .pdf_pages import (GREY, INK, LIGHT_GREY, PDF_DPI, TITLE_BLUE, set_a4, Block as _Block,
                        Pages as _Pages, paragraph as _paragraph, section_title as _section_title,
                        spacer as _spacer, Style as _Style, TableLayout as _TableLayout,
                        paint_pages)
from .fiche_tables import Cell, Column, FicheTable
from .atelier_pdf import AtelierPage, page_blocks, pages_for_package
from .thumbnail import draw_scale_bar, thumbnail_layers
from .compose import MapComposer
from .renderer import LayerRenderSpec, render_map

MAP_SIZE = (1400, 1000)          # pixels; drawn across the text width (about 190 dpi)
MAP_LAYERS = frozenset({"communes", "qpv"})
MIN_EXTENT_M = 1500.0            # a single small proposal is shown with its surroundings
def map_symbol(layer_id: str):
    """A proposal layer's symbol, bolder for a small printed map."""
    symbol = SYMBOLS[layer_id]
    if symbol.geometry == "point":
        return replace(symbol, size=22, stroke_width=2.0)
    return replace(symbol, stroke_width=2.6, fill_alpha=0.55)


SMALL_POLYGON_PX = 80            # narrower than this, the badge goes beside the polygon
BADGE_FILL, BADGE_INK = QColor("#40004b"), QColor("#ffffff")
MAP_CAPTION = (
    "Les propositions du paquet, numérotées comme dans le tableau ci-dessous : en violet, les "
    "projets d'équipement (losange) et les quartiers vécus ; en orange, les demandes de "
    "modification de périmètre. En rouge, les quartiers prioritaires 2024 ; en gris, les "
    "limites communales.")
KIND_COUNT_WORDS = {EQUIPEMENT: ("projet d'équipement", "projets d'équipement"),
                    QUARTIER_VECU: ("quartier vécu", "quartiers vécus"),
                    PERIMETRE: ("demande de périmètre", "demandes de périmètre")}
EMPTY = NO_VALUE
LABEL_WIDTH_MM = 42
FOOTER_POINTS = 6.5

# French labels of the proposal's fields: the CSV headers of the export.
FIELD_LABELS = {attribute: header for attribute, _, header in _COLUMNS}

# Territory (names of communes and QPV) is built once per reference store.
_TERRITORIES: WeakKeyDictionary = WeakKeyDictionary()


def _territory(reference) -> Territory:
    territory = _TERRITORIES.get(reference)
    if territory is None:
        territory = _TERRITORIES[reference] = Territory(reference)
    return territory


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------

def french_datetime(value: str) -> str:
    """'2026-11-22T10:04:31+01:00' -> '22 novembre 2026 à 10 h 04'; « — » when empty."""
    return format_french_date(value, with_time=True) if value else EMPTY


def french_area(proposal: Proposal) -> str:
    """'28,72 ha', or '—' for a point."""
    if proposal.geometry.geom_type == "Point":
        return EMPTY
    return f"{format_french_number(area_ha(proposal.geometry), 2)}\u00a0ha"


class _Names:
    """Commune and QPV names, the code itself when the reference does not know it."""

    def __init__(self, reference) -> None:
        self.territory = _territory(reference)

    def commune(self, code: str) -> str:
        try:
            return self.territory.commune_name(code)
        except (KeyError, IndexError):
            return code

    def qpv(self, code: str | None) -> str:
        if not code:
            return ""
        try:
            return self.territory.qpv_name(code)
        except (KeyError, IndexError):
            return code

    def communes(self, codes: Sequence[str]) -> str:
        return ", ".join(self.commune(code) for code in codes) or EMPTY


def _field_value(names: _Names, proposal: Proposal, field: str) -> str:
    value = getattr(proposal, field)
    if field in CHOICES:
        return choice_label(field, value) or EMPTY
    if field == "qpv_code":
        return f"{names.qpv(value)} ({value})" if value else EMPTY
    if value is None or value == "":
        return EMPTY
    return str(value)


def _detail_rows(names: _Names, proposal: Proposal) -> list[tuple[str, str]]:
    """Every field of the proposal's form, then what the shape says and its dates."""
    rows = [(FIELD_LABELS["kind"], KINDS.get(proposal.kind, proposal.kind))]
    rows += [(FIELD_LABELS[field], _field_value(names, proposal, field))
             for field in KIND_FIELDS.get(proposal.kind, ())]
    communes = ", ".join(f"{names.commune(code)} ({code})" for code in proposal.communes)
    rows.append((FIELD_LABELS["communes"], communes or EMPTY))
    geometry = proposal.geometry
    if geometry.geom_type == "Point":
        rows.append(("Position (Lambert-93)", f"x = {format_french_number(geometry.x, 0)} m, "
                                              f"y = {format_french_number(geometry.y, 0)} m"))
    else:
        rows.append(("Surface", french_area(proposal)))
    rows += [(FIELD_LABELS["created"], french_datetime(proposal.created)),
             (FIELD_LABELS["modified"], french_datetime(proposal.modified)),
             (FIELD_LABELS["uuid"], proposal.uuid)]
    return rows


def _count_text(proposals: Sequence[Proposal]) -> str:
    parts = []
    for kind, (one, many) in KIND_COUNT_WORDS.items():
        count = sum(1 for item in proposals if item.kind == kind)
        if count:
            parts.append(f"{count} {one if count == 1 else many}")
    total = str(len(proposals))
    return f"{total} ({', '.join(parts)})" if parts else total


# ---------------------------------------------------------------------------------------------
# Map
# ---------------------------------------------------------------------------------------------

def _view_box(shapes: Sequence[BaseGeometry]) -> tuple[float, float, float, float]:
    xmin, ymin, xmax, ymax = shapely.total_bounds(shapes)
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    half_w, half_h = max(xmax - xmin, MIN_EXTENT_M) / 2, max(ymax - ymin, MIN_EXTENT_M) / 2
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def proposals_map(reference, proposals: Sequence[Proposal], width: int = MAP_SIZE[0],
                  height: int = MAP_SIZE[1],
                  colours: tuple[str, str, str] = OWN_PROPOSAL_LAYERS,
                  decisions: Mapping[str, str] | None = None,
                  modified: Sequence[tuple[str, str, BaseGeometry]] = ()) -> QImage:
    """Communes, QPV and the proposals, each with its number (1, 2, … in the given order),
    in the colours of the proposal layers ``colours`` (the sender's own;
    RECEIVED_PROPOSAL_LAYERS for a package being verified), or filled by their ``decisions``
    (uuid -> code), with the ``modified`` geometries (uuid, label, geometry) over them."""
    layers = thumbnail_layers(reference)
    layer_ids = [info.id for info in LAYERS]
    state = MapState.default(layer_ids, hidden=set(layer_ids) - MAP_LAYERS)
    shapes = [item.geometry for item in proposals] + [shape for *_, shape in modified]
    viewport = Viewport.fit(_view_box(shapes), width, height, margin=0.07)
    request = MapComposer(reference, layers, state)(viewport)
    drawn = {**proposal_layers(proposals, colours, decisions), **modified_layers(modified)}
    request.layers += [LayerRenderSpec(layer, map_symbol(layer_id))
                       for layer_id, layer in drawn.items() if len(layer)]
    image = render_map(request)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        _draw_numbers(painter, viewport, proposals)
        draw_scale_bar(painter, viewport)
    finally:
        painter.end()
    return image.convertToFormat(QImage.Format.Format_RGB32)   # no alpha mask in the PDF


def _draw_numbers(painter: QPainter, viewport: Viewport, proposals: Sequence[Proposal]) -> None:
    """A dark round badge per proposal: inside a large polygon, up and right of a point
    or of a small polygon (which the badge would hide)."""
    geometries = [item.geometry for item in proposals]
    anchors = shapely.get_coordinates(shapely.point_on_surface(geometries))
    xs, ys = viewport.to_screen(anchors[:, 0], anchors[:, 1])
    bounds = shapely.bounds(geometries)
    right, top = viewport.to_screen(bounds[:, 2], bounds[:, 3])
    size = (bounds[:, 2:] - bounds[:, :2]).max(axis=1) / viewport.resolution
    font = QFont("DejaVu Sans")
    font.setPixelSize(17)
    font.setBold(True)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    for index, item in enumerate(proposals):
        text = str(index + 1)
        radius = max(14.0, metrics.horizontalAdvance(text) / 2 + 6)
        x, y = xs[index], ys[index]
        if item.geometry.geom_type == "Point" or size[index] < SMALL_POLYGON_PX:
            x, y = right[index] + radius * 0.7 + 4, top[index] - radius * 0.7 - 4
        centre = QPointF(float(x), float(y))
        painter.setPen(QPen(QColor("#ffffff"), 2.5))
        painter.setBrush(BADGE_FILL)
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(BADGE_INK)
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius,
                                2 * radius), int(Qt.AlignmentFlag.AlignCenter), text)


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------

def _label_rows(style: _Style, rows: list[tuple[str, str]], label_points: float = 7.6,
                value_points: float = 8.4) -> list[_Block]:
    """One block per label/value row; the value wraps in the width the label leaves."""
    label_font, value_font = style.font(label_points), style.font(value_points)
    label_width = style.mm(LABEL_WIDTH_MM)
    value_width = style.width - label_width
    blocks = []
    for label, value in rows:
        height = max(style.text_height(value, value_font, value_width),
                     style.text_height(label, label_font, label_width - style.mm(2))) \
            + style.mm(1.1)

        def draw(painter: QPainter, top: float, label=label, value=value,
                 height=height) -> None:
            painter.setPen(GREY)
            painter.setFont(label_font)
            painter.drawText(QRectF(0, top, label_width - style.mm(2), height),
                             int(Qt.TextFlag.TextWordWrap), label)
            painter.setPen(INK)
            painter.setFont(value_font)
            painter.drawText(QRectF(label_width, top, value_width, height),
                             int(Qt.TextFlag.TextWordWrap), value)
        blocks.append(_Block(height, draw))
    return blocks


def _header(style: _Style, names: _Names, info: PackageInfo,
            proposals: Sequence[Proposal]) -> list[_Block]:
    kicker = _paragraph(style, "SYNTHÈSE D'UN PAQUET DE PROPOSITIONS — CA DE LENS-LIÉVIN",
                        style.font(7.5, bold=True), GREY)
    title = _paragraph(style, info.source_organization or names.commune(info.commune_insee),
                       style.font(17, bold=True), TITLE_BLUE)
    contact = " — ".join(part for part in (info.contact_name, info.contact_email) if part)
    rows = [("Commune", f"{names.commune(info.commune_insee)} ({info.commune_insee})"),
            ("Contact", contact or EMPTY),
            ("Paquet créé le", french_datetime(info.created)),
            ("Identifiant du paquet", info.uuid),
            ("Clé de signature", readable_key_id(info.key_id)),
            ("Nombre de propositions", _count_text(proposals)),
            ("Logiciel", info.software or EMPTY)]
    return [kicker, _spacer(style.mm(1)), title, _spacer(style.mm(2.5)),
            *_label_rows(style, rows, 7.8, 8.6), _spacer(style.mm(4))]


def _map_blocks(style: _Style, image: QImage, title: str = "Carte des propositions",
                caption: str = MAP_CAPTION) -> list[_Block]:
    width = style.width
    height = width * image.height() / max(image.width(), 1)

    def draw(painter: QPainter, top: float) -> None:
        target = QRectF(0, top, width, height)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(target, image)
        painter.setPen(QPen(LIGHT_GREY, style.mm(0.25)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(target)
    caption_block = _paragraph(style, caption, style.font(6.6), GREY)
    return [_section_title(style, title), _spacer(style.mm(1.5)),
            _Block(height, draw), _spacer(style.mm(1)), caption_block, _spacer(style.mm(5))]


def _list_table(names: _Names, proposals: Sequence[Proposal]) -> FicheTable:
    columns = [Column("number", "n°"), Column("kind", "Type", numeric=False),
               Column("title", "Titre", numeric=False), Column("qpv", "QPV", numeric=False),
               Column("communes", "Communes", numeric=False), Column("area", "Surface")]
    rows = []
    for number, item in enumerate(proposals, start=1):
        if item.kind == PERIMETRE:
            detail = choice_label("nature", item.nature)
        elif item.kind == EQUIPEMENT:
            detail = choice_label("category", item.category)
        else:
            detail = ""
        rows.append([Cell(str(number)),
                     Cell(KINDS.get(item.kind, item.kind), detail, numeric=False),
                     Cell(item.title or item.label, numeric=False),
                     Cell(names.qpv(item.qpv_code) or EMPTY, item.qpv_code or "",
                          numeric=False),
                     Cell(names.communes(item.communes), numeric=False),
                     Cell(french_area(item))])
    return FicheTable("Liste des propositions", columns, rows)


class _ListLayout(_TableLayout):
    """The fiche's table layout with fixed shares of the width: the title gets the most."""

    SHARES = (0.20, 0.38, 0.20, 0.22)   # type, titre, QPV, communes

    def __init__(self, style: _Style, table) -> None:
        super().__init__(style, table, scale=1.1)
        number, area = self._natural_width(0), self._natural_width(5)
        rest = style.width - number - area
        self.set_widths([number, *(rest * share for share in self.SHARES), area])


def _place_table(pages: _Pages, style: _Style, table: FicheTable) -> None:
    """The list of proposals, with its own column widths, paginated as the fiche tables."""
    lead = [_section_title(style, table.title), _spacer(style.mm(1))]
    if not table.rows:
        pages.keep_together(lead + [_paragraph(style, "Le paquet ne contient aucune "
                                                      "proposition.", style.font(8.4))])
        return
    layout = layout_table(table)
    pages.table(style, lead, layout, _ListLayout(style, layout))


def _proposal_title(style: _Style, number: int, label: str) -> _Block:
    font = style.font(9.6, bold=True)
    text = f"n° {number} — {label}"
    text_height = style.text_height(text, font, style.width)
    gap = style.mm(1.2)

    def draw(painter: QPainter, top: float) -> None:
        painter.setFont(font)
        painter.setPen(TITLE_BLUE)
        painter.drawText(QRectF(0, top, style.width, text_height),
                         int(Qt.TextFlag.TextWordWrap), text)
        painter.setPen(QPen(LIGHT_GREY, style.mm(0.25)))
        y = top + text_height + gap / 2
        painter.drawLine(QPointF(0, y), QPointF(style.width, y))
    return _Block(text_height + gap, draw)


def _gap(pages: _Pages, height: float) -> None:
    """White space between blocks, none at the foot of a page."""
    if pages.y + height <= pages.bottom:
        pages.place(_spacer(height))


def _layout(style: _Style, names: _Names, info: PackageInfo, proposals: Sequence[Proposal],
            image: QImage | None, footer_height: float,
            workshops: Sequence[AtelierPage] = ()) -> list[list[tuple[float, _Block]]]:
    pages = _Pages(0.0, style.height - footer_height)
    for block in _header(style, names, info, proposals):
        pages.place(block)
    if image is not None:
        pages.keep_together(_map_blocks(style, image))
    _place_table(pages, style, _list_table(names, proposals))
    if proposals:
        _gap(pages, style.mm(6))
    place_details(pages, style, "Détail des propositions",
                  [(item.label, _detail_rows(names, item)) for item in proposals])
    for workshop in workshops:     # proposals agreed on in a residents' workshop
        page_blocks(style, workshop, pages)
    return pages.pages


def place_details(pages: _Pages, style: _Style, heading: str,
                  details: Sequence[tuple[str, list[tuple[str, str]]]]) -> None:
    """One block per numbered item, (label, its label/value rows): the title stays with the
    first two rows (the section ``heading`` with the first item); a row is never cut."""
    for number, (label, detail_rows) in enumerate(details, start=1):
        rows = _label_rows(style, detail_rows)
        lead = [_section_title(style, heading), _spacer(style.mm(2))] if number == 1 else []
        pages.keep_together([*lead, _proposal_title(style, number, label),
                             _spacer(style.mm(1)), *rows[:2]])
        for row in rows[2:]:
            if pages.y + row.height > pages.bottom:
                pages.new_page()
                pages.place(_paragraph(style, f"n° {number} — {label} (suite)",
                                       style.font(7, italic=True), GREY))
                pages.place(_spacer(style.mm(1)))
            pages.place(row)
        _gap(pages, style.mm(5))


def page_footer(style: _Style, painter: QPainter, text: str, page: int, count: int) -> None:
    """A rule, ``text`` on the left and « page x / n » on the right, at the foot."""
    font = style.font(FOOTER_POINTS)
    height = style.metrics(font).height()
    top = style.height - height
    painter.setPen(QPen(LIGHT_GREY, style.mm(0.2)))
    painter.drawLine(QPointF(0, top - style.mm(1)), QPointF(style.width, top - style.mm(1)))
    painter.setFont(font)
    painter.setPen(GREY)
    painter.drawText(QRectF(0, top, style.width, height), int(Qt.AlignmentFlag.AlignLeft),
                     text)
    painter.drawText(QRectF(0, top, style.width, height), int(Qt.AlignmentFlag.AlignRight),
                     f"page {page} / {count}")


def footer_height(style: _Style) -> float:
    return style.metrics(style.font(FOOTER_POINTS)).height() + style.mm(4)


def paint_synthese(painter: QPainter, device, names: _Names, info: PackageInfo,
                   proposals: Sequence[Proposal], image: QImage | None,
                   workshops: Sequence[AtelierPage] = ()) -> int:
    """Paint the whole synthèse on a paged device; returns the number of pages."""
    style = _Style(device)
    pages = _layout(style, names, info, proposals, image, footer_height(style), workshops)
    text = f"Synthèse des propositions — {info.source_organization} — paquet {info.uuid}"
    return paint_pages(painter, device, pages,
                       lambda number, count: page_footer(style, painter, text, number, count))


def write_synthese_pdf(reference, proposals: Sequence[Proposal], path: Path,
                       info: PackageInfo) -> int:
    """A4 PDF summary of a proposal package: page 1 header (source organization, commune,
    date of creation in French e.g. « 22 novembre 2026 à 10 h 04 », package id, key id,
    number of proposals), a map of the proposals, then a table listing them (n°, type, titre,
    QPV, communes names, surface in ha with French decimal comma), then one block per
    proposal with every form field in French (labels). Footer « page x / n ». Returns the
    number of pages. Writes to a temporary file next to path then os.replace (no
    half-written file). Raises OSError with a French message when it cannot be written."""
    proposals = list(proposals)
    names = _Names(reference)
    image = proposals_map(reference, proposals) if proposals else None
    workshops = pages_for_package(reference, proposals)
    return write_paged_pdf(
        path, f"Synthèse des propositions — {info.source_organization}", info.software,
        lambda painter, writer: paint_synthese(painter, writer, names, info, proposals, image,
                                               workshops),
        "la synthèse PDF")


def write_paged_pdf(path: Path, title: str, creator: str,
                    paint: Callable[[QPainter, QPdfWriter], int], what: str) -> int:
    """An A4 PDF painted by ``paint`` (which returns its number of pages), written to a
    temporary file next to ``path`` then renamed: no half-written file. OSError with a French
    message naming ``what`` (« la synthèse PDF ») when it cannot be written."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb"):   # Python says why (no folder, no permission)
            pass
    except OSError as exc:
        why = WRITE_ERRORS.get(exc.errno, exc.strerror or str(exc))
        raise OSError(f"Impossible d'écrire {what} « {target} » : {why}.") from exc
    try:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(PDF_DPI)
        writer.setTitle(title)
        writer.setCreator(creator or "qpvdesk")
        set_a4(writer)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"Impossible d'écrire {what} « {target} ».")
        try:
            pages = paint(painter, writer)
        finally:
            painter.end()
        del writer   # closes the file
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return pages
