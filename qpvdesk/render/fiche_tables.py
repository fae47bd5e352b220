"""What the fiche shows, cell by cell, for both the window and the PDF: texts, tooltips with
source and vintage, which comparison columns a theme needs, source footnotes, sparklines.

The window and the PDF only lay these cells out; a figure is worded in one place.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from ..models.fiche import (GEOGRAPHY_NOTE, LEVELS, NO_CALL_NOTE, ComparisonValue, Fiche, FicheLine, Figure, QpvExtreme, SchoolLine,
                             SourceRef, format_figure, format_value)
from ..models.frenchnum import NO_VALUE, format_french_number, format_status, status_tip
from .sparkline import paint_points_sparkline

#: Comparison levels shown as columns (the commune level becomes one column per commune).
LEVEL_HEADERS = {"epci": "CALL", "departement": "Pas-de-\nCalais", "region": "Hauts-de-\nFrance",
                 "france": "France", "ensemble_qpv": "Ensemble\ndes QPV"}
LEVEL_NAMES = {"commune": "commune", "epci": "CALL", "departement": "Pas-de-Calais",
               "region": "Hauts-de-France", "france": "France métropolitaine",
               "ensemble_qpv": "ensemble des QPV de France"}
_WITH_ARTICLE = {"commune": "la commune", "epci": "la CALL", "departement": "le Pas-de-Calais",
                 "region": "les Hauts-de-France", "france": "la France métropolitaine",
                 "ensemble_qpv": "l'ensemble des QPV de France"}
# Units a cell shows; the others (counts, euros per UC) are on the indicator's second line and
# the cell shows the bare number, so that fourteen columns fit across an A4 page.
_SHORT_UNITS = {"%": "%", "indice": "indice", "rapport": "rapport"}
CAVEAT_MARK = "*"
CAUTION_MARK = "⚠"   # an INSEE quality flag qualifies the figure
CAVEAT_NOTE = ("* : définition proche, autre année que celle du quartier ou valeur calculée "
               "par qpvdesk — voir les notes en fin de fiche.")
UNVERIFIED = "définition non vérifiée"
GAP_ARROWS = {"worsens": "↗", "improves": "↘", "stable": "="}
GAP_TIP = ("Écart du quartier à la CALL entre deux éditions dont les valeurs de la CALL sont "
           "de la même source et de la même année de données : ↗ l'écart se creuse (le "
           "quartier s'éloigne de la CALL, dans le sens défavorable), ↘ il se réduit, = stable.")
TODAY_FORMAT = "%d/%m/%Y"


@dataclass(frozen=True)
class Cell:
    text: str
    detail: str = ""             # a second, smaller line: edition, unit
    tooltip: str = ""
    status: str = "ok"           # ok | secret | missing: how the text is drawn
    numeric: bool = True         # right-aligned
    series: tuple[Figure, ...] = ()   # the evolution column draws these as a sparkline


@dataclass(frozen=True)
class Column:
    key: str
    header: str                  # may hold a line break
    tooltip: str = ""
    numeric: bool = True


@dataclass
class FicheTable:
    title: str
    columns: list[Column]
    rows: list[list[Cell]]
    note: str = ""               # what the table leaves out, and why
    sources: list[int] = field(default_factory=list)   # footnote numbers


@dataclass(frozen=True)
class SourceGroup:
    number: int
    producer: str
    licence: str
    vintage: str
    files: tuple[str, ...]

    def text(self) -> str:
        folders = sorted({str(PurePosixPath(path).parent) for path in self.files})
        names = ", ".join(PurePosixPath(path).name for path in self.files)
        return (f"[{self.number}] {self.producer} — {self.vintage} — {self.licence}. "
                f"Fichiers ({', '.join(folders)}/) : {names}.")


def today_french() -> str:
    return date.today().strftime(TODAY_FORMAT)


def unbroken(text: str) -> str:
    """A header with its line breaks turned into spaces (tooltips, accessible names)."""
    return text.replace("-\n", "-").replace("\n", " ")


# -- figures ---------------------------------------------------------------------------------

def figure_text(figure: Figure) -> str:
    """The value as a cell shows it: '38,1 %', '13 700' (€ par UC), '2 158', 'secret',
    'non publié', 'n.d.'."""
    if figure.status != "ok":
        return format_status(figure.status, short=True)
    return format_value(figure.value, _SHORT_UNITS.get(figure.unit, "nombre"))


def edition_text(figure: Figure) -> str:
    if figure.reference_year and figure.reference_year != figure.edition:
        return f"{figure.edition} (données {figure.reference_year})"
    return str(figure.edition)


class SourceIndex:
    """The fiche's source files grouped by producer into numbered footnotes."""

    def __init__(self, sources: list[SourceRef]) -> None:
        self.refs = {source.path: source for source in sources}
        grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for source in sources:
            grouped[source.producer, source.licence, source.vintage].append(source.path)
        self.groups = [SourceGroup(number, *key, tuple(paths))
                       for number, (key, paths) in enumerate(grouped.items(), start=1)]
        self.number_of = {path: group.number for group in self.groups for path in group.files}

    def numbers(self, figures) -> list[int]:
        return sorted({self.number_of[path] for figure in figures
                       for path in figure_paths(figure) if path in self.number_of})

    def describe(self, figure: Figure) -> str:
        """Source file(s), row and vintage of a figure, in French."""
        paths = figure_paths(figure)
        if not paths:
            return "Source : absent des fichiers embarqués."
        row = f", ligne {figure.source_row}" if figure.source_row else ""
        text = [f"Source : {' ; '.join(paths)}{row}"]
        ref = self.refs.get(paths[0])
        if ref is not None and ref.producer:
            text.append(f"{ref.producer} — {ref.vintage}")
        return "\n".join(text)


def figure_paths(figure: Figure) -> list[str]:
    return [path for path in figure.source_file.split(" ; ") if path]


def figure_tooltip(figure: Figure, territory: str, sources: SourceIndex,
                   note: str | None = None, edition_word: str = "millésime") -> str:
    lines = [f"{figure.label} — {territory}", format_figure(figure)]
    if figure.status != "ok":
        lines.append(status_tip(figure.status))
    lines.append(f"{edition_word.capitalize()} {edition_text(figure)}")
    if note:
        lines.append(note)
    lines.append(sources.describe(figure))
    return "\n".join(lines)


def figure_cell(figure: Figure, territory: str, sources: SourceIndex,
                note: str | None = None) -> Cell:
    return Cell(figure_text(figure), edition_text(figure),
                figure_tooltip(figure, territory, sources, note), figure.status)


def absent_cell(why: str) -> Cell:
    return Cell(NO_VALUE, "", why, "missing")


# -- the indicator tables --------------------------------------------------------------------

def theme_tables(fiche: Fiche, sources: SourceIndex) -> list[FicheTable]:
    return [_theme_table(fiche, theme, lines, sources) for theme, lines in fiche.themes.items()]


def _comparison_columns(fiche: Fiche, lines: list[FicheLine]) -> tuple[list[Column], list[str]]:
    """The comparison columns some line of the theme has a value for, and the levels left
    out (French names)."""
    present = {(item.level, item.territory_code) for line in lines for item in line.comparisons}
    columns, absent = [], []
    communes = [c for c in fiche.identity.communes_2015 if ("commune", c.insee) in present]
    for commune in communes:
        columns.append(Column(f"commune:{commune.insee}", _wrap_name(commune.name),
                              f"Commune de {commune.name} (communes du quartier en 2015)"))
    if not communes:
        absent.append("la commune" if len(fiche.identity.communes_2015) < 2 else "les communes")
    for level in LEVELS[1:]:
        if any(item_level == level for item_level, _ in present):
            columns.append(Column(level, LEVEL_HEADERS[level], LEVEL_NAMES[level].capitalize()))
        else:
            absent.append(_WITH_ARTICLE[level])
    return columns, absent


def _french_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} et {items[-1]}"


def _wrap_name(name: str) -> str:
    """A long commune name broken at the hyphen nearest its middle, for a narrow header."""
    if len(name) <= 12 or "-" not in name:
        return name
    cut = min((i for i, char in enumerate(name) if char == "-"),
              key=lambda i: abs(i - len(name) / 2))
    return f"{name[:cut + 1]}\n{name[cut + 1:]}"


def _theme_table(fiche: Fiche, theme: str, lines: list[FicheLine],
                 sources: SourceIndex) -> FicheTable:
    comparisons, absent = _comparison_columns(fiche, lines)
    with_ratio = any(line.ratio_to_call is not None for line in lines)
    columns = [Column("label", "Indicateur", numeric=False),
               Column("qpv", "QPV", f"{fiche.identity.name} ({fiche.identity.code_2015}) : "
                                    "valeur et édition de la base INSEE"),
               *comparisons]
    if with_ratio:
        columns.append(Column("ratio", "QPV /\nCALL", "Valeur du quartier divisée par celle "
                                                      "de la CALL"))
    if any(line.gap is not None for line in lines):
        columns.append(Column("gap", "Écart\nCALL", GAP_TIP))
    columns += [Column("rank", "Rang", "Rang parmi les QPV de la CALL renseignés : 1 = situation "
                                       "la plus défavorable (ou valeur la plus élevée)"),
                Column("range", "Min – max\ndes 22 QPV", "Plus petite et plus grande valeur "
                                                        "parmi les 22 QPV de la CALL"),
                Column("evolution", "Évolution", "Valeur du quartier à chaque édition")]
    rows = [[_line_cell(fiche, line, column, sources) for column in columns] for line in lines]
    notes = []
    if absent:
        notes.append(f"Pas de valeur dans les sources embarquées pour {_french_list(absent)} : "
                     "colonnes omises.")
    if any(item.caveat for line in lines for item in line.comparisons):
        notes.append(CAVEAT_NOTE)
    note = " ".join(notes)
    figures = [figure for line in lines for figure in _line_figures(line)]
    return FicheTable(theme, columns, rows, note, sources.numbers(figures))


def _line_figures(line: FicheLine):
    yield line.qpv
    yield from (item.figure for item in line.comparisons)
    yield from line.series
    if line.gap is not None:
        yield from (line.gap.call_from, line.gap.call_to)


def _line_cell(fiche: Fiche, line: FicheLine, column: Column, sources: SourceIndex) -> Cell:
    name = fiche.identity.name
    key = column.key
    if key == "label":
        definition = f"\n{line.definition}" if line.definition else ""
        unverified = "" if line.verified else f" — {UNVERIFIED}"
        return Cell(line.label, f"{line.unit}{unverified}",
                    f"{line.label} ({line.unit}){unverified}"
                    f"{definition}", numeric=False)
    if key == "qpv":
        cautions = [flag for edition, flag in line.flags if edition == line.qpv.edition]
        tooltip = figure_tooltip(line.qpv, f"{name} (géographie 2015)", sources,
                                 edition_word="édition")
        for flag in cautions:
            tooltip += f"\nPrécaution : {flag.meaning} {flag.observation}"
        return Cell(figure_text(line.qpv),
                    edition_text(line.qpv) + (f" {CAUTION_MARK}" if cautions else ""), tooltip,
                    line.qpv.status)
    if key == "ratio":
        return _ratio_cell(line)
    if key == "gap":
        return _gap_cell(line)
    if key == "rank":
        return _rank_cell(line)
    if key == "range":
        return _range_cell(line)
    if key == "evolution":
        return _evolution_cell(line)
    level, _, code = key.partition(":")
    item = next((item for item in line.comparisons
                 if item.level == level and (not code or item.territory_code == code)), None)
    if item is None:
        where = LEVEL_NAMES[level] if level != "commune" else unbroken(column.header)
        refused = [r for r in line.refusals if r.level == level]
        if refused:
            return absent_cell(f"{line.label} : « {refused[0].label} » n'est pas comparable "
                               f"(définitions différentes). {refused[0].reason}")
        return absent_cell(f"{line.label} : pas de valeur pour {where} dans les sources "
                           "embarquées.")
    return comparison_cell(item, sources)


def comparison_cell(item: ComparisonValue, sources: SourceIndex) -> Cell:
    """A comparator's value with its own year below (« revenus 2018 », « édition 2019 »),
    marked * when its definition is close, its year differs or qpvdesk computed it; the
    tooltip says which."""
    notes = [note for note in (
        f"Définition proche : {item.comparability_note}" if item.comparability_note else None,
        item.pairing_note, item.note) if note]
    detail = (short_year(item.year_text) + (f" {CAVEAT_MARK}" if item.caveat else "")
              if item.figure.status == "ok" else "")
    tooltip = figure_tooltip(item.figure, item.territory_name, sources,
                             "\n".join([f"Année : {item.year_text}", *notes]))
    if item.source:
        tooltip += f"\nComparateur déclaré : {item.source}"
    return Cell(figure_text(item.figure), detail, tooltip, item.figure.status)


def _ratio_cell(line: FicheLine) -> Cell:
    if line.ratio_to_call is None:
        return absent_cell("Rapport non calculable : il faut une valeur du quartier et une "
                           "valeur de la CALL.")
    call = line.comparison("epci").figure
    return Cell(format_french_number(line.ratio_to_call, 2), "",
                f"{figure_text(line.qpv)} (QPV, édition {line.qpv.edition}) / "
                f"{figure_text(call)} (CALL, millésime {call.edition})")


def short_year(year_text: str) -> str:
    """A comparator's year in a narrow cell: « revenus 2018 » -> « 2018 », « édition 2019 » ->
    « éd. 2019 » (the ensemble des QPV, published by edition)."""
    year = year_text.rsplit(" ", 1)[-1]
    return f"éd. {year}" if year_text.startswith("édition") else year


def _gap_cell(line: FicheLine) -> Cell:
    gap = line.gap
    if gap is None:
        return absent_cell(f"Évolution de l'écart à la CALL non calculable : "
                           f"{line.gap_unavailable}.")
    amount = gap.text.rsplit(" de ", 1)[-1] if gap.movement != "stable" else ""
    call_from, call_to = figure_text(gap.call_from), figure_text(gap.call_to)
    return Cell(f"{GAP_ARROWS[gap.movement]} {amount}".strip(),
                f"{gap.edition_from}→{gap.edition_to}",
                f"Entre les éditions {gap.edition_from} et {gap.edition_to}, {gap.text}.\n"
                f"CALL : {call_from} ({edition_text(gap.call_from)}) puis {call_to} "
                f"({edition_text(gap.call_to)}).\n{GAP_TIP}")


def _rank_cell(line: FicheLine) -> Cell:
    direction = {"high": "1 = valeur la plus élevée, la plus défavorable",
                 "low": "1 = valeur la plus basse, la plus défavorable"}.get(
        line.unfavourable, "1 = valeur la plus élevée (sens non défini)")
    if line.rank is None:
        return absent_cell(f"Pas de rang : la valeur du quartier n'est pas connue "
                           f"({format_figure(line.qpv)}). {line.rank_of} QPV renseignés.")
    return Cell(f"{line.rank} / {line.rank_of}", "",
                f"Rang parmi les {line.rank_of} QPV de la CALL qui ont une valeur en "
                f"{line.qpv.edition} ({direction}).")


def _extreme_text(extreme: QpvExtreme) -> str:
    return f"{format_figure(extreme.figure)} ({extreme.qpv_name})"


def _range_cell(line: FicheLine) -> Cell:
    if line.qpv_min is None or line.qpv_max is None:
        return absent_cell("Aucun QPV de la CALL n'a de valeur pour cette édition.")
    low, high = figure_text(line.qpv_min.figure), figure_text(line.qpv_max.figure)
    if low.endswith("\u00a0%") and high.endswith("\u00a0%"):   # '32,1 – 42,3 %'
        low = low[:-2]
    return Cell(f"{low} – {high}", "",
                f"Édition {line.qpv.edition}, sur {line.rank_of} QPV renseignés\n"
                f"Minimum : {_extreme_text(line.qpv_min)}\n"
                f"Maximum : {_extreme_text(line.qpv_max)}")


def _evolution_cell(line: FicheLine) -> Cell:
    editions = [figure.edition for figure in line.series]
    span = f"{editions[0]}–{editions[-1]}" if len(editions) > 1 else str(editions[0])
    flagged = {edition: flag for edition, flag in line.flags}
    values = "\n".join(
        f"{figure.edition} : {format_figure(figure)}" + (
            f" — précaution : {flagged[figure.edition].flag} = "
            f"{flagged[figure.edition].value} (INSEE)" if figure.edition in flagged else "")
        for figure in line.series)
    known = sum(figure.status == "ok" for figure in line.series)
    if flagged:
        span += f" {CAUTION_MARK}"
    if known == 0:
        return Cell(figure_text(line.qpv), span, f"Aucune valeur connue à aucune édition :\n"
                    f"{values}", line.qpv.status)
    return Cell("", span, f"{line.label}, par édition de la base INSEE :\n{values}",
                series=tuple(line.series))


# -- schools --------------------------------------------------------------------------------

_SCHOOL_WORDS = {"ECOLE": "École", "ELEMENTAIRE": "élémentaire", "PRIMAIRE": "primaire",
                 "MATERNELLE": "maternelle", "PRIVEE": "privée", "D": "d'", "L": "l'",
                 "DE": "de", "DU": "du", "DES": "des", "LA": "la", "LE": "le", "LES": "les",
                 "ET": "et", "AUX": "aux", "SAINT": "Saint", "SAINTE": "Sainte"}


def school_name(name: str) -> str:
    """'ECOLE ELEMENTAIRE JEANNE D ARC' -> "École élémentaire Jeanne d'Arc"; names already
    in mixed case are left alone."""
    if name != name.upper():
        return name
    words = [_SCHOOL_WORDS.get(word, word.capitalize()) for word in name.split()]
    return " ".join(words).replace("' ", "'")


def _shared(values: list[str | None]) -> str | None:
    """The value every school shares (a school year, a map's vintage), if they all do."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def _ips_column(schools: list[SchoolLine]) -> tuple[Column, str | None]:
    year = _shared([school.ips_school_year for school in schools])
    header = f"IPS\n{year}" if year else "IPS"
    return Column("ips", header, "Indice de position sociale des élèves"), year


def college_table(fiche: Fiche, sources: SourceIndex) -> FicheTable:
    colleges = [school for school in fiche.schools if school.kind == "collège"]
    ips_column, year = _ips_column(colleges)
    rep_vintage = _shared([school.rep_vintage for school in colleges if school.rep])
    columns = [Column("name", "Collège", numeric=False),
               Column("commune", "Commune", numeric=False),
               Column("sector", "Secteur", numeric=False), ips_column,
               Column("rep", "Éducation\nprioritaire", rep_vintage or "", numeric=False),
               Column("where", "Situation", "Distance au périmètre QPV 2024", numeric=False)]
    rows = [[Cell(school.name, "", _school_tip(school, sources), numeric=False),
             Cell(school.commune_name, numeric=False),
             Cell(school.sector, numeric=False),
             _ips_cell(school, sources, year),
             Cell(school.rep or "—", "" if rep_vintage else school.rep_vintage or "",
                  (f"{school.rep} ({school.rep_vintage})" if school.rep else
                   "Établissement privé sous contrat : hors carte de l'éducation prioritaire"),
                  numeric=False),
             Cell(school.relation, "", _school_tip(school, sources), numeric=False)]
            for school in colleges]
    note = "" if colleges else "Aucun collège à moins de 1 km du périmètre 2024."
    if rep_vintage:
        note = f"Éducation prioritaire : {rep_vintage}."
    return FicheTable("Collèges à moins de 1 km du périmètre 2024", columns, rows, note,
                      _school_sources(colleges, sources))


def ecole_table(fiche: Fiche, sources: SourceIndex) -> FicheTable:
    ecoles = [school for school in fiche.schools if school.kind == "école"]
    communes = sorted({school.commune_name for school in ecoles})
    ips_column, year = _ips_column(ecoles)
    columns = [Column("name", "École", numeric=False),
               Column("commune", "Commune", numeric=False),
               Column("sector", "Secteur", numeric=False), ips_column]
    rows = [[Cell(school_name(school.name), "", _school_tip(school, sources), numeric=False),
             Cell(school.commune_name, numeric=False), Cell(school.sector, numeric=False),
             _ips_cell(school, sources, year)] for school in ecoles]
    note = ("Les écoles n'ont pas de coordonnées dans la source : sont listées toutes les "
            "écoles des communes du quartier, proches ou non du périmètre." if ecoles else
            "Aucune école des communes du quartier dans les sources embarquées.")
    return FicheTable(f"Écoles de {_french_list(communes)}" if communes else "Écoles",
                      columns, rows, note, _school_sources(ecoles, sources))


def _ips_cell(school: SchoolLine, sources: SourceIndex, shared_year: str | None) -> Cell:
    return Cell(format_french_number(school.ips, 1),
                "" if shared_year else school.ips_school_year,
                f"IPS {format_french_number(school.ips, 1)} ({school.ips_school_year})\n"
                + _school_source(school, sources))


def _school_tip(school: SchoolLine, sources: SourceIndex) -> str:
    return (f"{school.name} — UAI {school.uai} — {school.commune_name}\n{school.relation}\n"
            + _school_source(school, sources))


def _school_source(school: SchoolLine, sources: SourceIndex) -> str:
    ref = sources.refs.get(school.source_file)
    vintage = f"\n{ref.producer} — {ref.vintage}" if ref is not None else ""
    return f"Source : {school.source_file} (UAI {school.uai}){vintage}"


def _school_sources(schools: list[SchoolLine], sources: SourceIndex) -> list[int]:
    return sorted({sources.number_of[s.source_file] for s in schools
                   if s.source_file in sources.number_of})


def education_tables(fiche: Fiche, sources: SourceIndex) -> list[FicheTable]:
    return [college_table(fiche, sources), ecole_table(fiche, sources)]


# -- identity ------------------------------------------------------------------------------

def identity_rows(fiche: Fiche) -> list[tuple[str, str]]:
    """(label, text) pairs of the fiche's header."""
    identity = fiche.identity
    communes = ", ".join(c.name for c in identity.communes_in_call)
    if identity.communes_outside_call:
        communes += " ; hors CALL : " + ", ".join(c.name for c in identity.communes_outside_call)
    area = f"{format_french_number(identity.area_ha, 0)} ha"
    if identity.share_in_call < 0.995:
        area += f" ({format_french_number(identity.share_in_call * 100, 0)}\u00a0% dans la CALL)"
    population = identity.population
    people = (format_status("missing") if population is None else
              f"{format_figure(population)} (INSEE, édition {population.edition}, "
              "géographie 2015)")
    return [("Code 2024", identity.code), ("Code 2015", identity.code_2015),
            ("Communes" if "," in communes else "Commune", communes),
            ("Superficie (2024)", area), ("Population", people)]


def geography_note(fiche: Fiche) -> str:
    return GEOGRAPHY_NOTE.format(code=fiche.identity.code, code_2015=fiche.identity.code_2015)


def footnotes(fiche: Fiche) -> list[str]:
    """The model's notes but the geography one, which the fiche shows at its top, and the
    list of indicators without a CALL value, which each table's note and « — » cells say."""
    no_call = NO_CALL_NOTE.split("{", 1)[0]
    return [note for note in fiche.notes
            if note != geography_note(fiche) and not note.startswith(no_call)]


def sources_line(table: FicheTable) -> str:
    if not table.sources:
        return ""
    numbers = ", ".join(f"[{number}]" for number in table.sources)
    return f"Sources : {numbers} (détail en fin de fiche)"


# -- sparkline -------------------------------------------------------------------------------

def paint_sparkline(painter: QPainter, rect: QRectF, series: tuple[Figure, ...],
                    line_width: float) -> None:
    """The values along the editions (x proportional to the year), broken where a value is
    secret or missing, which get a small grey tick at the bottom; the last value is a dot."""
    paint_points_sparkline(painter, rect, sparkline_points(series), line_width)


def sparkline_points(series: tuple[Figure, ...]) -> list[tuple[float, float | None]]:
    return [(figure.edition, figure.value if figure.status == "ok" else None)
            for figure in series]
