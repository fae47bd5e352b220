"""The 22 QPV × chosen indicators table, and the « dynamique des écarts » to the CALL.

Summary rows are statistics of the QPV values (minimum, median, maximum of the 22 quartiers),
never presented as CALL figures; the CALL row, when the sources have it, is the CALL's own
published value. Rates and medians are never averaged or summed here.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, replace

from .comparators import IndicatorInfo
from .fiche import CommuneRef, ComparisonValue, Figure, IndicatorData, indicator_data
from .territory_names import said, territory_names

WORSE, BETTER, EQUAL = "worse", "better", "equal"
WIDENING, NARROWING, STABLE = "écart qui se creuse", "écart qui se réduit", "écart stable"
IN_FAVOUR = " (en faveur du QPV)"

CALL_LABEL = "CALL (valeur publiée)"
MIN_LABEL, MEDIAN_LABEL, MAX_LABEL = ("Minimum des 22 QPV", "Médiane des 22 QPV",
                                      "Maximum des 22 QPV")
SUMMARY_NOTE = (
    "Minimum, médiane et maximum sont calculés sur les valeurs connues des 22 QPV (n indiqué) ; "
    "la « Médiane des 22 QPV » partage les quartiers en deux moitiés : ce n'est pas la médiane "
    "de la CALL. Les lignes de synthèse portent toujours sur les 22 QPV, même filtrées.")
ALIGNMENT_RULE = (
    "Les éditions INSEE des QPV sont des années de publication, les millésimes Filosofi de la "
    "CALL des années de revenus : la valeur CALL retenue pour une édition QPV est celle de "
    "l'année de revenus de l'édition quand les données l'établissent (revenus 2017 pour "
    "l'édition 2021, 2018 pour 2022), les autres éditions étant décalées du même nombre "
    "d'années ; sans année établie, du nombre d'années qui sépare la dernière édition QPV du "
    "dernier millésime CALL.")
COMMUNES_NOTE = (
    "Colonne « Communes » : les communes du quartier en 2015, géographie des chiffres INSEE "
    "du tableau ; le filtre par commune suit les périmètres 2024 (la carte).")
CALL_NOTE = (
    "Comparaison à la CALL (pire / meilleure / égale) seulement quand la CALL a une valeur "
    "publiée et que le sens défavorable de l'indicateur est défini ; le millésime de la valeur "
    "CALL est indiqué. " + ALIGNMENT_RULE)
GAP_EXPLANATION = (
    "Écart = valeur du QPV − valeur de la CALL, en unités de l'indicateur (points pour un taux), "
    "à la première puis à la dernière édition QPV. " + ALIGNMENT_RULE + " « Écart qui se "
    "creuse » : l'écart en valeur absolue a augmenté ; la mention « en faveur du QPV » signale "
    "un quartier mieux placé que la CALL compte tenu du sens défavorable de l'indicateur.")


@dataclass(frozen=True)
class TableColumn:
    indicator_id: str
    label: str
    unit: str
    unfavourable: str | None
    edition: int | None
    call: ComparisonValue | None     # the CALL's value, when the sources have it


@dataclass(frozen=True)
class TableCell:
    figure: Figure
    versus_call: str | None          # worse | better | equal | None


@dataclass(frozen=True)
class TableRow:
    code: str
    code_2015: str
    name: str
    communes: tuple[CommuneRef, ...]  # 2015 geography, that of the INSEE figures shown
    cells: tuple[TableCell, ...]
    communes_2024: tuple[CommuneRef, ...] = ()   # the 2024 perimeter's, for the filter

    @property
    def communes_label(self) -> str:
        return ", ".join(commune.name for commune in self.communes)


@dataclass(frozen=True)
class SummaryRow:
    label: str
    values: tuple[float | None, ...]
    counts: tuple[int, ...]          # number of values each summary is computed from
    published: bool = False          # the agglomeration's published value, not computed


@dataclass(frozen=True)
class IndicatorTable:
    columns: tuple[TableColumn, ...]
    rows: tuple[TableRow, ...]
    summaries: tuple[SummaryRow, ...]
    notes: tuple[str, ...]

    def column_index(self, indicator_id: str) -> int:
        for index, column in enumerate(self.columns):
            if column.indicator_id == indicator_id:
                return index
        raise LookupError(f"Colonne absente du tableau : {indicator_id}")

    def sorted_by(self, key: str = "name", descending: bool = False) -> IndicatorTable:
        """Rows ordered by 'name', 'code' or an indicator id; secret and missing values stay
        last whatever the direction."""
        if key in ("name", "code"):
            ordered = sorted(self.rows, key=lambda row: getattr(row, key).casefold(),
                             reverse=descending)
            return replace(self, rows=tuple(ordered))
        index = self.column_index(key)
        known = [row for row in self.rows if row.cells[index].figure.status == "ok"]
        unknown = [row for row in self.rows if row.cells[index].figure.status != "ok"]
        known.sort(key=lambda row: row.cells[index].figure.value, reverse=descending)
        return replace(self, rows=tuple(known + unknown))

    def for_commune(self, insee: str | None) -> IndicatorTable:
        """Only the QPV touching this commune (2024 perimeters); None: all of them."""
        if not insee:
            return self
        rows = tuple(row for row in self.rows
                     if any(commune.insee == insee for commune in row.communes_2024))
        return replace(self, rows=rows)


def versus_call(figure: Figure, call: ComparisonValue | None,
                unfavourable: str | None) -> str | None:
    if (call is None or unfavourable is None or figure.status != "ok"
            or call.figure.status != "ok"):
        return None
    if math.isclose(figure.value, call.figure.value, rel_tol=1e-9):
        return EQUAL
    higher = figure.value > call.figure.value
    return WORSE if higher == (unfavourable == "high") else BETTER


def qpv_indicator(data: IndicatorData, indicator_id: str) -> IndicatorInfo:
    """The indicator's catalogue entry; ValueError unless it is published for the QPV."""
    meta = data.meta(indicator_id)
    if not data.qpv_editions(indicator_id):
        raise ValueError(f"« {meta.label} » ({indicator_id}) n'est pas publié à l'échelle des "
                         "QPV : choisissez un indicateur des bases DEMO, REVN ou IPRO.")
    return meta


def build_indicator_table(store, indicator_ids, edition: int | None = None,
                          commune: str | None = None) -> IndicatorTable:
    """The 22 QPV (by name) × the indicators, at the latest edition of each indicator or at
    the chosen edition (cells 'missing' when an indicator was not published that year)."""
    data = indicator_data(store)
    data.load(indicator_ids)
    columns, by_column = [], []
    for indicator_id in indicator_ids:
        meta = qpv_indicator(data, indicator_id)
        column_edition = edition or data.latest_qpv_edition(indicator_id)
        columns.append(TableColumn(meta.id, meta.label, meta.unit, meta.unfavourable,
                                   column_edition, aligned_call(data, meta.id, column_edition)))
        by_column.append(data.qpv_figures(meta.id, column_edition))
    rows = []
    for index, qpv in enumerate(data.qpvs):
        cells = tuple(TableCell(pairs[index][1],
                                versus_call(pairs[index][1], column.call, column.unfavourable))
                      for column, pairs in zip(columns, by_column))
        rows.append(TableRow(qpv.code, qpv.code_2015, qpv.name, qpv.communes_2015, cells,
                             qpv.communes_2024))
    notes = [SUMMARY_NOTE, CALL_NOTE, COMMUNES_NOTE]
    missing = [c.label for c, pairs in zip(columns, by_column)
               if all(figure.status == "missing" for _, figure in pairs)]
    if missing:
        notes.append(f"Édition {edition} non publiée pour : {', '.join(missing)}.")
    table = IndicatorTable(tuple(columns), tuple(rows),
                           _summaries(columns, by_column), tuple(notes))
    names = territory_names(store.conn)
    if names.epci != "CALL":     # the summaries and notes are written for the CALL
        table = said(table, names.say)
    return table.for_commune(commune)


def _summaries(columns, by_column) -> tuple[SummaryRow, ...]:
    known = [[figure.value for _, figure in pairs if figure.status == "ok"]
             for pairs in by_column]
    counts = tuple(len(values) for values in known)

    def summary(label, function) -> SummaryRow:
        return SummaryRow(label, tuple(function(v) if v else None for v in known), counts)

    rows = []
    calls = [column.call.figure if column.call else None for column in columns]
    if any(call is not None and call.status == "ok" for call in calls):
        rows.append(SummaryRow(
            CALL_LABEL,
            tuple(call.value if call is not None else None for call in calls),
            tuple(int(call is not None and call.status == "ok") for call in calls),
            published=True))
    rows += [summary(MIN_LABEL, min), summary(MEDIAN_LABEL, statistics.median),
             summary(MAX_LABEL, max)]
    return tuple(rows)


# ---------------------------------------------------------------------------------------------
# Dynamique des écarts
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GapPoint:
    qpv_code: str
    qpv_name: str
    first: Figure                    # the QPV's value at the first edition
    last: Figure                     # and at the last one
    gap_first: float | None          # QPV − CALL
    gap_last: float | None
    change: float | None             # gap_last − gap_first
    worsening: float | None          # change oriented so that > 0 means relatively worse
    label: str | None                # « écart qui se creuse » / « … se réduit » / « … stable »


@dataclass(frozen=True)
class GapDynamics:
    indicator_id: str
    label: str
    unit: str
    unfavourable: str | None
    call_first: ComparisonValue
    call_last: ComparisonValue
    points: tuple[GapPoint, ...]
    explanation: str


def aligned_call(data: IndicatorData, indicator_id: str,
                 qpv_edition: int) -> ComparisonValue | None:
    """The CALL value matching a QPV edition (see ALIGNMENT_RULE), or None."""
    calls = {edition: item for edition, item in data.comparison_series(
        indicator_id, "epci", data.codes["epci"]).items() if item.figure.status == "ok"}
    latest_qpv = data.latest_qpv_edition(indicator_id)
    if not calls or latest_qpv is None:
        return None
    established = [edition - year[0] for edition in data.qpv_editions(indicator_id)
                   if (year := data.years.of(indicator_id, edition)) is not None]
    lag = established[-1] if established else latest_qpv - max(calls)
    target = qpv_edition - lag
    earlier = [edition for edition in calls if edition <= target]
    return calls[max(earlier)] if earlier else None


def _aligned_pairs(data: IndicatorData,
                   indicator_id: str) -> list[tuple[int, ComparisonValue]]:
    """(QPV edition, CALL value) for the QPV editions that have a distinct CALL value."""
    pairs, seen = [], set()
    for edition in data.qpv_editions(indicator_id):
        call = aligned_call(data, indicator_id, edition)
        if call is not None and call.figure.edition not in seen:
            seen.add(call.figure.edition)
            pairs.append((edition, call))
    return pairs


def indicators_with_call_reference(store) -> list[str]:
    """QPV indicators with CALL values for two editions or more: the ones gap_dynamics
    accepts."""
    data = indicator_data(store)
    candidates = [meta.id for meta in data.indicators.values() if meta.compare_id]
    data.load(candidates)
    return sorted(indicator_id for indicator_id in candidates
                  if len(_aligned_pairs(data, indicator_id)) >= 2)


def gap_dynamics(store, indicator_id: str) -> GapDynamics:
    """For each QPV, its gap to the CALL at the first edition and how that gap changed by
    the last one. ValueError (French) when the CALL value is not available."""
    data = indicator_data(store)
    meta = qpv_indicator(data, indicator_id)
    pairs = _aligned_pairs(data, indicator_id)
    if len(pairs) < 2:
        usable = ", ".join(indicators_with_call_reference(store))
        raise ValueError(
            f"La valeur de la CALL n'est pas disponible pour « {meta.label} » "
            f"({indicator_id}) sur deux années au moins : la dynamique des écarts ne peut pas "
            f"être calculée. Indicateurs possibles : {usable}.")
    (first_edition, call_first), (last_edition, call_last) = pairs[0], pairs[-1]
    points = []
    for qpv in data.qpvs:
        first = data.qpv_figure(indicator_id, qpv, first_edition)
        last = data.qpv_figure(indicator_id, qpv, last_edition)
        points.append(_gap_point(qpv.code, qpv.name, first, last, call_first.figure,
                                 call_last.figure, meta.unfavourable))
    dynamics = GapDynamics(meta.id, meta.label, meta.unit, meta.unfavourable, call_first,
                           call_last, tuple(points), GAP_EXPLANATION)
    names = territory_names(store.conn)
    return dynamics if names.epci == "CALL" else said(dynamics, names.say)


def _gap_point(code: str, name: str, first: Figure, last: Figure, call_first: Figure,
               call_last: Figure, unfavourable: str | None) -> GapPoint:
    if first.status != "ok" or last.status != "ok":
        return GapPoint(code, name, first, last, None, None, None, None, None)
    gap_first, gap_last = first.value - call_first.value, last.value - call_last.value
    change = gap_last - gap_first
    sign = {"high": 1, "low": -1}.get(unfavourable)
    if math.isclose(abs(gap_last), abs(gap_first), rel_tol=1e-9, abs_tol=1e-9):
        label = STABLE
    else:
        label = WIDENING if abs(gap_last) > abs(gap_first) else NARROWING
    if sign is not None and sign * gap_last < 0:
        label += IN_FAVOUR
    return GapPoint(code, name, first, last, gap_first, gap_last, change,
                    None if sign is None else sign * change, label)

