"""How the package messages name a commune: « Lens (62498) », the name from the reference
database and the INSEE code, or « la commune 62498 » when the name is not known. Qt-free."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

CommuneNames = Mapping[str, str]   # INSEE code -> name


_NAMES_QUERY = "SELECT insee, name FROM commune UNION ALL SELECT siren, name FROM epci"


def commune_names(reference) -> dict[str, str]:
    """The names of the reference database's communes by INSEE code, and of its
    agglomeration by SIREN."""
    return {str(code): str(name) for code, name in reference.conn.execute(_NAMES_QUERY)}


def territory_names(territory) -> dict[str, str]:
    """The names of a proposals.Territory's communes, by INSEE code."""
    return dict(zip(territory.communes.codes, territory.communes.names))


def commune_names_in_file(path: str | Path) -> dict[str, str]:
    """The same names read from the reference database file without SpatiaLite; {} when the
    file is missing or unreadable (messages then give codes only: a verification never
    depends on the reference database)."""
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        return {str(code): str(name) for code, name in connection.execute(_NAMES_QUERY)}
    except sqlite3.Error:
        return {}
    finally:
        connection.close()


def commune_label(insee: str, names: CommuneNames | None = None) -> str:
    """« Lens (62498) », or « la commune 62498 » for a code the names do not know; an
    agglomeration's SIREN (9 digits) reads « CA de Lens-Liévin (246200364) », or
    « l'agglomération 246200364 »."""
    name = (names or {}).get(insee)
    if name:
        return f"{name} ({insee})"
    return f"l'agglomération {insee}" if len(insee or "") == 9 else f"la commune {insee}"


def communes_label(codes: Iterable[str], names: CommuneNames | None = None) -> str:
    """« Lens (62498) et Liévin (62510) », « A, B et C »."""
    labels = [commune_label(code, names) for code in sorted(codes)]
    return " et ".join([", ".join(labels[:-1]), labels[-1]]) if len(labels) > 1 \
        else "".join(labels)
