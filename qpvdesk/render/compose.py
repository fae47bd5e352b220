"""Turn the map state into render requests: which layers, in which order, with which style."""
from __future__ import annotations

from functools import partial

from ..models.map.layers import FeatureLayer
from ..models.map.map_state import MapState
from ..models.map.styles import (CHOROPLETH_SYMBOL, LABELLED_LAYERS, QPV_OVER_CHOROPLETH,
                                  SYMBOLS, LegendItem, default_legend)
from ..models.map.thematic import Thematic, build_thematic
from ..models.map.viewport import Viewport
from .basemap import draw_basemap, load_image_decoders
from .renderer import LayerRenderSpec, RenderRequest


class MapComposer:
    """Holds the loaded layers and the current thematic; builds a RenderRequest on demand."""

    def __init__(self, store, layers: dict[str, FeatureLayer], state: MapState) -> None:
        self.store = store
        self.layers = layers
        self.state = state
        self.extra_layers: list[LayerRenderSpec] = []   # e.g. the synthetic stress layer
        self.thematic: Thematic | None = None

    def apply_choropleth(self) -> None:
        """Recompute the thematic from state.choropleth. Raises ValueError (French message)."""
        setting = self.state.choropleth
        self.thematic = None
        if setting is not None:
            self.thematic = build_thematic(self.store, self.layers[setting.layer_id], setting)

    def legend_for(self, layer_id: str) -> list[LegendItem]:
        if self.thematic is not None and self.thematic.setting.layer_id == layer_id:
            return self.thematic.legend
        layer = self.layers.get(layer_id)
        if layer is not None and layer.legend is not None:   # e.g. coloured by decision
            return layer.legend
        return default_legend(layer_id)

    def __call__(self, viewport: Viewport) -> RenderRequest:
        specs = []
        for setting in self.state.layers:
            layer = self.layers.get(setting.layer_id)
            if layer is None or not setting.visible or not len(layer):
                continue
            spec = LayerRenderSpec(layer, SYMBOLS[layer.id], setting.opacity,
                                   labelled=layer.id in LABELLED_LAYERS)
            if (layer.id == "qpv" and self.thematic is not None
                    and self.thematic.setting.layer_id == "iris"):
                # over a choropleth a translucent red would blend into the classes
                spec.symbol = QPV_OVER_CHOROPLETH
            if self.thematic is not None and self.thematic.setting.layer_id == layer.id:
                spec.feature_fills = self.thematic.fills
                spec.hatched = self.thematic.hatched
                spec.symbol = CHOROPLETH_SYMBOL
            specs.append(spec)
        specs[0:0] = self.extra_layers
        basemap = None
        if self.state.basemap_path:
            load_image_decoders()    # here, on the GUI thread: never first in the render worker
            basemap = partial(draw_basemap, self.state.basemap_path)
        return RenderRequest(viewport, specs, basemap)
