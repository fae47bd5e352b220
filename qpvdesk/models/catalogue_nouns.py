"""The noun of each catalogue indicator as a French sentence uses it: its words and its gender,
so that generated sentences agree (« un taux … inférieur à celui de la CALL », « une part …
supérieure à celle de la CALL »).

A noun is the indicator's label in lower case unless :data:`NOUNS` gives a shorter or more
natural wording; its gender is that of the label's head word (:data:`HEAD_GENDERS`). A label
whose head word is not listed raises, so that no sentence is ever written with a guessed
gender; a test resolves every rate, median and index of the catalogue.

Standard library only, no Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .catalogue_data import CATALOGUE
from .catalogue_diagnostic import SSMSI_CLASSES, ssmsi_id

MASCULINE, FEMININE = "m", "f"

#: Gender of the first word of a label (lower case).
HEAD_GENDERS: Final = {
    "taux": MASCULINE, "revenu": MASCULINE, "indice": MASCULINE, "rapport": MASCULINE,
    "écart": MASCULINE, "niveau": MASCULINE, "nombre": MASCULINE, "1er": MASCULINE,
    "2e": MASCULINE, "3e": MASCULINE, "4e": MASCULINE, "6e": MASCULINE, "7e": MASCULINE,
    "8e": MASCULINE, "9e": MASCULINE, "part": FEMININE, "population": FEMININE,
    "évolution": FEMININE, "médiane": FEMININE,
}

#: Wordings shorter or more natural than the label, with their gender.
NOUNS: Final = {
    "IPRO.TX_TOT_EMPL": ("taux d'emploi", MASCULINE),
    "CC.TX_EMPL_1564": ("taux d'emploi", MASCULINE),
    "IPRO.TX_F_EMPL": ("taux d'emploi des femmes", MASCULINE),
    "REVN.DISP_Q2": ("revenu disponible médian", MASCULINE),
    "FILOQP.DISP_MED": ("revenu disponible médian", MASCULINE),
    "FILO.DISP_MED": ("revenu disponible médian", MASCULINE),
    "REVN.DECUC_Q2": ("revenu déclaré médian", MASCULINE),
    "REVN.TP60": ("taux de pauvreté", MASCULINE),
    "FILOQP.DISP_TP60": ("taux de pauvreté", MASCULINE),
    "REVN.BREV": ("taux de bas revenus déclarés", MASCULINE),
    "OT.PART_NON_INSERES": ("part des jeunes non insérés (NEET)", FEMININE),
    "BPE.TX_TOTAL": ("nombre d'équipements pour 1 000 habitants", MASCULINE),
    "DEMO.POP_MUN": ("population", FEMININE),
    **{ssmsi_id(offence, rate=True): (f"taux de « {offence.lower()} » pour 1 000 {per}",
                                      MASCULINE)
       for offence, (_, per) in SSMSI_CLASSES.items()},
}


@dataclass(frozen=True)
class Noun:
    text: str            # "taux d'emploi"
    gender: str          # "m" | "f"

    @property
    def feminine(self) -> bool:
        return self.gender == FEMININE


def noun_from_label(label: str) -> Noun:
    """'Part des 0-24 ans' -> Noun('part des 0-24 ans', 'f'); LookupError for a head word
    whose gender is not listed."""
    head = label.split()[0].lower()
    if head not in HEAD_GENDERS:
        raise LookupError(f"genre inconnu pour « {label} » (mot « {head} ») : ajoutez-le à "
                          "HEAD_GENDERS ou à NOUNS")
    return Noun(label[0].lower() + label[1:], HEAD_GENDERS[head])


def indicator_noun(indicator_id: str, label: str | None = None) -> Noun:
    """The noun of a catalogue indicator (or of a derived indicator given its label). A count
    whose label is a plural (« Allocataires CAF ») is « nombre d'allocataires CAF »."""
    if indicator_id in NOUNS:
        return Noun(*NOUNS[indicator_id])
    entry = CATALOGUE.get(indicator_id)
    label = label or entry.label
    head = label.split()[0].lower()
    if head not in HEAD_GENDERS and entry is not None and entry.aggregation == "count":
        lowered = label[0].lower() + label[1:]
        linked = f"d'{lowered}" if lowered[0] in "aeiouyéèêh" else f"de {lowered}"
        return Noun(f"nombre {linked}", MASCULINE)
    return noun_from_label(label)
