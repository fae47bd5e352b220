"""`qpvdesk --self-test`: check that this install (or frozen bundle) does what the app does,
with no window and nothing written outside a temporary folder.

One check per feature family, each doing the real thing: the reference database (read-only
SpatiaLite, R*Tree, PROJ), a choropleth map, an MBTiles basemap (PNG, JPEG and WebP tiles), a
fiche PDF, the portrait as PDF and Word (python-docx reads its template at run time), the
pyqtgraph charts, the indicator table as CSV/XLSX, proposal import from
GeoJSON, GeoPackage, KML and Shapefile files written for the occasion, proposal export, a
signed package (throwaway key: export, verify, import), the agglomeration's signed response
(decide, write, verify, import), another EPCI's database built from the national data pack,
the PostgreSQL client library (PostGIS publishing) and the main window. Each family prints
one French/English line, passed or failed (with the error); the exit code is 0 only if all
passed. Meant first as the check of a packaged build (`dist/qpvdesk/qpvdesk --self-test`).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import data, drawing
from .context import Context, SelfTestFailure
from .samples import IMPORT_FORMATS

__all__ = ["FAILED", "FAMILIES", "PASSED", "SKIPPED", "Family", "SelfTestFailure", "run"]

PASSED, FAILED, SKIPPED = "réussi / passed", "ÉCHEC / FAILED", "non testé / skipped"


@dataclass(frozen=True)
class Family:
    name: str                          # English id, named in the summary line
    title: str                         # « French / English »
    check: Callable[[Context], str]
    needs_reference: bool = True


FAMILIES: tuple[Family, ...] = (
    Family("reference", "Base de référence / Reference database", data.reference_database,
           needs_reference=False),
    Family("choropleth", "Carte choroplèthe / Choropleth map", drawing.choropleth_map),
    Family("basemap", "Fond de plan MBTiles / MBTiles basemap", drawing.mbtiles_basemap),
    Family("fiche", "Fiche PDF / Fiche as PDF", drawing.fiche_pdf),
    Family("portrait", "Portrait PDF et Word / Portrait as PDF and Word", drawing.portrait),
    Family("charts", "Graphiques / Charts", drawing.charts),
    Family("table", "Tableau CSV et XLSX / Table as CSV and XLSX", data.table_export),
    *(Family(f"import-{name.lower()}", f"Import {name} / {name} import",
             data.proposal_import(name)) for name in IMPORT_FORMATS),
    Family("export", "Export des propositions / Proposal export", data.proposal_export),
    Family("package", "Paquet signé / Signed package", data.signed_package),
    Family("response", "Réponse signée de l'agglomération / Signed response",
           data.response_package),
    Family("epci", "Base d'une autre agglomération / Another EPCI's database",
           data.epci_database, needs_reference=False),
    Family("postgis-client", "Client PostgreSQL / PostgreSQL client", data.postgis_client,
           needs_reference=False),
    Family("window", "Fenêtre principale / Main window", drawing.main_window),
)


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if isinstance(exc, SelfTestFailure) else f"{type(exc).__name__}: {message}"


@contextmanager
def _without_offscreen_chatter() -> Iterator[None]:
    """Showing a window on the offscreen platform makes Qt print « This plugin does not
    support propagateSizeHints() »: not a problem, so not printed; other messages are."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    frozen = "frozen" if getattr(sys, "frozen", False) else "not frozen"
    print(f"qpvdesk self-test ({frozen}, Python {sys.version.split()[0]})", flush=True)
    from ...models.proposals import gdal

    gdal.pyogrio()   # before any SpatiaLite connection (see models/proposals/gdal.py)
    failed: list[str] = []
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="qpvdesk-self-test-") as folder, \
            _without_offscreen_chatter():
        ctx = Context(args, Path(folder))
        try:
            for family in FAMILIES:
                if family.needs_reference and "reference" in failed:
                    skipped.append(family.name)
                    print(f"  {SKIPPED:<20} {family.title} — needs the reference database")
                    continue
                start = time.perf_counter()
                try:
                    detail = family.check(ctx)
                except Exception as exc:  # noqa: BLE001 - one line per family, then go on
                    failed.append(family.name)
                    print(f"  {FAILED:<20} {family.title} — {_one_line(exc)}", flush=True)
                    continue
                print(f"  {PASSED:<20} {family.title} — {detail} "
                      f"({time.perf_counter() - start:.2f} s)", flush=True)
        finally:
            ctx.close()
    elapsed = time.perf_counter() - started
    if failed:
        untested = f", {len(skipped)} not tested" if skipped else ""
        print(f"self-test: FAILED, {len(failed)} of {len(FAMILIES)} families failed "
              f"({', '.join(failed)}){untested} ({elapsed:.1f} s)")
        return 1
    print(f"self-test: OK, {len(FAMILIES)} families ({elapsed:.1f} s)")
    return 0
