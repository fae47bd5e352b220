"""A QPV's fiche: identity, the indicators that matter with their comparisons, schools.

Every figure is a :class:`Figure` read from ``indicator_value`` (value or status — ok, secret,
non_publie, missing —, edition, reference year, source file and row). Comparisons are the
declared comparators (``indicator_comparator``) at the commune (the QPV's 2015 communes in
the CALL), CALL, département, région, France and ensemble-des-QPV levels, each value paired
with the QPV's edition by :mod:`qpvdesk.models.diagnostic.pairing` (same year of data, same
INSEE edition, or the nearest year with a note) and never when the definitions differ (the
line lists those refusals). The gap to the CALL between two editions comes from
:mod:`qpvdesk.models.diagnostic.gaps`. Values are read by a few set-based queries into a
per-store cache (:func:`indicator_data`), so opening a fiche costs a few milliseconds.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from weakref import WeakKeyDictionary

from .catalogue_data import THEMES
from .comparators import (Comparator, IndicatorInfo, QpvFlags, QpvYears, QualityFlag, Value,
                          declared_comparators, ensemble_label, indicator_catalogue,
                          without_comparator_note)
from .diagnostic.gaps import choose_editions, gap_change
from .diagnostic.pairing import best_pairing, pair, year_text
from .diagnostic.wording import names_list
from .frenchnum import STATUS_EXPLANATION, format_french_number, format_status
from .reference import QpvCorrespondence
from .territory_names import TerritoryNames, territory_names

_DEMOGRAPHIE, _FAMILLES, _REVENUS, _EMPLOI, EDUCATION_THEME = THEMES

#: The indicators a fiche shows, by theme (chosen after the CALL's 2024 diagnostic).
FICHE_INDICATORS: dict[str, tuple[str, ...]] = {
    _DEMOGRAPHIE: ("DEMO.POP_MUN", "DEMO.TX_TOT_0A24", "DEMO.TX_TOT_60ETPLUS",
                   "DEMO.IND_JEUNE", "DEMO.TX_TOT_MEN1", "DEMO.TX_TOT_MEN6", "DEMO.TX_TOT_ET"),
    _FAMILLES: ("DEMO.A", "DEMO.AM", "DEMO.PERCOU", "REVN.ARSAS", "REVN.AAAH", "REVN.APPA"),
    _REVENUS: ("REVN.DISP_Q2", "REVN.DISP_D1", "REVN.DISP_D9", "REVN.TP60", "REVN.PPSOC",
               "REVN.PACT", "REVN.PMIMP", "REVN.CC2S", "REVN.C_C2SNP", "REVN.C_C2SP"),
    _EMPLOI: ("IPRO.TX_TOT_EMPL", "IPRO.TX_F_EMPL", "IPRO.TX_TOT_EDLIM", "IPRO.ABC",
              "IPRO.ABCDE", "IPRO.ABC_25", "IPRO.ABC_RSA"),
}
#: Display order of a fiche's blocks: the indicator themes, then the schools (Éducation).
FICHE_THEMES = (*FICHE_INDICATORS, EDUCATION_THEME)

#: Comparison levels, in display order; 'epci' is the CALL.
LEVELS = ("commune", "epci", "departement", "region", "france", "ensemble_qpv")
LEVEL_LABELS = {"commune": "commune", "epci": "CALL", "departement": "département",
                "region": "région", "france": "France", "ensemble_qpv": "ensemble des QPV"}
COLLEGE_RADIUS_M = 1000.0

GEOGRAPHY_NOTE = (
    "Les chiffres INSEE des quartiers (bases DEMO, REVN, IPRO) portent sur la géographie "
    "prioritaire 2015 (code {code_2015}) ; le périmètre dessiné sur la carte est celui de 2024 "
    "(code {code}). Les deux partagent le numéro et le nom, mais le périmètre a pu changer.")
VINTAGE_NOTE = (
    "L'année affichée pour un chiffre QPV est l'édition de la base INSEE, pas l'année de "
    "référence des données (sauf quand elle est établie : revenus 2017 pour l'édition 2021, "
    "2018 pour 2022). Chaque comparaison porte sa propre année : celle des données du QPV "
    "quand elle existe, sinon la même édition INSEE, sinon la plus proche — une note le dit.")
RANK_NOTE = ("Rang parmi les 22 QPV de la CALL : 1 = situation la plus défavorable quand le sens "
             "de l'indicateur est défini, sinon la valeur la plus élevée.")
DERIVED_NOTE = (
    "Certaines valeurs de comparaison sont calculées par qpvdesk (« calculé à partir de … ») : "
    "sommes d'effectifs (des IRIS d'une commune ou de la CALL, seulement quand chaque IRIS a "
    "une valeur ; des communes du département, de la région ou de la France) et taux rapports "
    "de ces sommes. Aucun taux, aucune médiane n'est jamais additionné ni moyenné.")
UNVERIFIED_NOTE = "Définition non vérifiée : {labels} (sens déduit du nom de la variable INSEE)."
NO_CALL_NOTE = "Pas de valeur pour la CALL dans les sources embarquées : {labels}."
SCHOOLS_NOTE = (
    "Collèges situés à moins de 1 km du périmètre 2024. Les écoles n'ont pas de coordonnées "
    "dans la source : sont listées toutes les écoles des communes du quartier, pas seulement "
    "celles qui sont proches du périmètre. Les sources ne couvrent que les établissements des "
    "communes de la CALL. IPS : indice de position sociale.")

_DECIMALS = {"%": 1, "indice": 1, "rapport": 1}
_UNITLESS = ("indice", "rapport", "nombre")


@dataclass(frozen=True, slots=True)
class Figure:
    indicator_id: str           # as in the database, e.g. "REVN.DISP_Q2"
    label: str
    unit: str
    edition: int
    reference_year: int | None
    value: float | None         # None unless status == "ok"
    status: str                 # ok | secret | missing
    source_file: str            # path under data/sources/; "" for a row absent from the data
    source_row: int | None      # line of the source file (header = 1)


@dataclass(frozen=True)
class ComparisonValue:
    level: str                  # one of LEVELS
    territory_code: str
    territory_name: str
    figure: Figure
    derived: bool = False       # True: computed by qpvdesk (sums of counts, their ratios)
    note: str | None = None     # « Calculé à partir de … »
    source: str = ""            # French: producer and dataset of the declared comparator
    comparability: str = "same"  # same | close (a 'different' one is never a comparison)
    comparability_note: str | None = None   # how close, for 'close'
    pairing: str = "same_year"  # same_year | same_edition | other_year | only_value
    pairing_note: str | None = None         # when the years differ or are not established
    year_text: str = ""         # « 2018 », « revenus 2018 », « édition 2019 »

    @property
    def caveat(self) -> bool:
        """A close definition, another year or a computed value: the fiche footnotes it."""
        return bool(self.comparability_note or self.pairing_note or self.derived)


@dataclass(frozen=True)
class RefusedComparison:
    """A declared comparator whose definition differs: named, never set beside the QPV."""
    level: str
    indicator_id: str
    label: str
    reason: str


@dataclass(frozen=True)
class GapMovement:
    """The QPV's gap to the CALL at two editions paired with CALL values of the same source
    at two established years, and how it moved."""
    edition_from: int
    edition_to: int
    call_from: Figure
    call_to: Figure
    gap_from: float             # QPV − CALL
    gap_to: float
    worsening: float            # > 0: the QPV falls further behind
    movement: str               # worsens | improves | stable
    text: str                   # « l'écart se creuse de 2,1 points »


@dataclass(frozen=True)
class QpvExtreme:
    qpv_code: str               # 2024 code (the first tied QPV by name)
    qpv_code_2015: str          # the code the figure is published under
    qpv_name: str               # every QPV with that value: « Cité 2 et 3 Cités »
    figure: Figure
    tied_names: tuple[str, ...] = ()   # each QPV with that value, by name


@dataclass(frozen=True)
class FicheLine:
    indicator_id: str
    label: str
    unit: str
    theme: str
    unfavourable: str | None
    definition: str
    qpv: Figure
    comparisons: list[ComparisonValue]
    ratio_to_call: float | None
    rank: int | None            # 1 = most unfavourable (or largest), among ok values
    rank_of: int                # number of QPV with a value at this edition
    qpv_min: QpvExtreme | None
    qpv_max: QpvExtreme | None
    series: list[Figure]        # the QPV's figure at each edition, for a sparkline
    refusals: list[RefusedComparison] = field(default_factory=list)
    gap: GapMovement | None = None
    gap_unavailable: str | None = None       # why there is no gap movement (French)
    flags: tuple[tuple[int, QualityFlag], ...] = ()   # (edition, INSEE quality flag) on the
                                                      # QPV's figures of the series
    verified: bool = True       # False: « définition non vérifiée »
    without_comparator: str | None = None    # why no source compares this indicator

    def comparison(self, level: str) -> ComparisonValue | None:
        return next((item for item in self.comparisons if item.level == level), None)


@dataclass(frozen=True)
class CommuneRef:
    insee: str
    name: str
    in_call: bool


@dataclass(frozen=True)
class QpvIdentity:
    code: str
    code_2015: str
    name: str
    communes_in_call: list[CommuneRef]
    communes_outside_call: list[CommuneRef]
    communes_2015: list[CommuneRef]
    area_ha: float
    share_in_call: float
    population: Figure | None


@dataclass(frozen=True)
class SchoolLine:
    kind: str                   # "collège" | "école"
    uai: str
    name: str
    commune_insee: str
    commune_name: str
    sector: str
    ips: float
    ips_school_year: str
    rep: str | None             # collèges: REP+, REP, hors EP; None for écoles / private
    rep_vintage: str | None
    distance_m: float | None    # collèges: distance to the 2024 perimeter; écoles: None
    relation: str               # French: where it is with respect to the QPV
    source_file: str


@dataclass(frozen=True)
class SourceRef:
    path: str
    producer: str
    licence: str
    vintage: str


@dataclass(frozen=True)
class Fiche:
    identity: QpvIdentity
    themes: dict[str, list[FicheLine]]   # the four indicator themes; Éducation is `schools`
    schools: list[SchoolLine]
    notes: list[str]            # the first says which INSEE figures the quartier is given
    sources: list[SourceRef]
    territories: TerritoryNames | None = None
    correspondence: QpvCorrespondence | None = None   # None: database before schema 3

    def lines(self) -> list[FicheLine]:
        return [line for lines in self.themes.values() for line in lines]


@dataclass(frozen=True)
class QpvRecord:
    code: str
    code_2015: str
    name: str
    area_ha: float
    share_in_call: float
    communes_2015: tuple[CommuneRef, ...]
    communes_2024: tuple[CommuneRef, ...]


# ---------------------------------------------------------------------------------------------
# Per-store cache of the reference data the fiche, the tables and the portrait read
# ---------------------------------------------------------------------------------------------

_Series = dict[int, Figure]   # edition -> figure


class IndicatorData:
    """Catalogue, QPV, territories and indicator values of one reference store, in memory.
    Values are loaded per indicator, a batch of indicators per query."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.indicators = indicator_catalogue(conn)
        self.names = {(kind, code): name for kind, code, name in conn.execute(
            "SELECT kind, code, name FROM territory WHERE kind != 'iris' ORDER BY kind, code")}
        self.codes = {kind: code for kind, code in self.names
                      if kind in ("epci", "departement", "region", "france", "ensemble_qpv")}
        self.departement_regions = departement_regions(conn)
        communes: dict[tuple[str, int], list[CommuneRef]] = defaultdict(list)
        for qpv_code, geography, insee, name, in_call in conn.execute(
                "SELECT qpv_code, geography, commune_insee, commune_name, in_call "
                "FROM qpv_commune ORDER BY in_call DESC, commune_name"):
            communes[qpv_code, geography].append(CommuneRef(insee, name, bool(in_call)))
        self.qpvs = [QpvRecord(code, code_2015, name, area, share,
                               tuple(communes[code, 2015]), tuple(communes[code, 2024]))
                     for code, code_2015, name, area, share in conn.execute(
                         "SELECT code, code_2015, name, area_ha, share_in_call FROM qpv "
                         "ORDER BY name COLLATE NOCASE")]
        self.iris_by_commune: dict[str, list[str]] = defaultdict(list)
        for code, commune in conn.execute("SELECT code, commune_insee FROM iris ORDER BY code"):
            self.iris_by_commune[commune].append(code)
        self.provenance = {path: SourceRef(path, producer, licence, vintage)
                           for path, producer, licence, vintage in conn.execute(
                               "SELECT source_path, producer, licence, vintage FROM provenance")}
        # One source file per table (the first by path): collège, école, EPCI population.
        self.table_sources = dict(conn.execute(
            "SELECT table_name, min(source_path) FROM provenance GROUP BY table_name"))
        self.years = QpvYears(self)
        self.flags = QpvFlags(self)
        self.call_communes = [code for (code,) in conn.execute(
            "SELECT code FROM territory WHERE kind = 'commune' ORDER BY code")]
        # indicator -> kind -> territory code -> edition -> figure
        self._values: dict[str, dict[str, dict[str, _Series]]] = {}
        self._colleges: dict[str, list[SchoolLine]] = {}
        self._declared: dict[str, tuple[Comparator, ...]] = {}
        self._without: dict[str, str | None] = {}

    # -- values ---------------------------------------------------------------------------

    def meta(self, indicator_id: str) -> IndicatorInfo:
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise LookupError(f"Indicateur inconnu : {indicator_id}") from None

    def load(self, indicator_ids) -> None:
        """Read the values of these indicators and of their comparison indicators, IRIS
        left out (read on demand by :meth:`iris_values`, for the commune or CALL totals of
        counts only)."""
        wanted = set()
        for indicator_id in indicator_ids:
            meta = self.meta(indicator_id)
            wanted.update(i for i in (meta.id, meta.compare_id) if i)
        missing = sorted(wanted - self._values.keys())
        if not missing:
            return
        for indicator_id in missing:
            self._values[indicator_id] = defaultdict(lambda: defaultdict(dict))
        self._read(f"WHERE indicator_id IN ({', '.join('?' * len(missing))}) "
                   "AND territory_kind != 'iris'", missing)

    def iris_values(self, indicator_id: str) -> dict[str, _Series]:
        """IRIS code -> edition -> figure of a count indicator, read once."""
        self.load([indicator_id])
        if "iris" not in self._values[indicator_id]:
            self._values[indicator_id]["iris"]   # create it: an indicator may have no IRIS
            self._read("WHERE indicator_id = ? AND territory_kind = 'iris'", [indicator_id])
        return self._values[indicator_id]["iris"]

    def _read(self, where: str, params: list[str]) -> None:
        for kind, code, indicator_id, edition, year, value, status, source, row in \
                self.conn.execute(
                    "SELECT territory_kind, territory_code, indicator_id, edition, "
                    "reference_year, value, status_detail, source_file, source_row "
                    f"FROM indicator_value {where}", params):
            meta = self.indicators[indicator_id]
            self._values[indicator_id][kind][code][edition] = Figure(
                indicator_id, meta.label, meta.unit, edition, year, value, status, source, row)

    def series(self, indicator_id: str, kind: str, code: str) -> _Series:
        if indicator_id not in self._values:
            self.load([indicator_id])
        return self._values[indicator_id].get(kind, {}).get(code, {})

    def qpv_editions(self, indicator_id: str) -> list[int]:
        self.load([indicator_id])
        return sorted({edition for by_edition in self._values[indicator_id]["qpv"].values()
                       for edition in by_edition})

    def latest_qpv_edition(self, indicator_id: str) -> int | None:
        editions = self.qpv_editions(indicator_id)
        return editions[-1] if editions else None

    def qpv_figure(self, indicator_id: str, qpv: QpvRecord, edition: int) -> Figure:
        figure = self.series(indicator_id, "qpv", qpv.code_2015).get(edition)
        return figure or absent_figure(self.meta(indicator_id), edition)

    def qpv_figures(self, indicator_id: str, edition: int) -> list[tuple[QpvRecord, Figure]]:
        """The 22 QPV (by name) with their figure at this edition ('missing' when absent)."""
        return [(qpv, self.qpv_figure(indicator_id, qpv, edition)) for qpv in self.qpvs]

    # -- declared comparators ---------------------------------------------------------------

    def declared(self, indicator_id: str) -> tuple[Comparator, ...]:
        """The indicator's declared comparators, communes of the whole CALL included."""
        if indicator_id not in self._declared:
            self._declared[indicator_id] = declared_comparators(self, indicator_id,
                                                                self.call_communes)
            self._without[indicator_id] = without_comparator_note(self, indicator_id)
        return self._declared[indicator_id]

    def without_comparator(self, indicator_id: str) -> str | None:
        self.declared(indicator_id)
        return self._without[indicator_id]

    def qpv_year(self, indicator_id: str, edition: int) -> int | None:
        """The data year of a QPV edition where the data establish it."""
        year = self.years.of(indicator_id, edition)
        return year[0] if year else None

    # -- comparisons by catalogue link (indicator table, headline portrait) ----------------

    def comparison_series(self, indicator_id: str, level: str,
                          code: str) -> dict[int, ComparisonValue]:
        """Every edition of the indicator's comparison value for one territory, read
        directly or, for counts only, derived from the IRIS of a commune or of the CALL."""
        meta = self.meta(indicator_id)
        name = self.names.get((level, code), code)
        if level == "ensemble_qpv":
            return {edition: ComparisonValue(level, code, name, figure) for edition, figure
                    in self.series(indicator_id, level, code).items()}
        if meta.compare_id is None:
            return {}
        direct = self.series(meta.compare_id, level, code)
        if direct:
            return {edition: ComparisonValue(level, code, name, figure)
                    for edition, figure in direct.items()}
        if level in ("commune", "epci"):
            iris = (self.iris_by_commune.get(code, []) if level == "commune"
                    else [c for codes in self.iris_by_commune.values() for c in codes])
            return self._iris_sums(meta, level, code, name, iris)
        return {}

    def _iris_sums(self, meta: IndicatorInfo, level: str, code: str, name: str,
                   iris: list[str]) -> dict[int, ComparisonValue]:
        compare = self.meta(meta.compare_id)
        if not iris or not (is_summable(meta) and is_summable(compare)):
            return {}
        by_iris = self.iris_values(compare.id)
        editions = {edition for c in iris for edition in by_iris.get(c, {})}
        sums = {}
        for edition in sorted(editions):
            figures = [by_iris.get(c, {}).get(edition) for c in iris]
            if any(f is None or f.status != "ok" for f in figures):
                continue  # one IRIS secret or absent: the total is unknown, not smaller
            sources = sorted({f.source_file for f in figures})
            total = Figure(compare.id, compare.label, compare.unit, edition,
                           figures[0].reference_year, math.fsum(f.value for f in figures),
                           "ok", " ; ".join(sources), None)
            sums[edition] = ComparisonValue(
                level, code, name, total, derived=True,
                note=f"dérivé de la somme des IRIS ({len(iris)} IRIS, tous renseignés)")
        return sums

    def comparison(self, indicator_id: str, level: str, code: str) -> ComparisonValue | None:
        """The latest comparison value with a value; else the latest row (secret/missing)."""
        by_edition = self.comparison_series(indicator_id, level, code)
        if not by_edition:
            return None
        with_value = [e for e, item in by_edition.items() if item.figure.status == "ok"]
        return by_edition[max(with_value or by_edition)]

    def call_comparison(self, indicator_id: str) -> ComparisonValue | None:
        return self.comparison(indicator_id, "epci", self.codes["epci"])

    # -- schools --------------------------------------------------------------------------

    def colleges_near(self, qpv: QpvRecord) -> list[SchoolLine]:
        if qpv.code not in self._colleges:
            rows = self.conn.execute(
                "SELECT c.uai, c.name, c.commune_insee, c.commune_name, c.sector, c.ips, "
                "c.ips_school_year, c.rep, c.rep_vintage, ST_Distance(c.geom, q.geom), "
                "ST_Intersects(c.geom, q.geom) FROM college c, qpv q WHERE q.code = ? "
                "AND ST_Distance(c.geom, q.geom) <= ? ORDER BY 10, c.name",
                (qpv.code, COLLEGE_RADIUS_M)).fetchall()
            source = self.table_sources.get("college", "")
            self._colleges[qpv.code] = [
                SchoolLine("collège", *row[:9], distance_m=row[9],
                           relation=("dans le périmètre 2024" if row[10] == 1 else
                                     f"à {format_french_number(row[9], 0)} m du périmètre 2024"),
                           source_file=source)
                for row in rows]
        return self._colleges[qpv.code]

    def ecoles_of(self, communes) -> list[SchoolLine]:
        codes = [commune.insee for commune in communes]
        source = self.table_sources.get("ecole", "")
        rows = self.conn.execute(
            "SELECT uai, name, commune_insee, commune_name, sector, ips, ips_school_year "
            f"FROM ecole WHERE commune_insee IN ({', '.join('?' * len(codes))}) "
            "ORDER BY commune_name, ips, name", codes).fetchall()
        return [SchoolLine("école", *row, rep=None, rep_vintage=None, distance_m=None,
                           relation=f"école de la commune ({row[3]})", source_file=source)
                for row in rows]


_CACHE: WeakKeyDictionary = WeakKeyDictionary()


def indicator_data(store) -> IndicatorData:
    """The in-memory data of a ReferenceStore, built on first use."""
    data = _CACHE.get(store)
    if data is None:
        data = _CACHE[store] = IndicatorData(store.conn)
    return data


def is_summable(meta: IndicatorInfo) -> bool:
    """Only counts add up; rates, medians and indices never do."""
    return meta.aggregation == "count"


def absent_figure(meta: IndicatorInfo, edition: int) -> Figure:
    return Figure(meta.id, meta.label, meta.unit, edition, None, None, "missing", "", None)


def unfavourable_first(values: list[float], unfavourable: str | None) -> list[float]:
    """Values sorted from the most unfavourable (or, without a direction, the largest)."""
    return sorted(values, reverse=unfavourable != "low")


def rank_among(figure: Figure, others: list[Figure],
               unfavourable: str | None) -> tuple[int | None, int]:
    """(rank, count) among the figures with a value; ties share the better rank."""
    values = [other.value for other in others if other.status == "ok"]
    if figure.status != "ok":
        return None, len(values)
    ordered = unfavourable_first(values, unfavourable)
    return ordered.index(figure.value) + 1, len(values)


def qpv_extremes(pairs: list[tuple[QpvRecord, Figure]]
                 ) -> tuple[QpvExtreme | None, QpvExtreme | None]:
    """The lowest and the highest figure; a value shared by several QPV names them all."""
    known = [(qpv, figure) for qpv, figure in pairs if figure.status == "ok"]
    if not known:
        return None, None

    def extreme(target: float) -> QpvExtreme:
        tied = sorted(((qpv, figure) for qpv, figure in known
                       if math.isclose(figure.value, target, rel_tol=1e-12)),
                      key=lambda item: item[0].name.casefold())
        names = tuple(qpv.name for qpv, _ in tied)
        first, figure = tied[0]
        return QpvExtreme(first.code, first.code_2015, names_list(names), figure, names)

    values = [figure.value for _, figure in known]
    return extreme(min(values)), extreme(max(values))


def format_figure(figure: Figure) -> str:
    """'54,9 %', '12 890 € par UC', 'secret', 'non publié', 'non disponible'."""
    if figure.status != "ok":
        return format_status(figure.status)
    return format_value(figure.value, figure.unit)


def format_value(value: float, unit: str) -> str:
    text = format_french_number(value, _DECIMALS.get(unit, 0))
    if unit == "%":
        return f"{text}\u00a0%"
    return text if unit in _UNITLESS else f"{text} {unit}"


# ---------------------------------------------------------------------------------------------
# The fiche
# ---------------------------------------------------------------------------------------------

def resolve_qpv_code(store, code: str) -> str:
    """The 2024 code (QN062xxM) of a QPV given its 2015 or 2024 code, in any case."""
    wanted = (code or "").strip().upper()
    for qpv in indicator_data(store).qpvs:
        if wanted in (qpv.code.upper(), (qpv.code_2015 or "").upper()):
            return qpv.code
    qpvs = indicator_data(store).qpvs
    prefix = qpvs[0].code[2:5] if qpvs else "…"   # the département: « 062 »
    raise LookupError(
        f"Code de quartier inconnu : « {code} ». Indiquez le code 2024 (QN{prefix}xxM) ou le "
        f"code 2015 (QP{prefix}xxx) de l'un des {len(qpvs)} QPV de "
        f"{territory_names(store.conn).epci_name_with_article}.")


def qpv_record(store, code: str) -> QpvRecord:
    code_2024 = resolve_qpv_code(store, code)
    return next(qpv for qpv in indicator_data(store).qpvs if qpv.code == code_2024)


def build_fiche(store, code: str) -> Fiche:
    data = indicator_data(store)
    qpv = qpv_record(store, code)
    data.load(i for ids in FICHE_INDICATORS.values() for i in ids)
    latest = _latest_fiche_edition(data)
    themes = {theme: [_fiche_line(data, data.meta(indicator_id), theme, qpv, latest)
                      for indicator_id in ids]
              for theme, ids in FICHE_INDICATORS.items()}
    population = themes[_DEMOGRAPHIE][0].qpv
    identity = QpvIdentity(
        qpv.code, qpv.code_2015, qpv.name,
        [c for c in qpv.communes_2024 if c.in_call],
        [c for c in qpv.communes_2024 if not c.in_call],
        list(qpv.communes_2015), qpv.area_ha, qpv.share_in_call,
        population if population.status != "missing" else None)
    schools = data.colleges_near(qpv) + data.ecoles_of(qpv.communes_2024)
    names = territory_names(store.conn)
    try:
        correspondence = store.qpv_correspondence(qpv.code)
    except LookupError:
        correspondence = None
    notes = _notes(identity, themes, correspondence)
    fiche = Fiche(identity, themes, schools, [names.say(note) for note in notes], [], names,
                  correspondence)
    return replace(fiche, sources=_sources(data, fiche))


def _latest_fiche_edition(data: IndicatorData) -> int:
    """The latest edition of the INSEE QPV base among the fiche's indicators: where an
    indicator that has no QPV value at all (a database built from incomplete sources) is
    shown as not available (« non disponible », « n.d. » in a cell)."""
    latest = max((edition for ids in FICHE_INDICATORS.values() for indicator_id in ids
                  for edition in data.qpv_editions(indicator_id)), default=None)
    if latest is None:
        raise LookupError("La base de référence ne contient aucune valeur d'indicateur pour "
                          "les QPV : reconstruisez-la à partir des sources (qpvdesk "
                          "build-data).")
    return latest


def _fiche_line(data: IndicatorData, meta: IndicatorInfo, theme: str,
                qpv: QpvRecord, latest: int) -> FicheLine:
    editions = data.qpv_editions(meta.id) or [latest]
    pairs = data.qpv_figures(meta.id, editions[-1])
    figure = next(f for other, f in pairs if other.code == qpv.code)
    comparisons, refusals, call_comparator = _comparisons(data, meta, qpv, figure)
    call = next((item.figure for item in comparisons if item.level == "epci"), None)
    ratio = (figure.value / call.value if call is not None and call.status == "ok"
             and figure.status == "ok" and call.value and not is_summable(meta) else None)
    rank, rank_of = rank_among(figure, [f for _, f in pairs], meta.unfavourable)
    low, high = qpv_extremes(pairs)
    series = [data.qpv_figure(meta.id, qpv, edition) for edition in editions]
    gap, unavailable = _gap(data, meta, series, call_comparator)
    return FicheLine(meta.id, meta.label, meta.unit, theme, meta.unfavourable, meta.definition,
                     figure, comparisons, ratio, rank, rank_of, low, high, series, refusals,
                     gap, unavailable, tuple(
                         (edition, flag) for edition in editions
                         for flag in data.flags.on(qpv.code_2015, edition, [meta.id])),
                     meta.verified, data.without_comparator(meta.id))


def _territories(data: IndicatorData, qpv: QpvRecord, level: str) -> list[str]:
    if level == "commune":
        return [commune.insee for commune in qpv.communes_2015 if commune.in_call]
    if level in ("departement", "region"):   # an EPCI may straddle two: the QPV's own
        own = [code for code in map(departement_of, (c.insee for c in qpv.communes_2015
                                                     if c.in_call))
               if ("departement", code) in data.names]
        if level == "region":
            own = [data.departement_regions[code] for code in own
                   if ("region", data.departement_regions.get(code)) in data.names]
        if own:
            return own[:1]
    return [data.codes[level]] if level in data.codes else []


def departement_regions(conn) -> dict[str, str]:
    """The région of each of the database's départements (metadata written by the build;
    empty for a database built before it said)."""
    row = conn.execute("SELECT value FROM metadata WHERE key = 'departement_regions'"
                       ).fetchone()
    pairs = (pair.split(":", 1) for pair in (row[0] if row else "").split(",") if ":" in pair)
    return dict(pairs)


def departement_of(insee: str) -> str:
    """« 62 » for 62498, « 2A » for 2A004, « 971 » for 97101."""
    return insee[:3] if insee.startswith("97") else insee[:2]


def _comparisons(data: IndicatorData, meta: IndicatorInfo, qpv: QpvRecord, figure: Figure
                 ) -> tuple[list[ComparisonValue], list[RefusedComparison], Comparator | None]:
    """The declared comparators' values beside the QPV figure, level by level (one per
    commune), the refused ones, and the comparator the CALL value comes from."""
    year = data.qpv_year(meta.id, figure.edition)
    comparisons, refusals, call_comparator = [], {}, None
    declared = data.declared(meta.id)
    for level in LEVELS:
        at_level = [c for c in declared if c.level == level]
        for code in _territories(data, qpv, level) if at_level else []:
            best, refused = best_pairing(at_level, code, figure.edition, year)
            for comparator, reason in refused:
                refusals[level, comparator.comparator_id] = RefusedComparison(
                    level, comparator.comparator_id, comparator.label, reason)
            if best is None:
                continue
            comparator, pairing = best
            comparisons.append(_comparison_value(comparator, pairing))
            if level == "epci":
                call_comparator = comparator
    return comparisons, list(refusals.values()), call_comparator


def _as_figure(value: Value, label: str, unit: str) -> Figure:
    return Figure(value.indicator_id, label, unit, value.edition, value.reference_year,
                  value.value, value.status, value.source_file, value.source_row)


def _comparison_value(comparator: Comparator, pairing) -> ComparisonValue:
    value = pairing.value
    name = (ensemble_label(value) if value.territory_kind == "ensemble_qpv"
            else value.territory_name)
    return ComparisonValue(
        comparator.level, value.territory_code, name,
        _as_figure(value, comparator.label, comparator.unit),
        value.derived and value.status == "ok",
        value.note if value.derived or value.status != "ok" else None, comparator.source,
        comparator.comparability,
        comparator.note if comparator.comparability == "close" else None,
        pairing.basis, pairing.note if value.status == "ok" else None, year_text(value))


def _gap(data: IndicatorData, meta: IndicatorInfo, series: list[Figure],
         comparator: Comparator | None) -> tuple[GapMovement | None, str | None]:
    """The QPV's gap to the CALL between the first and the last edition that pair with CALL
    values of the same source at established, distinct years (rates, medians, indices)."""
    if comparator is None:
        return None, "pas de valeur comparable pour la CALL"
    if is_summable(meta):
        return None, "effectif : l'écart à la CALL n'a pas de sens"
    pairings = {}
    for figure in series:
        pairing = pair(comparator, data.codes["epci"], figure.edition,
                       data.qpv_year(meta.id, figure.edition))
        if pairing is not None and pairing.value.status == "ok":
            pairings[figure.edition] = pairing
    chosen = choose_editions(pairings, series[-1].edition)
    if isinstance(chosen, str):
        return None, chosen
    by_edition = {figure.edition: figure for figure in series}
    before, after = by_edition[chosen.edition_from], by_edition[chosen.edition_to]
    change = gap_change("", "", before, after,
                        chosen.call_from.value.value, chosen.call_to.value.value, meta.unit,
                        meta.unfavourable)
    if change is None:
        return None, "valeur du quartier inconnue à l'une des deux éditions"
    return GapMovement(chosen.edition_from, chosen.edition_to,
                       _as_figure(chosen.call_from.value, comparator.label, comparator.unit),
                       _as_figure(chosen.call_to.value, comparator.label, comparator.unit),
                       change.gap_from, change.gap_to, change.worsening, change.movement,
                       change.text), None


def _notes(identity: QpvIdentity, themes: dict[str, list[FicheLine]],
           correspondence: QpvCorrespondence | None) -> list[str]:
    caution = correspondence.caution if correspondence is not None else None
    if identity.code_2015 is None:
        notes = [caution or "Pas de chiffres INSEE pour ce quartier : aucun QPV 2015 ne lui "
                 "est rattaché."]
    else:
        notes = [GEOGRAPHY_NOTE.format(code=identity.code, code_2015=identity.code_2015)
                 + (f" {caution}" if caution else "")]
    communes_2015 = [c.name for c in identity.communes_2015]
    communes_2024 = [c.name for c in identity.communes_in_call + identity.communes_outside_call]
    if sorted(communes_2015) != sorted(communes_2024):
        notes.append(f"Communes du quartier en 2015 : {', '.join(communes_2015)} ; en 2024 : "
                     f"{', '.join(communes_2024)}. Les comparaisons communales portent sur les "
                     "communes de 2015, géographie des chiffres INSEE.")
    if identity.communes_outside_call:
        outside = ", ".join(c.name for c in identity.communes_outside_call)
        share = (f"{format_french_number(identity.share_in_call * 100, 0)}\u00a0%"
                 if identity.share_in_call is not None else "part inconnue")
        notes.append(f"Ce quartier déborde de la CALL ({share} de sa surface 2024 dans la "
                     f"CALL ; hors CALL : {outside}). Ses chiffres INSEE couvrent tout le "
                     "quartier ; les données communales de l'application ne couvrent que les "
                     "communes de la CALL.")
    notes += [VINTAGE_NOTE, STATUS_EXPLANATION, RANK_NOTE]
    lines = [line for theme_lines in themes.values() for line in theme_lines]
    if any(item.derived for line in lines for item in line.comparisons):
        notes.append(DERIVED_NOTE)
    notes += comparison_notes(lines)
    unverified = [line.label for line in lines if not line.verified]
    if unverified:
        notes.append(UNVERIFIED_NOTE.format(labels=", ".join(unverified)))
    without_call = [line.label for line in lines if line.comparison("epci") is None]
    if without_call:
        notes.append(NO_CALL_NOTE.format(labels=", ".join(without_call)))
    notes.append(SCHOOLS_NOTE)
    return notes


def comparison_notes(lines: list[FicheLine]) -> list[str]:
    """What the comparisons need said, one note per distinct text naming the lines (and the
    territories) it concerns: a close definition, another year (or edition of the ensemble
    des QPV), a refused comparator and why, an INSEE quality flag on a QPV figure."""
    grouped: dict[str, dict[str, dict[str, None]]] = defaultdict(lambda: defaultdict(dict))
    for line in lines:
        for item in line.comparisons:
            where = LEVEL_LABELS[item.level] if item.level != "commune" else item.territory_name
            if item.comparability_note:
                grouped[f"définition proche : {item.comparability_note}"][line.label]
            if item.pairing_note:
                grouped[item.pairing_note][line.label][where] = None
        for refusal in line.refusals:
            grouped[f"non comparé à « {refusal.label} » ({LEVEL_LABELS[refusal.level]}), "
                    f"définitions différentes : {refusal.reason}"][line.label]
        for edition, flag in line.flags:
            grouped[f"précaution (édition {edition}) : {flag.meaning} {flag.observation}"
                    ][line.label]
    notes = []
    for note, by_label in grouped.items():
        by_places: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for label, places in by_label.items():
            by_places[tuple(places)].append(label)
        subjects = " ; ".join(", ".join(labels) + (f" ({', '.join(places)})" if places else "")
                             for places, labels in by_places.items())
        notes.append(f"{subjects} — {note[0].upper()}{note[1:]}")
    return notes


def _sources(data: IndicatorData, fiche: Fiche) -> list[SourceRef]:
    paths = {path for _, figure in iter_figures(fiche) for path in figure.source_file.split(" ; ")}
    paths.update(school.source_file for school in fiche.schools)
    return [data.provenance.get(path, SourceRef(path, "", "", "")) for path in sorted(paths)
            if path]


def iter_figures(fiche: Fiche):
    """(level, figure) for every indicator figure the fiche shows."""
    if fiche.identity.population is not None:
        yield "qpv", fiche.identity.population
    for line in fiche.lines():
        yield "qpv", line.qpv
        for item in line.comparisons:
            yield item.level, item.figure
        for extreme, level in ((line.qpv_min, "qpv_min"), (line.qpv_max, "qpv_max")):
            if extreme is not None:
                yield level, extreme.figure
        for figure in line.series:
            yield "qpv", figure
        if line.gap is not None:
            yield "epci", line.gap.call_from
            yield "epci", line.gap.call_to


# ---------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------

def _figure_json(figure: Figure, level: str, code: str, name: str, **extra) -> dict:
    return {"level": level, "territory_code": code, "territory_name": name,
            **asdict(figure), **extra}


def fiche_to_json(fiche: Fiche) -> dict:
    """Every figure of the fiche, each with indicator id, label, unit, edition, value, status,
    source and the level it is shown at."""
    identity = fiche.identity

    def qpv_json(figure: Figure) -> dict:
        return _figure_json(figure, "qpv", identity.code_2015, identity.name)

    def extreme_json(extreme: QpvExtreme | None, level: str) -> dict | None:
        return None if extreme is None else _figure_json(
            extreme.figure, level, extreme.qpv_code_2015, extreme.qpv_name,
            qpv_code=extreme.qpv_code, tied_names=list(extreme.tied_names))

    themes = []
    for theme, lines in fiche.themes.items():
        themes.append({"theme": theme, "lines": [{
            "indicator_id": line.indicator_id, "label": line.label, "unit": line.unit,
            "unfavourable": line.unfavourable, "definition": line.definition,
            "qpv": qpv_json(line.qpv),
            "definition_verified": line.verified,
            "comparisons": [_figure_json(
                item.figure, item.level, item.territory_code, item.territory_name,
                derived=item.derived, note=item.note, source=item.source,
                comparability=item.comparability, comparability_note=item.comparability_note,
                pairing=item.pairing, pairing_note=item.pairing_note,
                year_text=item.year_text) for item in line.comparisons],
            "refused_comparisons": [asdict(refusal) for refusal in line.refusals],
            "without_comparator": line.without_comparator,
            "ratio_to_call": line.ratio_to_call, "rank": line.rank, "rank_of": line.rank_of,
            "qpv_min": extreme_json(line.qpv_min, "qpv_min"),
            "qpv_max": extreme_json(line.qpv_max, "qpv_max"),
            "series": [qpv_json(figure) for figure in line.series],
            "gap": None if line.gap is None else {
                "edition_from": line.gap.edition_from, "edition_to": line.gap.edition_to,
                "call_from": _figure_json(line.gap.call_from, "epci", "", "CALL"),
                "call_to": _figure_json(line.gap.call_to, "epci", "", "CALL"),
                "gap_from": line.gap.gap_from, "gap_to": line.gap.gap_to,
                "worsening": line.gap.worsening, "movement": line.gap.movement,
                "text": line.gap.text},
            "gap_unavailable": line.gap_unavailable,
            "quality_flags": [{"edition": edition, **asdict(flag)}
                              for edition, flag in line.flags],
        } for line in lines]})
    return {
        "qpv": {
            "code": identity.code, "code_2015": identity.code_2015, "name": identity.name,
            "communes_in_call": [asdict(c) for c in identity.communes_in_call],
            "communes_outside_call": [asdict(c) for c in identity.communes_outside_call],
            "communes_2015": [asdict(c) for c in identity.communes_2015],
            "area_ha": identity.area_ha, "share_in_call": identity.share_in_call,
            "population": (qpv_json(identity.population)
                           if identity.population is not None else None),
            "correspondence_2015": (asdict(fiche.correspondence)
                                    if fiche.correspondence is not None else None),
        },
        "themes": themes,
        "schools": [asdict(school) for school in fiche.schools],
        "notes": list(fiche.notes),
        "sources": [asdict(source) for source in fiche.sources],
    }

