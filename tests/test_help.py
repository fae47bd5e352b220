"""The help pages, the help window, the shortcuts list and the « Sources et licences » dialog."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import QUrl

from qpvdesk.views.help_window import PAGES, SHARED_STYLE, HelpWindow, help_folder, open_help
from qpvdesk.views.main_window import MainWindow
from qpvdesk.views.shortcuts import (CANVAS_KEYS, ShortcutsDialog, french_sequence,
                                     shortcut_rows, shortcuts_html)

FOLDER = help_folder()
PAGE_FILES = [page for page, _title in PAGES]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self.title = ""
        self._in_title = False
        self.open_tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        for key in ("name", "id"):
            if key in attrs and tag in ("a", "h1", "h2", "h3"):
                self.anchors.add(attrs[key])
        self._in_title = tag == "title"
        if tag not in ("meta", "br", "img", "hr", "link"):
            self.open_tags.append(tag)

    def handle_endtag(self, tag):
        self._in_title = False
        assert tag in self.open_tags, f"</{tag}> without <{tag}>"
        while self.open_tags.pop() != tag:
            pass

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed((FOLDER / page).read_text(encoding="utf-8"))
    return parser


def test_every_page_exists_and_every_html_file_is_listed():
    assert sorted(PAGE_FILES) == sorted(path.name for path in FOLDER.glob("*.html"))
    for page in ("index.html", "carte.html", "fiche.html", "dessiner.html", "exporter.html",
                 "verifier.html", "raccourcis.html", "donnees.html"):
        assert (FOLDER / page).is_file(), page


@pytest.mark.parametrize("page", PAGE_FILES)
def test_page_is_html_with_title_shared_style_and_french(page):
    text = (FOLDER / page).read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in text and '<meta charset="utf-8">' in text
    assert SHARED_STYLE in text and "<style" not in text, "pages link the one aide.css"
    parsed = parse(page)
    assert parsed.title.strip()
    assert parsed.open_tags == [], f"unclosed tags: {parsed.open_tags}"


@pytest.mark.parametrize("page", PAGE_FILES)
def test_internal_links_resolve(page):
    for link in parse(page).links:
        if link.startswith(("http://", "https://", "mailto:")):
            continue
        target, _, anchor = link.partition("#")
        target = target or page
        assert (FOLDER / target).is_file(), f"{page}: broken link {link}"
        if anchor:
            assert anchor in parse(target).anchors, f"{page}: missing anchor {link}"


def test_index_links_to_every_page():
    links = {link.partition("#")[0] for link in parse("index.html").links}
    assert set(PAGE_FILES) - {"index.html"} <= links


def test_help_window_opens_index_and_follows_links(qtbot):
    window = HelpWindow()
    qtbot.addWidget(window)
    assert window.current_page() == "index.html"
    assert "Aide de qpvdesk" in window.browser.toPlainText()
    assert window.page_list.currentItem().text() == "Sommaire"
    assert not window.back_button.isEnabled()
    window.browser.anchorClicked.emit(QUrl("dessiner.html#annuler"))
    assert window.current_page() == "dessiner.html"
    assert "Dessiner une proposition" in window.browser.toPlainText()
    assert window.page_list.currentItem().text() == "Dessiner une proposition"
    assert window.back_button.isEnabled()
    window.back_button.click()
    assert window.current_page() == "index.html"
    window.page_list.setCurrentRow(PAGE_FILES.index("donnees.html"))
    assert window.current_page() == "donnees.html"
    assert "workspace.sqlite" in window.browser.toPlainText()
    window.home_button.click()
    assert window.current_page() == "index.html"


def test_help_window_says_when_a_page_is_missing(qtbot, tmp_path):
    window = HelpWindow(folder=tmp_path)
    qtbot.addWidget(window)
    assert "introuvable" in window.browser.toPlainText()


@pytest.mark.qt_log_ignore("This plugin does not support raise")   # offscreen platform
def test_open_help_reuses_one_window(qtbot):
    first = open_help(None, "carte.html#recherche")
    qtbot.addWidget(first)
    assert first.current_page() == "carte.html" and first.isVisible()
    assert open_help(None, "fiche.html") is first
    assert first.current_page() == "fiche.html"


def test_french_key_names():
    from PySide6.QtGui import QKeySequence

    assert french_sequence(QKeySequence("Ctrl+Shift+E")) == "Ctrl+Maj+E"
    assert french_sequence(QKeySequence("Del")) == "Suppr"
    assert french_sequence(QKeySequence("Ctrl+Shift+P")) == "Ctrl+Maj+P"


@pytest.fixture
def main_window(qtbot, reference, workspace):
    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.finish_start()    # the menus built after the first map (Paquets) are there too
    return window


def test_shortcut_rows_of_the_real_window(main_window):
    rows = shortcut_rows(main_window)
    by_key = {}
    for menu, text, keys in rows:
        for key in keys.split(" ou "):
            by_key[key] = (menu, text)
        assert "&" not in text and "Shift" not in keys
    assert by_key["Ctrl+Z"] == ("Édition", "Annuler")
    assert by_key["Ctrl+Maj+Z"] == by_key["Ctrl+Y"] == ("Édition", "Rétablir")
    assert "Ctrl+E" not in by_key      # too close to Ctrl+Maj+E, the signed package
    assert by_key["Ctrl+F"] == ("Édition", "Rechercher une commune, un QPV…")
    assert by_key["F1"] == ("Aide", "Aide de qpvdesk…")
    assert by_key["Ctrl+T"] == ("Analyse", "Tableau des indicateurs…")
    assert by_key["Ctrl+Maj+E"] == ("Paquets", "Exporter un paquet signé…")
    assert by_key["Ctrl+0"] == ("Affichage", "Vue d'ensemble")
    texts = [text for _menu, text, _keys in rows]
    assert len(texts) == len(set(texts)), "each action once"


def test_shortcuts_dialog_lists_menus_and_map_keys(main_window, qtbot):
    dialog = ShortcutsDialog(main_window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Raccourcis clavier"
    cells = {dialog.table.item(row, column).text()
             for row in range(dialog.table.rowCount()) for column in range(3)
             if dialog.table.item(row, column) is not None}
    assert {"Ctrl+Maj+E", "Exporter un paquet signé…", "Retour arrière", "Échap"} <= cells
    assert {"Ctrl+Maj+Z ou Ctrl+Y", "Échap ou Ctrl+W"} <= cells
    assert dialog.table.rowCount() == len(dialog.rows) + len(CANVAS_KEYS) + 2


def test_raccourcis_page_is_current(main_window):
    """resources/aide/raccourcis.html is generated: `python tools/write_shortcuts_page.py`."""
    expected = shortcuts_html(shortcut_rows(main_window), SHARED_STYLE)
    assert (FOLDER / "raccourcis.html").read_text(encoding="utf-8") == expected, \
        "regenerate with: .venv/bin/python tools/write_shortcuts_page.py"


def test_sources_dialog_gives_licence_and_attribution(main_window, reference, qtbot):
    from qpvdesk.models.licences import NOT_STATED

    dialog = main_window.show_sources()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sources et licences"
    folders = {entry.source_path.split("/", 1)[0] for entry in reference.provenance()}
    assert {credit.folder for credit in dialog.credits} == folders
    for credit in dialog.credits:
        assert credit.licence and credit.vintage and credit.producer
    text = dialog.citations.toPlainText()
    insee = next(c for c in dialog.credits if c.folder == "insee_qpv_indicateurs")
    assert insee.attribution.startswith("Source : INSEE, Données des quartiers de la politique "
                                        "de la ville")
    assert insee.vintage in insee.attribution
    assert "Licence Ouverte / Open Licence version 2.0 (Etalab)" in insee.attribution
    assert insee.attribution in text
    # the ANCT typologies' PROVENANCE.md does not state a licence: not assumed
    anct = next(c for c in dialog.credits if c.folder == "anct_typologies_communes")
    assert anct.licence == NOT_STATED and "voir PROVENANCE.md" in anct.attribution
    licences = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert NOT_STATED in licences and any("Licence Ouverte" in t for t in licences)
    software = {dialog.software_table.item(r, 0).text(): dialog.software_table.item(r, 2).text()
                for r in range(dialog.software_table.rowCount())}
    assert software["qpvdesk"].startswith("EUPL-1.2") and software["GDAL"] == "MIT"
    assert "RFC 8493" in software["BagIt"] and software["Qt 6 / PySide6"] == "LGPLv3"
    dialog.copy_citations()
    from PySide6.QtWidgets import QApplication
    assert QApplication.clipboard().text().count("Source : ") == len(dialog.credits)


def test_licence_stated_reads_provenance_wording():
    from qpvdesk.models.licences import licence_stated

    assert licence_stated("data under **Licence Ouverte\nEtalab 2.0**:")
    assert licence_stated("free reuse with source mention (Licence Ouverte).")
    assert not licence_stated("public-agency data (Licence Ouverte expected, not stated).")
    assert not licence_stated("No licence file in the repo.")


def test_the_shared_style_sheet_uses_relative_font_sizes_only():
    css = (help_folder() / "aide.css").read_text(encoding="utf-8")
    assert "h1" in css and "font-size: x-large" in css
    assert not re.search(r"font-size:\s*[\d.]+\s*(pt|px)", css)
