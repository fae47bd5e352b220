"""Comparing a rendered image with its approved PNG, tightly enough that one missing layer,
even the smallest, fails the comparison (pyqtgraph's and QGIS's approved-image tests)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

# A pixel counts as changed when one channel moves by more than this (antialiasing and glyph
# hinting move edge pixels by less, or move few of them).
PIXEL_TOLERANCE = 48
# How many changed pixels are forgiven. The smallest layer of the approved images (the puits
# de mine at Lens: 7-pixel squares) changes about 1,000 pixels when hidden.
MAX_CHANGED_PIXELS = 250
# Colours are compared as 16 levels per channel; a colour that covers at least this share
# of the approved image (a layer's fill, outline or symbol) must keep half its pixels.
COLOUR_LEVELS_SHIFT = 4
MIN_COLOUR_SHARE = 0.0002
KEPT_COLOUR_SHARE = 0.5


def pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3).astype(int)


def colour_counts(image: np.ndarray) -> dict[tuple[int, int, int], int]:
    levels = (image >> COLOUR_LEVELS_SHIFT).reshape(-1, 3)
    colours, counts = np.unique(levels, axis=0, return_counts=True)
    return {tuple(int(v) for v in colour): int(count) for colour, count in zip(colours, counts)}


def missing_colours(got: np.ndarray, want: np.ndarray) -> list[str]:
    """The approved image's colours (each layer's distinctive fill or symbol among them)
    that have lost more than half their pixels."""
    threshold = max(1, int(MIN_COLOUR_SHARE * want.shape[0] * want.shape[1]))
    have = colour_counts(got)
    lost = []
    for colour, count in colour_counts(want).items():
        if count >= threshold and have.get(colour, 0) < KEPT_COLOUR_SHARE * count:
            rgb = "#" + "".join(f"{(level << COLOUR_LEVELS_SHIFT) + 8:02x}" for level in colour)
            lost.append(f"colour ≈{rgb}: {have.get(colour, 0)} pixels instead of {count}")
    return lost


def image_differences(got: np.ndarray, want: np.ndarray) -> list[str]:
    """Why ``got`` is not the approved ``want`` (empty when it is)."""
    if got.shape != want.shape:
        return [f"size {got.shape[1]}×{got.shape[0]} instead of {want.shape[1]}×{want.shape[0]}"]
    problems = []
    changed = int((np.abs(got - want).max(axis=2) > PIXEL_TOLERANCE).sum())
    if changed > MAX_CHANGED_PIXELS:
        problems.append(f"{changed} pixels changed (at most {MAX_CHANGED_PIXELS} forgiven)")
    return problems + missing_colours(got, want)
