"""Sentence templates of the diagnostic. Each takes nouns, counts and already worded values
(never a typed number) and returns one French sentence."""
from __future__ import annotations

import math

from ..catalogue_nouns import Noun
from .model import Extreme
from .wording import (TERRITORY_PHRASES, agreed, capitalised, definite, demonstrative,
                      indefinite, names_list, of, partitive_negative, value_text, verb)

CALL = TERRITORY_PHRASES["epci"]


def year_clause(value_text: str, year_text: str) -> str:
    """« 53,5 % en 2018 », « 17 980 € par UC, revenus 2019 »."""
    return f"{value_text} en {year_text}" if year_text.isdigit() else f"{value_text}, {year_text}"


def extreme_text(extreme: Extreme) -> str:
    """« 30,8 % (République - Cité 4) », « 65 (Cité 2 et 3 Cités) »."""
    return f"{extreme.text} ({names_list(extreme.names)})"


def span(lowest: Extreme, highest: Extreme) -> str:
    if lowest.value == highest.value:
        return f"{extreme_text(lowest)} pour tous"
    return f"de {extreme_text(lowest)} à {extreme_text(highest)}"


def comparison_sentence(noun: Noun, total: int, known: int, above: int, below: int,
                        unfavourable: str | None, call: str, lowest: Extreme,
                        highest: Extreme) -> str:
    """« Tous les QPV ont un taux d'emploi inférieur à celui de la CALL (53,5 % en 2018) : de
    30,8 % (République - Cité 4) à 47,3 % (Quartier Saint-Elie - Fosse 13). »; « 15 QPV sur
    22 ont … ; les valeurs vont de … », « Aucun QPV n'a de … »."""
    if above == known or below == known:
        adjective = agreed("supérieur" if above == known else "inférieur", noun)
        subject = ("Tous les QPV ont" if known == total else
                   f"Les {known} QPV renseignés (sur {total}) ont tous")
        return (f"{subject} {indefinite(noun)} {adjective} à {demonstrative(noun)} {of(CALL)} "
                f"({call}) : {span(lowest, highest)}.")
    counting_above = unfavourable != "low"
    count = above if counting_above else below
    adjective = agreed("supérieur" if counting_above else "inférieur", noun)
    whom = f"{demonstrative(noun)} {of(CALL)} ({call})"
    values = f"les valeurs vont {span(lowest, highest)}"
    if count == 0:
        return (f"Aucun QPV n'a {partitive_negative(noun)} {adjective} à {whom} ; {values}.")
    of_known = f"sur {known}" if known == total else f"sur {known} renseignés"
    return (f"{count} QPV {of_known} {verb(count, 'a', 'ont')} {indefinite(noun)} {adjective} "
            f"à {whom} ; {values}.")


def range_sentence(noun: Noun, year_text: str, lowest: Extreme, highest: Extreme,
                   tail: str) -> str:
    """« Le taux de bas revenus déclarés des QPV va de … à … (édition 2022) ; {tail}. »"""
    return (f"{capitalised(definite(noun))} des QPV va {span(lowest, highest)} ({year_text})"
            f" ; {tail}.")


def unpublished_sentence(noun: Noun, year_text: str) -> str:
    return (f"{capitalised(definite(noun))} n'est {agreed('publié', noun)} pour aucun QPV "
            f"({year_text}).")


def count_sentence(unit: str, figures, call, year_text: str, lowest: Extreme,
                   highest: Extreme) -> str:
    """« Les 22 QPV comptent 55 414 habitants (édition 2022), soit 22,9 % des 241 703
    habitants de la CALL (2018) ; de 1 027 habitants (…) à 6 468 habitants (…) par quartier. »
    Counts add up; the sum is given only when every QPV has a value."""
    known = [f.value.value for f in figures if f.value.status == "ok"]
    head = (f"Les {len(figures)} QPV comptent {value_text(math.fsum(known), unit)} "
            f"({year_text})" if len(known) == len(figures) else
            f"Le total des {len(figures)} QPV n'est pas calculable ({len(figures) - len(known)}"
            f" sans valeur, {year_text})")
    if len(known) == len(figures) and call is not None and call.value.status == "ok" \
            and call.value.value:
        share = 100 * math.fsum(known) / call.value.value
        head += (f", soit {value_text(share, '%')} des {value_text(call.value.value, unit)} de "
                 f"la CALL ({call.year_text})")
    return f"{head} ; {span(lowest, highest)} par quartier."
