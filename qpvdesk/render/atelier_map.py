"""Drawing a workshop's agreement with QPainter, no widget: the frequency map (each face of
the drawings' overlay coloured by the share of participants covering it), the contours at
the thresholds, the places named (pins gathered); and the map image of the synthesis PDFs.
The workshop screen paints the same way on its canvas."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen

from ..models.atelier.clusters import PlaceCluster
from ..models.atelier.consensus import Level
from ..models.atelier.vocabulary import FREQUENT, MISSING, UNEASY
from ..models.frenchnum import format_french_percent
from ..models.map.map_state import MapState
from ..models.map.styles import LAYERS, Symbol
from ..models.map.viewport import Viewport
from .compose import MapComposer
from .renderer import render_map
from .thumbnail import draw_scale_bar, thumbnail_layers

# ColorBrewer Purples: below the lowest threshold, then one colour per threshold reached
AGREEMENT_COLOURS = ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f", "#3f007d")
CONTOUR_INK = QColor("#2d004b")
CHOSEN_INK = QColor("#e66101")
PLACE_COLOURS = {FREQUENT: QColor("#1a9850"), MISSING: QColor("#2c7bb6"),
                 UNEASY: QColor("#d7191c")}
PLACE_SHAPES = {FREQUENT: "circle", MISSING: "square", UNEASY: "triangle"}
BASE_LAYERS = frozenset({"communes", "qpv", "colleges"})
QPV_RED = QColor("#c51b1b")
OTHER_QPV = Symbol("polygon", None, "#c51b1b", 1.0)
# A collège on a workshop's map: one plain mark for all. The officers' map draws them by REP
# (triangle, losange, rond, carré) and IPS (red to blue), which residents would read as pins:
# red triangles as « je ne m'y sens pas bien », green circles as « j'y vais souvent ».
SCHOOL = Symbol("point", "#ffffff", "#1f3b57", 2.0, size=12, shape="diamond")


def neutral_schools(layers: Mapping[str, object]) -> dict[str, object]:
    """The map's layers with every collège drawn alike (SCHOOL, the layer's own symbol)."""
    colleges = layers.get("colleges")
    if colleges is None or colleges.symbols is None:
        return dict(layers)
    return {**layers, "colleges": colleges.restyled(None)}


def plain_schools(request):
    """A composed request whose collèges are drawn as SCHOOL (the layer from neutral_schools)."""
    for spec in request.layers:
        if spec.layer.id == "colleges":
            spec.symbol = SCHOOL
    return request


def agreement_class(shares: np.ndarray, thresholds: Sequence[float]) -> np.ndarray:
    """0 below the lowest threshold, i when the share reaches the i-th threshold."""
    return np.searchsorted(np.asarray(sorted(thresholds)), shares + 1e-9, side="right")


def agreement_colour(index: int) -> QColor:
    return QColor(AGREEMENT_COLOURS[min(index, len(AGREEMENT_COLOURS) - 1)])


def agreement_legend(thresholds: Sequence[float]) -> list[tuple[QColor, str]]:
    """(colour, French label) from the lowest class up."""
    ordered = sorted(thresholds)
    items = [(agreement_colour(0), f"moins de {format_french_percent(ordered[0])}")]
    items += [(agreement_colour(index), f"au moins {format_french_percent(value)}")
              for index, value in enumerate(ordered, start=1)]
    return items


def geometry_path(geometry, viewport: Viewport) -> QPainterPath:
    """A polygon or multipolygon (holes included) in screen coordinates, odd-even filled."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coordinates = shapely.get_coordinates(ring)
            xs, ys = viewport.to_screen(coordinates[:, 0], coordinates[:, 1])
            path.moveTo(float(xs[0]), float(ys[0]))
            for x, y in zip(xs[1:], ys[1:]):
                path.lineTo(float(x), float(y))
            path.closeSubpath()
    return path


def paint_frequency(painter: QPainter, viewport: Viewport, faces: np.ndarray,
                    shares: np.ndarray, thresholds: Sequence[float], alpha: float = 0.8) -> None:
    """Each face filled with the colour of its class of agreement (the faces of a class
    merged first: one path per class, not thousands)."""
    classes = agreement_class(shares, thresholds)
    painter.setPen(Qt.PenStyle.NoPen)
    for index in np.unique(classes):
        colour = agreement_colour(int(index))
        colour.setAlphaF(alpha)
        painter.setBrush(colour)
        merged = shapely.coverage_union_all(faces[classes == index])
        painter.drawPath(geometry_path(merged, viewport))


def paint_contours(painter: QPainter, viewport: Viewport, levels: Sequence[Level],
                   width: float = 2.0, chosen: float | None = None) -> None:
    """Each level's outline, thicker as agreement grows; the chosen one in orange over a
    white halo, on top."""
    ordered = sorted(levels, key=lambda level: level.threshold)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    chosen_path = None
    for rank, level in enumerate(ordered, start=1):
        if level.geometry.is_empty:
            continue
        path = geometry_path(level.geometry, viewport)
        if chosen is not None and abs(level.threshold - chosen) < 1e-9:
            chosen_path = path
        painter.setPen(QPen(CONTOUR_INK, width * (0.6 + 0.4 * rank)))
        painter.drawPath(path)
    if chosen_path is not None:
        painter.setPen(QPen(QColor("#ffffff"), width * 3.5))
        painter.drawPath(chosen_path)
        painter.setPen(QPen(CHOSEN_INK, width * 2))
        painter.drawPath(chosen_path)


def place_marker(kind: str, size: float) -> QPainterPath:
    half = size / 2
    path = QPainterPath()
    shape = PLACE_SHAPES.get(kind, "circle")
    if shape == "square":
        path.addRect(QRectF(-half, -half, size, size))
    elif shape == "triangle":
        path.moveTo(0, -half * 1.2)
        path.lineTo(half * 1.15, half * 0.85)
        path.lineTo(-half * 1.15, half * 0.85)
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), half, half)
    return path


def paint_places(painter: QPainter, viewport: Viewport, clusters: Sequence[PlaceCluster],
                 size: float = 26.0, font_px: int = 14) -> None:
    """A marker per place named, its colour and shape the kind of pin, the number of
    people who named it written inside."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(font_px)
    font.setBold(True)
    painter.setFont(font)
    for item in clusters:
        x, y = viewport.to_screen(item.x, item.y)
        marker = place_marker(item.place_kind, size).translated(float(x), float(y))
        painter.setPen(QPen(QColor("#ffffff"), max(size / 10, 1.5)))
        painter.setBrush(QBrush(PLACE_COLOURS.get(item.place_kind, QColor("#555555"))))
        painter.drawPath(marker)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(x - size, y - size / 2, 2 * size, size),
                         int(Qt.AlignmentFlag.AlignCenter), str(item.participants))


def base_request(reference, viewport: Viewport):
    """Communes, collèges and the QPV outlined only (no fill: the agreement is the colour)."""
    layers = neutral_schools(thumbnail_layers(reference))
    layer_ids = [info.id for info in LAYERS]
    state = MapState.default(layer_ids, hidden=set(layer_ids) - BASE_LAYERS)
    request = plain_schools(MapComposer(reference, layers, state)(viewport))
    for spec in request.layers:
        if spec.layer.id == "qpv":
            spec.symbol = OTHER_QPV
    return request


def qpv_geometry(reference, qpv_code: str):
    qpv = thumbnail_layers(reference)["qpv"]
    return qpv.geometries[qpv.keys.index(qpv_code)]


def paint_qpv_outline(painter: QPainter, viewport: Viewport, geometry, width: float = 3.0
                      ) -> None:
    """The workshop's QPV, on top of everything: red over a white halo."""
    path = geometry_path(geometry, viewport)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#ffffff"), width * 2))
    painter.drawPath(path)
    pen = QPen(QPV_RED, width)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawPath(path)


def agreement_image(reference, qpv_code: str, levels: Sequence[Level],
                    clusters: Sequence[PlaceCluster], bbox: tuple[float, float, float, float],
                    size: tuple[int, int] = (1400, 1000), chosen: float | None = None) -> QImage:
    """The map of a synthesis PDF: the contours filled by class of agreement (what may leave
    the room: no individual drawing), the places named, the QPV outlined, a scale bar."""
    viewport = Viewport.fit(bbox, size[0], size[1], margin=0.06)
    image = render_map(base_request(reference, viewport))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        ordered = sorted(levels, key=lambda level: level.threshold)
        painter.setPen(Qt.PenStyle.NoPen)
        for rank, level in enumerate(ordered, start=1):
            colour = agreement_colour(rank)
            colour.setAlphaF(0.55)
            painter.setBrush(colour)
            painter.drawPath(geometry_path(level.geometry, viewport))
        paint_contours(painter, viewport, ordered, 1.6, chosen)
        paint_qpv_outline(painter, viewport, qpv_geometry(reference, qpv_code))
        paint_places(painter, viewport, clusters)
        draw_scale_bar(painter, viewport)
    finally:
        painter.end()
    return image.convertToFormat(QImage.Format.Format_RGB32)
