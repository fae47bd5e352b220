"""What a chart shows, independent of how it is drawn (Qt-free).

The painter (render/report_charts.py) draws a :class:`Chart` on screen, into a PDF and into
the PNG a Word document embeds, so the three show the same figure. Two kinds:

* ``line`` — values along the years (x: a year), one line per territory: the CALL, a QPV,
  the département…; a series' ``role`` decides its colour and whether it has its own legend
  entry (the 22 QPV share one, « QPV »).
* ``scatter`` — one labelled point per QPV (the « dynamique des écarts »: x the gap to the
  CALL at the first edition, y how that gap moved since); ``quadrants`` name the corners.
"""
from __future__ import annotations

from dataclasses import dataclass

CHART_KINDS = ("line", "scatter")
#: Series roles, each drawn its own way: the CALL and the other territories of reference,
#: the QPV (one legend entry for all), a highlighted QPV, and the movement of a gap.
SERIES_ROLES = ("call", "departement", "region", "france", "ensemble_qpv", "commune",
                "qpv", "highlight", "widening", "narrowing", "stable")


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float | None             # None: no value (secret, not published): the line breaks
    label: str = ""             # scatter: the QPV's name


@dataclass(frozen=True)
class ChartSeries:
    name: str
    points: tuple[ChartPoint, ...]
    role: str = "qpv"

    def __post_init__(self) -> None:
        if self.role not in SERIES_ROLES:
            raise ValueError(f"unknown series role {self.role!r}")


@dataclass(frozen=True)
class Quadrant:
    x_sign: int                 # -1: left of x = 0, +1: right
    y_sign: int                 # -1: below y = 0, +1: above
    text: str


@dataclass(frozen=True)
class Chart:
    kind: str
    series: tuple[ChartSeries, ...]
    x_title: str = ""
    y_title: str = ""
    decimals: int = 1           # of the value axis' tick labels
    x_is_year: bool = False     # line charts along editions: ticks at whole years
    quadrants: tuple[Quadrant, ...] = ()
    zero_lines: bool = False    # scatter: the axes through (0, 0)

    def __post_init__(self) -> None:
        if self.kind not in CHART_KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}")

    def known_points(self) -> list[ChartPoint]:
        return [point for series in self.series for point in series.points
                if point.y is not None]

    @property
    def empty(self) -> bool:
        return not self.known_points()
