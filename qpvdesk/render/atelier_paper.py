"""The paper map of a workshop (PDF, A3 or A4): the QPV and its surroundings at a standard
scale with a letter/number grid, no streets, only what residents find their way by — the
QPV, the communes, the collèges and lycées, the cités minières and the terrils — a scale bar,
a north arrow, and a box for the participant's number. Residents draw on it; the
facilitator then traces each sheet in as a participant, the grid helping.

Drawn as vectors straight on the PDF page at the layout's exact scale (models/atelier/
paper.py): a metre on the ground is 1000 / scale millimetres on the sheet."""
from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import (QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF,
                            Qt)
from PySide6.QtGui import (QColor, QFont, QPageLayout, QPageSize, QPainter, QPainterPath,
                           QPdfWriter, QPen)

from ..models.atelier.paper import (Box, PaperLayout, area_label_box, paper_layout,
                                    point_label_box)
from ..models.frenchnum import format_french_number
from ..models.map.viewport import Viewport
from ..models.report.output import check_writable, write_atomically
from .atelier_map import geometry_path

PAPER_DPI = 600
GRID_COLOUR = QColor("#3a6fd8")      # the tests find the grid on the printed page by it
COMMUNE_INK, CITE_FILL, TERRIL_FILL = QColor("#555555"), QColor("#ead7c0"), QColor("#8c8c8c")
QPV_RED, SCHOOL_INK = QColor("#c51b1b"), QColor("#1f3b57")
SCHOOL_MARK_MM = 2.4                 # from a school's diamond's centre to its corners
SCHOOL_WORDS = {"COLLEGE": "Collège", "LYCEE": "Lycée", "ETABLISSEMENT REGIONAL": "EREA",
                "ETABLISSEMENT EXPERIMENTAL": "Établissement"}
INSTRUCTIONS = ("Dessinez votre quartier : entourez les lieux où vous vivez votre quotidien. "
                "Marquez d'un rond les lieux où vous allez souvent, d'une croix ce qui manque, "
                "d'un triangle les lieux où vous ne vous sentez pas bien.")
LEGEND = ("Tirets rouges : le quartier prioritaire (périmètre 2024) ; traits gris : limites "
          "des communes ; beige : cités minières ; gris : terrils ; ◆ collèges et lycées. "
          "Quadrillage bleu : repères pour retrouver les lieux (colonne, ligne).")


@dataclass(frozen=True)
class Landmarks:
    qpv: object                          # the workshop's QPV
    other_qpv: np.ndarray
    communes: list[tuple[str, object]]   # (name, geometry)
    cites: np.ndarray
    terrils: list[tuple[str, object]]
    schools: list[tuple[str, object]]    # (label, point)


def _school_label(nature: str, name: str) -> str | None:
    word = next((label for prefix, label in SCHOOL_WORDS.items() if nature.startswith(prefix)),
                None)
    return None if word is None else f"{word} {name.title()}"


def load_landmarks(reference, qpv_code: str, bbox) -> Landmarks:
    """What the sheet shows, from the reference database, within ``bbox``."""
    conn = reference.conn
    area = "ST_Intersects(geom, BuildMbr(?, ?, ?, ?, 2154))"

    def rows(sql: str):
        return conn.execute(sql, tuple(bbox)).fetchall()
    qpv = [(code, shapely.from_wkb(wkb)) for code, wkb in rows(
        f"SELECT code, AsBinary(geom) FROM qpv WHERE {area}")]
    schools: dict[str, object] = {}   # label -> point: a lycée may be listed twice
    for nature, name, wkb in rows("SELECT nature, name, AsBinary(geom) FROM "
                                  f"etablissement_second_degre WHERE {area} ORDER BY name"):
        label = _school_label(nature, name)
        if label is not None:   # sections inside a collège: the collège is on the sheet
            schools.setdefault(label, shapely.from_wkb(wkb))
    own = conn.execute("SELECT AsBinary(geom) FROM qpv WHERE code = ?", (qpv_code,)).fetchone()
    return Landmarks(
        shapely.from_wkb(own[0]),
        np.array([geometry for code, geometry in qpv if code != qpv_code], dtype=object),
        [(name, shapely.from_wkb(wkb)) for name, wkb in rows(
            f"SELECT name, AsBinary(geom) FROM commune WHERE {area}")],
        np.array([shapely.from_wkb(wkb) for (wkb,) in rows(
            f"SELECT AsBinary(geom) FROM heritage_cite WHERE {area}")], dtype=object),
        [(name or "Terril", shapely.from_wkb(wkb)) for name, wkb in rows(
            f"SELECT name, AsBinary(geom) FROM heritage_terril WHERE {area}")],
        list(schools.items()))


class _Sheet:
    """Millimetres on the page -> device units of the PDF writer."""

    def __init__(self, writer: QPdfWriter, layout: PaperLayout) -> None:
        self.layout = layout
        self.unit = writer.resolution() / 25.4          # device units per millimetre
        left, top, width, height = layout.frame_mm
        xmin, ymin, xmax, ymax = layout.ground
        metres_per_unit = layout.scale / 1000.0 / self.unit
        self.viewport = Viewport((xmin + xmax) / 2, (ymin + ymax) / 2, metres_per_unit,
                                 round(width * self.unit), round(height * self.unit))
        self.frame = QRectF(left * self.unit, top * self.unit, width * self.unit,
                            height * self.unit)

    def mm(self, value: float) -> float:
        return value * self.unit

    def point(self, x: float, y: float) -> QPointF:
        px, py = self.layout.to_paper_mm(x, y)
        return QPointF(px * self.unit, py * self.unit)

    def font(self, points: float, bold: bool = False) -> QFont:
        """In device pixels: text turned into paths (QPainterPath.addText) knows no
        device, and would take points at the screen's 96 dpi."""
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(1, round(points / 72.0 * 25.4 * self.unit)))
        font.setBold(bold)
        return font


def _draw_map(painter: QPainter, sheet: _Sheet, marks: Landmarks) -> None:
    painter.save()
    painter.setClipRect(sheet.frame)
    painter.translate(sheet.frame.topLeft())
    viewport = sheet.viewport

    def fill(geometries, colour: QColor, outline: QColor | None = None) -> None:
        painter.setBrush(colour)
        painter.setPen(QPen(outline, sheet.mm(0.15)) if outline else Qt.PenStyle.NoPen)
        for geometry in geometries:
            painter.drawPath(geometry_path(geometry, viewport))
    fill(marks.cites, CITE_FILL, QColor("#b08a5e"))
    fill([geometry for _, geometry in marks.terrils], TERRIL_FILL, QColor("#5a5a5a"))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(COMMUNE_INK, sheet.mm(0.35)))
    for _, geometry in marks.communes:
        painter.drawPath(geometry_path(geometry, viewport))
    painter.setPen(QPen(QPV_RED, sheet.mm(0.25)))
    for geometry in marks.other_qpv:
        painter.drawPath(geometry_path(geometry, viewport))
    own = QPen(QPV_RED, sheet.mm(0.9))
    own.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(own)
    painter.drawPath(geometry_path(marks.qpv, viewport))
    painter.restore()


@dataclass(frozen=True)
class PlacedLabel:
    """A name on the sheet: its glyphs as a path in device units, where the layout (models/
    atelier/paper.py) put it — wholly inside the frame, white halo included."""
    text: str
    path: QPainterPath
    colour: QColor


HALO_MM = 0.8


def _glyphs(sheet: _Sheet, text: str, font: QFont) -> tuple[QPainterPath, tuple[float, float]]:
    """The text's glyphs at the origin, and its size in mm with the halo around it."""
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, text)
    bounds = path.boundingRect()
    return path, (bounds.width() / sheet.unit + HALO_MM, bounds.height() / sheet.unit + HALO_MM)


def _placed(sheet: _Sheet, text: str, path: QPainterPath, colour: QColor, box: Box | None
            ) -> PlacedLabel | None:
    if box is None:
        return None
    bounds = path.boundingRect()
    halo = sheet.mm(HALO_MM / 2)
    at = QPointF(sheet.mm(box[0]) + halo - bounds.left(), sheet.mm(box[1]) + halo - bounds.top())
    return PlacedLabel(text, path.translated(at), colour)


def place_labels(sheet: _Sheet, marks: Landmarks) -> list[PlacedLabel]:
    """The names of the collèges and lycées, terrils and communes where the layout puts
    them (models/atelier/paper.py): wholly inside the frame, or left out."""
    layout, labels = sheet.layout, []
    for label, point in marks.schools:
        path, size = _glyphs(sheet, label, sheet.font(7, bold=True))
        labels.append(_placed(sheet, label, path, SCHOOL_INK, point_label_box(
            layout, point.x, point.y, size, SCHOOL_MARK_MM)))
    for name, geometry in marks.terrils:
        path, size = _glyphs(sheet, name, sheet.font(6))
        labels.append(_placed(sheet, name, path, QColor("#333333"),
                              area_label_box(layout, geometry, size)))
    for name, geometry in marks.communes:
        text = name.upper()
        path, size = _glyphs(sheet, text, sheet.font(9, bold=True))
        labels.append(_placed(sheet, text, path, COMMUNE_INK,
                              area_label_box(layout, geometry, size)))
    return [label for label in labels if label is not None]


def _draw_labels(painter: QPainter, sheet: _Sheet, marks: Landmarks) -> None:
    painter.save()
    painter.setClipRect(sheet.frame)         # the symbols of points at the edge are cut
    size = sheet.mm(SCHOOL_MARK_MM)
    for _, point in marks.schools:
        centre = sheet.point(point.x, point.y)
        diamond = QPainterPath()     # not a triangle: residents draw those (« pas bien »)
        diamond.moveTo(centre + QPointF(0, -size))
        diamond.lineTo(centre + QPointF(size, 0))
        diamond.lineTo(centre + QPointF(0, size))
        diamond.lineTo(centre + QPointF(-size, 0))
        diamond.closeSubpath()
        painter.setPen(QPen(QColor("#ffffff"), sheet.mm(0.3)))
        painter.setBrush(SCHOOL_INK)
        painter.drawPath(diamond)
    painter.restore()
    painter.save()
    for label in place_labels(sheet, marks):     # inside the frame: no clip needed
        _halo_text(painter, sheet, label.path, label.colour)
    painter.restore()


def _halo_text(painter: QPainter, sheet: _Sheet, path: QPainterPath, colour: QColor) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#ffffff"), sheet.mm(HALO_MM)))
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path)


def _draw_grid(painter: QPainter, sheet: _Sheet) -> None:
    layout = sheet.layout
    verticals, horizontals = layout.grid_lines()
    frame = sheet.frame
    painter.setPen(QPen(GRID_COLOUR, sheet.mm(0.3)))
    for x in verticals:
        px = sheet.point(x, 0).x()
        painter.drawLine(QPointF(px, frame.top()), QPointF(px, frame.bottom()))
    for y in horizontals:
        py = sheet.point(0, y).y()
        painter.drawLine(QPointF(frame.left(), py), QPointF(frame.right(), py))
    painter.setPen(QPen(QColor("#202020"), sheet.mm(0.5)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    letters, numbers = layout.cell_names()
    band = sheet.mm(6)
    painter.setFont(sheet.font(10, bold=True))
    painter.setPen(GRID_COLOUR.darker(140))
    edges_x = [frame.left(), *(sheet.point(x, 0).x() for x in verticals), frame.right()]
    edges_y = [frame.top(), *(sheet.point(0, y).y() for y in horizontals), frame.bottom()]
    centre = int(Qt.AlignmentFlag.AlignCenter)
    for letter, left, right in zip(letters, edges_x, edges_x[1:]):
        for top in (frame.top() - band, frame.bottom()):
            painter.drawText(QRectF(left, top, right - left, band), centre, letter)
    for number, top, bottom in zip(numbers, edges_y, edges_y[1:]):
        for left in (frame.left() - band, frame.right()):
            painter.drawText(QRectF(left, top, band, bottom - top), centre, number)


def _draw_header(painter: QPainter, sheet: _Sheet, qpv_name: str, code: str) -> None:
    from ..models.atelier.paper import MARGIN_MM

    left, width = sheet.mm(MARGIN_MM), sheet.mm(sheet.layout.page_mm[0] - 2 * MARGIN_MM)
    painter.setPen(QColor("#1f3b57"))
    painter.setFont(sheet.font(16, bold=True))
    painter.drawText(QRectF(left, sheet.mm(MARGIN_MM), width, sheet.mm(8)),
                     int(Qt.AlignmentFlag.AlignLeft), f"Mon quartier — {qpv_name}")
    painter.setPen(QColor("#202020"))
    painter.setFont(sheet.font(9))
    painter.drawText(QRectF(left, sheet.mm(MARGIN_MM + 9), width - sheet.mm(62), sheet.mm(13)),
                     int(Qt.TextFlag.TextWordWrap), INSTRUCTIONS)
    box = QRectF(left + width - sheet.mm(58), sheet.mm(MARGIN_MM + 1), sheet.mm(58),
                 sheet.mm(16))
    painter.setPen(QPen(QColor("#202020"), sheet.mm(0.4)))
    painter.drawRect(box)
    painter.setFont(sheet.font(10, bold=True))
    painter.drawText(box.adjusted(sheet.mm(2), sheet.mm(1), 0, 0),
                     int(Qt.AlignmentFlag.AlignLeft), "Participant n°")
    painter.setFont(sheet.font(6.5))
    painter.drawText(box.adjusted(sheet.mm(2), 0, -sheet.mm(2), -sheet.mm(1)),
                     int(Qt.AlignmentFlag.AlignBottom) | int(Qt.AlignmentFlag.AlignLeft),
                     f"Sans nom — atelier {code}")


def scale_bar_metres(scale: int, max_mm: float = 80.0) -> float:
    """The longest 1, 2 or 5 × 10^n metres under ``max_mm`` on paper."""
    longest = max_mm * scale / 1000.0
    power = 10 ** int(np.floor(np.log10(longest)))
    return next(step * power for step in (5, 2, 1) if step * power <= longest)


def _draw_footer(painter: QPainter, sheet: _Sheet) -> None:
    layout = sheet.layout
    frame = sheet.frame
    top = frame.bottom() + sheet.mm(9)
    metres = scale_bar_metres(layout.scale)
    length = sheet.mm(metres * 1000.0 / layout.scale)
    x0 = frame.left()
    painter.setPen(QPen(QColor("#202020"), sheet.mm(0.3)))
    for part in range(4):   # alternating black and white quarters
        painter.setBrush(QColor("#202020") if part % 2 == 0 else QColor("#ffffff"))
        painter.drawRect(QRectF(x0 + part * length / 4, top, length / 4, sheet.mm(2)))
    painter.setFont(sheet.font(8))
    painter.drawText(QPointF(x0, top - sheet.mm(1)), "0")
    distance = (f"{format_french_number(metres / 1000, 1 if metres % 1000 else 0)} km"
                if metres >= 1000 else f"{format_french_number(metres, 0)} m")
    painter.drawText(QPointF(x0 + length - sheet.mm(3), top - sheet.mm(1)), distance)
    one_cm = layout.scale / 100.0
    painter.setFont(sheet.font(9, bold=True))
    painter.drawText(QPointF(x0 + length + sheet.mm(6), top + sheet.mm(2.2)),
                     f"Échelle 1:{format_french_number(layout.scale, 0)} — 1 cm = "
                     f"{format_french_number(one_cm, 0)} m — carreaux de "
                     f"{format_french_number(layout.grid_step_m, 0)} m")
    painter.setFont(sheet.font(6.5))
    painter.drawText(QRectF(x0, top + sheet.mm(4), frame.width() - sheet.mm(20), sheet.mm(8)),
                     int(Qt.TextFlag.TextWordWrap), LEGEND + " Imprimez à 100 % (sans "
                     "« ajuster à la page ») pour garder l'échelle.")
    _north_arrow(painter, sheet, QPointF(frame.right() - sheet.mm(8), top + sheet.mm(1)))


def _north_arrow(painter: QPainter, sheet: _Sheet, base: QPointF) -> None:
    height, half = sheet.mm(9), sheet.mm(3)
    arrow = QPainterPath()
    arrow.moveTo(base + QPointF(0, -height))
    arrow.lineTo(base + QPointF(half, 0))
    arrow.lineTo(base)
    arrow.closeSubpath()
    painter.setPen(QPen(QColor("#202020"), sheet.mm(0.3)))
    painter.setBrush(QColor("#202020"))
    painter.drawPath(arrow)
    outline = QPainterPath()
    outline.moveTo(base + QPointF(0, -height))
    outline.lineTo(base + QPointF(-half, 0))
    outline.lineTo(base)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(outline)
    painter.setFont(sheet.font(10, bold=True))
    painter.drawText(QRectF(base.x() - half, base.y() - height - sheet.mm(6), 2 * half,
                            sheet.mm(5)), int(Qt.AlignmentFlag.AlignCenter), "N")


def write_paper_map(reference, qpv_code: str, path: str | os.PathLike, sheet: str = "A3"
                    ) -> PaperLayout:
    """The sheet as a one-page PDF, written all or nothing; its layout. ValueError for an
    unknown QPV or sheet, ReportWriteError (an OSError, French) when it cannot be written."""
    row = reference.conn.execute("SELECT name, AsBinary(geom) FROM qpv WHERE code = ?",
                                 (qpv_code,)).fetchone()
    if row is None:
        raise ValueError(f"QPV inconnu : « {qpv_code} ».")
    name, geometry = row[0], shapely.from_wkb(row[1])
    layout = paper_layout(geometry.bounds, sheet)
    marks = load_landmarks(reference, qpv_code, layout.ground)
    what = "la carte"
    check_writable(path, what)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PAPER_DPI)
    writer.setTitle(f"Carte pour atelier d'habitants — {name}")
    writer.setCreator("qpvdesk")
    width, height = layout.page_mm
    writer.setPageLayout(QPageLayout(
        QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, sheet,
                  QPageSize.SizeMatchPolicy.ExactMatch),
        QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("QPainter could not start on the PDF writer")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        page = _Sheet(writer, layout)
        _draw_map(painter, page, marks)
        _draw_grid(painter, page)
        _draw_labels(painter, page, marks)
        _draw_header(painter, page, name, qpv_code)
        _draw_footer(painter, page)
    finally:
        painter.end()
    del writer
    buffer.close()
    write_atomically(path, bytes(data), what)   # all or nothing
    return layout
