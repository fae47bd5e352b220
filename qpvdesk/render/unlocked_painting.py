"""QPainter's fillPath and drawPath called without holding Python's GIL.

PySide keeps the GIL for the whole of every QPainter call, so two threads painting two
images take turns (40 fills: 330 ms in one thread, 353 ms in two). Through ctypes, which
releases the GIL around a foreign call, the same C++ functions of the QtGui library that
PySide already loaded run side by side: a map painted in two bands of its image at once takes
half the time (render/display_list.py), and the GUI thread runs Python while a worker paints.

The functions are QPainter's own, found by their C++ names (Itanium ABI: a member function
takes `this` first; a reference is a pointer). If the library or a name is not found, or the
first call does not paint the pixels PySide paints, `available()` is False and the callers
use PySide's methods. The objects passed must be kept alive by the caller during the call,
and a path must already be converted by Qt (`ready_for_threads`) before two threads draw it.
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen
from shiboken6 import Shiboken

QT_GUI_LIBRARY = "libQt6Gui.so.6"
FILL_PATH = "_ZN8QPainter8fillPathERK12QPainterPathRK6QBrush"   # fillPath(path, brush)
DRAW_PATH = "_ZN8QPainter8drawPathERK12QPainterPath"            # drawPath(path)


def _address(qt_object) -> int:
    return Shiboken.getCppPointer(qt_object)[0]


@lru_cache(maxsize=1)
def _functions() -> tuple | None:
    """QPainter::fillPath and QPainter::drawPath of the loaded QtGui, or None."""
    try:
        library = ctypes.CDLL(QT_GUI_LIBRARY)   # the copy PySide loaded, found by its soname
        fill, draw = getattr(library, FILL_PATH), getattr(library, DRAW_PATH)
    except (OSError, AttributeError):
        return None
    fill.argtypes = [ctypes.c_void_p] * 3
    draw.argtypes = [ctypes.c_void_p] * 2
    fill.restype = draw.restype = None
    return fill, draw


@lru_cache(maxsize=1)
def available() -> bool:
    """True when the unlocked calls are found and paint what PySide's methods paint."""
    if _functions() is None:
        return False
    path = QPainterPath(QPointF(2.5, 1.0))
    for x, y in ((13.0, 4.5), (9.0, 14.0), (1.0, 9.5)):
        path.lineTo(x, y)
    path.closeSubpath()
    images = []
    for unlocked in (False, True):
        image = QImage(16, 16, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#3182bd"), 1.5))
        brush = QBrush(QColor(200, 30, 30, 150))
        if unlocked:
            _functions()[0](_address(painter), _address(path), _address(brush))
            _functions()[1](_address(painter), _address(path))
        else:
            painter.fillPath(path, brush)
            painter.drawPath(path)
        painter.end()
        images.append(image)
    return images[0] == images[1] and images[0] != _blank(16)


def _blank(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    return image


def fill_path(painter: QPainter, path: QPainterPath, brush: QBrush) -> None:
    """painter.fillPath(path, brush), the GIL released when available()."""
    if not isinstance(brush, QBrush):
        brush = QBrush(brush)
    if available():
        _functions()[0](_address(painter), _address(path), _address(brush))
    else:
        painter.fillPath(path, brush)


def draw_path(painter: QPainter, path: QPainterPath) -> None:
    """painter.drawPath(path), the GIL released when available()."""
    if available():
        _functions()[1](_address(painter), _address(path))
    else:
        painter.drawPath(path)


class PathWarmer:
    """Makes Qt convert paths before several threads draw them. Qt builds a path's vector
    form and its bounds lazily, inside the path's shared data, on the first draw; two
    threads drawing a new path at once would both build them. Filling a path on a one-pixel
    image, moved far outside it, builds both and paints nothing (Qt skips a path whose
    bounds miss the image before rasterising it)."""

    def __init__(self) -> None:
        self._image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        self._painter = QPainter(self._image)
        self._painter.translate(-1e12, -1e12)
        self._brush = QBrush(Qt.GlobalColor.black)

    def warm(self, path: QPainterPath) -> None:
        self._painter.fillPath(path, self._brush)

    def close(self) -> None:
        self._painter.end()
