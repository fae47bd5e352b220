"""Build the reference database of any EPCI from the national pack (data/national/), in the
schema of the CALL's database, atomically.

What the pack holds for all of France goes in: communes, EPCI, the QPV 2024 touching the EPCI
(straddling ones included), INSEE's QPV indicators through the derived 2024 -> 2015
correspondence, Filosofi, the comparateur with EPCI / département / région / France sums, NEET.
What has no national source (IRIS, BPE, schools, mining heritage, posts, offences, the 2025
comparateur, QPV perimeters outside the CALL) is absent, and the ``coverage`` table says so.
"""
from __future__ import annotations

from pathlib import Path

from ... import __version__
from . import national_layout as layout
from .builder import SCHEMA_VERSION, Progress, open_build_database, write_atomically
from .comparateur import build_national_comparateur
from .comparator_table import build_comparators
from .coverage import PERIMETERS_2015, perimeter_detail, perimeter_state, write_coverage
from .epci_search import EpciMatch, find_epci
from .filosofi_extra import (build_filosofi_qpv, build_filosofi_tp60, build_qpv_edition_years,
                             national_pairs)
from .indicators import build_catalogue, build_filosofi_values, build_qpv_values
from .names import normalized
from .national_pack import NationalPack
from .national_qpv import build_national_qpv
from .national_territories import (build_national_communes, build_national_epci, epci_rows,
                                   national_scope)
from .observatoire import build_neet
from .pack_context import PackContext
from .perimeters import Perimeter, apply_perimeters, read_perimeters, record_user_file
from .provenance import provenance_rows
from .schema import create_schema, finish_schema, insert_rows

#: A row of an EPCI file under another SIREN is the EPCI's own, published before a change of
#: SIREN, only if it has the EPCI's name and a population this close to today's.
FORMER_SIREN_POPULATION = (0.8, 1.1)


def build_epci_database(siren: str, target: Path, *, perimeters: Path | None = None,
                        bundled_perimeters: bool = True, pack: NationalPack | None = None,
                        progress: Progress = lambda step, fraction: None) -> dict:
    """Build the database of the EPCI ``siren``; returns a few counts. Raises UnknownEpci
    (French, with suggestions), PerimeterFileError or SourceError; nothing is written then.
    ``perimeters`` is ANCT's national QPV 2024 file; without it the CALL gets its bundled
    perimeters (unless ``bundled_perimeters`` is False) and other EPCI none."""
    pack = pack or NationalPack()
    epci = find_epci(siren, pack)
    chosen, source, user_file = None, None, perimeters is not None
    if user_file:
        source = Path(perimeters).name
        chosen = read_perimeters(Path(perimeters), source)
    elif bundled_perimeters and epci.siren == layout.CALL_SIREN:
        source = layout.PREFIX + layout.CALL_PERIMETERS
        chosen = read_perimeters(pack.data(layout.CALL_PERIMETERS), source,
                                 name_column="nom_qp", required=("code_qp",))
    return write_atomically(Path(target), lambda path: _build(
        pack, epci, path, chosen, source, user_file, progress))


def _build(pack: NationalPack, epci: EpciMatch, path: Path,
           perimeters: dict[str, Perimeter] | None, perimeter_source: str | None,
           user_file: bool, progress: Progress) -> dict:
    conn = open_build_database(path)
    try:
        with conn:
            progress("communes et EPCI", 0.0)
            record = next(r for r in epci_rows(pack).rows if r["siren_epci"] == epci.siren)
            scope, former = national_scope(pack, record)
            ctx = PackContext(conn, pack.folder, scope=scope, pack=pack, former_communes=former,
                              former_sirens=former_sirens(pack, epci))
            create_schema(conn)
            without_outline = build_national_communes(ctx, pack)
            build_national_epci(ctx, pack, record)
            progress("quartiers prioritaires", 0.35)
            qpvs = build_national_qpv(ctx, pack)
            report = None
            if perimeters is not None:
                report = apply_perimeters(conn, perimeters, perimeter_source)
                if user_file:
                    record_user_file(conn, perimeter_source)
                else:
                    ctx.used_by(perimeter_source, "qpv")
            values = _indicators(ctx, pack, {q.code_2015 for q in qpvs
                                            if q.code_2015 and q.confidence != "aucune"},
                                 progress)
            ctx.annotate()
            build_comparators(ctx)
            progress("provenance et couverture", 0.9)
            _describe(ctx, pack, len(qpvs), report, perimeter_source, without_outline)
            finish_schema(conn)
        conn.execute("VACUUM")
        progress("terminé", 1.0)
    finally:
        conn.close()
    return {"communes": len(scope.communes), "qpv": len(qpvs),
            "qpv_with_perimeter": len(report.imported) if report else 0,
            "indicator_values": values}


def _national(files) -> list[tuple[int, str]]:
    """(year, pack name) -> (year, name as the database records it)."""
    return [(year, layout.PREFIX + name) for year, name in files]


def _indicators(ctx: PackContext, pack: NationalPack, codes_2015: set[str],
                progress: Progress) -> int:
    communes = ctx.scope.communes
    progress("indicateurs des QPV", 0.4)
    qpv_files = [(family, edition, layout.PREFIX + name)
                 for family, edition, name in layout.QPV_FILES]
    qp_files = _national(layout.FILOQP_FILES)
    build_catalogue(ctx, qpv_files)
    values = build_qpv_values(ctx, codes_2015, qpv_files)
    values += build_filosofi_qpv(ctx, codes_2015, qp_files)
    build_qpv_edition_years(ctx, qp_files, _edition_year_pairs(pack))
    progress("revenus (Filosofi)", 0.6)
    values += build_filosofi_values(ctx, set(communes), set(), {
        level: _national(files) for level, files in layout.FILO_FILES.items()})
    values += build_filosofi_tp60(ctx, communes, {
        level: _national(files) for level, files in layout.TP60_FILES.items()})
    progress("comparateur de territoires et NEET", 0.72)
    values += build_national_comparateur(ctx, communes, ctx.former_communes,
                                         layout.PREFIX + layout.COMPARATEUR)
    values += build_neet(ctx, communes, {level: layout.PREFIX + name
                                         for level, name in layout.NEET_FILES.items()})
    return values


_PAIRS: dict[str, dict] = {}


def _edition_year_pairs(pack: NationalPack) -> dict:
    """REVN editions against Filosofi-by-QPV years over every QPV of France: the same for
    every EPCI, so computed once per pack in a process (the assistant may build several)."""
    if pack.manifest_sha256 not in _PAIRS:
        _PAIRS[pack.manifest_sha256] = national_pairs(
            {edition: pack.table(name) for family, edition, name in layout.QPV_FILES
             if family == "REVN"},
            {year: pack.table(name) for year, name in layout.FILOQP_FILES})
    return _PAIRS[pack.manifest_sha256]


def former_sirens(pack: NationalPack, epci: EpciMatch) -> dict[str, str]:
    """SIRENs under which INSEE published this EPCI before it changed SIREN (MEL: 245900410
    until 2019): a row of a Filosofi EPCI file with the same name, a SIREN no current EPCI has,
    and a population of fiscal households within FORMER_SIREN_POPULATION of today's."""
    current = {row["siren_epci"] for row in epci_rows(pack).rows}
    wanted, low, high = normalized(epci.name), *FORMER_SIREN_POPULATION
    found = {}
    for year, name in layout.FILO_FILES["EPCI"]:
        column = f"NBPERS{year % 100}"
        if pack.table(name, ["CODGEO"], keep={epci.siren}).rows:
            continue  # published under its own SIREN that year
        for row in pack.table(name, ["CODGEO", "LIBGEO", column]).rows:
            if row["CODGEO"] in current or normalized(row["LIBGEO"]) != wanted:
                continue
            persons = float(row[column].replace(",", ".") or 0)
            if low <= persons / epci.population <= high:
                found[row["CODGEO"]] = row["LIBGEO"]
    return found


def _describe(ctx: PackContext, pack: NationalPack, qpv_count: int, report,
              perimeter_source: str | None, without_outline: list[str]) -> None:
    """Coverage, provenance and metadata of the database."""
    scope, conn = ctx.scope, ctx.conn
    provided = len(report.imported) if report else 0
    communes_detail = ("Communes COG 2026 et populations légales (Etalab, INSEE) ; contours IGN "
                       "2018 simplifiés.")
    if without_outline:
        communes_detail += (" Sans contour propre (recréées après 2018, leur territoire est "
                            "dans le contour de leur ancienne commune) : "
                            + ", ".join(f"{scope.communes[c]} ({c})" for c in without_outline)
                            + ".")
    national = "Données nationales embarquées (data/national/, voir la provenance)."
    write_coverage(conn, {
        "communes": (True, communes_detail),
        "qpv_liste": (True, "Liste ANCT des QPV 2024 ; correspondance 2015 dérivée, avec son "
                            "indice de confiance."),
        "qpv_perimetres": perimeter_detail(qpv_count, provided, perimeter_source),
        "qpv_perimetres_2015": (False, PERIMETERS_2015),
        "indicateurs_qpv": (True, national),
        "filosofi": (True, national + " Le fichier communal 2017 n'est pas disponible."),
        "comparateur_2022": (True, national),
        "neet": (True, national),
    })
    insert_rows(conn, "provenance", ["table_name", "source_path", "producer", "licence",
                                     "vintage", "original_location"],
                provenance_rows(ctx.table_sources))
    insert_rows(conn, "metadata", ["key", "value"], [
        ("schema_version", str(SCHEMA_VERSION)),
        ("built_by", f"qpvdesk {__version__}"),
        ("sources_sha256", pack.manifest_sha256),
        ("crs", "EPSG:2154"),
        ("build_source", "national"),
        ("perimeters", perimeter_state(qpv_count, provided)),
        *scope.metadata(),
    ])
