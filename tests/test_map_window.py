"""The map inside the main window, driven as a user would: layers, search, identify,
choropleth, basemap, and the state kept between sessions."""
from __future__ import annotations

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from qpvdesk.models.map.map_state import ChoroplethSetting
from qpvdesk.views.main_window import MainWindow
from qt_helpers import settle

popups = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def window(qtbot, reference, workspace, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    win = MainWindow(reference, workspace)
    win.warnings = shown
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def qpv_pixel(win, code="QN06228M"):
    layer = win.controller.composer.layers["qpv"]
    point = layer.label_points[layer.keys.index(code)]
    x, y = win.map_canvas.viewport.to_screen(point[0], point[1])
    return QPoint(int(x), int(y))


def reddish_share(win, code="QN06228M") -> float:
    """Share of the canvas image's pixels inside a QPV that look like the QPV fill."""
    layer = win.controller.composer.layers["qpv"]
    polygon = layer.geometries[layer.keys.index(code)]
    xmin, ymin, xmax, ymax = polygon.bounds
    image, viewport, hits, total = win.map_canvas.image, win.map_canvas.viewport, 0, 0
    for x in np.linspace(xmin, xmax, 25):
        for y in np.linspace(ymin, ymax, 25):
            if polygon.contains(shapely.Point(x, y)):
                px, py = viewport.to_screen(x, y)
                color = image.pixelColor(int(px), int(py))
                total += 1
                hits += color.red() > color.green() + 40
    return hits / total


def test_map_opens_on_the_whole_territory_with_the_qpv_drawn(window):
    epci = window.controller.composer.layers["epci"].bounds
    xmin, ymin, xmax, ymax = window.map_canvas.viewport.bbox
    assert xmin <= epci[0] and ymin <= epci[1] and xmax >= epci[2] and ymax >= epci[3]
    assert reddish_share(window) > 0.6   # the reddish QPV fill


def test_unticking_the_qpv_layer_removes_it_from_the_map(qtbot, window):
    window.layer_panel.row("qpv").checkbox.click()
    settle(qtbot, window)
    assert window.controller.state.setting("qpv").visible is False
    assert reddish_share(window) < 0.3   # only the cités minières' brown is left


@popups
def test_search_lievin_zooms_to_the_commune_and_describes_it(qtbot, window):
    box = window.search_box
    qtbot.keyClicks(box, "lievin")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.identify_panel.title.text() == "Commune : Liévin"
    lievin = window.controller.composer.layers["communes"]
    index = lievin.keys.index("62510")
    xmin, ymin, xmax, ymax = window.map_canvas.viewport.bbox
    ext = lievin.extents[index]
    assert xmin <= ext[0] and xmax >= ext[2] and (xmax - xmin) < 20_000


def test_clicking_a_qpv_identifies_it_and_offers_its_fiche(qtbot, window):
    qtbot.mouseClick(window.map_canvas, Qt.MouseButton.LeftButton, pos=qpv_pixel(window))
    assert "Calonne" in window.identify_panel.title.text()
    assert window.identify_panel.open_button.isEnabled()
    assert window.map_canvas.highlight is not None


def test_choropleth_legend_lists_classes_and_absent_data(qtbot, window):
    window.controller.set_choropleth(ChoroplethSetting("iris", "FILO.DISP_MED", 2019,
                                                       "quantiles", 5))
    settle(qtbot, window)
    labels = [item.label for item in window.controller.composer.legend_for("iris")]
    assert len([label for label in labels if label.startswith("de ")]) == 5
    assert any(label.startswith("Non publié") for label in labels)
    assert all("\u202f" in label or "publié" in label for label in labels)  # 14 500-style


def test_bad_basemap_is_refused_and_changes_nothing(qtbot, window, tmp_path):
    bad = tmp_path / "fond.mbtiles"
    bad.write_bytes(b"\x00" * 100)
    assert window.controller.open_basemap(str(bad)) is False
    assert window.controller.state.basemap_path is None
    assert window.warnings and "MBTiles" in window.warnings[0]


def test_the_map_reopens_as_it_was_left(qtbot, reference, workspace, window):
    window.layer_panel.row("communes").checkbox.click()
    window.map_canvas.zoom_by(2.0)
    viewport = window.map_canvas.viewport
    window.close()
    again = MainWindow(reference, workspace)
    qtbot.addWidget(again)
    assert again.controller.state.setting("communes").visible is False
    restored = again.controller.state.viewport
    assert restored.resolution == pytest.approx(viewport.resolution)
    assert restored.center_x == pytest.approx(viewport.center_x)


def test_darkest_class_marks_the_unfavourable_end(reference):
    from qpvdesk.models.map.layers import load_reference_layers
    from qpvdesk.models.map.thematic import build_thematic

    iris = load_reference_layers(reference)["iris"]
    income = build_thematic(reference, iris, ChoroplethSetting("iris", "FILO.DISP_MED", 2019))
    poverty = build_thematic(reference, iris, ChoroplethSetting("iris", "FILO.DISP_TP60", 2019))
    # low income is unfavourable: its first class (lowest values) gets the darkest colour
    income_classes = [item for item in income.legend if item.label.startswith("de ")]
    poverty_classes = [item for item in poverty.legend if item.label.startswith("de ")]
    assert income_classes[0].symbol.fill == poverty_classes[-1].symbol.fill
    assert income_classes[-1].symbol.fill == poverty_classes[0].symbol.fill
    assert income.legend[0].label.startswith("de ") and "€" in income.legend[0].label


def test_fiche_opens_from_the_map_identify_panel(qtbot, window):
    qtbot.mouseClick(window.map_canvas, Qt.MouseButton.LeftButton, pos=qpv_pixel(window))
    with qtbot.waitSignal(window.identify_panel.open_fiche) as opened:
        window.identify_panel.open_button.click()
    assert opened.args == ["QN06228M"]
    fiches = [w for w in window.findChildren(QWidget) if w.isWindow()
              and w.windowTitle().startswith("Fiche du quartier")]
    assert fiches and "Calonne" in fiches[-1].windowTitle()


@popups
def test_fiche_opens_from_the_indicator_table(qtbot, window):
    table = window.show_indicator_table()
    qtbot.addWidget(table)
    with qtbot.waitSignal(table.fiche_requested) as requested:
        table.fiche_requested.emit("QN06224M")   # what a double-click on a row emits
    fiche = window.open_fiche(requested.args[0])
    qtbot.addWidget(fiche)
    assert fiche.windowTitle() == "Fiche du quartier — Cité 12-14"
