"""The « Paquets » and « Agglomération » menus of the main window: the commune sends signed
packages; in agglomeration mode the same app receives, verifies and consolidates them."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ...models.package.identity import (MODE_AGGLOMERATION, MODE_COMMUNE, load_identity,
                                        save_identity)
from .agglomeration_actions import AgglomerationActions
from .commune_actions import CommunePackageActions
from .postgis_actions import PostgisActions
from .response_actions import CommuneResponseActions


class PackageMenus(QObject):
    """Built after the main window's first map (see MainWindow.packages): `before` is the
    menu they go in front of (Aide), None to append them."""

    def __init__(self, window, workspace, reference, proposal_store, before=None) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.commune = CommunePackageActions(window, workspace, reference, proposal_store)
        self.responses = CommuneResponseActions(window, workspace, reference, proposal_store)
        self.responses.responses_changed.connect(lambda: window.proposals.refresh())
        self.agglomeration = AgglomerationActions(window, workspace, reference,
                                                  window.controller, window.map_canvas)
        self.postgis = PostgisActions(window, workspace, reference,
                                      on_pulled=self.agglomeration.refresh_map)
        self.mode_action = QAction(self.tr("Mode a&gglomération (recevoir les paquets des communes)"),
                                   window)
        self.mode_action.setCheckable(True)
        tip = self.tr("Affiche le menu Agglomération : vérifier et consolider les paquets reçus")
        self.mode_action.setStatusTip(tip)
        self.mode_action.setChecked(self.agglomeration_mode)
        self.mode_action.toggled.connect(self.set_agglomeration_mode)
        for source in (self.commune, self.responses, self.agglomeration, self.postgis):
            source.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        menu_bar = window.menuBar()
        packages = self._menu(menu_bar, self.tr("&Paquets"), before)
        packages.addAction(self.commune.export_action)
        packages.addAction(self.commune.key_action)
        packages.addSeparator()
        packages.addAction(self.responses.import_action)
        packages.addAction(self.responses.key_action)
        packages.addSeparator()
        packages.addAction(self.mode_action)
        self.agglomeration_menu = self._menu(menu_bar, self.tr("A&gglomération"), before)
        for action in self.agglomeration.actions:
            self.agglomeration_menu.addAction(action)
        self.agglomeration_menu.addSeparator()
        for action in self.postgis.actions:
            self.agglomeration_menu.addAction(action)
        self._show_mode()

    @staticmethod
    def _menu(menu_bar, title: str, before):
        if before is None:
            return menu_bar.addMenu(title)
        menu = QMenu(title, menu_bar)
        menu_bar.insertMenu(before, menu)
        return menu

    @property
    def agglomeration_mode(self) -> bool:
        return load_identity(self.workspace).mode == MODE_AGGLOMERATION

    def set_agglomeration_mode(self, enabled: bool) -> None:
        identity = load_identity(self.workspace)
        save_identity(self.workspace, replace(
            identity, mode=MODE_AGGLOMERATION if enabled else MODE_COMMUNE))
        self._show_mode()

    def sync_mode(self) -> None:
        """Show the mode saved in the workspace (e.g. chosen in the first-run assistant)."""
        self.mode_action.blockSignals(True)
        self.mode_action.setChecked(self.agglomeration_mode)
        self.mode_action.blockSignals(False)
        self._show_mode()

    def _show_mode(self) -> None:
        enabled = self.agglomeration_mode
        self.agglomeration_menu.menuAction().setVisible(enabled)
        for action in self.agglomeration.actions + self.postgis.actions:
            action.setEnabled(enabled)
        if enabled:
            self.agglomeration.refresh_map()
