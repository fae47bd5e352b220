"""Which column of an imported file fills which field of the form, French or English."""
from __future__ import annotations

import math
import uuid as uuid_module
from collections.abc import Iterable, Mapping

from ..search import normalize

# For each field, the column names that fill it, best first (compared without accents, case,
# spaces or punctuation). KML's « Name » comes after an explicit title column.
COLUMN_NAMES = {
    "kind": ("typeproposition", "proposaltype", "type", "kind"),
    "uuid": ("uuid", "identifiant"),
    "title": ("titre", "title", "intitule", "libelle", "nom", "name"),
    "description": ("description", "descr", "desc", "commentaire", "comment"),
    "category": ("categorie", "category", "cat"),
    "status": ("statut", "status", "etat", "avancement"),
    "horizon_year": ("anneehorizon", "horizonyear", "annee", "horizon", "year", "echeance"),
    "qpv_code": ("qpv", "codeqpv", "qpvcode", "qpv2024", "quartier"),
    "knowledge_source": ("sourceconnaissance", "knowledgesource", "connaissance", "source",
                         "origine"),
    "nature": ("nature", "naturedemande"),
    "justification": ("justification", "motif", "reason"),
    "author": ("auteur", "author", "auteure", "redacteur"),
    "contact": ("contact", "email", "courriel", "mail"),
}
_SHORTEST_PREFIX = 6


def _key(name: str) -> str:
    return normalize(name).replace(" ", "")


def _matches(key: str, name: str) -> bool:
    """Equal, or a prefix of at least 6 characters: Shapefile cuts names to 10 characters
    (« justificat », « source_con »)."""
    return key == name or (len(key) >= _SHORTEST_PREFIX and name.startswith(key))


def column_plan(columns: Iterable[str]) -> dict[str, list[str]]:
    """For each field, the file's columns that may fill it, in order of preference."""
    keyed = [(_key(column), column) for column in columns]
    return {field: [column for name in names for key, column in keyed if _matches(key, name)]
            for field, names in COLUMN_NAMES.items()}


def _cell(value: object) -> object:
    """None for empty cells (None, NaN, pandas NA, blank text); numpy scalars as Python."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def read_fields(row: Mapping[str, object], plan: Mapping[str, list[str]]) -> dict[str, object]:
    """Field values of one feature: for each field, the first non-empty planned column."""
    values: dict[str, object] = {}
    for field, columns in plan.items():
        for column in columns:
            value = _cell(row.get(column))
            if value is not None:
                values[field] = value
                break
    return values


def valid_uuid(value: object) -> str | None:
    try:
        return str(uuid_module.UUID(str(value)))
    except (ValueError, TypeError):
        return None
