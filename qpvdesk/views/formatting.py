"""French display of numbers for the views (QLocale French)."""
from __future__ import annotations

from PySide6.QtCore import QLocale

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
