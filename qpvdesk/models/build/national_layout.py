"""The files of the national data pack (data/national/) and what each one is for.

The pack holds INSEE, ANCT, IGN and Etalab files for all of France, gzip-compressed, each
decompressing to the exact bytes its PROVENANCE.md describes (the MANIFEST.csv gives their
sha256, checked on every read). ``tools/make_national_pack.py`` builds the pack from these names;
the EPCI build (``epci_builder.py``) reads them. Names are paths inside the pack, without the
``.gz`` suffix, and are written into the database prefixed with ``national/``.

Standard library only.
"""
from __future__ import annotations

from typing import Final

PREFIX: Final = "national/"

COMMUNES: Final = "cog_communes_epci/communes_cog2026.csv"
EPCI_LIST: Final = "cog_communes_epci/epci_cog2026.csv"
COMMUNES_DELEGUEES: Final = "cog_communes_epci/communes_deleguees_associees_arm_cog2026.csv"
COMMUNE_SHAPES: Final = "communes_epci_contours/communes_cog2026_simplifie.geojson"
EPCI_SHAPES: Final = "communes_epci_contours/epci_cog2026_dissous.geojson"
QPV_COMMUNES: Final = "qpv2024_liste_anct/qpv2024_communes.csv"
QPV_PASSAGE: Final = "qpv_passage_2015_2024/passage_qp2024_qp2015_derive.csv"
COMPARATEUR: Final = "insee_comparateur_2022/base_cc_comparateur.CSV"
#: The CALL's 22 perimeters (ANCT, transcribed), the only QPV 2024 perimeters bundled.
CALL_PERIMETERS: Final = "qpv_perimetres_call/qpv_2024_call.geojson"
CALL_SIREN: Final = "246200364"

QPV_FOLDER: Final = "insee_qpv2015_indicateurs"
#: (family, edition, file): the same editions as the CALL build (DEMO 2020 exists only as the
#: "data_DEMO_2020_V1_QP" release; data_DEMO_2019/2021_V1_QP repeat DEMO_2019/2021).
QPV_FILES: Final = tuple(
    [("DEMO", year, f"{QPV_FOLDER}/DEMO_{year}.csv") for year in (2017, 2018, 2019, 2021, 2022)]
    + [("DEMO", 2020, f"{QPV_FOLDER}/data_DEMO_2020_V1_QP.csv")]
    + [("REVN", year, f"{QPV_FOLDER}/REVN_{year}.csv") for year in (2017, 2018, 2019, 2021, 2022)]
    + [("IPRO", year, f"{QPV_FOLDER}/IPRO_{year}.csv") for year in range(2017, 2023)])
FILOQP_FILES: Final = tuple((year, f"{QPV_FOLDER}/data_filo{year % 100}_qp_revdis.csv")
                            for year in (2016, 2017, 2018, 2019))

FILO_FOLDER: Final = "insee_filosofi_disp_2014_2019"
#: Filosofi distribution files by level; INSEE's 2017 commune file is not in the pack.
FILO_FILES: Final = {
    level: tuple((year, f"{FILO_FOLDER}/FILO{year}_DISP_{level}.csv")
                 for year in range(2014, 2020) if not (level == "COM" and year == 2017))
    for level in ("COM", "EPCI", "DEP", "REG", "METROPOLE")}

TP60_FOLDER: Final = "insee_filosofi_tp60_2015_2016"
TP60_FILES: Final = {level: tuple((year, f"{TP60_FOLDER}/filosofi_{level}_{year}.csv")
                                  for year in (2015, 2016)) for level in ("com", "epci")}

NEET_FOLDER: Final = "ot_neet_2018"
NEET_FILES: Final = {level: f"{NEET_FOLDER}/neet_{level}_2018.csv"
                     for level in ("communes", "epci", "dpt", "region")}

#: Every file of the pack, in the order the pack lists them.
PACK_FILES: Final = tuple(
    [COMMUNES, EPCI_LIST, COMMUNES_DELEGUEES, COMMUNE_SHAPES, EPCI_SHAPES, QPV_COMMUNES,
     QPV_PASSAGE, COMPARATEUR, CALL_PERIMETERS]
    + [name for _, _, name in QPV_FILES] + [name for _, name in FILOQP_FILES]
    + [name for files in FILO_FILES.values() for _, name in files]
    + [name for files in TP60_FILES.values() for _, name in files]
    + list(NEET_FILES.values()))
