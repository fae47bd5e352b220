"""A French text made from a template and its values, that still knows its template: the
models write French (files, packages and PDFs use it as it is), and a view can put the same
template in the interface language and fill it with the same values. Qt-free."""
from __future__ import annotations


class Phrase(str):
    """``Phrase("Commune : {name}", name="Lens")`` is the string « Commune : Lens »."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> "Phrase":
        phrase = super().__new__(cls, template.format(**values))
        phrase.template, phrase.values = template, values
        return phrase

    def __reduce__(self):
        return _rebuild, (self.template, self.values)


def _rebuild(template: str, values: dict[str, object]) -> Phrase:
    return Phrase(template, **values)
