"""`qpvdesk --self-test`, the check of a packaged build, run in-process: every feature family
passes on a good install, a broken one is named while the others still run, and the exit code
says whether all passed. (`make dist` runs the same command from the frozen bundle.)"""
from __future__ import annotations

import re
import shutil

import pytest

from qpvdesk.cli import main
from qpvdesk.commands.self_test import FAILED, FAMILIES, PASSED, SKIPPED

FAMILY_NAMES = {family.name for family in FAMILIES}


def family_lines(out: str) -> dict[str, str]:
    """Family title -> its status line."""
    lines = {}
    for family in FAMILIES:
        found = [line for line in out.splitlines() if f" {family.title} — " in line]
        assert len(found) == 1, f"{family.title}: {found}"
        lines[family.title] = found[0]
    return lines


def test_every_feature_family_is_checked():
    assert FAMILY_NAMES == {"reference", "choropleth", "basemap", "fiche", "portrait", "charts",
                            "table",
                            "import-geojson", "import-geopackage", "import-kml",
                            "import-shapefile", "export", "package", "response", "epci",
                            "postgis-client", "window"}
    assert all(" / " in family.title for family in FAMILIES)   # French / English


def test_self_test_passes_on_a_good_install(reference_path, capsys):
    assert main(["--reference", str(reference_path), "--self-test"]) == 0
    out = capsys.readouterr().out
    lines = family_lines(out)
    assert all(line.strip().startswith(PASSED) for line in lines.values()), out
    assert f"self-test: OK, {len(FAMILIES)} families" in out
    choropleth = lines["Carte choroplèthe / Choropleth map"]
    assert "Revenu disponible médian par UC" in choropleth and "5 classes drawn" in choropleth
    assert "PNG, JPEG and WebP" in lines["Fond de plan MBTiles / MBTiles basemap"]
    assert "an altered copy refused, imported" in lines["Paquet signé / Signed package"]
    assert "altered copy refused, imported by the commune" in lines[
        "Réponse signée de l'agglomération / Signed response"]
    assert re.search(r"psycopg [\d.]+, libpq \d+\.\d+", lines[
        "Client PostgreSQL / PostgreSQL client"])
    assert "CA du Grand Avignon: 16 communes, 6 QPV" in lines[
        "Base d'une autre agglomération / Another EPCI's database"]
    assert "quartier_vecu imported" in lines["Import Shapefile / Shapefile import"]
    portrait = lines["Portrait PDF et Word / Portrait as PDF and Word"]
    assert re.search(r"8 themes: PDF \d+ pages, .*Word \d+ tables, \d+ images", portrait)


def test_a_broken_family_is_named_and_the_others_still_run(reference_path, tmp_path, capsys):
    """A reference database without the median income (a build from incomplete sources):
    the families that draw it fail, each on its own line; the rest pass; exit 1."""
    import pysqlite3.dbapi2 as sqlite3

    broken = tmp_path / "sans_revenu.sqlite"
    shutil.copy(reference_path, broken)
    conn = sqlite3.connect(broken)
    conn.execute("DELETE FROM indicator_value WHERE indicator_id = 'REVN.DISP_Q2'")
    conn.commit()
    conn.close()
    assert main(["--reference", str(broken), "--self-test"]) == 1
    out = capsys.readouterr().out
    lines = family_lines(out)
    failed = {title for title, line in lines.items() if line.strip().startswith(FAILED)}
    assert {"Carte choroplèthe / Choropleth map", "Graphiques / Charts",
            "Tableau CSV et XLSX / Table as CSV and XLSX"} <= failed
    assert "Aucune valeur à représenter" in lines["Carte choroplèthe / Choropleth map"]
    for title in ("Base de référence / Reference database", "Import KML / KML import",
                  "Paquet signé / Signed package", "Fenêtre principale / Main window"):
        assert lines[title].strip().startswith(PASSED), lines[title]
    summary = out.strip().splitlines()[-1]
    assert summary.startswith(f"self-test: FAILED, {len(failed)} of {len(FAMILIES)} families")
    assert "choropleth" in summary and "Traceback" not in out


def test_without_the_reference_database_nothing_else_is_tested(tmp_path, capsys):
    missing = tmp_path / "absente.sqlite"
    assert main(["--reference", str(missing), "--self-test"]) == 1
    out = capsys.readouterr().out
    lines = family_lines(out)
    reference = lines.pop("Base de référence / Reference database")
    assert reference.strip().startswith(FAILED) and str(missing) in reference
    # another EPCI's database is built from the national pack, without the reference
    epci = lines.pop("Base d'une autre agglomération / Another EPCI's database")
    assert epci.strip().startswith(PASSED)
    assert lines.pop("Client PostgreSQL / PostgreSQL client").strip().startswith(PASSED)
    assert all(line.strip().startswith(SKIPPED) for line in lines.values())
    assert f"1 of {len(FAMILIES)} families failed (reference), {len(lines)} not tested" in out


def test_the_help_names_every_family(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    # argparse wraps lines after hyphens too (« import-\nshapefile »)
    help_text = re.sub(r"-\s+", "-", " ".join(capsys.readouterr().out.split()))
    assert "--self-test" in help_text
    assert all(family.name in help_text for family in FAMILIES)
    assert "exit 0 only if all pass" in help_text


def test_the_portrait_family_fails_without_python_docx_templates(reference_path, tmp_path,
                                                                 monkeypatch, capsys):
    """A frozen build that left out python-docx's data files (docx/templates): the Word file
    cannot be made, the portrait family says so on its line, the other families pass."""
    import docx.api

    monkeypatch.setattr(docx.api, "_default_docx_path", lambda: str(tmp_path / "default.docx"))
    assert main(["--reference", str(reference_path), "--self-test"]) == 1
    out = capsys.readouterr().out
    lines = family_lines(out)
    portrait = lines.pop("Portrait PDF et Word / Portrait as PDF and Word")
    assert portrait.strip().startswith(FAILED) and "default.docx" in portrait
    assert all(line.strip().startswith(PASSED) for line in lines.values()), out
