"""The words of a residents' workshop (atelier d'habitants): what a participant may place on
the map and the coarse, optional facts the facilitator may ask. Codes are stored; the French
labels are what people read (plain French, no GIS words)."""
from __future__ import annotations

# What a participant contributes
DRAWING = "quartier"          # « mon quartier »: a polygon
PLACE = "lieu"                # a pin

# Kinds of pins
FREQUENT = "frequent"
MISSING = "manque"
UNEASY = "mal_a_l_aise"
PLACE_KINDS = {
    FREQUENT: "J'y vais souvent",
    MISSING: "Il manque ici…",
    UNEASY: "Je ne m'y sens pas bien",
}
# Pins of these kinds say what the place is (or what is missing there).
KINDS_WITH_CATEGORY = (FREQUENT, MISSING)

PLACE_CATEGORIES = {
    "ecole": "École",
    "commerce": "Commerce",
    "sante": "Santé",
    "sport": "Sport",
    "transport": "Transport",
    "parc": "Parc",
    "service_public": "Service public",
    "autre": "Autre",
}

# Coarse attributes, asked only when the facilitator enabled them; never a name.
AGE_BANDS = {
    "moins_18": "Moins de 18 ans",
    "18_29": "18 à 29 ans",
    "30_44": "30 à 44 ans",
    "45_59": "45 à 59 ans",
    "60_74": "60 à 74 ans",
    "75_plus": "75 ans et plus",
}

# Agreement thresholds of the synthesis: shares of the participants who drew
DEFAULT_THRESHOLDS = (0.25, 0.5, 0.75)


def participant_label(number: int) -> str:
    """« Participant 3 »: the only name a participant ever has."""
    return f"Participant {number}"


def place_label(kind: str, category: str | None) -> str:
    """« J'y vais souvent — École », « Je ne m'y sens pas bien »."""
    text = PLACE_KINDS.get(kind, kind)
    if category:
        return f"{text.rstrip('…')} — {PLACE_CATEGORIES.get(category, category)}"
    return text
