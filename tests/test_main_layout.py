"""The main window's panels: found again in Affichage › Panneaux, put back by « Réinitialiser
la disposition », closed while empty, kept between sessions inside the screen; the drawing
tools in a menu; the window opens sized to the screen."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar
from shapely.geometry import Point

from qpvdesk.models.proposals import EQUIPEMENT
from qpvdesk.views.main_layout import GEOMETRY_KEY
from qpvdesk.views.main_window import MainWindow

LENS = Point(685_300, 7_036_800)
EQUIPMENT_FIELDS = {"title": "Maison de santé", "category": "sante", "status": "idee",
                    "horizon_year": 2028}


@pytest.fixture
def window(qtbot, reference, workspace):
    win = MainWindow(reference, workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def menu(win: MainWindow, title: str) -> QMenu:
    return next(action.menu() for action in win.menuBar().actions()
                if action.text().replace("&", "") == title)


def submenu(parent: QMenu, title: str) -> QMenu:
    return next(action.menu() for action in parent.actions()
                if action.menu() is not None and action.text().replace("&", "") == title)


def panels_menu(win: MainWindow) -> QMenu:
    return submenu(menu(win, "Affichage"), "Panneaux")


def docks(win: MainWindow) -> dict[str, QDockWidget]:
    return {dock.windowTitle(): dock for dock in win.findChildren(QDockWidget)}


def test_the_window_opens_inside_the_screen_and_titled_once(window):
    area = window.screen().availableGeometry()
    assert area.contains(window.frameGeometry())
    assert window.width() < 1400 or area.width() >= 1400   # no fixed 1400×900 any more
    assert "qpvdesk" not in window.windowTitle()            # Qt adds « — qpvdesk »


def test_every_panel_and_toolbar_is_in_affichage_panneaux(qtbot, window):
    entries = {action.text(): action for action in panels_menu(window).actions()
               if not action.isSeparator()}
    assert set(entries) == {"Carte", "Informations", "Propositions", "Historique",
                            "Les 22 quartiers prioritaires",
                            "Barre d'outils « Navigation »", "Barre d'outils « Dessin »"}
    dock = docks(window)["Carte"]
    assert entries["Carte"].isChecked() and dock.isVisible()
    dock.close()                                   # the panel's own little cross
    assert not entries["Carte"].isChecked()
    entries["Carte"].trigger()
    assert dock.isVisible() and entries["Carte"].isChecked()
    drawing = next(bar for bar in window.findChildren(QToolBar) if bar.objectName() == "dessin")
    entries["Barre d'outils « Dessin »"].trigger()
    assert not drawing.isVisible()
    entries["Barre d'outils « Dessin »"].trigger()
    assert drawing.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support raise")   # the floating panel
def test_reset_layout_puts_every_panel_back(qtbot, window):
    panels = docks(window)
    panels["Carte"].close()
    panels["Les 22 quartiers prioritaires"].setFloating(True)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea,
                         panels["Les 22 quartiers prioritaires"])
    drawing = next(bar for bar in window.findChildren(QToolBar) if bar.objectName() == "dessin")
    drawing.hide()
    reset = next(action for action in menu(window, "Affichage").actions()
                 if action.text() == "&Réinitialiser la disposition")
    reset.trigger()
    assert panels["Carte"].isVisible() and drawing.isVisible()
    assert window.dockWidgetArea(panels["Carte"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    qpv_list = panels["Les 22 quartiers prioritaires"]
    assert not qpv_list.isFloating() and qpv_list.isVisible()
    assert window.dockWidgetArea(qpv_list) == Qt.DockWidgetArea.BottomDockWidgetArea
    # nothing identified, no proposal: the right-hand panels stay closed, the map is wide
    assert not any(panels[title].isVisible()
                   for title in ("Informations", "Propositions", "Historique"))


def test_the_drawing_tools_are_also_in_a_menu(window):
    drawing = next(bar for bar in window.findChildren(QToolBar) if bar.objectName() == "dessin")
    in_menu = [action for action in menu(window, "Dessin").actions()
               if not action.isSeparator()]
    tools = window.proposals
    assert in_menu == [tools.navigate_action, *tools.draw_actions.values(), tools.edit_action,
                       tools.snap_action]
    assert set(in_menu) <= set(drawing.actions())
    in_menu[2].trigger()                           # « Quartier vécu »: the same QAction
    assert tools.draw_actions["quartier_vecu"].isChecked()
    assert window.map_canvas.tool is tools.capture


def test_informations_opens_on_an_identified_feature_and_closes_on_nothing(qtbot, window):
    info = docks(window)["Informations"]
    assert not info.isVisible()
    layer = window.controller.composer.layers["qpv"]
    x, y = layer.label_points[layer.keys.index("QN06228M")]
    window.controller.identify(float(x), float(y))
    assert info.isVisible() and "Calonne" in window.identify_panel.title.text()
    # the map got narrower: the clicked quartier is still in view
    xmin, ymin, xmax, ymax = window.map_canvas.viewport.bbox
    assert xmin <= x <= xmax and ymin <= y <= ymax
    window.controller.identify(500_000.0, 6_000_000.0)      # far outside the territory
    assert not info.isVisible()


def test_proposals_and_history_open_with_the_first_proposal(qtbot, window):
    panels = docks(window)
    assert not panels["Propositions"].isVisible() and not panels["Historique"].isVisible()
    proposals = window.proposals
    proposals._apply(proposals.store.add, EQUIPEMENT, LENS, EQUIPMENT_FIELDS)
    assert panels["Propositions"].isVisible()
    assert window.tabifiedDockWidgets(panels["Propositions"]) != []   # Historique beside it
    assert not panels["Propositions"].visibleRegion().isEmpty()       # the tab in front


def test_the_layout_and_geometry_come_back_at_the_next_start(qtbot, reference, workspace,
                                                             window):
    docks(window)["Les 22 quartiers prioritaires"].close()
    window.resize(700, 500)
    window.close()
    again = MainWindow(reference, workspace)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert not docks(again)["Les 22 quartiers prioritaires"].isVisible()
    assert docks(again)["Carte"].isVisible()
    assert (again.width(), again.height()) == (700, 500)


def test_a_saved_geometry_larger_than_the_screen_is_brought_inside(qtbot, reference, workspace,
                                                                   window):
    area = window.screen().availableGeometry()
    window.setGeometry(area.x() + 300, area.y() + 200, area.width() + 900, area.height() + 700)
    window.close()                                   # saved as it is: too big, off to the side
    assert workspace.setting(GEOMETRY_KEY)
    again = MainWindow(reference, workspace)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert area.contains(again.frameGeometry())


def test_a_corrupt_saved_layout_is_ignored(qtbot, reference, workspace):
    workspace.set_setting(GEOMETRY_KEY, "not base64 at all ***")
    win = MainWindow(reference, workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.screen().availableGeometry().contains(win.frameGeometry())
    assert docks(win)["Carte"].isVisible()


def test_the_historique_buttons_shorten_their_text_to_the_panel(qtbot, window):
    proposals = window.proposals
    long_title = "Maison de santé pluridisciplinaire du quartier Calonne et de ses abords"
    proposals._apply(proposals.store.add, EQUIPEMENT, LENS,
                     {**EQUIPMENT_FIELDS, "title": long_title})
    panel = proposals.history_panel
    window.history_dock.raise_()
    panel.resize(260, 400)
    button = panel.undo_button
    metrics = button.fontMetrics()
    assert button.text().endswith("…") and long_title not in button.text()
    assert metrics.horizontalAdvance(button.text()) < button.width()
    assert button.toolTip() == f"Annuler\u00a0: Ajout de « {long_title} »"
    panel.resize(1200, 400)
    assert button.text() == button.toolTip()            # room enough: the whole text
