"""The parts of the diagnostic that are not one QPV indicator against the CALL: the QPV that
straddle the CALL, the NEET share (published for territories, not for QPV), the collèges by
IPS and éducation prioritaire, the equipment counted in the IRIS of each QPV, the politique
de la ville posts, the recorded offences (département and région only).

Each returns statements (generated sentences), tables (already worded) and notes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue_diagnostic import BPE_DOMAINS, SSMSI_CLASSES, ssmsi_id
from ..catalogue_nouns import indicator_noun
from ..comparators import Value, straddling_qpv
from ..frenchnum import NO_VALUE, format_status
from .data import DiagnosticData
from .model import Extreme, Table
from .sentences import extreme_text, span
from .wording import (TERRITORY_PHRASES, agreed, capitalised, definite, names_list, number, plural,
                      value_text, verb)

NEET_ID = "OT.PART_NON_INSERES"
BPE_TOTAL, BPE_RATE = "BPE.NB_TOTAL", "BPE.TX_TOTAL"
POSTS = (("PV.ADULTES_RELAIS", "postes d'adultes-relais"), ("PV.FONJEP", "postes FONJEP"))
KEY_OFFENCES = ("Coups et blessures volontaires", "Cambriolages de logement",
                "Destructions et dégradations volontaires", "Vols sans violence contre des "
                "personnes")
COLLEGE_GROUPS = (("REP+", "collège REP+", "collèges REP+"),
                  ("REP", "collège REP", "collèges REP"),
                  ("hors EP", "collège public hors éducation prioritaire",
                   "collèges publics hors éducation prioritaire"))
SSMSI_SCOPE = ("Publié par le SSMSI pour le département et la région seulement : ni la CALL ni "
               "ses QPV ne figurent dans ces données.")


@dataclass
class Section:
    statements: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _ok(values: list[Value]) -> list[Value]:
    return [v for v in values if v.status == "ok"]


def _extreme(items: list[tuple[str, str, float]], target: float, unit: str) -> Extreme:
    return Extreme(target, value_text(target, unit),
                   tuple((code, name) for code, name, value in items if value == target))


def spread(items: list[tuple[str, str, float]], unit: str) -> tuple[Extreme, Extreme]:
    """Lowest and highest of (code, name, value) items, every tied name kept."""
    values = [value for _, _, value in items]
    return _extreme(items, min(values), unit), _extreme(items, max(values), unit)


# -- démographie ------------------------------------------------------------------------------

def straddling_section(data: DiagnosticData) -> Section:
    section = Section()
    straddling = straddling_qpv(data.store)
    if straddling:
        names = names_list(f"{q.name} ({names_list(q.communes_outside_call)})"
                           for q in straddling)
        count = len(straddling)
        section.notes.append(
            f"{plural(count, 'QPV', 'QPV')} {verb(count, 'déborde', 'débordent')} de la CALL : "
            f"{names}. Leur population INSEE (géographie 2015) comprend leurs parties hors de "
            "la CALL : la somme des populations des QPV et sa part dans la "
            "population de la CALL les incluent.")
    return section


def population_change_statement(data: DiagnosticData) -> str | None:
    """« 17 QPV sur 22 perdent des habitants entre les éditions 2017 et 2022 … »"""
    by_qpv = data.qpv_values("DEMO.POP_MUN")
    editions = sorted({e for series in by_qpv.values() for e in series})
    if len(editions) < 2:
        return None
    first, last = editions[0], editions[-1]
    changes = []
    for qpv in data.qpvs:
        series = by_qpv.get(qpv.code_2015, {})
        before, after = series.get(first), series.get(last)
        if before and after and before.status == after.status == "ok":
            changes.append((qpv.name, after.value - before.value))
    losing = [name for name, change in changes if change < 0]
    gaining = [name for name, change in changes if change > 0]
    text = (f"Entre les éditions {first} et {last} de la base INSEE, "
            f"{plural(len(losing), 'QPV', 'QPV')} sur {len(changes)} "
            f"{verb(len(losing), 'perd', 'perdent')} des habitants")
    if gaining:
        text += (f" ; {plural(len(gaining), 'QPV', 'QPV')} "
                 f"{verb(len(gaining), 'en gagne', 'en gagnent')} ({names_list(gaining)})")
    call = [v for v in data.values("CC.P_POP", "epci", data.call_code) if v.status == "ok"]
    if len(call) >= 2:
        old, new = min(call, key=lambda v: v.edition), max(call, key=lambda v: v.edition)
        text += (f". La population de la CALL passe de {value_text(old.value, 'habitants')} "
                 f"({old.reference_year}) à {value_text(new.value, 'habitants')} "
                 f"({new.reference_year})")
    return text + "."


# -- jeunesse, NEET et éducation ---------------------------------------------------------------

def neet_section(data: DiagnosticData) -> Section:
    """The NEET share for the CALL, the département, the région and the communes that host a
    QPV, in the latest year all three territories share; not published for the QPV."""
    section = Section()
    noun = indicator_noun(NEET_ID)
    levels = {level: {v.edition: v for v in _ok(data.values(NEET_ID, level))}
              for level in ("epci", "departement", "region")}
    common = set(levels["epci"]) & set(levels["departement"]) & set(levels["region"])
    pronoun = "elle" if noun.feminine else "il"
    text = f"{capitalised(definite(noun))} n'est pas {agreed('publié', noun)} " \
           "pour les QPV"
    if common:
        year = max(common)
        call, dep, reg = (levels[level][year].value for level in ("epci", "departement",
                                                                  "region"))
        text += (f". En {year}, {pronoun} est de {value_text(call, '%')} pour la CALL, contre "
                 f"{value_text(dep, '%')} pour {TERRITORY_PHRASES['departement']} et "
                 f"{value_text(reg, '%')} pour {TERRITORY_PHRASES['region']}")
        later = [e for e in levels["epci"] if e > year]
        if later:
            text += (f" ({value_text(levels['epci'][max(later)].value, '%')} pour la CALL en "
                     f"{max(later)}, année non publiée pour le département et la région)")
        communes = _qpv_communes(data)
        items = [(v.territory_code, v.territory_name, v.value)
                 for v in _ok(data.values(NEET_ID, "commune")) if v.edition == year
                 and v.territory_code in communes]
        if items:
            low, high = spread(items, "%")
            text += (f". Dans les {len(items)} communes de la CALL qui comptent un QPV, "
                     f"{pronoun} va {span(low, high)}")
        section.tables.append(_neet_table(data, communes))
    section.statements.append(text + ".")
    section.notes.append("Part des jeunes non insérés : indicateur de l'Observatoire des "
                         "territoires (recensement), publié pour les communes, les EPCI, le "
                         "département et la région ; sa définition n'est pas celle des taux de "
                         "NEET d'autres diagnostics, qui ne sont pas repris ici.")
    return section


def _qpv_communes(data: DiagnosticData) -> dict[str, str]:
    return dict(data.store.conn.execute(
        "SELECT DISTINCT commune_insee, commune_name FROM qpv_commune WHERE in_call = 1 "
        "ORDER BY commune_name"))


def _neet_table(data: DiagnosticData, communes: dict[str, str]) -> Table:
    by_commune: dict[str, dict[int, Value]] = {}
    for value in data.values(NEET_ID, "commune"):
        by_commune.setdefault(value.territory_code, {})[value.edition] = value
    years = sorted({e for series in by_commune.values() for e in series})
    rows = [(name, *(_cell(by_commune.get(code, {}).get(year), "%") for year in years))
            for code, name in communes.items()]
    for level in ("epci", "departement", "region"):
        series = {v.edition: v for v in data.values(NEET_ID, level)}
        rows.append((LEVEL_TITLES[level], *(_cell(series.get(year), "%") for year in years)))
    return Table("neet", "Part des jeunes non insérés (NEET, 15-24 ans), en %",
                 ("Territoire", *map(str, years)), (False, *([True] * len(years))), tuple(rows),
                 ("Source : ANCT – Observatoire des territoires, d'après le recensement.",))


LEVEL_TITLES = {"epci": "CALL", "departement": "Pas-de-Calais", "region": "Hauts-de-France",
                "france": "France métropolitaine"}


def _cell(value: Value | None, unit: str) -> str:
    """A table cell: the number, or « secret », « non publié », « n.d. »."""
    if value is None:
        return format_status("missing", short=True)
    if value.status != "ok":
        return format_status(value.status, short=True)
    return number(value.value, unit)


def colleges_section(data: DiagnosticData) -> Section:
    """The CALL's collèges by éducation prioritaire with their IPS, and the QPV nearest
    each one."""
    section = Section()
    conn = data.store.conn
    nearest: dict[str, tuple[float, str]] = {}
    for uai, qpv_name, distance in conn.execute(
            "SELECT c.uai, q.name, ST_Distance(c.geom, q.geom) FROM college c, qpv q"):
        if uai not in nearest or distance < nearest[uai][0]:
            nearest[uai] = (distance, qpv_name)
    rows = [(*row[1:], nearest[row[0]][1], nearest[row[0]][0]) for row in conn.execute(
        "SELECT uai, name, commune_name, sector, ips, ips_school_year, rep, rep_vintage "
        "FROM college ORDER BY ips, name")]
    if not rows:
        return section
    parts = []
    for rep, singular, plural_form in COLLEGE_GROUPS:
        items = [(name, name, ips) for name, _, _, ips, _, group, *_ in rows if group == rep]
        if not items:
            continue
        low, high = spread(items, "indice")
        parts.append(f"{'les ' if len(items) > 1 else 'le '}"
                     f"{plural(len(items), singular, plural_form)}, "
                     f"{span(low, high) if len(items) > 1 else extreme_text(low)}")
    years = names_list(sorted({row[4] for row in rows}))
    vintage = names_list(sorted({row[6] for row in rows if row[6]}))
    text = (f"Indice de position sociale (IPS {years}) des collèges de la CALL : "
            f"{' ; '.join(parts)}.")
    section.statements.append(text)
    private = [row for row in rows if row[5] is None]
    if private:
        section.notes.append(
            f"{plural(len(private), 'collège privé sous contrat', 'collèges privés sous contrat')}"
            f" ({names_list(row[0] for row in private)}) : hors carte de l'éducation prioritaire.")
    section.notes.append(f"Éducation prioritaire : {vintage}. Source : ministère de "
                         "l'Éducation nationale (IPS des collèges, carte REP/REP+).")
    section.tables.append(Table(
        "colleges", "Collèges de la CALL : IPS et éducation prioritaire",
        ("Collège", "Commune", "Secteur", "IPS", "Éducation prioritaire", "QPV le plus proche",
         "Distance au périmètre"),
        (False, False, False, True, False, False, True),
        tuple((name, commune, sector, number(ips, "indice"), rep or "hors carte (privé)",
               nearest, "dans le périmètre" if distance == 0 else
               f"{number(distance, '')} m")
              for name, commune, sector, ips, _, rep, _, nearest, distance in rows),
        ("Distance au périmètre 2024 du QPV le plus proche.",)))
    return section


# -- équipements ----------------------------------------------------------------------------

def equipment_section(data: DiagnosticData, requested: int | None) -> Section:
    """BPE counts in the IRIS of each QPV (IRIS covering at least 5 % of its 2024 perimeter)
    against the CALL; per 1,000 inhabitants only where a population exists (CALL, communes)."""
    section = Section()
    totals = {v.territory_code: {} for v in data.values(BPE_TOTAL, "iris_qpv")}
    for value in data.values(BPE_TOTAL, "iris_qpv"):
        totals[value.territory_code][value.edition] = value
    years = sorted({e for series in totals.values() for e in series})
    usable = [y for y in years if requested is None or y <= requested]
    if not usable:
        section.statements.append("Aucun comptage d'équipements BPE n'est disponible pour "
                                  f"l'année {requested} ou avant.")
        return section
    year = usable[-1]
    items = [(qpv.code, qpv.name, totals[qpv.code][year].value) for qpv in data.qpvs
             if qpv.code in totals and year in totals[qpv.code]
             and totals[qpv.code][year].status == "ok"]
    without = [qpv.name for qpv in data.qpvs if qpv.code not in totals]
    low, high = spread(items, "équipements")
    text = (f"En {year}, les IRIS de chaque QPV comptent {span(low, high)}")
    if without:
        text += (f" ; {names_list(without)} : aucun IRIS ne couvre 5 % de "
                 f"{'son' if len(without) == 1 else 'leur'} périmètre")
    section.statements.append(text + ".")
    call_total = _at(data.values(BPE_TOTAL, "epci"), year)
    call_rate = _at(data.values(BPE_RATE, "epci"), year)
    if call_total is not None:
        rate = (f", soit {number(call_rate.value, 'équipements pour 1 000 habitants')} pour "
                "1 000 habitants (population du recensement 2018)" if call_rate else "")
        section.statements.append(
            f"La CALL compte {value_text(call_total.value, 'équipements')} en {year}{rate}. Le "
            "taux pour 1 000 habitants n'est calculé que pour la CALL et ses communes : la "
            "population des IRIS des QPV n'est pas dans les sources embarquées, les QPV sont "
            "comparés par leurs effectifs.")
    communes = _qpv_communes(data)
    rates = [(v.territory_code, v.territory_name, v.value)
             for v in _ok(data.values(BPE_RATE, "commune"))
             if v.edition == year and v.territory_code in communes]
    if rates:
        low_rate, high_rate = spread(rates, "équipements pour 1 000 habitants")
        section.statements.append(
            f"Dans les communes de la CALL qui comptent un QPV, de {extreme_text(low_rate)} à "
            f"{extreme_text(high_rate)} en {year}.")
    section.tables.append(_equipment_table(data, totals, years, year))
    section.notes.append(
        "Équipements d'un QPV : ceux des IRIS que son périmètre 2024 couvre sur au moins 5 % "
        "de sa surface (IRIS entiers : un IRIS peut déborder du quartier et être partagé par "
        "deux QPV). Source : INSEE, Base permanente des équipements.")
    return section


def _at(values: list[Value], edition: int) -> Value | None:
    return next((v for v in values if v.edition == edition and v.status == "ok"), None)


def _equipment_table(data: DiagnosticData, totals, years: list[int], year: int) -> Table:
    domains = {domain: {v.territory_code: v for v in data.values(f"BPE.NB_{domain}", "iris_qpv")
                        if v.edition == year} for domain in BPE_DOMAINS}
    retained = dict(data.store.conn.execute(
        "SELECT qpv_code, count(*) FROM qpv_iris WHERE retained = 1 GROUP BY qpv_code"))
    rows = []
    for qpv in data.qpvs:
        series = totals.get(qpv.code, {})
        if not retained.get(qpv.code):     # no IRIS: nothing to count, not a missing count
            rows.append((qpv.name, "0", *([NO_VALUE] * (len(years) + len(BPE_DOMAINS)))))
            continue
        rows.append((qpv.name, str(retained[qpv.code]),
                     *(_cell(series.get(y), "équipements") for y in years),
                     *(_cell(domains[d].get(qpv.code), "équipements") for d in BPE_DOMAINS)))
    call = {v.edition: v for v in data.values(BPE_TOTAL, "epci")}
    call_domains = [_at(data.values(f"BPE.NB_{d}", "epci"), year) for d in BPE_DOMAINS]
    rows.append(("CALL", "", *(_cell(call.get(y), "équipements") for y in years),
                 *(_cell(v, "équipements") for v in call_domains)))
    columns = ("QPV", "IRIS retenus", *(f"Total {y}" for y in years),
               *(f"{BPE_DOMAINS[d]} {year}" for d in BPE_DOMAINS))
    return Table("equipements", "Équipements dans les IRIS de chaque QPV", columns,
                 (False, *([True] * (len(columns) - 1))), tuple(rows),
                 (f"Domaines de la BPE (INSEE) ; « {NO_VALUE} » : aucun IRIS retenu.",))


# -- moyens de la politique de la ville ---------------------------------------------------------

def posts_section(data: DiagnosticData) -> Section:
    section = Section()
    series = {ident: {v.edition: v for v in _ok(data.values(ident, "epci"))}
              for ident, _ in POSTS}
    amounts = {ident: {v.edition: v for v in _ok(data.values(f"{ident}_MONTANT", "epci"))}
               for ident, _ in POSTS}
    years = sorted({y for by_year in series.values() for y in by_year})
    if not years:
        return section
    first, last = years[0], years[-1]
    now = " et ".join(f"{number(series[i][last].value, '')} {what}" for i, what in POSTS
                      if last in series[i])
    then = " et ".join(number(series[i][first].value, "") for i, _ in POSTS
                       if first in series[i])
    section.statements.append(
        f"En {last}, le contrat de ville de la CALL finance {now} ({then} en {first}). Les "
        "sources ne rattachent ces postes à aucun quartier : ils sont comptés pour le contrat "
        "de ville.")
    rows = tuple((str(year), *(cell for ident, _ in POSTS for cell in (
        _cell(series[ident].get(year), ""), _cell(amounts[ident].get(year), "€"))))
        for year in years)
    section.tables.append(Table(
        "postes", "Postes financés au titre du contrat de ville de la CALL",
        ("Année", "Adultes-relais (postes)", "Adultes-relais (€)", "FONJEP (postes)",
         "FONJEP (€)"), (False, True, True, True, True), rows,
        ("Source : ANCT (crédits politique de la ville), via Ci.Ville. Les montants de la "
         "dernière année paraissent partiels.",)))
    return section


# -- tranquillité ---------------------------------------------------------------------------------

def offences_section(data: DiagnosticData, requested: int | None) -> Section:
    """Recorded offences per 1,000 inhabitants (or dwellings) for the département and the
    région, the only territories the SSMSI publishes here; the CALL and its QPV are not."""
    section = Section(notes=[SSMSI_SCOPE])
    rows, first, last = [], None, None
    for offence, (_, per) in SSMSI_CLASSES.items():
        ident = ssmsi_id(offence, rate=True)
        dep = {v.edition: v for v in _ok(data.values(ident, "departement"))}
        reg = {v.edition: v for v in _ok(data.values(ident, "region"))}
        years = sorted(y for y in set(dep) & set(reg) if requested is None or y <= requested)
        if not years:
            continue
        first, last = years[0], years[-1]
        rows.append((offence, f"pour 1 000 {per}", number(dep[first].value, "‰"),
                     number(dep[last].value, "‰"), number(reg[last].value, "‰")))
        if offence in KEY_OFFENCES:
            section.statements.append(
                f"En {last}, {TERRITORY_PHRASES['departement']} enregistre "
                f"{number(dep[last].value, '‰')} {offence.lower()} pour 1 000 {per} "
                f"({number(dep[first].value, '‰')} en {first}), contre "
                f"{number(reg[last].value, '‰')} dans {TERRITORY_PHRASES['region']}.")
    if rows:
        section.tables.append(Table(
            "delinquance", f"Faits enregistrés pour 1 000 habitants (ou logements), {first} et "
                           f"{last}",
            ("Classe d'infractions", "Base", f"Pas-de-Calais {first}", f"Pas-de-Calais {last}",
             f"Hauts-de-France {last}"), (False, False, True, True, True), tuple(rows),
            ("Source : SSMSI, bases départementale et régionale, taux tels que publiés.",)))
    return section
