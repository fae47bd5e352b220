"""Drawing a proposal in the main window: tool, form, store, undo, and the resumed draft."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox

from qpvdesk.models.proposals import QUARTIER_VECU, vertices_of
from qpvdesk.views.main_window import MainWindow
from qpvdesk.views.proposals.proposal_form import ProposalForm
from qt_helpers import open_main_window, settle


@pytest.fixture
def window(qtbot, reference, workspace):
    return open_main_window(qtbot, reference, workspace)


def qpv_screen_points(win, code="QN06228M"):
    """Three screen points inside a QPV, a triangle around its label point."""
    layer = win.controller.composer.layers["qpv"]
    x, y = layer.label_points[layer.keys.index(code)]
    viewport = win.map_canvas.viewport
    return [QPoint(*map(int, viewport.to_screen(x + dx, y + dy)))
            for dx, dy in ((-60, -40), (60, -40), (0, 60))]


def draw_triangle(qtbot, win):
    win.proposals.start_drawing(QUARTIER_VECU)
    for point in qpv_screen_points(win):
        qtbot.mouseClick(win.map_canvas, Qt.MouseButton.LeftButton, pos=point)


def test_drawn_polygon_is_saved_once_and_undone(qtbot, window, monkeypatch):
    monkeypatch.setattr(ProposalForm, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ProposalForm, "result_fields", lambda self: {
        "title": "Parc et écoles du quartier", "qpv_code": "QN06228M",
        "knowledge_source": "ateliers_habitants"})
    store = window.proposals.store
    draw_triangle(qtbot, window)
    assert len(store.draft().vertices) == 3          # the half-drawn shape is already saved
    qtbot.keyClick(window.map_canvas, Qt.Key.Key_Return)
    [proposal] = store.list()
    assert proposal.kind == QUARTIER_VECU and proposal.qpv_code == "QN06228M"
    assert "62510" in proposal.communes and store.draft() is None
    assert len(window.controller.composer.layers["proposals"]) == 1
    window.proposals.undo_action.trigger()
    assert store.list() == [] and len(window.controller.composer.layers["proposals"]) == 0
    window.proposals.redo_action.trigger()
    assert [p.uuid for p in store.list()] == [proposal.uuid]


def test_undo_and_redo_from_the_keyboard(qtbot, window, monkeypatch):
    """Ctrl+Z undoes; Ctrl+Maj+Z and Ctrl+Y both redo (pressed on the window itself)."""
    monkeypatch.setattr(ProposalForm, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ProposalForm, "result_fields", lambda self: {
        "title": "Parc et écoles du quartier", "qpv_code": "QN06228M",
        "knowledge_source": "ateliers_habitants"})
    store = window.proposals.store
    draw_triangle(qtbot, window)
    qtbot.keyClick(window.map_canvas, Qt.Key.Key_Return)
    [proposal] = store.list()
    with qtbot.waitActive(window):
        window.activateWindow()
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for key, modifiers, expected in ((Qt.Key.Key_Z, control, []),
                                     (Qt.Key.Key_Z, control | shift, [proposal.uuid]),
                                     (Qt.Key.Key_Z, control, []),
                                     (Qt.Key.Key_Y, control, [proposal.uuid])):
        QTest.keyClick(window, key, modifiers)
        assert [p.uuid for p in store.list()] == expected, (key, modifiers)
    assert [sequence.toString() for sequence in window.proposals.redo_action.shortcuts()] == [
        "Ctrl+Shift+Z", "Ctrl+Y"]


def test_cancelled_form_keeps_the_shape(qtbot, window, monkeypatch):
    monkeypatch.setattr(ProposalForm, "exec", lambda self: QDialog.DialogCode.Rejected)
    draw_triangle(qtbot, window)
    qtbot.keyClick(window.map_canvas, Qt.Key.Key_Return)
    assert window.proposals.store.list() == []
    assert len(window.proposals.capture.vertices) == 3


def test_escape_asks_before_discarding(qtbot, window, monkeypatch):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    draw_triangle(qtbot, window)
    qtbot.keyClick(window.map_canvas, Qt.Key.Key_Escape)
    assert len(window.proposals.capture.vertices) == 3     # "No": nothing lost
    qtbot.keyClick(window.map_canvas, Qt.Key.Key_Escape)
    assert window.proposals.capture.vertices == [] and window.proposals.store.draft() is None


def test_unfinished_shape_is_offered_again_at_the_next_start(qtbot, reference, workspace,
                                                             window, monkeypatch):
    draw_triangle(qtbot, window)
    window.close()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    again = MainWindow(reference, workspace)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: again.map_canvas.tool is again.proposals.capture)  # offered
    assert again.proposals.capture.kind == QUARTIER_VECU
    assert len(again.proposals.capture.vertices) == 3
    assert again.map_canvas.tool is again.proposals.capture


def test_import_reports_each_feature_and_export_reads_back(qtbot, window, tmp_path,
                                                           monkeypatch):
    import json

    from qpvdesk.models.proposals.gdal import pyogrio

    layer = window.controller.composer.layers["qpv"]
    x, y = layer.label_points[layer.keys.index("QN06228M")]
    from pyproj import Transformer
    lon, lat = Transformer.from_crs(2154, 4326, always_xy=True).transform(x, y)
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": {"titre": "Maison de santé", "categorie": "santé", "statut": "idée"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": {"categorie": "sport", "statut": "idée"}},   # no title: refused
    ]
    source = tmp_path / "apports.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": features}),
                      encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)
    report = window.proposals.import_file(str(source))
    assert len(report.imported) == 1 and len(report.refused) == 1
    assert "Titre" in " ".join(report.refused[0].reasons)
    assert len(window.controller.composer.layers["proposal_points"]) == 1
    out = window.proposals.export_file(str(tmp_path / "export.gpkg"))
    layers = [name for name, _ in pyogrio().list_layers(out)]
    assert "equipements" in layers
    assert pyogrio().read_info(out, layer="equipements")["features"] == 1


def test_a_garbage_file_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    garbage = tmp_path / "x.gpkg"
    garbage.write_bytes(b"not a geopackage")
    assert window.proposals.import_file(str(garbage)) is None
    assert told and window.proposals.store.list() == [] and window.proposals.store.history() == []


def test_editing_shape_and_fields_in_the_form_is_one_undo_step(qtbot, window, monkeypatch):
    from shapely.affinity import scale

    from shapely.geometry import box

    store = window.proposals.store
    layer = window.controller.composer.layers["qpv"]
    x, y = layer.label_points[layer.keys.index("QN06228M")]
    proposal = store.add(QUARTIER_VECU, box(x - 80, y - 80, x + 80, y + 80),
                         {"title": "Îlot", "qpv_code": "QN06228M",
                          "knowledge_source": "ateliers_habitants"})
    window.proposals.refresh()
    bigger = scale(proposal.geometry, 1.5, 1.5)

    def accept_with_new_shape_and_title(form):
        form.geometry = bigger                 # as « Utiliser la forme corrigée » does
        form.inputs["title"].setText("Îlot élargi")
        form.save_button.click()
        return form.result()
    monkeypatch.setattr(ProposalForm, "exec", accept_with_new_shape_and_title)
    window.proposals.edit_fields(proposal.uuid)
    edited = store.get(proposal.uuid)
    assert edited.title == "Îlot élargi" and edited.geometry.equals(bigger)
    assert len(store.history()) == 2
    window.proposals.undo_action.trigger()
    assert store.get(proposal.uuid) == proposal


def test_snapping_follows_the_proposals_without_reading_the_database(qtbot, window,
                                                                     monkeypatch):
    monkeypatch.setattr(ProposalForm, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ProposalForm, "result_fields", lambda self: {
        "title": "Parc et écoles du quartier", "qpv_code": "QN06228M",
        "knowledge_source": "ateliers_habitants"})
    window.proposals.snap_action.setChecked(False)     # corners of its own, not the QPV's
    draw_triangle(qtbot, window)
    with qtbot.waitSignal(window.proposals.proposals_changed) as changed:
        qtbot.keyClick(window.map_canvas, Qt.Key.Key_Return)
    window.proposals.snap_action.setChecked(True)
    [proposal] = changed.args[0]
    settle(qtbot, window)       # the first proposal opens its panels: the map narrows
    corner = vertices_of(proposal.geometry)[0]
    window.map_canvas.zoom_to((corner[0] - 150, corner[1] - 150, corner[0] + 150,
                               corner[1] + 150))    # 10 px of tolerance: a few metres
    settle(qtbot, window)

    statements = []
    window.proposals.store.conn.set_trace_callback(statements.append)
    try:
        window.proposals.start_drawing(QUARTIER_VECU)
        near = QPoint(*map(int, window.map_canvas.viewport.to_screen(*corner))) + QPoint(3, 2)
        for offset in (QPoint(40, 40), QPoint(20, 15), QPoint(0, 0)):
            qtbot.mouseMove(window.map_canvas, near + offset)
        snap = window.proposals.capture.cursor_point
        window.proposals.edit_action.trigger()
        for offset in (QPoint(30, 30), QPoint(0, 0)):
            qtbot.mouseMove(window.map_canvas, near + offset)
    finally:
        window.proposals.store.conn.set_trace_callback(None)
    assert (snap.kind, snap.layer_id, snap.key) == ("vertex", "proposals", proposal.uuid)
    assert (snap.x, snap.y) == pytest.approx(corner)
    assert statements == []
