"""Painting recorded once, then played on horizontal bands of one image at the same time.

The renderer draws its layers on a DisplayList, which stands for the QPainter and records the
calls (culling, level of detail, paths and labels placement are Python's work, done once).
`play` then paints the calls in BANDS strips of the image, one thread each, every strip
through a QImage over its own rows of the image's memory: no copy and nothing to compose.
Qt's fills and strokes run with the GIL released (render/unlocked_painting.py), so the strips
are painted side by side; each strip is clipped by its own image, and an integer shift of
the painter gives the pixels one painter over the whole image gives, but for a pixel here and
there where a line or a ring crosses from one strip to the next (Qt starts the line again
where the strip cuts it).

Without the unlocked calls (another platform, another Qt), the calls are played on one
painter over the whole image, as before.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtGui import QImage, QPainter, QPainterPath, QTransform

from . import unlocked_painting

MAX_BANDS = 4
MIN_BAND_ROWS = 96   # a smaller image is painted in fewer bands


def band_count(height: int) -> int:
    """How many strips an image of `height` rows is painted in, at most one per core."""
    if not unlocked_painting.available():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_BANDS, cores or 1, height // MIN_BAND_ROWS))


class DisplayList:
    """The QPainter calls the renderer makes, kept to be played later. Paths drawn are
    converted by Qt as they are recorded, so that several threads may draw them at once."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []
        self._warmer = unlocked_painting.PathWarmer()

    def close(self) -> None:
        self._warmer.close()

    def save(self) -> None:
        self.calls.append(("save", ()))

    def restore(self) -> None:
        self.calls.append(("restore", ()))

    def setOpacity(self, opacity: float) -> None:  # noqa: N802 (QPainter's names)
        self.calls.append(("setOpacity", (opacity,)))

    def setRenderHint(self, hint, on: bool = True) -> None:  # noqa: N802
        self.calls.append(("setRenderHint", (hint, on)))

    def setPen(self, pen) -> None:  # noqa: N802
        self.calls.append(("setPen", (pen,)))

    def setBrush(self, brush) -> None:  # noqa: N802
        self.calls.append(("setBrush", (brush,)))

    def setTransform(self, transform: QTransform) -> None:  # noqa: N802
        self.calls.append(("setTransform", (transform,)))

    def fillPath(self, path: QPainterPath, brush) -> None:  # noqa: N802
        self._warmer.warm(path)
        self.calls.append(("fillPath", (path, brush)))

    def drawPath(self, path: QPainterPath) -> None:  # noqa: N802
        self._warmer.warm(path)
        self.calls.append(("drawPath", (path,)))

    def drawImage(self, x: int, y: int, image: QImage) -> None:  # noqa: N802
        self.calls.append(("drawImage", (x, y, image)))

    def play(self, image: QImage, cancelled: Callable[[], bool],
             cancel: type[Exception]) -> None:
        """Paint the calls on `image`, in band_count() strips at once; raises `cancel` when
        `cancelled()` turns true."""
        count = band_count(image.height())
        rows = [image.height() * index // count for index in range(count + 1)]
        bands = [(_rows_of(image, top, bottom), top) for top, bottom in zip(rows, rows[1:])]
        stop = threading.Event()
        jobs = [_pool().submit(self._play_band, band, top, cancelled, stop)
                for band, top in bands[1:]]
        try:
            self._play_band(*bands[0], cancelled, stop)
        except BaseException:
            stop.set()
            raise
        finally:   # the other bands' painters are done with the image's memory
            errors = [job.exception() for job in jobs]
        if stop.is_set():
            raise cancel
        for error in errors:
            if error is not None:
                raise error

    def _play_band(self, band: QImage, top: int, cancelled: Callable[[], bool],
                   stop: threading.Event) -> None:
        shift = QTransform.fromTranslate(0, -top)
        painter = QPainter(band)
        saved = 0
        try:
            painter.setTransform(shift)
            for name, args in self.calls:
                if name == "fillPath" or name == "drawPath":
                    if stop.is_set():
                        return
                    if cancelled():
                        stop.set()
                        return
                    if name == "fillPath":
                        unlocked_painting.fill_path(painter, *args)
                    else:
                        unlocked_painting.draw_path(painter, *args)
                elif name == "setTransform":
                    painter.setTransform(args[0] * shift)
                else:
                    saved += {"save": 1, "restore": -1}.get(name, 0)
                    getattr(painter, name)(*args)
        finally:
            for _ in range(saved):   # stopped inside a layer
                painter.restore()
            painter.end()


def _rows_of(image: QImage, top: int, bottom: int) -> QImage:
    """A QImage over rows [top, bottom) of `image`'s memory (the image itself when whole)."""
    if (top, bottom) == (0, image.height()):
        return image
    line = image.bytesPerLine()
    return QImage(image.bits()[top * line:bottom * line], image.width(), bottom - top, line,
                  image.format())


_POOL: list[ThreadPoolExecutor] = []
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    """The threads that paint the bands after the first (the caller paints the first)."""
    with _POOL_LOCK:
        if not _POOL:
            _POOL.append(ThreadPoolExecutor(MAX_BANDS - 1, thread_name_prefix="qpvdesk-band"))
        return _POOL[0]
