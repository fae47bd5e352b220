"""`qpvdesk received publish|pull [--postgis DSN]`: the consolidated store to and from the
agglomeration's PostgreSQL + PostGIS.

The password comes from libpq (~/.pgpass, the service file, PGPASSWORD) or, on a terminal, is
asked for; it is never saved. The connection string (without password) is remembered in the
workspace, so the next time --postgis may be left out.

Exit codes: 0 done, 1 refused or failed (server, rights, data), 2 bad connection string.
"""
from __future__ import annotations

import argparse
import getpass
import json
import sys

USAGE = 2
PASSWORD_TRIES = 3

_DSN_HELP = ("libpq connection: « service=qpvdesk » (~/.pg_service.conf), « host=H port=P "
             "dbname=D user=U » or a postgresql:// URI; the password comes from ~/.pgpass or "
             "PGPASSWORD, or is asked on a terminal (default: the last connection used)")


def add_postgis_actions(actions) -> None:
    publishing = actions.add_parser(
        "publish", help="write the consolidated proposals, their provenance and decisions "
                        "to PostgreSQL + PostGIS (one transaction, idempotent)")
    publishing.add_argument("--postgis", metavar="DSN", help=_DSN_HELP)
    publishing.add_argument("--json", action="store_true")
    publishing.set_defaults(handler=run_publish)
    pulling = actions.add_parser(
        "pull", help="bring back the packages and decisions colleagues published")
    pulling.add_argument("--postgis", metavar="DSN", help=_DSN_HELP)
    pulling.add_argument("--json", action="store_true")
    pulling.set_defaults(handler=run_pull)


def _with_password(action):
    """Run ``action(password)``: first with none (libpq's own sources), then, on a terminal,
    with one typed by the user."""
    from ..models.postgis import PasswordNeeded

    password = None
    for _ in range(PASSWORD_TRIES):
        try:
            return action(password)
        except PasswordNeeded as exc:
            if not sys.stdin.isatty():
                raise
            print(f"qpvdesk: {exc}", file=sys.stderr)
            target = exc.target
            password = getpass.getpass(f"Mot de passe PostgreSQL de « {target.user} » sur "
                                       f"{target.server} : ") or None
    return action(password)


def _run(args: argparse.Namespace, work) -> int:
    from ..models.package.identity import load_identity
    from ..models.postgis import PostgisProblem, remember_connection, remembered_connection
    from ..models.workspace import Workspace

    workspace = Workspace(args.workspace)
    try:
        dsn = args.postgis or remembered_connection(workspace)
        if not dsn:
            print("qpvdesk: give the server with --postgis DSN (e.g. --postgis service=qpvdesk)",
                  file=sys.stderr)
            return USAGE
        agent = load_identity(workspace).contact_name
        try:
            outcome = _with_password(lambda password: work(workspace, dsn, password, agent))
            remember_connection(workspace, dsn)
        except PostgisProblem as exc:
            print(f"qpvdesk: {exc}", file=sys.stderr)
            return exc.exit_code
    finally:
        workspace.close()
    if args.json:
        document = {key: value for key, value in vars(outcome).items() if key != "styles"}
        if hasattr(outcome, "styles"):
            document["styles"] = vars(outcome.styles)
        document["summary"] = outcome.summary()
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(outcome.summary())
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from ..models.postgis import publish

    return _run(args, lambda workspace, dsn, password, agent:
                publish(workspace, dsn, password, agent))


def run_pull(args: argparse.Namespace) -> int:
    from ..models.package.communes import commune_names_in_file
    from ..models.postgis import pull

    return _run(args, lambda workspace, dsn, password, agent:
                pull(workspace, dsn, password, commune_names_in_file(args.reference)))
