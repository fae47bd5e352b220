"""The benchmark commands run and print the figures they promise (no timing asserted)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qpvdesk.cli import main

pytestmark = pytest.mark.slow


def test_bench_render_prints_the_promised_keys(qapp, reference_path, tmp_path, capsys):
    assert main(["--reference", str(reference_path), "--workspace", str(tmp_path / "w.sqlite"),
                 "bench", "render", "--json", "--features", "2000"]) == 0
    report = json.loads(capsys.readouterr().out)
    for key in ("startup_first_frame_ms", "interaction_frame_ms", "rerender_full_extent_ms",
                "rerender_1pct_ms", "peak_rss_mb"):
        assert isinstance(report[key], float) and report[key] > 0
    assert report["synthetic_features"] == 2000 and "synthétiques" in report["synthetic_layer"]


def test_bench_fiche_opens_every_fiche(reference_path, capsys):
    assert main(["--reference", str(reference_path), "bench", "fiche", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["fiches_opened"] == 66 and report["fiche_open_max_ms"] > 0


def test_bench_portrait_builds_the_whole_diagnostic(reference_path, capsys):
    assert main(["--reference", str(reference_path), "bench", "portrait", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["runs"] == 5 and report["target_model_ms"] == 1000
    for key in ("diagnostic_model_first_ms", "diagnostic_model_median_ms",
                "diagnostic_json_median_ms"):
        assert isinstance(report[key], float) and report[key] > 0


def test_bench_package_exports_and_verifies(qapp, reference_path, capsys):
    assert main(["--reference", str(reference_path), "bench", "package", "--json",
                 "--repeat", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    for key in ("export_10_proposals_median_ms", "verify_10mb_median_ms", "key_unlock_ms"):
        assert isinstance(report[key], float) and report[key] > 0
    assert report["package_10mb_size_mb"] > 9   # the verified package is as large as promised


def test_snapping_bench_moves_the_mouse_without_sql(reference_path):
    tool = Path(__file__).resolve().parent.parent / "tools" / "bench_snapping.py"
    run = subprocess.run([sys.executable, str(tool), "--proposals", "40", "--moves", "30",
                          "--reference", str(reference_path)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["proposals"] == 40 and report["moves"] == 30
    assert report["capture_move_median_ms"] > 0 and report["edit_move_median_ms"] > 0
    assert report["sql_statements_per_capture_move"] == 0
    assert report["sql_statements_per_edit_move"] == 0
