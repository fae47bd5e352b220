"""Where participants' drawings agree: exact areas on cases worked out by hand, drawings left
out (never repaired), thresholds, the share outside the QPV, freehand simplification and
the clustering of pins."""
from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box

from qpvdesk.models.atelier.clusters import place_clusters, radius_groups
from qpvdesk.models.atelier.consensus import (NoUsableDrawing, consensus, needed_count,
                                              parse_thresholds)
from qpvdesk.models.atelier.simplify import douglas_peucker, simplify_ring, view_tolerance
from qpvdesk.models.atelier.workshop import Contribution

X0, Y0 = 690_000.0, 7_030_000.0     # Lambert-93, near Lens


def square(x: float, y: float, side: float = 100.0) -> Polygon:
    return box(X0 + x, Y0 + y, X0 + x + side, Y0 + y + side)


# Four 100 m squares shifted by 50 m: the middle 50 m square is covered by all four, four
# 50 m squares by two, the four corners by one; 150 m × 150 m in all.
FOUR = [("P1", square(0, 0)), ("P2", square(50, 0)), ("P3", square(0, 50)),
        ("P4", square(50, 50))]


def test_four_overlapping_squares_have_the_areas_worked_out_by_hand():
    agreement = consensus(FOUR, (0.25, 0.5, 0.75, 1.0))
    assert agreement.participants == 4
    areas = {level.threshold: level.area_m2 for level in agreement.levels}
    assert areas == pytest.approx({0.25: 22_500.0, 0.5: 12_500.0, 0.75: 2_500.0,
                                   1.0: 2_500.0}, abs=1e-6)
    assert [level.min_count for level in agreement.levels] == [1, 2, 3, 4]
    # the contours are the places themselves, not just their areas
    assert agreement.level(0.75).geometry.equals(square(50, 50, 50))
    plus = shapely.union_all([square(50, 0, 50), square(0, 50, 50), square(50, 50, 50),
                              square(100, 50, 50), square(50, 100, 50)])
    assert agreement.level(0.5).geometry.symmetric_difference(plus).area < 1e-6
    assert agreement.level(0.5).geometry.area == pytest.approx(12_500.0)
    # the faces partition everything drawn: 1 + 4 + 4 of them, their counts as by hand
    assert sorted(agreement.counts.tolist()) == [1, 1, 1, 1, 2, 2, 2, 2, 4]
    assert shapely.area(agreement.faces).sum() == pytest.approx(22_500.0)


def test_a_hole_is_covered_by_nobody_and_the_share_outside_the_qpv_is_measured():
    ring = Polygon(square(0, 0, 300).exterior.coords, [square(100, 100, 100).exterior.coords])
    drawings = [("anneau", ring), ("plein", square(0, 0, 300)),
                ("coin", square(200, 200, 100))]
    perimeter = square(0, 0, 150)
    agreement = consensus(drawings, (0.5, 1.0), perimeter=perimeter)
    # ≥ 2 of 3: the ring (80,000 m²); its hole is covered by « plein » alone: 1 of 3
    half = agreement.level(0.5)
    assert half.area_m2 == pytest.approx(300 * 300 - 100 * 100)
    assert half.geometry.contains(Point(X0 + 150, Y0 + 150)) is False
    # outside the 150 m square perimeter: 80,000 − (150² − 50²) = 60,000 m²
    assert half.outside_m2 == pytest.approx(80_000 - (150 ** 2 - 50 ** 2))
    assert half.share_outside == pytest.approx(0.75)
    assert agreement.level(1.0).area_m2 == pytest.approx(100 * 100 - 0)   # « coin » ∩ all


def test_invalid_drawings_are_reported_and_left_out_never_repaired():
    bow_tie = Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    flat = Polygon([(X0, Y0), (X0 + 50, Y0), (X0 + 100, Y0)])
    line = shapely.LineString([(X0, Y0), (X0 + 10, Y0 + 10)])
    with np.errstate(invalid="ignore"):
        not_a_number = Polygon([(X0, Y0), (math.nan, Y0), (X0, Y0 + 5)])
    drawings = [*FOUR, ("noeud", bow_tie), ("plat", flat), ("trait", line), ("vide", None),
                ("nan", not_a_number)]
    agreement = consensus(drawings, (0.5,))
    assert agreement.participants == 4        # the shares are of the four usable drawings
    assert agreement.level(0.5).area_m2 == pytest.approx(12_500.0)
    reasons = {item.label: item.reason for item in agreement.left_out}
    assert set(reasons) == {"noeud", "plat", "trait", "vide", "nan"}
    assert reasons["noeud"] == "Le tracé se recoupe lui-même."
    assert "surface" in reasons["trait"] and "vide" in reasons["vide"]
    assert "NaN" in reasons["nan"]
    with pytest.raises(NoUsableDrawing):
        consensus([("noeud", bow_tie)])


def test_one_participant_drawing_in_two_parts_counts_once():
    two_parts = MultiPolygon([square(0, 0), square(500, 0)])
    agreement = consensus([("A", two_parts), ("B", square(500, 0))], (1.0,))
    assert agreement.participants == 2
    assert agreement.level(1.0).area_m2 == pytest.approx(10_000.0)


def test_thresholds_are_shares_of_the_participants():
    assert needed_count(0.5, 5) == 3 and needed_count(0.25, 4) == 1
    assert needed_count(0.75, 4) == 3 and needed_count(1 / 3, 3) == 1
    assert parse_thresholds("0.25,0.5,0.75") == (0.25, 0.5, 0.75)
    assert parse_thresholds("50%, 25 %") == (0.25, 0.5)
    for bad in ("", "0", "1.5", "abc", "0.5,,0.7", "nan"):
        with pytest.raises(ValueError):
            parse_thresholds(bad)


def test_douglas_peucker_keeps_the_corners_of_a_wobbly_trace():
    rng = np.random.default_rng(4)
    corners = np.array([(0, 0), (200, 0), (200, 100), (0, 100)], dtype=float)
    trace = []
    for start, end in zip(corners, np.roll(corners, -1, axis=0)):
        for t in np.linspace(0, 1, 50, endpoint=False):
            trace.append(start + t * (end - start) + rng.normal(0, 0.8, 2))
    kept = simplify_ring(np.array(trace), tolerance=view_tolerance(1.0))   # 1 m per pixel
    assert len(kept) == 4
    for corner in corners:
        assert np.hypot(*(kept - corner).T).min() < 3.0
    line = douglas_peucker([(0, 0), (1, 0.1), (2, -0.1), (3, 5), (4, 0)], 0.5)
    assert line.tolist() == [[0, 0], [2, -0.1], [3, 5], [4, 0]]


def _pin(number: int, participant: int, x: float, y: float, kind: str = "frequent",
         category: str | None = "ecole") -> Contribution:
    return Contribution(number, participant, "lieu", Point(X0 + x, Y0 + y), kind, category)


def test_pins_are_clustered_by_kind_within_the_radius():
    pins = [_pin(1, 1, 0, 0), _pin(2, 2, 30, 0), _pin(3, 3, 90, 0),      # a chain: one
            _pin(4, 1, 1000, 0),                                          # alone
            _pin(5, 4, 10, 10, "mal_a_l_aise", None),                     # other kind
            _pin(6, 4, 20, 0, "frequent", "commerce"),                    # other category
            _pin(7, 2, 40, 0)]                                            # same person twice
    clusters = place_clusters(pins, radius=80.0)
    school = [item for item in clusters if item.category == "ecole"]
    assert sorted((item.pins, item.participants) for item in school) == [(1, 1), (4, 3)]
    assert {item.place_kind for item in clusters} == {"frequent", "mal_a_l_aise"}
    assert clusters[0].label == "J'y vais souvent — École" and clusters[0].pins == 4
    assert radius_groups(np.zeros((0, 2)), 10).tolist() == []
