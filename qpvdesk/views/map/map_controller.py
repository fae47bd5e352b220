"""Wires the map's widgets to its state: intents come in from the panels and the canvas,
the MapState changes, the views are refreshed (one-way data flow). The state is saved in the
user's workspace so the map reopens as it was left."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ...models.map.identify import FeatureInfo, feature_info
from ...models.map.layers import OWN_PROPOSAL_LAYERS, FeatureLayer
from ...models.map.styles import SYMBOLS
from ...models.map.map_state import ChoroplethSetting, MapState
from ...models.map.viewport import Viewport
from ...models.mbtiles import MBTiles, MBTilesError
from .canvas import MapCanvas
from ...render.compose import MapComposer

STATE_KEY = "map_state"
IDENTIFY_TOLERANCE_PX = 6
MIN_ZOOM_EXTENT = 600.0   # metres shown at least when zooming to a feature
PROPOSAL_LAYERS = OWN_PROPOSAL_LAYERS   # a click there selects the proposal instead


class MapController(QObject):
    state_changed = Signal()          # panels refresh from controller.state
    feature_identified = Signal(object)   # FeatureInfo or None
    proposal_identified = Signal(str)     # uuid of the user's proposal clicked on the map
    message = Signal(str)             # French, for the status bar
    error = Signal(str)               # French, for a dialog

    def __init__(self, composer: MapComposer, canvas: MapCanvas, workspace) -> None:
        super().__init__(canvas)
        self.composer, self.canvas, self.workspace = composer, canvas, workspace
        self._save_timer = QTimer(self, singleShot=True, interval=800)
        self._save_timer.timeout.connect(self.save)
        canvas.viewport_changed.connect(self._on_viewport_changed)
        self.outlined = None     # the geometry last identified (shapely), outlined on the map

    @property
    def state(self) -> MapState:
        return self.composer.state

    def _changed(self, render: bool = True) -> None:
        self.state_changed.emit()
        self._save_timer.start()
        if render:
            self.canvas.request_render()

    def legends_changed(self) -> None:
        """Some layers got new features or symbols (coloured by decision): the panels show
        their legends again (the caller asks for a render)."""
        self.state_changed.emit()

    # -- intents ------------------------------------------------------------------------
    def set_visible(self, layer_id: str, visible: bool) -> None:
        self.state.set_visible(layer_id, visible)
        self._changed()

    def set_opacity(self, layer_id: str, opacity: float) -> None:
        self.state.set_opacity(layer_id, opacity)
        self._changed()

    def move_layer(self, layer_id: str, delta: int) -> None:
        self.state.move(layer_id, delta)
        self._changed()

    def set_choropleth(self, setting: ChoroplethSetting | None) -> None:
        previous = self.state.choropleth
        self.state.choropleth = setting
        try:
            self.composer.apply_choropleth()
        except ValueError as exc:
            self.state.choropleth = previous
            self.composer.apply_choropleth()
            self.error.emit(str(exc))
            return
        if setting is not None:
            self.state.set_visible(setting.layer_id, True)
        self._changed()

    def open_basemap(self, path: str) -> bool:
        """Use an MBTiles file as basemap; a bad file changes nothing and says why."""
        try:
            tiles = MBTiles(path)
        except MBTilesError as exc:
            self.error.emit(str(exc))
            return False
        name = tiles.name
        tiles.close()
        self.state.basemap_path = path
        self._changed()
        self.message.emit(self.tr("Fond de carte : {name}").format(name=name))
        return True

    def remove_basemap(self) -> None:
        self.state.basemap_path = None
        self._changed()

    def zoom_to_territory(self) -> None:
        self.canvas.zoom_to(self.composer.layers["epci"].bounds, margin=0.03)

    def show_feature(self, layer_id: str, key: str) -> None:
        """Zoom to a feature, outline it and show its information."""
        layer = self.composer.layers[layer_id]
        index = layer.keys.index(key)
        xmin, ymin, xmax, ymax = (float(v) for v in layer.extents[index])
        # a point (or a tiny feature) still gets some surroundings
        grow_x, grow_y = max(0.0, MIN_ZOOM_EXTENT - (xmax - xmin)) / 2, max(
            0.0, MIN_ZOOM_EXTENT - (ymax - ymin)) / 2
        self.canvas.zoom_to((xmin - grow_x, ymin - grow_y, xmax + grow_x, ymax + grow_y))
        self._outline(layer.geometries[index])
        self.feature_identified.emit(feature_info(self.composer.store, layer_id, key))

    def identify(self, x: float, y: float) -> FeatureInfo | None:
        """What a click at a map point designates, outlined and reported: one of the user's
        proposals (``proposal_identified``), else the top-most visible filled feature (points,
        QPV, heritage), else the smallest outline under the point (a commune rather than the
        agglomeration that contains it)."""
        tolerance = IDENTIFY_TOLERANCE_PX * self.canvas.viewport.resolution
        proposal = self._hit(x, y, tolerance, PROPOSAL_LAYERS)
        if proposal is not None:
            layer, index = proposal
            self._outline(layer.geometries[index])
            self.feature_identified.emit(None)
            self.proposal_identified.emit(layer.keys[index])
            return None
        hit = self._hit(x, y, tolerance, [setting.layer_id for setting in self.state.layers
                                          if setting.layer_id not in PROPOSAL_LAYERS])
        if hit is None:
            self._outline(None)
            self.feature_identified.emit(None)
            return None
        layer, index = hit
        info = feature_info(self.composer.store, layer.id, layer.keys[index])
        self._outline(layer.geometries[index])
        self.feature_identified.emit(info)
        return info

    def _visible(self, layer_id: str) -> bool:
        try:
            return self.state.setting(layer_id).visible
        except KeyError:   # a layer the saved state does not know yet
            return False

    def _hit(self, x: float, y: float, tolerance: float, layer_ids
             ) -> tuple[FeatureLayer, int] | None:
        outlines = []
        for layer_id in reversed(list(layer_ids)):      # top-most first
            layer = self.composer.layers.get(layer_id)
            if layer is None or not self._visible(layer_id):
                continue
            index = layer.feature_at(x, y, tolerance)
            if index is None:
                continue
            if layer.info.geometry == "polygon" and SYMBOLS[layer.id].fill is None:
                outlines.append((float(layer.geometries[index].area), layer, index))
            else:
                return layer, index
        if not outlines:
            return None
        _, layer, index = min(outlines, key=lambda item: item[0])
        return layer, index

    def _outline(self, geometry) -> None:
        self.outlined = geometry
        self.canvas.set_highlight(geometry)

    def keep_outlined_in_view(self) -> None:
        """After the map changed size (a panel opened beside it): if the identified feature
        went out of view, bring its centre back to the middle of the map."""
        if self.outlined is None:
            return
        point = self.outlined.representative_point()
        xmin, ymin, xmax, ymax = self.canvas.viewport.bbox
        if xmin <= point.x <= xmax and ymin <= point.y <= ymax:
            return
        x, y = self.canvas.viewport.to_screen(point.x, point.y)
        self.canvas.set_viewport(self.canvas.viewport.panned(
            self.canvas.width() / 2 - float(x), self.canvas.height() / 2 - float(y)))

    # -- persistence --------------------------------------------------------------------
    def _on_viewport_changed(self, viewport: Viewport) -> None:
        self.state.viewport = viewport
        self._save_timer.start()

    def save(self) -> None:
        self._save_timer.stop()
        self.workspace.set_setting(STATE_KEY, self.state.to_json())
