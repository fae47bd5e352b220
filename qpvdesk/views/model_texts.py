"""French labels that the Qt-free models define (proposal vocabulary, map layers and their
legends), marked here for Qt Linguist so that the views can show them in the interface
language. The models keep their French texts: files, packages and PDFs use them as they are.
A test checks that every such label of the models is marked below."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
)


def model_text(text: str) -> str:
    """A model's French label in the interface language (unchanged when not marked)."""
    return QCoreApplication.translate(CONTEXT, text)
