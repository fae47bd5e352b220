"""Build data/qpvdesk.sqlite from data/sources/, atomically.

The database is written to a temporary file next to the target and renamed at the end, so a
failed build never leaves a half database (and never replaces a good one).
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from ... import __version__
from ..spatialite import connect
from .comparateur import build_comparateur_values
from .comparator_table import build_comparators
from .context import BuildContext
from .coverage import PERIMETERS_2015, TOPICS, write_coverage
from .delinquance import build_offences
from .education import build_education
from .equipements import build_bpe, build_qpv_iris
from .filosofi_extra import build_filosofi_qpv, build_filosofi_tp60, build_qpv_edition_years
from .heritage import build_heritage
from .observatoire import build_observatoire
from .politique_ville import build_posts
from .indicators import (build_caf_values, build_catalogue, build_filosofi_values,
                         build_qpv_values)
from .provenance import provenance_rows
from .qpv import build_qpv
from .schema import create_schema, finish_schema, insert_rows
from .territories import build_communes, build_epci, build_iris

SCHEMA_VERSION = 3
#: progress(step label in French, fraction of the build done when the step starts)
Progress = Callable[[str, float], None]


def sources_digest(sources: Path) -> str:
    """sha256 over every source file's relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in sources.rglob("*") if p.is_file()):
        digest.update(path.relative_to(sources).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_reference_database(sources: Path, target: Path,
                             progress: Progress = lambda step, fraction: None) -> dict:
    """Build the CALL's reference database from data/sources/; returns a few counts. Raises
    SourceError on bad input."""
    sources = Path(sources)
    return write_atomically(Path(target), lambda path: _build(sources, path, progress))


def write_atomically(target: Path, write: Callable[[Path], dict]) -> dict:
    """Run ``write`` on a temporary file next to ``target``, then rename it over ``target``:
    a failed build leaves no half database and never replaces a good one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        result = write(temporary)
        with temporary.open("rb") as written:  # the build skipped SQLite's syncs: one here
            os.fsync(written.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        Path(f"{temporary}-journal").unlink(missing_ok=True)
    return result


#: Every topic is bundled for the CALL, except the 2015 perimeters.
CALL_COVERAGE = {topic: (True, "Sources embarquées dans data/sources/ (voir la provenance).")
                 for topic in TOPICS}
CALL_COVERAGE["qpv_perimetres_2015"] = (False, PERIMETERS_2015)


def open_build_database(path: Path):
    """A SpatiaLite connection for writing a new database. No sync per statement: the file is
    a temporary one, synced once and renamed when complete (write_atomically)."""
    conn = connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = OFF")
    return conn


def _build_diagnostic(ctx: BuildContext, communes: dict[str, str],
                      qpv_codes_2015: set[str]) -> int:
    """The sources of the territorial diagnostic (issue 12) and the comparator table."""
    values = build_comparateur_values(ctx, communes)
    values += build_filosofi_tp60(ctx, communes)
    values += build_filosofi_qpv(ctx, qpv_codes_2015)
    build_qpv_edition_years(ctx)
    values += build_observatoire(ctx, communes)
    values += build_bpe(ctx, communes, build_qpv_iris(ctx))
    values += build_posts(ctx)
    values += build_offences(ctx)
    build_comparators(ctx)
    return values


def _build(sources: Path, path: Path, progress: Callable[[str], None]) -> dict:
    conn = open_build_database(path)
    try:
        with conn:
            ctx = BuildContext(conn, sources)
            progress("schéma", 0.0)
            create_schema(conn)
            progress("communes et EPCI", 0.05)
            communes = build_communes(ctx)
            ctx.scope.communes = communes
            build_epci(ctx)
            progress("IRIS", 0.15)
            iris_codes = build_iris(ctx, communes)
            progress("QPV", 0.2)
            qpv_codes = build_qpv(ctx, communes)
            progress("indicateurs", 0.25)
            build_catalogue(ctx)
            values = build_qpv_values(ctx, set(qpv_codes))
            values += build_filosofi_values(ctx, set(communes), set(iris_codes))
            values += build_caf_values(ctx, set(iris_codes))
            progress("indicateurs du diagnostic", 0.45)
            values += _build_diagnostic(ctx, communes, set(qpv_codes))
            progress("établissements scolaires", 0.7)
            build_education(ctx, communes)
            progress("patrimoine minier", 0.75)
            build_heritage(ctx)
            write_coverage(conn, CALL_COVERAGE)
            insert_rows(conn, "provenance", ["table_name", "source_path", "producer", "licence",
                                             "vintage", "original_location"],
                        provenance_rows(ctx.table_sources))
            insert_rows(conn, "metadata", ["key", "value"], [
                ("schema_version", str(SCHEMA_VERSION)),
                ("built_by", f"qpvdesk {__version__}"),
                ("sources_sha256", sources_digest(sources)),
                ("crs", "EPSG:2154"),
                ("build_source", "data/sources"),
                ("perimeters", "fournis"),
                *ctx.scope.metadata(),
            ])
            progress("index spatiaux", 0.85)
            finish_schema(conn)
        conn.execute("VACUUM")
        progress("terminé", 1.0)
    finally:
        conn.close()
    return {"communes": len(communes), "iris": len(iris_codes), "qpv": len(qpv_codes),
            "indicator_values": values}
