"""Find a commune, a QPV or an IRIS by name or code, whatever the accents and case typed."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
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


def french_order(text: str) -> tuple[str, str]:
    """Sort key of French alphabetical order: accents, case and hyphens do not count
    (Bénifontaine before Billy-Montigny, Éleu-dit-Leauwette among the E)."""
    return normalize(text), text


@dataclass(frozen=True)
class _Entry:
    result: SearchResult
    name: str                 # normalized
    codes: tuple[str, ...]    # normalized

    def rank(self, query: str) -> tuple[int, int] | None:
        """(0, 0) exact code, (1, 0) name or code prefix, (2, 0) prefix of a word,
        (3, 0) substring, None."""
        if query in self.codes:
            return 0, 0
        if self.name.startswith(query) or any(code.startswith(query) for code in self.codes):
            return 1, 0
        if f" {query}" in f" {self.name}":
            return 2, 0
        if query in self.name:
            return 3, 0
        return None

    def typo_rank(self, query: str) -> tuple[int, int] | None:
        """(4, typos) when every typed word is close to a word of the name, None."""
        typos = typo_distance(query, self.name)
        return None if typos is None else (4, typos)


def allowed_typos(word: str) -> int:
    """How many typing mistakes a typed word may hold: none below 4 letters (too many short
    words look alike), one up to 7, two beyond."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def edit_distance(typed: str, word: str, limit: int) -> int:
    """Optimal-string-alignment distance (insertions, deletions, substitutions, swaps of two
    neighbours), or limit + 1 as soon as it must exceed ``limit``."""
    previous2: list[int] = []
    previous = list(range(len(word) + 1))
    for i, char in enumerate(typed, start=1):
        current = [i] + [0] * len(word)
        for j, other in enumerate(word, start=1):
            cost = 0 if char == other else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == word[j - 2] and typed[i - 2] == other:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _word_typos(typed: str, words: Sequence[str], last: bool) -> int | None:
    """The fewest typos between a typed word and a word of the name (the last typed word may
    be the beginning of one: « residan » for « residence »)."""
    limit = allowed_typos(typed)
    best = None
    for word in words:
        candidates = [word]
        if last:
            candidates += [word[:length] for length in
                           range(max(1, len(typed) - limit), len(typed) + limit + 1)]
        distance = min((edit_distance(typed, candidate, limit) for candidate in candidates
                        if abs(len(candidate) - len(typed)) <= limit), default=limit + 1)
        if distance <= limit and (best is None or distance < best):
            best = distance
    return best


def typo_distance(query: str, name: str) -> int | None:
    """Total typos when every typed word is close to a word of the name (in any order), the
    last one possibly unfinished; None when a typed word is close to none."""
    typed_words, words = query.split(), name.split()
    total = 0
    for position, typed in enumerate(typed_words):
        typos = _word_typos(typed, words, last=position == len(typed_words) - 1)
        if typos is None:
            return None
        total += typos
    return total


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
        """Best matches first: exact code, name prefix, word prefix, substring, then names
        close to what was typed (a typo or two: « grande residance »); at equal rank
        communes, then QPV, then IRIS, each alphabetically."""
        query = normalize(text)
        if not query:
            return []
        ranked = self._ranked(query, _Entry.rank)
        if len(ranked) < limit:   # room left: names typed with a mistake or two
            ranked += self._ranked(query, _Entry.typo_rank,
                                   skip={result.code for _, result in ranked})
        ranked.sort(key=lambda item: item[0])
        return [result for _, result in ranked[:limit]]

    def _ranked(self, query: str, rank_of, skip: frozenset[str] | set[str] = frozenset()
                ) -> list[tuple[tuple, SearchResult]]:
        ranked = []
        for entry in self._entries:
            if entry.result.code in skip:
                continue
            rank = rank_of(entry, query)
            if rank is not None:
                ranked.append(((rank, KIND_ORDER.index(entry.result.kind), entry.name,
                                entry.result.code), entry.result))
        return ranked
