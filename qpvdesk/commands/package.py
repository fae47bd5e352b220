"""Signed packages from the command line: `qpvdesk keygen | export | verify | import | received`.

Exit codes: 0 done (package valid), 1 package refused, 2 usage error (missing file, bad
option, wrong passphrase)."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from pathlib import Path

from .. import paths
from ..models.package import minisign
from ..models.package.bag import PackageError, Sender, write_package
from ..models.package.communes import commune_names_in_file
from ..models.package.identity import load_identity, organization
from ..models.package.info import valid_insee
from ..models.package.keys import KeyFolder, read_secret_key
from ..models.package.minisign import readable_key_id
from ..models.package.trust import TrustError, TrustStore
from ..models.package.verify import VerificationReport, verify_package

USAGE = 2


class UsageError(Exception):
    pass


def add_parsers(commands) -> None:
    keygen = commands.add_parser("keygen", help="create the commune's signing key pair")
    keygen.add_argument("--commune", required=True, metavar="INSEE")
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

    verify = commands.add_parser("verify", help="check a .qpvpkg: exit 0 valid, 1 refused")
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


def _passphrase(path: str | None, confirm: bool = False) -> str | None:
    if path:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise UsageError(f"cannot read the passphrase file: {exc}") from None
        except UnicodeDecodeError:
            raise UsageError(f"the passphrase file {path} is not UTF-8 text") from None
        return lines[0] if lines and lines[0] else None
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Phrase secrète (vide : aucune) : ")
    if confirm and first and getpass.getpass("Confirmez la phrase secrète : ") != first:
        raise UsageError("the two passphrases differ")
    return first or None


def _commune_name(args, insee: str) -> str:
    from ..models.proposals.territory import Territory
    from ..models.reference import ReferenceStore

    store = ReferenceStore(args.reference)
    try:
        return Territory(store).commune_name(insee)
    except KeyError:
        return insee
    finally:
        store.close()


def _main(handler):
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except UsageError as exc:
            print(f"qpvdesk: {exc}", file=sys.stderr)
        except (minisign.MinisignError, TrustError, PackageError) as exc:
            print(f"qpvdesk: {exc}", file=sys.stderr)
        return USAGE
    return run


@_main
def run_keygen(args: argparse.Namespace) -> int:
    if not valid_insee(args.commune):
        raise UsageError(f"invalid INSEE code {args.commune!r}")
    folder = KeyFolder(Path(args.out) if args.out else paths.user_data_folder() / "cles")
    passphrase = _passphrase(args.passphrase_file, confirm=True)
    public = folder.create(args.commune, passphrase, _commune_name(args, args.commune))
    print(f"key id {readable_key_id(public.key_id_hex)}")
    print(f"secret key: {folder.secret_path(args.commune)}")
    print(f"public key: {folder.public_path(args.commune)} (send it once to the agglomeration)")
    if not passphrase:
        print("warning: the secret key is not protected by a passphrase", file=sys.stderr)
    return 0


def _open_workspace(args):
    from ..models.workspace import Workspace

    return Workspace(args.workspace)


@_main
def run_export(args: argparse.Namespace) -> int:
    from ..models.proposals import ProposalStore
    from ..models.reference import ReferenceStore
    from .map_setup import headless_application

    reference = ReferenceStore(args.reference)
    workspace = _open_workspace(args)
    try:
        identity = load_identity(workspace)
        key_path = Path(args.key) if args.key else None
        insee = args.commune or (key_path.stem if key_path and valid_insee(key_path.stem)
                                 else identity.commune_insee)
        if not valid_insee(insee):
            raise UsageError("which commune? give --commune INSEE (or a key named INSEE.key)")
        if key_path is None:
            key_path = KeyFolder(paths.user_data_folder() / "cles").secret_path(insee)
        secret = read_secret_key(key_path, _passphrase(args.passphrase_file))
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


def _trust(args) -> TrustStore:
    store = TrustStore.from_path(Path(args.trust), commune_names_in_file(args.reference))
    for problem in store.problems():   # a key file left out says so, not « Clé inconnue »
        print(f"qpvdesk: warning: {problem}", file=sys.stderr)
    return store


def report_json(report: VerificationReport) -> dict:
    return {"valid": report.ok, "reason": report.reason, "file": str(report.path),
            "sha256": report.sha256,
            "checks": [asdict(check) for check in report.checks],
            "package": asdict(report.info) if report.info else None,
            "trusted_commune": report.trusted_commune,
            "contents": [{"name": name, "bytes": size} for name, size in report.contents],
            "proposals": [{"uuid": item.uuid, "kind": item.kind, "title": item.title}
                          for item in report.proposals]}


def _verified(args) -> VerificationReport | int:
    if not Path(args.file).is_file():
        raise UsageError(f"no such file: {args.file}")
    report = verify_package(args.file, _trust(args))
    if not report.ok and not args.json:
        print(f"qpvdesk: refused: {report.reason}", file=sys.stderr)
    return report


@_main
def run_verify(args: argparse.Namespace) -> int:
    report = _verified(args)
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    elif report.ok:
        info = report.info
        print(f"valid: {info.source_organization} ({info.commune_insee}), "
              f"key {readable_key_id(info.key_id)}, "
              f"created {info.created}, {info.proposal_count} proposal(s)")
    return 0 if report.ok else 1


@_main
def run_import(args: argparse.Namespace) -> int:
    from ..models.package.received import ConsolidatedStore

    report = _verified(args)
    outcome = None
    if report.ok:
        workspace = _open_workspace(args)
        try:
            outcome = ConsolidatedStore(workspace).accept(
                report.info, report.proposals, report.path.name, report.sha256,
                names=commune_names_in_file(args.reference))
        except ValueError as exc:
            report.reason = str(exc)
            print(f"qpvdesk: refused: {exc}", file=sys.stderr)
        finally:
            workspace.close()
    if args.json:
        document = report_json(report)
        document["imported"] = outcome is not None and not outcome.already_imported
        document["summary"] = outcome.summary() if outcome else None
        print(json.dumps(document, ensure_ascii=False, indent=2))
    elif outcome is not None:
        print(outcome.summary())
    return 0 if outcome is not None else 1


@_main
def run_received_list(args: argparse.Namespace) -> int:
    from ..models.package.received import ConsolidatedStore

    workspace = _open_workspace(args)
    try:
        packages = ConsolidatedStore(workspace).packages()
    finally:
        workspace.close()
    for package in packages:
        print("  ".join(str(package.get(key, "")) for key in
                        ("received", "commune_insee", "uuid", "proposal_count", "file_name")))
    print(f"{len(packages)} package(s)")
    return 0


@_main
def run_received_export(args: argparse.Namespace) -> int:
    from ..models.package.received import ConsolidatedStore

    workspace = _open_workspace(args)
    try:
        store = ConsolidatedStore(workspace)
        count = len(store.current())
        path = store.export_geopackage(Path(args.out))
    finally:
        workspace.close()
    print(f"{count} proposal(s) written to {path}")
    return 0
