"""French counts for the summaries: « 0 décision nouvelle », « 10 000 propositions »."""
from __future__ import annotations

from ..frenchnum import format_french_number


def plural(count: int, singular: str, plural_form: str) -> str:
    """French agrees 0 and 1 in the singular; thousands with a narrow no-break space."""
    return f"{format_french_number(count, 0)} {singular if count <= 1 else plural_form}"
