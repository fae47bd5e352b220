"""Assemble the diagnostic: every theme's findings, statements, tables and chart data."""
from __future__ import annotations

from ..frenchnum import STATUS_EXPLANATION
from .charts import dynamics_chart, evolution_chart
from .data import DERIVED_RATES, DiagnosticData
from .findings import build_finding
from .model import Diagnostic, SourceUse, Theme
from .sections import (Section, colleges_section, equipment_section, neet_section,
                       offences_section, population_change_statement, posts_section,
                       straddling_section)
from .themes import THEMES

TITLE = "Portrait de territoire — diagnostic des quartiers prioritaires"
GENERAL_NOTES = (
    "Chaque chiffre porte son année : édition de la base INSEE des QPV, année des revenus "
    "(Filosofi), année du recensement ou des données de la comparaison. Les années ne "
    "coïncident pas toujours ; quand elles diffèrent, une note le dit.",
    "Les taux et les médianes ne s'additionnent pas et ne se moyennent pas : aucun taux de "
    "l'ensemble des QPV n'est calculé. Les taux de la CALL, du département, de la région et de "
    "la France sont des rapports de sommes d'effectifs (« calculé à partir de … ») ou des "
    "valeurs publiées.",
    "Une comparaison dont la définition diffère de celle de l'indicateur des QPV n'est jamais "
    "mise en regard : la note dit laquelle et pourquoi.",
    "« Plus défavorable que la CALL » suit le sens défavorable de chaque indicateur dans le "
    "catalogue (un taux de pauvreté plus élevé, un revenu plus bas) ; sans sens défini, on dit "
    "seulement « supérieur » ou « inférieur ».",
    "Les chiffres INSEE des QPV portent sur la géographie prioritaire 2015.",
    STATUS_EXPLANATION,
)


def build_diagnostic(store, edition: int | None = None) -> Diagnostic:
    """The territorial diagnostic of the CALL's QPV. ``edition``: None for the latest edition
    of each indicator; a year for the edition of that year (or the latest before it when an
    indicator was not published that year). ValueError (French) outside the editions held."""
    data = DiagnosticData(store)
    keys = [key for spec in THEMES for key in spec.findings]
    data.load({part for key in keys for part in _parts(key)})
    available = _editions(data, keys)
    if edition is not None and not available[0] <= edition <= available[-1]:
        raise ValueError(f"Édition {edition} hors des éditions disponibles ({available[0]} à "
                         f"{available[-1]}).")
    themes = tuple(_theme(data, spec, edition) for spec in THEMES)
    headline = (themes[0].findings[0].sentence,)
    sources = tuple(SourceUse(path, *data.provenance[path][1:]) if path in data.provenance
                    else SourceUse(path, "", "", "") for path in sorted(data.used_sources))
    return Diagnostic(TITLE, data.call_name, edition, tuple(available), headline, themes,
                      GENERAL_NOTES, sources)


def _parts(key: str) -> tuple[str, ...]:
    rate = DERIVED_RATES.get(key)
    return (rate.numerator, rate.denominator) if rate else (key,)


def _editions(data: DiagnosticData, keys: list[str]) -> list[int]:
    return sorted({edition for key in keys for series in data.qpv_values(key).values()
                   for edition, value in series.items() if value.status == "ok"})


def _theme(data: DiagnosticData, spec, edition: int | None) -> Theme:
    findings = tuple(build_finding(data, key, edition) for key in spec.findings)
    for finding in findings:
        data.use(figure.value for figure in finding.qpv)
    section = _section(data, spec.key, edition)
    by_key = {finding.key: finding for finding in findings}
    charts = tuple(evolution_chart(data, by_key[key]) for key in spec.charts)
    dynamics = tuple(chart for chart in (dynamics_chart(by_key[key]) for key in spec.charts)
                     if chart is not None)
    notes = tuple(dict.fromkeys(note for finding in findings for note in finding.notes))
    return Theme(spec.key, spec.title, spec.scope, findings, tuple(section.statements),
                 tuple(section.tables), charts, dynamics, tuple(section.notes) + notes)


def _section(data: DiagnosticData, key: str, edition: int | None) -> Section:
    if key == "demographie":
        section = straddling_section(data)
        change = population_change_statement(data)
        if change:
            section.statements.append(change)
        return section
    if key == "jeunesse":
        neet, colleges = neet_section(data), colleges_section(data)
        return Section(neet.statements + colleges.statements, neet.tables + colleges.tables,
                       neet.notes + colleges.notes)
    if key == "equipements":
        return equipment_section(data, edition)
    if key == "moyens":
        return posts_section(data)
    if key == "tranquillite":
        return offences_section(data, edition)
    return Section()
