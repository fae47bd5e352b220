"""Freehand tracing turned into a polygon a person would have drawn corner by corner:
Douglas-Peucker simplification with a tolerance in metres taken from the view (a few screen
pixels at the current scale), so a trace drawn zoomed in keeps its detail."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# A trace wobbles by a few pixels with a finger: what is closer than this to the simplified
# line is noise.
TOLERANCE_PX = 4.0


def view_tolerance(metres_per_pixel: float, pixels: float = TOLERANCE_PX) -> float:
    """The simplification tolerance, in metres, of a trace drawn at this scale."""
    return max(float(metres_per_pixel), 0.0) * pixels


def _distances_to_chord(points: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    chord = end - start
    length = float(np.hypot(*chord))
    offsets = points - start
    if length == 0.0:
        return np.hypot(offsets[:, 0], offsets[:, 1])
    return np.abs(chord[0] * offsets[:, 1] - chord[1] * offsets[:, 0]) / length


def douglas_peucker(points: Sequence[Sequence[float]], tolerance: float) -> np.ndarray:
    """The points of an open line kept by Douglas-Peucker: the first and last always, and
    every point farther than ``tolerance`` from the chord of the span it lies in. (n, 2)."""
    line = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(line) <= 2:
        return line.copy()
    keep = np.zeros(len(line), dtype=bool)
    keep[[0, -1]] = True
    spans = [(0, len(line) - 1)]
    while spans:   # an explicit stack: a long trace would exceed Python's recursion limit
        first, last = spans.pop()
        if last - first < 2:
            continue
        distances = _distances_to_chord(line[first + 1:last], line[first], line[last])
        farthest = int(np.argmax(distances))
        if distances[farthest] > tolerance:
            middle = first + 1 + farthest
            keep[middle] = True
            spans += [(first, middle), (middle, last)]
    return line[keep]


def simplify_ring(points: Sequence[Sequence[float]], tolerance: float) -> np.ndarray:
    """A closed trace (the last point joins the first), simplified: cut at the point
    farthest from the start, each half simplified, so no corner is lost to where the finger
    happened to start. Open (n, 2) result, without repeating the first point."""
    ring = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(ring) > 1 and np.array_equal(ring[0], ring[-1]):
        ring = ring[:-1]
    if len(ring) <= 3:
        return ring.copy()
    offsets = ring - ring[0]
    far = int(np.argmax(np.hypot(offsets[:, 0], offsets[:, 1])))
    if far == 0:
        return ring[:1].copy()
    first = douglas_peucker(ring[:far + 1], tolerance)
    second = douglas_peucker(np.vstack([ring[far:], ring[:1]]), tolerance)
    return np.vstack([first[:-1], second[:-1]])
