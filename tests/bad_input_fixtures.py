"""Bad inputs made by test code: damaged and locked databases, read-only folders and full disks
on real mounts, files with NaN or infinite coordinates.

Read-only means read-only for root too (CI runs as root, and root ignores file permissions):
a read-only bind mount of the folder on itself, else `chattr +i`; a user without those rights
gets plain permissions. A full disk is a real tmpfs of a few hundred kilobytes. A test skips
only when the machine lets it mount nothing at all, and says so.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# A valid point and polygon inside Lens, WGS 84, and their broken twins.
LENS_LON, LENS_LAT = 2.8317, 50.4290
FILLER_NAME = "remplissage"


def run_cli(*args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """The real command line in its own process."""
    return subprocess.run([sys.executable, "-m", "qpvdesk", *args], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(command), capture_output=True, text=True)


@contextmanager
def tmpfs(folder: Path, size_kb: int) -> Iterator[Path]:
    """A real tmpfs of ``size_kb`` KiB mounted on ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder))
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here ({mounted.stderr.strip()}): a full disk "
                    "cannot be made for real")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path, leave_kb: int) -> None:
    """Take all but ``leave_kb`` KiB of the file system holding ``folder``."""
    free = shutil.disk_usage(folder).free
    with open(folder / FILLER_NAME, "wb") as handle:
        handle.write(b"\0" * max(free - leave_kb * 1024, 0))


@contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """``folder`` (and what it holds) read-only for every user, root included; yields how."""
    if os.geteuid() == 0:
        bound = _run("mount", "--bind", str(folder), str(folder))
        if bound.returncode == 0:
            remounted = _run("mount", "-o", "remount,bind,ro", str(folder))
            if remounted.returncode == 0:
                try:
                    yield "read-only bind mount"
                finally:
                    _run("umount", "-l", str(folder))
                return
            _run("umount", "-l", str(folder))
        files = [folder, *folder.rglob("*")]
        if _run("chattr", "+i", *map(str, files)).returncode == 0:
            try:
                yield "chattr +i"
            finally:
                _run("chattr", "-i", *map(str, files))
            return
        pytest.skip("as root, neither a read-only bind mount nor chattr +i is possible here")
    modes = {path: path.stat().st_mode for path in [folder, *folder.rglob("*")]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield "permissions"
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


@contextmanager
def held_write_lock(database: Path) -> Iterator[None]:
    """Another process holds the database's write lock (BEGIN IMMEDIATE) until the block
    ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(database)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def integrity(database: Path) -> str:
    from qpvdesk.models.spatialite import sqlite_module

    # immutable: a WAL database in a read-only folder cannot get its -shm otherwise
    immutable = "" if os.access(database.parent, os.W_OK) else "&immutable=1"
    conn = sqlite_module().connect(database.resolve().as_uri() + "?mode=ro" + immutable,
                                   uri=True)
    try:
        return " ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def damage(path: Path, offset: int, length: int = 8192) -> None:
    """Overwrite ``length`` bytes in the middle of a file, as a failing disk would."""
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(bytes(range(256)) * (length // 256))


def truncate(path: Path, keep: float = 0.4) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(int(size * keep))


def point_feature(title: str, lon: float | str, lat: float | str, **properties) -> str:
    """A GeoJSON feature written by hand: json.dumps cannot write NaN as GDAL reads it."""
    props = json.dumps({"titre": title, "categorie": "sport", "statut": "idée",
                        **properties}, ensure_ascii=False)
    return (f'{{"type": "Feature", "properties": {props}, "geometry": '
            f'{{"type": "Point", "coordinates": [{lon}, {lat}]}}}}')


def square_feature(title: str, corner: str | None = None) -> str:
    """A 200 m square quartier vécu near Lens, one vertex replaced by ``corner`` if given."""
    d = 0.0028
    ring = [[LENS_LON, LENS_LAT], [LENS_LON + d, LENS_LAT], [LENS_LON + d, LENS_LAT + d],
            [LENS_LON, LENS_LAT + d], [LENS_LON, LENS_LAT]]
    vertices = [f"[{x}, {y}]" for x, y in ring]
    if corner is not None:
        vertices[2] = corner
    props = json.dumps({"titre": title, "type": "quartier vécu", "qpv": "QN06226M"},
                       ensure_ascii=False)
    return (f'{{"type": "Feature", "properties": {props}, "geometry": {{"type": "Polygon", '
            f'"coordinates": [[{", ".join(vertices)}]]}}}}')


def geojson(path: Path, *features: str) -> Path:
    path.write_text('{"type": "FeatureCollection", "features": [' + ", ".join(features)
                    + "]}", encoding="utf-8")
    return path
