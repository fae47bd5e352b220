"""Catalogue entries of the diagnostic sources (issue 12), registered by catalogue_data.py.

Families:

* ``CC`` — INSEE comparateur de territoires (communes; CALL, département, région and France
  computed by the build as sums of commune counts). Edition 2022 = RP 2018 and Filosofi 2019;
  edition 2025 = RP 2022 (hand-transcribed rows, used only for checked variables).
* ``FILOTP`` — Filosofi 2015 and 2016 communes and EPCI, poverty rate.
* ``FILOQP`` — Filosofi by QPV (2015 geography), income years 2016-2019 (edition = income year).
* ``OT`` — Observatoire des territoires (ANCT): NEET share, one-person households, poverty rate.
* ``BPE`` — INSEE Base permanente des équipements, counts by domain.
* ``PV`` — adultes-relais and FONJEP posts of the CALL's contrat de ville (ANCT).
* ``SSMSI`` — recorded offences, département 62 and région 32 only.

Definitions of CC variables quote INSEE's dictionary (meta_base_cc_comparateur_2022.csv) word
for word; a test re-reads the dictionary to hold them to it. Standard library only.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

_DEMOGRAPHIE, _REVENUS, _EMPLOI = "Démographie", "Revenus et pauvreté", \
    "Emploi et demandeurs d'emploi"
_JEUNESSE, _EQUIPEMENTS, _MOYENS, _TRANQUILLITE = (
    "Jeunesse, NEET et éducation", "Équipements", "Moyens de la politique de la ville",
    "Tranquillité publique")

CC_DICTIONARY: Final = ("INSEE, dictionnaire des variables du comparateur de territoires "
                        "(meta_base_cc_comparateur_2022.csv)")
_CC_NOTE = (" Variable de l'édition 2022 (recensement 2018, Filosofi 2019) ; l'édition 2025 "
            "porte la même variable pour 2022 (recensement) ou 2021 (Filosofi).")

#: CC id -> (INSEE variable of the 2022 edition, label, unit, theme, aggregation,
#: unfavourable, INSEE's long label, as in the dictionary).
CC_VARIABLES: Final = {
    "CC.P_POP": ("P18_POP", "Population (recensement)", "habitants", _DEMOGRAPHIE, "count",
                 None, "Population en 2018"),
    "CC.P_POP1564": ("P18_POP1564", "Population de 15 à 64 ans", "personnes", _EMPLOI, "count",
                     None, "Nombre de personnes de 15 à 64 ans en 2018"),
    "CC.P_ACT1564": ("P18_ACT1564", "Actifs de 15 à 64 ans", "personnes", _EMPLOI, "count",
                     None, "Nombre de personnes actives de 15 à 64 ans en 2018"),
    "CC.P_CHOM1564": ("P18_CHOM1564", "Chômeurs de 15 à 64 ans", "personnes", _EMPLOI, "count",
                      None, "Nombre de chômeurs de 15 à 64 ans en 2018"),
    "CC.NBMENFISC": ("NBMENFISC19", "Ménages fiscaux", "ménages", _REVENUS, "count", None,
                     "Nombre de ménages fiscaux en 2019"),
    "CC.MED": ("MED19", "Niveau de vie médian", "€ par UC", _REVENUS, "median", "low",
               "Médiane du niveau de vie en 2019"),
    "CC.TP60": ("TP6019", "Taux de pauvreté (Filosofi)", "%", _REVENUS, "rate", "high",
                "Taux de pauvreté en 2019"),
    "CC.PIMP": ("PIMP19", "Part des ménages fiscaux imposés", "%", _REVENUS, "rate", "low",
                "Part des ménages fiscaux imposés en 2019"),
}

#: Rates the build computes from CC counts: id -> (numerator terms, denominator, label, unfav).
#: Numerator terms are (sign, CC id); rate = 100 × Σ numerator / Σ denominator.
CC_RATES: Final = {
    "CC.TX_EMPL_1564": ((("+", "CC.P_ACT1564"), ("-", "CC.P_CHOM1564")), "CC.P_POP1564",
                        "Taux d'emploi des 15-64 ans (recensement)", "low"),
    "CC.TX_CHOM_1564": ((("+", "CC.P_CHOM1564"),), "CC.P_ACT1564",
                        "Taux de chômage des 15-64 ans (recensement)", "high"),
    "CC.TX_ACT_1564": ((("+", "CC.P_ACT1564"),), "CC.P_POP1564",
                       "Taux d'activité des 15-64 ans (recensement)", "low"),
}

#: Filosofi-by-QPV column stem (2016-2017 lower-case names, 2018-2019 upper-case) -> the FILO
#: catalogue entry whose label and definition apply (same quantity, same producer).
FILOQP_COLUMNS: Final = {
    "q1": "DISP_Q1", "q2": "DISP_MED", "med": "DISP_MED", "q3": "DISP_Q3",
    "q1q3q2": "DISP_EQ", "eq": "DISP_EQ",
    **{f"d{k}": f"DISP_D{k}" for k in range(1, 10) if k != 5},
    "d1d9": "DISP_RD", "rd": "DISP_RD", "gini": "DISP_GI", "s80s20": "DISP_S80S20",
    "pact": "DISP_PACT", "pcho": "DISP_PCHO", "ppen": "DISP_PPEN", "ppat": "DISP_PPAT",
    "ppsoc": "DISP_PPSOC", "ppfam": "DISP_PPFAM", "ppmini": "DISP_PPMINI",
    "pplogt": "DISP_PPLOGT", "pimpot": "DISP_PIMPOT", "tp60": "DISP_TP60",
}

#: BPE domains: first letter of TYPEQU -> INSEE's domain name (BPE nomenclature).
BPE_DOMAINS: Final = {
    "A": "Services aux particuliers",
    "B": "Commerces",
    "C": "Enseignement",
    "D": "Santé et action sociale",
    "E": "Transports et déplacements",
    "F": "Sports, loisirs et culture",
    "G": "Tourisme",
}

#: SSMSI offence class (as in the files) -> (id suffix, per 1 000 of what).
SSMSI_CLASSES: Final = {
    "Homicides": ("HOMICIDES", "habitants"),
    "Coups et blessures volontaires": ("CBV", "habitants"),
    "Coups et blessures volontaires intrafamiliaux": ("CBV_INTRAFAMILIAUX", "habitants"),
    "Autres coups et blessures volontaires": ("CBV_AUTRES", "habitants"),
    "Violences sexuelles": ("VIOLENCES_SEXUELLES", "habitants"),
    "Vols avec armes": ("VOLS_ARMES", "habitants"),
    "Vols violents sans arme": ("VOLS_VIOLENTS_SANS_ARME", "habitants"),
    "Vols sans violence contre des personnes": ("VOLS_SANS_VIOLENCE", "habitants"),
    "Cambriolages de logement": ("CAMBRIOLAGES", "logements"),
    "Vols de véhicules": ("VOLS_VEHICULES", "habitants"),
    "Vols dans les véhicules": ("VOLS_DANS_VEHICULES", "habitants"),
    "Vols d'accessoires sur véhicules": ("VOLS_ACCESSOIRES", "habitants"),
    "Destructions et dégradations volontaires": ("DEGRADATIONS", "habitants"),
    "Escroqueries": ("ESCROQUERIES", "habitants"),
    "Trafic de stupéfiants": ("TRAFIC_STUPEFIANTS", "habitants"),
    "Usage de stupéfiants": ("USAGE_STUPEFIANTS", "habitants"),
}

_OT = "Source : ANCT – Observatoire des territoires, d'après INSEE."
_BPE = "Source : INSEE, Base permanente des équipements (comptages par IRIS et type)."
_SSMSI = ("Source : SSMSI (ministère de l'Intérieur), délinquance enregistrée par la police et "
          "la gendarmerie ; publié pour le département et la région seulement.")
_PV = ("Source : ANCT (crédits politique de la ville, plateforme Dauphin), tels que publiés "
       "dans l'application Ci.Ville ; postes financés au titre du contrat de ville de la CALL.")

Add = Callable[..., None]


def register_diagnostic_indicators(add: Add, catalogue) -> None:
    """Register the diagnostic entries through ``add``; ``catalogue`` holds the historical
    entries, registered by now (Filosofi by QPV reuses their labels and definitions)."""
    _register_cc(add)
    _register_filo(add, catalogue)
    _register_ot(add)
    _register_bpe(add)
    _register_pv(add)
    _register_ssmsi(add)


def _register_cc(add: Add) -> None:
    for ident, (variable, label, unit, theme, aggregation, unfavourable, long_label) \
            in CC_VARIABLES.items():
        add("CC", ident.split(".", 1)[1], label, unit, theme,
            f"« {long_label} » ({variable}, dictionnaire INSEE)." + _CC_NOTE,
            aggregation=aggregation, unfavourable=unfavourable,
            definition_source=CC_DICTIONARY)
    for ident, (numerator, denominator, label, unfavourable) in CC_RATES.items():
        terms = " ".join(f"{sign} {CC_VARIABLES[i][0]}" for sign, i in numerator).lstrip("+ ")
        add("CC", ident.split(".", 1)[1], label, "%", _EMPLOI,
            f"Calculé par qpvdesk à partir des effectifs du comparateur : 100 × ({terms}) / "
            f"{CC_VARIABLES[denominator][0]}, soit des sommes d'effectifs, jamais une moyenne "
            f"de taux. Variables INSEE : " + " ; ".join(
                f"{CC_VARIABLES[i][0]} « {CC_VARIABLES[i][6]} »"
                for i in dict.fromkeys([i for _, i in numerator] + [denominator])) + "."
            + _CC_NOTE,
            aggregation="rate", unfavourable=unfavourable, definition_source=CC_DICTIONARY)


def _register_filo(add: Add, catalogue) -> None:
    tp60 = catalogue["FILO.DISP_TP60"]
    add("FILOTP", "TP60", "Taux de pauvreté (Filosofi, communes et EPCI)", "%", _REVENUS,
        tp60.definition + " Fichiers Filosofi 2015 et 2016 des communes et des EPCI.",
        aggregation="rate", unfavourable="high",
        definition_source="INSEE, Filosofi (définition du taux de pauvreté à 60 %)")
    for variable in sorted(set(FILOQP_COLUMNS.values())):
        entry = catalogue[f"FILO.{variable}"]
        add("FILOQP", variable, entry.label, entry.unit, entry.theme,
            entry.definition + " Filosofi par quartier prioritaire (géographie 2015) ; "
            "l'édition est l'année des revenus.",
            aggregation=entry.aggregation, unfavourable=entry.unfavourable,
            definition_source=entry.definition_source)


def _register_ot(add: Add) -> None:
    add("OT", "PART_NON_INSERES", "Part des jeunes non insérés (NEET, 15-24 ans)", "%",
        _JEUNESSE,
        "Part des jeunes de 15 à 24 ans qui ne sont ni en emploi ni scolarisés (indicateur "
        "« part_non_inseres » de l'Observatoire des territoires, calculé à partir du "
        "recensement). " + _OT,
        aggregation="rate", unfavourable="high",
        definition_source="ANCT – Observatoire des territoires, fiche de l'indicateur "
                          "part_non_inseres")
    add("OT", "PART_MENPSEUL", "Part des ménages d'une seule personne", "%", _DEMOGRAPHIE,
        "Part des ménages composés d'une seule personne (indicateur "
        "« insee_rp_hist_xxxx.part_menpseul », recensement). " + _OT,
        aggregation="rate",
        definition_source="ANCT – Observatoire des territoires, export EPCI")
    add("OT", "TX_PAUV_60", "Taux de pauvreté au seuil de 60 % (Observatoire)", "%",
        _REVENUS,
        "Taux de pauvreté au seuil de 60 % du revenu médian (indicateur "
        "« filosofi.tx_pauv_60 », Filosofi). " + _OT,
        aggregation="rate", unfavourable="high",
        definition_source="ANCT – Observatoire des territoires, export EPCI")


def _register_bpe(add: Add) -> None:
    add("BPE", "NB_TOTAL", "Équipements (tous domaines)", "équipements", _EQUIPEMENTS,
        "Nombre d'équipements et de services recensés par la BPE, tous domaines. " + _BPE,
        aggregation="count", definition_source="INSEE, Base permanente des équipements")
    add("BPE", "TX_TOTAL", "Équipements pour 1 000 habitants (tous domaines)",
        "équipements pour 1 000 habitants", _EQUIPEMENTS,
        "Nombre d'équipements BPE pour 1 000 habitants, la population étant celle du "
        "recensement 2018 (comparateur INSEE, P18_POP) : calculé par qpvdesk. " + _BPE,
        aggregation="rate", unfavourable="low",
        definition_source="INSEE, Base permanente des équipements")
    for domain, name in BPE_DOMAINS.items():
        add("BPE", f"NB_{domain}", f"Équipements — {name.lower()}", "équipements",
            _EQUIPEMENTS,
            f"Nombre d'équipements du domaine {domain} « {name} » de la BPE (types "
            f"{domain}xxx). " + _BPE,
            aggregation="count", definition_source="INSEE, Base permanente des équipements")


def _register_pv(add: Add) -> None:
    for code, label, what in (
            ("ADULTES_RELAIS", "Postes d'adultes-relais", "postes d'adultes-relais (médiation "
             "sociale et culturelle) financés par l'État"),
            ("FONJEP", "Postes FONJEP", "postes FONJEP (Fonds de coopération de la jeunesse et "
             "de l'éducation populaire) financés au titre de la politique de la ville")):
        add("PV", code, label, "postes", _MOYENS, f"Nombre de {what}. " + _PV,
            aggregation="count", definition_source="ANCT, Ci.Ville")
        add("PV", f"{code}_MONTANT", f"{label} — montants", "€", _MOYENS,
            f"Somme des montants versés pour les {what.split(' (')[0]}, en euros, tels que "
            "publiés (les montants 2025 paraissent partiels). " + _PV,
            aggregation="count", definition_source="ANCT, Ci.Ville")


def _register_ssmsi(add: Add) -> None:
    for offence, (suffix, per) in SSMSI_CLASSES.items():
        add("SSMSI", suffix, f"{offence} — faits enregistrés", "faits", _TRANQUILLITE,
            f"Nombre de faits enregistrés de la classe « {offence} » (unité de compte de la "
            "source). " + _SSMSI,
            aggregation="count", definition_source="SSMSI, bases départementale et régionale")
        add("SSMSI", f"{suffix}_TAUX", f"{offence} — pour 1 000 {per}", "‰", _TRANQUILLITE,
            f"Faits enregistrés de la classe « {offence} » pour 1 000 {per}, tel que publié "
            "par le SSMSI. " + _SSMSI,
            aggregation="rate", unfavourable="high",
            definition_source="SSMSI, bases départementale et régionale")


def ssmsi_id(offence: str, rate: bool) -> str:
    suffix = SSMSI_CLASSES[offence][0]
    return f"SSMSI.{suffix}_TAUX" if rate else f"SSMSI.{suffix}"


def filoqp_variable(column: str) -> str | None:
    """'disp_q2_a16' / 'DISP_MED_A18' / 'tp60_a16' -> 'DISP_MED' / 'DISP_TP60'; None for the
    code and quality-note columns."""
    match = re.fullmatch(r"(?:disp_)?(?P<stem>[a-z0-9]+)_a\d{2}", column.strip().lower())
    if match is None:
        return None
    stem = match.group("stem")
    if stem == "note":
        return None
    if stem not in FILOQP_COLUMNS:
        return f"?{stem}"  # unknown: the builder refuses it, naming the column
    return FILOQP_COLUMNS[stem]
