"""The territorial diagnostic as a report Document (Qt-free): what the PDF and the Word file
of « Portrait de territoire » say, in the order of the CALL's 2024 portrait.

A cover; a summary table like the portrait's (indicator | à la CALL | dans les QPV, lowest
and highest with their names | comparaison QPV / CALL); then theme by theme: the generated
sentences, the table of the theme's indicators, the evolution and « dynamique des écarts »
charts, the theme's own tables, and the precautions (definitions that differ, years that do
not coincide, département- or région-only data, definitions not verified, INSEE quality
flags); a sources section with producer, dataset, vintage and licence; the general notes.
Every number is worded by the diagnostic model or by models/frenchnum: none is typed here.
"""
from __future__ import annotations

from collections import OrderedDict
from datetime import date
from pathlib import PurePosixPath

from ..diagnostic import model as diag
from ..diagnostic.findings import LEVEL_NAMES
from ..diagnostic.wording import DECIMALS, value_text
from ..frenchnum import NO_VALUE, format_french_date, format_status
from ..licences import DATASETS, LICENCE_OUVERTE, LICENCE_OUVERTE_LINK
from .chart import Chart, ChartPoint, ChartSeries, Quadrant
from .document import (BulletList, Contents, Cover, Document, Figure, Heading, Notice, Paragraph, Run,
                       SourceEntry, SourcesSection, Table, TableCell)

TITLE = "Portrait de territoire — Quartiers prioritaires de la CA de Lens-Liévin"
KICKER = "CONTRAT DE VILLE — DIAGNOSTIC TERRITORIAL"
SUBTITLE = "Chiffres clés, comparaisons à la CALL et évolution des écarts, thème par thème"
PRODUCED = "Produit avec qpvdesk à partir de données publiques"
FOOTER = "Portrait de territoire — QPV de la CA de Lens-Liévin"
RATE_UNITS = ("%", "‰", "€ par UC", "indice", "rapport")
#: Series role of each comparison level in the charts.
LEVEL_ROLES = {"epci": "call", "departement": "departement", "region": "region",
               "france": "france", "ensemble_qpv": "ensemble_qpv", "commune": "commune"}
SHORT_NAMES = {"departement": "Pas-de-Calais", "region": "Hauts-de-France", "france": "France"}
MOVEMENTS = {"worsens": ("widening", "situation relative qui se dégrade"),
             "improves": ("narrowing", "situation relative qui s'améliore"),
             "stable": ("stable", "écart stable")}
SUMMARY_INTRO = (
    "Pour chaque indicateur : la valeur de la CALL (avec, en dessous, le département, la "
    "région et la France quand leur définition est comparable), les valeurs des QPV (la plus "
    "basse et la plus haute, avec le nom des quartiers), le rapport à la CALL et le nombre de "
    "QPV dans une situation plus défavorable. Chaque chiffre porte son année.")
SOURCES_INTRO = (
    "Chaque chiffre de ce document vient d'un fichier public copié dans qpvdesk, nommé "
    "ci-dessous avec son producteur, son millésime et sa licence. Réutilisation sous "
    f"{LICENCE_OUVERTE} ({LICENCE_OUVERTE_LINK}) : mentionner la source et sa date.")
PRECAUTIONS = "Précautions de lecture"


# ---------------------------------------------------------------------------------------------
# Words for the cells
# ---------------------------------------------------------------------------------------------

def figure_text(value, unit: str) -> str:
    """« 53,5 % », « 17 980 € par UC », or what stands for a missing value."""
    if value.status != "ok":
        return format_status(value.status, short=True)
    return value_text(value.value, unit)


def extreme_text(extreme: diag.Extreme | None) -> str:
    if extreme is None:
        return NO_VALUE
    return f"{extreme.text} ({_names(extreme.names)})"


def _names(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} et {names[-1]}"


def _span(finding: diag.Finding) -> str:
    low, high = finding.lowest, finding.highest
    if low is None or high is None:
        return "aucune valeur publiée"
    if low.value == high.value:
        return f"{extreme_text(low)} pour tous"
    return f"de {extreme_text(low)} à {extreme_text(high)}"


def _worse_text(finding: diag.Finding) -> str:
    """How many QPV are worse placed than the CALL (or above / below it when the indicator
    has no unfavourable direction)."""
    if finding.worse_than_call is not None:
        return f"{finding.worse_than_call} QPV sur {finding.known} plus défavorables"
    if finding.above_call is not None:
        return (f"{finding.above_call} QPV au-dessus, {finding.below_call} en dessous "
                f"(sur {finding.known})")
    return ""


def _evolution_text(evolution: diag.GapEvolution | None) -> tuple[str, str]:
    if evolution is None or not evolution.changes:
        return NO_VALUE, ""
    parts = [f"se creuse : {evolution.worsening}", f"se réduit : {evolution.improving}"]
    if evolution.stable:
        parts.append(f"stable : {evolution.stable}")
    years = (f"{evolution.call_from.year_text} → {evolution.call_to.year_text}"
             if evolution.call_from and evolution.call_to else "")
    return " ; ".join(parts), years


def _call_cell(finding: diag.Finding, with_references: bool) -> TableCell:
    if finding.call is None:
        return TableCell(NO_VALUE, "pas de valeur comparable", status="missing")
    call = finding.call
    detail = [call.year_text]
    if with_references:
        detail += [f"{SHORT_NAMES[r.level]} : {figure_text(r.value, finding.unit)} "
                   f"({r.year_text})" for r in finding.references if r.level in SHORT_NAMES]
    return TableCell(figure_text(call.value, finding.unit), "\n".join(detail),
                     status=call.value.status)


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

def summary_table(diagnostic: diag.Diagnostic) -> Table:
    rows = []
    for theme in diagnostic.themes:
        findings = [f for f in theme.findings if f.lowest is not None]
        if not findings:
            continue
        rows.append((TableCell(theme.title, bold=True), TableCell(""), TableCell(""),
                     TableCell("")))
        for finding in findings:
            comparison = [text for text in (finding.ratio_text, _worse_text(finding)) if text]
            evolution, years = _evolution_text(finding.evolution)
            detail = f"écart à la CALL, {years} : {evolution}" if years else ""
            rows.append((
                TableCell(finding.label, finding.unit if finding.unit not in ("%",) else ""),
                _call_cell(finding, with_references=True),
                TableCell(_span(finding), f"{finding.year_text} ; {finding.known} QPV "
                                          "renseignés"),
                TableCell(" ; ".join(comparison) or NO_VALUE, detail)))
    return Table(header_rows=(("Indicateur", "À la CALL", "Dans les QPV de la CALL",
                               "Comparaison QPV / CALL"),),
                 rows=tuple(rows), alignments=("left", "right", "left", "left"),
                 title="Les QPV et la CALL, indicateur par indicateur",
                 notes=("« plus défavorables » : selon le sens défavorable de l'indicateur "
                        "(un revenu plus bas, un taux de pauvreté plus haut).",),
                 source=_sources_line(diagnostic, [f for t in diagnostic.themes
                                                   for f in t.findings]),
                 wrap_columns=(0, 1, 2, 3))


def findings_table(diagnostic: diag.Diagnostic, theme: diag.Theme) -> Table | None:
    findings = [f for f in theme.findings if f.lowest is not None]
    if not findings:
        return None
    rows = []
    for finding in findings:
        evolution, years = _evolution_text(finding.evolution)
        rows.append((
            TableCell(finding.label, finding.year_text),
            _call_cell(finding, with_references=False),
            TableCell(finding.lowest.text, _names(finding.lowest.names)),
            TableCell(finding.highest.text, _names(finding.highest.names)),
            TableCell(_worse_text(finding) or NO_VALUE),
            TableCell(finding.ratio_text or NO_VALUE),
            TableCell(evolution, years)))
    return Table(header_rows=(("Indicateur", "CALL", "QPV le\nplus bas", "QPV le\nplus haut",
                               "QPV et\nla CALL", "× la\nCALL", "Évolution de\nl'écart à la CALL"),),
                 rows=tuple(rows),
                 alignments=("left", "right", "left", "left", "left", "left", "left"),
                 title=f"{theme.title} : les indicateurs",
                 source=_sources_line(diagnostic, findings), wrap_columns=(0, 2, 3, 4, 5, 6))


def model_table(table: diag.Table, source: str = "") -> Table:
    """A table the diagnostic model worded (NEET, collèges, équipements, postes, SSMSI)."""
    return Table(header_rows=(tuple(table.columns),),
                 rows=tuple(tuple(TableCell(text) for text in row) for row in table.rows),
                 alignments=tuple("right" if numeric else "left" for numeric in table.numeric),
                 title=table.title, notes=tuple(table.notes), source=source,
                 wrap_columns=tuple(i for i, numeric in enumerate(table.numeric) if not numeric))


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------

def _decimals(unit: str) -> int:
    return DECIMALS.get(unit, 0)


def evolution_figure(diagnostic: diag.Diagnostic, finding: diag.Finding,
                     chart: diag.EvolutionChart) -> Figure:
    extremes = {code for extreme in (finding.lowest, finding.highest) if extreme
                for code, _ in extreme.qpv}
    series, highlighted = [], []
    for qpv in chart.qpv:
        points = tuple(ChartPoint(p.edition, p.value) for p in qpv.points)
        if qpv.code in extremes:
            highlighted.append(ChartSeries(qpv.name, points, "highlight"))
        else:
            series.append(ChartSeries(qpv.name, points, "qpv"))
    notes = [chart.note]
    references = chart.references
    if chart.unit not in RATE_UNITS and references:   # counts: the CALL is off the scale
        notes.append("Effectifs : la CALL et les autres territoires, d'un autre ordre de "
                     "grandeur, ne sont pas tracés.")
        references = ()
    for reference in references:
        series.append(ChartSeries(reference.name, tuple(ChartPoint(p.edition, p.value)
                                                        for p in reference.points),
                                  LEVEL_ROLES.get(reference.level, "call")))
    years = sorted({p.edition for s in chart.qpv for p in s.points if p.value is not None})
    span = f"{years[0]} à {years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    return Figure(
        Chart("line", (*series, *highlighted), x_title="Année (édition de la base ou des "
                                                       "données)",
              y_title=f"{chart.label} ({chart.unit})", decimals=_decimals(chart.unit),
              x_is_year=True),
        f"Évolution — {chart.label}, chaque QPV ({span}), les QPV le plus bas et le plus "
        "haut en couleur, et les territoires de comparaison",
        _sources_line(diagnostic, [finding]), notes=tuple(notes))


def dynamics_figure(diagnostic: diag.Diagnostic, finding: diag.Finding,
                    chart: diag.DynamicsChart) -> Figure:
    groups: OrderedDict[str, list[ChartPoint]] = OrderedDict((m, []) for m in MOVEMENTS)
    for point in chart.points:
        groups[point.movement].append(ChartPoint(point.gap_from, point.change, point.qpv_name))
    series = tuple(ChartSeries(MOVEMENTS[m][1], tuple(points), MOVEMENTS[m][0])
                   for m, points in groups.items() if points)
    unit = chart.gap_unit or chart.unit
    suffix = f" ({unit})" if unit else ""
    return Figure(
        Chart("scatter", series, x_title=f"Écart à la CALL, {chart.year_from}{suffix}",
              y_title=f"Variation de l'écart jusqu'à {chart.year_to}{suffix}",
              decimals=_decimals(chart.unit),
              quadrants=(Quadrant(-1, 1, "l'écart se réduit"), Quadrant(1, 1, "l'écart se creuse"),
                         Quadrant(-1, -1, "l'écart se creuse"),
                         Quadrant(1, -1, "l'écart se réduit")), zero_lines=True),
        f"Dynamique des écarts — {chart.label}, {chart.year_from} → {chart.year_to}",
        _sources_line(diagnostic, [finding]), notes=(chart.note,))


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------

def _folder(path: str) -> str:
    return PurePosixPath(path).parts[0] if path else ""


def _source_paths(finding: diag.Finding) -> list[str]:
    values = [q.value for q in finding.qpv]
    references = ([finding.call] if finding.call else []) + list(finding.references)
    values += [r.value for r in references]
    return [path for value in values for path in value.source_file.split(" ; ") if path]


def _sources_line(diagnostic: diag.Diagnostic, findings) -> str:
    """« Sources : INSEE (…, vintage) ; … » for the files the findings' figures come from."""
    producers = {source.path: source for source in diagnostic.sources}
    seen: OrderedDict[str, str] = OrderedDict()
    for finding in findings:
        for path in _source_paths(finding):
            folder = _folder(path)
            if folder in seen:
                continue
            source = producers.get(path)
            dataset = DATASETS.get(folder, (folder, ""))[0]
            vintage = f", {source.vintage}" if source is not None else ""
            producer = DATASETS.get(folder, ("", source.producer if source else ""))[1]
            seen[folder] = f"{producer}, {dataset}{vintage}" if producer else f"{dataset}{vintage}"
    return ("Sources : " + " ; ".join(seen.values()) + ".") if seen else ""


def sources_section(diagnostic: diag.Diagnostic) -> SourcesSection:
    by_folder: OrderedDict[str, list[diag.SourceUse]] = OrderedDict()
    for source in diagnostic.sources:
        by_folder.setdefault(_folder(source.path), []).append(source)
    order = list(DATASETS)
    entries = []
    for folder in sorted(by_folder, key=lambda f: (order.index(f) if f in order else len(order),
                                                   f)):
        uses = by_folder[folder]
        dataset, cited = DATASETS.get(folder, (folder, uses[0].producer))
        vintages = list(OrderedDict.fromkeys(use.vintage for use in uses))
        licences = list(OrderedDict.fromkeys(use.licence for use in uses))
        files = ", ".join(PurePosixPath(use.path).name for use in uses)
        entries.append(SourceEntry(cited, dataset, " ; ".join(vintages), " ; ".join(licences),
                                   f"Dossier {folder}/ : {files}."))
    return SourcesSection("Sources", tuple(entries), SOURCES_INTRO)


# ---------------------------------------------------------------------------------------------
# Precautions
# ---------------------------------------------------------------------------------------------

def merged_notes(notes) -> list[str]:
    """Notes that differ only by the territory they open with, said once for all of them:
    « CALL, Pas-de-Calais et Hauts-de-France — définition proche : … »."""
    territories = set(LEVEL_NAMES.values())
    groups: OrderedDict[str, list[str]] = OrderedDict()
    for note in notes:
        head, separator, rest = note.partition(" — ")
        if separator and head in territories:
            groups.setdefault(rest, []).append(head)
        else:
            groups.setdefault(note, [])
    return [f"{_names(heads)} — {text}" if heads else text for text, heads in groups.items()]


def _flag_notes(finding: diag.Finding) -> list[str]:
    notes = []
    for qpv in finding.qpv:
        for flag in qpv.flags:
            notes.append(f"{qpv.name} : avertissement de l'INSEE ({flag.flag} = {flag.value}) — "
                         f"{flag.meaning}")
    return notes


def precautions(theme: diag.Theme) -> list[Paragraph]:
    own = {note for finding in theme.findings for note in finding.notes}
    items = [Paragraph.plain(note) for note in theme.notes if note not in own]
    for finding in theme.findings:
        notes = merged_notes(finding.notes) + _flag_notes(finding)
        if finding.evolution is not None and finding.evolution.unavailable_reason:
            notes.append(f"Évolution des écarts : {finding.evolution.unavailable_reason}")
        for note in notes:
            items.append(Paragraph((Run(f"{finding.label} : ", bold=True), Run(note))))
    return items


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------

def _editions_line(diagnostic: diag.Diagnostic) -> str:
    years = list(OrderedDict.fromkeys(f.year_text for t in diagnostic.themes
                                      for f in t.findings if f.edition is not None))
    asked = (f"édition {diagnostic.edition_requested} demandée" if diagnostic.edition_requested
             else "la plus récente de chaque indicateur")
    return (f"Éditions utilisées ({asked}) : {', '.join(years)}. Chaque chiffre porte son "
            "année.")


def theme_blocks(diagnostic: diag.Diagnostic, theme: diag.Theme) -> list:
    blocks: list = [Heading(theme.title, 1)]
    if theme.scope:
        blocks.append(Notice("Portée des données", (theme.scope,)))
    blocks += [Paragraph.plain(sentence, "lead") for sentence in theme.sentences()]
    blocks += [Paragraph.plain(f.evolution.sentence, "lead") for f in theme.findings
               if f.evolution is not None and f.evolution.changes]
    table = findings_table(diagnostic, theme)
    if table is not None:
        blocks.append(table)
    for table in theme.tables:
        blocks.append(model_table(table))
    charts = [(chart, "evolution") for chart in theme.evolution_charts] + \
             [(chart, "dynamics") for chart in theme.dynamics_charts]
    if charts:
        blocks.append(Heading("Évolution et dynamique des écarts", 2))
    for chart, kind in charts:
        finding = theme.finding(chart.indicator_id)
        blocks.append(evolution_figure(diagnostic, finding, chart) if kind == "evolution"
                      else dynamics_figure(diagnostic, finding, chart))
    items = precautions(theme)
    if items:
        blocks += [Heading(PRECAUTIONS, 2), BulletList(tuple(items))]
    return blocks


def diagnostic_document(diagnostic: diag.Diagnostic, today: date | None = None) -> Document:
    today = today or date.today()
    cover = Cover(KICKER, TITLE, SUBTITLE,
                  (f"Édité le {format_french_date(today.isoformat())}",
                   _editions_line(diagnostic), PRODUCED))
    blocks: list = [Contents(), Heading("Synthèse", 1),
                    *(Paragraph.plain(sentence, "lead") for sentence in diagnostic.headline),
                    Paragraph.plain(SUMMARY_INTRO, "note"), summary_table(diagnostic)]
    for theme in diagnostic.themes:
        blocks += theme_blocks(diagnostic, theme)
    blocks.append(sources_section(diagnostic))
    return Document(TITLE, FOOTER, tuple(blocks), cover, notes=tuple(diagnostic.notes))
