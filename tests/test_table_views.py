"""The indicator table view, its exports and the charts, driven with qtbot."""
from __future__ import annotations

import csv
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from qpvdesk.models.choropleth import mappable_indicators
from qpvdesk.models.frenchnum import parse_french_number
from qpvdesk.models.indicator_table import (CALL_LABEL, MAX_LABEL, MEDIAN_LABEL, MIN_LABEL,
                                            NARROWING, WIDENING, build_indicator_table,
                                            gap_dynamics, indicators_with_call_reference)
from qpvdesk.views.charts import ChartsPanel
from qpvdesk.views.tables import IndicatorTableView
from qpvdesk.views.tables.indicator_table_view import (CODE_ROLE, DEFAULT_INDICATORS,
                                                       FIRST_INDICATOR_COLUMN,
                                                       MARK_BACKGROUNDS, MARKS)

LENS = "62498"
QPV_CODE = re.compile(r"QN062\d\dM")


@pytest.fixture
def loader(reference):
    return lambda ids, edition, commune: build_indicator_table(reference, ids, edition, commune)


@pytest.fixture
def table_view(qtbot, reference, loader) -> IndicatorTableView:
    view = IndicatorTableView(loader, mappable_indicators(reference, "qpv"),
                              editions=[2017, 2018, 2019, 2021, 2022])
    qtbot.addWidget(view)
    view.resize(1400, 850)
    view.show()
    qtbot.waitExposed(view)
    return view


def column_of(view: IndicatorTableView, indicator_id: str) -> int:
    return FIRST_INDICATOR_COLUMN + view.table.column_index(indicator_id)


def shown(view: IndicatorTableView, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [view.proxy.index(row, column).data(role) for row in range(view.proxy.rowCount())]


def summaries_shown(view: IndicatorTableView, column: int) -> list[str]:
    model = view.summary_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


# -- the table ---------------------------------------------------------------------------

def test_the_first_figures_are_in_view_on_a_1024_screen(qtbot, table_view):
    """Quartier and communes columns are capped (full text in their tooltips): in the window
    a 1024 × 768 screen leaves, the first indicator's figures show without side scrolling."""
    table_view.resize(1010, 740)
    view = table_view.view
    qtbot.waitUntil(lambda: view.viewport().width() < 1010 - 300)   # the window laid out
    right = view.columnViewportPosition(FIRST_INDICATOR_COLUMN) + view.columnWidth(
        FIRST_INDICATOR_COLUMN)
    assert view.horizontalScrollBar().value() == 0 and right <= view.viewport().width()

def test_the_22_quartiers_and_the_summary_rows(table_view):
    assert table_view.picker.checked_ids() == list(DEFAULT_INDICATORS)
    assert table_view.proxy.rowCount() == 22
    assert all(QPV_CODE.fullmatch(code) for code in shown(table_view, 0, CODE_ROLE))
    assert summaries_shown(table_view, 0) == [CALL_LABEL, MIN_LABEL, MEDIAN_LABEL, MAX_LABEL]
    income = column_of(table_view, "REVN.DISP_Q2")
    # the CALL's value of the revenus 2018, those of REVN 2022
    assert summaries_shown(table_view, income)[0] == "17\u202f580"
    header = table_view.model.headerData(income, Qt.Orientation.Horizontal)
    assert "Revenu disponible" in header and "(€ par UC, 2022)" in header
    # the summary rows stay under the quartiers, in their own table with the same columns
    assert table_view.summary_view.columnWidth(income) == table_view.view.columnWidth(income)


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_is_numeric_with_secret_last(table_view, order):
    table_view.picker.set_checked(["IPRO.ABC_RSA", "DEMO.TX_TOT_MEN6"])
    for indicator_id in ("IPRO.ABC_RSA", "DEMO.TX_TOT_MEN6"):
        column = column_of(table_view, indicator_id)
        table_view.view.sortByColumn(column, order)
        texts = shown(table_view, column)
        known = [parse_french_number(text) for text in texts if text != "secret"]
        assert known == sorted(known, reverse=order == Qt.SortOrder.DescendingOrder)
        assert texts[len(known):] == ["secret"] * (22 - len(known))
    assert len(known) < 22   # DEMO.TX_TOT_MEN6 has secret values
    assert summaries_shown(table_view, 0)[-1] == MAX_LABEL   # never sorted with the rows


def test_the_sort_follows_its_indicator_when_columns_change(table_view):
    income = column_of(table_view, "REVN.DISP_Q2")
    table_view.view.sortByColumn(income, Qt.SortOrder.DescendingOrder)
    table_view.picker.items["DEMO.POP_MUN"].setCheckState(0, Qt.CheckState.Unchecked)
    assert table_view.picker.checked_ids() == ["REVN.DISP_Q2", "REVN.TP60", "IPRO.TX_TOT_EMPL"]
    header = table_view.view.horizontalHeader()
    assert header.sortIndicatorSection() == column_of(table_view, "REVN.DISP_Q2") == income - 1
    values = [parse_french_number(text.split("\u00a0")[0])
              for text in shown(table_view, income - 1)]
    assert values == sorted(values, reverse=True)


def test_commune_filter_keeps_the_quartiers_touching_lens(table_view, reference):
    summaries = summaries_shown(table_view, FIRST_INDICATOR_COLUMN)
    combo = table_view.commune_combo
    assert combo.itemText(0) == "Toutes les communes"
    combo.setCurrentIndex(combo.findText("Lens"))
    expected = {code for (code,) in reference.conn.execute(
        "SELECT qpv_code FROM qpv_commune WHERE geography = 2024 AND commune_insee = ?",
        (LENS,))}
    assert set(shown(table_view, 0, CODE_ROLE)) == expected and 0 < len(expected) < 22
    assert all("Lens" in communes.split(", ") for communes in shown(table_view, 1))
    # the summaries still describe the 22 QPV
    assert summaries_shown(table_view, FIRST_INDICATOR_COLUMN) == summaries


def test_a_cell_less_favourable_than_the_call_has_a_sign_a_colour_and_a_tooltip(table_view):
    income = column_of(table_view, "REVN.DISP_Q2")
    index = table_view.proxy.index(0, income)
    assert index.data().endswith(MARKS["worse"])
    assert index.data(Qt.ItemDataRole.BackgroundRole) == MARK_BACKGROUNDS["worse"]
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Moins favorable que la CALL" in tooltip and "17\u202f580 € par UC" in tooltip
    assert "millésime 2018" in tooltip
    poverty = column_of(table_view, "REVN.TP60")   # no CALL value: no mark, no colour
    assert all(not text.endswith(")") for text in shown(table_view, poverty))
    assert table_view.proxy.index(0, poverty).data(Qt.ItemDataRole.BackgroundRole) is None


def test_edition_chooser_reloads_the_table(table_view):
    combo = table_view.edition_combo
    combo.setCurrentIndex(combo.findData(2019))
    assert {column.edition for column in table_view.table.columns} == {2019}


def test_double_click_asks_for_the_fiche(qtbot, table_view):
    expected = table_view.proxy.index(3, 0).data(CODE_ROLE)
    assert QPV_CODE.fullmatch(expected)
    # the name (in the column that stays put when scrolling sideways) or any figure
    for view, column in ((table_view.view.frozen, 0), (table_view.view, FIRST_INDICATOR_COLUMN)):
        center = view.visualRect(table_view.proxy.index(3, column)).center()
        with qtbot.waitSignal(table_view.fiche_requested, timeout=2000) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
            qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        assert blocker.args == [expected]


# -- exports -----------------------------------------------------------------------------
def save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def expected_rows(view: IndicatorTableView) -> list[list]:
    """The quartiers as shown: code, then the figures (None: secret or missing)."""
    table = view.displayed_table()
    return [[row.code, *(cell.figure.value for cell in row.cells)] for row in table.rows]


def test_csv_export_round_trip(qtbot, table_view, monkeypatch, tmp_path):
    table_view.picker.set_checked(["REVN.DISP_Q2", "DEMO.TX_TOT_MEN6", "IPRO.TX_TOT_EMPL"])
    table_view.view.sortByColumn(column_of(table_view, "REVN.DISP_Q2"),
                                 Qt.SortOrder.DescendingOrder)
    save_as(monkeypatch, tmp_path / "tableau")          # the extension is added
    with qtbot.waitSignal(table_view.message):
        path = table_view.export_csv()
    assert path == tmp_path / "tableau.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")              # UTF-8 BOM: Excel reads the accents
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    assert header[:3] == ["Code QPV 2024", "Code QPV 2015", "Quartier"]
    assert "Revenu disponible médian par UC" in header[4]
    quartiers, summaries = rows[:22], rows[22:]
    read = [[row[0], *(parse_french_number(text) if text != "secret" else None
                       for text in row[4:])] for row in quartiers]
    assert read == expected_rows(table_view)
    assert any("," in row[6] for row in quartiers)      # decimal comma (taux d'emploi)
    assert "secret" in [row[5] for row in quartiers]
    assert [row[2] for row in summaries] == [CALL_LABEL, MIN_LABEL, MEDIAN_LABEL, MAX_LABEL]
    assert summaries[0][4] == "17580"


def test_xlsx_export_round_trip(table_view, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    table_view.picker.set_checked(["DEMO.TX_TOT_MEN6", "REVN.DISP_Q2"])
    table_view.commune_combo.setCurrentIndex(table_view.commune_combo.findText("Lens"))
    save_as(monkeypatch, tmp_path / "lens.xlsx")
    path = table_view.export_xlsx()
    sheet = load_workbook(path).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert header[0] == "Code QPV 2024"
    quartiers = rows[:len(rows) - 4]
    assert [[row[0], *(None if v == "secret" else v for v in row[4:])]
            for row in quartiers] == expected_rows(table_view)
    assert "secret" in [row[4] for row in quartiers]
    assert [row[2] for row in rows[-4:]] == [CALL_LABEL, MIN_LABEL, MEDIAN_LABEL, MAX_LABEL]


def test_a_failed_export_is_told_in_french(table_view, monkeypatch, tmp_path):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: warnings.append(text)))
    save_as(monkeypatch, tmp_path / "absent" / "tableau.csv")
    assert table_view.export_csv() is None
    assert len(warnings) == 1 and "n'a pas pu être enregistré" in warnings[0]
    assert "Traceback" not in warnings[0]


# -- charts ------------------------------------------------------------------------------
@pytest.fixture
def charts(qtbot, reference, loader) -> ChartsPanel:
    panel = ChartsPanel(mappable_indicators(reference, "qpv"), loader,
                        lambda indicator_id: gap_dynamics(reference, indicator_id),
                        indicators_with_call_reference(reference))
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def plot_texts(chart) -> list[str]:
    import pyqtgraph as pg

    return [item.toPlainText() for item in chart.plot.getPlotItem().items
            if isinstance(item, pg.TextItem)]


def test_charts_of_an_indicator_with_a_call_value(charts):
    import pyqtgraph as pg

    assert charts.indicator_id() == "REVN.DISP_Q2"
    evolution = charts.evolution_chart
    assert "CALL (valeur publiée)" in evolution.legend.text()
    assert "17\u202f580" in plot_texts(evolution)          # the CALL aligned on 2022
    assert "Édition" in evolution.plot.getPlotItem().getAxis("bottom").labelText
    comparison = charts.comparison_chart
    lines = [item for item in comparison.plot.getPlotItem().items
             if isinstance(item, pg.InfiniteLine)]
    assert [line.value() for line in lines] == [17580.0]
    worse = [text for text in plot_texts(comparison) if text.endswith(MARKS["worse"])]
    assert len(worse) == 22                                 # every QPV is below the CALL
    assert charts.gap_chart.plot.isVisibleTo(charts.gap_chart)


def test_charts_of_an_indicator_without_a_call_value(charts):
    charts.set_indicator("REVN.TP60")
    assert "Pas de valeur publiée pour la CALL" in charts.evolution_chart.note.text()
    assert "CALL" not in charts.evolution_chart.legend.text()
    assert "Pas de valeur publiée pour la CALL" in charts.comparison_chart.note.text()
    gap = charts.gap_chart
    assert not gap.plot.isVisibleTo(gap)
    assert "ne peut pas être tracée" in gap.note.text()
    assert "Revenu disponible médian par UC" in gap.note.text()   # what can be drawn


def test_a_secret_value_breaks_the_evolution_curve(charts):
    charts.set_indicator("DEMO.TX_TOT_MEN6")
    charts.set_qpv("QN06234M")                              # Quartier du 3/15
    evolution = charts.evolution_chart
    assert "secret statistique (2019, 2020)" in evolution.note.text()
    assert plot_texts(evolution).count("secret") == 2
    ticks = evolution.plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [text for _, text in ticks] == ["2017", "2018", "2019", "2020", "2021", "2022"]


def test_gap_dynamics_quadrants_are_labelled(charts):
    texts = plot_texts(charts.gap_chart)
    assert texts.count(NARROWING) == 2 and texts.count(WIDENING) == 2
    assert "3 Cités" in texts                                # short names beside the points
    assert "Écart à la CALL en 2018" in (
        charts.gap_chart.plot.getPlotItem().getAxis("bottom").labelText)


def test_every_quartier_name_is_readable_on_the_gap_chart(qtbot, charts):
    charts.tabs.setCurrentWidget(charts.gap_chart)
    charts.resize(1200, 700)
    qtbot.wait(50)
    chart = charts.gap_chart
    chart._place_names()
    placed = chart.placed
    assert "Calonne" in placed and len(placed) == len(chart._names)
    box = chart.plot.getPlotItem().getViewBox()
    corners = chart._corner_rects(box)
    rects = list(placed.items())
    for index, (name, rect) in enumerate(rects):
        assert not any(rect.intersects(other) for _, other in rects[index + 1:]), name
        assert not any(rect.intersects(corner) for corner in corners), name


def test_charts_open_on_the_quartier_being_looked_at(qtbot, reference, workspace):
    from qpvdesk.models.package.identity import Identity, save_identity
    from qpvdesk.views.main_window import MainWindow

    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    save_identity(workspace, Identity(commune_insee="62510"))      # Liévin
    lievin = window.focused_qpv()
    names = {qpv.code: qpv for qpv in reference.qpv_list()}
    assert "Liévin" in names[lievin].communes.split(", ")
    layer = window.controller.composer.layers["qpv"]
    x, y = layer.label_points[layer.keys.index("QN06224M")]     # Cité 12-14, identified
    window.controller.identify(x, y)
    charts = window.show_charts()
    assert charts.qpv_combo.currentData() == "QN06224M"
    assert charts.qpv_combo.currentText() != "3 Cités"
    window.controller.identify(0, 0)                               # nothing there
    window.qpv_list.selectRow(4)
    source = window.qpv_list.model().mapToSource(window.qpv_list.model().index(4, 0))
    chosen = window.qpv_list.source_model.qpv(source.row()).code
    assert window.show_charts().qpv_combo.currentData() == chosen


def test_xlsx_carries_sources_and_the_view_says_where_it_wrote(table_view, monkeypatch,
                                                               tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtGui import QDesktopServices

    table_view.picker.set_checked(["DEMO.TX_TOT_MEN6", "REVN.DISP_Q2"])
    save_as(monkeypatch, tmp_path / "sources.xlsx")
    path = table_view.export_xlsx()
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Tableau", "Sources et licence"]
    notes = [[cell for cell in row if cell is not None]
             for row in workbook["Sources et licence"].iter_rows(values_only=True)]
    ids = {row[1]: row for row in notes if len(row) >= 4}
    assert "DEMO.TX_TOT_MEN6" in ids and "REVN.DISP_Q2" in ids
    assert "base REVN" in ids["REVN.DISP_Q2"][3]
    assert any(row[0] == "Licence" and "Licence Ouverte" in row[1] for row in notes if row)
    assert any(row[0] == "Valeurs" and "secret" in row[1] for row in notes if row)
    # the window itself says where the file is, with a way to open its folder
    assert table_view.saved.isVisible()
    assert "sources.xlsx" in table_view.saved.text() and str(tmp_path) in table_view.saved.text()
    told = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: told.append(text)))
    table_view.saved.linkActivated.emit("#")
    assert len(told) == 1 and str(tmp_path) in told[0]
    assert "Aucun gestionnaire de fichiers" in told[0]
