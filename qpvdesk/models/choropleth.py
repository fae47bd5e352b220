"""Choropleth maps: classify an indicator's values, colour the classes, write the legend.

Quantiles, equal intervals and Jenks natural breaks (Fisher's exact optimum) are computed here
with numpy: the classes mapclassify gave (the tests compare them) without importing scipy and
scikit-learn at run time (2 s and 150 MB). Around them: a colour-blind-safe palette, French
legend labels, secret and missing values kept out of the classes, and the indicator values of a
map layer read from the reference database.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .frenchnum import format_french_number, format_status
from .search import normalize

METHODS: dict[str, str] = {
    "quantiles": "Quantiles",
    "jenks": "Seuils naturels (Jenks)",
    "equal_interval": "Intervalles égaux",
}
MIN_CLASSES, MAX_CLASSES = 3, 7

# Secret values are drawn grey with a hatch over them, values the producer does not publish
# light grey, values absent from the bundled sources stay white; named as everywhere else.
NO_DATA_COLORS = {"secret": "#bdbdbd", "non_publie": "#e6e6e6", "missing": "#ffffff"}
NO_DATA_LABELS = {status: format_status(status).capitalize() for status in NO_DATA_COLORS}

# ColorBrewer YlOrRd (sequential, colour-blind safe), light = low.
_YLORRD = {
    3: ("#ffeda0", "#feb24c", "#f03b20"),
    4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
    5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    6: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
    7: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
}
# Data with fewer distinct values than classes asked for get one or two classes.
_FEW_CLASSES = {1: (1,), 2: (0, 2)}

# Jenks compares every (start, end) pair of a class, for this many ends at a time.
_JENKS_BLOCK_ENDS = 256
# Cuts whose costs differ by less than this share of the total spread are equally good (the
# difference is rounding); taking the earliest start among them is mapclassify's choice too.
_JENKS_TIE = 1e-9
_MAX_LABEL_DECIMALS = 3


def palette(k: int) -> list[str]:
    """k colours "#rrggbb" from light (low values) to dark (high values), 1 <= k <= 7."""
    if k in _YLORRD:
        return list(_YLORRD[k])
    if k in _FEW_CLASSES:
        return [_YLORRD[3][index] for index in _FEW_CLASSES[k]]
    raise ValueError(f"Pas de palette pour {k} classes (de 1 à {MAX_CLASSES}).")


@dataclass(frozen=True)
class Classification:
    method: str
    bounds: tuple[float, ...]   # k+1 ascending bounds: bounds[0] = min, bounds[-1] = max
    colors: tuple[str, ...]
    counts: tuple[int, ...]

    def class_of(self, value: float | None) -> int | None:
        """Index of the class of value; a value equal to a bound belongs to the lower class."""
        return None if value is None else _class_index(self.bounds[1:], value)


def _class_index(upper_bounds: Sequence[float], value: float) -> int:
    return min(bisect_left(upper_bounds, value), len(upper_bounds) - 1)


def classify(values: Iterable[float | None], method: str, k: int) -> Classification:
    """Classify the values (None ignored) into k classes, or fewer when the data have fewer
    distinct values. Raises ValueError with a French message."""
    if method not in METHODS:
        raise ValueError(f"Méthode de classification inconnue : {method}")
    if not MIN_CLASSES <= k <= MAX_CLASSES:
        raise ValueError(f"Le nombre de classes doit être compris entre {MIN_CLASSES} "
                         f"et {MAX_CLASSES} (demandé : {k}).")
    data = np.array([value for value in values if value is not None], dtype=float)
    if data.size == 0:
        raise ValueError("Aucune valeur à représenter : toutes sont absentes ou secrètes.")
    low, high = float(data.min()), float(data.max())
    if low == high:
        upper = [high]
    else:
        # distinct values counted by a set: np.unique imports numpy.ma (20 ms at start-up)
        upper = _upper_bounds(data, method, min(k, len(set(data.tolist()))))
    classes = [_class_index(upper, value) for value in data.tolist()]
    counts = tuple(classes.count(index) for index in range(len(upper)))
    return Classification(method, (low, *upper), tuple(palette(len(upper))), counts)


def _upper_bounds(data: np.ndarray, method: str, k: int) -> list[float]:
    ordered = np.sort(data)
    if method == "equal_interval":
        bins = _equal_interval_bins(ordered, k)
    else:
        bins = _quantile_bins(ordered, k) if method == "quantiles" else _jenks_bins(ordered, k)
        # Quantiles interpolated between tied values would bound empty classes; moving each
        # bound down to the nearest value changes no value's class and merges those away.
        bins = ordered[np.searchsorted(ordered, bins, side="right") - 1]
    # The last bin is the maximum for all three methods; taking the maximum itself avoids an
    # extra sliver class when equal intervals round it just below.
    high = float(ordered[-1])
    return [*sorted({float(bound) for bound in bins[:-1] if bound < high}), high]


def _equal_interval_bins(ordered: np.ndarray, k: int) -> np.ndarray:
    """k upper bounds min + w, min + 2w, ..., about max, with w = (max - min) / k."""
    low, high = ordered[0], ordered[-1]
    width = (high - low) / k
    return np.arange(low + width, high + width, width)[:k]


def _quantile_bins(ordered: np.ndarray, k: int) -> np.ndarray:
    """The values at the 100/k, 200/k, ..., 100th percentiles, linearly interpolated between
    the two nearest values (the "fraction" rule of scipy.stats.scoreatpercentile)."""
    step = 100.0 / k
    percents = np.minimum(np.arange(step, 100 + step, step)[:k], 100.0)
    return np.array([_percentile(ordered, percent) for percent in percents])


def _percentile(ordered: np.ndarray, percent: float) -> float:
    position = percent / 100.0 * (ordered.size - 1)
    below = int(position)
    if below == position:
        return float(ordered[below])
    weights = np.array([below + 1 - position, position - below])
    return float((ordered[below:below + 2] * weights).sum() / weights.sum())


def _jenks_bins(ordered: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds of the k classes of consecutive sorted values with the least total sum
    of squared deviations from the class means (Fisher's exact dynamic programming,
    O(k n^2) in numpy blocks). Among equally good cuts, the last class starts earliest."""
    size = ordered.size
    centred = ordered - ordered.mean()     # smaller squares, fewer rounding errors
    sums = np.concatenate(([0.0], np.cumsum(centred)))
    squares = np.concatenate(([0.0], np.cumsum(centred * centred)))

    def spread(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """Sum of squared deviations of ordered[start:end], for start < end."""
        count = np.maximum(ends - starts, 1)
        total = sums[ends] - sums[starts]
        return squares[ends] - squares[starts] - total * total / count

    tie = _JENKS_TIE * squares[-1]
    ends = np.arange(size + 1)
    # cost[end]: least spread of ordered[:end] cut into the current number of classes.
    cost = np.where(ends > 0, spread(np.zeros_like(ends), ends), np.inf)
    last_starts = []    # per number of classes from 2: best start of the last class, per end
    for classes in range(2, k + 1):
        # With all k classes only the cut of the whole series matters.
        first_end = size if classes == k else classes
        best_cost = np.full(size + 1, np.inf)
        best_start = np.zeros(size + 1, dtype=np.int64)
        for first in range(first_end, size + 1, _JENKS_BLOCK_ENDS):
            block_ends = ends[first:first + _JENKS_BLOCK_ENDS, None]
            starts = np.arange(classes - 1, block_ends[-1, 0])   # the class is not empty
            candidates = cost[starts] + spread(starts, block_ends)
            candidates[starts >= block_ends] = np.inf
            near_best = candidates <= candidates.min(axis=1, keepdims=True) + tie
            choice = near_best.argmax(axis=1)
            best_cost[first:first + choice.size] = candidates[np.arange(choice.size), choice]
            best_start[first:first + choice.size] = starts[choice]
        cost = best_cost
        last_starts.append(best_start)
    bins = [ordered[-1]]
    end = size
    for best_start in reversed(last_starts):
        end = best_start[end]
        bins.append(ordered[end - 1])
    return np.array(bins[::-1])


@dataclass(frozen=True)
class LegendEntry:
    color: str
    label: str
    kind: str    # "class" | "secret" | "non_publie" | "missing"
    count: int = 0   # features in the class (or with that status)

    @property
    def name(self) -> str:
        """The label without the count the entries without values carry, for a legend that
        shows the counts in a column of their own."""
        return NO_DATA_LABELS.get(self.kind, self.label)


def legend(classification: Classification, unit: str, secret_count: int,
           missing_count: int, not_published_count: int = 0) -> list[LegendEntry]:
    """One entry per class ("de 12,3 à 15,6 %"), then the values that are secret, not
    published or not available, if any."""
    decimals = _label_decimals(classification.bounds)
    suffix = f"\u00a0{unit}" if unit else ""
    entries = []
    for index, color in enumerate(classification.colors):
        low, high = (format_french_number(bound, decimals)
                     for bound in classification.bounds[index:index + 2])
        text = low if low == high else f"de {low} à {high}"
        entries.append(LegendEntry(color, f"{text}{suffix}", "class",
                                   classification.counts[index]))
    for kind, count in (("secret", secret_count), ("non_publie", not_published_count),
                        ("missing", missing_count)):
        if count > 0:
            entries.append(LegendEntry(NO_DATA_COLORS[kind],
                                       f"{NO_DATA_LABELS[kind]} ({count})", kind, count))
    return entries


@dataclass(frozen=True)
class ChoroplethLegend:
    """What a choropleth map's legend says: the indicator, its year, how it was classified,
    the classes with their bounds and counts, the secret and missing values."""
    indicator: str      # "Taux de pauvreté au seuil de 60 %"
    unit: str
    period: str         # "Année 2019", "Édition 2022"
    method: str         # "Quantiles"
    territories: str    # what the counts count: "IRIS", "QPV"
    entries: tuple[LegendEntry, ...]
    note: str | None = None

    @property
    def title(self) -> str:
        return f"{self.indicator} ({self.unit})" if self.unit else self.indicator

    @property
    def subtitle(self) -> str:
        return f"{self.period} · {self.method}"

    def row_text(self, entry: LegendEntry) -> str:
        """An entry as a row under the title, which states the unit once: « de 12 290 à
        14 900 » rather than « … € par UC » on every row."""
        suffix = f"\u00a0{self.unit}"
        if self.unit and entry.name.endswith(suffix):
            return entry.name[:-len(suffix)]
        return entry.name


def period_label(store, layer_id: str, indicator_id: str, edition: int) -> str:
    """« Année 2019 » when the values' reference year is the edition (Filosofi, CAF),
    « Édition 2022 » for INSEE's QPV bases, whose reference year is not stated."""
    kind, features = _layer_values(layer_id)
    years = {year for (year,) in store.conn.execute(f"""
        WITH feature AS ({features})
        SELECT DISTINCT v.reference_year FROM indicator_value v
        JOIN feature f ON f.territory_code = v.territory_code
        WHERE v.territory_kind = ? AND v.indicator_id = ? AND v.edition = ?""",
                                                    (kind, indicator_id, edition))}
    if years == {edition}:
        return f"Année {edition}"
    known = sorted(year for year in years if year is not None and year != edition)
    if len(known) == 1:
        return f"Édition {edition} (données {known[0]})"
    return f"Édition {edition}"


def _label_decimals(bounds: tuple[float, ...]) -> int:
    """0 decimals from 1000 up, 1 below; more when distinct bounds would print the same."""
    decimals = 0 if max(abs(bounds[0]), abs(bounds[-1])) >= 1000 else 1
    distinct = set(bounds)
    while (decimals < _MAX_LABEL_DECIMALS and
           len({format_french_number(bound, decimals) for bound in distinct}) < len(distinct)):
        decimals += 1
    return decimals


@dataclass(frozen=True)
class MappableIndicator:
    id: str
    label: str
    unit: str
    theme: str
    editions: tuple[int, ...]   # editions with enough values to draw a map, ascending


# Per map layer: the kind of territory its values refer to, and the SQL giving each feature's
# key and the territory code of its values (QPV values use the 2015 codes, the map 2024).
_LAYER_VALUES = {
    "iris": ("iris", "SELECT code AS feature_key, code AS territory_code FROM iris"),
    "qpv": ("qpv", "SELECT code AS feature_key, code_2015 AS territory_code FROM qpv"),
}
_MIN_MAPPABLE_VALUES = 3


def _layer_values(layer_id: str) -> tuple[str, str]:
    if layer_id not in _LAYER_VALUES:
        raise ValueError(f"La couche « {layer_id} » ne peut pas être colorée par un indicateur.")
    return _LAYER_VALUES[layer_id]


def mappable_indicators(store, layer_id: str) -> list[MappableIndicator]:
    """Indicators with at least 3 known values over the layer's features in some edition,
    sorted by theme then label."""
    kind, features = _layer_values(layer_id)
    rows = store.conn.execute(f"""
        WITH feature AS ({features}),
        edition AS (
            SELECT v.indicator_id, v.edition FROM indicator_value v
            JOIN feature f ON f.territory_code = v.territory_code
            WHERE v.territory_kind = ? AND v.status = 'ok'
            GROUP BY v.indicator_id, v.edition HAVING count(*) >= ?)
        SELECT i.id, i.label, i.unit, i.theme, group_concat(e.edition)
        FROM indicator i JOIN edition e ON e.indicator_id = i.id
        GROUP BY i.id""", (kind, _MIN_MAPPABLE_VALUES)).fetchall()
    indicators = [MappableIndicator(id, label, unit, theme,
                                    tuple(sorted(int(e) for e in editions.split(","))))
                  for id, label, unit, theme, editions in rows]
    return sorted(indicators,
                  key=lambda item: (normalize(item.theme), normalize(item.label), item.id))


def latest_edition(store, layer_id: str, indicator_id: str) -> int | None:
    """The latest edition with a known value of the indicator on the layer's features."""
    kind, features = _layer_values(layer_id)
    return store.conn.execute(f"""
        WITH feature AS ({features})
        SELECT max(v.edition) FROM indicator_value v
        JOIN feature f ON f.territory_code = v.territory_code
        WHERE v.territory_kind = ? AND v.indicator_id = ? AND v.status = 'ok'""",
                              (kind, indicator_id)).fetchone()[0]


def indicator_values(store, layer_id: str, indicator_id: str,
                     edition: int | None) -> dict[str, tuple[float | None, str]]:
    """Feature key -> (value, status) for every feature of the layer: ok, secret, non_publie
    (the producer publishes no row for it) or missing (no row in the bundled sources).
    Edition None means the latest edition with values."""
    kind, features = _layer_values(layer_id)
    if edition is None:
        edition = latest_edition(store, layer_id, indicator_id)
    rows = store.conn.execute(f"""
        WITH feature AS ({features})
        SELECT f.feature_key, v.value, coalesce(v.status_detail, 'missing') FROM feature f
        LEFT JOIN indicator_value v ON v.territory_kind = ? AND v.indicator_id = ?
             AND v.edition = ? AND v.territory_code = f.territory_code
        ORDER BY f.feature_key""", (kind, indicator_id, edition)).fetchall()
    return {key: (value, status) for key, value, status in rows}
