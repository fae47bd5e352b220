"""Collèges (IPS 2023-2024, REP/REP+), écoles (IPS 2021-2022), public secondary schools."""
from __future__ import annotations

import shapely

from .context import BuildContext
from .errors import SourceError
from .readers import number_cell
from .schema import insert_rows

COLLEGES = "education_ips_rep/colleges_call_ips_2023_2024_rep.geojson"
ECOLES = "education_ips_rep/ecoles_call_ips_2021_2022.csv"
SECONDARY = "education_ips_rep/etablissements_publics_2nd_degre_call_rep_polov.geojson"
REP_VINTAGE = "carte REP/REP+ vers 2021"
REP_LABELS = {"REP+": "REP+", "REP": "REP", "NON": "hors EP", "": None, None: None}


def _rep(value, path, row: int) -> str | None:
    if isinstance(value, float) and value != value:  # pandas reads an absent value as NaN
        value = None
    if value not in REP_LABELS:
        raise SourceError(path, f"unknown education-priority status {value!r}", row, "feature")
    return REP_LABELS[value]


def build_education(ctx: BuildContext, communes: dict[str, str]) -> None:
    colleges = ctx.geojson(COLLEGES, ["uai", "appellation_officielle", "code_commune", "secteur",
                                      "ips", "rentree_scolaire", "rep_polov_2021"],
                           {"Point"}, "college")
    rows = []
    for index, college in colleges.iterrows():
        if college["code_commune"] not in communes:
            raise SourceError(ctx.path(COLLEGES), f"commune {college['code_commune']} outside "
                                                  "the CALL", index + 1, "feature")
        rep = _rep(college["rep_polov_2021"], ctx.path(COLLEGES), index + 1)
        rows.append((college["uai"], college["appellation_officielle"], college["code_commune"],
                     communes[college["code_commune"]], college["secteur"], float(college["ips"]),
                     college["rentree_scolaire"], rep, REP_VINTAGE if rep else None,
                     shapely.to_wkb(college.geometry)))
    insert_rows(ctx.conn, "college", ["uai", "name", "commune_insee", "commune_name", "sector",
                                      "ips", "ips_school_year", "rep", "rep_vintage", "geom"],
                sorted(rows))

    ecoles = ctx.csv(ECOLES, ["Rentrée scolaire", "UAI", "Nom de l'établissment",
                              "Code INSEE de la commune", "Secteur", "IPS"], "ecole",
                     delimiter=",")
    rows = []
    for index, ecole in enumerate(ecoles.rows):
        commune = ecole["Code INSEE de la commune"]
        if commune not in communes:
            raise SourceError(ecoles.path, f"commune {commune} outside the CALL",
                              ecoles.row_number(index))
        ips = number_cell(ecoles, index, "IPS")
        if ips is None:
            raise SourceError(ecoles.path, "IPS is empty", ecoles.row_number(index))
        rows.append((ecole["UAI"], ecole["Nom de l'établissment"], commune, communes[commune],
                     ecole["Secteur"], ips, ecole["Rentrée scolaire"]))
    insert_rows(ctx.conn, "ecole", ["uai", "name", "commune_insee", "commune_name", "sector",
                                    "ips", "ips_school_year"], sorted(rows))

    secondary = ctx.geojson(SECONDARY, ["uai", "nature", "nom", "commune", "classement_rep"],
                            {"Point"}, "etablissement_second_degre")
    rows = [(s["uai"], s["nature"], s["nom"], s["commune"],
             _rep(s["classement_rep"], ctx.path(SECONDARY), i + 1) or "hors EP",
             shapely.to_wkb(s.geometry)) for i, s in secondary.iterrows()]
    insert_rows(ctx.conn, "etablissement_second_degre",
                ["uai", "nature", "name", "commune_name", "rep", "geom"], sorted(rows))
