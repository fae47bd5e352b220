"""The QPV without a perimeter (markers in their commune, the Grand Avignon's database) are
named on the map by the label placer: each name beside its own marker, over no marker and no
other name, and the communes keep their names, moved off the markers."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from qpvdesk.commands.map_setup import map_composer, territory_viewport
from qpvdesk.models.map.styles import SYMBOLS
from qpvdesk.models.map.viewport import Viewport
from qpvdesk.render import renderer
from qpvdesk.render.labels import STYLES, LabelPlacer



@pytest.fixture
def avignon(grand_avignon):
    return grand_avignon


@pytest.fixture
def placers(monkeypatch) -> list[LabelPlacer]:
    """Every label placer render_map uses (the real one, remembered)."""
    made = []

    class Remembered(LabelPlacer):
        def __init__(self, viewport) -> None:
            super().__init__(viewport)
            made.append(self)

    monkeypatch.setattr(renderer, "LabelPlacer", Remembered)
    return made


def _render(composer, viewport, placers) -> LabelPlacer:
    renderer.render_map(composer(viewport))
    assert len(placers) == 1
    return placers.pop()


def _markers(composer, viewport) -> dict[str, QRectF]:
    """Each marked QPV's name -> its marker's box on screen, for the markers in view."""
    layer = composer.layers["qpv_markers"]
    half = (SYMBOLS["qpv_markers"].size + SYMBOLS["qpv_markers"].stroke_width) / 2
    boxes = {}
    for index in layer.query(viewport.bbox):
        x, y = viewport.to_screen(layer.points[index, 0], layer.points[index, 1])
        boxes[layer.labels[index]] = QRectF(float(x) - half, float(y) - half, 2 * half, 2 * half)
    return boxes


def _check_layout(placer, markers: dict[str, QRectF]) -> dict[str, QRectF]:
    """The marker names placed, each beside its own marker; no name over a marker or
    over another name."""
    labels = placer.placed
    for n, label in enumerate(labels):
        assert not any(label.rect.intersects(box) for box in markers.values()), label.name
        assert not any(label.rect.intersects(other.rect) for other in labels[n + 1:]), label.name
    named = {label.name: label.rect for label in labels if label.style is STYLES["qpv_markers"]}
    for name, rect in named.items():
        marker = markers[name]
        gap = max(rect.left() - marker.right(), marker.left() - rect.right(),
                  rect.top() - marker.bottom(), marker.top() - rect.bottom())
        assert 0 < gap <= 5, (name, gap)      # beside its own marker, not away from it
    return named


def test_every_marked_qpv_is_named_beside_its_marker(qapp, avignon, placers):
    composer = map_composer(avignon)
    layer = composer.layers["qpv_markers"]
    assert len(layer) == 6
    xs, ys = layer.points[:, 0], layer.points[:, 1]
    close = Viewport.fit((xs.min(), ys.min(), xs.max(), ys.max()), 1366, 768, margin=0.2)
    markers = _markers(composer, close)
    assert len(markers) == 6
    named = _check_layout(_render(composer, close, placers), markers)
    assert set(named) == {name for name in layer.labels}


def test_the_whole_agglomeration_names_its_markers_and_keeps_its_communes(qapp, avignon,
                                                                           placers):
    composer = map_composer(avignon)
    whole = territory_viewport(composer, 1200, 800)
    markers = _markers(composer, whole)
    placer = _render(composer, whole, placers)
    named = _check_layout(placer, markers)
    # five of the six: five markers of Avignon sit a few pixels apart at this scale
    assert len(named) >= 5
    pontet, = avignon.conn.execute(
        "SELECT q.name FROM qpv_marker m JOIN qpv q ON q.code = m.qpv_code "
        "WHERE m.commune_name = 'Le Pontet'").fetchone()
    assert pontet in named
    communes = {label.name for label in placer.placed if label.style is STYLES["communes"]}
    assert {"Avignon", "Le Pontet"} <= communes         # moved off the markers, not dropped


def test_the_call_map_has_no_marker_and_keeps_its_labels(qapp, reference, placers):
    composer = map_composer(reference)
    assert "qpv_markers" not in composer.layers or not len(composer.layers["qpv_markers"])
    placer = _render(composer, territory_viewport(composer, 1200, 800), placers)
    assert {label.style for label in placer.placed} <= {STYLES["qpv"], STYLES["communes"]}
    assert any(label.style is STYLES["qpv"] for label in placer.placed)
