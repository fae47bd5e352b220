"""What the agglomeration's response tells one commune: the state of each of its proposals —
the latest decision, its motif, who decided and when, and a modified geometry. The payload
schema of the kind « reponse » (docs/PACKAGE_FORMAT.md, section 7), shared by the writer, the
verifier and the commune's store. Qt-free."""
from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from ..decisions_vocabulary import DECISIONS, RECUE
from ..proposals.vocabulary import EQUIPEMENT, KINDS

# The attribute table of data/reponse.gpkg, one row per proposal.
DECISIONS_TABLE = "decisions"
# The modified geometries, one layer per geometry type, joined by proposition_uuid.
MODIFIED_POINTS = "geometries_modifiees_points"
MODIFIED_POLYGONS = "geometries_modifiees_polygones"
MODIFIED_LAYERS = {MODIFIED_POINTS: "Point", MODIFIED_POLYGONS: "Polygon"}
MODIFIED_COLUMNS = ("proposition_uuid", "decision_uuid")

# (ProposalState attribute, column of the table « decisions », SQL type, CSV title)
STATE_COLUMNS = (
    ("proposal_uuid", "proposition_uuid", "TEXT", "Proposition (identifiant)"),
    ("kind", "proposition_type", "TEXT", "Type"),
    ("title", "proposition_titre", "TEXT", "Titre"),
    ("package_uuid", "paquet_uuid", "TEXT", "Paquet (identifiant)"),
    ("package_received", "paquet_recu_le", "TEXT", "Reçu le"),
    ("decision", "decision", "TEXT", "Décision"),
    ("motif", "motif", "TEXT", "Motif"),
    ("decided_by", "decide_par", "TEXT", "Décidé par"),
    ("decided_at", "decide_le", "TEXT", "Décidé le"),
    ("decision_uuid", "decision_uuid", "TEXT", "Décision (identifiant)"),
    ("decision_version", "decision_version", "INTEGER", "Version de la décision"),
)
MODIFIED_WKT_TITLE = "Géométrie modifiée (WKT, EPSG:2154)"


def csv_header() -> list[str]:
    return [title for *_, title in STATE_COLUMNS] + [MODIFIED_WKT_TITLE]


@dataclass(frozen=True)
class ProposalState:
    """What a response says about one proposal of the commune."""
    proposal_uuid: str
    kind: str                       # the proposal's type code
    title: str                      # its label, as received (for people)
    package_uuid: str               # the commune's package whose version the state is about
    package_received: str           # when the agglomeration received it, ISO 8601
    decision: str = RECUE           # the latest decision; « recue » when none was recorded
    motif: str = ""
    decided_by: str = ""
    decided_at: str | None = None   # ISO 8601 with offset; None without a recorded decision
    decision_uuid: str | None = None
    decision_version: int | None = None
    geometry: BaseGeometry | None = None   # the modified geometry (retenue_modifiee)

    @property
    def label(self) -> str:
        return DECISIONS.get(self.decision, self.decision)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def modified_layer(self) -> str:
        """The layer of its modified geometry, by the proposal's type."""
        return MODIFIED_POINTS if self.kind == EQUIPEMENT else MODIFIED_POLYGONS
