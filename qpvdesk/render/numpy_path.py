"""Build a QPainterPath from numpy coordinate arrays in one go.

QPainterPath's QDataStream format is: vertex count (int32), then per vertex an element type
(int32: 0 move-to, 1 line-to) and x, y (float64), then the current subpath start and the
fill rule (int32 each), all big-endian. Filling that buffer with numpy and streaming it in is
an order of magnitude faster than calling moveTo/lineTo per vertex (the idea of pyqtgraph's
arrayToQPath, without importing pyqtgraph at start-up).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream
from PySide6.QtGui import QPainterPath

_VERTEX = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_ODD_EVEN_FILL = 0


def numpy_path(x: np.ndarray, y: np.ndarray, continues: np.ndarray) -> QPainterPath:
    """`continues[i]` is true when vertex i is joined to vertex i + 1 (same ring)."""
    types = np.empty(len(x), dtype=np.int32)
    if len(x):
        types[0] = 0
        types[1:] = continues[:-1]   # a line-to joins the previous vertex
    return typed_path(x, y, types)


def typed_path(x: np.ndarray, y: np.ndarray, types: np.ndarray) -> QPainterPath:
    """`types[i]` is 0 when vertex i starts a subpath (move-to), 1 when a line reaches it."""
    count = len(x)
    path = QPainterPath()
    if count == 0:
        return path
    size = 4 + count * _VERTEX.itemsize + 8
    data = QByteArray()
    data.resize(size)
    # Write straight into the QByteArray's memory: no conversion of a Python bytes object
    # (which may stop at the first NUL byte) ever happens.
    memory = np.frombuffer(memoryview(data), dtype=np.uint8)
    memory[:4] = np.frombuffer(np.array([count], ">i4").tobytes(), np.uint8)
    vertices = memory[4:4 + count * _VERTEX.itemsize].view(_VERTEX)
    vertices["type"] = types
    vertices["x"], vertices["y"] = x, y
    memory[-8:] = np.frombuffer(np.array([0, _ODD_EVEN_FILL], ">i4").tobytes(), np.uint8)
    stream = QDataStream(data)
    stream >> path
    return path
