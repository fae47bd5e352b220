"""`qpvdesk proposals list|import|export`: the user's proposals without a window."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import shapely

from ..models.proposals import (KINDS, ImportFileError, ProposalStore, export_proposals,
                                import_proposals)
from ..models.proposals.geometry import area_ha
from ..models.proposals.proposal import to_state
from ..models.reference import ReferenceStore
from ..models.workspace import Workspace


def add_parser(commands) -> None:
    parser = commands.add_parser("proposals", help="list, import or export the proposals of "
                                                   "the workspace")
    actions = parser.add_subparsers(title="actions", dest="action", required=True)
    listing = actions.add_parser("list", help="every proposal (French text, or --json)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    importing = actions.add_parser(
        "import", help="import a GeoJSON, GeoPackage, KML or Shapefile file; exit code 1 "
                       "when some features were refused (reasons printed)")
    importing.add_argument("file")
    importing.add_argument("--kind", choices=tuple(KINDS),
                           help="kind of every feature (default: from a type attribute or "
                                "the geometry)")
    importing.add_argument("--commune", metavar="INSEE",
                           help="refuse the features outside this commune")
    importing.set_defaults(handler=run_import)
    exporting = actions.add_parser("export", help="write the proposals to a file")
    exporting.add_argument("--out", required=True, help="FILE.csv, FILE.geojson or FILE.gpkg")
    exporting.set_defaults(handler=run_export)


@contextmanager
def _store(args: argparse.Namespace) -> Iterator[ProposalStore]:
    reference = ReferenceStore(args.reference)
    workspace = None
    try:
        workspace = Workspace(args.workspace)
        yield ProposalStore(workspace, reference)
    finally:
        if workspace is not None:
            workspace.close()
        reference.close()


def run_list(args: argparse.Namespace) -> int:
    from ..models.package.responses import ResponseStore
    from .package_support import state_json

    with _store(args) as store:
        proposals = store.list()
        if args.json:
            decisions = ResponseStore(store.workspace).current()
            items = []
            for proposal in proposals:
                state = to_state(proposal)
                del state["geometry"], state["deleted"]
                state["communes"] = list(proposal.communes)
                state["area_ha"] = round(area_ha(proposal.geometry), 4)
                state["wkt_2154"] = shapely.to_wkt(proposal.geometry, rounding_precision=3)
                # the agglomeration's latest decision, from its responses (null: none yet)
                decision = decisions.get(proposal.uuid)
                state["decision"] = state_json(decision) if decision else None
                items.append(state)
            print(json.dumps(items, ensure_ascii=False, indent=2))
            return 0
        outside = f"hors {store.territory.names.epci}"
        for proposal in proposals:
            communes = ", ".join(store.territory.commune_name(code)
                                 for code in proposal.communes)
            print(f"{proposal.uuid}  {KINDS[proposal.kind]} — {proposal.label} — "
                  f"QPV {proposal.qpv_code or '—'} — {communes or outside}")
        print(f"{len(proposals)} proposition(s)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    with _store(args) as store:
        try:
            report = import_proposals(store, args.file, kind=args.kind, commune=args.commune)
        except ImportFileError as exc:
            print(f"qpvdesk: rien n'a été importé : {exc}", file=sys.stderr)
            return 2
    for outcome in report.outcomes:
        print(outcome.line(), file=sys.stdout if outcome.imported else sys.stderr)
    print(report.summary())
    return 1 if report.refused else 0


def run_export(args: argparse.Namespace) -> int:
    with _store(args) as store:
        proposals = store.list()
    path = export_proposals(proposals, args.out)
    print(f"{len(proposals)} proposition(s) exportée(s) dans {path}")
    return 0
