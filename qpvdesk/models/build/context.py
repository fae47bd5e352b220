"""What every build step shares: the connection, the sources folder, the territory built for,
the provenance record."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from .readers import CsvTable, read_csv, read_geojson
from .scope import BuildScope, call_scope


@dataclass
class BuildContext:
    conn: object
    sources: Path
    table_sources: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    scope: BuildScope = field(default_factory=call_scope)

    def path(self, relative: str) -> Path:
        return self.sources / relative

    def used_by(self, relative: str, *tables: str) -> None:
        for table in tables:
            self.table_sources[table].append(relative)

    def csv(self, relative: str, required: list[str], *tables: str,
            delimiter: str = ";", keep: Collection[str] | None = None) -> CsvTable:
        """The whole file. ``keep`` names the territories a national file would be filtered on:
        the files of data/sources/ are already the CALL's extracts, read whole, and a row of
        another territory is refused by the step reading it."""
        self.used_by(relative, *tables)
        return read_csv(self.path(relative), required, delimiter)

    def geojson(self, relative: str, required: list[str], geometry_types: set[str],
                *tables: str):
        self.used_by(relative, *tables)
        return read_geojson(self.path(relative), required, geometry_types)
