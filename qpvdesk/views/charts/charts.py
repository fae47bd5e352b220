"""Charts of the QPV indicators, drawn with pyqtgraph.

- :class:`EvolutionChart`: one quartier's values edition after edition, with the CALL's;
- :class:`QpvComparisonChart`: the 22 quartiers side by side for one indicator, with the CALL;
- :class:`GapDynamicsChart`: the diagnostic's « dynamique des écarts » (gap to the CALL at the
  first edition against how that gap changed by the last one);
- :class:`ChartsPanel`: an indicator and a quartier to choose, the three charts in tabs.

Charts are read, not explored: white background, no mouse zoom, French numbers, Okabe-Ito
colours (safe for colour-blind readers) and never colour alone (shapes, signs, labels).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Protocol

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout,
                               QWidget)

from ...models.fiche import format_figure
from ...models.frenchnum import format_french_number
from ...models.search import french_order
from ...render.point_labels import place_labels
from ...models.indicator_table import (ALIGNMENT_RULE, BETTER, EQUAL, NARROWING, STABLE,
                                       WIDENING, WORSE, GapDynamics, GapPoint, IndicatorTable,
                                       TableCell, TableColumn)
from ..i18n import translate
from ..map.choropleth_panel import INDICATOR_ROLE, indicator_model
from ..tables.indicator_table_view import MARKS, TableLoader, call_text, figure_number
from ..formatting import font_size

BLUE, VERMILLION, GREY, BLACK = "#0072B2", "#D55E00", "#7a7a7a", "#000000"
AXIS_FONT_POINTS, LABEL_FONT_POINTS = 10, 9
MARKER_PX = 11              # the gap chart's points
LEADER = "#8c8c8c"          # the line from a point to a name set further out
NOTE_STYLE = "color: #444444; {size};"
# Notes of the charts, read with translate("ChartsPanel", ...).
NO_CALL = QT_TRANSLATE_NOOP("ChartsPanel",
                            "Pas de valeur publiée pour la CALL pour cet indicateur dans les "
                            "sources embarquées\u00a0: elle n'est pas recalculée à partir des "
                            "quartiers.")
SECRET_GAP = QT_TRANSLATE_NOOP("ChartsPanel",
                               "Valeur couverte par le secret statistique ({editions})\u00a0: "
                               "pas de point, la courbe est interrompue.")
MISSING_GAP = QT_TRANSLATE_NOOP("ChartsPanel",
                                "Valeur non disponible ({editions})\u00a0: pas de point.")
# Gap dynamics: how each kind of point is drawn (colour, pyqtgraph symbol, legend glyph).
GAP_STYLES = {WIDENING: (VERMILLION, "s", "\u25a0"), NARROWING: (BLUE, "o", "\u25cf"),
              STABLE: (GREY, "d", "\u25c6")}
QUADRANTS = (  # (x sign, y sign, label): a gap below 0 that falls further widens, etc.
    (-1, 1, NARROWING), (1, 1, WIDENING), (-1, -1, WIDENING), (1, -1, NARROWING))


class ChartIndicator(Protocol):
    """An indicator the charts may show (e.g. choropleth.MappableIndicator)."""
    id: str
    label: str
    unit: str
    theme: str
    editions: tuple[int, ...]


def short_name(name: str, length: int = 20) -> str:
    """« Quartier Du Maroc - La Canche » -> « Quartier Du Maroc »; long names cut with « … »."""
    first = name.split(" - ")[0]
    return first if len(first) <= length else first[:length - 1].rstrip() + "…"


def french_signed(value: float, decimals: int) -> str:
    return format_french_number(value, decimals).replace("-", "\u2212")


def swatch(colour: str, glyph: str, text: str) -> str:
    return (f'<span style="color:{colour}; {font_size(13)}">{glyph}</span>&nbsp;{text}'
            "&nbsp;&nbsp;&nbsp;&nbsp;")


class FrenchAxis(pg.AxisItem):
    """Tick labels with a decimal comma and grouped thousands, never « 15k » nor 1e4."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        self.setStyle(maxTickLevel=0)   # labelled ticks only: a calm grid
        font = QFont()
        font.setPointSize(AXIS_FONT_POINTS)
        self.setTickFont(font)
        self.setPen(pg.mkPen("#444444"))
        self.setTextPen(pg.mkPen("#222222"))

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        decimals = max(0, math.ceil(-math.log10(spacing))) if 0 < spacing < 1 else 0
        return [french_signed(value * scale, decimals) for value in values]


def text_item(text: str, colour: str, anchor: tuple[float, float], bold: bool = False,
              points: int = LABEL_FONT_POINTS) -> pg.TextItem:
    """A label on a light veil, readable over the lines it crosses."""
    item = pg.TextItem(text, color=colour, anchor=anchor, fill=pg.mkBrush(255, 255, 255, 190))
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    item.setFont(font)
    return item


class ChartFrame(QWidget):
    """A title, a legend line, the plot and notes under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet(f"{font_size(12)}; font-weight: bold;")
        self.title.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w", axisItems={
            "left": FrenchAxis("left"), "bottom": FrenchAxis("bottom")})
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMinimumHeight(320)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE.format(size=font_size(9)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)
        layout.addStretch(0)   # takes the room of a hidden plot

    def _show_plot(self, shown: bool) -> None:
        self.plot.setVisible(shown)
        self.layout().setStretch(self.layout().count() - 1, 0 if shown else 1)

    def start(self, title: str, left: str, bottom: str) -> pg.PlotItem:
        """Clear the plot and name it and its axes."""
        self.title.setText(title)
        item = self.plot.getPlotItem()
        item.clear()
        item.setLabel("left", left, color="#222222", **{"font-size": "10pt"})
        item.setLabel("bottom", bottom, color="#222222", **{"font-size": "10pt"})
        for name in ("left", "bottom"):
            item.getAxis(name).setTicks(None)
        self._show_plot(True)
        return item

    def show_message(self, title: str, text: str) -> None:
        """No chart: only a French explanation."""
        self.title.setText(title)
        self.plot.getPlotItem().clear()
        self._show_plot(False)
        self.legend.setText("")
        self.note.setText(text)
        self.note.setStyleSheet(f"color: #222222; {font_size(11)};")

    def set_notes(self, notes: Iterable[str]) -> None:
        self.note.setStyleSheet(NOTE_STYLE.format(size=font_size(9)))
        self.note.setText("\n".join(note for note in notes if note))


def _padded(low: float, high: float, below: float, above: float) -> tuple[float, float]:
    span = (high - low) or abs(high) or 1.0
    return low - below * span, high + above * span


class EvolutionChart(ChartFrame):
    """One quartier's series against the CALL's, editions on the x axis."""

    def show_evolution(self, tables: Sequence[IndicatorTable], qpv_code: str) -> None:
        """``tables``: one single-indicator table per edition, oldest first (the first column
        of each is used); the CALL value of each is the one aligned on that edition."""
        columns = [table.columns[0] for table in tables]
        rows = [next(row for row in table.rows if row.code == qpv_code) for table in tables]
        qpv = [row.cells[0].figure for row in rows]
        calls = [column.call.figure if column.call and column.call.figure.status == "ok"
                 else None for column in columns]
        editions = [column.edition for column in columns]
        name, column = rows[-1].name, columns[-1]
        item = self.start(f"{column.label} — {name}", column.unit,
                          self.tr("Édition de la base INSEE QPV"))
        item.showGrid(x=False, y=True, alpha=0.15)
        legend = swatch(BLUE, "—●—", f"<b>{escape(name)}</b>")
        if any(calls):
            self._series(item, editions, calls, BLACK, "s", Qt.PenStyle.DashLine, (0.5, -0.35))
            legend += swatch(BLACK, "- -■- -", self.tr("CALL (valeur publiée)"))
        self._series(item, editions, [f if f.status == "ok" else None for f in qpv], BLUE, "o",
                     Qt.PenStyle.SolidLine, (0.5, 1.35))
        self.legend.setText(legend)
        item.getAxis("bottom").setTicks([[(edition, str(edition)) for edition in editions]])
        item.setXRange(editions[0] - 0.4, editions[-1] + 0.4, padding=0)
        known = [f.value for f in qpv + calls if f is not None and f.status == "ok"]
        low, high = _padded(min(known), max(known), 0.15, 0.2) if known else (0.0, 1.0)
        item.setYRange(low, high, padding=0)
        for figure in qpv:
            if figure.status != "ok":   # say where the gap is, at the foot of the chart
                label = text_item(figure_number(figure), GREY, (0.5, 1.2))
                label.setPos(figure.edition, low)
                item.addItem(label)
        self.set_notes(self._notes(qpv, calls))

    @staticmethod
    def _series(item: pg.PlotItem, editions, figures, colour: str, symbol: str, style,
                anchor: tuple[float, float]) -> None:
        """A line broken where the value is unknown, its points and their values."""
        values = [math.nan if f is None else f.value for f in figures]
        item.addItem(pg.PlotCurveItem(editions, values, connect="finite",
                                      pen=pg.mkPen(colour, width=2.5, style=style)))
        known = [(x, f) for x, f in zip(editions, figures) if f is not None]
        item.addItem(pg.ScatterPlotItem([x for x, _ in known], [f.value for _, f in known],
                                        symbol=symbol, size=10, brush=pg.mkBrush(colour),
                                        pen=pg.mkPen("w", width=1.5)))
        for x, figure in known:
            label = text_item(figure_number(figure), colour, anchor)
            label.setPos(x, figure.value)
            item.addItem(label)

    @staticmethod
    def _notes(qpv, calls) -> list[str]:
        notes = []
        for status, template in (("secret", SECRET_GAP), ("missing", MISSING_GAP)):
            editions = [str(f.edition) for f in qpv if f.status == status]
            if editions:
                notes.append(translate("ChartsPanel", template)
                             .format(editions=", ".join(editions)))
        vintages = sorted({f.edition for f in calls if f is not None})
        if vintages:
            notes.append(translate("EvolutionChart",
                                   "Courbe de la CALL\u00a0: valeurs publiées (millésimes "
                                   "{first} à {last}) placées sur l'édition QPV "
                                   "correspondante. ")
                         .format(first=vintages[0], last=vintages[-1]) + ALIGNMENT_RULE)
        else:
            notes.append(translate("ChartsPanel", NO_CALL))
        return notes


class QpvComparisonChart(ChartFrame):
    """Horizontal bars of the quartiers for one indicator, highest at the top; a dashed line
    for the CALL; quartiers less favourable than the CALL in vermillion with « (−) »."""

    def show_table(self, table: IndicatorTable) -> None:
        column = table.columns[0]
        rows = sorted(table.rows, key=lambda row: (row.cells[0].figure.status != "ok",
                                                   -(row.cells[0].figure.value or 0)))
        item = self.start(self.tr("{label} — les {count} quartiers, édition {edition}")
                          .format(label=column.label, count=len(rows), edition=column.edition),
                          "", column.unit)
        item.showGrid(x=True, y=False, alpha=0.15)
        count = len(rows)
        heights = [count - 1 - index for index in range(count)]
        bars = [(y, row.cells[0]) for y, row in zip(heights, rows)
                if row.cells[0].figure.status == "ok"]
        item.addItem(pg.BarGraphItem(
            x0=0, y=[y for y, _ in bars], height=0.7, width=[c.figure.value for _, c in bars],
            brushes=[VERMILLION if c.versus_call == WORSE else BLUE for _, c in bars],
            pen=pg.mkPen(None)))
        values = [c.figure.value for _, c in bars]
        call = column.call.figure if column.call and column.call.figure.status == "ok" else None
        low = min(values + [0.0] + ([call.value] if call else []))
        high = max(values + [0.0] + ([call.value] if call else []))
        for y, row in zip(heights, rows):
            self._value_label(item, y, row.cells[0])
        item.getAxis("left").setTicks([[(y, short_name(row.name, 30))
                                        for y, row in zip(heights, rows)]])
        item.setYRange(-0.6, count - 0.4 + (1.2 if call else 0), padding=0)
        item.setXRange(*_padded(low, high, 0.05 if low < 0 else 0, 0.16), padding=0)
        self.legend.setText(self._legend(column, call))
        if call is not None:
            line = pg.InfiniteLine(call.value, angle=90,
                                   pen=pg.mkPen(BLACK, width=2, style=Qt.PenStyle.DashLine))
            item.addItem(line)
            # the name beside the line, on the side with more room
            left_half = call.value - low < (high - low) / 2
            text = (self.tr(" CALL\u00a0: {figure} ({edition}) ")
                    .format(figure=format_figure(call), edition=call.edition))
            label = text_item(text, BLACK, (0 if left_half else 1, 0.5), bold=True)
            label.setPos(call.value, count + 0.1)
            item.addItem(label)
        notes = [] if call is not None else [translate("ChartsPanel", NO_CALL)]
        if call is not None and column.unfavourable is None:
            notes.append(self.tr("Sens défavorable non défini pour cet indicateur\u00a0: les "
                                 "quartiers ne sont pas classés par rapport à la CALL."))
        self.set_notes(notes)

    @staticmethod
    def _value_label(item: pg.PlotItem, y: float, cell: TableCell) -> None:
        """The value at the end of its bar with its sign against the CALL, « secret » or
        « n.d. » where there is no bar."""
        figure = cell.figure
        if figure.status != "ok":
            label = text_item(figure_number(figure), GREY, (0, 0.5))
            label.setPos(0, y)
        else:
            mark = MARKS.get(cell.versus_call)
            text = f"{figure_number(figure)}\u00a0{mark}" if mark else figure_number(figure)
            colour = VERMILLION if cell.versus_call == WORSE else "#1a1a1a"
            label = text_item(text, colour, (0, 0.5) if figure.value >= 0 else (1, 0.5))
            label.setPos(figure.value, y)
        item.addItem(label)

    @staticmethod
    def _legend(column: TableColumn, call) -> str:
        quartiers = swatch(BLUE, "\u25a0", translate("QpvComparisonChart", "quartiers"))
        if call is None:
            return quartiers
        call_swatch = swatch(BLACK, "\u2506", call_text(column))
        if column.unfavourable is None:
            return quartiers + call_swatch
        worse = (translate("QpvComparisonChart", "moins favorable que la CALL {mark}")
                 .format(mark=MARKS[WORSE]))
        better = (translate("QpvComparisonChart", "plus favorable {better} ou égal {equal}")
                  .format(better=MARKS[BETTER], equal=MARKS[EQUAL]))
        return (swatch(VERMILLION, "\u25a0", worse) + swatch(BLUE, "\u25a0", better)
                + call_swatch)


class GapDynamicsChart(ChartFrame):
    """x: the quartier's gap to the CALL at the first edition; y: how that gap changed by the
    last edition. Quadrants split where the gap narrows or widens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[tuple[pg.TextItem, float, float]] = []
        self._corners: list[tuple[pg.TextItem, int, int]] = []
        self.placed: dict[str, QRectF] = {}    # each name's box, in the view box's pixels
        self._leaders = pg.PlotCurveItem()
        self.plot.getPlotItem().getViewBox().sigResized.connect(self._place_names)

    def show_gaps(self, gaps: GapDynamics) -> None:
        points = [p for p in gaps.points if p.gap_first is not None]
        if not points:
            self.show_message(self.tr("Dynamique des écarts à la CALL — {label}")
                              .format(label=gaps.label),
                              self.tr("Aucun quartier n'a de valeur aux deux éditions "
                                      "comparées."))
            return
        first, last = points[0].first.edition, points[0].last.edition
        unit = gap_unit(gaps.unit)
        item = self.start(self.tr("Dynamique des écarts à la CALL — {label}")
                          .format(label=gaps.label),
                          self.tr("Évolution de l'écart de {first} à {last} ({unit})")
                          .format(first=first, last=last, unit=unit),
                          self.tr("Écart à la CALL en {first} ({unit})\u00a0; négatif\u00a0: "
                                  "quartier sous la valeur de la CALL")
                          .format(first=first, unit=unit))
        xs, ys = [p.gap_first for p in points], [p.change for p in points]
        x_range = _around_zero(min(xs), max(xs))
        y_range = _around_zero(min(ys), max(ys))
        item.setXRange(*x_range, padding=0)
        item.setYRange(*y_range, padding=0)
        for angle in (0, 90):
            item.addItem(pg.InfiniteLine(0, angle=angle, pen=pg.mkPen("#555555", width=1.5)))
        self._corners = []
        for x_sign, y_sign, label in QUADRANTS:
            corner = text_item(label, GAP_STYLES[label][0],
                               (0 if x_sign < 0 else 1, 0 if y_sign > 0 else 1), bold=True,
                               points=11)
            corner.setPos(x_range[0] if x_sign < 0 else x_range[1],
                          y_range[1] if y_sign > 0 else y_range[0])
            item.addItem(corner)
            self._corners.append((corner, x_sign, y_sign))
        for kind, (colour, symbol, _) in GAP_STYLES.items():
            group = [p for p in points if p.label.startswith(kind)]
            if group:
                item.addItem(pg.ScatterPlotItem(
                    [p.gap_first for p in group], [p.change for p in group], symbol=symbol,
                    size=MARKER_PX, brush=pg.mkBrush(colour), pen=pg.mkPen("w", width=1),
                    data=[_gap_tip(p, unit) for p in group], hoverable=True,
                    tip=lambda x, y, data: data))
        self._leaders = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(LEADER, width=1))
        self._leaders.setZValue(-1)
        item.addItem(self._leaders)
        self._names = []
        for point in points:
            label = text_item(short_name(point.qpv_name), "#1a1a1a", (0, 0), points=8)
            label.textItem.document().setDocumentMargin(1)    # the box is the text's
            label.setZValue(-1)     # under the points: a name never hides a point
            item.addItem(label)
            self._names.append((label, point.gap_first, point.change))
        self._place_names()
        self.legend.setText("".join(swatch(colour, glyph, kind) for kind, (colour, _, glyph)
                                    in GAP_STYLES.items()))
        self.set_notes(_gap_notes(gaps, points))

    def _place_names(self) -> None:
        """Put each name beside its point where it hides no other name and no point, joined
        to it by a leader line when it has to sit further out (again on resize: the free room
        depends on the size)."""
        box = self.plot.getPlotItem().getViewBox()
        if box.width() <= 0 or box.height() <= 0 or not self._names:
            return
        (x0, x1), (y0, y1) = box.viewRange()
        x_scale, y_scale = box.width() / (x1 - x0), box.height() / (y1 - y0)
        centres = [QPointF((x - x0) * x_scale, (y1 - y) * y_scale) for _, x, y in self._names]
        sizes = [label.textItem.boundingRect().size() for label, _, _ in self._names]
        places = place_labels(centres, sizes, QRectF(0, 0, box.width(), box.height()),
                              self._corner_rects(box), radius=MARKER_PX / 2, gap=2)
        self.placed = {}
        leaders = []
        for (label, _, _), place in zip(self._names, places):
            rect = place.rect
            label.setPos(x0 + rect.left() / x_scale, y1 - rect.top() / y_scale)
            self.placed[label.textItem.toPlainText()] = rect
            if place.leader is not None:
                for end in (place.leader.p1(), place.leader.p2()):
                    leaders.append((x0 + end.x() / x_scale, y1 - end.y() / y_scale))
        self._leaders.setData([x for x, _ in leaders], [y for _, y in leaders])

    def _corner_rects(self, box) -> list[QRectF]:
        """Where the quadrant names sit, in the view box's pixels: no point name over them."""
        rects = []
        for corner, x_sign, y_sign in self._corners:
            size = corner.textItem.boundingRect()
            left = 0.0 if x_sign < 0 else box.width() - size.width()
            top = 0.0 if y_sign > 0 else box.height() - size.height()
            rects.append(QRectF(left, top, size.width(), size.height()))
        return rects

def _around_zero(low: float, high: float) -> tuple[float, float]:
    """A range holding the values and 0 with room on both sides for the quadrant labels."""
    low, high = min(low, 0.0), max(high, 0.0)
    span = (high - low) or 1.0
    return min(low - 0.08 * span, -0.3 * span), max(high + 0.08 * span, 0.3 * span)


def gap_unit(unit: str) -> str:
    """A difference of two rates is in points, not in per cent."""
    return translate("charts", "points de %") if unit == "%" else unit


def _gap_tip(point: GapPoint, unit: str) -> str:
    return (translate("charts", "{qpv}\n{label}\nÉcart en {first}\u00a0: {first_gap} {unit}\n"
                                "Écart en {last}\u00a0: {last_gap} {unit}")
            .format(qpv=point.qpv_name, label=point.label, first=point.first.edition,
                    first_gap=french_signed(point.gap_first, 1), last=point.last.edition,
                    last_gap=french_signed(point.gap_last, 1), unit=unit))


def _gap_notes(gaps: GapDynamics, points: Sequence[GapPoint]) -> list[str]:
    first, last = gaps.call_first.figure, gaps.call_last.figure
    call = translate("charts", "CALL\u00a0: {first} (millésime {first_vintage}) pour l'édition "
                               "QPV {first_edition}, {last} (millésime {last_vintage}) pour "
                               "l'édition {last_edition}.")
    notes = [call.format(first=format_figure(first), first_vintage=first.edition,
                         first_edition=points[0].first.edition, last=format_figure(last),
                         last_vintage=last.edition, last_edition=points[0].last.edition),
             gaps.explanation]
    crossed = [p.qpv_name for p in points
               if p.label.startswith(WIDENING) != ((p.gap_first < 0) == (p.change < 0))
               and not p.label.startswith(STABLE)]
    if crossed:
        notes.append(translate("charts", "L'écart a changé de signe pour {names}\u00a0: le point "
                                         "est dessiné selon l'évolution réelle de l'écart, pas "
                                         "selon son quadrant.").format(names=", ".join(crossed)))
    absent = [p.qpv_name for p in gaps.points if p.gap_first is None]
    if absent:
        notes.append(translate("charts", "Sans valeur à l'une des deux éditions (secret ou non "
                                         "disponible)\u00a0: {names}.")
                     .format(names=", ".join(absent)))
    return notes


class ChartsPanel(QWidget):
    """An indicator and a quartier to choose; the three charts in tabs.

    ``load(ids, edition, commune)`` is the indicator table's loader; ``gap_dynamics(id)``
    returns the GapDynamics of an indicator listed in ``gap_indicator_ids``.
    """

    def __init__(self, indicators: Sequence[ChartIndicator], load: TableLoader,
                 gap_dynamics: Callable[[str], GapDynamics], gap_indicator_ids: Iterable[str],
                 default_indicator: str = "REVN.DISP_Q2",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Graphiques"))
        self.load, self.gap_dynamics = load, gap_dynamics
        self.indicators = {indicator.id: indicator for indicator in indicators}
        self.gap_indicator_ids = [i for i in gap_indicator_ids if i in self.indicators]
        self.tables: list[IndicatorTable] = []
        self.indicator_combo = QComboBox()
        self.indicator_combo.setModel(indicator_model(list(indicators), self))
        self.indicator_combo.setAccessibleName(self.tr("Indicateur"))
        self.indicator_combo.setMinimumContentsLength(40)
        self.qpv_combo = QComboBox()
        self.qpv_combo.setAccessibleName(self.tr("Quartier"))
        self.qpv_combo.setMinimumContentsLength(30)
        self.status = QLabel()
        self.status.setStyleSheet("color: #a33a00; font-weight: bold;")
        self.status.setWordWrap(True)
        self.status.hide()
        self.evolution_chart = EvolutionChart()
        self.comparison_chart = QpvComparisonChart()
        self.gap_chart = GapDynamicsChart()
        self.tabs = QTabWidget()
        # (a capital É is clipped on an unselected tab by some styles)
        self.tabs.addTab(self.evolution_chart, self.tr("Courbe d'évolution d'un quartier"))
        self.tabs.addTab(self.comparison_chart, self.tr("Les quartiers comparés"))
        self.tabs.addTab(self.gap_chart, self.tr("Dynamique des écarts"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Indicateur\u00a0:")))
        bar.addWidget(self.indicator_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Quartier (courbe d'évolution)\u00a0:")))
        bar.addWidget(self.qpv_combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.indicator_combo.currentIndexChanged.connect(self._indicator_chosen)
        self.qpv_combo.currentIndexChanged.connect(self._show_evolution)
        self.set_indicator(default_indicator if default_indicator in self.indicators
                           else next(iter(self.indicators)))

    # -- choices --------------------------------------------------------------------------
    def indicator_id(self) -> str | None:
        indicator = self.indicator_combo.currentData(INDICATOR_ROLE)
        return indicator.id if indicator is not None else None

    def set_indicator(self, indicator_id: str) -> None:
        model = self.indicator_combo.model()
        for row in range(model.rowCount()):
            indicator = model.index(row, 0).data(INDICATOR_ROLE)
            if indicator is not None and indicator.id == indicator_id:
                if row == self.indicator_combo.currentIndex():
                    self._indicator_chosen()
                self.indicator_combo.setCurrentIndex(row)
                return
        raise LookupError(f"Indicateur absent des graphiques : {indicator_id}")

    def set_qpv(self, code: str) -> None:
        """Show this quartier's evolution (2024 code)."""
        index = self.qpv_combo.findData(code)
        if index >= 0:
            self.qpv_combo.setCurrentIndex(index)

    # -- drawing --------------------------------------------------------------------------
    def _indicator_chosen(self) -> None:
        indicator_id = self.indicator_id()
        if indicator_id is None:
            return
        indicator = self.indicators[indicator_id]
        try:
            self.tables = [self.load([indicator_id], edition, None)
                           for edition in indicator.editions or (None,)]
        except (LookupError, ValueError) as exc:
            self.tables = []
            self.status.setText(str(exc))
            self.status.show()
            return
        self.status.hide()
        self._fill_qpv(self.tables[-1])
        self._show_evolution()
        self.comparison_chart.show_table(self.tables[-1])
        self._show_gaps(indicator)

    def _fill_qpv(self, table: IndicatorTable) -> None:
        if self.qpv_combo.count():
            return
        self.qpv_combo.blockSignals(True)
        for row in sorted(table.rows, key=lambda row: french_order(row.name)):
            self.qpv_combo.addItem(row.name, row.code)
        self.qpv_combo.blockSignals(False)

    def _show_evolution(self) -> None:
        code = self.qpv_combo.currentData()
        if self.tables and code:
            self.evolution_chart.show_evolution(self.tables, code)

    def _show_gaps(self, indicator: ChartIndicator) -> None:
        if indicator.id in self.gap_indicator_ids:
            self.gap_chart.show_gaps(self.gap_dynamics(indicator.id))
            return
        usable = ", ".join(f"« {self.indicators[i].label} »" for i in self.gap_indicator_ids)
        self.gap_chart.show_message(
            self.tr("Dynamique des écarts à la CALL — {label}").format(label=indicator.label),
            self.tr("La dynamique des écarts ne peut pas être tracée pour « {label} »\u00a0: "
                    "il faut une valeur publiée pour la CALL à deux éditions au moins, et les "
                    "sources embarquées n'en ont pas pour cet indicateur.\n\nIndicateurs "
                    "possibles\u00a0: {usable}.").format(label=indicator.label, usable=usable))
