"""The map's side panels: layers and legend, identify, search, choropleth."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from qpvdesk.models.choropleth import mappable_indicators
from qpvdesk.models.map.map_state import ChoroplethSetting, MapState
from qpvdesk.models.map.styles import (HIDDEN_BY_DEFAULT, LAYERS, LegendItem, Symbol,
                                       default_legend)
from qpvdesk.models.search import SearchIndex
from qpvdesk.views.map.choropleth_panel import ChoroplethPanel
from qpvdesk.views.map.identify_panel import IdentifyPanel
from qpvdesk.views.map.layer_panel import LayerPanel
from qpvdesk.views.map.legend_icons import symbol_pixmap
from qpvdesk.views.map.search_box import SearchBox

LAYER_IDS = [info.id for info in LAYERS]
# The offscreen platform cannot raise the completer's popup nor let it grab the keyboard; it
# says so on every popup. Not our warning.
offscreen_popups = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def state() -> MapState:
    return MapState.default(LAYER_IDS, HIDDEN_BY_DEFAULT)


@pytest.fixture
def panel(qtbot, state) -> LayerPanel:
    widget = LayerPanel(list(LAYERS), state, default_legend)
    qtbot.addWidget(widget)
    widget.resize(320, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def legend_texts(panel: LayerPanel, layer_id: str) -> list[str]:
    layout = panel.row(layer_id).legend_layout
    return [layout.itemAtPosition(row, 1).widget().text() for row in range(layout.rowCount())
            if layout.itemAtPosition(row, 1) is not None]


# -- legend icons ------------------------------------------------------------------------
def _color_at(symbol: Symbol, x: int, y: int) -> str:
    return QImage(symbol_pixmap(symbol, 18).toImage()).pixelColor(x, y).name()


def test_swatches_draw_fill_outline_and_point_shapes(qtbot):
    red = Symbol("polygon", "#ff0000", "#0000ff", 1.0)
    assert _color_at(red, 9, 9) == "#ff0000"
    assert _color_at(red, 1, 9) == "#0000ff"          # the outline
    square = Symbol("point", "#00ff00", None, 0.0, size=12, shape="square")
    triangle = Symbol("point", "#00ff00", None, 0.0, size=12, shape="triangle")
    assert _color_at(square, 4, 4) == "#00ff00"       # a square fills its corner...
    assert _color_at(triangle, 4, 4) != "#00ff00"     # ...a triangle does not


def test_hatched_swatch_differs_from_plain(qtbot):
    plain = Symbol("polygon", "#bdbdbd", "#5a5a5a", 0.6)
    hatched = Symbol("polygon", "#bdbdbd", "#5a5a5a", 0.6, hatched=True)
    colours = {_color_at(hatched, x, y) for x in range(3, 15) for y in range(3, 15)}
    assert len(colours) > 1                          # stripes
    assert symbol_pixmap(plain).toImage() != symbol_pixmap(hatched).toImage()


# -- layer panel -----------------------------------------------------------------------------
def test_layers_listed_top_most_first(panel):
    assert panel.order == list(reversed(LAYER_IDS))
    assert not panel.row(LAYER_IDS[-1]).up_action.isEnabled()
    assert not panel.row(LAYER_IDS[0]).down_action.isEnabled()
    assert panel.row("qpv").title_label.text() == "Quartiers prioritaires 2024"
    assert panel.row("qpv").checkbox.accessibleName() == "Quartiers prioritaires 2024"


def test_checkbox_emits_intent_and_leaves_state_alone(qtbot, panel, state):
    assert state.setting("qpv").visible
    with qtbot.waitSignal(panel.visibility_changed) as blocker:
        qtbot.mouseClick(panel.row("qpv").checkbox, Qt.MouseButton.LeftButton)
    assert blocker.args == ["qpv", False]
    assert state.setting("qpv").visible            # the app, not the panel, changes it


def test_clicking_a_title_toggles_its_layer(qtbot, panel):
    with qtbot.waitSignal(panel.visibility_changed) as blocker:
        qtbot.mouseClick(panel.row("iris").title_label, Qt.MouseButton.LeftButton)
    assert blocker.args == ["iris", True]


def test_refresh_shows_hidden_layer_unchecked_without_legend(qtbot, panel, state):
    row = panel.row("qpv")
    assert row.checkbox.isChecked() and row.legend.isVisibleTo(panel)
    assert legend_texts(panel, "qpv") == ["Périmètre QPV 2024"]
    state.set_visible("qpv", False)
    with qtbot.assertNotEmitted(panel.visibility_changed):
        panel.refresh(state)
    assert not row.checkbox.isChecked()
    assert not row.legend.isVisibleTo(panel)
    assert not row.opacity_slider.isVisibleTo(panel)


def test_refresh_updates_the_legend(panel, state):
    choropleth = [LegendItem(Symbol("polygon", "#ffffb2", "#5a5a5a", 0.6), "de 1 à 2 %"),
                  LegendItem(Symbol("polygon", "#bdbdbd", "#5a5a5a", 0.6, hatched=True),
                             "Secret statistique (3)")]
    panel.legend_for = lambda layer_id: choropleth if layer_id == "qpv" else []
    panel.refresh(state)
    assert legend_texts(panel, "qpv") == ["de 1 à 2 %", "Secret statistique (3)"]


def test_opacity_slider_emits_fraction(qtbot, panel, state):
    slider = panel.row("communes").opacity_slider
    assert slider.value() == 100
    with qtbot.waitSignal(panel.opacity_changed) as blocker:
        slider.setValue(40)
    assert blocker.args == ["communes", pytest.approx(0.4)]
    assert panel.row("communes").opacity_value.text() == "40\u00a0%"
    assert state.setting("communes").opacity == 1.0


def wheel(widget, notches: int = -3) -> None:
    """A real mouse-wheel event (down for negative notches) at the widget's centre."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_slider_scrolls_the_panel_until_the_slider_is_clicked(qtbot, panel):
    panel.resize(320, 260)          # shorter than its layers: the panel scrolls
    qtbot.wait(0)                   # the layout settles (no time assumed)
    scroll_bar = panel.scroll.verticalScrollBar()
    top_layer = next(layer_id for layer_id in panel.order
                     if panel.row(layer_id).opacity_row.isVisible())
    slider = panel.row(top_layer).opacity_slider          # under the pointer, at the top
    assert scroll_bar.maximum() > 0 and scroll_bar.value() == 0 and not slider.hasFocus()
    with qtbot.assertNotEmitted(panel.opacity_changed):
        wheel(slider)
    assert slider.value() == 100 and scroll_bar.value() > 0
    slider.setFocus()               # clicked or tabbed to: the wheel is the slider's
    with qtbot.waitSignal(panel.opacity_changed) as changed:
        wheel(slider, -1)
    assert changed.args[0] == top_layer and slider.value() < 100


def test_order_buttons_emit_plus_and_minus_one(qtbot, panel, state):
    row = panel.row("communes")
    with qtbot.waitSignal(panel.order_changed) as blocker:
        qtbot.mouseClick(row.up_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["communes", 1]
    with qtbot.waitSignal(panel.order_changed) as blocker:
        qtbot.mouseClick(row.down_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["communes", -1]
    assert [s.layer_id for s in state.layers] == LAYER_IDS


def test_refresh_follows_new_order_and_keeps_scroll(qtbot, panel, state):
    panel.resize(320, 250)
    scrollbar = panel.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: scrollbar.maximum() > 0)     # laid out at the new size
    scrollbar.setValue(scrollbar.maximum() // 2)
    position = scrollbar.value()
    state.move("iris", 2)
    state.set_visible("iris", True)
    panel.refresh(state)
    assert panel.order == [s.layer_id for s in reversed(state.layers)]
    assert panel.order[-3] == "iris"
    assert scrollbar.value() == position


def test_layer_widgets_have_french_accessible_names(panel):
    row = panel.row("qpv")
    assert row.up_button.accessibleName() == "Monter la couche « Quartiers prioritaires 2024 »"
    assert row.down_action.text() == "Descendre"
    assert row.opacity_slider.accessibleName().startswith("Opacité")


# -- identify panel --------------------------------------------------------------------------
@pytest.fixture
def identify(qtbot) -> IdentifyPanel:
    widget = IdentifyPanel()
    qtbot.addWidget(widget)
    return widget


def test_identify_shows_rows_and_opens_the_qpv_fiche(qtbot, identify):
    identify.show_feature("Quartier prioritaire : Cité 9", [("Code 2024", "QN06206M"),
                                                            ("Superficie", "37,5\u00a0ha")],
                          qpv_code="QN06206M")
    assert identify.title.text() == "Quartier prioritaire : Cité 9"
    assert identify.table.rowCount() == 2
    assert identify.table.item(1, 0).text() == "Superficie"
    assert identify.table.item(1, 1).text() == "37,5\u00a0ha"
    assert identify.table.editTriggers() == identify.table.EditTrigger.NoEditTriggers
    assert identify.open_button.isEnabled()
    with qtbot.waitSignal(identify.open_fiche) as blocker:
        qtbot.mouseClick(identify.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["QN06206M"]


def test_identify_offers_no_fiche_outside_qpv_and_clears_to_hint(qtbot, identify):
    identify.show_feature("Commune : Liévin", [("Code INSEE", "62510")])
    assert not identify.open_button.isEnabled()
    with qtbot.assertNotEmitted(identify.open_fiche):
        qtbot.mouseClick(identify.open_button, Qt.MouseButton.LeftButton)
    identify.clear()
    assert identify.table.rowCount() == 0
    assert identify.hint.isVisibleTo(identify) and not identify.table.isVisibleTo(identify)
    assert identify.hint.text() == ("Cliquez sur un élément de la carte pour afficher ses "
                                    "informations.")


# -- search box ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def search_index(reference) -> SearchIndex:
    return SearchIndex(reference)


@pytest.fixture
def search_box(qtbot, search_index) -> SearchBox:
    widget = SearchBox(search_index)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@offscreen_popups
def test_search_suggests_and_enter_chooses_first_result(qtbot, search_box):
    assert search_box.placeholderText() == "Rechercher une commune, un QPV, un IRIS…"
    qtbot.keyClicks(search_box, "lievin")
    assert search_box.suggestions.rowCount() > 0
    assert search_box.suggestions.item(0).text().startswith("Liévin")
    with qtbot.waitSignal(search_box.result_chosen) as blocker:
        qtbot.keyClick(search_box, Qt.Key.Key_Return)
    result = blocker.args[0]
    assert (result.kind, result.code) == ("commune", "62510")
    assert not search_box.completer().popup().isVisible()


@offscreen_popups
def test_search_choosing_a_suggestion_emits_it(qtbot, search_box):
    qtbot.keyClicks(search_box, "lievin")
    popup = search_box.completer().popup()
    assert popup.isVisible()
    with qtbot.waitSignal(search_box.result_chosen) as blocker:
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    chosen = blocker.args[0]
    assert chosen == search_box.suggestions.item(1).data(Qt.ItemDataRole.UserRole + 1)
    assert search_box.text() == chosen.label


@offscreen_popups
def test_search_without_match_says_so(qtbot, search_box):
    qtbot.keyClicks(search_box, "zzqxw")
    assert search_box.suggestions.rowCount() == 0
    with qtbot.assertNotEmitted(search_box.result_chosen):
        with qtbot.waitSignal(search_box.message) as blocker:
            qtbot.keyClick(search_box, Qt.Key.Key_Return)
    assert blocker.args == ["Aucun résultat pour «\u00a0zzqxw\u00a0»"]


# -- choropleth panel ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def indicators(reference) -> dict:
    return {layer: mappable_indicators(reference, layer) for layer in ("iris", "qpv")}


@pytest.fixture
def choropleth(qtbot, indicators) -> ChoroplethPanel:
    widget = ChoroplethPanel(indicators)
    qtbot.addWidget(widget)
    return widget


def select_indicator(panel: ChoroplethPanel, indicator_id: str) -> None:
    combo = panel.indicator_combo
    row = next(row for row in range(combo.count())
               if getattr(combo.itemData(row, Qt.ItemDataRole.UserRole + 1), "id", None)
               == indicator_id)
    combo.setCurrentIndex(row)


def test_checking_the_box_emits_the_setting(qtbot, choropleth, indicators):
    assert choropleth.layer_id() == "iris"
    with qtbot.assertNotEmitted(choropleth.choropleth_changed):
        select_indicator(choropleth, "FILO.DISP_MED")     # not coloured yet: nothing to say
    with qtbot.waitSignal(choropleth.choropleth_changed) as blocker:
        choropleth.box.setChecked(True)
    setting = blocker.args[0]
    latest = max(next(i for i in indicators["iris"] if i.id == "FILO.DISP_MED").editions)
    assert setting == ChoroplethSetting("iris", "FILO.DISP_MED", latest, "quantiles", 5)
    with qtbot.waitSignal(choropleth.choropleth_changed) as blocker:
        choropleth.box.setChecked(False)
    assert blocker.args == [None]


def test_changing_classes_and_method_emit(qtbot, choropleth):
    choropleth.box.setChecked(True)
    with qtbot.waitSignal(choropleth.choropleth_changed) as blocker:
        choropleth.classes_spin.setValue(7)
    assert blocker.args[0].classes == 7
    assert (choropleth.classes_spin.minimum(), choropleth.classes_spin.maximum()) == (3, 7)
    with qtbot.waitSignal(choropleth.choropleth_changed) as blocker:
        choropleth.method_combo.setCurrentIndex(choropleth.method_combo.findData("jenks"))
    assert blocker.args[0].method == "jenks" and blocker.args[0].classes == 7


def test_indicators_grouped_by_theme(choropleth, indicators):
    combo = choropleth.indicator_combo
    themes = {i.theme for i in indicators["iris"]}
    headings = [combo.itemText(row) for row in range(combo.count())
                if combo.itemData(row, Qt.ItemDataRole.UserRole + 1) is None]
    assert sorted(headings) == sorted(themes)
    assert combo.count() == len(indicators["iris"]) + len(themes)


def test_qpv_layer_lists_qpv_indicators_and_shows_the_geography_note(qtbot, choropleth,
                                                                     indicators):
    choropleth.box.setChecked(True)
    assert choropleth.note.isHidden()
    with qtbot.waitSignal(choropleth.choropleth_changed) as blocker:
        choropleth.layer_combo.setCurrentIndex(choropleth.layer_combo.findData("qpv"))
    setting = blocker.args[0]
    assert setting.layer_id == "qpv"
    assert setting.indicator_id in {i.id for i in indicators["qpv"]}
    assert not choropleth.note.isHidden()
    assert "géographie 2015" in choropleth.note.text()


def test_set_setting_restores_without_emitting(qtbot, choropleth, indicators):
    indicator = indicators["qpv"][-1]
    saved = ChoroplethSetting("qpv", indicator.id, indicator.editions[0], "equal_interval", 4)
    with qtbot.assertNotEmitted(choropleth.choropleth_changed):
        choropleth.set_setting(saved)
    assert choropleth.setting() == saved
    assert choropleth.indicator_combo.currentText() == indicator.label
    with qtbot.assertNotEmitted(choropleth.choropleth_changed):
        choropleth.set_setting(None)
    assert choropleth.setting() is None


def test_alt_arrows_move_the_focused_layer(qtbot, panel):
    panel.activateWindow()
    checkbox = panel.row("qpv").checkbox
    checkbox.setFocus()
    qtbot.waitUntil(checkbox.hasFocus)
    with qtbot.waitSignal(panel.order_changed) as blocker:
        qtbot.keyClick(checkbox, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == ["qpv", 1]
    with qtbot.waitSignal(panel.order_changed) as blocker:
        qtbot.keyClick(checkbox, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == ["qpv", -1]


@offscreen_popups
def test_indicator_found_by_typing_part_of_its_name(qtbot, choropleth, indicators):
    choropleth.show()
    choropleth.box.setChecked(True)
    choropleth.edition_combo.setCurrentIndex(choropleth.edition_combo.findData(2015))
    combo = choropleth.indicator_combo
    gini = next(i for i in indicators["iris"] if i.id == "FILO.DISP_GI")
    assert choropleth.indicator() != gini
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "gini")     # QTest types ASCII only
    completer = combo.completer()
    assert completer.popup().isVisible()
    assert [completer.completionModel().index(row, 0).data()
            for row in range(completer.completionCount())] == [gini.label]
    with qtbot.waitSignal(choropleth.choropleth_changed) as blocker:
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    # A new indicator starts with its latest edition.
    assert blocker.args[0] == ChoroplethSetting("iris", gini.id, max(gini.editions))
