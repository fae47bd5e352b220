"""« Carte thématique »: colour the IRIS or the QPV by an indicator.

The panel reports the setting the user builds (`choropleth_changed`); the application applies
it. `set_setting` shows a saved setting without reporting anything. The indicators may come
later than the panel (a function that reads them): they are read when the panel is first shown
or `load_indicators()` is called, and the saved setting is shown again then.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QComboBox, QCompleter, QFormLayout, QGroupBox, QLabel,
                               QSpinBox, QVBoxLayout, QWidget)

from ...models.choropleth import (MAX_CLASSES, METHODS, MIN_CLASSES, ChoroplethLegend,
                                  MappableIndicator)
from ...models.map.map_state import ChoroplethSetting
from ..i18n import Texts
from ..wheel_guard import wheel_only_when_focused
from .legend_view import LegendPanelView

TEXT = Texts("ChoroplethPanel", {
    "panel": QT_TRANSLATE_NOOP("ChoroplethPanel", "Carte thématique"),
    "enable": QT_TRANSLATE_NOOP("ChoroplethPanel", "Colorer la carte selon un indicateur"),
    "layer": QT_TRANSLATE_NOOP("ChoroplethPanel", "Couche\u00a0:"),
    "indicator": QT_TRANSLATE_NOOP("ChoroplethPanel", "Indicateur\u00a0:"),
    "edition": QT_TRANSLATE_NOOP("ChoroplethPanel", "Édition\u00a0:"),
    "method": QT_TRANSLATE_NOOP("ChoroplethPanel", "Méthode\u00a0:"),
    "classes": QT_TRANSLATE_NOOP("ChoroplethPanel", "Classes\u00a0:"),
    "indicator_tip": QT_TRANSLATE_NOOP("ChoroplethPanel", "Tapez un mot pour chercher un "
                                                          "indicateur, ou déroulez la liste."),
    "method_tip": QT_TRANSLATE_NOOP("ChoroplethPanel",
                                    "Comment les valeurs sont réparties entre les couleurs"),
    "classes_tip": QT_TRANSLATE_NOOP("ChoroplethPanel", "Nombre de couleurs de la légende"),
    "qpv_note": QT_TRANSLATE_NOOP("ChoroplethPanel", "Indicateurs INSEE calculés sur la "
                                                     "géographie 2015 des QPV, dessinés sur les "
                                                     "périmètres 2024."),
})
LAYER_TITLES = Texts("ChoroplethPanel", {
    "iris": "IRIS", "qpv": QT_TRANSLATE_NOOP("ChoroplethPanel", "Quartiers prioritaires")})
DEFAULT_CLASSES = 5
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 1   # the MappableIndicator of a row (not on themes)
IndicatorsByLayer = dict[str, list[MappableIndicator]]


def indicator_model(indicators: list[MappableIndicator],
                    parent: QWidget | None = None) -> QStandardItemModel:
    """The indicators under a bold, unselectable heading per theme."""
    model = QStandardItemModel(parent)
    theme = None
    for indicator in indicators:
        if indicator.theme != theme:
            theme = indicator.theme
            heading = QStandardItem(theme)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            model.appendRow(heading)
        item = QStandardItem(indicator.label)
        item.setToolTip(f"{indicator.label} ({indicator.unit}) — {indicator.theme}")
        item.setData(indicator, INDICATOR_ROLE)
        model.appendRow(item)
    return model


class ChoroplethPanel(QWidget):
    choropleth_changed = Signal(object)   # ChoroplethSetting, or None when switched off

    def __init__(self, indicators_by_layer: IndicatorsByLayer | Callable[[], IndicatorsByLayer],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(TEXT["panel"])
        self._read_indicators = indicators_by_layer if callable(indicators_by_layer) else None
        self.indicators_by_layer = {} if callable(indicators_by_layer) else indicators_by_layer
        self._shown: ChoroplethSetting | None = None   # the setting last given to set_setting
        self._quiet = False   # True while the panel fills its own fields

        self.box = QGroupBox(TEXT["enable"])
        self.box.setCheckable(True)
        self.box.setChecked(False)
        self.layer_combo = QComboBox()
        self._fill_layers()
        self.indicator_combo = self._searchable_combo()
        self.edition_combo = QComboBox()
        self.method_combo = QComboBox()
        self.method_combo.setToolTip(TEXT["method_tip"])
        for method, label in METHODS.items():
            self.method_combo.addItem(label, method)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(MIN_CLASSES, MAX_CLASSES)
        self.classes_spin.setValue(DEFAULT_CLASSES)
        self.classes_spin.setToolTip(TEXT["classes_tip"])

        wheel_only_when_focused(self.layer_combo, self.indicator_combo, self.edition_combo,
                                self.method_combo, self.classes_spin)
        form = QFormLayout(self.box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, field in (("layer", self.layer_combo), ("indicator", self.indicator_combo),
                           ("edition", self.edition_combo), ("method", self.method_combo),
                           ("classes", self.classes_spin)):
            form.addRow(TEXT[key], field)
            field.setAccessibleName(TEXT[key].rstrip("\u00a0:"))
        self.note = QLabel(TEXT["qpv_note"])
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.legend_view = LegendPanelView()
        self.legend_view.set_legend(None)
        layout.addWidget(self.legend_view)
        layout.addWidget(self.note)
        layout.addStretch(1)

        self._fill_indicators()
        self.box.toggled.connect(self._toggled)
        self.layer_combo.currentIndexChanged.connect(self._on_layer)
        self.indicator_combo.currentIndexChanged.connect(self._on_indicator)
        for signal in (self.edition_combo.currentIndexChanged,
                       self.method_combo.currentIndexChanged, self.classes_spin.valueChanged):
            signal.connect(self._changed)

    def _fill_layers(self) -> None:
        for layer_id, title in LAYER_TITLES.items():
            if self.indicators_by_layer.get(layer_id):
                self.layer_combo.addItem(title, layer_id)

    def load_indicators(self) -> None:
        """Read the indicators now if they were left for later, and show the saved setting
        with them."""
        if self._read_indicators is None:
            return
        read, self._read_indicators = self._read_indicators, None
        self.indicators_by_layer = read()
        with self._filling():
            self._fill_layers()
        self.set_setting(self._shown)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.load_indicators()
        super().showEvent(event)

    def _searchable_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setToolTip(TEXT["indicator_tip"])
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # Typed text that names no indicator gives way to the chosen one when the field is left.
        combo.lineEdit().editingFinished.connect(
            lambda: combo.setEditText(combo.itemText(combo.currentIndex())))
        return combo

    # -- reading and writing the fields ----------------------------------------------------
    def layer_id(self) -> str | None:
        return self.layer_combo.currentData()

    def indicator(self) -> MappableIndicator | None:
        return self.indicator_combo.currentData(INDICATOR_ROLE)

    def setting(self) -> ChoroplethSetting | None:
        """What the fields say, or None when the map is not coloured."""
        indicator = self.indicator()
        if not self.box.isChecked() or indicator is None:
            return None
        return ChoroplethSetting(self.layer_id(), indicator.id, self.edition_combo.currentData(),
                                 self.method_combo.currentData(), self.classes_spin.value())

    def set_setting(self, setting: ChoroplethSetting | None) -> None:
        """Show a saved setting (None: map not coloured) without emitting anything."""
        self._shown = setting
        with self._filling():
            self.box.setChecked(setting is not None)
            if setting is not None:
                self._select(self.layer_combo, self.layer_combo.findData(setting.layer_id))
                self._fill_indicators(setting.indicator_id)
                self._select(self.edition_combo, self.edition_combo.findData(setting.edition))
                self._select(self.method_combo, self.method_combo.findData(setting.method))
                self.classes_spin.setValue(setting.classes)
        self._update_note()

    @contextmanager
    def _filling(self) -> Iterator[None]:
        """The panel fills its own fields: not the user's intent, nothing to emit."""
        quiet, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = quiet

    @staticmethod
    def _select(combo: QComboBox, index: int) -> None:
        if index >= 0:
            combo.setCurrentIndex(index)

    def _fill_indicators(self, indicator_id: str | None = None) -> None:
        """List the current layer's indicators, keeping `indicator_id` (or the current one)
        selected when the layer has it."""
        current = self.indicator()
        wanted = indicator_id or (current.id if current else None)
        indicators = self.indicators_by_layer.get(self.layer_id(), [])
        with self._filling():
            # The combo deletes the model it replaces, since it is its parent.
            self.indicator_combo.setModel(indicator_model(indicators, self.indicator_combo))
            rows = [row for row in range(self.indicator_combo.count())
                    if self.indicator_combo.itemData(row, INDICATOR_ROLE) is not None]
            chosen = next((row for row in rows if self.indicator_combo.itemData(
                row, INDICATOR_ROLE).id == wanted), rows[0] if rows else -1)
            self.indicator_combo.setCurrentIndex(chosen)
            self._fill_editions()
        self._update_note()

    def _fill_editions(self) -> None:
        """The indicator's editions, the latest first and chosen: a new indicator starts
        with its most recent figures."""
        indicator = self.indicator()
        with self._filling():
            self.edition_combo.clear()
            for edition in sorted(indicator.editions if indicator else (), reverse=True):
                self.edition_combo.addItem(str(edition), edition)

    def set_legend(self, legend: ChoroplethLegend | None) -> None:
        """The legend of the map as drawn (None: the map is not coloured)."""
        self.legend_view.set_legend(legend)

    def _update_note(self) -> None:
        self.note.setVisible(self.layer_id() == "qpv")

    # -- the user's changes --------------------------------------------------------------
    def _on_layer(self) -> None:
        self._fill_indicators()
        self._changed()

    def _on_indicator(self) -> None:
        self._fill_editions()
        self._changed()

    def _toggled(self) -> None:
        if not self._quiet:
            self.choropleth_changed.emit(self.setting())

    def _changed(self) -> None:
        if self.box.isChecked():
            self._toggled()
