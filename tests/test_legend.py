"""The choropleth's titled legend: what it says (models), how it is drawn (render, no widget),
where it shows (over the map, in « Analyse thématique », in snapshots)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from qpvdesk.cli import main
from qpvdesk.models.choropleth import NO_DATA_COLORS
from qpvdesk.models.map.layers import load_reference_layers
from qpvdesk.models.map.map_state import ChoroplethSetting
from qpvdesk.models.map.thematic import build_thematic
from qpvdesk.render.legend import (LegendStyle, draw_legend, draw_legend_on_image,
                                   legend_size)
from qpvdesk.views.main_window import MainWindow


@pytest.fixture(scope="module")
def layers(reference):
    return load_reference_layers(reference)


def legend_of(reference, layers, layer_id, indicator, edition=None, method="quantiles",
              classes=5):
    setting = ChoroplethSetting(layer_id, indicator, edition, method, classes)
    return build_thematic(reference, layers[layer_id], setting).key


# -- what it says -----------------------------------------------------------------------------
def test_the_legend_names_the_indicator_its_year_and_method(reference, layers):
    income = legend_of(reference, layers, "iris", "FILO.DISP_MED", 2019)
    assert income.title == "Revenu disponible médian par UC (€ par UC)"
    assert income.subtitle == "Année 2019 · Quantiles"
    assert income.territories == "IRIS"
    employment = legend_of(reference, layers, "qpv", "IPRO.TX_TOT_EMPL", method="jenks")
    assert employment.subtitle == "Édition 2022 · Seuils naturels (Jenks)"   # the latest
    assert employment.territories == "QPV" and "géographie 2015" in employment.note


def test_every_territory_is_counted_once(reference, layers):
    allocations = legend_of(reference, layers, "iris", "CAF.A", 2017)
    kinds = [entry.kind for entry in allocations.entries]
    assert kinds == ["class"] * 5 + ["secret", "non_publie"]
    assert sum(entry.count for entry in allocations.entries) == len(layers["iris"])
    secret = next(entry for entry in allocations.entries if entry.kind == "secret")
    assert secret.name == "Secret" and secret.count == 7   # 7 IRIS secret in 2017
    assert all(entry.name.startswith("de ") for entry in allocations.entries[:5])
    assert allocations.entries[0].name.endswith("\u00a0allocataires")
    # the title states the unit; the rows give the bounds alone
    assert allocations.title.endswith("(allocataires)")
    rows = [allocations.row_text(entry) for entry in allocations.entries]
    assert rows[0] == allocations.entries[0].name.removesuffix("\u00a0allocataires")
    assert rows[-2:] == ["Secret", "Non publié"]


# -- how it is drawn ---------------------------------------------------------------------------
def colours_in(image: QImage, x0: int, y0: int, x1: int, y1: int) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(x0, x1) for y in range(y0, y1)}


def test_the_legend_draws_every_class_colour_in_a_box_of_its_size(qapp, reference, layers):
    legend = legend_of(reference, layers, "iris", "CAF.A", 2017)
    font = QFont("DejaVu Sans")
    font.setPixelSize(12)
    style = LegendStyle(font, max_width=260)
    size = legend_size(legend, style)
    assert size.width() <= 260 and size.height() > 12 * (len(legend.entries) + 2)
    image = QImage(400, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    box = draw_legend(painter, legend, QPointF(20, 30), style)
    painter.end()
    assert (box.x(), box.y(), box.width(), box.height()) == (20, 30, size.width(), size.height())
    inside = colours_in(image, 20, 30, int(box.right()), int(box.bottom()))
    assert {entry.color for entry in legend.entries if entry.kind == "class"} <= inside
    assert NO_DATA_COLORS["non_publie"] in inside
    assert colours_in(image, int(box.right()) + 2, 0, 400, 400) == {"#000000"}   # nothing out


def test_a_snapshot_with_a_choropleth_carries_its_legend(qapp, reference_path, tmp_path):
    coloured, plain = tmp_path / "coloured.png", tmp_path / "plain.png"
    assert main(["--reference", str(reference_path), "snapshot", "--out", str(coloured),
                 "--width", "900", "--height", "600", "--choropleth", "FILO.DISP_MED",
                 "--edition", "2019"]) == 0
    assert main(["--reference", str(reference_path), "snapshot", "--out", str(plain),
                 "--width", "900", "--height", "600"]) == 0
    with_legend, without = QImage(str(coloured)), QImage(str(plain))
    corner = (640, 420, 900, 600)               # bottom-right, where the legend goes
    palette = {"#bd0026", "#f03b20", "#fd8d3c", "#fecc5c", "#ffffb2"}
    assert len(palette & colours_in(with_legend, *corner)) == 5
    assert not palette & colours_in(without, *corner)
    # the IRIS are coloured too (the choropleth's layer is shown, as in the app)
    changed = sum(with_legend.pixelColor(x, y) != without.pixelColor(x, y)
                  for x in range(0, 600, 4) for y in range(0, 600, 4))
    assert changed > 0.15 * (150 * 150)


def test_draw_legend_on_image_sizes_its_type_to_the_picture(qapp, reference, layers):
    legend = legend_of(reference, layers, "iris", "FILO.DISP_MED", 2019)
    small, large = (QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
                    for w, h in ((800, 500), (1600, 1000)))
    boxes = []
    for image in (small, large):
        image.fill(QColor("#f4f3ee"))
        boxes.append(draw_legend_on_image(image, legend))
    assert boxes[1].height() > boxes[0].height() * 1.3
    for image, box in zip((small, large), boxes):
        assert box.right() < image.width() and box.bottom() < image.height()
        assert box.width() * box.height() < 0.2 * image.width() * image.height()


# -- where it shows in the app ---------------------------------------------------------------
@pytest.fixture
def window(qtbot, reference, workspace):
    win = MainWindow(reference, workspace)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_legend_shows_on_the_map_and_in_the_analysis_tab(qtbot, window):
    overlay, panel_view = window.legend_overlay, window.choropleth_panel.legend_view
    assert not overlay.isVisible() and not panel_view.isVisibleTo(window.choropleth_panel)
    window.controller.set_choropleth(ChoroplethSetting("iris", "FILO.DISP_MED", 2019))
    assert overlay.isVisible() and overlay.legend == window.controller.composer.thematic.key
    assert panel_view.legend == overlay.legend and panel_view.isVisibleTo(window.choropleth_panel)
    canvas = window.map_canvas
    geometry = overlay.geometry()
    assert canvas.rect().contains(geometry)
    assert geometry.right() > canvas.width() * 0.75 and geometry.bottom() > canvas.height() * 0.6
    assert geometry.width() * geometry.height() < 0.2 * canvas.width() * canvas.height()
    assert "Revenu disponible médian" in overlay.accessibleDescription()
    # the legend leaves with its layer, and with the switch in Affichage
    window.layer_panel.row("iris").checkbox.click()
    assert not overlay.isVisible() and not panel_view.isVisibleTo(window.choropleth_panel)
    window.layer_panel.row("iris").checkbox.click()
    assert overlay.isVisible()
    window.legend_action.trigger()
    assert not overlay.isVisible() and panel_view.isVisibleTo(window.choropleth_panel)
    window.legend_action.trigger()
    window.controller.set_choropleth(None)
    assert not overlay.isVisible() and not panel_view.isVisibleTo(window.choropleth_panel)


def test_a_click_on_the_legend_reaches_the_map(qtbot, window):
    window.controller.set_choropleth(ChoroplethSetting("iris", "FILO.DISP_MED", 2019))
    centre = window.legend_overlay.geometry().center()
    with qtbot.waitSignal(window.pan_tool.identify_requested) as clicked:
        qtbot.mouseClick(window.map_canvas, Qt.MouseButton.LeftButton, pos=QPoint(centre))
    x, y = window.map_canvas.viewport.to_map(centre.x(), centre.y())
    assert clicked.args == pytest.approx([float(x), float(y)])


def test_the_legend_is_drawn_on_the_canvas(qtbot, window):
    window.controller.set_choropleth(ChoroplethSetting("iris", "CAF.A", 2017))
    overlay = window.legend_overlay
    picture = window.map_canvas.grab().toImage()
    geometry = overlay.geometry()
    inside = colours_in(picture, geometry.x(), geometry.y(), geometry.right(),
                        geometry.bottom())
    classes = {entry.color for entry in overlay.legend.entries if entry.kind == "class"}
    assert classes <= inside
    hatched = np.array([[picture.pixelColor(x, y).name() for x in range(geometry.x(),
                                                                     geometry.right())]
                        for y in range(geometry.y(), geometry.bottom())])
    assert (hatched == "#d9d9d9").any()      # the hatched swatch of the secret values
