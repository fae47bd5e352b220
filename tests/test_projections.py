"""The map's own Lambert-93 / WGS 84 / Web-Mercator formulas agree with PROJ (pyproj)."""
from __future__ import annotations

import numpy as np
import pytest
from pyproj import Transformer as ProjTransformer

from qpvdesk.models.map.projections import (LAMBERT93, WEB_MERCATOR, WGS84, Transformer)
from qpvdesk.models.map.viewport import transformer

MILLIMETRE = 1e-3
RNG = np.random.default_rng(2154)
# Metropolitan France and well beyond it (a user may zoom far out over a basemap).
LON, LAT = RNG.uniform(-12, 16, 5000), RNG.uniform(36, 56, 5000)
PAIRS = [(WGS84, LAMBERT93), (LAMBERT93, WGS84), (WGS84, WEB_MERCATOR), (WEB_MERCATOR, WGS84),
         (LAMBERT93, WEB_MERCATOR), (WEB_MERCATOR, LAMBERT93)]


def points_in(epsg: int):
    if epsg == WGS84:
        return LON, LAT
    return ProjTransformer.from_crs(WGS84, epsg, always_xy=True).transform(LON, LAT)


def tolerance(epsg: int) -> float:
    return 1e-9 if epsg == WGS84 else MILLIMETRE    # degrees: about 0.1 mm


@pytest.mark.parametrize("source, target", PAIRS)
def test_agrees_with_proj(source, target):
    xs, ys = points_in(source)
    expected = ProjTransformer.from_crs(source, target, always_xy=True).transform(xs, ys)
    got = Transformer(source, target).transform(xs, ys)
    assert np.abs(got[0] - expected[0]).max() < tolerance(target)
    assert np.abs(got[1] - expected[1]).max() < tolerance(target)


def test_lambert93_origin_by_definition():
    # EPSG:2154: latitude of origin 46.5 N, central meridian 3 E -> false origin 700 km, 6600 km
    x, y = Transformer(WGS84, LAMBERT93).transform(3.0, 46.5)
    assert (x, y) == pytest.approx((700_000, 6_600_000), abs=MILLIMETRE)


@pytest.mark.parametrize("bounds", [(650_000, 7_020_000, 720_000, 7_060_000),
                                    (-3e6, 3e6, 5e6, 1.2e7)])
def test_bounds_agree_with_proj(bounds):
    expected = ProjTransformer.from_crs(LAMBERT93, WEB_MERCATOR, always_xy=True) \
        .transform_bounds(*bounds, densify_pts=21)
    got = Transformer(LAMBERT93, WEB_MERCATOR).transform_bounds(*bounds, densify_pts=21)
    assert got == pytest.approx(expected, abs=MILLIMETRE)


def test_results_have_the_shape_of_the_input():
    convert = Transformer(LAMBERT93, WGS84)
    assert all(isinstance(value, float) for value in convert.transform(690_000, 7_040_000))
    assert all(isinstance(value, list) for value in convert.transform([1.0, 2.0], (3.0, 4.0)))
    assert all(isinstance(value, np.ndarray)
               for value in convert.transform(np.array([690_000.0]), np.array([7e6])))


def test_the_map_uses_them_and_pyproj_for_any_other_system():
    assert isinstance(transformer(LAMBERT93, WEB_MERCATOR), Transformer)
    other = transformer(LAMBERT93, 27572)    # NTF Lambert II étendu: only PROJ knows it
    assert isinstance(other, ProjTransformer)
    with pytest.raises(ValueError):
        Transformer(LAMBERT93, 27572)
