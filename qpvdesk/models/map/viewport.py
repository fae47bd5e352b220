"""What part of the territory the map shows, and how map metres become screen pixels.

Map coordinates are Lambert-93 (EPSG:2154) metres, y growing northwards; screen coordinates
are pixels from the top-left corner, y growing downwards. Every method works on plain floats
and on numpy arrays alike, so a whole ring of vertices is transformed in one call.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from ..frenchnum import format_french_number
from . import projections
from .projections import LAMBERT93, WEB_MERCATOR, WGS84  # noqa: F401 (mbtiles imports them here)
MIN_RESOLUTION = 0.05    # map metres per pixel: closer than this shows nothing useful
MAX_RESOLUTION = 2000.0  # about the whole of France in a window
METRES_PER_INCH = 0.0254

BBox = tuple[float, float, float, float]


def clamp_resolution(resolution: float) -> float:
    return min(max(resolution, MIN_RESOLUTION), MAX_RESOLUTION)


@dataclass(frozen=True)
class Viewport:
    center_x: float    # Lambert-93 metres
    center_y: float
    resolution: float  # map metres per screen pixel
    width: int         # pixels
    height: int

    def __post_init__(self) -> None:
        if not all(math.isfinite(value) for value in (self.center_x, self.center_y)):
            raise ValueError(f"viewport centre must be finite: {self.center_x}, {self.center_y}")
        if not (math.isfinite(self.resolution) and self.resolution > 0):
            raise ValueError(f"viewport resolution must be > 0: {self.resolution}")
        if self.width < 0 or self.height < 0:
            raise ValueError(f"viewport size must be >= 0: {self.width} x {self.height}")

    # -- transforms -----------------------------------------------------------------------
    def to_screen(self, x, y) -> tuple:
        """Map metres -> screen pixels."""
        return ((x - self.center_x) / self.resolution + self.width / 2,
                (self.center_y - y) / self.resolution + self.height / 2)

    def to_map(self, px, py) -> tuple:
        """Screen pixels -> map metres."""
        return (self.center_x + (px - self.width / 2) * self.resolution,
                self.center_y - (py - self.height / 2) * self.resolution)

    @property
    def bbox(self) -> BBox:
        """xmin, ymin, xmax, ymax of what the screen shows."""
        half_w, half_h = self.width / 2 * self.resolution, self.height / 2 * self.resolution
        return (self.center_x - half_w, self.center_y - half_h,
                self.center_x + half_w, self.center_y + half_h)

    # -- navigation -----------------------------------------------------------------------
    def panned(self, dx_px: float, dy_px: float) -> Viewport:
        """The view after the content was dragged by (dx, dy) pixels."""
        return replace(self, center_x=self.center_x - dx_px * self.resolution,
                       center_y=self.center_y + dy_px * self.resolution)

    def zoomed(self, factor: float, anchor_px: tuple[float, float] | None = None) -> Viewport:
        """factor > 1 zooms in; the map point under anchor_px (default: the centre) stays
        under it. The resolution is clamped to [MIN_RESOLUTION, MAX_RESOLUTION]."""
        if not (math.isfinite(factor) and factor > 0):
            raise ValueError(f"zoom factor must be > 0: {factor}")
        ax, ay = anchor_px if anchor_px is not None else (self.width / 2, self.height / 2)
        anchor_x, anchor_y = self.to_map(ax, ay)
        resolution = clamp_resolution(self.resolution / factor)
        return replace(self, resolution=resolution,
                       center_x=anchor_x - (ax - self.width / 2) * resolution,
                       center_y=anchor_y + (ay - self.height / 2) * resolution)

    def resized(self, width: int, height: int) -> Viewport:
        return replace(self, width=width, height=height)

    @classmethod
    def fit(cls, bbox: BBox, width: int, height: int, margin: float = 0.05) -> Viewport:
        """The view of size width x height that shows the whole bbox, with `margin` (a
        fraction of the view's size) left free on each side."""
        if not 0 <= margin < 0.5:
            raise ValueError(f"fit margin must be in [0, 0.5): {margin}")
        xmin, ymin, xmax, ymax = bbox
        usable = 1 - 2 * margin
        resolution = max((xmax - xmin) / (max(width, 1) * usable),
                         (ymax - ymin) / (max(height, 1) * usable))
        return cls((xmin + xmax) / 2, (ymin + ymax) / 2, clamp_resolution(resolution),
                   width, height)

    # -- what the views need --------------------------------------------------------------
    def scale_denominator(self, dpi: float = 96.0) -> float:
        """N in the scale 1 : N, for a screen of `dpi` pixels per inch."""
        return self.resolution * dpi / METRES_PER_INCH

    def image_transform_from(self, rendered: Viewport) -> tuple[float, float, float]:
        """(scale, offset_x, offset_y) to draw an image rendered for `rendered` so that it
        lines up in this view: screen = scale * image_px + offset."""
        offset_x, offset_y = self.to_screen(*rendered.to_map(0.0, 0.0))
        return rendered.resolution / self.resolution, offset_x, offset_y

    # -- persistence ----------------------------------------------------------------------
    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Viewport:
        """Raises ValueError on anything that is not a valid saved viewport."""
        if not isinstance(data, dict):
            raise ValueError(f"viewport must be a mapping, not {type(data).__name__}")
        try:
            floats = [data[key] for key in ("center_x", "center_y", "resolution")]
            ints = [data[key] for key in ("width", "height")]
        except KeyError as exc:
            raise ValueError(f"viewport lacks {exc}") from None
        if any(isinstance(value, bool) or not isinstance(value, (int, float))
               for value in floats) or \
                any(isinstance(value, bool) or not isinstance(value, int) for value in ints):
            raise ValueError(f"viewport values must be numbers: {data}")
        return cls(*(float(value) for value in floats), *ints)


# -- coordinates ---------------------------------------------------------------------------
@lru_cache(maxsize=None)
def transformer(source_epsg: int, target_epsg: int):
    """A cached transformer, x = easting/longitude first: numpy formulas between Lambert-93,
    WGS 84 and Web-Mercator (projections.py), pyproj for any other system, imported then
    (70 ms and 26 MB that the map does not need; thread-safe since pyproj 3.1)."""
    if {source_epsg, target_epsg} <= projections.SYSTEMS:
        return projections.Transformer(source_epsg, target_epsg)
    from pyproj import Transformer

    return Transformer.from_crs(source_epsg, target_epsg, always_xy=True)


def lambert93_to_wgs84(x, y) -> tuple:
    """Lambert-93 metres -> (longitude, latitude) in degrees."""
    return transformer(LAMBERT93, WGS84).transform(x, y)


def wgs84_to_lambert93(lon, lat) -> tuple:
    """(longitude, latitude) in degrees -> Lambert-93 metres."""
    return transformer(WGS84, LAMBERT93).transform(lon, lat)


def nice_scale_bar(resolution: float, max_px: int) -> tuple[float, float, str]:
    """(length_m, length_px, label): the longest 1, 2 or 5 x 10^n metres that fits in max_px
    pixels, and its French label ("200 m", "1 km")."""
    if not (resolution > 0 and max_px > 0):
        raise ValueError(f"scale bar needs resolution > 0 and max_px > 0: {resolution}, {max_px}")
    longest = resolution * max_px
    power = 10.0 ** math.floor(math.log10(longest))
    # The relative tolerance keeps e.g. 1000 m from losing to float rounding (999.9999...).
    length = next(step * power for step in (5, 2, 1) if step * power <= longest * (1 + 1e-9))
    return length, length / resolution, _distance_label(length)


def _distance_label(metres: float) -> str:
    value, unit = (metres / 1000, "km") if metres >= 1000 else (metres, "m")
    decimals = 0 if value >= 1 else -math.floor(math.log10(value))
    return f"{format_french_number(value, decimals)} {unit}"


def format_coordinates(x: float, y: float) -> str:
    """Status-bar text: "X 685 123 m  Y 7 036 456 m (Lambert-93) — 50,4321° N  2,8312° E"."""
    lon, lat = lambert93_to_wgs84(x, y)
    return (f"X {format_french_number(x, 0)} m  Y {format_french_number(y, 0)} m (Lambert-93)"
            f" — {format_french_number(abs(lat), 4)}° {'N' if lat >= 0 else 'S'}"
            f"  {format_french_number(abs(lon), 4)}° {'E' if lon >= 0 else 'O'}")
