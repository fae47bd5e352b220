"""Font sizes that follow the system's (numbers and missing values: models/frenchnum.py)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

SYSTEM_FONT_REFERENCE_PT = 10.0


def font_size(points: float) -> str:
    """A CSS font-size that follows the system font: ``points`` is the size meant for a
    10 pt system font, scaled to the user's (larger text settings enlarge it too)."""
    base = QApplication.font().pointSizeF()
    scale = base / SYSTEM_FONT_REFERENCE_PT if base > 0 else 1.0
    return f"font-size: {points * scale:.1f}pt"
