"""« Couches »: which layers the map shows, how opaque, in which order, and their legend.

The panel only reports what the user asks for (signals); the application changes the
MapState and calls `refresh(state)`. The panel never changes the state itself.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel, QScrollArea,
                               QSlider, QStyle, QToolButton, QVBoxLayout, QWidget)

from ...models.map.map_state import MapState
from ...models.map.styles import LayerInfo, LegendItem
from ..i18n import Texts
from .legend_icons import symbol_icon
from ..model_texts import model_text
from ..wheel_guard import wheel_only_when_focused

NBSP = "\u00a0"
TEXT = Texts("LayerPanel", {
    "panel": QT_TRANSLATE_NOOP("LayerPanel", "Couches de la carte"),
    "panel_help": QT_TRANSLATE_NOOP("LayerPanel",
                                    "Cochez une couche pour l'afficher ; les couches du haut sont "
                                    "dessinées par-dessus les autres."),
    "group": QT_TRANSLATE_NOOP("LayerPanel", "Thème{nbsp}: {group}"),
    "up": QT_TRANSLATE_NOOP("LayerPanel", "Monter"),
    "down": QT_TRANSLATE_NOOP("LayerPanel", "Descendre"),
    "up_tip": QT_TRANSLATE_NOOP("LayerPanel", "Monter{nbsp}: dessiner « {title} » par-dessus la "
                                              "couche suivante (Alt+Haut)"),
    "down_tip": QT_TRANSLATE_NOOP("LayerPanel", "Descendre{nbsp}: dessiner « {title} » sous la "
                                                "couche précédente (Alt+Bas)"),
    "up_name": QT_TRANSLATE_NOOP("LayerPanel", "Monter la couche « {title} »"),
    "down_name": QT_TRANSLATE_NOOP("LayerPanel", "Descendre la couche « {title} »"),
    "opacity": QT_TRANSLATE_NOOP("LayerPanel", "Opacité"),
    "opacity_name": QT_TRANSLATE_NOOP("LayerPanel", "Opacité de la couche « {title} »"),
    "percent": QT_TRANSLATE_NOOP("LayerPanel", "{value}{nbsp}%"),
    "legend_name": QT_TRANSLATE_NOOP("LayerPanel", "Légende de la couche « {title} »"),
})
LEGEND_ICON_SIZE = 16


def _text(key: str, **values) -> str:
    return TEXT[key].format(nbsp=NBSP, **values)


class LayerRow(QWidget):
    """One layer: checkbox, up/down, opacity (when shown) and legend (when shown)."""

    visibility_changed = Signal(str, bool)
    opacity_changed = Signal(str, float)
    order_changed = Signal(str, int)

    def __init__(self, info: LayerInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.legend_items: list[LegendItem] | None = None
        title = self.title = model_text(info.title)
        # A checkbox's own text cannot wrap: long titles would widen the whole panel.
        self.checkbox = QCheckBox()
        self.checkbox.setAccessibleName(title)
        self.checkbox.toggled.connect(lambda on: self.visibility_changed.emit(info.id, on))
        self.title_label = QLabel(title)
        self.title_label.setWordWrap(True)
        self.title_label.installEventFilter(self)   # a click on the title toggles the layer
        for widget in (self.checkbox, self.title_label):
            widget.setToolTip(_text("group", group=info.group))

        self.up_action = self._order_action("up", QStyle.StandardPixmap.SP_ArrowUp, +1,
                                            QKeySequence("Alt+Up"))
        self.down_action = self._order_action("down", QStyle.StandardPixmap.SP_ArrowDown, -1,
                                              QKeySequence("Alt+Down"))
        self.up_button = self._order_button(self.up_action, "up")
        self.down_button = self._order_button(self.down_action, "down")
        # The same actions in the row's right-click menu.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.opacity_row = self._build_opacity_row()
        self.legend = QWidget()
        self.legend.setAccessibleName(_text("legend_name", title=title))
        self.legend_layout = QGridLayout(self.legend)
        self.legend_layout.setContentsMargins(24, 0, 0, 0)
        self.legend_layout.setHorizontalSpacing(6)
        self.legend_layout.setVerticalSpacing(2)
        self.legend_layout.setColumnStretch(1, 1)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.checkbox)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.up_button)
        header.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 6)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.opacity_row)
        layout.addWidget(self.legend)

    def _build_opacity_row(self) -> QWidget:
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setPageStep(10)
        self.opacity_slider.setAccessibleName(_text("opacity_name", title=self.title))
        self.opacity_slider.valueChanged.connect(self._on_opacity)
        wheel_only_when_focused(self.opacity_slider)   # the wheel scrolls the panel
        self.opacity_value = QLabel()
        self.opacity_value.setMinimumWidth(self.opacity_value.fontMetrics().horizontalAdvance(
            _text("percent", value=100)))
        self.opacity_value.setAlignment(Qt.AlignmentFlag.AlignRight
                                        | Qt.AlignmentFlag.AlignVCenter)
        label = QLabel(_text("opacity"))
        label.setBuddy(self.opacity_slider)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(22, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.opacity_slider, 1)
        layout.addWidget(self.opacity_value)
        return row

    def _order_action(self, key: str, pixmap: QStyle.StandardPixmap, delta: int,
                      shortcut: QKeySequence) -> QAction:
        action = QAction(self.style().standardIcon(pixmap), _text(key), self)
        action.setToolTip(_text(f"{key}_tip", title=self.title))
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.order_changed.emit(self.info.id, delta))
        self.addAction(action)
        return action

    def _order_button(self, action: QAction, key: str) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAccessibleName(_text(f"{key}_name", title=self.title))
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (watched is self.title_label and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton):
            self.checkbox.click()
            return True
        return super().eventFilter(watched, event)

    def _on_opacity(self, value: int) -> None:
        self.opacity_value.setText(_text("percent", value=value))
        self.opacity_changed.emit(self.info.id, value / 100)

    def focus_chain(self) -> list[QWidget]:
        return [self.checkbox, self.up_button, self.down_button, self.opacity_slider]

    def update_from(self, visible: bool, opacity: float, can_go_up: bool, can_go_down: bool,
                    legend: list[LegendItem] | None) -> None:
        """Show the state without emitting anything: it is the state, not the user's intent."""
        for widget in (self.checkbox, self.opacity_slider):
            widget.blockSignals(True)
        try:
            self.checkbox.setChecked(visible)
            self.opacity_slider.setValue(round(opacity * 100))
        finally:
            for widget in (self.checkbox, self.opacity_slider):
                widget.blockSignals(False)
        self.opacity_value.setText(_text("percent", value=self.opacity_slider.value()))
        self.up_action.setEnabled(can_go_up)
        self.down_action.setEnabled(can_go_down)
        self.opacity_row.setVisible(visible)
        self.legend.setVisible(visible and bool(legend))
        if legend is not None and legend != self.legend_items:
            self._show_legend(legend)

    def _show_legend(self, items: list[LegendItem]) -> None:
        while self.legend_layout.count():
            self.legend_layout.takeAt(0).widget().deleteLater()
        for row, item in enumerate(items):
            icon = QLabel()
            icon.setPixmap(symbol_icon(item.symbol, LEGEND_ICON_SIZE).pixmap(
                QSize(LEGEND_ICON_SIZE, LEGEND_ICON_SIZE), self.devicePixelRatioF()))
            label = QLabel(model_text(item.label))
            label.setWordWrap(True)
            self.legend_layout.addWidget(icon, row, 0, Qt.AlignmentFlag.AlignTop)
            self.legend_layout.addWidget(label, row, 1)
        self.legend_items = list(items)


class LayerPanel(QWidget):
    """The layers, top-most first, each with its visibility, opacity, order and legend."""

    visibility_changed = Signal(str, bool)
    opacity_changed = Signal(str, float)
    order_changed = Signal(str, int)   # +1: up, drawn later (above); -1: down

    def __init__(self, layers: list[LayerInfo], state: MapState,
                 legend_for: Callable[[str], list[LegendItem]],
                 listed: Callable[[str], bool] = lambda layer_id: True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_text("panel"))
        self.legend_for, self.listed = legend_for, listed
        self.infos = {info.id: info for info in layers}
        # a layer's row is built when the layer is first listed: the received and modified
        # layers often never are (17 rows cost ~0.03 s at start-up)
        self.rows: dict[str, LayerRow] = {}
        self.order: list[str] = []       # top-most first, as shown
        self.container = QWidget()
        self.rows_layout = QVBoxLayout(self.container)
        self.rows_layout.setContentsMargins(2, 2, 2, 2)
        self.rows_layout.setSpacing(0)
        self.rows_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.container)
        help_label = QLabel(_text("panel_help"))
        help_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(help_label)
        layout.addWidget(self.scroll, 1)
        self.refresh(state)

    def row(self, layer_id: str) -> LayerRow:
        """The layer's row, built on first use."""
        if layer_id not in self.rows:
            row = LayerRow(self.infos[layer_id], self.container)
            row.visibility_changed.connect(self.visibility_changed)
            row.opacity_changed.connect(self.opacity_changed)
            row.order_changed.connect(self.order_changed)
            row.hide()
            self.rows[layer_id] = row
        return self.rows[layer_id]

    def refresh(self, state: MapState) -> None:
        """Show `state`: order, visibility, opacity and the current legends. The rows are
        updated in place, so the scroll position and the keyboard focus stay put."""
        order = [setting.layer_id for setting in reversed(state.layers)
                 if setting.layer_id in self.infos and self.listed(setting.layer_id)]
        if order != self.order:
            self._reorder(order)
        for rank, layer_id in enumerate(order):
            setting = state.setting(layer_id)
            legend = self.legend_for(layer_id) if setting.visible else None
            self.rows[layer_id].update_from(setting.visible, setting.opacity,
                                            can_go_up=rank > 0,
                                            can_go_down=rank < len(order) - 1, legend=legend)

    def _reorder(self, order: list[str]) -> None:
        for layer_id in self.order:
            self.rows_layout.removeWidget(self.rows[layer_id])
        for index, layer_id in enumerate(order):
            self.rows_layout.insertWidget(index, self.row(layer_id))
        for layer_id, row in self.rows.items():
            row.setVisible(layer_id in order)
        self.order = order
        # Tab follows what the user sees, top to bottom.
        chain = [widget for layer_id in order for widget in self.rows[layer_id].focus_chain()]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
