"""« Portrait du territoire »: the headline figures of the CALL and its 22 QPV.

Each headline is computed from the reference data and carries a French explanation of the
statistical rule applied: counts add up, rates and medians do not (they are given as the
lowest, the highest and the list of the 22 quartiers, never averaged).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .fiche import (LEVELS, ComparisonValue, Figure, IndicatorData, QpvExtreme, format_value,
                    indicator_data, is_summable, qpv_extremes)
from .frenchnum import format_french_number

POPULATION_ID = "DEMO.POP_MUN"
INCOME_ID = "REVN.DISP_Q2"
POVERTY_ID = "REVN.TP60"
EMPLOYMENT_ID = "IPRO.TX_TOT_EMPL"

COUNT_RULE = ("Les populations sont des effectifs : elles s'additionnent. La population en QPV "
              "est la somme des populations municipales des 22 quartiers.")
SHARE_RULE = ("Rapport de deux effectifs de millésimes différents (population des QPV : base "
              "INSEE QPV, géographie 2015 ; population de la CALL : population légale) : c'est "
              "un ordre de grandeur, pas une part exacte.")
MEDIAN_RULE = (
    "Les taux et les médianes ne s'additionnent pas et ne se moyennent pas : la médiane de "
    "l'ensemble des habitants des QPV ne se déduit pas des médianes de chaque quartier. On "
    "donne la plus basse, la plus haute et la liste des 22 quartiers.")
RATE_RULE = (
    "Les taux et les médianes ne s'additionnent pas et ne se moyennent pas : un taux de "
    "l'ensemble des QPV demanderait le numérateur et le dénominateur de chaque quartier, que "
    "la base INSEE ne donne pas. On donne le plus bas, le plus haut et la liste des 22 "
    "quartiers.")
NO_CALL_VALUE = ("La valeur de la CALL pour cet indicateur n'est pas dans les sources "
                 "embarquées ; elle n'est pas recalculée à partir des IRIS, car un taux ne "
                 "s'obtient pas en additionnant ou en moyennant des taux.")


@dataclass(frozen=True)
class Headline:
    key: str
    title: str
    value: float | None              # the headline figure, when there is one
    unit: str
    vintage: str
    explanation: str                 # the statistical rule applied, in French
    qpv_min: QpvExtreme | None = None
    qpv_max: QpvExtreme | None = None
    qpv_values: tuple[tuple[str, str, Figure], ...] = ()   # (2024 code, name, figure)
    references: tuple[ComparisonValue, ...] = ()           # CALL, 62, 32, France
    ratio_to_call: tuple[float, float] | None = None       # (lowest, highest) QPV / CALL
    inputs: tuple[Figure, ...] = ()  # the figures the value is computed from
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Portrait:
    headlines: tuple[Headline, ...]

    def headline(self, key: str) -> Headline:
        return next(headline for headline in self.headlines if headline.key == key)


def build_portrait(store) -> Portrait:
    data = indicator_data(store)
    data.load([POPULATION_ID, INCOME_ID, POVERTY_ID, EMPLOYMENT_ID])
    call = _call_population(data)
    in_qpv = _qpv_population(data)
    return Portrait((
        call, in_qpv, _share(call, in_qpv),
        _per_qpv(data, "median_income", "Revenu disponible médian par unité de consommation",
                 INCOME_ID, MEDIAN_RULE),
        _per_qpv(data, "poverty_rate", "Taux de pauvreté (seuil à 60 % du niveau de vie "
                 "médian)", POVERTY_ID, RATE_RULE),
        _per_qpv(data, "employment_rate", "Taux d'emploi des 15-64 ans", EMPLOYMENT_ID,
                 RATE_RULE),
    ))


def _call_population(data: IndicatorData) -> Headline:
    siren, name, population, year = data.conn.execute(
        "SELECT siren, name, population_municipale, population_year FROM epci").fetchone()
    figure = Figure("epci.population_municipale", "Population municipale", "habitants", year,
                    year, float(population), "ok", data.table_sources.get("epci", ""), None)
    return Headline("population_call", f"Population de la {name}", float(population),
                    "habitants", f"Population légale millésime {year}",
                    "Population municipale publiée pour l'EPCI (somme des populations "
                    "municipales de ses communes).", inputs=(figure,))


def _qpv_population(data: IndicatorData) -> Headline:
    meta = data.meta(POPULATION_ID)
    edition = data.latest_qpv_edition(POPULATION_ID)
    pairs = data.qpv_figures(POPULATION_ID, edition)
    figures = tuple(figure for _, figure in pairs)
    unknown = [qpv.name for qpv, figure in pairs if figure.status != "ok"]
    if not is_summable(meta):
        raise ValueError(f"{meta.id} n'est pas un effectif : il ne s'additionne pas.")
    total = None if unknown else math.fsum(figure.value for figure in figures)
    straddling = [qpv.name for qpv in data.qpvs
                  if any(not commune.in_call for commune in qpv.communes_2024)]
    notes = [f"{len(straddling)} QPV sont à cheval sur la CALL et des communes voisines "
             f"({', '.join(straddling)}) : la somme comprend aussi leurs habitants des "
             "communes hors CALL."] if straddling else []
    if unknown:
        notes.append(f"Somme impossible : pas de valeur pour {', '.join(unknown)}.")
    low, high = qpv_extremes(pairs)
    return Headline("population_qpv", "Population des 22 QPV", total, meta.unit,
                    f"Base INSEE QPV, édition {edition}, géographie 2015", COUNT_RULE,
                    low, high, _listing(pairs), inputs=figures, notes=tuple(notes))


def _share(call: Headline, in_qpv: Headline) -> Headline:
    value = (in_qpv.value / call.value * 100
             if in_qpv.value is not None and call.value else None)
    return Headline("share_in_qpv", "Part de la population de la CALL vivant en QPV", value, "%",
                    f"{in_qpv.vintage} / {call.vintage}", SHARE_RULE,
                    inputs=(*call.inputs, *in_qpv.inputs), notes=in_qpv.notes)


def _per_qpv(data: IndicatorData, key: str, title: str, indicator_id: str,
             rule: str) -> Headline:
    meta = data.meta(indicator_id)
    edition = data.latest_qpv_edition(indicator_id)
    pairs = data.qpv_figures(indicator_id, edition)
    references = tuple(item for item in (data.comparison(indicator_id, level, data.codes[level])
                                         for level in LEVELS[1:-1]) if item is not None)
    call = next((item.figure for item in references
                 if item.level == "epci" and item.figure.status == "ok"), None)
    low, high = qpv_extremes(pairs)
    notes, ratios = [], None
    if call is None:
        notes.append(NO_CALL_VALUE)
    elif low is not None:
        ratios = (low.figure.value / call.value, high.figure.value / call.value)
        notes.append(f"CALL : {format_value(call.value, call.unit)} (millésime {call.edition}) ; "
                     f"les QPV sont entre {_times(ratios[0])} et {_times(ratios[1])} cette "
                     "valeur. Les millésimes QPV et CALL diffèrent.")
    vintage = f"Base INSEE QPV, édition {edition}, géographie 2015"
    if call is not None:
        vintage += f" ; CALL : millésime {call.edition}"
    return Headline(key, title, call.value if call else None, meta.unit, vintage, rule,
                    low, high, _listing(pairs), references, ratios,
                    notes=tuple(notes))


def _listing(pairs) -> tuple[tuple[str, str, Figure], ...]:
    return tuple((qpv.code, qpv.name, figure) for qpv, figure in pairs)


def _times(ratio: float) -> str:
    return f"{format_french_number(ratio, 2)} fois"
