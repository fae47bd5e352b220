"""French grammar for the generated sentences: articles with elision and contraction, gender
and number agreement, lists of names, « fois plus / fois moins », the movement of a gap.

Every number goes through :mod:`qpvdesk.models.frenchnum` (one formatter, half away from
zero). No function here knows an indicator: they take a :class:`Noun` and numbers.
"""
from __future__ import annotations

from ..catalogue_nouns import Noun
from ..frenchnum import format_french_number, rounded

VOWELS = tuple("aeiouyàâäéèêëîïôöûüœ")

#: Territories of a comparison level, with their article: « la CALL », « le Pas-de-Calais ».
TERRITORY_PHRASES = {"epci": "la CALL", "departement": "le Pas-de-Calais",
                     "region": "les Hauts-de-France", "france": "la France métropolitaine",
                     "ensemble_qpv": "l'ensemble des QPV de France"}

#: Decimals shown per unit; every other unit is an integer count or amount.
DECIMALS = {"%": 1, "‰": 2, "indice": 1, "rapport": 1,
            "équipements pour 1 000 habitants": 1}
#: The unit a gap or a change is spoken in.
GAP_UNITS = {"%": "points", "€ par UC": "€", "indice": "", "rapport": "", "‰": "points"}
_UNITLESS = ("indice", "rapport", "nombre")


def starts_with_vowel(text: str) -> bool:
    return text[:1].lower() in VOWELS


def definite(noun: Noun) -> str:
    """« le taux d'emploi », « la part des … », « l'indice de jeunesse »."""
    if starts_with_vowel(noun.text):
        return f"l'{noun.text}"
    return f"{'la' if noun.feminine else 'le'} {noun.text}"


def indefinite(noun: Noun) -> str:
    """« un taux d'emploi », « une part des … »."""
    return f"{'une' if noun.feminine else 'un'} {noun.text}"


def partitive_negative(noun: Noun) -> str:
    """After a negation: « (n'a) de taux … », « (n'a) d'indice … »."""
    return f"d'{noun.text}" if starts_with_vowel(noun.text) else f"de {noun.text}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def of(phrase: str) -> str:
    """« de » before a phrase with its article: du, de la, de l', des."""
    for article, contracted in (("le ", "du "), ("les ", "des ")):
        if phrase.startswith(article):
            return contracted + phrase[len(article):]
    return f"d'{phrase}" if starts_with_vowel(phrase) and not phrase.startswith("l'") \
        else f"de {phrase}"


def to(phrase: str) -> str:
    """« à » before a phrase with its article: au, à la, à l', aux."""
    for article, contracted in (("le ", "au "), ("les ", "aux ")):
        if phrase.startswith(article):
            return contracted + phrase[len(article):]
    return f"à {phrase}"


def demonstrative(noun: Noun) -> str:
    """« celui » / « celle » standing for the noun."""
    return "celle" if noun.feminine else "celui"


def agreed(masculine: str, noun: Noun) -> str:
    """An adjective agreeing with the noun: « inférieur » -> « inférieure »."""
    if not noun.feminine:
        return masculine
    if masculine.endswith("e"):
        return masculine
    return masculine + "e"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 1 QPV », « 2 QPV », « 1 collège », « 5 collèges » (French: 0 and 1 are singular)."""
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def verb(count: int, singular: str, plural_form: str) -> str:
    return singular if count <= 1 else plural_form


def names_list(names) -> str:
    """« A », « A et B », « A, B et C »."""
    names = list(names)
    if not names:
        return ""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} et {names[-1]}"


def number(value: float, unit: str) -> str:
    return format_french_number(value, DECIMALS.get(unit, 0))


def value_text(value: float, unit: str) -> str:
    """« 30,8 % », « 17 980 € par UC », « 1,1 » (index), « 6 390 équipements »."""
    text = number(value, unit)
    if unit == "%":
        return f"{text}\u00a0%"
    if unit == "‰":
        return f"{text}\u00a0‰"
    return text if unit in _UNITLESS else f"{text} {unit}"


def ratio_number(ratio: float) -> str:
    """A ratio to one decimal, « 2 » rather than « 2,0 »."""
    return format_french_number(ratio, 1).removesuffix(",0")


def times_phrase(ratios: list[float]) -> str | None:
    """How many times the CALL's value the QPV values are, the way the diagnostic says it:
    « de 1,4 à 2 fois plus », « jusqu'à 1,4 fois plus » (some QPV at the CALL's level),
    « de 1,4 à 1,9 fois moins », « de 1,2 fois moins à 1,3 fois plus », « 1,4 fois plus »;
    « du même ordre que la CALL » when every ratio rounds to 1. A ratio is « plus » when it
    rounds above 1 at one decimal, « moins » when its inverse does."""
    if not ratios:
        return None
    above = sorted(r for r in ratios if ratio_number(r) != "1" and r > 1)
    below = sorted(1 / r for r in ratios if r > 0 and r < 1 and ratio_number(1 / r) != "1")
    level = len(ratios) - len(above) - len(below)
    if above and below:
        return f"de {ratio_number(below[-1])} fois moins à {ratio_number(above[-1])} fois plus"
    for side, word in ((above, "plus"), (below, "moins")):
        if not side:
            continue
        low, high = ratio_number(side[0]), ratio_number(side[-1])
        if level:
            return f"jusqu'à {high} fois {word}"
        if low == high:
            return f"{high} fois {word}"
        return f"de {low} à {high} fois {word}"
    return "du même ordre que la CALL"


def shown_value(value: float, unit: str) -> float:
    """The value as displayed (rounded half away from zero at the unit's decimals)."""
    return float(rounded(value, DECIMALS.get(unit, 0)))


def gap_amount(change: float, unit: str) -> str:
    """« 2,1 points », « 1,5 point » (French: singular under 2), « 350 € », « 0,3 »."""
    spoken = GAP_UNITS.get(unit, unit)
    text = number(abs(change), unit)
    if spoken == "points":
        return f"{text} {'point' if shown_value(abs(change), unit) < 2 else 'points'}"
    return f"{text} {spoken}".rstrip()


def gap_text(gap_from: float, gap_to: float, worsening: float, unit: str) -> tuple[str, str]:
    """(movement, French) for one QPV: ``gap_*`` oriented so that > 0 means the QPV is worse
    placed than the CALL, ``worsening`` = gap_to − gap_from. Movements: worsens / improves /
    stable (the change rounds to 0). « l'écart se creuse de 2,1 points », « l'avance sur la
    CALL se réduit de 1,0 point », « le quartier passe devant la CALL (…) »."""
    if shown_value(abs(worsening), unit) == 0:
        return "stable", "l'écart reste stable"
    amount = gap_amount(worsening, unit)
    movement = "worsens" if worsening > 0 else "improves"
    behind_before, behind_after = gap_from > 0, gap_to > 0
    if behind_before and behind_after:
        verb_text = "se creuse" if movement == "worsens" else "se réduit"
        return movement, f"l'écart {verb_text} de {amount}"
    if not behind_before and not behind_after:
        verb_text = "se réduit" if movement == "worsens" else "augmente"
        return movement, f"l'avance sur la CALL {verb_text} de {amount}"
    if behind_after:
        return movement, f"le quartier passe derrière la CALL (écart creusé de {amount})"
    return movement, f"le quartier passe devant la CALL (écart réduit de {amount})"
