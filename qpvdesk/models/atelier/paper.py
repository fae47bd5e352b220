"""The paper map of a workshop, laid out without Qt: the sheet (A3 or A4, the orientation
that suits the QPV), the largest standard scale at which the QPV and its surroundings fit,
and a letter/number grid of round ground distances so a drawing can be read back (« the
school in C4 »)."""
from __future__ import annotations

import math
import string
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

# Scales a printed map is read at (1 : N), largest (most detailed) first.
STANDARD_SCALES = (2_000, 2_500, 5_000, 7_500, 10_000, 15_000, 20_000, 25_000, 50_000)
SHEETS_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}   # portrait width, height
MARGIN_MM = 10.0
HEADER_MM = 24.0             # title and instructions above the map
FOOTER_MM = 20.0             # scale bar, north, legend, participant number below it
LABEL_BAND_MM = 6.0          # grid letters and numbers around the frame
SURROUNDINGS_M = 200.0       # shown around the QPV: the quartier vécu goes beyond it
GRID_STEPS_M = (50.0, 100.0, 200.0, 250.0, 500.0, 1_000.0, 2_000.0)
GRID_CELL_MM = 40.0          # a cell about this size on paper


@dataclass(frozen=True)
class PaperLayout:
    sheet: str                   # "A3" | "A4"
    landscape: bool
    page_mm: tuple[float, float]               # width, height
    frame_mm: tuple[float, float, float, float]   # left, top, width, height on the page
    scale: int                   # 1 : scale
    ground: tuple[float, float, float, float]     # Lambert-93 bbox the frame shows
    grid_step_m: float

    def to_paper_mm(self, x: float, y: float) -> tuple[float, float]:
        """Lambert-93 metres -> millimetres from the page's top-left corner."""
        left, top, _, _ = self.frame_mm
        xmin, _, _, ymax = self.ground
        return (left + (x - xmin) * 1000.0 / self.scale,
                top + (ymax - y) * 1000.0 / self.scale)

    def grid_lines(self) -> tuple[list[float], list[float]]:
        """Ground x of the vertical lines, y of the horizontal ones, from the frame's
        top-left corner (A1) every grid_step_m, inside the frame."""
        xmin, ymin, xmax, ymax = self.ground
        columns = math.floor((xmax - xmin) / self.grid_step_m + 1e-9)
        rows = math.floor((ymax - ymin) / self.grid_step_m + 1e-9)
        return ([xmin + index * self.grid_step_m for index in range(1, columns + 1)],
                [ymax - index * self.grid_step_m for index in range(1, rows + 1)])

    def cell_names(self) -> tuple[list[str], list[str]]:
        """Column letters (A, B, … Z, AA…) and row numbers (1, 2, …) of the grid's cells."""
        verticals, horizontals = self.grid_lines()
        xmin, ymin, xmax, ymax = self.ground
        columns = len(verticals) + (0 if verticals and math.isclose(verticals[-1], xmax)
                                    else 1)
        rows = len(horizontals) + (0 if horizontals and math.isclose(horizontals[-1], ymin)
                                   else 1)
        return [column_letters(index) for index in range(columns)], \
            [str(index + 1) for index in range(rows)]

    def cell_of(self, x: float, y: float) -> str | None:
        """« C4 » for a ground point inside the frame; None outside."""
        xmin, ymin, xmax, ymax = self.ground
        if not (xmin <= x <= xmax and ymin <= y <= ymax):
            return None
        column = int((x - xmin) // self.grid_step_m)
        row = int((ymax - y) // self.grid_step_m)
        return f"{column_letters(column)}{row + 1}"


def column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


def _frame(page_mm: tuple[float, float]) -> tuple[float, float, float, float]:
    width, height = page_mm
    side = MARGIN_MM + LABEL_BAND_MM
    return (side, MARGIN_MM + HEADER_MM + LABEL_BAND_MM, width - 2 * side,
            height - 2 * MARGIN_MM - HEADER_MM - FOOTER_MM - 2 * LABEL_BAND_MM)


def grid_step(scale: int) -> float:
    """The round ground distance whose cell is closest to GRID_CELL_MM on paper."""
    return min(GRID_STEPS_M, key=lambda step: abs(step * 1000.0 / scale - GRID_CELL_MM))


def paper_layout(bbox: tuple[float, float, float, float], sheet: str = "A3",
                 surroundings_m: float = SURROUNDINGS_M) -> PaperLayout:
    """The layout showing ``bbox`` (Lambert-93) and ``surroundings_m`` around it at the
    largest standard scale that fits, in the orientation giving the larger scale; the map
    is centred on the bbox. ValueError for an unknown sheet or a bbox too large for 1:50 000."""
    if sheet not in SHEETS_MM:
        raise ValueError(f"Format de papier inconnu : « {sheet} » (A3 ou A4).")
    xmin, ymin, xmax, ymax = bbox
    need_w, need_h = xmax - xmin + 2 * surroundings_m, ymax - ymin + 2 * surroundings_m
    best = None
    # the orientation of the place's own shape first: it wins when both fit at one scale
    for landscape in ((True, False) if need_w > need_h else (False, True)):
        portrait_w, portrait_h = SHEETS_MM[sheet]
        page = (portrait_h, portrait_w) if landscape else (portrait_w, portrait_h)
        frame = _frame(page)
        fits = [scale for scale in STANDARD_SCALES
                if frame[2] * scale / 1000.0 >= need_w and frame[3] * scale / 1000.0 >= need_h]
        if fits and (best is None or fits[0] < best[2]):
            best = (landscape, page, fits[0], frame)
    if best is None:
        raise ValueError("Le quartier est trop grand pour une carte au 1:50 000 sur ce "
                         "format.")
    landscape, page, scale, frame = best
    half_w, half_h = frame[2] * scale / 2000.0, frame[3] * scale / 2000.0
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    return PaperLayout(sheet, landscape, page, frame, scale,
                       (cx - half_w, cy - half_h, cx + half_w, cy + half_h), grid_step(scale))


# -- labels: every name on the sheet lies wholly inside the map's frame --------------------
Box = tuple[float, float, float, float]     # left, top, right, bottom, mm on the page
LABEL_PADDING_MM = 1.0       # between a label (its white halo included) and the frame's line
LABEL_GAP_MM = 1.0           # between a point's symbol and its label


def inner_frame(layout: PaperLayout, padding_mm: float = LABEL_PADDING_MM) -> Box:
    """The part of the frame a label may use: the frame less ``padding_mm`` on every side."""
    left, top, width, height = layout.frame_mm
    return (left + padding_mm, top + padding_mm, left + width - padding_mm,
            top + height - padding_mm)


def box_inside(box: Box, frame: Box) -> bool:
    return (box[0] >= frame[0] - 1e-9 and box[1] >= frame[1] - 1e-9
            and box[2] <= frame[2] + 1e-9 and box[3] <= frame[3] + 1e-9)


def area_label_box(layout: PaperLayout, area: BaseGeometry, size_mm: tuple[float, float]
                   ) -> Box | None:
    """Where a label of ``size_mm`` (width, height) naming ``area`` (a shapely polygon,
    Lambert-93) goes: centred on a point of the area far enough from the frame's edges for
    the whole label to lie inside; None when no part of the area is that far in (the label
    is left out rather than cut by the frame)."""
    left, top, right, bottom = inner_frame(layout)
    width, height = size_mm
    if width > right - left or height > bottom - top:
        return None
    metres_per_mm = layout.scale / 1000.0
    xmin, ymin, _, ymax = layout.ground
    # the frame's inner part, less half the label, back on the ground
    inner = shapely.box(xmin + (left - layout.frame_mm[0] + width / 2) * metres_per_mm,
                        ymax - (bottom - layout.frame_mm[1] - height / 2) * metres_per_mm,
                        xmin + (right - layout.frame_mm[0] - width / 2) * metres_per_mm,
                        ymax - (top - layout.frame_mm[1] + height / 2) * metres_per_mm)
    region = area.intersection(inner)
    if region.is_empty:
        return None
    point = region.representative_point()
    x, y = layout.to_paper_mm(point.x, point.y)
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def point_label_box(layout: PaperLayout, x: float, y: float, size_mm: tuple[float, float],
                    symbol_mm: float) -> Box | None:
    """Where the label of a point symbol (ground ``x``, ``y``; ``symbol_mm`` from its centre
    to its edge) goes: on its right, else its left, above, below — the first place where
    the whole label lies inside the frame; None when none does."""
    px, py = layout.to_paper_mm(x, y)
    width, height = size_mm
    reach = symbol_mm + LABEL_GAP_MM
    candidates = ((px + reach, py - height / 2),                  # right
                  (px - reach - width, py - height / 2),          # left
                  (px - width / 2, py - reach - height),          # above
                  (px - width / 2, py + reach))                   # below
    frame = inner_frame(layout)
    for left, top in candidates:
        box = (left, top, left + width, top + height)
        if box_inside(box, frame):
            return box
    return None
