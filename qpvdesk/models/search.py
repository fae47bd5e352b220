"""Find a commune, a QPV or an IRIS by name or code, whatever the accents and case typed."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KIND_ORDER = ("commune", "qpv", "iris")

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
_SEPARATORS = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class SearchResult:
    kind: str      # "commune" | "qpv" | "iris"
    code: str      # INSEE code / 2024 QPV code / IRIS code
    label: str     # French display text
    bbox: tuple[float, float, float, float]   # Lambert-93 xmin, ymin, xmax, ymax


def normalize(text: str) -> str:
    """Lower case without accents; hyphens, apostrophes and other punctuation become single
    spaces: "Éleu-dit-Leauwette" -> "eleu dit leauwette"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", bare).strip()


@dataclass(frozen=True)
class _Entry:
    result: SearchResult
    name: str                 # normalized
    codes: tuple[str, ...]    # normalized

    def rank(self, query: str) -> int | None:
        """0 exact code, 1 name or code prefix, 2 prefix of a word, 3 substring, None."""
        if query in self.codes:
            return 0
        if self.name.startswith(query) or any(code.startswith(query) for code in self.codes):
            return 1
        if f" {query}" in f" {self.name}":
            return 2
        if query in self.name:
            return 3
        return None


# Each query gives: code, another code it is known by, name, commune name, bounding box.
_BBOX = "MbrMinX(g.geom), MbrMinY(g.geom), MbrMaxX(g.geom), MbrMaxY(g.geom)"
_QUERIES = {
    "commune": f"SELECT g.insee, NULL, g.name, NULL, {_BBOX} FROM commune g",
    "qpv": f"SELECT g.code, g.code_2015, g.name, NULL, {_BBOX} FROM qpv g",
    "iris": f"SELECT g.code, NULL, g.name, c.name, {_BBOX} FROM iris g "
            "JOIN commune c ON c.insee = g.commune_insee",
}


def _label(kind: str, code: str, other_code: str | None, name: str,
           commune: str | None) -> str:
    if kind == "commune":
        return f"{name} (commune, {code})"
    if kind == "qpv":
        return f"{name} — QPV {code} / {other_code}"
    return f"{name} (IRIS {code}, {commune})"


class SearchIndex:
    """Communes, QPV and IRIS of the reference database, loaded once and searched in memory."""

    def __init__(self, store) -> None:
        self._entries: list[_Entry] = []
        for kind in KIND_ORDER:
            rows = store.conn.execute(_QUERIES[kind]).fetchall()
            for code, other_code, name, commune, *bbox in rows:
                result = SearchResult(kind, code, _label(kind, code, other_code, name, commune),
                                      tuple(bbox))
                codes = tuple(normalize(item) for item in (code, other_code) if item)
                self._entries.append(_Entry(result, normalize(name), codes))

    def search(self, text: str, limit: int = 10) -> list[SearchResult]:
        """Best matches first: exact code, name prefix, word prefix, substring; at equal rank
        communes, then QPV, then IRIS, each alphabetically."""
        query = normalize(text)
        if not query:
            return []
        ranked = []
        for entry in self._entries:
            rank = entry.rank(query)
            if rank is not None:
                ranked.append(((rank, KIND_ORDER.index(entry.result.kind), entry.name,
                                entry.result.code), entry.result))
        ranked.sort(key=lambda item: item[0])
        return [result for _, result in ranked[:limit]]
