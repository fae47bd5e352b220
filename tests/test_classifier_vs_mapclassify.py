"""The numpy classifier gives mapclassify's classes (the library qpvdesk used to import at run
time), on the real indicators and on generated data; its Jenks breaks are the exact optimum."""
from __future__ import annotations

import itertools
import warnings

import mapclassify
import numpy as np
import pytest

from qpvdesk.models.choropleth import (
    MAX_CLASSES, METHODS, MIN_CLASSES, classify, indicator_values, mappable_indicators,
)

MAPCLASSIFY_NAMES = {"quantiles": "Quantiles", "jenks": "FisherJenks",
                     "equal_interval": "EqualInterval"}
# mapclassify's Jenks sums in float32: on incomes (~20,000 €) its rounding can miss the optimum;
# two cuts whose spreads differ by less than this share are equally good.
SPREAD_TOLERANCE = 1e-9


def mapclassify_upper_bounds(data: np.ndarray, method: str, k: int) -> list[float]:
    """The upper bounds qpvdesk drew with mapclassify: bins moved down to the nearest value,
    duplicates merged, the maximum last."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)   # "Numba not installed", ties collapsing
        bins = getattr(mapclassify, MAPCLASSIFY_NAMES[method])(data, k=k).bins
    if method != "equal_interval":
        ordered = np.sort(data)
        bins = ordered[np.searchsorted(ordered, bins, side="right") - 1]
    high = float(data.max())
    return [*sorted({float(bound) for bound in bins[:-1] if bound < high}), high]


def class_counts(data: np.ndarray, upper_bounds: list[float]) -> tuple[int, ...]:
    """mapclassify's rule: a value equal to a bound belongs to the lower class."""
    classes = np.minimum(np.searchsorted(upper_bounds, data, side="left"),
                         len(upper_bounds) - 1)
    return tuple(np.bincount(classes, minlength=len(upper_bounds)).tolist())


def spread(data: np.ndarray, upper_bounds) -> float:
    """Total sum of squared deviations from the class means."""
    classes = np.minimum(np.searchsorted(upper_bounds, data, side="left"),
                         len(upper_bounds) - 1)
    return sum(float(((data[classes == index] - data[classes == index].mean()) ** 2).sum())
               for index in np.unique(classes))


def compare_classes(values: list[float], method: str, k: int) -> str:
    """Asserts qpvdesk classifies as mapclassify did, or, for Jenks, at least as well: returns
    "same", "better" (mapclassify's float32 sums missed the optimum) or "tie" (another cut
    exactly as good: tied values that mapclassify's rounding decided)."""
    data = np.array(values, dtype=float)
    classification = classify(values, method, k)
    ours = list(classification.bounds[1:])
    assert classification.bounds[0] == data.min()
    assert classification.counts == class_counts(data, ours)
    if data.min() == data.max():
        return "same"
    expected = mapclassify_upper_bounds(data, method, min(k, len(np.unique(data))))
    if ours == expected:
        return "same"
    assert method == "jenks", (method, k, ours, expected)
    assert len(ours) == len(expected)
    ours_spread, expected_spread = spread(data, ours), spread(data, expected)
    tolerance = SPREAD_TOLERANCE * expected_spread
    assert ours_spread <= expected_spread + tolerance, (k, ours, expected)
    return "better" if ours_spread < expected_spread - tolerance else "tie"


def test_real_indicators_classify_as_with_mapclassify(reference):
    outcomes = []
    for layer in ("iris", "qpv"):
        for indicator in mappable_indicators(reference, layer):
            rows = indicator_values(reference, layer, indicator.id, indicator.editions[-1])
            values = [value for value, status in rows.values() if status == "ok"]
            for method in METHODS:
                for k in (MIN_CLASSES, 5, MAX_CLASSES):
                    outcomes.append(compare_classes(values, method, k))
    assert len(outcomes) > 500
    # Equally good Jenks cuts between tied values that mapclassify's rounding decided otherwise.
    assert outcomes.count("tie") <= 3, outcomes.count("tie")   # 2 of 1,755 today


def _generated(kind: str, size: int, seed: int) -> list[float]:
    rng = np.random.default_rng(seed)
    if kind == "normal":
        return rng.normal(100, 30, size).tolist()
    if kind == "ties":            # small integers: many tied values and tied quantiles
        return rng.integers(0, 20, size).astype(float).tolist()
    if kind == "skewed":
        return np.exp(rng.normal(0, 1.5, size)).tolist()
    if kind == "incomes":
        return rng.normal(20000, 5000, size).round().tolist()
    # Three clusters of unequal sizes and a far outlier.
    return [*rng.normal(10, 1, size // 2), *rng.normal(50, 2, size // 3), *rng.normal(90, 1, 4),
            400.0]


@pytest.mark.parametrize("kind", ["normal", "ties", "skewed", "incomes", "clusters"])
@pytest.mark.parametrize("size", [5, 22, 113, 250])
def test_generated_data_classify_as_with_mapclassify(kind, size):
    # mapclassify's Jenks is pure Python here (no numba): one sample of the larger sizes.
    outcomes = [compare_classes(_generated(kind, size, seed), method, k)
                for seed in range(3 if size < 100 else 1) for method in METHODS
                for k in range(MIN_CLASSES, MAX_CLASSES + 1)]
    assert outcomes.count("tie") <= 1


@pytest.mark.parametrize("seed", range(40))
def test_jenks_is_the_best_cut_of_all(seed):
    rng = np.random.default_rng(seed)
    data = np.sort([0.0, 7.0, 14.0, *rng.integers(0, 15, int(rng.integers(1, 9)))])
    distinct = np.unique(data)
    k = min(int(rng.integers(MIN_CLASSES, MAX_CLASSES + 1)), distinct.size)
    classification = classify(data.tolist(), "jenks", k)
    best = min(spread(data, [*cuts, distinct[-1]])
               for cuts in itertools.combinations(distinct[:-1], k - 1))
    assert spread(data, classification.bounds[1:]) == pytest.approx(best, abs=1e-9)
    assert len(classification.counts) == k


def test_jenks_on_a_few_thousand_values():
    data = np.exp(np.random.default_rng(7).normal(0, 1, 3000))
    classification = classify(data.tolist(), "jenks", MAX_CLASSES)
    assert len(classification.counts) == MAX_CLASSES and sum(classification.counts) == 3000
    # Better than any class boundaries at the quantiles, which Jenks is allowed to choose.
    quantiles = classify(data.tolist(), "quantiles", MAX_CLASSES)
    assert spread(data, classification.bounds[1:]) < spread(data, quantiles.bounds[1:])
