"""Font sizes that follow the system's, and the views' French numbers: the one formatter of
models/frenchnum."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ..models.frenchnum import format_french_number

SYSTEM_FONT_REFERENCE_PT = 10.0


def number(value: float | None, decimals: int = 0, empty: str = "—") -> str:
    """The one French formatter (models/frenchnum), rounding half away from zero."""
    return format_french_number(value, decimals, empty)


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
