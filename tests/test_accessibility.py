"""Keyboard access and text size: what a user with no mouse or with large text relies on."""
from __future__ import annotations

import re

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


def test_text_sizes_follow_the_system_font(qapp):
    from qpvdesk.views.formatting import font_size

    original = QApplication.font()
    try:
        larger = QFont(original)
        larger.setPointSizeF(20.0)
        QApplication.setFont(larger)
        assert font_size(15) == "font-size: 30.0pt"
        larger.setPointSizeF(10.0)
        QApplication.setFont(larger)
        assert font_size(9) == "font-size: 9.0pt"
    finally:
        QApplication.setFont(original)


def test_no_view_hard_codes_a_font_size_in_points():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "qpvdesk" / "views"
    fixed = re.compile(r"font-size:\s*\d+(\.\d+)?pt")
    offenders = [f"{path.name}:{number}" for path in root.rglob("*.py")
                 if path.name not in ("fiche_pdf.py", "synthese_pdf.py")   # A4 pages
                 for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                 if fixed.search(line)]
    assert not offenders


def test_every_menu_opens_with_the_keyboard_and_every_entry_is_named(qtbot, reference,
                                                                      workspace):
    from qpvdesk.views.main_window import MainWindow

    window = MainWindow(reference, workspace)
    qtbot.addWidget(window)
    window.finish_start()    # with the menus built after the first map
    letters = []
    for menu_action in window.menuBar().actions():
        title = menu_action.text()
        assert "&" in title, f"menu {title!r} has no Alt+letter"
        letters.append(title[title.index("&") + 1].lower())
        for action in menu_action.menu().actions():
            assert action.isSeparator() or action.text().strip()
    assert len(letters) == len(set(letters)), f"two menus share an Alt+letter: {letters}"
