"""Map layers in memory: culling, hit-testing, level of detail, identify content."""
from __future__ import annotations

import numpy as np
import pytest
import shapely

from qpvdesk.models.map.identify import feature_info
from qpvdesk.models.map.layers import load_reference_layers
from qpvdesk.models.map.synthetic import synthetic_parcels


@pytest.fixture(scope="module")
def layers(reference):
    return load_reference_layers(reference)


def test_every_reference_layer_is_loaded(layers):
    counts = {layer_id: len(layer) for layer_id, layer in layers.items()}
    assert counts["qpv"] == 22 and counts["communes"] == 36 and counts["iris"] == 113
    assert counts["colleges"] == 24 and counts["puits"] == 98 and counts["proposals"] == 0


def test_query_returns_exactly_the_features_meeting_the_box(layers):
    iris = layers["iris"]
    box = (684_000, 7_034_000, 686_000, 7_036_000)
    found = set(iris.query(box).tolist())
    brute = {i for i, g in enumerate(iris.geometries) if g.envelope.intersects(shapely.box(*box))}
    assert found == brute and 0 < len(found) < 113


def test_feature_at_finds_the_qpv_under_a_point(layers):
    qpv = layers["qpv"]
    index = qpv.keys.index("QN06224M")
    inside = qpv.geometries[index].representative_point()
    assert qpv.feature_at(inside.x, inside.y, 1.0) == index
    assert qpv.feature_at(0.0, 0.0, 1.0) is None


def test_points_are_hit_within_tolerance_only(layers):
    colleges = layers["colleges"]
    x, y = colleges.points[0]
    assert colleges.feature_at(x + 5, y, 10) == 0
    assert colleges.feature_at(x + 50, y + 50, 10) != 0


def test_level_of_detail_simplifies_for_coarse_views(layers):
    qpv = layers["qpv"]
    fine, coarse = qpv.lod_for(0.5), qpv.lod_for(100)
    assert len(coarse.coords) < len(fine.coords) == len(shapely.get_coordinates(qpv.geometries))


def test_a_simplified_copy_is_kept_only_when_it_saves_a_quarter_of_the_vertices(layers):
    # the communes are simplified at the source: 32 m removes none of their vertices
    communes = layers["communes"]
    assert communes.lod_for(100) is communes.lod_for(0.5)
    for layer in layers.values():
        if layer.info.geometry != "point" and len(layer):
            copy, full = layer.lod_for(100), layer.lod_for(0.5)
            assert copy is full or len(copy.coords) <= 0.75 * len(full.coords)


def test_synthetic_parcels_are_valid_deterministic_and_cover_the_box():
    box = (0.0, 0.0, 1000.0, 500.0)
    first, second = synthetic_parcels(box, 5000), synthetic_parcels(box, 5000)
    assert len(first) == 5000 and shapely.is_valid(first).all()
    assert all(a.equals_exact(b, 0) for a, b in zip(first[:50], second[:50]))
    xmin, ymin, xmax, ymax = shapely.total_bounds(first)
    assert xmin >= 0 and ymin >= 0 and xmax <= 1000 and ymax <= 500
    assert not np.any(shapely.intersects(first[:-1], first[1:]))


def test_identify_a_qpv_offers_its_fiche(reference):
    info = feature_info(reference, "qpv", "QN06202M")
    assert info.qpv_code == "QN06202M" and "Camus" in info.title
    rows = dict(info.rows)
    assert rows["Code 2015 (indicateurs INSEE)"] == "QP062002"
    assert rows["Population (INSEE, édition 2022)"] == "1\u202f515"


def test_identify_a_college_gives_ips_and_rep(reference):
    info = feature_info(reference, "colleges", "0620170Y")
    rows = dict(info.rows)
    assert info.qpv_code is None and rows["Éducation prioritaire"].startswith("REP+")
    assert any(label.startswith("IPS") for label in rows)
