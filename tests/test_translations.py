"""The interface is French; Qt Linguist files give an English one on request."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "resources" / "i18n" / "qpvdesk_en.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def _sources(path: Path) -> dict[str, str | None]:
    return {message.findtext("source"): (None if message.find("translation").get("type")
                                         == "unfinished" else message.findtext("translation"))
            for message in ET.parse(path).iter("message")}


def test_every_string_of_the_catalogue_is_translated():
    sources = _sources(CATALOGUE)
    assert len(sources) >= 40
    assert all(sources.values()), [text for text, done in sources.items() if not done]
    assert (ROOT / "resources" / "i18n" / "qpvdesk_en.qm").stat().st_size > 1000


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not installed")
def test_the_catalogue_holds_every_tr_string_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(path) for path in (ROOT / "qpvdesk" / "views").rglob("*.py"))
    subprocess.run([str(LUPDATE), *files, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_sources(fresh)) - set(_sources(CATALOGUE))
    assert not missing, f"run `make translations`: {sorted(missing)}"


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_french_by_default_and_english_on_request(qtbot, reference, workspace, monkeypatch):
    from qpvdesk.app import install_translators
    from qpvdesk.views.main_window import MainWindow

    french = MainWindow(reference, workspace)
    qtbot.addWidget(french)
    assert _menu_titles(french)[:3] == ["&Fichier", "É&dition", "&Affichage"]
    app = QCoreApplication.instance()
    translators = install_translators(app, "en")
    try:
        assert translators, "qpvdesk_en.qm not loaded"
        english = MainWindow(reference, workspace)
        qtbot.addWidget(english)
        english.finish_start()    # the Packages menu comes after the first map
        titles = _menu_titles(english)
        assert titles[:3] == ["&File", "&Edit", "&View"] and "&Packages" in titles
        assert english.proposals.undo_action.text() == "Undo"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_interface_language_comes_from_the_environment(monkeypatch):
    from qpvdesk.app import interface_language

    monkeypatch.delenv("QPVDESK_LANG", raising=False)
    assert interface_language() == "fr"
    monkeypatch.setenv("QPVDESK_LANG", "en_GB.UTF-8")
    assert interface_language() == "en"
    monkeypatch.setenv("QPVDESK_LANG", "de")
    assert interface_language() == "fr"


def test_every_label_the_models_define_is_marked_for_translation():
    from qpvdesk.models.decisions_vocabulary import DECISIONS
    from qpvdesk.models.map.styles import LAYERS, default_legend
    from qpvdesk.models.proposals.vocabulary import CHOICES
    from qpvdesk.views.model_texts import MARKED

    labels = {label for values in CHOICES.values() for label in values.values()}
    labels |= {info.title for info in LAYERS}
    labels |= {item.label for info in LAYERS for item in default_legend(info.id)}
    labels |= set(DECISIONS.values())
    assert labels <= set(MARKED), sorted(labels - set(MARKED))


def test_drawing_tools_and_layers_follow_the_interface_language(qtbot, reference, workspace):
    from qpvdesk.app import install_translators
    from qpvdesk.views.main_window import MainWindow

    app = QCoreApplication.instance()
    translators = install_translators(app, "en")
    try:
        window = MainWindow(reference, workspace)
        qtbot.addWidget(window)
        tools = [action.text() for action in window.proposals.draw_actions.values()]
        assert tools == ["Equipment project", "Lived neighbourhood", "Boundary change request"]
        titles = [row.title_label.text() for row in window.layer_panel.rows.values()]
        assert "Priority neighbourhoods 2024" in titles
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_informations_panel_and_form_follow_the_interface_language(qtbot, reference,
                                                                  workspace):
    from shapely.geometry import box

    from qpvdesk.app import install_translators
    from qpvdesk.models.map.identify import feature_info
    from qpvdesk.models.proposals import QUARTIER_VECU, ProposalStore
    from qpvdesk.views.main_window import MainWindow
    from qpvdesk.views.map.identify_panel import IdentifyPanel
    from qpvdesk.views.proposals import ProposalForm

    app = QCoreApplication.instance()
    translators = install_translators(app, "en")
    try:
        panel = IdentifyPanel()
        qtbot.addWidget(panel)
        panel.show_info(feature_info(reference, "communes", "62498"))
        assert panel.title.text() == "Commune: Lens"
        labels = [panel.table.item(row, 0).text() for row in range(panel.table.rowCount())]
        assert "INSEE code" in labels
        assert any(label.startswith("Municipal population (") for label in labels)
        panel.show_info(feature_info(reference, "qpv", "QN06224M"))
        assert panel.title.text() == "Priority neighbourhood: Cité 12-14"
        rows = {panel.table.item(row, 0).text(): panel.table.item(row, 1).text()
                for row in range(panel.table.rowCount())}
        assert rows["2024 code"] == "QN06224M" and "Share of its area in the CALL" in rows
        area = reference.conn.execute("SELECT area_ha FROM qpv WHERE code = 'QN06224M'"
                                      ).fetchone()[0]
        # numbers stay in French formats
        assert rows["Area"] == f"{area:.1f}".replace(".", ",") + "\u00a0ha"

        store = ProposalStore(workspace, reference)
        layer_x, layer_y = 686_000.0, 7_038_000.0
        form = ProposalForm(store, QUARTIER_VECU, box(layer_x, layer_y, layer_x + 200,
                                                      layer_y + 200))
        qtbot.addWidget(form)
        texts = [label.text() for label in form.findChildren(QLabel)]
        assert "Title *:" in texts and "Titre *\u00a0:" not in texts
        facts = form.facts_layout
        fact_labels = [facts.itemAt(row, facts.ItemRole.LabelRole).widget().text()
                       for row in range(facts.rowCount())
                       if facts.itemAt(row, facts.ItemRole.LabelRole) is not None]
        assert "Area:" in fact_labels and "Surface\u00a0:" not in fact_labels
        assert form.windowTitle() == "New lived neighbourhood"

        window = MainWindow(reference, workspace)
        qtbot.addWidget(window)
        menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
        assert "Edit" in menus and window.proposals.edit_action.text() != "Edit"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
