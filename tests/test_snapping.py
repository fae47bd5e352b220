"""Snapping math on the real QPV and commune layers, and on extra geometries."""
from __future__ import annotations

import math

import pytest
import shapely
from shapely.geometry import Polygon

from qpvdesk.models.map.layers import load_reference_layers
from qpvdesk.models.map.snapping import Snapper

QPV = "QN06202M"


@pytest.fixture(scope="module")
def layers(reference):
    return load_reference_layers(reference)


@pytest.fixture(scope="module")
def qpv_edge(layers):
    """A long edge of the QPV outline: its two ends and its middle, measured here."""
    layer = layers["qpv"]
    geometry = layer.geometries[layer.keys.index(QPV)]
    coordinates = shapely.get_coordinates(geometry.boundary)
    lengths = [math.dist(a, b) for a, b in zip(coordinates, coordinates[1:])]
    index = max(range(len(lengths)), key=lengths.__getitem__)
    a, b = coordinates[index], coordinates[index + 1]
    return tuple(a), tuple(b), ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def normal(a, b, distance):
    """An offset `distance` metres perpendicular to the segment a-b."""
    length = math.dist(a, b)
    return (-(b[1] - a[1]) / length * distance, (b[0] - a[0]) / length * distance)


def test_a_click_near_a_qpv_vertex_snaps_on_it(layers, qpv_edge):
    a, _, _ = qpv_edge
    snapper = Snapper([layers["qpv"], layers["communes"]])
    result = snapper.snap(a[0] + 3, a[1] - 4, 10)
    assert result.kind == "vertex" and (result.x, result.y) == pytest.approx(a)
    assert result.layer_id in ("qpv", "communes")
    if result.layer_id == "qpv":
        assert result.key == QPV


def test_a_click_near_the_middle_of_an_edge_snaps_on_the_edge(layers, qpv_edge):
    a, b, middle = qpv_edge
    assert math.dist(a, b) > 40       # the middle is out of reach of both ends
    dx, dy = normal(a, b, 6)
    result = Snapper([layers["qpv"]]).snap(middle[0] + dx, middle[1] + dy, 10)
    assert result.kind == "edge" and result.layer_id == "qpv" and result.key == QPV
    assert (result.x, result.y) == pytest.approx(middle, abs=1e-6)


def test_nothing_snaps_beyond_the_tolerance_or_when_disabled(layers, qpv_edge):
    a, b, middle = qpv_edge
    dx, dy = normal(a, b, 15)
    snapper = Snapper([layers["qpv"]])
    probe = (middle[0] + dx, middle[1] + dy)
    assert snapper.snap(*probe, 10).kind is None
    assert snapper.snap(*probe, 10).x == probe[0]
    assert snapper.snap(*probe, 20).kind == "edge"
    snapper.enabled = False
    assert snapper.snap(*probe, 20).kind is None


def test_a_vertex_in_reach_wins_over_a_closer_edge():
    square = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)])
    snapper = Snapper([])
    snapper.set_layer("proposals", [("p1", square)])
    result = snapper.snap(8, 1, 10)     # edge 1 m away, vertex 8.06 m away
    assert (result.kind, result.x, result.y, result.layer_id, result.key) == (
        "vertex", 0, 0, "proposals", "p1")
    assert snapper.snap(50, 4, 10).kind == "edge"


def test_excluded_features_and_per_call_extras():
    square = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)])
    snapper = Snapper([])
    snapper.set_layer("proposals", [("p1", square)])
    assert snapper.snap(2, 2, 10, exclude={("proposals", "p1")}).kind is None
    result = snapper.snap(2, 2, 10, extra=[("", square)], exclude={("proposals", "p1")})
    assert (result.kind, result.layer_id) == ("vertex", "drawing")


def test_a_layer_given_again_replaces_its_index():
    snapper = Snapper([])
    snapper.set_layer("proposals", [("p1", Polygon([(0, 0), (100, 0), (100, 100)]))])
    assert snapper.snap(1000, 1, 10).kind is None
    snapper.set_layer("proposals", [("p1", Polygon([(0, 0), (100, 0), (100, 100)])),
                                    ("p2", Polygon([(1000, 0), (1100, 0), (1100, 100)]))])
    result = snapper.snap(1003, 1, 10)
    assert (result.kind, result.key, result.x, result.y) == ("vertex", "p2", 1000, 0)
    snapper.set_layer("proposals", [])
    assert snapper.snap(1003, 1, 10).kind is None and snapper.snap(2, 2, 10).kind is None
