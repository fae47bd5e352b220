"""Messages about proposals and exports, on the Grand Avignon's database: they name its EPCI
(« la CA du Grand Avignon (COGA) ») and its QPV count, never « la CALL » or its 22 QPV."""
from __future__ import annotations

import pytest
import shapely
from proposal_fixtures import EQUIPMENT_FIELDS
from shapely.geometry import Point

from qpvdesk.models.proposals import (EQUIPEMENT, QUARTIER_VECU, ImportFileError, ProposalStore,
                                      import_proposals)

EPCI = "CA du Grand Avignon (COGA)"
LILLE = Point(704000, 7059000)          # far outside the Grand Avignon


@pytest.fixture
def avignon(grand_avignon):
    return grand_avignon


@pytest.fixture
def proposals(avignon, workspace):
    return ProposalStore(workspace, avignon)


def _epci_outline(avignon):
    wkb, = avignon.conn.execute("SELECT AsBinary(geom) FROM epci").fetchone()
    return shapely.from_wkb(wkb)


def test_a_proposal_outside_or_across_the_epci_is_said_of_it(proposals, avignon):
    outline = _epci_outline(avignon)
    far = proposals.validate(EQUIPEMENT, LILLE, EQUIPMENT_FIELDS)
    assert [w.message for w in far.warnings] == [
        f"La proposition est située hors du territoire de la {EPCI}."]
    inside = outline.representative_point()
    assert proposals.validate(EQUIPEMENT, inside, EQUIPMENT_FIELDS).warnings == []
    edge = shapely.Point(shapely.get_coordinates(outline)[0]).buffer(300)
    across = proposals.validate(QUARTIER_VECU, edge, {"title": "À cheval",
                                                      "qpv_code": "QN08402M"})
    assert [w.message for w in across.warnings] == [
        f"La proposition déborde du territoire de la {EPCI}."]


def test_an_unknown_qpv_is_said_among_the_database_qpv(proposals, avignon):
    count = avignon.conn.execute("SELECT count(*) FROM qpv").fetchone()[0]
    assert count != 22
    validation = proposals.validate(QUARTIER_VECU, LILLE.buffer(100),
                                    {"title": "Ailleurs", "qpv_code": "QN06202M"})
    assert validation.errors_for("qpv_code") == [
        f"QPV inconnu : « QN06202M » (code 2024, code 2015 ou nom d'un des {count} QPV)."]


def test_an_import_for_an_unknown_commune_names_the_epci(proposals, tmp_path):
    path = tmp_path / "vide.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        import_proposals(proposals, path, commune="Lens")
    assert str(refused.value) == f"Commune inconnue dans la {EPCI} : « Lens »."


def test_the_cli_lists_a_proposal_outside_the_epci_as_such(proposals, avignon, tmp_path,
                                                           capsys):
    from qpvdesk.cli import main

    proposals.add(EQUIPEMENT, LILLE, EQUIPMENT_FIELDS)
    assert main(["--reference", str(avignon.path), "--workspace",
                 str(proposals.workspace.path), "proposals", "list"]) == 0
    listed = capsys.readouterr().out
    assert f"— hors {EPCI}\n" in listed
    assert "CALL" not in listed


def test_the_exported_table_sources_speak_of_the_epci(avignon):
    from qpvdesk.models.indicator_table import build_indicator_table
    from qpvdesk.models.table_export import indicator_table_sources
    from qpvdesk.models.territory_names import territory_names

    table = build_indicator_table(avignon, ["DEMO.POP_MUN"])
    rows = indicator_table_sources(table, "3 décembre 2026", territory_names(avignon.conn).say)
    values = dict((row[0], row[1]) for row in rows if len(row) == 2)
    assert f"Les valeurs de la {EPCI} sont celles publiées" in values["Valeurs"]
    assert not any("CALL" in str(cell) for row in rows for cell in row)


def test_the_table_export_suggests_a_file_named_after_the_epci(qtbot, avignon, workspace,
                                                              monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from qpvdesk.views.main_window import MainWindow

    window = MainWindow(avignon, workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._first_map_done)
    view = window.show_indicator_table()
    suggested = []

    def answer(parent, caption, path, filters):
        suggested.append(path)
        return str(tmp_path / "tableau.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    assert view.export_xlsx() == tmp_path / "tableau.xlsx"
    assert suggested[0].endswith("indicateurs_qpv_CA_du_Grand_Avignon_COGA.xlsx")
