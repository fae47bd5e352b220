"""What the territorial diagnostic says, as frozen dataclasses (Qt-free): themes of findings,
each finding with the CALL's value, the QPV's values, the comparisons that hold, the ones
refused, the gaps' evolution and one French sentence; tables and chart data.

Every figure is a :class:`~qpvdesk.models.comparators.Value`: value or status (ok, secret,
non_publie, missing), edition, reference year, derived flag with its « calculé à partir de »
note, source file and row.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..comparators import QualityFlag, Value


@dataclass(frozen=True)
class Reference:
    """A comparator value set beside the QPV figures: comparable (same or close definition),
    with its own year and how it was paired with the QPV edition."""
    level: str                  # commune | epci | departement | region | france | ensemble_qpv
    territory_code: str
    territory_name: str
    indicator_id: str           # the comparator indicator
    label: str
    source: str                 # French: producer and dataset
    value: Value
    year_text: str              # « 2018 », « revenus 2019 », « édition 2019 »
    comparability: str          # same | close
    comparability_note: str | None   # the declared note, for a 'close' definition
    pairing: str                # same_year | same_edition | other_year | only_value
    pairing_note: str | None    # French, when the years differ or are not established


@dataclass(frozen=True)
class Refusal:
    """A declared comparator that must not be set beside the QPV figures."""
    level: str
    indicator_id: str
    label: str
    reason: str                 # French


@dataclass(frozen=True)
class QpvFigure:
    code: str                   # 2024 code
    code_2015: str              # the code INSEE publishes the figure under
    name: str
    value: Value
    flags: tuple[QualityFlag, ...]   # INSEE quality flags qualifying the figure
    versus_call: str | None     # worse | better | equal | higher | lower | None
    ratio_to_call: float | None


@dataclass(frozen=True)
class Extreme:
    """The lowest or highest QPV value, with every QPV that has it (ties)."""
    value: float
    text: str                   # « 30,8 % »
    qpv: tuple[tuple[str, str], ...]   # (2024 code, name), by name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for _, name in self.qpv)


@dataclass(frozen=True)
class GapChange:
    qpv_code: str
    qpv_name: str
    gap_from: float             # QPV − CALL at the first edition
    gap_to: float               # QPV − CALL at the second
    worsening: float            # change of the gap, > 0 when the QPV falls further behind
    movement: str               # worsens | improves | stable
    text: str                   # « l'écart se creuse de 2,1 points »


@dataclass(frozen=True)
class GapEvolution:
    """Each QPV's gap to the CALL at two editions whose CALL values come from the same
    comparator at two distinct, established years; or why it cannot be computed."""
    indicator_id: str
    edition_from: int | None
    edition_to: int | None
    call_from: Reference | None
    call_to: Reference | None
    changes: tuple[GapChange, ...]
    worsening: int              # QPV whose gap widens (relative position worsens)
    improving: int
    stable: int
    sentence: str
    unavailable_reason: str | None


@dataclass(frozen=True)
class SeriesPoint:
    edition: int
    year_text: str
    value: float | None
    status: str


@dataclass(frozen=True)
class Series:
    level: str                  # qpv | epci | departement | region | france | ensemble_qpv
    code: str
    name: str
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True)
class EvolutionChart:
    """An indicator along its editions: one series per QPV and the CALL's own years."""
    indicator_id: str
    label: str
    unit: str
    qpv: tuple[Series, ...]
    references: tuple[Series, ...]
    note: str


@dataclass(frozen=True)
class DynamicsPoint:
    qpv_code: str
    qpv_name: str
    gap_from: float             # x: QPV − CALL at the first edition
    change: float               # y: change of QPV − CALL between the editions
    worsening: float            # the change oriented: > 0 when the QPV falls further behind
    movement: str


@dataclass(frozen=True)
class DynamicsChart:
    """« Dynamique des écarts »: for each QPV, its gap to the CALL at the start (x) against
    how that gap changed (y)."""
    indicator_id: str
    label: str
    unit: str
    gap_unit: str               # « points », « € »
    edition_from: int
    edition_to: int
    year_from: str
    year_to: str
    points: tuple[DynamicsPoint, ...]
    note: str


@dataclass(frozen=True)
class Finding:
    """One indicator of a theme, across the QPV, against the CALL and above."""
    key: str                    # catalogue id, or « NUM/DEN » for a rate computed from counts
    label: str
    unit: str
    unfavourable: str | None    # high | low | None
    definition: str
    verified: bool              # False: shown as « définition non vérifiée »
    derived_note: str | None    # for a rate qpvdesk computes from INSEE counts
    edition: int | None         # the QPV edition shown
    editions: tuple[int, ...]   # every QPV edition with a value
    year_text: str              # « édition 2022 », « revenus 2019 »
    qpv: tuple[QpvFigure, ...]  # the 22 QPV, by name
    known: int                  # QPV with a value
    lowest: Extreme | None
    highest: Extreme | None
    call: Reference | None
    references: tuple[Reference, ...]   # département, région, France, ensemble des QPV
    refusals: tuple[Refusal, ...]
    worse_than_call: int | None  # by the catalogue's unfavourable direction
    above_call: int | None
    below_call: int | None
    ratio_low: float | None     # lowest QPV / CALL
    ratio_high: float | None
    ratio_text: str | None      # « de 1,4 à 2 fois plus »
    evolution: GapEvolution | None
    sentence: str
    notes: tuple[str, ...]      # comparability, years, quality flags, unverified definition


@dataclass(frozen=True)
class Table:
    """A table already worded (the one formatter): columns, rows of texts, notes."""
    key: str
    title: str
    columns: tuple[str, ...]
    numeric: tuple[bool, ...]   # right-aligned columns
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    scope: str | None           # what the theme covers when not the QPV (« département et
                                # région seulement »)
    findings: tuple[Finding, ...]
    statements: tuple[str, ...]  # sentences of the theme not tied to one finding
    tables: tuple[Table, ...]
    evolution_charts: tuple[EvolutionChart, ...]
    dynamics_charts: tuple[DynamicsChart, ...]
    notes: tuple[str, ...]

    def sentences(self) -> tuple[str, ...]:
        """Every generated sentence of the theme, findings first."""
        return tuple(f.sentence for f in self.findings) + self.statements

    def finding(self, key: str) -> Finding:
        return next(f for f in self.findings if f.key == key)


@dataclass(frozen=True)
class SourceUse:
    path: str
    producer: str
    licence: str
    vintage: str


@dataclass(frozen=True)
class Diagnostic:
    title: str
    territory: str
    edition_requested: int | None   # None: the latest edition of each indicator
    editions_available: tuple[int, ...]
    headline: tuple[str, ...]
    themes: tuple[Theme, ...]
    notes: tuple[str, ...]
    sources: tuple[SourceUse, ...]

    def theme(self, key: str) -> Theme:
        return next(theme for theme in self.themes if theme.key == key)
