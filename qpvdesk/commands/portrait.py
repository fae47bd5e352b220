"""`qpvdesk portrait [--edition YEAR] [--json]`: the territorial diagnostic of the CALL's QPV
as French text (theme by theme, the generated sentences) or as JSON (every figure, with its
year, source and comparability; keys in qpvdesk/models/diagnostic/export.py)."""
from __future__ import annotations

import argparse
import json
import sys

from ..models.diagnostic import Diagnostic, build_diagnostic, diagnostic_to_json
from ..models.reference import ReferenceStore


def add_parser(commands) -> None:
    parser = commands.add_parser("portrait", help="territorial diagnostic of the QPV "
                                                  "(French text, or --json)")
    parser.add_argument("--edition", type=int, metavar="YEAR",
                        help="edition of the QPV bases (default: the latest of each "
                             "indicator)")
    parser.add_argument("--json", action="store_true", help="the whole diagnostic as JSON")
    # The document writers (--pdf, --docx) register their options here, beside --json, and
    # write from the same Diagnostic in run().
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    store = ReferenceStore(args.reference)
    try:
        diagnostic = build_diagnostic(store, args.edition)
    except ValueError as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if args.json:
        print(json.dumps(diagnostic_to_json(diagnostic), ensure_ascii=False, indent=2))
    else:
        print(portrait_text(diagnostic))
    return 0


def portrait_text(diagnostic: Diagnostic) -> str:
    """The diagnostic's sentences, theme by theme, with its notes: what an officer reads."""
    lines = [f"{diagnostic.title} — {diagnostic.territory}", ""]
    for theme in diagnostic.themes:
        lines.append(f"== {theme.title} ==")
        if theme.scope:
            lines.append(f"({theme.scope})")
        lines += [f"- {sentence}" for sentence in theme.sentences()]
        lines += [f"  {finding.evolution.sentence}" for finding in theme.findings
                  if finding.evolution is not None and finding.evolution.changes]
        lines.append("")
    lines += ["Notes :", *(f"- {note}" for note in diagnostic.notes)]
    return "\n".join(lines)
