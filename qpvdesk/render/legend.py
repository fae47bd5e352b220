"""A choropleth's legend drawn with QPainter, no widget: over the map in the application, in
the « Analyse thématique » panel, and in the images `qpvdesk snapshot` writes.

    Taux de pauvreté (%)                  <- the indicator, bold, wrapped
    Année 2019 · Quantiles                <- period and method, grey
                                   IRIS   <- what the counts count
    ■ de 5,1 à 12,3 %                23
    ▨ Secret statistique              4
    □ Non disponible                  7
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from ..models.choropleth import ChoroplethLegend
from ..models.frenchnum import format_french_number
from .renderer import HATCH_BACKGROUND, label_font, symbol_brush

TEXT_COLOR = QColor("#202020")
MUTED_COLOR = QColor("#555555")
SWATCH_OUTLINE = QColor("#5a5a5a")
WRAP = Qt.TextFlag.TextWordWrap
MIN_IMAGE_FONT_PX, MAX_IMAGE_FONT_PX = 10, 18


@dataclass
class LegendStyle:
    font: QFont
    max_width: float = 280.0
    background: QColor | None = field(default_factory=lambda: QColor(255, 255, 255, 225))
    show_note: bool = False

    @property
    def padding(self) -> float:
        return round(self.metrics().height() * 0.5)

    def metrics(self, font: QFont | None = None) -> QFontMetricsF:
        return QFontMetricsF(font or self.font)

    def bold(self) -> QFont:
        font = QFont(self.font)
        font.setBold(True)
        return font

    def small(self) -> QFont:
        font = QFont(self.font)
        if font.pixelSize() > 0:
            font.setPixelSize(max(8, round(font.pixelSize() * 0.9)))
        else:
            font.setPointSizeF(max(6.5, font.pointSizeF() * 0.9))
        return font


@dataclass
class _Layout:
    width: float
    title: QRectF
    subtitle: QRectF
    header_y: float
    rows_y: list[float]
    row_height: float
    swatch: QSizeF
    count_width: float
    note: QRectF | None

    @property
    def height(self) -> float:
        bottom = self.note.bottom() if self.note else self.rows_y[-1] + self.row_height
        return bottom


def _text_height(metrics: QFontMetricsF, width: float, text: str) -> float:
    return metrics.boundingRect(QRectF(0, 0, width, 10_000), WRAP, text).height()


def _layout(legend: ChoroplethLegend, style: LegendStyle) -> _Layout:
    pad = style.padding
    metrics, small = style.metrics(), style.metrics(style.small())
    bold = style.metrics(style.bold())
    swatch = QSizeF(round(metrics.height() * 1.3), round(metrics.height() * 0.8))
    gap = round(metrics.height() * 0.5)
    counts = [format_french_number(entry.count, 0) for entry in legend.entries]
    count_width = max([small.horizontalAdvance(legend.territories),
                       *(metrics.horizontalAdvance(text) for text in counts)])
    rows_width = (swatch.width() + gap + max(metrics.horizontalAdvance(legend.row_text(entry))
                                             for entry in legend.entries)
                  + 2 * gap + count_width)
    heading_width = max(bold.horizontalAdvance(legend.title),
                        small.horizontalAdvance(legend.subtitle))
    width = min(style.max_width, max(rows_width, heading_width) + 2 * pad)
    inner = width - 2 * pad
    title = QRectF(pad, pad, inner, _text_height(bold, inner, legend.title))
    subtitle = QRectF(pad, title.bottom() + 2, inner,
                      _text_height(small, inner, legend.subtitle))
    header_y = subtitle.bottom() + gap / 2
    row_height = max(metrics.height(), swatch.height()) + 3
    first_row = header_y + small.height()
    rows_y = [first_row + index * row_height for index in range(len(legend.entries))]
    note = None
    if style.show_note and legend.note:
        top = rows_y[-1] + row_height + gap / 2
        note = QRectF(pad, top, inner, _text_height(small, inner, legend.note))
    return _Layout(width, title, subtitle, header_y, rows_y, row_height, swatch, count_width,
                   note)


def legend_size(legend: ChoroplethLegend, style: LegendStyle) -> QSizeF:
    layout = _layout(legend, style)
    return QSizeF(layout.width, layout.height + style.padding)


def draw_legend(painter: QPainter, legend: ChoroplethLegend, origin: QPointF,
                style: LegendStyle) -> QRectF:
    """Draw the legend with its top-left corner at `origin`; returns the rectangle used."""
    layout = _layout(legend, style)
    box = QRectF(origin, QSizeF(layout.width, layout.height + style.padding))
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if style.background is not None:
            painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
            painter.setBrush(style.background)
            painter.drawRoundedRect(box, 4, 4)
        painter.translate(origin)
        _draw_heading(painter, legend, layout, style)
        _draw_rows(painter, legend, layout, style)
        if layout.note is not None:
            painter.setFont(style.small())
            painter.setPen(MUTED_COLOR)
            painter.drawText(layout.note, WRAP, legend.note)
    finally:
        painter.restore()
    return box


def draw_legend_in_corner(painter: QPainter, legend: ChoroplethLegend, width: float,
                          height: float, style: LegendStyle, margin: float = 10) -> QRectF:
    """Draw the legend in the bottom-right corner of a width × height picture."""
    size = legend_size(legend, style)
    origin = QPointF(width - margin - size.width(), height - margin - size.height())
    return draw_legend(painter, legend, origin, style)


def _draw_heading(painter: QPainter, legend: ChoroplethLegend, layout: _Layout,
                  style: LegendStyle) -> None:
    painter.setPen(TEXT_COLOR)
    painter.setFont(style.bold())
    painter.drawText(layout.title, WRAP, legend.title)
    painter.setPen(MUTED_COLOR)
    painter.setFont(style.small())
    painter.drawText(layout.subtitle, WRAP, legend.subtitle)
    right = layout.width - style.padding
    header = QRectF(right - layout.count_width, layout.header_y, layout.count_width,
                    style.metrics(style.small()).height())
    painter.drawText(header, Qt.AlignmentFlag.AlignRight, legend.territories)


def _draw_rows(painter: QPainter, legend: ChoroplethLegend, layout: _Layout,
               style: LegendStyle) -> None:
    pad = style.padding
    swatch = layout.swatch
    label_x = pad + swatch.width() + round(style.metrics().height() * 0.5)
    right = layout.width - pad
    painter.setFont(style.font)
    for entry, top in zip(legend.entries, layout.rows_y):
        rect = QRectF(QPointF(pad, top + (layout.row_height - swatch.height()) / 2), swatch)
        painter.setPen(QPen(SWATCH_OUTLINE, 1))
        hatched = entry.kind == "secret"     # drawn as the renderer draws secret values
        painter.setBrush(HATCH_BACKGROUND if hatched else QColor(entry.color))
        painter.drawRect(rect)
        if hatched:
            painter.setBrush(symbol_brush(entry.color, 1.0, hatched=True))
            painter.drawRect(rect)
        painter.setPen(TEXT_COLOR)
        text_rect = QRectF(label_x, top, right - layout.count_width - label_x, layout.row_height)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, legend.row_text(entry))
        count_rect = QRectF(right - layout.count_width, top, layout.count_width,
                            layout.row_height)
        painter.drawText(count_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         format_french_number(entry.count, 0))


def draw_legend_on_image(image: QImage, legend: ChoroplethLegend) -> QRectF:
    """The legend in the bottom-right corner of a rendered map (snapshots), its type sized
    to the picture, with the note on the data (the QPV geography) when there is one."""
    size = max(MIN_IMAGE_FONT_PX, min(MAX_IMAGE_FONT_PX,
                                      round(min(image.width(), image.height()) / 70)))
    font = label_font()
    font.setPixelSize(size)
    style = LegendStyle(font, max_width=min(image.width() * 0.35, size * 24), show_note=True)
    painter = QPainter(image)
    try:
        return draw_legend_in_corner(painter, legend, image.width(), image.height(), style,
                                     margin=round(size * 0.8))
    finally:
        painter.end()
