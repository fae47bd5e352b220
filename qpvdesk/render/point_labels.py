"""Names beside the points of a scatter chart, none over another, joined by a leader line when
they have to sit away from their point: the « dynamique des écarts » on screen and in the
reports uses this one placement.

Greedy, as cartographers place point labels: the points with most neighbours choose first
(they have least room), each takes the first free place in rings of growing distance around
it — beside, then above or below, then further out in sixteen directions. A place is free when
it stays in the plot and covers no name, marker, reserved box (the quadrant names) nor leader
line already drawn, and when its own leader line crosses no name or other marker. Only if no
ring has a free place does a name take the one that hides least, names first.
Lengths are in the caller's pixels; no widget, no painter.
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF

#: Directions of a name from its point (degrees, y pointing down), best first: beside, beside
#: a little higher or lower, then the diagonals, then above and below.
DIRECTIONS = (0, 180, -22.5, 22.5, -157.5, 157.5, -45, 45, -135, 135, -90, 90,
              -67.5, 67.5, -112.5, 112.5)
RINGS = 14                   # the farthest ring is 13 name heights away from its point
NEIGHBOURHOOD = 4.0          # name heights: how far a neighbour counts for the order


@dataclass(frozen=True)
class PlacedLabel:
    rect: QRectF                # the name's box
    leader: QLineF | None       # from the marker's edge to the box, when the box is not beside it


def _candidates(centre: QPointF, size: QSizeF, radius: float, gap: float
                ) -> list[tuple[QRectF, QLineF | None]]:
    """Every place of a name around its point, nearest first. The rings are squares and the
    box slides along them: at 0° its left side faces the point, at 45° its top-left corner, at
    90° the middle of its top side."""
    places = []
    step = size.height() * 1.05
    for ring in range(RINGS):
        for degrees in DIRECTIONS:
            dx, dy = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
            square = max(abs(dx), abs(dy))
            reach = (radius + gap + ring * step) / square
            target = QPointF(centre.x() + reach * dx, centre.y() + reach * dy)
            rect = QRectF(target.x() - (0.5 - 0.5 * dx / square) * size.width(),
                          target.y() - (0.5 - 0.5 * dy / square) * size.height(),
                          size.width(), size.height())
            leader = None
            if ring:
                start = QPointF(centre.x() + (radius + 1) * dx, centre.y() + (radius + 1) * dy)
                leader = QLineF(start, target)
            places.append((rect, leader))
    return places


def _crosses(line: QLineF, rect: QRectF) -> bool:
    """Whether the segment meets the rectangle (Liang-Barsky clipping)."""
    x, y, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    low, high = 0.0, 1.0
    for p, q in ((-dx, x - rect.left()), (dx, rect.right() - x),
                 (-dy, y - rect.top()), (dy, rect.bottom() - y)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _area(rect: QRectF, others: Sequence[QRectF]) -> float:
    """How much of ``others`` the box covers (0: none)."""
    total = 0.0
    for other in others:
        common = rect.intersected(other)
        if not common.isEmpty():
            total += common.width() * common.height()
    return total


def place_labels(centres: Sequence[QPointF], sizes: Sequence[QSizeF], bounds: QRectF,
                 reserved: Sequence[QRectF] = (), radius: float = 4.0, gap: float = 2.0
                 ) -> list[PlacedLabel]:
    """A place for each name (``sizes[i]`` beside ``centres[i]``, markers of ``radius``),
    inside ``bounds`` and off the ``reserved`` boxes; in the order of ``centres``."""
    markers = [QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius) for c in centres]
    reach = NEIGHBOURHOOD * max((s.height() for s in sizes), default=0.0)

    def neighbours(index: int) -> int:
        here = centres[index]
        return sum(1 for other in centres
                   if 0 < math.hypot(other.x() - here.x(), other.y() - here.y()) <= reach)

    order = sorted(range(len(centres)), key=lambda i: (-neighbours(i), centres[i].y(),
                                                       centres[i].x()))
    boxes: list[QRectF] = list(reserved)
    leaders: list[QLineF] = []
    placed: dict[int, PlacedLabel] = {}
    for index in order:
        others = markers[:index] + markers[index + 1:]

        def hidden(place: tuple[QRectF, QLineF | None]) -> Iterator[float]:
            """What a place would hide, worst first (all zeros: a free place), one term at a
            time so that a test of freedom stops at the first."""
            rect, leader = place
            yield 0 if bounds.contains(rect) else 1
            yield _area(rect, boxes)
            yield sum(1 for line in leaders if _crosses(line, rect))
            yield 0 if leader is None else sum(1 for box in boxes if _crosses(leader, box))
            yield _area(rect, markers)
            yield 0 if leader is None else sum(1 for box in others if _crosses(leader, box))

        candidates = _candidates(centres[index], sizes[index], radius, gap)
        best = next((place for place in candidates if not any(hidden(place))), None)
        if best is None:
            best = min(candidates, key=lambda place: tuple(hidden(place)))
        rect, leader = best
        boxes.append(rect)
        if leader is not None:
            leaders.append(leader)
        placed[index] = PlacedLabel(rect, leader)
    return [placed[index] for index in range(len(centres))]
