"""Choropleth classes, palette and legend; the indicator values the map layers get."""
from __future__ import annotations

import re

import pytest

from qpvdesk.models.choropleth import (
    MAX_CLASSES, METHODS, MIN_CLASSES, NO_DATA_COLORS, Classification, classify, indicator_values,
    legend, mappable_indicators, palette,
)
from qpvdesk.models.search import normalize

NNBSP, NBSP = "\u202f", "\u00a0"
SKEWED = [float(x) ** 1.5 for x in range(60)]


def _luminance(color: str) -> float:
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("k", range(MIN_CLASSES, MAX_CLASSES + 1))
def test_palette_goes_from_light_to_dark(k):
    colors = palette(k)
    assert len(colors) == len(set(colors)) == k
    assert all(re.fullmatch(r"#[0-9a-f]{6}", color) for color in colors)
    luminances = [_luminance(color) for color in colors]
    assert luminances == sorted(luminances, reverse=True)
    assert not set(colors) & set(NO_DATA_COLORS.values())


def test_no_data_colours_are_distinct():
    assert NO_DATA_COLORS["secret"] != NO_DATA_COLORS["missing"]


@pytest.mark.parametrize("k", [4, 5, 6])
def test_quantile_classes_have_equal_counts(k):
    classification = classify(SKEWED, "quantiles", k)
    assert len(classification.counts) == k
    assert sum(classification.counts) == len(SKEWED)
    assert max(classification.counts) - min(classification.counts) <= 1


def test_jenks_breaks_between_clusters():
    # Unequal clusters: quantiles would cut the large one in two.
    low, middle, high = [10, 10.5, 11, 11.5, 12, 12.5, 13], [49, 50, 51], [88, 91]
    classification = classify(high + low + middle, "jenks", 3)
    assert 13 <= classification.bounds[1] < 49
    assert 51 <= classification.bounds[2] < 88
    assert classification.counts == (7, 3, 2)


def test_equal_intervals_have_equal_widths():
    classification = classify([0, 3, 7, 10, 40], "equal_interval", 4)
    widths = [b - a for a, b in zip(classification.bounds, classification.bounds[1:])]
    assert widths == pytest.approx([10, 10, 10, 10])
    assert classification.counts == (4, 0, 0, 1)


@pytest.mark.parametrize("method", METHODS)
def test_bounds_cover_values_and_every_value_is_in_its_class(method):
    classification = classify(SKEWED + [None], method, 5)
    bounds = classification.bounds
    assert bounds[0] == min(SKEWED) and bounds[-1] == max(SKEWED)
    assert list(bounds) == sorted(bounds)
    assert len(bounds) == len(classification.colors) + 1 == len(classification.counts) + 1
    for value in SKEWED:
        index = classification.class_of(value)
        assert bounds[index] <= value <= bounds[index + 1]
    assert classification.class_of(None) is None


@pytest.mark.parametrize("method", METHODS)
def test_fewer_distinct_values_than_classes(method):
    classification = classify([5, 5, 5, 8, 8], method, 5)
    assert classification.counts == (3, 2)
    assert classification.bounds[-1] == 8 and classification.bounds[1] < 8
    assert len(classification.colors) == 2


def test_tied_quantiles_leave_no_empty_class():
    classification = classify([1] * 6 + [10, 10, 20], "quantiles", 5)
    assert 0 not in classification.counts
    assert len(set(classification.bounds[1:])) == len(classification.bounds) - 1


@pytest.mark.parametrize("method", METHODS)
def test_single_value(method):
    classification = classify([None, 4.2, 4.2], method, 3)
    assert classification.bounds == (4.2, 4.2)
    assert classification.counts == (2,)
    assert classification.class_of(4.2) == 0


@pytest.mark.parametrize("values, method, k, message", [
    ([], "quantiles", 5, "Aucune valeur"),
    ([None, None], "jenks", 5, "Aucune valeur"),
    ([1, 2, 3, 4], "quantiles", MIN_CLASSES - 1, "nombre de classes"),
    ([1, 2, 3, 4], "quantiles", MAX_CLASSES + 1, "nombre de classes"),
    ([1, 2, 3, 4], "kmeans", 5, "Méthode"),
])
def test_refusals_in_french(values, method, k, message):
    with pytest.raises(ValueError, match=message):
        classify(values, method, k)


def test_legend_in_french_format():
    percent = Classification("quantiles", (12.3, 15.6, 18.04), tuple(palette(2)), (2, 3))
    assert [entry.label for entry in legend(percent, "%", 0, 0)] == [
        f"de 12,3 à 15,6{NBSP}%", f"de 15,6 à 18,0{NBSP}%"]
    euros = Classification("jenks", (14500, 17200, 21000.4), tuple(palette(2)), (1, 1))
    entries = legend(euros, "€", 0, 0)
    assert entries[0].label == f"de 14{NNBSP}500 à 17{NNBSP}200{NBSP}€"
    assert entries[1].label == f"de 17{NNBSP}200 à 21{NNBSP}000{NBSP}€"
    assert [entry.color for entry in entries] == palette(2)
    assert {entry.kind for entry in entries} == {"class"}


def test_legend_adds_decimals_when_bounds_would_look_the_same():
    gini = classify([0.21, 0.25, 0.27, 0.30, 0.33, 0.35], "quantiles", 5)
    labels = [entry.label for entry in legend(gini, "", 0, 0)]
    assert labels[0] == "de 0,21 à 0,25"
    assert len(set(labels)) == len(labels)


def test_legend_counts_secret_not_published_and_missing_apart():
    classification = classify([1, 2, 3], "quantiles", 3)
    entries = legend(classification, "%", 4, 7, 2)
    assert [(e.kind, e.label, e.color) for e in entries[-3:]] == [
        ("secret", "Secret (4)", NO_DATA_COLORS["secret"]),
        ("non_publie", "Non publié (2)", NO_DATA_COLORS["non_publie"]),
        ("missing", "Non disponible (7)", NO_DATA_COLORS["missing"])]
    assert len(set(NO_DATA_COLORS.values())) == 3
    assert [e.kind for e in legend(classification, "%", 0, 0)] == ["class"] * 3


def test_secret_and_missing_values_are_never_classed(reference):
    values = indicator_values(reference, "iris", "CAF.A", 2020)
    statuses = [status for _, status in values.values()]
    # IRIS under INSEE's publication threshold have no row in its national file
    assert statuses.count("secret") > 0 and statuses.count("non_publie") > 0
    assert all(value is None for value, status in values.values() if status != "ok")
    classification = classify([value for value, _ in values.values()], "jenks", 5)
    assert sum(classification.counts) == statuses.count("ok")
    entries = legend(classification, "allocataires", statuses.count("secret"),
                     statuses.count("missing"), statuses.count("non_publie"))
    assert entries[-2].label == f"Secret ({statuses.count('secret')})"
    assert entries[-1].label == f"Non publié ({statuses.count('non_publie')})"


def test_qpv_values_are_keyed_by_2024_code_with_2015_values(reference):
    values = indicator_values(reference, "qpv", "DEMO.POP_MUN", 2022)
    assert values["QN06202M"] == (1515.0, "ok")
    codes = dict(reference.conn.execute("SELECT code, code_2015 FROM qpv"))
    assert set(values) == set(codes) and len(values) == 22
    for code, code_2015 in codes.items():
        stored = reference.conn.execute(
            "SELECT value FROM indicator_value WHERE territory_kind = 'qpv' AND edition = 2022 "
            "AND indicator_id = 'DEMO.POP_MUN' AND territory_code = ?", (code_2015,)).fetchone()
        assert values[code][0] == stored[0]


def test_latest_edition_by_default(reference):
    assert (indicator_values(reference, "qpv", "DEMO.POP_MUN", None)
            == indicator_values(reference, "qpv", "DEMO.POP_MUN", 2022))


def test_every_feature_gets_a_value_missing_without_row(reference):
    iris_codes = {code for code, in reference.conn.execute("SELECT code FROM iris")}
    values = indicator_values(reference, "iris", "DEMO.POP_MUN", None)  # QPV-only indicator
    assert set(values) == iris_codes
    assert set(values.values()) == {(None, "missing")}


def test_mappable_indicators(reference):
    iris = {item.id: item for item in mappable_indicators(reference, "iris")}
    assert {"FILO.DISP_MED", "CAF.A"} <= set(iris)
    assert "DEMO.POP_MUN" not in iris
    assert iris["CAF.A"].editions == (2016, 2017, 2018, 2019, 2020)
    assert iris["FILO.DISP_MED"].unit == "€ par UC"
    qpv = mappable_indicators(reference, "qpv")
    assert "DEMO.POP_MUN" in {item.id for item in qpv}
    order = [(normalize(item.theme), normalize(item.label)) for item in qpv]
    assert order == sorted(order)
    for item in qpv:
        for edition in item.editions:
            known = [v for v, s in indicator_values(reference, "qpv", item.id, edition).values()
                     if s == "ok"]
            assert len(known) >= 3


def test_unknown_layer_is_refused(reference):
    with pytest.raises(ValueError, match="couche"):
        mappable_indicators(reference, "communes")
