"""Mining-heritage context: UNESCO Bassin minier layers that intersect the CALL."""
from __future__ import annotations

import json

import shapely

from ..search import normalize
from .context import BuildContext
from .readers import as_multi
from .schema import insert_rows

FOLDER = "bassin_minier_unesco_call"
POLYGONS = {"Polygon", "MultiPolygon"}

# table -> [(file, layer label stored in 'type' when the file has no type of its own)]
LAYERS = {
    "heritage_cite": [("cites-minieres_call.geojson", "Cité minière")],
    "heritage_terril": [("terrils_call.geojson", "Terril")],
    "heritage_bati": [("batis_call.geojson", "Bâti minier")],
    "heritage_puits": [("puits-de-mines_call.geojson", "Puits de mine")],
    "unesco_perimetre": [("bien-inscrit_call.geojson", "Bien inscrit"),
                         ("zone-tampon_call.geojson", "Zone tampon")],
}


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def _communes(properties: dict, official: dict[str, str]) -> str | None:
    """The communes a feature lists, written as the COG writes them (« ELEU-DIT-LEAUWETTE »
    and « Eleu-dit-Leauwette » in the source are « Éleu-dit-Leauwette »)."""
    names = [_text(properties.get(key)) for key in
             ("commune", "commune_1", "commune_2", "commune_3", "commune_4", "commune_5")]
    names = [official.get(normalize(name), name.title() if name.isupper() else name)
             for name in names if name]
    return ", ".join(names) or None


def _name(properties: dict, default: str) -> str:
    for key in ("nom", "denomination", "fosse"):
        if _text(properties.get(key)):
            prefix = "Fosse " if key == "fosse" else ""
            return prefix + _text(properties[key])
    return default


def build_heritage(ctx: BuildContext) -> None:
    official = {normalize(name): name
                for (name,) in ctx.conn.execute("SELECT name FROM commune")}
    for table, files in LAYERS.items():
        rows = []
        for name, label in files:
            relative = f"{FOLDER}/{name}"
            expected = {"Point"} if table == "heritage_puits" else POLYGONS
            frame = ctx.geojson(relative, [], expected, table)
            for _, feature in frame.iterrows():
                properties = {key: _text(feature[key]) for key in frame.columns
                              if key != "geometry" and _text(feature[key]) is not None}
                geometry = feature.geometry if table == "heritage_puits" else as_multi(
                    feature.geometry)
                rows.append([_name(properties, label), _communes(properties, official),
                             properties.get("typologie") or properties.get("type") or label,
                             properties.get("compagnie"), properties.get("interet"),
                             properties.get("id_unesco"),
                             json.dumps(properties, ensure_ascii=False, sort_keys=True),
                             shapely.to_wkb(geometry)])
        rows.sort(key=lambda row: (row[0], row[6]))
        insert_rows(ctx.conn, table, ["id", "name", "communes", "type", "compagnie", "interet",
                                      "unesco_id", "properties", "geom"],
                    [[number] + row for number, row in enumerate(rows, start=1)])
