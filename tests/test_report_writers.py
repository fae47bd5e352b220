"""One report Document, two writers: the Word file read back with python-docx, the PDF's text
with pdftotext, the Word file opened by LibreOffice; files written whole or not at all."""
from __future__ import annotations

import os
import shutil
import stat

import docx
import pytest
from bad_input_fixtures import fill, tmpfs
from report_fixtures import (LEAD, docx_headings, docx_images, docx_rows, libreoffice_pdf,
                             pdf_pages, pdf_text, plain, sample_document)

from qpvdesk.models.report.document import Heading, Table, TableCell
from qpvdesk.models.report.output import ReportWriteError, write_atomically


@pytest.fixture(scope="module")
def document():
    return sample_document()


@pytest.fixture
def word_file(qapp, document, tmp_path):
    from qpvdesk.render.report_docx import write_document_docx

    path = tmp_path / "portrait.docx"
    write_document_docx(document, path)
    return path


@pytest.fixture
def pdf_file(qapp, document, tmp_path):
    from qpvdesk.render.report_pdf import write_document_pdf

    path = tmp_path / "portrait.pdf"
    pages = write_document_pdf(document, path)
    assert pages == pdf_pages(path)
    return path


# -- Word ------------------------------------------------------------------------------------

def test_word_headings_use_word_heading_styles(word_file):
    word = docx.Document(word_file)
    assert docx_headings(word) == [
        ("Heading 1", "Synthèse"), ("Heading 1", "Emploi et chômage"),
        ("Heading 2", "Taux d'emploi"), ("Heading 3", "Dynamique des écarts"),
        ("Heading 1", "Sources"), ("Heading 2", "Notes")]
    titles = [p.text for p in word.paragraphs if p.style.name == "Title"]
    assert titles == ["Portrait de territoire"]


def test_word_table_has_repeated_header_rows_and_the_right_cells(word_file):
    word = docx.Document(word_file)
    table = word.tables[0]
    rows = docx_rows(table)
    assert rows[0] == ["", "À la CALL", "Dans les QPV", "Comparaison"]
    assert rows[1] == ["Indicateur", "valeur", "min – max", "QPV / CALL"]
    assert rows[2][:3] == ["Taux d'emploi des 15-64 ans", "53,5 %\n2018",
                           "de 30,8 % (République - Cité 4) à 47,3 % (Quartier Saint-Elie - "
                           "Fosse 13)"]
    assert rows[3][1] == "secret"
    headers = [row._tr.trPr is not None and row._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader"))
               is not None for row in table.rows]
    assert headers == [True, True, False, False]
    assert table.rows[2].cells[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    texts = [p.text for p in word.paragraphs]
    assert "Les taux ne sont jamais moyennés." in texts
    assert "Sources : INSEE, base QPV 2022 ; comparateur de territoires 2022." in texts


def test_word_has_the_sentences_runs_and_cautions(word_file):
    word = docx.Document(word_file)
    lead = next(p for p in word.paragraphs if p.text == LEAD)
    assert lead.style.name == "Constat"
    mixed = next(p for p in word.paragraphs if p.text.startswith("Un texte avec"))
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in mixed.runs] == [
        ("Un texte avec ", False, False), ("du gras", True, False), (" et ", False, False),
        ("de l'italique", False, True), (".", False, False)]
    notice = [p.text for p in word.paragraphs if p.style.name == "Avertissement"]
    assert notice == ["À lire avec prudence",
                      "• Le NEET de l'Observatoire n'a pas la même définition.",
                      "• Données du département et de la région seulement."]
    assert [p.text for p in word.paragraphs if p.style.name == "List Bullet"][:2] == [
        "Premier point de vigilance.", "Second point de vigilance."]


def test_word_figures_are_images_with_caption_and_source(word_file):
    word = docx.Document(word_file)
    # two charts and the sparkline of the summary table
    assert docx_images(word) == 3
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert captions == ["Figure 1 — Évolution du taux d'emploi des QPV et de la CALL",
                        "Figure 2 — Dynamique des écarts à la CALL, 2017-2022"]
    texts = [p.text for p in word.paragraphs]
    source = texts.index(captions[0]) + 1
    assert texts[source] == "Source : INSEE, base QPV, éditions 2017 à 2022."
    images = [part for part in word.part.related_parts.values()
              if part.content_type == "image/png"]
    assert len(images) == 3 and all(part.blob.startswith(b"\x89PNG") for part in images)


def test_word_sources_page_and_language(word_file):
    word = docx.Document(word_file)
    entry = next(p for p in word.paragraphs if p.text.startswith("INSEE — "))
    assert entry.text == ("INSEE — Données des quartiers de la politique de la ville — "
                          "éditions 2017 à 2022. Licence : Licence Ouverte 2.0.")
    assert entry.runs[0].bold
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer._element.xml
    assert "NUMPAGES" in footer and "Portrait d'essai — CALL" in footer
    assert 'w:val="fr-FR"' in word.styles["Normal"].element.xml
    assert word.core_properties.title == "Portrait d'essai"
    assert word.core_properties.language == "fr-FR"


def test_wide_table_goes_on_a_landscape_page_with_its_heading(qapp, tmp_path):
    from qpvdesk.models.report.document import Document, Paragraph
    from qpvdesk.render.report_docx import write_document_docx

    wide = Table((tuple(f"Colonne {n}" for n in range(14)),),
                 ((tuple(TableCell(f"1 234 567,{n}") for n in range(14))),),
                 ("left",) + ("right",) * 13)
    document = Document("t", "t", (Paragraph.plain("Avant."), Heading("Revenus", 2),
                                   Paragraph.plain("note", "note"), wide, Heading("Emploi", 2)))
    path = tmp_path / "wide.docx"
    write_document_docx(document, path)
    word = docx.Document(path)
    assert [s.orientation.name for s in word.sections] == ["PORTRAIT", "LANDSCAPE", "PORTRAIT"]
    assert round(word.sections[1].page_width.mm) == 297
    # the heading and its note open the landscape section, before the table
    last_of_portrait = word.sections[0]._sectPr.getparent().getparent()
    paragraphs = [paragraph._p for paragraph in word.paragraphs]
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert paragraphs.index(last_of_portrait) < texts.index("Revenus") < texts.index("note")
    assert docx_rows(word.tables[0])[1][13] == "1 234 567,13"


def test_a_document_opening_on_a_wide_table_has_no_blank_first_page(qapp, tmp_path):
    from qpvdesk.models.report.document import Document
    from qpvdesk.render.report_docx import write_document_docx

    wide = Table((tuple(f"Colonne {n}" for n in range(14)),),
                 ((tuple(TableCell(f"1 234 567,{n}") for n in range(14))),),
                 ("left",) + ("right",) * 13)
    path = tmp_path / "wide.docx"
    write_document_docx(Document("t", "t", (wide,)), path)
    word = docx.Document(path)
    assert [s.orientation.name for s in word.sections] == ["LANDSCAPE"]


# -- PDF -------------------------------------------------------------------------------------

def test_pdf_holds_the_sentences_tables_figures_and_page_numbers(pdf_file):
    text = pdf_text(pdf_file)
    pages = pdf_pages(pdf_file)
    assert "Portrait de territoire" in text and "Produit avec qpvdesk" in text
    assert plain(LEAD) in text
    for cell in ("Taux d'emploi des 15-64 ans", "53,5 %", "République - Cité 4", "secret",
                 "de 1,4 à 2 fois plus", "À la CALL", "Dans les QPV"):
        assert cell in text
    for caption in ("Figure 1 — Évolution du taux d'emploi", "Figure 2 — Dynamique des écarts"):
        assert caption in text
    # charts are vectors: their labels are text
    for label in ("2017", "2022", "Taux d'emploi (%)", "écart qui se creuse", "Grande Résidence",
                  "CALL", "Chaque QPV (6)"):
        assert label in text
    assert f"page 1 / {pages}" in text and f"page {pages} / {pages}" in text
    assert "INSEE — Données des quartiers" in text and "Une note de fin." in text


def test_pdf_cover_is_a_page_of_its_own(pdf_file):
    import subprocess

    first = plain(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf_file), "-"],
                                 capture_output=True, text=True, check=True).stdout)
    assert "Portrait de territoire" in first and "Synthèse" not in first


def test_pdf_repeats_a_long_tables_header_on_the_next_page(qapp, tmp_path):
    from qpvdesk.models.report.document import Document
    from qpvdesk.render.report_pdf import write_document_pdf

    rows = tuple((TableCell(f"QPV n° {n}"), TableCell(f"{n},5 %")) for n in range(150))
    document = Document("long", "long", (Table((("Quartier", "Taux"),), rows,
                                               ("left", "right"), title="Les quartiers"),))
    path = tmp_path / "long.pdf"
    pages = write_document_pdf(document, path)
    assert pages >= 3
    text = pdf_text(path)
    assert text.count("Quartier Taux") == pages
    assert text.count("Les quartiers (suite)") == pages - 1
    assert "QPV n° 149 149,5 %" in text


# -- LibreOffice -----------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install "
                           "libreoffice-writer-nogui")
def test_word_file_opens_in_libreoffice(word_file, tmp_path):
    converted = libreoffice_pdf(word_file, tmp_path)
    text = pdf_text(converted)
    assert pdf_pages(converted) >= 3
    assert "Portrait de territoire" in text and "Emploi et chômage" in text
    assert plain(LEAD) in text
    assert "Figure 2 — Dynamique des écarts à la CALL, 2017-2022" in text
    assert "Quartier Saint-Elie - Fosse 13" in text


# -- writing whole or not at all -------------------------------------------------------------

WHAT = "le portrait Word"


def test_missing_folder_or_a_file_as_folder_is_refused_in_french(tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(ReportWriteError, match="« .*absent/p.docx » : le dossier n'existe pas"):
        write_atomically(tmp_path / "absent" / "p.docx", b"data", WHAT)
    with pytest.raises(ReportWriteError, match="passe par un fichier"):
        write_atomically(blocker / "p.docx", b"data", WHAT)
    with pytest.raises(ReportWriteError, match="ce nom est celui d'un dossier"):
        write_atomically(tmp_path, b"data", WHAT)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fichier"]


def test_a_device_is_never_replaced(tmp_path):
    before = os.stat("/dev/null")
    with pytest.raises(ReportWriteError, match="ce n'est pas un fichier ordinaire"):
        write_atomically("/dev/null", b"data", WHAT)
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_read_only_folder_is_refused_and_left_empty(read_only_folder):
    with pytest.raises(ReportWriteError, match=read_only_folder.reason):
        write_atomically(read_only_folder.path / "p.docx", b"data", WHAT)
    assert not list(read_only_folder.path.iterdir())


def test_full_disk_keeps_the_previous_file_and_leaves_no_temporary(qapp, document, tmp_path):
    from qpvdesk.render.report_docx import document_docx

    data = document_docx(document)
    with tmpfs(tmp_path / "disk", 256) as disk:
        previous = disk / "portrait.docx"
        previous.write_bytes(b"version de la semaine passee")
        fill(disk, 8)
        with pytest.raises(ReportWriteError, match="le disque est plein. Libérez de la place"):
            write_atomically(previous, data, WHAT)
        assert previous.read_bytes() == b"version de la semaine passee"
        assert sorted(p.name for p in disk.iterdir()) == ["portrait.docx", "remplissage"]


def test_an_interrupted_write_leaves_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "portrait.pdf"
    target.write_bytes(b"%PDF ancienne version")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"%PDF nouvelle version", "le portrait PDF")
    assert target.read_bytes() == b"%PDF ancienne version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portrait.pdf"]
