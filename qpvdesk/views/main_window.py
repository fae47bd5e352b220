"""The main window: the map in the centre, layers and analysis on the left, information on
the right, the QPV list below, search in the toolbar."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox,
                               QTabWidget, QToolBar, QWidget)

from ..models.choropleth import mappable_indicators
from ..models.comparators import straddling_qpv
from ..models.indicator_table import (build_indicator_table, gap_dynamics,
                                      indicators_with_call_reference)
from ..models.map.layers import load_reference_layers
from ..models.map.map_state import MapState
from ..models.map.styles import HIDDEN_BY_DEFAULT, LAYERS
from ..models.map.viewport import Viewport, format_coordinates
from ..models.portrait import build_portrait
from ..models.proposals import ProposalStore
from ..models.reference import ReferenceStore
from ..models.mbtiles import MBTiles, MBTilesError
from ..models.search import SearchIndex, SearchResult
from .formatting import number
from .map.canvas import MapCanvas
from .map.choropleth_panel import ChoroplethPanel
from ..render.compose import MapComposer
from .map.identify_panel import IdentifyPanel
from .map.layer_panel import LayerPanel
from .map.map_controller import STATE_KEY, MapController
from .map.pan_tool import PanIdentifyTool
from .fiche import open_fiche_window
from .help_window import open_help
from .map.search_box import SearchBox
from .package.menus import PackageMenus
from .portrait_view import PortraitView
from .proposals.controller import ProposalController
from .qpv_list import QpvListView
from .shortcuts import ShortcutsDialog
from .sources_dialog import SourcesDialog
from .tables import IndicatorTableView

SEARCH_LAYERS = {"commune": "communes", "qpv": "qpv", "iris": "iris"}


def basemap_usable(path: str) -> bool:
    try:
        MBTiles(path).close()
    except MBTilesError:
        return False
    return True


class MainWindow(QMainWindow):
    def __init__(self, reference: ReferenceStore, workspace) -> None:
        super().__init__()
        self.reference = reference
        self.setWindowTitle(self.tr("qpvdesk — Quartiers prioritaires de la CA de Lens-Liévin"))
        self.resize(1400, 900)
        layers = load_reference_layers(reference)
        layer_ids = [info.id for info in LAYERS]
        saved = workspace.setting(STATE_KEY)
        state = (MapState.from_json(saved, layer_ids) if saved is not None
                 else MapState.default(layer_ids, hidden=set(HIDDEN_BY_DEFAULT)))
        if state.basemap_path and not basemap_usable(state.basemap_path):
            state.basemap_path = None   # moved or deleted since the last session
        composer = MapComposer(reference, layers, state)
        try:
            composer.apply_choropleth()
        except ValueError:
            state.choropleth = None
        initial = state.viewport or Viewport.fit(layers["epci"].bounds, 1000, 700, 0.03)
        self.map_canvas = MapCanvas(composer, initial)
        self.controller = MapController(composer, self.map_canvas, workspace)
        self.pan_tool = PanIdentifyTool(self.map_canvas)
        self.map_canvas.set_tool(self.pan_tool)
        self.setCentralWidget(self.map_canvas)
        self.proposals = ProposalController(self, ProposalStore(workspace, reference),
                                            self.controller, self.pan_tool)
        self._build_docks(reference, composer)
        self._build_toolbar_and_menus(reference)
        self._connect()
        self._initial_fit = state.viewport is None
        self._windows: dict[str, QWidget] = {}
        self._draft_offered = False

    # -- construction -------------------------------------------------------------------
    def _build_docks(self, reference: ReferenceStore, composer: MapComposer) -> None:
        self.layer_panel = LayerPanel(list(LAYERS), composer.state, composer.legend_for)
        self.choropleth_panel = ChoroplethPanel(
            {layer: mappable_indicators(reference, layer) for layer in ("iris", "qpv")})
        self.choropleth_panel.set_setting(composer.state.choropleth)
        tabs = QTabWidget()
        tabs.addTab(self.layer_panel, self.tr("Couches"))
        tabs.addTab(self.choropleth_panel, self.tr("Analyse thématique"))
        self._dock(self.tr("Carte"), tabs, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.identify_panel = IdentifyPanel()
        self.identify_panel.clear()
        self._info_dock = self._dock(self.tr("Informations"), self.identify_panel,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        proposals_dock = self._dock(self.tr("Propositions"), self.proposals.list_panel,
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        history_dock = self._dock(self.tr("Historique"), self.proposals.history_panel,
                                  Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self._info_dock, proposals_dock)
        self.tabifyDockWidget(proposals_dock, history_dock)
        self._info_dock.raise_()
        qpv = reference.qpv_list()
        self.qpv_list = QpvListView(qpv)
        list_title = self.tr("Les {count} quartiers prioritaires").format(count=len(qpv))
        self.qpv_dock = self._dock(list_title, self.qpv_list,
                                   Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([self.qpv_dock], [190], Qt.Orientation.Vertical)
        self.resizeDocks([self._info_dock], [290], Qt.Orientation.Horizontal)
        self.coordinates = QLabel()
        self.statusBar().addPermanentWidget(self.coordinates)
        total = sum(q.population or 0 for q in qpv)
        self.statusBar().showMessage(
            self.tr("{count} QPV — {total} habitants (somme des populations municipales "
                    "INSEE, y compris les parties hors CALL des {straddling} QPV à cheval "
                    "sur ses limites) — base de référence en lecture seule")
            .format(count=len(qpv), total=number(total),
                    straddling=len(straddling_qpv(reference))))

    def _dock(self, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or text)
        action.setStatusTip(tip or text)
        action.triggered.connect(slot)
        return action

    def _build_toolbar_and_menus(self, reference: ReferenceStore) -> None:
        canvas = self.map_canvas
        self.overview_action = self._action(self.tr("Vue d'ensemble"),
                                            self.controller.zoom_to_territory, "Ctrl+0",
                                            self.tr("Afficher tout le territoire (Ctrl+0)"))
        zoom_in = self._action(self.tr("Zoom avant"), lambda: canvas.zoom_by(1.5),
                               QKeySequence.StandardKey.ZoomIn)
        zoom_out = self._action(self.tr("Zoom arrière"), lambda: canvas.zoom_by(1 / 1.5),
                                QKeySequence.StandardKey.ZoomOut)
        self.basemap_action = self._action(
            self.tr("Fond de carte…"), self.choose_basemap, None,
            self.tr("Choisir un fond de carte hors ligne (fichier MBTiles)"))
        remove_basemap = self._action(self.tr("Retirer le fond de carte"),
                                      self.controller.remove_basemap)
        self.sources_action = self._action(self.tr("&Sources et licences…"), self.show_sources)
        toolbar = QToolBar(self.tr("Navigation"), self)
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        self.search_box = SearchBox(SearchIndex(reference))
        self.search_box.setMinimumWidth(320)
        toolbar.addWidget(self.search_box)
        toolbar.addSeparator()
        for action in (self.overview_action, zoom_in, zoom_out, self.basemap_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        drawing = QToolBar(self.tr("Dessin"), self)
        drawing.setObjectName("dessin")
        drawing.setMovable(False)
        proposals = self.proposals
        for action in (proposals.navigate_action, *proposals.draw_actions.values(),
                       proposals.edit_action):
            drawing.addAction(action)
        drawing.addSeparator()
        for action in (proposals.snap_action, proposals.undo_action, proposals.redo_action):
            drawing.addAction(action)
        self.addToolBarBreak()
        self.addToolBar(drawing)
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        file_menu.addAction(self.basemap_action)
        file_menu.addAction(remove_basemap)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Importer des propositions…"),
                                         lambda: self.proposals.import_file(), "Ctrl+I"))
        file_menu.addAction(self._action(self.tr("E&xporter mes propositions…"),
                                         lambda: self.proposals.export_file(), "Ctrl+E"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quitter"), self.close,
                                         QKeySequence.StandardKey.Quit))
        edit_menu = self.menuBar().addMenu(self.tr("É&dition"))
        edit_menu.addAction(self.proposals.undo_action)
        edit_menu.addAction(self.proposals.redo_action)
        view_menu = self.menuBar().addMenu(self.tr("&Affichage"))
        for action in (self.overview_action, zoom_in, zoom_out):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.qpv_dock.toggleViewAction())
        search_action = self._action(self.tr("&Rechercher une commune, un QPV…"),
                                     self.search_box.setFocus, "Ctrl+F")
        edit_menu.addSeparator()
        edit_menu.addAction(search_action)
        analysis_menu = self.menuBar().addMenu(self.tr("A&nalyse"))
        self.table_action = self._action(
            self.tr("&Tableau des indicateurs…"), self.show_indicator_table, "Ctrl+T",
            self.tr("Les 22 QPV et les indicateurs choisis"))
        self.charts_action = self._action(
            self.tr("&Graphiques…"), self.show_charts, "Ctrl+G",
            self.tr("Évolutions, comparaison des QPV, dynamique des écarts"))
        self.portrait_action = self._action(
            self.tr("&Portrait du territoire…"), self.show_portrait, "Ctrl+Shift+P",
            self.tr("Les chiffres clés de l'agglomération"))
        for action in (self.table_action, self.charts_action, self.portrait_action):
            analysis_menu.addAction(action)
        self.packages = PackageMenus(self, self.proposals.store.workspace, reference,
                                     self.proposals.store)
        help_menu = self.menuBar().addMenu(self.tr("Aid&e"))
        help_menu.addAction(self._action(self.tr("&Aide de qpvdesk…"), lambda: open_help(self),
                                         QKeySequence.StandardKey.HelpContents))
        help_menu.addAction(self._action(self.tr("&Raccourcis clavier…"), self.show_shortcuts))
        help_menu.addSeparator()
        help_menu.addAction(self.sources_action)

    def _connect(self) -> None:
        controller, canvas = self.controller, self.map_canvas
        panel = self.layer_panel
        panel.visibility_changed.connect(controller.set_visible)
        panel.opacity_changed.connect(controller.set_opacity)
        panel.order_changed.connect(controller.move_layer)
        self.choropleth_panel.choropleth_changed.connect(controller.set_choropleth)
        controller.state_changed.connect(lambda: panel.refresh(controller.state))
        controller.feature_identified.connect(self.identify_panel.show_info)
        controller.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        controller.error.connect(self._show_error)
        self.pan_tool.identify_requested.connect(controller.identify)
        canvas.cursor_moved.connect(
            lambda x, y: self.coordinates.setText(format_coordinates(x, y)))
        self.search_box.result_chosen.connect(self.show_search_result)
        self.search_box.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.identify_panel.open_fiche.connect(self.open_fiche)
        self.qpv_list.doubleClicked.connect(self._qpv_double_clicked)
        self.proposals.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # -- behaviour ----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._draft_offered:
            self._draft_offered = True
            QTimer.singleShot(0, self.proposals.offer_draft)
        if self._initial_fit:
            self._initial_fit = False
            self.map_canvas.resize(self.map_canvas.size())
            self.controller.zoom_to_territory()
        else:
            self.map_canvas.request_render()

    def _show_error(self, text: str) -> None:
        # the controller kept the previous state: show it again in the panels
        self.choropleth_panel.set_setting(self.controller.state.choropleth)
        QMessageBox.warning(self, "qpvdesk", text)

    def show_search_result(self, result: SearchResult) -> None:
        self.controller.show_feature(SEARCH_LAYERS[result.kind], result.code)

    def _qpv_double_clicked(self, index) -> None:
        source = self.qpv_list.model().mapToSource(index)
        self.controller.show_feature("qpv", self.qpv_list.source_model.qpv(source.row()).code)

    def open_fiche(self, qpv_code: str) -> QWidget | None:
        try:
            return open_fiche_window(self.reference, qpv_code, self)
        except LookupError as exc:
            QMessageBox.warning(self, "qpvdesk", str(exc))
            return None

    def _analysis_window(self, key: str, title: str, build) -> QWidget:
        """One window per analysis view, built on first use and raised afterwards."""
        window = self._windows.get(key)
        if window is None:
            window = build()
            window.setParent(self, Qt.WindowType.Window)
            window.setWindowTitle(f"{title} — qpvdesk")
            window.resize(1200, 760)
            self._windows[key] = window
        window.show()
        window.raise_()
        return window

    def show_indicator_table(self) -> QWidget:
        def build():
            view = IndicatorTableView(
                lambda ids, edition, commune: build_indicator_table(self.reference, ids,
                                                                    edition, commune),
                mappable_indicators(self.reference, "qpv"), editions=self._qpv_editions())
            view.fiche_requested.connect(self.open_fiche)
            view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            return view
        return self._analysis_window("table", self.tr("Tableau des indicateurs"), build)

    def show_charts(self) -> QWidget:
        def build():
            from .charts import ChartsPanel   # pyqtgraph: ~0.15 s, not at start-up

            return ChartsPanel(
                mappable_indicators(self.reference, "qpv"),
                lambda ids, edition, commune: build_indicator_table(self.reference, ids,
                                                                    edition, commune),
                lambda indicator: gap_dynamics(self.reference, indicator),
                indicators_with_call_reference(self.reference))
        return self._analysis_window("charts", self.tr("Graphiques"), build)

    def show_portrait(self) -> QWidget:
        return self._analysis_window("portrait", self.tr("Portrait du territoire"),
                                     lambda: PortraitView(build_portrait(self.reference)))

    def _qpv_editions(self) -> list[int]:
        return sorted({edition for indicator in mappable_indicators(self.reference, "qpv")
                       for edition in indicator.editions})

    def choose_basemap(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choisir un fond de carte hors ligne"), "",
            self.tr("Fonds de carte MBTiles (*.mbtiles);;Tous les fichiers (*)"))
        if path:
            self.controller.open_basemap(path)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self)
        dialog.show()
        return dialog

    def show_sources(self) -> SourcesDialog:
        dialog = SourcesDialog(self.reference.provenance(), self)
        dialog.show()
        return dialog

    def closeEvent(self, event) -> None:  # noqa: N802
        self.controller.save()
        super().closeEvent(event)
