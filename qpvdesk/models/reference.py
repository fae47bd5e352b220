"""Read-only access to the reference database (data/qpvdesk.sqlite)."""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from .database_problems import (REFERENCE, NotADatabaseFile, damaged_reference, explain,
                                file_kind_problem)
from .search import french_order
from .spatialite import connect, sqlite_module, versions

COUNTED_TABLES = {
    "qpv": "qpv", "communes": "commune", "iris": "iris", "epci": "epci",
    "colleges": "college", "ecoles": "ecole", "indicators": "indicator",
    "indicator_values": "indicator_value", "cites_minieres": "heritage_cite",
    "terrils": "heritage_terril", "puits": "heritage_puits",
}


# What a qpvdesk reference database holds whatever its version (SpatiaLite's metadata too).
REQUIRED_TABLES = ("metadata", "territory", "commune", "qpv", "indicator", "indicator_value",
                   "geometry_columns", "spatial_ref_sys")
_SQLITE_MAGIC = b"SQLite format 3\x00"


class ReferenceDatabaseMissing(FileNotFoundError):
    """The reference database has not been built."""


def _check_file(path: Path) -> None:
    """Refuse, before SQLite reads it, a file that is no SQLite database or is truncated (the
    header's page count times its page size is the file's length; SQLite itself would only
    notice when a query reaches a missing page)."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header:
        raise damaged_reference(path, "fichier vide")
    if not header.startswith(_SQLITE_MAGIC):
        raise NotADatabaseFile(f"{path} n'est pas une base de référence qpvdesk (ce n'est pas "
                               "une base SQLite) : indiquez le fichier data/qpvdesk.sqlite.",
                               path)
    if len(header) < 100:
        raise damaged_reference(path, "fichier tronqué")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    size = path.stat().st_size
    if page_count and valid_for == change_counter and size < page_count * page_size:
        raise damaged_reference(path, f"fichier tronqué : {size} octets sur "
                                      f"{page_count * page_size} attendus")


def _communes_text(communes: list[tuple[str, int]]) -> str:
    """The CALL's communes first, each group in French alphabetical order."""
    ordered = sorted(communes, key=lambda item: (not item[1], french_order(item[0])))
    return ", ".join(name for name, _ in ordered)


@dataclass(frozen=True)
class QpvSummary:
    code: str
    code_2015: str
    name: str
    communes: str          # commune names, CALL ones first
    area_ha: float
    share_in_call: float
    population: int | None  # DEMO.POP_MUN of the latest edition, 2015 geography
    population_edition: int | None


@dataclass(frozen=True)
class ProvenanceEntry:
    table_name: str
    source_path: str
    producer: str
    licence: str
    vintage: str
    original_location: str


class ReferenceStore:
    """The bundled reference data, opened read-only with SpatiaLite loaded."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        problem = file_kind_problem(self.path, REFERENCE)
        if problem is not None:
            raise problem
        if not self.path.is_file():
            raise ReferenceDatabaseMissing(
                f"La base de référence {self.path} est introuvable : construisez-la avec "
                "« qpvdesk build-data » (ou « make install »).")
        try:
            _check_file(self.path)
        except OSError as exc:
            raise damaged_reference(self.path, f"illisible : {exc.strerror}") from None
        self.conn = connect(self.path, readonly=True)
        try:
            self._check_tables()
        except BaseException as exc:
            self.conn.close()
            if isinstance(exc, sqlite_module().Error):
                problem = explain(exc, self.path, REFERENCE)
                if problem is not None:
                    raise problem from None
            raise

    def _check_tables(self) -> None:
        present = {row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        missing = [name for name in REQUIRED_TABLES if name not in present]
        if missing:
            named = ", ".join(missing[:3]) + (", …" if len(missing) > 3 else "")
            raise NotADatabaseFile(
                f"{self.path} n'est pas une base de référence qpvdesk (tables absentes : "
                f"{named}) : indiquez le fichier data/qpvdesk.sqlite ou reconstruisez-le avec "
                "« qpvdesk build-data ».", self.path)

    def close(self) -> None:
        self.conn.close()

    def versions(self) -> dict[str, str]:
        return versions(self.conn)

    def counts(self) -> dict[str, int]:
        return {key: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for key, table in COUNTED_TABLES.items()}

    def metadata(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM metadata"))

    def qpv_list(self) -> list[QpvSummary]:
        rows = self.conn.execute("""
            SELECT q.code, q.code_2015, q.name, q.area_ha, q.share_in_call, v.value, v.edition
            FROM qpv q
            LEFT JOIN indicator_value v ON v.territory_kind = 'qpv'
                 AND v.territory_code = q.code_2015 AND v.indicator_id = 'DEMO.POP_MUN'
                 AND v.status = 'ok'
                 AND v.edition = (SELECT max(edition) FROM indicator_value
                                  WHERE indicator_id = 'DEMO.POP_MUN' AND status = 'ok'
                                    AND territory_code = q.code_2015)
            ORDER BY q.name COLLATE NOCASE""").fetchall()
        communes_of: dict[str, list[tuple[str, int]]] = {}
        for code, commune, in_call in self.conn.execute(
                "SELECT qpv_code, commune_name, in_call FROM qpv_commune WHERE geography = 2024"):
            communes_of.setdefault(code, []).append((commune, in_call))
        summaries = [QpvSummary(code, code_2015, name, _communes_text(communes_of.get(code, [])),
                                area, share, int(population) if population is not None
                                else None, edition)
                     for code, code_2015, name, area, share, population, edition in rows]
        return sorted(summaries, key=lambda summary: french_order(summary.name))

    def provenance(self) -> list[ProvenanceEntry]:
        return [ProvenanceEntry(*row) for row in self.conn.execute(
            "SELECT table_name, source_path, producer, licence, vintage, original_location "
            "FROM provenance ORDER BY table_name, source_path")]
