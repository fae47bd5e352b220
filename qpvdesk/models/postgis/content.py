"""The consolidated store's rows as they travel to and from the server, and the content hash
that makes publishing idempotent and lets a pull detect a row changed outside qpvdesk.

A version's hash covers every column of the proposal a package carried and its geometry as
little-endian WKB re-encoded by shapely, so that the WKB SpatiaLite and PostGIS write hash the
same.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

# The consolidated store's own column lists (models/package/received.py): the server mirrors
# them, a pull writes them back.
from ..package.received import _COLUMNS as VERSION_COLUMNS
from ..package.received import _PACKAGE_COLUMNS as PACKAGE_COLUMNS
# The decision history's columns (models/decisions.py), geometry excepted.
from ..decisions import _COLUMNS as DECISION_COLUMNS

__all__ = ("VERSION_COLUMNS", "PACKAGE_COLUMNS", "DECISION_COLUMNS", "LocalContent",
           "normalized_wkb", "parsed_wkb", "version_hash", "decision_hash", "read_local")


def normalized_wkb(blobs: Sequence[bytes]) -> list[bytes]:
    """Little-endian 2D WKB, whatever wrote it."""
    return parsed_wkb(blobs)[1]


def parsed_wkb(blobs: Sequence[bytes]) -> tuple[list, list[bytes]]:
    """The geometries of ``blobs`` and their normalized WKB, parsed once."""
    if not blobs:
        return [], []
    geometries = shapely.from_wkb(np.asarray(blobs, dtype=object))
    return list(geometries), list(shapely.to_wkb(geometries, byte_order=1,
                                                 output_dimension=2))


def _canonical(values: Sequence) -> bytes:
    """Each value typed and length-prefixed, so that no two rows encode alike (None, the
    integer 1 and the text « 1 » differ; a separator inside a text cannot shift a field)."""
    parts = []
    for value in values:
        if value is None:
            parts.append("n")
        elif isinstance(value, int):
            parts.append(f"i{value}")
        else:
            text = str(value)
            parts.append(f"s{len(text)}:{text}")
    return "\x1f".join(parts).encode("utf-8")


def version_hash(values: Sequence, wkb: bytes) -> str:
    """``values`` in VERSION_COLUMNS order (communes as the comma list), ``wkb`` normalized."""
    digest = hashlib.sha256(_canonical(values))
    digest.update(b"\x1egeom:")
    digest.update(wkb)
    return digest.hexdigest()


def decision_hash(values: Sequence, wkb: bytes | None) -> str:
    """``values`` in DECISION_COLUMNS order, ``wkb`` normalized or None."""
    digest = hashlib.sha256(_canonical(values))
    if wkb is not None:
        digest.update(b"\x1egeom:")
        digest.update(wkb)
    return digest.hexdigest()


@dataclass
class LocalContent:
    """What a workspace has to publish: every package received, every version of every
    proposal (``package_uuid, *VERSION_COLUMNS, wkb, content_sha256``), every decision
    (``*DECISION_COLUMNS, wkb or None, content_sha256``)."""
    packages: list[tuple]
    versions: list[tuple]
    decisions: list[tuple]

    @property
    def proposal_uuids(self) -> set[str]:
        return {row[1] for row in self.versions}

    def digest(self) -> str:
        """One hash of everything, for the publication log."""
        digest = hashlib.sha256()
        for row in sorted(self.packages):
            digest.update(json.dumps(row, ensure_ascii=False).encode())
        for row in sorted(self.versions, key=lambda row: (row[1], row[0])):
            digest.update(f"{row[0]}:{row[1]}:{row[-1]}".encode())
        for row in sorted(self.decisions, key=lambda row: row[0]):
            digest.update(f"{row[0]}:{row[-1]}".encode())
        return digest.hexdigest()


def read_local(conn) -> LocalContent:
    """The consolidated store of a workspace connection, hashes computed."""
    packages = [tuple(row) for row in conn.execute(
        f"SELECT {', '.join(PACKAGE_COLUMNS)} FROM received_package ORDER BY uuid")]
    rows = conn.execute(
        f"SELECT package_uuid, {', '.join(VERSION_COLUMNS)}, AsBinary(geom) "
        "FROM received_proposal ORDER BY uuid, package_uuid").fetchall()
    blobs = normalized_wkb([row[-1] for row in rows])
    versions = []
    for row, wkb in zip(rows, blobs):
        values = row[1:-1]
        versions.append((row[0], *values, wkb, version_hash(values, wkb)))
    rows = conn.execute(f"SELECT {', '.join(DECISION_COLUMNS)}, AsBinary(geom) FROM decision "
                        "ORDER BY uuid").fetchall()
    shapes = iter(normalized_wkb([row[-1] for row in rows if row[-1] is not None]))
    decisions = []
    for row in rows:
        wkb = next(shapes) if row[-1] is not None else None
        values = row[:-1]
        decisions.append((*values, wkb, decision_hash(values, wkb)))
    return LocalContent(packages, versions, decisions)
