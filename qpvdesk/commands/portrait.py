"""`qpvdesk portrait [--edition YEAR] [--json] [--pdf OUT.pdf] [--docx OUT.docx]`: the
territorial diagnostic of the CALL's QPV as French text (theme by theme, the generated
sentences), as JSON (every figure, with its year, source and comparability; keys in
qpvdesk/models/diagnostic/export.py), as an A4 PDF and as an editable Word document (one
report Document, models/report/diagnostic_document.py, two writers; no display needed).

Exit codes: 0 done; 1 a file cannot be written (one French sentence, nothing written: every
target is checked before any is written, and each is written whole or not at all); 2 bad
arguments (a --pdf not ending in .pdf, a --docx not ending in .docx, an edition without
data)."""
from __future__ import annotations

import argparse
import sys

from ..models.diagnostic import Diagnostic, build_diagnostic, diagnostic_to_json
from ..models.reference import ReferenceStore
from ..models.report.diagnostic_document import diagnostic_document
from ..models.report.output import check_writable
from .report import print_document


def add_parser(commands) -> None:
    parser = commands.add_parser("portrait", help="territorial diagnostic of the QPV "
                                                  "(French text, or --json)")
    parser.add_argument("--edition", type=int, metavar="YEAR",
                        help="edition of the QPV bases (default: the latest of each "
                             "indicator)")
    parser.add_argument("--json", action="store_true", help="the whole diagnostic as JSON")
    parser.add_argument("--pdf", metavar="OUT.pdf", help="write the portrait as an A4 PDF")
    parser.add_argument("--docx", metavar="OUT.docx",
                        help="write the portrait as an editable Word document")
    parser.set_defaults(handler=run)


#: (option, suffix, what the French messages call the file)
OUTPUTS = (("pdf", ".pdf", "le portrait PDF"), ("docx", ".docx", "le portrait Word"))


def _usage_problem(args: argparse.Namespace) -> str | None:
    for option, suffix, _ in OUTPUTS:
        path = getattr(args, option, None)
        if path is not None and not path.lower().endswith(suffix):
            return f"« {path} » : le nom du fichier doit finir par {suffix}."
    return None


def run(args: argparse.Namespace) -> int:
    problem = _usage_problem(args)
    if problem:
        print(f"qpvdesk: {problem}", file=sys.stderr)
        return 2
    outputs = [(getattr(args, option), what) for option, _, what in OUTPUTS
               if getattr(args, option, None)]
    for path, what in outputs:   # before anything is built or written
        check_writable(path, what)
    store = ReferenceStore(args.reference)
    try:
        diagnostic = build_diagnostic(store, args.edition)
    except ValueError as exc:
        print(f"qpvdesk: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    written = write_documents(diagnostic, getattr(args, "pdf", None),
                              getattr(args, "docx", None)) if outputs else []
    print_document(args.json, lambda: diagnostic_to_json(diagnostic),
                   lambda: portrait_text(diagnostic), written)
    return 0


def write_documents(diagnostic: Diagnostic, pdf: str | None, docx: str | None) -> list[str]:
    """The portrait's PDF and Word files from one Document; one line per file written."""
    from .map_setup import headless_application

    app = headless_application()  # noqa: F841 (fonts and painting need it alive)
    document = diagnostic_document(diagnostic)
    written = []
    if pdf:
        from ..render.report_pdf import write_document_pdf

        pages = write_document_pdf(document, pdf, "le portrait PDF")
        written.append(f"{pdf} ({pages} pages)")
    if docx:
        from ..render.report_docx import write_document_docx

        write_document_docx(document, docx, "le portrait Word")
        written.append(docx)
    return written


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
