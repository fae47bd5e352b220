"""French catalogue of the INSEE indicators the bundled sources can produce.

One :class:`IndicatorDef` per variable, keyed by ``"FAMILY.VARIABLE"``:

* ``DEMO``, ``REVN``, ``IPRO`` — the INSEE "Données sur les quartiers de la politique de la
  ville" bases (démographie / allocataires CAF, revenus et pauvreté, insertion
  professionnelle), all editions 2017-2022 merged: a variable appears if any edition has it;
* ``FILO`` — Filosofi revenus disponibles, IRIS files (``DISP_*``) and commune / EPCI /
  département / région / France métropolitaine files, the latter mapped onto the IRIS names
  by :func:`filo_variable`;
* ``CAF`` — the INSEE-CNAF IRIS files.

Labels and definitions follow INSEE's dictionaries of variables for these bases (and the
DARES / Pôle emploi category definitions for job-seekers). Where a meaning could only be
inferred from the variable name and the values, the definition says so plainly with
"Libellé d'après le nom de variable INSEE, à vérifier." — nothing is invented silently.
Composite names (sex suffixes, age bands, durations, education levels, children's ages) are
labelled by small composition helpers rather than by hand, so that related entries stay
consistent.

``compare_id`` links a QPV-level indicator to the same quantity published for other
territories (IRIS, communes, EPCI, département, région, France): ``REVN.DISP_Q2`` ->
``FILO.DISP_MED``, ``DEMO.A`` -> ``CAF.A``... Reference-side entries (FILO, CAF) have
``compare_id=None``.

Standard library only, no Qt: the module is imported by the data builder and the models.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

THEMES = (
    "Démographie",
    "Familles et allocataires CAF",
    "Revenus et pauvreté",
    "Emploi et demandeurs d'emploi",
    "Éducation",
)

UNITS: Final = (
    "habitants",
    "personnes",
    "ménages",
    "allocataires",
    "demandeurs d'emploi",
    "bénéficiaires",
    "contrats",
    "%",
    "€",
    "€ par UC",
    "indice",
    "rapport",
    "nombre",
    "unités de consommation",
)

AGGREGATIONS: Final = ("count", "rate", "median", "index")

FAMILIES: Final = ("DEMO", "REVN", "IPRO", "FILO", "CAF")

#: Themes, units and families of the diagnostic sources (catalogue_diagnostic.py). Kept apart
#: from THEMES / UNITS / FAMILIES, which other modules unpack or list as they are.
DIAGNOSTIC_THEMES: Final = (
    "Jeunesse, NEET et éducation",
    "Équipements",
    "Moyens de la politique de la ville",
    "Tranquillité publique",
)
DIAGNOSTIC_UNITS: Final = ("‰", "faits", "équipements", "postes", "équipements pour 1 000 "
                           "habitants")
DIAGNOSTIC_FAMILIES: Final = ("CC", "FILOTP", "FILOQP", "OT", "BPE", "PV", "SSMSI")

#: Where the definitions of the historical families come from.
QPV_DEFINITION_SOURCE: Final = (
    "Rédaction qpvdesk d'après la documentation INSEE des bases (dictionnaire non fourni "
    "dans les sources embarquées)")

_DEMOGRAPHIE, _FAMILLES, _REVENUS, _EMPLOI, _EDUCATION = THEMES

#: Sentence appended to every definition whose meaning could not be confirmed in INSEE's
#: documentation (inferred from the variable name and the values).
A_VERIFIER: Final = "Libellé d'après le nom de variable INSEE, à vérifier."


@dataclass(frozen=True)
class IndicatorDef:
    """One indicator of the catalogue (see the module docstring)."""

    id: str  # "DEMO.POP_MUN"
    family: str  # "DEMO" | "REVN" | "IPRO" | "FILO" | "CAF"
    variable: str  # "POP_MUN"
    label: str  # short French label
    unit: str  # one of UNITS
    theme: str  # one of THEMES
    definition: str  # 1-2 French sentences
    unfavourable: str | None  # "high", "low" or None
    compare_id: str | None  # same quantity at other territorial levels, or None
    aggregation: str  # one of AGGREGATIONS; only "count" may be summed
    verified: bool = True  # False: meaning inferred from the variable name, shown as such
    definition_source: str = QPV_DEFINITION_SOURCE  # French: where the definition comes from


CATALOGUE: dict[str, IndicatorDef] = {}


def _add(
    family: str,
    variable: str,
    label: str,
    unit: str,
    theme: str,
    definition: str,
    *,
    aggregation: str,
    unfavourable: str | None = None,
    compare_id: str | None = None,
    definition_source: str = QPV_DEFINITION_SOURCE,
) -> None:
    """Register one entry, refusing duplicates and values outside the allowed lists. A
    definition that says « à vérifier » is registered as not verified."""
    ident = f"{family}.{variable}"
    if ident in CATALOGUE:
        raise ValueError(f"duplicate catalogue id {ident}")
    if family not in FAMILIES + DIAGNOSTIC_FAMILIES:
        raise ValueError(f"{ident}: unknown family {family!r}")
    if unit not in UNITS + DIAGNOSTIC_UNITS:
        raise ValueError(f"{ident}: unit {unit!r} not allowed")
    if theme not in THEMES + DIAGNOSTIC_THEMES:
        raise ValueError(f"{ident}: theme {theme!r} not allowed")
    if aggregation not in AGGREGATIONS:
        raise ValueError(f"{ident}: aggregation {aggregation!r} not allowed")
    if unfavourable not in (None, "high", "low"):
        raise ValueError(f"{ident}: unfavourable {unfavourable!r} not allowed")
    CATALOGUE[ident] = IndicatorDef(
        id=ident,
        family=family,
        variable=variable,
        label=label,
        unit=unit,
        theme=theme,
        definition=definition,
        unfavourable=unfavourable,
        compare_id=compare_id,
        aggregation=aggregation,
        verified="à vérifier" not in definition,
        definition_source=definition_source,
    )


def _ordinal(n: int) -> str:
    """1 -> "1er", 2 -> "2e" (French abbreviated ordinals)."""
    return "1er" if n == 1 else f"{n}e"


# ---------------------------------------------------------------------------------------------
# Allocataires CAF — shared by DEMO, REVN (QPV level) and CAF (IRIS level)
# ---------------------------------------------------------------------------------------------

#: Columns of the CAF IRIS files that are indicators (``CAF.<column>``).
_CAF_IRIS_COLUMNS: Final = frozenset(
    {
        "A", "PERCOU", "AI", "AM", "ACSSENF", "ACAVENF", "AC3ENF",
        "ENF", "ENF_2", "ENF_3_5", "ENF_6_10", "ENF_11_14", "ENF_15_17", "ENF_18_24",
        "A_ETUD", "A_NETUD_24", "AAL", "AAPL", "AAAH", "APPA", "ARSAS", "APRES50", "APRES100",
    }
)

_CAF_SCOPE = (
    "Source CNAF : foyers allocataires des caisses d'allocations familiales ayant un droit "
    "versable au 31 décembre, domiciliés dans le territoire."
)


def _children_band(variable: str) -> str:
    """ENF_2 -> "moins de 3 ans", ENF_3_5 -> "3 à 5 ans" (ages in completed years)."""
    bounds = [int(part) for part in variable.split("_")[1:]]
    if len(bounds) == 1:
        return f"moins de {bounds[0] + 1} ans"
    low, high = bounds
    return f"{low} à {high} ans"


def _caf_variables() -> dict[str, tuple[str, str, str, str]]:
    """CAF variable -> (label, unit, definition, theme). Every entry is a count."""
    table: dict[str, tuple[str, str, str, str]] = {
        "A": (
            "Allocataires CAF",
            "allocataires",
            "Nombre de foyers allocataires, c'est-à-dire de foyers percevant au moins une "
            "prestation versée par une caisse d'allocations familiales (CAF). " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "PERCOU": (
            "Personnes couvertes par la CAF",
            "personnes",
            "Nombre de personnes couvertes par au moins une prestation CAF : allocataires, "
            "conjoints, enfants et autres personnes à charge. " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "AI": (
            "Allocataires isolés sans enfant",
            "allocataires",
            "Nombre d'allocataires vivant seuls, sans conjoint ni enfant à charge. " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "AM": (
            "Allocataires monoparents",
            "allocataires",
            "Nombre d'allocataires élevant seuls, sans conjoint, au moins un enfant à charge "
            "(familles monoparentales). " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "ACSSENF": (
            "Allocataires en couple sans enfant",
            "allocataires",
            "Nombre d'allocataires vivant en couple sans enfant à charge. " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "ACAVENF": (
            "Allocataires en couple avec enfant(s)",
            "allocataires",
            "Nombre d'allocataires vivant en couple avec au moins un enfant à charge. "
            + _CAF_SCOPE,
            _FAMILLES,
        ),
        "AC3ENF": (
            "Allocataires en couple avec 3 enfants ou plus",
            "allocataires",
            "Nombre d'allocataires vivant en couple avec au moins trois enfants à charge "
            "(sous-ensemble des couples avec enfant(s)). " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "A_ETUD": (
            "Allocataires étudiants",
            "allocataires",
            "Nombre d'allocataires ayant le statut d'étudiant. " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "A_NETUD_24": (
            "Allocataires de moins de 25 ans non étudiants",
            "allocataires",
            "Nombre d'allocataires âgés de moins de 25 ans qui ne sont pas étudiants. "
            + _CAF_SCOPE,
            _FAMILLES,
        ),
        "ENF": (
            "Enfants couverts par la CAF",
            "personnes",
            "Nombre d'enfants de moins de 25 ans à charge des foyers allocataires "
            "(somme des tranches d'âge de 0 à 24 ans). " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "AAL": (
            "Allocataires d'une aide au logement",
            "allocataires",
            "Nombre d'allocataires percevant une aide au logement (allocation de logement "
            "familiale ou sociale, ou aide personnalisée au logement). " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "AAPL": (
            "Allocataires de l'aide personnalisée au logement (APL)",
            "allocataires",
            "Nombre d'allocataires percevant l'aide personnalisée au logement (APL), "
            "sous-ensemble des allocataires d'une aide au logement. " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "AAAH": (
            "Allocataires de l'allocation aux adultes handicapés (AAH)",
            "allocataires",
            "Nombre d'allocataires percevant l'allocation aux adultes handicapés (AAH). "
            + _CAF_SCOPE,
            _FAMILLES,
        ),
        "APPA": (
            "Allocataires de la prime d'activité",
            "allocataires",
            "Nombre d'allocataires percevant la prime d'activité, complément de revenus des "
            "travailleurs aux ressources modestes créé en 2016. " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "ARSAS": (
            "Allocataires du RSA socle",
            "allocataires",
            "Nombre d'allocataires percevant le revenu de solidarité active (RSA) socle, "
            "revenu minimum garanti aux personnes sans ressources ou aux ressources très "
            "faibles. " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "ARSA": (
            "Allocataires du RSA",
            "allocataires",
            "Nombre d'allocataires percevant le revenu de solidarité active (RSA), présent "
            "seulement dans l'édition 2017, avant la création de la prime d'activité ; il "
            "inclut vraisemblablement le RSA socle et le RSA activité. " + A_VERIFIER,
            _FAMILLES,
        ),
        "APRES50": (
            "Allocataires dont les ressources dépendent à 50 % ou plus des prestations",
            "allocataires",
            "Nombre d'allocataires dont les prestations CAF représentent au moins la moitié "
            "des ressources du foyer. " + _CAF_SCOPE,
            _FAMILLES,
        ),
        "APRES100": (
            "Allocataires dont les ressources dépendent à 100 % des prestations",
            "allocataires",
            "Nombre d'allocataires dont les ressources sont constituées uniquement de "
            "prestations CAF. " + _CAF_SCOPE,
            _FAMILLES,
        ),
    }
    for variable in ("ENF_2", "ENF_3_5", "ENF_6_10", "ENF_11_14", "ENF_15_17", "ENF_18_24"):
        band = _children_band(variable)
        table[variable] = (
            f"Enfants couverts par la CAF — {band}",
            "personnes",
            f"Nombre d'enfants âgés de {band} à charge des foyers allocataires. " + _CAF_SCOPE,
            _FAMILLES,
        )
    return table


_CAF_VARIABLES: Final = _caf_variables()


def _add_caf_count(family: str, variable: str) -> None:
    label, unit, definition, theme = _CAF_VARIABLES[variable]
    compare = None
    if family != "CAF" and variable in _CAF_IRIS_COLUMNS:
        compare = f"CAF.{variable}"
    _add(family, variable, label, unit, theme, definition,
         aggregation="count", compare_id=compare)


# ---------------------------------------------------------------------------------------------
# DEMO — démographie des QPV (recensement) et allocataires CAF
# ---------------------------------------------------------------------------------------------

_RP = "Source : recensement de la population (Insee)."


def _add_demo() -> None:
    _add(
        "DEMO", "POP_MUN", "Population municipale", "habitants", _DEMOGRAPHIE,
        "Nombre de personnes ayant leur résidence habituelle dans le quartier prioritaire "
        "(population municipale au sens du recensement, sans double compte). " + _RP,
        aggregation="count",
    )
    # Commune-level context repeated on every QPV of the same commune(s): never summable
    # across QPV (Lens would be counted once per QPV), hence not "count".
    _add(
        "DEMO", "POP_COM_QP", "Population des quartiers prioritaires de la (des) commune(s)",
        "habitants", _DEMOGRAPHIE,
        "Population municipale résidant dans l'ensemble des quartiers prioritaires de la ou "
        "des communes sur lesquelles s'étend le quartier. Valeur de contexte répétée pour "
        "chaque quartier de ces communes : elle ne doit pas être additionnée entre quartiers.",
        aggregation="index",
    )
    _add(
        "DEMO", "POP_COM", "Population de la (des) commune(s) du quartier",
        "habitants", _DEMOGRAPHIE,
        "Population municipale totale de la ou des communes sur lesquelles s'étend le "
        "quartier. Valeur de contexte répétée pour chaque quartier de ces communes : elle ne "
        "doit pas être additionnée entre quartiers.",
        aggregation="index",
    )
    _add(
        "DEMO", "TX_F", "Part des femmes", "%", _DEMOGRAPHIE,
        "Part des femmes dans la population du quartier. " + _RP,
        aggregation="rate",
    )
    age_groups = {
        "0A24": ("des 0-24 ans", "âgées de moins de 25 ans"),
        "60ETPLUS": ("des 60 ans ou plus", "âgées de 60 ans ou plus"),
    }
    for code, (short, long) in age_groups.items():
        _add(
            "DEMO", f"TX_TOT_{code}", f"Part {short}", "%", _DEMOGRAPHIE,
            f"Part des personnes {long} dans la population du quartier. " + _RP,
            aggregation="rate",
        )
        _add(
            "DEMO", f"TX_F_{code}", f"Part {short} parmi les femmes", "%", _DEMOGRAPHIE,
            f"Part des femmes {long} parmi l'ensemble des femmes du quartier. " + _RP,
            aggregation="rate",
        )
    _add(
        "DEMO", "IND_JEUNE", "Indice de jeunesse", "indice", _DEMOGRAPHIE,
        "Rapport entre la population âgée de moins de 20 ans et celle âgée de 60 ans ou plus ; "
        "au-dessus de 1, les moins de 20 ans sont plus nombreux que les 60 ans ou plus. " + _RP,
        aggregation="index",
    )
    _add(
        "DEMO", "TX_TOT_MEN1", "Part des ménages d'une personne", "%", _DEMOGRAPHIE,
        "Part des ménages composés d'une seule personne parmi l'ensemble des ménages du "
        "quartier. " + _RP,
        aggregation="rate",
    )
    _add(
        "DEMO", "TX_TOT_MEN6", "Part des ménages de 6 personnes ou plus", "%", _DEMOGRAPHIE,
        "Part des ménages comptant six personnes ou plus parmi l'ensemble des ménages du "
        "quartier (grands ménages). " + _RP,
        aggregation="rate",
    )
    _add(
        "DEMO", "TX_TOT_ET", "Part des étrangers", "%", _DEMOGRAPHIE,
        "Part des personnes de nationalité étrangère dans la population du quartier. " + _RP,
        aggregation="rate",
    )
    _add(
        "DEMO", "TX_F_ET", "Part des étrangères parmi les femmes", "%", _DEMOGRAPHIE,
        "Part des femmes de nationalité étrangère parmi l'ensemble des femmes du quartier. "
        + _RP,
        aggregation="rate",
    )
    for variable in (
        "A", "PERCOU", "AM", "AI", "ACSSENF", "ACAVENF", "AC3ENF", "A_NETUD_24", "A_ETUD",
        "ENF", "ENF_2", "ENF_3_5", "ENF_6_10", "ENF_11_14", "ENF_15_17", "ENF_18_24",
    ):
        _add_caf_count("DEMO", variable)


# ---------------------------------------------------------------------------------------------
# Income distributions — REVN (QPV) and FILO (IRIS, communes and above)
# ---------------------------------------------------------------------------------------------

_DISP_CONCEPT = (
    "Le revenu disponible par unité de consommation (niveau de vie) comprend revenus "
    "d'activité, pensions, revenus du patrimoine et prestations sociales, nets des impôts "
    "directs, rapportés aux unités de consommation du ménage."
)
_DEC_CONCEPT = (
    "Le revenu déclaré par unité de consommation rassemble les revenus déclarés à "
    "l'administration fiscale (activité, pensions, patrimoine), avant prestations sociales "
    "et impôts, rapportés aux unités de consommation du ménage."
)
_FILOSOFI = "Source : Insee-DGFiP-Cnaf-Cnav-CCMSA, Filosofi."


def _quantile_entries() -> list[tuple[str, str, int]]:
    """(suffix, short French name, share of persons below in %) for quartiles and deciles."""
    entries = [("Q1", "1er quartile", 25), ("Q2", "médiane", 50), ("Q3", "3e quartile", 75)]
    entries += [(f"D{k}", f"{_ordinal(k)} décile", 10 * k) for k in range(1, 10) if k != 5]
    return entries


def _quantile_definition(name: str, below: int, what: str, concept: str) -> str:
    if below == 50:
        first = (f"Médiane du {what} : la moitié des personnes vivent dans un ménage dont le "
                 f"{what} est inférieur à cette valeur, l'autre moitié au-dessus.")
    else:
        first = (f"{name.capitalize()} du {what} : {below} % des personnes vivent dans un "
                 f"ménage dont le {what} est inférieur à cette valeur.")
    return f"{first} {concept}"


def _add_income_quantiles(family: str, prefix: str, suffixes: set[str], *,
                          declared: bool, compare_prefix: str | None) -> None:
    """Quartiles and deciles of disposable (or declared) income per consumption unit.

    ``prefix`` is the variable prefix ("DISP_" or "DECUC_"); the median is ``<prefix>Q2``
    in the QPV bases and ``DISP_MED`` in Filosofi (pass "MED" in ``suffixes``).
    """
    what = "revenu déclaré par UC" if declared else "revenu disponible par UC"
    concept = _DEC_CONCEPT if declared else _DISP_CONCEPT
    source = "" if family != "FILO" else " " + _FILOSOFI
    for suffix, name, below in _quantile_entries():
        variable_suffix = "MED" if (suffix == "Q2" and "MED" in suffixes) else suffix
        if variable_suffix not in suffixes:
            continue
        if suffix == "Q2":
            label = f"Revenu {'déclaré' if declared else 'disponible'} médian par UC"
        else:
            label = f"{name.capitalize()} du {what}"
        compare = None
        if compare_prefix is not None:
            compare = f"{compare_prefix}{'MED' if suffix == 'Q2' else suffix}"
        _add(
            family, f"{prefix}{variable_suffix}", label, "€ par UC", _REVENUS,
            _quantile_definition(name, below, what, concept) + source,
            aggregation="median", unfavourable="low", compare_id=compare,
        )


#: Income-structure shares (Filosofi "P..." variables): variable -> (label, definition,
#: unfavourable). Every share is a percentage of the disposable income of all households.
_INCOME_SHARES: Final[dict[str, tuple[str, str, str | None]]] = {
    "PACT": (
        "Part des revenus d'activité",
        "Part des revenus d'activité (salaires, traitements, indemnités de chômage et revenus "
        "des activités non salariées) dans le revenu disponible de l'ensemble des ménages.",
        "low",
    ),
    "PTSAC": (
        "Part des salaires, traitements et indemnités de chômage",
        "Part des salaires, traitements et indemnités de chômage dans le revenu disponible de "
        "l'ensemble des ménages (Filosofi 2014, avant le détail salaires / chômage).",
        "low",
    ),
    "PTSA": (
        "Part des salaires et traitements",
        "Part des salaires et traitements, hors indemnités de chômage, dans le revenu "
        "disponible de l'ensemble des ménages.",
        "low",
    ),
    "PCHO": (
        "Part des indemnités de chômage",
        "Part des indemnités de chômage dans le revenu disponible de l'ensemble des ménages.",
        "high",
    ),
    "PBEN": (
        "Part des revenus des activités non salariées",
        "Part des revenus des activités non salariées (bénéfices des indépendants) dans le "
        "revenu disponible de l'ensemble des ménages.",
        None,
    ),
    "PPEN": (
        "Part des pensions, retraites et rentes",
        "Part des pensions, retraites et rentes dans le revenu disponible de l'ensemble des "
        "ménages.",
        None,
    ),
    "PPAT": (
        "Part des revenus du patrimoine",
        "Part des revenus du patrimoine et autres revenus dans le revenu disponible de "
        "l'ensemble des ménages.",
        None,
    ),
    "PPSOC": (
        "Part des prestations sociales",
        "Part de l'ensemble des prestations sociales (prestations familiales, minima sociaux, "
        "prestations logement) dans le revenu disponible de l'ensemble des ménages.",
        "high",
    ),
    "PPFAM": (
        "Part des prestations familiales",
        "Part des prestations familiales dans le revenu disponible de l'ensemble des ménages.",
        None,
    ),
    "PPMINI": (
        "Part des minima sociaux",
        "Part des minima sociaux (RSA, minimum vieillesse, AAH...) dans le revenu disponible "
        "de l'ensemble des ménages.",
        "high",
    ),
    "PPLOGT": (
        "Part des prestations logement",
        "Part des prestations logement dans le revenu disponible de l'ensemble des ménages.",
        "high",
    ),
    "PIMPOT": (
        "Part des impôts",
        "Part des impôts directs dans le revenu disponible de l'ensemble des ménages ; la "
        "valeur est négative car les impôts sont déduits du revenu.",
        None,
    ),
}

_REVN_SHARES: Final = ("PACT", "PPEN", "PPSOC", "PIMPOT", "PPAT")


# ---------------------------------------------------------------------------------------------
# REVN — revenus, pauvreté, couverture maladie et prestations des QPV
# ---------------------------------------------------------------------------------------------

def _add_revn() -> None:
    _add(
        "REVN", "PMIMP", "Part des ménages fiscaux imposés", "%", _REVENUS,
        "Part des ménages fiscaux redevables d'un impôt sur le revenu au titre de l'année "
        "de référence. " + _FILOSOFI,
        aggregation="rate", unfavourable="low",
    )
    _add(
        "REVN", "PART_CHOMPRINC", "Part des ménages vivant principalement du chômage", "%",
        _REVENUS,
        "Vraisemblablement la part des ménages dont les indemnités de chômage constituent "
        "la principale source de revenus (éditions 2017 à 2019 seulement). " + A_VERIFIER,
        aggregation="rate", unfavourable="high",
    )
    _add_income_quantiles("REVN", "DECUC_", {"Q1", "Q2", "Q3", "D1", "D9"},
                          declared=True, compare_prefix=None)
    _add(
        "REVN", "DECUC_D1D9", "Rapport interdécile du revenu déclaré (D9/D1)", "rapport",
        _REVENUS,
        "Rapport entre le 9e et le 1er décile du revenu déclaré par unité de consommation : "
        "plus il est élevé, plus les revenus avant redistribution sont dispersés.",
        aggregation="index", unfavourable="high",
    )
    _add(
        "REVN", "BREV", "Taux de bas revenus déclarés", "%", _REVENUS,
        "Vraisemblablement la part des personnes dont le revenu déclaré par unité de "
        "consommation est inférieur au seuil de bas revenus (60 % du revenu déclaré médian "
        "national). " + A_VERIFIER,
        aggregation="rate", unfavourable="high",
    )
    _add_income_quantiles("REVN", "DISP_", {"Q1", "Q2", "Q3", "D1", "D9"},
                          declared=False, compare_prefix="FILO.DISP_")
    _add(
        "REVN", "DISP_D1D9", "Rapport interdécile du revenu disponible (D9/D1)", "rapport",
        _REVENUS,
        "Rapport entre le 9e et le 1er décile du revenu disponible par unité de consommation "
        "(niveau de vie) : plus il est élevé, plus les niveaux de vie sont inégaux.",
        aggregation="index", unfavourable="high", compare_id="FILO.DISP_RD",
    )
    _add(
        "REVN", "TP60", "Taux de pauvreté", "%", _REVENUS,
        "Part des personnes dont le niveau de vie (revenu disponible par unité de "
        "consommation) est inférieur au seuil de pauvreté, fixé à 60 % du niveau de vie "
        "médian de France métropolitaine. " + _FILOSOFI,
        aggregation="rate", unfavourable="high", compare_id="FILO.DISP_TP60",
    )
    for variable in _REVN_SHARES:
        label, definition, unfavourable = _INCOME_SHARES[variable]
        _add(
            "REVN", variable, label, "%", _REVENUS, definition + " " + _FILOSOFI,
            aggregation="rate", unfavourable=unfavourable, compare_id=f"FILO.DISP_{variable}",
        )
    # Assurance maladie (CNAM)
    _add(
        "REVN", "CCMUC", "Bénéficiaires de la CMU complémentaire", "bénéficiaires", _REVENUS,
        "Nombre de personnes couvertes par la couverture maladie universelle complémentaire "
        "(CMU-C), remplacée fin 2019 par la complémentaire santé solidaire. Source : CNAM.",
        aggregation="count",
    )
    _add(
        "REVN", "C", "Personnes couvertes par l'Assurance maladie (CNAM)", "personnes",
        _REVENUS,
        "Vraisemblablement le nombre de personnes couvertes par le régime général de "
        "l'Assurance maladie (CNAM), dénominateur des parts de bénéficiaires de la C2S. "
        + A_VERIFIER,
        aggregation="count",
    )
    _add(
        "REVN", "CC2S", "Bénéficiaires de la complémentaire santé solidaire (C2S)",
        "bénéficiaires", _REVENUS,
        "Nombre de personnes couvertes par la complémentaire santé solidaire (C2S), qui a "
        "remplacé la CMU-C et l'aide à la complémentaire santé fin 2019. Source : CNAM.",
        aggregation="count",
    )
    _add(
        "REVN", "C_C2SNP", "Bénéficiaires de la C2S sans participation financière",
        "bénéficiaires", _REVENUS,
        "Nombre de personnes couvertes par la complémentaire santé solidaire gratuite (sans "
        "participation financière, pour les ressources les plus faibles, ex-CMU-C). "
        "Source : CNAM.",
        aggregation="count",
    )
    _add(
        "REVN", "C_C2SP", "Bénéficiaires de la C2S avec participation financière",
        "bénéficiaires", _REVENUS,
        "Nombre de personnes couvertes par la complémentaire santé solidaire avec une "
        "participation financière modulée selon l'âge (ex-aide à la complémentaire santé). "
        "Source : CNAM.",
        aggregation="count",
    )
    for variable in ("A", "APRES50", "APRES100", "ARSA", "ARSAS", "APPA", "AAAH"):
        _add_caf_count("REVN", variable)


# ---------------------------------------------------------------------------------------------
# IPRO — emploi, contrats aidés et demandeurs d'emploi des QPV
# ---------------------------------------------------------------------------------------------

_SEX: Final = {"F": "femmes", "H": "hommes"}

_RATE_GROUPS: Final = {
    "TOT": ("des 15-64 ans", "personnes de 15 à 64 ans"),
    "F": ("des femmes de 15-64 ans", "femmes de 15 à 64 ans"),
    "ET": ("des étrangers de 15-64 ans", "personnes de nationalité étrangère de 15 à 64 ans"),
}

#: Job-seeker categories (Pôle emploi / France Travail, DARES definitions).
_DE_BASES: Final = {
    "ABCDE": (
        "Demandeurs d'emploi de catégories A, B, C, D, E",
        "Nombre de personnes résidant dans le quartier inscrites à Pôle emploi (France "
        "Travail) dans l'une des catégories A à E, qu'elles soient ou non tenues de "
        "rechercher un emploi.",
    ),
    "ABC": (
        "Demandeurs d'emploi de catégories A, B, C",
        "Nombre de personnes résidant dans le quartier inscrites à Pôle emploi (France "
        "Travail) et tenues de rechercher un emploi, sans emploi (catégorie A) ou ayant "
        "exercé une activité réduite (catégories B et C).",
    ),
    "A": (
        "Demandeurs d'emploi de catégorie A",
        "Nombre de personnes résidant dans le quartier inscrites à Pôle emploi (France "
        "Travail), tenues de rechercher un emploi et sans aucun emploi au cours du mois "
        "(catégorie A).",
    ),
}

_DE_EDUCATION: Final = {
    "INFCAPBEP": "niveau de formation inférieur au CAP-BEP",
    "CAPBEP": "niveau de formation CAP-BEP",
    "BAC": "niveau de formation baccalauréat",
    "SUPBAC": "niveau de formation supérieur au baccalauréat",
}

_DE_QUALIFIERS: Final = {
    "RSA": "bénéficiaires du RSA",
    "25": "moins de 26 ans",
    "2649": "26 à 49 ans",
    "50": "50 ans ou plus",
    "FR": "de nationalité française",
    "E": "de nationalité étrangère",
    **_DE_EDUCATION,
}

_DUR_NOTE = (
    "Tranches d'ancienneté d'inscription numérotées de la plus courte (1) à la plus longue "
    "(4), bornes non confirmées (vraisemblablement moins de 6 mois, 6 à 12 mois, 1 à 2 ans, "
    "2 ans ou plus) : libellé d'après le nom de variable INSEE, à vérifier."
)
_QAL_NOTE = (
    "Cinq groupes de niveau de qualification dont la correspondance exacte n'a pas pu être "
    "confirmée : libellé d'après le nom de variable INSEE, à vérifier."
)
_AGE25_NOTE = (
    "La borne « moins de 26 ans » se déduit de la tranche voisine « 26 à 49 ans »."
)


def _job_seeker_qualifiers(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Qualifier tokens -> (label parts, extra definition notes). Sex always comes first."""
    parts: list[str] = []
    notes: list[str] = []
    sex = [_SEX[t] for t in tokens if t in _SEX]
    for token in tokens:
        if token in _SEX:
            continue
        if token in _DE_QUALIFIERS:
            parts.append(_DE_QUALIFIERS[token])
            if token == "25":
                notes.append(_AGE25_NOTE)
        elif match := re.fullmatch(r"DUR([1-4])", token):
            parts.append(f"ancienneté d'inscription, tranche {match.group(1)} sur 4")
            notes.append(_DUR_NOTE)
        elif match := re.fullmatch(r"QAL([1-5])", token):
            parts.append(f"qualification, groupe {match.group(1)} sur 5")
            notes.append(_QAL_NOTE)
        else:
            raise ValueError(f"unknown job-seeker qualifier {token!r}")
    return sex + parts, notes


def _add_job_seekers(variable: str) -> None:
    """ABC_INFCAPBEP_F -> "Demandeurs d'emploi de catégories A, B, C — femmes, niveau ..."."""
    base, *tokens = variable.split("_")
    label, definition = _DE_BASES[base]
    parts, notes = _job_seeker_qualifiers(tokens)
    if parts:
        label = f"{label} — {', '.join(parts)}"
        definition = f"{definition} Sous-population : {', '.join(parts)}."
    if notes:
        definition = f"{definition} {' '.join(dict.fromkeys(notes))}"
    _add("IPRO", variable, label, "demandeurs d'emploi", _EMPLOI, definition,
         aggregation="count")


def _add_job_seeker_change(variable: str) -> None:
    """EVOL_ABC_F_T4 -> annual change of the number of job-seekers in the 4th quarter."""
    inner = variable.removeprefix("EVOL_").removesuffix("_T4")
    base, *tokens = inner.split("_")
    label, _ = _DE_BASES[base]
    parts, _notes = _job_seeker_qualifiers(tokens)
    suffix = f" — {', '.join(parts)}" if parts else ""
    lowered = label[0].lower() + label[1:]
    _add(
        "IPRO", variable, f"Évolution sur un an des {lowered} (4e trimestre){suffix}", "%",
        _EMPLOI,
        f"Évolution en pourcentage, entre le 4e trimestre de l'année précédente et celui de "
        f"l'année de référence, du nombre de {lowered}"
        f"{' (' + ', '.join(parts) + ')' if parts else ''} résidant dans le quartier. "
        + A_VERIFIER,
        aggregation="rate", unfavourable="high",
    )


_CONTRACT_BASES: Final = {
    "CA": ("Contrats aidés", "contrats aidés (contrats uniques d'insertion et emplois d'avenir)"),
    "CUI": ("Contrats uniques d'insertion (CUI)", "contrats uniques d'insertion (CUI)"),
    "EAV": ("Emplois d'avenir", "emplois d'avenir, contrats aidés réservés aux jeunes"),
}

_CONTRACT_QUALIFIERS: Final = {
    "25": "moins de 26 ans",
    "26A49": "26 à 49 ans",
    "50": "50 ans ou plus",
    "INFCAP": "niveau de formation inférieur au CAP-BEP",
    "CAP": "niveau de formation CAP-BEP",
    "BAC": "niveau de formation baccalauréat",
    "SUPBAC": "niveau de formation supérieur au baccalauréat",
    "SUPCAP": "niveau de formation supérieur au CAP-BEP",
}

_CONTRACT_NOTE = (
    "Source : ASP, via la DARES ; le décompte (contrats en cours ou entrées dans l'année) "
    "n'a pas pu être confirmé. " + A_VERIFIER
)


def _add_contract(variable: str) -> None:
    """CUI_26A49 -> "Contrats uniques d'insertion (CUI) — 26 à 49 ans"."""
    base, *tokens = variable.split("_")
    label, what = _CONTRACT_BASES[base]
    parts = [_SEX[t] for t in tokens if t in _SEX]
    parts += [_CONTRACT_QUALIFIERS[t] for t in tokens if t not in _SEX]
    definition = f"Nombre de {what} concernant des habitants du quartier."
    if parts:
        label = f"{label} — {', '.join(parts)}"
        definition = f"{definition} Sous-population : {', '.join(parts)}."
    _add("IPRO", variable, label, "contrats", _EMPLOI, f"{definition} {_CONTRACT_NOTE}",
         aggregation="count")


def _add_ipro() -> None:
    for group, (short, long) in _RATE_GROUPS.items():
        _add(
            "IPRO", f"TX_{group}_EMPL", f"Taux d'emploi {short}", "%", _EMPLOI,
            f"Part des personnes ayant un emploi parmi les {long}. " + _RP,
            aggregation="rate", unfavourable="low",
        )
        _add(
            "IPRO", f"TX_{group}_EPREC", f"Part des emplois précaires {short}", "%", _EMPLOI,
            f"Part des emplois précaires (CDD, intérim, emplois aidés, apprentissage, stages) "
            f"parmi les emplois des {long} (éditions 2017 à 2020) ; le dénominateur exact "
            f"(emplois salariés ou ensemble des emplois) est à vérifier. " + _RP,
            aggregation="rate", unfavourable="high",
        )
        _add(
            "IPRO", f"TX_{group}_EDLIM", f"Part des emplois à durée limitée {short}", "%",
            _EMPLOI,
            f"Part des emplois à durée limitée (CDD, intérim, emplois aidés, apprentissage, "
            f"stages) parmi les emplois des {long} (éditions 2021 et suivantes, qui "
            f"remplacent par cet intitulé la part des emplois précaires) ; le dénominateur "
            f"exact (emplois salariés ou ensemble des emplois) est à vérifier. " + _RP,
            aggregation="rate", unfavourable="high",
        )

    # Contrats aidés (editions 2017-2018 in detail, CA only afterwards)
    for variable in (
        "CA", "CUI", "EAV", "CA_F", "CUI_F", "EAV_F", "CA_H", "CUI_H", "EAV_H",
        "CUI_25", "CUI_26A49", "CUI_50", "CUI_INFCAP", "CUI_CAP", "CUI_BAC", "CUI_SUPBAC",
        "EAV_INFCAP", "EAV_CAP", "EAV_SUPCAP",
    ):
        _add_contract(variable)
    _add(
        "IPRO", "CIE", "CUI – contrats initiative emploi (CIE)", "contrats", _EMPLOI,
        "Nombre de contrats uniques d'insertion du secteur marchand (contrats initiative "
        "emploi) concernant des habitants du quartier. " + _CONTRACT_NOTE,
        aggregation="count",
    )
    _add(
        "IPRO", "CAE", "CUI – contrats d'accompagnement dans l'emploi (CAE)", "contrats",
        _EMPLOI,
        "Nombre de contrats uniques d'insertion du secteur non marchand (contrats "
        "d'accompagnement dans l'emploi) concernant des habitants du quartier. "
        + _CONTRACT_NOTE,
        aggregation="count",
    )
    _add(
        "IPRO", "CIE_HS", "Contrats initiative emploi hors « CIE starter »", "contrats",
        _EMPLOI,
        "Vraisemblablement les contrats initiative emploi classiques, hors « CIE starter » "
        "(CIE_HS + CIE_S = CIE dans les données). " + A_VERIFIER,
        aggregation="count",
    )
    _add(
        "IPRO", "CIE_S", "Contrats initiative emploi « starter »", "contrats", _EMPLOI,
        "Vraisemblablement les « CIE starter », contrats initiative emploi à aide majorée "
        "réservés aux jeunes de moins de 30 ans à partir de 2015. " + A_VERIFIER,
        aggregation="count",
    )
    _add(
        "IPRO", "CA_N_E", "Entrées en contrats aidés (année de référence)", "contrats",
        _EMPLOI,
        "Vraisemblablement le nombre d'entrées en contrats aidés d'habitants du quartier "
        "au cours de l'année de référence (édition 2018). " + A_VERIFIER,
        aggregation="count",
    )
    _add(
        "IPRO", "CA_N1_E", "Entrées en contrats aidés (année précédente)", "contrats",
        _EMPLOI,
        "Vraisemblablement le nombre d'entrées en contrats aidés d'habitants du quartier "
        "au cours de l'année précédant l'année de référence (édition 2018). " + A_VERIFIER,
        aggregation="count",
    )
    _add(
        "IPRO", "EVOL_CA_N_E", "Évolution sur un an des entrées en contrats aidés", "%",
        _EMPLOI,
        "Vraisemblablement l'évolution en pourcentage, sur un an, du nombre d'entrées en "
        "contrats aidés d'habitants du quartier. " + A_VERIFIER,
        aggregation="rate",
    )

    # Demandeurs d'emploi (Pôle emploi / France Travail)
    job_seekers = [
        "ABCDE", "ABCDE_F", "ABCDE_H", "ABC", "ABC_F", "ABC_H",
        "ABC_RSA", "ABC_RSA_F", "ABC_RSA_H", "A", "A_F", "A_H",
        "ABC_25", "ABC_2649", "ABC_50", "ABC_FR", "ABC_E",
    ]
    for level in _DE_EDUCATION:
        job_seekers += [f"ABC_{level}", f"ABC_{level}_F", f"ABC_{level}_H"]
    job_seekers += [f"ABC_QAL{k}" for k in range(1, 6)]
    for k in range(1, 5):
        job_seekers += [f"ABC_DUR{k}", f"ABC_DUR{k}_F", f"ABC_DUR{k}_H"]
    for variable in job_seekers:
        _add_job_seekers(variable)

    for year, when in (("N", "année de référence"), ("N1", "année précédente")):
        _add(
            "IPRO", f"A_{year}_T4", f"Demandeurs d'emploi de catégorie A au 4e trimestre "
            f"({when})", "demandeurs d'emploi", _EMPLOI,
            f"Vraisemblablement le nombre de demandeurs d'emploi de catégorie A résidant dans "
            f"le quartier au 4e trimestre de l'{when}, base de l'évolution annuelle. "
            + A_VERIFIER,
            aggregation="count",
        )
    for inner in ("ABC", "ABC_F", "ABC_H", "A", "A_F", "A_H"):
        _add_job_seeker_change(f"EVOL_{inner}_T4")


# ---------------------------------------------------------------------------------------------
# FILO — Filosofi, revenus disponibles (IRIS, communes, EPCI, département, région, France)
# ---------------------------------------------------------------------------------------------

def _add_filo() -> None:
    _add(
        "FILO", "DISP_TP60", "Taux de pauvreté", "%", _REVENUS,
        "Part des personnes dont le niveau de vie (revenu disponible par unité de "
        "consommation) est inférieur au seuil de pauvreté, fixé à 60 % du niveau de vie "
        "médian de France métropolitaine. " + _FILOSOFI,
        aggregation="rate", unfavourable="high",
    )
    _add_income_quantiles(
        "FILO", "DISP_", {"Q1", "MED", "Q3"} | {f"D{k}" for k in range(1, 10) if k != 5},
        declared=False, compare_prefix=None,
    )
    _add(
        "FILO", "DISP_EQ", "Écart interquartile rapporté à la médiane", "rapport", _REVENUS,
        "Écart entre le 3e et le 1er quartile du niveau de vie, rapporté à la médiane "
        "((Q3 − Q1) / médiane) : mesure de la dispersion des niveaux de vie (fichiers IRIS). "
        + _FILOSOFI,
        aggregation="index", unfavourable="high",
    )
    _add(
        "FILO", "DISP_Q3_Q1", "Écart interquartile du revenu disponible (Q3 − Q1)",
        "€ par UC", _REVENUS,
        "Différence entre le 3e et le 1er quartile du niveau de vie, en euros par unité de "
        "consommation, non rapportée à la médiane (fichiers communes et au-delà). "
        + _FILOSOFI,
        aggregation="index",
    )
    _add(
        "FILO", "DISP_RD", "Rapport interdécile du revenu disponible (D9/D1)", "rapport",
        _REVENUS,
        "Rapport entre le 9e et le 1er décile du niveau de vie : plus il est élevé, plus "
        "l'écart entre les plus aisés et les plus modestes est grand. " + _FILOSOFI,
        aggregation="index", unfavourable="high",
    )
    _add(
        "FILO", "DISP_S80S20", "Rapport S80/S20", "rapport", _REVENUS,
        "Rapport entre la masse des niveaux de vie détenue par les 20 % de personnes les plus "
        "aisées et celle détenue par les 20 % les plus modestes. " + _FILOSOFI,
        aggregation="index", unfavourable="high",
    )
    _add(
        "FILO", "DISP_GI", "Indice de Gini", "indice", _REVENUS,
        "Indice d'inégalité des niveaux de vie, compris entre 0 (égalité parfaite) et 1 "
        "(inégalité maximale, un seul individu détient tous les revenus). " + _FILOSOFI,
        aggregation="index", unfavourable="high",
    )
    for variable, (label, definition, unfavourable) in _INCOME_SHARES.items():
        _add(
            "FILO", f"DISP_{variable}", label, "%", _REVENUS, definition + " " + _FILOSOFI,
            aggregation="rate", unfavourable=unfavourable,
        )
    _add(
        "FILO", "NBMEN", "Ménages fiscaux", "ménages", _REVENUS,
        "Nombre de ménages fiscaux (ménages ayant déposé au moins une déclaration de revenus) "
        "du territoire. " + _FILOSOFI,
        aggregation="count",
    )
    _add(
        "FILO", "NBPERS", "Personnes des ménages fiscaux", "personnes", _REVENUS,
        "Nombre de personnes vivant dans les ménages fiscaux du territoire. " + _FILOSOFI,
        aggregation="count",
    )
    _add(
        "FILO", "NBUC", "Unités de consommation des ménages fiscaux", "unités de consommation",
        _REVENUS,
        "Nombre d'unités de consommation des ménages fiscaux (1 pour le premier adulte, 0,5 "
        "par autre personne de 14 ans ou plus, 0,3 par enfant de moins de 14 ans). "
        + _FILOSOFI,
        aggregation="count",
    )


# ---------------------------------------------------------------------------------------------
# CAF — INSEE-CNAF IRIS files
# ---------------------------------------------------------------------------------------------

def _add_caf() -> None:
    for variable in sorted(_CAF_IRIS_COLUMNS):
        _add_caf_count("CAF", variable)


_add_demo()
_add_revn()
_add_ipro()
_add_filo()
_add_caf()

# The diagnostic sources (comparateur, Filosofi QPV and TP60, Observatoire des territoires,
# BPE, politique de la ville posts, SSMSI) register their entries through the same checks.
from .catalogue_diagnostic import register_diagnostic_indicators  # noqa: E402

register_diagnostic_indicators(_add, CATALOGUE)


# ---------------------------------------------------------------------------------------------
# Column-name mapping shared with the builder
# ---------------------------------------------------------------------------------------------

#: Columns that are identifiers, labels or quality flags, per family (exact names; NOTE_*,
#: DISP_NOTE* and "Unnamed: N" are handled by pattern). ``UU`` (unité urbaine code, CAF
#: 2017-2018) is a geographic code, not an indicator.
NON_INDICATOR_COLUMNS: Final[dict[str, frozenset[str]]] = {
    "DEMO": frozenset({"CODGEO", "LIBGEO", "LIB_COM"}),
    "REVN": frozenset({"CODGEO", "LIBGEO", "LIB_COM"}),
    "IPRO": frozenset({"CODGEO", "LIBGEO", "LIB_COM"}),
    "CAF": frozenset({"CODGEO", "LIBGEO", "DEPCOM", "LIBCOM", "EPCI", "UU", "REG", "NOTE"}),
    "FILO": frozenset({"CODGEO", "LIBGEO", "IRIS", "LIBIRIS", "COM", "LIBCOM", "note"}),
}

_FILO_VARIABLES: Final = frozenset(
    ident.split(".", 1)[1] for ident in CATALOGUE if ident.startswith("FILO.")
)

#: Commune / EPCI / DEP / REG / METROPOLE column (year suffix removed) -> IRIS-style name.
_FILO_COMMUNE_NAMES: Final[dict[str, str]] = {
    "Q1": "DISP_Q1",
    "Q2": "DISP_MED",
    "Q3": "DISP_Q3",
    "Q3_Q1": "DISP_Q3_Q1",
    "RD": "DISP_RD",
    "S80S20": "DISP_S80S20",
    "GI": "DISP_GI",
    **{f"D{k}": f"DISP_D{k}" for k in range(1, 10)},
    **{share: f"DISP_{share}" for share in _INCOME_SHARES},
    "NBMEN": "NBMEN",
    "NBPERS": "NBPERS",
    "NBUC": "NBUC",
}

_YEAR_SUFFIX = re.compile(r"^(?P<name>.+?)(?P<year>\d{2})$")


def _strip_year(column: str) -> str:
    match = _YEAR_SUFFIX.match(column)
    return match.group("name") if match else column


def filo_variable(column: str) -> str | None:
    """Map a Filosofi column name (IRIS or commune-level file, with its 2-digit year suffix) to the
    catalogue variable (without family), or None for columns to skip.

    ``DISP_MED14`` -> ``DISP_MED``, ``DISP_S80S2014`` -> ``DISP_S80S20``, ``Q214`` ->
    ``DISP_MED``, ``D114`` -> ``DISP_D1``, ``RD`` -> ``DISP_RD``, ``NBMEN14`` -> ``NBMEN``;
    ``IRIS``, ``LIBCOM``, ``note``, ``DISP_NOTE16``, ``Unnamed: 40`` -> None. The name is
    tried as is first, then without its year suffix. A column that is neither skipped nor
    recognised comes back with its year suffix removed, so that the catalogue lookup of
    ``FILO.<name>`` fails loudly instead of the column vanishing silently.
    """
    name = column.strip()
    if (
        name in NON_INDICATOR_COLUMNS["FILO"]
        or name.lower() == "note"
        or name.startswith("Unnamed")
        or name.upper().startswith("DISP_NOTE")
    ):
        return None
    for candidate in (name, _strip_year(name)):
        if candidate in _FILO_VARIABLES:
            return candidate
        if candidate in _FILO_COMMUNE_NAMES:
            return _FILO_COMMUNE_NAMES[candidate]
    return _strip_year(name)


def indicator_id(family: str, column: str) -> str | None:
    """Catalogue id for a column of a source file of ``family``, or None to skip it.

    Applies the naming rules of all families in one place: DEMO / REVN / IPRO / CAF columns
    keep their name (identifiers, labels, NOTE* quality flags and the CAF ``UU`` code are
    skipped); FILO columns go through :func:`filo_variable`.
    """
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")
    name = column.strip()
    if family == "FILO":
        variable = filo_variable(name)
        return None if variable is None else f"FILO.{variable}"
    if name in NON_INDICATOR_COLUMNS[family] or name.startswith(("NOTE", "Unnamed")):
        return None
    return f"{family}.{name}"


__all__ = [
    "A_VERIFIER",
    "DIAGNOSTIC_FAMILIES",
    "DIAGNOSTIC_THEMES",
    "AGGREGATIONS",
    "CATALOGUE",
    "FAMILIES",
    "IndicatorDef",
    "NON_INDICATOR_COLUMNS",
    "THEMES",
    "UNITS",
    "filo_variable",
    "indicator_id",
]
