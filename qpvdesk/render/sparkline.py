"""A sparkline: values along the years in a cell's height, painted with QPainter (fiche
tables on screen and on paper, report tables, the sparkline images of a Word document)."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

SPARK_COLOR = QColor("#2f6690")
NO_VALUE_TICK = QColor("#9a9a9a")

Point = tuple[float, "float | None"]     # (year, value or None when there is none)


def paint_points_sparkline(painter: QPainter, rect: QRectF, points: Sequence[Point],
                           line_width: float) -> None:
    """x proportional to the year, broken where a value is missing (a small grey tick at
    the bottom marks the year); the last value is a larger dot."""
    if not points:
        return
    first, last = points[0][0], points[-1][0]
    values = [value for _, value in points if value is not None]
    low, high = (min(values), max(values)) if values else (0.0, 0.0)
    inner = rect.adjusted(line_width * 2, line_width * 2, -line_width * 2, -line_width * 2)

    def x_of(year: float) -> float:
        if last == first:
            return inner.center().x()
        return inner.left() + (year - first) / (last - first) * inner.width()

    def at(year: float, value: float) -> QPointF:
        y = inner.center().y() if high == low else \
            inner.bottom() - (value - low) / (high - low) * inner.height()
        return QPointF(x_of(year), y)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    path, drawing = QPainterPath(), False
    for year, value in points:
        if value is None:
            drawing = False
        elif drawing:
            path.lineTo(at(year, value))
        else:
            path.moveTo(at(year, value))
            drawing = True
    painter.setPen(QPen(SPARK_COLOR, line_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(SPARK_COLOR))
    known = [(year, value) for year, value in points if value is not None]
    for index, (year, value) in enumerate(known):
        radius = line_width * (1.9 if index == len(known) - 1 else 1.1)
        painter.drawEllipse(at(year, value), radius, radius)
    painter.setPen(QPen(NO_VALUE_TICK, line_width))
    for year, value in points:
        if value is None:
            x = x_of(year)
            painter.drawLine(QPointF(x, rect.bottom() - line_width * 3),
                             QPointF(x, rect.bottom() - line_width))
    painter.restore()
