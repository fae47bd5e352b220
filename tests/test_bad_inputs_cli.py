"""The bar for bad inputs: the real command line (`python -m qpvdesk`, its own process) on each
one ends with exit code 1 or 2 and exactly one French line on stderr, never a traceback; the
databases it touched pass PRAGMA integrity_check afterwards, and keep their bytes when nothing
was to change. Every bad input is made by the test itself."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from bad_input_fixtures import (FILLER_NAME, LENS_LAT, LENS_LON, damage, fill, geojson,
                                held_write_lock, integrity, point_feature, read_only, run_cli,
                                square_feature, tmpfs, truncate)

from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)


@dataclass
class Case:
    argv: list[str]
    exit_code: int
    expect: str                                            # in the French line
    unchanged: list[Path] = field(default_factory=list)    # same bytes afterwards
    sound: list[Path] = field(default_factory=list)        # integrity_check ok afterwards
    absent: list[Path] = field(default_factory=list)       # never written, not even partly
    env: dict[str, str] = field(default_factory=dict)


def _points(count: int, prefix: str) -> list[str]:
    return [point_feature(f"Équipement {number}", LENS_LON + number * 0.0002, LENS_LAT,
                          uuid=f"{prefix}-0000-4000-8000-{number:012d}")
            for number in range(count)]


@pytest.fixture(scope="module")
def populated(reference_path, tmp_path_factory) -> Path:
    """A closed workspace holding 40 proposals."""
    from qpvdesk.models.proposals import ProposalStore, import_proposals
    from qpvdesk.models.reference import ReferenceStore
    from qpvdesk.models.workspace import Workspace

    folder = tmp_path_factory.mktemp("populated")
    source = geojson(folder / "quarante.geojson", *_points(40, "aaaaaaaa"))
    reference = ReferenceStore(reference_path)
    workspace = Workspace(folder / "workspace.sqlite", backups=False)
    report = import_proposals(ProposalStore(workspace, reference), source)
    assert len(report.imported) == 40
    workspace.close()
    reference.close()
    return folder / "workspace.sqlite"


@pytest.fixture(scope="module")
def new_points(tmp_path_factory) -> Path:
    """150 valid equipment projects not yet in the workspace."""
    return geojson(tmp_path_factory.mktemp("import") / "nouveaux.geojson",
                   *_points(150, "bbbbbbbb"))


def _copy(populated: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(populated, folder / "workspace.sqlite"))


def _proposal_root_offset(workspace: Path) -> int:
    conn = sqlite3.connect(workspace)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'proposal'"
                            ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    return (root - 1) * page_size


CaseMaker = Callable[..., Iterator[Case]]
CASES: dict[str, CaseMaker] = {}


def case(name: str):
    def register(function):
        CASES[name] = contextmanager(function)
        return function
    return register


@case("workspace truncated")
def _(tmp, reference, populated, new_points):
    workspace = _copy(populated, tmp / "data")
    truncate(workspace)
    yield Case(["--reference", reference, "--workspace", str(workspace), "proposals", "list"],
               1, "est endommagé", unchanged=[workspace])


@case("workspace damaged in the middle")
def _(tmp, reference, populated, new_points):
    workspace = _copy(populated, tmp / "data")
    damage(workspace, _proposal_root_offset(workspace), 4096)
    yield Case(["--reference", reference, "--workspace", str(workspace), "proposals", "import",
                str(new_points)], 1, "est endommagé", unchanged=[workspace])


@case("workspace not a database")
def _(tmp, reference, populated, new_points):
    workspace = tmp / "workspace.sqlite"
    workspace.write_text("ceci n'est pas une base de données\n" * 200, encoding="utf-8")
    yield Case(["--reference", reference, "--workspace", str(workspace), "info"], 1,
               "est endommagé", unchanged=[workspace])


@case("workspace /dev/null")
def _(tmp, reference, populated, new_points):
    yield Case(["--reference", reference, "info", "--workspace", "/dev/null"], 2,
               "n'est pas un fichier ordinaire")


@case("workspace is a folder")
def _(tmp, reference, populated, new_points):
    yield Case(["--reference", reference, "--workspace", str(tmp), "proposals", "list"], 2,
               "est un dossier")


@case("workspace read-only")
def _(tmp, reference, populated, new_points):
    workspace = _copy(populated, tmp / "data")
    with read_only(tmp / "data"):
        yield Case(["--reference", reference, "--workspace", str(workspace), "proposals",
                    "import", str(new_points)], 1, "lecture seule", unchanged=[workspace],
                   sound=[workspace])


@case("data folder read-only, no workspace yet")
def _(tmp, reference, populated, new_points):
    (tmp / "home").mkdir()
    with read_only(tmp / "home"):
        yield Case(["--reference", reference, "info"], 1, "lecture seule",
                   absent=[tmp / "home" / "workspace.sqlite"],
                   env={"QPVDESK_HOME": str(tmp / "home")})


@case("data folder read-only, workspace in it")
def _(tmp, reference, populated, new_points):
    workspace = _copy(populated, tmp / "home")
    with read_only(tmp / "home"):
        yield Case(["--reference", reference, "proposals", "list"], 1, "lecture seule",
                   unchanged=[workspace], sound=[workspace],
                   env={"QPVDESK_HOME": str(tmp / "home")})


@case("workspace locked by another process")
def _(tmp, reference, populated, new_points):
    workspace = _copy(populated, tmp / "data")
    with held_write_lock(workspace):
        yield Case(["--reference", reference, "--workspace", str(workspace), "proposals",
                    "import", str(new_points)], 1, "occupé par un autre programme",
                   unchanged=[workspace], sound=[workspace])


@case("disk full during an import")
def _(tmp, reference, populated, new_points):
    with tmpfs(tmp / "disk", 1024) as disk:
        workspace = _copy(populated, disk)
        fill(disk, 24)
        yield Case(["--reference", reference, "--workspace", str(workspace), "proposals",
                    "import", str(new_points)], 1, "est plein", unchanged=[workspace],
                   sound=[workspace])


def _full_export(extension: str):
    def make(tmp, reference, populated, new_points):
        workspace = _copy(populated, tmp / "data")
        with tmpfs(tmp / "disk", 128) as disk:
            fill(disk, 4)
            target = disk / f"propositions{extension}"
            yield Case(["--reference", reference, "--workspace", str(workspace), "proposals",
                        "export", "--out", str(target)], 1, "Le disque est plein",
                       sound=[workspace], unchanged=[workspace], absent=[target])
    return make


for _extension in (".gpkg", ".geojson", ".csv"):
    case(f"disk full during a {_extension} export")(_full_export(_extension))


@case("disk full under a snapshot")
def _(tmp, reference, populated, new_points):
    with tmpfs(tmp / "disk", 128) as disk:
        fill(disk, 8)
        yield Case(["--reference", reference, "snapshot", "--out", str(disk / "carte.png"),
                    "--width", "1200", "--height", "900"], 1, "le disque est plein",
                   absent=[disk / "carte.png", disk / ".carte.png.tmp.png"])


@case("disk full for a package")
def _(tmp, reference, populated, new_points):
    workspace = _copy(populated, tmp / "data")
    passphrase = tmp / "phrase.txt"
    passphrase.write_text("", encoding="utf-8")
    keys = tmp / "cles"
    made = run_cli("--reference", reference, "keygen", "--commune", "62498", "--out",
                   str(keys), "--passphrase-file", str(passphrase))
    assert made.returncode == 0, made.stderr
    with tmpfs(tmp / "disk", 256) as disk:
        fill(disk, 16)
        target = disk / "lens.qpvpkg"
        yield Case(["--reference", reference, "--workspace", str(workspace), "export", "--out",
                    str(target), "--key", str(keys / "62498.key"), "--passphrase-file",
                    str(passphrase)], 2, "Espace disque insuffisant", sound=[workspace],
                   absent=[target, disk / ".lens.qpvpkg.part"])


@case("NaN vertex in a GeoPackage")
def _(tmp, reference, populated, new_points):
    import geopandas as gpd
    from shapely.geometry import Polygon

    workspace = _copy(populated, tmp / "data")
    x, y = 687000.0, 7034000.0
    with np.errstate(invalid="ignore"):   # shapely notes the NaN; that is the point here
        shape = Polygon([(x, y), (x + 200, y), (float("nan"), y + 200), (x, y + 200)])
    frame = gpd.GeoDataFrame({"titre": ["Contour perdu"], "qpv": ["QN06226M"]},
                             geometry=[shape], crs=2154)
    source = tmp / "nan.gpkg"
    gdal.pyogrio().write_dataframe(frame, source, driver="GPKG")
    yield Case(["--reference", reference, "--workspace", str(workspace), "proposals", "import",
                str(source)], 1, "non numériques (NaN)", unchanged=[workspace],
               sound=[workspace])


@case("Infinity in a GeoJSON")
def _(tmp, reference, populated, new_points):
    workspace = _copy(populated, tmp / "data")
    source = geojson(tmp / "infini.geojson", point_feature("Nulle part", "Infinity", LENS_LAT))
    yield Case(["--reference", reference, "--workspace", str(workspace), "proposals", "import",
                str(source)], 1, "coordonnées infinies", unchanged=[workspace],
               sound=[workspace])


@case("Infinity vertex of a GeoJSON polygon")
def _(tmp, reference, populated, new_points):
    workspace = _copy(populated, tmp / "data")
    source = geojson(tmp / "infini.geojson",
                     square_feature("Bord infini", f"[{LENS_LON}, -Infinity]"))
    yield Case(["--reference", reference, "--workspace", str(workspace), "proposals", "import",
                str(source)], 1, "coordonnées infinies", unchanged=[workspace],
               sound=[workspace])


@case("reference truncated")
def _(tmp, reference, populated, new_points):
    copy = Path(shutil.copy(reference, tmp / "reference.sqlite"))
    truncate(copy)
    yield Case(["--reference", str(copy), "--workspace", str(tmp / "ws.sqlite"), "info"], 1,
               "fichier tronqué", unchanged=[copy], absent=[tmp / "ws.sqlite"])


@case("reference damaged in the middle")
def _(tmp, reference, populated, new_points):
    copy = Path(shutil.copy(reference, tmp / "reference.sqlite"))
    conn = sqlite3.connect(copy)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'qpv'").fetchone()[0]
    conn.close()
    damage(copy, (root - 1) * 4096, 4096)
    yield Case(["--reference", str(copy), "--workspace", str(tmp / "ws.sqlite"), "fiche",
                "QN06226M"], 1, "base de référence", unchanged=[copy])


@case("reference is plain SQLite")
def _(tmp, reference, populated, new_points):
    plain = tmp / "plain.sqlite"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    yield Case(["--reference", str(plain), "snapshot", "--out", str(tmp / "carte.png")], 2,
               "n'est pas une base de référence qpvdesk", unchanged=[plain], sound=[plain],
               absent=[tmp / "carte.png"])


@case("reference /dev/null")
def _(tmp, reference, populated, new_points):
    yield Case(["info", "--reference", "/dev/null"], 2, "n'est pas un fichier ordinaire")


@case("reference is a folder")
def _(tmp, reference, populated, new_points):
    yield Case(["--reference", str(tmp), "fiche", "QN06226M"], 2, "est un dossier")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gives_one_french_line(name, tmp_path, reference_path, populated,
                                         new_points):
    with CASES[name](tmp_path, str(reference_path), populated, new_points) as bad:
        before = {path: _sha256(path) for path in bad.unchanged}
        result = run_cli(*bad.argv, env={"QPVDESK_HOME": str(tmp_path / "home"), **bad.env})
        lines = result.stderr.strip().splitlines()
        assert "Traceback" not in result.stderr
        assert len(lines) == 1, result.stderr
        assert bad.expect in lines[0]
        assert result.returncode == bad.exit_code, lines[0]
        for path in bad.unchanged:
            assert _sha256(path) == before[path], f"{path} changed"
        for filler in tmp_path.rglob(FILLER_NAME):   # room for the checker's own -shm
            filler.unlink()
        for path in bad.sound:
            assert integrity(path) == "ok"
        for path in bad.absent:
            assert not path.exists(), f"{path} was written"
