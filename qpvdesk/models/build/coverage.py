"""The ``coverage`` table: by topic, whether the database holds it for its EPCI, from which
source, or why not — so that the app says « non disponible pour cette agglomération » rather
than showing an empty layer or table as if there were nothing there."""
from __future__ import annotations

from .schema import insert_rows

#: topic -> French label, in display order.
TOPICS = {
    "communes": "Communes et intercommunalité (contours, populations légales)",
    "qpv_liste": "Liste des QPV 2024 et leurs communes",
    "qpv_perimetres": "Périmètres des QPV 2024",
    "qpv_perimetres_2015": "Périmètres des QPV 2015",
    "indicateurs_qpv": "Indicateurs INSEE des QPV (DEMO, REVN, IPRO ; Filosofi par QPV)",
    "filosofi": "Revenus Filosofi des communes, de l'EPCI, du département, de la région et de "
                "la France",
    "comparateur_2022": "Comparateur de territoires INSEE, édition 2022",
    "comparateur_2025": "Comparateur de territoires INSEE, édition 2025 (recensement 2022)",
    "neet": "Jeunes non insérés (NEET), Observatoire des territoires",
    "observatoire_epci_2021_2022": "Indicateurs 2021-2022 de l'EPCI et de ses voisins "
                                   "(Observatoire des territoires)",
    "iris": "IRIS : contours et indicateurs Filosofi et CAF par IRIS",
    "equipements_bpe": "Équipements (base permanente des équipements) par IRIS et par QPV",
    "etablissements_scolaires": "Établissements scolaires : IPS, éducation prioritaire "
                                "(REP/REP+)",
    "patrimoine_minier": "Patrimoine minier et périmètre UNESCO du Bassin minier",
    "postes_politique_ville": "Postes adultes-relais et FONJEP du contrat de ville",
    "delinquance": "Délinquance enregistrée (SSMSI)",
    "typologies_communes": "Typologies des communes (densité, centralité, ruralité)",
}

NOT_FOR_THIS_EPCI = ("Non disponible pour cette agglomération : qpvdesk n'embarque cette donnée "
                     "que pour la CA de Lens-Liévin ; aucune source nationale n'est fournie.")
PERIMETERS_2015 = ("Non disponible : les périmètres 2015 ne sont pas embarqués (les indicateurs "
                   "INSEE portent sur la géographie 2015, les contours dessinés sont ceux de "
                   "2024).")


def write_coverage(conn, details: dict[str, tuple[bool, str]]) -> None:
    """One row per topic; a topic the build does not mention is absent for this EPCI."""
    unknown = set(details) - set(TOPICS)
    if unknown:
        raise ValueError(f"unknown coverage topic(s): {sorted(unknown)}")
    rows = []
    for topic, label in TOPICS.items():
        available, detail = details.get(topic, (False, NOT_FOR_THIS_EPCI))
        rows.append((topic, label, int(available), detail))
    insert_rows(conn, "coverage", ["topic", "label", "available", "detail"], rows)


def perimeter_state(total: int, provided: int) -> str:
    """metadata 'perimeters': fournis, partiels, non fournis (or sans objet: no QPV)."""
    if not total:
        return "sans objet"
    return "fournis" if provided == total else "partiels" if provided else "non fournis"


def perimeter_detail(total: int, provided: int, source: str | None) -> tuple[bool, str]:
    """The qpv_perimetres row: available only when every QPV has its perimeter."""
    if not total:
        return False, "Aucun quartier prioritaire 2024 ne touche cette intercommunalité."
    if provided == total:
        return True, f"Périmètres ANCT – SIG Ville ({source})."
    missing = total - provided
    text = (f"Périmètre non fourni pour {missing} des {total} QPV : ils sont placés au centre de "
            "leur commune sur la carte. Ajoutez le fichier national des périmètres (ANCT, "
            "« QP2024 », GeoJSON, GeoPackage ou Shapefile).")
    if provided:
        text += f" Périmètres fournis pour les autres ({source})."
    return False, text
