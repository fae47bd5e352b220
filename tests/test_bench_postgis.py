"""`qpvdesk bench postgis` runs for real (its own server) and prints what it promises; the
figures themselves are the bench's business, not asserted here."""
from __future__ import annotations

import json

import pytest
from postgres_fixtures import postgres_server  # noqa: F401

from qpvdesk.cli import main

pytestmark = pytest.mark.slow


def test_bench_postgis_publishes_and_pulls(postgres_server, reference_path, capsys):
    # postgres_server: skips (or fails in CI) like the other tests without PostgreSQL
    assert main(["--reference", str(reference_path), "bench", "postgis", "--json",
                 "--proposals", "600"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["proposals"], report["packages"], report["decisions"]) == (600, 2, 300)
    for key in ("publish_s", "republish_unchanged_s", "pull_s", "pull_again_unchanged_s"):
        assert isinstance(report[key], float) and report[key] >= 0
    assert report["publish_summary"].startswith("600 propositions publiées (600 nouvelles ou "
                                                "mises à jour), 300 décisions nouvelles")
    assert report["pull_summary"].startswith("2 paquets récupérés (600 propositions), 300 "
                                             "décisions nouvelles")
    assert report["targets_s"] == {"publish_s": 5.0, "pull_s": 2.0}
    assert "synthèse de test" in report["synthetic_data"]
