"""The Propositions panel and the map answer each other: the title stays readable, a row
chosen outlines its proposal, a proposal clicked selects its row, a deleted one leaves no
outline; a click inside a commune names the commune."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from qpvdesk.models.proposals import EQUIPEMENT, PERIMETRE, QUARTIER_VECU
from qpvdesk.views.main_window import MainWindow

from proposal_fixtures import EQUIPMENT_FIELDS, QPV, places  # noqa: F401 (fixtures)

LONG_TITLE = "Jardins partagés et terrain de jeux de la résidence des Provinces"


@pytest.fixture
def window(qtbot, reference, workspace):
    win = MainWindow(reference, workspace)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(100)
    win.map_canvas.wait_for_render()
    return win


def add_three(window, places):  # noqa: F811
    store = window.proposals.store
    made = [store.add(QUARTIER_VECU, places.square(places.inside, 80),
                      {"title": LONG_TITLE, "qpv_code": QPV}),
            store.add(PERIMETRE, places.touching_square,
                      {"qpv_code": QPV, "nature": "ajout", "justification": "Rue oubliée",
                       "title": "Rue des Écoles"}),
            store.add(EQUIPEMENT, places.near, EQUIPMENT_FIELDS)]
    window.proposals.refresh()
    return made


def test_title_column_stays_readable_in_the_narrow_panel(qtbot, window, places):  # noqa: F811
    add_three(window, places)
    panel = window.proposals.list_panel
    panel.parentWidget().raise_()
    panel.resize(300, 400)
    qtbot.wait(50)
    table = panel.table
    title_width = table.columnWidth(1)
    assert title_width >= 140
    shown = table.fontMetrics().elidedText("Rue des Écoles", Qt.TextElideMode.ElideRight,
                                           title_width - 8)
    assert shown == "Rue des Écoles"            # a short title whole, never « … » alone
    row = panel.uuids().index(window.proposals.store.list()[0].uuid)
    tip = table.model().index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert LONG_TITLE in tip                    # the long one whole in its tooltip


def test_row_and_map_answer_each_other(qtbot, window, places):  # noqa: F811
    quartier, perimetre, point = add_three(window, places)
    panel, canvas = window.proposals.list_panel, window.map_canvas
    panel.select(perimetre.uuid)
    assert canvas._highlight_geometry is not None
    assert canvas._highlight_geometry.equals(perimetre.geometry)
    # a click on the map inside the quartier vécu selects its row
    canvas.zoom_to(quartier.geometry.buffer(300).bounds)
    x, y = quartier.geometry.centroid.coords[0]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton,
                     pos=QPoint(*(int(v) for v in canvas.viewport.to_screen(x, y))))
    assert panel.selected_uuid() == quartier.uuid
    assert canvas._highlight_geometry.equals(quartier.geometry)
    # deleting it: the list, the layer and the outline all let go of it at once
    window.proposals.delete(quartier.uuid)
    assert quartier.uuid not in panel.uuids()
    assert quartier.uuid not in window.controller.composer.layers["proposals"].keys
    assert canvas._highlight_geometry is None


def test_quartiers_vecus_and_perimeter_requests_are_separate_layers(window, places):  # noqa: F811
    quartier, perimetre, point = add_three(window, places)
    layers = window.controller.composer.layers
    assert layers["proposals"].keys == [quartier.uuid]
    assert layers["proposal_perimeters"].keys == [perimetre.uuid]
    assert layers["proposal_points"].keys == [point.uuid]
    rows = window.layer_panel.rows
    assert "proposal_perimeters" in rows


def test_a_click_inside_a_commune_identifies_the_commune(window, places):  # noqa: F811
    controller = window.controller
    x, y = places.far.x, places.far.y          # inside the CALL, 2,5 km from every QPV
    info = controller.identify(x, y)
    assert info is not None and info.title.startswith("Commune : ")
    # with IRIS shown, the smaller outline (the IRIS) is what the click designates
    controller.set_visible("iris", True)
    assert controller.identify(x, y).title.startswith("IRIS : ")
    # a QPV, filled and drawn on top, wins over any outline
    qpv_x, qpv_y = places.inside.x, places.inside.y
    assert controller.identify(qpv_x, qpv_y).qpv_code == QPV
