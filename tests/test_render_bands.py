"""The map painted in horizontal bands at once (render/display_list.py), Qt's painting done
with the GIL released (render/unlocked_painting.py): the same map as one painter paints, a
render that can still be cancelled, and threads that really paint side by side."""
from __future__ import annotations

import os
import sys
import threading

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath

from qpvdesk.models.map.styles import Symbol
from qpvdesk.models.map.synthetic import synthetic_layer
from qpvdesk.models.map.viewport import Viewport
from qpvdesk.render import display_list, unlocked_painting
from qpvdesk.render.renderer import (LayerRenderSpec, RenderCancelled, RenderRequest,
                                     render_map)

BOX = (600_000.0, 7_000_000.0, 627_000.0, 7_017_000.0)
PARCELS = Symbol("polygon", "#9ecae1", "#3182bd", 0.5, fill_alpha=0.6)
QPV_LIKE = Symbol("polygon", "#d7301f", "#99000d", 1.6, fill_alpha=0.35)


@pytest.fixture(scope="module")
def layers():
    return synthetic_layer(BOX, 20_000), synthetic_layer(BOX, 300)


def request_for(layers, viewport: Viewport) -> RenderRequest:
    parcels, large_shapes = layers
    return RenderRequest(viewport, [LayerRenderSpec(parcels, PARCELS),
                                    LayerRenderSpec(large_shapes, QPV_LIKE, opacity=0.8)])


def pixels(image: QImage) -> np.ndarray:
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return data.reshape(image.height(), image.width(), 4).copy()


def views() -> list[Viewport]:
    full = Viewport.fit(BOX, 800, 600)
    return [full, full.zoomed(8.0, (300, 200)), full.zoomed(40.0, (500, 330))]


def test_qts_painting_is_called_without_the_gil_here():
    assert unlocked_painting.available()
    cores = len(os.sched_getaffinity(0))
    assert display_list.band_count(1000) == min(display_list.MAX_BANDS, cores)
    assert display_list.band_count(100) == 1    # a thumbnail is painted whole


def test_another_thread_runs_python_while_qt_fills_a_path(qapp):
    """The point of the unlocked calls: while one thread is inside Qt's fill, another runs
    Python. Through PySide's own method it cannot: the GIL is held for the whole call."""
    rng = np.random.default_rng(7)
    path = QPainterPath(QPointF(0, 0))
    for x, y in rng.uniform(0, 1500, (80, 2)):   # a star of long crossing edges
        path.lineTo(float(x), float(y))
    brush = QBrush(QColor(30, 90, 200, 140))
    # the counting thread gives the GIL back within 0.5 ms when the caller asks for it
    previous = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)

    def python_steps_during(fill) -> int:
        image = QImage(1500, 1500, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        counter, running = [0], threading.Event()

        def count() -> None:
            running.set()
            while not done.is_set():
                counter[0] += 1

        done = threading.Event()
        thread = threading.Thread(target=count)
        thread.start()
        running.wait()
        before = counter[0]
        fill(painter, path, brush)
        during = counter[0] - before
        done.set()
        thread.join()
        painter.end()
        return during

    try:
        unlocked = python_steps_during(unlocked_painting.fill_path)
        locked = python_steps_during(QPainter.fillPath)
    finally:
        sys.setswitchinterval(previous)
    assert unlocked > 10 * locked + 1_000, (unlocked, locked)


@pytest.mark.parametrize("bands", [2, 3])
def test_a_map_painted_in_bands_is_the_map_one_painter_paints(qapp, layers, monkeypatch,
                                                              bands):
    for viewport in views():
        monkeypatch.setattr(display_list, "band_count", lambda height: 1)
        whole = pixels(render_map(request_for(layers, viewport)))
        monkeypatch.setattr(display_list, "band_count", lambda height: bands)
        banded = pixels(render_map(request_for(layers, viewport)))
        difference = np.abs(whole.astype(int) - banded).max(axis=2)
        # antialiased edges may round a level or a few otherwise, never a shape...
        assert (difference > 0).sum() <= 0.01 * difference.size, viewport
        # ...and where a ring crosses from one band to the next, Qt may draw a corner's
        # pixel of its outline once more, or a pixel of its line aside: a pixel here and
        # there, never an area
        moved = difference > 8
        assert moved.sum() <= 0.0005 * moved.size, (viewport, moved.sum())
        assert not (moved[:-1, :-1] & moved[1:, :-1] & moved[:-1, 1:] & moved[1:, 1:]).any()


def test_a_render_cancelled_while_its_bands_are_painted_stops(qapp, layers, monkeypatch):
    monkeypatch.setattr(display_list, "band_count", lambda height: 2)
    viewport = views()[1]
    asked = []

    def cancelled() -> bool:   # true once a band's thread asks
        asked.append(threading.current_thread().name)
        return asked[-1].startswith("qpvdesk-band")

    with pytest.raises(RenderCancelled):
        render_map(request_for(layers, viewport), cancelled)
    assert any(name.startswith("qpvdesk-band") for name in asked)
    # the band threads are free again: the next render paints the whole map
    image = pixels(render_map(request_for(layers, viewport)))
    background = np.array([0xee, 0xf3, 0xf4, 0xff], np.uint8)
    assert not (image[-5:] == background).all()


def test_two_renders_of_new_paths_at_once_paint_what_one_paints(qapp, monkeypatch):
    """The map's render thread and an export drawing the same layer, just loaded, at the same
    time: each path is converted by Qt before any band draws it."""
    monkeypatch.setattr(display_list, "band_count", lambda height: 2)
    viewport = views()[1]
    results: dict[str, np.ndarray] = {}
    for round_ in range(3):
        fresh = (synthetic_layer(BOX, 20_000), synthetic_layer(BOX, 300))
        start = threading.Barrier(2)

        def render(name: str, layers=fresh) -> None:
            start.wait()
            results[name] = pixels(render_map(request_for(layers, viewport)))

        threads = [threading.Thread(target=render, args=(name,)) for name in "ab"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert np.array_equal(results["a"], results["b"]), round_


def test_without_qts_functions_the_map_is_painted_by_one_painter(qapp, layers, monkeypatch):
    """Another platform or another Qt, where QPainter's functions are not found by name:
    the same map, painted the way PySide paints it, in one band."""
    viewport = views()[1]
    monkeypatch.setattr(display_list, "band_count", lambda height: 1)
    expected = pixels(render_map(request_for(layers, viewport)))
    monkeypatch.undo()
    monkeypatch.setattr(unlocked_painting, "QT_GUI_LIBRARY", "libQt6GuiMissing.so.6")
    unlocked_painting._functions.cache_clear()
    unlocked_painting.available.cache_clear()
    try:
        assert not unlocked_painting.available()
        assert display_list.band_count(1000) == 1
        assert np.array_equal(pixels(render_map(request_for(layers, viewport))), expected)
    finally:
        monkeypatch.undo()
        unlocked_painting._functions.cache_clear()
        unlocked_painting.available.cache_clear()
    assert unlocked_painting.available()
