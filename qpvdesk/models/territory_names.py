"""How the screens and documents name the territories of the reference database: the EPCI
(« CALL » when the database gives it a short name, else its full name), the département and
the région its figures are compared with, and how many QPV it has. Read from the database,
never from constants, so that a database built for any EPCI speaks of its own territory."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass, replace

#: The CALL's database keeps the words its users know.
_CALL_DEPARTEMENT = {"62": ("Pas-de-Calais", "le Pas-de-Calais")}
_CALL_REGION = {"32": ("Hauts-de-France", "les Hauts-de-France")}


@dataclass(frozen=True)
class TerritoryNames:
    epci_name: str                 # « CA de Lens-Liévin », « Métropole Européenne de Lille »
    short: dict[str, str]          # level -> name in a column header or a list
    with_article: dict[str, str]   # level -> « la CALL », « la région Occitanie »
    qpv_count: int

    @property
    def epci(self) -> str:
        """« CALL », or the EPCI's full name."""
        return self.short["epci"]

    @property
    def epci_name_with_article(self) -> str:
        """« la CA de Lens-Liévin », « la Métropole Européenne de Lille » (every kind of EPCI
        — communauté, métropole — is feminine)."""
        return f"la {self.epci_name}"

    def say(self, text: str) -> str:
        """A French text written for the CALL (« la CALL », « hors CALL », « 22 QPV »), said
        of this database's territory; unchanged for the CALL's own database."""
        if self.short["epci"] == "CALL":
            return text
        for old, new in (("la CA de Lens-Liévin", self.epci_name_with_article),
                         ("CA de Lens-Liévin", self.epci_name),
                         ("la CALL", self.with_article["epci"]),
                         ("CALL", self.short["epci"]),
                         ("le Pas-de-Calais", self.with_article["departement"]),
                         ("Pas-de-Calais", self.short["departement"]),
                         ("les Hauts-de-France", self.with_article["region"]),
                         ("Hauts-de-France", self.short["region"])):
            text = text.replace(old, new)
        return re.sub(r"\b22 (QPV|quartiers)", rf"{self.qpv_count} \1", text)


def territory_names(conn) -> TerritoryNames:
    meta = dict(conn.execute("SELECT key, value FROM metadata"))
    name, = conn.execute("SELECT name FROM epci").fetchone()
    short_name = meta.get("epci_short_name") or ""
    names = {kind: (code, label) for kind, code, label in conn.execute(
        "SELECT kind, code, name FROM territory WHERE kind IN ('departement', 'region') "
        "ORDER BY kind, code")}   # the last of each kind, as the comparisons use it
    departement_code, departement = names.get("departement", ("", "département"))
    region_code, region = names.get("region", ("", "région"))
    departement_short, departement_article = _CALL_DEPARTEMENT.get(
        departement_code, (departement, f"le département {departement_code} ({departement})"))
    region_short, region_article = _CALL_REGION.get(region_code, (region, f"la région {region}"))
    epci_short = short_name or name
    short = {"commune": "commune", "epci": epci_short, "departement": departement_short,
             "region": region_short, "france": "France métropolitaine",
             "ensemble_qpv": "ensemble des QPV de France"}
    with_article = {"commune": "la commune", "epci": f"la {epci_short}",
                    "departement": departement_article, "region": region_article,
                    "france": "la France métropolitaine",
                    "ensemble_qpv": "l'ensemble des QPV de France"}
    count = conn.execute("SELECT count(*) FROM qpv").fetchone()[0]
    return TerritoryNames(name, short, with_article, count)


def said(value, say):
    """``value`` (a frozen dataclass, or tuples, lists and dicts of them) with every string
    passed through ``say``: a model written with the CALL's words, told of another EPCI."""
    if isinstance(value, str):
        return say(value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: said(getattr(value, f.name), say) for f in fields(value) if f.init}
        return replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(said(item, say) for item in value)
    if isinstance(value, list):
        return [said(item, say) for item in value]
    if isinstance(value, dict):
        return {key: said(item, say) for key, item in value.items()}
    return value
