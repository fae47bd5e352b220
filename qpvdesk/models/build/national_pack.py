"""Read the national data pack (data/national/): gzip files checked against MANIFEST.csv.

An EPCI needs a few hundred rows of files that hold all of France, so the reader filters on the
first field of each line before parsing it as CSV, and finds the GeoJSON features of one EPCI
by searching the bytes for its SIREN before decoding them (the files' bytes are fixed by their
sha256). Row numbers stay those of the file (header = row 1). No geopandas: csv, json, shapely
and pyproj only, the last two imported when a geometry is read (searching the EPCI list
needs neither).
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import json
import zlib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .errors import SourceError
from .national_layout import PREFIX

LAMBERT93 = 2154
_FEATURE_START = b'{"type":"Feature"'


class NationalPackMissing(FileNotFoundError):
    """The national data pack is not where the build looks for it."""


class Row(Mapping):
    """One CSV row, read by column name like the dict rows of the CALL build's tables."""

    __slots__ = ("cells", "index")

    def __init__(self, cells: list[str], index: dict[str, int]) -> None:
        self.cells = cells
        self.index = index

    def __getitem__(self, column: str) -> str:
        position = self.index[column]
        return self.cells[position] if position < len(self.cells) else ""

    def __iter__(self) -> Iterator[str]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)


@dataclass(frozen=True)
class PackTable:
    """Rows of a pack file kept by a filter, with their row numbers in the file."""
    path: Path                  # national/<folder>/<file>, as the database names it
    columns: list[str]
    rows: list[Row]
    numbers: list[int]

    def row_number(self, index: int) -> int:
        return self.numbers[index]

    def subset(self, indexes: list[int]) -> "PackTable":
        return PackTable(self.path, self.columns, [self.rows[i] for i in indexes],
                         [self.numbers[i] for i in indexes])


@dataclass(frozen=True)
class Feature:
    properties: dict
    geometry: object            # shapely geometry in Lambert-93
    number: int                 # 1-based position in the file


def default_pack_folder() -> Path:
    from ... import paths  # lazily: paths is cheap, but keeps this module standalone

    return paths.install_root() / "data" / "national"


class NationalPack:
    """The pack's files, decompressed on demand and checked against their sha256."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_pack_folder()
        manifest = self.folder / "MANIFEST.csv"
        if not manifest.is_file():
            raise NationalPackMissing(
                f"Les données nationales sont introuvables : {manifest} n'existe pas. "
                "Réinstallez qpvdesk avec son dossier data/national.")
        with manifest.open(encoding="utf-8", newline="") as handle:
            self.manifest = {row["file"]: row for row in csv.DictReader(handle, delimiter=";")}
        self.manifest_sha256 = hashlib.sha256(manifest.read_bytes()).hexdigest()
        self._tables: dict[str, tuple[list[str], list[str]]] = {}
        self._whole: dict[str, PackTable] = {}

    def relative(self, name: str) -> str:
        """How the database names a pack file: national/<folder>/<file>."""
        return PREFIX + name

    def data(self, name: str) -> bytes:
        """The decompressed bytes of a pack file, refused unless they have the sha256 of the
        manifest."""
        entry = self.manifest.get(name)
        label = Path(self.relative(name))
        if entry is None:
            raise SourceError(label, "not listed in the national pack's MANIFEST.csv")
        path = self.folder / entry["stored"]
        if not path.is_file():
            raise SourceError(label, f"file is missing ({path})")
        try:
            data = gzip.decompress(path.read_bytes())
        except (OSError, EOFError, zlib.error) as exc:
            raise SourceError(label, f"not a readable gzip file ({exc})") from exc
        found = hashlib.sha256(data).hexdigest()
        if found != entry["sha256"]:
            raise SourceError(label, f"decompressed content has sha256 {found}, expected "
                                     f"{entry['sha256']} (see MANIFEST.csv)")
        return data

    def _lines(self, name: str) -> tuple[list[str], list[str]]:
        """(header cells, data lines) of a CSV file, parsed once per pack object."""
        if name not in self._tables:
            try:
                text = self.data(name).decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise SourceError(Path(self.relative(name)), f"not UTF-8 text ({exc.reason})") \
                    from exc
            lines = text.split("\n")
            while lines and not lines[-1].strip("\r"):
                lines.pop()
            if not lines:
                raise SourceError(Path(self.relative(name)), "file is empty")
            header = next(csv.reader([lines[0].rstrip("\r")], delimiter=";"))
            self._tables[name] = (header, lines[1:])
        return self._tables[name]

    def table(self, name: str, required: Collection[str] = (),
              keep: Collection[str] | None = None) -> PackTable:
        """Rows whose first field is in ``keep`` (every row when None), checked for the
        required columns. Every file of the pack has its territory code first."""
        header, lines = self._lines(name)
        missing = [column for column in required if column not in header]
        if missing:
            raise SourceError(Path(self.relative(name)),
                              f"missing column(s): {', '.join(missing)}", 1)
        if keep is None:
            if name in self._whole:
                return self._whole[name]
            chosen = list(enumerate(lines))
        else:
            chosen = [(i, line) for i, line in enumerate(lines)
                      if line[:line.find(";")].strip('"') in keep]
        index: dict[str, int] = {}
        for position, column in enumerate(header):
            index.setdefault(column, position)
        # Trailing empty cells read as "" anyway (Row): not parsing them spares REVN 2021-2022
        # their 770 unnamed empty columns.
        cells = csv.reader((line.rstrip("\r").rstrip(";") for _, line in chosen), delimiter=";")
        rows, numbers = [], []
        for (i, _), row in zip(chosen, cells):
            if len(row) > len(header):
                raise SourceError(Path(self.relative(name)),
                                  f"{len(row)} cells for {len(header)} columns", i + 2)
            rows.append(Row(row, index))
            numbers.append(i + 2)
        table = PackTable(Path(self.relative(name)), header, rows, numbers)
        if keep is None:
            self._whole[name] = table
        return table

    def features(self, name: str, key: str, value: str) -> list[Feature]:
        """The features whose property ``key`` is ``value``, in Lambert-93, checked valid and
        polygonal. Found by searching the bytes for ``"key":"value"``."""
        data = self.data(name)
        needle = json.dumps({key: value}, ensure_ascii=False, separators=(",", ":"))[1:-1]
        needle_bytes = needle.encode()
        decoder = json.JSONDecoder()
        features, start, counted, number = [], 0, 0, 0
        while (hit := data.find(needle_bytes, start)) >= 0:
            start = hit + len(needle_bytes)
            begin = data.rfind(_FEATURE_START, 0, hit)
            end = data.find(_FEATURE_START, hit)
            number += data.count(_FEATURE_START, counted, begin + 1)
            counted = begin + 1
            feature, _ = decoder.raw_decode(data[begin:end if end >= 0 else len(data)].decode())
            if feature.get("properties", {}).get(key) != value:
                continue  # the text matched inside another property
            features.append(Feature(feature["properties"],
                                    self._geometry(name, feature, number), number))
        return features

    @cached_property
    def _to_lambert93(self):
        from pyproj import Transformer

        return Transformer.from_crs(4326, LAMBERT93, always_xy=True)

    def _geometry(self, name: str, feature: dict, number: int):
        import shapely

        label = Path(self.relative(name))
        try:
            geometry = shapely.geometry.shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, shapely.errors.GEOSException) as exc:
            raise SourceError(label, f"unreadable geometry ({exc})", number, "feature") from exc
        if geometry.is_empty or geometry.geom_type not in ("Polygon", "MultiPolygon"):
            raise SourceError(label, f"geometry type {geometry.geom_type}, expected Polygon or "
                                     "MultiPolygon", number, "feature")
        projected = shapely.transform(geometry, self._project, interleaved=False)
        if not projected.is_valid:
            raise SourceError(label, f"invalid geometry ({shapely.is_valid_reason(projected)})",
                              number, "feature")
        return projected

    def _project(self, x, y):
        return self._to_lambert93.transform(x, y)
