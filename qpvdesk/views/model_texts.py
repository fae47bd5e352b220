"""French labels that the Qt-free models define (proposal vocabulary, map layers and their
legends), marked here for Qt Linguist so that the views can show them in the interface
language. The models keep their French texts: files, packages and PDFs use them as they are.
A test checks that every such label of the models is marked below."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..models.phrase import Phrase

CONTEXT = "ModelTexts"

MARKED = (
    # proposal kinds and the values of the enumerated fields (models/proposals/vocabulary.py)
    QT_TRANSLATE_NOOP("ModelTexts", "Projet d'équipement"),
    QT_TRANSLATE_NOOP("ModelTexts", "Quartier vécu"),
    QT_TRANSLATE_NOOP("ModelTexts", "Demande de modification de périmètre"),
    QT_TRANSLATE_NOOP("ModelTexts", "École / périscolaire"),
    QT_TRANSLATE_NOOP("ModelTexts", "Santé"),
    QT_TRANSLATE_NOOP("ModelTexts", "Sport"),
    QT_TRANSLATE_NOOP("ModelTexts", "Culture"),
    QT_TRANSLATE_NOOP("ModelTexts", "Social et services publics"),
    QT_TRANSLATE_NOOP("ModelTexts", "Commerce"),
    QT_TRANSLATE_NOOP("ModelTexts", "Mobilité"),
    QT_TRANSLATE_NOOP("ModelTexts", "Espace vert et nature"),
    QT_TRANSLATE_NOOP("ModelTexts", "Autre"),
    QT_TRANSLATE_NOOP("ModelTexts", "Idée"),
    QT_TRANSLATE_NOOP("ModelTexts", "À l'étude"),
    QT_TRANSLATE_NOOP("ModelTexts", "Programmé"),
    QT_TRANSLATE_NOOP("ModelTexts", "Financé"),
    QT_TRANSLATE_NOOP("ModelTexts", "Ateliers d'habitants"),
    QT_TRANSLATE_NOOP("ModelTexts", "Services municipaux"),
    QT_TRANSLATE_NOOP("ModelTexts", "Associations"),
    QT_TRANSLATE_NOOP("ModelTexts", "Ajout"),
    QT_TRANSLATE_NOOP("ModelTexts", "Retrait"),
    # map layers (models/map/styles.py LAYERS)
    QT_TRANSLATE_NOOP("ModelTexts", "IRIS"),
    QT_TRANSLATE_NOOP("ModelTexts", "Bassin minier UNESCO (bien inscrit, zone tampon)"),
    QT_TRANSLATE_NOOP("ModelTexts", "Cités minières"),
    QT_TRANSLATE_NOOP("ModelTexts", "Terrils"),
    QT_TRANSLATE_NOOP("ModelTexts", "Communes"),
    QT_TRANSLATE_NOOP("ModelTexts", "Agglomération de Lens-Liévin"),
    QT_TRANSLATE_NOOP("ModelTexts", "Quartiers prioritaires 2024"),
    QT_TRANSLATE_NOOP("ModelTexts", "Puits de mine"),
    QT_TRANSLATE_NOOP("ModelTexts", "Collèges (IPS, REP/REP+)"),
    QT_TRANSLATE_NOOP("ModelTexts", "Mes quartiers vécus"),
    QT_TRANSLATE_NOOP("ModelTexts", "Mes demandes de modification de périmètre"),
    QT_TRANSLATE_NOOP("ModelTexts", "Mes projets d'équipement"),
    QT_TRANSLATE_NOOP("ModelTexts", "Quartiers vécus reçus des communes"),
    QT_TRANSLATE_NOOP("ModelTexts", "Demandes de périmètre reçues des communes"),
    QT_TRANSLATE_NOOP("ModelTexts", "Équipements proposés par les communes"),
    QT_TRANSLATE_NOOP("ModelTexts", "Surfaces modifiées par l'agglomération"),
    QT_TRANSLATE_NOOP("ModelTexts", "Équipements déplacés par l'agglomération"),
    # their legends (models/map/styles.py default_legend)
    QT_TRANSLATE_NOOP("ModelTexts", "REP+"),
    QT_TRANSLATE_NOOP("ModelTexts", "REP"),
    QT_TRANSLATE_NOOP("ModelTexts", "Hors éducation prioritaire"),
    QT_TRANSLATE_NOOP("ModelTexts", "Privé sous contrat"),
    QT_TRANSLATE_NOOP("ModelTexts", "IPS inférieur à 80"),
    QT_TRANSLATE_NOOP("ModelTexts", "IPS de 80 à 90"),
    QT_TRANSLATE_NOOP("ModelTexts", "IPS de 90 à 100"),
    QT_TRANSLATE_NOOP("ModelTexts", "IPS de 100 et plus"),
    QT_TRANSLATE_NOOP("ModelTexts", "Périmètre QPV 2024"),
    QT_TRANSLATE_NOOP("ModelTexts", "Limite communale"),
    QT_TRANSLATE_NOOP("ModelTexts", "Limite de l'agglomération"),
    QT_TRANSLATE_NOOP("ModelTexts", "Limite d'IRIS"),
    QT_TRANSLATE_NOOP("ModelTexts", "Quartier vécu reçu"),
    QT_TRANSLATE_NOOP("ModelTexts", "Demande de périmètre reçue"),
    QT_TRANSLATE_NOOP("ModelTexts", "Équipement proposé par une commune"),
    QT_TRANSLATE_NOOP("ModelTexts", "Surface modifiée par l'agglomération"),
    QT_TRANSLATE_NOOP("ModelTexts", "Emplacement modifié par l'agglomération"),
    # the agglomeration's decisions (models/decisions_vocabulary.py; « À l'étude » above)
    QT_TRANSLATE_NOOP("ModelTexts", "Reçue"),
    QT_TRANSLATE_NOOP("ModelTexts", "Retenue"),
    QT_TRANSLATE_NOOP("ModelTexts", "Retenue avec modifications"),
    QT_TRANSLATE_NOOP("ModelTexts", "Non retenue"),
    # the form's field labels and shape facts (models/proposals vocabulary.py, territory.py)
    QT_TRANSLATE_NOOP("ModelTexts", "Titre"),
    QT_TRANSLATE_NOOP("ModelTexts", "Description"),
    QT_TRANSLATE_NOOP("ModelTexts", "Catégorie"),
    QT_TRANSLATE_NOOP("ModelTexts", "Statut"),
    QT_TRANSLATE_NOOP("ModelTexts", "Année d'horizon"),
    QT_TRANSLATE_NOOP("ModelTexts", "Quartier prioritaire (QPV)"),
    QT_TRANSLATE_NOOP("ModelTexts", "Source de la connaissance"),
    QT_TRANSLATE_NOOP("ModelTexts", "Nature de la demande"),
    QT_TRANSLATE_NOOP("ModelTexts", "Justification"),
    QT_TRANSLATE_NOOP("ModelTexts", "Auteur"),
    QT_TRANSLATE_NOOP("ModelTexts", "Contact"),
    QT_TRANSLATE_NOOP("ModelTexts", "Géométrie"),
    QT_TRANSLATE_NOOP("ModelTexts", "Surface"),
    QT_TRANSLATE_NOOP("ModelTexts", "QPV concernés"),
    QT_TRANSLATE_NOOP("ModelTexts", "Surface ajoutée au QPV"),
    QT_TRANSLATE_NOOP("ModelTexts", "Surface retirée du QPV"),
    QT_TRANSLATE_NOOP("ModelTexts", "aucun"),
    # the Informations panel (models/map/identify.py)
    QT_TRANSLATE_NOOP("ModelTexts", "Quartier prioritaire : {name}"),
    QT_TRANSLATE_NOOP("ModelTexts", "Commune : {name}"),
    QT_TRANSLATE_NOOP("ModelTexts", "IRIS : {name}"),
    QT_TRANSLATE_NOOP("ModelTexts", "Code 2024"),
    QT_TRANSLATE_NOOP("ModelTexts", "Code 2015 (indicateurs INSEE)"),
    QT_TRANSLATE_NOOP("ModelTexts", "Superficie"),
    QT_TRANSLATE_NOOP("ModelTexts", "Part de sa superficie dans la CALL"),
    QT_TRANSLATE_NOOP("ModelTexts", "Population (INSEE, édition {edition})"),
    QT_TRANSLATE_NOOP("ModelTexts", "Code INSEE"),
    QT_TRANSLATE_NOOP("ModelTexts", "Population municipale ({year})"),
    QT_TRANSLATE_NOOP("ModelTexts", "Densité (grille INSEE)"),
    QT_TRANSLATE_NOOP("ModelTexts", "Centralité"),
    QT_TRANSLATE_NOOP("ModelTexts", "Quartiers prioritaires 2024"),
    QT_TRANSLATE_NOOP("ModelTexts", "Code IRIS"),
    QT_TRANSLATE_NOOP("ModelTexts", "Commune"),
    QT_TRANSLATE_NOOP("ModelTexts", "Type"),
    QT_TRANSLATE_NOOP("ModelTexts", "habitat"),
    QT_TRANSLATE_NOOP("ModelTexts", "activité"),
    QT_TRANSLATE_NOOP("ModelTexts", "divers"),
    QT_TRANSLATE_NOOP("ModelTexts", "commune non découpée"),
    QT_TRANSLATE_NOOP("ModelTexts", "Revenu disponible médian par UC ({year})"),
    QT_TRANSLATE_NOOP("ModelTexts", "UAI"),
    QT_TRANSLATE_NOOP("ModelTexts", "Secteur"),
    QT_TRANSLATE_NOOP("ModelTexts", "IPS (rentrée {year})"),
    QT_TRANSLATE_NOOP("ModelTexts", "Éducation prioritaire"),
    QT_TRANSLATE_NOOP("ModelTexts", "non concerné (privé)"),
    QT_TRANSLATE_NOOP("ModelTexts", "SIREN"),
    QT_TRANSLATE_NOOP("ModelTexts", "Typologie"),
    QT_TRANSLATE_NOOP("ModelTexts", "Compagnie"),
    QT_TRANSLATE_NOOP("ModelTexts", "Intérêt"),
    QT_TRANSLATE_NOOP("ModelTexts", "Élément UNESCO"),
    QT_TRANSLATE_NOOP("ModelTexts", "Propriétaire"),
    QT_TRANSLATE_NOOP("ModelTexts", "Concession"),
    QT_TRANSLATE_NOOP("ModelTexts", "Fosse"),
    QT_TRANSLATE_NOOP("ModelTexts", "Creusement"),
    QT_TRANSLATE_NOOP("ModelTexts", "Fermeture"),
    QT_TRANSLATE_NOOP("ModelTexts", "Profondeur (m)"),
    QT_TRANSLATE_NOOP("ModelTexts", "Surface (ha)"),
    QT_TRANSLATE_NOOP("ModelTexts", "Forme"),
    QT_TRANSLATE_NOOP("ModelTexts", "Période"),
)


def model_text(text: str) -> str:
    """A model's French label in the interface language (unchanged when not marked)."""
    return QCoreApplication.translate(CONTEXT, text)


def localized(text: str) -> str:
    """A model's French text in the interface language: a Phrase through its template and
    values, any other text as a marked label (unchanged when not marked)."""
    if isinstance(text, Phrase):
        return model_text(text.template).format(**text.values)
    return model_text(text)
