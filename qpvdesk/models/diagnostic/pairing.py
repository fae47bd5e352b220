"""Which comparator value goes beside a QPV figure, and whether it may.

Rules (each pairing says which one applied):

1. A comparator whose definition is 'different' is never set beside the QPV figure:
   :func:`pair` raises :class:`NotComparable` with the declared reason.
2. When the QPV figure's data year is established (Filosofi by QPV: the income year; REVN
   2021 and 2022: revenus 2017 and 2018), the comparator value of that year is taken
   (``same_year``); failing that, the nearest year, earlier on a tie (``other_year``, with a
   note giving both years).
3. Otherwise, when the comparator is published by edition like the QPV bases (INSEE
   comparateur: edition 2022 = recensement 2018), the value of the same INSEE edition
   (``same_edition``); failing that, the year nearest the QPV edition (``other_year``, with a
   note saying the QPV's data year is not established).
4. A comparator with one value only is that value (``only_value``, with a note when its year
   differs from the QPV's).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..comparators import Comparator, Value, ensemble_label

SAME_YEAR, SAME_EDITION, OTHER_YEAR, ONLY_VALUE = ("same_year", "same_edition", "other_year",
                                                   "only_value")
EXACT = (SAME_YEAR, SAME_EDITION)


class NotComparable(ValueError):
    """A comparator whose definition differs from the QPV indicator's: refused, with why."""


@dataclass(frozen=True)
class Pairing:
    value: Value
    basis: str                  # same_year | same_edition | other_year | only_value
    note: str | None


def value_year(value: Value) -> int:
    return value.reference_year or value.edition


def by_edition(value: Value) -> bool:
    """True for a comparator published by edition (its edition is not its data year)."""
    return value.reference_year is not None and value.reference_year != value.edition


def year_text(value: Value) -> str:
    """« 2018 », « revenus 2019 », « édition 2019 » for the ensemble des QPV by edition."""
    if value.territory_kind == "ensemble_qpv":
        return ensemble_label(value).split(" — ", 1)[1]
    if value.indicator_id.startswith(("FILO.", "FILOQP.", "FILOTP.")):
        return f"revenus {value_year(value)}"
    return str(value_year(value))


def qpv_year_text(indicator_id: str, edition: int, reference_year: int | None) -> str:
    """« revenus 2019 » (Filosofi by QPV), « édition 2022 (revenus 2018) », « édition 2022 »."""
    if indicator_id.startswith("FILOQP."):
        return f"revenus {edition}"
    if reference_year is not None:
        return f"édition {edition} (revenus {reference_year})"
    return f"édition {edition}"


def pair(comparator: Comparator, territory_code: str, qpv_edition: int,
         qpv_year: int | None) -> Pairing | None:
    """The comparator value for this territory beside a QPV figure of ``qpv_edition`` (data
    year ``qpv_year`` when established). None when the territory has no value; raises
    NotComparable for a 'different' definition."""
    if comparator.comparability == "different":
        raise NotComparable(comparator.note)
    values = [v for v in comparator.values if v.territory_code == territory_code]
    candidates = [v for v in values if v.status == "ok"] or values
    if not candidates:
        return None
    if qpv_year is not None:
        exact = [v for v in candidates if value_year(v) == qpv_year]
        target = qpv_year
    else:
        exact = [v for v in candidates if same_base_edition(v) and v.edition == qpv_edition]
        target = qpv_edition
    if exact:
        value = exact[0]
        if qpv_year is not None or value.territory_kind == "ensemble_qpv":
            return Pairing(value, SAME_YEAR if qpv_year is not None else SAME_EDITION, None)
        return Pairing(value, SAME_EDITION,
                       f"Même édition INSEE ({qpv_edition}) que la base des QPV ; données "
                       f"{value_year(value)} pour la comparaison.")
    nearest = min(candidates, key=lambda v: (abs(_when(v, qpv_year) - target),
                                             _when(v, qpv_year)))
    basis = ONLY_VALUE if len(candidates) == 1 else OTHER_YEAR
    return Pairing(nearest, basis, _years_note(nearest, qpv_edition, qpv_year))


def same_base_edition(value: Value) -> bool:
    """True when the value's edition is an INSEE publication edition comparable with the QPV
    bases' (the ensemble des QPV of the same base; the comparateur, edition ≠ data year)."""
    return value.territory_kind == "ensemble_qpv" or by_edition(value)


def _when(value: Value, qpv_year: int | None) -> int:
    """What is compared with the QPV's target: the data year, or an ensemble's edition."""
    if qpv_year is None and value.territory_kind == "ensemble_qpv":
        return value.edition
    return value_year(value)


def _years_note(value: Value, qpv_edition: int, qpv_year: int | None) -> str:
    theirs = year_text(value)
    if value.territory_kind == "ensemble_qpv":   # (the ensemble's name is said beside it)
        qpv_text = f"revenus {qpv_year}" if qpv_year is not None else f"édition {qpv_edition}"
        return f"Années différentes : {theirs} pour la comparaison, {qpv_text} pour les QPV."
    if qpv_year is not None:
        return (f"Années différentes : {theirs} pour la comparaison, données {qpv_year} pour "
                "les QPV.")
    return (f"Années différentes ou non établies : {theirs} pour la comparaison ; l'édition "
            f"{qpv_edition} de la base des QPV ne dit pas l'année de ses données.")


def best_pairing(comparators, territory_code: str, qpv_edition: int, qpv_year: int | None
                 ) -> tuple[tuple[Comparator, Pairing] | None, list[tuple[Comparator, str]]]:
    """Among one level's comparators, the value to set beside the QPV figure for this
    territory — a value before a secret, exact years before others, the nearest year, then
    the declared rank — and the comparators refused with their reason."""
    candidates, refused = [], []
    for comparator in comparators:
        try:
            pairing = pair(comparator, territory_code, qpv_edition, qpv_year)
        except NotComparable as reason:
            refused.append((comparator, str(reason)))
            continue
        if pairing is not None:
            candidates.append((comparator, pairing))
    target = qpv_year if qpv_year is not None else qpv_edition

    def preference(item: tuple[Comparator, Pairing]):
        comparator, pairing = item
        return (pairing.value.status != "ok", pairing.basis not in EXACT,
                abs(value_year(pairing.value) - target), comparator.rank)

    return (min(candidates, key=preference) if candidates else None), refused
