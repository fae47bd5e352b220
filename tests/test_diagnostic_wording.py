"""French grammar of the generated sentences (genders, elision, plurals, « fois plus / moins »,
gaps) and the one number formatter (half away from zero) on every display path (the words of
a value that is not there: tests/test_frenchnum.py)."""
from __future__ import annotations

import pytest

from qpvdesk.models.catalogue_data import CATALOGUE
from qpvdesk.models.catalogue_nouns import FEMININE, MASCULINE, Noun, indicator_noun
from qpvdesk.models.diagnostic.model import Extreme
from qpvdesk.models.diagnostic.sentences import (comparison_sentence, range_sentence,
                                                 unpublished_sentence)
from qpvdesk.models.diagnostic.wording import (definite, gap_text, of, plural, times_phrase,
                                               to, value_text)
from qpvdesk.models.fiche import Figure, format_figure, format_value
from qpvdesk.models.frenchnum import format_french_number

TAUX = Noun("taux d'emploi", MASCULINE)
PART = Noun("part des 0-24 ans", FEMININE)
INDICE = Noun("indice de jeunesse", MASCULINE)
LOW = Extreme(30.8, "30,8\u00a0%", (("QN1", "A"),))
HIGH = Extreme(47.3, "47,3\u00a0%", (("QN2", "B"), ("QN3", "C")))


def test_articles_elide_and_contract():
    assert definite(TAUX) == "le taux d'emploi"
    assert definite(PART) == "la part des 0-24 ans"
    assert definite(INDICE) == "l'indice de jeunesse"
    assert of("la CALL") == "de la CALL" and of("le Pas-de-Calais") == "du Pas-de-Calais"
    assert of("les Hauts-de-France") == "des Hauts-de-France"
    assert of("l'ensemble des QPV") == "de l'ensemble des QPV"
    assert to("le taux d'emploi") == "au taux d'emploi" and to("la part") == "à la part"
    assert to("les QPV") == "aux QPV"


@pytest.mark.parametrize("noun, above, below, unfavourable, expected", [
    (TAUX, 0, 22, "low", "Tous les QPV ont un taux d'emploi inférieur à celui de la CALL "
                         "(53,5\u00a0% en 2018) : de 30,8\u00a0% (A) à 47,3\u00a0% (B et C)."),
    (PART, 22, 0, None, "Tous les QPV ont une part des 0-24 ans supérieure à celle de la CALL "
                        "(53,5\u00a0% en 2018) : de 30,8\u00a0% (A) à 47,3\u00a0% (B et C)."),
    (PART, 1, 21, "high", "1 QPV sur 22 a une part des 0-24 ans supérieure à celle de la CALL "
                          "(53,5\u00a0% en 2018) ; les valeurs vont de 30,8\u00a0% (A) à "
                          "47,3\u00a0% (B et C)."),
    (TAUX, 9, 13, None, "9 QPV sur 22 ont un taux d'emploi supérieur à celui de la CALL "
                        "(53,5\u00a0% en 2018) ; les valeurs vont de 30,8\u00a0% (A) à "
                        "47,3\u00a0% (B et C)."),
    (INDICE, 21, 0, "low", "Aucun QPV n'a d'indice de jeunesse inférieur à celui de la CALL "
                           "(53,5\u00a0% en 2018) ; les valeurs vont de 30,8\u00a0% (A) à "
                           "47,3\u00a0% (B et C)."),
])
def test_comparison_sentences_agree_in_gender_and_number(noun, above, below, unfavourable,
                                                         expected):
    assert comparison_sentence(noun, 22, 22, above, below, unfavourable,
                               "53,5\u00a0% en 2018", LOW, HIGH) == expected


def test_sentence_for_qpv_with_unknown_values():
    text = comparison_sentence(PART, 22, 20, 20, 0, "high", "40,0\u00a0%, revenus 2019", LOW,
                               HIGH)
    assert text.startswith("Les 20 QPV renseignés (sur 22) ont tous une part des 0-24 ans "
                           "supérieure à celle de la CALL (40,0\u00a0%, revenus 2019)")
    assert comparison_sentence(TAUX, 22, 20, 2, 18, "high", "x", LOW, HIGH).startswith(
        "2 QPV sur 20 renseignés ont un taux")


def test_range_and_unpublished_sentences():
    assert range_sentence(INDICE, "édition 2022", LOW, HIGH, "pas de CALL") == (
        "L'indice de jeunesse des QPV va de 30,8\u00a0% (A) à 47,3\u00a0% (B et C) "
        "(édition 2022) ; pas de CALL.")
    assert unpublished_sentence(PART, "édition 2020") == \
        "La part des 0-24 ans n'est publiée pour aucun QPV (édition 2020)."
    assert unpublished_sentence(TAUX, "édition 2020") == \
        "Le taux d'emploi n'est publié pour aucun QPV (édition 2020)."


@pytest.mark.parametrize("ratios, expected", [
    ([1.4, 1.6, 2.0], "de 1,4 à 2 fois plus"),            # the portrait's poverty rate
    ([0.97, 1.2, 1.4], "jusqu'à 1,4 fois plus"),          # under-25s: one QPV at the CALL
    ([1 / 1.4, 1 / 1.9], "de 1,4 à 1,9 fois moins"),      # median income
    ([1.44, 1.44], "1,4 fois plus"),
    ([0.8, 1.3], "de 1,3 fois moins à 1,3 fois plus"),
    ([1.02, 0.98], "du même ordre que la CALL"),
    ([], None),
])
def test_times_the_call(ratios, expected):
    assert times_phrase(ratios) == expected


@pytest.mark.parametrize("gap_from, gap_to, unit, expected", [
    (10.0, 12.1, "%", ("worsens", "l'écart se creuse de 2,1 points")),
    (10.0, 8.5, "%", ("improves", "l'écart se réduit de 1,5 point")),
    (-3.0, -1.0, "%", ("worsens", "l'avance sur la CALL se réduit de 2,0 points")),
    (-3.0, -4.0, "€ par UC", ("improves", "l'avance sur la CALL augmente de 1 €")),
    (2.0, -1.0, "%", ("improves", "le quartier passe devant la CALL (écart réduit de "
                                  "3,0 points)")),
    (3000.0, 3350.0, "€ par UC", ("worsens", "l'écart se creuse de 350 €")),
    (3000.0, 3000.4, "€ par UC", ("stable", "l'écart reste stable")),
])
def test_gap_movements(gap_from, gap_to, unit, expected):
    assert gap_text(gap_from, gap_to, gap_to - gap_from, unit) == expected


def test_plurals():
    assert plural(1, "collège") == "1 collège" and plural(5, "collège") == "5 collèges"
    assert plural(0, "QPV", "QPV") == "0 QPV" and plural(4, "QPV", "QPV") == "4 QPV"


def test_every_rate_median_and_index_of_the_catalogue_has_a_gender():
    """A sentence never guesses a gender: each non-count indicator resolves, counts read as
    « nombre de … »."""
    for ident, entry in CATALOGUE.items():
        noun = indicator_noun(ident)
        assert noun.gender in (MASCULINE, FEMININE), ident
    assert indicator_noun("DEMO.TX_TOT_0A24").gender == FEMININE
    assert indicator_noun("IPRO.TX_TOT_EMPL") == Noun("taux d'emploi", MASCULINE)
    assert indicator_noun("DEMO.A").text == "nombre d'allocataires CAF"
    assert indicator_noun("IPRO.ABC").text.startswith("nombre de demandeurs d'emploi")


# -- the one formatter --------------------------------------------------------------------------

@pytest.mark.parametrize("value, decimals, expected", [
    (1952.5, 0, "1\u202f953"), (2.5, 0, "3"), (-2.5, 0, "-3"), (3.5, 0, "4"),
    (2.675, 2, "2,68"), (0.125, 2, "0,13"), (0.05, 1, "0,1"), (-0.04, 1, "0,0"),
    (53.5224359965995, 1, "53,5"), (55414, 0, "55\u202f414"),
])
def test_displayed_values_round_half_away_from_zero(value, decimals, expected):
    assert format_french_number(value, decimals) == expected


def figure(value, status="ok", unit="habitants"):
    return Figure("DEMO.POP_MUN", "Population municipale", unit, 2022, None, value, status,
                  "insee_qpv_indicateurs/DEMO_2022_call.csv", 3)


def test_every_display_path_uses_the_one_formatter(qapp):
    """Fiche (model, window and PDF cells), indicator table, portrait cards, diagnostic
    sentences and the views' number() write 1 952,5 as « 1 953 »."""
    from qpvdesk.render.fiche_tables import figure_text
    from qpvdesk.views.formatting import number
    from qpvdesk.views.tables.indicator_table_view import figure_number

    assert format_value(1952.5, "habitants") == "1\u202f953 habitants"
    assert format_figure(figure(1952.5)) == "1\u202f953 habitants"
    assert figure_text(figure(1952.5)) == "1\u202f953"
    assert figure_number(figure(1952.5)) == "1\u202f953"
    assert number(1952.5) == "1\u202f953"
    assert value_text(1952.5, "habitants") == "1\u202f953 habitants"


