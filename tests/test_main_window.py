"""The first window: the 22 QPV listed, and the sources dialog."""
from __future__ import annotations

from PySide6.QtCore import Qt

from qpvdesk.views.main_window import MainWindow


def test_main_window_lists_22_qpv(qtbot, reference, workspace):
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.qpv_list.model()
    assert model.rowCount() == 22
    names = {model.index(row, 2).data() for row in range(22)}
    assert "Cité 12-14" in names and "Grande Résidence" in names
    assert "QPV" in window.statusBar().currentMessage()


def test_population_shown_in_french_format_and_sortable(qtbot, reference, workspace):
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    view = window.qpv_list
    view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    model = view.model()
    # Calonne - Marichelles - Vent De Bise is the most populated QPV (6 792 in DEMO 2022)
    assert model.index(0, 2).data().startswith("Calonne")
    assert model.index(0, 6).data() == "6\u202f792"


def test_sources_dialog_lists_provenance(qtbot, reference, workspace):
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    dialog = window.show_sources()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sources et licences"
    tables = {entry.table_name for entry in reference.provenance()}
    assert len(tables) <= dialog.table.rowCount() < len(reference.provenance())
    shown = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert "Quartiers prioritaires (QPV)" in shown and "Valeurs des indicateurs" in shown
    licences = {dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())}
    assert any("Licence Ouverte" in text for text in licences)


def test_unexpected_error_is_logged_and_told_calmly(qapp, tmp_path, monkeypatch):
    import sys

    from PySide6.QtWidgets import QMessageBox

    from qpvdesk.app import install_error_handler

    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_handler(tmp_path / "logs")
    try:
        raise KeyError("boom")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    log = (tmp_path / "logs" / "qpvdesk-erreurs.log").read_text(encoding="utf-8")
    assert "KeyError: 'boom'" in log and "Traceback" in log
    assert told and "erreur inattendue" in told[0] and "Traceback" not in told[0]
