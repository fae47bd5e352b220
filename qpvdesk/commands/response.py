"""The agglomeration's response from the command line: `qpvdesk respond --commune INSEE --out
F.qpvpkg` (agglomeration) and `qpvdesk import-response F.qpvpkg --trust DIR` (commune).

Exit codes: 0 written / imported, 1 refused (nothing to answer, a response refused by the
verifier or by the commune's store), 2 usage error (bad option, missing file, key)."""
from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from .. import paths
from ..models.package.communes import commune_names_in_file
from ..models.package.identity import load_identity
from ..models.package.info import valid_insee, valid_siren
from ..models.package.keys import KEY_FOLDER_NAME, read_secret_key
from ..models.package.minisign import readable_key_id
from .package_support import (UsageError, ask_passphrase, guarded, open_workspace,
                              print_import_outcome, verified)


def add_response_parsers(commands) -> None:
    respond = commands.add_parser("respond", help="write the agglomeration's signed response "
                                                  "to one commune: the decisions on its "
                                                  "proposals")
    respond.add_argument("--commune", required=True, metavar="INSEE")
    respond.add_argument("--out", required=True, metavar="FILE.qpvpkg")
    respond.add_argument("--key", metavar="FILE", help="the agglomeration's secret key "
                                                       "(default: <SIREN>.key in the user's "
                                                       "key folder)")
    respond.add_argument("--passphrase-file", metavar="F")
    respond.add_argument("--contact-name")
    respond.add_argument("--contact-email")
    respond.set_defaults(handler=run_respond)

    importing = commands.add_parser("import-response", help="verify the agglomeration's "
                                                            "response and record its decisions "
                                                            "(commune)")
    importing.add_argument("file")
    importing.add_argument("--trust", required=True, metavar="DIR_OR_FILE",
                           help="folder holding the agglomeration's <SIREN>.pub, or that file")
    importing.add_argument("--commune", metavar="INSEE", help="the receiving commune (default: "
                                                              "the workspace's)")
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(handler=run_import_response)


def _write_response(args, reference, workspace, commune: str):
    from ..models.decisions import DecisionStore
    from ..models.package.agglomeration import agglomeration_of
    from ..models.package.response_bag import Responder, write_response
    from ..render.response_pdf import write_response_pdf
    from .map_setup import headless_application

    agglomeration = agglomeration_of(reference)
    key_path = Path(args.key) if args.key else \
        paths.user_data_folder() / KEY_FOLDER_NAME / f"{agglomeration.siren}.key"
    siren = key_path.stem if valid_siren(key_path.stem) else agglomeration.siren
    name = commune_names_in_file(reference.path).get(siren, agglomeration.name)
    entries = DecisionStore(workspace).response_states(commune)
    if not entries:
        return None
    secret = read_secret_key(key_path, ask_passphrase(args.passphrase_file))
    identity = load_identity(workspace)
    responder = Responder(siren, name, args.contact_name or identity.contact_name,
                          args.contact_email or identity.contact_email)
    headless_application()
    return write_response(entries, commune, responder, secret, Path(args.out),
                          partial(write_response_pdf, reference))


@guarded
def run_respond(args: argparse.Namespace) -> int:
    from ..models.reference import ReferenceStore

    if not valid_insee(args.commune):
        raise UsageError(f"invalid INSEE code {args.commune!r}")
    reference = ReferenceStore(args.reference)
    workspace = open_workspace(args)
    try:
        info = _write_response(args, reference, workspace, args.commune)
        if info is None:
            print(f"qpvdesk: refused: aucune proposition reçue de la commune {args.commune} : "
                  "il n'y a rien à lui répondre.", file=sys.stderr)
            return 1
    finally:
        workspace.close()
        reference.close()
    print(f"{args.out}: response {info.uuid} to {info.commune_insee}, "
          f"{info.proposal_count} proposal(s), key {readable_key_id(info.key_id)}")
    return 0


def _receiving_commune(args, workspace) -> str:
    commune = args.commune or load_identity(workspace).commune_insee
    if not valid_insee(commune or ""):
        raise UsageError("which commune receives it? this workspace has no commune: give "
                         "--commune INSEE")
    return commune


@guarded
def run_import_response(args: argparse.Namespace) -> int:
    from ..models.package.responses import ResponseStore
    from ..models.package.verify import verify_response

    workspace = open_workspace(args)
    outcome = None
    try:
        commune = _receiving_commune(args, workspace)
        report = verified(args, partial(verify_response, commune=commune))
        if report.ok:
            try:
                outcome = ResponseStore(workspace).accept(
                    report.info, report.states, report.path.name, report.sha256, commune,
                    names=commune_names_in_file(args.reference))
            except ValueError as exc:
                report.reason = str(exc)
                print(f"qpvdesk: refused: {exc}", file=sys.stderr)
    finally:
        workspace.close()
    return print_import_outcome(report, outcome, args.json)
