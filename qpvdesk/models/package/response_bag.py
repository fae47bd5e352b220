"""Write the agglomeration's signed response to one commune: the same envelope as a proposal
package (bag.write_bag), kind « reponse », signed by the agglomeration's key."""
from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import shapely

from ... import __version__
from . import minisign
from .bag import PackageError, Progress, created_now, write_bag
from .info import (RESPONSE_CSV, RESPONSE_GEOPACKAGE, RESPONSE_PDF, ResponseInfo, valid_insee,
                   valid_siren)
from .received import ReceivedProposal
from .response import ProposalState
from .response_files import write_response_csv, write_response_geopackage

# One proposal as received, with what the response says about it.
Entry = tuple[ReceivedProposal, ProposalState]
# Draws data/reponse.pdf (a render function; the CLI and the views provide it).
ResponsePdfWriter = Callable[[Sequence[Entry], Path, ResponseInfo], object]


@dataclass(frozen=True)
class Responder:
    """Who answers, as bag-info.txt says it."""
    epci_siren: str
    organization: str       # « CA de Lens-Liévin »
    contact_name: str = ""
    contact_email: str = ""


def _size(entries: Sequence[Entry]) -> int:
    """A generous bound of the bytes written: both geometries of each proposal in three
    forms, a fixed cost per row, the PDF's map."""
    geometry_bytes = sum(len(shapely.to_wkb(version.proposal.geometry))
                         + (len(shapely.to_wkb(state.geometry)) if state.geometry else 0)
                         for version, state in entries)
    return 8 * geometry_bytes + 4096 * len(entries) + 4 * 1024 * 1024


def write_response(entries: Sequence[Entry], commune_insee: str, responder: Responder,
                   secret_key: minisign.SecretKey, target: str | Path,
                   pdf_writer: ResponsePdfWriter | None,
                   progress: Progress | None = None) -> ResponseInfo:
    """Write ``target`` (.qpvpkg): the state of each of the commune's proposals ``entries``
    (from DecisionStore.response_states), signed with the agglomeration's ``secret_key``.
    ``pdf_writer`` draws data/reponse.pdf (None: none, for tests of refusals only). Raises
    PackageError (French) and leaves nothing behind on any failure or cancellation."""
    entries = list(entries)
    if not valid_siren(responder.epci_siren):
        raise PackageError(f"SIREN d'agglomération invalide : « {responder.epci_siren} » "
                           "(9 chiffres).")
    if not valid_insee(commune_insee):
        raise PackageError(f"Code INSEE de commune invalide : « {commune_insee} ».")
    if not entries:
        raise PackageError(f"Aucune proposition reçue de la commune {commune_insee} : il n'y a "
                           "rien à lui répondre.")
    others = sorted({version.commune_insee for version, _ in entries} - {commune_insee})
    if others:
        raise PackageError(f"Des propositions d'autres communes ({', '.join(others)}) ne "
                           f"peuvent pas figurer dans la réponse à la commune {commune_insee}.")
    now = created_now()
    info = ResponseInfo(
        uuid=str(uuid_module.uuid4()), epci_siren=responder.epci_siren,
        commune_insee=commune_insee, source_organization=responder.organization,
        contact_name=responder.contact_name, contact_email=responder.contact_email,
        bagging_date=now.date().isoformat(), created=now.isoformat(),
        key_id=secret_key.key_id_hex, proposal_count=len(entries),
        software=f"qpvdesk {__version__}")
    states = [state for _, state in entries]

    def payload(root: Path, step: Callable[[int, str], None]) -> list[str]:
        step(5, "Écriture du GeoPackage")
        write_response_geopackage(states, root / RESPONSE_GEOPACKAGE)
        step(25, "Écriture du CSV")
        write_response_csv(states, root / RESPONSE_CSV)
        names = [RESPONSE_GEOPACKAGE, RESPONSE_CSV]
        if pdf_writer is not None:
            step(35, "Écriture de la réponse en PDF")
            pdf_writer(entries, root / RESPONSE_PDF, info)
            names.append(RESPONSE_PDF)
        return names

    write_bag(target, info, payload, secret_key, _size(entries), progress)
    return info
