"""Pixels of the images the self-test draws, counted with numpy."""
from __future__ import annotations

from pathlib import Path

from .context import expect


def rgb_array(image):
    """(height, width, 3) RGB array of a QImage."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = data.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3]
    return rows.reshape(image.height(), image.width(), 3).astype(int)


def packed(rgb):
    """One 0xRRGGBB integer per pixel, for fast counting."""
    return (rgb[..., 0] << 16 | rgb[..., 1] << 8 | rgb[..., 2]).ravel()


def count_near(rgb, colour: tuple[int, ...], tolerance: int) -> int:
    import numpy as np

    return int(np.all(np.abs(rgb - np.array(colour)) <= tolerance, axis=2).sum())


def most_common_colour(rgb) -> tuple[int, ...]:
    import numpy as np

    colours, counts = np.unique(packed(rgb), return_counts=True)
    value = int(colours[counts.argmax()])
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def colour_count(image) -> int:
    import numpy as np

    return len(np.unique(packed(rgb_array(image))))


def saved_and_reloaded(image, path: Path):
    """The image written as PNG and read back: the PNG plugin and the disk both work."""
    from PySide6.QtGui import QImage

    expect(image.save(str(path), "PNG"), f"cannot write {path}")
    loaded = QImage(str(path))
    expect(not loaded.isNull() and loaded.size() == image.size(),
           f"the PNG {path.name} cannot be read back")
    return loaded
