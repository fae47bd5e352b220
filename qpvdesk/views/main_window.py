"""The main window: the map in the centre, layers and analysis on the left, information on
the right, the QPV list below, search in the toolbar."""
from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMessageBox,
                               QTabWidget, QToolBar, QWidget)

from ..models.choropleth import mappable_indicators
from ..models.comparators import straddling_qpv
from ..models.map.layers import listed_in_layer_panel, load_reference_layers
from ..models.map.map_state import MapState
from ..models.map.styles import HIDDEN_BY_DEFAULT, LAYERS
from ..models.map.viewport import Viewport, format_coordinates
from ..models.package.identity import MODE_AGGLOMERATION, load_identity
from ..models.proposals import ProposalStore
from ..models.reference import ReferenceStore
from ..models.frenchnum import format_french_number
from ..models.mbtiles import MBTiles, MBTilesError
from ..models.search import SearchIndex, SearchResult
from ..models.territory_names import territory_names
from .map.canvas import MapCanvas
from .map.choropleth_panel import ChoroplethPanel
from ..render.compose import MapComposer
from .i18n import interface_language
from .reference_actions import ReferenceActions
from .territory_translator import install_territory_words, remove_territory_words
from .map.identify_panel import IdentifyPanel
from .map.layer_panel import LayerPanel
from .map.legend_view import MapLegendOverlay
from .map.map_controller import STATE_KEY, MapController
from .map.pan_tool import PanIdentifyTool
from .atelier.menu import AtelierMenu
from .main_layout import MainLayout
from .map.search_box import SearchBox
from .proposals.controller import ProposalController
from .qpv_list import QpvListView
from .file_dialogs import open_path, remember_folders_in
from .window_geometry import fit_secondary_windows, fit_secondary_windows_from_first_input

# The analysis windows, dialogs and help open on demand: their modules (and the models they
# read) are imported then, not before the first map (tests/test_startup.py).

SEARCH_LAYERS = {"commune": "communes", "qpv": "qpv", "iris": "iris"}
ANALYSIS_WINDOW_SIZE = (1200, 760)


def basemap_usable(path: str) -> bool:
    try:
        MBTiles(path).close()
    except MBTilesError:
        return False
    return True


PROPOSALS_GROUP = "Propositions"


def _shows(viewport: Viewport, bounds) -> bool:
    """True when the saved view's centre lies within (a margin around) the territory."""
    if bounds is None:
        return True
    xmin, ymin, xmax, ymax = bounds
    margin = max(xmax - xmin, ymax - ymin)
    return (xmin - margin <= viewport.center_x <= xmax + margin
            and ymin - margin <= viewport.center_y <= ymax + margin)


class MainWindow(QMainWindow):
    # The first map is on screen and what it did not wait for is there too: the thematic
    # panel's indicators, the Paquets and Agglomération menus, the Propositions list.
    ready = Signal()
    reference_chosen = Signal(object)   # Path of a reference database to open instead

    def __init__(self, reference: ReferenceStore, workspace) -> None:
        super().__init__()
        self.reference = reference
        self._packages = None
        remember_folders_in(workspace)   # every file dialog starts in the last folder used
        # Qt adds « — qpvdesk », the application's display name, to every window title.
        self.territory_names = names = territory_names(reference.conn)
        self._territory_words = install_territory_words(names, interface_language())
        self.destroyed.connect(partial(remove_territory_words, self._territory_words))
        self.setWindowTitle(self.tr("Quartiers prioritaires de {epci}").format(
            epci=names.epci_name_with_article))
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
        if state.viewport is not None and not _shows(state.viewport, layers["epci"].bounds):
            state.viewport = None    # saved over another agglomeration's database
        initial = state.viewport or Viewport.fit(layers["epci"].bounds, 1000, 700, 0.03)
        self.map_canvas = MapCanvas(composer, initial)
        self.controller = MapController(composer, self.map_canvas, workspace)
        self.pan_tool = PanIdentifyTool(self.map_canvas)
        self.map_canvas.set_tool(self.pan_tool)
        self.setCentralWidget(self.map_canvas)
        self.legend_overlay = MapLegendOverlay(self.map_canvas)
        self.proposals = ProposalController(self, ProposalStore(workspace, reference),
                                            self.controller, self.pan_tool)
        self._build_docks(reference, composer)
        self._build_toolbar_and_menus(reference)
        self._connect()
        # In this order, one per turn of the event loop once the first map is on screen (or
        # could not be drawn).
        self._after_first_map = [fit_secondary_windows, self.choropleth_panel.load_indicators,
                                 lambda: self.packages, self.proposals.list_panel.refresh]
        self._first_map_done = False
        self.map_canvas.map_painted.connect(self._first_map)
        self.map_canvas.render_failed.connect(self._first_map)
        if load_identity(workspace).mode == MODE_AGGLOMERATION:
            self.packages   # noqa: B018 - the received proposals belong on the first map
        self._initial_fit = state.viewport is None
        self._windows: dict[str, QWidget] = {}
        self._draft_offered = False
        self.panels.size_window()
        self.panels.apply_default(self._empty_panels())
        self.panels.restore()
        self.info_dock.hide()      # nothing is identified yet

    # -- construction -------------------------------------------------------------------
    def _build_docks(self, reference: ReferenceStore, composer: MapComposer) -> None:
        # The layer of the EPCI is named after it; a reference layer the database has nothing
        # for (IRIS, mining heritage or colleges outside the CALL, points of QPV whose
        # perimeters are all provided) is left out of the panel; the user's layers never are, the
        # received and modified ones once there are some (listed_in_layer_panel).
        infos = [replace(info, title=self.territory_names.epci_name) if info.id == "epci"
                 else info for info in LAYERS
                 if info.group == PROPOSALS_GROUP or len(composer.layers[info.id])]
        self.layer_panel = LayerPanel(
            infos, composer.state, composer.legend_for,
            lambda layer_id: listed_in_layer_panel(layer_id, composer.layers))
        self.choropleth_panel = ChoroplethPanel(lambda: {
            layer: mappable_indicators(reference, layer) for layer in ("iris", "qpv")})
        self.choropleth_panel.set_setting(composer.state.choropleth)
        tabs = QTabWidget()
        tabs.addTab(self.layer_panel, self.tr("Couches"))
        tabs.addTab(self.choropleth_panel, self.tr("Analyse thématique"))
        self.map_dock = self._dock(self.tr("Carte"), tabs, "map_panel")
        self.identify_panel = IdentifyPanel()
        self.identify_panel.clear()
        self.info_dock = self._dock(self.tr("Informations"), self.identify_panel,
                                    "information_panel")
        self.proposals_dock = self._dock(self.tr("Propositions"), self.proposals.list_panel,
                                         "proposals_panel")
        self.history_dock = self._dock(self.tr("Historique"), self.proposals.history_panel,
                                       "history_panel")
        qpv = reference.qpv_list()
        self.qpv_list = QpvListView(qpv, self.territory_names.say)
        list_title = self.tr("Les {count} quartiers prioritaires").format(count=len(qpv))
        self.qpv_dock = self._dock(list_title, self.qpv_list, "qpv_list_panel")
        self.coordinates = QLabel()
        self.statusBar().addPermanentWidget(self.coordinates)
        self.statusBar().showMessage(self._status_text(reference, qpv))

    def _status_text(self, reference: ReferenceStore, qpv) -> str:
        total = format_french_number(sum(q.population or 0 for q in qpv), 0)
        straddling = len(straddling_qpv(reference))
        if straddling:
            text = self.tr("{count} QPV — {total} habitants (somme des populations municipales "
                           "INSEE, y compris les parties hors CALL des {straddling} QPV à "
                           "cheval sur ses limites) — base de référence en lecture seule")
        else:
            text = self.tr("{count} QPV — {total} habitants (somme des populations municipales "
                           "INSEE) — base de référence en lecture seule")
        text = text.format(count=len(qpv), total=total, straddling=straddling)
        missing = sum(1 for q in qpv if q.area_ha is None)
        if missing:
            text += self.tr(" — périmètre non fourni pour {missing} QPV (Fichier > Importer "
                            "les périmètres des QPV…)").format(missing=missing)
        return self.territory_names.say(text)

    def _dock(self, title: str, widget, name: str) -> QDockWidget:
        """A panel; MainLayout places it. `name` identifies it in the saved layout."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        return dock

    def _empty_panels(self) -> set[QDockWidget]:
        """Panels closed in the default layout until they have something to show."""
        empty = set() if self.identify_panel.shows_feature() else {self.info_dock}
        if not self.proposals.store.history():
            empty |= {self.proposals_dock, self.history_dock}
        return empty

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
        drawing = QToolBar(self.tr("Dessin"), self)
        drawing.setObjectName("dessin")
        drawing.setMovable(False)
        proposals = self.proposals
        tools = (proposals.navigate_action, *proposals.draw_actions.values(),
                 proposals.edit_action)
        for action in tools:
            drawing.addAction(action)
        drawing.addSeparator()
        for action in (proposals.snap_action, proposals.undo_action, proposals.redo_action):
            drawing.addAction(action)
        self.panels = MainLayout(
            self, self.proposals.store.workspace,
            docks=[(self.map_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
                   (self.info_dock, Qt.DockWidgetArea.RightDockWidgetArea),
                   (self.proposals_dock, Qt.DockWidgetArea.RightDockWidgetArea),
                   (self.history_dock, Qt.DockWidgetArea.RightDockWidgetArea),
                   (self.qpv_dock, Qt.DockWidgetArea.BottomDockWidgetArea)],
            tabbed=[self.info_dock, self.proposals_dock, self.history_dock],
            toolbars=[toolbar, drawing])
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        file_menu.addAction(self.basemap_action)
        file_menu.addAction(remove_basemap)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Importer des propositions…"),
                                         lambda: self.proposals.import_file(), "Ctrl+I"))
        # no shortcut: Ctrl+Maj+E is the signed package, a different export
        file_menu.addAction(self._action(self.tr("E&xporter mes propositions…"),
                                         lambda: self.proposals.export_file()))
        file_menu.addSeparator()
        self.reference_actions = ReferenceActions(self, reference)
        self.reference_actions.reference_chosen.connect(self.reference_chosen)
        self.reference_actions.message.connect(self.statusBar().showMessage)
        self.perimeters_action = self._action(
            self.tr("Importer les &périmètres des QPV…"),
            lambda: self.reference_actions.import_perimeters(), None,
            self.tr("Ajouter les périmètres 2024 des QPV depuis le fichier national « QP2024 » "
                    "de l'ANCT (GeoJSON, GeoPackage ou Shapefile)"))
        self.perimeters_action.setEnabled(reference.metadata().get("build_source") == "national")
        file_menu.addAction(self.perimeters_action)
        file_menu.addAction(self._action(self.tr("Changer d'&agglomération…"),
                                         lambda: self.reference_actions.change_agglomeration()))
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
        self.panels.fill_panels_menu(view_menu.addMenu(self.tr("&Panneaux")))
        self.legend_action = self._action(
            self.tr("&Légende sur la carte"), self.legend_overlay.set_wanted, None,
            self.tr("Afficher la légende de la carte thématique dans un coin de la carte"))
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(True)
        view_menu.addAction(self.legend_action)
        self.national_action = self._action(
            self.tr("Vue &nationale…"), self.show_national_view, None,
            self.tr("Les communes de France métropolitaine, avec les QPV de l'agglomération"))
        view_menu.addAction(self.national_action)
        self.reset_layout_action = self._action(
            self.tr("&Réinitialiser la disposition"), self.reset_layout, None,
            self.tr("Remettre les panneaux et les barres d'outils à leur place d'origine"))
        view_menu.addAction(self.reset_layout_action)
        drawing_menu = self.menuBar().addMenu(self.tr("De&ssin"))
        for action in tools:
            drawing_menu.addAction(action)
        drawing_menu.addSeparator()
        drawing_menu.addAction(proposals.snap_action)
        search_action = self._action(self.tr("&Rechercher une commune, un QPV…"),
                                     self.search_box.setFocus, "Ctrl+F")
        edit_menu.addSeparator()
        edit_menu.addAction(search_action)
        analysis_menu = self.menuBar().addMenu(self.tr("A&nalyse"))
        self.table_action = self._action(
            self.tr("&Tableau des indicateurs…"), self.show_indicator_table, "Ctrl+T",
            self.tr("Les {count} QPV et les indicateurs choisis").format(
                count=self.territory_names.qpv_count))
        self.charts_action = self._action(
            self.tr("&Graphiques…"), self.show_charts, "Ctrl+G",
            self.tr("Évolutions, comparaison des QPV, dynamique des écarts"))
        self.portrait_action = self._action(
            self.tr("&Portrait du territoire…"), self.show_portrait, "Ctrl+Shift+P",
            self.tr("Les chiffres clés de l'agglomération"))
        for action in (self.table_action, self.charts_action, self.portrait_action):
            analysis_menu.addAction(action)
        # a few actions (light: the workshop's own modules load when one is opened)
        self.atelier = AtelierMenu(self, self.proposals.store.workspace, reference,
                                   self.proposals, self.controller)
        help_menu = self.menuBar().addMenu(self.tr("Aid&e"))
        self._help_menu = help_menu
        help_menu.addAction(self._action(self.tr("&Aide de qpvdesk…"), self.show_help,
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
        controller.state_changed.connect(self._show_legend)
        self._show_legend()
        controller.feature_identified.connect(self._show_information)
        self.proposals.proposals_changed.connect(lambda _: self._reveal_proposal_panels())
        controller.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        controller.error.connect(self._show_error)
        canvas.render_failed.connect(lambda text: self.statusBar().showMessage(text, 20_000))
        self.pan_tool.identify_requested.connect(controller.identify)
        canvas.cursor_moved.connect(
            lambda x, y: self.coordinates.setText(format_coordinates(x, y)))
        self.search_box.result_chosen.connect(self.show_search_result)
        self.search_box.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.identify_panel.open_fiche.connect(self.open_fiche)
        self.qpv_list.doubleClicked.connect(self._qpv_double_clicked)
        self.proposals.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    @property
    def packages(self):
        """The Paquets and Agglomération menus (views/package/menus.py), built after the first
        map, or before when asked: their dialogs and the signature code take ~0.05 s."""
        if self._packages is None:
            from .package.menus import PackageMenus

            self._packages = PackageMenus(self, self.proposals.store.workspace, self.reference,
                                          self.proposals.store,
                                          before=self._help_menu.menuAction())
        return self._packages

    def _first_map(self, *_) -> None:
        if not self._first_map_done:
            self._first_map_done = True
            QTimer.singleShot(0, self, self._next_step)

    def _next_step(self) -> None:
        """One piece of what the first map did not wait for per turn of the event loop (a
        click in between is served), then `ready`. Nothing once the window is closed: its
        databases may be closed too."""
        if not self.isVisible():
            self._after_first_map.clear()
        elif self._after_first_map:
            self._after_first_map.pop(0)()
            QTimer.singleShot(0, self, self._next_step)
        else:
            self.ready.emit()

    def finish_start(self) -> None:
        """Do now what is left of the work that follows the first map (tests, self-test)."""
        while self._after_first_map:
            self._after_first_map.pop(0)()

    # -- behaviour ----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._draft_offered:
            self._draft_offered = True
            # secondary windows fit the screen from the first map on, or before it from the
            # user's first key or click, or from the question below
            fit_secondary_windows_from_first_input(self)
            QTimer.singleShot(0, self._offer_draft)
        if self._initial_fit:
            self._initial_fit = False
            self.map_canvas.resize(self.map_canvas.size())
            self.controller.zoom_to_territory()
        else:
            self.map_canvas.request_render()

    def _offer_draft(self) -> None:
        """A shape left half-drawn at the last session is offered at once, in a message box
        that fits the screen like any other."""
        if self.proposals.store.draft() is not None:
            fit_secondary_windows()
            self.proposals.offer_draft()

    def _show_legend(self) -> None:
        """The thematic map's legend, while its layer is shown."""
        thematic = self.controller.composer.thematic
        shown = (thematic is not None
                 and self.controller.state.setting(thematic.setting.layer_id).visible)
        legend = thematic.key if shown else None
        self.legend_overlay.set_legend(legend)
        self.choropleth_panel.set_legend(legend)

    def _show_information(self, info) -> None:
        """The Informations panel opens on what was identified and closes on nothing."""
        self.identify_panel.show_info(info)
        if info is None:
            self.info_dock.hide()
        elif self._open_information_panel():
            self.controller.keep_outlined_in_view()

    def _open_information_panel(self) -> bool:
        """Show the Informations panel; True when it was closed (the map became narrower:
        the layout is applied at once so that the map knows its new size)."""
        opened = not self.info_dock.isVisible()
        self.info_dock.show()
        self.info_dock.raise_()
        if opened:
            self.layout().activate()
        return opened

    def _reveal_proposal_panels(self) -> None:
        """Propositions and Historique open with the first proposal."""
        if self.proposals.store.history():
            self.panels.reveal([self.proposals_dock, self.history_dock])

    def reset_layout(self) -> None:
        self.panels.apply_default(self._empty_panels())

    def _show_error(self, text: str) -> None:
        # the controller kept the previous state: show it again in the panels
        self.choropleth_panel.set_setting(self.controller.state.choropleth)
        QMessageBox.warning(self, "qpvdesk", text)

    def show_search_result(self, result: SearchResult) -> None:
        self._open_information_panel()     # first, so that the zoom fits the narrower map
        self.controller.show_feature(SEARCH_LAYERS[result.kind], result.code)

    def _qpv_double_clicked(self, index) -> None:
        self._open_information_panel()
        source = self.qpv_list.model().mapToSource(index)
        self.controller.show_feature("qpv", self.qpv_list.source_model.qpv(source.row()).code)

    def open_fiche(self, qpv_code: str) -> QWidget | None:
        from .fiche import open_fiche_window   # and its PDF writer: not at start-up

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
            window.setWindowTitle(title)   # Qt adds « — qpvdesk »
            window.resize(*ANALYSIS_WINDOW_SIZE)   # then fitted to the screen when shown
            self._windows[key] = window
        window.show()
        window.raise_()
        return window

    def show_indicator_table(self) -> QWidget:
        from ..models.indicator_table import build_indicator_table
        from .tables import IndicatorTableView

        def build():
            view = IndicatorTableView(
                lambda ids, edition, commune: build_indicator_table(self.reference, ids,
                                                                    edition, commune),
                mappable_indicators(self.reference, "qpv"), editions=self._qpv_editions(),
                say=self.territory_names.say)
            view.fiche_requested.connect(self.open_fiche)
            view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            return view
        return self._analysis_window("table", self.tr("Tableau des indicateurs"), build)

    def show_charts(self) -> QWidget:
        from ..models.indicator_table import (build_indicator_table, gap_dynamics,
                                              indicators_with_call_reference)

        def build():
            from .charts import ChartsPanel   # pyqtgraph: ~0.15 s, not at start-up

            return ChartsPanel(
                mappable_indicators(self.reference, "qpv"),
                lambda ids, edition, commune: build_indicator_table(self.reference, ids,
                                                                    edition, commune),
                lambda indicator: gap_dynamics(self.reference, indicator),
                indicators_with_call_reference(self.reference))
        charts = self._analysis_window("charts", self.tr("Graphiques"), build)
        focused = self.focused_qpv()
        if focused:
            charts.set_qpv(focused)
        return charts

    def focused_qpv(self) -> str | None:
        """The QPV the user is looking at: identified on the map, else chosen in the list,
        else the first of the user's own commune (first-run identity)."""
        if self.identify_panel.qpv_code:
            return self.identify_panel.qpv_code
        rows = self.qpv_list.selectionModel().selectedRows()
        if rows:
            source = self.qpv_list.model().mapToSource(rows[0])
            return self.qpv_list.source_model.qpv(source.row()).code
        insee = load_identity(self.proposals.store.workspace).commune_insee
        try:
            commune = self.proposals.store.territory.commune_name(insee) if insee else None
        except (KeyError, IndexError, ValueError):
            commune = None
        return next((qpv.code for qpv in self.reference.qpv_list()
                     if commune and commune in qpv.communes.split(", ")), None)

    def show_portrait(self) -> QWidget:
        def build():   # imported on first use: nothing of it before the first map
            from ..models.diagnostic import build_diagnostic
            from ..models.report.diagnostic_document import diagnostic_document
            from .portrait_view import PortraitView

            return PortraitView(diagnostic_document(build_diagnostic(self.reference),
                                                    say=self.territory_names.say))
        return self._analysis_window("portrait", self.tr("Portrait du territoire"), build)

    def show_national_view(self) -> QWidget:
        def build():
            from .. import paths
            from ..models.map.styles import SYMBOLS
            from ..render.renderer import LayerRenderSpec
            from .map.national_view import NationalView

            layers = self.controller.composer.layers
            return NationalView(paths.user_data_folder() / "national",
                                [LayerRenderSpec(layers[layer_id], SYMBOLS[layer_id])
                                 for layer_id in ("epci", "qpv")])
        return self._analysis_window("national", self.tr("Vue nationale"), build)

    def _qpv_editions(self) -> list[int]:
        return sorted({edition for indicator in mappable_indicators(self.reference, "qpv")
                       for edition in indicator.editions})

    def choose_basemap(self) -> None:
        path = open_path(self, self.tr("Choisir un fond de carte hors ligne"),
                         self.tr("Fonds de carte MBTiles (*.mbtiles);;Tous les fichiers (*)"))
        if path:
            self.controller.open_basemap(path)

    def show_help(self) -> QWidget:
        from .help_window import open_help

        return open_help(self)

    def show_shortcuts(self) -> QWidget:
        from .shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.show()
        return dialog

    def show_sources(self) -> QWidget:
        from .sources_dialog import SourcesDialog

        dialog = SourcesDialog(self.reference.provenance(), self)
        dialog.show()
        return dialog

    def closeEvent(self, event) -> None:  # noqa: N802
        self.controller.save()
        self.panels.save()
        remove_territory_words(self._territory_words)
        super().closeEvent(event)
