"""`qpvdesk fiche CODE [--json] [--pdf out.pdf] [--docx out.docx]`: a QPV's fiche as readable
French text, as JSON, as an A4 PDF or as an editable Word document (no display needed)."""
from __future__ import annotations

import argparse
import sys

from ..models.fiche import (LEVEL_LABELS, Fiche, FicheLine, build_fiche, fiche_to_json,
                            format_figure)
from ..models.frenchnum import format_french_number, format_status
from ..models.reference import ReferenceStore
from .report import print_document


def add_parser(commands) -> None:
    parser = commands.add_parser("fiche", help="fiche of one QPV (French text, or --json)")
    parser.add_argument("code", help="QPV code, 2024 (QN062xxM) or 2015 (QP062xxx)")
    parser.add_argument("--json", action="store_true", help="every figure as JSON")
    parser.add_argument("--pdf", metavar="OUT.pdf",
                        help="write the fiche as an A4 PDF (with its map thumbnail)")
    parser.add_argument("--docx", metavar="OUT.docx",
                        help="write the fiche as an editable Word document (A4, its tables, "
                             "map and sources)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    pdf, docx = getattr(args, "pdf", None), getattr(args, "docx", None)
    store = ReferenceStore(args.reference)
    try:
        fiche = build_fiche(store, args.code)
        written = _write_files(store, fiche, pdf, docx) if pdf or docx else []
    except LookupError as exc:
        print(f"qpvdesk: {exc.args[0]}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print_document(args.json, lambda: fiche_to_json(fiche), lambda: fiche_text(fiche), written)
    return 0


def _write_files(store: ReferenceStore, fiche: Fiche, pdf: str | None,
                 docx: str | None) -> list[str]:
    """Write the asked files, each whole or not at all; every target is checked before any
    is written. Returns one line per file written."""
    from ..models.report.output import check_writable
    from .map_setup import headless_application

    for path, what in ((pdf, "la fiche PDF"), (docx, "la fiche Word")):
        if path:
            check_writable(path, what)
    app = headless_application()  # noqa: F841 (fonts and painting need it alive)
    from ..render.thumbnail import qpv_thumbnail

    thumbnail = qpv_thumbnail(store, fiche.identity.code)
    written = []
    if pdf:
        from ..render.fiche_pdf import write_fiche_pdf

        written.append(f"{pdf} ({write_fiche_pdf(fiche, thumbnail, pdf)} pages)")
    if docx:
        from ..render.report_docx import write_document_docx
        from ..render.report_fiche import fiche_document

        write_document_docx(fiche_document(fiche, thumbnail), docx, "la fiche Word")
        written.append(docx)
    return written


def fiche_text(fiche: Fiche) -> str:
    identity = fiche.identity
    lines = [f"{identity.name} — {identity.code} (code 2015 : {identity.code_2015})",
             "Communes : " + ", ".join(c.name for c in identity.communes_in_call)]
    if identity.communes_outside_call:
        lines[-1] += " ; hors CALL : " + ", ".join(c.name for c in identity.communes_outside_call)
    population = (f"{format_figure(identity.population)} (édition "
                  f"{identity.population.edition})" if identity.population
                  else format_status("missing"))
    lines.append(f"Surface : {format_french_number(identity.area_ha, 0)} ha "
                 f"({format_french_number(identity.share_in_call * 100, 0)} % dans la CALL) — "
                 f"population : {population}")
    for theme, theme_lines in fiche.themes.items():
        lines += ["", f"== {theme} =="]
        for line in theme_lines:
            lines += _indicator_text(line)
    lines += ["", "== Éducation =="]
    for school in fiche.schools:
        rep = f" — {school.rep}" if school.rep else ""
        lines.append(f"{school.name} ({school.commune_name}) — IPS "
                     f"{format_french_number(school.ips, 1)} ({school.ips_school_year}){rep} — "
                     f"{school.relation}")
    lines += ["", "Notes :", *(f"- {note}" for note in fiche.notes)]
    lines += ["", "Sources :", *(f"- {source.path} — {source.producer} ({source.vintage})"
                                 for source in fiche.sources)]
    return "\n".join(lines)


def _indicator_text(line: FicheLine) -> list[str]:
    head = f"{line.label} : {format_figure(line.qpv)} (édition {line.qpv.edition})"
    if not line.verified:
        head += " — définition non vérifiée"
    if line.rank is not None:
        head += f" — rang {line.rank}/{line.rank_of}"
    if line.qpv_min and line.qpv_max:
        head += (f" — min. {format_figure(line.qpv_min.figure)} ({line.qpv_min.qpv_name}), "
                 f"max. {format_figure(line.qpv_max.figure)} ({line.qpv_max.qpv_name})")
    if line.ratio_to_call is not None:
        head += f" — QPV/CALL : {format_french_number(line.ratio_to_call, 2)}"
    text = [head]
    for item in line.comparisons:
        notes = " — ".join(note for note in (item.comparability_note and "définition proche",
                                             item.pairing_note, item.note) if note)
        level = f" ({LEVEL_LABELS[item.level]})" if item.level == "commune" else ""
        text.append(f"    {item.territory_name}{level} : {format_figure(item.figure)} "
                    f"({item.year_text}){' — ' + notes if notes else ''}")
    for refusal in line.refusals:
        text.append(f"    non comparé à « {refusal.label} » ({LEVEL_LABELS[refusal.level]}) : "
                    "définitions différentes")
    if line.gap is not None:
        text.append(f"    écart à la CALL entre les éditions {line.gap.edition_from} et "
                    f"{line.gap.edition_to} : {line.gap.text}")
    return text
