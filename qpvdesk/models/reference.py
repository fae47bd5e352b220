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
    code_2015: str | None   # None: no INSEE figures for this QPV (see qpv_correspondence())
    name: str
    communes: str          # commune names, the EPCI's first
    area_ha: float | None   # None: perimeter not provided (an EPCI database, see coverage())
    share_in_call: float | None
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


@dataclass(frozen=True)
class EpciIdentity:
    """The EPCI the database is built for (metadata written by the build)."""
    siren: str
    name: str                   # « CA de Lens - Liévin »
    short_name: str | None      # « CALL »; None when the sources give none
    build_source: str           # 'data/sources' (the CALL's bundled sources) or 'national'
    departements: tuple[str, ...]
    regions: tuple[str, ...]

    @property
    def label(self) -> str:
        """How a screen names it: the short name when there is one."""
        return self.short_name or self.name


@dataclass(frozen=True)
class CoverageEntry:
    topic: str                  # e.g. 'iris', 'qpv_perimetres', 'etablissements_scolaires'
    label: str                  # French
    available: bool
    detail: str                 # French: the source, or why it is absent


#: What a screen says beside a QPV's INSEE figures, by confidence of the 2024 -> 2015 match.
CORRESPONDENCE_CAUTIONS = {
    "haute": None,
    "moyenne": ("Chiffres INSEE du QPV 2015 {code_2015} « {name_2015} », rattaché à ce quartier "
                "avec une confiance moyenne."),
    "faible": ("Pas de chiffres INSEE pour ce quartier : le QPV 2015 le plus proche, "
               "{code_2015} « {name_2015} », ne lui correspond qu'avec une confiance faible."),
    "aucune": "Pas de chiffres INSEE pour ce quartier : aucun QPV 2015 ne lui correspond.",
    "sans_objet": "Nouveau quartier prioritaire en 2024 : pas encore de chiffres INSEE.",
}


@dataclass(frozen=True)
class QpvCorrespondence:
    code_2024: str
    name_2024: str
    code_2015: str | None       # the candidate, whatever the confidence
    name_2015: str | None
    confidence: str             # haute | moyenne | faible | aucune | sans_objet (new QPV)
    figures_linked: bool        # the 2015 figures are shown as this QPV's (qpv.code_2015)
    method: str                 # French
    other_candidates_2015: tuple[str, ...]
    note: str                   # French, in full

    @property
    def caution(self) -> str | None:
        """One French sentence to show with (or instead of) the QPV's INSEE figures; None
        when the match needs no warning."""
        text = CORRESPONDENCE_CAUTIONS[self.confidence]
        return text.format(code_2015=self.code_2015, name_2015=self.name_2015) if text else None


@dataclass(frozen=True)
class QpvMarker:
    """A QPV whose perimeter is not provided, marked at a point inside one of its communes."""
    qpv_code: str
    commune_insee: str
    commune_name: str
    note: str                   # French: « Périmètre non fourni : … »
    x: float                    # Lambert-93
    y: float


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

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                 "name = ?", (name,)).fetchone() is not None

    def epci_identity(self) -> EpciIdentity:
        """The EPCI of the database, from its metadata (or its epci row alone, for a
        database built before schema 3)."""
        meta = self.metadata()
        if "epci_siren" not in meta:
            siren, name = self.conn.execute("SELECT siren, name FROM epci").fetchone()
            return EpciIdentity(siren, name, None, "data/sources", (), ())
        return EpciIdentity(meta["epci_siren"], meta["epci_name"],
                            meta.get("epci_short_name") or None,
                            meta.get("build_source", "data/sources"),
                            tuple(c for c in meta.get("departements", "").split(",") if c),
                            tuple(c for c in meta.get("regions", "").split(",") if c))

    def coverage(self) -> dict[str, CoverageEntry]:
        """By topic, what the database holds for its EPCI; empty for a database built before
        the table existed (the CALL's, which holds every topic)."""
        if not self._has_table("coverage"):
            return {}
        return {row[0]: CoverageEntry(row[0], row[1], bool(row[2]), row[3])
                for row in self.conn.execute(
                    "SELECT topic, label, available, detail FROM coverage ORDER BY rowid")}

    def is_available(self, topic: str) -> bool:
        """False when the database says the topic is absent for its EPCI."""
        entry = self.coverage().get(topic)
        return entry is None or entry.available

    def qpv_correspondence(self, qpv_code: str) -> QpvCorrespondence:
        """The 2015 counterpart of a 2024 QPV (or of the 2024 QPV showing a 2015 code's
        figures), with its confidence; LookupError (French) for an unknown code or a database
        built before the confidence was recorded."""
        if int(self.metadata().get("schema_version", 0)) < 3:
            raise LookupError("La base de référence date d'une version antérieure de qpvdesk, "
                              "sans l'indice de confiance des correspondances : reconstruisez-la "
                              "(qpvdesk build-data).")
        row = self.conn.execute(
            "SELECT code_2024, name_2024, code_2015, name_2015, confidence, figures_linked, "
            "method, other_candidates_2015, note FROM qpv_correspondence WHERE "
            "upper(code_2024) = upper(?) OR (figures_linked = 1 AND upper(code_2015) = upper(?))"
            " ORDER BY code_2024 LIMIT 1", (qpv_code, qpv_code)).fetchone()
        if row is None:
            raise LookupError(f"Code de quartier inconnu : « {qpv_code} ».")
        return QpvCorrespondence(*row[:5], bool(row[5]), row[6],
                                 tuple(c for c in row[7].split(",") if c), row[8])

    def qpv_markers(self) -> list[QpvMarker]:
        """The QPV drawn as a point because their perimeter is not provided."""
        if not self._has_table("qpv_marker"):
            return []
        return [QpvMarker(*row) for row in self.conn.execute(
            "SELECT qpv_code, commune_insee, commune_name, note, X(geom), Y(geom) "
            "FROM qpv_marker ORDER BY qpv_code")]

    def provenance(self) -> list[ProvenanceEntry]:
        return [ProvenanceEntry(*row) for row in self.conn.execute(
            "SELECT table_name, source_path, producer, licence, vintage, original_location "
            "FROM provenance ORDER BY table_name, source_path")]
