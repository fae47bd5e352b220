"""Finding communes, QPV and IRIS by name or code."""
from __future__ import annotations

import pytest

from qpvdesk.models.search import KIND_ORDER, SearchIndex, edit_distance, normalize


@pytest.fixture(scope="module")
def index(reference) -> SearchIndex:
    return SearchIndex(reference)


@pytest.mark.parametrize("typed, stored", [
    ("lievin", "Liévin"), ("LIEVIN", "Liévin"), ("  Liévin ", "lievin"),
    ("eleu dit", "Éleu-dit-Leauwette"), ("zone d activites", "Zone d'Activités"),
    ("cite  12 14", "Cité 12-14"),
])
def test_normalize_folds_accents_case_and_punctuation(typed, stored):
    assert normalize(stored).startswith(normalize(typed))


def test_commune_name_without_accent_finds_the_commune_first(index):
    for typed in ("lievin", "LIEVIN", "Liévin"):
        first = index.search(typed)[0]
        assert (first.kind, first.code) == ("commune", "62510")
        assert first.label == "Liévin (commune, 62510)"


@pytest.mark.parametrize("code", ["QP062024", "QN06224M", "qn06224m"])
def test_both_qpv_codes_find_the_qpv(index, code):
    first = index.search(code)[0]
    assert (first.kind, first.code) == ("qpv", "QN06224M")
    assert first.label == "Cité 12-14 — QPV QN06224M / QP062024"


def test_iris_code(index):
    first = index.search("620650101")[0]
    assert (first.kind, first.code) == ("iris", "620650101")
    assert first.label == "Zone Artisanale Fosse 7 (IRIS 620650101, Avion)"


def test_beginning_of_a_hyphenated_name(index):
    assert index.search("eleu")[0].label == "Éleu-dit-Leauwette (commune, 62291)"
    assert index.search("eleu dit")[0].code == "62291"


def test_blank_finds_nothing(index):
    assert index.search("") == []
    assert index.search("  - ' ") == []


def _name(result) -> str:
    return normalize(result.label.split(" (commune,")[0].split(" — QPV")[0].split(" (IRIS")[0])


def _match_level(query: str, result) -> int:
    if _name(result).startswith(query):
        return 1
    return 2 if f" {query}" in f" {_name(result)}" else 3


@pytest.mark.parametrize("query", ["lens", "cite", "sain", "ville"])
def test_name_prefix_then_word_prefix_then_substring_communes_first(index, query):
    results = index.search(query, limit=200)
    order = [(_match_level(query, result), KIND_ORDER.index(result.kind), _name(result))
             for result in results]
    assert order == sorted(order)
    assert len({level for level, _, _ in order}) > 1


def test_all_three_match_levels(index):
    labels = [result.label for result in index.search("ville")]
    assert labels[0] == "Villers-au-Bois (commune, 62854)"               # name prefix
    assert labels.index("Centre Ville (IRIS 623510101, Fouquières-lès-Lens)") \
        < labels.index("Acheville (commune, 62003)")                      # word < substring
    codes = [result.code for result in index.search("lens", limit=50)]
    assert codes[0] == "62498" and codes.index("62498") < codes.index("62523")  # Loison-sous-Lens


def test_exact_code_first_then_codes_starting_with_it(index):
    results = index.search("62510")
    assert (results[0].kind, results[0].code) == ("commune", "62510")
    assert all(result.code.startswith("62510") for result in results)


def test_case_and_accents_do_not_change_results(index):
    assert index.search("cite", limit=30) == index.search("CITÉ", limit=30)


def test_limit(index):
    assert len(index.search("a", limit=3)) == 3


def test_bbox_of_the_commune_contains_its_centroid(index, reference):
    xmin, ymin, xmax, ymax = index.search("lievin")[0].bbox
    x, y = reference.conn.execute(
        "SELECT X(Centroid(geom)), Y(Centroid(geom)) FROM commune WHERE insee = '62510'"
    ).fetchone()
    assert xmin < x < xmax and ymin < y < ymax
    assert 600_000 < xmin < xmax < 750_000 and 6_950_000 < ymin < ymax < 7_100_000


# -- typing mistakes ------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["grande residance", "GRANDE RESIDANCE", "grande résidanse",
                                   "grnade residence", "grande residan"])
def test_a_typo_still_finds_the_qpv(index, typed):
    first = index.search(typed)[0]
    assert (first.kind, first.code) == ("qpv", "QN06225M")
    assert first.label.startswith("Grande Résidence")


@pytest.mark.parametrize("typed, code", [("lievn", "62510"), ("bully les mnes", "62186"),
                                         ("eleu dit leauwete", "62291")])
def test_a_misspelt_commune_is_found(index, typed, code):
    assert index.search(typed)[0].code == code


def test_exact_matches_come_before_close_ones(index):
    # « lens » is a prefix of Lens and of its IRIS: those come before any near miss
    codes = [result.code for result in index.search("lens", limit=60)]
    assert codes[0] == "62498"
    exact = [result for result in index.search("lens", limit=60)
             if "lens" in normalize(result.label)]
    assert [result.code for result in exact] == codes[:len(exact)]


def test_short_words_and_nonsense_need_an_exact_match(index):
    assert index.search("xyzzy") == []
    assert index.search("qpq") == []          # 3 letters: no typo allowed
    assert edit_distance("abc", "abd", 0) == 1   # over the limit: limit + 1


@pytest.mark.parametrize("typed, word, distance", [
    ("residance", "residence", 1), ("grnade", "grande", 1), ("lievn", "lievin", 1),
    ("kenedy", "kennedy", 1), ("abc", "abc", 0), ("leauwete", "leauwette", 1)])
def test_edit_distance(typed, word, distance):
    assert edit_distance(typed, word, 2) == distance
