"""`qpvdesk --self-test`, the smoke check of a packaged build, run in-process."""
from __future__ import annotations

from qpvdesk.cli import main


def test_self_test_passes(reference_path, capsys):
    assert main(["--reference", str(reference_path), "--self-test"]) == 0
    out = capsys.readouterr().out
    assert "self-test: OK" in out
    assert "spatialite" in out and "QPV/commune pairs" in out and "GeoPackage" in out


def test_self_test_names_the_failed_step(tmp_path, capsys):
    assert main(["--reference", str(tmp_path / "missing.sqlite"), "--self-test"]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if "FAILED" in line]
    assert len(lines) == 1 and "step 'database'" in lines[0]
