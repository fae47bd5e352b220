"""Charts of a report painted with QPainter, no widget: the same drawing on screen, in the PDF
(vector, its text searchable) and in the PNG a Word document embeds.

Charts are read, not explored: white background, French numbers, Okabe-Ito colours (safe for
colour-blind readers) and never colour alone — each role has its own marker shape, a dashed
or solid line, and a legend entry with its name. Lengths are in typographic points converted
with the device's resolution, so a chart reads the same at 96 dpi on screen and 300 dpi on
paper.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPainter,
                           QPainterPath, QPen, QPolygonF)

from ..models.frenchnum import format_french_number
from ..models.report.chart import Chart, ChartPoint, ChartSeries
from .point_labels import place_labels

FONT_FAMILY = "DejaVu Sans"
TEXT, AXIS, GRID = QColor("#1b1b1b"), QColor("#555555"), QColor("#e3e3e3")
LEADER = QColor("#8c8c8c")


@dataclass(frozen=True)
class RoleStyle:
    colour: str
    width: float            # points
    marker: str             # circle | square | diamond | triangle | none
    dashed: bool = False
    legend_alone: bool = True   # False: one entry for every series of the role


ROLE_STYLES = {
    "call": RoleStyle("#0072B2", 2.2, "square"),
    "departement": RoleStyle("#009E73", 1.4, "triangle", dashed=True),
    "region": RoleStyle("#56B4E9", 1.4, "diamond", dashed=True),
    "france": RoleStyle("#000000", 1.2, "circle", dashed=True),
    "ensemble_qpv": RoleStyle("#CC79A7", 1.6, "diamond"),
    "commune": RoleStyle("#E69F00", 1.4, "triangle"),
    "qpv": RoleStyle("#9fb3c8", 0.8, "none", legend_alone=False),
    "highlight": RoleStyle("#D55E00", 1.8, "circle"),
    "widening": RoleStyle("#D55E00", 0.0, "square", legend_alone=False),
    "narrowing": RoleStyle("#0072B2", 0.0, "circle", legend_alone=False),
    "stable": RoleStyle("#7a7a7a", 0.0, "diamond", legend_alone=False),
}
#: The legend entry of a role whose series share one.
SHARED_LEGEND = {"qpv": "Chaque QPV"}
#: Highlighted QPV after the first take these colours in turn (then the shapes differ too).
HIGHLIGHT_COLOURS = ("#D55E00", "#8B4513", "#E69F00", "#6a3d9a")
HIGHLIGHT_MARKERS = ("circle", "triangle", "square", "diamond")


# ---------------------------------------------------------------------------------------------
# Scales
# ---------------------------------------------------------------------------------------------

def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (1, 2, 2.5 or 5 times a power of ten)."""
    if not math.isfinite(low) or not math.isfinite(high):
        return [0.0, 1.0]
    if high - low < 1e-12:
        low, high = low - (abs(low) * 0.1 or 1.0), high + (abs(high) * 0.1 or 1.0)
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * factor for factor in (1, 2, 2.5, 5, 10) if power * factor >= raw)
    first = math.floor(low / step + 1e-9) * step
    ticks, value = [], first
    while value < high + step * 0.5 and len(ticks) < 40:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high - 1e-9:
        ticks.append(round(value, 10))
    return ticks


def tick_decimals(ticks: Sequence[float], wanted: int) -> int:
    """As few decimals as the ticks need (never more than the chart asks for, plus one for
    2,5 steps)."""
    for decimals in range(0, max(wanted, 0) + 2):
        if all(abs(round(t, decimals) - t) < 1e-9 for t in ticks):
            return decimals
    return wanted + 1


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    ticks: tuple[float, ...]
    decimals: int

    @classmethod
    def around(cls, values: Sequence[float], decimals: int, include_zero: bool = False,
               count: int = 5, room: float = 0.0) -> Axis:
        """Ticks covering the values (and 0), with ``room`` (a share of the span) on both
        sides."""
        low, high = min(values), max(values)
        if include_zero:
            low, high = min(low, 0.0), max(high, 0.0)
        span = high - low
        low, high = low - room * span, high + room * span
        ticks = nice_ticks(low, high, count)
        return cls(ticks[0], ticks[-1], tuple(ticks), tick_decimals(ticks, decimals))

    def label(self, value: float) -> str:
        return format_french_number(value, self.decimals)

    def fraction(self, value: float) -> float:
        return 0.5 if self.high == self.low else (value - self.low) / (self.high - self.low)


# ---------------------------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------------------------

class _Pen:
    """Fonts and lengths in points for the painter's device."""

    def __init__(self, painter: QPainter, scale: float = 1.0) -> None:
        self.painter = painter
        device = painter.device()
        self.px_per_pt = device.logicalDpiY() / 72.0 * scale
        self.scale = scale

    def pt(self, value: float) -> float:
        return value * self.px_per_pt

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(max(1, round(self.pt(points))))
        font.setBold(bold)
        for feature in ("liga", "clig"):   # keep the PDF's words searchable
            font.setFeature(QFont.Tag(feature), 0)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font)


def _role_styles(chart: Chart) -> list[tuple[ChartSeries, RoleStyle]]:
    """Each series with its style; highlighted QPV take colours and shapes in turn."""
    styled, highlights = [], 0
    for series in chart.series:
        style = ROLE_STYLES[series.role]
        if series.role == "highlight":
            index = highlights % len(HIGHLIGHT_COLOURS)
            style = RoleStyle(HIGHLIGHT_COLOURS[index], style.width, HIGHLIGHT_MARKERS[index])
            highlights += 1
        styled.append((series, style))
    return styled


def _marker(painter: QPainter, centre: QPointF, shape: str, radius: float) -> None:
    x, y, r = centre.x(), centre.y(), radius
    if shape == "circle":
        painter.drawEllipse(centre, r, r)
    elif shape == "square":
        painter.drawRect(QRectF(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8))
    elif shape == "diamond":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.2, y),
                                       QPointF(x, y + r * 1.2), QPointF(x - r * 1.2, y)]))
    elif shape == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.2), QPointF(x + r * 1.1, y + r * 0.8),
                                       QPointF(x - r * 1.1, y + r * 0.8)]))


def _line_pen(pen: _Pen, style: RoleStyle) -> QPen:
    line = QPen(QColor(style.colour), pen.pt(max(style.width, 0.6)))
    line.setCapStyle(Qt.PenCapStyle.RoundCap)
    line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if style.dashed:
        line.setStyle(Qt.PenStyle.DashLine)
    return line


def _legend_entries(chart: Chart) -> list[tuple[str, RoleStyle, bool]]:
    """(text, style, draws a line) for the legend: one per series, or one per shared role."""
    entries, shared = [], set()
    for series, style in _role_styles(chart):
        if not any(point.y is not None for point in series.points):
            continue
        if style.legend_alone:
            entries.append((series.name, style, chart.kind == "line"))
        elif series.role not in shared:
            shared.add(series.role)
            count = sum(1 for item in chart.series if item.role == series.role
                        and any(p.y is not None for p in item.points))
            name = SHARED_LEGEND.get(series.role, series.name)
            if chart.kind == "line":
                name = f"{name} ({count})"
            entries.append((name, style, chart.kind == "line"))
    return entries


def _legend_height(pen: _Pen, chart: Chart, width: float) -> float:
    return _legend(pen, chart, QRectF(0, 0, width, 1e6), paint=False)


def _legend(pen: _Pen, chart: Chart, rect: QRectF, paint: bool = True) -> float:
    """The legend entries left to right, wrapping; returns the height used."""
    painter, font = pen.painter, pen.font(7.5)
    metrics = pen.metrics(font)
    swatch, gap, line_height = pen.pt(16), pen.pt(10), metrics.height() * 1.25
    x, y = rect.left(), rect.top()
    if paint:
        painter.setFont(font)
    for text, style, line in _legend_entries(chart):
        width = swatch + pen.pt(4) + metrics.horizontalAdvance(text)
        if x > rect.left() and x + width > rect.right():
            x, y = rect.left(), y + line_height
        if paint:
            centre = QPointF(x + swatch / 2, y + line_height / 2)
            if line:
                painter.setPen(_line_pen(pen, style))
                painter.drawLine(QPointF(x, centre.y()), QPointF(x + swatch, centre.y()))
            if style.marker != "none":
                painter.setPen(QPen(QColor("white"), pen.pt(0.5)))
                painter.setBrush(QColor(style.colour))
                _marker(painter, centre, style.marker, pen.pt(2.8))
            painter.setPen(TEXT)
            painter.drawText(QRectF(x + swatch + pen.pt(4), y, width, line_height),
                             int(Qt.AlignmentFlag.AlignVCenter), text)
        x += width + gap
    return y - rect.top() + line_height


def _tick_font(pen: _Pen) -> QFont:
    return pen.font(7)


@dataclass
class _Frame:
    """Where the plot area lies once the legend, tick labels and axis titles have room."""
    plot: QRectF
    legend: QRectF


def _frame(pen: _Pen, chart: Chart, rect: QRectF, y_labels: Sequence[str],
           x_label_height: float) -> _Frame:
    tick_metrics = pen.metrics(_tick_font(pen))
    title_height = pen.metrics(pen.font(7.5)).height()
    legend_height = _legend_height(pen, chart, rect.width())
    left = (max((tick_metrics.horizontalAdvance(label) for label in y_labels), default=0)
            + pen.pt(6) + (title_height + pen.pt(4) if chart.y_title else 0))
    bottom = x_label_height + pen.pt(4) + (title_height + pen.pt(4) if chart.x_title else 0)
    top = legend_height + pen.pt(8)
    plot = QRectF(rect.left() + left, rect.top() + top, rect.width() - left - pen.pt(10),
                  rect.height() - top - bottom)
    return _Frame(plot, QRectF(rect.left(), rect.top(), rect.width(), legend_height))


def _axis_titles(pen: _Pen, chart: Chart, rect: QRectF, plot: QRectF) -> None:
    painter, font = pen.painter, pen.font(7.5)
    painter.setFont(font)
    painter.setPen(AXIS)
    height = pen.metrics(font).height()
    if chart.x_title:
        painter.drawText(QRectF(plot.left(), rect.bottom() - height, plot.width(), height),
                         int(Qt.AlignmentFlag.AlignHCenter), chart.x_title)
    if chart.y_title:
        painter.save()
        painter.translate(rect.left(), plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), height),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
                         chart.y_title)
        painter.restore()


def _value_grid(pen: _Pen, plot: QRectF, axis: Axis, vertical: bool) -> None:
    """Grid lines and tick labels of a value axis: y (vertical) or x."""
    painter = pen.painter
    font = _tick_font(pen)
    metrics = pen.metrics(font)
    painter.setFont(font)
    for tick in axis.ticks:
        fraction = axis.fraction(tick)
        painter.setPen(QPen(GRID, pen.pt(0.5)))
        if vertical:
            y = plot.bottom() - fraction * plot.height()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            painter.drawText(QRectF(plot.left() - pen.pt(60), y - metrics.height() / 2,
                                    pen.pt(56), metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             axis.label(tick))
        else:
            x = plot.left() + fraction * plot.width()
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(AXIS)
            painter.drawText(QRectF(x - pen.pt(40), plot.bottom() + pen.pt(3), pen.pt(80),
                                    metrics.height()), int(Qt.AlignmentFlag.AlignHCenter),
                             axis.label(tick))


def _frame_lines(pen: _Pen, plot: QRectF) -> None:
    pen.painter.setPen(QPen(AXIS, pen.pt(0.7)))
    pen.painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    pen.painter.drawLine(plot.bottomLeft(), plot.topLeft())


def _empty(pen: _Pen, rect: QRectF, text: str) -> None:
    pen.painter.setFont(pen.font(8))
    pen.painter.setPen(AXIS)
    pen.painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                         text)


NO_VALUE_TEXT = "Aucune valeur à représenter."


# ---------------------------------------------------------------------------------------------
# Line chart
# ---------------------------------------------------------------------------------------------

def _x_axis(chart: Chart) -> Axis:
    xs = sorted({point.x for series in chart.series for point in series.points})
    if chart.x_is_year and len(xs) <= 12:
        low, high = xs[0] - 0.4, xs[-1] + 0.4
        return Axis(low, high, tuple(xs), 0)
    return Axis.around(xs, 0)


def _paint_line(pen: _Pen, chart: Chart, rect: QRectF) -> None:
    values = [p.y for p in chart.known_points()]
    y_axis = Axis.around(values, chart.decimals)
    x_axis = _x_axis(chart)
    tick_height = pen.metrics(_tick_font(pen)).height()
    frame = _frame(pen, chart, rect, [y_axis.label(t) for t in y_axis.ticks], tick_height)
    plot, painter = frame.plot, pen.painter
    _legend(pen, chart, frame.legend)
    _value_grid(pen, plot, y_axis, vertical=True)
    _frame_lines(pen, plot)
    painter.setFont(_tick_font(pen))
    painter.setPen(AXIS)
    for tick in x_axis.ticks:
        x = plot.left() + x_axis.fraction(tick) * plot.width()
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + pen.pt(2)))
        painter.drawText(QRectF(x - pen.pt(30), plot.bottom() + pen.pt(3), pen.pt(60),
                                tick_height), int(Qt.AlignmentFlag.AlignHCenter),
                         str(int(tick)) if chart.x_is_year else x_axis.label(tick))

    def at(point: ChartPoint) -> QPointF:
        return QPointF(plot.left() + x_axis.fraction(point.x) * plot.width(),
                       plot.bottom() - y_axis.fraction(point.y) * plot.height())

    # the 22 QPV first, under the territories of reference
    ordered = sorted(_role_styles(chart), key=lambda item: item[0].role != "qpv")
    for series, style in ordered:
        path, drawing = QPainterPath(), False
        for point in sorted(series.points, key=lambda p: p.x):
            if point.y is None:
                drawing = False
            elif drawing:
                path.lineTo(at(point))
            else:
                path.moveTo(at(point))
                drawing = True
        painter.setPen(_line_pen(pen, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if style.marker != "none":
            painter.setPen(QPen(QColor("white"), pen.pt(0.5)))
            painter.setBrush(QColor(style.colour))
            for point in series.points:
                if point.y is not None:
                    _marker(painter, at(point), style.marker, pen.pt(2.6))
    _axis_titles(pen, chart, rect, plot)


# ---------------------------------------------------------------------------------------------
# Scatter (dynamique des écarts)
# ---------------------------------------------------------------------------------------------

def _paint_scatter(pen: _Pen, chart: Chart, rect: QRectF) -> None:
    points = chart.known_points()
    # room around the points for the corner labels
    x_axis = Axis.around([p.x for p in points], chart.decimals, True, count=6, room=0.1)
    y_axis = Axis.around([p.y for p in points], chart.decimals, True, count=6, room=0.12)
    tick_height = pen.metrics(_tick_font(pen)).height()
    frame = _frame(pen, chart, rect, [y_axis.label(t) for t in y_axis.ticks],
                   tick_height + pen.pt(3))
    plot, painter = frame.plot, pen.painter
    _legend(pen, chart, frame.legend)
    _value_grid(pen, plot, y_axis, vertical=True)
    _value_grid(pen, plot, x_axis, vertical=False)
    _frame_lines(pen, plot)

    def at(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + x_axis.fraction(x) * plot.width(),
                       plot.bottom() - y_axis.fraction(y) * plot.height())

    origin = at(0.0, 0.0)
    if chart.zero_lines:
        painter.setPen(QPen(AXIS, pen.pt(1.1)))
        painter.drawLine(QPointF(plot.left(), origin.y()), QPointF(plot.right(), origin.y()))
        painter.drawLine(QPointF(origin.x(), plot.top()), QPointF(origin.x(), plot.bottom()))
    taken = _quadrant_labels(pen, chart, plot)
    radius = pen.pt(3.2)
    marks = []
    for series, style in _role_styles(chart):
        painter.setPen(QPen(QColor("white"), pen.pt(0.6)))
        painter.setBrush(QColor(style.colour))
        for point in series.points:
            if point.y is not None:
                centre = at(point.x, point.y)
                _marker(painter, centre, style.marker, radius)
                marks.append((point, centre))
    _place_names(pen, marks, taken, plot, radius)
    _axis_titles(pen, chart, rect, plot)


def _quadrant_labels(pen: _Pen, chart: Chart, plot: QRectF) -> list[QRectF]:
    painter, font = pen.painter, pen.font(7.5, bold=True)
    metrics = pen.metrics(font)
    painter.setFont(font)
    rects = []
    for quadrant in chart.quadrants:
        width, height = metrics.horizontalAdvance(quadrant.text) + pen.pt(4), metrics.height()
        left = plot.left() + pen.pt(3) if quadrant.x_sign < 0 else \
            plot.right() - width - pen.pt(3)
        top = plot.top() + pen.pt(2) if quadrant.y_sign > 0 else \
            plot.bottom() - height - pen.pt(2)
        box = QRectF(left, top, width, height)
        colour = ROLE_STYLES["widening" if "creuse" in quadrant.text else "narrowing"].colour
        painter.setPen(QColor(colour))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), quadrant.text)
        rects.append(box)
    return rects


def _place_names(pen: _Pen, marks: list[tuple[ChartPoint, QPointF]], taken: list[QRectF],
                 plot: QRectF, radius: float) -> None:
    """Each point's name beside it, where it hides no other name, point or corner label; a
    leader line to the names that have to sit further out."""
    painter, font = pen.painter, pen.font(6.3)
    metrics = pen.metrics(font)
    named = [(point, centre) for point, centre in marks if point.label]
    sizes = [QSizeF(metrics.horizontalAdvance(point.label) + pen.pt(1), metrics.height())
             for point, _ in named]
    places = place_labels([centre for _, centre in named], sizes, plot, taken,
                          radius * 1.2, pen.pt(1.2))     # a diamond reaches 1.2 radius
    painter.setPen(QPen(LEADER, pen.pt(0.5)))
    for place in places:
        if place.leader is not None:
            painter.drawLine(place.leader)
    painter.setFont(font)
    painter.setPen(TEXT)
    for (point, _), place in zip(named, places):
        painter.drawText(place.rect, int(Qt.AlignmentFlag.AlignCenter), point.label)


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------

_PAINTERS = {"line": _paint_line, "scatter": _paint_scatter}


def paint_chart(painter: QPainter, rect: QRectF, chart: Chart, scale: float = 1.0) -> None:
    """Draw ``chart`` inside ``rect`` (device pixels) on a white background. ``scale``
    enlarges type and lines (1 = sizes in points at the device's resolution)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(rect, QColor("white"))
    pen = _Pen(painter, scale)
    inner = rect.adjusted(pen.pt(2), pen.pt(2), -pen.pt(2), -pen.pt(2))
    if chart.empty:
        _empty(pen, inner, NO_VALUE_TEXT)
    else:
        painter.setClipRect(rect)
        _PAINTERS[chart.kind](pen, chart, inner)
    painter.restore()


def aspect_ratio(chart: Chart) -> float:
    """Height / width a chart reads well at."""
    return 0.58 if chart.kind == "line" else 0.72


def chart_size_mm(chart: Chart, width_mm: float) -> QSizeF:
    return QSizeF(width_mm, width_mm * aspect_ratio(chart))


def chart_image(chart: Chart, width_mm: float, dpi: int = 200) -> QImage:
    """The chart in a white RGB image of ``width_mm`` at ``dpi`` (fonts sized for print)."""
    size = chart_size_mm(chart, width_mm)
    px_per_mm = dpi / 25.4
    image = QImage(round(size.width() * px_per_mm), round(size.height() * px_per_mm),
                   QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_chart(painter, QRectF(0, 0, image.width(), image.height()), chart)
    finally:
        painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def chart_png(chart: Chart, width_mm: float, dpi: int = 200) -> bytes:
    return png_bytes(chart_image(chart, width_mm, dpi))
