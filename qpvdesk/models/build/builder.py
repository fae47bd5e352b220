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

SCHEMA_VERSION = 2


def sources_digest(sources: Path) -> str:
    """sha256 over every source file's relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in sources.rglob("*") if p.is_file()):
        digest.update(path.relative_to(sources).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_reference_database(sources: Path, target: Path,
                             progress: Callable[[str], None] = lambda step: None) -> dict:
    """Build the reference database; returns a few counts. Raises SourceError on bad input."""
    sources, target = Path(sources), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        counts = _build(sources, temporary, progress)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        Path(f"{temporary}-journal").unlink(missing_ok=True)
    return counts


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
    conn = connect(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        with conn:
            ctx = BuildContext(conn, sources)
            progress("schéma")
            create_schema(conn)
            progress("communes et EPCI")
            communes = build_communes(ctx)
            build_epci(ctx)
            progress("IRIS")
            iris_codes = build_iris(ctx, communes)
            progress("QPV")
            qpv_codes = build_qpv(ctx, communes)
            progress("indicateurs")
            build_catalogue(ctx)
            values = build_qpv_values(ctx, set(qpv_codes))
            values += build_filosofi_values(ctx, set(communes), set(iris_codes))
            values += build_caf_values(ctx, set(iris_codes))
            progress("indicateurs du diagnostic")
            values += _build_diagnostic(ctx, communes, set(qpv_codes))
            progress("établissements scolaires")
            build_education(ctx, communes)
            progress("patrimoine minier")
            build_heritage(ctx)
            insert_rows(conn, "provenance", ["table_name", "source_path", "producer", "licence",
                                             "vintage", "original_location"],
                        provenance_rows(ctx.table_sources))
            insert_rows(conn, "metadata", ["key", "value"], [
                ("schema_version", str(SCHEMA_VERSION)),
                ("built_by", f"qpvdesk {__version__}"),
                ("sources_sha256", sources_digest(sources)),
                ("crs", "EPSG:2154"),
            ])
            progress("index spatiaux")
            finish_schema(conn)
        conn.execute("VACUUM")
    finally:
        conn.close()
    return {"communes": len(communes), "iris": len(iris_codes), "qpv": len(qpv_codes),
            "indicator_values": values}
