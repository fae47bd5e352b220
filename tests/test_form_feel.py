"""How drawing and its form feel to a town-hall user: the form knows who draws, clears an error
once the field is filled, warns outside the user's commune; the map keeps the instructions in
sight while drawing; a cancelled point form leaves the user free to click the map."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from qpvdesk.models.package.identity import Identity, save_identity
from qpvdesk.models.proposals import EQUIPEMENT, QUARTIER_VECU
from qpvdesk.views.proposals import ProposalForm

from proposal_fixtures import EQUIPMENT_FIELDS, places, store  # noqa: F401 (fixtures)
from qt_helpers import open_main_window

LENS, LIEVIN = "62498", "62510"


def open_form(qtbot, store, kind, geometry, proposal=None):  # noqa: F811
    form = ProposalForm(store, kind, geometry, proposal)
    qtbot.addWidget(form)
    form.show()
    return form


def test_new_form_is_prefilled_with_the_first_run_identity(qtbot, store, places):  # noqa: F811
    save_identity(store.workspace, Identity(commune_insee=LENS, contact_name="Camille Roy",
                                            contact_email="c.roy@mairie-lens.fr"))
    form = open_form(qtbot, store, EQUIPEMENT, places.inside)
    assert form.inputs["author"].text() == "Camille Roy"
    assert form.inputs["contact"].text() == "c.roy@mairie-lens.fr"
    # an existing proposal keeps its own author
    proposal = store.add(EQUIPEMENT, places.inside, {**EQUIPMENT_FIELDS, "author": "Service"})
    edited = open_form(qtbot, store, EQUIPEMENT, None, proposal)
    assert edited.inputs["author"].text() == "Service"
    assert edited.inputs["contact"].text() == ""


def test_required_message_goes_once_the_field_is_filled(qtbot, store, places):  # noqa: F811
    form = open_form(qtbot, store, QUARTIER_VECU, places.square(places.inside))
    form.save_button.click()
    assert form.error_labels["title"].isVisible() and form.summary.isVisible()
    assert "obligatoire" in form.error_labels["title"].text()
    qtbot.keyClicks(form.inputs["title"], "Autour du marche")
    assert not form.error_labels["title"].isVisible()
    assert not form.summary.isVisible()        # it was the only correction needed
    form.inputs["title"].clear()               # emptied again: said again
    assert form.error_labels["title"].isVisible()


def test_drawing_outside_ones_commune_is_warned(qtbot, store, places):  # noqa: F811
    territory = store.territory
    inside = places.square(places.inside, 20)
    [commune] = territory.commune_codes(inside)
    other = LENS if commune != LENS else LIEVIN
    save_identity(store.workspace, Identity(commune_insee=other))
    form = open_form(qtbot, store, QUARTIER_VECU, inside)
    text = form.warning_label.text()
    assert form.warning_label.isVisible()
    assert (f"hors de votre commune ({territory.commune_name(other)})"
            f"\u00a0: elle se trouve à {territory.commune_name(commune)}") in text
    save_identity(store.workspace, Identity(commune_insee=commune))
    at_home = open_form(qtbot, store, QUARTIER_VECU, inside)
    assert "votre commune" not in at_home.warning_label.text()


# -- in the main window -----------------------------------------------------------------------

@pytest.fixture
def window(qtbot, reference, workspace):
    return open_main_window(qtbot, reference, workspace)


def qpv_point(win, code="QN06228M") -> QPoint:
    layer = win.controller.composer.layers["qpv"]
    x, y = layer.label_points[layer.keys.index(code)]
    return QPoint(*(int(v) for v in win.map_canvas.viewport.to_screen(x, y)))


def hint_pixel(win) -> QColor:
    """Just inside the top edge of the hint box, above its text."""
    image = win.map_canvas.grab().toImage()
    return image.pixelColor(image.width() // 2, 10)


def looks_like_the_hint_box(colour: QColor) -> bool:
    return all(abs(a - b) <= 30 for a, b in zip(colour.getRgb()[:3], (255, 246, 224)))


def test_the_drawing_hint_stays_on_the_map_while_drawing(qtbot, window):
    capture = window.proposals.capture
    window.proposals.start_drawing(QUARTIER_VECU)
    window.statusBar().showMessage("Un autre message")      # the status bar moves on
    assert "premier sommet" in capture.hint()
    assert looks_like_the_hint_box(hint_pixel(window))
    point = qpv_point(window)
    for dx, dy in ((-30, -20), (30, -20)):
        qtbot.mouseClick(window.map_canvas, Qt.MouseButton.LeftButton,
                         pos=point + QPoint(dx, dy))
    assert "2 sommets" in capture.hint() and "3 sommets au moins" in capture.hint()
    qtbot.mouseClick(window.map_canvas, Qt.MouseButton.LeftButton, pos=point + QPoint(0, 30))
    assert "3 sommets" in capture.hint() and "Entrée ou double-clic" in capture.hint()
    drawing = hint_pixel(window)
    window.proposals.navigate_action.trigger()
    assert hint_pixel(window) != drawing       # navigating: no hint over the map


def test_cancelled_point_form_returns_to_navigation(qtbot, window, monkeypatch):
    opened = []

    def cancel(form):
        opened.append(form.kind)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ProposalForm, "exec", cancel)
    messages = []
    window.proposals.message.connect(messages.append)
    window.proposals.start_drawing(EQUIPEMENT)
    qtbot.mouseClick(window.map_canvas, Qt.MouseButton.LeftButton, pos=qpv_point(window))
    assert opened == [EQUIPEMENT]
    assert "Point non enregistré" in messages[-1] and "Forme" not in messages[-1]
    assert window.map_canvas.tool is window.pan_tool
    assert window.proposals.navigate_action.isChecked()
    assert window.proposals.capture.vertices == [] and window.proposals.store.draft() is None
    qtbot.mouseClick(window.map_canvas, Qt.MouseButton.LeftButton, pos=qpv_point(window))
    assert opened == [EQUIPEMENT]            # the next click identifies, no form
    assert window.proposals.store.list() == []


def test_snap_marker_goes_when_the_cursor_leaves_the_map(qtbot, window):
    capture = window.proposals.capture
    window.proposals.start_drawing(QUARTIER_VECU)
    point = QPointF(qpv_point(window))
    move = QMouseEvent(QEvent.Type.MouseMove, point, window.map_canvas.mapToGlobal(point),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.map_canvas, move)
    assert capture.cursor_point is not None
    QApplication.sendEvent(window.map_canvas, QEvent(QEvent.Type.Leave))
    assert capture.cursor_point is None


def test_an_unfinished_shape_counts_its_vertices_in_french(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    for count, words in ((3, "(3 sommets)"), (1, "(1 sommet)")):
        window.proposals.store.save_draft(QUARTIER_VECU, [(690_000.0 + i, 7_030_000.0)
                                                          for i in range(count)])
        window.proposals.offer_draft()
        assert words in asked[-1] and "(s)" not in asked[-1]
