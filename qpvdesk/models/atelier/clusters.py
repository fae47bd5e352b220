"""Pins that name the same place, gathered: for each kind of pin (and what the place is),
the pins closer than a radius to one another, step by step, form one cluster — DBSCAN with
one point enough to start a cluster, i.e. the connected parts of the « within the radius »
graph. numpy only (a workshop has at most a few hundred pins)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .vocabulary import PLACE_KINDS, place_label
from .workshop import Contribution

CLUSTER_RADIUS_M = 80.0     # two pins this close name the same school, shop or corner


@dataclass(frozen=True)
class PlaceCluster:
    place_kind: str
    category: str | None
    x: float                # centre of its pins, Lambert-93
    y: float
    pins: int
    participants: int       # distinct participants who placed them

    @property
    def label(self) -> str:
        return place_label(self.place_kind, self.category)


def radius_groups(points: np.ndarray, radius: float) -> np.ndarray:
    """A group number per point: points linked by a chain of neighbours closer than
    ``radius`` share it (numbered 0, 1, … in order of first point)."""
    count = len(points)
    labels = np.full(count, -1, dtype=np.int64)
    if count == 0:
        return labels
    difference = points[:, None, :] - points[None, :, :]
    near = np.einsum("ijk,ijk->ij", difference, difference) <= radius * radius
    group = 0
    for start in range(count):
        if labels[start] >= 0:
            continue
        labels[start] = group
        frontier = np.array([start])
        while len(frontier):
            reached = np.flatnonzero(near[frontier].any(axis=0) & (labels < 0))
            labels[reached] = group
            frontier = reached
        group += 1
    return labels


def place_clusters(places: Sequence[Contribution],
                   radius: float = CLUSTER_RADIUS_M) -> list[PlaceCluster]:
    """Clusters of pins of the same kind and category, the most-named first."""
    by_kind: dict[tuple[str, str | None], list[Contribution]] = {}
    for place in places:
        by_kind.setdefault((place.place_kind, place.category), []).append(place)
    clusters = []
    for (kind, category), members in by_kind.items():
        points = np.array([(item.geometry.x, item.geometry.y) for item in members])
        labels = radius_groups(points, radius)
        for group in range(labels.max() + 1):
            chosen = labels == group
            centre = points[chosen].mean(axis=0)
            people = {members[index].participant for index in np.flatnonzero(chosen)}
            clusters.append(PlaceCluster(kind, category, float(centre[0]), float(centre[1]),
                                         int(chosen.sum()), len(people)))
    order = list(PLACE_KINDS)
    return sorted(clusters, key=lambda item: (order.index(item.place_kind), -item.participants,
                                              -item.pins, item.category or ""))
