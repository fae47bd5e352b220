"""The words of the agglomeration's decisions: codes, French labels, which need a motif, and
the counts of a summary line. Qt-free; shared by the decision history (models/decisions.py)
and the response package (models/package/response*.py)."""
from __future__ import annotations

from collections.abc import Mapping

from shapely.geometry.base import BaseGeometry

from .frenchnum import format_french_number

RECUE, A_L_ETUDE, RETENUE = "recue", "a_l_etude", "retenue"
RETENUE_MODIFIEE, NON_RETENUE = "retenue_modifiee", "non_retenue"
DECISIONS = {
    RECUE: "Reçue",
    A_L_ETUDE: "À l'étude",
    RETENUE: "Retenue",
    RETENUE_MODIFIEE: "Retenue avec modifications",
    NON_RETENUE: "Non retenue",
}
MOTIF_REQUIRED = frozenset({RETENUE, RETENUE_MODIFIEE, NON_RETENUE})
# The counts of a summary line, singular and plural: « 1 reçue », « 5 retenues ».
_COUNT_WORDS = {
    RECUE: ("reçue", "reçues"),
    A_L_ETUDE: ("à l'étude", "à l'étude"),
    RETENUE: ("retenue", "retenues"),
    RETENUE_MODIFIEE: ("retenue avec modifications", "retenues avec modifications"),
    NON_RETENUE: ("non retenue", "non retenues"),
}
MAX_MOTIF = 2000
MAX_DECIDED_BY = 120


class InvalidDecision(ValueError):
    """A decision refused before anything is written; the message is French. ``repaired``
    is the corrected shape offered when the modified outline crosses itself."""

    def __init__(self, message: str, repaired: BaseGeometry | None = None) -> None:
        super().__init__(message)
        self.repaired = repaired


def _count(count: int, one: str, many: str) -> str:
    """French agreement (0 and 1 singular), thousands with a narrow no-break space."""
    return f"{format_french_number(count, 0)} {one if count <= 1 else many}"


def counts_text(counts: Mapping[str, int]) -> str:
    """« 12 reçues, 5 retenues, 2 non retenues », in the order of DECISIONS; « aucune
    proposition » when all are zero."""
    parts = [_count(counts.get(code, 0), one, many)
             for code, (one, many) in _COUNT_WORDS.items() if counts.get(code, 0)]
    return ", ".join(parts) or "aucune proposition"


def summary_text(counts: Mapping[str, int]) -> str:
    """« 5 propositions — 1 reçue, 1 à l'étude, 1 retenue, 1 retenue avec modifications,
    1 non retenue »: how many proposals in all, then how many stand at each decision. The
    total is counted in propositions, never in « reçues »: that word is a decision (received,
    not yet decided). « aucune proposition » when there is none. The one summary line of the
    received proposals' window, the response PDF and the command line."""
    total = sum(counts.values())
    if total == 0:
        return "aucune proposition"
    return f"{_count(total, 'proposition', 'propositions')} — {counts_text(counts)}"


def decision_code(value: str) -> str:
    """The code of a decision given by its code or its French label, any case; raises
    InvalidDecision naming the possible values."""
    text = (value or "").strip()
    for code, label in DECISIONS.items():
        if text.casefold() in (code, label.casefold()):
            return code
    allowed = ", ".join(f"{code} ({label})" for code, label in DECISIONS.items())
    raise InvalidDecision(f"Décision inconnue : « {text[:40]} » (valeurs possibles : "
                          f"{allowed}).")
