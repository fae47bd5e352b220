"""Lambert-93, WGS 84 longitude/latitude and Web-Mercator, converted with numpy.

These three are all the map itself needs (basemap tiles, the status bar's longitude and
latitude), and their formulas are closed: Lambert-93 (EPSG:2154) is the Lambert conformal
conic projection with two standard parallels of RGF93 on the GRS 80 ellipsoid (IGN, notes
NTG 71 and algorithms ALG0001-ALG0004), RGF93 and WGS 84 coincide at this precision (EPSG
uses a null transformation between them), and Web-Mercator (EPSG:3857) is the spherical
Mercator of the WGS 84 semi-major axis. Computing them here keeps pyproj (70 ms to import,
26 MB) and its PROJ database out of the running app; the tests hold them to PROJ within a
millimetre. Any other pair of systems goes to pyproj (viewport.transformer).
"""
from __future__ import annotations

import math

import numpy as np

LAMBERT93, WGS84, WEB_MERCATOR = 2154, 4326, 3857
SYSTEMS = frozenset({LAMBERT93, WGS84, WEB_MERCATOR})

SEMI_MAJOR_AXIS = 6378137.0                       # GRS 80 and WGS 84
ECCENTRICITY = math.sqrt(2 / 298.257222101 - (1 / 298.257222101) ** 2)   # GRS 80
_LON0, _LAT0 = math.radians(3.0), math.radians(46.5)
_LAT1, _LAT2 = math.radians(44.0), math.radians(49.0)
_X0, _Y0 = 700_000.0, 6_600_000.0
_LATITUDE_ITERATIONS = 12     # the inverse converges to 1e-12 rad in about 6


def _isometric_factor(latitude):
    """t(phi) of the conic projection (Snyder 15-9)."""
    sine = ECCENTRICITY * np.sin(latitude)
    return np.tan(math.pi / 4 - latitude / 2) / ((1 - sine) / (1 + sine)) ** (ECCENTRICITY / 2)


def _parallel_radius(latitude):
    """m(phi) = cos(phi) / sqrt(1 - e^2 sin^2(phi)) (Snyder 14-15)."""
    return np.cos(latitude) / np.sqrt(1 - (ECCENTRICITY * np.sin(latitude)) ** 2)


_N = ((math.log(_parallel_radius(_LAT1)) - math.log(_parallel_radius(_LAT2)))
      / (math.log(_isometric_factor(_LAT1)) - math.log(_isometric_factor(_LAT2))))
_AF = SEMI_MAJOR_AXIS * _parallel_radius(_LAT1) / (_N * _isometric_factor(_LAT1) ** _N)
_RHO0 = _AF * _isometric_factor(_LAT0) ** _N


def _lambert93_from_lonlat(lon, lat):
    rho = _AF * _isometric_factor(np.radians(lat)) ** _N
    theta = _N * (np.radians(lon) - _LON0)
    return _X0 + rho * np.sin(theta), _Y0 + _RHO0 - rho * np.cos(theta)


def _lonlat_from_lambert93(x, y):
    dx, dy = x - _X0, _RHO0 - (y - _Y0)
    t = (np.hypot(dx, dy) / _AF) ** (1 / _N)
    latitude = math.pi / 2 - 2 * np.arctan(t)
    for _ in range(_LATITUDE_ITERATIONS):
        sine = ECCENTRICITY * np.sin(latitude)
        latitude = math.pi / 2 - 2 * np.arctan(
            t * ((1 - sine) / (1 + sine)) ** (ECCENTRICITY / 2))
    return np.degrees(np.arctan2(dx, dy) / _N + _LON0), np.degrees(latitude)


def _mercator_from_lonlat(lon, lat):
    with np.errstate(divide="ignore"):     # the poles: +-inf, as PROJ gives
        return (SEMI_MAJOR_AXIS * np.radians(lon),
                SEMI_MAJOR_AXIS * np.log(np.tan(math.pi / 4 + np.radians(lat) / 2)))


def _lonlat_from_mercator(x, y):
    return (np.degrees(x / SEMI_MAJOR_AXIS),
            np.degrees(2 * np.arctan(np.exp(y / SEMI_MAJOR_AXIS)) - math.pi / 2))


_TO_LONLAT = {WGS84: lambda x, y: (x, y), LAMBERT93: _lonlat_from_lambert93,
              WEB_MERCATOR: _lonlat_from_mercator}
_FROM_LONLAT = {WGS84: lambda lon, lat: (lon, lat), LAMBERT93: _lambert93_from_lonlat,
                WEB_MERCATOR: _mercator_from_lonlat}


class Transformer:
    """The part of pyproj.Transformer's interface the map uses, x = easting/longitude first.
    Scalars give floats, lists and tuples give lists, arrays give arrays."""

    def __init__(self, source_epsg: int, target_epsg: int) -> None:
        if not {source_epsg, target_epsg} <= SYSTEMS:
            raise ValueError(f"EPSG:{source_epsg} -> EPSG:{target_epsg} is not computed here")
        self._to_lonlat = _TO_LONLAT[source_epsg]
        self._from_lonlat = _FROM_LONLAT[target_epsg]

    def transform(self, x, y):
        xs, ys = self._from_lonlat(*self._to_lonlat(np.asarray(x, dtype=float),
                                                    np.asarray(y, dtype=float)))
        return _like(x, xs), _like(y, ys)

    def transform_bounds(self, xmin: float, ymin: float, xmax: float, ymax: float,
                         densify_pts: int = 21) -> tuple[float, float, float, float]:
        """The bounds of the rectangle's outline, each side densified with `densify_pts`
        points between its corners (pyproj's transform_bounds for projected targets)."""
        steps = np.linspace(0.0, 1.0, densify_pts + 2)
        xs = np.concatenate([xmin + (xmax - xmin) * steps, np.full(steps.size, xmax),
                             xmax - (xmax - xmin) * steps, np.full(steps.size, xmin)])
        ys = np.concatenate([np.full(steps.size, ymin), ymin + (ymax - ymin) * steps,
                             np.full(steps.size, ymax), ymax - (ymax - ymin) * steps])
        out_x, out_y = self.transform(xs, ys)
        return (float(out_x.min()), float(out_y.min()), float(out_x.max()),
                float(out_y.max()))


def _like(given, result: np.ndarray):
    if isinstance(given, np.ndarray):
        return result
    if isinstance(given, (list, tuple)):
        return result.tolist()
    return float(result)
