"""The numpy -> QPainterPath bridge used by the renderer."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from qpvdesk.render.numpy_path import numpy_path


def test_two_rings_become_two_subpaths_with_the_same_vertices(qapp):
    x = np.array([0, 10, 10, 0, 0, 20, 30, 30, 20, 20], float)
    y = np.array([0, 0, 10, 10, 0, 0, 0, 10, 10, 0], float)
    ring = np.array([0] * 5 + [1] * 5)
    continues = np.r_[ring[:-1] == ring[1:], False].astype(np.int32)
    path = numpy_path(x, y, continues)
    types = [path.elementAt(i).type for i in range(path.elementCount())]
    assert types.count(QPainterPath.ElementType.MoveToElement) == 2
    assert [(path.elementAt(i).x, path.elementAt(i).y) for i in range(10)] == list(zip(x, y))
    assert path.contains(QPointF(5, 5)) and path.contains(QPointF(25, 5))
    assert not path.contains(QPointF(15, 5))


def test_coordinates_holding_zero_bytes_survive(qapp):
    # 0.0 and small integers are mostly NUL bytes in big-endian doubles
    x, y = np.zeros(4), np.array([0.0, 1.0, 2.0, 0.0])
    path = numpy_path(x, y, np.array([1, 1, 1, 0], np.int32))
    assert path.elementCount() == 4 and path.elementAt(2).y == 2.0
