"""The words of a proposal: its kinds, the values of its enumerated fields and their French
labels, the fields each kind carries, and the limits the form enforces."""
from __future__ import annotations

from ..search import normalize

EQUIPEMENT = "equipement"
QUARTIER_VECU = "quartier_vecu"
PERIMETRE = "perimetre"

KINDS = {
    EQUIPEMENT: "Projet d'équipement",
    QUARTIER_VECU: "Quartier vécu",
    PERIMETRE: "Demande de modification de périmètre",
}

CATEGORIES = {
    "ecole_periscolaire": "École / périscolaire",
    "sante": "Santé",
    "sport": "Sport",
    "culture": "Culture",
    "social_services_publics": "Social et services publics",
    "commerce": "Commerce",
    "mobilite": "Mobilité",
    "espace_vert_nature": "Espace vert et nature",
    "autre": "Autre",
}

STATUSES = {
    "idee": "Idée",
    "a_l_etude": "À l'étude",
    "programme": "Programmé",
    "finance": "Financé",
}

KNOWLEDGE_SOURCES = {
    "ateliers_habitants": "Ateliers d'habitants",
    "services_municipaux": "Services municipaux",
    "associations": "Associations",
    "autre": "Autre",
}

NATURES = {"ajout": "Ajout", "retrait": "Retrait"}

# Enumerated fields and their values (code -> French label).
CHOICES = {
    "kind": KINDS,
    "category": CATEGORIES,
    "status": STATUSES,
    "knowledge_source": KNOWLEDGE_SOURCES,
    "nature": NATURES,
}

# Values found in files written by other tools, English ones included.
_ALIASES = {
    "kind": {"equipment": EQUIPEMENT, "projet d equipement": EQUIPEMENT, "point": EQUIPEMENT,
             "quartier vecu": QUARTIER_VECU, "lived neighbourhood": QUARTIER_VECU,
             "lived neighborhood": QUARTIER_VECU, "perimeter": PERIMETRE,
             "demande de perimetre": PERIMETRE, "modification de perimetre": PERIMETRE},
    "category": {"ecole": "ecole_periscolaire", "periscolaire": "ecole_periscolaire",
                 "school": "ecole_periscolaire", "education": "ecole_periscolaire",
                 "health": "sante", "social": "social_services_publics",
                 "services publics": "social_services_publics", "shop": "commerce",
                 "shops": "commerce", "transport": "mobilite", "mobility": "mobilite",
                 "espace vert": "espace_vert_nature", "nature": "espace_vert_nature",
                 "green space": "espace_vert_nature", "park": "espace_vert_nature",
                 "other": "autre"},
    "status": {"idea": "idee", "etude": "a_l_etude", "en etude": "a_l_etude",
               "under study": "a_l_etude", "study": "a_l_etude", "planned": "programme",
               "scheduled": "programme", "funded": "finance", "financed": "finance"},
    "knowledge_source": {"ateliers": "ateliers_habitants", "atelier d habitants":
                         "ateliers_habitants", "residents workshops": "ateliers_habitants",
                         "residents": "ateliers_habitants", "municipal services":
                         "services_municipaux", "mairie": "services_municipaux",
                         "association": "associations", "other": "autre"},
    "nature": {"add": "ajout", "addition": "ajout", "extension": "ajout",
               "remove": "retrait", "removal": "retrait", "reduction": "retrait"},
}

# The form's fields for each kind, in display order; required ones are marked.
KIND_FIELDS = {
    EQUIPEMENT: ("title", "category", "description", "status", "horizon_year", "qpv_code",
                 "author", "contact"),
    QUARTIER_VECU: ("qpv_code", "title", "description", "knowledge_source", "author",
                    "contact"),
    PERIMETRE: ("qpv_code", "nature", "justification", "title", "description", "author",
                "contact"),
}
REQUIRED_FIELDS = {
    EQUIPEMENT: ("title", "category", "status"),
    QUARTIER_VECU: ("qpv_code", "title"),
    PERIMETRE: ("qpv_code", "nature", "justification"),
}

FIELD_LABELS = {
    "title": "Titre",
    "description": "Description",
    "category": "Catégorie",
    "status": "Statut",
    "horizon_year": "Année d'horizon",
    "qpv_code": "Quartier prioritaire (QPV)",
    "knowledge_source": "Source de la connaissance",
    "nature": "Nature de la demande",
    "justification": "Justification",
    "author": "Auteur",
    "contact": "Contact",
    "geometry": "Géométrie",
}

MAX_LENGTHS = {"title": 120, "description": 2000, "justification": 2000, "author": 120,
               "contact": 200}
HORIZON_YEARS = (2024, 2040)


ECHO_LIMIT = 60


def shortened(value: object, limit: int = ECHO_LIMIT) -> str:
    """A user's text fit to repeat in a message: on one line, control characters shown as
    « � », cut to ``limit`` characters (a refusal must not echo a 1 MB title back)."""
    text = " ".join(str(value).split())
    text = "".join(character if character.isprintable() else "\ufffd" for character in text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def echo(value: object, limit: int = ECHO_LIMIT) -> str:
    """shortened(), between French quotation marks."""
    return f"« {shortened(value, limit)} »"


def choice_code(field: str, value: object) -> str | None:
    """The code of an enumerated value given as its code, its French label or a known alias,
    whatever the case and accents; None when it is not one of them."""
    if value is None:
        return None
    key = normalize(str(value))
    for code, label in CHOICES[field].items():
        if key in (normalize(code), normalize(label)):
            return code
    return _ALIASES.get(field, {}).get(key)


def choice_label(field: str, code: str | None) -> str:
    """The French label of a stored code ('' for none, the code itself if unknown)."""
    if not code:
        return ""
    return CHOICES[field].get(code, code)
