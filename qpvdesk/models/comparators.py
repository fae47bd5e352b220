"""Query API of the territorial diagnostic data (Qt-free): a QPV figure with its declared
comparators, the QPV of a theme, quality flags, income years, the IRIS of a QPV.

Everything reads the reference database (a :class:`~qpvdesk.models.reference.ReferenceStore`
or anything with a ``conn``) and returns frozen dataclasses.

Main entry points:

* :func:`comparators_for` ``(store, indicator_id, qpv_code, edition)`` -> :class:`ComparatorSet`:
  the QPV's figure (status ok / secret / non_publie / missing, quality flags, income year when
  the data establish it) and, for each level (commune = the QPV's 2015 communes in the CALL,
  epci = the CALL, departement 62, region 32, france = métropole, ensemble_qpv), the declared
  comparators with their source, comparability (same / close / different) and French note,
  and their values at every edition, each with its own reference year, derived flag and note.
  :meth:`Comparator.closest` picks the edition nearest the QPV figure's year.
* :func:`theme_overview` ``(store, theme, edition=None)`` -> one :class:`ThemeIndicator` per QPV
  indicator of the theme: editions available, the 22 QPV figures with names at the chosen
  edition (latest by default), the CALL values of its epci comparators.
* :func:`territory_series` — every edition of an indicator for one territory (NEET, BPE,
  adultes-relais, SSMSI...).
* :func:`quality_flags`, :func:`income_year`, :func:`qpv_iris`, :func:`communes_2015`,
  :func:`straddling_qpv`, :func:`indicator_info`, :func:`ensemble_label`.

Rules the data layer guarantees: a rate at CALL, département, région or France level is a
ratio of sums of commune counts (``derived`` with a note « calculé à partir de … »), never an
average of rates; a 'different' comparator is returned so that a reader can explain why it
must not be set beside the QPV figure, never so that it is shown as a comparison.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from .frenchnum import format_french_number

QPV_KIND = "qpv"
LEVELS = ("commune", "epci", "departement", "region", "france", "ensemble_qpv")


@dataclass(frozen=True)
class Value:
    indicator_id: str
    territory_kind: str
    territory_code: str
    territory_name: str
    edition: int
    reference_year: int | None
    value: float | None           # None unless status == 'ok'
    status: str                   # ok | secret | non_publie | missing
    derived: bool
    note: str | None              # French, e.g. « Calculé à partir de … »
    source_file: str
    source_row: int | None


@dataclass(frozen=True)
class QualityFlag:
    flag: str                     # INSEE column, e.g. NOTE_CNAF
    value: str                    # as published, e.g. '5'
    meaning: str                  # French
    observation: str              # French: what the source row shows
    source_file: str
    source_row: int


@dataclass(frozen=True)
class Comparator:
    level: str
    comparator_id: str
    label: str
    unit: str
    rank: int                     # display order within the level
    source: str                   # French
    comparability: str            # same | close | different
    note: str                     # French
    values: tuple[Value, ...]     # every territory of the level × every edition

    @property
    def editions(self) -> tuple[int, ...]:
        return tuple(sorted({v.edition for v in self.values}))

    def closest(self, year: int | None, territory_code: str | None = None) -> Value | None:
        """The value (with a figure if any) whose year is nearest ``year``; ties and an
        unknown year take the latest."""
        candidates = [v for v in self.values
                      if territory_code is None or v.territory_code == territory_code]
        known = [v for v in candidates if v.status == "ok"] or candidates
        if not known:
            return None
        def distance(v: Value):
            when = v.reference_year or v.edition
            return (abs(when - year) if year is not None else 0, -when)
        return min(known, key=distance)


@dataclass(frozen=True)
class ComparatorSet:
    indicator_id: str
    label: str
    unit: str
    qpv: Value
    reference_year: int | None          # income / reference year, when established
    reference_year_basis: str | None    # French: how it was established
    flags: tuple[QualityFlag, ...]
    comparators: tuple[Comparator, ...]
    without_comparator_note: str | None

    def at(self, level: str) -> list[Comparator]:
        return [c for c in self.comparators if c.level == level]


@dataclass(frozen=True)
class QpvFigure:
    qpv_code: str                 # 2024
    qpv_code_2015: str
    name: str
    figure: Value


@dataclass(frozen=True)
class ThemeIndicator:
    indicator_id: str
    label: str
    unit: str
    unfavourable: str | None
    verified: bool
    editions: tuple[int, ...]
    edition: int
    qpv: tuple[QpvFigure, ...]
    call: tuple[Comparator, ...]  # epci comparators (values of the CALL)
    ensemble: tuple[Comparator, ...]


@dataclass(frozen=True)
class IndicatorInfo:
    """An indicator of the catalogue (table ``indicator``), for the fiche, the indicator
    table and the diagnostic."""
    id: str
    label: str
    unit: str
    theme: str
    definition: str
    unfavourable: str | None
    compare_id: str | None        # the CALL-level indicator summed from IRIS, if any
    aggregation: str
    verified: bool                # False: meaning inferred, to be shown as not verified
    definition_source: str


@dataclass(frozen=True)
class QpvIris:
    iris_code: str
    iris_name: str
    intersection_ha: float
    share_of_qpv: float
    share_of_iris: float
    retained: bool


@dataclass(frozen=True)
class StraddlingQpv:
    code: str
    code_2015: str
    name: str
    communes_outside_call: tuple[str, ...]
    share_of_area_in_call: float
    population: Value | None      # whole QPV (2015 geography), latest DEMO edition
    population_outside_call: int | None
    note: str = field(default="")


_VALUE_SQL = ("SELECT v.indicator_id, v.territory_kind, v.territory_code, "
              "coalesce(t.name, v.territory_code), v.edition, v.reference_year, v.value, "
              "v.status_detail, v.derived, v.note, v.source_file, v.source_row "
              "FROM indicator_value v LEFT JOIN territory t ON t.kind = v.territory_kind "
              "AND t.code = v.territory_code ")


def _values(conn, where: str, params) -> list[Value]:
    return [Value(*row[:8], bool(row[8]), *row[9:])
            for row in conn.execute(_VALUE_SQL + where + " ORDER BY v.territory_code, v.edition",
                                    params)]


def ensemble_label(value: Value) -> str:
    """« Ensemble des QPV de France — édition 2019 » (or « — revenus 2019 » for Filosofi by
    QPV, whose edition is the income year): never a bare « millésime »."""
    if value.indicator_id.startswith("FILOQP."):
        return f"Ensemble des QPV de France — revenus {value.edition}"
    return f"Ensemble des QPV de France — édition {value.edition}"


_INDICATOR_SQL = ("SELECT id, label, unit, theme, definition, unfavourable, compare_id, "
                  "aggregation, verified, definition_source FROM indicator")


def _indicator(row) -> IndicatorInfo:
    return IndicatorInfo(*row[:8], bool(row[8]), row[9])


def indicator_info(store, indicator_id: str) -> IndicatorInfo:
    row = store.conn.execute(f"{_INDICATOR_SQL} WHERE id = ?", (indicator_id,)).fetchone()
    if row is None:
        raise LookupError(f"Indicateur inconnu : {indicator_id}")
    return _indicator(row)


def indicator_catalogue(conn) -> dict[str, IndicatorInfo]:
    """Every indicator of the catalogue, by id."""
    return {row[0]: _indicator(row) for row in conn.execute(_INDICATOR_SQL)}


def _qpv(conn, qpv_code: str) -> tuple[str, str, str]:
    row = conn.execute("SELECT code, code_2015, name FROM qpv WHERE upper(?) IN "
                       "(upper(code), upper(code_2015))", (qpv_code,)).fetchone()
    if row is None:
        raise LookupError(f"Code de quartier inconnu : « {qpv_code} ».")
    return row


def communes_2015(store, qpv_code: str) -> list[tuple[str, str, bool]]:
    """(INSEE code, name, in the CALL) of the QPV's communes in the 2015 geography — the
    geography of INSEE's QPV figures."""
    code, _, _ = _qpv(store.conn, qpv_code)
    return [(insee, name, bool(in_call)) for insee, name, in_call in store.conn.execute(
        "SELECT commune_insee, commune_name, in_call FROM qpv_commune WHERE qpv_code = ? "
        "AND geography = 2015 ORDER BY in_call DESC, commune_name", (code,))]


def income_year(store, indicator_id: str, edition: int) -> tuple[int, str] | None:
    """(reference year, French basis) of a QPV edition where the data establish it."""
    return store.conn.execute(
        "SELECT reference_year, basis FROM qpv_edition_year WHERE indicator_id = ? "
        "AND edition = ?", (indicator_id, edition)).fetchone()


def quality_flags(store, kind: str, code: str, indicator_id: str,
                  edition: int) -> list[QualityFlag]:
    """INSEE's flags on this territory's row of this edition that qualify the indicator;
    flags equal to '0' are left out."""
    rows = store.conn.execute(
        "SELECT flag, value, meaning, observation, source_file, source_row, covers "
        "FROM quality_flag WHERE territory_kind = ? AND territory_code = ? AND edition = ? "
        "AND value != '0'", (kind, code, edition)).fetchall()
    return [QualityFlag(*row[:6]) for row in rows if indicator_id in row[6].split(",")]


class QpvYears:
    """The data year of QPV editions where the data establish it, read once: the table the
    build filled (REVN 2021 = revenus 2017, 2022 = 2018), and for Filosofi by QPV the edition
    itself (its edition is the income year)."""

    FILOQP_BASIS = "Filosofi par QPV : l'édition est l'année des revenus."

    def __init__(self, store) -> None:
        self.years = {(indicator, edition): (year, basis) for indicator, edition, year, basis
                      in store.conn.execute("SELECT indicator_id, edition, reference_year, "
                                            "basis FROM qpv_edition_year")}

    def of(self, indicator_id: str, edition: int) -> tuple[int, str] | None:
        """(year, French basis), or None when the edition's data year is not established."""
        if indicator_id.startswith("FILOQP."):
            return edition, self.FILOQP_BASIS
        return self.years.get((indicator_id, edition))


class QpvFlags:
    """Every INSEE quality flag of the QPV rows that is not '0', read once."""

    def __init__(self, store) -> None:
        self.flags: dict[tuple[str, int], list[tuple[QualityFlag, set[str]]]] = \
            defaultdict(list)
        for code, edition, flag, value, meaning, observation, source, row, covers in \
                store.conn.execute(
                    "SELECT territory_code, edition, flag, value, meaning, observation, "
                    "source_file, source_row, covers FROM quality_flag "
                    "WHERE territory_kind = 'qpv' AND value != '0'"):
            self.flags[code, edition].append(
                (QualityFlag(flag, value, meaning, observation, source, row),
                 set(covers.split(","))))

    def on(self, code_2015: str, edition: int, indicator_ids) -> tuple[QualityFlag, ...]:
        """The flags of this QPV's row of this edition that qualify any of the indicators."""
        wanted = set(indicator_ids)
        return tuple(flag for flag, covers in self.flags.get((code_2015, edition), [])
                     if covers & wanted)


def comparators_for(store, indicator_id: str, qpv_code: str,
                    edition: int | None = None) -> ComparatorSet:
    """The QPV figure and its declared comparators (see the module docstring). Edition None
    means the latest edition of the indicator for the QPV."""
    conn = store.conn
    info = indicator_info(store, indicator_id)
    code, code_2015, name = _qpv(conn, qpv_code)
    series = _values(conn, "WHERE v.indicator_id = ? AND v.territory_kind = 'qpv' AND "
                           "v.territory_code = ?", (indicator_id, code_2015))
    if edition is None:
        edition = max((v.edition for v in series), default=None)
    qpv = next((v for v in series if v.edition == edition), None) or Value(
        indicator_id, QPV_KIND, code_2015, name, edition or 0, None, None, "missing", False,
        None, "", None)
    year = income_year(store, indicator_id, edition) if edition is not None else None
    communes = [insee for insee, _, in_call in communes_2015(store, code) if in_call]
    return ComparatorSet(
        indicator_id, info.label, info.unit, qpv, year[0] if year else None,
        year[1] if year else None,
        tuple(quality_flags(store, QPV_KIND, code_2015, indicator_id, edition or 0)),
        declared_comparators(store, indicator_id, communes),
        without_comparator_note(store, indicator_id))


def declared_comparators(store, indicator_id: str,
                         communes: list[str] | None = None) -> tuple[Comparator, ...]:
    """The indicator's declared comparators in display order (level, then rank). Commune
    comparators carry the values of ``communes`` (INSEE codes); None or [] leaves the commune
    level out, for a reader that compares with the CALL and above only."""
    rows = store.conn.execute(
        "SELECT c.level, c.comparator_id, i.label, i.unit, c.rank, c.source, c.comparability, "
        "c.note FROM indicator_comparator c JOIN indicator i ON i.id = c.comparator_id "
        "WHERE c.indicator_id = ? ORDER BY c.rank", (indicator_id,)).fetchall()
    comparators = [_comparator(store.conn, row, communes) for row in rows
                   if row[0] != "commune" or communes]
    return tuple(sorted(comparators, key=lambda c: (LEVELS.index(c.level), c.rank)))


def without_comparator_note(store, indicator_id: str) -> str | None:
    """Why the indicator has no comparator, when the build says it has none."""
    row = store.conn.execute("SELECT note FROM indicator_without_comparator WHERE "
                             "indicator_id = ?", (indicator_id,)).fetchone()
    return row[0] if row else None


def _comparator(conn, row, communes: list[str]) -> Comparator:
    level, comparator_id, *rest = row
    if comparator_id.startswith("CAF."):
        values = _iris_sums(conn, comparator_id, level, communes)
    elif level == "commune":
        values = _values(conn, f"WHERE v.indicator_id = ? AND v.territory_kind = 'commune' AND "
                               f"v.territory_code IN ({', '.join('?' * len(communes))})",
                         (comparator_id, *communes))
    else:
        values = _values(conn, "WHERE v.indicator_id = ? AND v.territory_kind = ?",
                         (comparator_id, level))
    return Comparator(level, comparator_id, *rest, tuple(values))


def _iris_sums(conn, comparator_id: str, level: str, communes: list[str]) -> list[Value]:
    """CAF counts per commune or for the CALL: the sum of their IRIS, only when every IRIS
    has a value for that edition."""
    groups: dict[str, list[str]] = defaultdict(list)
    call, = conn.execute("SELECT code FROM territory WHERE kind = 'epci'").fetchone()
    for iris, commune in conn.execute("SELECT code, commune_insee FROM iris ORDER BY code"):
        if level == "epci":
            groups[call].append(iris)
        elif commune in communes:
            groups[commune].append(iris)
    # (edition, value, status, source) by IRIS, read without the territory join: the sums
    # are 10 times faster to build and the IRIS names are not shown.
    by_iris: dict[str, dict[int, tuple]] = defaultdict(dict)
    for iris, edition, value, status, source in conn.execute(
            "SELECT territory_code, edition, value, status_detail, source_file FROM "
            "indicator_value WHERE indicator_id = ? AND territory_kind = 'iris'",
            (comparator_id,)):
        by_iris[iris][edition] = (value, status, source)
    names = dict(conn.execute("SELECT code, name FROM territory WHERE kind = ?", (level,)))
    results = []
    for code, iris_codes in sorted(groups.items()):
        editions = sorted({e for i in iris_codes for e in by_iris[i]})
        for edition in editions:
            figures = [by_iris[i].get(edition) for i in iris_codes]
            complete = all(f is not None and f[1] == "ok" for f in figures)
            total = math.fsum(f[0] for f in figures) if complete else None
            results.append(Value(
                comparator_id, level, code, names.get(code, code), edition, edition, total,
                "ok" if complete else "missing", True,
                f"Calculé à partir des {len(iris_codes)} IRIS (somme)" if complete else
                "Somme des IRIS non calculable : un IRIS au moins est secret ou absent.",
                " ; ".join(sorted({f[2] for f in figures if f})), None))
    return results


def theme_overview(store, theme: str, edition: int | None = None) -> list[ThemeIndicator]:
    """The QPV indicators of a theme with the 22 QPV figures and the CALL comparators."""
    conn = store.conn
    qpvs = conn.execute("SELECT code, code_2015, name FROM qpv ORDER BY name COLLATE NOCASE"
                        ).fetchall()
    result = []
    for indicator_id, in conn.execute(
            "SELECT DISTINCT i.id FROM indicator i JOIN indicator_value v ON "
            "v.indicator_id = i.id AND v.territory_kind = 'qpv' WHERE i.theme = ? "
            "ORDER BY i.id", (theme,)).fetchall():
        info = indicator_info(store, indicator_id)
        values = _values(conn, "WHERE v.indicator_id = ? AND v.territory_kind = 'qpv'",
                         (indicator_id,))
        editions = tuple(sorted({v.edition for v in values if v.status == "ok"}))
        if not editions:
            continue
        chosen = edition if edition in editions else editions[-1]
        by_code = {v.territory_code: v for v in values if v.edition == chosen}
        figures = tuple(QpvFigure(code, code_2015, name, by_code.get(code_2015) or Value(
            indicator_id, QPV_KIND, code_2015, name, chosen, None, None, "missing", False,
            None, "", None)) for code, code_2015, name in qpvs)
        comparators = comparators_for(store, indicator_id, qpvs[0][0], chosen).comparators
        result.append(ThemeIndicator(
            indicator_id, info.label, info.unit, info.unfavourable, info.verified, editions,
            chosen, figures, tuple(c for c in comparators if c.level == "epci"),
            tuple(c for c in comparators if c.level == "ensemble_qpv")))
    return result


def territory_series(store, indicator_id: str, kind: str, code: str) -> list[Value]:
    """Every edition of an indicator for one territory (kind: commune, epci, departement,
    region, france, iris, iris_qpv, epci_voisin, ensemble_qpv, qpv)."""
    return _values(store.conn, "WHERE v.indicator_id = ? AND v.territory_kind = ? AND "
                               "v.territory_code = ?", (indicator_id, kind, code))


def qpv_iris(store, qpv_code: str) -> list[QpvIris]:
    """The IRIS the QPV 2024 perimeter intersects, with the shares; the retained ones (at
    least 5 % of the QPV's area) make up the IRIS group whose BPE counts are stored under the
    territory kind 'iris_qpv' and the 2024 QPV code."""
    code, _, _ = _qpv(store.conn, qpv_code)
    return [QpvIris(*row[:5], bool(row[5])) for row in store.conn.execute(
        "SELECT q.iris_code, i.name, q.intersection_ha, q.share_of_qpv, q.share_of_iris, "
        "q.retained FROM qpv_iris q JOIN iris i ON i.code = q.iris_code WHERE q.qpv_code = ? "
        "ORDER BY q.share_of_qpv DESC", (code,))]


STRADDLING_NOTE = (
    "La population INSEE de ce quartier (géographie 2015) couvre tout le quartier, y compris "
    "sa partie hors de la CALL ({outside}) ; les sources embarquées ne publient pas la "
    "population de cette partie. Part de la surface 2024 dans la CALL : {share}.")


def straddling_qpv(store) -> list[StraddlingQpv]:
    """The QPV that straddle the CALL boundary: for the status bar's population note."""
    conn = store.conn
    result = []
    for code, code_2015, name, outside, share in conn.execute(
            "SELECT code, code_2015, name, communes_outside_call, share_in_call FROM qpv "
            "WHERE communes_outside_call != '' ORDER BY code"):
        names = tuple(n for (n,) in conn.execute(
            "SELECT commune_name FROM qpv_commune WHERE qpv_code = ? AND geography = 2024 "
            "AND in_call = 0 ORDER BY commune_name", (code,)))
        population = [v for v in territory_series(store, "DEMO.POP_MUN", "qpv", code_2015)
                      if v.status == "ok"]
        share_text = f"{format_french_number(share * 100, 0)}\u00a0%"
        result.append(StraddlingQpv(
            code, code_2015, name, names, share, population[-1] if population else None, None,
            STRADDLING_NOTE.format(outside=", ".join(names), share=share_text)))
    return result
