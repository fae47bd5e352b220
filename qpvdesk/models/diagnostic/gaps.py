"""The evolution of each QPV's gap to the CALL between two editions: « l'écart se creuse de
2,1 points ». Shared by the diagnostic and the fiche.

The two editions must each be paired with a CALL value of the same comparator at an
established year (same year of data, or same INSEE edition), and the two CALL years must
differ: otherwise the « evolution » would only be the QPV's own change, and the function
says why it cannot be computed instead.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..comparators import Value
from .pairing import EXACT, Pairing
from .wording import gap_text, plural, verb

NO_CALL = "la CALL n'a pas de valeur comparable"


@dataclass(frozen=True)
class EditionPair:
    edition_from: int
    edition_to: int
    call_from: Pairing
    call_to: Pairing


def orientation(unfavourable: str | None) -> int | None:
    return {"high": 1, "low": -1}.get(unfavourable)


def choose_editions(pairings: dict[int, Pairing], edition_to: int | None) -> EditionPair | str:
    """The earliest QPV edition before ``edition_to`` that has an exact CALL pairing from the
    same comparator at another year; or the French reason why there is none."""
    if edition_to is None:
        return "aucune édition QPV n'a de valeur"
    last = pairings.get(edition_to)
    if last is None:
        return NO_CALL + f" pour l'édition {edition_to}"
    if last.basis not in EXACT:
        return (f"la valeur de la CALL rapprochée de l'édition {edition_to} n'est pas de la "
                "même année de données")
    for edition in sorted(pairings):
        first = pairings[edition]
        if edition >= edition_to or first.basis not in EXACT:
            continue
        if first.value.indicator_id != last.value.indicator_id:
            continue
        if _year(first.value) != _year(last.value):
            return EditionPair(edition, edition_to, first, last)
    return ("la CALL n'a de valeur à la même année de données que pour une seule édition des "
            "QPV")


def _year(value: Value) -> int:
    return value.reference_year or value.edition


@dataclass(frozen=True)
class Change:
    code: str
    name: str
    gap_from: float
    gap_to: float
    worsening: float
    movement: str
    text: str


def gap_change(code: str, name: str, before, after, call_before: float, call_after: float,
               unit: str, unfavourable: str | None) -> Change | None:
    """One QPV's gap (QPV − CALL) at both editions and how it moved; None without both
    values (``before`` and ``after``: anything with ``status`` and ``value``, a comparators
    Value or a fiche Figure). Without an unfavourable direction, the gap's size is what
    widens or narrows."""
    if before is None or after is None or before.status != "ok" or after.status != "ok":
        return None
    gap_from, gap_to = before.value - call_before, after.value - call_after
    sign = orientation(unfavourable)
    if sign is None:
        oriented_from, oriented_to = abs(gap_from), abs(gap_to)
    else:
        oriented_from, oriented_to = sign * gap_from, sign * gap_to
    worsening = oriented_to - oriented_from
    movement, text = gap_text(oriented_from, oriented_to, worsening, unit)
    return Change(code, name, gap_from, gap_to, worsening, movement, text)


def evolution_sentence(changes: list[Change], year_from: str, year_to: str,
                       noun_phrase: str) -> str:
    """« Entre revenus 2016 et revenus 2019, l'écart au revenu … de la CALL se creuse pour 15
    QPV sur 22 et se réduit pour 7. »"""
    worse = sum(c.movement == "worsens" for c in changes)
    better = sum(c.movement == "improves" for c in changes)
    stable = sum(c.movement == "stable" for c in changes)
    parts = []
    if worse:
        parts.append(f"se creuse pour {plural(worse, 'QPV', 'QPV')}")
    if better:
        parts.append(f"se réduit pour {plural(better, 'QPV', 'QPV')}")
    if stable:
        parts.append(f"reste stable pour {plural(stable, 'QPV', 'QPV')}")
    counted = " et ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 2 else parts)
    scope = "" if len(changes) == 0 else f" (sur {plural(len(changes), 'QPV', 'QPV')} " \
        f"{verb(len(changes), 'renseigné', 'renseignés')} aux deux dates)"
    return (f"Entre {year_from} et {year_to}, l'écart {noun_phrase} {counted}{scope}.")
