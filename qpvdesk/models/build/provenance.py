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
    "insee_comparateur_2022": Source(
        "INSEE – comparateur de territoires, base communale", "Licence Ouverte 2.0 (Etalab)",
        "Édition 2022 : recensement 2018, Filosofi 2019 (36 communes de la CALL)",
        "klopstock-dviz/dataviz_elections dc586280 (fichier de diffusion INSEE)"),
    "insee_comparateur_2022_national": Source(
        "INSEE – comparateur de territoires, base communale (France entière)",
        "Licence Ouverte 2.0 (Etalab)",
        "Édition 2022 : recensement 2018, Filosofi 2019 (toutes les communes, COG 2021)",
        "klopstock-dviz/dataviz_elections dc586280, base_cc_comparateur.CSV (compressé gzip)"),
    "insee_comparateur_2025": Source(
        "INSEE – comparateur de territoires, base communale (lignes transcrites)",
        "Licence Ouverte 2.0 (Etalab)",
        "Édition 2025 : recensement 2022 (36 communes de la CALL, transcrites et contrôlées)",
        "watashi-clara/outil_decisionel dd9dfab7, data/base_cc_comparateur.csv"),
    "ot_neet_2008_2018": Source(
        "ANCT – Observatoire des territoires (d'après INSEE, recensement)",
        "Licence Ouverte 2.0 (Etalab)", "Recensements 2007 à 2018",
        "aubryprieur/streamlit_data_territoire 2d0c90b8"),
    "ot_epci_indicateurs_2021_2022": Source(
        "ANCT – Observatoire des territoires (d'après INSEE, recensement et Filosofi)",
        "Licence Ouverte 2.0 (Etalab)", "Recensement 2022, Filosofi 2021 (EPCI)",
        "JustineVilleneuve/diag_360 c08a2f45, abf0e61e (valeurs transcrites)"),
    "insee_filosofi_tp60_2015_2016": Source(
        "INSEE – Filosofi, communes et EPCI (taux de pauvreté)", "Licence Ouverte 2.0 (Etalab)",
        "Revenus 2015 et 2016", "InseeFrLab/DoReMIFaSol 26769962 (fichiers .rda convertis)"),
    "insee_filosofi_qpv_2016_2019": Source(
        "INSEE – Filosofi, revenus disponibles localisés par quartier prioritaire",
        "Licence Ouverte 2.0 (Etalab)", "Revenus 2016 à 2019, géographie QPV 2015",
        "aubryprieur/streamlit_data_territoire c0b30923"),
    "insee_bpe_2018_2019_comptages": Source(
        "INSEE – Base permanente des équipements (comptages par IRIS et type)",
        "Licence Ouverte 2.0 (Etalab)", "BPE 2018 et 2019",
        "InseeFrLab/DoReMIFaSol 26769962 (fichiers .rda convertis)"),
    "anct_politique_ville_postes_adultes_relais_fonjep": Source(
        "ANCT – crédits politique de la ville (Dauphin), application Ci.Ville",
        "Licence Ouverte 2.0 (Etalab)", "Postes 2020 à 2025 du contrat de ville de la CALL",
        "anct-carto/ci-ville 7465bbcf ; anct-carto/ci-ville2 c4110278"),
    "ssmsi_delinquance_dep62_reg32": Source(
        "SSMSI – ministère de l'Intérieur, délinquance enregistrée", "Licence Ouverte 2.0 (Etalab)",
        "Édition 2024, faits 2016 à 2023 (département 62, région 32)",
        "aubryprieur/streamlit_data_territoire 7618e8e9"),
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
