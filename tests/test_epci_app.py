"""The app on the database of an EPCI other than the CALL (issue 13): built from the national
pack, opened in the real main window. Its QPV have no perimeter: each is a point in its
commune, said « périmètre non fourni » with how to add it; the fiche gives the 2024↔2015
correspondence and its confidence, and never shows 2015 figures for a QPV without a reliable
match; no title, label or comparison speaks of the CALL, the Pas-de-Calais or the 22 QPV."""
from __future__ import annotations

import json
import os
import shutil

import pytest
import shapely
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from qpvdesk.models.fiche import build_fiche
from qpvdesk.models.map.identify import feature_info
from qpvdesk.models.reference import ReferenceStore
from qpvdesk.models.territory_names import territory_names
from qpvdesk.render.fiche_tables import SourceIndex, fiche_kicker, identity_rows, theme_tables
from qpvdesk.views.main_window import MainWindow
from qpvdesk.views.tables import IndicatorTableView
from qpvdesk.views.tables.indicator_table_view import FIRST_INDICATOR_COLUMN

from test_perimeter_import import write_anct_file

MEL, AVIGNON, CALL = "200093201", "248400251", "246200364"
CALL_WORDS = ("CALL", "Lens-Liévin", "Pas-de-Calais", "Hauts-de-France", "22 QPV")


@pytest.fixture(scope="module")
def mel_path(national_database):
    return national_database(MEL)


@pytest.fixture(scope="module")
def avignon_path(national_database):
    return national_database(AVIGNON)


@pytest.fixture
def avignon(avignon_path):
    store = ReferenceStore(avignon_path)
    yield store
    store.close()


@pytest.fixture
def mel(mel_path):
    store = ReferenceStore(mel_path)
    yield store
    store.close()


def _window(qtbot, store, workspace) -> MainWindow:
    window = MainWindow(store, workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._first_map_done)
    return window


def test_the_window_speaks_of_the_database_epci(qtbot, mel, workspace):
    window = _window(qtbot, mel, workspace)
    assert window.windowTitle().startswith(
        "Quartiers prioritaires de la Métropole Européenne de Lille")
    status = window.statusBar().currentMessage()
    assert status.startswith("26 QPV — ")
    assert "périmètre non fourni pour 26 QPV (Fichier > Importer les périmètres" in status
    assert not any(word in status for word in CALL_WORDS)
    assert window.qpv_dock.windowTitle() == "Les 26 quartiers prioritaires"
    headers = [window.qpv_list.model().headerData(c, Qt.Orientation.Horizontal)
               for c in range(7)]
    assert "Part dans la Métropole Européenne de Lille" in headers
    rows = {layer_id: row.title for layer_id, row in window.layer_panel.rows.items()}
    assert rows["epci"] == "Métropole Européenne de Lille"
    assert window.table_action.toolTip() == "Les 26 QPV et les indicateurs choisis"
    assert window.perimeters_action.isEnabled()


def test_qpv_without_perimeter_are_distinct_points_in_their_commune(qtbot, mel, workspace):
    window = _window(qtbot, mel, workspace)
    layers = window.controller.composer.layers
    assert len(layers["qpv"]) == 0
    markers = layers["qpv_markers"]
    assert sorted(markers.keys) == sorted(q.code for q in mel.qpv_list())
    points = {(round(p.x), round(p.y)) for p in markers.geometries}
    assert len(points) == 26              # several QPV of one commune are set apart
    communes = dict(mel.conn.execute("SELECT qpv_code, commune_insee FROM qpv_marker"))
    for code, point in zip(markers.keys, markers.geometries):
        wkb, = mel.conn.execute("SELECT AsBinary(geom) FROM commune WHERE insee = ?",
                                (communes[code],)).fetchone()
        assert shapely.from_wkb(wkb).contains(point), code


def test_a_marked_qpv_is_found_outlined_and_said_without_perimeter(qtbot, mel, workspace):
    window = _window(qtbot, mel, workspace)
    code = "QN05991N"
    with qtbot.waitSignal(window.controller.feature_identified) as shown:
        window.controller.show_feature("qpv", code)
    info = shown.args[0]
    assert info.qpv_code == code
    rows = dict(info.rows)
    assert rows["Périmètre"].startswith("non fourni : le quartier est placé dans sa commune")
    assert "Fichier > Importer les périmètres des QPV" in rows["Périmètre"]
    assert rows["Code 2015 (indicateurs INSEE)"] == "aucun (pas de chiffres INSEE)"
    assert window.controller.outlined.geom_type == "Polygon"   # a circle around the point
    assert window.controller.outlined.contains(window.controller.composer.layers[
        "qpv_markers"].geometries[window.controller.composer.layers["qpv_markers"].keys.index(
            code)])
    assert dict(feature_info(mel, "epci", MEL).rows)["Communes"] == "95"


def test_fiches_give_the_correspondence_and_no_2015_figures_without_a_match(avignon):
    confidences = dict(avignon.conn.execute(
        "SELECT code_2024, confidence FROM qpv_correspondence"))
    assert sorted(set(confidences.values())) == ["haute", "moyenne", "sans_objet"]
    for code, confidence in confidences.items():
        fiche = build_fiche(avignon, code)
        rows = dict(identity_rows(fiche))
        if confidence == "sans_objet":
            assert rows["Code 2015"] == "aucun (pas de chiffres INSEE)"
            assert rows["Correspondance 2015"] == "Nouveau quartier en 2024"
            assert fiche.notes[0] == ("Nouveau quartier prioritaire en 2024 : pas encore de "
                                      "chiffres INSEE.")
            assert all(line.qpv.status != "ok" for line in fiche.lines())
        else:
            assert rows["Correspondance 2015"].startswith(fiche.identity.code_2015)
            assert f"confiance {confidence}" in rows["Correspondance 2015"]
            assert any(line.qpv.status == "ok" for line in fiche.lines())
            assert ("confiance moyenne" in fiche.notes[0]) == (confidence == "moyenne")
        assert rows["Périmètre 2024"].startswith("non fourni")


def test_a_weak_match_never_shows_the_2015_figures(national_database):
    """Montpellier: the derived correspondence has « faible » matches; their QPV show no INSEE
    figure, and the fiche says which 2015 QPV was set aside."""
    store = ReferenceStore(national_database("243400017"))
    try:
        weak = store.conn.execute(
            "SELECT code_2024, code_2015 FROM qpv_correspondence WHERE confidence = 'faible'"
        ).fetchall()
        assert weak
        for code, code_2015 in weak:
            fiche = build_fiche(store, code)
            assert fiche.identity.code_2015 is None
            assert all(line.qpv.status != "ok" for line in fiche.lines())
            assert fiche.notes[0].startswith("Pas de chiffres INSEE pour ce quartier : le QPV "
                                             f"2015 le plus proche, {code_2015}")
            assert "confiance faible : chiffres 2015 non repris" in dict(
                identity_rows(fiche))["Correspondance 2015"]
    finally:
        store.close()


def test_fiche_comparisons_name_the_database_territories(avignon):
    fiche = build_fiche(avignon, "QN08402M")
    table = theme_tables(fiche, SourceIndex(fiche.sources))[0]
    headers = [column.header.replace("\n", " ").replace("- ", "-") for column in table.columns]
    assert "CA du Grand Avignon (COGA)" in " ".join(headers)
    assert not any(word in " ".join(headers) for word in CALL_WORDS)
    assert not any(word in note for note in fiche.notes for word in CALL_WORDS)
    names = territory_names(avignon.conn)
    assert names.with_article["region"].startswith("la région ")


def test_every_fiche_opens_with_its_thumbnail(qtbot, avignon, workspace):
    window = _window(qtbot, avignon, workspace)
    for qpv in avignon.qpv_list():
        fiche = window.open_fiche(qpv.code)
        assert fiche is not None
        qtbot.addWidget(fiche)
        assert fiche.windowTitle() == f"Fiche du quartier — {qpv.name}"
        kicker = fiche_kicker(build_fiche(avignon, qpv.code))
        assert kicker == "FICHE DU QUARTIER PRIORITAIRE — CA DU GRAND AVIGNON (COGA)"
        shown = [label.text() for label in fiche.findChildren(type(window.coordinates))]
        assert kicker in shown
        fiche.close()


def test_portrait_of_avignon_names_its_departements_and_regions(avignon):
    from qpvdesk.models.diagnostic import build_diagnostic
    from qpvdesk.models.report.diagnostic_document import diagnostic_document

    names = territory_names(avignon.conn)
    document = diagnostic_document(build_diagnostic(avignon), say=names.say)
    text = repr(document)
    assert document.title == ("Portrait de territoire — Quartiers prioritaires de la CA du "
                              "Grand Avignon (COGA)")
    for word in CALL_WORDS:
        assert word not in text, word
    for name in ("Gard", "Vaucluse", "Occitanie", "Provence-Alpes-Côte d'Azur"):
        assert name in text


def test_the_call_database_keeps_its_words(reference):
    names = territory_names(reference.conn)
    assert (names.epci, names.with_article["departement"], names.qpv_count) == (
        "CALL", "le Pas-de-Calais", 22)
    assert names.say("la CALL et le Pas-de-Calais") == "la CALL et le Pas-de-Calais"


def test_perimeters_imported_from_the_app_then_shown(qtbot, national_database, workspace,
                                                     tmp_path, monkeypatch):
    database = tmp_path / "reference.sqlite"
    shutil.copyfile(national_database(CALL, bundled_perimeters=False), database)
    source = tmp_path / "qp2024.gpkg"
    write_anct_file(source, 4326)
    store = ReferenceStore(database)
    try:
        window = _window(qtbot, store, workspace)
        assert len(window.controller.composer.layers["qpv_markers"]) == 22
        monkeypatch.setattr(QMessageBox, "open", lambda self: None)
        with qtbot.waitSignal(window.reference_chosen, timeout=60000) as chosen:
            window.reference_actions.import_perimeters(str(source))
        assert chosen.args[0] == database
    finally:
        store.close()
    reopened = ReferenceStore(database)
    try:
        assert reopened.conn.execute("SELECT count(*) FROM qpv WHERE geom IS NOT NULL"
                                     ).fetchone()[0] == 22
        assert reopened.qpv_markers() == []
    finally:
        reopened.close()


def test_a_file_without_the_anct_columns_is_refused_in_french(qtbot, mel_path, workspace,
                                                             tmp_path, monkeypatch):
    database = tmp_path / "reference.sqlite"
    shutil.copyfile(mel_path, database)
    before = database.read_bytes()
    bad = tmp_path / "autre.geojson"
    write_anct_file(bad, 4326, fields=["code_qp"])
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    store = ReferenceStore(database)
    try:
        window = _window(qtbot, store, workspace)
        task = window.reference_actions.import_perimeters(str(bad))
        with qtbot.waitSignal(task.finished, timeout=60000):
            pass
    finally:
        store.close()
    assert len(told) == 1
    assert "il manque lib_qp, insee_com" in told[0]
    assert told[0].endswith("La base de référence n'a pas été modifiée.")
    assert database.read_bytes() == before


def test_the_bundled_call_database_refuses_a_perimeter_import(qtbot, reference, workspace):
    window = _window(qtbot, reference, workspace)
    assert not window.perimeters_action.isEnabled()


def test_the_indicator_table_speaks_of_the_database_qpv(qtbot, avignon, workspace):
    from qpvdesk.models.indicator_table import build_indicator_table

    table = build_indicator_table(avignon, ["DEMO.POP_MUN", "DEMO.TX_TOT_0A24"])
    labels = [summary.label for summary in table.summaries]
    assert labels == ["Minimum des 6 QPV", "Médiane des 6 QPV", "Maximum des 6 QPV"]
    assert not any(word in " ".join(table.notes + tuple(labels)) for word in CALL_WORDS)
    window = _window(qtbot, avignon, workspace)
    view = window.show_indicator_table()
    assert isinstance(view, IndicatorTableView)
    legend = view.legend.text()
    assert legend.startswith("Comparaison à la CA du Grand Avignon (COGA)\u00a0:")
    summaries = view.summary_model
    tips = [summaries.data(summaries.index(row, column), Qt.ItemDataRole.ToolTipRole)
            for row in range(summaries.rowCount())
            for column in range(FIRST_INDICATOR_COLUMN, summaries.columnCount())]
    assert any("parmi les 6 QPV" in (tip or "") for tip in tips)
    assert not any("22 QPV" in (tip or "") for tip in tips)


def test_every_screen_text_says_the_database_territory(qtbot, avignon, workspace):
    """The views' own French texts (charts' legends and notes, table tooltips) go through a
    translator that says them of the open database, installed while its window is open."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    window = _window(qtbot, avignon, workspace)
    charts = window.show_charts()
    qtbot.wait(200)
    texts = " ".join(label.text() for label in charts.findChildren(QLabel))
    assert "CA du Grand Avignon (COGA) (valeur publiée)" in texts
    assert "CALL" not in texts, [t for t in texts.split("  ") if "CALL" in t]
    assert QCoreApplication.translate("ChartsPanel", "la CALL") == (
        "la CA du Grand Avignon (COGA)")
    window.close()       # the CALL's words come back with the CALL's database
    assert QCoreApplication.translate("ChartsPanel", "la CALL") == "la CALL"


def test_the_layer_panel_lists_what_the_database_has(qtbot, mel, reference, workspace):
    rows = set(_window(qtbot, mel, workspace).layer_panel.rows)
    assert {"communes", "epci", "qpv_markers", "proposals"} <= rows
    assert not rows & {"iris", "colleges", "cites", "terrils", "puits", "unesco", "qpv"}
    call_rows = set(_window(qtbot, reference, workspace).layer_panel.rows)
    assert {"iris", "colleges", "qpv", "proposals"} <= call_rows
    assert "qpv_markers" not in call_rows     # every perimeter of the CALL is there


def test_the_cli_fiche_of_a_new_qpv_without_perimeter(avignon_path):
    import subprocess
    import sys

    text = subprocess.run([sys.executable, "-m", "qpvdesk", "--reference", str(avignon_path),
                           "fiche", "QN08422N"], capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    lines = text.splitlines()
    assert lines[0].endswith("(code 2015 : aucun, pas de chiffres INSEE)")
    assert lines[1] == "Correspondance 2015 : Nouveau quartier en 2024"
    assert lines[3].startswith("Périmètre : non fourni")
    assert "CALL" not in text
    data = json.loads(subprocess.run(
        [sys.executable, "-m", "qpvdesk", "--reference", str(avignon_path), "fiche",
         "QN08403M", "--json"], capture_output=True, text=True, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout)
    assert data["qpv"]["correspondence_2015"]["confidence"] == "moyenne"


def test_a_qpv_is_compared_with_its_own_departement(national_database):
    """CA Roissy Pays de France straddles Seine-et-Marne and Val-d'Oise: each QPV's fiche
    sets its figures beside its own département, named in the column header."""
    store = ReferenceStore(national_database("200055655"))
    try:
        for code, departement, name in (("QN07721M", "77", "Seine-et-Marne"),
                                        ("QN09528M", "95", "Val-d'Oise")):
            fiche = build_fiche(store, code)
            shown = {item.territory_code for line in fiche.lines()
                     for item in line.comparisons if item.level == "departement"}
            assert shown == {departement}, code
            table = theme_tables(fiche, SourceIndex(fiche.sources))[0]
            column = next(c for c in table.columns if c.key == "departement")
            assert column.tooltip == name
    finally:
        store.close()


def test_sources_credit_each_national_dataset_with_its_licence(mel):
    from qpvdesk import paths
    from qpvdesk.models.licences import dataset_credits

    credits = {c.folder: c for c in dataset_credits(mel.provenance(), paths.sources_folder())}
    national = {folder for folder in credits if folder.startswith("national/")}
    assert {"national/cog_communes_epci", "national/insee_qpv2015_indicateurs",
            "national/qpv2024_liste_anct", "national/insee_comparateur_2022"} <= national
    assert "national" not in credits
    assert credits["national/insee_qpv2015_indicateurs"].cited_producer == "INSEE"
    assert credits["national/insee_qpv2015_indicateurs"].licence_stated
    # the derived correspondence is qpvdesk's own work: no licence is claimed for it
    assert not credits["national/qpv_passage_2015_2024"].licence_stated


def test_a_thematic_map_of_qpv_without_perimeters_says_how_to_add_them(avignon_path, tmp_path,
                                                                      capsys):
    from qpvdesk.cli import main

    out = tmp_path / "carte.png"
    code = main(["--reference", str(avignon_path), "snapshot", "--out", str(out),
                 "--choropleth", "REVN.DISP_Q2", "--choropleth-layer", "qpv"])
    error = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert "périmètres des QPV de cette agglomération ne sont pas fournis" in error
    assert "Importer les périmètres des QPV" in error
