"""The fiche window, its PDF and its print-out: figures as the model formats them, secret and
missing values, tooltips with sources, A4 pages, the CLI's --pdf, failures that leave nothing."""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPdfWriter
from PySide6.QtWidgets import QDialog, QScrollArea

from qpvdesk.models.fiche import build_fiche, format_figure
from qpvdesk.views.fiche import (FicheView, open_fiche_window, print_fiche, qpv_thumbnail,
                                 write_fiche_pdf)
from qpvdesk.render import fiche_pdf, pdf_pages
from qpvdesk.views.fiche import fiche_print
from qpvdesk.views.fiche.fiche_view import DETAIL_ROLE

CITE_12_14 = ("QN06224M", "QP062024")


def pdf_text(path) -> str:
    """pdftotext's text with every kind of space (narrow no-break included) made plain."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)


def line_of(fiche, indicator_id):
    return next(line for line in fiche.lines() if line.indicator_id == indicator_id)


def cell(view: FicheView, theme: str, indicator_label: str, column_header: str):
    table = view.tables[theme]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    return table.item(labels.index(indicator_label), headers.index(column_header))


@pytest.fixture(params=CITE_12_14)
def view(request, qtbot, reference):
    fiche = build_fiche(reference, request.param)
    widget = FicheView(fiche, qpv_thumbnail(reference, request.param))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# -- the window ----------------------------------------------------------------------------

def test_every_column_fits_a_1024_screen_and_no_name_is_cut(qtbot, reference):
    """In the width a 1024 × 768 screen leaves the fiche window, every table shows all its
    columns (no side scrolling): the indicators' names wrap over more lines instead of being
    cut (« Bénéficiaires de la … » read the same on two rows)."""
    widget = FicheView(build_fiche(reference, "QN06228M"), None)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    # the window fitted to 1024 × 768, frame included; after the show, where the app fits
    # secondary windows to the screen (offscreen: 800 × 600) once a main window has started
    widget.resize(986, 740)
    scroll = widget.findChild(QScrollArea)
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible())
    for title, table in widget.tables.items():
        assert table.width() >= sum(table.columnWidth(c) for c in range(table.columnCount())), \
            title
    revenus = widget.tables["Revenus et pauvreté"]
    metrics = revenus.fontMetrics()
    for row in range(revenus.rowCount()):
        name = revenus.item(row, 0).text()
        wrapped = metrics.boundingRect(0, 0, revenus.columnWidth(0) - 8, 10_000,
                                       int(Qt.TextFlag.TextWordWrap), name).height()
        assert revenus.rowHeight(row) >= wrapped, name


def test_both_codes_open_the_same_fiche(view):
    assert view.name_label.text() == "Cité 12-14"
    assert view.identity_labels["Code 2024"].text() == "QN06224M"
    assert view.identity_labels["Code 2015"].text() == "QP062024"
    assert "2\u202f158 habitants" in view.identity_labels["Population"].text()
    assert "édition 2022" in view.identity_labels["Population"].text()
    assert list(view.tables) == ["Démographie", "Familles et allocataires CAF",
                                 "Revenus et pauvreté", "Emploi et demandeurs d'emploi",
                                 "Collèges à moins de 1 km du périmètre 2024",
                                 "Écoles de Lens et Loos-en-Gohelle"]


def test_figure_cells_show_the_models_formatted_value(view):
    share = line_of(view.fiche, "DEMO.TX_TOT_0A24")
    item = cell(view, "Démographie", share.label, "QPV")
    assert item.text() == format_figure(share.qpv) == "38,1\u00a0%"
    # counts show the bare number; the unit is under the label, the full figure in the tooltip
    population = line_of(view.fiche, "DEMO.POP_MUN")
    item = cell(view, "Démographie", population.label, "QPV")
    assert item.text() == "2\u202f158"
    assert format_figure(population.qpv) in item.toolTip()
    income = line_of(view.fiche, "REVN.DISP_Q2")
    call = cell(view, "Revenus et pauvreté", income.label, "CALL")
    assert call.text() == "17\u202f580"   # revenus 2018, the year of REVN 2022
    assert call.data(DETAIL_ROLE) == "2018"
    assert format_figure(income.comparison("epci").figure) in call.toolTip()


def test_a_secret_value_shows_secret_never_zero(view):
    secret = [line for line in view.fiche.lines() if line.qpv.status == "secret"]
    assert secret, "Cité 12-14 has secret figures in the INSEE files"
    for line in secret:
        item = cell(view, line.theme, line.label, "QPV")
        assert item.text() == "secret"
        assert "secret statistique" in item.toolTip()
        assert cell(view, line.theme, line.label, "Rang").text() == "—"


def test_tooltips_carry_source_file_row_and_vintage(view):
    population = line_of(view.fiche, "DEMO.POP_MUN").qpv
    tip = cell(view, "Démographie", population.label, "QPV").toolTip()
    assert f"{population.source_file}, ligne {population.source_row}" in tip
    assert "Édition 2022" in tip and "Éditions 2017 à 2022, géographie QPV 2015" in tip
    income = line_of(view.fiche, "REVN.DISP_Q2")
    tip = cell(view, "Revenus et pauvreté", income.label, "Pas-de-\nCalais").toolTip()
    assert "insee_filosofi_caf/FILO2018_DISP_DEP_extrait.csv, ligne" in tip
    assert "Année : revenus 2018" in tip


def test_missing_values_are_a_dash_with_the_reason(view):
    taxed = line_of(view.fiche, "REVN.PMIMP")
    assert taxed.comparison("epci") is None
    item = cell(view, "Revenus et pauvreté", taxed.label, "CALL")
    assert item.text() == "—"
    assert "pas de valeur pour CALL dans les sources embarquées" in item.toolTip()


def test_comparisons_say_their_own_year_and_flag_other_editions(view):
    """The ensemble des QPV is published for editions 2017-2019 only: beside the QPV's 2022
    figure it says « éd. 2019 » and is marked; the note under the table says what * means."""
    share = line_of(view.fiche, "DEMO.TX_TOT_0A24")
    item = cell(view, "Démographie", share.label, "Ensemble\ndes QPV")
    assert item.data(DETAIL_ROLE) == "éd. 2019 *"
    assert ("Ensemble des QPV de France" in item.toolTip() and "Années différentes : édition "
            "2019 pour la comparaison, édition 2022 pour les QPV." in item.toolTip())
    assert "* : définition proche" in view.tables["Démographie"].fiche_table.note
    income = line_of(view.fiche, "REVN.DISP_Q2")
    gap = cell(view, "Revenus et pauvreté", income.label, "Écart\nCALL")
    assert gap.text().startswith(("↗", "↘")) and gap.data(DETAIL_ROLE) == "2021→2022"
    assert income.gap.text in gap.toolTip()


def test_levels_a_theme_never_has_are_left_out_and_said(view):
    table = view.tables["Familles et allocataires CAF"]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "Pas-de-\nCalais" not in headers and "Ensemble\ndes QPV" in headers
    assert "le Pas-de-Calais" in table.fiche_table.note
    revenus = view.tables["Revenus et pauvreté"]
    headers = [revenus.horizontalHeaderItem(c).text() for c in range(revenus.columnCount())]
    assert headers[:3] == ["Indicateur", "QPV", "Lens"]
    assert {"CALL", "Pas-de-\nCalais", "Hauts-de-\nFrance", "France", "QPV /\nCALL",
            "Rang", "Min – max\ndes 22 QPV", "Évolution"} <= set(headers)


def test_schools_and_the_geography_note(view):
    colleges = [s for s in view.fiche.schools if s.kind == "collège"]
    table = view.tables["Collèges à moins de 1 km du périmètre 2024"]
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == \
        [s.name for s in colleges]
    assert table.item(0, 4).text() == "REP+"
    assert "colleges_call_ips_2023_2024_rep.geojson" in table.item(0, 3).toolTip()
    ecoles = view.tables["Écoles de Lens et Loos-en-Gohelle"]
    assert ecoles.rowCount() == sum(s.kind == "école" for s in view.fiche.schools)
    assert "n'ont pas de coordonnées" in ecoles.fiche_table.note
    note = view.geography_label.text()
    assert "géographie prioritaire 2015 (code QP062024)" in note and "QN06224M" in note


def test_fiche_window_is_readable_at_1366_by_768(qtbot, reference):
    # three communes in 2015: the widest indicator table of the 22 fiches
    window = open_fiche_window(reference, "QN06229M")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    assert window.isWindow()
    assert window.windowTitle() == ("Fiche du quartier — Les Hauts De Liévin - Résidence Des "
                                    "Provinces - Cités 9-9bis")

    def laid_out_without_scrolling() -> None:
        assert window.findChild(QScrollArea).horizontalScrollBar().maximum() == 0
        for table in window.tables.values():
            assert table.horizontalScrollBar().maximum() == 0, table.fiche_table.title
            # every row shown, none squeezed under the next block
            assert table.height() == table.sizeHint().height(), table.fiche_table.title
    qtbot.waitUntil(laid_out_without_scrolling)      # once the layout has settled
    assert [b.text() for b in (window.export_button, window.print_button)] == \
        ["Exporter en PDF…", "Imprimer…"]
    window.close()


def test_unknown_code_opens_no_window(qtbot, reference):
    with pytest.raises(LookupError, match="Code de quartier inconnu"):
        open_fiche_window(reference, "QP999999")


def test_export_button_writes_the_pdf(view, tmp_path):
    target = view.export_pdf(str(tmp_path / "fiche.pdf"))
    assert target == tmp_path / "fiche.pdf" and target.stat().st_size > 10_000
    assert "Fiche enregistrée" in view.status.text()
    assert view.default_pdf_path().name == "Fiche_QN06224M_Cité_12-14.pdf"


# -- PDF -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cite_fiche(reference):
    return build_fiche(reference, "QN06224M")


def test_pdf_has_name_figures_pages_and_date(qapp, reference, cite_fiche, tmp_path):
    path = tmp_path / "cite.pdf"
    pages = write_fiche_pdf(cite_fiche, qpv_thumbnail(reference, "QN06224M"), path)
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    assert "Cité 12-14" in text and "2 158" in text
    assert "géographie prioritaire 2015 (code QP062024)" in text
    assert f"page {pages} / {pages}" in text
    assert re.search(r"Édité le \d\d/\d\d/\d{4}", text)
    assert "Sources" in text and "insee_qpv_indicateurs" in text
    assert not list(tmp_path.glob(".*tmp"))


def test_pdf_rows_are_never_cut_across_pages(qapp, reference, tmp_path):
    # 29 écoles: the last table runs over a page break
    fiche = build_fiche(reference, "QN06229M")
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(pdf_pages.PDF_DPI)
    pdf_pages.set_a4(writer)
    style = pdf_pages.Style(writer)
    footer = 200.0
    pages = fiche_pdf._layout(style, fiche, None, footer)
    assert len(pages) >= 3
    for blocks in pages:
        for top, block in blocks:
            assert top >= 0 and top + block.height <= style.height - footer + 1e-6
    path = tmp_path / "hauts.pdf"
    write_fiche_pdf(fiche, None, path)
    assert "(suite)" in pdf_text(path)


def test_cli_pdf(reference_path, tmp_path, capsys):
    from qpvdesk.commands import fiche as fiche_command

    parser = argparse.ArgumentParser()
    parser.add_argument("--reference")
    fiche_command.add_parser(parser.add_subparsers())
    out = tmp_path / "cli.pdf"
    args = parser.parse_args(["--reference", str(reference_path), "fiche", "QP062024",
                              "--pdf", str(out)])
    assert args.handler(args) == 0
    assert capsys.readouterr().out.strip() == f"{out} (4 pages)"
    text = pdf_text(out)
    assert "Cité 12-14" in text and "2 158" in text


def test_cli_pdf_runs_without_a_display(reference_path, tmp_path):
    out = tmp_path / "fiche.pdf"
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "qpvdesk.cli", "--reference", str(reference_path), "fiche",
         "QN06224M", "--pdf", str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Cité 12-14" in pdf_text(out)


def test_unwritable_folder_raises_and_leaves_nothing(qapp, cite_fiche, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(OSError, match="Impossible d'écrire la fiche PDF.*passe par un fichier"):
        write_fiche_pdf(cite_fiche, None, blocker / "fiche.pdf")
    with pytest.raises(OSError, match="le dossier n'existe pas"):
        write_fiche_pdf(cite_fiche, None, tmp_path / "absent" / "fiche.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder"]


def test_read_only_folder_raises_and_leaves_nothing(qapp, cite_fiche, read_only_folder):
    folder = read_only_folder.path
    with pytest.raises(OSError, match=f"Impossible d'écrire la fiche PDF.*"
                                      f"{read_only_folder.reason}"):
        write_fiche_pdf(cite_fiche, None, folder / "fiche.pdf")
    assert not list(folder.iterdir())


def test_failure_while_painting_leaves_no_half_written_pdf(qapp, cite_fiche, tmp_path,
                                                           monkeypatch):
    target = tmp_path / "fiche.pdf"
    target.write_bytes(b"%PDF previous export")

    def broken(*args):
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(fiche_pdf, "paint_fiche", broken)
    with pytest.raises(RuntimeError):
        write_fiche_pdf(cite_fiche, None, target)
    assert target.read_bytes() == b"%PDF previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fiche.pdf"]


# -- printing --------------------------------------------------------------------------------

class FakePrintDialog:
    """Stands for QPrintDialog: 'prints' to a PDF file, or cancels."""
    accept, output = True, None

    def __init__(self, printer, parent=None) -> None:
        self.printer = printer

    def setWindowTitle(self, title) -> None:  # noqa: N802 (Qt API)
        pass

    def exec(self) -> int:
        if not FakePrintDialog.accept:
            return QDialog.DialogCode.Rejected
        self.printer.setOutputFormat(fiche_print.QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(FakePrintDialog.output))
        return QDialog.DialogCode.Accepted


def test_print_uses_the_same_painting(qapp, reference, cite_fiche, tmp_path, monkeypatch):
    monkeypatch.setattr(fiche_print, "QPrintDialog", FakePrintDialog)
    FakePrintDialog.output, FakePrintDialog.accept = tmp_path / "printed.pdf", True
    assert print_fiche(cite_fiche, qpv_thumbnail(reference, "QN06224M")) is True
    text = pdf_text(tmp_path / "printed.pdf")
    assert "Cité 12-14" in text and "2 158" in text and "page 1 / 4" in text
    FakePrintDialog.accept, FakePrintDialog.output = False, tmp_path / "cancelled.pdf"
    assert print_fiche(cite_fiche, None) is False
    assert not (tmp_path / "cancelled.pdf").exists()


def test_every_qpv_fiche_opens_and_exports(qtbot, reference, tmp_path):
    # some quartiers have no collège within 1 km, or communes outside the CALL
    codes = [code for (code,) in reference.conn.execute("SELECT code FROM qpv ORDER BY code")]
    for code in codes:
        fiche = build_fiche(reference, code)
        widget = FicheView(fiche, None)
        qtbot.addWidget(widget)
        assert widget.name_label.text() == fiche.identity.name
        assert write_fiche_pdf(fiche, None, tmp_path / f"{code}.pdf") >= 2
    assert len(list(tmp_path.glob("*.pdf"))) == 22
