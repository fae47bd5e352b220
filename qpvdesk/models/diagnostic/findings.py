"""One finding: a QPV indicator at one edition across the 22 QPV, against the CALL (and the
département, the région, France, the ensemble des QPV) where a comparable value exists."""
from __future__ import annotations

import math
from dataclasses import replace

from ..catalogue_nouns import indicator_noun
from ..comparators import QPV_KIND, Comparator, Value
from .data import DERIVED_RATES, DiagnosticData, DerivedRate
from .gaps import EditionPair, choose_editions, evolution_sentence, gap_change
from .model import (Extreme, Finding, GapChange, GapEvolution, QpvFigure, Reference,
                    Refusal)
from .pairing import Pairing, best_pairing, pair, qpv_year_text, year_text
from .sentences import (comparison_sentence, count_sentence, range_sentence,
                        unpublished_sentence, year_clause)
from .wording import TERRITORY_PHRASES, definite, of, times_phrase, to, value_text

REFERENCE_LEVELS = ("epci", "departement", "region", "france", "ensemble_qpv")
LEVEL_NAMES = {"epci": "CALL", "departement": "Pas-de-Calais", "region": "Hauts-de-France",
               "france": "France métropolitaine", "ensemble_qpv": "ensemble des QPV de France"}
UNVERIFIED = "définition non vérifiée"
NO_SOURCE = "aucune source embarquée ne publie cet indicateur pour la CALL"


def build_finding(data: DiagnosticData, key: str, requested: int | None) -> Finding:
    meta = _meta(data, key)
    by_qpv = data.qpv_values(key)
    editions = tuple(sorted({e for series in by_qpv.values() for e, v in series.items()
                             if v.status == "ok"}))
    edition = _edition(editions, requested)
    year = data.qpv_reference_year(key, edition) if edition is not None else None
    qpv_year = year[0] if year else None
    year_words = qpv_year_text(key, edition, qpv_year) if edition is not None else \
        f"aucune édition jusqu'à {requested}"
    comparators = comparators_of(data, key)
    references, refusals, call_comparator = _references(comparators, edition, qpv_year)
    call = next((r for r in references if r.level == "epci"), None)
    figures = _figures(data, by_qpv, edition, call, meta)
    known = [f for f in figures if f.value.status == "ok"]
    lowest, highest = extremes(figures, meta["unit"])
    above = below = worse = None
    ratios: list[float] = []
    if call is not None and call.value.status == "ok" and meta["aggregation"] != "count":
        above = sum(f.value.value > call.value.value and not _same(f, call) for f in known)
        below = sum(f.value.value < call.value.value and not _same(f, call) for f in known)
        worse = {"high": above, "low": below}.get(meta["unfavourable"])
        ratios = [f.ratio_to_call for f in known if f.ratio_to_call is not None]
    evolution = None
    if call_comparator is not None and meta["aggregation"] != "count":
        evolution = _evolution(data, key, meta, by_qpv, call_comparator, editions, edition)
    noun = indicator_noun(key, meta["label"])
    sentence = _sentence(noun, meta, figures, known, above, below, call, lowest, highest,
                         year_words, comparators, refusals, references)
    notes = _notes(meta, call, references, refusals, figures, comparators, edition)
    return Finding(key, meta["label"], meta["unit"], meta["unfavourable"], meta["definition"],
                   meta["verified"], meta["derived_note"], edition, editions, year_words,
                   tuple(figures), len(known), lowest, highest, call,
                   tuple(r for r in references if r.level != "epci"), tuple(refusals),
                   worse, above, below, min(ratios, default=None), max(ratios, default=None),
                   times_phrase(ratios), evolution, sentence, tuple(notes))


# -- catalogue ------------------------------------------------------------------------------

def _meta(data: DiagnosticData, key: str) -> dict:
    if key in DERIVED_RATES:
        rate = DERIVED_RATES[key]
        return {"key": key, "label": rate.label, "unit": "%", "aggregation": "rate",
                "unfavourable": rate.unfavourable,
                "definition": rate.definition, "verified": True, "derived_note": rate.note,
                "covers": (rate.numerator, rate.denominator)}
    info = data.info(key)
    return {"key": key, "label": info.label, "unit": info.unit,
            "aggregation": info.aggregation, "unfavourable": info.unfavourable,
            "definition": info.definition, "verified": info.verified, "derived_note": None,
            "covers": (key,)}


def _edition(editions: tuple[int, ...], requested: int | None) -> int | None:
    """The latest edition, or the latest not after the one requested."""
    usable = [e for e in editions if requested is None or e <= requested]
    return usable[-1] if usable else None


# -- comparators ----------------------------------------------------------------------------

def comparators_of(data: DiagnosticData, key: str) -> tuple[Comparator, ...]:
    """The declared comparators of an indicator; for a derived rate, the ratio of its two
    counts' comparators at each level."""
    if key not in DERIVED_RATES:
        return data.comparators(key)
    rate = DERIVED_RATES[key]
    tops = {(c.level, c.rank): c for c in data.comparators(rate.numerator)}
    bottoms = {(c.level, c.rank): c for c in data.comparators(rate.denominator)}
    return tuple(_ratio_comparator(rate, tops[k], bottoms[k]) for k in tops if k in bottoms)


def _ratio_comparator(rate: DerivedRate, top: Comparator, bottom: Comparator) -> Comparator:
    """The rate at a comparator level: the ratio of the two counts of the same territory and
    edition (the counts themselves may be sums of IRIS, said in their note)."""
    bottoms = {(v.territory_code, v.edition): v for v in bottom.values}
    values = []
    for value in top.values:
        other = bottoms.get((value.territory_code, value.edition))
        if other is None:
            continue
        ratio = _ratio(value, other)
        values.append(replace(ratio, indicator_id=f"{top.comparator_id}/{bottom.comparator_id}",
                              note=ratio.note if ratio.status != "ok" else
                              f"Calculé à partir de {top.comparator_id} et "
                              f"{bottom.comparator_id} : {value.note or ''}".rstrip(" :")))
    comparability = "close" if "close" in (top.comparability, bottom.comparability) else \
        top.comparability
    return replace(top, comparator_id=f"{top.comparator_id}/{bottom.comparator_id}",
                   label=rate.label, unit="%", comparability=comparability,
                   values=tuple(values))


def _ratio(top: Value, bottom: Value) -> Value:
    if top.status != "ok" or bottom.status != "ok" or not bottom.value:
        status = next((s for s in ("secret", "non_publie", "missing")
                       if s in (top.status, bottom.status)), "missing")
        return replace(top, value=None, status=status,
                       note=top.note if top.status != "ok" else bottom.note)
    return replace(top, value=100 * top.value / bottom.value, status="ok", derived=True)


def _references(comparators: tuple[Comparator, ...], edition: int | None,
                qpv_year: int | None) -> tuple[list[Reference], list[Refusal], Comparator | None]:
    """The best comparable value at each level (see pairing.best_pairing), the refused
    comparators, and the comparator the CALL's value comes from."""
    references, refusals, call_comparator = [], [], None
    if edition is None:
        return references, refusals, None
    for level in REFERENCE_LEVELS:
        at_level = [c for c in comparators if c.level == level]
        codes = dict.fromkeys(v.territory_code for c in at_level for v in c.values)
        for code in codes:
            best, refused = best_pairing(at_level, code, edition, qpv_year)
            refusals += [Refusal(level, c.comparator_id, c.label, reason) for c, reason in refused
                         if not any(r.indicator_id == c.comparator_id and r.level == level
                                    for r in refusals)]
            if best is not None:
                references.append(_reference(*best))
                if level == "epci":
                    call_comparator = best[0]
    return references, refusals, call_comparator


def _reference(comparator: Comparator, pairing: Pairing) -> Reference:
    value = pairing.value
    return Reference(comparator.level, value.territory_code, value.territory_name,
                     comparator.comparator_id, comparator.label, comparator.source, value,
                     year_text(value), comparator.comparability,
                     comparator.note if comparator.comparability == "close" else None,
                     pairing.basis, pairing.note)


# -- QPV figures ----------------------------------------------------------------------------

def _figures(data: DiagnosticData, by_qpv, edition: int | None, call: Reference | None,
             meta: dict) -> list[QpvFigure]:
    """The 22 QPV by name, each with its figure (missing when absent), the INSEE quality
    flags on the counts it is read or computed from, and how it stands against the CALL."""
    key, unfavourable = meta["key"], meta["unfavourable"]
    call_value = call.value.value if call is not None and call.value.status == "ok" else None
    figures = []
    for qpv in data.qpvs:
        value = by_qpv.get(qpv.code_2015, {}).get(edition) if edition is not None else None
        if value is None:
            value = Value(key, QPV_KIND, qpv.code_2015, qpv.name, edition or 0, None, None,
                          "missing", False, None, "", None)
        flags = data.flags(qpv.code_2015, edition, meta["covers"]) if edition is not None \
            else ()
        ratio = versus = None
        if value.status == "ok" and call_value:
            ratio = value.value / call_value
            versus = versus_call(value.value, call_value, unfavourable)
        figures.append(QpvFigure(qpv.code, qpv.code_2015, qpv.name, value, flags, versus,
                                 ratio))
    return figures


def versus_call(value: float, call: float, unfavourable: str | None) -> str:
    """worse / better / equal by the unfavourable direction; higher / lower without one."""
    if math.isclose(value, call, rel_tol=1e-12):
        return "equal"
    higher = value > call
    if unfavourable is None:
        return "higher" if higher else "lower"
    return "worse" if higher == (unfavourable == "high") else "better"


def _same(figure: QpvFigure, call: Reference) -> bool:
    return math.isclose(figure.value.value, call.value.value, rel_tol=1e-12)


def extremes(figures: list[QpvFigure], unit: str) -> tuple[Extreme | None, Extreme | None]:
    """The lowest and the highest value with every QPV that has it (ties name them all)."""
    known = [f for f in figures if f.value.status == "ok"]
    if not known:
        return None, None

    def extreme(target: float) -> Extreme:
        tied = tuple((f.code, f.name) for f in known
                     if math.isclose(f.value.value, target, rel_tol=1e-12))
        return Extreme(target, value_text(target, unit), tied)

    values = [f.value.value for f in known]
    return extreme(min(values)), extreme(max(values))


# -- evolution of the gaps ------------------------------------------------------------------

def _evolution(data: DiagnosticData, key: str, meta: dict, by_qpv, comparator: Comparator,
               editions: tuple[int, ...], edition: int | None) -> GapEvolution:
    call_code = data.call_code
    pairings = {}
    for each in editions:
        year = data.qpv_reference_year(key, each)
        pairing = pair(comparator, call_code, each, year[0] if year else None)
        if pairing is not None and pairing.value.status == "ok":
            pairings[each] = pairing
    chosen = choose_editions(pairings, edition)
    if isinstance(chosen, str):
        return GapEvolution(key, None, edition, None, None, (), 0, 0, 0,
                            f"Évolution des écarts non calculable : {chosen}.", chosen)
    changes = _changes(data, by_qpv, chosen, meta)
    if not changes:
        reason = "aucun QPV n'a de valeur aux deux éditions"
        return GapEvolution(key, chosen.edition_from, chosen.edition_to, None, None, (), 0,
                            0, 0, f"Évolution des écarts non calculable : {reason}.", reason)
    noun = indicator_noun(key, meta["label"])
    year_from = _edition_words(data, key, chosen.edition_from)
    year_to = _edition_words(data, key, chosen.edition_to)
    sentence = evolution_sentence(changes, year_from, year_to,
                                  f"{to(definite(noun))} {of(TERRITORY_PHRASES['epci'])}")
    return GapEvolution(
        key, chosen.edition_from, chosen.edition_to,
        _reference(comparator, chosen.call_from), _reference(comparator, chosen.call_to),
        tuple(GapChange(c.code, c.name, c.gap_from, c.gap_to, c.worsening, c.movement, c.text)
              for c in changes),
        sum(c.movement == "worsens" for c in changes),
        sum(c.movement == "improves" for c in changes),
        sum(c.movement == "stable" for c in changes), sentence, None)


def _edition_words(data: DiagnosticData, key: str, edition: int) -> str:
    year = data.qpv_reference_year(key, edition)
    return qpv_year_text(key, edition, year[0] if year else None)


def _changes(data: DiagnosticData, by_qpv, chosen: EditionPair, meta: dict):
    changes = []
    for qpv in data.qpvs:
        series = by_qpv.get(qpv.code_2015, {})
        change = gap_change(qpv.code, qpv.name, series.get(chosen.edition_from),
                            series.get(chosen.edition_to), chosen.call_from.value.value,
                            chosen.call_to.value.value, meta["unit"], meta["unfavourable"])
        if change is not None:
            changes.append(change)
    return changes


# -- sentence and notes ---------------------------------------------------------------------

def _sentence(noun, meta, figures, known, above, below, call, lowest, highest, year_words,
              comparators, refusals, references) -> str:
    if not known:
        return unpublished_sentence(noun, year_words)
    if meta["aggregation"] == "count":
        return count_sentence(meta["unit"], figures, call, year_words, lowest, highest)
    if call is not None and call.value.status == "ok":
        clause = year_clause(value_text(call.value.value, meta["unit"]), call.year_text)
        return comparison_sentence(noun, len(figures), len(known), above, below,
                                   meta["unfavourable"], clause, lowest, highest)
    ensemble = next((r for r in references if r.level == "ensemble_qpv"
                     and r.value.status == "ok"), None)
    tail = _no_call_reason(call, comparators, refusals)
    if ensemble is not None:
        ensemble_text = value_text(ensemble.value.value, meta["unit"])
        tail += f" ; ensemble des QPV de France : {year_clause(ensemble_text, ensemble.year_text)}"
    return range_sentence(noun, year_words, lowest, highest, tail)


def _no_call_reason(call: Reference | None, comparators, refusals) -> str:
    if call is not None:
        why = (call.value.note or "non disponible").rstrip(".")
        return f"la valeur de la CALL n'est pas calculable ({why[0].lower()}{why[1:]})"
    if any(r.level == "epci" for r in refusals):
        return "la CALL n'a pas de valeur de même définition (voir la note)"
    return NO_SOURCE


def _notes(meta, call, references, refusals, figures, comparators, edition) -> list[str]:
    notes = []
    if not meta["verified"]:
        notes.append(f"{meta['label']} : {UNVERIFIED} ({meta['definition']})")
    if meta["derived_note"]:
        notes.append(f"{meta['label']} : {meta['derived_note']}")
    for reference in ([call] if call else []) + list(references):
        where = LEVEL_NAMES[reference.level]
        if reference.comparability_note:
            notes.append(f"{where} — définition proche : {reference.comparability_note}")
        if reference.pairing_note:
            notes.append(f"{where} — {reference.pairing_note}")
        if reference.value.derived and reference.value.note:
            notes.append(f"{where} — {reference.value.note}")
    for refusal in refusals:
        notes.append(f"{LEVEL_NAMES.get(refusal.level, refusal.level)} — {refusal.label} non "
                     f"comparable, non mis en regard : {refusal.reason}")
    for figure in figures:
        for flag in figure.flags:
            notes.append(f"Précaution — {figure.name} (édition {edition}) : {flag.meaning} "
                         f"{flag.observation}")
    return list(dict.fromkeys(notes))

