"""The data of the diagnostic's charts: an indicator along its editions (each QPV, the CALL
and the other comparable territories, each at its own years) and the « dynamique des écarts »
(gap to the CALL at the start against its change)."""
from __future__ import annotations

from .data import DiagnosticData
from .findings import LEVEL_NAMES, comparators_of
from .model import (DynamicsChart, DynamicsPoint, EvolutionChart, Finding, Series,
                    SeriesPoint)
from .pairing import qpv_year_text, year_text
from .wording import GAP_UNITS

EVOLUTION_NOTE = ("Les points des QPV sont placés à l'édition de la base INSEE (ou à l'année "
                  "des revenus pour Filosofi par QPV) ; ceux des autres territoires à l'année "
                  "de leurs données : les deux ne coïncident pas toujours.")
DYNAMICS_NOTE = (
    "Abscisse : écart du QPV à la CALL au départ (QPV − CALL) ; ordonnée : variation de cet "
    "écart à l'arrivée. Les valeurs de la CALL sont de la même année de données que celles "
    "des QPV aux deux dates.")


def evolution_chart(data: DiagnosticData, finding: Finding) -> EvolutionChart:
    by_qpv = data.qpv_values(finding.key)
    qpv_series = []
    for qpv in data.qpvs:
        series = by_qpv.get(qpv.code_2015, {})
        points = []
        for edition in sorted(series):
            value = series[edition]
            year = data.qpv_reference_year(finding.key, edition)
            points.append(SeriesPoint(edition, qpv_year_text(finding.key, edition,
                                                             year[0] if year else None),
                                      value.value, value.status))
        qpv_series.append(Series("qpv", qpv.code, qpv.name, tuple(points)))
    references = []
    for reference in ([finding.call] if finding.call else []) + [
            r for r in finding.references if r.level != "ensemble_qpv"]:
        comparator = next(c for c in comparators_of(data, finding.key)
                          if c.comparator_id == reference.indicator_id
                          and c.level == reference.level)
        values = sorted((v for v in comparator.values
                         if v.territory_code == reference.territory_code),
                        key=lambda v: (v.reference_year or v.edition))
        references.append(Series(reference.level, reference.territory_code,
                                 LEVEL_NAMES[reference.level], tuple(
                                     SeriesPoint(v.reference_year or v.edition, year_text(v),
                                                 v.value, v.status) for v in values)))
    return EvolutionChart(finding.key, finding.label, finding.unit, tuple(qpv_series),
                          tuple(references), EVOLUTION_NOTE)


def dynamics_chart(finding: Finding) -> DynamicsChart | None:
    evolution = finding.evolution
    if evolution is None or not evolution.changes:
        return None
    points = tuple(DynamicsPoint(c.qpv_code, c.qpv_name, c.gap_from, c.gap_to - c.gap_from,
                                 c.worsening, c.movement) for c in evolution.changes)
    return DynamicsChart(finding.key, finding.label, finding.unit,
                         GAP_UNITS.get(finding.unit, finding.unit), evolution.edition_from,
                         evolution.edition_to, evolution.call_from.year_text,
                         evolution.call_to.year_text, points, DYNAMICS_NOTE)
