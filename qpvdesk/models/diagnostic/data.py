"""What the diagnostic reads, loaded in a few set-based queries: the 22 QPV, catalogue
entries, every value of the wanted indicators (IRIS left out), INSEE quality flags, the
established reference years of QPV editions, the declared comparators; and the QPV rates
qpvdesk computes from two INSEE counts of the same row (never from rates).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from ..comparators import (QPV_KIND, Comparator, IndicatorInfo, QpvFlags, QpvYears,
                           QualityFlag, Value, declared_comparators, indicator_info)


@dataclass(frozen=True)
class QpvRef:
    code: str
    code_2015: str
    name: str


@dataclass(frozen=True)
class DerivedRate:
    """A QPV rate computed as 100 × numerator / denominator, two counts of the same INSEE
    row (same QPV, same edition): a ratio of counts, never an average of rates."""
    key: str                    # « DEMO.AM/DEMO.A »
    numerator: str
    denominator: str
    label: str
    unfavourable: str | None
    definition: str

    @property
    def note(self) -> str:
        return (f"Calculé par qpvdesk à partir de deux effectifs de la même ligne INSEE : "
                f"100 × {self.numerator.split('.')[1]} / {self.denominator.split('.')[1]}.")


DERIVED_RATES = {rate.key: rate for rate in (
    DerivedRate("DEMO.AM/DEMO.A", "DEMO.AM", "DEMO.A", "Part des allocataires monoparents",
                "high", "Part des foyers allocataires CAF élevant seuls au moins un enfant "
                        "(allocataires monoparents) parmi les foyers allocataires."),
    DerivedRate("REVN.ARSAS/REVN.A", "REVN.ARSAS", "REVN.A",
                "Part des allocataires du RSA socle", "high",
                "Part des foyers allocataires CAF percevant le RSA socle parmi les foyers "
                "allocataires."),
)}


class DiagnosticData:
    """The reference data one diagnostic needs, in memory."""

    def __init__(self, store) -> None:
        self.store = store
        conn = store.conn
        self.qpvs = [QpvRef(*row) for row in conn.execute(
            "SELECT code, code_2015, name FROM qpv ORDER BY name COLLATE NOCASE")]
        self.by_code_2015 = {qpv.code_2015: qpv for qpv in self.qpvs}
        self.call_code, self.call_name = conn.execute(
            "SELECT code, name FROM territory WHERE kind = 'epci'").fetchone()
        self.years = QpvYears(store)
        self.quality_flags = QpvFlags(store)
        self.provenance = {row[0]: row for row in conn.execute(
            "SELECT source_path, producer, licence, vintage FROM provenance")}
        self._info: dict[str, IndicatorInfo] = {}
        self._values: dict[str, list[Value]] = {}
        self._comparators: dict[str, tuple[Comparator, ...]] = {}
        self.used_sources: set[str] = set()   # every source file a shown value comes from

    # -- catalogue and values -------------------------------------------------------------

    def info(self, indicator_id: str) -> IndicatorInfo:
        if indicator_id not in self._info:
            self._info[indicator_id] = indicator_info(self.store, indicator_id)
        return self._info[indicator_id]

    def load(self, indicator_ids) -> None:
        """Every value of these indicators but IRIS ones, in one query."""
        missing = sorted(set(indicator_ids) - self._values.keys())
        if not missing:
            return
        for indicator_id in missing:
            self._values[indicator_id] = []
        marks = ", ".join("?" * len(missing))
        for row in self.store.conn.execute(
                "SELECT v.indicator_id, v.territory_kind, v.territory_code, "
                "coalesce(t.name, v.territory_code), v.edition, v.reference_year, v.value, "
                "v.status_detail, v.derived, v.note, v.source_file, v.source_row "
                "FROM indicator_value v LEFT JOIN territory t ON t.kind = v.territory_kind "
                f"AND t.code = v.territory_code WHERE v.indicator_id IN ({marks}) "
                "AND v.territory_kind != 'iris' ORDER BY v.territory_code, v.edition", missing):
            self._values[row[0]].append(Value(*row[:8], bool(row[8]), *row[9:]))

    def values(self, indicator_id: str, kind: str, code: str | None = None) -> list[Value]:
        self.load([indicator_id])
        found = [v for v in self._values[indicator_id] if v.territory_kind == kind
                 and (code is None or v.territory_code == code)]
        self.use(found)
        return found

    def use(self, values) -> None:
        """Record the source files of values the diagnostic shows."""
        self.used_sources.update(path for value in values
                                 for path in value.source_file.split(" ; ") if path)

    def comparators(self, indicator_id: str) -> tuple[Comparator, ...]:
        """Declared comparators at the CALL level and above (communes left out)."""
        if indicator_id not in self._comparators:
            self._comparators[indicator_id] = declared_comparators(self.store, indicator_id)
            self.use(v for c in self._comparators[indicator_id] for v in c.values)
        return self._comparators[indicator_id]

    # -- QPV figures ------------------------------------------------------------------------

    def qpv_values(self, key: str) -> dict[str, dict[int, Value]]:
        """code_2015 -> edition -> value, for a catalogue indicator or a derived rate."""
        if key in DERIVED_RATES:
            return self._derived_values(DERIVED_RATES[key])
        by_qpv: dict[str, dict[int, Value]] = defaultdict(dict)
        for value in self.values(key, QPV_KIND):
            by_qpv[value.territory_code][value.edition] = value
        return by_qpv

    def _derived_values(self, rate: DerivedRate) -> dict[str, dict[int, Value]]:
        numerators, denominators = self.qpv_values(rate.numerator), \
            self.qpv_values(rate.denominator)
        result: dict[str, dict[int, Value]] = defaultdict(dict)
        for code, by_edition in numerators.items():
            for edition, top in by_edition.items():
                bottom = denominators.get(code, {}).get(edition)
                result[code][edition] = derived_rate_value(rate, top, bottom)
        return result

    def flags(self, code_2015: str, edition: int, indicator_ids) -> tuple[QualityFlag, ...]:
        return self.quality_flags.on(code_2015, edition, indicator_ids)

    def qpv_reference_year(self, key: str, edition: int) -> tuple[int, str] | None:
        """The data year of a QPV edition where the data establish it (see QpvYears)."""
        indicator_id = DERIVED_RATES[key].numerator if key in DERIVED_RATES else key
        return self.years.of(indicator_id, edition)


def derived_rate_value(rate: DerivedRate, top: Value, bottom: Value | None) -> Value:
    """The rate of one QPV at one edition: secret when a count is secret, missing when one is
    absent, never computed on a zero denominator."""
    statuses = {top.status, bottom.status if bottom is not None else "missing"}
    base = replace(top, indicator_id=rate.key, value=None, derived=True, note=rate.note)
    for status in ("secret", "non_publie", "missing"):
        if status in statuses:
            return replace(base, status=status)
    if not bottom.value:
        return replace(base, status="missing")
    return replace(base, value=100 * top.value / bottom.value, status="ok")
