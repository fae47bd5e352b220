"""Read-only access to the reference database (data/qpvdesk.sqlite)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .search import french_order
from .spatialite import connect, versions

COUNTED_TABLES = {
    "qpv": "qpv", "communes": "commune", "iris": "iris", "epci": "epci",
    "colleges": "college", "ecoles": "ecole", "indicators": "indicator",
    "indicator_values": "indicator_value", "cites_minieres": "heritage_cite",
    "terrils": "heritage_terril", "puits": "heritage_puits",
}


class ReferenceDatabaseMissing(FileNotFoundError):
    """The reference database has not been built."""


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
        if not self.path.is_file():
            raise ReferenceDatabaseMissing(f"reference database not found: {self.path}")
        self.conn = connect(self.path, readonly=True)

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
