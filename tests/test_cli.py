"""The command line: info, and clear one-line failures."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from qpvdesk.cli import main


def test_info_json_reports_paths_versions_counts(reference_path, tmp_path, capsys):
    workspace = tmp_path / "ws.sqlite"
    assert main(["--reference", str(reference_path), "--workspace", str(workspace),
                 "info", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["reference_database"] == str(reference_path.resolve())
    assert report["workspace"] == str(workspace.resolve())
    assert report["spatialite"].startswith("5.") and report["geos"]
    counts = report["counts"]
    assert (counts["qpv"], counts["communes"], counts["iris"]) == (22, 36, 113)
    assert counts["colleges"] == 24 and counts["indicator_values"] > 0


def test_missing_spatialite_is_one_clear_sentence(reference_path, tmp_path):
    env = dict(os.environ, QPVDESK_SPATIALITE=str(tmp_path / "no_such_mod_spatialite"))
    result = subprocess.run(
        [sys.executable, "-m", "qpvdesk.cli", "--reference", str(reference_path),
         "--workspace", str(tmp_path / "ws.sqlite"), "info"],
        env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "libsqlite3-mod-spatialite" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_missing_reference_database_is_explained(tmp_path, capsys):
    assert main(["--reference", str(tmp_path / "absent.sqlite"), "--workspace",
                 str(tmp_path / "ws.sqlite"), "info"]) == 1
    assert "qpvdesk build-data" in capsys.readouterr().err
