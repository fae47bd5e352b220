"""French display of numbers for the views (QLocale French)."""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

SYSTEM_FONT_REFERENCE_PT = 10.0

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


def number(value: float | None, decimals: int = 0, empty: str = "—") -> str:
    if value is None:
        return empty
    return FRENCH.toString(float(value), "f", decimals)


def percent(share: float | None, decimals: int = 0) -> str:
    """0.57 -> '57 %' with a no-break space, as French typography wants."""
    if share is None:
        return "—"
    return f"{number(share * 100, decimals)}\u00a0%"


def font_size(points: float) -> str:
    """A CSS font-size that follows the system font: ``points`` is the size meant for a
    10 pt system font, scaled to the user's (larger text settings enlarge it too)."""
    base = QApplication.font().pointSizeF()
    scale = base / SYSTEM_FONT_REFERENCE_PT if base > 0 else 1.0
    return f"font-size: {points * scale:.1f}pt"
