"""A choropleth applied to a layer: one fill per feature, the hatched ones, and the legend."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from ..choropleth import (METHODS, NO_DATA_COLORS, ChoroplethLegend, classify,
                          indicator_values, latest_edition, legend, period_label)
from .layers import FeatureLayer
from .map_state import ChoroplethSetting
from .styles import LegendItem, Symbol


LEGEND_TERRITORIES = {"iris": "IRIS", "qpv": "QPV"}


@dataclass(frozen=True)
class Thematic:
    setting: ChoroplethSetting
    title: str                  # "Revenu disponible médian par UC (€ par UC), 2019"
    fills: list[str]            # one "#rrggbb" per feature of the layer
    hatched: np.ndarray         # bool per feature: secret values
    legend: list[LegendItem]    # for the layer list
    note: str | None
    key: ChoroplethLegend       # the legend drawn on the map, in the panel, in snapshots


# A layer with no shape to colour (outside the CALL: no IRIS, QPV without perimeters).
NO_SHAPES = {
    "qpv": "Les périmètres des QPV de cette agglomération ne sont pas fournis : ils ne peuvent "
           "pas être colorés. Importez-les avec Fichier › Importer les périmètres des QPV… "
           "(fichier national de l'ANCT).",
    "iris": "Les contours IRIS ne sont fournis que pour la CA de Lens-Liévin : la carte "
            "thématique par IRIS n'est pas disponible pour cette agglomération.",
    "other": "Cette couche n'a aucune forme à colorer dans la base ouverte.",
}


def build_thematic(store, layer: FeatureLayer, setting: ChoroplethSetting) -> Thematic:
    """Classify the indicator over the layer's features. Raises ValueError (French) when the
    indicator has no value to classify."""
    row = store.conn.execute("SELECT label, unit, unfavourable FROM indicator WHERE id = ?",
                             (setting.indicator_id,)).fetchone()
    if row is None:
        raise ValueError(f"Indicateur inconnu : {setting.indicator_id}")
    label, unit, unfavourable = row
    if not len(layer):
        raise ValueError(NO_SHAPES.get(layer.id, NO_SHAPES["other"]))
    by_key = indicator_values(store, layer.id, setting.indicator_id, setting.edition)
    edition = setting.edition or latest_edition(store, layer.id, setting.indicator_id)
    values = [by_key.get(key, (None, "missing")) for key in layer.keys]
    classification = classify([value for value, status in values if status == "ok"],
                              setting.method, setting.classes)
    if unfavourable == "low":
        # the darkest colour always marks the most unfavourable situation (low income...)
        classification = replace(classification, colors=classification.colors[::-1])
    fills, hatched = [], np.zeros(len(values), dtype=bool)
    for index, (value, status) in enumerate(values):
        if status == "ok":
            fills.append(classification.colors[classification.class_of(value)])
        else:
            fills.append(NO_DATA_COLORS[status])
            hatched[index] = status == "secret"
    counts = Counter(status for _, status in values)
    entries = legend(classification, unit, counts["secret"], counts["missing"],
                     counts["non_publie"])
    items = [LegendItem(Symbol("polygon", entry.color, "#5a5a5a", 0.6,
                               hatched=entry.kind == "secret"), entry.label)
             for entry in entries]
    note = None
    if layer.id == "qpv":
        note = ("Indicateurs INSEE calculés sur la géographie 2015 des QPV, "
                "dessinés sur les périmètres 2024.")
    key = ChoroplethLegend(label, unit, period_label(store, layer.id, setting.indicator_id,
                                                     edition),
                           METHODS[setting.method], LEGEND_TERRITORIES[layer.id],
                           tuple(entries), note)
    return Thematic(setting, f"{label} ({unit}), {edition}", fills, hatched, items, note, key)


