"""What the package commands share: usage errors, the passphrase, the workspace and the
trust store given on the command line, and the exit codes (0 done, 1 refused, 2 usage)."""
from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import asdict
from pathlib import Path

from ..models.package import minisign
from ..models.package.bag import PackageError
from ..models.package.communes import commune_names_in_file
from ..models.package.info import PACKAGE_KIND_RESPONSE
from ..models.package.trust import TrustError, TrustStore
from ..models.package.verify import VerificationReport, verify_package

USAGE = 2


class UsageError(Exception):
    pass


def ask_passphrase(path: str | None, confirm: bool = False) -> str | None:
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


def guarded(handler):
    """A command whose usage errors and refused keys or packages end with one line on
    stderr and exit code 2."""
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except UsageError as exc:
            print(f"qpvdesk: {exc}", file=sys.stderr)
        except (minisign.MinisignError, TrustError, PackageError) as exc:
            print(f"qpvdesk: {exc}", file=sys.stderr)
        return USAGE
    return run


def open_workspace(args):
    from ..models.workspace import Workspace

    return Workspace(args.workspace)


def trust_store(args) -> TrustStore:
    store = TrustStore.from_path(Path(args.trust), commune_names_in_file(args.reference))
    for problem in store.problems():   # a key file left out says so, not « Clé inconnue »
        print(f"qpvdesk: warning: {problem}", file=sys.stderr)
    return store


def report_json(report: VerificationReport) -> dict:
    document = {"valid": report.ok, "reason": report.reason, "file": str(report.path),
                "kind": report.kind, "sha256": report.sha256,
                "checks": [asdict(check) for check in report.checks],
                "package": asdict(report.info) if report.info else None,
                "trusted_owner": report.trusted_owner,
                "trusted_commune": report.trusted_commune,
                "contents": [{"name": name, "bytes": size} for name, size in report.contents],
                "proposals": [{"uuid": item.uuid, "kind": item.kind, "title": item.title}
                              for item in report.proposals]}
    if report.kind == PACKAGE_KIND_RESPONSE:
        document["states"] = [state_json(state) for state in report.states]
    return document


def verified(args, verify=verify_package) -> VerificationReport:
    """``verify(path, trust)`` on the command's file and trust store; the refusal said on
    stderr (unless --json)."""
    if not Path(args.file).is_file():
        raise UsageError(f"no such file: {args.file}")
    report = verify(args.file, trust_store(args))
    if not report.ok and not args.json:
        print(f"qpvdesk: refused: {report.reason}", file=sys.stderr)
    return report


def decision_fields(decided) -> dict:
    """A decision's words, author, date and modified geometry, as JSON: of a decision of the
    agglomeration's history, or of what a response says of a proposal."""
    from shapely import to_wkt

    return {"decision": decided.decision, "decision_label": decided.label,
            "motif": decided.motif, "decided_by": decided.decided_by,
            "decided_at": decided.decided_at,
            "modified_wkt_2154": None if decided.geometry is None
            else to_wkt(decided.geometry, rounding_precision=3)}


def state_json(state) -> dict:
    """What a response says of one proposal, as JSON."""
    return {"proposal_uuid": state.proposal_uuid, "package_uuid": state.package_uuid,
            "package_received": state.package_received, **decision_fields(state),
            "decision_uuid": state.decision_uuid, "decision_version": state.decision_version}


def print_import_outcome(report: VerificationReport, outcome, as_json: bool) -> int:
    """What an import of a verified package (proposals or response) says: the verification
    report and the outcome as JSON, or the outcome's summary; exit 0 only if imported."""
    import json

    if as_json:
        document = report_json(report)
        document["imported"] = outcome is not None and not outcome.already_imported
        document["summary"] = outcome.summary() if outcome else None
        print(json.dumps(document, ensure_ascii=False, indent=2))
    elif outcome is not None:
        print(outcome.summary())
    return 0 if outcome is not None else 1
