"""The map's state, free of Qt: layers (order, visibility, opacity), the view, the
choropleth and the basemap. Views send intents, the state changes, views redraw from it;
the app saves it as JSON in the workspace and reads it back tolerantly.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from .viewport import Viewport

STATE_VERSION = 1
CHOROPLETH_LAYERS = ("iris", "qpv")
CHOROPLETH_METHODS = ("quantiles", "jenks", "equal_interval")
CHOROPLETH_CLASSES = range(3, 8)


@dataclass
class LayerSetting:
    layer_id: str
    visible: bool = True
    opacity: float = 1.0   # 0 (transparent) .. 1


@dataclass
class ChoroplethSetting:
    layer_id: str          # one of CHOROPLETH_LAYERS
    indicator_id: str      # e.g. "IPRO.TX_TOT_EMPL"
    edition: int | None    # None: the latest edition
    method: str = "quantiles"
    classes: int = 5


@dataclass
class MapState:
    layers: list[LayerSetting]   # drawing order: the first is drawn at the bottom
    viewport: Viewport | None = None
    choropleth: ChoroplethSetting | None = None
    basemap_path: str | None = None

    @classmethod
    def default(cls, layer_ids: list[str], hidden: Iterable[str] = frozenset()) -> MapState:
        hidden = set(hidden)
        return cls([LayerSetting(layer_id, layer_id not in hidden) for layer_id in layer_ids])

    # -- intents --------------------------------------------------------------------------
    def setting(self, layer_id: str) -> LayerSetting:
        """Raises KeyError for a layer the state does not know."""
        return self.layers[self._index(layer_id)]

    def set_visible(self, layer_id: str, visible: bool) -> None:
        self.setting(layer_id).visible = bool(visible)

    def set_opacity(self, layer_id: str, opacity: float) -> None:
        """Clamped to [0, 1]."""
        if math.isnan(opacity):
            raise ValueError("opacity must be a number")
        self.setting(layer_id).opacity = _clamp_opacity(opacity)

    def move(self, layer_id: str, delta: int) -> None:
        """Move a layer `delta` places up (drawn later) or down; stops at either end."""
        index = self._index(layer_id)
        target = min(max(index + delta, 0), len(self.layers) - 1)
        self.layers.insert(target, self.layers.pop(index))

    def _index(self, layer_id: str) -> int:
        for index, setting in enumerate(self.layers):
            if setting.layer_id == layer_id:
                return index
        raise KeyError(layer_id)

    # -- persistence ----------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps({
            "version": STATE_VERSION,
            "layers": [asdict(setting) for setting in self.layers],
            "viewport": self.viewport.to_dict() if self.viewport else None,
            "choropleth": asdict(self.choropleth) if self.choropleth else None,
            "basemap_path": self.basemap_path,
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, known_layer_ids: list[str]) -> MapState:
        """Never raises: what cannot be read falls back to its default, layers the app no
        longer has are dropped, and layers it has gained are placed after their
        predecessor in `known_layer_ids` (visible, opaque)."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            data = None
        if not isinstance(data, dict):
            return cls.default(known_layer_ids)
        layers = _read_layers(data.get("layers"), known_layer_ids)
        try:
            viewport = Viewport.from_dict(data.get("viewport"))
        except ValueError:
            viewport = None
        basemap = data.get("basemap_path")
        return cls(layers, viewport, _read_choropleth(data.get("choropleth")),
                   basemap if isinstance(basemap, str) and basemap else None)


def _read_layers(items: object, known_layer_ids: list[str]) -> list[LayerSetting]:
    saved: dict[str, LayerSetting] = {}
    for item in items if isinstance(items, list) else []:
        layer_id = item.get("layer_id") if isinstance(item, dict) else None
        if layer_id in known_layer_ids and layer_id not in saved:
            saved[layer_id] = _read_layer(layer_id, item)
    layers = list(saved.values())
    for position, layer_id in enumerate(known_layer_ids):
        if layer_id not in saved:
            before = [known for known in known_layer_ids[:position] if known in saved]
            at = layers.index(saved[before[-1]]) + 1 if before else 0
            saved[layer_id] = LayerSetting(layer_id)
            layers.insert(at, saved[layer_id])
    return layers


def _read_layer(layer_id: str, item: dict) -> LayerSetting:
    visible, opacity = item.get("visible"), item.get("opacity")
    if not isinstance(visible, bool):
        visible = True
    if isinstance(opacity, bool) or not isinstance(opacity, (int, float)) \
            or math.isnan(opacity):
        opacity = 1.0
    return LayerSetting(layer_id, visible, _clamp_opacity(opacity))


def _clamp_opacity(opacity: float) -> float:
    return min(max(float(opacity), 0.0), 1.0)


def _read_choropleth(item: object) -> ChoroplethSetting | None:
    if not isinstance(item, dict):
        return None
    edition, classes = item.get("edition"), item.get("classes")
    valid = (item.get("layer_id") in CHOROPLETH_LAYERS
             and isinstance(item.get("indicator_id"), str) and item["indicator_id"]
             and (edition is None or (isinstance(edition, int) and not isinstance(edition, bool)))
             and item.get("method") in CHOROPLETH_METHODS
             and isinstance(classes, int) and classes in CHOROPLETH_CLASSES)
    if not valid:
        return None
    return ChoroplethSetting(item["layer_id"], item["indicator_id"], edition, item["method"],
                             classes)
