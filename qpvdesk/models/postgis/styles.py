"""QGIS styles for the published layers, in QGIS's own ``public.layer_styles`` table, so that
QGIS opens the layers styled: the app's colours (models/map/styles.py), by kind for the
consolidated proposals, by decision for the latest decisions.

A table with mixed geometries is opened by QGIS as one layer per geometry type; its
``layer_styles`` has a ``type`` column (« Point », « Polygon ») for exactly that, and QGIS
3.22 looks the default style up by table, geometry column and type.

A style is written once and then left alone unless qpvdesk's own style changed and nobody
edited it since: ``description`` keeps the hash of the QML qpvdesk wrote, so a style a GIS
officer saved over it in QGIS is never overwritten, and the officer's own default style stays
the default.
"""
from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..decisions_vocabulary import DECISIONS
from ..map.styles import DECISION_FILLS, DECISION_HATCHED, SYMBOLS, Symbol
from ..proposals.vocabulary import KINDS

PX_TO_MM = 25.4 / 96
# The app's map styles: decisions coloured as on its map (« non retenue » also hatched), the
# geometries the agglomeration modified as its « modified » layers.
MODIFIED_SYMBOLS = {"Polygon": SYMBOLS["modified"], "Point": SYMBOLS["modified_points"]}
STYLE_MARK = "qpvdesk:"
QGIS_VERSION = "3.22.16-Białowieża"


def _rgba(colour: str | None, alpha: float = 1.0) -> str:
    if not colour:
        return "0,0,0,0"
    value = colour.lstrip("#")
    red, green, blue = (int(value[index:index + 2], 16) for index in (0, 2, 4))
    return f"{red},{green},{blue},{round(alpha * 255)}"


def _options(parent: ET.Element, values: dict[str, str]) -> None:
    mapping = ET.SubElement(parent, "Option", type="Map")
    for name, value in values.items():
        ET.SubElement(mapping, "Option", type="QString", name=name, value=value)


def _symbol(name: str, symbol: Symbol) -> ET.Element:
    point = symbol.geometry == "point"
    element = ET.Element("symbol", type="marker" if point else "fill", name=name, alpha="1",
                         clip_to_extent="1", force_rhr="0")
    layer = ET.SubElement(element, "layer", {"class": "SimpleMarker" if point else "SimpleFill",
                                             "enabled": "1", "locked": "0", "pass": "0"})
    outline = f"{max(symbol.stroke_width, 0.0) * PX_TO_MM:.2f}"
    if point:
        _options(layer, {"name": symbol.shape, "color": _rgba(symbol.fill, symbol.fill_alpha),
                         "outline_color": _rgba(symbol.stroke), "outline_style": "solid",
                         "outline_width": outline, "outline_width_unit": "MM",
                         "size": f"{symbol.size * PX_TO_MM:.2f}", "size_unit": "MM",
                         "scale_method": "diameter", "angle": "0"})
    else:
        _options(layer, {"color": _rgba(symbol.fill, symbol.fill_alpha),
                         "style": "solid" if symbol.fill else "no",
                         "outline_color": _rgba(symbol.stroke), "outline_style": "solid",
                         "outline_width": outline, "outline_width_unit": "MM",
                         "joinstyle": "bevel"})
        if symbol.hatched:
            hatch = ET.SubElement(element, "layer", {"class": "SimpleFill", "enabled": "1",
                                                     "locked": "0", "pass": "0"})
            _options(hatch, {"color": _rgba(symbol.stroke), "style": "b_diagonal",
                             "outline_style": "no", "outline_color": "0,0,0,0",
                             "outline_width": "0", "outline_width_unit": "MM"})
    return element


def categorized_qml(attribute: str, categories: Sequence[tuple[str, str, Symbol]],
                    geometry: str) -> str:
    """A QML document: features coloured by the value of ``attribute``; ``categories`` are
    (value, French label, symbol); ``geometry`` is « Point » or « Polygon »."""
    root = ET.Element("qgis", version=QGIS_VERSION, styleCategories="Symbology")
    renderer = ET.SubElement(root, "renderer-v2", type="categorizedSymbol", attr=attribute,
                             symbollevels="0", enableorderby="0", forceraster="0",
                             referencescale="-1")
    listed = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for number, (value, label, symbol) in enumerate(categories):
        ET.SubElement(listed, "category", value=value, label=label, symbol=str(number),
                      render="true")
        symbols.append(_symbol(str(number), symbol))
    ET.SubElement(root, "layerGeometryType").text = "0" if geometry == "Point" else "2"
    ET.indent(root, " ")
    return ("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            + ET.tostring(root, encoding="unicode") + "\n")


@dataclass(frozen=True)
class LayerStyle:
    table: str              # in the qpvdesk schema
    geometry_type: str      # « Point » | « Polygon » (layer_styles.type)
    name: str
    description: str
    qml: str
    column: str = "geom"

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.qml.encode("utf-8")).hexdigest()

    @property
    def full_description(self) -> str:
        return f"{self.description} ({STYLE_MARK}{self.digest})"


def _kind_styles() -> list[LayerStyle]:
    points = [("equipement", KINDS["equipement"], SYMBOLS["received_points"])]
    polygons = [("quartier_vecu", KINDS["quartier_vecu"], SYMBOLS["received"]),
                ("perimetre", KINDS["perimetre"], SYMBOLS["received_perimeters"])]
    text = "Propositions consolidées des communes, par type (qpvdesk)"
    return [LayerStyle("proposition", "Point", "qpvdesk — par type", text,
                       categorized_qml("type", points, "Point")),
            LayerStyle("proposition", "Polygon", "qpvdesk — par type", text,
                       categorized_qml("type", polygons, "Polygon"))]


def _decision_styles() -> list[LayerStyle]:
    styles = []
    text = "Dernière décision de l'agglomération sur chaque proposition (qpvdesk)"
    for geometry, base in (("Point", SYMBOLS["received_points"]),
                           ("Polygon", SYMBOLS["received"])):
        categories = [(code, label, replace(base, fill=DECISION_FILLS[code], stroke="#303030",
                                            fill_alpha=max(base.fill_alpha, 0.55),
                                            hatched=code in DECISION_HATCHED))
                      for code, label in DECISIONS.items()]
        styles.append(LayerStyle("decision_courante", geometry, "qpvdesk — par décision", text,
                                 categorized_qml("decision", categories, geometry)))
        modified = [("retenue_modifiee", "Géométrie modifiée par l'agglomération",
                     MODIFIED_SYMBOLS[geometry])]
        styles.append(LayerStyle("geometrie_modifiee", geometry, "qpvdesk — géométrie modifiée",
                                 "Géométries modifiées par l'agglomération (qpvdesk)",
                                 categorized_qml("decision", modified, geometry)))
    return styles


def layer_styles() -> list[LayerStyle]:
    """Every style qpvdesk publishes."""
    return _kind_styles() + _decision_styles()


_CREATE_LAYER_STYLES = """CREATE TABLE public.layer_styles (
    id serial PRIMARY KEY,
    f_table_catalog varchar, f_table_schema varchar, f_table_name varchar,
    f_geometry_column varchar, stylename text, styleqml xml, stylesld xml,
    useasdefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER,
    ui xml, update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)"""


@dataclass
class StylesOutcome:
    written: int = 0          # inserted or brought up to date
    kept: int = 0             # edited by someone in QGIS since qpvdesk wrote them: left alone
    problem: str | None = None   # French, when the styles could not be written at all


def write_styles(cur, target, styles: Sequence[LayerStyle] | None = None) -> StylesOutcome:
    """Write qpvdesk's styles into public.layer_styles (created in QGIS's layout if absent),
    inside a savepoint: without the rights on public.layer_styles the data is still published
    and the outcome says why the styles are missing."""
    from psycopg import errors

    styles = layer_styles() if styles is None else styles
    outcome = StylesOutcome()
    cur.execute("SAVEPOINT qpvdesk_styles")
    try:
        cur.execute("SELECT to_regclass('public.layer_styles') IS NOT NULL")
        if not cur.fetchone()[0]:
            cur.execute(_CREATE_LAYER_STYLES)
        cur.execute("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                    "'public' AND table_name = 'layer_styles' AND column_name = 'type'")
        if not cur.fetchone()[0]:   # written by a QGIS older than 3.22: QGIS adds it too
            cur.execute("ALTER TABLE public.layer_styles ADD COLUMN type varchar NULL")
        for style in styles:
            _write_style(cur, style, outcome)
    except errors.InsufficientPrivilege:
        cur.execute("ROLLBACK TO SAVEPOINT qpvdesk_styles")
        return StylesOutcome(problem=(
            f"Les styles QGIS n'ont pas été enregistrés : l'utilisateur « {target.user} » n'a "
            f"pas le droit de créer ou de modifier la table public.layer_styles de {target} "
            "(demandez-le à l'administrateur de la base) ; les données sont publiées."))
    cur.execute("RELEASE SAVEPOINT qpvdesk_styles")
    return outcome


def _write_style(cur, style: LayerStyle, outcome: StylesOutcome) -> None:
    key = (style.table, style.column, style.geometry_type, style.name)
    cur.execute("SELECT id, styleqml::text, description FROM public.layer_styles "
                "WHERE f_table_catalog = current_database() AND f_table_schema = 'qpvdesk' "
                "AND f_table_name = %s AND f_geometry_column = %s AND type = %s "
                "AND stylename = %s ORDER BY id", key)
    rows = cur.fetchall()
    if not rows:
        cur.execute(
            "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, "
            "f_geometry_column, stylename, styleqml, stylesld, useasdefault, description, "
            "owner, ui, update_time, type) SELECT current_database(), 'qpvdesk', %s, %s, %s, "
            "XMLPARSE(DOCUMENT %s), NULL, NOT EXISTS (SELECT 1 FROM public.layer_styles "
            "WHERE f_table_catalog = current_database() AND f_table_schema = 'qpvdesk' AND "
            "f_table_name = %s AND f_geometry_column = %s AND (type = %s OR type IS NULL) "
            "AND useasdefault), %s, current_user, NULL, now(), %s",
            (style.table, style.column, style.name, style.qml, style.table, style.column,
             style.geometry_type, style.full_description, style.geometry_type))
        outcome.written += 1
        return
    identifier, stored, description = rows[0]
    stored_digest = hashlib.sha256((stored or "").encode("utf-8")).hexdigest()
    if stored_digest == style.digest:
        return
    if f"{STYLE_MARK}{stored_digest}" not in (description or ""):
        outcome.kept += 1   # someone saved their own version under this name
        return
    cur.execute("UPDATE public.layer_styles SET styleqml = XMLPARSE(DOCUMENT %s), "
                "description = %s, update_time = now() WHERE id = %s AND styleqml::text = %s",
                (style.qml, style.full_description, identifier, stored))
    if cur.rowcount:
        outcome.written += 1
    else:
        outcome.kept += 1   # changed between our read and our write: theirs stays
