"""A QPV's fiche as a Word document: the same cells as the fiche window and PDF, read back
with python-docx; `qpvdesk fiche CODE --docx`; the file opened by LibreOffice."""
from __future__ import annotations

import shutil

import docx
import pytest
from bad_input_fixtures import run_cli
from report_fixtures import (docx_headings, docx_images, docx_rows, libreoffice_pdf, pdf_pages,
                             pdf_text)

from qpvdesk.models.fiche import FICHE_INDICATORS, build_fiche
from qpvdesk.models.frenchnum import format_french_number

CITE_12_14 = "QN06224M"


@pytest.fixture(scope="module")
def fiche(reference):
    return build_fiche(reference, CITE_12_14)


@pytest.fixture
def word(qapp, reference, fiche, tmp_path):
    from qpvdesk.render.report_docx import write_document_docx
    from qpvdesk.render.report_fiche import fiche_document
    from qpvdesk.render.thumbnail import qpv_thumbnail

    path = tmp_path / "fiche.docx"
    write_document_docx(fiche_document(fiche, qpv_thumbnail(reference, CITE_12_14)), path)
    return docx.Document(path)


def cell_text(cell) -> str:
    return f"{cell.text}\n{cell.detail}" if cell.detail and cell.text else \
        cell.text or cell.detail


def test_headings_are_the_quartier_and_its_themes(word, fiche):
    assert docx_headings(word) == [
        ("Heading 1", fiche.identity.name),
        *(("Heading 2", theme) for theme in FICHE_INDICATORS),
        ("Heading 2", "Éducation"), ("Heading 1", "Sources"), ("Heading 2", "Notes")]


def test_tables_hold_the_cells_the_fiche_shows(qapp, word, fiche):
    from qpvdesk.render.fiche_tables import SourceIndex, education_tables, theme_tables

    sources = SourceIndex(fiche.sources)
    expected = theme_tables(fiche, sources) + education_tables(fiche, sources)
    identity, *tables = word.tables
    assert docx_rows(identity)[0] == ["Code 2024", CITE_12_14]
    assert len(tables) == len(expected)
    for table, shown in zip(tables, expected):
        rows = docx_rows(table)
        assert rows[0] == [column.header for column in shown.columns]
        assert rows[1:] == [[cell_text(cell) for cell in row] for row in shown.rows]
    line = next(line for line in fiche.lines() if line.indicator_id == "IPRO.TX_TOT_EMPL")
    employment = next(row for row in docx_rows(tables[3])
                      if row[0].startswith("Taux d'emploi des 15-64 ans"))
    assert employment[1] == f"{format_french_number(line.qpv.value, 1)}\u00a0%\n{line.qpv.edition}"


def test_map_and_sparklines_are_images(word, fiche):
    from qpvdesk.render.fiche_tables import SourceIndex, theme_tables

    sparklines = sum(1 for table in theme_tables(fiche, SourceIndex(fiche.sources))
                     for row in table.rows for cell in row if cell.series)
    assert sparklines > 20
    assert docx_images(word) == 1 + sparklines
    caption = next(p.text for p in word.paragraphs if p.style.name == "Caption")
    assert caption.startswith("Contour bleu : périmètre 2024 du quartier")


def test_sources_and_notes_are_the_fiches(word, fiche):
    from qpvdesk.render.fiche_tables import SourceIndex, footnotes

    texts = [p.text for p in word.paragraphs]
    for group in SourceIndex(fiche.sources).groups:
        assert any(text.startswith(f"[{group.number}] {group.producer} — ") and
                   group.licence in text for text in texts)
    for number, note in enumerate(footnotes(fiche), start=1):
        assert f"{number}. {note}" in texts
    assert any(text.startswith("Fiche produite par qpvdesk le ") for text in texts)


def test_cli_writes_pdf_and_word(reference_path, tmp_path):
    pdf, word_path = tmp_path / "fiche.pdf", tmp_path / "fiche.docx"
    done = run_cli("--reference", str(reference_path), "fiche", CITE_12_14, "--pdf", str(pdf),
                   "--docx", str(word_path), env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{pdf} ({pdf_pages(pdf)} pages)", str(word_path)]
    assert docx_headings(docx.Document(word_path))[0][1] == "Cité 12-14"
    assert "Cité 12-14" in pdf_text(pdf)


def test_cli_refuses_an_unwritable_word_file_before_writing_anything(reference_path, tmp_path):
    pdf = tmp_path / "fiche.pdf"
    target = tmp_path / "absent" / "fiche.docx"
    done = run_cli("--reference", str(reference_path), "fiche", CITE_12_14, "--pdf", str(pdf),
                   "--docx", str(target), env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 1
    assert done.stderr.strip() == (f"qpvdesk: Impossible d'écrire la fiche Word « {target} » : "
                                   "le dossier n'existe pas. Choisissez un autre dossier ou un "
                                   "autre nom.")
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install "
                           "libreoffice-writer-nogui")
def test_fiche_word_file_opens_in_libreoffice(qapp, reference, fiche, tmp_path):
    from qpvdesk.render.report_docx import write_document_docx
    from qpvdesk.render.report_fiche import fiche_document

    path = tmp_path / "fiche.docx"
    write_document_docx(fiche_document(fiche, None), path)
    converted = libreoffice_pdf(path, tmp_path)
    text = pdf_text(converted)
    assert pdf_pages(converted) >= 3
    assert "Cité 12-14" in text and "Revenus et pauvreté" in text and "Sources" in text
