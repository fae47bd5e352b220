"""The geometries the agglomeration modified, drawn in their own layers beside the originals.
Two sources fill them: the commune's responses (its own proposals) and, in agglomeration
mode, the agglomeration's own decisions on what it received; each refreshes its part."""
from __future__ import annotations

from collections.abc import Sequence
from weakref import WeakKeyDictionary

from ...models.map.layers import modified_layers

# composer -> source -> [(proposal uuid, label, geometry)]
_SHAPES: WeakKeyDictionary = WeakKeyDictionary()


def show_modified(composer, source: str, shapes: Sequence[tuple[str, str, object]]) -> None:
    """Replace ``source``'s modified geometries in ``composer``'s layers (the caller asks
    for a render)."""
    by_source = _SHAPES.setdefault(composer, {})
    by_source[source] = list(shapes)
    composer.layers.update(modified_layers([shape for shapes_ in by_source.values()
                                            for shape in shapes_]))
