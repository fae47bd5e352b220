"""The « Portrait du territoire » window: the diagnostic section by section (sentences, tables,
charts), its two export buttons driven with qtbot — the file dialog starts in the remembered
folder, the file is written off the GUI thread, whole, and a refusal is said in French."""
from __future__ import annotations

import docx
import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from report_fixtures import docx_headings, pdf_text, squeezed

from qpvdesk.models.diagnostic import build_diagnostic
from qpvdesk.models.report.diagnostic_document import diagnostic_document
from qpvdesk.views import file_dialogs
from qpvdesk.views.document_view import ChartWidget, DocumentTable
from qpvdesk.views.portrait_view import PortraitView


@pytest.fixture(scope="module")
def diagnostic(reference):
    return build_diagnostic(reference)


@pytest.fixture
def view(qtbot, diagnostic):
    view = PortraitView(diagnostic_document(diagnostic))
    qtbot.addWidget(view)
    view.resize(1200, 720)
    view.show()
    qtbot.waitExposed(view)
    return view


def answer_with(monkeypatch, path, asked: list | None = None) -> None:
    def dialog(parent, caption, start, filters):
        if asked is not None:
            asked.append((caption, start, filters))
        return str(path), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))


def labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_parts_are_the_summary_the_themes_and_the_sources(view, diagnostic):
    assert view.part_titles() == ["Synthèse", *(t.title for t in diagnostic.themes), "Sources"]
    summary = view.current_page().findChildren(DocumentTable)[0]
    assert summary.horizontalHeaderItem(1).text() == "À la CALL"
    rows = [summary.item(row, 0).text() for row in range(summary.rowCount())]
    employment = diagnostic.theme("emploi").finding("IPRO.TX_TOT_EMPL")
    assert any(row.startswith(employment.label) for row in rows)


def test_table_rows_are_as_tall_as_their_text(qtbot, view):
    """Once the window is laid out, every row of every table is the height of its wrapped
    text, no more (they were measured on the header's old widths: two empty lines a row)."""
    def fitted(table: DocumentTable) -> bool:
        least = table.verticalHeader().minimumSectionSize()
        return all(table.rowHeight(r) == max(table.sizeHintForRow(r), least)
                   for r in range(table.rowCount()))

    for row in range(len(view.part_titles())):
        view.navigation.setCurrentRow(row)
        tables = view.current_page().findChildren(DocumentTable)
        qtbot.waitUntil(lambda: all(fitted(table) for table in tables))


def test_a_theme_shows_its_sentences_tables_and_charts(qtbot, view, diagnostic):
    theme = diagnostic.theme("revenus")
    view.navigation.setCurrentRow(view.part_titles().index(theme.title))
    page = view.current_page()
    texts = labels(page)
    for sentence in theme.sentences():
        assert any(squeezed(sentence) == squeezed(text.replace("&nbsp;", " "))
                   for text in texts), sentence
    charts = page.findChildren(ChartWidget)
    assert len(charts) == len(theme.evolution_charts) + len(theme.dynamics_charts)
    chart = charts[0]
    page.ensureWidgetVisible(chart)
    qtbot.wait(50)
    image = chart.grab().toImage()
    assert chart.height() == chart.heightForWidth(chart.width()) > 200
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 10          # lines, markers and labels, not a blank box
    assert any("Dynamique des écarts" in text for text in texts)
    assert "Précautions de lecture" in texts


def test_tranquillite_says_it_covers_departement_and_region_only(view, diagnostic):
    theme = diagnostic.theme("tranquillite")
    view.navigation.setCurrentRow(view.part_titles().index(theme.title))
    notice = next(text for text in labels(view.current_page()) if "Portée des données" in text)
    assert "Département et région seulement" in notice


def test_pdf_export_starts_in_the_remembered_folder_and_writes_off_the_gui_thread(
        qtbot, view, workspace, monkeypatch, tmp_path, diagnostic):
    remembered = tmp_path / "rapports"
    remembered.mkdir()
    file_dialogs.remember_folders_in(workspace)
    try:
        file_dialogs.remember(remembered / "ancien.csv")
        asked = []
        answer_with(monkeypatch, remembered / "portrait", asked)   # no suffix typed
        with qtbot.waitSignal(view.export_finished, timeout=60000) as finished:
            task = view.export("pdf")
            assert not view.pdf_button.isEnabled() and not view.docx_button.isEnabled()
            assert task.running or finished.signal_triggered
        written = remembered / "portrait.pdf"
        assert finished.args == [written]
        assert asked[0][1] == str(remembered / "portrait_de_territoire.pdf")
        assert "PDF" in asked[0][2]
    finally:
        file_dialogs.remember_folders_in(None)
    qtbot.waitUntil(lambda: view.pdf_button.isEnabled())
    assert view.status.text().startswith(f"Portrait enregistré : {written} (")
    assert view.reveal_button.isVisible()
    text = pdf_text(written)
    assert squeezed(diagnostic.theme("emploi").sentences()[0]) in squeezed(text)
    assert not [p for p in remembered.iterdir() if p.name.endswith(".tmp")]


def test_word_export_from_its_button(qtbot, view, monkeypatch, tmp_path, diagnostic):
    target = tmp_path / "portrait.docx"
    answer_with(monkeypatch, target)
    with qtbot.waitSignal(view.export_finished, timeout=60000):
        view.docx_button.click()
    headings = [text for style, text in docx_headings(docx.Document(target))
                if style == "Heading 1"]
    assert headings == ["Synthèse", *(t.title for t in diagnostic.themes), "Sources"]


def test_refused_export_is_said_in_french_and_writes_nothing(qtbot, view, monkeypatch,
                                                             read_only_folder):
    told = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: told.append((title, text))))
    target = read_only_folder.path / "portrait.docx"
    answer_with(monkeypatch, target)
    with qtbot.waitSignal(view.export_finished, timeout=60000) as finished:
        view.docx_button.click()
    assert finished.args == [None]
    [(title, text)] = told
    assert title == "Exporter le portrait"
    assert text == (f"Impossible d'écrire le portrait Word « {target} » : "
                    f"{read_only_folder.reason}. Choisissez un autre dossier ou un autre nom.\n"
                    "Aucun fichier n'a été écrit.")
    assert not list(read_only_folder.path.iterdir())
    qtbot.waitUntil(lambda: view.docx_button.isEnabled())
    assert view.status.text() == "Aucun fichier n'a été écrit."


def test_cancelled_dialog_writes_nothing(view, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: ("", "")))
    assert view.export("pdf") is None
    assert view.pdf_button.isEnabled() and view.status.text() == ""


def test_main_window_opens_the_diagnostic(qtbot, reference, workspace):
    from qpvdesk.views.main_window import MainWindow

    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    portrait = window.show_portrait()
    assert isinstance(portrait, PortraitView)
    assert portrait.windowTitle() == "Portrait du territoire"
    assert window.show_portrait() is portrait
