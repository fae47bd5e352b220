"""The agglomeration's decisions from the command line: `qpvdesk received decide UUID
--decision CODE --motif TEXT` and `qpvdesk received summary`.

Exit codes: 0 recorded, 1 refused (a proposal never received), 2 bad input (unknown decision,
missing motif, who decides)."""
from __future__ import annotations

import argparse
import json
import sys

from ..models.decisions_vocabulary import DECISIONS, InvalidDecision
from .package_support import USAGE, decision_fields, guarded, open_workspace


def add_received_actions(actions) -> None:
    """`decide` and `summary` under `qpvdesk received`."""
    decide = actions.add_parser("decide", help="record a decision on a received proposal "
                                               "(append-only: it supersedes the latest one)")
    decide.add_argument("uuid", metavar="UUID", help="the proposal's uuid")
    decide.add_argument("--decision", required=True, choices=tuple(DECISIONS),
                        help="; ".join(f"{code}: {label}" for code, label in DECISIONS.items()))
    decide.add_argument("--motif", default="", help="why (required for retenue, "
                                                   "retenue_modifiee and non_retenue)")
    decide.add_argument("--by", metavar="NAME", help="who decides (default: the workspace's "
                                                     "contact name, else the login name)")
    decide.add_argument("--json", action="store_true")
    decide.set_defaults(handler=run_decide)
    summary = actions.add_parser("summary", help="per commune, the received proposals counted "
                                                 "by their latest decision")
    summary.set_defaults(handler=run_summary)


def decision_json(decision) -> dict:
    return {"uuid": decision.uuid, "proposal_uuid": decision.proposal_uuid,
            "package_uuid": decision.package_uuid, "version": decision.version,
            "supersedes": decision.supersedes, **decision_fields(decision)}


@guarded
def run_decide(args: argparse.Namespace) -> int:
    from ..models.decisions import DecisionStore, default_decider
    from ..models.package.identity import load_identity

    workspace = open_workspace(args)
    try:
        store = DecisionStore(workspace)
        decided_by = args.by if args.by is not None else default_decider(
            load_identity(workspace))
        try:
            decision = store.decide(args.uuid, args.decision, args.motif, decided_by)
        except InvalidDecision as exc:
            print(f"qpvdesk: {exc}", file=sys.stderr)
            unknown = not store.received.versions(args.uuid)
            return 1 if unknown else USAGE
    finally:
        workspace.close()
    if args.json:
        print(json.dumps(decision_json(decision), ensure_ascii=False, indent=2))
    else:
        replaced = f", supersedes {decision.supersedes}" if decision.supersedes else ""
        print(f"{decision.proposal_uuid}: {decision.label} (version {decision.version}"
              f"{replaced}), by {decision.decided_by} at {decision.decided_at}")
    return 0


@guarded
def run_summary(args: argparse.Namespace) -> int:
    from ..models.decisions import DecisionStore
    from ..models.package.communes import commune_names_in_file

    workspace = open_workspace(args)
    try:
        summary = DecisionStore(workspace).summary_by_commune()
    finally:
        workspace.close()
    names = commune_names_in_file(args.reference)
    for line in summary:
        print(line.text(names))
    if not summary:
        print("Aucune proposition reçue.")
    return 0
