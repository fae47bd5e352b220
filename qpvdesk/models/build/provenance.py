"""Who produced each bundled source, under which licence and vintage (from each PROVENANCE.md)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    producer: str
    licence: str
    vintage: str
    original_location: str


SOURCES: dict[str, Source] = {
    "qpv_perimetres": Source(
        "ANCT – SIG Ville", "Licence Ouverte / Open Licence 2.0 (Etalab)",
        "Géographie prioritaire 2024 (décret n° 2023-1314)",
        "data.gouv.fr, jeu 5a561801c751df42d7fca9b6, QP2024_France_Hexagonale_Outre_Mer_WGS84 "
        "(copie ColombbusMedNum/Colombbus, commit 9a6da669)"),
    "qpv_liste_codes": Source(
        "INSEE (codes 2015) ; ANCT – SIG Ville (codes 2024)", "Licence Ouverte 2.0 (Etalab)",
        "QPV 2015 (base DEMO 2022) et QPV 2024",
        "aubryprieur/streamlit_data_territoire 7618e8e9 ; anct-carto/superposeur-V2 3f2b0c0b"),
    "insee_qpv_indicateurs": Source(
        "INSEE – bases « Quartiers de la politique de la ville » DEMO, REVN, IPRO",
        "Licence Ouverte 2.0 (Etalab), mention de la source INSEE",
        "Éditions 2017 à 2022, géographie QPV 2015",
        "aubryprieur/streamlit_data_territoire, commit 7618e8e9 (copies des fichiers INSEE)"),
    "communes_epci_call": Source(
        "IGN Admin Express COG 2018 (contours) ; DGCL / INSEE via @etalab/decoupage-administratif"
        " (membres, populations)", "Licence Ouverte 2.0 (Etalab)",
        "Contours 2018 simplifiés ; COG 2026, populations légales 2023",
        "gregoiredavid/france-geojson 5d34ee6d ; npm @etalab/decoupage-administratif 6.0.0"),
    "iris_contours_2020": Source(
        "IGN – INSEE, Contours IRIS 2020 ; liste des IRIS INSEE 2021",
        "Licence Ouverte 2.0 (Etalab)", "Contours IRIS édition 2020 (précision ~12 m)",
        "bovine3dom/france-iris 252071bf (tuiles z9) ; aubryprieur/streamlit_data_territoire"),
    "insee_filosofi_caf": Source(
        "INSEE – Filosofi (revenus disponibles) ; CNAF via INSEE (données CAF par IRIS)",
        "Licence Ouverte 2.0 (Etalab), mention de la source INSEE",
        "Filosofi 2014 à 2019 ; CAF 2016 à 2020",
        "aubryprieur/streamlit_data_territoire, commit 7618e8e9 (copies des fichiers INSEE)"),
    "education_ips_rep": Source(
        "Ministère de l'Éducation nationale (IPS, annuaire) ; carte REP/REP+ polov",
        "Licence Ouverte 2.0 (Etalab)",
        "IPS collèges 2023-2024 ; IPS écoles 2021-2022 ; REP/REP+ vers 2021",
        "JulienDepelchin/ips 80c8146e ; polov/academie_lille_clg_lyc cf4258c7 ; "
        "NicolasBchb/IPS_dataviz 01f92ef9"),
    "bassin_minier_unesco_call": Source(
        "Mission Bassin Minier (geo2france) – Bassin minier Patrimoine mondial UNESCO ; "
        "geo.api.gouv.fr", "Licence Ouverte 2.0 (Etalab)",
        "Inscription UNESCO 2012 ; couches Mission Bassin Minier",
        "rlespinasse/bassin-minier-unesco, commit db8dc78f"),
    "anct_typologies_communes": Source(
        "ANCT ; INSEE (grille de densité) ; Inrae/CESAER (centralités)",
        "Licence Ouverte attendue (non précisée dans le dépôt source)",
        "ANCT 2026 ; centralités 2021",
        "anct-carto/superposeur-V2, commit 3f2b0c0b"),
}


def provenance_rows(table_sources: dict[str, list[str]]) -> list[tuple]:
    """(table, source path, producer, licence, vintage, original location), sorted."""
    rows = []
    for table, paths in table_sources.items():
        for path in sorted(set(paths)):
            source = SOURCES[path.split("/", 1)[0]]
            rows.append((table, path, source.producer, source.licence, source.vintage,
                         source.original_location))
    return sorted(rows)
