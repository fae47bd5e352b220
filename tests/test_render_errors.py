"""A failure inside the map's render job (a worker thread) comes back as data: the other
layers are drawn, the user reads one French sentence in the status bar, and the map keeps
refreshing (QGIS's renderLayerStatic). Nothing reaches an excepthook off the GUI thread."""
from __future__ import annotations

import copy

import numpy as np
import pytest
import shapely

from qpvdesk.render.renderer import LayerRenderSpec, RenderError, render_map
from qpvdesk.views.main_window import MainWindow


class BrokenLayerError(RuntimeError):
    pass


def broken_copy(layer):
    """The layer, whose drawing fails the way a corrupt layer would."""
    broken = copy.copy(layer)

    def query(bbox):
        raise BrokenLayerError("géométrie illisible")

    broken.query = query
    return broken


@pytest.fixture
def window(qtbot, reference, workspace):
    win = MainWindow(reference, workspace)
    qtbot.addWidget(win)
    win.resize(1100, 760)
    with qtbot.waitSignal(win.map_canvas.rendered):
        win.show()
    return win


def qpv_share(win, code="QN06228M") -> float:
    """Share of a QPV's inside, on the canvas image, painted in the QPV's reddish fill."""
    layer = win.controller.composer.layers["qpv"]
    polygon = layer.geometries[layer.keys.index(code)]
    xmin, ymin, xmax, ymax = polygon.bounds
    grid = shapely.points([(x, y) for x in np.linspace(xmin, xmax, 25)
                           for y in np.linspace(ymin, ymax, 25)])
    inside = grid[shapely.contains(polygon, grid)]
    viewport, image = win.map_canvas.image_viewport, win.map_canvas.image
    xs, ys = viewport.to_screen(shapely.get_x(inside), shapely.get_y(inside))
    colours = [image.pixelColor(int(x), int(y)) for x, y in zip(xs, ys)]
    return sum(colour.red() > colour.green() + 40 for colour in colours) / len(colours)


def test_render_map_records_a_failing_layer_and_draws_the_others(qapp, window):
    composer = window.controller.composer
    request = composer(window.map_canvas.viewport)
    request.layers.insert(0, LayerRenderSpec(broken_copy(composer.layers["iris"]),
                                             request.layers[0].symbol))
    errors: list[RenderError] = []
    image = render_map(request, errors=errors)
    assert errors == [RenderError("IRIS", "BrokenLayerError: géométrie illisible")]
    assert not image.isNull()
    with pytest.raises(BrokenLayerError):      # the command line still fails loudly
        render_map(request)


def test_a_failing_layer_is_reported_and_the_map_keeps_refreshing(qtbot, window):
    composer, canvas = window.controller.composer, window.map_canvas
    iris = composer.layers["iris"]
    composer.extra_layers = [LayerRenderSpec(broken_copy(iris), composer(canvas.viewport)
                                             .layers[0].symbol)]
    with qtbot.waitSignal(canvas.render_failed) as failed, \
            qtbot.waitSignal(canvas.rendered):
        canvas.request_render()
    message = failed.args[0]
    assert message.startswith("Une partie de la carte n'a pas pu être dessinée (« IRIS »")
    assert "géométrie illisible" in message and "le reste de la carte est à jour" in message
    assert window.statusBar().currentMessage() == message
    assert canvas.image_viewport == canvas.viewport and qpv_share(window) > 0.6
    # the layer is repaired: the next render is whole, and says nothing
    composer.extra_layers = []
    canvas.zoom_by(1.5)
    with qtbot.assertNotEmitted(canvas.render_failed), qtbot.waitSignal(canvas.rendered):
        canvas.request_render()
    assert canvas.image_viewport == canvas.viewport


def test_a_render_that_fails_as_a_whole_keeps_the_last_picture(qtbot, window):
    canvas = window.map_canvas
    shown, shown_viewport = canvas.image, canvas.image_viewport
    compose = canvas.compose

    def broken_request(viewport):
        request = compose(viewport)
        request.layers.append(None)        # not a layer at all: the job itself fails
        return request

    canvas.compose = broken_request
    canvas.zoom_by(1.5)
    with qtbot.waitSignal(canvas.render_failed) as failed:
        canvas.request_render()
    assert failed.args[0].startswith("La carte n'a pas pu être redessinée (AttributeError")
    assert "l'image précédente reste affichée" in failed.args[0]
    assert canvas.image is shown and canvas.image_viewport == shown_viewport
    canvas.compose = compose
    with qtbot.waitSignal(canvas.rendered):
        canvas.request_render()
    assert canvas.image_viewport == canvas.viewport
