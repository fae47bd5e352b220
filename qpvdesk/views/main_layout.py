"""Where the main window's panels go.

The default layout is sized to the screen: the map in the centre takes what the panels leave,
the panels get widths that leave the map most of a 1024 px screen. Panels with nothing to show
stay closed (Informations until something is identified, Propositions and Historique until
the first proposal). The user's own arrangement and the window's geometry are saved in the
workspace and restored inside the screen. Affichage › Panneaux lists every panel and toolbar;
« Réinitialiser la disposition » goes back to the default.
"""
from __future__ import annotations

from base64 import b64decode, b64encode
from binascii import Error as Base64Error
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from .window_geometry import (available_area, centred_rect, fit_rect, fit_window, frame_margins,
                              place)

GEOMETRY_KEY = "window_geometry"
LAYOUT_KEY = "window_layout"
PREFERRED_SIZE = (1400, 900)
LAYOUT_VERSION = 1     # bump when the panels change: an older saved layout is then ignored
Area = Qt.DockWidgetArea


@dataclass(frozen=True)
class PanelSize:
    """A panel's default size, a share of the window's width (or height) within bounds."""
    share: float
    low: int
    high: int

    def of(self, length: int) -> int:
        return max(self.low, min(self.high, round(length * self.share)))


SIDE_WIDTH = {Area.LeftDockWidgetArea: PanelSize(0.25, 250, 340),
              Area.RightDockWidgetArea: PanelSize(0.24, 240, 330)}
BOTTOM_HEIGHT = PanelSize(0.2, 120, 190)


def default_window_rect(area: tuple[int, int, int, int],
                        frame: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The main window's first rectangle: the preferred size where the screen allows,
    centred, and inside the available area with its frame."""
    return fit_rect(centred_rect(PREFERRED_SIZE, area), area, frame)


class MainLayout(QObject):
    """The docks and toolbars of `window`, their default places and the saved ones."""

    def __init__(self, window: QMainWindow, workspace,
                 docks: list[tuple[QDockWidget, Qt.DockWidgetArea]],
                 tabbed: list[QDockWidget], toolbars: list[QToolBar]) -> None:
        super().__init__(window)
        self.window, self.workspace = window, workspace
        self.docks, self.tabbed, self.toolbars = docks, tabbed, toolbars
        self.hidden_while_empty: set[QDockWidget] = set()

    # -- default, saved, restored -----------------------------------------------------------
    def apply_default(self, empty: set[QDockWidget] = frozenset()) -> None:
        """Every panel and toolbar at its default place and size; the `empty` panels closed
        until they have something to show (`reveal`)."""
        window = self.window
        for toolbar in self.toolbars:
            window.removeToolBar(toolbar)
        for index, toolbar in enumerate(self.toolbars):
            if index:
                window.addToolBarBreak()
            window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
            toolbar.show()
        for dock, area in self.docks:
            dock.setFloating(False)
            window.addDockWidget(area, dock)
        for first, second in zip(self.tabbed, self.tabbed[1:]):
            window.tabifyDockWidget(first, second)
        for dock, _ in self.docks:
            dock.setVisible(dock not in empty)
        self.hidden_while_empty = set(empty)
        self.size_docks()

    def size_docks(self) -> None:
        """Default dock sizes for the window's current size."""
        window = self.window
        for area, size in SIDE_WIDTH.items():
            docks = [dock for dock, where in self.docks if where == area]
            if docks:
                window.resizeDocks(docks, [size.of(window.width())] * len(docks),
                                   Qt.Orientation.Horizontal)
        bottom = [dock for dock, where in self.docks if where == Area.BottomDockWidgetArea]
        if bottom:
            window.resizeDocks(bottom, [BOTTOM_HEIGHT.of(window.height())] * len(bottom),
                               Qt.Orientation.Vertical)

    def reveal(self, docks: list[QDockWidget]) -> None:
        """Show panels closed while they were empty, now that they have content (a panel the
        user closed is left closed)."""
        waiting = [dock for dock in docks if dock in self.hidden_while_empty]
        for dock in waiting:
            dock.show()
            self.hidden_while_empty.discard(dock)
        if not waiting:
            return
        waiting[0].raise_()
        area = self.window.dockWidgetArea(waiting[0])
        if area in SIDE_WIDTH:
            self.window.resizeDocks(waiting, [SIDE_WIDTH[area].of(self.window.width())]
                                    * len(waiting), Qt.Orientation.Horizontal)

    def size_window(self) -> None:
        """The window at its default size and place on its screen."""
        place(self.window, default_window_rect(available_area(self.window),
                                               frame_margins(self.window)))

    def restore(self) -> bool:
        """The geometry and arrangement saved at the last close, kept inside the screen;
        False when there is none (or it cannot be read)."""
        geometry = self._setting(GEOMETRY_KEY)
        layout = self._setting(LAYOUT_KEY)
        if geometry is None or not self.window.restoreGeometry(geometry):
            return False
        fit_window(self.window)
        if layout is not None:
            self.window.restoreState(layout, LAYOUT_VERSION)
        return True

    def save(self) -> None:
        for key, data in ((GEOMETRY_KEY, self.window.saveGeometry()),
                          (LAYOUT_KEY, self.window.saveState(LAYOUT_VERSION))):
            self.workspace.set_setting(key, b64encode(bytes(data)).decode("ascii"))

    def _setting(self, key: str) -> QByteArray | None:
        text = self.workspace.setting(key)
        if not text:
            return None
        try:
            return QByteArray(b64decode(text, validate=True))
        except (Base64Error, ValueError):
            return None

    # -- menu ------------------------------------------------------------------------------
    def fill_panels_menu(self, menu: QMenu) -> None:
        """Each panel then each toolbar, checked while shown."""
        for dock, _ in self.docks:
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        for toolbar in self.toolbars:
            action = toolbar.toggleViewAction()
            action.setText(self.tr("Barre d'outils « {title} »")
                           .format(title=toolbar.windowTitle()))
            menu.addAction(action)
