"""Names compared the way a user types them: accents, case, spaces and punctuation ignored."""
from __future__ import annotations

import re
import unicodedata


def normalized(text: str) -> str:
    """« Liévin » -> « lievin », « Lens - Liévin » -> « lenslievin »."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", text)
