"""The synthesis of a residents' workshop as an A4 PDF page: the workshop (date, place,
QPV, how many took part), a map of where participants agree, the areas at each threshold
with the share outside the QPV, the places named, counted.

The same page goes two ways: alone, from the workshop's synthesis screen (all its contours);
and in a signed package's data/synthese.pdf, after the proposal made from a contour (built
from that proposal's provenance: its contour only). Neither carries a name or one person's
drawing; a place named by a single person is counted, not located.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import shapely
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter, QPen

from ..models.atelier.consensus import Level, needed_count
from ..models.atelier.export import MIN_PEOPLE_PER_PLACE, shareable
from ..models.atelier.synthesis import PROVENANCE_SOURCE, WorkshopSynthesis, provenance_of
from ..models.atelier.vocabulary import PLACE_CATEGORIES, PLACE_KINDS
from ..models.frenchnum import (NO_VALUE, format_french_date, format_french_number,
                                format_french_percent)
from ..models.proposals.territory import Territory
from ..models.report.output import check_writable, write_atomically
from .atelier_map import agreement_image
from .fiche_pdf import layout_table
from .fiche_tables import Cell, Column, FicheTable
from .pdf_pages import (GREY, LIGHT_GREY, TITLE_BLUE, Block, Pages, Style,
                        footer_height, page_footer, paint_pages, paragraph, render_pdf,
                        section_title, spacer)

MAP_SIZE = (1400, 950)
MAP_MARGIN_M = 250.0
CAPTION = (
    "En violet, les lieux que les participants désignent comme leur quartier : plus le "
    "violet est foncé, plus ils sont nombreux à s'accorder ({levels}). En rouge, le "
    "périmètre 2024 du quartier prioritaire. Ronds verts : lieux où ils vont souvent ; "
    "carrés bleus : ce qui manque ; triangles rouges : lieux où ils ne se sentent pas bien ; "
    "losanges blancs : collèges. "
    "Le chiffre dit combien de personnes ont cité le lieu (au moins deux). Un contour ou un "
    "lieu qu'une seule personne suffit à faire n'est pas dessiné.")
PACKAGE_CAPTION = (
    "En violet, le contour proposé : les lieux désignés par au moins {share} des "
    "participants qui ont dessiné leur quartier. En rouge, le périmètre 2024 du quartier "
    "prioritaire.")
PRIVACY_NOTE = (
    "Aucun nom n'est enregistré : les participants sont numérotés. Ce document ne contient "
    "aucun dessin individuel ; un lieu cité par une seule personne est compté, pas situé.")


@dataclass(frozen=True)
class LevelRow:
    threshold: float
    needed: int
    area_m2: float
    share_outside: float | None


@dataclass(frozen=True)
class PlaceRow:
    place_kind: str
    category: str | None
    pins: int
    people: int


@dataclass(frozen=True)
class AtelierPage:
    title: str
    facts: tuple[tuple[str, str], ...]
    levels: tuple[LevelRow, ...]
    places: tuple[PlaceRow, ...]
    image: QImage | None
    caption: str


def _bbox(geometries) -> tuple[float, float, float, float]:
    xmin, ymin, xmax, ymax = shapely.total_bounds([item for item in geometries
                                                   if item is not None and not item.is_empty])
    return (xmin - MAP_MARGIN_M, ymin - MAP_MARGIN_M, xmax + MAP_MARGIN_M, ymax + MAP_MARGIN_M)


def _facts(qpv: str, code: str, held_on: str, place: str, participants: int, drew: int,
           chosen: float | None) -> tuple[tuple[str, str], ...]:
    rows = [("Quartier prioritaire", f"{qpv} ({code})"),
            ("Date de l'atelier", format_french_date(held_on)),
            ("Lieu", place or NO_VALUE),
            ("Participants", f"{participants}, dont {drew} ont dessiné leur quartier")]
    if chosen is not None:
        rows.append(("Contour proposé", f"lieux désignés par au moins "
                                        f"{format_french_percent(chosen)} des participants"))
    return tuple(rows)


def page_from_synthesis(reference, synthesis: WorkshopSynthesis,
                        chosen: float | None = None) -> AtelierPage:
    """The page of the workshop's synthesis screen: every contour and the places named by
    at least two people."""
    workshop = synthesis.workshop
    territory = Territory(reference)
    perimeter = territory.qpv_geometry(workshop.qpv_code)
    levels = synthesis.levels
    clusters = [item for item in synthesis.clusters if item.participants >= MIN_PEOPLE_PER_PLACE]
    drawn = [level for level in levels if shareable(level)]   # no one's drawing alone
    image = agreement_image(reference, workshop.qpv_code, drawn, clusters,
                            _bbox([perimeter, *(level.geometry for level in drawn)]),
                            MAP_SIZE, chosen)
    shares = ", ".join(format_french_percent(level.threshold) for level in drawn) or NO_VALUE
    return AtelierPage(
        f"Atelier d'habitants — {synthesis.qpv_name}",
        _facts(synthesis.qpv_name, workshop.qpv_code, workshop.held_on, workshop.place,
               synthesis.participants, synthesis.drawings, chosen),
        tuple(LevelRow(level.threshold, level.min_count, level.area_m2, level.share_outside)
              for level in levels),
        tuple(PlaceRow(item.place_kind, item.category, item.pins, item.participants)
              for item in synthesis.place_counts),
        image, CAPTION.format(levels=shares))


def page_from_proposal(reference, proposal, territory: Territory | None = None
                       ) -> AtelierPage | None:
    """The page a package's synthèse gets after a proposal made in a workshop; None for a
    proposal with no (readable) workshop provenance."""
    origin = provenance_of(proposal)
    if not origin or origin.get("source") != PROVENANCE_SOURCE:
        return None
    territory = territory or Territory(reference)
    try:
        code = str(origin["qpv"])
        chosen, drew = float(origin["seuil"]), int(origin["dessins"])
        levels = tuple(LevelRow(float(item["seuil"]), int(item["dessins_requis"]),
                                float(item["surface_m2"]), item.get("part_hors_qpv"))
                       for item in origin.get("niveaux", []))
        places = tuple(PlaceRow(str(item["sorte"]), item.get("categorie"), int(item["epingles"]),
                                int(item["personnes"])) for item in origin.get("lieux", []))
        qpv, perimeter = territory.qpv_name(code), territory.qpv_geometry(code)
        facts = _facts(qpv, code, str(origin["date"]), str(origin.get("lieu", "")),
                       int(origin["participants"]), drew, chosen)
    except (KeyError, TypeError, ValueError, IndexError):
        return None   # written by something else: the package goes without this page
    contour = Level(chosen, needed_count(chosen, max(drew, 1)), proposal.geometry,
                    proposal.geometry.area, None)
    image = agreement_image(reference, code, [contour], [],
                            _bbox([perimeter, proposal.geometry]), MAP_SIZE, chosen)
    return AtelierPage(f"Atelier d'habitants — {qpv}", facts, levels, places, image,
                       PACKAGE_CAPTION.format(share=format_french_percent(chosen)))


def _levels_table(page: AtelierPage) -> FicheTable:
    columns = [Column("threshold", "Accord d'au moins", numeric=False),
               Column("needed", "Dessins\nrequis"), Column("area", "Surface"),
               Column("outside", "Hors du\nQPV")]
    rows = [[Cell(f"{format_french_percent(row.threshold)} des participants", numeric=False),
             Cell(str(row.needed)),
             Cell(f"{format_french_number(row.area_m2 / 10_000, 2)}\u00a0ha",
                  f"{format_french_number(row.area_m2, 0)}\u00a0m²"),
             Cell(format_french_percent(row.share_outside))] for row in page.levels]
    return FicheTable("Où les participants s'accordent", columns, rows,
                      note="Surfaces en Lambert-93 (EPSG:2154), calculées exactement par "
                           "superposition des dessins.")


def _places_table(page: AtelierPage) -> FicheTable:
    columns = [Column("kind", "Lieu", numeric=False), Column("pins", "Épingles"),
               Column("people", "Personnes")]
    rows = [[Cell(PLACE_KINDS.get(row.place_kind, row.place_kind),
                  PLACE_CATEGORIES.get(row.category, "") if row.category else "",
                  numeric=False), Cell(str(row.pins)), Cell(str(row.people))]
            for row in page.places]
    return FicheTable("Lieux cités", columns, rows,
                      note="" if rows else "Aucun lieu n'a été placé pendant l'atelier.")


def page_blocks(style: Style, page: AtelierPage, pages: Pages) -> None:
    """Lay the page out from the current position of ``pages`` (a new page first)."""
    if pages.y > pages.top:
        pages.new_page()
    pages.place(paragraph(style, "SYNTHÈSE D'UN ATELIER D'HABITANTS — QUARTIER VÉCU",
                           style.font(7.5, bold=True), GREY))
    pages.place(spacer(style.mm(1)))
    pages.place(paragraph(style, page.title, style.font(15, bold=True), TITLE_BLUE))
    pages.place(spacer(style.mm(2)))
    facts = "\n".join(f"{label} : {value}" for label, value in page.facts)
    pages.place(paragraph(style, facts, style.font(8.6)))
    pages.place(spacer(style.mm(3)))
    if page.image is not None:
        pages.keep_together(_map_blocks(style, page))
    for table in (_levels_table(page), _places_table(page)):
        lead = [section_title(style, table.title), spacer(style.mm(0.8))]
        if table.note:
            lead += [paragraph(style, table.note, style.font(6.8, italic=True), GREY),
                     spacer(style.mm(0.8))]
        pages.table(style, lead, layout_table(table))
        pages.place(spacer(style.mm(3)))
    pages.keep_together([paragraph(style, PRIVACY_NOTE, style.font(6.8, italic=True),
                                    GREY)])


def _map_blocks(style: Style, page: AtelierPage) -> list[Block]:
    image = page.image
    width = style.width
    height = width * image.height() / max(image.width(), 1)

    def draw(painter: QPainter, top: float) -> None:
        target = QRectF(0, top, width, height)
        painter.drawImage(target, image)
        painter.setPen(QPen(LIGHT_GREY, style.mm(0.25)))
        painter.drawRect(target)
    return [Block(height, draw), spacer(style.mm(1)),
            paragraph(style, page.caption, style.font(6.6), GREY), spacer(style.mm(4))]


def paint_atelier(painter: QPainter, device: QPagedPaintDevice, page: AtelierPage) -> int:
    """Paint the page (and what flows over) on a paged device; returns the page count."""
    style = Style(device)
    pages = Pages(0.0, style.height - footer_height(style))
    page_blocks(style, page, pages)
    return paint_pages(painter, device, pages.pages,
                       lambda number, count: page_footer(style, painter, page.title,
                                                         f"page {number} / {count}"))


def write_atelier_pdf(page: AtelierPage, path: str | os.PathLike) -> int:
    """The page alone as an A4 PDF, written all or nothing; its page count.
    ReportWriteError (an OSError, French) when it cannot be written."""
    what = "la synthèse PDF"
    check_writable(path, what)
    data, count = render_pdf(page.title, lambda painter, writer: paint_atelier(painter, writer,
                                                                                page))
    write_atomically(path, data, what)
    return count


def pages_for_package(reference, proposals: Sequence) -> list[AtelierPage]:
    """One page per proposal of the package that a workshop agreed on."""
    with_origin = [item for item in proposals if provenance_of(item)]
    if not with_origin:
        return []
    territory = Territory(reference)
    return [page for page in (page_from_proposal(reference, item, territory)
                              for item in with_origin) if page is not None]
