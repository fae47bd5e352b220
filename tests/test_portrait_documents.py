"""The territorial diagnostic as a PDF and a Word file (issue 12, item 4): the generated
sentences, the summary and theme tables, the charts with their sources, the precautions and
the sources section, read back from the files; `qpvdesk portrait --pdf --docx --json`, its
refusals; the Word file opened by LibreOffice."""
from __future__ import annotations

import json
import os
import re
import shutil
import stat

import docx
import pytest
from bad_input_fixtures import fill, run_cli, tmpfs
from report_fixtures import (docx_headings, docx_images, docx_rows, libreoffice_pdf, pdf_pages,
                             pdf_text, plain, squeezed)

from qpvdesk.models.diagnostic import build_diagnostic
from qpvdesk.models.report.diagnostic_document import (TITLE, diagnostic_document,
                                                       extreme_text, merged_notes)
from qpvdesk.models.report.document import Heading, Paragraph

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture(scope="module")
def diagnostic(reference):
    return build_diagnostic(reference)


@pytest.fixture(scope="module")
def document(diagnostic):
    return diagnostic_document(diagnostic)


@pytest.fixture(scope="module")
def files(reference_path, tmp_path_factory):
    """The portrait written by the real command line."""
    folder = tmp_path_factory.mktemp("portrait")
    pdf, word = folder / "portrait.pdf", folder / "portrait.docx"
    done = run_cli("--reference", str(reference_path), "portrait", "--pdf", str(pdf),
                   "--docx", str(word), env=OFFSCREEN)
    assert done.returncode == 0, done.stderr
    pages = pdf_pages(pdf)
    assert done.stdout.splitlines() == [f"{pdf} ({pages} pages)", str(word)]
    return pdf, word


def charted(diagnostic) -> int:
    return sum(len(t.evolution_charts) + len(t.dynamics_charts) for t in diagnostic.themes)


# -- the document (Qt-free) ------------------------------------------------------------------

def test_document_follows_the_diagnostic_theme_by_theme(diagnostic, document):
    assert document.cover.title == TITLE
    assert any(line.startswith("Édité le ") for line in document.cover.lines)
    assert "Produit avec qpvdesk à partir de données publiques" in document.cover.lines
    parts = [heading.text for heading in document.headings(1)]
    assert parts == ["Synthèse", *(theme.title for theme in diagnostic.themes)]
    assert document.blocks[-1].title == "Sources"
    leads = [block.text for block in document.blocks
             if isinstance(block, Paragraph) and block.role == "lead"]
    for theme in diagnostic.themes:
        for sentence in theme.sentences():
            assert sentence in leads
    assert len(document.figures()) == charted(diagnostic) > 0


def test_summary_row_names_the_lowest_and_highest_qpv_with_ties(document, diagnostic):
    summary = document.tables()[0]
    finding = diagnostic.theme("revenus").finding("FILOQP.DISP_MED")
    row = next(row for row in summary.rows if row[0].text == finding.label)
    assert extreme_text(finding.highest) in row[2].text
    # the 2019 median-income maximum is shared: every QPV that has it is named
    assert len(finding.highest.names) == 2
    assert all(name in row[2].text for name in finding.highest.names)
    assert row[1].text == "17\u202f980 € par UC" and "revenus 2019" in row[1].detail
    assert finding.ratio_text in row[3].text
    assert f"{finding.worse_than_call} QPV sur {finding.known} plus défavorables" in row[3].text


def test_tranquillite_says_it_is_departement_and_region_only(document):
    blocks = list(document.blocks)
    start = blocks.index(next(b for b in blocks if isinstance(b, Heading)
                              and b.text == "Tranquillité publique"))
    notice = blocks[start + 1]
    assert notice.title == "Portée des données"
    assert "Département et région seulement" in notice.items[0]


def test_precautions_say_why_a_comparator_is_refused(document, diagnostic):
    finding = diagnostic.theme("revenus").finding("REVN.BREV")
    assert finding.refusals and finding.call is None
    texts = [item.text for block in document.blocks if hasattr(block, "items")
             and isinstance(block.items[0], Paragraph) for item in block.items]
    assert any(text.startswith(f"{finding.label} : ") and "non comparable" in text
               for text in texts)
    assert any("définition non vérifiée" in text for text in texts)


def test_notes_that_differ_only_by_territory_are_said_once():
    notes = ["CALL — définition proche : même concept.",
             "Pas-de-Calais — définition proche : même concept.",
             "CALL — Années différentes.", "Une note sans territoire."]
    assert merged_notes(notes) == ["CALL et Pas-de-Calais — définition proche : même concept.",
                                   "CALL — Années différentes.", "Une note sans territoire."]


def test_each_figure_has_its_source_and_years(document):
    for figure in document.figures():
        assert figure.source.startswith("Sources : ")
        assert any(char.isdigit() for char in figure.source)
    dynamics = [f for f in document.figures() if f.chart.kind == "scatter"]
    assert dynamics and all("→" in f.caption for f in dynamics)
    roles = {series.role for f in dynamics for series in f.chart.series}
    assert roles <= {"widening", "narrowing", "stable"}


# -- the Word file ---------------------------------------------------------------------------

def test_word_file_has_headings_sentences_tables_and_charts(files, diagnostic):
    word = docx.Document(files[1])
    headings = docx_headings(word)
    assert [text for style, text in headings if style == "Heading 1"] == [
        "Synthèse", *(theme.title for theme in diagnostic.themes), "Sources"]
    leads = {p.text for p in word.paragraphs if p.style.name == "Constat"}
    for theme in diagnostic.themes:
        assert set(theme.sentences()) <= leads
    assert docx_images(word) == charted(diagnostic)
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert len(captions) == charted(diagnostic)
    assert captions[0].startswith("Figure 1 — Évolution — ")
    summary = docx_rows(word.tables[0])
    assert summary[0] == ["Indicateur", "À la CALL", "Dans les QPV de la CALL",
                          "Comparaison QPV / CALL"]
    employment = diagnostic.theme("emploi").finding("IPRO.TX_TOT_EMPL")
    row = next(row for row in summary if row[0] == employment.label)
    assert row[2].startswith(f"de {extreme_text(employment.lowest)} à "
                             f"{extreme_text(employment.highest)}")


def test_word_sources_name_producer_and_licence(files, diagnostic):
    word = docx.Document(files[1])
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Sources")
    entries = [p.text for p in word.paragraphs[start:] if p.style.name == "List Bullet"]
    assert any(text.startswith("INSEE — ") for text in entries)
    assert any(text.startswith("SSMSI — ") for text in entries)
    assert all("Licence : " in text for text in entries)
    assert any("Licence Ouverte" in text for text in texts[start:start + 2])


# -- the PDF ---------------------------------------------------------------------------------

def test_pdf_has_the_sentences_figures_and_sources(files, diagnostic):
    text = pdf_text(files[0])
    assert plain(TITLE) in text and "Produit avec qpvdesk à partir de données publiques" in text
    for theme in diagnostic.themes:
        for sentence in theme.sentences():   # a line may break after the hyphen of a name
            assert squeezed(sentence) in squeezed(text)
    for number in range(1, charted(diagnostic) + 1):
        assert f"Figure {number} — " in text
    pages = pdf_pages(files[0])
    assert f"page {pages} / {pages}" in text
    assert "République - Cité 4" in text and "l'écart se creuse" in text
    assert "Licence Ouverte" in text


def test_contents_give_each_part_its_page(files, document):
    import subprocess

    second = plain(subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(files[0]),
                                   "-"], capture_output=True, text=True, check=True).stdout)
    assert second.startswith("Sommaire")
    pages = []
    for part in document.parts():
        found = re.search(re.escape(part) + r" (\d+) ", second)
        assert found, part
        pages.append(int(found.group(1)))
        on_page = plain(subprocess.run(["pdftotext", "-f", found.group(1), "-l", found.group(1),
                                        str(files[0]), "-"], capture_output=True, text=True,
                                       check=True).stdout)
        assert on_page.startswith(part)
    assert pages == sorted(pages) and pages[0] == 3
    word = docx.Document(files[1])
    body = word.element.body.xml
    assert 'TOC \\o "1-1"' in body
    assert "updateFields" in word.settings.element.xml


# -- the command line ------------------------------------------------------------------------

def test_json_stays_alone_on_stdout(reference_path, tmp_path):
    pdf = tmp_path / "p.pdf"
    done = run_cli("--reference", str(reference_path), "portrait", "--json", "--pdf", str(pdf),
                   env=OFFSCREEN)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["json_version"] == 1
    assert done.stderr.strip().startswith(f"{pdf} (")


def test_bad_arguments_exit_2(reference_path, tmp_path):
    done = run_cli("--reference", str(reference_path), "portrait", "--pdf",
                   str(tmp_path / "p.docx"), env=OFFSCREEN)
    assert done.returncode == 2
    assert "le nom du fichier doit finir par .pdf" in done.stderr
    done = run_cli("--reference", str(reference_path), "portrait", "--docx", env=OFFSCREEN)
    assert done.returncode == 2
    assert not list(tmp_path.iterdir())


def test_read_only_folder_is_refused_before_anything_is_written(reference_path, tmp_path,
                                                               read_only_folder):
    pdf = tmp_path / "p.pdf"
    target = read_only_folder.path / "p.docx"
    done = run_cli("--reference", str(reference_path), "portrait", "--pdf", str(pdf),
                   "--docx", str(target), env=OFFSCREEN)
    assert done.returncode == 1
    assert done.stderr.strip() == (f"qpvdesk: Impossible d'écrire le portrait Word « {target} » "
                                   f": {read_only_folder.reason}. Choisissez un autre dossier "
                                   "ou un autre nom.")
    assert not pdf.exists() and not list(read_only_folder.path.iterdir())


def test_a_pipe_or_a_device_given_as_the_file_is_refused(reference_path, tmp_path):
    pipe = tmp_path / "p.pdf"
    os.mkfifo(pipe)
    done = run_cli("--reference", str(reference_path), "portrait", "--pdf", str(pipe),
                   env=OFFSCREEN)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "ce n'est pas un fichier ordinaire" in done.stderr
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    before = os.stat("/dev/null")
    done = run_cli("--reference", str(reference_path), "portrait", "--docx", "/dev/null",
                   env=OFFSCREEN)
    assert done.returncode == 2   # not a .docx name
    assert os.stat("/dev/null").st_ino == before.st_ino


def test_full_disk_keeps_the_previous_portrait(reference_path, tmp_path):
    with tmpfs(tmp_path / "disk", 512) as disk:
        previous = disk / "portrait.docx"
        previous.write_bytes(b"portrait du mois dernier")
        fill(disk, 64)
        done = run_cli("--reference", str(reference_path), "portrait", "--docx", str(previous),
                       env=OFFSCREEN)
        assert done.returncode == 1
        assert "le disque est plein. Libérez de la place" in done.stderr
        assert "Traceback" not in done.stderr
        assert previous.read_bytes() == b"portrait du mois dernier"
        assert sorted(p.name for p in disk.iterdir()) == ["portrait.docx", "remplissage"]


@pytest.mark.slow
def test_bench_portrait_times_the_pdf_and_the_word_file(reference_path):
    done = run_cli("--reference", str(reference_path), "bench", "portrait", "--json",
                   env=OFFSCREEN, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["portrait_pdf_and_docx_median_ms"] > 0
    assert report["portrait_pdf_pages"] > 10
    assert report["target_pdf_and_docx_ms"] == 3000


# -- LibreOffice -----------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: apt-get install "
                           "libreoffice-writer-nogui")
def test_portrait_word_file_opens_in_libreoffice(files, diagnostic, tmp_path):
    converted = libreoffice_pdf(files[1], tmp_path)
    text = pdf_text(converted)
    assert pdf_pages(converted) >= 15
    assert plain(TITLE) in text
    for theme in diagnostic.themes:
        assert theme.title in text
        for sentence in theme.sentences():
            assert squeezed(sentence) in squeezed(text)
    assert f"Figure {charted(diagnostic)} — " in text
