"""Find an EPCI among the 1,255 of COG 2026 by SIREN or by name, accent- and case-insensitively
(for the first-run assistant and ``build-data --epci``). Qt-free; messages are French."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import national_layout as layout
from .national_pack import NationalPack
from .names import words

#: Words a user may type or leave out without changing which EPCI is meant.
_FILLERS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "sur"}
_KIND_WORDS = {"ca": "CA", "cc": "CC", "cu": "CU", "metropole": "METRO"}


@dataclass(frozen=True)
class EpciMatch:
    siren: str
    name: str
    kind: str               # CA, CC, CU, METRO, MET69
    population: int         # population municipale, in force on 1 January 2026
    communes: int
    qpv: int                # QPV 2024 with at least one commune in the EPCI


class UnknownEpci(LookupError):
    """No EPCI has this SIREN; the message suggests close ones, in French."""

    def __init__(self, query: str, suggestions: list[EpciMatch]) -> None:
        self.query = query
        self.suggestions = suggestions
        text = (f"Aucune intercommunalité n'a le SIREN « {query} » parmi les 1 255 EPCI au "
                "1er janvier 2026." if query.isdigit() else
                f"« {query} » n'est pas un SIREN d'intercommunalité (9 chiffres).")
        if suggestions:
            text += " Vouliez-vous dire : " + " ; ".join(
                f"{m.name} ({m.siren})" for m in suggestions) + " ?"
        else:
            text += " Cherchez-la par son nom."
        super().__init__(text)


def all_epci(pack: NationalPack | None = None) -> list[EpciMatch]:
    """The 1,255 EPCI of COG 2026 (read once per pack: the assistant searches as one types)."""
    pack = pack or NationalPack()
    return list(_epci_list(str(pack.folder), pack.manifest_sha256))


@lru_cache(maxsize=4)
def _epci_list(folder: str, manifest_sha256: str) -> tuple[EpciMatch, ...]:
    pack = NationalPack(Path(folder))
    table = pack.table(layout.EPCI_LIST, ["siren_epci", "nom_epci", "type_epci",
                                          "population_municipale", "nb_communes"])
    qpv: dict[str, set[str]] = {}
    for row in pack.table(layout.QPV_COMMUNES, ["code_qp", "siren_epci_cog2026"]).rows:
        qpv.setdefault(row["siren_epci_cog2026"], set()).add(row["code_qp"])
    return tuple(EpciMatch(r["siren_epci"], r["nom_epci"], r["type_epci"],
                           int(r["population_municipale"]), int(r["nb_communes"]),
                           len(qpv.get(r["siren_epci"], ())))
                 for r in table.rows)


def _tokens(text: str) -> list[str]:
    return [word for word in words(text) if word not in _FILLERS]


@lru_cache(maxsize=2048)
def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(_tokens(name))


def _score(query: list[str], epci: EpciMatch, name: list[str]) -> float:
    """1 per query word that starts a word of the name (or names its kind), else the best
    similarity with one; averaged."""
    total = 0.0
    for token in query:
        if _KIND_WORDS.get(token) == epci.kind or any(w.startswith(token) for w in name):
            total += 1.0
        else:
            total += max((_similarity(token, w) for w in name), default=0.0) * 0.9
    return total / len(query)


def _similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.ratio() if matcher.real_quick_ratio() >= 0.7 else 0.0


def search_epci(text: str, pack: NationalPack | None = None, limit: int = 10
                ) -> list[EpciMatch]:
    """EPCI matching ``text``: a SIREN (or its first digits), or words of the name in any
    order, accents and case ignored; best first, then the most populated."""
    text = text.strip()
    epcis = all_epci(pack)
    if not text:
        return []
    digits = re.sub(r"\s", "", text)
    if digits.isdigit():
        return [e for e in epcis if e.siren.startswith(digits)][:limit]
    query = _tokens(text)
    if not query:
        return []
    scored = [(_score(query, e, _name_tokens(e.name)), e) for e in epcis]
    scored = [(s, e) for s, e in scored if s >= 0.75]
    scored.sort(key=lambda pair: (-pair[0], -pair[1].population))
    return [e for _, e in scored[:limit]]


def find_epci(query: str, pack: NationalPack | None = None) -> EpciMatch:
    """The EPCI with this SIREN, or UnknownEpci suggesting close SIRENs (one or two digits
    apart) or, for a name, the EPCI it matches."""
    pack = pack or NationalPack()
    query = query.strip()
    epcis = all_epci(pack)
    for epci in epcis:
        if epci.siren == query:
            return epci
    if query.isdigit():
        near = [e for e in epcis if len(e.siren) == len(query)
                and sum(a != b for a, b in zip(e.siren, query)) <= 2]
        suggestions = sorted(near, key=lambda e: (sum(a != b for a, b in zip(e.siren, query)),
                                                  -e.population))[:5]
    else:
        suggestions = search_epci(query, pack, limit=5)
    raise UnknownEpci(query, suggestions)
