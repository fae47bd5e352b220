"""« Aide de qpvdesk »: the French task pages of resources/aide in a browser with a page list.

The pages are plain HTML files linking one style sheet (aide.css, see SHARED_STYLE),
so they can also be opened in any web browser. Links between pages work; « Précédent » goes
back, « Sommaire » goes to index.html. `open_help` keeps one window and raises it again.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QTextBrowser, QVBoxLayout, QWidget)

from .. import paths
from .i18n import translate

INDEX = "index.html"
# (file, title in the list) in reading order; the titles are read with page_title().
PAGES: tuple[tuple[str, str], ...] = (
    ("index.html", QT_TRANSLATE_NOOP("HelpWindow", "Sommaire")),
    ("carte.html", QT_TRANSLATE_NOOP("HelpWindow", "Se repérer sur la carte")),
    ("fiche.html", QT_TRANSLATE_NOOP("HelpWindow", "La fiche d'un quartier")),
    ("dessiner.html", QT_TRANSLATE_NOOP("HelpWindow", "Dessiner une proposition")),
    ("atelier.html", QT_TRANSLATE_NOOP("HelpWindow", "Animer un atelier d'habitants")),
    ("exporter.html", QT_TRANSLATE_NOOP("HelpWindow", "Envoyer un paquet signé")),
    ("verifier.html", QT_TRANSLATE_NOOP("HelpWindow", "Paquets reçus (agglomération)")),
    ("raccourcis.html", QT_TRANSLATE_NOOP("HelpWindow", "Raccourcis clavier")),
    ("donnees.html", QT_TRANSLATE_NOOP("HelpWindow", "Où sont mes données ?")),
)

# Every page links the one style sheet, resources/aide/aide.css (QTextBrowser loads it).
SHARED_STYLE = '<link rel="stylesheet" type="text/css" href="aide.css">\n'


def help_folder() -> Path:
    return paths.install_root() / "resources" / "aide"


def page_title(page: str) -> str:
    title = dict(PAGES).get(page)
    return page if title is None else translate("HelpWindow", title)


class HelpWindow(QWidget):
    """The help pages: list of pages on the left, the page on the right."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.folder = Path(folder) if folder is not None else help_folder()
        self.setWindowTitle(self.tr("Aide de qpvdesk"))
        self.resize(1000, 720)

        self.page_list = QListWidget()
        self.page_list.setAccessibleName(self.tr("Pages de l'aide"))
        for page, _title in PAGES:
            title = page_title(page)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, page)
            item.setToolTip(title)
            self.page_list.addItem(item)
        self.page_list.setMinimumWidth(200)
        self.page_list.setSpacing(3)
        self.page_list.setWordWrap(True)
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_list.currentItemChanged.connect(self._page_chosen)

        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Page d'aide"))
        self.browser.setOpenLinks(False)     # _follow: pages here, http(s)/mailto outside
        self.browser.setSearchPaths([str(self.folder)])
        self.browser.anchorClicked.connect(self._follow)
        self.browser.sourceChanged.connect(self._source_changed)
        self.browser.document().setDocumentMargin(14)

        self.back_button = QPushButton(self.tr("◀  Précédent"))
        self.back_button.setToolTip(self.tr("Revenir à la page lue juste avant (Alt+Gauche)"))
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.home_button = QPushButton(self.tr("Sommaire"))
        self.home_button.setToolTip(self.tr("La liste de toutes les pages d'aide"))
        self.home_button.clicked.connect(lambda: self.show_page(INDEX))
        close_button = QPushButton(self.tr("Fermer"))
        close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.browser.backward)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.browser, 1)
        splitter = QSplitter()
        splitter.addWidget(self.page_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 750])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.show_page(INDEX)

    # -- navigation -----------------------------------------------------------------------
    def show_page(self, page: str = INDEX) -> None:
        """Show ``page`` ('carte.html' or 'carte.html#recherche'); a missing page says so."""
        name, _, anchor = page.partition("#")
        path = self.folder / name
        if not path.is_file():
            missing = self.tr(
                "<h1>Page d'aide introuvable</h1>"
                "<p>La page « {name} » n'a pas été trouvée dans le dossier d'aide de qpvdesk "
                "({folder}). L'installation est peut-être incomplète : demandez à la "
                "personne qui a installé qpvdesk de le réinstaller.</p>"
                "<p><a href=\"index.html\">Aller au sommaire</a></p>")
            self.browser.setHtml(missing.format(name=name, folder=self.folder))
            return
        url = QUrl.fromLocalFile(str(path))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)

    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).name

    def _page_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) != self.current_page():
            self.show_page(item.data(Qt.ItemDataRole.UserRole))

    def _source_changed(self, url: QUrl) -> None:
        page = Path(url.toLocalFile()).name
        self.setWindowTitle(self.tr("{page} — Aide de qpvdesk").format(page=page_title(page)))
        for row in range(self.page_list.count()):
            item = self.page_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == page:
                self.page_list.blockSignals(True)
                self.page_list.setCurrentItem(item)
                self.page_list.blockSignals(False)
                break

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.browser.source().resolved(url)
        if target.isLocalFile() and not Path(target.toLocalFile()).is_file():
            self.show_page(Path(target.toLocalFile()).name)    # says the page is missing
            return
        self.browser.setSource(target)


_window: HelpWindow | None = None


def open_help(parent: QWidget | None = None, page: str = INDEX) -> HelpWindow:
    """Show the help at ``page``; the same window is reused (and raised) on later calls."""
    global _window
    window = _window
    try:
        alive = window is not None and window.isVisible() is not None
    except RuntimeError:        # the C++ window was deleted with its parent
        alive = False
    if not alive or window.parent() is not parent:
        window = HelpWindow(parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        _window = window
    window.show_page(page)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
