"""Which agglomeration the reference database is built for: the one place that says it, so
that its source can change (a database built for any EPCI records it in its metadata).
Qt-free."""
from __future__ import annotations

from dataclasses import dataclass

from .info import valid_siren

# The CA de Lens-Liévin, for databases built before the metadata named the EPCI.
CALL_SIREN = "246200364"
CALL_NAME = "CA de Lens-Liévin"


@dataclass(frozen=True)
class Agglomeration:
    siren: str
    name: str


def agglomeration_of(reference) -> Agglomeration:
    """The agglomeration of ``reference`` (a ReferenceStore): metadata ``epci_siren`` when
    the database has it, else the CALL; its name from the ``epci`` table."""
    siren = reference.metadata().get("epci_siren", "")
    if not valid_siren(siren):
        siren = CALL_SIREN
    row = reference.conn.execute("SELECT name FROM epci WHERE siren = ?", (siren,)).fetchone()
    return Agglomeration(siren, str(row[0]) if row else CALL_NAME)
