"""Large controls for a workshop: a finger on a touch screen, a mouse on a projector, people
who do not use computers. Touch targets are at least TOUCH_TARGET_PX high; text sizes
follow the system font (formatting.font_size), larger than the app's usual."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QSizePolicy

from ..formatting import font_size

TOUCH_TARGET_PX = 56            # above the 48 px that touch guidelines ask for
ICON_PX = 30
LAPTOP_HEIGHT_PX = 800          # text grows on taller screens (a projector seen from afar)
MAX_TEXT_SCALE = 1.5
_text_scale = [1.0]             # set by the workshop window for the screen it opens on


def set_screen_height(height: int) -> None:
    """Text and touch targets at their size for a laptop, larger on a projector (1080 p:
    ×1.35), never above MAX_TEXT_SCALE."""
    _text_scale[0] = min(MAX_TEXT_SCALE, max(1.0, height / LAPTOP_HEIGHT_PX))


def text_size(points: float) -> str:
    return font_size(points * _text_scale[0])


def target_px() -> int:
    return round(TOUCH_TARGET_PX * _text_scale[0])
PRIMARY, SECONDARY, QUIET = "primary", "secondary", "quiet"
_COLOURS = {PRIMARY: ("#5b2a86", "#ffffff", "#4a1f70"),
            SECONDARY: ("#ffffff", "#2d2d2d", "#ebe6f2"),
            QUIET: ("#f1eff4", "#3c3c3c", "#e2dde9")}


def button_style(kind: str = SECONDARY, points: float = 15, align: str = "left") -> str:
    background, ink, pressed = _COLOURS[kind]
    return (f"QPushButton {{ {text_size(points)}; min-height: {target_px()}px; "
            f"padding: 6px 8px; border: 2px solid #5b2a86; border-radius: 10px; "
            f"background: {background}; color: {ink}; text-align: {align}; }}"
            f"QPushButton:pressed {{ background: {pressed}; }}"
            "QPushButton:disabled { color: #9a9a9a; border-color: #cfcfcf; "
            "background: #f4f4f4; }")


def big_button(text: str, slot: Callable[[], None] | None = None, kind: str = SECONDARY,
               points: float = 15, icon: QIcon | None = None,
               align: str = "left") -> QPushButton:
    button = QPushButton(text)
    button.setStyleSheet(button_style(kind, points, align))
    if icon is not None:      # a pin's marker, as on the map
        button.setIcon(icon)
        button.setIconSize(QSize(ICON_PX, ICON_PX))
    button.setMinimumHeight(target_px())
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if slot is not None:
        # not connect(slot): clicked(bool) would fill a lambda's first default argument
        button.clicked.connect(lambda _checked=False: slot())
    return button


def label_style(points: float = 15, bold: bool = False, colour: str = "#1b1b1b") -> str:
    weight = "bold" if bold else "normal"
    return f"QLabel {{ {text_size(points)}; font-weight: {weight}; color: {colour}; }}"


def big_label(text: str = "", points: float = 15, bold: bool = False,
              colour: str = "#1b1b1b") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(label_style(points, bold, colour))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def big_check_box(text: str) -> QCheckBox:
    box = QCheckBox(text)
    box.setStyleSheet(f"QCheckBox {{ {text_size(12)}; min-height: {target_px()}px; }}"
                      "QCheckBox::indicator { width: 32px; height: 32px; }")
    return box
