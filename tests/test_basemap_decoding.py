"""Basemap tiles are decoded in the render worker without ever making Qt create an image
plugin there: a plugin created off the GUI thread is moved to it under a mutex the GUI thread
may hold while it waits for Python's lock, and a start with a saved basemap hung (1 in 300
starts under load; render/basemap.py). Each check of which plugins a thread loaded runs in a
child process, whose plugins nothing else loaded before."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from qpvdesk.commands.synthetic_mbtiles import write_mbtiles, xyz_tile
from qpvdesk.render.basemap import decode_tile

RED = QColor(200, 30, 30)


def encoded(image_format: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(RED)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, image_format)
    return bytes(buffer.data())


@pytest.mark.parametrize("image_format", ["png", "jpg", "webp"])
def test_each_tile_format_a_basemap_may_hold_is_decoded(qapp, image_format):
    image = decode_tile(encoded(image_format), image_format)
    assert (image.width(), image.height()) == (256, 256)
    pixel = image.pixelColor(128, 128)
    assert abs(pixel.red() - 200) <= 3 and pixel.green() <= 35 and pixel.blue() <= 35


def test_a_tile_in_another_format_than_the_file_declares_is_still_decoded(qapp):
    # files in the wild mix PNG and JPEG tiles whatever their metadata says
    assert decode_tile(encoded("png"), "jpg").width() == 256
    assert decode_tile(encoded("jpg"), "png").width() == 256


def test_a_damaged_tile_is_no_image_and_no_error(qapp):
    assert decode_tile(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "png").isNull()
    assert decode_tile(b"not an image at all", "jpg").isNull()


# Renders a basemap of one colour on a Python thread, as the map canvas's worker does, and
# reports the image plugins each thread loaded and a pixel of the map.
RENDER_ON_A_WORKER = """
import json, sys, threading
from PySide6.QtWidgets import QApplication
from qpvdesk.models.map.map_state import MapState
from qpvdesk.models.map.viewport import Viewport
from qpvdesk.render.compose import MapComposer
from qpvdesk.render.renderer import render_map

def plugins():
    return sorted({line.rsplit("/", 1)[-1].strip() for line in open("/proc/self/maps")
                   if "/imageformats/" in line})

app = QApplication([])
state = MapState.default([])
state.basemap_path = sys.argv[1]
before = plugins()
request = MapComposer(None, {}, state)(Viewport(684_000, 7_037_000, 20.0, 200, 150))
composed = plugins()
drawn = []
worker = threading.Thread(target=lambda: drawn.append(render_map(request)))
worker.start()
worker.join()
print(json.dumps({"before": before, "composed": composed, "rendered": plugins(),
                  "pixel": drawn[0].pixelColor(100, 75).getRgb()[:3]}))
"""


@pytest.mark.parametrize("image_format, gui_thread_loads", [
    ("png", ["libqjpeg.so", "libqwebp.so"]),   # PNG is Qt's own: no plugin at all
    ("jpg", ["libqjpeg.so", "libqwebp.so"]),
])
def test_the_render_worker_loads_no_image_plugin(tmp_path, image_format, gui_thread_loads):
    tile = encoded(image_format)
    tiles = [(zoom, column + dx, row + dy, tile) for zoom in (12, 13)
             for column, row in [xyz_tile(2.83, 50.43, zoom)]
             for dx in (-2, -1, 0, 1, 2) for dy in (-2, -1, 0, 1, 2)]
    path = write_mbtiles(tmp_path / "fond.mbtiles", {"name": "essai", "format": image_format},
                         tiles)
    done = subprocess.run([sys.executable, "-c", RENDER_ON_A_WORKER, str(path)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["before"] == []
    assert report["composed"] == gui_thread_loads        # on the GUI thread, when composed
    assert report["rendered"] == report["composed"]      # the worker added none
    red, green, blue = report["pixel"]
    assert abs(red - 200) <= 4 and green <= 40 and blue <= 40   # the tiles were drawn
