"""Build data/national/ (the national data pack) from the project's shared national folder.

    python tools/make_national_pack.py /path/to/shared/data/national [--call-perimeters DIR]

Copies only the files the EPCI build reads (qpvdesk/models/build/national_layout.py), each
gzip-compressed (level 9, no name, no timestamp: the same input gives the same bytes), with the
PROVENANCE.md of its folder, and writes MANIFEST.csv: name, stored file, bytes and sha256 of the
decompressed content, stored bytes. Every input's sha256 is checked against the table of its
PROVENANCE.md first; a file the table does not list (the CALL perimeters) is hashed as found.
data/national/README.md is written by hand and kept.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qpvdesk.models.build.national_layout import CALL_PERIMETERS, PACK_FILES  # noqa: E402

TARGET = ROOT / "data" / "national"
_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*(\d+)\s*\|\s*([\d  ]+)\s*\|\s*`([0-9a-f]{64})`")


def provenance_hashes(provenance: Path) -> dict[str, str]:
    """file name -> sha256 from the Files table of a PROVENANCE.md."""
    hashes = {}
    for line in provenance.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            hashes[match.group(1)] = match.group(4)
    return hashes


def compressed_in_sources() -> dict[str, bytes]:
    """sha256 of the content -> bytes of the .gz files already in data/sources/: the pack reuses
    them as they are, so that git stores one blob for both."""
    found = {}
    for path in (ROOT / "data" / "sources").rglob("*.gz"):
        found[hashlib.sha256(gzip.decompress(path.read_bytes())).hexdigest()] = path.read_bytes()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("national", type=Path, help="the shared national folder")
    parser.add_argument("--call-perimeters", type=Path,
                        default=ROOT / "data" / "sources" / "qpv_perimetres")
    args = parser.parse_args(argv)
    TARGET.mkdir(parents=True, exist_ok=True)
    for folder in [p for p in TARGET.iterdir() if p.is_dir()]:
        shutil.rmtree(folder)  # the files of a previous pack; README.md stays
    rows, reusable = [], compressed_in_sources()
    for name in PACK_FILES:
        folder, file_name = name.split("/", 1)
        source_folder = args.call_perimeters if name == CALL_PERIMETERS else args.national / folder
        data = (source_folder / file_name).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        expected = provenance_hashes(source_folder / "PROVENANCE.md").get(file_name)
        if expected is not None and expected != digest:
            raise SystemExit(f"{name}: sha256 {digest} differs from its PROVENANCE.md ({expected})")
        stored = TARGET / f"{name}.gz"
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(reusable.get(digest) or gzip.compress(data, compresslevel=9, mtime=0))
        provenance = stored.parent / "PROVENANCE.md"
        if not provenance.exists():
            shutil.copyfile(source_folder / "PROVENANCE.md", provenance)
        rows.append((name, f"{name}.gz", len(data), digest, stored.stat().st_size))
    with (TARGET / "MANIFEST.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["file", "stored", "bytes", "sha256", "stored_bytes"])
        writer.writerows(rows)
    raw, packed = sum(r[2] for r in rows), sum(r[4] for r in rows)
    print(f"{len(rows)} files, {raw:,} bytes -> {packed:,} bytes gzip-compressed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
