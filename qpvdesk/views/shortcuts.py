"""« Raccourcis clavier »: every shortcut of the main window in one table (French, or the
interface language in the dialog).

`shortcut_rows` reads the real QActions (menu bar, toolbars, window), so the list cannot drift
from the app. `CANVAS_KEYS` lists the keys the map tools handle themselves (canvas.py,
capture_tool.py, edit_tool.py, search_box.py, fiche_view.py, window_geometry.py,
wheel_guard.py); keep it in step with them.
`shortcuts_html` writes the same content as the help page resources/aide/raccourcis.html:
regenerate it with `.venv/bin/python tools/write_shortcuts_page.py` (tests/test_help.py checks
it is current).
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QMenu, QTableWidget, QTableWidgetItem, QToolBar, QVBoxLayout,
                               QWidget)

from .i18n import Texts, translate


WINDOW_LEVEL = QT_TRANSLATE_NOOP("Shortcuts", "Partout dans la fenêtre principale")

# Qt's English key names -> what is printed on a French keyboard / said in French manuals
# (in the interface language: the help page is written without a translator).
KEY_NAMES = Texts("Shortcuts", {
    "Shift": QT_TRANSLATE_NOOP("Shortcuts", "Maj"),
    "Meta": QT_TRANSLATE_NOOP("Shortcuts", "Méta"),
    "Del": QT_TRANSLATE_NOOP("Shortcuts", "Suppr"),
    "Delete": QT_TRANSLATE_NOOP("Shortcuts", "Suppr"),
    "Backspace": QT_TRANSLATE_NOOP("Shortcuts", "Retour arrière"),
    "Ins": QT_TRANSLATE_NOOP("Shortcuts", "Inser"),
    "Return": QT_TRANSLATE_NOOP("Shortcuts", "Entrée"),
    "Enter": QT_TRANSLATE_NOOP("Shortcuts", "Entrée"),
    "Esc": QT_TRANSLATE_NOOP("Shortcuts", "Échap"),
    "Space": QT_TRANSLATE_NOOP("Shortcuts", "Espace"),
    "Left": QT_TRANSLATE_NOOP("Shortcuts", "Gauche"),
    "Right": QT_TRANSLATE_NOOP("Shortcuts", "Droite"),
    "Up": QT_TRANSLATE_NOOP("Shortcuts", "Haut"),
    "Down": QT_TRANSLATE_NOOP("Shortcuts", "Bas"),
    "PgUp": QT_TRANSLATE_NOOP("Shortcuts", "Page préc."),
    "PgDown": QT_TRANSLATE_NOOP("Shortcuts", "Page suiv."),
    "Home": QT_TRANSLATE_NOOP("Shortcuts", "Début"),
    "End": QT_TRANSLATE_NOOP("Shortcuts", "Fin"),
    "Print": QT_TRANSLATE_NOOP("Shortcuts", "Impr. écran"),
})
MODIFIERS = ((Qt.KeyboardModifier.ControlModifier, "Ctrl"),
             (Qt.KeyboardModifier.AltModifier, "Alt"),
             (Qt.KeyboardModifier.ShiftModifier, "Shift"),
             (Qt.KeyboardModifier.MetaModifier, "Meta"))

# (where, key or gesture, what it does) — only what the code really handles; French, read
# through canvas_keys() in the interface language.
CANVAS_KEYS: list[tuple[str, str, str]] = [
    (QT_TRANSLATE_NOOP("Shortcuts", "Carte"),
     QT_TRANSLATE_NOOP("Shortcuts", "Flèches"),
     QT_TRANSLATE_NOOP("Shortcuts", "Déplacer la carte d'un quart de la fenêtre")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Carte"),
     QT_TRANSLATE_NOOP("Shortcuts", "+ (ou =)"),
     QT_TRANSLATE_NOOP("Shortcuts", "Zoom avant")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Carte"),
     QT_TRANSLATE_NOOP("Shortcuts", "-"),
     QT_TRANSLATE_NOOP("Shortcuts", "Zoom arrière")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Carte"),
     QT_TRANSLATE_NOOP("Shortcuts", "Molette de la souris"),
     QT_TRANSLATE_NOOP("Shortcuts", "Zoom avant ou arrière, centré sur le pointeur")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Carte"),
     QT_TRANSLATE_NOOP("Shortcuts", "Glisser avec le bouton gauche"),
     QT_TRANSLATE_NOOP("Shortcuts", "Déplacer la carte (outil « Naviguer »)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Carte"),
     QT_TRANSLATE_NOOP("Shortcuts", "Clic"),
     QT_TRANSLATE_NOOP("Shortcuts", "Afficher les informations de l'élément cliqué "
                                    "(outil « Naviguer »)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Dessin d'une forme"),
     QT_TRANSLATE_NOOP("Shortcuts", "Clic"),
     QT_TRANSLATE_NOOP("Shortcuts", "Placer un sommet (ou le point d'un équipement)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Dessin d'une forme"),
     QT_TRANSLATE_NOOP("Shortcuts", "Retour arrière"),
     QT_TRANSLATE_NOOP("Shortcuts", "Effacer le dernier sommet placé")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Dessin d'une forme"),
     QT_TRANSLATE_NOOP("Shortcuts", "Entrée ou double-clic"),
     QT_TRANSLATE_NOOP("Shortcuts", "Terminer la forme")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Dessin d'une forme"),
     QT_TRANSLATE_NOOP("Shortcuts", "Échap"),
     QT_TRANSLATE_NOOP("Shortcuts", "Abandonner la forme (qpvdesk demande confirmation)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Outil « Modifier »"),
     QT_TRANSLATE_NOOP("Shortcuts", "Suppr ou Retour arrière"),
     QT_TRANSLATE_NOOP("Shortcuts", "Supprimer le sommet sous le pointeur")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Outil « Modifier »"),
     QT_TRANSLATE_NOOP("Shortcuts", "Clic droit sur un sommet"),
     QT_TRANSLATE_NOOP("Shortcuts", "Supprimer ce sommet")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Outil « Modifier »"),
     QT_TRANSLATE_NOOP("Shortcuts", "Double-clic sur un côté"),
     QT_TRANSLATE_NOOP("Shortcuts", "Ajouter un sommet")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Outil « Modifier »"),
     QT_TRANSLATE_NOOP("Shortcuts", "Échap"),
     QT_TRANSLATE_NOOP("Shortcuts", "Désélectionner la proposition")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Zone de recherche"),
     QT_TRANSLATE_NOOP("Shortcuts", "Entrée"),
     QT_TRANSLATE_NOOP("Shortcuts", "Aller au premier résultat (ou à celui choisi)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Fiche d'un quartier"),
     QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+P"),
     QT_TRANSLATE_NOOP("Shortcuts", "Imprimer la fiche")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Fenêtre ouverte à part, boîte de dialogue"),
     QT_TRANSLATE_NOOP("Shortcuts", "Échap ou Ctrl+W"),
     QT_TRANSLATE_NOOP("Shortcuts", "Fermer la fenêtre (tableau, graphiques, portrait, fiche, "
                                    "aide…)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Panneau Couches"),
     QT_TRANSLATE_NOOP("Shortcuts", "Molette de la souris"),
     QT_TRANSLATE_NOOP("Shortcuts", "Faire défiler le panneau (un curseur d'opacité suit la "
                                    "molette après un clic dessus)")),
]


def canvas_keys() -> list[tuple[str, str, str]]:
    return [tuple(translate("Shortcuts", text) for text in row) for row in CANVAS_KEYS]


def _plain(text: str) -> str:
    """'E&xporter mes propositions…' -> 'Exporter mes propositions…' ('&&' is a real '&')."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def french_key_name(name: str) -> str:
    return KEY_NAMES.get(name, name)


def french_sequence(sequence: QKeySequence) -> str:
    """QKeySequence('Ctrl+Shift+E') -> 'Ctrl+Maj+E' whatever Qt's own translation (the key
    names follow qpvdesk's catalogue when one is installed: 'Ctrl+Shift+E' in English)."""
    chords = []
    for index in range(sequence.count()):
        combination = sequence[index]
        modifiers = combination.keyboardModifiers()
        names = [french_key_name(name) for flag, name in MODIFIERS if modifiers & flag]
        key = QKeySequence(combination.key()).toString(QKeySequence.SequenceFormat.PortableText)
        names.append(french_key_name(key))
        chords.append("+".join(names))
    return ", ".join(chords)


def action_shortcut_text(action: QAction) -> str:
    texts: list[str] = []
    for sequence in action.shortcuts():
        text = french_sequence(sequence)
        if text and text not in texts:
            texts.append(text)
    return translate("Shortcuts", " ou ").join(texts)


def _menu_actions(menu: QMenu, path: str):
    for action in menu.actions():
        if action.isSeparator():
            continue
        submenu = action.menu()
        if submenu is not None:
            yield from _menu_actions(submenu, f"{path} › {_plain(submenu.title())}")
        else:
            yield path, action


def _all_actions(window: QWidget):
    menu_bar = window.menuBar() if hasattr(window, "menuBar") else None
    if menu_bar is not None:
        for top in menu_bar.actions():
            menu = top.menu()
            if menu is not None:
                title = _plain(menu.title())
                if not top.isVisible():
                    title += (translate("Shortcuts", " (en mode agglomération)")
                              if "gglom" in title
                              else translate("Shortcuts", " (masqué)"))
                yield from _menu_actions(menu, title)
    for toolbar in window.findChildren(QToolBar):
        for action in toolbar.actions():
            if not action.isSeparator():
                yield (translate("Shortcuts", "Barre d'outils « {title} »")
                       .format(title=_plain(toolbar.windowTitle()))), action
    for action in window.actions():
        yield translate("Shortcuts", WINDOW_LEVEL), action


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, action text without '&', shortcut in French) for every action of the window's
    menu bar, toolbars and the window itself that has a shortcut; each action once (its menu
    first), in menu-bar order."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for where, action in _all_actions(window):
        if id(action) in seen:
            continue
        seen.add(id(action))
        shortcut = action_shortcut_text(action)
        if shortcut:
            rows.append((where, _plain(action.text()).rstrip(), shortcut))
    return rows


def where_text(where: str) -> str:
    """'Édition' -> 'Menu Édition'; toolbars and the window level are said as they are."""
    toolbar = translate("Shortcuts", "Barre d'outils « {title} »").partition("{")[0]
    if where == translate("Shortcuts", WINDOW_LEVEL) or where.startswith(toolbar):
        return where
    return translate("Shortcuts", "Menu {where}").format(where=where)


def shortcuts_html(rows: list[tuple[str, str, str]], style: str = "") -> str:
    """The help page resources/aide/raccourcis.html (UTF-8 text)."""
    def table(headers, body):
        head = "".join(f"<th>{escape(h, quote=False)}</th>" for h in headers)
        lines = "".join(
            f"<tr><td><b>{escape(row[0], quote=False)}</b></td>"
            + "".join(f"<td>{escape(c, quote=False)}</td>" for c in row[1:]) + "</tr>\n"
            for row in body)
        return f"<table>\n<tr>{head}</tr>\n{lines}</table>\n"

    menu_rows = [(key, text, where_text(where)) for where, text, key in rows]
    return (
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Raccourcis clavier</title>\n" + style +
        "</head>\n<body>\n<p class=\"nav\"><a href=\"index.html\">Sommaire</a></p>\n"
        "<h1>Raccourcis clavier</h1>\n"
        "<p>« Ctrl+Maj+E » veut dire : gardez les touches <b>Ctrl</b> et <b>Maj</b> "
        "(la flèche vers le haut, ⇧) enfoncées, puis appuyez sur <b>E</b>.</p>\n"
        "<h2>Commandes des menus</h2>\n"
        + table(("Touches", "Commande", "Où la trouver"), menu_rows) +
        "<h2>Sur la carte et dans les fenêtres</h2>\n"
        "<p>Cliquez d'abord sur la carte pour que ces touches agissent sur elle.</p>\n"
        + table(("Touches", "Effet", "Où"), [(k, e, w) for w, k, e in CANVAS_KEYS]) +
        "<p>Ces raccourcis sont aussi affichés dans qpvdesk : menu <b>Aide › "
        "Raccourcis clavier</b>.</p>\n"
        "<p class=\"nav\"><a href=\"index.html\">Retour au sommaire</a></p>\n"
        "</body>\n</html>\n")


class ShortcutsDialog(QDialog):
    """« Raccourcis clavier »: the menu shortcuts, then the keys of the map."""
    HEADERS = (QT_TRANSLATE_NOOP("ShortcutsDialog", "Touches"),
               QT_TRANSLATE_NOOP("ShortcutsDialog", "Commande"),
               QT_TRANSLATE_NOOP("ShortcutsDialog", "Où la trouver"))

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        self.resize(980, 680)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("« Ctrl+Maj+E » veut dire : gardez les touches Ctrl et Maj (⇧) "
                               "enfoncées, puis appuyez sur E. Les touches de la carte agissent "
                               "quand vous avez cliqué sur la carte."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rows = shortcut_rows(window)
        body: list[tuple[str, str, str] | str] = [self.tr("Commandes des menus")]
        body += [(key, text, where_text(where)) for where, text, key in self.rows]
        body.append(self.tr("Sur la carte et dans les fenêtres"))
        body += [(key, effect, where) for where, key, effect in canvas_keys()]
        self.table = QTableWidget(len(body), len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels(
            [translate("ShortcutsDialog", header) for header in self.HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        for row, values in enumerate(body):
            if isinstance(values, str):     # a section heading across the table
                item = QTableWidgetItem(values)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QColor("#e6edf5"))
                item.setForeground(QColor("#123c69"))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, 0, item)
                self.table.setSpan(row, 0, 1, len(self.HEADERS))
                continue
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        self.table.setCurrentCell(-1, -1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.table.resizeRowsToContents()   # the stretched column's width is known now
