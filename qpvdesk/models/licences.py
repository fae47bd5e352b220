"""Who must be credited, and how: one credit per bundled dataset, plus the software licences.

The provenance table of the reference database already holds each source's producer, licence
and vintage (copied from data/sources/*/PROVENANCE.md by models/build/provenance.py). This
module adds what the « Sources et licences » dialog needs on top: the dataset's French name, a
short producer name for the citation, whether the PROVENANCE.md really *states* the licence
(if not, the dialog says « voir PROVENANCE.md » rather than assuming one), and the citation
sentence Licence Ouverte / Etalab 2.0 asks for. Qt-free.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

LICENCE_OUVERTE = "Licence Ouverte / Open Licence version 2.0 (Etalab)"
LICENCE_OUVERTE_LINK = "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
SEE_PROVENANCE = "voir PROVENANCE.md"
NOT_STATED = f"{SEE_PROVENANCE} (licence non précisée par la source)"

# folder -> (dataset name in French, producer as cited). Names follow each PROVENANCE.md.
DATASETS: dict[str, tuple[str, str]] = {
    "qpv_perimetres": (
        "Quartiers prioritaires de la politique de la ville (QPV), périmètres",
        "ANCT – SIG Ville"),
    "qpv_liste_codes": (
        "Codes et noms des quartiers prioritaires 2015 et 2024",
        "INSEE ; ANCT – SIG Ville"),
    "insee_qpv_indicateurs": (
        "Données des quartiers de la politique de la ville (bases DEMO, REVN, IPRO)",
        "INSEE"),
    "insee_filosofi_caf": (
        "Filosofi, revenus disponibles ; données CAF par IRIS",
        "INSEE ; CNAF"),
    "communes_epci_call": (
        "ADMIN EXPRESS COG (contours des communes) ; découpage administratif (membres et "
        "populations de l'EPCI)", "IGN ; DGCL / INSEE"),
    "iris_contours_2020": (
        "Contours IRIS ; liste des IRIS",
        "IGN – INSEE"),
    "education_ips_rep": (
        "IPS des collèges et des écoles ; établissements et éducation prioritaire (REP/REP+)",
        "Ministère de l'Éducation nationale"),
    "bassin_minier_unesco_call": (
        "Bassin minier Patrimoine mondial UNESCO : périmètre, zone tampon, bâtis, cités "
        "minières, terrils ; anciens puits de mines", "Mission Bassin Minier"),
    "anct_typologies_communes": (
        "Typologies des communes (densité, centralités, ruralité)",
        "ANCT ; INSEE ; Inrae/CESAER"),
    "insee_comparateur_2022": (
        "Comparateur de territoires, base communale (édition 2022), communes de la CALL",
        "INSEE"),
    "insee_comparateur_2022_national": (
        "Comparateur de territoires, base communale (édition 2022), toutes les communes",
        "INSEE"),
    "insee_comparateur_2025": (
        "Comparateur de territoires, base communale (édition 2025), communes de la CALL",
        "INSEE"),
    "insee_filosofi_tp60_2015_2016": (
        "Filosofi, communes et EPCI, taux de pauvreté", "INSEE"),
    "insee_filosofi_qpv_2016_2019": (
        "Filosofi, revenus disponibles localisés par quartier prioritaire", "INSEE"),
    "ot_neet_2008_2018": (
        "Part des jeunes non insérés (NEET)", "ANCT – Observatoire des territoires"),
    "ot_epci_indicateurs_2021_2022": (
        "Indicateurs des EPCI (ménages d'une personne, pauvreté, NEET)",
        "ANCT – Observatoire des territoires"),
    "insee_bpe_2018_2019_comptages": (
        "Base permanente des équipements, comptages par IRIS", "INSEE"),
    "anct_politique_ville_postes_adultes_relais_fonjep": (
        "Postes d'adultes-relais et FONJEP du contrat de ville", "ANCT"),
    "ssmsi_delinquance_dep62_reg32": (
        "Délinquance enregistrée, département et région", "SSMSI"),
}

# (component, what it does in qpvdesk, licence)
SOFTWARE_LICENCES: tuple[tuple[str, str, str], ...] = (
    ("qpvdesk", "Cette application", "EUPL-1.2 (Licence publique de l'Union européenne "
                                     "v1.2)"),
    ("Qt 6 / PySide6", "Fenêtres, boutons, dessin de la carte", "LGPLv3"),
    ("GDAL", "Lecture et écriture des fichiers géographiques (GeoPackage, GeoJSON…)", "MIT"),
    ("SpatiaLite", "Base de données géographique (SQLite)", "MPL"),
    ("PROJ", "Changements de projection (Lambert-93, GPS)", "MIT"),
    ("GEOS", "Calculs géométriques (surfaces, intersections)", "LGPL"),
    ("Signature des paquets", "Format de signature compatible minisign (Ed25519)",
     "Format ouvert et documenté"),
    ("BagIt", "Format des paquets (somme de contrôle de chaque fichier)",
     "Norme ouverte IETF, RFC 8493"),
)

# Words that, next to « Licence Ouverte », mean the licence is assumed, not stated.
_NOT_STATED_WORDS = ("expected", "not stated", "attendue", "non précisée")

@dataclass(frozen=True)
class DatasetCredit:
    folder: str
    dataset: str
    producer: str          # as recorded in the provenance table (full)
    cited_producer: str    # short, for the citation sentence
    vintage: str
    licence: str           # as shown: the recorded licence, or « voir PROVENANCE.md … »
    licence_stated: bool   # the PROVENANCE.md itself states the licence
    tables: tuple[str, ...]

    @property
    def attribution(self) -> str:
        """« Source : <producteur>, <jeu de données>, <millésime> » and the licence."""
        sentence = f"Source : {self.cited_producer}, {self.dataset}, {self.vintage}"
        if self.licence_stated and "licence ouverte" in self.licence.lower():
            return f"{sentence} — {LICENCE_OUVERTE} ({LICENCE_OUVERTE_LINK})"
        return f"{sentence} — licence : {SEE_PROVENANCE}"


def licence_stated(provenance_text: str) -> bool:
    """True if the PROVENANCE.md says the data are under the Licence Ouverte (Etalab), not
    merely that it is expected or not stated by the source."""
    flat = re.sub(r"\s+", " ", provenance_text.replace("*", "")).lower()
    for match in re.finditer(r"licence ouverte", flat):
        around = flat[max(0, match.start() - 40):match.end() + 60]
        if not any(word in around for word in _NOT_STATED_WORDS):
            return True
    return False


def read_provenance(sources_folder: Path, folder: str) -> str | None:
    path = Path(sources_folder) / folder / "PROVENANCE.md"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def dataset_credits(entries: Iterable, sources_folder: Path) -> list[DatasetCredit]:
    """One credit per source folder of ``entries`` (ProvenanceEntry-like: table_name,
    source_path, producer, licence, vintage), in the order of DATASETS then by name."""
    by_folder: dict[str, tuple[object, list[str]]] = {}
    for entry in entries:
        folder = entry.source_path.split("/", 1)[0]
        first, tables = by_folder.setdefault(folder, (entry, []))
        if entry.table_name not in tables:
            tables.append(entry.table_name)
    order = list(DATASETS)
    credits = []
    for folder in sorted(by_folder, key=lambda f: (order.index(f) if f in order else len(order),
                                                   f)):
        entry, tables = by_folder[folder]
        text = read_provenance(sources_folder, folder)
        stated = text is not None and licence_stated(text)
        dataset, cited = DATASETS.get(folder, (folder, entry.producer))
        credits.append(DatasetCredit(
            folder=folder, dataset=dataset, producer=entry.producer, cited_producer=cited,
            vintage=entry.vintage, licence=entry.licence if stated else NOT_STATED,
            licence_stated=stated, tables=tuple(tables)))
    return credits


def citation_block(credits: Iterable[DatasetCredit]) -> str:
    """Every attribution, one a line: what to paste under a map or a table made with
    qpvdesk."""
    return "\n".join(credit.attribution for credit in credits)
