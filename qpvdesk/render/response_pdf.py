"""« Réponse de l'agglomération »: the A4 PDF of a response package, for the commune's
officers and elected members.

Page 1 says who answers whom and when, with the count of proposals by decision; a map shows
the proposals numbered and filled with the colour of their decision, the geometries the
agglomeration modified over them; a table lists the decisions; then each proposal has a block
with its decision, the motif, who decided and when. Laid out with the synthèse's machinery.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QImage, QPainter

from ..models.decisions_vocabulary import summary_text
from ..models.map.layers import RECEIVED_PROPOSAL_LAYERS
from ..models.package.info import ResponseInfo
from ..models.package.minisign import readable_key_id
from ..models.package.received import ReceivedProposal
from ..models.package.response import ProposalState
from ..models.proposals.geometry import area_ha
from ..models.frenchnum import format_french_number
from .fiche_pdf import layout_table
from .pdf_pages import (GREY, TITLE_BLUE, Pages as _Pages, paragraph as _paragraph,
                        section_title as _section_title, spacer as _spacer, Style as _Style,
                        TableLayout as _TableLayout, paint_pages)
from .fiche_tables import Cell, Column, FicheTable
from .synthese_pdf import (EMPTY, _label_rows, _map_blocks, _Names, footer_height,
                           french_datetime, page_footer, place_details, proposals_map,
                           write_paged_pdf)

Entry = tuple[ReceivedProposal, ProposalState]
MAP_CAPTION = (
    "Les propositions de la commune, numérotées comme dans le tableau ci-dessous, colorées "
    "selon la décision : en gris, reçue ; en orange, à l'étude ; en vert, retenue ; en bleu, "
    "retenue avec modifications ; hachurée de rouge, non retenue. En bleu clair cerné de bleu "
    "foncé, la géométrie modifiée par l'agglomération. En rouge, les quartiers prioritaires "
    "2024 ; en gris, les limites communales.")


def _modified_text(state: ProposalState) -> str:
    if state.geometry is None:
        return EMPTY
    if state.geometry.geom_type == "Point":
        return (f"nouvel emplacement : x = {format_french_number(state.geometry.x, 0)} m, "
                f"y = {format_french_number(state.geometry.y, 0)} m (Lambert-93)")
    return f"nouvelle surface : {format_french_number(area_ha(state.geometry), 2)}\u00a0ha"


def _detail_rows(names: _Names, entry: Entry) -> list[tuple[str, str]]:
    version, state = entry
    proposal = version.proposal
    qpv = f"{names.qpv(proposal.qpv_code)} ({proposal.qpv_code})" if proposal.qpv_code \
        else EMPTY
    return [("Décision", state.label),
            ("Motif", state.motif or EMPTY),
            ("Décidé par", state.decided_by or EMPTY),
            ("Décidé le", french_datetime(state.decided_at or "")),
            ("Géométrie modifiée", _modified_text(state)),
            ("Type", state.kind_label),
            ("QPV", qpv),
            ("Reçue le", french_datetime(state.package_received)),
            ("Paquet de la commune", state.package_uuid),
            ("Identifiant de la proposition", state.proposal_uuid)]


def _header(style: _Style, names: _Names, info: ResponseInfo,
            entries: Sequence[Entry]) -> list:
    counts: dict[str, int] = {}
    for _, state in entries:
        counts[state.decision] = counts.get(state.decision, 0) + 1
    kicker = _paragraph(style, "RÉPONSE AUX PROPOSITIONS D'UNE COMMUNE",
                        style.font(7.5, bold=True), GREY)
    title = _paragraph(style, "Réponse de l'agglomération", style.font(17, bold=True),
                       TITLE_BLUE)
    contact = " — ".join(part for part in (info.contact_name, info.contact_email) if part)
    rows = [("Agglomération", f"{info.source_organization} ({info.epci_siren})"),
            ("Commune", f"{names.commune(info.commune_insee)} ({info.commune_insee})"),
            ("Contact", contact or EMPTY),
            ("Réponse créée le", french_datetime(info.created)),
            ("Identifiant de la réponse", info.uuid),
            ("Clé de signature", readable_key_id(info.key_id)),
            ("Bilan", summary_text(counts))]
    return [kicker, _spacer(style.mm(1)), title, _spacer(style.mm(2.5)),
            *_label_rows(style, rows, 7.8, 8.6), _spacer(style.mm(4))]


def _decision_table(entries: Sequence[Entry]) -> FicheTable:
    columns = [Column("number", "n°"), Column("title", "Proposition", numeric=False),
               Column("decision", "Décision", numeric=False),
               Column("motif", "Motif", numeric=False),
               Column("date", "Décidé le", numeric=False)]
    rows = [[Cell(str(number)), Cell(version.proposal.label, state.kind_label, numeric=False),
             Cell(state.label, numeric=False), Cell(state.motif or EMPTY, numeric=False),
             Cell(french_datetime(state.decided_at or "") if state.decided_at else EMPTY,
                  numeric=False)]
            for number, (version, state) in enumerate(entries, start=1)]
    return FicheTable("Les décisions", columns, rows)


class _DecisionLayout(_TableLayout):
    """Fixed shares of the width: the proposal and the motif get the most."""

    SHARES = (0.32, 0.18, 0.50)   # proposition, décision, motif

    def __init__(self, style: _Style, table) -> None:
        super().__init__(style, table, scale=1.1)
        number, date = self._natural_width(0), self._natural_width(4)
        rest = style.width - number - date
        self.set_widths([number, *(rest * share for share in self.SHARES), date])


def _layout(style: _Style, names: _Names, info: ResponseInfo, entries: Sequence[Entry],
            image: QImage | None) -> list:
    pages = _Pages(0.0, style.height - footer_height(style))
    for block in _header(style, names, info, entries):
        pages.place(block)
    if image is not None:
        pages.keep_together(_map_blocks(style, image, "Carte des décisions", MAP_CAPTION))
    table = layout_table(_decision_table(entries))
    pages.table(style, [_section_title(style, table.title), _spacer(style.mm(1))], table,
                _DecisionLayout(style, table))
    pages.place(_spacer(style.mm(6)))
    place_details(pages, style, "Détail des décisions",
                  [(version.proposal.label, _detail_rows(names, (version, state)))
                   for version, state in entries])
    return pages.pages


def paint_response(painter: QPainter, device, names: _Names, info: ResponseInfo,
                   entries: Sequence[Entry], image: QImage | None) -> int:
    style = _Style(device)
    pages = _layout(style, names, info, entries, image)
    text = (f"Réponse de l'agglomération — {info.source_organization} à "
            f"{names.commune(info.commune_insee)} — réponse {info.uuid}")
    return paint_pages(painter, device, pages,
                       lambda number, count: page_footer(style, painter, text, number, count))


def write_response_pdf(reference, entries: Sequence[Entry], path: Path,
                       info: ResponseInfo) -> int:
    """The A4 « Réponse de l'agglomération » of ``entries`` (each proposal as received with
    its state); returns the number of pages. Written to a temporary file then renamed;
    OSError with a French message when it cannot be written."""
    entries = list(entries)
    names = _Names(reference)
    proposals = [version.proposal for version, _ in entries]
    decisions = {state.proposal_uuid: state.decision for _, state in entries}
    modified = [(state.proposal_uuid, version.proposal.label, state.geometry)
                for version, state in entries if state.geometry is not None]
    image = proposals_map(reference, proposals, colours=RECEIVED_PROPOSAL_LAYERS,
                          decisions=decisions, modified=modified) if proposals else None
    return write_paged_pdf(
        path, f"Réponse de l'agglomération — {names.commune(info.commune_insee)}",
        info.software,
        lambda painter, writer: paint_response(painter, writer, names, info, entries, image),
        "la réponse PDF")
