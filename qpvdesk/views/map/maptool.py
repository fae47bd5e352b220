"""Map tools: one class per way of interacting with the map (QGIS QgsMapTool's idea).

A tool receives map events already converted to Lambert-93; it does nothing by default. The
canvas forwards events to its active tool; a tool's toolbar action is checked while active.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt


@dataclass(frozen=True)
class MapEvent:
    x: float            # Lambert-93 metres
    y: float
    px: float           # widget pixels
    py: float
    button: Qt.MouseButton = Qt.MouseButton.NoButton
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier


class MapTool(QObject):
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas

    def activate(self) -> None:
        self.canvas.setCursor(self.cursor)

    def deactivate(self) -> None:
        pass

    def press(self, event: MapEvent) -> None:
        pass

    def move(self, event: MapEvent) -> None:
        pass

    def release(self, event: MapEvent) -> None:
        pass

    def double_click(self, event: MapEvent) -> None:
        pass

    def key_press(self, key: int, modifiers) -> bool:
        """Return True when the key was used."""
        return False
