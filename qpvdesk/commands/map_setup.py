"""What the snapshot and bench commands share: a headless Qt and a composed map."""
from __future__ import annotations

import os

from ..models.map.layers import load_reference_layers
from ..models.map.map_state import ChoroplethSetting, MapState
from ..models.map.styles import HIDDEN_BY_DEFAULT, LAYERS
from ..models.map.viewport import Viewport


def headless_application(widgets: bool = False):
    """A Qt application that needs no display: a QGuiApplication (fonts and painting, no
    widget code loaded) unless the caller shows widgets (the bench's real canvas)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if widgets:
        from PySide6.QtWidgets import QApplication as Application
    else:
        from PySide6.QtGui import QGuiApplication as Application
    return Application.instance() or Application(["qpvdesk"])


def map_composer(store, visible: list[str] | None = None,
                 choropleth: ChoroplethSetting | None = None):
    """Layers loaded and a composer with the default (or the given) visible layers."""
    from ..render.compose import MapComposer

    layers = load_reference_layers(store)
    layer_ids = [info.id for info in LAYERS]
    if visible is None:
        state = MapState.default(layer_ids, hidden=set(HIDDEN_BY_DEFAULT))
    else:
        unknown = set(visible) - set(layer_ids)
        if unknown:
            raise ValueError(f"unknown layer(s): {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(layer_ids)}")
        state = MapState.default(layer_ids, hidden=set(layer_ids) - set(visible))
    state.choropleth = choropleth
    if choropleth is not None:
        state.set_visible(choropleth.layer_id, True)   # as the app does: the colours show
    composer = MapComposer(store, layers, state)
    composer.apply_choropleth()
    return composer


def territory_viewport(composer, width: int, height: int) -> Viewport:
    return Viewport.fit(composer.layers["epci"].bounds, width, height, margin=0.03)


def drag_and_zoom_frames(canvas, width: int, height: int) -> list[float]:
    """Milliseconds of each repaint of ``canvas`` (shown, its first image rendered) while a
    user drags across the map, then zooms in and out at a point: 60 frames."""
    import time

    frames = []
    for step in range(60):
        if step < 30:
            canvas.pan_by(7, -4)
        else:
            canvas.zoom_by(1.04 if step < 45 else 1 / 1.04, (width * 0.6, height * 0.4))
        start = time.perf_counter()
        canvas.repaint()
        frames.append((time.perf_counter() - start) * 1000)
    canvas._settle.stop()   # no re-render after the last frame
    return frames
