"""Draw an offline MBTiles raster basemap under the layers, warped into Lambert-93.

Web-Mercator tiles are not axis-aligned in Lambert-93: each tile is drawn through the
projective transform that sends its image corners onto its four Lambert-93 corners, which
is exact at the corners and within a fraction of a pixel inside at these scales.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPolygonF, QTransform

from ..models.map.viewport import Viewport
from ..models.mbtiles import MBTiles, MBTilesError


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
            image = QImage.fromData(data) if data else QImage()
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
