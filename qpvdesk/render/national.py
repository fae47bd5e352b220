"""The national view: France's metropolitan communes, with the agglomeration's layers on top."""
from __future__ import annotations

from collections.abc import Callable

from ..models.map.layers import FeatureLayer
from ..models.map.national import NATIONAL_SYMBOL
from ..models.map.viewport import Viewport
from .renderer import LayerRenderSpec, RenderRequest

NATIONAL_SIZE = (1600, 1000)
PARIS = (652_000.0, 6_862_000.0)      # Lambert-93: the centre of the benches' 1 % view


def national_compose(communes: FeatureLayer, above: list[LayerRenderSpec] | None = None
                     ) -> Callable[[Viewport], RenderRequest]:
    """Render requests of the communes of France, then `above` (e.g. the QPV)."""
    def compose(viewport: Viewport) -> RenderRequest:
        return RenderRequest(viewport, [LayerRenderSpec(communes, NATIONAL_SYMBOL),
                                        *(above or [])])
    return compose


def national_viewport(communes: FeatureLayer, width: int, height: int) -> Viewport:
    return Viewport.fit(communes.bounds, width, height, margin=0.03)


def one_percent_view(full: Viewport) -> Viewport:
    """A hundredth of the area of `full`, around Paris (the densest communes)."""
    return full.zoomed(10.0, full.to_screen(*PARIS))
