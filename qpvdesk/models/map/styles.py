"""How each reference layer looks, and its legend. Colours are plain "#rrggbb" strings."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..decisions_vocabulary import DECISIONS


@dataclass(frozen=True)
class Symbol:
    geometry: str            # "polygon" | "line" | "point"
    fill: str | None         # "#rrggbb" or None
    stroke: str | None
    stroke_width: float      # px
    size: float = 0.0        # point diameter, px
    shape: str = "circle"    # "circle" | "square" | "triangle" | "diamond"
    hatched: bool = False    # diagonal hatch over the fill (used for "secret statistique")
    fill_alpha: float = 1.0  # the fill's own transparency, under the layer's opacity


@dataclass(frozen=True)
class LegendItem:
    symbol: Symbol
    label: str


@dataclass(frozen=True)
class LayerInfo:
    id: str
    title: str
    geometry: str
    group: str


# Colleges: the shape says the education-priority status, the fill the IPS class.
REP_SHAPES = {"REP+": "triangle", "REP": "diamond", "hors EP": "circle", None: "square"}
REP_LABELS = {"REP+": "REP+", "REP": "REP", "hors EP": "Hors éducation prioritaire",
              None: "Privé sous contrat"}
IPS_BOUNDS = (80.0, 90.0, 100.0)  # IPS below 80 / 80–90 / 90–100 / 100 and more
IPS_COLORS = ("#b2182b", "#ef8a62", "#67a9cf", "#2166ac")  # ColorBrewer RdBu, colour-blind safe
IPS_LABELS = ("IPS inférieur à 80", "IPS de 80 à 90", "IPS de 90 à 100", "IPS de 100 et plus")


def ips_color(ips: float) -> str:
    return IPS_COLORS[sum(ips >= bound for bound in IPS_BOUNDS)]


def college_symbol(rep: str | None, ips: float) -> Symbol:
    return Symbol("point", ips_color(ips), "#202020", 1.0, size=13, shape=REP_SHAPES[rep])


SYMBOLS: dict[str, Symbol] = {
    "iris": Symbol("polygon", None, "#8a8a8a", 0.6),
    "unesco": Symbol("polygon", "#e6d3a3", "#a07c32", 0.8, fill_alpha=0.45),
    "cites": Symbol("polygon", "#c9a27a", "#8c5a2b", 0.7, fill_alpha=0.7),
    "terrils": Symbol("polygon", "#5a5a5a", "#2b2b2b", 0.7, fill_alpha=0.85),
    "communes": Symbol("polygon", None, "#3c3c3c", 1.0),   # Qt's fast stroker: 1 px at most
    "epci": Symbol("polygon", None, "#111111", 2.6),
    "qpv": Symbol("polygon", "#d7301f", "#99000d", 1.6, fill_alpha=0.35),
    "qpv_markers": Symbol("point", "#ffffff", "#d7301f", 2.0, size=12),
    "puits": Symbol("point", "#262626", "#ffffff", 0.8, size=7, shape="square"),
    "colleges": Symbol("point", "#67a9cf", "#202020", 1.0, size=13),
    # the user's own: quartiers vécus purple, perimeter requests orange
    "proposals": Symbol("polygon", "#7b3294", "#40004b", 1.8, fill_alpha=0.35),
    "proposal_perimeters": Symbol("polygon", "#e66101", "#8c2d04", 1.8, fill_alpha=0.35),
    "proposal_points": Symbol("point", "#9e4fc4", "#40004b", 1.4, size=12, shape="diamond"),
    # received from the communes: greens and blues, never the user's own colours
    "received": Symbol("polygon", "#1b9e77", "#00441b", 1.8, fill_alpha=0.35),
    "received_perimeters": Symbol("polygon", "#2c7fb8", "#08306b", 1.8, fill_alpha=0.35),
    "received_points": Symbol("point", "#1b9e77", "#00441b", 1.4, size=12, shape="diamond"),
    # the geometries the agglomeration modified (« retenue avec modifications »)
    "modified": Symbol("polygon", "#9ecae1", "#08306b", 2.4, fill_alpha=0.3),
    "modified_points": Symbol("point", "#9ecae1", "#08306b", 1.8, size=12, shape="square"),
}

# Proposals coloured by the agglomeration's decision (decisions_vocabulary codes); « non
# retenue » is also hatched, so that it never depends on telling red from green.
DECISION_FILLS = {"recue": "#bdbdbd", "a_l_etude": "#fdae61", "retenue": "#1a9850",
                  "retenue_modifiee": "#4575b4", "non_retenue": "#d73027"}
DECISION_HATCHED = frozenset({"non_retenue"})

# Outline and transparency of a layer coloured by a choropleth (the fill comes per feature).
CHOROPLETH_SYMBOL = Symbol("polygon", None, "#5a5a5a", 0.6, fill_alpha=0.85)

QPV_OVER_CHOROPLETH = Symbol("polygon", None, "#3f007d", 2.4)

LAYERS: tuple[LayerInfo, ...] = (  # drawing order: first is drawn first (bottom)
    LayerInfo("iris", "IRIS", "polygon", "Découpages"),
    LayerInfo("unesco", "Bassin minier UNESCO (bien inscrit, zone tampon)", "polygon",
              "Patrimoine minier"),
    LayerInfo("cites", "Cités minières", "polygon", "Patrimoine minier"),
    LayerInfo("terrils", "Terrils", "polygon", "Patrimoine minier"),
    LayerInfo("communes", "Communes", "polygon", "Découpages"),
    LayerInfo("epci", "Intercommunalité", "polygon", "Découpages"),
    LayerInfo("qpv", "Quartiers prioritaires 2024", "polygon", "Politique de la ville"),
    LayerInfo("qpv_markers", "Quartiers prioritaires au périmètre non fourni", "point",
              "Politique de la ville"),
    LayerInfo("puits", "Puits de mine", "point", "Patrimoine minier"),
    LayerInfo("colleges", "Collèges (IPS, REP/REP+)", "point", "Éducation"),
    LayerInfo("proposals", "Mes quartiers vécus", "polygon", "Propositions"),
    LayerInfo("proposal_perimeters", "Mes demandes de modification de périmètre", "polygon",
              "Propositions"),
    LayerInfo("proposal_points", "Mes projets d'équipement", "point", "Propositions"),
    LayerInfo("received", "Quartiers vécus reçus des communes", "polygon", "Propositions"),
    LayerInfo("received_perimeters", "Demandes de périmètre reçues des communes", "polygon",
              "Propositions"),
    LayerInfo("received_points", "Équipements proposés par les communes", "point",
              "Propositions"),
    LayerInfo("modified", "Surfaces modifiées par l'agglomération", "polygon", "Propositions"),
    LayerInfo("modified_points", "Équipements déplacés par l'agglomération", "point",
              "Propositions"),
)
HIDDEN_BY_DEFAULT = frozenset({"iris", "unesco", "terrils", "puits"})
LABELLED_LAYERS = ("qpv", "qpv_markers", "communes")


def layer_info(layer_id: str) -> LayerInfo:
    return next(info for info in LAYERS if info.id == layer_id)


def default_legend(layer_id: str) -> list[LegendItem]:
    """The legend of a layer drawn with its own symbols (no choropleth)."""
    if layer_id == "colleges":
        shapes = [LegendItem(Symbol("point", "#ffffff", "#202020", 1.0, size=13,
                                    shape=REP_SHAPES[rep]), label)
                  for rep, label in REP_LABELS.items()]
        colors = [LegendItem(Symbol("point", color, "#202020", 1.0, size=13), label)
                  for color, label in zip(IPS_COLORS, IPS_LABELS)]
        return shapes + colors
    titles = {"qpv": "Périmètre QPV 2024", "communes": "Limite communale",
              "qpv_markers": "QPV placé dans sa commune (périmètre non fourni)",
              "epci": "Limite de l'agglomération", "iris": "Limite d'IRIS",
              "proposals": "Quartier vécu",
              "proposal_perimeters": "Demande de modification de périmètre",
              "proposal_points": "Projet d'équipement",
              "received": "Quartier vécu reçu",
              "received_perimeters": "Demande de périmètre reçue",
              "received_points": "Équipement proposé par une commune",
              "modified": "Surface modifiée par l'agglomération",
              "modified_points": "Emplacement modifié par l'agglomération"}
    return [LegendItem(SYMBOLS[layer_id], titles.get(layer_id, layer_info(layer_id).title))]


def decision_symbol(layer_id: str, decision: str | None) -> Symbol:
    """A proposal layer's symbol filled with the colour of a decision (None: the layer's
    own look, for a proposal no response speaks of yet)."""
    symbol = SYMBOLS[layer_id]
    if decision is None:
        return symbol
    return replace(symbol, fill=DECISION_FILLS[decision],
                   hatched=decision in DECISION_HATCHED,
                   fill_alpha=max(symbol.fill_alpha, 0.6))


def decision_legend(layer_id: str, decisions: list[str | None]) -> list[LegendItem]:
    """The legend of a proposal layer coloured by decision: one item per decision shown,
    the layer's own look first for the proposals no response speaks of."""
    items = default_legend(layer_id) if None in decisions else []
    items += [LegendItem(decision_symbol(layer_id, code), label)
              for code, label in DECISIONS.items() if code in decisions]
    return items
