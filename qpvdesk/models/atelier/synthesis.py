"""The synthesis of a workshop — who drew, where they agree, which places they named — and
the « quartier vécu » proposal made from one of its contours, with its provenance."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..frenchnum import format_french_date, format_french_percent
from ..proposals.vocabulary import QUARTIER_VECU
from .clusters import PlaceCluster, place_clusters
from .consensus import Consensus, Level, NoUsableDrawing, consensus
from .store import AtelierStore
from .vocabulary import DEFAULT_THRESHOLDS, PLACE, participant_label
from .workshop import Workshop

PROVENANCE_SOURCE = "atelier"
PROPOSAL_AUTHOR = "Atelier d'habitants"
KNOWLEDGE_SOURCE = "ateliers_habitants"
MIN_AGREEING = 2      # a « consensus » of one drawing is that person's drawing


@dataclass(frozen=True)
class PlaceCount:
    """Pins of one kind and category, counted (no position: what an export may carry)."""
    place_kind: str
    category: str | None
    pins: int
    participants: int


@dataclass(frozen=True)
class WorkshopSynthesis:
    workshop: Workshop
    qpv_name: str
    participants: int                   # started, whether they drew or not
    consensus: Consensus | None         # None when nobody drew
    clusters: tuple[PlaceCluster, ...]
    place_counts: tuple[PlaceCount, ...]

    @property
    def drawings(self) -> int:
        return self.consensus.participants if self.consensus else 0

    @property
    def levels(self) -> tuple[Level, ...]:
        return self.consensus.levels if self.consensus else ()

    @property
    def title(self) -> str:
        return (f"Atelier du {format_french_date(self.workshop.held_on)} — "
                f"{self.qpv_name}")


def _place_counts(places) -> tuple[PlaceCount, ...]:
    groups: dict[tuple[str, str | None], list] = {}
    for place in places:
        groups.setdefault((place.place_kind, place.category), []).append(place)
    return tuple(PlaceCount(kind, category, len(items),
                            len({item.participant for item in items}))
                 for (kind, category), items in sorted(
                     groups.items(), key=lambda entry: (entry[0][0], entry[0][1] or "")))


def synthesize(store: AtelierStore, workshop_uuid: str, territory,
               thresholds: Sequence[float] = DEFAULT_THRESHOLDS) -> WorkshopSynthesis:
    """``territory``: proposals.Territory (the QPV's name and perimeter)."""
    workshop = store.workshop(workshop_uuid)
    drawings = store.drawings_by_participant(workshop_uuid)
    try:
        agreement = consensus([(participant_label(number), shape)
                               for number, shape in drawings.items()], thresholds,
                              territory.qpv_geometry(workshop.qpv_code))
    except NoUsableDrawing:
        agreement = None
    places = store.contributions(workshop_uuid, kind=PLACE)
    return WorkshopSynthesis(workshop, territory.qpv_name(workshop.qpv_code),
                             workshop.participant_count, agreement,
                             tuple(place_clusters(places)), _place_counts(places))


def provenance(synthesis: WorkshopSynthesis, threshold: float) -> dict[str, object]:
    """What a proposal made from the workshop says about where it comes from: the workshop,
    its date and place, how many took part, the threshold, the agreed areas and the pins
    counted — no name, no individual drawing, no pin position."""
    workshop = synthesis.workshop
    return {
        "source": PROVENANCE_SOURCE,
        "atelier": workshop.uuid,
        "qpv": workshop.qpv_code,
        "date": workshop.held_on,
        "lieu": workshop.place,
        "participants": synthesis.participants,
        "dessins": synthesis.drawings,
        "seuil": threshold,
        "niveaux": [{"seuil": level.threshold, "dessins_requis": level.min_count,
                     "surface_m2": round(level.area_m2, 1),
                     "part_hors_qpv": (None if level.share_outside is None
                                       else round(level.share_outside, 4))}
                    for level in synthesis.levels],
        "lieux": [{"sorte": item.place_kind, "categorie": item.category,
                   "epingles": item.pins, "personnes": item.participants}
                  for item in synthesis.place_counts],
    }


def provenance_of(proposal) -> dict[str, object] | None:
    """A proposal's provenance as a dict; None when it has none or it is not readable."""
    text = getattr(proposal, "provenance", None)
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def proposal_fields(synthesis: WorkshopSynthesis, level: Level) -> dict[str, object]:
    when = format_french_date(synthesis.workshop.held_on)
    share = format_french_percent(level.threshold)
    where = f" ({synthesis.workshop.place})" if synthesis.workshop.place else ""
    return {
        "qpv_code": synthesis.workshop.qpv_code,
        "title": f"Quartier vécu — atelier du {when} (au moins {share})"[:120],
        "description": (
            f"Lieux qu'au moins {share} des participants ayant dessiné ont désignés comme "
            f"leur quartier ({level.min_count} dessins sur {synthesis.drawings} ; "
            f"{synthesis.participants} participants) lors de l'atelier d'habitants du "
            f"{when}{where}, {synthesis.qpv_name}.")[:2000],
        "knowledge_source": KNOWLEDGE_SOURCE,
        "author": PROPOSAL_AUTHOR,
    }


def create_proposal(proposal_store, synthesis: WorkshopSynthesis, threshold: float):
    """Store the contour at ``threshold`` as a « quartier vécu » proposal (one transaction,
    one undo step of the proposals). ValueError (French) when that contour is empty;
    InvalidProposal as for any proposal."""
    if synthesis.consensus is None:
        raise ValueError("Personne n'a encore dessiné son quartier : pas de contour à "
                         "proposer.")
    level = synthesis.consensus.level(threshold)
    if level.min_count < MIN_AGREEING:
        raise ValueError(f"À ce seuil, un seul dessin suffit : ce contour serait des dessins "
                         f"individuels, pas un accord. Choisissez un seuil où au moins "
                         f"{MIN_AGREEING} participants s'accordent.")
    if level.geometry.is_empty:
        raise ValueError(f"Aucun lieu n'est désigné par au moins "
                         f"{format_french_percent(threshold)} des participants : choisissez "
                         "un seuil plus bas.")
    return proposal_store.add(QUARTIER_VECU, level.geometry, proposal_fields(synthesis, level),
                              provenance=json.dumps(provenance(synthesis, threshold),
                                                    ensure_ascii=False))
