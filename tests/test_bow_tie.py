"""A crossing outline (a bow-tie) drawn in the main window: the corrected shape keeps both
loops, is shown over the drawn outline with both areas before it is used, and what is stored
covers the whole drawing, not one half of it."""
from __future__ import annotations

import math

import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from shapely.geometry import MultiPolygon, Polygon

from qpvdesk.models.proposals import QUARTIER_VECU, gdal
from qpvdesk.models.proposals.geometry import crossing_points, enclosed_by, repaired_shape
from qpvdesk.views.proposals.proposal_form import ProposalForm

from proposal_fixtures import QPV, places, store  # noqa: F401 (fixtures)
from qt_helpers import open_main_window

QPV_CODE = "QN06228M"
# corners (0, 0), (L, L), (L, 0), (0, L): two triangles of L²/4 each, 7,5 ha in all
SIDE_M = math.sqrt(2 * 75_000.0)


def triangle_area(a, b, c) -> float:
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2


def bow_tie_area(corners) -> float:
    """The two loops of a 4-corner bow-tie whose sides 0-1 and 2-3 cross, by hand."""
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = corners
    d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d
    crossing = (x1 + t * (x2 - x1), y1 + t * (y2 - y1))
    return (triangle_area(corners[0], crossing, corners[3])
            + triangle_area(corners[1], corners[2], crossing))


def test_repair_keeps_both_loops_of_a_bow_tie():
    corners = [(0.0, 0.0), (SIDE_M, SIDE_M), (SIDE_M, 0.0), (0.0, SIDE_M)]
    drawn = Polygon(corners)
    assert not drawn.is_valid and drawn.area == pytest.approx(0.0, abs=1e-6)
    repaired = repaired_shape(drawn)
    assert isinstance(repaired, MultiPolygon) and repaired.is_valid
    assert len(repaired.geoms) == 2
    assert repaired.area == pytest.approx(bow_tie_area(corners), rel=1e-9)
    assert repaired.area == pytest.approx(75_000.0, rel=1e-9)
    assert enclosed_by(drawn).area == pytest.approx(repaired.area)
    assert crossing_points(drawn) == [pytest.approx((SIDE_M / 2, SIDE_M / 2))]


def test_aligned_vertices_have_no_repair():
    assert repaired_shape(Polygon([(0, 0), (10, 10), (20, 20), (5, 5)])) is None


def test_a_repaired_multipolygon_is_stored_exported_and_read_back(store, places,  # noqa: F811
                                                                  tmp_path):
    from qpvdesk.models.package.payload import read_geopackage
    from qpvdesk.models.proposals import export_proposals

    bow_tie = places.bow_tie(places.inside)
    validation = store.validate(QUARTIER_VECU, bow_tie, {"title": "Noeud", "qpv_code": QPV})
    repaired = validation.repaired
    assert isinstance(repaired, MultiPolygon)
    assert repaired.area == pytest.approx(enclosed_by(bow_tie).area)
    stored = store.add(QUARTIER_VECU, repaired, {"title": "Noeud", "qpv_code": QPV})
    square = store.add(QUARTIER_VECU, places.square(places.inside, 50),
                       {"title": "Carré", "qpv_code": QPV})
    assert store.get(stored.uuid).geometry.equals(repaired)
    target = export_proposals(store.list(), tmp_path / "mes.gpkg")
    read = {item.uuid: item for item in read_geopackage(target.read_bytes())}
    assert read[stored.uuid].geometry.geom_type == "MultiPolygon"
    assert read[stored.uuid].geometry.area == pytest.approx(repaired.area)
    assert read[square.uuid].geometry.geom_type == "Polygon"      # one part stays a polygon
    info = gdal.pyogrio().read_info(target, layer="quartiers_vecus")
    assert info["geometry_type"] == "MultiPolygon"


@pytest.fixture
def window(qtbot, reference, workspace):
    return open_main_window(qtbot, reference, workspace)


def test_drawn_bow_tie_is_stored_whole_after_the_previewed_correction(qtbot, window,
                                                                      monkeypatch):
    canvas = window.map_canvas
    layer = window.controller.composer.layers["qpv"]
    cx, cy = layer.label_points[layer.keys.index(QPV_CODE)]
    canvas.zoom_to((cx - 400, cy - 400, cx + 400, cy + 400), margin=0)
    half = SIDE_M / 2
    corners = [(cx - half, cy - half), (cx + half, cy + half), (cx + half, cy - half),
               (cx - half, cy + half)]
    clicks = [QPoint(*(round(float(v)) for v in canvas.viewport.to_screen(x, y)))
              for x, y in corners]
    clicked = [tuple(float(v) for v in canvas.viewport.to_map(p.x(), p.y())) for p in clicks]
    drawn_ha = bow_tie_area(clicked) / 10_000
    assert drawn_ha == pytest.approx(7.5, rel=0.03)
    seen = {}

    def fill_and_save(form: ProposalForm) -> int:
        form.show()
        qtbot.waitExposed(form)
        seen["preview_shown"] = form.repair_preview.isVisible()
        seen["offer"] = form.repair_label.text()
        seen["corrected"] = form.repair_preview.corrected
        qtbot.mouseClick(form.repair_button, Qt.MouseButton.LeftButton)
        seen["used"] = form.repair_label.text()
        form.inputs["title"].setText("Quartier vécu des deux places")
        form.inputs["qpv_code"].setCurrentIndex(form.inputs["qpv_code"].findData(QPV_CODE))
        form.save_button.click()
        return form.result()

    monkeypatch.setattr(ProposalForm, "exec", fill_and_save)
    window.proposals.start_drawing(QUARTIER_VECU)
    for point in clicks:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)

    assert seen["preview_shown"] and seen["corrected"] is not None
    expected = f"{drawn_ha:.2f}".replace(".", ",")
    assert seen["offer"].count(f"{expected}\u00a0ha") == 2        # drawn and corrected
    assert "en 2 parties" in seen["offer"] and "Forme corrigée utilisée" in seen["used"]
    [proposal] = window.proposals.store.list()
    assert proposal.geometry.geom_type == "MultiPolygon"
    assert proposal.geometry.area / 10_000 == pytest.approx(drawn_ha, rel=1e-6)
    # the whole drawing, not its bigger half (the old repair kept one triangle, 3,75 ha)
    assert proposal.geometry.area / 10_000 > 7.0
    assert len(window.controller.composer.layers["proposals"]) == 1
    assert shapely.equals(window.controller.composer.layers["proposals"].geometries[0],
                          proposal.geometry)
