"""Signed packages from the command line: `qpvdesk keygen | export | verify | import | received`
(the responses: commands/response.py; the decisions: commands/decisions.py).

Exit codes: 0 done (package valid), 1 package refused, 2 usage error (missing file, bad
option, wrong passphrase)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import paths
from ..models.package.bag import Sender, write_package
from ..models.package.communes import commune_names_in_file
from ..models.package.identity import load_identity, organization
from ..models.package.info import PACKAGE_KIND_RESPONSE, valid_insee, valid_siren
from ..models.package.keys import KeyFolder, read_secret_key
from ..models.package.minisign import readable_key_id
from ..models.package.verify import named_kind, verify_package, verify_response
from .decisions import add_received_actions
from .package_support import (UsageError, ask_passphrase, guarded, open_workspace,
                              print_import_outcome, report_json, verified)
from .postgis import add_postgis_actions
from .response import add_response_parsers


def add_parsers(commands) -> None:
    keygen = commands.add_parser("keygen", help="create a signing key pair: the commune's, or "
                                                "the agglomeration's (for its responses)")
    owner = keygen.add_mutually_exclusive_group(required=True)
    owner.add_argument("--commune", metavar="INSEE", help="writes <INSEE>.key and <INSEE>.pub")
    owner.add_argument("--epci", metavar="SIREN", help="the agglomeration: writes <SIREN>.key "
                                                       "and <SIREN>.pub (a commune trusts it "
                                                       "by putting <SIREN>.pub in its trust "
                                                       "folder)")
    keygen.add_argument("--out", metavar="DIR", help="folder (default: the user's key folder)")
    keygen.add_argument("--passphrase-file", metavar="F",
                        help="file whose first line is the passphrase (default: asked on a "
                             "terminal; none when not on a terminal)")
    keygen.set_defaults(handler=run_keygen)

    export = commands.add_parser("export", help="write a signed .qpvpkg of the proposals")
    export.add_argument("--out", required=True, metavar="FILE.qpvpkg")
    export.add_argument("--ids", nargs="+", metavar="UUID", help="only these proposals")
    export.add_argument("--key", metavar="FILE", help="secret key (default: <INSEE>.key in "
                                                     "the user's key folder)")
    export.add_argument("--commune", metavar="INSEE", help="default: the key file's name, "
                                                          "else the workspace's commune")
    export.add_argument("--contact-name")
    export.add_argument("--contact-email")
    export.add_argument("--passphrase-file", metavar="F")
    export.set_defaults(handler=run_export)

    verify = commands.add_parser("verify", help="check a .qpvpkg (proposals or response, from "
                                                "its bag-info.txt): exit 0 valid, 1 refused")
    verify.add_argument("file")
    verify.add_argument("--trust", required=True, metavar="DIR_OR_FILE",
                        help="folder of <INSEE>.pub files, or one such file")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=run_verify)

    importing = commands.add_parser("import", help="verify a .qpvpkg and add its proposals "
                                                   "to the consolidated store")
    importing.add_argument("file")
    importing.add_argument("--trust", required=True, metavar="DIR_OR_FILE")
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(handler=run_import)

    received = commands.add_parser("received", help="the consolidated proposals received "
                                                    "from the communes")
    actions = received.add_subparsers(title="actions", dest="action", required=True)
    listing = actions.add_parser("list", help="received packages")
    listing.set_defaults(handler=run_received_list)
    consolidated = actions.add_parser("export", help="current version of every received "
                                                     "proposal as one GeoPackage")
    consolidated.add_argument("--out", required=True, metavar="FILE.gpkg")
    consolidated.set_defaults(handler=run_received_export)
    add_received_actions(actions)
    add_postgis_actions(actions)   # publish | pull (PostGIS)
    add_response_parsers(commands)


def _owner_name(args, code: str) -> str:
    """The name of a commune (INSEE) or of the agglomeration (SIREN), '' when unknown."""
    return commune_names_in_file(args.reference).get(code, "")


@guarded
def run_keygen(args: argparse.Namespace) -> int:
    if args.epci is not None and not valid_siren(args.epci):
        raise UsageError(f"invalid SIREN {args.epci!r} (9 digits)")
    if args.commune is not None and not valid_insee(args.commune):
        raise UsageError(f"invalid INSEE code {args.commune!r}")
    owner = args.epci or args.commune
    folder = KeyFolder(Path(args.out) if args.out else paths.user_data_folder() / "cles")
    secret_passphrase = ask_passphrase(args.passphrase_file, confirm=True)
    public = folder.create(owner, secret_passphrase, _owner_name(args, owner))
    receiver = "each commune (its trust folder)" if args.epci else "the agglomeration"
    print(f"key id {readable_key_id(public.key_id_hex)}")
    print(f"secret key: {folder.secret_path(owner)}")
    print(f"public key: {folder.public_path(owner)} (send it once to {receiver})")
    if not secret_passphrase:
        print("warning: the secret key is not protected by a passphrase", file=sys.stderr)
    return 0


@guarded
def run_export(args: argparse.Namespace) -> int:
    from ..models.proposals import ProposalStore
    from ..models.reference import ReferenceStore
    from .map_setup import headless_application

    reference = ReferenceStore(args.reference)
    workspace = open_workspace(args)
    try:
        identity = load_identity(workspace)
        key_path = Path(args.key) if args.key else None
        insee = args.commune or (key_path.stem if key_path and valid_insee(key_path.stem)
                                 else identity.commune_insee)
        if not valid_insee(insee):
            raise UsageError("which commune? give --commune INSEE (or a key named INSEE.key)")
        if key_path is None:
            key_path = KeyFolder(paths.user_data_folder() / "cles").secret_path(insee)
        secret = read_secret_key(key_path, ask_passphrase(args.passphrase_file))
        store = ProposalStore(workspace, reference)
        proposals = store.list()
        if args.ids:
            by_uuid = {item.uuid: item for item in proposals}
            unknown = [uuid for uuid in args.ids if uuid not in by_uuid]
            if unknown:
                raise UsageError(f"no such proposal: {', '.join(unknown)}")
            proposals = [by_uuid[uuid] for uuid in args.ids]
        name = store.territory.commune_name(insee) if insee in store.territory.communes.index \
            else insee
        sender = Sender(insee, organization(name),
                        args.contact_name or identity.contact_name,
                        args.contact_email or identity.contact_email,
                        reference.epci_identity().siren)
        headless_application()
        from ..render.synthese_pdf import write_synthese_pdf

        info = write_package(
            proposals, sender, secret, Path(args.out),
            lambda items, path, info: write_synthese_pdf(reference, items, path, info))
    finally:
        workspace.close()
        reference.close()
    print(f"{args.out}: {info.proposal_count} proposal(s), package {info.uuid}, "
          f"key {readable_key_id(info.key_id)}")
    return 0


@guarded
def run_verify(args: argparse.Namespace) -> int:
    response = Path(args.file).is_file() and named_kind(Path(args.file)) == \
        PACKAGE_KIND_RESPONSE
    report = verified(args, verify_response if response else verify_package)
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    elif report.ok:
        info = report.info
        sender = f"{info.source_organization} ({info.signer})"
        print(f"valid: {sender}{f' to {info.commune_insee}' if response else ''}, "
              f"key {readable_key_id(info.key_id)}, "
              f"created {info.created}, {info.proposal_count} proposal(s)")
    return 0 if report.ok else 1


@guarded
def run_import(args: argparse.Namespace) -> int:
    from ..models.package.received import ConsolidatedStore

    report = verified(args)
    outcome = None
    if report.ok:
        workspace = open_workspace(args)
        try:
            outcome = ConsolidatedStore(workspace).accept(
                report.info, report.proposals, report.path.name, report.sha256,
                names=commune_names_in_file(args.reference))
        except ValueError as exc:
            report.reason = str(exc)
            print(f"qpvdesk: refused: {exc}", file=sys.stderr)
        finally:
            workspace.close()
    return print_import_outcome(report, outcome, args.json)


@guarded
def run_received_list(args: argparse.Namespace) -> int:
    from ..models.package.received import ConsolidatedStore

    workspace = open_workspace(args)
    try:
        packages = ConsolidatedStore(workspace).packages()
    finally:
        workspace.close()
    for package in packages:
        print("  ".join(str(package.get(key, "")) for key in
                        ("received", "commune_insee", "uuid", "proposal_count", "file_name")))
    print(f"{len(packages)} package(s)")
    return 0


@guarded
def run_received_export(args: argparse.Namespace) -> int:
    from ..models.package.received import ConsolidatedStore

    workspace = open_workspace(args)
    try:
        store = ConsolidatedStore(workspace)
        count = len(store.current())
        path = store.export_geopackage(Path(args.out))
    finally:
        workspace.close()
    print(f"{count} proposal(s) written to {path}")
    return 0
