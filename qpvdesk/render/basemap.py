"""Draw an offline MBTiles raster basemap under the layers, warped into Lambert-93.

Web-Mercator tiles are not axis-aligned in Lambert-93: each tile is drawn through the
projective transform that sends its image corners onto its four Lambert-93 corners, which
is exact at the corners and within a fraction of a pixel inside at these scales.

Tiles are decoded in the render worker, which holds Python's lock (the GIL) through every Qt
call. The first time Qt needs an image format plugin it creates it and moves it to the GUI
thread, locking a mutex that Qt shares, by hash, with the connections of every QObject. The
GUI thread can hold such a mutex while it waits for the GIL (destroying a QObject connected
to a PySide object asks Python for its disconnectNotify): a start with a saved basemap hung
once in 300 that way. So the plugins are created on the GUI thread before any render
(load_image_decoders), and each tile is decoded in the format its first bytes show, never by
asking every plugin; PNG, built into Qt, needs none at all.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF
from PySide6.QtGui import QImage, QImageReader, QPainter, QPolygonF, QTransform

from ..models.map.viewport import Viewport
from ..models.mbtiles import MBTiles, MBTilesError

# the formats an MBTiles basemap may hold (models/mbtiles.py) that need a Qt plugin
PLUGIN_FORMATS = ("jpg", "webp")
MAGIC_FORMATS = ((b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpg"), (b"RIFF", "webp"))


def draw_basemap(path: str, painter: QPainter, viewport: Viewport) -> None:
    """Runs in the render worker: opens its own read-only connection to the file. A file
    that became unreadable since it was chosen is skipped: the layers still draw."""
    try:
        tiles = MBTiles(path)
    except MBTilesError:
        return
    try:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for placement in tiles.placements(viewport.bbox, viewport.resolution):
            data = tiles.tile(placement.zoom, placement.column, placement.row_xyz)
            image = decode_tile(data, tiles.format) if data else QImage()
            if image.isNull():
                continue
            corners = [viewport.to_screen(x, y) for x, y in placement.corners]
            target = QPolygonF([QPointF(float(x), float(y)) for x, y in corners])
            source = QPolygonF(QRectF(0, 0, image.width(), image.height()))
            source.removeLast()  # QPolygonF(QRectF) closes the ring: keep four corners
            transform = QTransform()
            if QTransform.quadToQuad(source, target, transform):
                painter.setTransform(transform)
                painter.drawImage(0, 0, image)
        painter.restore()
    finally:
        tiles.close()


@lru_cache(maxsize=1)
def load_image_decoders() -> None:
    """Create the plugins of JPEG and WebP tiles on the calling thread, the GUI one (see
    above): a reader given a format asks that format's plugin. Once per process."""
    for image_format in PLUGIN_FORMATS:
        buffer = _buffer(b"\x00" * 16)    # kept alive: the reader does not own it
        QImageReader(buffer, image_format.encode()).canRead()


def decode_tile(data: bytes, declared: str) -> QImage:
    """The tile's image, read in the format its first bytes show (else the file's declared
    one), never by asking every plugin: that could create one in the render worker."""
    image_format = next((name for magic, name in MAGIC_FORMATS if data.startswith(magic)),
                        declared)
    buffer = _buffer(data)                # kept alive: the reader does not own it
    reader = QImageReader(buffer, image_format.encode())
    reader.setAutoDetectImageFormat(False)
    return reader.read()


def _buffer(data: bytes) -> QBuffer:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer
