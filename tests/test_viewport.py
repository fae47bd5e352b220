"""The map's view: screen <-> map transforms, pan, zoom, fit, scale bar, coordinates."""
from __future__ import annotations

import math
import re

import numpy as np
import pytest
from pyproj import Transformer

from qpvdesk.models.map.viewport import (MAX_RESOLUTION, MIN_RESOLUTION, Viewport,
                                         format_coordinates, lambert93_to_wgs84,
                                         nice_scale_bar, wgs84_to_lambert93)

LENS = Viewport(687_500.0, 7_037_500.0, 4.0, 1000, 700)
# Lens, from the bundled IGN Admin Express outline: xmin, ymin, xmax, ymax (Lambert-93).
LENS_COMMUNE_BBOX = (684_850, 7_035_820, 689_428, 7_040_230)
CURSORS = [(0.0, 0.0), (137.0, 612.5), (999.0, 3.0), (500.0, 350.0)]


def test_to_map_inverts_to_screen_on_floats_and_arrays():
    x, y = LENS.to_map(*LENS.to_screen(686_123.4, 7_039_876.5))
    assert (x, y) == pytest.approx((686_123.4, 7_039_876.5), abs=1e-6)
    xs, ys = np.array([684_000.0, 690_000.5]), np.array([7_030_000.0, 7_041_000.25])
    back_x, back_y = LENS.to_map(*LENS.to_screen(xs, ys))
    np.testing.assert_allclose(back_x, xs, atol=1e-6)
    np.testing.assert_allclose(back_y, ys, atol=1e-6)


def test_screen_y_grows_down_while_map_y_grows_up():
    _, north_py = LENS.to_screen(LENS.center_x, LENS.center_y + 100)
    assert north_py < LENS.height / 2
    assert LENS.to_screen(LENS.center_x, LENS.center_y) == (500.0, 350.0)


def test_bbox_is_what_the_screen_corners_show():
    xmin, ymax = LENS.to_map(0, 0)
    xmax, ymin = LENS.to_map(LENS.width, LENS.height)
    assert LENS.bbox == pytest.approx((xmin, ymin, xmax, ymax))
    assert LENS.bbox[2] - LENS.bbox[0] == pytest.approx(4000.0)


@pytest.mark.parametrize("dx, dy", [(40, -25), (-300.5, 0), (0, 999)])
def test_pan_moves_every_map_point_by_the_drag(dx, dy):
    point = (686_000.0, 7_038_000.0)
    before = np.array(LENS.to_screen(*point))
    after = np.array(LENS.panned(dx, dy).to_screen(*point))
    np.testing.assert_allclose(after - before, (dx, dy), atol=1e-6)


@pytest.mark.parametrize("factor", [2.0, 1.25, 0.5, 1 / 3])
@pytest.mark.parametrize("cursor", CURSORS)
def test_zoom_keeps_the_point_under_the_cursor(factor, cursor):
    under_cursor = LENS.to_map(*cursor)
    zoomed = LENS.zoomed(factor, cursor)
    assert zoomed.resolution == pytest.approx(LENS.resolution / factor)
    assert zoomed.to_screen(*under_cursor) == pytest.approx(cursor, abs=1e-6)


def test_zoom_without_anchor_keeps_the_centre():
    zoomed = LENS.zoomed(2.0)
    assert (zoomed.center_x, zoomed.center_y) == (LENS.center_x, LENS.center_y)


def test_zoom_is_clamped_and_still_keeps_the_cursor_point():
    cursor = (137.0, 612.5)
    under_cursor = LENS.to_map(*cursor)
    closest = LENS.zoomed(1e6, cursor)
    farthest = LENS.zoomed(1e-6, cursor)
    assert closest.resolution == MIN_RESOLUTION
    assert farthest.resolution == MAX_RESOLUTION
    assert closest.to_screen(*under_cursor) == pytest.approx(cursor, abs=1e-6)
    with pytest.raises(ValueError):
        LENS.zoomed(0.0)


def test_resize_keeps_centre_and_resolution():
    resized = LENS.resized(1600, 900)
    assert (resized.center_x, resized.center_y, resized.resolution) == \
        (LENS.center_x, LENS.center_y, LENS.resolution)
    assert (resized.width, resized.height) == (1600, 900)


@pytest.mark.parametrize("bbox", [
    (680_000.0, 7_030_000.0, 700_000.0, 7_035_000.0),    # wide
    (686_000.0, 7_020_000.0, 688_000.0, 7_050_000.0),    # tall
])
def test_fit_shows_the_whole_bbox_with_its_margin(bbox):
    view = Viewport.fit(bbox, 800, 600, margin=0.05)
    xmin, ymin, xmax, ymax = bbox
    pxs, pys = view.to_screen(np.array([xmin, xmax]), np.array([ymax, ymin]))
    assert pxs.min() >= 0.05 * 800 - 1e-6 and pxs.max() <= 0.95 * 800 + 1e-6
    assert pys.min() >= 0.05 * 600 - 1e-6 and pys.max() <= 0.95 * 600 + 1e-6
    # One direction fills the margin exactly: the bbox is not shown smaller than needed.
    assert math.isclose(pxs.min(), 40, abs_tol=1e-6) or math.isclose(pys.min(), 30, abs_tol=1e-6)


@pytest.mark.parametrize("move", [
    lambda view: view.panned(123, -45),
    lambda view: view.zoomed(1.6, (200, 150)),
    lambda view: view.zoomed(0.7, (900, 20)).panned(-31, 17),
    lambda view: view.resized(1280, 720),
])
def test_cached_image_lines_up_after_pan_and_zoom(move):
    current = move(LENS)
    scale, offset_x, offset_y = current.image_transform_from(LENS)
    for image_px in [(0.0, 0.0), (250.0, 600.0), (999.0, 699.0)]:
        map_point = LENS.to_map(*image_px)
        drawn_at = (scale * image_px[0] + offset_x, scale * image_px[1] + offset_y)
        assert drawn_at == pytest.approx(current.to_screen(*map_point), abs=1e-6)


def test_image_transform_is_identity_for_the_same_view():
    assert LENS.image_transform_from(LENS) == pytest.approx((1.0, 0.0, 0.0))


def test_scale_denominator_at_96_dpi():
    assert Viewport(0, 0, 1.0, 10, 10).scale_denominator() == pytest.approx(1 / (0.0254 / 96))


@pytest.mark.parametrize("resolution, max_px, length_m, label", [
    (10.0, 160, 1000.0, "1 km"),
    (1.3, 160, 200.0, "200 m"),
    (MIN_RESOLUTION, 160, 5.0, "5 m"),
    (MAX_RESOLUTION, 160, 200_000.0, "200 km"),
    (15.625, 64, 1000.0, "1 km"),     # exactly 1000 m available
    (0.05, 12, 0.5, "0,5 m"),
])
def test_scale_bar_examples(resolution, max_px, length_m, label):
    length, length_px, text = nice_scale_bar(resolution, max_px)
    assert length == pytest.approx(length_m)
    assert length_px == pytest.approx(length_m / resolution)
    assert text == label


@pytest.mark.parametrize("resolution", np.geomspace(MIN_RESOLUTION, MAX_RESOLUTION, 57))
def test_scale_bar_uses_1_2_5_steps_and_fits(resolution):
    length, length_px, label = nice_scale_bar(float(resolution), 160)
    mantissa = length / 10 ** math.floor(math.log10(length) + 1e-9)
    assert round(mantissa, 6) in (1.0, 2.0, 5.0)
    assert length_px <= 160 + 1e-9
    assert length_px > 160 / 2.5          # the next step would not have fitted
    assert re.fullmatch(r"\d+ (m|km)", label)


def test_lens_town_hall_in_lambert93():
    # Independent reference: pyproj with the authority axis order (latitude first).
    expected_x, expected_y = Transformer.from_crs("EPSG:4326", "EPSG:2154").transform(
        50.4322, 2.8319)
    x, y = wgs84_to_lambert93(2.8319, 50.4322)
    assert (x, y) == pytest.approx((expected_x, expected_y), abs=0.01)
    assert math.hypot(x - 688_000, y - 7_037_200) < 2_000
    xmin, ymin, xmax, ymax = LENS_COMMUNE_BBOX
    assert xmin < x < xmax and ymin < y < ymax
    lon, lat = lambert93_to_wgs84(x, y)
    assert (lon, lat) == pytest.approx((2.8319, 50.4322), abs=1e-9)


def test_transforms_accept_arrays():
    lon, lat = lambert93_to_wgs84(np.array([687_000.0, 690_000.0]),
                                  np.array([7_037_000.0, 7_037_000.0]))
    assert lon[1] > lon[0] and lat.shape == (2,)


def test_status_bar_coordinates_in_french():
    x, y = wgs84_to_lambert93(2.8319, 50.4322)
    nnbsp = "\u202f"
    assert format_coordinates(x, y) == (
        f"X 688{nnbsp}039 m  Y 7{nnbsp}037{nnbsp}199 m (Lambert-93) — 50,4322° N  2,8319° E")


def test_viewport_dict_round_trip_and_refusals():
    assert Viewport.from_dict(LENS.to_dict()) == LENS
    for bad in [None, [], {}, {**LENS.to_dict(), "resolution": 0},
                {**LENS.to_dict(), "resolution": "4"}, {**LENS.to_dict(), "width": 10.5},
                {**LENS.to_dict(), "center_x": float("nan")}, {**LENS.to_dict(), "height": -1},
                {**LENS.to_dict(), "width": True}]:
        with pytest.raises(ValueError):
            Viewport.from_dict(bad)
