"""The choropleth legend on screen: over the map (bottom-right corner, clear of the scale
bar) and in the « Analyse thématique » panel. Both draw with render/legend.py, as the
snapshots do, so the three always say the same thing."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...models.choropleth import ChoroplethLegend
from ...render.legend import LegendStyle, draw_legend, legend_size

OVERLAY_MAX_WIDTH = 280
OVERLAY_SHARE = 0.4          # of the map's width, at most
OVERLAY_MARGIN = 10
SCALE_BAR_ROOM = 240         # the scale bar's box, bottom-left, is at most this wide


class _LegendWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.legend: ChoroplethLegend | None = None

    def style_for(self, max_width: float) -> LegendStyle:
        raise NotImplementedError

    def set_legend(self, legend: ChoroplethLegend | None) -> None:
        self.legend = legend
        self.setAccessibleDescription(_spoken(legend))
        self.updateGeometry()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.legend is None:
            return
        painter = QPainter(self)
        try:
            draw_legend(painter, self.legend, QPointF(0, 0), self.style_for(self.width()))
        finally:
            painter.end()


def _spoken(legend: ChoroplethLegend | None) -> str:
    """The legend as one sentence for screen readers."""
    if legend is None:
        return ""
    rows = "; ".join(f"{legend.row_text(entry)} : {entry.count}" for entry in legend.entries)
    return f"{legend.title}, {legend.subtitle}. {rows}"


class LegendPanelView(_LegendWidget):
    """The legend in the « Analyse thématique » tab, as wide as the tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Légende de la carte thématique"))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def style_for(self, max_width: float) -> LegendStyle:
        return LegendStyle(self.font(), max_width=max_width)   # the panel has its note

    def set_legend(self, legend: ChoroplethLegend | None) -> None:
        self.setVisible(legend is not None)
        super().set_legend(legend)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        if self.legend is None:
            return 0
        return round(legend_size(self.legend, self.style_for(width)).height()) + 1

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(OVERLAY_MAX_WIDTH, self.heightForWidth(OVERLAY_MAX_WIDTH))


class MapLegendOverlay(_LegendWidget):
    """The legend over the map: bottom-right, or top-right when the map is too narrow for it
    beside the scale bar. Clicks and the wheel go through to the map."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self.setAccessibleName(self.tr("Légende de la carte"))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.wanted = True          # Affichage › Légende sur la carte
        canvas.installEventFilter(self)
        self.hide()

    def style_for(self, max_width: float) -> LegendStyle:
        return LegendStyle(self.font(), max_width=max_width)

    def set_legend(self, legend: ChoroplethLegend | None) -> None:
        super().set_legend(legend)
        self._place()

    def set_wanted(self, wanted: bool) -> None:
        self.wanted = wanted
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        canvas = self.parentWidget()
        if self.legend is None or not self.wanted:
            self.hide()
            return
        max_width = min(OVERLAY_MAX_WIDTH, canvas.width() * OVERLAY_SHARE)
        size = legend_size(self.legend, self.style_for(max_width)).toSize() + QSize(1, 1)
        x = canvas.width() - OVERLAY_MARGIN - size.width()
        beside_scale_bar = x >= SCALE_BAR_ROOM
        y = (canvas.height() - OVERLAY_MARGIN - size.height() if beside_scale_bar
             else OVERLAY_MARGIN)
        self.setGeometry(x, y, size.width(), size.height())
        self.show()
        self.raise_()
