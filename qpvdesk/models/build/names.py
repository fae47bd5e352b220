"""Names compared the way a user types them: accents, case, spaces and punctuation ignored."""
from __future__ import annotations

import re
import unicodedata


def folded(text: str) -> str:
    """« Lens - Liévin » -> « lens - lievin »: accents and case removed, the rest kept."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def normalized(text: str) -> str:
    """« Liévin » -> « lievin », « Lens - Liévin » -> « lenslievin »."""
    return re.sub(r"[^a-z0-9]", "", folded(text))


def words(text: str) -> list[str]:
    """« CA d'Hénin-Carvin » -> ['ca', 'd', 'henin', 'carvin']."""
    return [word for word in re.split(r"[^a-z0-9]+", folded(text)) if word]


def display_name(name: str) -> str:
    """« CA de Lens - Liévin » (the COG's spacing) as the agglomeration writes itself:
    « CA de Lens-Liévin »."""
    return re.sub(r"(\w) - (\w)", r"\1-\2", name)
