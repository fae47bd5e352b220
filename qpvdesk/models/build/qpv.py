"""The CALL's 22 QPV of the 2024 geography (data/sources/), their communes and the
2015 <-> 2024 correspondence."""
from __future__ import annotations

import shapely

from .context import BuildContext
from .errors import SourceError
from .readers import as_multi
from .schema import insert_rows

PERIMETERS = "qpv_perimetres/qpv_2024_call.geojson"
CODES = "qpv_liste_codes/call_qpv_codes_2015_2024.csv"

CORRESPONDENCE_COLUMNS = ["code_2024", "name_2024", "code_2015", "name_2015", "communes_2015",
                          "communes_2024", "same_communes", "perimeter_2015_bundled", "note",
                          "confidence", "figures_linked", "method", "other_candidates_2015",
                          "source"]
CALL_METHOD = ("Même numéro d'ordre et même nom en 2015 et en 2024 (liste des QPV de la CALL, "
               "noms identiques pour les 22 paires)")
CORRESPONDENCE_NOTE = (
    "Seuls les périmètres 2024 sont fournis : les périmètres 2015 ne sont pas inclus. "
    "Les indicateurs INSEE (DEMO, REVN, IPRO) portent sur la géographie 2015 (code QP), "
    "les contours dessinés sont ceux de 2024 (code QN). Les deux codes partagent le numéro "
    "d'ordre et le nom, mais le périmètre a pu changer."
)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def build_qpv(ctx: BuildContext, communes: dict[str, str]) -> dict[str, str]:
    """Insert QPV, links and correspondence; returns 2015 code -> 2024 code."""
    shapes = ctx.geojson(PERIMETERS, ["code_qp", "nom_qp", "communes", "insee_com",
                                      "communes_in_call", "communes_outside_call", "siren_epci",
                                      "code_qp_2015_same_number", "share_area_in_call"],
                         {"MultiPolygon", "Polygon"}, "qpv", "qpv_commune")
    codes = ctx.csv(CODES, ["code_qp_2015", "lib_qp_2015", "insee_com_2015", "code_qp_2024",
                            "lib_qp_2024", "insee_com_2024", "communes_2015"],
                    "qpv_correspondence", "qpv_commune", "territory", delimiter=",")
    listing = {row["code_qp_2024"]: (index, row) for index, row in enumerate(codes.rows)}
    commune_geometries = dict(ctx.conn.execute(
        "SELECT insee, AsBinary(geom) FROM commune").fetchall())
    qpv_rows, link_rows, names_outside = [], [], {}
    for index, feature in shapes.iterrows():
        code = feature["code_qp"]
        feature_number = index + 1
        if code not in listing:
            raise SourceError(ctx.path(PERIMETERS), f"QPV {code} is not in {CODES}",
                              feature_number, "feature")
        row_index, listed = listing[code]
        code_2015 = feature["code_qp_2015_same_number"]
        if listed["code_qp_2015"] != code_2015 or code[5:7] != code_2015[6:8]:
            raise SourceError(codes.path, f"2015 code {listed['code_qp_2015']} does not match "
                                          f"{code} ({code_2015})", codes.row_number(row_index))
        geometry = as_multi(feature.geometry)
        insee_codes, commune_names = _split(feature["insee_com"]), _split(feature["communes"])
        if len(insee_codes) != len(commune_names):
            raise SourceError(ctx.path(PERIMETERS), "insee_com and communes differ in length",
                              feature_number, "feature")
        names_outside.update(zip(insee_codes, commune_names))
        in_call = [c for c in insee_codes if c in communes]
        outside = [c for c in insee_codes if c not in communes]
        qpv_rows.append((code, code_2015, feature["nom_qp"], ",".join(in_call),
                         ",".join(outside), ",".join(sorted(_split(feature["siren_epci"]))),
                         round(geometry.area / 10_000, 2), float(feature["share_area_in_call"]),
                         code[-1], PERIMETERS, shapely.to_wkb(geometry)))
        for commune in insee_codes:
            area = None
            if commune in commune_geometries:
                area = round(geometry.intersection(
                    shapely.from_wkb(commune_geometries[commune])).area / 10_000, 2)
            link_rows.append((code, 2024, commune, communes.get(commune, names_outside[commune]),
                              int(commune in communes), area))
    qpv_rows.sort()
    insert_rows(ctx.conn, "qpv", ["code", "code_2015", "name", "communes_in_call",
                                  "communes_outside_call", "epci_sirens", "area_ha",
                                  "share_in_call", "letter", "perimeter_source", "geom"],
                qpv_rows)
    link_rows.extend(_links_2015(codes, communes, names_outside))
    insert_rows(ctx.conn, "qpv_commune", ["qpv_code", "geography", "commune_insee",
                                          "commune_name", "in_call", "area_ha_in_commune"],
                sorted(link_rows))
    insert_rows(ctx.conn, "qpv_correspondence", CORRESPONDENCE_COLUMNS,
                sorted((r["code_qp_2024"], r["lib_qp_2024"], r["code_qp_2015"], r["lib_qp_2015"],
                        r["insee_com_2015"], r["insee_com_2024"],
                        int(sorted(_split(r["insee_com_2015"]))
                            == sorted(_split(r["insee_com_2024"]))),
                        0, CORRESPONDENCE_NOTE, "haute", 1, CALL_METHOD, "", CODES)
                       for r in codes.rows))
    # The QPV of the indicator tables are the 2015 ones: territory rows use their codes.
    insert_rows(ctx.conn, "territory", ["kind", "code", "name"],
                sorted(("qpv", r["code_qp_2015"], r["lib_qp_2015"]) for r in codes.rows))
    if len(qpv_rows) != len(codes.rows):
        raise SourceError(codes.path, f"{len(codes.rows)} QPV listed but {len(qpv_rows)} "
                                      "perimeters found")
    return {r["code_qp_2015"]: r["code_qp_2024"] for r in codes.rows}


def _links_2015(codes, communes: dict[str, str], names: dict[str, str]) -> list[tuple]:
    links = []
    for index, row in enumerate(codes.rows):
        commune_codes = _split(row["insee_com_2015"])
        commune_names = _split(row["communes_2015"])
        if len(commune_codes) != len(commune_names):
            raise SourceError(codes.path, "insee_com_2015 and communes_2015 differ in length",
                              codes.row_number(index))
        for commune, name in zip(commune_codes, commune_names):
            links.append((row["code_qp_2024"], 2015, commune, communes.get(commune, name),
                          int(commune in communes), None))
    return links
