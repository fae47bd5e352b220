"""pyproj, geopandas and pyogrio imported after a SpatiaLite connection was opened — what the
app does when a user imports a file in another coordinate system, or rebuilds the data, once
the reference database is open — keep to their own PROJ: the process transforms correctly
and exits 0. Before the import hook of models/native_libraries.py, `import pyproj` after a
connection bound to Debian's PROJ 9.1.1 (the one mod_spatialite puts in the global scope) and
the process died on exit with SIGSEGV or « corrupted size vs. prev_size » (exit 139 / 134).
Each sequence runs in a fresh interpreter: the order of imports is the point."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from qpvdesk.commands.self_test.samples import place_in_a_qpv, write_proposal_file

OPEN_THE_REFERENCE = """
from qpvdesk.models.reference import ReferenceStore
store = ReferenceStore({reference!r})
assert store.counts()["qpv"] == 22
"""


def run_after_a_connection(reference_path, code: str) -> subprocess.CompletedProcess:
    script = OPEN_THE_REFERENCE.format(reference=str(reference_path)) + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300)


def assert_clean_exit(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr


def test_pyproj_imported_after_a_connection_uses_its_own_proj(reference_path):
    result = run_after_a_connection(reference_path, """
        import pyproj
        compiled = getattr(pyproj, "__proj_compiled_version__", pyproj.__proj_version__)
        assert pyproj.__proj_version__ == compiled, (pyproj.__proj_version__, compiled)
        x, y = pyproj.Transformer.from_crs(4326, 2154, always_xy=True).transform(2.83, 50.43)
        # Lens (the CALL's centre) in Lambert-93, to the metre (SpatiaLite gives the same)
        sql = "SELECT X(p), Y(p) FROM (SELECT Transform(MakePoint(2.83, 50.43, 4326), 2154) p)"
        sx, sy = store.conn.execute(sql).fetchone()
        assert abs(x - sx) < 1 and abs(y - sy) < 1, (x, y, sx, sy)
        print("transformed", round(x), round(y))
        """)
    assert_clean_exit(result)
    assert "transformed 687" in result.stdout


def test_geopandas_reprojects_after_a_connection(reference_path):
    result = run_after_a_connection(reference_path, """
        import geopandas
        from shapely.geometry import Point
        frame = geopandas.GeoDataFrame(geometry=[Point(2.83, 50.43)], crs=4326).to_crs(2154)
        print("x", round(frame.geometry[0].x))
        """)
    assert_clean_exit(result)
    assert "x 687" in result.stdout


@pytest.mark.slow
def test_the_reference_database_rebuilt_after_a_connection(reference_path, tmp_path):
    """The build's readers import pyproj when they are imported, here after a connection."""
    from tests.conftest import SOURCES

    target = tmp_path / "rebuilt.sqlite"
    result = run_after_a_connection(reference_path, f"""
        from qpvdesk.models.build import build_reference_database
        counts = build_reference_database(__import__("pathlib").Path({str(SOURCES)!r}),
                                          __import__("pathlib").Path({str(target)!r}))
        print("qpv", counts["qpv"])
        """)
    assert_clean_exit(result)
    assert "qpv 22" in result.stdout and target.is_file()


def test_cli_import_of_a_shapefile_in_web_mercator(reference, reference_path, tmp_path):
    """`qpvdesk proposals import` of a Shapefile in EPSG:3857: the command opens the
    databases first, then reads and reprojects the file."""
    path, features = write_proposal_file(tmp_path, "Shapefile", place_in_a_qpv(reference))
    result = subprocess.run(
        [sys.executable, "-m", "qpvdesk", "--reference", str(reference_path), "--workspace",
         str(tmp_path / "workspace.sqlite"), "proposals", "import", str(path)],
        capture_output=True, text=True, timeout=300)
    assert_clean_exit(result)
    assert f"{len(features)} proposition(s) importée(s), 0 refusée(s)" in result.stdout
