"""The workshop's vocabulary (models/atelier/vocabulary.py) marked for translation, so that
the English interface says it too (model_text translates what is marked here)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...models.atelier.vocabulary import AGE_BANDS, PLACE_CATEGORIES, PLACE_KINDS
from ..model_texts import model_text

MARKED = (
    QT_TRANSLATE_NOOP("ModelTexts", "J'y vais souvent"),
    QT_TRANSLATE_NOOP("ModelTexts", "Il manque ici…"),
    QT_TRANSLATE_NOOP("ModelTexts", "Je ne m'y sens pas bien"),
    QT_TRANSLATE_NOOP("ModelTexts", "École"),
    QT_TRANSLATE_NOOP("ModelTexts", "Commerce"),
    QT_TRANSLATE_NOOP("ModelTexts", "Santé"),
    QT_TRANSLATE_NOOP("ModelTexts", "Sport"),
    QT_TRANSLATE_NOOP("ModelTexts", "Transport"),
    QT_TRANSLATE_NOOP("ModelTexts", "Parc"),
    QT_TRANSLATE_NOOP("ModelTexts", "Service public"),
    QT_TRANSLATE_NOOP("ModelTexts", "Autre"),
    QT_TRANSLATE_NOOP("ModelTexts", "Moins de 18 ans"),
    QT_TRANSLATE_NOOP("ModelTexts", "18 à 29 ans"),
    QT_TRANSLATE_NOOP("ModelTexts", "30 à 44 ans"),
    QT_TRANSLATE_NOOP("ModelTexts", "45 à 59 ans"),
    QT_TRANSLATE_NOOP("ModelTexts", "60 à 74 ans"),
    QT_TRANSLATE_NOOP("ModelTexts", "75 ans et plus"),
)


def place_text(kind: str, category: str | None = None) -> str:
    """« J'y vais souvent — École » in the interface language."""
    text = model_text(PLACE_KINDS.get(kind, kind))
    if category:
        return f"{text.rstrip('…')} — {model_text(PLACE_CATEGORIES.get(category, category))}"
    return text


def category_text(category: str) -> str:
    return model_text(PLACE_CATEGORIES.get(category, category))


def age_text(band: str) -> str:
    return model_text(AGE_BANDS.get(band, band))
