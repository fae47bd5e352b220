"""Declared comparators: for a QPV indicator, which indicator carries its counterpart at the
commune, CALL (epci), département, région and France levels, from which source, and whether
the definitions are the same, close (how) or different (why).

The build writes these declarations into ``indicator_comparator`` with the editions that
actually have values; QPV indicators with no declaration get a row in
``indicator_without_comparator`` saying so. "Ensemble des QPV" rows are added by the build for
every QPV indicator whose source publishes that row. A 'different' comparator is declared so
that a reader can say why two figures must not be set side by side.

Standard library only, no Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .catalogue_data import CATALOGUE

ALL_LEVELS: Final = ("commune", "epci", "departement", "region", "france")
COMPARABILITY: Final = ("same", "close", "different")
QPV_FAMILIES: Final = ("DEMO", "REVN", "IPRO", "FILOQP")


@dataclass(frozen=True)
class ComparatorDeclaration:
    indicator_id: str           # the QPV indicator
    levels: tuple[str, ...]     # levels at which comparator_id carries the counterpart
    comparator_id: str
    source: str                 # French
    comparability: str          # same | close | different
    note: str                   # French: how close, or why different


_CC_SOURCE = ("INSEE, comparateur de territoires (édition 2022 : recensement 2018, Filosofi "
              "2019 ; édition 2025 : recensement 2022) ; CALL, département, région et France "
              "calculés à partir des communes")
_FILO_SOURCE = "INSEE, Filosofi (revenus disponibles), fichiers communes à France"
_FILOTP_SOURCE = "INSEE, Filosofi 2015 et 2016, communes et EPCI"
_OT_SOURCE = "ANCT – Observatoire des territoires, d'après INSEE"
_FILOQP_SOURCE = "INSEE, Filosofi par quartier prioritaire, revenus 2016 à 2019"
_CAF_SOURCE = "CNAF via INSEE, fichiers CAF par IRIS (somme des IRIS)"

_YEARS = ("Les années diffèrent : chaque valeur porte la sienne (édition de la base QPV, année "
          "du recensement ou des revenus de la comparaison).")
_POP_NOTE = ("Même concept, la population municipale du recensement ; millésimes différents : "
             "le QPV suit l'édition de la base DEMO (l'édition 2022 reprend le recensement "
             "2018), les communes le recensement 2018 (comparateur 2022) ou 2022 (comparateur "
             "2025). CALL, département, région et France : sommes des populations communales.")
_EMPL_NOTE = ("Même définition au sens du recensement (part des 15-64 ans qui ont un emploi), "
              "mais sources différentes : le taux du QPV est publié par INSEE dans la base IPRO ; "
              "celui des communes et des niveaux supérieurs est calculé par qpvdesk à partir des "
              "effectifs du comparateur, Σ(actifs − chômeurs de 15-64 ans) / Σ population de "
              "15-64 ans, jamais une moyenne de taux. " + _YEARS)
_TP60_NOTE = ("Même définition : part des personnes dont le niveau de vie (revenu disponible par "
              "unité de consommation, Filosofi) est sous 60 % du niveau de vie médian de France "
              "métropolitaine. L'édition REVN N porte sur des revenus antérieurs (revenus 2017 "
              "pour l'édition 2021, 2018 pour 2022, établis par qpvdesk) : comparer à la même "
              "année de revenus.")
_BREV_NOTE = ("Définitions différentes, à ne pas mettre côte à côte : le taux de bas revenus "
              "déclarés du QPV porte sur le revenu déclaré au fisc, avant prestations sociales "
              "et impôts ; le taux de pauvreté Filosofi porte sur le revenu disponible, après "
              "redistribution. Le premier est nettement plus élevé que le second.")
_DISP_NOTE = ("Même définition (Filosofi, revenu disponible par unité de consommation) ; "
              "l'édition REVN N porte sur des revenus antérieurs, chaque valeur porte son année.")
_DECL_NOTE = ("Définitions différentes : revenu déclaré par unité de consommation (avant "
              "prestations et impôts) pour le QPV, revenu disponible (après redistribution) pour "
              "la comparaison.")
_FILOQP_NOTE = ("Même définition et même producteur (Filosofi, revenu disponible par unité de "
                "consommation) ; les deux portent l'année des revenus.")
_MEN1_NOTE = ("Même concept (ménages d'une seule personne parmi les ménages, recensement) ; "
              "la valeur CALL est celle du recensement 2022 (Observatoire des territoires), le "
              "QPV suit le recensement de son édition DEMO.")
_CAF_NOTE = ("Même variable CNAF, mais tirée des fichiers CAF par IRIS : la valeur de la commune "
             "ou de la CALL est la somme de ses IRIS, calculée seulement quand chaque IRIS a une "
             "valeur ; les années des fichiers IRIS et des éditions QPV ne coïncident pas.")


def _declarations() -> list[ComparatorDeclaration]:
    d = ComparatorDeclaration
    items = [
        d("DEMO.POP_MUN", ALL_LEVELS, "CC.P_POP", _CC_SOURCE, "close", _POP_NOTE),
        d("IPRO.TX_TOT_EMPL", ALL_LEVELS, "CC.TX_EMPL_1564", _CC_SOURCE, "close", _EMPL_NOTE),
        d("DEMO.TX_TOT_MEN1", ("epci",), "OT.PART_MENPSEUL", _OT_SOURCE, "close", _MEN1_NOTE),
        d("REVN.DECUC_Q2", ALL_LEVELS, "FILO.DISP_MED", _FILO_SOURCE, "different", _DECL_NOTE),
    ]
    for indicator in ("REVN.TP60", "FILOQP.DISP_TP60"):
        items += [
            d(indicator, ("commune",), "CC.TP60", _CC_SOURCE, "same", _TP60_NOTE),
            d(indicator, ("commune", "epci"), "FILOTP.TP60", _FILOTP_SOURCE, "same", _TP60_NOTE),
            d(indicator, ("epci",), "OT.TX_PAUV_60", _OT_SOURCE, "same", _TP60_NOTE),
        ]
    items.append(d("REVN.TP60", ("ensemble_qpv",), "FILOQP.DISP_TP60", _FILOQP_SOURCE, "same",
                   _FILOQP_NOTE))
    for comparator, source in (("CC.TP60", _CC_SOURCE), ("FILOTP.TP60", _FILOTP_SOURCE),
                               ("OT.TX_PAUV_60", _OT_SOURCE)):
        levels = {"CC.TP60": ("commune",), "FILOTP.TP60": ("commune", "epci"),
                  "OT.TX_PAUV_60": ("epci",)}[comparator]
        items.append(d("REVN.BREV", levels, comparator, source, "different", _BREV_NOTE))
    # Income distribution: the QPV bases' compare_id already names the Filosofi entry.
    for indicator_id, entry in sorted(CATALOGUE.items()):
        if entry.family == "REVN" and entry.compare_id and entry.compare_id.startswith("FILO."):
            items.append(d(indicator_id, ALL_LEVELS, entry.compare_id, _FILO_SOURCE, "same",
                           _DISP_NOTE))
        elif entry.family in ("DEMO", "REVN") and (entry.compare_id or "").startswith("CAF."):
            items.append(d(indicator_id, ("commune", "epci"), entry.compare_id, _CAF_SOURCE,
                           "close", _CAF_NOTE))
        elif entry.family == "FILOQP" and f"FILO.{entry.variable}" in CATALOGUE \
                and entry.variable not in ("DISP_TP60", "DISP_EQ"):
            items.append(d(indicator_id, ALL_LEVELS, f"FILO.{entry.variable}", _FILO_SOURCE,
                           "same", _FILOQP_NOTE))
    items.append(d("REVN.DISP_Q2", ("ensemble_qpv",), "FILOQP.DISP_MED", _FILOQP_SOURCE,
                   "same", _FILOQP_NOTE))
    return items


DECLARATIONS: Final = tuple(_declarations())

WITHOUT_COMPARATOR_NOTE: Final = (
    "Aucune source embarquée ne publie cet indicateur pour les communes, la CALL, le "
    "département, la région ou la France : le QPV se compare aux autres QPV (minimum, "
    "maximum, rang) et, quand INSEE la publie, à l'ensemble des QPV de France.")


def qpv_indicator_ids() -> list[str]:
    """Every catalogue indicator published at the QPV level (2015 geography)."""
    return sorted(i for i, entry in CATALOGUE.items() if entry.family in QPV_FAMILIES)


def check_declarations() -> None:
    """Refuse a declaration naming an unknown indicator, level or comparability."""
    for item in DECLARATIONS:
        for ident in (item.indicator_id, item.comparator_id):
            if ident not in CATALOGUE:
                raise ValueError(f"comparator declaration: unknown indicator {ident}")
        if item.comparability not in COMPARABILITY:
            raise ValueError(f"{item.indicator_id}: comparability {item.comparability!r}")
        if not set(item.levels) <= set(ALL_LEVELS) | {"ensemble_qpv"}:
            raise ValueError(f"{item.indicator_id}: levels {item.levels!r}")
